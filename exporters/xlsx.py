"""The Excel workbook: one sheet per official table, live totals, a self-check row.

The workbook is built by walking the format spec: merged headers come from
`table.grid` spans, totals are `=SUM(...)` formulas over the addresses of each
computed cell's `terms`, the R1 check row comes from the spec's `BalanceRule`,
and data validation follows each input's `ValueKind`. A hidden marker (a defined
name and a custom document property holding the format id) lets the importer
recognise our workbooks; the importer then reads values by their labels.

Blank inputs stay blank (the workbook is a working copy that can come back in);
the Word export is where blanks are refused or printed as 0.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Iterable
from copy import copy
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from exporters import xlsx_strings as s
from model.messages import KIND_NAMES
from model.spec import BalanceRule, CellSpec, GridCell, Role, TableSpec, ValueKind

if TYPE_CHECKING:  # openpyxl is imported inside the functions that need it
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from model.issues import Validation
    from model.report import Report

TOP = 2  # sheet row of grid row 0; row 1 holds the section heading
FONT_NAME = "宋体"
TITLE_FONT = "黑体"
FONT_SIZE = 10.5
LINE_HEIGHT = 14.5  # points per wrapped line at FONT_SIZE
ROW_HEIGHT = 20.0  # a one-line row with room above and below its text
TABLE_WIDTH = {"active": 72.0, "applications": 116.0, "appeals": 96.0}  # characters
DEFAULT_TABLE_WIDTH = 96.0
META_VALUE_WIDTH = 100.0
MAX_CELL_CHARS = 32_000  # Excel keeps at most 32767 characters in a cell
MAX_ROW_HEIGHT = 409.0  # Excel's limit, in points
ISSUES_WIDTHS = (8, 8, 24, 40, 64)  # 级别 规则 位置 项目 说明

GREY = "F2F2F2"
HEADER_GREY = "E7E6E6"
RED = "FFC7CE"
YELLOW = "FFF2CC"


# ---- layout (shared with tests and the importer's error messages) ---------------------


@dataclass(frozen=True)
class TableLayout:
    """Where each value of a table sits on its sheet (1-based rows and columns)."""

    table: TableSpec
    address: dict[str, tuple[int, int]]  # cell id -> (row, col)
    check_row: int | None  # the R1 row below the table, if the table has one
    last_row: int  # last row used by the table and its check row


def table_layout(table: TableSpec, rules: Iterable[object] = ()) -> TableLayout:
    address = {g.cell: (g.row + TOP, g.col + 1) for g in table.grid if g.cell}
    has_check = any(isinstance(r, BalanceRule) and r.table == table.id for r in rules)
    end = TOP + table.n_rows - 1
    return TableLayout(table, address, end + 1 if has_check else None, end + int(has_check))


def col_letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


def ref(row: int, col: int, absolute: bool = False) -> str:
    d = "$" if absolute else ""
    return f"{d}{col_letter(col)}{d}{row}"


def ranges(coords: Iterable[tuple[int, int]]) -> list[str]:
    """Compress cell coordinates into few rectangles ("D5:I26"), for SUM and styles."""
    by_row: dict[int, list[int]] = {}
    for r, c in set(coords):
        by_row.setdefault(r, []).append(c)
    runs: dict[int, list[tuple[int, int]]] = {}
    for r, cols in by_row.items():
        cols.sort()
        segs: list[tuple[int, int]] = []
        for c in cols:
            if segs and c == segs[-1][1] + 1:
                segs[-1] = (segs[-1][0], c)
            else:
                segs.append((c, c))
        runs[r] = segs
    rects: list[list[int]] = []  # [r1, r2, c1, c2]
    open_: dict[tuple[int, int], list[int]] = {}
    for r in sorted(runs):
        for seg in runs[r]:
            rect = open_.get(seg)
            if rect is not None and rect[1] == r - 1:
                rect[1] = r
            else:
                rect = [r, r, seg[0], seg[1]]
                rects.append(rect)
                open_[seg] = rect
    out = []
    for r1, r2, c1, c2 in rects:
        a, b = ref(r1, c1), ref(r2, c2)
        out.append(a if a == b else f"{a}:{b}")
    return out


def merge(ws: Worksheet, r1: int, c1: int, r2: int, c2: int) -> None:
    """Merge a range without openpyxl's per-merge restyling of the covered cells
    (slow, and we give those cells their borders ourselves)."""
    from openpyxl.worksheet.cell_range import CellRange

    ws.merged_cells.add(CellRange(min_col=c1, min_row=r1, max_col=c2, max_row=r2))


def sheet_ref(sheet: str, address: str) -> str:
    return "'" + sheet.replace("'", "''") + "'!" + address


# ---- text helpers --------------------------------------------------------------------


def text_width(text: str) -> float:
    """Display width in Excel character units: CJK and full-width count double."""
    return sum(2.0 if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)


def lines_needed(text: str, width: float) -> int:
    usable = max(width - 0.5, 2.0)
    return sum(max(1, math.ceil(text_width(p) / usable)) for p in text.split("\n"))


class _Cleaner:
    """Removes characters an xlsx file cannot hold, remembering where it did."""

    def __init__(self) -> None:
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        self._re = ILLEGAL_CHARACTERS_RE
        self.warnings: list[str] = []

    def __call__(self, text: str, where: str) -> str:
        cleaned = self._re.sub("", text)
        if cleaned != text:
            self.warnings.append(s.WARN_TEXT_CLEANED.format(where=where))
        return cleaned


def put_text(cell, text: str) -> None:
    """Write a string as a string, even when it starts with '=' (no formula injection)."""
    cell.value = text
    if isinstance(text, str) and text.startswith("="):
        cell.data_type = "s"


def money_format(value: Decimal | None) -> str:
    """A number format that shows a money value with the decimals it was entered with,
    so 12.50 displays (and imports back) as 12.50."""
    if value is None:
        return "General"
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "0." + "0" * decimals if decimals else "0"


# ---- styles --------------------------------------------------------------------------


class _Styles:
    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        thin = Side(style="thin", color="000000")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.font = Font(name=FONT_NAME, size=FONT_SIZE)
        self.bold = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
        self.title = Font(name=TITLE_FONT, size=14, bold=True)
        self.red_bold = Font(name=FONT_NAME, size=FONT_SIZE, bold=True, color="9C0006")
        self.link = Font(name=FONT_NAME, size=FONT_SIZE, color="0563C1", underline="single")
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="center", wrap_text=True)
        self.top_left = Alignment(horizontal="left", vertical="top", wrap_text=True)
        self.vertical = Alignment(
            horizontal="center", vertical="center", wrap_text=True, text_rotation=255
        )
        self.grey = PatternFill("solid", fgColor=GREY)
        self.header = PatternFill("solid", fgColor=HEADER_GREY)
        self.red = PatternFill("solid", fgColor=RED)
        self.yellow = PatternFill("solid", fgColor=YELLOW)
        self.unlocked = Protection(locked=False)
        self.no_fill = PatternFill()
        self._cache: dict[str, object] = {}

    def apply(self, cell, key: str, **attrs: object) -> None:
        """Give `cell` a combination of style attributes named `key`. openpyxl hashes
        every style object on each assignment, which dominates export time; a repeated
        combination copies the style indices the first assignment produced instead."""
        cached = self._cache.get(key)
        if cached is not None:
            cell._style = copy(cached)
            return
        for name, value in attrs.items():
            setattr(cell, name, value)
        self._cache[key] = copy(cell._style)


# ---- the workbook --------------------------------------------------------------------


def export_xlsx(report: Report, path, validation: Validation | None = None) -> list[str]:
    """Write `report` as an Excel workbook at `path` (atomically). Returns Chinese
    warnings; raises exporters.ExportError when the file cannot be written, or
    for a report outside model.limits."""
    from exporters import atomic_output, check_exportable

    check_exportable(report)
    if validation is None:
        validation = _validate(report)
    wb, warnings = build_workbook(report, validation)
    with atomic_output(path) as tmp:
        wb.save(tmp)
    return warnings


def _validate(report: Report) -> Validation:
    from model.rules import validate

    return validate(report)


def build_workbook(report: Report, validation: Validation | None) -> tuple[Workbook, list[str]]:
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty
    from openpyxl.workbook.defined_name import DefinedName

    spec = report.spec
    st = _Styles()
    clean = _Cleaner()
    wb = Workbook()
    _default_font(wb)
    meta_ws = wb.active
    meta_ws.title = s.META_SHEET
    unit_refs, meta_rows = _write_meta(meta_ws, report, st, clean)
    layouts: dict[str, TableLayout] = {}
    for table in spec.tables:
        ws = wb.create_sheet(table.sheet_name)
        layouts[table.id] = _write_table(ws, report, table, st, unit_refs)
    _write_issues(wb.create_sheet(s.ISSUES_SHEET), report, validation, layouts, meta_rows, st)

    wb.defined_names[s.MARKER_NAME] = DefinedName(s.MARKER_NAME, attr_text=f'"{spec.id}"')
    wb.custom_doc_props.append(StringProperty(name=s.MARKER_APP, value=spec.id))
    wb.properties.title = _title(report)
    wb.properties.creator = "年报填报助手"
    wb.active = 0  # opens on 基本信息, the tables follow in the report's order

    warnings = list(clean.warnings)
    blanks = len(report.blank_inputs())
    if blanks:
        warnings.append(s.WARN_BLANKS.format(n=blanks))
    return wb, warnings


def _default_font(wb: Workbook) -> None:
    """The workbook's 常规 style in 宋体 10.5 instead of Calibri 11. Excel measures
    column widths in digits of this font: 宋体's half-width digit is exactly half a
    Chinese character, so a width of 2 holds one character, as `text_width` counts,
    and empty or unstyled cells match the tables. openpyxl offers no public setter:
    its font list starts with the default font, which the 常规 style points to."""
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList

    wb._fonts = IndexedList([Font(name=FONT_NAME, size=FONT_SIZE, family=3, charset=134)])


def _title(report: Report) -> str:
    return s.META_TITLE.format(agency=report.meta.agency, year=report.meta.year)


def _print_setup(ws: Worksheet, title_rows: int, landscape: bool = False) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if title_rows:
        ws.print_title_rows = f"1:{title_rows}"


def _protect(ws: Worksheet) -> None:
    """Protected without a password: totals and labels cannot be overwritten by
    accident, column widths and row heights can still be changed."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _title_row(ws: Worksheet, text: str, n_cols: int, st: _Styles) -> None:
    cell = ws.cell(1, 1)
    put_text(cell, text)
    cell.font = st.title
    cell.alignment = st.center
    if n_cols > 1:
        merge(ws, 1, 1, 1, n_cols)
    ws.row_dimensions[1].height = 28


