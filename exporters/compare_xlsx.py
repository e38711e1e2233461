"""The year-on-year table (同比表) as an Excel workbook, from model.compare.

One sheet per official table: 项目 | 栏目 | 上年 | 本年 | 增减 | 增减率 | 说明, one
row per cell of this year's table, in the order the table prints them; totals
(grey, bold) are formulas over their parts' rows, `IF(COUNT()=0,"",SUM())` as in
the report's workbook, so a number corrected in Excel or WPS updates its totals;
a total whose parts on the sheet do not add up to it (last year's report in
another format or unit) keeps the report's number and says why in 说明. 增减 and
增减率 are formulas over the row's two numbers. Every formula is stored with its
result (XlsxWriter, as exporters/xlsx.py): readers that do not calculate show the
numbers. A blank stays blank, and so do its 增减 and 增减率 (never a difference
against nothing); 增减率 is left blank when last year's number is 0.

Printing: A4 landscape, one page wide, the header row repeated on every page,
page numbers in the footer; rows are as tall as their wrapped labels, so no
label runs into the next row (neither Excel nor LibreOffice grows a row for
text wrapped in a file written without heights).
"""

from __future__ import annotations

import math
import os
from decimal import Decimal
from typing import TYPE_CHECKING

from exporters import atomic_output
from exporters import xlsx_strings as xs
from model.compare import CellComparison, TableComparison, compare, summarise
from model.report import Report
from model.values import sum_filled

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook

TITLE = "{agency}政府信息公开工作年度报告" + xs.COMPARE_TITLE_WORD + "（{last}年—{this}年）"
SHEET_TITLE = "{heading}（{last}年—{this}年）"
HEADERS = ("项目", "栏目", "{last}年", "{this}年", "增减", "增减率", "说明")
WIDTHS = (40, 18, 12, 12, 12, 10, 40)
SUMMARY_SHEET = xs.COMPARE_SUMMARY_SHEET
SUMMARY_LINES = (
    "共 {cells} 项，其中 {changed} 项有增减。",
    "本年有 {blank_current} 项未填写，上年有 {blank_previous} 项未填写：未填写的项不计算增减。",
    "上年的格式中没有的 {missing} 项没有可比数据。",
)
SUMMARY_FORMULAS = (
    "增减 = 本年 − 上年；增减率 = 增减 ÷ 上年（上年为 0 时不计算）。"
    "增减和增减率是公式，改动数字后自动重算。"
)
TOTAL_NOTE = "合计（按各项相加）"
TOTAL_KEPT_NOTE = (
    "{which}合计取自{which}报告：本表列出的{which}各项之和与它不同（两年格式或金额单位不同），"
    "此格未设公式"
)
WHICH = {2: "上年", 3: "本年"}
FOOTER = "&C第 &P 页，共 &N 页"
# points per line of 宋体 11 (Excel's default row is 13.5; LibreOffice's substitute is taller)
LINE_HEIGHT = 15.0
MAX_ARGS = 255  # Excel's limit on a function's arguments
NO_AGENCY = "（未填写机关名称）"
FONT = "宋体"
FIRST_ROW = 3  # 0-based row of the first item: title, notes, then the header


def _number(value) -> float | int | None:
    if value is None:
        return None
    return float(value) if isinstance(value, Decimal) else value


def _item(current: Report, cell: CellComparison) -> tuple[str, str]:
    """项目 (row label with its group) and 栏目 (column label, with the unit of money)."""
    spec = current.spec.cell_by_id[cell.cell]
    row = " ".join(p for p in spec.row_path if p) or " ".join(spec.col_path[:-1])
    col = cell.col_label
    if cell.unit and cell.unit not in col:
        col += f"（{cell.unit}）"
    return row, col


