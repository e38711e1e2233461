"""Absurd workbooks: numbers Excel cannot mean, sheets reaching far beyond any
report, texts and names beyond model.limits. Each is refused with a Chinese
message, or read with a note for the one cell, within bounded time."""

from __future__ import annotations

import random
import time
from decimal import Decimal

import openpyxl
import pytest

from importers import ImportRefused, importer_for
from model import limits
from model.spec import ValueKind
from tests import hostile as h
from tests.factories import random_report

COUNT_MARK, MONEY_MARK = 777_777, Decimal("5555.55")


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    """A 2019-format workbook whose first count and the money cell hold marks, with
    their addresses (sheet title, coordinate)."""
    report = random_report(random.Random(5), 2020)
    count = next(c for c in report.spec.inputs if c.kind is ValueKind.COUNT)
    money = next(c for c in report.spec.inputs if c.kind is ValueKind.MONEY)
    report.set_value(count.id, COUNT_MARK)
    report.set_value(money.id, MONEY_MARK)
    path = h.exported(tmp_path_factory.mktemp("marked"), ".xlsx", report)
    wb = openpyxl.load_workbook(path)
    where = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == COUNT_MARK:
                    where["count"] = (ws.title, cell.coordinate, count)
                elif cell.value == float(MONEY_MARK):
                    where["money"] = (ws.title, cell.coordinate, money)
    return path, where


def _with_value(src, dst, sheet: str, coordinate: str, value: object):
    wb = openpyxl.load_workbook(src)
    wb[sheet][coordinate] = value
    wb.save(dst)
    return dst


def _import(path):
    return importer_for(path)(path)


def _raw_value(src, dst, mark: object, raw: str):
    """Replace the stored text of the cell holding `mark` (as Excel stores it, <v>)."""
    old = f"<v>{mark}</v>".encode()

    def patch(xml: bytes) -> bytes:
        return xml.replace(old, f"<v>{raw}</v>".encode())

    parts = {f"xl/worksheets/sheet{i}.xml": patch for i in range(1, 6)}
    return h.rewrite(src, dst, parts)


@pytest.mark.parametrize("which", ["count", "money"])
@pytest.mark.parametrize(
    ("raw", "said"),
    [
        ("1e999999999", "不是数字"),  # Infinity: the case from the field
        ("-1e999", "不是数字"),
        ("1e30", "超出"),
        ("1E300", "超出"),
        ("123456789012345678901234567890", "超出"),
    ],
)
def test_numbers_beyond_reason_are_refused_cell_by_cell(tmp_path, marked, which, raw, said):
    path, where = marked
    _sheet, coordinate, cell = where[which]
    mark = COUNT_MARK if which == "count" else MONEY_MARK
    result = _import(_raw_value(path, tmp_path / "v.xlsx", mark, raw))
    assert result.report.input_value(cell.id) is None
    assert any(coordinate in n and said in n for n in result.notes), result.notes


def test_a_number_that_is_no_number_is_a_damaged_file(tmp_path, marked):
    path, _where = marked
    with pytest.raises(ImportRefused, match="损坏"):
        _import(_raw_value(path, tmp_path / "nan.xlsx", COUNT_MARK, "nan"))


@pytest.mark.parametrize(
    ("which", "value", "kept"),
    [
        ("count", limits.MAX_COUNT, limits.MAX_COUNT),
        ("count", limits.MAX_COUNT + 1, None),
        ("money", float(limits.MAX_MONEY), limits.MAX_MONEY),
        ("money", 1e12, None),
    ],
)
def test_values_at_and_beyond_the_limits(tmp_path, marked, which, value, kept):
    path, where = marked
    sheet, coordinate, cell = where[which]
    result = _import(_with_value(path, tmp_path / "v.xlsx", sheet, coordinate, value))
    assert result.report.input_value(cell.id) == kept


def _patch_sheet(src, dst, part: str, before_end: bytes):
    return h.rewrite(
        src, dst, {part: lambda xml: xml.replace(b"</sheetData>", before_end + b"</sheetData>")}
    )


@pytest.mark.parametrize("row", [10**12, limits.MAX_TABLE_ROWS + 1])
def test_a_value_in_a_row_far_beyond_the_table_is_refused_at_once(tmp_path, marked, row):
    path, _where = marked
    extra = f'<row r="{row}"><c r="A{row}" t="n"><v>1</v></c></row>'.encode()
    bad = _patch_sheet(path, tmp_path / "far.xlsx", h.MAIN_PART[".xlsx"], extra)
    start = time.monotonic()
    with pytest.raises(ImportRefused, match=f"超过 {limits.MAX_TABLE_ROWS} 行"):
        _import(bad)
    assert time.monotonic() - start < 10


def test_rows_that_only_carry_formatting_are_ignored_wherever_they_are(tmp_path, marked):
    path, where = marked
    extra = b'<row r="999999" ht="30" customHeight="1"><c r="XFD999999" s="1"/></row>'
    odd = _patch_sheet(path, tmp_path / "formatted.xlsx", h.MAIN_PART[".xlsx"], extra)
    _sheet, _coordinate, cell = where["count"]
    assert _import(odd).report.input_value(cell.id) == COUNT_MARK