# ---- 基本信息 --------------------------------------------------------------------------


def _write_meta(
    ws: Worksheet, report: Report, st: _Styles, clean: _Cleaner
) -> tuple[dict[str, str], dict[str, int]]:
    """The meta sheet; returns the absolute references of the unit cells by cell id,
    and the row of each label."""
    from openpyxl.worksheet.datavalidation import DataValidation

    spec, meta = report.spec, report.meta
    _title_row(ws, clean(_title(report), s.META_AGENCY), 2, st)
    for col, text in ((1, s.META_HEAD_ITEM), (2, s.META_HEAD_VALUE)):
        c = ws.cell(2, col, text)
        c.font, c.alignment, c.border, c.fill = st.bold, st.center, st.border, st.header
    ws.row_dimensions[2].height = ROW_HEIGHT

    rows: list[tuple[str, object, bool]] = [  # label, value, editable
        (s.META_AGENCY, clean(meta.agency, s.META_AGENCY), True),
        (s.META_YEAR, meta.year, True),
        (s.META_FORMAT, s.FORMAT_TEXT.format(name=spec.name, issued_by=spec.issued_by), False),
        (s.META_KIND, KIND_NAMES.get(meta.kind, meta.kind), True),
        (s.META_DATE, meta.date, True),
    ]
    money = [c for c in spec.inputs if c.kind is ValueKind.MONEY and len(c.units) > 1]
    for cell in money:
        rows.append((_unit_label(cell), report.unit(cell.id), True))
    text_labels: set[str] = set()
    for section in spec.text_sections:
        text = clean(report.texts.get(section.id, ""), section.heading)
        for label, chunk in continued(section.heading, text):
            text_labels.add(label)
            rows.append((label, chunk, True))

    row_of: dict[str, int] = {}
    for i, (label, value, editable) in enumerate(rows):
        r = 3 + i
        row_of[label] = r
        head = ws.cell(r, 1, label)
        head.font, head.alignment, head.border, head.fill = st.bold, st.left, st.border, st.grey
        cell = ws.cell(r, 2)
        if isinstance(value, str):
            put_text(cell, value)
        else:
            cell.value = value
        cell.font, cell.border = st.font, st.border
        cell.alignment = st.top_left if label in text_labels else st.left
        if editable:
            cell.protection = st.unlocked
        else:
            cell.fill = st.grey
        if isinstance(value, str) and label in text_labels:
            lines = lines_needed(value, META_VALUE_WIDTH)
            ws.row_dimensions[r].height = min(MAX_ROW_HEIGHT, max(lines, 3) * LINE_HEIGHT + 4)
        else:  # the same row height as the tables, not the default's cramped one
            lines = lines_needed(str(value or ""), META_VALUE_WIDTH)
            ws.row_dimensions[r].height = ROW_HEIGHT if lines == 1 else lines * LINE_HEIGHT + 6
    ws.cell(row_of[s.META_DATE], 2).number_format = s.DATE_NUMBER_FORMAT
    ws.cell(row_of[s.META_YEAR], 2).number_format = "0"

    machine_row = 3 + len(rows)
    for label, payload in _machine_rows(report):
        ws.cell(machine_row, 1, label).font = st.font
        put_text(ws.cell(machine_row, 2), payload)
        ws.row_dimensions[machine_row].hidden = True
        machine_row += 1
    note_row = machine_row
    ws.cell(note_row, 1, s.META_NOTE).alignment = st.left
    merge(ws, note_row, 1, note_row, 2)
    ws.row_dimensions[note_row].height = 2 * LINE_HEIGHT + 4

    kinds = [KIND_NAMES[k] for k in KIND_NAMES]
    dvs = [
        _dv(
            DataValidation(type="whole", operator="between", formula1="2019", formula2="2100"),
            s.DV_YEAR,
        ),
        _dv(
            DataValidation(type="list", formula1='"' + ",".join(kinds) + '"'),
            s.DV_KIND.format(kinds="、".join(kinds)),
        ),
        _dv(
            DataValidation(type="date", operator="between", formula1="36526", formula2="73051"),
            s.DV_DATE,
        ),
    ]
    targets = [s.META_YEAR, s.META_KIND, s.META_DATE]
    for dv, label in zip(dvs, targets, strict=True):
        dv.add(ref(row_of[label], 2))
        ws.add_data_validation(dv)
    unit_refs: dict[str, str] = {}
    for cell in money:
        r = row_of[_unit_label(cell)]
        dv = _dv(
            DataValidation(type="list", formula1='"' + ",".join(cell.units) + '"'),
            s.DV_UNIT.format(units="、".join(cell.units)),
        )
        dv.add(ref(r, 2))
        ws.add_data_validation(dv)
        unit_refs[cell.id] = sheet_ref(s.META_SHEET, ref(r, 2, absolute=True))

    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = META_VALUE_WIDTH
    ws.freeze_panes = "B3"
    _print_setup(ws, 2, landscape=True)
    _protect(ws)
    return unit_refs, row_of


