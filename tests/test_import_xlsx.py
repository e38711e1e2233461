"""Importing workbooks: identity after export, edits made in Excel, refusals."""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

import importers.xlsx as xlsx_importer
from cli import EXIT_OK, EXIT_UNREADABLE, EXIT_UNWRITABLE, main
from exporters import xlsx_strings as s
from exporters.xlsx import export_xlsx, table_layout
from importers import ImportRefused
from importers.xlsx import import_xlsx, to_value
from model.carryover import start_from_previous
from model.issues import Validation
from model.report import Report
from model.rules import validate
from model.values import InvalidValue
from tests.factories import random_report, reports

NO_ISSUES = Validation(())


def exported(report: Report, tmp_path, name="r.xlsx"):
    path = tmp_path / name
    export_xlsx(report, path, NO_ISSUES)
    return path


def address(report: Report, cell_id: str) -> tuple[str, str]:
    """(sheet name, A1 address) of a value cell in the exported workbook."""
    cell = report.spec.cell_by_id[cell_id]
    table = report.spec.table_by_id[cell.table]
    r, c = table_layout(table, report.spec.rules).address[cell_id]
    return table.sheet_name, f"{openpyxl.utils.get_column_letter(c)}{r}"


def edit(path, changes: dict[tuple[str, str], object]) -> None:
    wb = openpyxl.load_workbook(path)
    for (sheet, addr), value in changes.items():
        wb[sheet][addr].value = value
    wb.save(path)


def rewrite_meta_value(path, label: str, change) -> None:
    """Replace the value beside `label` on the 基本信息 sheet by change(old value)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[s.META_SHEET]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)
    ws.cell(row, 2).value = change(ws.cell(row, 2).value)
    wb.save(path)


def insert_rows(ws, idx: int, amount: int = 1) -> None:
    """Insert rows as Excel does: cells and merged ranges below move down, ranges
    across the insertion point grow (openpyxl alone leaves merges behind)."""
    merged = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges]
    for r in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(r))
    ws.insert_rows(idx, amount)
    for r1, c1, r2, c2 in merged:
        if r1 >= idx:
            r1, r2 = r1 + amount, r2 + amount
        elif r2 >= idx:
            r2 += amount
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


def insert_cols(ws, idx: int, amount: int = 1) -> None:
    merged = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges]
    for r in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(r))
    ws.insert_cols(idx, amount)
    for r1, c1, r2, c2 in merged:
        if c1 >= idx:
            c1, c2 = c1 + amount, c2 + amount
        elif c2 >= idx:
            c2 += amount
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


def _same_except(a: Report, b: Report, cells: set[str]) -> None:
    va, vb = a.values(), b.values()
    for cid in set(va) | set(vb):
        if cid not in cells:
            assert str(va.get(cid)) == str(vb.get(cid)), cid


# ---- identity ------------------------------------------------------------------------------


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports(blank_ratio=0.15))
def test_export_then_import_is_identity(tmp_path_factory, report):
    path = exported(report, tmp_path_factory.mktemp("id"))
    result = import_xlsx(path)
    assert result.report == report
    blanks = len(report.blank_inputs())
    assert result.notes == ([s.NOTE_BLANKS.format(n=blanks)] if blanks else [])


@pytest.mark.parametrize("year", [2020, 2023])
def test_identity_with_units_decimals_dates_and_tricky_texts(tmp_path, year):
    report = random_report(random.Random(7), year, agency="=某某市'教育局'", kind="government")
    report.set_meta(
        date=dt.date(year + 1, 2, 29) if (year + 1) % 4 == 0 else dt.date(year + 1, 3, 1)
    )
    money = [c for c in report.spec.inputs if c.kind.value == "money"]
    for cell in money:
        report.set_value(cell.id, Decimal("1200.50"))
        if len(cell.units) > 1:
            report.set_unit(cell.id, "万元")
    report.set_text("一", "第一段。\n\n（一）主动公开\n  缩进的一行\t制表符 =SUM(A1)")
    report.set_text("五", "")
    report.set_extra("fee", {"cases": 2, "amount": Decimal("30.00"), "on": dt.date(2024, 1, 2)})
    result = import_xlsx(exported(report, tmp_path))
    assert result.report == report
    assert str(result.report.input_value(money[0].id)) == "1200.50"


def test_very_long_text_continues_on_more_rows(tmp_path, monkeypatch):
    monkeypatch.setattr("exporters.xlsx.MAX_CELL_CHARS", 100)
    report = random_report(random.Random(1), 2023)
    report.set_text("一", "很长的正文。" * 60)  # 360 characters: four cells
    result = import_xlsx(exported(report, tmp_path))
    assert result.report.texts["一"] == report.texts["一"]


def started_from_last_year(seed: int = 3) -> Report:
    """A 2023 report begun from a full 2022 one: it keeps last year's figures and texts."""
    last = random_report(random.Random(seed), 2022, agency="某某市教育局")
    last.set_text("五", "上年存在的问题和改进情况。" * 5)
    report = start_from_previous(last, 2023)
    assert report.previous is not None and report.previous.texts["五"]
    return report


