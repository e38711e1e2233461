"""Moving a report between the 2019 and 2021 formats: what is kept, and a note
for everything that is not."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from decimal import Decimal

import pytest

from model.convert import convert_report
from model.formats import FORMATS
from model.formats.f2019 import FORMAT_2019
from model.report import PreviousYear, Report
from model.sample import load_sample
from model.spec import ValueKind
from tests.factories import random_report

AMOUNT = "active.art20_9.procurement.amount"


def _shared_inputs(source: str, target: str) -> set[str]:
    src, dst = FORMATS[source], FORMATS[target]
    return {
        c.id
        for c in src.inputs
        if c.id in dst.cell_by_id
        and not dst.cell_by_id[c.id].computed
        and dst.cell_by_id[c.id].kind is c.kind
    }


@pytest.mark.parametrize(
    ("source", "year", "target", "new_year"),
    [(2020, "2019", "2021", 2021), (2021, "2021", "2019", 2020)],
)
def test_shared_inputs_kept_and_every_other_value_noted(source, year, target, new_year):
    report = random_report(random.Random(source), source, kind="government")
    report.set_extra("fee", {"amount": Decimal("0.00")})
    # last year's report of the new year: kept (another year is detached, see below)
    last = PreviousYear(new_year - 1, year, "某某局", {"applications.new.natural": 3})
    report.set_previous(last)
    new, notes = convert_report(report, target, new_year)
    assert new.spec.id == target
    assert new.meta.year == new_year
    assert (new.meta.agency, new.meta.kind, new.meta.date) == (
        report.meta.agency,
        report.meta.kind,
        report.meta.date,
    )
    assert new.texts == report.texts
    assert new.previous == report.previous
    assert new.extras == report.extras
    shared = _shared_inputs(year, target)
    assert new.values() == {k: v for k, v in report.values().items() if k in shared}
    dropped = [k for k in report.values() if k not in shared]
    assert len(notes) == len(dropped) > 0
    assert all(n.endswith("在新格式中没有对应栏目，未转换") for n in notes)
    # the shared part is what both formats print identically: 三 (but （六）) and 四
    assert "applications.granted.natural" in shared and "appeals.review.upheld" in shared
    assert "active.art20_5.licensing.decisions" in shared


def test_last_years_report_of_another_year_is_detached_and_said():
    report = random_report(random.Random(1), 2020)
    report.set_previous(PreviousYear(2019, "2019", "某某局", {"applications.new.natural": 3}))
    new, notes = convert_report(report, "2021", 2025)
    assert new.previous is None
    assert notes[-1] == (
        "原附带的2019年度报告不是2025年度的上一年度，已解除关联：上年结转、现行有效件数和"
        "正文雷同不再与它核对。撤销可恢复；需要核对时，请载入2024年度的报告。"
    )


def test_note_names_section_row_column_and_value():
    new, notes = convert_report(load_sample(), "2021", 2021)
    assert (
        "二、主动公开政府信息情况：“其他对外管理服务事项”行“上一年项目数量”列的 21 "
        "在新格式中没有对应栏目，未转换"
    ) in notes
    assert (
        "二、主动公开政府信息情况：“政府集中采购”行“采购总金额”列的 109994 元 "
        "在新格式中没有对应栏目，未转换"
    ) in notes
    assert len(notes) == 19  # 22 values of 二 printed, 3 处理决定数量 kept
    assert new.values() == {
        "active.art20_5.licensing.decisions": 2,
        "active.art20_6.penalty.decisions": 0,
        "active.art20_6.enforcement.decisions": 0,
        "applications.new.natural": 1,
        "applications.carried_in.natural": 0,
        "applications.granted.natural": 1,
        "applications.carried_out.natural": 0,
    }
    assert new.texts["一"] == load_sample().texts["一"]


def test_other_processing_row_of_2019_is_noted():
    report = Report("2019", 2020, "某某局")
    report.set_value("applications.other.natural", 2)
    new, notes = convert_report(report, "2021", 2021)
    assert new.values() == {}
    assert notes == [
        "三、收到和处理政府信息公开申请情况：“（六）其他处理”行“自然人”列的 2 "
        "在新格式中没有对应栏目，未转换"
    ]


def test_blank_cells_give_no_notes_and_zero_is_a_value():
    report = Report("2019", 2020)
    new, notes = convert_report(report, "2021", 2021)
    assert notes == [] and new.values() == {}
    report.set_value("active.art20_1.regulations.made", 0)
    assert len(convert_report(report, "2021", 2021)[1]) == 1


def test_format_must_fit_the_year():
    with pytest.raises(ValueError, match="2022年度报告不能使用"):
        convert_report(Report("2021", 2021), "2019", 2022)


def _variant(monkeypatch, **cell_changes) -> str:
    """A test-only format: the 2019 format with 采购总金额 changed."""
    active = FORMAT_2019.table_by_id["active"]
    cells = tuple(
        dataclasses.replace(c, **cell_changes) if c.id == AMOUNT else c for c in active.cells
    )
    tables = tuple(
        dataclasses.replace(t, cells=cells) if t.id == "active" else t for t in FORMAT_2019.tables
    )
    spec = dataclasses.replace(FORMAT_2019, id="test", tables=tables, last_year=None)
    monkeypatch.setitem(FORMATS, "test", spec)
    return "test"


def test_money_in_a_unit_the_new_format_lacks_is_converted_and_noted(monkeypatch):
    target = _variant(monkeypatch, unit="万元", units=())
    report = Report("2019", 2020, "某某局", date=dt.date(2021, 1, 8))
    report.set_value(AMOUNT, Decimal("109994"))
    new, notes = convert_report(report, target, 2021)
    assert new.value(AMOUNT) == Decimal("10.9994")
    assert new.unit(AMOUNT) == "万元"
    assert notes == [
        "二、主动公开政府信息情况：“政府集中采购”行“采购总金额”列的 109994 元 已换算为 10.9994 万元"
    ]


def test_money_in_an_allowed_unit_keeps_its_unit(monkeypatch):
    target = _variant(monkeypatch)  # same cell, both units allowed
    report = Report("2019", 2020)
    report.set_value(AMOUNT, Decimal("1.5"))
    report.set_unit(AMOUNT, "万元")
    new, notes = convert_report(report, target, 2021)
    assert notes == []
    assert str(new.value(AMOUNT)) == "1.5" and new.unit(AMOUNT) == "万元"


def test_value_the_new_cell_cannot_hold_is_noted(monkeypatch):
    target = _variant(monkeypatch, decimals=0)
    report = Report("2019", 2020)
    report.set_value(AMOUNT, Decimal("1.5"))
    new, notes = convert_report(report, target, 2021)
    assert new.is_blank(AMOUNT)
    assert notes == [
        "二、主动公开政府信息情况：“政府集中采购”行“采购总金额”列的 1.5 元 不符合新格式的要求"
        "（金额最多保留 0 位小数），未转换"
    ]


def test_value_of_another_kind_is_noted(monkeypatch):
    target = _variant(monkeypatch, kind=ValueKind.COUNT, unit=None, units=(), decimals=0)
    report = Report("2019", 2020)
    report.set_value(AMOUNT, Decimal(3))
    new, notes = convert_report(report, target, 2021)
    assert new.is_blank(AMOUNT)
    assert notes == [
        "二、主动公开政府信息情况：“政府集中采购”行“采购总金额”列的 3 元 "
        "在新格式中的数据类型不同，未转换"
    ]


def test_a_summary_stays_a_summary_in_another_format():
    from model.report import SummaryInfo, SummarySource

    report = random_report(random.Random(2), 2020, agency="某某县人民政府")
    report.set_summary(SummaryInfo((SummarySource("某局", 2020, "department", "a.nianbao"),)))
    new, _notes = convert_report(report, "2021", 2021)
    assert new.summary == report.summary
