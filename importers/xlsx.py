"""Reading back a workbook our Excel export produced, after someone edited it.

The file is checked for zip bombs and XML entity tricks before openpyxl parses it
(openpyxl itself parses through defusedxml when it is installed, a second line).
It is opened read-only (fast; merged ranges are then read from the sheet part).
The workbook is recognised by the hidden marker the exporter writes (a defined
name, or a custom document property, holding the format id). Values are then
read by their labels, never by fixed positions: each table sheet is walked top
to bottom, header rows give every column its header path, label cells give
every row its label path, and a number is taken when (row path, column path)
names an input cell of the spec. Inserted rows, moved blocks or widened columns
therefore still import; whatever cannot be read is reported in a Chinese note.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exporters import xlsx_strings as s
from importers import ImportRefused, ImportResult, readable_text
from importers import strings as import_strings
from importers.safety import check_office_zip
from importers.strings import OUT_OF_LIMITS, SHEET_TOO_LARGE
from model import limits
from model import messages as msg
from model.drafts import check_within_limits
from model.formats import FORMATS, FormatSpec, format_for_year
from model.messages import KIND_NAMES
from model.report import Report
from model.spec import CellSpec, Role, TableSpec, ValueKind
from model.values import (
    InvalidValue,
    Value,
    check_amount,
    check_value,
    format_value,
    parse_value,
    plain_amount,
    to_unit,
)

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook

SUFFIXES = (".xlsx", ".xlsm")
_CHECK_PREFIX = s.CHECK_LABEL.split("{", 1)[0]
_FLOAT_NOISE = Decimal("1e-9")
_FORMULA_QUOTE = 40  # characters of a formula quoted in a note


def norm(text: object) -> str:
    """A label as a matching key: NFKC, without any whitespace (users re-wrap labels)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))


def import_xlsx(path) -> ImportResult:
    """Read a workbook exported by this program. Raises ImportRefused (Chinese) for a
    file that is not ours, broken or hostile, with a sheet reaching past the table
    limits, or holding a text or name beyond model.limits; a cell it cannot take
    (Infinity, 10^30, a word) becomes a note, like everything else."""
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise ImportRefused(s.NOT_XLSX.format(name=path.name))
    check_office_zip(path)
    wb = _load(path)
    try:
        result = _import(wb, _Sheets(wb, path.name), path.name)
        check_within_limits(result.report)  # what a draft must keep to, to open again
    except InvalidValue as exc:  # a text, a name or a value beyond model.limits
        raise ImportRefused(OUT_OF_LIMITS.format(name=path.name, reason=exc)) from None
    except SheetTooLarge as exc:
        raise ImportRefused(
            SHEET_TOO_LARGE.format(
                name=path.name,
                sheet=exc.title,
                rows=limits.MAX_TABLE_ROWS,
                cols=limits.MAX_TABLE_COLS,
            )
        ) from None
    finally:
        wb.close()  # read-only workbooks keep the file open
    return result


def _import(wb: Workbook, sheets: _Sheets, name: str) -> ImportResult:
    notes: list[str] = []
    spec = _format_of(wb, sheets, name, notes)
    meta = _read_meta(sheets, spec, notes)
    report = Report(spec, meta.year, meta.agency, meta.kind, meta.date)
    if meta.year_guessed or meta.pending_year == str(meta.year):  # a guess, still
        report.set_meta(year_pending=True)
    for section_id, text in meta.texts.items():
        report.set_text(section_id, text)
    for cell_id, unit in meta.units.items():
        report.set_unit(cell_id, unit)
    if meta.extras is not None:
        _set_extras(report, meta.extras, notes)
    if meta.previous:
        _set_previous(report, meta.previous, notes)
    if meta.printed:
        _set_printed(report, meta.printed, notes)
    if meta.summary:
        _set_summary(report, meta.summary, notes)

    values: dict[str, Value] = {}
    formula_cells = 0
    shown_totals: list[tuple[TableSpec, str, str, float]] = []
    found_any = False
    claimed = {s.META_SHEET, s.ISSUES_SHEET, *(t.sheet_name for t in spec.tables)}
    for table in spec.tables:
        read = _read_table_anywhere(sheets, table, claimed, notes)
        if read is None:
            continue
        found_any = found_any or bool(read.found)
        values.update(read.values)
        notes.extend(read.notes)
        formula_cells += len(read.formulas)
        shown_totals += [(table, cid, addr, v) for cid, (addr, v) in read.totals.items()]
    if not found_any:
        raise ImportRefused(s.NOTHING_READ.format(name=name))
    notes.extend(_copy_notes(sheets, spec, claimed, values))
    report.set_values(values)  # every value was checked one by one already
    notes.extend(_total_notes(report, shown_totals))
    blanks = len(report.blank_inputs()) - formula_cells  # those are named above
    if blanks:
        notes.append(s.NOTE_BLANKS.format(n=blanks))
    try:
        expected = format_for_year(report.meta.year)
    except KeyError:
        expected = None
    if expected is not None and expected.id != spec.id:
        notes.append(
            s.NOTE_YEAR_FORMAT.format(
                year=report.meta.year, expected=_format_name(expected), actual=_format_name(spec)
            )
        )
    return ImportResult(report, notes)