def test_last_years_data_survives_the_workbook(tmp_path, monkeypatch):
    """Exported, edited in Excel and imported again, a report begun from last year's
    still has last year's figures and texts (R7/R8 and the reference beside the
    editors keep working), however long they are."""
    monkeypatch.setattr("exporters.xlsx.MAX_CELL_CHARS", 500)  # several continuation rows
    report = started_from_last_year()
    path = exported(report, tmp_path)
    wb = openpyxl.load_workbook(path)
    hidden = [
        r
        for r in range(1, wb[s.META_SHEET].max_row + 1)
        if str(wb[s.META_SHEET].cell(r, 1).value or "").startswith(s.META_PREVIOUS)
    ]
    assert len(hidden) > 2
    assert all(wb[s.META_SHEET].row_dimensions[r].hidden for r in hidden)

    result = import_xlsx(path)
    assert result.report.previous == report.previous
    assert result.report == report
    # the carry-over check still knows last year's 结转下年度
    result.report.set_value("applications.carried_in.research", 99_999)
    r7 = [i.cell for i in validate(result.report).issues if i.rule == "R7"]
    assert r7 == ["applications.carried_in.research"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut short
        lambda text: text.replace('"year": 2022', '"year": "去年"'),  # wrong type
    ],
)
def test_damaged_last_year_data_is_noted_and_the_rest_imports(tmp_path, damage):
    report = started_from_last_year()
    path = exported(report, tmp_path)
    rewrite_meta_value(path, s.META_PREVIOUS, damage)

    result = import_xlsx(path)
    assert result.report.previous is None
    assert result.report.values() == report.values()
    assert result.report.texts == report.texts
    [note] = [n for n in result.notes if n.startswith(s.NOTE_PREVIOUS_BAD.split("：")[0])]
    assert "载入上年报告" in note


@pytest.mark.parametrize(
    "payload", ['{"fee": {"$decimal": "不是数字"}}', "[1, 2]", '{"fee": '], ids=str
)
def test_damaged_extras_are_noted_and_the_rest_imports(tmp_path, payload):
    report = random_report(random.Random(5), 2023)
    report.set_extra("fee", {"amount": Decimal("30.00")})
    path = exported(report, tmp_path)
    rewrite_meta_value(path, s.META_EXTRAS, lambda _old: payload)

    result = import_xlsx(path)
    assert result.report.extras == {}
    assert result.report.values() == report.values()
    assert s.NOTE_EXTRAS_BAD in result.notes


# ---- edits made in Excel / WPS ---------------------------------------------------------------


def test_edited_values_and_meta_come_back(tmp_path):
    report = random_report(random.Random(2), 2023)
    path = exported(report, tmp_path)
    edit(
        path,
        {
            address(report, "applications.new.natural"): 41,
            address(report, "appeals.suit_direct.pending"): "３",  # full-width digit typed in WPS
            address(report, "active.art20_8.fees.amount_wan"): 12.5,
            address(report, "active.art20_1.regulations.issued"): 7.0,  # Excel's float
            (s.META_SHEET, "B3"): "  某某市某某局（更名）",
            (s.META_SHEET, "B6"): "本级政府",
            (s.META_SHEET, "B7"): "2024年2月3日",
        },
    )
    got = import_xlsx(path).report
    assert got.input_value("applications.new.natural") == 41
    assert got.value("applications.new.total") == sum(
        got.input_value(f"applications.new.{c}")
        for c in ("natural", "commercial", "research", "social", "legal", "other")
    )
    assert got.input_value("appeals.suit_direct.pending") == 3
    assert got.input_value("active.art20_8.fees.amount_wan") == Decimal("12.5")
    assert got.input_value("active.art20_1.regulations.issued") == 7
    assert got.meta.agency == "某某市某某局（更名）"
    assert got.meta.kind == "government"
    assert got.meta.date == dt.date(2024, 2, 3)
    _same_except(
        report,
        got,
        {
            "applications.new.natural",
            "appeals.suit_direct.pending",
            "active.art20_8.fees.amount_wan",
            "active.art20_1.regulations.issued",
        },
    )


