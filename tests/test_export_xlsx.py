"""The Excel export, checked by reopening the workbook with openpyxl."""

from __future__ import annotations

import datetime as dt
import random
import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl.utils import get_column_letter

from exporters import ExportError
from exporters import xlsx_strings as s
from exporters.xlsx import TOP, export_xlsx, ranges, table_layout
from model.formats import FORMATS
from model.issues import Issue, Severity, Validation
from model.report import Report
from model.spec import BalanceRule, Role, ValueKind
from tests.factories import random_report, reports

SHEETS_2021 = [s.META_SHEET, "二、主动公开", "三、依申请公开", "四、复议诉讼", s.ISSUES_SHEET]
NO_ISSUES = Validation(())


def export(report: Report, tmp_path, validation=NO_ISSUES, name="out.xlsx"):
    path = tmp_path / name
    warnings = export_xlsx(report, path, validation)
    return openpyxl.load_workbook(path), warnings


# ---- a tiny evaluator of the formulas we write, to check them without an office suite


def _cell(ws, address: str):
    """A cell's number, or "" / None when it shows none (SUM and COUNT skip it)."""
    value = ws[address].value
    if isinstance(value, str) and value.startswith("="):
        return evaluate(ws, value)  # a total inside another formula
    return Decimal(str(value)) if isinstance(value, (int, float)) else value


def _cells(ws, args: str) -> list:
    out = []
    for arg in args.split(","):
        if ":" in arg:
            out += [_cell(ws, cell.coordinate) for row in ws[arg] for cell in row]
        else:
            out.append(_cell(ws, arg))
    return out


def _sum(ws, args: str) -> Decimal:
    return sum((v for v in _cells(ws, args) if isinstance(v, Decimal)), Decimal(0))


def evaluate(ws, formula: str):
    m = re.fullmatch(r'=IF\(COUNT\(([A-Z0-9:,]+)\)=0,"",SUM\(\1\)\)', formula)
    if m:  # a total: blank when every term is blank
        numbers = [v for v in _cells(ws, m.group(1)) if isinstance(v, Decimal)]
        return sum(numbers, Decimal(0)) if numbers else ""
    m = re.fullmatch(
        r'=IF\(SUM\(([A-Z0-9,]+)\)=SUM\(([A-Z0-9,]+)\),"一致",SUM\(\1\)-SUM\(\2\)\)', formula
    )
    assert m, f"unexpected formula {formula}"
    diff = _sum(ws, m.group(1)) - _sum(ws, m.group(2))
    return s.CHECK_OK if diff == 0 else diff


# ---- structure -------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2020, 2023])
def test_sheets_labels_and_merges_follow_the_spec(tmp_path, year):
    report = random_report(random.Random(3), year)
    wb, _ = export(report, tmp_path)
    assert wb.sheetnames == [
        s.META_SHEET,
        *(t.sheet_name for t in report.spec.tables),
        s.ISSUES_SHEET,
    ]
    for table in report.spec.tables:
        ws = wb[table.sheet_name]
        section = report.spec.section_by_id[table.section]
        assert ws["A1"].value == section.heading
        merged = {str(r) for r in ws.merged_cells.ranges}
        for g in table.grid:
            r, c = g.row + TOP, g.col + 1
            if g.text:
                assert ws.cell(r, c).value == g.text
            if g.rowspan > 1 or g.colspan > 1:
                end = ws.cell(r + g.rowspan - 1, c + g.colspan - 1).coordinate
                assert f"{ws.cell(r, c).coordinate}:{end}" in merged
            if g.vertical:
                assert ws.cell(r, c).alignment.text_rotation == 255


def test_applications_headers_are_the_official_ones(tmp_path):
    wb, _ = export(random_report(random.Random(1), 2023), tmp_path)
    ws = wb["三、依申请公开"]
    assert wb.sheetnames == SHEETS_2021
    assert ws["D2"].value == "申请人情况"
    assert "D2:J2" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A5"].value == "一、本年新收政府信息公开申请数量"
    texts = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert "3.危及“三安全一稳定”" in texts
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in texts


