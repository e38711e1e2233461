"""The Excel workbook: one sheet per official table, live totals, a self-check row.

The workbook is built by walking the format spec: merged headers come from
`table.grid` spans, totals are `=SUM(...)` formulas over the addresses of each
computed cell's `terms`, the R1 check row comes from the spec's `BalanceRule`,
and data validation follows each input's `ValueKind`. A hidden marker (a defined
name and a custom document property holding the format id) lets the importer
recognise our workbooks; the importer then reads values by their labels.

Written with XlsxWriter, which stores each formula with its result: readers that
do not calculate (phone and chat previews, web viewers, other programs) show the
model's totals, and Excel, WPS and LibreOffice still recalculate. openpyxl stays
the reader (importers.xlsx).

Blank inputs stay blank (the workbook is a working copy that can come back in).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from exporters import xlsx_strings as s
from model.messages import KIND_NAMES
from model.spec import BalanceRule, CellSpec, GridCell, Role, TableSpec, ValueKind

if TYPE_CHECKING:  # XlsxWriter is imported inside the functions that need it
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

    from model.issues import Validation
    from model.report import Report

TOP = 2  # sheet row of grid row 0; row 1 holds the section heading
FONT_NAME = "宋体"
TITLE_FONT = "黑体"
FONT_SIZE = 10.5
LINE_HEIGHT = 14.5  # points per wrapped line at FONT_SIZE
META_LINE_HEIGHT = 16.0  # the same for long texts, with room for a taller substitute font
ROW_HEIGHT = 20.0  # a one-line row with room above and below its text
TABLE_WIDTH = {"active": 72.0, "applications": 116.0, "appeals": 96.0}  # characters
DEFAULT_TABLE_WIDTH = 96.0
META_VALUE_WIDTH = 100.0
MAX_CELL_CHARS = 32_000  # Excel keeps at most 32767 characters in a cell
MAX_ROW_HEIGHT = 409.0  # Excel's limit, in points
# Lines of a text on one row of 基本信息: 20 lines are 324 pt, well under Excel's
# 409 pt, also where LibreOffice sets the substitute of 宋体 with a taller line.
META_TEXT_LINES = 20
ISSUES_WIDTHS = (8, 8, 24, 40, 64)  # 级别 规则 位置 项目 说明
NUMBER_PADDING = 2.5  # room beside a number in its column, in digits
LANDSCAPE_WIDTH = 130.0  # a table sheet wider than this (characters) prints landscape

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
    """The letters of 1-based column `col` (1 → A, 27 → AA)."""
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


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


def sheet_ref(sheet: str, address: str) -> str:
    return "'" + sheet.replace("'", "''") + "'!" + address


# ---- text helpers --------------------------------------------------------------------


def text_width(text: str) -> float:
    """Display width in Excel character units: CJK and full-width count double."""
    return sum(2.0 if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)


def lines_needed(text: str, width: float) -> int:
    usable = max(width - 0.5, 2.0)
    return sum(max(1, math.ceil(text_width(p) / usable)) for p in text.split("\n"))


# characters an xlsx file cannot hold (the XML 1.0 control characters)
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


class _Cleaner:
    """Removes characters an xlsx file cannot hold, remembering where it did."""

    def __init__(self) -> None:
        self.warnings: list[str] = []

    def __call__(self, text: str, where: str) -> str:
        cleaned = _ILLEGAL.sub("", text)
        if cleaned != text:
            self.warnings.append(s.WARN_TEXT_CLEANED.format(where=where))
        return cleaned


def money_format(value: Decimal | None) -> str:
    """A number format that shows a money value with the decimals it was entered with,
    so 12.50 displays (and imports back) as 12.50."""
    if value is None:
        return "General"
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "0." + "0" * decimals if decimals else "0"


# ---- styles --------------------------------------------------------------------------

_BASE = {"font_name": FONT_NAME, "font_size": FONT_SIZE, "valign": "vcenter", "text_wrap": True}
_STYLES: dict[str, dict[str, object]] = {
    "title": {"font_name": TITLE_FONT, "font_size": 14, "bold": True, "align": "center"},
    "head": {"bold": True, "align": "center", "border": 1, "bg_color": "#" + HEADER_GREY},
    "meta_label": {"bold": True, "align": "left", "border": 1, "bg_color": "#" + GREY},
    "meta_value": {"align": "left", "border": 1, "locked": False},
    "meta_text": {"align": "left", "valign": "top", "border": 1, "locked": False},
    "meta_fixed": {"align": "left", "border": 1, "bg_color": "#" + GREY},
    "plain": {"align": "left"},
    "total": {"align": "center", "border": 1, "bg_color": "#" + GREY, "num_format": "0"},
    "check": {"align": "center", "border": 1, "bg_color": "#" + GREY, "num_format": "+0;-0;0"},
    "check_label": {"bold": True, "align": "left", "border": 1},
    "caption": {"bold": True, "align": "center", "border": 1, "bg_color": "#" + HEADER_GREY},
    "header": {"align": "center", "border": 1, "bg_color": "#" + HEADER_GREY},
    "header_v": {"align": "center", "border": 1, "bg_color": "#" + HEADER_GREY, "rotation": 270},
    "label": {"align": "left", "border": 1},
    "label_v": {"align": "center", "border": 1, "rotation": 270},
    "cell": {"align": "center", "border": 1},
    "input": {"align": "center", "border": 1, "locked": False},
    "issue": {"align": "left", "border": 1},
    "issue_c": {"align": "center", "border": 1},
    "issue_red": {"align": "center", "border": 1, "bg_color": "#" + RED},
    "link": {"align": "left", "border": 1, "font_color": "#0563C1", "underline": 1},
    "yellow": {"bg_color": "#" + YELLOW},
    "red": {"bg_color": "#" + RED, "bold": True, "font_color": "#9C0006"},
}


class _Styles:
    """Formats of the workbook, made once each (XlsxWriter wants a format object per
    combination)."""

    def __init__(self, wb: Workbook) -> None:
        self._wb = wb
        self._made: dict[str, object] = {}

    def __call__(self, key: str, num_format: str | None = None):
        name = key if num_format is None else f"{key} {num_format}"
        fmt = self._made.get(name)
        if fmt is None:
            props = {**_BASE, **_STYLES[key]}
            if num_format is not None:
                props["num_format"] = num_format
            if key in ("yellow", "red"):
                props = dict(_STYLES[key])
            fmt = self._made[name] = self._wb.add_format(props)
        return fmt


# ---- the workbook --------------------------------------------------------------------


def export_xlsx(report: Report, path, validation: Validation | None = None) -> list[str]:
    """Write `report` as an Excel workbook at `path` (atomically). Returns Chinese
    warnings; raises exporters.ExportError when the file cannot be written, or
    for a report outside model.limits."""
    from exporters import atomic_output, check_exportable

    check_exportable(report)
    if validation is None:
        validation = _validate(report)
    with atomic_output(path) as tmp:
        warnings = write_workbook(report, validation, tmp)
    return warnings


def _validate(report: Report) -> Validation:
    from model.rules import validate

    return validate(report)


def write_workbook(report: Report, validation: Validation | None, path) -> list[str]:
    """Build and write the workbook at `path`; returns its warnings."""
    from xlsxwriter import Workbook

    spec = report.spec
    wb = Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    _default_font(wb)
    st = _Styles(wb)
    clean = _Cleaner()
    meta_ws = wb.add_worksheet(s.META_SHEET)
    unit_refs, meta_rows = _write_meta(wb, meta_ws, report, st, clean)
    layouts: dict[str, TableLayout] = {}
    for table in spec.tables:
        ws = wb.add_worksheet(table.sheet_name)
        layouts[table.id] = _write_table(ws, report, table, st, unit_refs)
    _write_issues(wb.add_worksheet(s.ISSUES_SHEET), report, validation, layouts, meta_rows, st)

    wb.define_name(s.MARKER_NAME, f'="{spec.id}"')
    wb.set_custom_property(s.MARKER_APP, spec.id)
    wb.set_properties({"title": _title(report), "author": "年报填报助手"})
    meta_ws.activate()  # opens on 基本信息, the tables follow in the report's order
    _close(wb)

    warnings = list(clean.warnings)
    blanks = len(report.blank_inputs())
    if blanks:
        warnings.append(s.WARN_BLANKS.format(n=blanks))
    return warnings


def _close(wb: Workbook) -> None:
    """Write the file; a failed write is the OSError behind XlsxWriter's own error,
    so atomic_output names its reason (disk full, no permission …)."""
    from xlsxwriter.exceptions import FileCreateError

    try:
        wb.close()
    except FileCreateError as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
        raise (cause or OSError(str(exc))) from exc


def _default_font(wb: Workbook) -> None:
    """The workbook's 常规 style in 宋体 10.5 instead of Calibri 11. Excel measures
    column widths in digits of this font: 宋体's half-width digit is exactly half a
    Chinese character, so a width of 2 holds one character, as `text_width` counts,
    and empty or unstyled cells match the tables."""
    default = wb.formats[0]
    default.set_font_name(FONT_NAME)
    default.set_font_size(FONT_SIZE)
    default.set_font_charset(134)
    default.set_font_family(3)


def _title(report: Report) -> str:
    return s.META_TITLE.format(agency=report.meta.agency, year=report.meta.year)


def _print_setup(ws: Worksheet, title_rows: int, landscape: bool = False) -> None:
    ws.set_paper(9)  # A4
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    if title_rows:
        ws.repeat_rows(0, title_rows - 1)


def _protect(ws: Worksheet) -> None:
    """Protected without a password: totals and labels cannot be overwritten by
    accident, column widths and row heights can still be changed."""
    ws.protect("", {"format_columns": True, "format_rows": True})


def _text(ws: Worksheet, r: int, c: int, text: str, fmt=None) -> None:
    """Write a string as a string at 1-based (r, c), even when it starts with '='
    (no formula injection); an empty one leaves the cell empty."""
    if text:
        ws.write_string(r - 1, c - 1, text, fmt)
    else:
        ws.write_blank(r - 1, c - 1, None, fmt)


def _merge(ws: Worksheet, r1: int, c1: int, r2: int, c2: int, value, fmt) -> None:
    """Merge a 1-based range; every cell of it gets `fmt` (borders all round)."""
    if (r1, c1) == (r2, c2):
        ws.write(r1 - 1, c1 - 1, value, fmt)
    else:
        ws.merge_range(r1 - 1, c1 - 1, r2 - 1, c2 - 1, "", fmt)
        if isinstance(value, str):
            ws.write_string(r1 - 1, c1 - 1, value, fmt)
        elif value is not None:
            ws.write(r1 - 1, c1 - 1, value, fmt)


def _title_row(ws: Worksheet, text: str, n_cols: int, st: _Styles) -> None:
    _merge(ws, 1, 1, 1, max(n_cols, 1), text, st("title"))
    ws.set_row(0, 28)


# ---- 基本信息 --------------------------------------------------------------------------


def _write_meta(
    wb: Workbook, ws: Worksheet, report: Report, st: _Styles, clean: _Cleaner
) -> tuple[dict[str, tuple[str, str]], dict[str, int]]:
    """The meta sheet; returns the absolute reference and the value of the unit
    cells by cell id, and the row of each label."""
    import datetime as dt

    spec, meta = report.spec, report.meta
    _title_row(ws, clean(_title(report), s.META_AGENCY), 2, st)
    _text(ws, 2, 1, s.META_HEAD_ITEM, st("head"))
    _text(ws, 2, 2, s.META_HEAD_VALUE, st("head"))
    ws.set_row(1, ROW_HEIGHT)

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
        for label, chunk in text_rows(section.heading, text):
            text_labels.add(label)
            rows.append((label, chunk, True))

    row_of: dict[str, int] = {}
    for i, (label, value, editable) in enumerate(rows):
        r = 3 + i
        row_of[label] = r
        _text(ws, r, 1, label, st("meta_label"))
        key = "meta_text" if label in text_labels else "meta_value" if editable else "meta_fixed"
        if label == s.META_DATE:
            fmt = st(key, s.DATE_NUMBER_FORMAT)
            if isinstance(value, dt.date):
                ws.write_datetime(r - 1, 1, dt.datetime(value.year, value.month, value.day), fmt)
            else:
                ws.write_blank(r - 1, 1, None, fmt)
        elif label == s.META_YEAR:
            ws.write_number(r - 1, 1, value, st(key, "0"))
        elif isinstance(value, str):
            _text(ws, r, 2, value, st(key))
        else:
            ws.write_blank(r - 1, 1, None, st(key))
        if isinstance(value, str) and label in text_labels:
            lines = lines_needed(value, META_VALUE_WIDTH)
            ws.set_row(r - 1, min(MAX_ROW_HEIGHT, max(lines, 3) * META_LINE_HEIGHT + 4))
        else:  # the same row height as the tables, not the default's cramped one
            lines = lines_needed(str(value or ""), META_VALUE_WIDTH)
            ws.set_row(r - 1, ROW_HEIGHT if lines == 1 else lines * LINE_HEIGHT + 6)

    machine_row = 3 + len(rows)
    for label, payload in _machine_rows(report):
        _text(ws, machine_row, 1, label)
        _text(ws, machine_row, 2, payload)
        ws.set_row(machine_row - 1, None, None, {"hidden": True})
        machine_row += 1
    _merge(ws, machine_row, 1, machine_row, 2, s.META_NOTE, st("plain"))
    ws.set_row(machine_row - 1, 2 * LINE_HEIGHT + 4)

    kinds = [KIND_NAMES[k] for k in KIND_NAMES]
    checks = [
        (
            s.META_YEAR,
            {"validate": "integer", "criteria": "between", "minimum": 2019, "maximum": 2100},
            s.DV_YEAR,
        ),
        (
            s.META_KIND,
            {"validate": "list", "source": kinds},
            s.DV_KIND.format(kinds="、".join(kinds)),
        ),
        (
            s.META_DATE,
            {
                "validate": "date",
                "criteria": "between",
                "minimum": dt.date(2000, 1, 1),
                "maximum": dt.date(2099, 12, 31),
            },
            s.DV_DATE,
        ),
    ]
    for label, options, message in checks:
        ws.data_validation(row_of[label] - 1, 1, row_of[label] - 1, 1, _dv(options, message))
    unit_refs: dict[str, tuple[str, str]] = {}
    for cell in money:
        r = row_of[_unit_label(cell)]
        options = {"validate": "list", "source": list(cell.units)}
        ws.data_validation(
            r - 1, 1, r - 1, 1, _dv(options, s.DV_UNIT.format(units="、".join(cell.units)))
        )
        unit_refs[cell.id] = (
            sheet_ref(s.META_SHEET, ref(r, 2, absolute=True)),
            report.unit(cell.id) or "",
        )

    ws.set_column(0, 0, 30)
    ws.set_column(1, 1, META_VALUE_WIDTH)
    ws.freeze_panes(2, 1)
    _print_setup(ws, 2, landscape=True)
    _protect(ws)
    return unit_refs, row_of


def _machine_rows(report: Report) -> list[tuple[str, str]]:
    """Hidden label/JSON rows that only the importer reads: the 信息处理费 extras,
    last year's figures and texts (without them a report started from last year's
    would lose its R7/R8 reference on the way through Excel), and the totals an
    imported document printed differently from their parts (without them the R16
    errors would vanish on the way through Excel), and the summary marker. Long
    JSON continues on （续） rows, as long texts do."""
    from model.drafts import extras_to_dict, previous_to_dict, printed_to_dict

    out: list[tuple[str, str]] = []
    if report.extras:
        extras = extras_to_dict(report.extras)
        out.append((s.META_EXTRAS, json.dumps(extras, ensure_ascii=False)))
    if report.previous is not None:
        payload = json.dumps(previous_to_dict(report.previous), ensure_ascii=False)
        out += continued(s.META_PREVIOUS, payload)
    if report.printed():
        payload = json.dumps(printed_to_dict(report.printed()), ensure_ascii=False)
        out += continued(s.META_PRINTED, payload)
    if report.meta.year_pending:
        # the year guessed on import: still pending after the trip through Excel,
        # unless the officer changes the year there (which confirms it, as in the window)
        out.append((s.META_YEAR_PENDING, str(report.meta.year)))
    out += _summary_rows(report)
    return out


def text_rows(label: str, text: str) -> list[tuple[str, str]]:
    """`text` on rows of at most META_TEXT_LINES lines, so every line is visible and
    printed (a row cannot be taller than 409 pt): the first under `label`, the rest
    under 「label（续）」, which the importer joins again. Rows end at the end of a
    paragraph, or of a sentence, or where a row is full; the pieces join back to
    `text` exactly."""
    chunks = _pieces(text, META_TEXT_LINES)
    return [
        (label if i == 0 else s.META_CONTINUED.format(heading=label), chunk)
        for i, chunk in enumerate(chunks or [""])
    ]


def _fits(text: str, max_lines: int) -> bool:
    return lines_needed(text, META_VALUE_WIDTH) <= max_lines and len(text) <= MAX_CELL_CHARS


def _pieces(text: str, max_lines: int) -> list[str]:
    """`text` cut into pieces that each fit `max_lines` lines: at paragraph ends
    first, then at sentence ends, then between characters."""
    out: list[str] = []
    for unit in (r"(?<=\n)", r"(?<=[。！？；])"):
        if _fits(text, max_lines):
            break
        parts = [p for p in re.split(unit, text) if p]
        if len(parts) > 1:
            for part in _pack_pieces(parts, max_lines):
                out += _pieces(part, max_lines) if not _fits(part, max_lines) else [part]
            return out
    if _fits(text, max_lines):
        return [text] if text else []
    cut = len(text)
    while cut > 1 and not _fits(text[:cut], max_lines):
        cut = max(1, cut * 3 // 4) if cut > 64 else cut - 1
    while cut < len(text) and _fits(text[: cut + 1], max_lines):
        cut += 1
    return [text[:cut], *_pieces(text[cut:], max_lines)]


def _pack_pieces(parts: list[str], max_lines: int) -> list[str]:
    """Consecutive parts joined into as few pieces as fit (a part too long alone
    stays alone, to be cut further)."""
    out: list[str] = []
    for part in parts:
        if out and _fits(out[-1] + part, max_lines):
            out[-1] += part
        else:
            out.append(part)
    return out


def _summary_rows(report: Report) -> list[tuple[str, str]]:
    """A summary (汇总) says so in the workbook too: a roll-up that meets this file
    later must not count it as one more agency, whatever name the summary bears."""
    from model.summary_marker import encode

    if report.summary is None:
        return []
    return continued(s.META_SUMMARY, encode(report.summary))


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


def _dv(options: dict, message: str) -> dict:
    return {
        **options,
        "error_message": message,
        "error_title": s.DV_TITLE,
        "show_error": True,
        "ignore_blank": True,
    }


# ---- the table sheets ----------------------------------------------------------------


def _col_widths(table: TableSpec, report: Report | None = None) -> list[float]:
    """Column widths in Excel's units (digits of the default font): the official
    proportions, and a number column at least as wide as the widest number this
    report shows in it, totals included, so no cell shows 「###」."""
    target = TABLE_WIDTH.get(table.id, DEFAULT_TABLE_WIDTH)
    total = sum(table.col_widths)
    widths = [round(w * target / total, 1) for w in table.col_widths]
    if report is None:
        return widths
    for g in table.grid:
        if g.role is Role.VALUE and g.cell:
            need = text_width(_shown(report, table.cell_by_id[g.cell])) + NUMBER_PADDING
            for c in range(g.col, g.col + g.colspan):
                widths[c] = max(widths[c], round(need / g.colspan + 0.05, 1))
    return widths