def test_total_typed_over_is_kept_as_printed_and_flagged_until_accepted(tmp_path):
    """As for a Word or web report (R16): the workbook's number is kept, validation
    reports it naming both numbers, accepting the computed total clears it."""
    from model.rules import validate

    report = random_report(random.Random(2), 2023)
    path = exported(report, tmp_path)
    sheet, addr = address(report, "applications.new.total")
    want = report.value("applications.new.total")
    edit(path, {(sheet, addr): want + 10})
    result = import_xlsx(path)
    assert result.report.values() == report.values()
    assert result.report.printed() == {"applications.new.total": want + 10}
    r16 = [i for i in validate(result.report).issues if i.rule == "R16"]
    assert len(r16) == 1 and str(want + 10) in r16[0].message and str(want) in r16[0].message
    result.report.drop_printed(["applications.new.total"])
    assert not [i for i in validate(result.report).issues if i.rule == "R16"]
    assert result.notes == [
        s.NOTE_TOTAL_KEPT.format(
            sheet=sheet,
            address=addr,
            row="一、本年新收政府信息公开申请数量",
            col="总计",
            shown=want + 10,
            total=want,
        )
    ]


def test_unit_chosen_in_the_meta_sheet_is_read(tmp_path):
    report = random_report(random.Random(2), 2020)
    path = exported(report, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb[s.META_SHEET]
    row = next(r for r in ws.iter_rows() if r[0].value == "采购总金额（政府集中采购）的单位")
    row[1].value = "万元"
    wb.save(path)
    assert import_xlsx(path).report.unit("active.art20_9.procurement.amount") == "万元"


def test_inserted_rows_and_columns_still_import_and_stray_numbers_are_named(tmp_path):
    report = random_report(random.Random(3), 2023)
    path = exported(report, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["三、依申请公开"]
    insert_rows(ws, 7, 2)  # between 二、上年结转 and the results
    ws["A7"] = "本地增加的行"
    ws["D7"] = 99
    insert_cols(ws, 4)  # a column of remarks before 自然人
    ws["D2"] = "备注"
    ws["D5"] = "已核实"
    appeals = wb["四、复议诉讼"]
    insert_rows(appeals, 1, 3)  # three rows of letterhead above everything
    appeals["A1"] = "某某市某某局"
    active = wb["二、主动公开"]
    active.move_range("A2:D30", rows=1, cols=1)  # the whole table one down, one right
    for r in list(active.merged_cells.ranges):
        r.shift(1, 1)
    wb.save(path)
    result = import_xlsx(path)
    assert result.report == report
    assert result.notes == [
        s.NOTE_EXTRA_ROW.format(sheet="三、依申请公开", row=7, label="本地增加的行")
    ]


def test_words_in_number_cells_are_reported_and_left_blank(tmp_path):
    report = random_report(random.Random(4), 2023)
    path = exported(report, tmp_path)
    edit(
        path,
        {
            address(report, "applications.granted.natural"): "十二",
            address(report, "applications.partial.legal"): 2.5,
            address(report, "appeals.review.upheld"): -1,
        },
    )
    result = import_xlsx(path)
    got = result.report
    assert got.is_blank("applications.granted.natural")
    assert got.is_blank("applications.partial.legal")
    assert got.is_blank("appeals.review.upheld")
    sheet, addr = address(report, "applications.granted.natural")
    assert any(
        f"「{sheet}」{addr}（（一）予以公开 · 自然人）" in n and "不是数字" in n
        for n in result.notes
    )
    assert any("部分公开" in n and "不是整数" in n for n in result.notes)
    assert any("复议诉讼" in n and "负数" in n for n in result.notes)
    assert result.notes[-1] == s.NOTE_BLANKS.format(n=3)


def test_deleted_row_is_named_in_a_note(tmp_path):
    report = random_report(random.Random(5), 2023)
    path = exported(report, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["三、依申请公开"]
    for col in (1, *range(4, 11)):  # the 二、上年结转 row emptied of its label and numbers
        ws.cell(6, col).value = None
    wb.save(path)
    result = import_xlsx(path)
    assert s.NOTE_ROW_MISSING.format(
        sheet="三、依申请公开", row="二、上年结转政府信息公开申请数量"
    ) in (result.notes)
    assert result.report.blank_inputs("applications") == [
        f"applications.carried_in.{c}"
        for c in ("natural", "commercial", "research", "social", "legal", "other")
    ]


def test_renamed_sheet_is_found_by_its_labels(tmp_path):
    report = random_report(random.Random(6), 2020)
    path = exported(report, tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["四、复议诉讼"].title = "复议和诉讼"
    wb.save(path)
    result = import_xlsx(path)
    assert result.report == report
    assert result.notes == [s.NOTE_SHEET_ELSEWHERE.format(sheet="四、复议诉讼", found="复议和诉讼")]


def test_workbook_without_marker_but_with_meta_sheet_imports_with_a_note(tmp_path):
    report = random_report(random.Random(6), 2023)
    path = exported(report, tmp_path)
    wb = openpyxl.load_workbook(path)
    del wb.defined_names[s.MARKER_NAME]
    wb.custom_doc_props.props.clear()
    wb.save(path)
    result = import_xlsx(path)
    assert result.report == report
    assert result.notes == [s.NOTE_MARKER_MISSING.format(format="2021年格式")]


def test_custom_property_alone_is_a_marker(tmp_path):
    report = random_report(random.Random(6), 2020)
    path = exported(report, tmp_path)
    wb = openpyxl.load_workbook(path)
    del wb.defined_names[s.MARKER_NAME]  # some tools drop defined names
    wb.save(path)
    result = import_xlsx(path)
    assert result.report == report and result.notes == []


def test_year_of_the_other_format_is_noted(tmp_path):
    report = random_report(random.Random(6), 2023)
    path = exported(report, tmp_path)
    edit(path, {(s.META_SHEET, "B4"): 2020})
    result = import_xlsx(path)
    assert result.report.meta.year == 2020 and result.report.format_id == "2021"
    assert any("2019年格式" in n for n in result.notes)


# ---- single values ------------------------------------------------------------------------


def test_to_value_reads_what_the_user_sees():
    report = random_report(random.Random(1), 2023)
    money = report.spec.cell_by_id["active.art20_8.fees.amount_wan"]
    count = report.spec.cell_by_id["applications.new.natural"]
    assert to_value(12.5, money, "0.00") == Decimal("12.50")
    assert str(to_value(0.1 + 0.2, money, "General")) == "0.3"
    assert str(to_value(3, money, "0")) == "3"
    assert to_value("1,234", count) == 1234
    assert to_value(None, count) is None
    with pytest.raises(InvalidValue):
        to_value(dt.datetime(2024, 1, 1), count)
    with pytest.raises(InvalidValue):
        to_value(True, count)
    with pytest.raises(InvalidValue):
        to_value(1.2345678, money, "General")  # more than 6 decimals


# ---- refusals -----------------------------------------------------------------------------


def test_foreign_workbook_is_refused(tmp_path):
    path = tmp_path / "名单.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "姓名"
    wb.save(path)
    with pytest.raises(ImportRefused, match="不是本程序导出"):
        import_xlsx(path)


def test_unknown_format_marker_is_refused(tmp_path):
    report = random_report(random.Random(6), 2023)
    path = exported(report, tmp_path)
    wb = openpyxl.load_workbook(path)
    wb.defined_names[s.MARKER_NAME].attr_text = '"2031"'
    wb.save(path)
    with pytest.raises(ImportRefused, match="2031"):
        import_xlsx(path)


def test_marked_workbook_without_tables_is_refused(tmp_path):
    report = random_report(random.Random(6), 2023)
    path = exported(report, tmp_path)
    wb = openpyxl.load_workbook(path)
    for table in report.spec.tables:
        del wb[table.sheet_name]
    wb.save(path)
    with pytest.raises(ImportRefused, match="没有找到任何年度报告表格"):
        import_xlsx(path)


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("a.csv", b"1,2,3", "不是 Excel 工作簿"),
        ("a.xlsx", b"not a zip at all", "不是有效的 Office 文档"),
        ("a.xlsx", None, "损坏"),  # a valid zip that is not a workbook
    ],
)
def test_malformed_files_are_refused(tmp_path, name, content, match):
    path = tmp_path / name
    if content is None:
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("hello.txt", "你好")
    else:
        path.write_bytes(content)
    with pytest.raises(ImportRefused, match=match):
        import_xlsx(path)


def test_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    assert path.stat().st_size < 200 * 1024
    with pytest.raises(ImportRefused, match="压缩内容异常"):
        import_xlsx(path)


_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>'
    b"</sheetData></worksheet>"
)


def _with_entities(tmp_path, sheet_xml: bytes = _LAUGHS) -> str:
    report = random_report(random.Random(6), 2023)
    src = exported(report, tmp_path, "src.xlsx")
    path = tmp_path / "lol.xlsx"
    buf = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = sheet_xml
            zout.writestr(info, data)
    path.write_bytes(buf.getvalue())
    return path


def test_entity_expansion_is_refused(tmp_path):
    with pytest.raises(ImportRefused, match="XML 实体"):
        import_xlsx(_with_entities(tmp_path))


def test_openpyxl_parses_through_defusedxml_as_a_second_line(tmp_path, monkeypatch):
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True
    monkeypatch.setattr(xlsx_importer, "check_office_zip", lambda path: None)
    with pytest.raises(ImportRefused, match="XML 实体"):
        import_xlsx(_with_entities(tmp_path))


def test_entities_hidden_behind_a_long_comment_are_refused_while_parsing(tmp_path):
    # the zip check looks at the first 4 KB of each part; the parser catches the rest
    padded = _LAUGHS.replace(b"\n<!DOCTYPE", b"\n<!--" + b"x" * 5000 + b"-->\n<!DOCTYPE", 1)
    with pytest.raises(ImportRefused, match="XML 实体"):
        import_xlsx(_with_entities(tmp_path, padded))


def test_merged_ranges_are_read_with_a_namespace_prefix_too(tmp_path):
    report = random_report(random.Random(4), 2023)
    path = exported(report, tmp_path)
    prefixed = tmp_path / "prefixed.xlsx"
    main_ns = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(prefixed, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/") and b"<mergeCells" in data:
                data = data.replace(b"<mergeCells ", b'<x:mergeCells xmlns:x="' + main_ns + b'" ')
                data = data.replace(b"<mergeCell ", b"<x:mergeCell ")
                data = data.replace(b"</mergeCells>", b"</x:mergeCells>")
            dst.writestr(item, data)
    assert import_xlsx(prefixed).report == report


# ---- the import command -------------------------------------------------------------------


def test_import_command_saves_a_draft_and_prints_notes(tmp_path, capsys):
    from model.drafts import load_draft

    report = random_report(random.Random(9), 2023, blank_ratio=0.05)
    src = exported(report, tmp_path)
    out = tmp_path / "r.nianbao"
    assert main(["import", str(src), "-o", str(out)]) == EXIT_OK
    assert load_draft(out) == report
    printed = capsys.readouterr().out
    assert "已导入 某某市某某局2023年度报告" in printed
    assert "提示：共有" in printed

    assert main(["import", str(src), "-o", str(out)]) == EXIT_UNWRITABLE
    assert "已存在" in capsys.readouterr().err
    assert main(["import", str(src), "-o", str(out), "--force"]) == EXIT_OK


def test_import_command_refusals_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"junk")
    out = tmp_path / "x.nianbao"
    assert main(["import", str(bad), "-o", str(out)]) == EXIT_UNREADABLE
    assert "导入失败" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "a.txt"), "-o", str(out)]) == EXIT_UNREADABLE
    assert "只能导入" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "missing.xlsx"), "-o", str(out)]) == EXIT_UNREADABLE
    assert not out.exists()