@pytest.mark.parametrize("year", [2020, 2023])
def test_inputs_hold_the_report_values(tmp_path, year):
    report = random_report(random.Random(5), year, blank_ratio=0.2)
    wb, _ = export(report, tmp_path)
    for table in report.spec.tables:
        ws = wb[table.sheet_name]
        lay = table_layout(table, report.spec.rules)
        for cell in table.inputs:
            got = ws.cell(*lay.address[cell.id]).value
            want = report.input_value(cell.id)
            if want is None:
                assert got is None
            elif cell.kind is ValueKind.MONEY:
                assert Decimal(str(got)) == want
            else:
                assert got == want and isinstance(got, int)


# ---- formulas ----------------------------------------------------------------------------


def _check_formulas(report: Report, wb) -> None:
    for table in report.spec.tables:
        ws = wb[table.sheet_name]
        lay = table_layout(table, report.spec.rules)
        for cell in table.computed_cells:
            formula = ws.cell(*lay.address[cell.id]).value
            assert formula.startswith("=IF(COUNT(")
            want = report.value(cell.id)
            assert evaluate(ws, formula) == ("" if want is None else want), cell.id


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports(blank_ratio=0.1))
def test_totals_are_formulas_that_compute_the_model_totals(tmp_path_factory, report):
    wb, _ = export(report, tmp_path_factory.mktemp("x"))
    _check_formulas(report, wb)


def test_grand_total_is_one_compact_range(tmp_path):
    report = random_report(random.Random(2), 2023)
    wb, _ = export(report, tmp_path)
    table = report.spec.table_by_id["applications"]
    lay = table_layout(table, report.spec.rules)
    formula = wb[table.sheet_name].cell(*lay.address["applications.total.total"]).value
    assert formula == '=IF(COUNT(D7:I27)=0,"",SUM(D7:I27))'  # 21 result rows x 6 columns


def test_ranges_compresses_rectangles():
    assert ranges([(5, 4), (5, 5), (5, 6)]) == ["D5:F5"]
    assert ranges([(r, c) for r in range(3, 6) for c in range(2, 4)]) == ["B3:C5"]
    assert sorted(ranges([(1, 1), (3, 1)])) == ["A1", "A3"]


def _check_cells(report: Report, wb) -> dict[str, object]:
    table = report.spec.table_by_id["applications"]
    lay = table_layout(table, report.spec.rules)
    ws = wb[table.sheet_name]
    rule = next(r for r in report.spec.rules if isinstance(r, BalanceRule))
    out = {}
    for col in rule.columns:
        c = lay.address[table.cell_id(rule.left[0], col)][1]
        out[col] = evaluate(ws, ws.cell(lay.check_row, c).value)
    return out


def test_check_row_says_consistent_for_a_balanced_report(tmp_path):
    report = random_report(random.Random(8), 2023)
    wb, _ = export(report, tmp_path)
    assert set(_check_cells(report, wb).values()) == {s.CHECK_OK}
    ws = wb["三、依申请公开"]
    lay = table_layout(report.spec.table_by_id["applications"], report.spec.rules)
    assert ws.cell(lay.check_row, 1).value.startswith("勾稽关系校验")
    rules = ws.conditional_formatting
    assert any(
        r.type == "cellIs" and r.operator == "notEqual" and r.formula == ['"一致"']
        for cf in rules
        for r in cf.rules
    )


def test_check_row_shows_the_difference_in_the_broken_column_only(tmp_path):
    report = random_report(random.Random(8), 2023)
    cid = "applications.new.research"
    report.set_value(cid, report.input_value(cid) + 3)
    wb, _ = export(report, tmp_path)
    checks = _check_cells(report, wb)
    assert checks["research"] == 3
    assert checks["total"] == 3  # the total column follows the broken one
    assert {k for k, v in checks.items() if v != s.CHECK_OK} == {"research", "total"}


# ---- validation, protection, marker --------------------------------------------------------