def _shown(report: Report, cell: CellSpec) -> str:
    """What a value cell displays: the number in its number format ("" when blank)."""
    value = report.value(cell.id)
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _cached(value) -> float | int:
    """A value for a formula's stored result: the model's, 0 for a blank one (what SUM
    gives over empty cells, as the R1 check row sums)."""
    if value is None:
        return 0
    return float(value) if isinstance(value, Decimal) else value


def _total_formula(terms: list[str]) -> str:
    """A total that is blank when every term is blank, as the model's and the Word
    document's (a total is blank only when all its parts are)."""
    args = ",".join(terms)
    return f'=IF(COUNT({args})=0,"",SUM({args}))'


def _total_result(value) -> float | int | str:
    return "" if value is None else _cached(value)


def _write_table(
    ws: Worksheet,
    report: Report,
    table: TableSpec,
    st: _Styles,
    unit_refs: dict[str, tuple[str, str]],
) -> TableLayout:
    spec = report.spec
    lay = table_layout(table, spec.rules)
    widths = _col_widths(table, report)
    section = spec.section_by_id[table.section]
    _title_row(ws, section.heading, table.n_cols, st)
    for i, w in enumerate(widths):
        ws.set_column(i, i, w)

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
        ws.set_row(r - 1, min(MAX_ROW_HEIGHT, heights.get(r, ROW_HEIGHT)))

    # blank inputs in yellow, so what is left to fill stands out
    inputs = ranges(lay.address[c.id] for c in table.inputs)
    if inputs:
        first = inputs[0].split(":")[0]
        ws.conditional_format(
            inputs[0],
            {
                "type": "formula",
                "criteria": f"=LEN({first})=0",
                "format": st("yellow"),
                "multi_range": " ".join(inputs),
            },
        )
    _add_validations(ws, table, lay)

    after = lay.last_row + 1
    for rule in spec.rules:
        if isinstance(rule, BalanceRule) and rule.table == table.id and lay.check_row:
            _write_check_row(ws, report, table, rule, lay, st)
            ws.conditional_format(
                f"{ref(lay.check_row, table.label_cols + 1)}:{ref(lay.check_row, table.n_cols)}",
                {"type": "cell", "criteria": "!=", "value": f'"{s.CHECK_OK}"', "format": st("red")},
            )
    for cell in table.inputs:
        if cell.id in unit_refs:
            target, unit = unit_refs[cell.id]
            what = f"{cell.col_label}（{cell.row_label}）"
            note = s.UNIT_NOTE.format(what=what)
            formula = f'="{note}"&{target}&"{s.UNIT_NOTE_TAIL}"'
            ws.merge_range(after - 1, 0, after - 1, table.n_cols - 1, "", st("plain"))
            ws.write_formula(after - 1, 0, formula, st("plain"), f"{note}{unit}{s.UNIT_NOTE_TAIL}")
            after += 1

    ws.freeze_panes(TOP - 1 + table.header_rows, table.label_cols)
    # a table widened by big numbers prints across a landscape page, at a legible scale
    _print_setup(ws, TOP - 1 + table.header_rows, landscape=sum(widths) > LANDSCAPE_WIDTH)
    _protect(ws)
    return lay