def test_values_at_the_last_row_and_column_are_read_one_beyond_refused(tmp_path, marked):
    from openpyxl.utils import get_column_letter

    path, _where = marked
    last = f"{get_column_letter(limits.MAX_TABLE_COLS)}{limits.MAX_TABLE_ROWS}"
    note = f'<c r="{last}" t="inlineStr"><is><t>备注</t></is></c>'
    at = f'<row r="{limits.MAX_TABLE_ROWS}">{note}</row>'
    _import(_patch_sheet(path, tmp_path / "at.xlsx", h.MAIN_PART[".xlsx"], at.encode()))
    beyond = get_column_letter(limits.MAX_TABLE_COLS + 1)
    extra = f'<row r="40"><c r="{beyond}40" t="n"><v>3</v></c></row>'.encode()
    with pytest.raises(ImportRefused, match="列"):
        _import(_patch_sheet(path, tmp_path / "wide.xlsx", h.MAIN_PART[".xlsx"], extra))


def test_overlapping_merged_ranges_are_a_damaged_file(tmp_path, marked):
    path, _where = marked
    merges = b"".join(b'<mergeCell ref="A1:BL2000"/>' for _ in range(50))

    def overlap(xml: bytes) -> bytes:
        if b"<mergeCells" in xml:
            return xml.replace(b"</mergeCells>", merges + b"</mergeCells>")
        return xml.replace(b"</sheetData>", b"</sheetData><mergeCells>" + merges + b"</mergeCells>")

    bad = h.rewrite(path, tmp_path / "merges.xlsx", {h.MAIN_PART[".xlsx"]: overlap})
    start = time.monotonic()
    with pytest.raises(ImportRefused, match="损坏"):
        _import(bad)
    assert time.monotonic() - start < 10


# ---- meta: texts, name, year, machine rows -----------------------------------------------


def _meta_value(src, dst, label: str, value: object):
    """Set the value right of `label` on the meta sheet."""
    wb = openpyxl.load_workbook(src)
    ws = wb.worksheets[0]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == label:
                ws.cell(cell.row, cell.column + 1).value = value
                wb.save(dst)
                return dst
    raise AssertionError(f"no {label} on the meta sheet")


def test_a_text_over_the_limit_is_refused_naming_its_section(tmp_path, marked, monkeypatch):
    path, _where = marked
    heading = random_report(random.Random(5), 2020).spec.text_sections[0].heading
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 500)
    ok = _meta_value(path, tmp_path / "ok.xlsx", heading, "字" * 500)
    assert _import(ok).report.texts[random_report(random.Random(5), 2020).spec.text_sections[0].id]
    long = _meta_value(path, tmp_path / "long.xlsx", heading, "字" * 501)
    with pytest.raises(ImportRefused, match="文字过长（501 个字），最多 500 个字"):
        _import(long)


def test_a_name_over_the_limit_is_refused(tmp_path, marked):
    from exporters import xlsx_strings as s

    path, _where = marked
    name = "局" * limits.MAX_AGENCY_CHARS
    assert (
        _import(_meta_value(path, tmp_path / "at.xlsx", s.META_AGENCY, name)).report.meta.agency
        == name
    )
    with pytest.raises(ImportRefused, match="机关名称过长"):
        _import(_meta_value(path, tmp_path / "long.xlsx", s.META_AGENCY, name + "局"))


@pytest.mark.parametrize("year", [limits.MIN_YEAR - 1, limits.MAX_YEAR + 1, 99999999999, 1e300])
def test_a_year_out_of_range_is_noted_and_not_taken(tmp_path, marked, year):
    from exporters import xlsx_strings as s

    path, _where = marked
    result = _import(_meta_value(path, tmp_path / "y.xlsx", s.META_YEAR, year))
    assert limits.MIN_YEAR <= result.report.meta.year <= limits.MAX_YEAR
    assert any(s.META_YEAR in n for n in result.notes)


@pytest.mark.parametrize(
    "payload",
    [
        '{"fee_count": NaN}',
        '{"fee_count": 1e999}',
        '{"fee_count": 10000000000}',
        '{"fee_amount_yuan": {"$decimal": "1e999999999"}}',
        "[" * 5000 + "]" * 5000,
        '{"a": ' * 100 + "1" + "}" * 100,
    ],
)
def test_hand_edited_extras_beyond_reason_are_noted_and_left_out(tmp_path, payload):
    from exporters import xlsx_strings as s
    from model.fees import FEE_COUNT

    report = random_report(random.Random(2), 2023)
    report.set_extra(FEE_COUNT, 3)
    path = h.exported(tmp_path, ".xlsx", report)
    result = _import(_meta_value(path, tmp_path / "extras.xlsx", s.META_EXTRAS, payload))
    assert s.NOTE_EXTRAS_BAD in result.notes
    assert FEE_COUNT not in result.report.extras


def test_deeply_nested_last_year_data_is_noted(tmp_path):
    from exporters import xlsx_strings as s
    from model.carryover import start_from_previous

    last = random_report(random.Random(3), 2022)
    path = h.exported(tmp_path, ".xlsx", start_from_previous(last, 2023))
    result = _import(_meta_value(path, tmp_path / "prev.xlsx", s.META_PREVIOUS, "[" * 5000))
    assert result.report.previous is None
    assert any("上年" in n for n in result.notes)