@pytest.mark.parametrize("year", [2020, 2023])
def test_inputs_are_validated_by_kind_and_unlocked_totals_locked(tmp_path, year):
    report = random_report(random.Random(4), year)
    wb, _ = export(report, tmp_path)
    for table in report.spec.tables:
        ws = wb[table.sheet_name]
        assert ws.protection.sheet is True
        assert not ws.protection.password
        lay = table_layout(table, report.spec.rules)
        dvs = ws.data_validations.dataValidation
        for cell in table.cells:
            address = ws.cell(*lay.address[cell.id]).coordinate
            covering = [dv for dv in dvs if address in dv.sqref]
            if cell.computed:
                assert covering == []
                assert ws[address].protection.locked is True
                continue
            assert ws[address].protection.locked is False
            assert len(covering) == 1, cell.id
            dv = covering[0]
            assert dv.showErrorMessage and dv.errorTitle == s.DV_TITLE
            if cell.kind is ValueKind.COUNT:
                assert (dv.type, dv.operator, dv.formula1) == ("whole", "greaterThanOrEqual", "0")
                assert dv.error == s.DV_COUNT
            elif cell.kind is ValueKind.SIGNED_COUNT:
                # "between" is the default operator of OOXML: writers may leave it out
                assert (dv.type, dv.operator or "between") == ("whole", "between")
                assert "负数" in dv.error
            else:
                assert (dv.type, dv.operator, dv.formula1) == ("decimal", "greaterThanOrEqual", "0")
                assert "金额" in dv.error
        for g in table.grid:
            if g.role in (Role.HEADER, Role.LABEL, Role.CAPTION):
                assert ws.cell(g.row + TOP, g.col + 1).protection.locked is True


def test_signed_change_column_exists_only_in_2019(tmp_path):
    wb, _ = export(random_report(random.Random(4), 2020), tmp_path)
    kinds = {
        dv.type + (dv.operator or "between")
        for dv in wb["二、主动公开"].data_validations.dataValidation
    }
    assert "wholebetween" in kinds and "decimalgreaterThanOrEqual" in kinds


@pytest.mark.parametrize("format_id", sorted(FORMATS))
def test_hidden_marker_names_the_format(tmp_path, format_id):
    year = FORMATS[format_id].first_year
    wb, _ = export(random_report(random.Random(1), year), tmp_path)
    assert wb.defined_names[s.MARKER_NAME].attr_text == f'"{format_id}"'
    props = {p.name: p.value for p in wb.custom_doc_props}
    assert props[s.MARKER_APP] == format_id


def test_print_setup_and_frozen_panes(tmp_path):
    wb, _ = export(random_report(random.Random(1), 2023), tmp_path)
    ws = wb["三、依申请公开"]
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    # fitToWidth 1 is the default of OOXML: writers may leave it out
    assert (ws.page_setup.fitToWidth or 1) == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_options.horizontalCentered
    assert ws.print_title_rows == "$1:$4"  # heading and the three header rows
    assert ws.freeze_panes == "D5"
    widths = [ws.column_dimensions[c].width for c in "ABCDEFGHIJ"]
    assert widths[2] > widths[1] > widths[0] and min(widths[3:]) >= 7


# ---- meta, issues, text safety ------------------------------------------------------------


def _meta(wb) -> dict[str, object]:
    ws = wb[s.META_SHEET]
    return {row[0].value: row[1].value for row in ws.iter_rows(min_row=3) if row[0].value}


def test_meta_sheet_holds_the_identity_and_the_texts(tmp_path):
    report = random_report(random.Random(1), 2020, agency="某某县教育局", kind="government")
    report.set_meta(date=dt.date(2021, 1, 8))
    report.set_unit("active.art20_9.procurement.amount", "万元")
    wb, _ = export(report, tmp_path)
    meta = _meta(wb)
    assert meta[s.META_AGENCY] == "某某县教育局"
    assert meta[s.META_YEAR] == 2020
    assert meta[s.META_KIND] == "本级政府"
    assert meta[s.META_DATE] == dt.datetime(2021, 1, 8)
    assert "国办公开办函〔2019〕60号" in meta[s.META_FORMAT]
    assert meta["采购总金额（政府集中采购）的单位"] == "万元"
    for section in report.spec.text_sections:
        assert meta[section.heading] == report.texts[section.id]
    note = wb["二、主动公开"]
    assert any(
        isinstance(c.value, str) and "采购总金额" in c.value and c.value.startswith("=")
        for row in note.iter_rows()
        for c in row
    )


def test_text_starting_with_equals_is_not_a_formula(tmp_path):
    report = random_report(random.Random(1), 2023, agency='=HYPERLINK("x")')
    report.set_text("五", "=1+1 不是公式")
    path = tmp_path / "t.xlsx"
    export_xlsx(report, path, NO_ISSUES)
    wb = openpyxl.load_workbook(path)
    meta = _meta(wb)
    assert wb[s.META_SHEET]["B3"].data_type == "s"
    assert meta[s.META_AGENCY] == '=HYPERLINK("x")'
    assert meta["五、存在的主要问题及改进情况"] == "=1+1 不是公式"