def test_import_command_cannot_write_exits_3(tmp_path, capsys):
    src = exported(random_report(random.Random(9), 2023), tmp_path)
    out = tmp_path / "no-such-folder" / "x.nianbao"
    assert main(["import", str(src), "-o", str(out)]) == EXIT_UNWRITABLE
    assert "无法保存草稿" in capsys.readouterr().err


def test_a_footnote_mark_after_a_number_is_never_read_as_a_digit(tmp_path):
    report = random_report(random.Random(2), 2023)
    path = exported(report, tmp_path)
    cell = "active.art20_6.penalty.decisions"
    sheet, addr = address(report, cell)
    edit(path, {(sheet, addr): "8¹"})
    result = import_xlsx(path)
    assert result.report.value(cell) is None  # blank and named, never 81
    assert any("8¹" in note and "不是普通数字" in note for note in result.notes)


@pytest.mark.parametrize("changed", [True, False])
def test_a_copied_sheet_is_named_and_every_different_number_said(tmp_path, changed):
    """A copy of a table's sheet (「二、主动公开 (2)」) is not read; it is named, with
    each cell where it shows another number (注意), as a Word report's second
    printing of a table is."""
    from importers.notes import NoteLevel, note_level

    report = random_report(random.Random(2), 2023)
    path = exported(report, tmp_path)
    cell = "active.art20_6.penalty.decisions"
    sheet, addr = address(report, cell)
    wb = openpyxl.load_workbook(path)
    copy = wb.copy_worksheet(wb[sheet])
    copy.title = f"{sheet} (2)"
    if changed:
        copy[addr] = 777
    wb.save(path)
    result = import_xlsx(path)
    assert result.report.value(cell) == report.value(cell)  # the sheet of its name
    [note] = [n for n in result.notes if f"{sheet} (2)" in n]
    if changed:
        assert "777" in note and f"已读取的为 {report.value(cell)}" in note
        assert note_level(note) is NoteLevel.ATTENTION
    else:
        assert "相同" in note and note_level(note) is NoteLevel.TIP


