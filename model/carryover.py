"""Starting this year's report from last year's.

What carries over is declared by the format's CarryOverRule (R7): this year's
上年结转 row takes last year's 结转下年度继续办理 row, column by column. Last
year's values and texts are kept on the new report as `PreviousYear`, for the
checks that compare with last year (R7, R8), the comparison view and the
reference texts; last year's narrative is never copied into this year's text.
"""

from __future__ import annotations

from model import messages as msg
from model.formats import format_for_year
from model.report import PreviousYear, Report, previous_fits
from model.spec import CarryOverRule, CellSpec, ValueKind
from model.values import Value


def check_previous(year: int, previous_year: int) -> None:
    """Raise ValueError (Chinese) unless `previous_year` is the year before `year`."""
    if not previous_fits(year, previous_year):
        raise ValueError(
            msg.PREVIOUS_WRONG_YEAR.format(previous=previous_year, year=year, expected=year - 1)
        )


def detached_note(year: int, previous_year: int, report: Report | None = None) -> str:
    """What the officer is told when a year change detaches last year's report: that
    it no longer applies, and — naming each of them — which carried-in numbers of
    `report` (R7's 上年结转 row) still hold what was carried from it or typed for the
    old year. They are kept as they are (the officer may have typed them from the
    right report; clearing them would lose that without a word) and, with no
    report of the year before to compare with, must be checked by the officer."""
    note = msg.PREVIOUS_DETACHED.format(previous=previous_year, year=year, expected=year - 1)
    if report is None:
        return note
    for rule, cells in carried_in(report):
        table = report.spec.table_by_id[rule.table]
        source = next(
            (
                c.row_label
                for c in table.cells
                if c.id.startswith(f"{rule.table}.{rule.source_row}.")
            ),
            rule.source_row,
        )
        note += msg.PREVIOUS_DETACHED_CARRIED.format(
            row=cells[0][0].row_label,
            cells="、".join(
                msg.PREVIOUS_CARRIED_CELL.format(col=c.col_label, value=v) for c, v in cells
            ),
            previous=previous_year,
            expected=year - 1,
            source=source,
        )
    return note


def carried_in(report: Report) -> list[tuple[CarryOverRule, list[tuple[CellSpec, Value]]]]:
    """Per carry-over rule of the report's format (R7), the filled cells of its
    target row (this year's 上年结转 row), in column order; rules with none filled
    are left out."""
    out = []
    for rule in report.spec.rules:
        if not isinstance(rule, CarryOverRule):
            continue
        table = report.spec.table_by_id[rule.table]
        cells = []
        for col in rule.columns:
            cell = table.cell_by_id.get(table.cell_id(rule.target_row, col))
            if cell is None or cell.computed:
                continue
            value = report.value(cell.id)
            if value is not None:
                cells.append((cell, value))
        if cells:
            out.append((rule, cells))
    return out


def previous_year_of(report: Report) -> PreviousYear:
    """What a later report keeps of `report`. Money is stored in each cell's default
    unit, since PreviousYear has no units of its own."""
    values: dict[str, Value] = {}
    for cell_id, value in report.values().items():
        cell = report.spec.cell_by_id[cell_id]
        if cell.kind is ValueKind.MONEY and cell.unit and report.unit(cell_id) != cell.unit:
            value = report.amount_in(cell_id, cell.unit) or value
        values[cell_id] = value
    return PreviousYear(
        year=report.meta.year,
        format_id=report.spec.id,
        agency=report.meta.agency,
        values=values,
        texts=dict(report.texts),
    )


def start_from_previous(previous: Report, year: int) -> Report:
    """A new, otherwise empty report for `year` in the format the year requires,
    with agency and kind taken over and carried-over counts filled in.
    Raises UnknownFormat for a year no format covers and ValueError (Chinese)
    when `year` is not the year after last year's report year (carried-over
    counts and the checks against last year only hold for the year before)."""
    if year <= previous.meta.year:
        raise ValueError(msg.CARRY_NOT_LATER.format(year=year, previous=previous.meta.year))
    check_previous(year, previous.meta.year)
    spec = format_for_year(year)
    report = Report(spec, year, agency=previous.meta.agency, kind=previous.meta.kind)
    report.set_values(carried_values(previous, report))
    report.set_previous(previous_year_of(previous))
    report.revision = 0  # a new report starts unchanged
    return report


def carried_values(previous: Report, report: Report) -> dict[str, Value]:
    """Values the carry-over rules of `report`'s format take from `previous`.
    Cells missing on either side (another format) or blank last year are skipped."""
    out: dict[str, Value] = {}
    for rule in report.spec.rules:
        if not isinstance(rule, CarryOverRule):
            continue
        table = report.spec.table_by_id[rule.table]
        for col in rule.columns:
            target = table.cell_by_id.get(table.cell_id(rule.target_row, col))
            source = previous.spec.cell_by_id.get(f"{rule.table}.{rule.source_row}.{col}")
            if target is None or source is None or target.computed:
                continue
            value = previous.value(source.id)
            if value is not None:
                out[target.id] = value
    return out
