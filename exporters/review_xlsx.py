"""The folder check's workbook (检查结果.xlsx): one row per report, and every finding.

Sheet 「检查结果」: one row per report file — agency, year, format, errors,
warnings, blank cells, 成文日期, the deadline, whether it was published in time,
import notes, the file — rows with errors or past the deadline shaded. Sheet
「问题清单」: one row per finding — the report, severity, rule, the cell (named by
its section, row and column, as a reader finds it) and the message. Dates are
real dates, counts real numbers, so the office can sort and filter.
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
ROW_WIDTHS = (6, 28, 7, 30, 7, 7, 10, 12, 12, 12, 9, 40, 40)
FINDING_HEADERS = ("序号", "机关名称", "年度", "文件", "级别", "规则", "单元格", "问题")
FINDING_WIDTHS = (6, 28, 7, 36, 7, 7, 44, 80)

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
    _head(sheet, ROW_HEADERS, ROW_WIDTHS)
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
    _head(findings, FINDING_HEADERS, FINDING_WIDTHS)
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
    with atomic_output(path) as tmp:
        book.save(tmp)


def _head(sheet, headers: Sequence[str], widths: Sequence[int]) -> None:
    sheet.append(list(headers))
    for col, width in enumerate(widths, start=1):
        cell = sheet.cell(1, col)
        cell.font, cell.fill = _BOLD, _HEAD_FILL
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}1"