def _machine_rows(report: Report) -> list[tuple[str, str]]:
    """Hidden label/JSON rows that only the importer reads: the 信息处理费 extras and
    last year's figures and texts (without them a report started from last year's
    would lose its R7/R8 reference on the way through Excel). Long JSON continues
    on （续） rows, as long texts do."""
    from model.drafts import extras_to_dict, previous_to_dict

    out: list[tuple[str, str]] = []
    if report.extras:
        extras = extras_to_dict(report.extras)
        out.append((s.META_EXTRAS, json.dumps(extras, ensure_ascii=False)))
    if report.previous is not None:
        payload = json.dumps(previous_to_dict(report.previous), ensure_ascii=False)
        out += continued(s.META_PREVIOUS, payload)
    return out


def continued(label: str, text: str) -> list[tuple[str, str]]:
    """`text` in cells of at most MAX_CELL_CHARS: the first under `label`, the rest
    under 「label（续）」 (the importer joins them again)."""
    chunks = [text[i : i + MAX_CELL_CHARS] for i in range(0, len(text), MAX_CELL_CHARS)]
    return [
        (label if i == 0 else s.META_CONTINUED.format(heading=label), chunk)
        for i, chunk in enumerate(chunks or [""])
    ]


def _unit_label(cell: CellSpec) -> str:
    return s.META_UNIT.format(col=cell.col_label, row=cell.row_label)


