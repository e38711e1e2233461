"""The page shown before a report is open: recent drafts and the three ways in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from gui import strings as s

PATH_ROLE = Qt.ItemDataRole.UserRole
_PAD = 8  # px around a recent draft's two lines
_DETAIL_GREY = "#666666"  # the same quiet grey as the page's other notes


class _RecentDelegate(QStyledItemDelegate):
    """A recent draft as two lines: its name in bold, then where it is and when it
    changed in grey, with room around them (one plain line each ran together)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        # the item's own text: the option's has its line break turned into U+2028
        name, _, detail = str(index.data(Qt.ItemDataRole.DisplayRole) or "").partition("\n")
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_colour = palette.color(
            palette.ColorRole.HighlightedText if selected else palette.ColorRole.Text
        )
        rect = opt.rect.adjusted(_PAD + 4, _PAD, -_PAD, -_PAD)
        bold = _bold(opt.font)
        top = QRect(rect.left(), rect.top(), rect.width(), QFontMetrics(bold).height())
        bottom = QRect(rect.left(), top.bottom() + 3, rect.width(), opt.fontMetrics.height())
        painter.save()
        painter.setFont(bold)
        painter.setPen(text_colour)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(
            top,
            flags,
            QFontMetrics(bold).elidedText(name, Qt.TextElideMode.ElideRight, top.width()),
        )
        painter.setFont(opt.font)
        painter.setPen(text_colour if selected else QColor(_DETAIL_GREY))
        painter.drawText(
            bottom,
            flags,
            opt.fontMetrics.elidedText(detail, Qt.TextElideMode.ElideMiddle, bottom.width()),
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        height = QFontMetrics(_bold(option.font)).height() + 3 + option.fontMetrics.height()
        return QSize(super().sizeHint(option, index).width(), height + 2 * _PAD)


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


class StartPage(QWidget):
    newRequested = Signal()
    openRequested = Signal()
    sampleRequested = Signal()
    recentActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(s.START_TITLE)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(s.START_SUBTITLE)
        subtitle.setStyleSheet("color: #555;")

        self.new_button = QPushButton(s.START_NEW)
        self.open_button = QPushButton(s.START_OPEN)
        self.sample_button = QPushButton(s.START_SAMPLE)
        self.sample_button.setToolTip(s.START_SAMPLE_NOTE)
        self.new_button.setDefault(True)
        for button in (self.new_button, self.open_button, self.sample_button):
            button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
            button.setMinimumWidth(140)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)

        recent_title = QLabel(s.START_RECENT)
        rfont = recent_title.font()
        rfont.setBold(True)
        recent_title.setFont(rfont)
        self.recent = QListWidget()
        self.recent.setItemDelegate(_RecentDelegate(self.recent))
        self.recent.setUniformItemSizes(True)
        self.open_recent_button = QPushButton(s.START_OPEN_RECENT)
        self.open_recent_button.setToolTip(s.START_OPEN_RECENT_TIP)
        self.open_recent_button.setMinimumWidth(100)
        recent_buttons = QHBoxLayout()
        recent_buttons.addStretch(1)
        recent_buttons.addWidget(self.open_recent_button)
        self.empty = QLabel(s.START_RECENT_EMPTY)
        self.empty.setStyleSheet("color: #777;")

        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(subtitle)
        column.addSpacing(20)
        column.addLayout(buttons)
        column.addSpacing(24)
        column.addWidget(recent_title)
        column.addWidget(self.empty)
        column.addWidget(self.recent, 10)
        column.addLayout(recent_buttons)
        column.addStretch(1)  # keeps the column together when the list is hidden

        # A readable column in the middle of a wide window.
        outer = QHBoxLayout(self)
        outer.setContentsMargins(40, 32, 40, 32)
        outer.addStretch(1)
        outer.addLayout(column, 6)
        outer.addStretch(1)

        self.new_button.clicked.connect(self.newRequested)
        self.open_button.clicked.connect(self.openRequested)
        self.sample_button.clicked.connect(self.sampleRequested)
        self.recent.itemActivated.connect(self._on_item)
        self.recent.currentItemChanged.connect(lambda *_: self._update_open_button())
        self.open_recent_button.clicked.connect(self.open_selected)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            p = Path(path)
            try:
                mtime = dt.datetime.fromtimestamp(p.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
            except OSError:
                mtime = "—"
            item = QListWidgetItem(
                s.START_RECENT_ITEM.format(name=p.stem, folder=str(p.parent), time=mtime)
            )
            item.setData(PATH_ROLE, str(p))
            item.setToolTip(str(p))
            self.recent.addItem(item)
        self.empty.setVisible(not paths)
        self.recent.setVisible(bool(paths))
        self.open_recent_button.setVisible(bool(paths))
        if paths:
            self.recent.setCurrentRow(0)  # Enter opens the newest draft
            # as tall as its drafts, not an empty white box down to the window's end
            rows = self.recent.sizeHintForRow(0) * len(paths)
            self.recent.setMaximumHeight(rows + 2 * self.recent.frameWidth())
        self._update_open_button()
        if self.isVisible():
            self.preferred_focus().setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_open_button(self) -> None:
        self.open_recent_button.setEnabled(self.recent.currentItem() is not None)

    def open_selected(self) -> bool:
        """打开: the selected recent draft (as a double click or Enter does)."""
        item = self.recent.currentItem()
        if item is None:
            return False
        self._on_item(item)
        return True

    def preferred_focus(self) -> QWidget:
        """Where the keyboard starts: the newest recent draft (Enter continues it),
        or 「新建报告」 when there is none. Nothing had the focus before, so Enter
        did nothing and Tab started at the menu."""
        return self.recent if self.recent.count() else self.new_button

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.preferred_focus().setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_item(self, item: QListWidgetItem) -> None:
        self.recentActivated.emit(item.data(PATH_ROLE))
