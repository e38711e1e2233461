"""Start-up time: the app window with a report loaded vs a bare PySide6 window.

Both are measured in this one run, as whole processes (interpreter start to the
first painted window, then quit), offscreen, interleaved, several times each;
the medians and their ratio are printed. Target (issue 8): ratio ≤ 1.3.

Fair to both sides:
- the project and the virtual environment's site-packages are byte-compiled once
  first (`python -m compileall -q`), as an installed app ships precompiled
  bytecode (this matters where PYTHONDONTWRITEBYTECODE is set);
- both processes quit right after their window's first paint: the bare window's
  own, and for the app the paint of the report's page (`NIANBAO_EXIT_WHEN_SHOWN=1`,
  see gui/app.py); the app's quit includes what a real quit does (saving the
  window geometry);
- the app finds its folders the way an installed app does (platformdirs), in a
  temporary XDG home, rather than through the NIANBAO_HOME override.

    uv run python bench/bench_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import site
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_DIRS = ("cli", "gui", "model", "exporters", "importers")

BARE = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1280, 820)
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
probe = FirstPaint()
w.installEventFilter(probe)
w.show()
app.exec()
"""


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


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        cmd, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    folders = byte_compile()
    print(f"byte-compiled first (python -m compileall -q): {len(folders)} folders")
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
        app_env = dict(env, NIANBAO_EXIT_WHEN_SHOWN="1")
        bare_cmd = [sys.executable, "-c", BARE]
        app_cmd = [sys.executable, "main.py", str(draft)]
        timed(bare_cmd, env)  # warm the file cache for both
        timed(app_cmd, app_env)
        bare, app = [], []
        for _ in range(args.runs):  # interleaved, so machine load hits both alike
            bare.append(timed(bare_cmd, env))
            app.append(timed(app_cmd, app_env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"bare PySide6 window : median {b * 1000:.0f} ms, min {min(bare) * 1000:.0f} ms")
    print(f"Nianbao with report : median {a * 1000:.0f} ms, min {min(app) * 1000:.0f} ms")
    print(f"ratio of medians    : {a / b:.2f} (target ≤ 1.30), over {args.runs} runs each")
    return 0


if __name__ == "__main__":
    sys.exit(main())
