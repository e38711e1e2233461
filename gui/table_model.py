"""One thin Qt table model per official table.

The grid of the table spec (captions, headers, labels and value cells with their
spans) maps one to one onto model rows and columns, so the view can draw the
official merged headers as part of the grid. `data()` only asks the report and
the validation; `setData()` hands typed text to the document controller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from gui import colors
from gui import strings as s
from gui.document import DocumentController
from model.issues import Validation
from model.report import Report
from model.spec import CellSpec, GridCell, Role, TableSpec, ValueKind
from model.values import InvalidValue, Value, format_value, parse_value

# Extra data roles for the view and its delegate.
VERTICAL_ROLE = Qt.ItemDataRole.UserRole + 1  # bool: header set vertically
CELL_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # str | None: the value cell's id
GRID_ROLE = Qt.ItemDataRole.UserRole + 3  # model.spec.Role of the printed cell

_Index = QModelIndex | QPersistentModelIndex
_VALUE_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ToolTipRole,
]


class GridIndex:
    """Which printed cell covers each (row, column) of a table's grid."""

    def __init__(self, table: TableSpec) -> None:
        self.table = table
        self._cover: dict[tuple[int, int], GridCell] = {}
        for g in table.grid:
            for r in range(g.row, g.row + g.rowspan):
                for c in range(g.col, g.col + g.colspan):
                    self._cover[(r, c)] = g
        self._by_cell = {g.cell: g for g in table.grid if g.cell}

    def covering(self, row: int, col: int) -> GridCell | None:
        """The printed cell that covers (row, col), anchor or not."""
        return self._cover.get((row, col))

    def anchor(self, row: int, col: int) -> GridCell | None:
        """The printed cell whose top-left corner is (row, col)."""
        g = self._cover.get((row, col))
        return g if g is not None and g.row == row and g.col == col else None

    def of_cell(self, cell_id: str) -> GridCell | None:
        return self._by_cell.get(cell_id)

    def spans(self) -> list[tuple[int, int, int, int]]:
        """(row, col, rowspan, colspan) of every merged printed cell."""
        return [
            (g.row, g.col, g.rowspan, g.colspan)
            for g in self.table.grid
            if g.rowspan > 1 or g.colspan > 1
        ]


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of tab-separated text as Excel and WPS put it on the clipboard.
    A trailing line break is not an extra row; quoted fields are unquoted."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    rows = [line.split("\t") for line in text.split("\n")]
    return [[_unquote(f) for f in row] for row in rows]


def _unquote(field_text: str) -> str:
    if len(field_text) >= 2 and field_text[0] == field_text[-1] == '"':
        return field_text[1:-1].replace('""', '"')
    return field_text


@dataclass
class PastePlan:
    """What pasting a block would do. Policy: when any value cannot be read the whole
    paste is refused (`refusals` non-empty, nothing applied), so a block is never
    half pasted; values landing on totals, labels or outside the table are skipped
    and counted, never dropped silently. An empty field blanks its cell, as pasting
    empty cells does in Excel and WPS."""

    values: dict[str, Value | None] = field(default_factory=dict)
    refusals: list[str] = field(default_factory=list)
    skipped: int = 0  # non-empty values on computed, label or merged-over cells
    outside: int = 0  # non-empty values beyond the table's last row or column
    rows: int = 0
    cols: int = 0


def paste_plan(
    index: GridIndex, report: Report, row: int, col: int, block: Sequence[Sequence[str]]
) -> PastePlan:
    """Map a block of texts onto the grid from (row, col), cell for cell as the
    printed table lies, and parse each value for the input cell it lands on."""
    table = index.table
    plan = PastePlan(rows=len(block), cols=max((len(r) for r in block), default=0))
    for i, texts in enumerate(block):
        for j, text in enumerate(texts):
            r, c = row + i, col + j
            if r >= table.n_rows or c >= table.n_cols:
                plan.outside += bool(text.strip())
                continue
            g = index.anchor(r, c)
            spec = report.spec.cell_by_id.get(g.cell) if g and g.cell else None
            if spec is None or spec.computed:
                plan.skipped += bool(text.strip())
                continue
            try:
                plan.values[spec.id] = parse_value(text, spec, report.unit(spec.id))
            except InvalidValue as exc:
                plan.refusals.append(refusal_text(spec, str(exc)))
    return plan


def refusal_text(spec: CellSpec, reason: str) -> str:
    """「（一）予以公开」行“商业企业”列：「abc」不是数字…，已保留原值。"""
    return s.CELL_REFUSED.format(row=spec.row_label, col=spec.col_label, reason=reason)


def where_text(spec: CellSpec) -> str:
    return s.CELL_WHERE.format(row=spec.row_label, col=spec.col_label)


