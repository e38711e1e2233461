"""The 「问题」 dock: every issue of the report, worst first; a click jumps to it.

The dock only emits `issueActivated(key)` with the issue's cell or field id; the
main window routes it. Routing notes for the window:

- ``model.rules.section_of(key, report.spec)`` gives the section to show:
  「一」…「六」, or 「基本信息」 for ``meta.*`` keys.
- Table cell ids (``applications.new.natural``) → the page of that section, then
  ``TablePage.focus_cell(key)``.
- ``text.<section>`` → that section's text editor; ``meta.<field>`` → the field
  of the 基本信息 page (agency, year, kind, date; ``meta.format`` → the year).

An issue about totals an imported document printed differently from their parts
(R16) can be settled here in one undoable step: 「采用计算结果」 (button, or the
item's context menu, which also offers all of them at once) calls
`DocumentController.accept_computed_totals`.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import colors
from gui import strings as s
from gui.document import DocumentController
from model.issues import Issue, Severity, Validation
from model.rules import section_of
from model.rules_catalog import rule_info

KEY_ROLE = Qt.ItemDataRole.UserRole + 1

_ICONS = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}


def summary_text(validation: Validation) -> str:
    """「3 个错误，2 个警告，1 个提示」, or that there is nothing to fix."""
    parts = [
        s.PROBLEMS_COUNT.format(n=validation.count(sev), label=sev.label)
        for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if validation.count(sev)
    ]
    return "，".join(parts) if parts else s.PROBLEMS_NONE


def issue_key(issue: Issue) -> str | None:
    """Where a click on the issue should go: its cell or first field."""
    return issue.cell or (issue.cells[0] if issue.cells else None)


class _WrappingDelegate(QStyledItemDelegate):
    """Row heights that fit the message wrapped to its column's width (a tree
    view's own size hints ignore the column width, so long messages were cut)."""

    def __init__(self, tree: QTreeWidget, column: int) -> None:
        super().__init__(tree)
        self._tree = tree
        self._column = column

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() != self._column:
            return hint
        width = max(self._tree.columnWidth(self._column) - 10, 60)
        rect = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), str(index.data() or "")
        )
        return QSize(width, max(hint.height(), rect.height() + 6))