def _write_grid_cell(
    ws: Worksheet, report: Report, table: TableSpec, g: GridCell, lay: TableLayout, st: _Styles
) -> None:
    r, c = g.row + TOP, g.col + 1
    r2, c2 = r + g.rowspan - 1, c + g.colspan - 1
    if g.role is Role.VALUE and g.cell:
        spec = table.cell_by_id[g.cell]
        if spec.computed:
            terms = ranges(lay.address[t] for t in spec.terms)
            fmt = st("total")
            if (r, c) != (r2, c2):
                ws.merge_range(r - 1, c - 1, r2 - 1, c2 - 1, "", fmt)
            formula = _total_formula(terms)
            ws.write_formula(r - 1, c - 1, formula, fmt, _total_result(report.value(g.cell)))
            return
        value = report.input_value(g.cell)
        if isinstance(value, Decimal):
            number_format = money_format(value)
        else:
            number_format = "General" if spec.kind is ValueKind.MONEY else "0"
        fmt = st("input", number_format)
        if isinstance(value, Decimal):
            value = float(value)
        _merge(ws, r, c, r2, c2, value, fmt)
        return
    if g.role is Role.CAPTION:
        key = "caption"
    elif g.role is Role.HEADER:
        key = "header_v" if g.vertical else "header"
    elif g.role is Role.LABEL:
        key = "label_v" if g.vertical else "label"
    else:
        key = "cell"
    _merge(ws, r, c, r2, c2, g.text or None, st(key))


