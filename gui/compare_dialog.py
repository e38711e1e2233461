"""The year-on-year comparison: one tab per table, label | 上年 | 本年 | 增减.

The numbers come from model.compare; this module only shows them. Increases
and decreases are tinted (with the sign printed too, so colour is never the only
cue); a cell last year's format lacks shows 「—」 with the reason as a tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import colors
from gui import strings as s
from model.compare import CellComparison, TableComparison, compare
from model.report import Report
from model.values import format_value

UP_BG = QColor("#e2f0dc")  # soft green: more than last year
DOWN_BG = QColor("#fbe3e2")  # soft red: less than last year

Index = QModelIndex | QPersistentModelIndex


def _number(value, signed: bool = False) -> str:
    if value is None:
        return s.CMP_BLANK
    text = format_value(value)
    return f"+{text}" if signed and value > 0 else text


def cell_label(cell: CellComparison) -> str:
    label = f"{cell.row_label} / {cell.col_label}"
    if cell.unit and cell.unit not in cell.col_label:
        label += f"（{cell.unit}）"
    return label


class ComparisonModel(QAbstractTableModel):
    """Read-only rows of one TableComparison."""

    def __init__(self, table: TableComparison, parent=None) -> None:
        super().__init__(parent)
        self.table = table
        self.changed_only = False
        self._rows: list[CellComparison] = list(table.cells)

    def set_changed_only(self, on: bool) -> None:
        self.beginResetModel()
        self.changed_only = on
        self._rows = [c for c in self.table.cells if c.changed or not on]
        self.endResetModel()

    def cell_at(self, row: int) -> CellComparison:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(s.CMP_COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(s.CMP_COLUMNS):
            return s.CMP_COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        cell = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                cell_label(cell),
                _number(cell.previous),
                _number(cell.current),
                _number(cell.difference, signed=True),
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if col == 3 and cell.changed:
                return UP_BG if cell.difference > 0 else DOWN_BG
            if cell.computed:
                return colors.COMPUTED_BG
        if role == Qt.ItemDataRole.FontRole and cell.computed:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [cell.note] if cell.note else []
            if cell.computed:
                tips.append(s.CMP_COMPUTED_TIP)
            if cell.changed:
                tip = s.CMP_UP_TIP if cell.difference > 0 else s.CMP_DOWN_TIP
                tips.append(tip.format(diff=format_value(abs(cell.difference))))
            return "\n".join(tips) or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class CompareDialog(QDialog):
    def __init__(self, previous_report: Report, report: Report, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(s.CMP_TITLE)
        self.resize(820, 640)
        self.tables = compare(previous_report, report)
        cells = [c for t in self.tables for c in t.cells]

        layout = QVBoxLayout(self)
        heading = QLabel(
            s.CMP_HEADING.format(
                agency=report.meta.agency or s.CMP_NO_AGENCY,
                last=previous_report.meta.year,
                this=report.meta.year,
            )
        )
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self.summary = QLabel(
            s.CMP_SUMMARY.format(
                cells=len(cells),
                changed=sum(c.changed for c in cells),
                missing=sum(1 for c in cells if c.note and c.previous is None),
            )
        )
        layout.addWidget(self.summary)
        self.changed_only = QCheckBox(s.CMP_CHANGED_ONLY)
        layout.addWidget(self.changed_only)

        self.tabs = QTabWidget()
        self.models: list[ComparisonModel] = []
        for table in self.tables:
            self.tabs.addTab(self._tab(table), report.spec.table_by_id[table.table].sheet_name)
            self.tabs.setTabToolTip(self.tabs.count() - 1, table.heading)
        layout.addWidget(self.tabs, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(s.CMP_CLOSE)
        layout.addWidget(buttons)
        self.changed_only.toggled.connect(self._filter)

    def _tab(self, table: TableComparison) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(QLabel(table.heading))
        for note in table.notes:
            label = QLabel(note)
            label.setWordWrap(True)
            box.addWidget(label)
        model = ComparisonModel(table, page)
        self.models.append(model)
        view = QTableView()
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(72)  # numbers stay readable beside long labels
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        box.addWidget(view, 1)
        return page

    def _filter(self, on: bool) -> None:
        for model in self.models:
            model.set_changed_only(on)