def test_control_characters_never_reach_the_workbook(tmp_path):
    """The report refuses them (model.texts) and holds a pasted line break as \\n,
    so the workbook has nothing to drop and shows the text as typed."""
    from model.values import InvalidValue

    report = random_report(random.Random(1), 2023)
    with pytest.raises(InvalidValue, match="控制字符"):
        report.set_text("一", "第一段\x07响铃")
    report.set_text("一", "第一段\v第二段")
    wb, warnings = export(report, tmp_path)
    assert _meta(wb)["一、总体情况"] == "第一段\n第二段"
    assert not any("控制字符" in w for w in warnings)


def _meta_row(wb, label: str) -> int:
    ws = wb[s.META_SHEET]
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)


def test_issues_sheet_lists_the_issues_with_locations(tmp_path):
    report = random_report(random.Random(1), 2023)
    cell = "applications.new.natural"
    validation = Validation(
        (
            Issue(Severity.ERROR, "R1", "自然人一列不平衡", cell=cell, cells=(cell,)),
            Issue(Severity.WARNING, "R13", "缺少成文日期", cell="meta.date"),
            Issue(Severity.INFO, "R14", "请在期限前公开", cell=None),
        )
    )
    wb, _ = export(report, tmp_path, validation)
    ws = wb[s.ISSUES_SHEET]
    assert [c.value for c in ws[2]] == list(s.ISSUES_HEAD)
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=3, max_row=5)]
    assert rows[0][:2] == ["错误", "R1"]
    assert rows[0][2] == "「三、依申请公开」D5"
    assert rows[0][3] == "一、本年新收政府信息公开申请数量 · 自然人"
    assert rows[0][4] == "自然人一列不平衡"
    # the link cell holds only the short address, so it never needs to wrap
    assert ws["C3"].hyperlink.location == "'三、依申请公开'!D5"
    assert ws["C4"].hyperlink.location == f"'基本信息'!B{_meta_row(wb, s.META_DATE)}"
    assert ws["C3"].font.underline == "single"
    assert rows[1][:4] == ["警告", "R13", "「基本信息」成文日期", None]
    assert rows[2][:2] == ["提示", "R14"]
    assert ws["C5"].hyperlink is None
    assert ws["A7"].value == s.ISSUES_SUMMARY.format(errors=1, warnings=1, infos=1)


def test_no_issues_and_not_validated_are_said_plainly(tmp_path):
    report = random_report(random.Random(1), 2023)
    wb, _ = export(report, tmp_path)
    assert wb[s.ISSUES_SHEET]["A4"].value == s.ISSUES_NONE


def test_validation_is_run_when_not_given(tmp_path):
    pytest.importorskip("model.rules")
    report = random_report(random.Random(1), 2023)
    report.set_value("applications.new.natural", None)
    path = tmp_path / "v.xlsx"
    export_xlsx(report, path)
    ws = openpyxl.load_workbook(path)[s.ISSUES_SHEET]
    assert any(ws.cell(r, 1).value == "错误" for r in range(3, ws.max_row + 1))


def test_blank_inputs_are_left_blank_highlighted_and_warned(tmp_path):
    report = random_report(random.Random(1), 2023)
    report.set_values({"appeals.review.upheld": None, "applications.carried_in.legal": None})
    wb, warnings = export(report, tmp_path)
    assert warnings == [s.WARN_BLANKS.format(n=2)]
    assert wb["四、复议诉讼"]["A5"].value is None
    yellow = [
        r
        for cf in wb["四、复议诉讼"].conditional_formatting
        for r in cf.rules
        if r.type == "expression"
    ]
    assert yellow and yellow[0].formula == ["LEN(A5)=0"]


def test_money_keeps_its_decimals_in_the_number_format(tmp_path):
    report = random_report(random.Random(1), 2023)
    report.set_value("active.art20_8.fees.amount_wan", Decimal("12.50"))
    wb, _ = export(report, tmp_path)
    lay = table_layout(report.spec.table_by_id["active"], report.spec.rules)
    cell = wb["二、主动公开"].cell(*lay.address["active.art20_8.fees.amount_wan"])
    assert cell.value == 12.5 and cell.number_format == "0.00"


# ---- writing ------------------------------------------------------------------------------


def test_missing_folder_raises_export_error_in_chinese(tmp_path):
    report = random_report(random.Random(1), 2023)
    with pytest.raises(ExportError, match="不存在"):
        export_xlsx(report, tmp_path / "no" / "out.xlsx", NO_ISSUES)


