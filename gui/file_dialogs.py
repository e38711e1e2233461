"""The file dialogs: Chinese throughout, whole file names, readable dates.

Which dialog: on Windows (and macOS) the system's own, which is Chinese on a
Chinese system and the one officers know. On Linux, Qt's own (non-native)
dialog: the Qt inside the PySide6 wheel has no platform theme for the DDE (UOS)
or UKUI (Kylin) desktops, so asking for a "native" dialog gives either this same
widget dialog or a GTK/portal one that may be missing or not translated; the Qt
dialog is the one every Linux desktop gets, and we can make it right:

- Qt's zh_CN catalogue leaves 「Look in」 and 「Files of type」 in English: every
  label is set here;
- sizes came out as 「2 bytes」 and the modified date in the system locale's short
  form (「30 11 2…6」 when elided): a proxy writes 「2 字节」, 「1.5 KB」 and
  「2026-01-15 09:30」;
- names were cut in the middle: the columns are as wide as their contents and
  nothing is elided (a long list scrolls sideways instead).

Each function returns what the officer chose ("" or [] when cancelled). Tests
replace these functions, not QFileDialog.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFileSystemModel,
    QHeaderView,
    QListView,
    QTreeView,
    QWidget,
)

from gui import strings as s

DATE_FORMAT = "yyyy-MM-dd HH:mm"
SIZE_COLUMN, DATE_COLUMN = 1, 3  # of QFileSystemModel
DIALOG_SIZE = (960, 560)


def use_native() -> bool:
    """The system's dialog on Windows and macOS; Qt's own elsewhere (see above)."""
    return sys.platform in ("win32", "darwin")


def size_text(size: int) -> str:
    """「512 字节」, 「1.5 KB」, 「2.3 MB」."""
    if size < 1024:
        return s.FD_BYTES.format(n=size)
    for unit in ("KB", "MB", "GB"):
        size /= 1024  # type: ignore[assignment]
        if size < 1024 or unit == "GB":
            return f"{size:.1f} {unit}"
    return f"{size:.1f} GB"  # pragma: no cover


class ChineseColumns(QIdentityProxyModel):
    """The file list with sizes and dates written as in Chinese documents."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        if role == Qt.ItemDataRole.DisplayRole and index.column() in (SIZE_COLUMN, DATE_COLUMN):
            model = self.sourceModel()
            if isinstance(model, QFileSystemModel):
                source = self.mapToSource(index)
                if index.column() == DATE_COLUMN:
                    return model.lastModified(source).toString(DATE_FORMAT)
                return "" if model.isDir(source) else size_text(model.size(source))
        return super().data(index, role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(s.FD_COLUMNS)
        ):
            return s.FD_COLUMNS[section]  # Qt's catalogue says 「体积」 for the size
        return super().headerData(section, orientation, role)


def make_dialog(
    parent: QWidget | None,
    title: str,
    folder: str,
    filters: str,
    mode: QFileDialog.FileMode,
    save: bool = False,
) -> QFileDialog:
    """Qt's own dialog, made Chinese and readable (see the module's docstring)."""
    dialog = QFileDialog(parent, title, folder, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setFileMode(mode)
    dialog.setAcceptMode(
        QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
    )
    if mode == QFileDialog.FileMode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    label = QFileDialog.DialogLabel
    dialog.setLabelText(label.LookIn, s.FD_LOOK_IN)
    dialog.setLabelText(
        label.FileName, s.FD_FOLDER if mode == QFileDialog.FileMode.Directory else s.FD_FILE_NAME
    )
    dialog.setLabelText(label.FileType, s.FD_FILE_TYPE)
    accept = (
        s.FD_SAVE if save else s.FD_CHOOSE if mode == QFileDialog.FileMode.Directory else s.FD_OPEN
    )
    dialog.setLabelText(label.Accept, accept)
    dialog.setLabelText(label.Reject, s.FD_CANCEL)
    dialog.setProxyModel(ChineseColumns(dialog))
    for view in dialog.findChildren(QAbstractItemView):
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
    for tree in dialog.findChildren(QTreeView):
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for listing in dialog.findChildren(QListView):
        listing.setWordWrap(False)
    dialog.resize(*DIALOG_SIZE)
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    return dialog.selectedFiles() if dialog.exec() else []


def open_file(parent: QWidget | None, title: str, folder: str, filters: str) -> str:
    """One existing file; "" when cancelled."""
    if use_native():
        return QFileDialog.getOpenFileName(parent, title, folder, filters)[0]
    chosen = _run(make_dialog(parent, title, folder, filters, QFileDialog.FileMode.ExistingFile))
    return chosen[0] if chosen else ""


def open_files(parent: QWidget | None, title: str, folder: str, filters: str) -> list[str]:
    """Several existing files; [] when cancelled."""
    if use_native():
        return QFileDialog.getOpenFileNames(parent, title, folder, filters)[0]
    return _run(make_dialog(parent, title, folder, filters, QFileDialog.FileMode.ExistingFiles))


def save_file(parent: QWidget | None, title: str, default: str, filters: str) -> str:
    """Where to write (`default`: the suggested path); "" when cancelled. Qt asks
    before replacing an existing file."""
    if use_native():
        return QFileDialog.getSaveFileName(parent, title, default, filters)[0]
    dialog = make_dialog(parent, title, default, filters, QFileDialog.FileMode.AnyFile, save=True)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def pick_folder(parent: QWidget | None, title: str, folder: str) -> str:
    """An existing folder; "" when cancelled."""
    if use_native():
        return QFileDialog.getExistingDirectory(parent, title, folder)
    dialog = make_dialog(parent, title, folder, "", QFileDialog.FileMode.Directory)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""
