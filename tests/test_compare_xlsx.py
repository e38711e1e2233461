"""The 同比表 workbook: printed A4 landscape one page wide with its header on every
page, rows as tall as their wrapped labels, totals as formulas that give the
model's numbers (or the report's number, said, where no formula can), and a
同比表 opened as a report is named for what it is."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import openpyxl
import pytest

from exporters import xlsx_strings as xs
from exporters.compare_xlsx import FIRST_ROW, LINE_HEIGHT, export_compare_xlsx
from importers import ImportRefused
from importers.xlsx import import_xlsx
from model.compare import compare
from model.report import Report
from tests.factories import random_report


def _pair(previous_year: int = 2022) -> tuple[Report, Report]:
    rng = random.Random(11)
    previous = random_report(rng, previous_year, "某某市某某局")
    current = random_report(rng, previous_year + 1, "某某市某某局", blank_ratio=0.1)
    return previous, current


def _book(tmp_path: Path, previous: Report, current: Report, data_only: bool = False):
    path = tmp_path / "同比表.xlsx"
    export_compare_xlsx(previous, current, path)
    return path, openpyxl.load_workbook(path, data_only=data_only)


def test_every_sheet_prints_a4_one_page_wide_with_its_header_repeated(tmp_path: Path):
    previous, current = _pair()
    _path, book = _book(tmp_path, previous, current)
    for ws in book.worksheets:
        setup = ws.page_setup
        assert setup.paperSize == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert setup.fitToWidth in (None, 1) and setup.fitToHeight == 0  # 1 is the default
        assert "&P" in ws.oddFooter.center.text
        if ws.title != xs.COMPARE_SUMMARY_SHEET:
            assert setup.orientation == "landscape"
            assert ws.print_title_rows == f"${FIRST_ROW}:${FIRST_ROW}"


def test_long_labels_get_rows_tall_enough_not_to_overlap(tmp_path: Path):
    previous, current = _pair()
    _path, book = _book(tmp_path, previous, current)
    ws = book["三、依申请公开"]
    tall = [
        r
        for r in range(FIRST_ROW + 1, ws.max_row + 1)
        if "部分公开（区分处理的" in str(ws.cell(r, 1).value)
    ]
    assert tall
    for r in tall:
        assert ws.row_dimensions[r].height >= 2 * LINE_HEIGHT  # two lines at least


def test_totals_are_formulas_over_their_parts_and_give_the_models_numbers(tmp_path: Path):
    previous, current = _pair()
    _path, book = _book(tmp_path, previous, current)
    _path, values = _book(tmp_path, previous, current, data_only=True)
    tables = compare(previous, current)
    checked = 0
    for table in tables:
        sheet = current.spec.table_by_id[table.table].sheet_name
        ws, stored = book[sheet], values[sheet]
        for i, cell in enumerate(table.cells):
            if not cell.computed:
                continue
            r = FIRST_ROW + 1 + i
            for col, value in ((3, cell.previous), (4, cell.current)):
                formula = ws.cell(r, col).value
                assert isinstance(formula, str) and formula.startswith("=IF(COUNT("), cell.cell
                result = stored.cell(r, col).value
                if value is None:
                    assert result in (None, ""), cell.cell
                else:
                    assert result == pytest.approx(float(value)), cell.cell
                checked += 1
    assert checked > 50


def test_a_total_the_parts_on_the_sheet_do_not_make_keeps_the_reports_number(tmp_path: Path):
    """2020 (2019 format) against 2021: a 2021 total whose parts last year's format
    lacks cannot be a formula over them — it keeps last year's number and says so."""
    previous, current = _pair(2020)
    _path, book = _book(tmp_path, previous, current)
    tables = compare(previous, current)
    kept = 0
    for table in tables:
        ws = book[current.spec.table_by_id[table.table].sheet_name]
        for i, cell in enumerate(table.cells):
            r = FIRST_ROW + 1 + i
            formula = ws.cell(r, 3).value
            if cell.computed and not (isinstance(formula, str) and formula.startswith("=")):
                kept += 1
                assert "上年合计取自上年报告" in ws.cell(r, 7).value
                expected = None if cell.previous is None else float(cell.previous)
                assert formula == expected
    assert kept > 0  # the pair has such totals: each keeps its number and says why


@pytest.mark.parametrize("keep_marker", [True, False])
def test_opening_a_compare_table_says_it_is_one(tmp_path: Path, keep_marker: bool):
    previous, current = _pair()
    path, _ = _book(tmp_path, previous, current)
    if not keep_marker:  # a tool that drops custom properties: the title still tells
        stripped = tmp_path / "另存.xlsx"
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(stripped, "w") as dst:
            for item in src.infolist():
                if item.filename != "docProps/custom.xml":
                    dst.writestr(item, src.read(item.filename))
        path = stripped
    with pytest.raises(ImportRefused) as refused:
        import_xlsx(path)
    assert "同比表" in str(refused.value) and "不是年度报告" in str(refused.value)