def test_failed_export_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    report = random_report(random.Random(1), 2023)
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"old")

    def boom(self, filename):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("xlsxwriter.workbook.Workbook._store_workbook", lambda self: boom(self, ""))
    with pytest.raises(ExportError):
        export_xlsx(report, path, NO_ISSUES)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_the_workbook_default_font_is_songti_so_widths_count_characters(tmp_path):
    report = random_report(random.Random(1), 2023)
    path = tmp_path / "font.xlsx"
    export_xlsx(report, path)
    styles_xml = zipfile.ZipFile(path).read("xl/styles.xml").decode("utf-8")
    first_font = styles_xml.split("<font>", 1)[1].split("</font>", 1)[0]
    assert '<name val="宋体"/>' in first_font and '<sz val="10.5"/>' in first_font
    assert "Calibri" not in styles_xml
    wb = openpyxl.load_workbook(path)
    # an unstyled cell (the note under 基本信息) is set in the same font as the tables
    ws = wb[s.META_SHEET]
    note = next(c for c in ws["A"] if c.value == s.META_NOTE)
    assert note.font.name == "宋体"


def test_meta_rows_are_as_high_as_table_rows_and_long_names_get_more(tmp_path):
    report = random_report(random.Random(1), 2023, agency="某" * 80)
    wb, _ = export(report, tmp_path)
    ws = wb[s.META_SHEET]
    heights = {ws.cell(r, 1).value: ws.row_dimensions[r].height for r in range(2, 9)}
    # 20 pt, as whole pixels (XlsxWriter stores 20.25)
    assert heights[s.META_HEAD_ITEM] == heights[s.META_YEAR] == pytest.approx(20, abs=0.3)
    # 80 characters need two lines of the 100-wide column
    assert heights[s.META_AGENCY] >= 2 * 14


@pytest.mark.parametrize("year", [2020, 2023])
def test_every_formula_carries_the_models_result(tmp_path, year):
    """Readers that do not calculate (phone previews, web viewers) show the stored
    results: every total, the R1 check row and the unit notes equal the model's."""
    from tests.factories import big_report

    for name, report in (
        ("r", random_report(random.Random(year), year)),
        ("big", big_report(random.Random(1), year)),
    ):
        cid = "applications.carried_out.social"
        if name == "r":
            report.set_value(cid, report.input_value(cid) + 5)  # R1 broken in one column
        path = tmp_path / f"{name}{year}.xlsx"
        export_xlsx(report, path, NO_ISSUES)
        cached = openpyxl.load_workbook(path, data_only=True)
        formulas = openpyxl.load_workbook(path)
        for table in report.spec.tables:
            lay = table_layout(table, report.spec.rules)
            ws, wf = cached[table.sheet_name], formulas[table.sheet_name]
            for cell in table.computed_cells:
                r, c = lay.address[cell.id]
                assert str(wf.cell(r, c).value).startswith("=IF(COUNT(")
                want = report.value(cell.id)
                assert ws.cell(r, c).value == ("" if want is None else want), cell.id
            if lay.check_row:
                row = [
                    ws.cell(lay.check_row, c).value
                    for c in range(table.label_cols + 1, table.n_cols + 1)
                ]
                if name == "r":
                    # the broken column and the total column are off by the 5 added
                    assert [v for v in row if v != s.CHECK_OK] == [-5, -5]
                else:
                    assert set(row) == {s.CHECK_OK}
        # no formula anywhere without its stored result
        for ws, wf in zip(cached.worksheets, formulas.worksheets, strict=True):
            for row_f, row_c in zip(wf.iter_rows(), ws.iter_rows(), strict=True):
                for f, c in zip(row_f, row_c, strict=True):
                    if isinstance(f.value, str) and f.value.startswith("="):
                        assert c.value is not None, (ws.title, f.coordinate)


