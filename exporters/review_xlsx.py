"""The folder check's workbook (检查结果.xlsx): one row per report, and every finding.

Sheet 「检查结果」: one row per report file — agency, year, format, errors,
warnings, blank cells, 成文日期, the deadline, whether it was published in time,
import notes, the file — rows with errors or past the deadline shaded. Sheet
「问题清单」: one row per finding — the report, severity, rule, the cell (named by
its section, row and column, as a reader finds it) and the message. Sheet
「导入提示」: every note the import of each file made, 注意 first — so a reviewer
sees where the reader of a web page or PDF, not the agency, lost or changed
cells. Dates are real dates, counts real numbers, so the office can sort and
filter.

Every sheet prints on landscape pages fitted to the page width, the header row
repeated on each page, frozen on screen; column widths follow their content
(dates and counts never show 「###」).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from exporters import atomic_output
from exporters.xlsx_strings import DATE_NUMBER_FORMAT
from model.review import ReviewRow

ROWS_SHEET = "检查结果"
FINDINGS_SHEET = "问题清单"
ROW_HEADERS = (
    "序号", "机关名称", "年度", "格式", "错误", "警告", "空白单元格",
    "成文日期", "公开期限", "是否按期", "导入提示", "文件", "无法读取的原因",
)  # fmt: skip
NOTES_SHEET = "导入提示"
FINDING_HEADERS = ("序号", "机关名称", "年度", "文件", "级别", "规则", "单元格", "问题")
NOTE_HEADERS = ("序号", "机关名称", "年度", "文件", "级别", "导入提示")
_MAX_WIDTH = {"default": 40, "wide": 80}  # characters: longer texts wrap
_WIDE_COLUMNS = {FINDINGS_SHEET: {8}, NOTES_SHEET: {6}}
_DATE_WIDTH = 16  # 「2025年12月31日」
_LINE_HEIGHT = 15  # points per line of 11 pt text

_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_ERROR_FILL = PatternFill("solid", fgColor="F8CBAD")
_LATE_FILL = PatternFill("solid", fgColor="FFE699")
_WRAP = Alignment(vertical="top", wrap_text=True)


def export_review_xlsx(rows: Sequence[ReviewRow], path: str | os.PathLike[str]) -> None:
    """Write the folder check to `path` atomically. Raises exporters.ExportError."""
    book = Workbook()
    sheet = book.active
    sheet.title = ROWS_SHEET
    _head(sheet, ROW_HEADERS)
    for n, row in enumerate(rows, start=1):
        sheet.append(
            [
                n,
                row.agency,
                row.year,
                row.format_name,
                row.errors,
                row.warnings,
                row.blanks,
                row.date,
                row.deadline,
                row.timeliness,
                row.import_notes if not row.unreadable else None,
                row.file,
                row.unreadable,
            ]
        )
        r = sheet.max_row
        for col in (8, 9):
            sheet.cell(r, col).number_format = DATE_NUMBER_FORMAT
        fill = _ERROR_FILL if (row.errors or (row.unreadable and not row.skipped)) else None
        if fill is None and row.days_late:
            fill = _LATE_FILL
        if fill is not None:
            for col in range(1, len(ROW_HEADERS) + 1):
                sheet.cell(r, col).fill = fill
    findings = book.create_sheet(FINDINGS_SHEET)
    _head(findings, FINDING_HEADERS)
    n = 0
    for row in rows:
        for finding in row.findings:
            n += 1
            findings.append(
                [
                    n,
                    row.agency,
                    row.year,
                    row.file,
                    finding.severity,
                    finding.rule,
                    finding.cell_name,
                    finding.message,
                ]
            )
            findings.cell(findings.max_row, 8).alignment = _WRAP
    _notes_sheet(book.create_sheet(NOTES_SHEET), rows)
    for each in book.worksheets:
        _fit(each, date_columns={8, 9} if each.title == ROWS_SHEET else set())
    with atomic_output(path) as tmp:
        book.save(tmp)


def _notes_sheet(sheet, rows: Sequence[ReviewRow]) -> None:
    """Every import note of every file, 注意 first within a file."""
    from importers.notes import by_level

    _head(sheet, NOTE_HEADERS)
    n = 0
    for row in rows:
        for level, note in by_level(row.notes):
            n += 1
            sheet.append([n, row.agency, row.year, row.file, level.label, note])
            r = sheet.max_row
            sheet.cell(r, 6).alignment = _WRAP
            if level.label == "注意":
                sheet.cell(r, 5).font = _BOLD


def _head(sheet, headers: Sequence[str]) -> None:
    sheet.append(list(headers))
    for col in range(1, len(headers) + 1):
        cell = sheet.cell(1, col)
        cell.font, cell.fill = _BOLD, _HEAD_FILL
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}1"


def _fit(sheet, date_columns: set[int]) -> None:
    """Column widths from their content; landscape pages fitted to the width,
    the header row printed on every page."""
    wide = _WIDE_COLUMNS.get(sheet.title, set())
    widths: dict[int, float] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            if cell.column in date_columns and cell.row > 1:
                width = _DATE_WIDTH
            else:
                width = max(_text_width(line) for line in str(cell.value).split("\n"))
            widths[cell.column] = max(widths.get(cell.column, 0), width + 2)
    lines: dict[int, int] = {}  # row -> lines its wrapped cells need
    for col, width in widths.items():
        limit = _MAX_WIDTH["wide"] if col in wide else _MAX_WIDTH["default"]
        sheet.column_dimensions[get_column_letter(col)].width = min(max(width, 6), limit)
        if width > limit:
            for (cell,) in sheet.iter_rows(min_col=col, max_col=col, min_row=2):
                cell.alignment = _WRAP
                if cell.value is not None:
                    needed = sum(
                        -(-(_text_width(line) + 1) // (limit - 1)) or 1
                        for line in str(cell.value).split("\n")
                    )
                    lines[cell.row] = max(lines.get(cell.row, 1), needed)
    # Excel and LibreOffice do not grow a row for text a file wraps: the row is
    # given the height of its lines, so a long finding prints whole (its numbers
    # are at its end)
    for row, count in lines.items():
        if count > 1:
            sheet.row_dimensions[row].height = count * _LINE_HEIGHT
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _text_width(text: str) -> int:
    """Width in spreadsheet characters: a Chinese character takes two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)
