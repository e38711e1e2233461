"""Realistic report generators for tests and benchmarks.

`random_report` fills every input of a format with plausible numbers; with
`consistent=True` section 三 balances (R1) in every column. Hypothesis strategies
wrap it so property tests shrink by seed.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from hypothesis import strategies as st

from model.formats import FORMATS, format_for_year
from model.report import Report
from model.spec import BalanceRule, ValueKind

SAMPLE_TEXT = {
    "一": (
        "{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，"
        "全年新收政府信息公开申请{new}件。"
    ),
    "五": "存在的主要问题是公开内容的及时性还需提高。下一步，将进一步完善工作机制，提升公开质量。",
    "六": "本年度未收取信息处理费。",
}


def _count(rng: random.Random, high: int = 30) -> int:
    # many zeros, as in real reports
    return 0 if rng.random() < 0.4 else rng.randint(1, high)


def random_report(
    rng: random.Random,
    year: int = 2023,
    agency: str = "某某市某某局",
    consistent: bool = True,
    blank_ratio: float = 0.0,
    kind: str = "department",
) -> Report:
    spec = format_for_year(year)
    report = Report(spec, year, agency, kind, dt.date(year + 1, 1, rng.randint(5, 28)))
    values: dict[str, object] = {}
    for cell in spec.inputs:
        if cell.kind is ValueKind.MONEY:
            values[cell.id] = Decimal(rng.randint(0, 2_000_000)) / 100
        elif cell.kind is ValueKind.SIGNED_COUNT:
            values[cell.id] = rng.randint(-10, 10)
        else:
            values[cell.id] = _count(rng)
    if consistent:
        for rule in spec.rules:
            if isinstance(rule, BalanceRule):
                _balance(spec, rule, values, rng)
    for cell_id in list(values):
        if rng.random() < blank_ratio:
            del values[cell_id]
    report.set_values(values)  # type: ignore[arg-type]
    new_total = report.value("applications.new.total") or 0
    for section in spec.text_sections:
        report.set_text(section.id, SAMPLE_TEXT[section.id].format(year=year, new=new_total))
    return report


def _balance(spec, rule: BalanceRule, values: dict, rng: random.Random) -> None:
    """Make left rows equal right rows in every input column of a BalanceRule."""
    table = spec.table_by_id[rule.table]
    for col in rule.columns:
        if table.cell_by_id[table.cell_id(rule.left[0], col)].computed:
            continue  # the total column follows from the others
        right = 0
        for row in rule.right:
            cell = table.cell_by_id[table.cell_id(row, col)]
            for term in cell.terms or (cell.id,):
                right += values[term]
        fixed_left = sum(values[table.cell_id(r, col)] for r in rule.left[1:])
        if fixed_left > right:
            for r in rule.left[1:]:
                values[table.cell_id(r, col)] = 0
            fixed_left = 0
        values[table.cell_id(rule.left[0], col)] = right - fixed_left


@st.composite
def reports(draw, format_id: str | None = None, consistent: bool = True, blank_ratio=0.0):
    """A random report; `format_id` None draws either format."""
    fid = format_id or draw(st.sampled_from(sorted(FORMATS)))
    spec = FORMATS[fid]
    year = draw(st.integers(spec.first_year, spec.last_year or spec.first_year + 5))
    seed = draw(st.integers(0, 2**32 - 1))
    return random_report(random.Random(seed), year, consistent=consistent, blank_ratio=blank_ratio)


def big_report(rng: random.Random, year: int = 2023, agency: str = "某某市人民政府") -> Report:
    """A city's roll-up at the sizes real ones reach and beyond: every count of
    seven digits, a few at the largest count a cell takes (model.limits.MAX_COUNT),
    money of 15 significant digits with 6 decimals; section 三 balanced."""
    from model.limits import MAX_COUNT

    spec = format_for_year(year)
    report = Report(spec, year, agency, "government", dt.date(year + 1, 3, 20))
    values: dict[str, object] = {}
    for cell in spec.inputs:
        if cell.kind is ValueKind.MONEY:
            values[cell.id] = Decimal("123456789.123456")
        elif cell.kind is ValueKind.SIGNED_COUNT:
            values[cell.id] = -rng.randint(1_000_000, 9_999_999)
        else:
            values[cell.id] = rng.randint(1_000_000, 9_999_999)
    balanced = {r.table for r in spec.rules if isinstance(r, BalanceRule)}
    for rule in spec.rules:
        if isinstance(rule, BalanceRule):
            _balance(spec, rule, values, rng)
    counts = [c.id for c in spec.inputs if c.kind is ValueKind.COUNT and c.table not in balanced]
    for cell_id in rng.sample(counts, 3):
        values[cell_id] = MAX_COUNT
    report.set_values(values)  # type: ignore[arg-type]
    for section in spec.text_sections:
        report.set_text(section.id, SAMPLE_TEXT[section.id].format(year=year, new="1234567"))
    return report


def max_report(year: int = 2023, agency: str = "某某市人民政府") -> Report:
    """Every input at the largest value model.limits lets a cell take: counts of
    MAX_COUNT (signed ones at -MAX_COUNT), amounts of 15 significant digits with 6
    decimals. Its totals run to 12 digits: the widest table any report can print."""
    from model.limits import MAX_COUNT, MONEY_DECIMALS, MONEY_DIGITS

    spec = format_for_year(year)
    report = Report(spec, year, agency, "government", dt.date(year + 1, 3, 20))
    integer_digits = MONEY_DIGITS - MONEY_DECIMALS
    money = Decimal("9" * integer_digits + "." + "9" * MONEY_DECIMALS)
    values: dict[str, object] = {}
    for cell in spec.inputs:
        if cell.kind is ValueKind.MONEY:
            values[cell.id] = money
        elif cell.kind is ValueKind.SIGNED_COUNT:
            values[cell.id] = -MAX_COUNT
        else:
            values[cell.id] = MAX_COUNT
    report.set_values(values)  # type: ignore[arg-type]
    for section in spec.text_sections:
        report.set_text(section.id, SAMPLE_TEXT[section.id].format(year=year, new=MAX_COUNT))
    return report
