"""Year-on-year comparison: every number of this year's tables beside last year's.

Cells are matched by id, so a cell exists in both years exactly when both formats
have it (every cell when the format is the same). A cell last year's format lacks
gets no previous value and a note instead; money is compared in this year's unit.
Totals are compared as their parts add up; a total either report keeps as an
imported document printed it, differently (R16), is named with the number printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from model import messages as msg
from model.report import PreviousYear, Report
from model.spec import CellSpec, ValueKind
from model.values import InvalidValue, Value, format_value, to_unit


@dataclass(frozen=True)
class CellComparison:
    cell: str  # cell id in this year's format
    row_label: str  # 「（三）不予公开 1.属于国家秘密」
    col_label: str  # 「商业企业」
    previous: Value | None
    current: Value | None
    difference: Value | None  # current − previous; None unless both are filled
    unit: str | None = None  # money: this year's unit, which both values are in
    computed: bool = False
    note: str = ""
    printed: str = ""  # a printed total that disagrees with its parts, in either year
    printed_previous: bool = False  # last year's document printed it (R16)
    printed_current: bool = False  # this year's document printed it (R16)

    @property
    def changed(self) -> bool:
        """A difference between two filled values."""
        return self.difference is not None and self.difference != 0

    @property
    def one_sided(self) -> bool:
        """Filled in one year and blank in the other (a number that went blank
        is a change too, though it has no difference)."""
        return (self.previous is None) != (self.current is None)

    @property
    def flagged(self) -> bool:
        """Worth showing among the changes: a difference, a number that went blank
        or a blank that got a number, or a printed total that disagrees with its
        parts."""
        return self.changed or self.one_sided or bool(self.printed)


@dataclass(frozen=True)
class TableComparison:
    table: str  # table id
    heading: str  # 「三、收到和处理政府信息公开申请情况」
    cells: tuple[CellComparison, ...]
    notes: tuple[str, ...] = ()


def _previous_value(previous: Report, cell: CellSpec, unit: str | None) -> Value | None:
    if cell.kind is ValueKind.MONEY and unit and not cell.computed:
        value = previous.input_value(cell.id)
        if value is None:
            return None
        return to_unit(Decimal(value), previous.unit(cell.id) or unit, unit)
    return previous.value(cell.id)


def _blank_parts(cell: CellSpec, report: Report, spec) -> bool:
    """Whether a total adds parts of which some are not filled in (inputs reached
    through totals of totals)."""
    values = report.values()
    pending = list(cell.terms)
    seen: set[str] = set()
    while pending:
        term = pending.pop()
        if term in seen:
            continue
        seen.add(term)
        part = spec.cell_by_id.get(term)
        if part is None:
            continue
        if part.computed:
            pending.extend(part.terms)
        elif values.get(term) is None:
            return True
    return False


def compare(previous: Report, current: Report) -> list[TableComparison]:
    """For every table of the current format, every cell: last year, this year, and
    the difference; a total over parts not all filled in, in either year, says so
    (its difference is that of the filled parts only)."""
    prev_spec = previous.spec
    # each side's printed totals, with the report whose parts they disagree with
    printed = {
        msg.COMPARE_WHICH_PREVIOUS: (previous, previous.printed()),
        msg.COMPARE_WHICH_CURRENT: (current, current.printed()),
    }
    out: list[TableComparison] = []
    headings = {s.table: s.heading for s in current.spec.sections if s.table}
    for table in current.spec.tables:
        notes: list[str] = []
        if prev_spec.id != current.spec.id:
            notes.append(
                msg.COMPARE_OTHER_FORMAT.format(name=prev_spec.name, current=current.spec.name)
            )
        rows: list[CellComparison] = []
        for cell in table.cells:
            unit = current.unit(cell.id) if cell.kind is ValueKind.MONEY else None
            now = current.value(cell.id)
            prev_cell = prev_spec.cell_by_id.get(cell.id)
            note = ""
            if prev_cell is None or prev_cell.kind is not cell.kind:
                before = None
                note = msg.COMPARE_NOT_IN_PREVIOUS
            else:
                before = _previous_value(previous, cell, unit)
                if unit and before is not None and previous.unit(cell.id) != unit:
                    note = msg.COMPARE_PREVIOUS_MONEY_UNIT.format(unit=unit)
            diff = None if now is None or before is None else now - before
            if diff is not None and cell.computed:
                blank = _blank_parts(cell, current, current.spec) or (
                    prev_cell is not None and _blank_parts(prev_cell, previous, prev_spec)
                )
                if blank:  # a sum over blanks: its change is the filled parts' only
                    note = "；".join(n for n in (note, msg.COMPARE_TOTAL_OVER_BLANKS) if n)
            same_cell = prev_cell is not None and prev_cell.kind is cell.kind
            shown = [
                msg.COMPARE_PRINTED.format(
                    which=which,
                    printed=_printed(totals[cell.id]),
                    computed=_printed(side.value(cell.id)),  # in that report's own unit
                )
                for which, (side, totals) in printed.items()
                if cell.id in totals and (same_cell or which == msg.COMPARE_WHICH_CURRENT)
            ]
            rows.append(
                CellComparison(
                    cell.id,
                    cell.row_label,
                    cell.col_label,
                    before,
                    now,
                    diff,
                    unit,
                    cell.computed,
                    note,
                    "；".join(shown),
                    same_cell and cell.id in printed[msg.COMPARE_WHICH_PREVIOUS][1],
                    cell.id in printed[msg.COMPARE_WHICH_CURRENT][1],
                )
            )
        out.append(
            TableComparison(table.id, headings.get(table.id, table.id), tuple(rows), tuple(notes))
        )
    return out


@dataclass(frozen=True)
class CompareSummary:
    """Counts over every cell compared, so that a nearly empty year is said to be
    unfilled rather than unchanged."""

    cells: int  # every cell of this year's tables
    changed: int  # cells whose difference is not 0
    missing: int  # cells last year's format lacks (no comparable number)
    inputs: int  # input cells (not totals)
    blank_current: int  # input cells this year left blank
    blank_previous: int  # input cells last year left blank (where its format has them)
    printed: int = 0  # totals either document printed otherwise than their parts add up (R16)

    @property
    def mostly_blank(self) -> bool:
        """This year's tables are more blank than filled: changes say little yet."""
        return self.inputs > 0 and self.blank_current * 2 > self.inputs


