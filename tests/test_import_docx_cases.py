"""The Word cases found in the field (../shared/cases): Word files of one base
report stored as Word/WPS store them, and Word files made from real published
reports. Each imports to exactly what Word shows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from exporters.docx import export_docx
from exporters.xlsx import export_xlsx
from importers.docx import import_docx
from importers.xlsx import import_xlsx
from model.drafts import load_draft
from model.rules import validate
from tests.shared_cases import IMPORT_DOCX, PUBLISHED


@pytest.fixture(scope="module")
def base():
    return load_draft(IMPORT_DOCX / "base2023.nianbao")


@pytest.mark.parametrize(
    "name",
    [
        "v02_tracked_insert_digit.docx",
        "v04_sdt_around_cell.docx",
        "v10_smarttag_chsdate_signature.docx",
    ],
)
def test_word_storage_variants_import_as_the_base(base, name):
    result = import_docx(IMPORT_DOCX / name)
    report = result.report
    assert report.format_id == base.format_id
    assert report.meta == base.meta
    assert report.texts == base.texts
    assert {k: str(v) for k, v in report.values().items()} == {
        k: str(v) for k, v in base.values().items()
    }
    assert report.units() == base.units()
    assert report.printed() == {}
    revised = [n for n in result.notes if "尚未接受的修订" in n]
    assert len(revised) == (1 if name.startswith("v02") else 0)
    assert not [i for i in validate(report).issues if i.rule in ("R1", "R16")]


def test_the_tracked_digit_reads_226():
    report = import_docx(IMPORT_DOCX / "v02_tracked_insert_digit.docx").report
    assert report.value("applications.new.natural") == 226


def test_six_decimal_fee_is_kept_as_printed(tmp_path):
    result = import_docx(PUBLISHED / "fee-6-decimals_2021-pingtan.docx")
    report = result.report
    fee = report.value("active.art20_8.fees.amount_wan")
    assert str(fee) == "24252.311082" and report.unit("active.art20_8.fees.amount_wan") == "万元"
    assert not any("小数" in n or "24252" in n for n in result.notes)
    assert not [i for i in validate(report).issues if "amount_wan" in (i.cell or "")]
    # shown and exported as entered, and read back the same from both files
    fee_id = "active.art20_8.fees.amount_wan"
    export_docx(report, tmp_path / "fee.docx")
    assert str(import_docx(tmp_path / "fee.docx").report.value(fee_id)) == "24252.311082"
    export_xlsx(report, tmp_path / "fee.xlsx")
    assert str(import_xlsx(tmp_path / "fee.xlsx").report.value(fee_id)) == "24252.311082"
    # a 管委会 of a zone publishes its level's report
    assert report.meta.agency == "平潭综合实验区管委会"
    assert report.meta.kind == "government"


def test_signature_without_a_date():
    result = import_docx(PUBLISHED / "signature-without-date_2023-suqian.docx")
    report = result.report
    assert report.meta.agency == "宿迁市人民政府"
    assert report.meta.kind == "government"
    assert report.meta.date is None
    assert report.spec.deadline(report.meta.year, report.meta.kind) == dt.date(2024, 3, 31)
    assert report.texts["六"] == "无。"
    notes = "\n".join(result.notes)
    assert "机关名称取自落款「宿迁市人民政府」（标题中写作「宿迁市」）" in notes
    assert "落款只有机关名称「宿迁市人民政府」，没有成文日期" in notes
    assert "按本级政府年度报告导入（公布期限为次年3月31日）" in notes


def test_wrong_printed_totals_in_four_are_both_flagged():
    report = import_docx(PUBLISHED / "table4-printed-totals-wrong_2023-hongze.docx").report
    messages = [i.message for i in validate(report).issues if i.rule == "R16"]
    assert len(messages) == 2
    assert "“行政复议”的“总计”印为 0，各项之和为 11" in messages[0]
    assert "“行政诉讼 复议后起诉”的“总计”印为 0，各项之和为 5" in messages[1]
    assert report.value("appeals.review.upheld") == 10
    assert report.meta.agency == "淮安市洪泽区人民政府" and report.meta.kind == "government"


def test_decimals_are_never_dropped_silently():
    """Amounts keep every decimal model.limits allows; beyond, the note says how
    the number was changed."""
    from importers.published.tables import TableRead, TableReader
    from model.formats import get_format

    spec = get_format("2021")
    table = spec.table_by_id["active"]
    cell = spec.cell_by_id["active.art20_8.fees.amount_wan"]
    reader = TableReader(table, "二")
    cases = {
        "24252.311082": ("24252.311082", None),
        "24252.3110825": ("24252.311083", "超过 6 位小数，已四舍五入为 24252.311083万元"),
        "1.2345元": ("0.000123", "已换算为 0.000123万元（换算后超过 6 位小数，已四舍五入）"),
        "125000元": ("12.5", "已换算为 12.5万元"),
        "3.50万元": ("3.50", "按 3.50万元 读取"),
    }
    for text, (value, note) in cases.items():
        out = TableRead(table)
        reader._read_cell(cell, text, "万元", out)
        assert str(out.values[cell.id]) == value, text
        joined = "\n".join(out.notes)
        assert (note in joined) if note else joined == "", (text, joined)
    for text, reason in (("1" + "0" * 30, "超出金额的上限"), ("1e30", "不是数字")):
        out = TableRead(table)
        reader._read_cell(cell, text, "万元", out)
        assert cell.id not in out.values
        assert reason in out.notes[0] and "按未填写导入" in out.notes[0]


def test_a_typed_amount_keeps_six_decimals():
    from model.formats import get_format
    from model.values import format_value, parse_value

    cell = get_format("2021").cell_by_id["active.art20_8.fees.amount_wan"]
    value = parse_value("24252.311082", cell)
    assert value == Decimal("24252.311082") and format_value(value) == "24252.311082"
