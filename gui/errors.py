"""Unexpected errors surface here, and only here.

`sys.excepthook` and `threading.excepthook` both route to `report_exception`, which
logs the traceback to the log folder and shows a short Chinese message whose
details (the traceback) can be copied. Errors in finalisers (`sys.unraisablehook`)
and libraries' warnings only go to the log (model.logs). Expected failures (a draft that cannot be
read, an export that cannot be written) are domain exceptions with a readable
message, shown by the code that expects them with `show_error`.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gui import strings as s
from model import logs

log = logging.getLogger("nianbao")  # model.logs writes it to the log file


def setup_logging() -> str:
    """Log to a file in the log folder; returns its path."""
    return str(logs.setup_logging())


def format_details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    return "".join(traceback.format_exception(exc_type, exc, tb))


class _Reporter(QObject):
    # threading.excepthook runs in the failing thread; the box must open in the
    # main thread, so the report travels through a queued signal.
    report = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.report.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.showing = False

    def _show(self, details: str) -> None:
        if self.showing:  # one box at a time; the rest is in the log
            return
        self.showing = True
        try:
            show_unexpected(details)
        finally:
            self.showing = False


_reporter: _Reporter | None = None


def show_unexpected(details: str, parent: QWidget | None = None) -> None:
    """The short Chinese message with the traceback as copyable details."""
    box = QMessageBox(parent or QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(s.ERROR_TITLE)
    box.setText(s.ERROR_TEXT)
    box.setInformativeText(
        s.ERROR_INFO_DETAILS + "\n" + s.ERROR_LOGGED.format(path=str(logs.log_path()))
    )
    box.setDetailedText(details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def report_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """Log an unexpected exception and tell the officer, without quitting."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    details = format_details(exc_type, exc, tb)
    log.error("unexpected error\n%s", details)
    if _reporter is not None and QApplication.instance() is not None:
        _reporter.report.emit(details)
    else:
        sys.__excepthook__(exc_type, exc, tb)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    report_exception(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)


def install() -> None:
    """Route uncaught exceptions of every thread to `report_exception`."""
    global _reporter
    setup_logging()
    logs.install_unraisable_hook()  # finalisers' errors: to the log, never a box
    if _reporter is None:
        _reporter = _Reporter()
    sys.excepthook = report_exception
    threading.excepthook = _thread_hook


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """An expected failure, already phrased in Chinese (DraftError, ImportRefused…)."""
    QMessageBox.warning(parent, title, message)