def _total_notes(report: Report, shown: list[tuple[TableSpec, str, str, float]]) -> list[str]:
    """Totals are computed from the inputs; where the workbook shows another number
    (typed over a formula, a result not recalculated, inputs that could not all be
    read), that number is kept as the report's printed total (R16, as for a Word
    or web report): validation reports it until the officer corrects the parts or
    accepts the computed total. A shown number no total could hold is only named."""
    notes = []
    for table, cell_id, address, value in shown:
        want = report.value(cell_id) or 0
        if Decimal(repr(value)) == want:
            continue
        cell = report.spec.cell_by_id[cell_id]
        fields = dict(
            sheet=table.sheet_name,
            address=address,
            row=cell.row_label,
            col=cell.col_label,
            shown=_as_text(value),
            total=want,
        )
        number = Decimal(repr(value))
        try:
            report.set_printed({cell_id: number})
        except InvalidValue:
            notes.append(s.NOTE_TOTAL_DIFFERS.format(**fields))
            continue
        notes.append(s.NOTE_TOTAL_KEPT.format(**fields))
    return notes


def _format_name(spec: FormatSpec) -> str:
    return f"{spec.id}年格式"


# ---- opening --------------------------------------------------------------------------


@contextlib.contextmanager
def _parsing(name: str) -> Iterator[None]:
    """Turn whatever openpyxl raises on a broken or hostile file into ImportRefused."""
    from defusedxml import DefusedXmlException

    try:
        yield
    except (ImportRefused, SheetTooLarge):
        raise
    except Exception as exc:  # a hostile or broken file may fail anywhere inside openpyxl
        cause: BaseException | None = exc
        while cause is not None:  # openpyxl wraps parser errors in a ValueError
            if isinstance(cause, DefusedXmlException):
                raise ImportRefused(s.ENTITIES.format(name=name)) from exc
            cause = cause.__cause__ or cause.__context__
        raise ImportRefused(s.BROKEN.format(name=name)) from exc


def _load(path: Path) -> Workbook:
    """Read-only mode: several times faster than a full load, which restyles every
    merged range. Worksheets are parsed lazily, so reads go through `_parsing` too."""
    import openpyxl

    with _parsing(path.name):
        return openpyxl.load_workbook(path, read_only=True, data_only=True)


@dataclass
class _Sheet:
    """One worksheet's values, with every merged range's value copied into all its
    cells; `shadow` holds those copies (not real cells: never read a number there)."""

    title: str
    grid: list[list[object]]
    shadow: set[tuple[int, int]]
    formats: dict[tuple[int, int], str]  # number formats of cells holding a number

    def value(self, r: int, c: int) -> object:
        return None if (r, c) in self.shadow else self.grid[r - 1][c - 1]


class _Sheets:
    """Worksheets read once each, on demand."""

    def __init__(self, wb: Workbook, name: str) -> None:
        self.wb, self.name = wb, name
        self._read: dict[str, _Sheet] = {}

    @property
    def names(self) -> list[str]:
        return list(self.wb.sheetnames)

    def __contains__(self, title: str) -> bool:
        return title in self.wb.sheetnames

    def __getitem__(self, title: str) -> _Sheet:
        if title not in self._read:
            with _parsing(self.name):
                self._read[title] = _read_sheet(self.wb[title])
        return self._read[title]

    def formulas(self, title: str) -> dict[tuple[int, int], str]:
        """The formulas of a worksheet by (row, column): the workbook is opened for
        stored results (data_only), which hides formulas, so the part is read
        again, formulas only, when an input was found empty."""
        with _parsing(self.name):
            return _formulas(self.wb[title])


class SheetTooLarge(Exception):
    """A worksheet holds content beyond model.limits' rows or columns."""

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self.title = title


