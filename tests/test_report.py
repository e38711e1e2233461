"""The report document: values, totals, notifications, units, copies."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from model.formats import FORMAT_2019, FORMAT_2021
from model.report import Change, PreviousYear, Report
from model.values import InvalidValue


def app(row: str, col: str) -> str:
    return f"applications.{row}.{col}"


@pytest.fixture
def report() -> Report:
    return Report("2021", 2023, "某某市某某局", date=dt.date(2024, 1, 10))


@pytest.fixture
def changes(report: Report) -> list[Change]:
    seen: list[Change] = []
    report.add_listener(seen.append)
    return seen


def test_new_report(report: Report):
    assert report.spec is FORMAT_2021 and report.format_id == "2021"
    assert report.texts == {"一": "", "五": "", "六": ""}
    assert report.values() == {}
    assert len(report.blank_inputs()) == len(FORMAT_2021.inputs)
    with pytest.raises(ValueError):
        Report(FORMAT_2021, 2023, kind="county")


def test_blank_is_not_zero(report: Report):
    cell = app("new", "natural")
    assert report.value(cell) is None and report.is_blank(cell)
    report.set_value(cell, 0)
    assert report.value(cell) == 0 and not report.is_blank(cell)
    report.set_value(cell, None)
    assert report.value(cell) is None and report.is_blank(cell)


def test_computed_totals(report: Report):
    report.set_values(
        {
            app("granted", "natural"): 3,
            app("granted", "commercial"): 2,
            app("denied.state_secret", "natural"): 1,
            app("other.other", "legal"): 4,
        }
    )
    assert report.value(app("granted", "total")) == 5  # R2: row total
    assert report.value(app("total", "natural")) == 4  # R3: （七）总计 per column
    assert report.value(app("total", "legal")) == 4
    assert report.value(app("total", "total")) == 10
    assert report.value(app("partial", "total")) is None  # every term blank
    report.set_values({"appeals.review.upheld": 1, "appeals.review.pending": 2})
    assert report.value("appeals.review.total") == 3  # R4
    assert report.value("appeals.suit_direct.total") is None


def test_computed_cells_cannot_be_set(report: Report):
    with pytest.raises(InvalidValue, match="合计单元格由程序自动计算，不能直接填写"):
        report.set_value(app("total", "total"), 3)
    with pytest.raises(KeyError, match="报告格式中没有单元格"):
        report.set_value("applications.nope.natural", 1)


def test_listeners_notified_once_per_batch(report: Report, changes: list[Change]):
    report.set_values({app("new", "natural"): 1, app("new", "legal"): 2})
    assert changes == [Change("value", (app("new", "natural"), app("new", "legal")))]
    revision = report.revision
    report.set_values({app("new", "natural"): 1})  # no change: no notification
    assert len(changes) == 1 and report.revision == revision
    report.set_text("五", "问题与改进。")
    report.set_meta(agency="某某县某某局", year=2023)
    assert changes[1:] == [Change("text", ("五",)), Change("meta", ("agency",))]
    report.remove_listener(changes.append)
    report.set_value(app("new", "natural"), 5)
    assert len(changes) == 3


def test_set_values_is_all_or_nothing(report: Report, changes: list[Change]):
    report.set_value(app("new", "natural"), 1)
    with pytest.raises(InvalidValue, match="件数不能为负数"):
        report.set_values({app("new", "natural"): 9, app("new", "legal"): -1})
    assert report.value(app("new", "natural")) == 1
    assert report.is_blank(app("new", "legal"))
    assert len(changes) == 1


def test_money_units():
    report = Report(FORMAT_2019, 2020, "某某局")
    cell = "active.art20_9.procurement.amount"
    assert report.unit(cell) == "元"
    report.set_value(cell, Decimal("109994"))
    assert report.amount_in(cell, "万元") == Decimal("10.9994")
    report.set_unit(cell, "万元")
    assert report.unit(cell) == "万元" and report.units() == {cell: "万元"}
    assert report.amount_in(cell, "元") == Decimal("1099940000")
    with pytest.raises(InvalidValue, match="金额单位只能是元、万元"):
        report.set_unit(cell, "美元")
    with pytest.raises(InvalidValue):
        report.set_unit("active.art20_9.procurement.projects", "元")
    report.set_unit(cell, "元")
    assert report.units() == {}


def test_money_keeps_what_was_typed(report: Report, changes: list[Change]):
    cell = "active.art20_8.fees.amount_wan"
    report.set_value(cell, Decimal("12.50"))
    report.set_value(cell, Decimal("12.5"))  # same number, prints differently: a change
    assert str(report.value(cell)) == "12.5" and len(changes) == 2


def test_snapshot_is_independent(report: Report, changes: list[Change]):
    report.set_value(app("new", "natural"), 4)
    report.set_text("一", "总体情况。")
    report.set_extra("fee", {"cases": 0})
    copy = report.snapshot()
    assert copy == report and copy is not report
    copy.set_value(app("new", "natural"), 5)
    copy.set_text("一", "改过的")
    copy.extras["fee"]["cases"] = 3
    assert report.value(app("new", "natural")) == 4
    assert report.texts["一"] == "总体情况。"
    assert report.extras["fee"] == {"cases": 0}
    assert len(changes) == 3  # the copy's edits reached no listener of the original
    assert report._listeners  # and the original still has its listener


def test_equality():
    a = Report("2021", 2023, "某局")
    b = Report("2021", 2023, "某局")
    assert a == b
    a.set_value(app("new", "natural"), 0)
    assert a != b
    b.set_value(app("new", "natural"), 0)
    assert a == b
    b.set_previous(PreviousYear(2022, "2021", "某局", {app("carried_out", "natural"): 1}))
    assert a != b
    assert Report("2019", 2020) != Report("2021", 2020)
    assert a.__eq__("x") is NotImplemented


def test_set_meta_rejects_unknown_fields(report: Report):
    with pytest.raises(AttributeError):
        report.set_meta(colour="red")
    with pytest.raises(ValueError):
        report.set_meta(kind="county")
    assert report.meta.kind == "department"


def test_snapshot_shares_the_immutable_spec():
    from model.report import Report

    report = Report("2021", 2023, "某局")
    copy = report.snapshot()
    assert copy.spec is report.spec  # no copy of the format, no rebuilt rule plan
    copy.set_value("applications.new.natural", 1)
    assert report.is_blank("applications.new.natural")
