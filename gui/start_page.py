"""The page shown before a report is open: recent drafts and the three ways in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import strings as s

PATH_ROLE = Qt.ItemDataRole.UserRole


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
        self.recent.setAlternatingRowColors(True)
        self.recent.setWordWrap(True)
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

    def _on_item(self, item: QListWidgetItem) -> None:
        self.recentActivated.emit(item.data(PATH_ROLE))
