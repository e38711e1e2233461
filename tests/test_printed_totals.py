"""Totals a published report printed differently from the sum of their parts:
kept by the import, reported by R16 naming both numbers until the parts are
corrected or the computed total is accepted, carried through drafts, Excel and
format conversion, and never added up by a roll-up."""

from __future__ import annotations

import shutil

import pytest

from cli import EXIT_ISSUES, EXIT_OK, main
from exporters.xlsx import export_xlsx
from importers.docx import import_docx
from importers.xlsx import import_xlsx
from model.aggregate import aggregate
from model.convert import convert_report
from model.drafts import load_draft, save_draft
from model.rules import validate
from tests import docx_fixtures as fx
from tests.shared_cases import PUBLISHED

HONGZE = PUBLISHED / "table4-printed-totals-wrong_2023-hongze.docx"
REVIEW = "四、政府信息公开行政复议、行政诉讼情况：“行政复议”的“总计”印为 0，各项之和为 11"
AFTER_REVIEW = "“行政诉讼 复议后起诉”的“总计”印为 0，各项之和为 5"


def r16(report) -> list[str]:
    return [i.message for i in validate(report).issues if i.rule == "R16"]


@pytest.fixture
def hongze():
    return import_docx(HONGZE)


def test_wrong_printed_totals_survive_import_and_are_errors(hongze):
    report = hongze.report
    assert report.printed() == {"appeals.review.total": 0, "appeals.suit_after_review.total": 0}
    # the parts are what the document printed; the totals shown are their sums
    assert report.value("appeals.review.total") == 11
    assert report.value("appeals.suit_after_review.total") == 5
    messages = r16(report)
    assert len(messages) == 2
    assert messages[0].startswith(REVIEW)
    assert AFTER_REVIEW in messages[1]
    issue = next(i for i in validate(report).issues if i.rule == "R16")
    assert issue.severity.value == "error" and issue.cells == ("appeals.review.total",)
    notes = "\n".join(hongze.notes)
    assert "「行政复议 / 总计」：文档中印的是 0，按各项相加应为 11；已保留印出的数字" in notes


def test_the_error_goes_when_the_parts_are_corrected_or_the_total_accepted(hongze):
    report = hongze.report
    # the officer finds the parts wrong: 行政复议 really had no cases
    report.set_values({f"appeals.review.{c}": 0 for c in ("upheld", "corrected", "other")})
    assert len(r16(report)) == 1
    # …and accepts the computed total of 复议后起诉
    report.drop_printed(["appeals.suit_after_review.total"])
    assert r16(report) == []


def test_a_total_printed_blank_over_filled_parts_is_an_error(tmp_path):
    """A provincial office's report printed its whole 总计 column blank above a
    （七）总计 it filled in: such a report must not import as clean."""
    apps = fx.consistent_applications("2019")
    base = fx._app_text(apps, "2019")

    def text(row: str, col: str) -> str:
        return "" if col == "total" and row != "total" else base(row, col)

    parts = fx._report(
        "某某省人民政府办公厅2020年政府信息公开工作年度报告",
        [fx.active_table(fx.BLOCKS_2019, fx._texts(fx.ACTIVE_2019))],
        fx.applications_table("2019", text),
        fx.appeals_table(fx._appeal_text(fx.appeals_values())),
        ["某某省人民政府办公厅", "2021年1月20日"],
    )
    result = import_docx(fx.write(tmp_path / "blank-totals.docx", parts))
    report = result.report
    blank = [k for k, v in report.printed().items() if v is None]
    assert len(blank) == 22 and "applications.total.total" not in blank
    issues = [i for i in validate(report).issues if i.rule == "R16"]
    assert len(issues) == 1  # one per table, every cell marked
    assert set(issues[0].cells) == set(blank)
    assert issues[0].message.startswith(
        "三、收到和处理政府信息公开申请情况：有 22 个合计印为空白，而各项已填写"
    )
    assert any("有 22 个合计印为空白" in n for n in result.notes)
    assert report.meta.kind == "department"  # 办公厅 is a department, not 人民政府