def _add_validations(ws: Worksheet, table: TableSpec, lay: TableLayout) -> None:
    groups: dict[tuple[ValueKind, int], list[tuple[int, int]]] = {}
    for cell in table.inputs:
        groups.setdefault((cell.kind, cell.decimals), []).append(lay.address[cell.id])
    for (kind, decimals), coords in groups.items():
        if kind is ValueKind.COUNT:
            options = {"validate": "integer", "criteria": ">=", "value": 0}
            message = s.DV_COUNT
        elif kind is ValueKind.SIGNED_COUNT:
            options = {
                "validate": "integer",
                "criteria": "between",
                "minimum": -999999999,
                "maximum": 999999999,
            }
            message = s.DV_SIGNED
        else:
            options = {"validate": "decimal", "criteria": ">=", "value": 0}
            message = s.DV_MONEY.format(decimals=decimals)
        rngs = ranges(coords)
        first = rngs[0].split(":")
        (r1, c1), (r2, c2) = _cell(first[0]), _cell(first[-1])
        ws.data_validation(r1, c1, r2, c2, {**_dv(options, message), "multi_range": " ".join(rngs)})


def _cell(address: str) -> tuple[int, int]:
    """0-based (row, col) of an A1 address."""
    from xlsxwriter.utility import xl_cell_to_rowcol

    return xl_cell_to_rowcol(address)


