"""Start-up time: the app window with a report loaded vs a bare PySide6 window.

Both are measured in this one run, as whole processes, offscreen, interleaved,
several times each. Two figures per side:
- *shown*: from starting the process to its window standing painted (what the
  officer waits for; the target of issue 8 is app ≤ 1.3 × bare on this one);
- *process*: start to exit (includes quitting).
Each child prints the moment of its first frame on the system-wide monotonic clock
(`time.monotonic`), so the parent can subtract its own start time.

Fair to both sides:
- the project and the virtual environment's site-packages are byte-compiled once
  first (`python -m compileall -q`), as an installed app ships precompiled
  bytecode (this matters where PYTHONDONTWRITEBYTECODE is set);
- both quit right after their first frame: the bare window's own, and for the app
  the frame with the report's page (`NIANBAO_EXIT_WHEN_SHOWN=1`, gui/app.py);
  the app's quit includes what a real quit does (saving the window geometry);
- the app finds its folders the way an installed app does (platformdirs), in a
  temporary XDG home, rather than through the NIANBAO_HOME override.

`--floor` adds reference windows that are not Nianbao: the bare window plus only
touching PySide6's `Qt` namespace (PySide6 builds ~90 Python enums for it), plus a
label in Chinese (CJK font loading), plus both. Any PySide6 app with a real window
pays these; they show how much of the 1.3 budget is left for the app's own work.

`--instructions` also counts, once per program, the instructions executed from
start to exit under valgrind's callgrind: slow (tens of seconds), but the same on
a busy or an idle machine, so small changes can be compared.

    uv run python bench/bench_startup.py [--runs 15] [--floor] [--instructions]
"""

from __future__ import annotations

import argparse
import os
import shutil
import site
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from gui.app import SHOWN_MARK

ROOT = Path(__file__).resolve().parent.parent
PROJECT_DIRS = ("cli", "gui", "model", "exporters", "importers")

WINDOW = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1280, 820)
{extra}
def shown():
    print(f"{mark}{{time.monotonic():.6f}}", flush=True)
    app.quit()
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, shown)
        return False
probe = FirstPaint()
w.installEventFilter(probe)
w.show()
app.exec()
"""
TOUCH_QT = "from PySide6.QtCore import Qt\nw.setFocusPolicy(Qt.FocusPolicy.StrongFocus)"
CHINESE_LABEL = "w.setCentralWidget(QLabel('政府信息公开工作年度报告'))"
REFERENCES = {
    "bare PySide6 window": "",
    "+ Qt namespace": TOUCH_QT,
    "+ Chinese label": CHINESE_LABEL,
    "+ both": TOUCH_QT + "\n" + CHINESE_LABEL,
}
BARE = "bare PySide6 window"
APP = "Nianbao with report"


def byte_compile() -> list[str]:
    """Compile the project and site-packages; returns the folders compiled."""
    folders = [str(ROOT / d) for d in PROJECT_DIRS if (ROOT / d).is_dir()]
    folders += [sysconfig.get_paths()["purelib"], *site.getsitepackages()]
    folders = sorted(set(folders))
    # Not checked: a few third-party files (test data) do not compile, by design.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "-j", "0", *folders],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return folders


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds until the window was shown, seconds until the process ended)."""
    start = time.monotonic()
    done = subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    end = time.monotonic()
    shown = [line for line in done.stdout.splitlines() if line.startswith(SHOWN_MARK)]
    if not shown:
        raise SystemExit(f"no first frame reported by {cmd[:3]}: {done.stderr[-500:]}")
    return float(shown[-1][len(SHOWN_MARK) :]) - start, end - start


def instructions(cmd: list[str], env: dict[str, str]) -> int | None:
    """Instructions executed by `cmd` (callgrind's total), or None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        for line in out.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--floor", action="store_true", help="also time the reference windows")
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions (valgrind)"
    )
    args = parser.parse_args()
    folders = byte_compile()
    print(f"byte-compiled first (python -m compileall -q): {len(folders)} folders")
    references = REFERENCES if args.floor else {BARE: REFERENCES[BARE]}
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        env.pop("NIANBAO_HOME", None)
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[var] = str(home / var.lower())
        draft = home / "sample.nianbao"
        subprocess.run(
            [sys.executable, "main.py", "sample", "-o", str(draft)],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        commands = {
            name: ([sys.executable, "-c", WINDOW.format(extra=extra, mark=SHOWN_MARK)], env)
            for name, extra in references.items()
        }
        commands[APP] = (
            [sys.executable, "main.py", str(draft)],
            dict(env, NIANBAO_EXIT_WHEN_SHOWN="1"),
        )
        for cmd, cmd_env in commands.values():  # warm the file cache for all
            timed(cmd, cmd_env)
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved, so machine load hits all alike
            for name, (cmd, cmd_env) in commands.items():
                results[name].append(timed(cmd, cmd_env))
        counts = (
            {name: instructions(cmd, cmd_env) for name, (cmd, cmd_env) in commands.items()}
            if args.instructions
            else {}
        )
    median = statistics.median
    bare_shown = median(r[0] for r in results[BARE])
    bare_proc = median(r[1] for r in results[BARE])
    print(f"medians over {args.runs} runs each      shown            process")
    for name, runs in results.items():
        shown, proc = median(r[0] for r in runs), median(r[1] for r in runs)
        print(
            f"{name:28s} {shown * 1000:5.0f} ms ×{shown / bare_shown:4.2f}"
            f"   {proc * 1000:5.0f} ms ×{proc / bare_proc:4.2f}"
        )
    if counts:
        if counts[BARE] is None:
            print("instructions: valgrind is not installed")
        else:
            print("instructions, start to exit (callgrind, one run each)")
            for name, count in counts.items():
                assert count is not None
                print(f"{name:28s} {count / 1e6:7.0f} M ×{count / counts[BARE]:4.2f}")
    print("target (issue 8): Nianbao shown ≤ ×1.30 of the bare window shown")
    return 0


if __name__ == "__main__":
    sys.exit(main())
