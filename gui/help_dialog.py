"""帮助: one window with the pages of gui/help_pages.py, rendered as rich text.

A list of pages at the left, the page at the right (QTextBrowser, Markdown through
Qt's own renderer). Not modal: the officer reads it beside the report.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui import help_pages
from gui import strings as s

KEY_ROLE = Qt.ItemDataRole.UserRole


def key_rows(window) -> list[help_pages.KeyRow]:
    """(menu, action, keys) for every menu action of `window` (a MainWindow) that
    has a key: read from the actions themselves, so the help cannot drift."""
    from gui.main_window import plain_text

    rows: list[help_pages.KeyRow] = []
    for menu, action in window.menu_actions():
        keys = [
            k.toString(QKeySequence.SequenceFormat.PortableText)
            for k in action.shortcuts()
            if not k.isEmpty()
        ]
        if keys:
            rows.append((menu, plain_text(action.text()), keys))
    return rows


class HelpDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(s.HELP_TITLE)
        self.setModal(False)
        self.resize(980, 680)
        self._window = window
        self.pages = QListWidget()
        self.pages.setFixedWidth(150)
        for key, title in help_pages.PAGES:
            item = QListWidgetItem(title)
            item.setData(KEY_ROLE, key)
            self.pages.addItem(item)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        body = QHBoxLayout()
        body.addWidget(self.pages)
        body.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(s.HELP_CLOSE)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.pages.currentItemChanged.connect(self._on_page)

    def markdown(self, key: str) -> str:
        """The Markdown of page `key` ("usage", "rules", "formats", "keys")."""
        if key == "usage":
            return help_pages.usage_markdown()
        if key == "rules":
            return help_pages.rules_markdown()
        if key == "formats":
            return help_pages.formats_markdown()
        return help_pages.keys_markdown(key_rows(self._window))

    def current_page(self) -> str | None:
        item = self.pages.currentItem()
        return item.data(KEY_ROLE) if item is not None else None

    def show_page(self, key: str) -> None:
        for row in range(self.pages.count()):
            if self.pages.item(row).data(KEY_ROLE) == key:
                self.pages.setCurrentRow(row)
                self._on_page(self.pages.item(row))
                return

    def _on_page(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.browser.setMarkdown(self.markdown(item.data(KEY_ROLE)))
