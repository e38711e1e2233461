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


# ---- reports at the limits -----------------------------------------------------------------
# Characters an officer's texts are made of: CJK, digits, Latin, Chinese and ASCII
# punctuation, full-width forms, spaces of every width and line breaks.
PROSE = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
    "0123456789ABCabcxyz，。、；：？！“”‘’（）《》【】—…·%+-=/.,;:()[]'\" ＡＢ１２　\u00a0\t\n"
)


def _amount(draw, decimals: int) -> Decimal:
    """An amount the model accepts: up to `decimals` places, MONEY_DIGITS digits in
    all and not above MAX_MONEY; often at the edges."""
    from model import limits

    places = draw(st.integers(0, decimals))
    whole_digits = draw(st.integers(1, min(12, limits.MONEY_DIGITS - places)))
    edge = draw(st.sampled_from(["max", "one", "zero", "any", "any"]))
    if edge == "max":
        digits = int("9" * (whole_digits + places))
    elif edge == "one":
        digits = 1
    elif edge == "zero":
        digits = 0
    else:
        digits = draw(st.integers(0, 10 ** (whole_digits + places) - 1))
    value = Decimal(digits).scaleb(-places)
    return min(value, limits.MAX_MONEY)


@st.composite
def limit_reports(
    draw,
    alphabet: str = PROSE,
    max_text: int = 300,
    max_agency: int | None = None,
    dated: bool = False,
    agency_alphabet: str | None = None,
) -> Report:
    """Any report the draft loader accepts, with values often at the limits of
    model.limits: counts 0 … MAX_COUNT (signed ±), amounts with up to 6 decimals
    and 15 digits in either unit, years MIN_YEAR … MAX_YEAR, agencies up to
    MAX_AGENCY_CHARS (or `max_agency`, of `agency_alphabet`), texts of `alphabet`;
    `dated`: always a date."""
    from model import limits

    longest = max_agency or limits.MAX_AGENCY_CHARS

    spec = FORMATS[draw(st.sampled_from(sorted(FORMATS)))]
    year = draw(
        st.one_of(
            st.sampled_from([limits.MIN_YEAR, limits.MAX_YEAR, spec.first_year]),
            st.integers(limits.MIN_YEAR, limits.MAX_YEAR),
        )
    )
    agency = draw(
        st.one_of(
            st.just("某某市某某局"),
            st.text(alphabet=agency_alphabet or " \u3000\t'=某局", min_size=1, max_size=8),
            st.text(
                alphabet=agency_alphabet or alphabet.replace("\n", ""),
                min_size=1,
                max_size=min(40, longest),
            ),
            st.text(alphabet="局厅委办", min_size=longest, max_size=longest),
        )
    )
    kind = draw(st.sampled_from(["department", "government"]))
    dates = st.dates(dt.date(year, 1, 1), dt.date(year + 1, 12, 31))
    day = draw(dates if dated else st.one_of(st.none(), dates))
    report = Report(spec, year, agency, kind, day)
    values: dict[str, object] = {}
    for cell in spec.inputs:
        if draw(st.integers(0, 9)) == 0:
            continue  # blank
        if cell.kind is ValueKind.MONEY:
            if len(cell.units) > 1 and draw(st.booleans()):
                report.set_unit(cell.id, cell.units[-1])
            values[cell.id] = _amount(draw, cell.decimals)
        else:
            low = -limits.MAX_COUNT if cell.kind is ValueKind.SIGNED_COUNT else 0
            values[cell.id] = draw(
                st.one_of(
                    st.sampled_from([low, 0, 1, limits.MAX_COUNT]),
                    st.integers(low, limits.MAX_COUNT),
                )
            )
    report.set_values(values)  # type: ignore[arg-type]
    for section in spec.text_sections:
        report.set_text(section.id, draw(st.text(alphabet=alphabet, max_size=max_text)))
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
