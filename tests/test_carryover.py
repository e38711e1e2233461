"""Starting a report from last year's: agency, kind, 上年结转 and last year's data."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from model.carryover import carried_values, previous_year_of, start_from_previous
from model.formats import UnknownFormat
from model.report import Report
from model.rules import validate
from model.sample import load_sample
from model.spec import CarryOverRule
from tests.factories import random_report

COLS = ("natural", "commercial", "research", "social", "legal", "other")
CARRIED = dict(zip(COLS, (4, 0, 2, 0, 1, 7), strict=True))


def _last_year(year: int) -> Report:
    report = random_report(random.Random(year), year, agency="某某市某某局", kind="government")
    report.set_values({f"applications.carried_out.{c}": n for c, n in CARRIED.items()})
    return report


@pytest.mark.parametrize(
    ("last", "year", "fmt"), [(2019, 2020, "2019"), (2020, 2021, "2021"), (2023, 2024, "2021")]
)
def test_carried_in_takes_last_years_carried_out(last, year, fmt):
    previous = _last_year(last)
    report = start_from_previous(previous, year)
    assert report.spec.id == fmt
    assert report.meta.year == year
    assert report.meta.agency == "某某市某某局"
    assert report.meta.kind == "government"
    assert report.meta.date is None
    carried = {c: report.value(f"applications.carried_in.{c}") for c in COLS}
    assert carried == CARRIED
    assert report.value("applications.carried_in.total") == 14
    # nothing else is filled in
    assert set(report.values()) == {f"applications.carried_in.{c}" for c in COLS}
    assert report.revision == 0


def test_blank_last_year_stays_blank():
    previous = Report("2021", 2022, "某某局")
    previous.set_value("applications.carried_out.natural", 3)
    report = start_from_previous(previous, 2023)
    assert report.values() == {"applications.carried_in.natural": 3}
    assert report.is_blank("applications.carried_in.commercial")


def test_previous_year_keeps_values_and_texts_but_texts_are_not_copied():
    previous = _last_year(2022)
    report = start_from_previous(previous, 2023)
    kept = report.previous
    assert kept is not None
    assert (kept.year, kept.format_id, kept.agency) == (2022, "2021", "某某市某某局")
    assert kept.values == previous.values()
    assert kept.values["active.art20_1.normative_docs.in_force"] == previous.value(
        "active.art20_1.normative_docs.in_force"
    )
    assert kept.texts == previous.texts and kept.texts["一"]
    assert report.texts == {"一": "", "五": "", "六": ""}


def test_across_formats_from_the_2020_sample():
    sample = load_sample()
    report = start_from_previous(sample, 2021)
    assert report.spec.id == "2021"
    assert report.values() == {"applications.carried_in.natural": 0}
    assert report.previous.format_id == "2019"
    assert report.previous.values["active.art20_5.other_services.prev_items"] == 21


def test_no_r7_warning_after_carry_over_and_one_when_changed():
    previous = _last_year(2022)
    report = start_from_previous(previous, 2023)
    assert not [i for i in validate(report).issues if i.rule == "R7"]
    report.set_value("applications.carried_in.research", 5)
    r7 = [i for i in validate(report).issues if i.rule == "R7"]
    assert [i.cell for i in r7] == ["applications.carried_in.research"]


def test_driven_by_the_formats_rule():
    previous = _last_year(2022)
    report = Report("2021", 2023)
    rules = [r for r in report.spec.rules if isinstance(r, CarryOverRule)]
    assert rules
    expected = {}
    for rule in rules:
        for col in rule.columns:
            cell = report.spec.cell_by_id[f"{rule.table}.{rule.target_row}.{col}"]
            value = previous.value(f"{rule.table}.{rule.source_row}.{col}")
            if not cell.computed and value is not None:
                expected[cell.id] = value
    assert carried_values(previous, report) == expected


def test_money_in_another_unit_is_kept_in_the_default_unit():
    previous = Report("2019", 2019, "某某局")
    previous.set_value("active.art20_9.procurement.amount", Decimal("1.25"))
    previous.set_unit("active.art20_9.procurement.amount", "万元")
    kept = previous_year_of(previous)
    assert kept.values["active.art20_9.procurement.amount"] == Decimal(12500)


def test_year_must_be_later():
    previous = _last_year(2022)
    with pytest.raises(ValueError, match="应晚于上一年度报告的年度（2022年）"):
        start_from_previous(previous, 2022)
    with pytest.raises(ValueError, match="上年报告应为2023年度"):  # a year skipped
        start_from_previous(previous, 2024)
    with pytest.raises(UnknownFormat):  # no format covers 2017
        start_from_previous(Report("2019", 2016), 2017)
