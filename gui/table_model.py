"""One thin Qt table model per official table.

The grid of the table spec (captions, headers, labels and value cells with their
spans) maps one to one onto model rows and columns, so the view can draw the
official merged headers as part of the grid. `data()` only asks the report and
the validation; `setData()` hands typed text to the document controller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from gui import colors
from gui import strings as s
from gui.document import DocumentController
from model.issues import Validation
from model.report import Report
from model.rules import printed_total_tip
from model.spec import CellSpec, GridCell, Role, TableSpec, ValueKind
from model.values import InvalidValue, Value, format_value, parse_value, sum_terms

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
    Qt.ItemDataRole.FontRole,
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


@dataclass
class PastePlan:
    """What pasting a block would do. Policy: a block is applied whole or not at all.
    When any value cannot be read the paste is refused (`refusals`); a non-empty
    field that would land on a total, a printed label, inside a merged cell or
    outside the table is a `conflict`, named where it would land, and the paste
    waits for the officer's word (the rest pasted, or nothing). A number landing on
    a total that equals what the total will add up to is no conflict (a block
    copied with its own 总计 column). An empty field blanks its cell, as pasting
    empty cells does in Excel and WPS."""

    values: dict[str, Value | None] = field(default_factory=dict)
    refusals: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    matching_totals: int = 0  # numbers on totals that agree with the sum
    rows: int = 0
    cols: int = 0


def paste_plan(
    index: GridIndex, report: Report, row: int, col: int, block: Sequence[Sequence[str]]
) -> PastePlan:
    """Map a block of texts onto the grid from (row, col), cell for cell as the
    printed table lies, and parse each value for the input cell it lands on."""
    table = index.table
    plan = PastePlan(rows=len(block), cols=max((len(r) for r in block), default=0))
    on_totals: list[tuple[CellSpec, str]] = []
    for i, texts in enumerate(block):
        for j, text in enumerate(texts):
            r, c = row + i, col + j
            shown = text.strip()
            if r >= table.n_rows or c >= table.n_cols:
                if shown:
                    side = s.PASTE_BELOW if r >= table.n_rows else s.PASTE_RIGHT
                    plan.conflicts.append(s.PASTE_OUTSIDE_AT.format(text=_clip(shown), side=side))
                continue
            g = index.anchor(r, c)
            spec = report.spec.cell_by_id.get(g.cell) if g and g.cell else None
            if spec is None:
                if shown:
                    plan.conflicts.append(_on_printed(index, r, c, shown, report))
                continue
            if spec.computed:
                if shown:
                    on_totals.append((spec, shown))
                continue
            try:
                plan.values[spec.id] = parse_value(text, spec, report.unit(spec.id))
            except InvalidValue as exc:
                plan.refusals.append(paste_refusal_text(spec, str(exc)))
    if on_totals and not plan.refusals:
        after = {**report.values(), **plan.values}
        for spec, shown in on_totals:
            total = sum_terms({k: v for k, v in after.items() if v is not None}, spec.terms)
            if _same_number(shown, total, spec, report):
                plan.matching_totals += 1
            else:
                plan.conflicts.append(
                    s.PASTE_ON_TOTAL.format(
                        where=where_text(spec), text=_clip(shown), total=format_value(total)
                    )
                )
    return plan


def _on_printed(index: GridIndex, r: int, c: int, shown: str, report: Report) -> str:
    """Where a value lands that is not an input cell: a label or a merged cell."""
    g = index.covering(r, c)
    if g is not None and g.cell:  # inside a merged value cell, not its first position
        spec = report.spec.cell_by_id.get(g.cell)
        where = where_text(spec) if spec else g.text
        return s.PASTE_IN_MERGED.format(text=_clip(shown), where=where)
    label = (g.text if g is not None else "") or s.PASTE_EMPTY_LABEL
    return s.PASTE_ON_LABEL.format(text=_clip(shown), label=_clip(label.replace("\n", "")))


def _same_number(text: str, total: Value | None, spec: CellSpec, report: Report) -> bool:
    """Whether a number pasted on a total is what the total adds up to."""
    if total is None:
        return False
    try:
        value = parse_value(text, replace(spec, terms=()), report.unit(spec.id))
    except InvalidValue:
        return False
    return value is not None and value == total


def _clip(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def refusal_text(spec: CellSpec, reason: str) -> str:
    """「（一）予以公开」行“商业企业”列：「abc」不是数字…，已保留原值。"""
    return s.CELL_REFUSED.format(row=spec.row_label, col=spec.col_label, reason=reason)


def paste_refusal_text(spec: CellSpec, reason: str) -> str:
    """「（一）予以公开」行“商业企业”列：「abc」不是数字…: one unreadable value of a
    paste (no cell is open, so nothing is said about Enter or Esc)."""
    return s.PASTE_CELL_REFUSED.format(row=spec.row_label, col=spec.col_label, reason=reason)


def where_text(spec: CellSpec) -> str:
    return s.CELL_WHERE.format(row=spec.row_label, col=spec.col_label)


class TableModel(QAbstractTableModel):
    """The grid of one table of the current report (follows format changes)."""

    def __init__(self, controller: DocumentController, table_id: str, parent=None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._table_id = table_id
        self._table = controller.report.spec.table_by_id[table_id]
        self._index = GridIndex(self._table)
        self._bold = QFont()
        self._bold.setBold(True)
        # a total the imported document printed otherwise (R16): marked beyond its colour
        self._printed_font = QFont()
        self._printed_font.setBold(True)
        self._printed_font.setUnderline(True)
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
        return self.commit_text(index, "" if value is None else str(value)) is None

    def commit_text(self, index: _Index, text: str) -> str | None:
        """Hand what was typed in a cell to the controller. None when taken; else
        the refusal sentence naming the cell."""
        spec = self.cell_spec(index)
        if spec is None or spec.computed:
            return None
        reason = self._controller.set_cell_text(spec.id, text)
        if reason is None:
            return None
        return refusal_text(spec, reason)

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
        if role == Qt.ItemDataRole.FontRole:
            return self._printed_font if printed_total_tip(report, spec.id) else None
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
            printed = printed_total_tip(self._controller.report, spec.id)
            if printed:  # R16: what the document printed, and by how much it differs
                lines.append(printed)
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
        printed = report.printed()
        return {
            c.id: (
                format_value(report.value(c.id)),
                report.unit(c.id) if c.kind is ValueKind.MONEY else None,
                report.is_blank(c.id),
                tuple(by_cell.get(c.id, ())),
                printed.get(c.id, False),
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
