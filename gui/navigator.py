"""The list on the left: 基本信息, then the six sections, each with a live badge.

The badge says ✓ when a page has no problem, else how many errors and warnings
it has. Which page an issue belongs to is the model's answer (`section_of`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from gui import colors
from gui import strings as s
from model.issues import Severity, Validation
from model.messages import BASIC_INFO
from model.rules import section_of
from model.spec import FormatSpec

META = BASIC_INFO  # the page key of the meta page (as section_of names it); sections: 一…六

BADGE_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole
OK_FG = QColor("#2e7d32")
_BADGE_PAD = 10  # px around a badge's text: the longest heading keeps its last character
_TEXT_LEFT = 10  # px before a heading
_BADGE_RIGHT = 4  # px after a badge


@dataclass(frozen=True)
class Badge:
    errors: int = 0
    warnings: int = 0
    infos: int = 0

    @property
    def text(self) -> str:
        if self.errors:
            return s.NAV_BADGE_ERRORS.format(n=self.errors)
        if self.warnings:
            return s.NAV_BADGE_WARNINGS.format(n=self.warnings)
        return s.NAV_OK

    @property
    def color(self) -> QColor:
        if self.errors:
            return colors.issue_foreground(Severity.ERROR)
        if self.warnings:
            return colors.issue_foreground(Severity.WARNING)
        return OK_FG


def badges(validation: Validation, spec: FormatSpec) -> dict[str, Badge]:
    """Issues counted per page; an issue touching two pages counts on both."""
    counts: dict[str, list[int]] = {META: [0, 0, 0]}
    counts.update({sec.id: [0, 0, 0] for sec in spec.sections})
    for issue in validation.issues:
        keys = issue.cells or ((issue.cell,) if issue.cell else ())
        pages = {section_of(k, spec) for k in keys} - {None}
        for page in pages:
            if page in counts:
                counts[page][issue.severity.rank] += 1
    return {page: Badge(*c) for page, c in counts.items()}


def badge_width(badge: Badge | None, font: QFont) -> int:
    """The room a badge takes at the right of its item (its text is bold)."""
    if badge is None:
        return 0
    bold = QFont(font)
    bold.setBold(True)
    return QFontMetrics(bold).horizontalAdvance(badge.text) + _BADGE_PAD


def heading_width(item_width: int, badge: Badge | None, font: QFont) -> int:
    """The width left for an item's heading beside its badge."""
    return item_width - _TEXT_LEFT - badge_width(badge, font) - _BADGE_RIGHT


class _BadgeDelegate(QStyledItemDelegate):
    """Paints the item's text elided on the left and its badge on the right."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        badge: Badge | None = index.data(BADGE_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        bold = QFont(opt.font)
        bold.setBold(True)
        badge_w = badge_width(badge, opt.font)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = QRect(opt.rect).adjusted(_TEXT_LEFT, 0, -badge_w - _BADGE_RIGHT, 0)
        painter.save()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        painter.setFont(opt.font)
        elided = opt.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
        if badge is not None:
            left = opt.rect.right() - badge_w - _BADGE_RIGHT
            badge_rect = QRect(left, opt.rect.top(), badge_w, opt.rect.height())
            painter.setFont(bold)
            painter.setPen(opt.palette.color(role) if selected else badge.color)
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge.text)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 60, max(size.height(), option.fontMetrics.height() * 2 + 4))


class Navigator(QListWidget):
    """Emits `pageSelected(key)` with 「基本信息」 or a section id."""

    pageSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_BadgeDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.currentItemChanged.connect(self._on_current)
        self._spec: FormatSpec | None = None

    def set_spec(self, spec: FormatSpec) -> None:
        """Build the items for a format (called when a report of another format opens)."""
        current = self.current_key()
        self._spec = spec
        self.blockSignals(True)
        self.clear()
        self._add(META, s.NAV_META)
        for section in spec.sections:
            self._add(section.id, section.heading)
        self.blockSignals(False)
        self.select(current or META)

    def _add(self, key: str, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(KEY_ROLE, key)
        item.setToolTip(text)
        self.addItem(item)

    def update_badges(self, validation: Validation) -> None:
        if self._spec is None:
            return
        found = badges(validation, self._spec)
        for row in range(self.count()):
            item = self.item(row)
            badge = found.get(item.data(KEY_ROLE), Badge())
            item.setData(BADGE_ROLE, badge)
            item.setToolTip(
                s.NAV_TIP.format(heading=item.text(), errors=badge.errors, warnings=badge.warnings)
            )

    def badge(self, key: str) -> Badge | None:
        item = self._item(key)
        return item.data(BADGE_ROLE) if item else None

    def current_key(self) -> str | None:
        item = self.currentItem()
        return item.data(KEY_ROLE) if item else None

    def select(self, key: str) -> None:
        item = self._item(key)
        if item is not None:
            self.setCurrentItem(item)

    def _item(self, key: str) -> QListWidgetItem | None:
        for row in range(self.count()):
            if self.item(row).data(KEY_ROLE) == key:
                return self.item(row)
        return None

    def _on_current(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.pageSelected.emit(current.data(KEY_ROLE))
