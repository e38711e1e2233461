"""The roll-up workbook (汇总表): who reported what, and who is late or incomplete.

Sheets: 「报送情况」 (one row per input file, with errors, warnings, blank cells,
成文日期, whether it is past the deadline, and why a file was not summed), then one
sheet per table of the format with one row per summed agency and a 合计 row of
the sums (numbers, which every viewer shows). Columns are the table's cells in
reading order, headed by the row label (merged over its cells) above the column
label. Built from the spec, never
from a particular format's rows.

Written in openpyxl's streaming (write-only) mode: a thousand agencies by two
hundred cells is written in about a second instead of ten. The numbers carry no
per-cell borders; the sheets print their gridlines instead.
"""

from __future__ import annotations

import copy
import math
import os
import weakref
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet as Worksheet

from exporters import atomic_output
from exporters.xlsx_strings import (
    AGENCY_COLUMN,
    DATE_NUMBER_FORMAT,
    NO_COLUMN,
    STATUS_HEADERS,
    STATUS_SHEET,
    STATUS_TITLE,
    STATUS_TITLE_NO_YEAR,
    TABLE_TITLE,
    TOTAL_LABEL,
)
from model.aggregate import AgencyRow, AggregateResult, ReportStatus, TablePlan
from model.spec import CellSpec, ValueKind
from model.values import Value, sum_filled

STATUS_WIDTHS = (6, 26, 9, 6, 6, 10, 15, 17, 28, 40)

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
_MIDDLE = Alignment(vertical="center")


def export_summary_xlsx(result: AggregateResult, path: str | os.PathLike[str]) -> list[str]:
    """Write the roll-up workbook atomically. Returns warnings (none so far);
    raises exporters.ExportError with a Chinese message when it cannot write."""
    # build inside the block: an unwritten streaming workbook leaves open writers behind
    with atomic_output(path) as tmp:
        wb = Workbook(write_only=True)
        _status_sheet(wb.create_sheet(STATUS_SHEET), result)
        if result.spec is not None and result.rows:
            for table in result.spec.tables:
                heading = result.spec.section_by_id[table.section].heading
                plan = TablePlan.of(result.spec, table)
                ws = wb.create_sheet(table.sheet_name)
                _table_sheet(ws, plan, heading, result.year, result.rows)
        wb.save(tmp)
    return []


# Styles resolved once per workbook and combination: assigning a font or border to
# a cell hashes the style objects, which costs more than writing the cell itself.
_RESOLVED: weakref.WeakKeyDictionary[Workbook, dict[tuple[int, ...], StyleArray]] = (
    weakref.WeakKeyDictionary()
)


def _cell(ws: Worksheet, value: object, *styles: object, number_format: str = "") -> WriteOnlyCell:
    """A cell with styles given as Font, PatternFill, Alignment or Border objects
    (module constants: they are cached by identity)."""
    cache = _RESOLVED.setdefault(ws.parent, {})
    key = (*map(id, styles), hash(number_format))
    cell = WriteOnlyCell(ws, value)
    resolved = cache.get(key)
    if resolved is not None:
        cell._style = copy.copy(resolved)
        return cell
    for style in styles:
        if isinstance(style, Font):
            cell.font = style
        elif isinstance(style, PatternFill):
            cell.fill = style
        elif isinstance(style, Alignment):
            cell.alignment = style
        elif isinstance(style, Border):
            cell.border = style
    if number_format:
        cell.number_format = number_format
    cache[key] = copy.copy(cell._style)
    return cell


