"""Moving a report to another official format (when its year crosses 2020/2021).

Kept: meta, texts of sections both formats have, last year's data (while it is
still the year before the new year), extras, every input whose cell id exists in
both formats with the same kind, and every printed total (R16) whose cell is a
total in both. Everything
else is reported in a Chinese note naming section, row, column and value, so
the officer can re-enter it where it belongs; nothing is dropped silently.
"""

from __future__ import annotations

from decimal import Decimal

from model import messages as msg
from model.carryover import detached_note, previous_fits
from model.formats import get_format
from model.report import Report
from model.spec import CellSpec, ValueKind
from model.values import InvalidValue, Value, check_value, format_value, to_unit


def convert_report(report: Report, target_format_id: str, year: int) -> tuple[Report, list[str]]:
    """A new report in `target_format_id` for `year`, and notes on what did not carry
    over or was changed. Raises ValueError (Chinese) when the format does not
    apply to the year, UnknownFormat for an unknown format id."""
    target = get_format(target_format_id)
    if not target.applies_to(year):
        raise ValueError(
            msg.CONVERT_WRONG_YEAR.format(year=year, name=target.name, doc=target.issued_by)
        )
    meta = report.meta
    out = Report(target, year, agency=meta.agency, kind=meta.kind, date=meta.date)
    notes: list[str] = []

    values: dict[str, Value] = {}
    units: dict[str, str] = {}
    for cell in report.spec.inputs:
        value = report.input_value(cell.id)
        if value is None:
            continue
        new_cell = target.cell_by_id.get(cell.id)
        where = _where(report, cell, value)
        if new_cell is None or new_cell.computed:
            notes.append(msg.CONVERT_NO_CELL.format(**where))
            continue
        if new_cell.kind is not cell.kind:
            notes.append(msg.CONVERT_OTHER_KIND.format(**where))
            continue
        unit = report.unit(cell.id)
        if cell.kind is ValueKind.MONEY and unit:
            allowed = new_cell.units or ((new_cell.unit,) if new_cell.unit else ())
            if unit not in allowed and new_cell.unit:
                converted = to_unit(Decimal(value), unit, new_cell.unit)
                notes.append(
                    msg.CONVERT_UNIT.format(
                        **where,
                        converted=format_value(converted),
                        target=new_cell.unit,
                    )
                )
                value, unit = converted, new_cell.unit
        try:
            values[cell.id] = check_value(value, new_cell)
        except InvalidValue as exc:
            notes.append(msg.CONVERT_REFUSED.format(**where, reason=exc))
            continue
        if new_cell.kind is ValueKind.MONEY and unit and unit != new_cell.unit:
            units[cell.id] = unit
    out.set_values(values)
    for cell_id, unit in units.items():
        out.set_unit(cell_id, unit)

    for section_id, text in report.texts.items():
        if section_id in out.texts:
            out.set_text(section_id, text)
        elif text.strip():
            heading = report.spec.section_by_id[section_id].heading
            notes.append(msg.CONVERT_NO_TEXT.format(heading=heading))

    kept: dict[str, Value | None] = {}
    for cell_id, shown in report.printed().items():
        new_cell = target.cell_by_id.get(cell_id)
        if new_cell is not None and new_cell.computed:
            kept[cell_id] = shown
        else:
            where = _where(report, report.spec.cell_by_id[cell_id], shown)
            notes.append(msg.CONVERT_NO_PRINTED.format(**where))
    out.set_printed(kept)

    previous = report.previous
    if previous is not None and not previous_fits(year, previous.year):
        notes.append(detached_note(year, previous.year))  # no longer last year's report
        previous = None
    out.previous = previous
    out.extras = dict(report.extras)
    out.summary = report.summary  # a summary stays one: a roll-up must never count it
    out.revision = 0
    return out, notes


def _where(report: Report, cell: CellSpec, value: Value | None) -> dict[str, str]:
    table = report.spec.table_by_id[cell.table]
    unit = report.unit(cell.id) if cell.kind is ValueKind.MONEY else None
    return {
        "heading": report.spec.section_by_id[table.section].heading,
        "row": cell.row_label,
        "col": cell.col_label,
        "value": format_value(value, msg.CONVERT_BLANK) + (f" {unit}" if unit else ""),
    }
