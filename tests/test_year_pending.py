"""A report imported without a year in its title: the year guessed (from the
成文日期, the text, or today) stays 「年度待确认」 — a warning (R13) and a mark on the
基本信息 page — until the officer confirms or changes it; drafts keep the mark."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from exporters.html import html_page
from importers.html import import_html
from model import messages as msg
from model.drafts import load_draft, save_draft
from model.report import Report
from model.rules import validate
from tests.factories import random_report


def _page_without_title_year(tmp_path: Path, year: int = 2022) -> tuple[Path, Report]:
    report = random_report(random.Random(3), year, "某某县市场监督管理局")
    report.set_meta(date=dt.date(year + 1, 1, 20))
    page, _notes = html_page(report)
    page = page.replace(f"{year}年政府信息公开", "政府信息公开")
    assert f"{year}年政府信息公开" not in page
    path = tmp_path / "无年份.html"
    path.write_text(page, encoding="utf-8")
    return path, report


def _pending_issues(report: Report):
    return [i for i in validate(report).issues if i.cell == "meta.year" and i.rule == "R13"]


def test_a_year_guessed_from_the_date_is_pending_and_warned(tmp_path):
    path, original = _page_without_title_year(tmp_path)
    report = import_html(path).report
    assert report.meta.year == original.meta.year
    assert report.meta.year_pending
    [issue] = _pending_issues(report)
    assert issue.severity.rank <= 1  # a warning at least as loud as 提示
    assert issue.message == msg.RULE_R13_YEAR_PENDING.format(year=original.meta.year)
    assert "尚未确认" in issue.message


def test_a_year_in_the_title_is_not_pending(tmp_path):
    report = random_report(random.Random(4), 2023, "某某局")
    page, _notes = html_page(report)
    (tmp_path / "r.html").write_text(page, encoding="utf-8")
    imported = import_html(tmp_path / "r.html").report
    assert not imported.meta.year_pending
    assert not _pending_issues(imported)


def test_changing_the_year_confirms_it(tmp_path):
    path, _original = _page_without_title_year(tmp_path)
    report = import_html(path).report
    report.set_meta(year=report.meta.year + 1)
    assert not report.meta.year_pending
    assert not _pending_issues(report)


def test_confirming_the_year_clears_the_warning(tmp_path):
    path, _original = _page_without_title_year(tmp_path)
    report = import_html(path).report
    report.set_meta(year_pending=False)
    assert not _pending_issues(report)


def test_a_draft_keeps_the_pending_year_until_confirmed(tmp_path):
    path, _original = _page_without_title_year(tmp_path)
    report = import_html(path).report
    save_draft(report, tmp_path / "d.nianbao")
    data = json.loads((tmp_path / "d.nianbao").read_text("utf-8"))
    assert data["report"]["meta"]["year_pending"] is True
    loaded = load_draft(tmp_path / "d.nianbao")
    assert loaded.meta.year_pending and _pending_issues(loaded)
    loaded.set_meta(year_pending=False)
    save_draft(loaded, tmp_path / "d.nianbao")
    data = json.loads((tmp_path / "d.nianbao").read_text("utf-8"))
    assert "year_pending" not in data["report"]["meta"]  # older drafts read the same
    assert not load_draft(tmp_path / "d.nianbao").meta.year_pending


def test_a_draft_with_a_wrong_pending_value_is_refused(tmp_path):
    report = random_report(random.Random(5), 2023, "某某局")
    save_draft(report, tmp_path / "d.nianbao")
    data = json.loads((tmp_path / "d.nianbao").read_text("utf-8"))
    data["report"]["meta"]["year_pending"] = "yes"
    (tmp_path / "d.nianbao").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    from model.drafts import DraftError

    with pytest.raises(DraftError):
        load_draft(tmp_path / "d.nianbao")


def test_the_workbook_keeps_the_pending_year_unless_the_year_is_changed_there(tmp_path):
    import openpyxl

    from exporters import xlsx_strings as xs
    from exporters.xlsx import export_xlsx
    from importers.xlsx import import_xlsx

    path, original = _page_without_title_year(tmp_path)
    report = import_html(path).report
    book = tmp_path / "r.xlsx"
    export_xlsx(report, book)
    back = import_xlsx(book).report
    assert back.meta.year_pending and back.meta.year == original.meta.year
    assert _pending_issues(back)

    wb = openpyxl.load_workbook(book)
    ws = wb[xs.META_SHEET]
    year_cell = next(r[1] for r in ws.iter_rows() if r[0].value == xs.META_YEAR)
    year_cell.value = original.meta.year + 1  # the officer corrects it in Excel
    wb.save(book)
    changed = import_xlsx(book).report
    assert changed.meta.year == original.meta.year + 1 and not changed.meta.year_pending


def test_a_confirmed_year_leaves_no_mark_in_the_workbook(tmp_path):
    from exporters.xlsx import export_xlsx
    from importers.xlsx import import_xlsx

    path, _original = _page_without_title_year(tmp_path)
    report = import_html(path).report
    report.set_meta(year_pending=False)
    export_xlsx(report, tmp_path / "r.xlsx")
    assert not import_xlsx(tmp_path / "r.xlsx").report.meta.year_pending