def _dv(dv, message: str):
    dv.error = message
    dv.errorTitle = s.DV_TITLE
    dv.showErrorMessage = True
    dv.allow_blank = True
    return dv


# ---- the table sheets ----------------------------------------------------------------


def _col_widths(table: TableSpec) -> list[float]:
    target = TABLE_WIDTH.get(table.id, DEFAULT_TABLE_WIDTH)
    total = sum(table.col_widths)
    return [round(w * target / total, 1) for w in table.col_widths]


def _write_table(
    ws: Worksheet, report: Report, table: TableSpec, st: _Styles, unit_refs: dict[str, str]
) -> TableLayout:
    from openpyxl.formatting.rule import CellIsRule, FormulaRule

    spec = report.spec
    lay = table_layout(table, spec.rules)
    widths = _col_widths(table)
    section = spec.section_by_id[table.section]
    _title_row(ws, section.heading, table.n_cols, st)
    for i, w in enumerate(widths):
        ws.column_dimensions[col_letter(i + 1)].width = w

    heights: dict[int, float] = {}
    for g in table.grid:
        _write_grid_cell(ws, report, table, g, lay, st)
        if g.rowspan == 1 and g.text:
            width = sum(widths[g.col : g.col + g.colspan])
            if g.vertical:
                h = len(g.text) * 16 + 14
            else:
                h = lines_needed(g.text, width) * LINE_HEIGHT + 6
            r = g.row + TOP
            heights[r] = max(heights.get(r, ROW_HEIGHT), h)
    for r in range(TOP, TOP + table.n_rows):
        ws.row_dimensions[r].height = min(MAX_ROW_HEIGHT, heights.get(r, ROW_HEIGHT))

    # blank inputs in yellow, so what is left to fill stands out
    inputs = [lay.address[c.id] for c in table.inputs]
    for rng in ranges(inputs):
        first = rng.split(":")[0]
        ws.conditional_formatting.add(
            rng, FormulaRule(formula=[f"LEN({first})=0"], fill=st.yellow, stopIfTrue=False)
        )
    _add_validations(ws, table, lay)

    after = lay.last_row + 1
    for rule in spec.rules:
        if isinstance(rule, BalanceRule) and rule.table == table.id and lay.check_row:
            _write_check_row(ws, table, rule, lay, st)
            ws.conditional_formatting.add(
                f"{ref(lay.check_row, table.label_cols + 1)}:{ref(lay.check_row, table.n_cols)}",
                CellIsRule(
                    operator="notEqual", formula=[f'"{s.CHECK_OK}"'], fill=st.red, font=st.red_bold
                ),
            )
    for cell in table.inputs:
        if cell.id in unit_refs:
            note = ws.cell(after, 1)
            what = f"{cell.col_label}（{cell.row_label}）"
            note.value = (
                f'="{s.UNIT_NOTE.format(what=what)}"&{unit_refs[cell.id]}&"{s.UNIT_NOTE_TAIL}"'
            )
            note.font, note.alignment = st.font, st.left
            merge(ws, after, 1, after, table.n_cols)
            after += 1

    ws.freeze_panes = ref(TOP + table.header_rows, table.label_cols + 1)
    _print_setup(ws, TOP - 1 + table.header_rows)
    _protect(ws)
    return lay


