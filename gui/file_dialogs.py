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
- names were cut in the middle, and once the name column was as wide as the
  longest name, the dates were pushed out of sight: the name column takes the
  room the size, type and date columns leave, and a long name wraps onto a
  second line, whole (nothing is elided, nothing scrolls sideways);
- a draft (.nianbao) was called 「纯文本文档」 (the system's guess from its
  content): its type reads 「年报草稿」.

Each function returns what the officer chose ("" or [] when cancelled). Tests
replace these functions, not QFileDialog.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFileSystemModel,
    QHeaderView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from gui import strings as s

DATE_FORMAT = "yyyy-MM-dd HH:mm"
SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN = 1, 2, 3  # of QFileSystemModel
DIALOG_SIZE = (960, 560)
DIALOG_SCREEN_SHARE = 0.9  # wider on a larger screen, up to this share of it
DIALOG_MAX_WIDTH = 1200
DRAFT_SUFFIX = ".nianbao"


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
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole and column in (
            SIZE_COLUMN,
            TYPE_COLUMN,
            DATE_COLUMN,
        ):
            model = self.sourceModel()
            if isinstance(model, QFileSystemModel):
                source = self.mapToSource(index)
                if column == DATE_COLUMN:
                    return model.lastModified(source).toString(DATE_FORMAT)
                if column == TYPE_COLUMN:
                    if not model.isDir(source) and model.fileName(source).lower().endswith(
                        DRAFT_SUFFIX
                    ):
                        return s.FD_DRAFT_TYPE
                    return super().data(index, role)
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


class WrappedNames(QStyledItemDelegate):
    """The name column's items on as many lines as their width needs (Qt's tree
    asks its delegate for one line whatever the column's width)."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self._tree = tree

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != 0:
            return size
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self._tree.columnWidth(0)
        icon = opt.decorationSize.width() + 12 if not opt.icon.isNull() else 8
        text = max(width - icon, 40)
        flags = int(Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere)
        rect = QFontMetrics(opt.font).boundingRect(QRect(0, 0, text, 100000), flags, opt.text)
        return QSize(size.width(), max(size.height(), rect.height() + 4))


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
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the room left
        tree.setUniformRowHeights(False)
        tree.setWordWrap(True)  # a long name on two lines, whole
        tree.setItemDelegateForColumn(0, WrappedNames(tree))
        header.sectionResized.connect(lambda *_a, tree=tree: tree.doItemsLayout())
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    for listing in dialog.findChildren(QListView):
        listing.setWordWrap(False)
    dialog.resize(*dialog_size(parent))
    return dialog


def dialog_size(parent: QWidget | None) -> tuple[int, int]:
    """DIALOG_SIZE, wider on a screen with room for it (long names wrap less)."""
    width, height = DIALOG_SIZE
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = max(
            min(width, room.width()), min(DIALOG_MAX_WIDTH, int(room.width() * DIALOG_SCREEN_SHARE))
        )
        height = min(height, room.height())
    return width, height


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