def _formulas(ws) -> dict[tuple[int, int], str]:
    from openpyxl.worksheet._reader import WorkSheetParser

    out: dict[tuple[int, int], str] = {}
    with ws.parent._archive.open(ws._worksheet_path) as src:
        parser = WorkSheetParser(src, ws._shared_strings, data_only=False)
        for _row, cells in parser.parse():
            for cell in cells:
                if cell["data_type"] == "f":
                    text = getattr(cell["value"], "text", cell["value"])  # array formulas
                    out[(cell["row"], cell["column"])] = str(text or "")
    return out


def _read_sheet(ws) -> _Sheet:
    """A read-only worksheet's values as a grid, one pass over its part.

    Rows and cells are taken from the part itself, not from its <dimension> tag
    (which may be wrong) and not row by row from 1 (a row numbered 10^12 would
    take forever): only cells holding a value count. A value beyond
    MAX_TABLE_ROWS × MAX_TABLE_COLS raises SheetTooLarge; cells that only carry
    formatting are ignored wherever they are."""
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.worksheet._reader import WorkSheetParser

    wb = ws.parent
    values: dict[tuple[int, int], object] = {}
    formats: dict[tuple[int, int], str] = {}  # number formats of cells holding a number
    with ws._get_source() as src:
        parser = WorkSheetParser(
            src,
            ws._shared_strings,
            data_only=wb.data_only,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        for _index, row in parser.parse():
            for cell in row:
                value = cell["value"]
                if value is None:
                    continue
                r, c = cell["row"], cell["column"]
                if not (0 < r <= limits.MAX_TABLE_ROWS and 0 < c <= limits.MAX_TABLE_COLS):
                    raise SheetTooLarge(ws.title)
                values[(r, c)] = value
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    formats[(r, c)] = ReadOnlyCell(ws, **cell).number_format
        merged = _merged_ranges(parser.merged_cells)
    height = max((r for r, _c in values), default=0)
    width = max((c for _r, c in values), default=0)
    for r1, c1, r2, c2 in merged:  # a merged label may reach past the last value
        if r1 <= height and c1 <= width:
            height = max(height, min(r2, limits.MAX_TABLE_ROWS))
            width = max(width, min(c2, limits.MAX_TABLE_COLS))
    grid: list[list[object]] = [[None] * width for _ in range(height)]
    for (r, c), value in values.items():
        grid[r - 1][c - 1] = value
    shadow: set[tuple[int, int]] = set()
    for r1, c1, r2, c2 in merged:
        if r1 > height or c1 > width:
            continue
        value = grid[r1 - 1][c1 - 1]
        for r in range(r1, min(r2, height) + 1):
            for c in range(c1, min(c2, width) + 1):
                if (r, c) != (r1, c1):
                    if (r, c) in shadow:  # overlapping merges: not something Excel writes
                        raise ValueError(f"overlapping merged ranges in {ws.title}")
                    grid[r - 1][c - 1] = value
                    shadow.add((r, c))
    return _Sheet(ws.title, grid, shadow, formats)


def _merged_ranges(merged) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of every merged range the part lists."""
    from openpyxl.utils.cell import range_boundaries

    out = []
    for item in getattr(merged, "mergeCell", None) or ():
        min_col, min_row, max_col, max_row = range_boundaries(item.ref)
        if min(min_col, min_row, max_col, max_row) < 1:
            raise ValueError(f"bad merged range {item.ref}")
        out.append((min_row, min_col, max_row, max_col))
    return out


def _marker(wb: Workbook) -> str | None:
    name = wb.defined_names.get(s.MARKER_NAME)
    if name is not None and name.attr_text:
        return name.attr_text.strip().strip('"')
    for prop in wb.custom_doc_props:
        if prop.name == s.MARKER_APP and prop.value:
            return str(prop.value).strip()
    return None


def _is_compare_table(wb: Workbook, sheets: _Sheets) -> bool:
    """Whether the workbook is a 同比表 (exporters/compare_xlsx.py): its marker, or
    its title where a tool dropped the marker."""
    if any(prop.name == s.COMPARE_MARKER for prop in wb.custom_doc_props):
        return True
    if s.COMPARE_TITLE_WORD in (wb.properties.title or ""):
        return True
    if s.COMPARE_SUMMARY_SHEET in sheets and sheets[s.COMPARE_SUMMARY_SHEET].grid:
        first = sheets[s.COMPARE_SUMMARY_SHEET].grid[0]
        return bool(first) and s.COMPARE_TITLE_WORD in str(first[0] or "")
    return False


def _format_of(wb: Workbook, sheets: _Sheets, name: str, notes: list[str]) -> FormatSpec:
    if _is_compare_table(wb, sheets):
        raise ImportRefused(s.COMPARE_NOT_A_REPORT.format(name=name))
    marker = _marker(wb)
    if marker is not None:
        if marker not in FORMATS:
            raise ImportRefused(s.UNKNOWN_FORMAT_MARK.format(name=name, format=marker))
        return FORMATS[marker]
    # no marker (a tool dropped it): accept our meta sheet naming a known format
    if s.META_SHEET in sheets:
        pairs = _label_pairs(sheets[s.META_SHEET])
        text = norm((pairs.get(norm(s.META_FORMAT)) or [""])[0] or "")
        for spec in FORMATS.values():
            if text and norm(spec.issued_by) in text:
                notes.append(s.NOTE_MARKER_MISSING.format(format=_format_name(spec)))
                return spec
    raise ImportRefused(s.NOT_OURS.format(name=name))


# ---- 基本信息 --------------------------------------------------------------------------


@dataclass
class _Meta:
    agency: str = ""
    year: int = 0
    kind: str = "department"
    date: dt.date | None = None
    texts: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    extras: Any = None
    previous: str = ""  # last year's data as the exporter wrote it (JSON)
    printed: str = ""  # totals an imported document printed (JSON), see Report.printed
    pending_year: str = ""  # the year still to be confirmed (see Report meta.year_pending)
    year_guessed: bool = False  # no readable year in the sheet: the format's first year
    summary: str = ""  # the summary marker (JSON), see Report.summary


def _label_pairs(sheet: _Sheet) -> dict[str, list[object]]:
    """Label -> the values right of it, in sheet order, for label/value rows."""
    pairs: dict[str, list[object]] = {}
    for r, row in enumerate(sheet.grid, start=1):
        for c, value in enumerate(row[:-1], start=1):
            if isinstance(value, str) and value.strip() and (r, c) not in sheet.shadow:
                pairs.setdefault(norm(value), []).append(sheet.value(r, c + 1))
                break
    return pairs


def _read_meta(sheets: _Sheets, spec: FormatSpec, notes: list[str]) -> _Meta:
    meta = _Meta(year=spec.first_year)
    pairs = _label_pairs(sheets[s.META_SHEET]) if s.META_SHEET in sheets else {}

    def get(label: str, required: bool = True) -> tuple[bool, object]:
        key = norm(label)
        if key not in pairs:
            if required:
                notes.append(s.NOTE_META_MISSING.format(label=label))
            return False, None
        return True, pairs[key][0]

    ok, value = get(s.META_AGENCY)
    agency = _as_text(value).strip() if ok else ""
    meta.agency = readable_text(agency, import_strings.AGENCY_WHERE, notes, one_line=True)

    ok, value = get(s.META_YEAR)
    year = _as_year(value) if ok else None
    if year is not None:
        meta.year = year
    else:  # a year nobody wrote: the format's first, to be confirmed (R13)
        meta.year_guessed = True
        if ok:
            fallback = s.NOTE_FALLBACK_YEAR.format(value=meta.year)
            text = s.NOTE_COPY_BLANK if value in (None, "") else value
            notes.append(s.NOTE_META_BAD.format(label=s.META_YEAR, text=text, fallback=fallback))

    ok, value = get(s.META_KIND)
    kinds = {norm(v): k for k, v in KIND_NAMES.items()}
    if ok and value is not None and norm(value) in kinds:
        meta.kind = kinds[norm(value)]
    elif ok:
        fallback = s.NOTE_FALLBACK_DEFAULT.format(value=KIND_NAMES["department"])
        notes.append(s.NOTE_META_BAD.format(label=s.META_KIND, text=value, fallback=fallback))

    ok, value = get(s.META_DATE)
    if ok and value not in (None, ""):
        meta.date = _as_date(value)
        if meta.date is None:
            notes.append(
                s.NOTE_META_BAD.format(
                    label=s.META_DATE, text=value, fallback=s.NOTE_FALLBACK_BLANK
                )
            )

    for cell in spec.inputs:
        if cell.kind is not ValueKind.MONEY or len(cell.units) < 2:
            continue
        label = s.META_UNIT.format(col=cell.col_label, row=cell.row_label)
        ok, value = get(label, required=False)
        if not ok or value in (None, ""):
            continue
        unit = _as_text(value).strip()
        if unit in cell.units:
            meta.units[cell.id] = unit
        else:
            fallback = s.NOTE_FALLBACK_DEFAULT.format(value=cell.unit)
            notes.append(s.NOTE_META_BAD.format(label=label, text=value, fallback=fallback))

    def joined(label: str, required: bool = True) -> str:
        # texts longer than a cell holds continue on （续） rows
        ok, value = get(label, required)
        more = pairs.get(norm(s.META_CONTINUED.format(heading=label)), [])
        return "".join(_as_text(v) for v in ([value] if ok else []) + more)

    for section in spec.text_sections:
        where = import_strings.TEXT_WHERE.format(heading=section.heading)
        meta.texts[section.id] = readable_text(joined(section.heading), where, notes)

    ok, value = get(s.META_EXTRAS, required=False)
    if ok and value:
        try:
            meta.extras = _json(_as_text(value))
        except (ValueError, RecursionError):
            notes.append(s.NOTE_EXTRAS_BAD)
    meta.previous = joined(s.META_PREVIOUS, required=False)
    meta.printed = joined(s.META_PRINTED, required=False)
    meta.summary = joined(s.META_SUMMARY, required=False)
    meta.pending_year = joined(s.META_YEAR_PENDING, required=False).strip()
    return meta


def _json(text: str) -> Any:
    """JSON the exporter wrote; NaN and Infinity (not JSON) are refused as ValueError."""

    def refuse(name: str) -> None:
        raise ValueError(name)

    return json.loads(text, parse_constant=refuse)


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")  # 二〇二三


def _as_year(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        year = value
    elif isinstance(value, float) and value.is_integer():
        year = int(value)
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().translate(_CN_YEAR_DIGITS)
        m = re.fullmatch(r"(\d{4})\s*(?:年度?)?", text)
        if not m:
            return None
        year = int(m.group(1))
    else:
        return None
    return year if limits.MIN_YEAR <= year <= limits.MAX_YEAR else None


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from openpyxl.utils.datetime import from_excel

        try:
            got = from_excel(value)
        except (ValueError, OverflowError, TypeError):
            return None
        return got.date() if isinstance(got, dt.datetime) else None
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        m = re.fullmatch(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?", text)
        if m:
            try:
                return dt.date(*(int(g) for g in m.groups()))
            except ValueError:
                return None
    return None


def _set_extras(report: Report, raw: object, notes: list[str]) -> None:
    """Decode extras the way drafts do (dates and decimals are tagged in JSON)."""
    from model.drafts import DraftError, extras_from_dict

    try:
        decoded = extras_from_dict(raw)
    except (DraftError, KeyError, TypeError, ValueError):
        notes.append(s.NOTE_EXTRAS_BAD)
        return
    for key, value in decoded.items():
        report.set_extra(key, value)


def _set_previous(report: Report, payload: str, notes: list[str]) -> None:
    """Last year's figures and texts, decoded as drafts decode them; a damaged copy is
    noted and left out (the officer can load last year's report again)."""
    from model.drafts import DraftError, previous_from_dict

    try:
        previous = previous_from_dict(_json(payload))
    except DraftError as exc:  # readable, but not what the exporter wrote
        notes.append(s.NOTE_PREVIOUS_BAD.format(reason=exc))
        return
    except (ValueError, TypeError, KeyError, RecursionError):  # cut short or edited by hand
        notes.append(s.NOTE_PREVIOUS_BAD.format(reason=s.PREVIOUS_DAMAGED))
        return
    report.set_previous(previous)


def _set_printed(report: Report, payload: str, notes: list[str]) -> None:
    """Totals a document printed differently from their parts, kept through the
    workbook so that their R16 errors survive it; a damaged copy is noted."""
    from model.drafts import DraftError, printed_from_dict

    try:
        printed = printed_from_dict(json.loads(payload), report.spec)
    except DraftError as exc:
        notes.append(s.NOTE_PRINTED_BAD.format(reason=exc))
        return
    except (ValueError, TypeError, KeyError):
        notes.append(s.NOTE_PRINTED_BAD.format(reason=s.PREVIOUS_DAMAGED))
        return
    report.set_printed(printed)


def _set_summary(report: Report, payload: str, notes: list[str]) -> None:
    """The workbook of a summary (汇总) stays a summary: a roll-up never counts it
    as one more agency. A damaged list of sources still marks it (with no sources
    listed) and is noted: counting it would double every figure."""
    from importers.summary_marker import mark_summary

    notes += mark_summary(report, payload, s.NOTE_SUMMARY_BAD)


# ---- the tables -----------------------------------------------------------------------


@dataclass
class _TableRead:
    found: dict[str, str] = field(default_factory=dict)  # cell id -> address (inputs)
    values: dict[str, Value] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    totals: dict[str, tuple[str, float]] = field(default_factory=dict)  # as the sheet shows
    empty: dict[str, tuple[int, int]] = field(default_factory=dict)  # inputs with no value
    formulas: set[str] = field(default_factory=set)  # inputs holding a formula, no result


def _read_table_anywhere(
    sheets: _Sheets, table: TableSpec, claimed: set[str], notes: list[str]
) -> _TableRead | None:
    if table.sheet_name in sheets:
        read = read_table(sheets[table.sheet_name], table)
        _note_formulas(sheets, table.sheet_name, table, read)
        return read
    # renamed sheet: take the unclaimed sheet where most of the table's labels match
    best: tuple[int, str, _TableRead] | None = None
    for name in sheets.names:
        if name in claimed:
            continue
        try:
            sheet = sheets[name]
        except SheetTooLarge:  # an officer's own working sheet, not one of ours
            continue
        read = read_table(sheet, table, sheet_label=table.sheet_name)
        if read.found and (best is None or len(read.found) > best[0]):
            best = (len(read.found), name, read)
    if best is None:
        notes.append(s.NOTE_SHEET_MISSING.format(sheet=table.sheet_name))
        return None
    notes.append(s.NOTE_SHEET_ELSEWHERE.format(sheet=table.sheet_name, found=best[1]))
    claimed.add(best[1])
    _note_formulas(sheets, best[1], table, best[2])
    return best[2]


_COPY_SHARE = 3  # a sheet holding a third of a table's inputs is a copy of it
_COPY_LISTED = 3  # differing cells named in a copy's note before 「等」


def _copy_notes(
    sheets: _Sheets, spec: FormatSpec, claimed: set[str], values: dict[str, Value]
) -> list[str]:
    """Another sheet holding one of the tables again (「二、主动公开 (2)」, a copy the
    officer made) is not read; it is named, and every cell where it shows another
    number than the sheet read, as a Word report's second printing of a table is."""
    notes: list[str] = []
    for name in sheets.names:
        if name in claimed:
            continue
        try:
            sheet = sheets[name]
        except SheetTooLarge:
            continue
        for table in spec.tables:
            read = read_table(sheet, table, sheet_label=table.sheet_name)
            if len(read.found) * _COPY_SHARE < len([c for c in spec.inputs if c.table == table.id]):
                continue
            differ = [cid for cid in read.found if read.values.get(cid) != values.get(cid)]
            if not differ:
                notes.append(s.NOTE_COPY_SAME.format(copy=name, sheet=table.sheet_name))
                break
            cells = spec.cell_by_id
            listed = "、".join(
                s.NOTE_COPY_CELL.format(
                    row=cells[cid].row_label,
                    col=cells[cid].col_label,
                    copy=format_value(read.values.get(cid), s.NOTE_COPY_BLANK),
                    read=format_value(values.get(cid), s.NOTE_COPY_BLANK),
                )
                for cid in differ[:_COPY_LISTED]
            )
            more = s.NOTE_COPY_MORE if len(differ) > _COPY_LISTED else ""
            notes.append(
                s.NOTE_COPY_DIFFERS.format(
                    copy=name, sheet=table.sheet_name, n=len(differ), cells=listed + more
                )
            )
            break
    return notes


def _note_formulas(sheets: _Sheets, title: str, table: TableSpec, read: _TableRead) -> None:
    """Name every input that holds a formula whose result the file does not store
    (a workbook written by a program that does not calculate): it reads as empty,
    and only opening and saving the file in Excel or WPS stores the number."""
    if not read.empty:
        return
    from openpyxl.utils import get_column_letter

    formulas = sheets.formulas(title)
    for cell_id, (r, c) in read.empty.items():
        formula = formulas.get((r, c))
        if formula is None:
            continue
        cell = table.cell_by_id[cell_id]
        read.formulas.add(cell_id)
        read.notes.append(
            s.NOTE_FORMULA_NO_RESULT.format(
                sheet=title,
                address=f"{get_column_letter(c)}{r}",
                row=cell.row_label,
                col=cell.col_label,
                formula=formula
                if len(formula) <= _FORMULA_QUOTE
                else formula[:_FORMULA_QUOTE] + "…",
            )
        )


def _spec_keys(table: TableSpec) -> tuple[dict[tuple, CellSpec], set[str], set[str], set[str]]:
    captions = {norm(g.text) for g in table.grid if g.role is Role.CAPTION and g.text}
    headers = {norm(g.text) for g in table.grid if g.role is Role.HEADER and g.text}
    labels = {norm(g.text) for g in table.grid if g.role is Role.LABEL and g.text}
    row_texts = captions | labels
    keys: dict[tuple, CellSpec] = {}
    for cell in table.cells:
        row_key = _dedupe(norm(t) for t in cell.row_path if norm(t) in row_texts)
        keys[(row_key, _dedupe(norm(t) for t in cell.col_path))] = cell
    return keys, captions, headers, labels


def _dedupe(items) -> tuple[str, ...]:
    out: list[str] = []
    for item in items:
        if not out or out[-1] != item:
            out.append(item)
    return tuple(out)


def read_table(ws: _Sheet, table: TableSpec, sheet_label: str | None = None) -> _TableRead:
    """Read one table's inputs from `ws` by labels. `found` maps every input cell
    located on the sheet to its address, whether its content could be read or not."""
    from openpyxl.utils import get_column_letter

    sheet = sheet_label or ws.title
    keys, captions, headers, labels = _spec_keys(table)
    grid, shadow = ws.grid, ws.shadow
    out = _TableRead()
    caption: str | None = None
    col_paths: dict[int, tuple[str, ...]] = {}
    in_header = False
    seen_rows: set[str] = set()

    for r, row in enumerate(grid, start=1):
        texts = [norm(v) if isinstance(v, str) else None for v in row]
        has_caption = next((t for t in texts if t in captions), None)
        is_header = any(t in headers for t in texts) and not any(t in labels for t in texts)
        if has_caption and not any(isinstance(v, (int, float)) for v in row):
            caption, col_paths, in_header = has_caption, {}, False
            continue
        if is_header:
            if not in_header:
                col_paths = {}
            for c, t in enumerate(texts, start=1):
                if t in headers and col_paths.get(c, ("",))[-1] != t:
                    col_paths[c] = (*col_paths.get(c, ()), t)
            in_header = True
            continue
        in_header = False
        if any(t and t.startswith(norm(_CHECK_PREFIX)) for t in texts):
            continue  # our R1 check row: formulas, nothing to import
        row_labels = _dedupe(t for t in texts if t in labels)
        row_key = ((caption,) if caption else ()) + row_labels
        stray = False
        for c, path in col_paths.items():
            if (r, c) in shadow or c > len(row):
                continue
            value = row[c - 1]
            if isinstance(value, str) and norm(value) in labels:
                continue
            cell = keys.get((row_key, path))
            if cell is None:
                stray = stray or (value is not None and not isinstance(value, str))
                continue
            address = f"{get_column_letter(c)}{r}"
            if cell.computed:
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    out.totals[cell.id] = (address, value)  # a saved result, or typed over
                continue
            if cell.id in out.found:
                out.notes.append(
                    s.NOTE_DUPLICATE.format(
                        sheet=sheet,
                        row=cell.row_label,
                        col=cell.col_label,
                        first=out.found[cell.id],
                        second=address,
                    )
                )
                continue
            out.found[cell.id] = address
            seen_rows.add(cell.row)
            number_format = ws.formats.get((r, c), "")
            try:
                got, written = _read_cell(value, cell, number_format)
            except InvalidValue as exc:
                out.notes.append(
                    s.NOTE_BAD_VALUE.format(
                        sheet=sheet,
                        address=address,
                        row=cell.row_label,
                        col=cell.col_label,
                        reason=str(exc).rstrip("。"),
                    )
                )
                continue
            if got is not None:
                out.values[cell.id] = got
                if written:
                    out.notes.append(
                        s.NOTE_MONEY_CONVERTED.format(
                            sheet=sheet,
                            address=address,
                            row=cell.row_label,
                            col=cell.col_label,
                            text=written,
                            value=format_value(got),
                            unit=cell.unit,
                        )
                    )
            elif value is None:
                out.empty[cell.id] = (r, c)
        if stray:
            label = next((str(v).strip() for v in row if isinstance(v, str) and v.strip()), "")
            out.notes.append(s.NOTE_EXTRA_ROW.format(sheet=sheet, row=r, label=label or "—"))

    if out.found:  # only a sheet that holds the table can miss parts of it
        missing_rows: list[str] = []
        for cell in table.inputs:
            if cell.id in out.found:
                continue
            if cell.row not in seen_rows:
                if cell.row not in missing_rows:
                    missing_rows.append(cell.row)
                    out.notes.append(s.NOTE_ROW_MISSING.format(sheet=sheet, row=cell.row_label))
            else:
                out.notes.append(
                    s.NOTE_CELL_MISSING.format(sheet=sheet, row=cell.row_label, col=cell.col_label)
                )
    return out


# ---- one value ------------------------------------------------------------------------


def _read_cell(raw: object, cell: CellSpec, number_format: str) -> tuple[Value | None, str]:
    """A worksheet value as the cell's value, and the amount as written when it
    was written in another unit than the cell's and converted (「8902.81元」 typed,
    or 8902.81 that the cell format shows as 「8,902.81元」), else "". Raises
    InvalidValue, also for a unit the program does not convert (「分」)."""
    got = to_value(raw, cell, number_format)
    if got is None:
        return None, ""
    unit = _format_unit(raw, number_format, cell)
    if unit:
        if unit not in ("元", "万元"):  # 「分」, 「千元」: not guessed
            raise InvalidValue(s.NOTE_UNKNOWN_UNIT.format(unit=unit, cell_unit=cell.unit))
        amount = plain_amount(to_unit(Decimal(got), unit, cell.unit))
        return check_value(amount, cell), f"{format_value(got)}{unit}"
    return got, str(raw).strip() if _converted_from(raw, cell) else ""


def _format_unit(raw: object, number_format: str, cell: CellSpec) -> str:
    """The money unit a number's cell format prints after it (「#,##0.00"元"」),
    when it is not the cell's: the officer typed the amount in that unit."""
    if cell.kind is not ValueKind.MONEY or not cell.unit or not number_format:
        return ""
    if not isinstance(raw, (int, float)) or isinstance(raw, bool):
        return ""
    quoted = "".join(re.findall(r'"([^"]*)"', number_format)).strip()
    shown = quoted or number_format
    unit = "万元" if "万元" in shown else "元" if "元" in shown else quoted
    return unit if unit and unit != cell.unit else ""


def _converted_from(raw: object, cell: CellSpec) -> str:
    """The unit an amount typed as text was written in, when it is not the cell's
    (「8902.81元」 in a 万元 cell, converted by parse_value), else ""."""
    if not isinstance(raw, str) or cell.kind is not ValueKind.MONEY or not cell.unit:
        return ""
    text = unicodedata.normalize("NFKC", raw).strip()
    for unit in ("万元", "元"):  # longest first
        if text.endswith(unit):
            return unit if unit != cell.unit else ""
    return ""


def to_value(raw: object, cell: CellSpec, number_format: str = "") -> Value | None:
    """A worksheet value as the cell's value (None when blank). Raises InvalidValue."""
    if raw is None:
        return None
    if isinstance(raw, str):
        return parse_value(raw, cell)
    if isinstance(raw, (bool, dt.date, dt.time, dt.timedelta)):
        raise InvalidValue(msg.NOT_A_NUMBER.format(text=raw))
    if isinstance(raw, int):
        if cell.kind is ValueKind.MONEY:  # 12.00 is stored as 12: its format shows .00
            return check_value(_money(raw, cell, number_format), cell)
        return check_value(raw, cell)
    if isinstance(raw, float):
        if not math.isfinite(raw):  # 「inf」, 「nan」 or an overflowing 1e999 in the part
            raise InvalidValue(msg.NOT_A_NUMBER.format(text=raw))
        if cell.kind is ValueKind.MONEY:
            return check_value(_money(raw, cell, number_format), cell)
        if raw.is_integer():
            return check_value(int(raw), cell)
        return check_value(Decimal(repr(raw)), cell)  # raises NOT_WHOLE
    raise InvalidValue(msg.NOT_A_NUMBER.format(text=raw))


def _money(raw: float | int, cell: CellSpec, number_format: str) -> Decimal:
    """A number as the Decimal the user sees: the decimals of the cell's number format
    (so 12.50 shown as 12.50 comes back as 12.50), float noise (0.30000000000000004)
    removed."""
    try:
        value = Decimal(repr(raw))
    except InvalidOperation:
        raise InvalidValue(msg.NOT_A_NUMBER.format(text=raw)) from None
    if not value.is_finite():
        raise InvalidValue(msg.NOT_A_NUMBER.format(text=raw))
    if value.copy_abs() > limits.MAX_MONEY:  # before quantize, which overflows on 1e30
        check_amount(value.copy_abs())
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if places > cell.decimals:
        rounded = value.quantize(Decimal(1).scaleb(-cell.decimals))
        if abs(rounded - value) < _FLOAT_NOISE:
            value, places = rounded.normalize(), cell.decimals
            exponent = value.as_tuple().exponent
            places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    m = re.search(r"0\.(0+)", number_format or "")
    shown = len(m.group(1)) if m else 0
    if shown > places and shown <= cell.decimals:
        value = value.quantize(Decimal(1).scaleb(-shown))
    elif places == 0 and value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return value