def summarise(tables: list[TableComparison]) -> CompareSummary:
    """How many cells were compared, changed, lack last year's number, are blank
    in either year (inputs only: a total is blank exactly when its parts are), or
    are totals a document printed otherwise than their parts add up."""
    cells = [c for t in tables for c in t.cells]
    inputs = [c for c in cells if not c.computed]
    return CompareSummary(
        cells=len(cells),
        changed=sum(c.changed for c in cells),
        missing=sum(1 for c in cells if c.note == msg.COMPARE_NOT_IN_PREVIOUS),
        inputs=len(inputs),
        blank_current=sum(1 for c in inputs if c.current is None),
        blank_previous=sum(
            1 for c in inputs if c.previous is None and c.note != msg.COMPARE_NOT_IN_PREVIOUS
        ),
        printed=sum(1 for c in cells if c.printed),
    )


def _printed(value: Value | None) -> str:
    return msg.COMPARE_PRINTED_BLANK if value is None else format_value(value)


def report_from_previous(previous: PreviousYear) -> Report:
    """Last year's data kept in a report (carry-over) as a Report of its own, for
    comparing when last year's draft itself is not at hand. Values that do not fit
    the format are left out."""
    report = Report(previous.format_id, previous.year, agency=previous.agency)
    for cell_id, value in previous.values.items():
        try:
            report.set_value(cell_id, value)
        except (KeyError, InvalidValue):
            continue
    for section, text in previous.texts.items():
        if section in report.texts:
            report.set_text(section, text)
    return report
