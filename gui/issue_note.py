"""The issues of one page's field, in lines under its heading, that never push
the editor away: past a few lines the note scrolls (the problems panel lists
them all too), so many warnings neither grow the window nor squeeze the editor."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QWidget

from gui import colors
from model.issues import Issue

MAX_LINES = 4.5  # shown before the note scrolls (the half line says there is more)


class IssueNote(QScrollArea):
    """「警告：…」 lines coloured by the worst severity; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.viewport().setAutoFillBackground(False)
        self.label.setAutoFillBackground(False)
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def set_issues(self, issues: Sequence[Issue]) -> None:
        if not issues:
            self.label.clear()
            self.hide()
            return
        worst = min(issues, key=lambda i: i.severity.rank)
        self.label.setText("\n".join(f"{i.severity.label}：{i.message}" for i in issues))
        self.label.setStyleSheet(f"color: {colors.issue_foreground(worst.severity).name()};")
        self.show()
        self._fit()

    def cap(self) -> int:
        """The tallest the note grows, in pixels."""
        return round(self.label.fontMetrics().lineSpacing() * MAX_LINES)

    def _fit(self) -> None:
        width = max(self.viewport().width(), 200)
        needed = self.label.heightForWidth(width)
        self.setFixedHeight(min(needed if needed > 0 else self.cap(), self.cap()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self._fit()
