"""The year-on-year comparison: one tab per table, label | 上年 | 本年 | 增减 | 说明.

The numbers come from model.compare; this module only shows them. Increases
and decreases are tinted (with the sign printed too, so colour is never the only
cue); a cell last year's format lacks shows 「—」 with the reason in 说明. A total
an imported document printed differently from its parts (R16), in either year,
says so in 说明 and is listed among the changes, as the 同比表 and `compare` do.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
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
from gui.tasks import TaskRunner
from model.compare import CellComparison, CompareSummary, TableComparison, compare, summarise
from model.issues import Severity
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


def explanation(cell: CellComparison) -> str:
    """The 说明 column: why a value has no counterpart, and a printed total (R16)."""
    return "；".join(n for n in (cell.note, cell.printed) if n)


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
        # a printed total that disagrees with its parts is shown as a change is (R16)
        self._rows = [c for c in self.table.cells if c.flagged or not on]
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
                explanation(cell),
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < col < 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if col == 3 and cell.changed:
                return UP_BG if cell.difference > 0 else DOWN_BG
            if (col, True) in ((1, cell.printed_previous), (2, cell.printed_current)):
                return colors.ERROR_BG  # that year's document printed another total (R16)
            if col == 4 and cell.printed:
                return colors.issue_background(Severity.ERROR)
            if cell.computed:
                return colors.COMPUTED_BG
        if role == Qt.ItemDataRole.FontRole and cell.computed:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [n for n in (cell.note, cell.printed) if n]
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


def summary_text(counts: CompareSummary) -> str:
    """「共 198 项，其中 3 项有增减；本年有 140 项未填写……」: blanks are named, never
    passed off as 「没有增减」."""
    parts = [s.CMP_SUMMARY.format(cells=counts.cells, changed=counts.changed)]
    if counts.blank_current:
        parts.append(s.CMP_BLANK_CURRENT.format(n=counts.blank_current))
    if counts.blank_previous:
        parts.append(s.CMP_BLANK_PREVIOUS.format(n=counts.blank_previous))
    if counts.missing:
        parts.append(s.CMP_MISSING.format(n=counts.missing))
    if counts.printed:
        parts.append(s.CMP_PRINTED.format(n=counts.printed))
    text = "，".join(parts) + "。"
    if counts.mostly_blank:
        text += s.CMP_MOSTLY_BLANK
    return text


class CompareDialog(QDialog):
    exported = Signal(str)  # the 同比表 was written here

    def __init__(self, previous_report: Report, report: Report, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(s.CMP_TITLE)
        self.resize(820, 640)
        self.tables = compare(previous_report, report)
        self._previous, self._report = previous_report, report

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
        self.summary = QLabel(summary_text(summarise(self.tables)))
        self.summary.setWordWrap(True)
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
        self.export_button = buttons.addButton(s.CMP_EXPORT, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setToolTip(s.CMP_EXPORT_TIP)
        self.export_button.clicked.connect(lambda: self.export_xlsx())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.tasks = TaskRunner(self)
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
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, 260)
        view.setWordWrap(True)
        printed = sum(1 for c in table.cells if c.printed)
        if printed:  # said above the table too: the 说明 column may be scrolled away
            warning = QLabel(s.CMP_PRINTED_NOTE.format(n=printed))
            warning.setWordWrap(True)
            warning.setStyleSheet(f"color: {colors.issue_foreground(Severity.ERROR).name()};")
            box.addWidget(warning)
        box.addWidget(view, 1)
        return page

    def default_file_name(self) -> str:
        meta = self._report.meta
        name = s.CMP_DEFAULT_FILE.format(
            agency=meta.agency.strip(), last=self._previous.meta.year, this=meta.year
        )
        return re.sub(r'[\\/:*?"<>|\s]+', "_", name)

    def export_xlsx(self, path: str | None = None) -> bool:
        """导出 Excel: the 同比表 (exporters/compare_xlsx.py), written in the background."""
        if self.tasks.busy:
            return False
        if path is None:
            from gui import file_dialogs
            from model.paths import drafts_dir

            window = self.parent()
            folder = window._folder() if hasattr(window, "_folder") else str(drafts_dir())
            default = str(Path(folder) / self.default_file_name())
            path = file_dialogs.save_file(self, s.CMP_EXPORT_TITLE, default, s.FILTER_XLSX)
            if not path:
                return False
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        previous, report = self._previous.snapshot(), self._report.snapshot()
        target = path

        def work() -> None:
            from exporters.compare_xlsx import export_compare_xlsx

            export_compare_xlsx(previous, report, target)

        self.export_button.setEnabled(False)
        self.status.setText(s.CMP_EXPORTING)
        self.tasks.start(work, lambda _r: self._exported(target), self._export_failed)
        return True

    def _exported(self, path: str) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(s.CMP_EXPORTED.format(path=path))
        self.exported.emit(path)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(s.CMP_EXPORT_FAILED.format(reason=exc))

    def _filter(self, on: bool) -> None:
        for model in self.models:
            model.set_changed_only(on)