def _write_grid_cell(
    ws: Worksheet, report: Report, table: TableSpec, g: GridCell, lay: TableLayout, st: _Styles
) -> None:
    r, c = g.row + TOP, g.col + 1
    cell = ws.cell(r, c)
    if g.role is Role.VALUE and g.cell:
        spec = table.cell_by_id[g.cell]
        if spec.computed:
            terms = ranges(lay.address[t] for t in spec.terms)
            cell.value = "=SUM(" + ",".join(terms) + ")"
            st.apply(
                cell,
                "total",
                font=st.font,
                alignment=st.center,
                border=st.border,
                fill=st.grey,
                number_format="0",
            )
        else:
            value = report.input_value(g.cell)
            if isinstance(value, Decimal):
                cell.value = float(value)
                number_format = money_format(value)
            else:
                cell.value = value
                number_format = "General" if spec.kind is ValueKind.MONEY else "0"
            st.apply(
                cell,
                f"input {number_format}",
                font=st.font,
                alignment=st.center,
                border=st.border,
                protection=st.unlocked,
                number_format=number_format,
            )
    else:
        if g.text:
            put_text(cell, g.text)
        alignment = st.vertical if g.vertical else st.left if g.role is Role.LABEL else st.center
        st.apply(
            cell,
            f"{g.role.value} {g.vertical}",
            border=st.border,
            alignment=alignment,
            font=st.bold if g.role is Role.CAPTION else st.font,
            fill=st.header if g.role in (Role.HEADER, Role.CAPTION) else st.no_fill,
        )
    if g.rowspan > 1 or g.colspan > 1:
        # every printed cell of the span gets a border, or merged cells print half-framed
        for rr in range(r, r + g.rowspan):
            for cc in range(c, c + g.colspan):
                if (rr, cc) != (r, c):
                    st.apply(ws.cell(rr, cc), "border", border=st.border)
        merge(ws, r, c, r + g.rowspan - 1, c + g.colspan - 1)