# ---- 报送情况 -----------------------------------------------------------------------
def _status_sheet(ws: Worksheet, result: AggregateResult) -> None:
    line = result.summary_line()
    title = (
        STATUS_TITLE.format(year=result.year, line=line)
        if result.year
        else STATUS_TITLE_NO_YEAR.format(line=line)
    )
    for c, width in enumerate(STATUS_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    last = 2 + len(result.statuses)
    ws.freeze_panes = "C3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(STATUS_HEADERS))}{last}"
    _printable(ws, "2:2", landscape=True, fit_width=True)
    _title(ws, title)
    ws.append([_cell(ws, t, _BOLD, _HEAD_FILL, _CENTER, _BORDER) for t in STATUS_HEADERS])
    for i, s in enumerate(result.statuses, start=1):
        _status_row(ws, 2 + i, i, s)


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
    fills: dict[int, PatternFill] = {}
    if s.errors:
        fills[3] = _ERROR_FILL
    if s.blanks:
        fills[5] = _ERROR_FILL
    if s.late:
        fills[7] = _LATE_FILL
    if not s.included:
        fills.update(dict.fromkeys((0, 1, 8, 9), _REFUSED_FILL))
    # viewers do not grow a row for wrapped text on their own
    lines = max(math.ceil(_text_width(str(values[c])) / (STATUS_WIDTHS[c] - 1)) for c in (1, 8, 9))
    if lines > 1:
        ws.row_dimensions[r].height = 15 * lines
    row = []
    for c, value in enumerate(values):
        styles = [_BORDER, _WRAP if c in (1, 8, 9) else _CENTER]
        if c in fills:
            styles.append(fills[c])
        row.append(_cell(ws, value, *styles, number_format=DATE_NUMBER_FORMAT if c == 6 else ""))
    ws.append(row)


def _text_width(text: str) -> int:
    """Width in Excel's character units: a CJK character takes about two."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


def _display_path(file: str) -> str:
    """Relative to the working folder when inside it: shorter and still exact."""
    try:
        return str(Path(file).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return file


# ---- one sheet per table ---------------------------------------------------------------
def _table_sheet(
    ws: Worksheet,
    plan: TablePlan,
    heading: str,
    year: int | None,
    rows: Sequence[AgencyRow],
) -> None:
    cells = plan.table.cells
    first = 3  # first value column (after 序号, 机关名称)
    top = 4  # first agency row
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 28
    for i, c in enumerate(cells):
        width = 16 if len(c.col_label) > 8 else 11
        ws.column_dimensions[get_column_letter(first + i)].width = width
    ws.freeze_panes = f"{get_column_letter(first)}{top}"
    _printable(ws, "2:3", landscape=True, fit_width=False, title_cols="A:B")
    ws.print_options.gridLines = True
    _title(ws, TABLE_TITLE.format(year=year, heading=heading, n=len(rows)))
    _headers(ws, cells, first)
    columns: list[list[Value | None]] = [[] for _ in cells]
    for n, row in enumerate(rows, start=1):
        values = row.table_values(plan)
        ws.append([n, row.agency, *values])
        for column, value in zip(columns, values, strict=True):
            column.append(value)
    # the 合计 row holds the sums as numbers, not =SUM formulas: openpyxl cannot
    # store a formula's result, and phone and chat previews, web viewers and other
    # programs reading the file show a formula without one as empty
    ws.append(
        [
            _cell(ws, None, _TOTAL_FILL, _BORDER),
            _cell(ws, TOTAL_LABEL, _BOLD, _TOTAL_FILL, _BORDER),
            *(_cell(ws, sum_filled(column), _BOLD, _TOTAL_FILL, _BORDER) for column in columns),
        ]
    )


def _headers(ws: Worksheet, cells: Sequence[CellSpec], first: int) -> None:
    """Row 2: the row label, merged over the run of cells that share it; row 3:
    the column label (with the unit of a money cell)."""
    top: list[object] = [NO_COLUMN, AGENCY_COLUMN]
    start = 0
    for i in range(1, len(cells) + 1):
        if i == len(cells) or cells[i].row != cells[start].row:
            top += [cells[start].row_label] + [None] * (i - start - 1)
            if i - start > 1:
                ws.merged_cells.add(
                    f"{get_column_letter(first + start)}2:{get_column_letter(first + i - 1)}2"
                )
            start = i
    for c in (1, 2):
        ws.merged_cells.add(f"{get_column_letter(c)}2:{get_column_letter(c)}3")
    second: list[object] = [None, None, *(_col_header(c) for c in cells)]
    ws.row_dimensions[2].height = 48
    ws.row_dimensions[3].height = 32
    for values in (top, second):
        ws.append([_cell(ws, v, _BOLD, _HEAD_FILL, _CENTER, _BORDER) for v in values])


def _col_header(cell: CellSpec) -> str:
    label = cell.col_label
    if cell.kind is ValueKind.MONEY and cell.unit and cell.unit not in label:
        label = f"{label}（{cell.unit}）"
    return label


# ---- shared ------------------------------------------------------------------------------
def _title(ws: Worksheet, text: str) -> None:
    # not merged: the text runs on over the empty cells to its right, whatever its length
    ws.row_dimensions[1].height = 28
    ws.append([_cell(ws, text, _TITLE_FONT, _MIDDLE)])


def _printable(
    ws: Worksheet, title_rows: str, landscape: bool, fit_width: bool, title_cols: str | None = None
) -> None:
    ws.page_setup.paperSize = "9"  # A4
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


__all__ = ["export_summary_xlsx"]