def test_a_total_over_blank_parts_is_blank_and_stored_blank(tmp_path):
    """As in the model, the Word document and the web page: a total is blank only
    when every term is blank. Its formula says so, and its stored result is empty."""
    report = random_report(random.Random(4), 2023)
    table = report.spec.table_by_id["applications"]
    row = [c for c in table.inputs if c.id.startswith("applications.new.")]
    report.set_values(dict.fromkeys((c.id for c in row), None))
    total = "applications.new.total"
    assert report.value(total) is None
    path = tmp_path / "blank.xlsx"
    export_xlsx(report, path, NO_ISSUES)
    lay = table_layout(table, report.spec.rules)
    wf = openpyxl.load_workbook(path)[table.sheet_name]
    formula = wf.cell(*lay.address[total]).value
    assert evaluate(wf, formula) == ""
    cached = openpyxl.load_workbook(path, data_only=True)[table.sheet_name]
    assert cached.cell(*lay.address[total]).value in (None, "")
    with zipfile.ZipFile(path) as z:
        xml = z.read(f"xl/worksheets/sheet{3}.xml").decode()
    address = wf.cell(*lay.address[total]).coordinate
    assert re.search(rf'<c r="{address}"[^>]*><f>IF\(COUNT\([^<]*</f><v></v></c>', xml)
    # the grand total still counts the rows that are filled in
    assert cached.cell(*lay.address["applications.total.total"]).value == report.value(
        "applications.total.total"
    )


@pytest.mark.parametrize("year", [2020, 2023])
def test_number_columns_hold_the_widest_value_totals_included(tmp_path, year):
    """No 「###」: a number column is at least as wide as the widest number it shows
    (digits of the default font, plus room), as the Word tables are sized."""
    from exporters.xlsx import NUMBER_PADDING
    from tests.factories import max_report

    report = max_report(year)
    path = tmp_path / "max.xlsx"
    export_xlsx(report, path, NO_ISSUES)
    wb = openpyxl.load_workbook(path)
    for table in report.spec.tables:
        ws = wb[table.sheet_name]
        lay = table_layout(table, report.spec.rules)
        for g in table.grid:
            if g.role is not Role.VALUE or not g.cell:
                continue
            value = report.value(g.cell)
            shown = format(value, "f") if isinstance(value, Decimal) else str(value)
            width = sum(_width(ws, c + 1) for c in range(g.col, g.col + g.colspan))
            assert width >= len(shown) + NUMBER_PADDING - 0.1, (table.id, g.cell, shown)
            assert lay.address[g.cell]


def _width(ws, col: int) -> float:
    """The width of 1-based column `col` (a <col> element may cover several)."""
    for dim in ws.column_dimensions.values():
        if dim.min is not None and dim.min <= col <= dim.max:
            return dim.width
    return ws.column_dimensions[get_column_letter(col)].width


def _long_text(paragraphs: int) -> str:
    sentence = (
        "本机关坚持以公开为常态、不公开为例外，详见https://www.example.gov.cn/xxgk/2024.html。"
    )
    return "\n".join(
        f"（{i}）第{i}段。" + sentence * (1 + i % 7) + ("=SUM(A1)" if i == 3 else "")
        for i in range(paragraphs)
    )


@pytest.mark.parametrize(
    "text",
    [
        _long_text(60),  # many paragraphs
        "无标点的长段落" * 2000,  # one paragraph without a sentence end
        "\n\n" + "短句。" * 3000 + "\n",  # blank lines, a trailing line break
    ],
    ids=["paragraphs", "one-paragraph", "sentences"],
)
def test_long_texts_continue_on_rows_that_show_everything_and_read_back(tmp_path, text):
    """A text taller than a row may be (409 pt) continues on 「（续）」 rows, each short
    enough to be seen and printed whole; the import joins them back exactly."""
    from exporters.xlsx import MAX_ROW_HEIGHT, META_TEXT_LINES, lines_needed
    from importers.xlsx import import_xlsx

    report = random_report(random.Random(7), 2023)
    report.set_text("一", text)
    path = tmp_path / "long.xlsx"
    export_xlsx(report, path, NO_ISSUES)
    ws = openpyxl.load_workbook(path)[s.META_SHEET]
    heading = report.spec.section_by_id["一"].heading
    rows = [
        r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith(heading)
    ]
    assert len(rows) > 1
    assert ws.cell(rows[1], 1).value == s.META_CONTINUED.format(heading=heading)
    chunks = [ws.cell(r, 2).value or "" for r in rows]
    assert "".join(chunks) == text
    for r, chunk in zip(rows, chunks, strict=True):
        assert lines_needed(chunk, 100) <= META_TEXT_LINES
        assert ws.row_dimensions[r].height <= MAX_ROW_HEIGHT
    result = import_xlsx(path)
    assert result.report.texts["一"] == text
    assert result.report == report