def _add_validations(ws: Worksheet, table: TableSpec, lay: TableLayout) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    groups: dict[tuple[ValueKind, int], list[tuple[int, int]]] = {}
    for cell in table.inputs:
        groups.setdefault((cell.kind, cell.decimals), []).append(lay.address[cell.id])
    for (kind, decimals), coords in groups.items():
        if kind is ValueKind.COUNT:
            dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
            message = s.DV_COUNT
        elif kind is ValueKind.SIGNED_COUNT:
            dv = DataValidation(
                type="whole", operator="between", formula1="-999999999", formula2="999999999"
            )
            message = s.DV_SIGNED
        else:
            dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
            message = s.DV_MONEY.format(decimals=decimals)
        _dv(dv, message)
        for rng in ranges(coords):
            dv.add(rng)
        ws.add_data_validation(dv)


def _write_check_row(
    ws: Worksheet, table: TableSpec, rule: BalanceRule, lay: TableLayout, st: _Styles
) -> None:
    """R1 per column: 「一致」, or left minus right when they differ."""
    r = lay.check_row
    assert r is not None
    label = ws.cell(r, 1)
    put_text(label, s.CHECK_LABEL.format(left=rule.left_name, right=rule.right_name))
    label.font, label.alignment = st.bold, st.left
    label.border = st.border
    for cc in range(2, table.label_cols + 1):
        st.apply(ws.cell(r, cc), "border", border=st.border)
    if table.label_cols > 1:
        merge(ws, r, 1, r, table.label_cols)
    ws.row_dimensions[r].height = (
        lines_needed(label.value, sum(_col_widths(table)[: table.label_cols])) * LINE_HEIGHT + 6
    )
    for col in rule.columns:
        left = [lay.address[table.cell_id(row, col)] for row in rule.left]
        right = [lay.address[table.cell_id(row, col)] for row in rule.right]
        lsum = "SUM(" + ",".join(ref(*a) for a in left) + ")"
        rsum = "SUM(" + ",".join(ref(*a) for a in right) + ")"
        cell = ws.cell(r, left[0][1])
        cell.value = f'=IF({lsum}={rsum},"{s.CHECK_OK}",{lsum}-{rsum})'
        st.apply(
            cell,
            "check",
            font=st.font,
            alignment=st.center,
            fill=st.grey,
            border=st.border,
            number_format="+0;-0;0",
        )