class ProblemsDock(QDockWidget):
    """The list of issues under a one-line title bar (「问题：3 个错误，1 个提示」,
    采用计算结果, 收起/展开, ×). Collapsed, the dock is that one line: the grid above
    gets the room back while the counts stay in sight."""

    issueActivated = Signal(str)  # cell id or field id (meta.agency, text.一)
    collapsedChanged = Signal(bool)

    COLUMNS = (s.PROBLEMS_COL_SEVERITY, s.PROBLEMS_COL_WHERE, s.PROBLEMS_COL_MESSAGE)

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(s.PROBLEMS_TITLE, parent)
        self.setObjectName("problemsDock")  # for QMainWindow.saveState
        self._controller = controller
        self._collapsed = False
        self.summary = QLabel(self)
        self.summary.setWordWrap(False)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(len(self.COLUMNS))
        self.tree.setHeaderLabels(list(self.COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setItemDelegate(_WrappingDelegate(self.tree, 2))
        header.sectionResized.connect(
            lambda column, _old, _new: self.tree.doItemsLayout() if column == 2 else None
        )
        self.tree.itemClicked.connect(self._activate)
        self.tree.itemActivated.connect(self._activate)
        self.tree.currentItemChanged.connect(lambda *_: self._update_accept())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.accept_button = QPushButton(s.PROBLEMS_ACCEPT, self)
        self.accept_button.setToolTip(s.PROBLEMS_ACCEPT_TIP)
        self.accept_button.clicked.connect(self.accept_current)
        self.setTitleBarWidget(self._title_bar())

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 0, 6, 4)
        layout.setSpacing(0)
        layout.addWidget(self.tree, 1)
        self.setWidget(body)

        self._shown_issues: tuple[Issue, ...] | None = None
        self._icons: dict[Severity, QIcon] = {}
        controller.validationChanged.connect(self.show_validation)
        controller.reportChanged.connect(lambda _change: self._update_accept())
        self.show_validation(controller.validation)

    def _title_bar(self) -> QWidget:
        bar = QWidget(self)
        bar.setObjectName("problemsTitleBar")
        self.collapse_button = QToolButton(bar)
        self.collapse_button.setAutoRaise(True)
        self.collapse_button.setArrowType(Qt.ArrowType.DownArrow)
        self.collapse_button.setToolTip(s.PROBLEMS_COLLAPSE)
        self.collapse_button.clicked.connect(lambda: self.set_collapsed(not self._collapsed))
        title = QLabel(s.PROBLEMS_TITLE + "：", bar)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.close_button = QToolButton(bar)
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(s.PROBLEMS_HIDE)
        self.close_button.clicked.connect(self.close)
        row = QHBoxLayout(bar)
        row.setContentsMargins(4, 2, 4, 2)
        row.setSpacing(4)
        row.addWidget(self.collapse_button)
        row.addWidget(title)
        row.addWidget(self.summary, 1)
        row.addWidget(self.accept_button)
        row.addWidget(self.close_button)
        return bar

    # ---- collapsing to one line ------------------------------------------------------------
    def is_collapsed(self) -> bool:
        return self._collapsed

    def set_collapsed(self, collapsed: bool) -> None:
        """Show only the title bar (the counts), or the list too."""
        if collapsed == self._collapsed:
            return
        self._collapsed = collapsed
        self.tree.setVisible(not collapsed)  # the (empty) body keeps the title bar's width
        bar = self.titleBarWidget()
        if collapsed:
            self.setMaximumHeight(
                bar.sizeHint().height() + self.widget().minimumSizeHint().height()
            )
        else:
            self.setMaximumHeight(16_777_215)  # QWIDGETSIZE_MAX
        self.collapse_button.setArrowType(
            Qt.ArrowType.RightArrow if collapsed else Qt.ArrowType.DownArrow
        )
        self.collapse_button.setToolTip(s.PROBLEMS_EXPAND if collapsed else s.PROBLEMS_COLLAPSE)
        self.collapsedChanged.emit(collapsed)

    def issues_shown(self) -> list[Issue]:
        return [
            self.tree.topLevelItem(i).data(0, KEY_ROLE + 1)
            for i in range(self.tree.topLevelItemCount())
        ]

    def show_validation(self, validation: Validation) -> None:
        """List the issues; the selected issue and the scroll position survive."""
        if validation.issues == self._shown_issues:
            return  # most keystrokes change no issue: keep the list as it is
        self._shown_issues = validation.issues
        current = self.tree.currentItem()
        keep = _identity(current.data(0, KEY_ROLE + 1)) if current else None
        scroll = self.tree.verticalScrollBar().value()
        self.summary.setText(summary_text(validation))
        spec = self._controller.report.spec
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.clear()
            restore = None
            for issue in validation.issues:
                item = self._item(issue, spec)
                self.tree.addTopLevelItem(item)
                if keep is not None and _identity(issue) == keep:
                    restore = item
            if restore is not None:
                self.tree.setCurrentItem(restore)
            self.tree.verticalScrollBar().setValue(scroll)
        finally:
            self.tree.setUpdatesEnabled(True)
        self._update_accept()

    # ---- printed totals (R16) ------------------------------------------------------------
    def printed_cells(self, issue: Issue | None) -> list[str]:
        """The cells of `issue` whose printed totals the report keeps."""
        if issue is None:
            return []
        printed = self._controller.report.printed()
        return [cid for cid in issue.cells if cid in printed]

    def current_issue(self) -> Issue | None:
        item = self.tree.currentItem()
        return item.data(0, KEY_ROLE + 1) if item is not None else None

    def accept_current(self) -> int:
        """Accept the computed totals of the selected issue; returns how many."""
        return self._controller.accept_computed_totals(self.printed_cells(self.current_issue()))

    def _update_accept(self) -> None:
        # shown while any printed total is kept; usable on an issue about one
        self.accept_button.setVisible(bool(self._controller.report.printed()))
        self.accept_button.setEnabled(bool(self.printed_cells(self.current_issue())))

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None:
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self.tree)
        menu.addAction(s.PROBLEMS_JUMP, lambda: self._activate(item))
        cells = self.printed_cells(item.data(0, KEY_ROLE + 1))
        if cells:
            menu.addAction(s.PROBLEMS_ACCEPT, self.accept_current)
            total = len(self._controller.report.printed())
            if total > len(cells):
                menu.addAction(
                    s.PROBLEMS_ACCEPT_ALL.format(n=total),
                    lambda: self._controller.accept_computed_totals(),  # not triggered(bool)
                )
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def _item(self, issue: Issue, spec) -> QTreeWidgetItem:
        key = issue_key(issue)
        section = section_of(key, spec) if key else None
        where = section or ""
        severity = s.PROBLEMS_SEVERITY.format(label=issue.severity.label, rule=issue.rule)
        item = QTreeWidgetItem([severity, where, issue.message])
        item.setIcon(0, self._icon(issue.severity))
        item.setForeground(0, QBrush(colors.issue_foreground(issue.severity)))
        item.setToolTip(2, issue.message)
        info = rule_info(issue.rule)  # the rule in words, as 帮助 → 校验规则说明 has it
        if info is not None:
            item.setToolTip(
                0, s.PROBLEMS_RULE_TIP.format(code=info.code, name=info.name, text=info.explanation)
            )
        if section in spec.section_by_id:
            item.setToolTip(1, spec.section_by_id[section].heading)
        item.setData(0, KEY_ROLE, key)
        item.setData(0, KEY_ROLE + 1, issue)
        return item

    def _icon(self, severity: Severity) -> QIcon:
        # One style lookup per severity, not per listed issue.
        icon = self._icons.get(severity)
        if icon is None:
            icon = self._icons[severity] = self.style().standardIcon(_ICONS[severity])
        return icon

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        key = item.data(0, KEY_ROLE)
        if key:
            self.issueActivated.emit(key)


def _identity(issue: Issue) -> tuple[str, str | None, str]:
    # Messages change with the numbers; rule + key identifies "the same problem".
    return (issue.rule, issue_key(issue), issue.severity.value)
