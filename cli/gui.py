"""Opening the window from the command line; Qt is imported only here."""

from __future__ import annotations

import sys

from cli import strings as s


def open_window(file: str | None, screenshot: str | None) -> int:
    try:
        from gui.app import run
    except ImportError as exc:  # Qt or its system libraries missing: say so, no traceback
        print(s.GUI_NOT_AVAILABLE.format(reason=exc), file=sys.stderr)
        return 2
    return run(file, screenshot)