class TableModel(QAbstractTableModel):
    """The grid of one table of the current report (follows format changes)."""

    inputRefused = Signal(str)  # a Chinese sentence: what was refused and why

    def __init__(self, controller: DocumentController, table_id: str, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._table_id = table_id
        self._table = controller.report.spec.table_by_id[table_id]
        self._index = GridIndex(self._table)
        self._bold = QFont()
        self._bold.setBold(True)
        self._shown = self._signatures()
        # Every change of the report is followed by a new validation: refreshing on
        # that signal alone repaints each changed value or colour once, not twice.
        controller.validationChanged.connect(self._on_validation_changed)
        controller.reportReplaced.connect(self._on_report_replaced)

    # ---- lookups ----------------------------------------------------------------------
    @property
    def table(self) -> TableSpec:
        return self._table

    @property
    def grid(self) -> GridIndex:
        return self._index

    @property
    def controller(self) -> DocumentController:
        return self._controller

    def grid_cell(self, index: _Index) -> GridCell | None:
        if not index.isValid():
            return None
        return self._index.anchor(index.row(), index.column())

    def cell_spec(self, index: _Index) -> CellSpec | None:
        g = self.grid_cell(index)
        if g is None or g.cell is None:
            return None
        return self._controller.report.spec.cell_by_id.get(g.cell)

    def cell_id(self, index: _Index) -> str | None:
        spec = self.cell_spec(index)
        return spec.id if spec else None

    def index_of(self, cell_id: str) -> QModelIndex:
        g = self._index.of_cell(cell_id)
        return self.index(g.row, g.col) if g else QModelIndex()

    def is_input(self, index: _Index) -> bool:
        spec = self.cell_spec(index)
        return spec is not None and not spec.computed

    def is_value(self, index: _Index) -> bool:
        return self.cell_spec(index) is not None

    def spans(self) -> list[tuple[int, int, int, int]]:
        return self._index.spans()

    # ---- Qt model interface --------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._table.n_rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._table.n_cols

    def flags(self, index: _Index) -> Qt.ItemFlag:
        g = self.grid_cell(index)
        if g is None:
            return Qt.ItemFlag.NoItemFlags
        if g.cell is None:
            return Qt.ItemFlag.ItemIsEnabled  # printed text: not a place to stop
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_input(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        g = self.grid_cell(index)
        if g is None:
            return None
        if g.cell is None:
            return self._label_data(g, role)
        spec = self._controller.report.spec.cell_by_id.get(g.cell)
        if spec is None:
            return None
        return self._value_data(g, spec, role)

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole:
            return False
        spec = self.cell_spec(index)
        if spec is None or spec.computed:
            return False
        text = "" if value is None else str(value)
        reason = self._controller.set_cell_text(spec.id, text)
        if reason is not None:
            self.inputRefused.emit(refusal_text(spec, reason))
            return False
        return True

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        return None  # the printed headers are part of the grid; Qt's bars are hidden

    # ---- roles ---------------------------------------------------------------------------
    def _label_data(self, g: GridCell, role: int):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return g.text
        if role == Qt.ItemDataRole.BackgroundRole:
            return colors.LABEL_BG if g.role is Role.LABEL else colors.HEADER_BG
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if g.role is Role.LABEL and not g.vertical and g.rowspan == 1:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and g.role in (Role.HEADER, Role.CAPTION):
            return self._bold
        if role == VERTICAL_ROLE:
            return g.vertical
        if role == GRID_ROLE:
            return g.role
        return None

    def _value_data(self, g: GridCell, spec: CellSpec, role: int):
        report = self._controller.report
        if role == Qt.ItemDataRole.DisplayRole:
            value = report.value(spec.id)
            text = format_value(value)
            if value is not None and spec.kind is ValueKind.MONEY:
                text = s.MONEY_WITH_UNIT.format(value=text, unit=report.unit(spec.id) or "")
            return text
        if role == Qt.ItemDataRole.EditRole:
            return format_value(report.input_value(spec.id))
        if role == Qt.ItemDataRole.BackgroundRole:
            worst = self._controller.validation.worst(spec.id)
            if worst is not None:
                blank = not spec.computed and report.is_blank(spec.id)
                return colors.issue_background(worst, blank)
            return colors.COMPUTED_BG if spec.computed else colors.INPUT_BG
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(spec)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == CELL_ID_ROLE:
            return spec.id
        if role == VERTICAL_ROLE:
            return False
        if role == GRID_ROLE:
            return g.role
        return None

    def _tooltip(self, spec: CellSpec) -> str:
        lines = [where_text(spec)]
        if spec.computed:
            lines.append(s.CELL_COMPUTED_TIP)
        elif spec.kind is ValueKind.MONEY:
            unit = self._controller.report.unit(spec.id) or ""
            lines.append(s.CELL_MONEY_TIP.format(unit=unit))
        elif spec.kind is ValueKind.SIGNED_COUNT:
            lines.append(s.CELL_SIGNED_TIP)
        for issue in self._controller.validation.by_cell.get(spec.id, ()):
            lines.append(
                s.CELL_ISSUE_TIP.format(
                    severity=issue.severity.label, rule=issue.rule, message=issue.message
                )
            )
        return "\n".join(lines)

    # ---- following the document ----------------------------------------------------
    def _signatures(self) -> dict[str, tuple]:
        """What each value cell shows: its text, unit and issues. Comparing these
        before and after a change tells exactly which cells to repaint."""
        report = self._controller.report
        by_cell = self._controller.validation.by_cell
        return {
            c.id: (
                format_value(report.value(c.id)),
                report.unit(c.id) if c.kind is ValueKind.MONEY else None,
                report.is_blank(c.id),
                tuple(by_cell.get(c.id, ())),
            )
            for c in self._table.cells
        }

    def _refresh(self) -> None:
        """Announce only the cells whose display changed: repainting the whole
        grid on every keystroke made typing visibly slower."""
        now = self._signatures()
        before, self._shown = self._shown, now
        for cell_id, signature in now.items():
            if before.get(cell_id) != signature:
                g = self._index.of_cell(cell_id)
                if g is not None:
                    index = self.index(g.row, g.col)
                    self.dataChanged.emit(index, index, _VALUE_ROLES)

    def _on_validation_changed(self, validation: Validation) -> None:
        self._refresh()

    def _on_report_replaced(self) -> None:
        table = self._controller.report.spec.table_by_id.get(self._table_id)
        if table is None:  # cannot happen with today's formats: every one has 二三四
            return
        self.beginResetModel()
        self._table = table
        self._index = GridIndex(table)
        self._shown = self._signatures()
        self.endResetModel()