def test_a_total_printed_over_blank_parts_is_an_error(tmp_path):
    def appeal(group: str, col: str) -> str:
        return "3" if (group, col) == ("review", "total") else ""

    parts = fx._report(
        "某某局2020年政府信息公开工作年度报告",
        [fx.active_table(fx.BLOCKS_2019, fx._texts(fx.ACTIVE_2019))],
        fx.applications_table("2019", fx._app_text(fx.consistent_applications("2019"), "2019")),
        fx.appeals_table(appeal),
        ["某某局", "2021年1月20日"],
    )
    report = import_docx(fx.write(tmp_path / "parts-blank.docx", parts)).report
    assert report.printed() == {"appeals.review.total": 3}
    assert r16(report) == [
        "四、政府信息公开行政复议、行政诉讼情况：“行政复议”的“总计”印为 3，而各项均未填写；"
        "请填写各项（没有数据的填 0），或采用计算结果"
    ]


def test_printed_totals_round_trip_through_drafts_excel_and_conversion(hongze, tmp_path):
    report = hongze.report
    back = load_draft(save_draft(report, tmp_path / "h.nianbao"))
    assert back.printed() == report.printed() and r16(back) == r16(report)
    export_xlsx(report, tmp_path / "h.xlsx")
    through_excel = import_xlsx(tmp_path / "h.xlsx")
    assert through_excel.report.printed() == report.printed()
    assert r16(through_excel.report) == r16(report)
    converted, notes = convert_report(report, "2019", 2020)
    assert converted.printed() == report.printed()
    assert not any("合计" in n for n in notes)


def test_a_damaged_copy_in_the_workbook_is_named(hongze, tmp_path):
    import openpyxl

    from exporters import xlsx_strings as xs

    export_xlsx(hongze.report, tmp_path / "h.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "h.xlsx")
    ws = wb[xs.META_SHEET]
    row = next(r for r in ws.iter_rows() if r[0].value == xs.META_PRINTED)
    row[1].value = '{"appeals.review.total": "很多"}'
    wb.save(tmp_path / "damaged.xlsx")
    result = import_xlsx(tmp_path / "damaged.xlsx")
    assert result.report.printed() == {}
    assert any("导入文档中印出的合计”无法读取" in n for n in result.notes)


def test_a_roll_up_adds_the_parts_never_the_printed_totals(hongze, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(HONGZE, folder / "a.docx")
    other = hongze.report  # a second agency's report with the same misprints
    other.set_meta(agency="另一个县人民政府")
    save_draft(other, folder / "b.nianbao")
    result = aggregate([folder], agency="某某市人民政府")
    summary = result.summary
    assert len(result.included) == 2
    assert summary.value("appeals.review.total") == 22  # 2 × (10 + 1), not 2 × 0
    assert summary.value("appeals.suit_after_review.total") == 10
    assert summary.printed() == {}
    assert all(s.errors >= 2 for s in result.included)  # each source's R16 is counted


def test_import_and_validate_can_accept_the_computed_totals(tmp_path, capsys):
    kept = tmp_path / "kept.nianbao"
    assert main(["import", str(HONGZE), "-o", str(kept)]) == EXIT_OK
    assert len(r16(load_draft(kept))) == 2
    accepted = tmp_path / "accepted.nianbao"
    assert main(["import", str(HONGZE), "-o", str(accepted), "--accept-totals"]) == EXIT_OK
    assert "已采用 2 个合计的计算结果" in capsys.readouterr().out
    assert load_draft(accepted).printed() == {}

    code = main(["validate", str(kept), "--accept-totals", "--json"])
    captured = capsys.readouterr()
    assert "已采用 2 个合计的计算结果" in captured.err
    assert '"R16"' not in captured.out
    assert load_draft(kept).printed() == {}  # saved back, the previous copy kept
    assert (tmp_path / "kept.nianbao.bak").exists()
    assert code in (EXIT_OK, EXIT_ISSUES)
    assert main(["validate", str(kept), "--accept-totals"]) in (EXIT_OK, EXIT_ISSUES)
    assert "没有印出的合计需要采用计算结果" in capsys.readouterr().err
