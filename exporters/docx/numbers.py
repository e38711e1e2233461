"""What a value cell prints: what the report holds (a blank input prints blank),
money with its unit unless the column label already names the unit
(「本年收费金额（单位：万元）」)."""

from __future__ import annotations

import re
from decimal import Decimal

from model.report import Report
from model.spec import CellSpec, ValueKind
from model.values import format_value


def label_unit(label: str, units: tuple[str, ...]) -> str | None:
    """The unit a column label names, as 「（单位：万元）」 or 「（万元）」, or None."""
    for unit in sorted(units, key=len, reverse=True):
        if re.search(rf"[（(]\s*(?:单位\s*[：:]\s*)?{re.escape(unit)}\s*[）)]", label):
            return unit
    return None


def _money_units(cell: CellSpec) -> tuple[str, ...]:
    return tuple(dict.fromkeys(u for u in (cell.unit, *cell.units) if u))


def printed_value(report: Report, cell: CellSpec) -> str:
    """The text printed in a value cell; "" for a blank one. The document shows what
    the draft holds, so the two always agree (R6 names the blanks, and the export
    offers 补零 before writing)."""
    value = report.value(cell.id)
    if value is None:
        return ""
    if cell.kind is not ValueKind.MONEY:
        return format_value(value)
    unit = report.unit(cell.id)
    header_unit = label_unit(cell.col_label, _money_units(cell))
    if header_unit is not None:
        if value is not None and unit and unit != header_unit:
            converted = report.amount_in(cell.id, header_unit)
            return _plain(converted)
        return format_value(value)
    return f"{format_value(value)}{unit or ''}"


def _plain(amount: Decimal | None) -> str:
    """A converted amount without the trailing zeros division leaves (125000.0 → 125000)."""
    if amount is None:
        return "0"
    text = format(amount.normalize(), "f")
    return text
