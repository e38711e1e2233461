"""Opening the window from the command line; Qt is imported only here."""

from __future__ import annotations

import sys

from cli import strings as s


def open_window(file: str | None, screenshot: str | None) -> int:
    try:
        from gui.app import run
    except ImportError as exc:  # the window is built in gui/; report, do not crash
        print(s.GUI_NOT_AVAILABLE.format(reason=exc), file=sys.stderr)
        return 2
    return run(file, screenshot)
