"""Start-up time: the app window with a report loaded vs a bare PySide6 window.

Both are measured in this one run, as whole processes (interpreter start to the
first shown window), offscreen, several times each; the medians and their ratio
are printed. Target (issue 8): ratio ≤ 1.3.

    uv run python bench/bench_startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1280, 820)
w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NIANBAO_HOME=home)
        draft = Path(home) / "sample.nianbao"
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
    print(f"bare PySide6 window : median {b * 1000:.0f} ms over {args.runs} runs")
    print(f"Nianbao with report : median {a * 1000:.0f} ms over {args.runs} runs")
    print(f"ratio               : {a / b:.2f} (target ≤ 1.30)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