# ---- 校验 ------------------------------------------------------------------------------


def _write_issues(
    ws: Worksheet,
    report: Report,
    validation: Validation | None,
    layouts: dict[str, TableLayout],
    meta_rows: dict[str, int],
    st: _Styles,
) -> None:
    from openpyxl.worksheet.hyperlink import Hyperlink

    n_cols = len(s.ISSUES_HEAD)
    _title_row(ws, s.ISSUES_TITLE, n_cols, st)
    for i, text in enumerate(s.ISSUES_HEAD):
        c = ws.cell(2, i + 1, text)
        c.font, c.alignment, c.border, c.fill = st.bold, st.center, st.border, st.header
    ws.row_dimensions[2].height = ROW_HEIGHT
    for i, w in enumerate(ISSUES_WIDTHS):
        ws.column_dimensions[col_letter(i + 1)].width = w
    issues = validation.issues if validation is not None else ()
    r = 3
    for issue in issues:
        where, what, location = _where(report, issue.cell, layouts, meta_rows)
        values = (issue.severity.label, issue.rule, where, what, issue.message)
        for i, v in enumerate(values):
            c = ws.cell(r, i + 1)
            put_text(c, v)
            c.font, c.border = st.font, st.border
            c.alignment = st.center if i < 2 else st.left
        if issue.severity.rank == 0:
            ws.cell(r, 1).fill = st.red
        if location:
            # the link holds only the short address: LibreOffice does not wrap a
            # cell with a hyperlink, so a long text there would be cut off
            link = ws.cell(r, 3)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=location)
            link.font = st.link
        lines = max(
            lines_needed(text, width)
            for text, width in zip(values[2:], ISSUES_WIDTHS[2:], strict=True)
        )
        ws.row_dimensions[r].height = min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 6)
        r += 1
    if validation is None:
        summary = s.ISSUES_NOT_RUN
    elif not issues:
        summary = s.ISSUES_NONE
    else:
        from model.issues import Severity

        summary = s.ISSUES_SUMMARY.format(
            errors=validation.errors,
            warnings=validation.warnings,
            infos=validation.count(Severity.INFO),
        )
    c = ws.cell(r + 1, 1, summary)
    c.font, c.alignment = st.font, st.left
    merge(ws, r + 1, 1, r + 1, n_cols)
    ws.freeze_panes = "A3"
    _print_setup(ws, 2, landscape=True)
    _protect(ws)


_META_FIELDS = {
    "meta.agency": s.META_AGENCY,
    "meta.year": s.META_YEAR,
    "meta.kind": s.META_KIND,
    "meta.date": s.META_DATE,
    "meta.format": s.META_FORMAT,
}


def _where(
    report: Report,
    key: str | None,
    layouts: dict[str, TableLayout],
    meta_rows: dict[str, int],
) -> tuple[str, str, str | None]:
    """Where an issue's cell or field sits (「sheet」address, the hyperlink's text),
    what it is (row · column of a table cell), and the hyperlink target."""
    if not key:
        return "", "", None
    spec = report.spec
    cell = spec.cell_by_id.get(key)
    if cell is not None:
        table = spec.table_by_id[cell.table]
        r, c = layouts[cell.table].address[key]
        where = s.WHERE_CELL.format(sheet=table.sheet_name, address=ref(r, c))
        what = s.WHAT_CELL.format(row=cell.row_label, col=cell.col_label)
        return where, what, sheet_ref(table.sheet_name, ref(r, c))
    if key in _META_FIELDS:
        label = _META_FIELDS[key]
        where = s.WHERE_FIELD.format(sheet=s.META_SHEET, label=label)
        return where, "", sheet_ref(s.META_SHEET, ref(meta_rows[label], 2))
    if key.startswith("text."):
        section = spec.section_by_id.get(key[5:])
        if section is not None:
            where = s.WHERE_FIELD.format(sheet=s.META_SHEET, label=section.heading)
            return where, "", sheet_ref(s.META_SHEET, ref(meta_rows[section.heading], 2))
    return key, "", None
