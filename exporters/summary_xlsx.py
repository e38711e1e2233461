"""The roll-up workbook (汇总表): who reported what, and who is late or incomplete.

Sheets: 「报送情况」 (one row per input file, with errors, warnings, blank cells,
成文日期, whether it is past the deadline, and why a file was not summed), then one
sheet per table of the format with one row per summed agency and a 合计 row of
=SUM formulas. Columns are the table's cells in reading order, headed by the row
label (merged over its cells) above the column label. Built from the spec, never
from a particular format's rows.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exporters import atomic_output
from model.aggregate import AgencyRow, AggregateResult, ReportStatus
from model.spec import CellSpec, TableSpec, ValueKind

STATUS_SHEET = "报送情况"
STATUS_HEADERS = (
    "序号",
    "机关名称",
    "报告类型",
    "错误",
    "警告",
    "空白单元格",
    "成文日期",
    "是否逾期",
    "文件",
    "说明",
)
STATUS_WIDTHS = (6, 26, 9, 6, 6, 10, 15, 17, 28, 40)
STATUS_TITLE = "{year}年度政府信息公开工作年度报告报送情况：{line}"
STATUS_TITLE_NO_YEAR = "政府信息公开工作年度报告报送情况：{line}"
TABLE_TITLE = "{year}年度 {heading}（{n} 份报告汇总）"
NO_COLUMN = "序号"
AGENCY_COLUMN = "机关名称"
TOTAL_LABEL = "合计"
DATE_FORMAT = 'yyyy"年"m"月"d"日"'

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_TOTAL_FILL = PatternFill("solid", fgColor="FFF2CC")
_ERROR_FILL = PatternFill("solid", fgColor="F8CBAD")
_LATE_FILL = PatternFill("solid", fgColor="FFE699")
_REFUSED_FILL = PatternFill("solid", fgColor="E7E6E6")
_BOLD = Font(bold=True)
_TITLE_FONT = Font(bold=True, size=14)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="center", wrap_text=True)


def export_summary_xlsx(result: AggregateResult, path: str | os.PathLike[str]) -> list[str]:
    """Write the roll-up workbook atomically. Returns warnings (none so far);
    raises exporters.ExportError with a Chinese message when it cannot write."""
    wb = Workbook()
    status = wb.active
    status.title = STATUS_SHEET
    _status_sheet(status, result)
    if result.spec is not None and result.rows:
        offset = 0
        for table in result.spec.tables:
            heading = result.spec.section_by_id[table.section].heading
            ws = wb.create_sheet(table.sheet_name)
            _table_sheet(ws, table, heading, result.year, result.rows, offset)
            offset += len(table.cells)
    with atomic_output(path) as tmp:
        wb.save(tmp)
    return []


# ---- 报送情况 -----------------------------------------------------------------------
def _status_sheet(ws: Worksheet, result: AggregateResult) -> None:
    line = result.summary_line()
    title = (
        STATUS_TITLE.format(year=result.year, line=line)
        if result.year
        else STATUS_TITLE_NO_YEAR.format(line=line)
    )
    _title(ws, title)
    for c, (text, width) in enumerate(zip(STATUS_HEADERS, STATUS_WIDTHS, strict=True), start=1):
        cell = ws.cell(2, c, text)
        cell.font, cell.fill, cell.alignment, cell.border = _BOLD, _HEAD_FILL, _CENTER, _BORDER
        ws.column_dimensions[get_column_letter(c)].width = width
    for i, s in enumerate(result.statuses, start=1):
        _status_row(ws, 2 + i, i, s)
    ws.freeze_panes = "C3"
    last = 2 + len(result.statuses)
    ws.auto_filter.ref = f"A2:{get_column_letter(len(STATUS_HEADERS))}{last}"
    _printable(ws, "2:2", landscape=True, fit_width=True)


def _status_row(ws: Worksheet, r: int, number: int, s: ReportStatus) -> None:
    values = (
        number,
        s.agency,
        s.kind_name,
        s.errors,
        s.warnings,
        s.blanks,
        s.date,
        s.late_text,
        _display_path(s.file),
        s.note,
    )
    for c, value in enumerate(values, start=1):
        cell = ws.cell(r, c, value)
        cell.border = _BORDER
        cell.alignment = _WRAP if c in (2, 9, 10) else _CENTER
    ws.cell(r, 7).number_format = DATE_FORMAT
    # viewers do not grow a row for wrapped text on their own; a CJK character is ~2 widths
    lines = max(
        math.ceil(2 * len(str(text)) / (STATUS_WIDTHS[c] - 1))
        for c, text in ((1, s.agency), (8, values[8]), (9, s.note))
    )
    if lines > 1:
        ws.row_dimensions[r].height = 15 * lines
    if s.errors:
        ws.cell(r, 4).fill = _ERROR_FILL
    if s.blanks:
        ws.cell(r, 6).fill = _ERROR_FILL
    if s.late:
        ws.cell(r, 8).fill = _LATE_FILL
    if not s.included:
        for c in (1, 2, 9, 10):
            ws.cell(r, c).fill = _REFUSED_FILL


def _display_path(file: str) -> str:
    """Relative to the working folder when inside it: shorter and still exact."""
    try:
        return str(Path(file).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return file


# ---- one sheet per table ---------------------------------------------------------------
def _table_sheet(
    ws: Worksheet,
    table: TableSpec,
    heading: str,
    year: int | None,
    rows: Sequence[AgencyRow],
    offset: int,
) -> None:
    cells = table.cells
    first = 3  # first value column (after 序号, 机关名称)
    _title(ws, TABLE_TITLE.format(year=year, heading=heading, n=len(rows)))
    _headers(ws, cells, first)
    top = 4
    for n, row in enumerate(rows, start=1):
        r = top + n - 1
        values = row.values[offset : offset + len(cells)]
        ws.cell(r, 1, n).border = _BORDER
        ws.cell(r, 2, row.agency).border = _BORDER
        for i, value in enumerate(values):
            ws.cell(r, first + i, value).border = _BORDER
    total_row = top + len(rows)
    label = ws.cell(total_row, 2, TOTAL_LABEL)
    label.font, label.fill, label.border = _BOLD, _TOTAL_FILL, _BORDER
    ws.cell(total_row, 1).border = _BORDER
    ws.cell(total_row, 1).fill = _TOTAL_FILL
    for i in range(len(cells)):
        letter = get_column_letter(first + i)
        cell = ws.cell(total_row, first + i, f"=SUM({letter}{top}:{letter}{total_row - 1})")
        cell.font, cell.fill, cell.border = _BOLD, _TOTAL_FILL, _BORDER
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 28
    for i, c in enumerate(cells):
        width = 16 if len(c.col_label) > 8 else 11
        ws.column_dimensions[get_column_letter(first + i)].width = width
    ws.freeze_panes = ws.cell(top, first).coordinate
    _printable(ws, "2:3", landscape=True, fit_width=False, title_cols="A:B")


def _headers(ws: Worksheet, cells: Sequence[CellSpec], first: int) -> None:
    """Row 2: the row label, merged over the run of cells that share it; row 3:
    the column label (with the unit of a money cell)."""
    for c, text in ((1, NO_COLUMN), (2, AGENCY_COLUMN)):
        ws.cell(2, c, text)
        ws.merge_cells(start_row=2, start_column=c, end_row=3, end_column=c)
    start = 0
    for i in range(1, len(cells) + 1):
        if i == len(cells) or cells[i].row != cells[start].row:
            ws.cell(2, first + start, cells[start].row_label)
            if i - start > 1:
                ws.merge_cells(
                    start_row=2, start_column=first + start, end_row=2, end_column=first + i - 1
                )
            start = i
    for i, c in enumerate(cells):
        ws.cell(3, first + i, _col_header(c))
    for r in (2, 3):
        for c in range(1, first + len(cells)):
            cell = ws.cell(r, c)
            cell.font, cell.fill, cell.alignment, cell.border = _BOLD, _HEAD_FILL, _CENTER, _BORDER
    ws.row_dimensions[2].height = 48
    ws.row_dimensions[3].height = 32


def _col_header(cell: CellSpec) -> str:
    label = cell.col_label
    if cell.kind is ValueKind.MONEY and cell.unit and cell.unit not in label:
        label = f"{label}（{cell.unit}）"
    return label


# ---- shared ------------------------------------------------------------------------------
def _title(ws: Worksheet, text: str) -> None:
    # not merged: the text runs on over the empty cells to its right, whatever its length
    cell = ws.cell(1, 1, text)
    cell.font = _TITLE_FONT
    cell.alignment = Alignment(vertical="center")
    ws.row_dimensions[1].height = 28


def _printable(
    ws: Worksheet, title_rows: str, landscape: bool, fit_width: bool, title_cols: str | None = None
) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.print_title_rows = title_rows
    if title_cols:
        ws.print_title_cols = title_cols
    if fit_width:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.print_options.horizontalCentered = True


__all__ = ["STATUS_HEADERS", "STATUS_SHEET", "export_summary_xlsx"]
