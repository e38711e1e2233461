"""Opening a file or folder in the system's own program, and saying where it is
when that fails.

`QDesktopServices.openUrl` returns False when Windows has no program for a file
type, but on Linux it only starts ``xdg-open`` and reports that the start
worked, even when xdg-open then finds no program for .docx. On Linux we run
xdg-open ourselves and read its exit code (0 success; 3 no tool, 4 action
failed, per xdg-utils); anything else goes through QDesktopServices. Either
failure shows the path with a 复制路径 button, never nothing.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QProcess, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import strings as s

# xdg-open that has not answered by then has handed the file to a program that stays
# in the foreground (some desktops wait for the viewer): take it as opened.
XDG_PATIENCE_MS = 20_000


class PathDialog(QDialog):
    """「没能打开……」 with the path in a selectable field and 复制路径."""

    def __init__(self, parent: QWidget | None, path: str, folder: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(s.OPEN_FAILED_PATH_TITLE)
        self.path = path
        name = Path(path).name or path
        text = (s.OPEN_FAILED_FOLDER if folder else s.OPEN_FAILED_FILE).format(name=name)
        message = QLabel(text + "\n" + s.OPEN_FAILED_WHERE)
        message.setWordWrap(True)
        self.field = QLineEdit(path)
        self.field.setReadOnly(True)
        wanted = self.field.fontMetrics().horizontalAdvance(path) + 40
        self.field.setMinimumWidth(min(760, max(420, wanted)))
        self.field.setCursorPosition(0)
        self.copy_button = QPushButton(s.OPEN_FAILED_COPY)
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.copy_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(s.OPEN_FAILED_CLOSE)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.path)
        self.copy_button.setText(s.OPEN_FAILED_COPIED)


def show_unopened(parent: QWidget | None, path: str, folder: bool = False) -> PathDialog:
    """Say that `path` could not be opened and where it is (window-modal, returns at once)."""
    dialog = PathDialog(parent, path, folder)
    dialog.setObjectName("unopenedPathDialog")
    dialog.open()
    return dialog


def open_path(
    parent: QWidget,
    path: str,
    file: str | None = None,
    *,
    opened: Callable[[], None] | None = None,
    failed: Callable[[], None] | None = None,
) -> None:
    """Open `path` (a file, or a folder) in the system's program. When that fails,
    `failed` is called — by default the dialog that shows `file` (the exported file,
    for a folder) or `path` with a copy button; `opened` once the program has it
    (both may come later, from xdg-open's exit)."""
    shown = file or path
    is_folder = Path(path).is_dir()

    def fail_once() -> None:
        if failed is not None:
            failed()
        else:
            show_unopened(parent, shown, is_folder and file is None)

    def success() -> None:
        if opened is not None:
            opened()

    xdg = shutil.which("xdg-open") if sys.platform.startswith("linux") else None
    if xdg is None:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            success()
        else:
            fail_once()
        return
    process = QProcess(parent)
    answered = {"said": False}

    def fail() -> None:
        if not answered["said"]:
            answered["said"] = True
            fail_once()

    def finished(code: int, status: QProcess.ExitStatus) -> None:
        if status != QProcess.ExitStatus.NormalExit or code != 0:
            fail()
        elif not answered["said"]:
            answered["said"] = True
            success()
        process.deleteLater()

    def error(err: QProcess.ProcessError) -> None:
        if err == QProcess.ProcessError.FailedToStart:
            fail()
            process.deleteLater()

    process.finished.connect(finished)
    process.errorOccurred.connect(error)
    process.start(xdg, [path])

    # a viewer that keeps xdg-open waiting is fine: stop listening, never kill it
    def stop_listening() -> None:
        process.finished.disconnect()
        process.errorOccurred.disconnect()
        if not answered["said"]:
            answered["said"] = True
            success()

    QTimer.singleShot(XDG_PATIENCE_MS, process, stop_listening)