def _write_check_row(
    ws: Worksheet,
    report: Report,
    table: TableSpec,
    rule: BalanceRule,
    lay: TableLayout,
    st: _Styles,
) -> None:
    """R1 per column: 「一致」, or left minus right when they differ; the stored
    result is what the model's values give."""
    r = lay.check_row
    assert r is not None
    label = s.CHECK_LABEL.format(left=rule.left_name, right=rule.right_name)
    _merge(ws, r, 1, r, max(table.label_cols, 1), label, st("check_label"))
    ws.set_row(
        r - 1,
        lines_needed(label, sum(_col_widths(table, report)[: table.label_cols])) * LINE_HEIGHT + 6,
    )
    for col in rule.columns:
        left_ids = [table.cell_id(row, col) for row in rule.left]
        right_ids = [table.cell_id(row, col) for row in rule.right]
        left = [lay.address[c] for c in left_ids]
        right = [lay.address[c] for c in right_ids]
        lsum = "SUM(" + ",".join(ref(*a) for a in left) + ")"
        rsum = "SUM(" + ",".join(ref(*a) for a in right) + ")"
        diff = sum(_cached(report.value(c)) for c in left_ids) - sum(
            _cached(report.value(c)) for c in right_ids
        )
        result = s.CHECK_OK if diff == 0 else diff
        ws.write_formula(
            r - 1,
            left[0][1] - 1,
            f'=IF({lsum}={rsum},"{s.CHECK_OK}",{lsum}-{rsum})',
            st("check"),
            result,
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
    n_cols = len(s.ISSUES_HEAD)
    _title_row(ws, s.ISSUES_TITLE, n_cols, st)
    for i, text in enumerate(s.ISSUES_HEAD):
        _text(ws, 2, i + 1, text, st("head"))
    ws.set_row(1, ROW_HEIGHT)
    for i, w in enumerate(ISSUES_WIDTHS):
        ws.set_column(i, i, w)
    issues = validation.issues if validation is not None else ()
    r = 3
    for issue in issues:
        where, what, location = _where(report, issue.cell, layouts, meta_rows)
        values = (issue.severity.label, issue.rule, where, what, issue.message)
        for i, v in enumerate(values):
            key = "issue_c" if i < 2 else "issue"
            if i == 0 and issue.severity.rank == 0:
                key = "issue_red"
            if i == 2 and location:
                # the link holds only the short address: LibreOffice does not wrap a
                # cell with a hyperlink, so a long text there would be cut off
                ws.write_url(r - 1, i, f"internal:{location}", st("link"), string=v)
            else:
                _text(ws, r, i + 1, v, st(key))
        lines = max(
            lines_needed(text, width)
            for text, width in zip(values[2:], ISSUES_WIDTHS[2:], strict=True)
        )
        ws.set_row(r - 1, min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 6))
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
    _merge(ws, r + 1, 1, r + 1, n_cols, summary, st("plain"))
    ws.freeze_panes(2, 0)
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