def export_compare_xlsx(previous: Report, current: Report, path: str | os.PathLike[str]) -> None:
    """Write the 同比表 of `current` against `previous` to `path` atomically.
    Raises exporters.ExportError when the file cannot be written."""
    from xlsxwriter import Workbook

    tables = compare(previous, current)
    with atomic_output(path) as tmp:
        wb = Workbook(
            str(tmp),
            {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
        )
        wb.formats[0].set_font_name(FONT)
        years = {"last": previous.meta.year, "this": current.meta.year}
        _summary(wb, current, tables, years)
        for table in tables:
            _table_sheet(wb, current, table, years)
        wb.set_properties({"title": _title(current, years), "author": "年报填报助手"})
        wb.set_custom_property(xs.COMPARE_MARKER, xs.COMPARE_TITLE_WORD)  # never read as a report
        _close(wb)


def _close(wb: Workbook) -> None:
    """Write the file; a failed write is the OSError behind XlsxWriter's own error, so
    atomic_output names its reason (disk full, no permission …)."""
    from xlsxwriter.exceptions import FileCreateError

    try:
        wb.close()
    except FileCreateError as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
        raise (cause or OSError(str(exc))) from exc


def _title(current: Report, years: dict[str, int]) -> str:
    return TITLE.format(agency=current.meta.agency.strip() or NO_AGENCY, **years)


def _summary(wb: Workbook, current: Report, tables: list[TableComparison], years) -> None:
    ws = wb.add_worksheet(SUMMARY_SHEET)
    width = 90
    ws.set_column(0, 0, width)
    title = _title(current, years)
    ws.write(0, 0, title, wb.add_format({"bold": True, "font_size": 14, "text_wrap": True}))
    ws.set_row(0, 20 * _lines(title, width / 1.3))  # 14 pt characters are wider
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    _print_setup(ws, landscape=False)
    counts = summarise(tables)
    lines = [line.format(**counts.__dict__) for line in SUMMARY_LINES]
    if not counts.missing:
        lines = lines[:-1]
    lines.append(SUMMARY_FORMULAS)
    lines += list(dict.fromkeys(n for t in tables for n in t.notes))
    for i, line in enumerate(lines, start=2):
        ws.write(i, 0, line, wrap)
        lines_needed = _lines(line, width)
        if lines_needed > 1:
            ws.set_row(i, LINE_HEIGHT * lines_needed + 3)


def _text_units(text: str) -> float:
    """`text`'s width in Excel column units: a Chinese character is about two."""
    return sum(2.1 if ord(ch) > 0x2E7F else 1.1 for ch in text)


def _lines(text: str, width: float) -> int:
    """How many lines `text` wraps to in a column `width` units wide."""
    usable = max(width - 1.5, 1.0)
    return sum(max(1, math.ceil(_text_units(part) / usable)) for part in text.split("\n"))


def _ranges(column: str, rows: list[int]) -> list[str]:
    """`rows` (1-based) of `column` as the fewest references: C5:C10, C12…"""
    out: list[str] = []
    rows = sorted(set(rows))
    start = prev = rows[0]
    for row in [*rows[1:], None]:
        if row is not None and row == prev + 1:
            prev = row
            continue
        out.append(f"{column}{start}" if start == prev else f"{column}{start}:{column}{prev}")
        if row is not None:
            start = prev = row
    return out


def _total_formula(
    current: Report, cell: CellComparison, col: int, rows: dict[str, int], values: dict
) -> tuple[str, object] | None:
    """The total's formula over its parts' rows in column `col` and the result it
    gives, or None when no formula can stand for the report's number (a part not on
    the sheet, too many arguments, or parts that add up to something else)."""
    terms = current.spec.cell_by_id[cell.cell].terms
    if not terms or any(term not in rows for term in terms):
        return None
    shown = cell.previous if col == 2 else cell.current
    parts = sum_filled(values[term][col] for term in terms)
    if (parts is None) != (shown is None) or (parts is not None and parts != shown):
        return None
    refs = _ranges("CD"[col - 2], [rows[term] for term in terms])
    if len(refs) > MAX_ARGS:
        return None
    joined = ",".join(refs)
    return f'=IF(COUNT({joined})=0,"",SUM({joined}))', "" if shown is None else _number(shown)


def _table_sheet(wb: Workbook, current: Report, table: TableComparison, years) -> None:
    ws = wb.add_worksheet(current.spec.table_by_id[table.table].sheet_name)
    bold = wb.add_format({"bold": True})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "align": "center"})
    text = wb.add_format({"border": 1, "text_wrap": True, "valign": "vcenter"})
    number = wb.add_format({"border": 1, "num_format": "0.######", "valign": "vcenter"})
    percent = wb.add_format({"border": 1, "num_format": "0.0%", "valign": "vcenter"})
    grey = {"bg_color": "#F2F2F2", "bold": True, "valign": "vcenter"}
    total_text = wb.add_format({"border": 1, "text_wrap": True, **grey})
    total_number = wb.add_format({"border": 1, "num_format": "0.######", **grey})
    total_percent = wb.add_format({"border": 1, "num_format": "0.0%", **grey})
    last_col = len(HEADERS) - 1
    full_width = sum(WIDTHS)

    ws.write(0, 0, SHEET_TITLE.format(heading=table.heading, **years), bold)
    if table.notes:
        note = "；".join(table.notes)
        ws.merge_range(1, 0, 1, last_col, note, wrap)
        ws.set_row(1, LINE_HEIGHT * _lines(note, full_width) + 3)
    for col, (header, width) in enumerate(zip(HEADERS, WIDTHS, strict=True)):
        ws.set_column(col, col, width)
        ws.write(FIRST_ROW - 1, col, header.format(**years), head)
    rows = {cell.cell: FIRST_ROW + 1 + i for i, cell in enumerate(table.cells)}  # 1-based
    values = {cell.cell: {2: cell.previous, 3: cell.current} for cell in table.cells}
    for i, cell in enumerate(table.cells):
        r = FIRST_ROW + i
        excel = r + 1  # the 1-based row the formulas name
        t_fmt, n_fmt, p_fmt = (
            (total_text, total_number, total_percent) if cell.computed else (text, number, percent)
        )
        row_label, col_label = _item(current, cell)
        notes = [n for n in (TOTAL_NOTE if cell.computed else "", cell.note, cell.printed) if n]
        for col, value in ((2, cell.previous), (3, cell.current)):
            formula = _total_formula(current, cell, col, rows, values) if cell.computed else None
            shown = _number(value)
            if formula is not None:
                ws.write_formula(r, col, formula[0], n_fmt, formula[1])
                continue
            if cell.computed:
                notes.append(TOTAL_KEPT_NOTE.format(which=WHICH[col]))
            if shown is None:
                ws.write_blank(r, col, None, n_fmt)
            else:
                ws.write_number(r, col, shown, n_fmt)
        ws.write(r, 0, row_label, t_fmt)
        ws.write(r, 1, col_label, t_fmt)
        both = f"AND(ISNUMBER(C{excel}),ISNUMBER(D{excel}))"
        diff = _number(cell.difference)
        ws.write_formula(
            r, 4, f'=IF({both},D{excel}-C{excel},"")', n_fmt, "" if diff is None else diff
        )
        ratio: float | str = ""
        if cell.difference is not None and cell.previous:
            ratio = float(cell.difference) / float(cell.previous)
        ws.write_formula(
            r, 5, f'=IF({both},IF(C{excel}=0,"",(D{excel}-C{excel})/C{excel}),"")', p_fmt, ratio
        )
        explanation = "；".join(notes)
        ws.write(r, 6, explanation, t_fmt)
        lines = max(
            _lines(row_label, WIDTHS[0]),
            _lines(col_label, WIDTHS[1]),
            _lines(explanation, WIDTHS[6]),
        )
        if lines > 1:
            ws.set_row(r, LINE_HEIGHT * lines + 3)
    ws.freeze_panes(FIRST_ROW, 2)
    ws.autofilter(FIRST_ROW - 1, 0, FIRST_ROW - 1 + len(table.cells), last_col)
    _print_setup(ws, landscape=True)
    ws.repeat_rows(FIRST_ROW - 1)


def _print_setup(ws, landscape: bool) -> None:
    """A4, one page wide, centred, page numbers at the foot."""
    ws.set_paper(9)
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.7)
    ws.set_footer(FOOTER)