@pytest.mark.parametrize(
    ("typed", "year", "pending"),
    [
        ("2023年度", 2023, False),
        ("2023 年", 2023, False),
        ("二〇二三年度", 2023, False),
        ("去年", None, True),
        (None, None, True),
    ],
)
def test_the_year_as_typed_in_excel_is_read_or_left_to_confirm(tmp_path, typed, year, pending):
    """「2023年度」 is 2023; a year that cannot be read is never taken as confirmed:
    the format's first year stands in, marked 待确认 (R13), and the note says so."""
    report = random_report(random.Random(2), 2023)
    path = exported(report, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb[s.META_SHEET]
    next(r[1] for r in ws.iter_rows() if r[0].value == s.META_YEAR).value = typed
    wb.save(path)
    result = import_xlsx(path)
    assert result.report.meta.year_pending is pending
    if year is not None:
        assert result.report.meta.year == year
    else:
        [note] = [n for n in result.notes if s.META_YEAR in n]
        assert "待确认" in note and "None" not in note


def test_an_amount_written_in_the_other_unit_is_converted_with_a_note(tmp_path):
    report = random_report(random.Random(2), 2023)
    path = exported(report, tmp_path)
    cell = "active.art20_8.fees.amount_wan"
    sheet, addr = address(report, cell)
    edit(path, {(sheet, addr): "8902.81元"})
    result = import_xlsx(path)
    assert str(result.report.value(cell)) == "0.890281"
    assert any("8902.81元" in n and "已换算为 0.890281万元" in n for n in result.notes)


@pytest.mark.parametrize(
    ("number_format", "value", "read"),
    [('#,##0.00"元"', 8902.81, "0.890281"), ('0"分"', 89028100, None), ('0.00"万元"', 3.5, "3.50")],
)
def test_a_number_shown_with_a_unit_by_its_cell_format_is_read_in_that_unit(
    tmp_path, number_format, value, read
):
    """Excel shows 8902.81 as 「8,902.81元」 in the 万元 column: the officer typed
    元 — converted with a note (it had been read as 8902.81 万元, ten thousand
    times too much); a unit the program does not convert is refused with a note."""
    report = random_report(random.Random(2), 2023)
    path = exported(report, tmp_path)
    cell = "active.art20_8.fees.amount_wan"
    sheet, addr = address(report, cell)
    wb = openpyxl.load_workbook(path)
    wb[sheet][addr].value = value
    wb[sheet][addr].number_format = number_format
    wb.save(path)
    result = import_xlsx(path)
    got = result.report.value(cell)
    assert (None if got is None else str(got)) == read
    if read != "3.50":
        assert any(addr in n for n in result.notes)
