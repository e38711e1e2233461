"""The year-on-year table (同比表) as an Excel workbook, from model.compare.

One sheet per official table: 项目 | 栏目 | 上年 | 本年 | 增减 | 增减率 | 说明, one
row per cell of this year's table, in the order the table prints them; totals
(grey, bold) as the model computes them. 增减 and 增减率 are formulas over the
row's two numbers, each stored with its result (XlsxWriter, as exporters/xlsx.py):
readers that do not calculate show the numbers, and a number corrected in Excel
or WPS updates them. A blank stays blank, and so do its 增减 and 增减率 (never a
difference against nothing); 增减率 is left blank when last year's number is 0.
"""

from __future__ import annotations

import os
from decimal import Decimal
from typing import TYPE_CHECKING

from exporters import atomic_output
from model.compare import CellComparison, TableComparison, compare, summarise
from model.report import Report

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook

TITLE = "{agency}政府信息公开工作年度报告同比表（{last}年—{this}年）"
SHEET_TITLE = "{heading}（{last}年—{this}年）"
HEADERS = ("项目", "栏目", "{last}年", "{this}年", "增减", "增减率", "说明")
WIDTHS = (46, 22, 12, 12, 12, 10, 50)
SUMMARY_SHEET = "说明"
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
    ws.set_column(0, 0, 110)
    ws.write(0, 0, _title(current, years), wb.add_format({"bold": True, "font_size": 14}))
    counts = summarise(tables)
    lines = [line.format(**counts.__dict__) for line in SUMMARY_LINES]
    if not counts.missing:
        lines = lines[:-1]
    lines.append(SUMMARY_FORMULAS)
    lines += list(dict.fromkeys(n for t in tables for n in t.notes))
    for i, line in enumerate(lines, start=2):
        ws.write(i, 0, line)


def _table_sheet(wb: Workbook, current: Report, table: TableComparison, years) -> None:
    ws = wb.add_worksheet(current.spec.table_by_id[table.table].sheet_name)
    bold = wb.add_format({"bold": True})
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "align": "center"})
    text = wb.add_format({"border": 1, "text_wrap": True, "valign": "vcenter"})
    number = wb.add_format({"border": 1, "num_format": "0.######"})
    percent = wb.add_format({"border": 1, "num_format": "0.0%"})
    grey = {"bg_color": "#F2F2F2", "bold": True}
    total_text = wb.add_format({"border": 1, "text_wrap": True, "valign": "vcenter", **grey})
    total_number = wb.add_format({"border": 1, "num_format": "0.######", **grey})
    total_percent = wb.add_format({"border": 1, "num_format": "0.0%", **grey})

    ws.write(0, 0, SHEET_TITLE.format(heading=table.heading, **years), bold)
    if table.notes:
        ws.write(1, 0, "；".join(table.notes))
    for col, (header, width) in enumerate(zip(HEADERS, WIDTHS, strict=True)):
        ws.set_column(col, col, width)
        ws.write(FIRST_ROW - 1, col, header.format(**years), head)
    for i, cell in enumerate(table.cells):
        r = FIRST_ROW + i
        excel = r + 1  # the 1-based row the formulas name
        t_fmt, n_fmt, p_fmt = (
            (total_text, total_number, total_percent) if cell.computed else (text, number, percent)
        )
        row_label, col_label = _item(current, cell)
        ws.write(r, 0, row_label, t_fmt)
        ws.write(r, 1, col_label, t_fmt)
        for col, value in ((2, cell.previous), (3, cell.current)):
            shown = _number(value)
            if shown is None:
                ws.write_blank(r, col, None, n_fmt)
            else:
                ws.write_number(r, col, shown, n_fmt)
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
        notes = [n for n in (TOTAL_NOTE if cell.computed else "", cell.note, cell.printed) if n]
        ws.write(r, 6, "；".join(notes), t_fmt)
    ws.freeze_panes(FIRST_ROW, 2)
    ws.autofilter(FIRST_ROW - 1, 0, FIRST_ROW - 1 + len(table.cells), len(HEADERS) - 1)
