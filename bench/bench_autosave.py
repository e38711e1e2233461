"""Autosave: `uv run python bench/bench_autosave.py [--seconds 30] [--interval 0.1] [--runs 20]`.

1. Typing behind the autosave under steady typing. A window with the app's own
   autosave timings (gui/autosave.py) gets one character typed into section 五
   (through the editor, as keys) every `--interval` seconds for `--seconds`
   seconds: never a pause. A crash at any moment loses the typing the last
   finished copy lacks; for each copy, this measures the longest such stretch
   just before it reached the disk (from the first character the previous copy
   lacked). Prints the maximum and the median. Promise (issue 13): at most 5 s.
2. UI-thread time of one autosave of a large draft: every cell filled, three
   sections and last year's three texts at the limit (model.limits, 200,000
   characters each), and of a typical one (3,000 characters each). Times
   `Autosaver.save_now()` on the UI thread (the snapshot; encoding and writing
   run in a background thread), the median and the worst of `--runs`; the
   background write itself; and the longest stall of the event loop (a 1 ms
   timer) while the write runs. The UI thread waits for the interpreter lock
   while the background thread encodes long texts in one go: that, not the
   snapshot (well under a millisecond), is most of the time on a large draft.

Runs offscreen; the machine's other load makes the numbers larger, not smaller.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NIANBAO_HOME", tempfile.mkdtemp(prefix="nianbao-bench-"))

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

PROMISE_S = 5.0


def _pump(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.001)


def typing_behind(app: QApplication, seconds: float, interval: float) -> list[float]:
    """Per finished copy: the seconds of typing a crash just before it would lose."""
    from gui import dialogs
    from gui.main_window import MainWindow
    from tests.factories import random_report

    dialogs.ask_save_changes = lambda *_a: dialogs.SaveChoice.DISCARD  # type: ignore[assignment]
    window = MainWindow()  # the app's own autosave timings
    window.open_report(random_report(random.Random(3), 2023, "某某市某某局"))
    window.resize(1200, 800)
    window.show()
    window.select_page("五")
    editor = window.pages["五"].editor
    editor.setFocus()

    taken: list[float] = []  # when each copy was taken (the snapshot)
    done: list[tuple[float, float]] = []  # (taken, on disk) per finished copy
    get_copy = window.autosaver._get_copy

    def copy_and_note():
        copy = get_copy()
        if copy is not None:
            taken.append(time.monotonic())
        return copy

    window.autosaver._get_copy = copy_and_note
    window.autosaver.saved.connect(lambda _when: done.append((taken[-1], time.monotonic())))

    keys: list[float] = []
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        QTest.keyClicks(editor, "a")
        keys.append(time.monotonic())
        _pump(app, interval)
    _pump(app, PROMISE_S)  # the last copy
    window.autosaver.wait()

    behind = []
    previous_taken = float("-inf")
    for snap, on_disk in done:
        lacking = [k for k in keys if previous_taken < k <= on_disk]
        if lacking:
            behind.append(on_disk - lacking[0])
        previous_taken = snap
    window.close()
    return behind


def draft(chars: int) -> object:
    """A report with every cell filled, and three sections and last year's three
    texts of `chars` characters each."""
    from model.report import PreviousYear
    from tests.factories import random_report

    report = random_report(random.Random(5), 2023, "某某市某某局")
    text = ("本机关认真贯彻落实政府信息公开条例，持续深化政务公开。" * (chars // 20 + 1))[:chars]
    for section in report.texts:
        report.set_text(section, text)
    last = random_report(random.Random(6), 2022, "某某市某某局")
    report.set_previous(
        PreviousYear(2022, last.spec.id, last.meta.agency, last.values(), dict(report.texts))
    )
    return report


class StallMeter:
    """The longest gap between ticks of a 1 ms timer: how long the event loop stood."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.longest_ms = 0
        self._last = 0
        self._timer = QTimer()
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.clock.start()
        self._last = 0
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.longest_ms = max(self.longest_ms, now - self._last)
        self._last = now


def autosave_cost(app: QApplication, report, runs: int) -> tuple[list[float], list[float], float]:
    """UI-thread seconds of save_now(), background write seconds, longest loop stall."""
    from gui.autosave import Autosaver

    saver = Autosaver(report.snapshot, lambda: None)
    meter = StallMeter()
    ui, writes = [], []
    for _ in range(runs):
        start = time.perf_counter()
        saver.save_now()
        ui.append(time.perf_counter() - start)
        meter.start()
        while saver.pending:
            app.processEvents()
        meter.stop()
        writes.append(time.perf_counter() - start)
    saver.close()
    return ui, writes, meter.longest_ms / 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--interval", type=float, default=0.1)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])

    from gui.autosave import AUTOSAVE_CEILING_MS, AUTOSAVE_PAUSE_MS

    print(
        f"autosave: {AUTOSAVE_PAUSE_MS / 1000:g} s after a pause, "
        f"at most {AUTOSAVE_CEILING_MS / 1000:g} s after the first unsaved change"
    )
    behind = typing_behind(app, args.seconds, args.interval)
    print(
        f"1. steady typing, one key every {args.interval:g} s for {args.seconds:g} s: "
        f"{len(behind)} copies; typing behind the autosave at most {max(behind):.2f} s, "
        f"median {statistics.median(behind):.2f} s (promise: ≤ {PROMISE_S:g} s)"
    )
    from model import limits

    for name, chars in (("large draft", limits.MAX_TEXT_CHARS), ("typical draft", 3000)):
        ui, writes, stall = autosave_cost(app, draft(chars), args.runs)
        ms = sorted(t * 1000 for t in ui)
        print(
            f"2. {name} (6 texts of {chars:,} characters), UI thread per autosave: median "
            f"{statistics.median(ms):.2f} ms, worst {ms[-1]:.2f} ms ({len(ms)} runs); "
            f"background write median {statistics.median(writes) * 1000:.0f} ms; longest "
            f"event-loop stall meanwhile {stall * 1000:.0f} ms"
        )
    return 0 if max(behind) <= PROMISE_S else 1


if __name__ == "__main__":
    sys.exit(main())
