"""Roll-up (汇总): add many agencies' reports of one year and format into one report.

The reports are read one at a time and dropped after use: what is kept is one
running sum per input cell, and per report the small status row and the row of
numbers the summary workbook prints. Reports are grouped by (year, format) while
reading, so a single pass suffices; at the end the requested year (or else the
largest group, the earliest on a tie) is summed and every other report is listed
as refused with the reason.

Decisions, documented for users:
- Only input cells are added. Computed cells (总计, R2–R4) of the summary are
  recomputed by the summary report itself, never added.
- Money is converted to the cell's default unit of the format (元 / 万元) before
  adding; the summary holds it in that unit.
- A blank input counts as 0 in the sum and is counted in the report's status as a
  空白单元格. A cell blank in every summed report stays blank in the summary.
"""

from __future__ import annotations

import datetime as dt
import operator
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from model import messages as msg
from model.report import Report
from model.spec import CellSpec, FormatSpec, TableSpec, ValueKind
from model.values import Value, sum_filled

DRAFT_SUFFIX = ".nianbao"
# reports exported by the app, read through importers (importers.SUFFIXES)
IMPORT_SUFFIXES = (".xlsx", ".xlsm", ".docx", ".doc", ".html", ".htm", ".pdf")
REPORT_SUFFIXES = (DRAFT_SUFFIX, *IMPORT_SUFFIXES)
DEFAULT_AGENCY = "汇总"
SUMMARY_KIND = "government"  # a roll-up is made by a government's office

# A loader returns a Report, or an importer's ImportResult (with `.report` and `.notes`).
Loader = Callable[[Path], Any]
Progress = Callable[[int, int, str], None]  # (done, total, file)


class AggregateCancelled(Exception):
    """The caller asked to stop (the dialog's 取消)."""


@dataclass(frozen=True)
class ReportStatus:
    """One line of the 报送情况 sheet: one input file, summed or not."""

    file: str
    agency: str = ""
    kind: str | None = None  # "department" / "government"; None when unreadable
    year: int | None = None
    format_id: str | None = None
    errors: int | None = None
    warnings: int | None = None
    blanks: int | None = None  # blank input cells
    date: dt.date | None = None  # 成文日期
    late: bool | None = None  # past the deadline; None: unknown (no date)
    included: bool = False
    note: str = ""  # why not summed, or a remark (e.g. a possible duplicate)

    @property
    def readable(self) -> bool:
        return self.kind is not None

    @property
    def kind_name(self) -> str:
        return msg.KIND_NAMES.get(self.kind or "", "")

    @property
    def late_text(self) -> str:
        if self.late is None:
            return msg.AGG_LATE_UNKNOWN if self.readable else ""
        return msg.AGG_YES if self.late else msg.AGG_NO


@dataclass(frozen=True)
class AgencyRow:
    """The inputs of one summed report, in the order of `FormatSpec.inputs`, money
    in the spec's default unit. `table_values` adds the computed cells."""

    agency: str
    file: str
    values: tuple[Value | None, ...]

    def table_values(self, plan: TablePlan) -> list[Value | None]:
        """The row's numbers for every cell of one table, in reading order."""
        values = self.values
        out: list[Value | None] = []
        for index, terms in plan.cells:
            if terms is None:
                out.append(values[index])
            else:
                out.append(sum_filled(values[t] for t in terms))
        return out


@dataclass(frozen=True)
class TablePlan:
    """Where each cell of a table finds its number in `AgencyRow.values`: an input's
    index, or the indexes of a computed cell's terms."""

    table: TableSpec
    cells: tuple[tuple[int, tuple[int, ...] | None], ...]

    @classmethod
    def of(cls, spec: FormatSpec, table: TableSpec) -> TablePlan:
        index = {c.id: i for i, c in enumerate(spec.inputs)}
        cells = tuple(
            (-1, tuple(index[t] for t in c.terms)) if c.terms else (index[c.id], None)
            for c in table.cells
        )
        return cls(table, cells)


@dataclass
class AggregateResult:
    spec: FormatSpec | None  # None when no report could be summed
    year: int | None
    summary: Report | None
    statuses: list[ReportStatus]  # one per input file, in input order
    rows: list[AgencyRow]  # one per summed report, in input order

    @property
    def included(self) -> list[ReportStatus]:
        return [s for s in self.statuses if s.included]

    @property
    def not_included(self) -> list[ReportStatus]:
        return [s for s in self.statuses if not s.included]

    def summary_line(self) -> str:
        """「N 份报告已汇总，M 份未纳入。」"""
        return msg.AGG_SUMMARY_LINE.format(
            included=len(self.included), refused=len(self.not_included)
        )


# ---- finding the files ---------------------------------------------------------------
def collect_files(
    inputs: Iterable[str | os.PathLike[str]], exclude: Iterable[Path] = ()
) -> list[Path]:
    """Expand folders (recursively) into the report files they hold, keep files
    as given (a missing or unsupported file is listed later with the reason).
    `exclude` drops the outputs of this run if they lie in a scanned folder."""
    skip = {_key(p) for p in exclude}
    seen: set[str] = set()
    out: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(
                (p for p in path.rglob("*") if _is_report_file(p)),
                key=lambda p: str(p.relative_to(path)),
            )
        else:
            found = [path]
        for p in found:
            key = _key(p)
            if key not in seen and key not in skip:
                seen.add(key)
                out.append(p)
    return out


def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def _is_report_file(path: Path) -> bool:
    # skip Office lock files (~$报告.docx) and hidden files
    name = path.name
    return (
        path.suffix.lower() in REPORT_SUFFIXES
        and not name.startswith(("~$", "."))
        and path.is_file()
    )


def load_report(path: Path) -> Any:
    """Read one report: a draft (a Report), or an exported workbook / Word file
    through the importers (their ImportResult, with notes). Raises
    ReportUnreadable with a Chinese reason."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise ReportUnreadable(msg.AGG_MISSING)
    if suffix == DRAFT_SUFFIX:
        from model.drafts import DraftError, load_draft

        try:
            return load_draft(path)
        except DraftError as exc:
            raise ReportUnreadable(str(exc)) from exc
    if suffix in IMPORT_SUFFIXES:
        from importers import ImportRefused, importer_for

        importer = importer_for(path)
        assert importer is not None  # IMPORT_SUFFIXES mirrors importers.SUFFIXES
        try:
            return importer(path)
        except ImportRefused as exc:
            raise ReportUnreadable(str(exc)) from exc
    raise ReportUnreadable(msg.AGG_UNSUPPORTED)


class ReportUnreadable(Exception):
    """A file that cannot be read as a report; str() is a Chinese reason."""


# ---- adding up -------------------------------------------------------------------------
class _Group:
    """Running sums of the reports of one (year, format)."""

    def __init__(self, spec: FormatSpec, year: int, first_seen: int) -> None:
        self.spec = spec
        self.year = year
        self.first_seen = first_seen
        self.inputs = spec.inputs
        self._ids = [c.id for c in self.inputs]
        self.sums: list[Value] = [
            Decimal(0) if c.kind is ValueKind.MONEY else 0 for c in self.inputs
        ]
        self.filled = [False] * len(self.inputs)
        self.rows: list[AgencyRow] = []
        self.members: list[int] = []  # indexes into the status list
        self._money = [
            (i, c.id, c.unit) for i, c in enumerate(self.inputs) if c.kind is ValueKind.MONEY
        ]

    def add(self, report: Report, index: int, file: str) -> None:
        get = report.values().get
        row: list[Value | None] = [get(cell_id) for cell_id in self._ids]
        for i, cell_id, unit in self._money:
            if row[i] is not None and unit:
                row[i] = report.amount_in(cell_id, unit)
        if None in row:  # blanks count as 0 and leave `filled` alone
            sums, filled = self.sums, self.filled
            for i, v in enumerate(row):
                if v is not None:
                    sums[i] += v
                    filled[i] = True
        else:  # the common case, complete reports: add the rows at C speed
            self.sums = list(map(operator.add, self.sums, row))
            if not self.all_filled:
                self.filled = [True] * len(row)
        self.rows.append(AgencyRow(report.meta.agency, file, tuple(row)))
        self.members.append(index)

    @property
    def all_filled(self) -> bool:
        return all(self.filled)

    def summary(self, agency: str) -> Report:
        report = Report(self.spec, self.year, agency, SUMMARY_KIND)
        values: dict[str, Value | None] = {}
        for cell, total, filled in zip(self.inputs, self.sums, self.filled, strict=True):
            if filled:
                values[cell.id] = _fit(total, cell) if isinstance(total, Decimal) else total
        report.set_values(values)
        return report


def _fit(amount: Decimal, cell: CellSpec) -> Decimal:
    """Keep an amount within the decimals the cell allows. Conversions into a
    default unit only multiply (万元 → 元), so in practice this drops trailing
    zeros (12.3400 → 12.34) and the amount is unchanged."""
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > cell.decimals:
        return amount.quantize(Decimal(1).scaleb(-cell.decimals))
    return amount


def _validate(report: Report) -> tuple[int, int]:
    from model.rules import validate

    result = validate(report)
    return result.errors, result.warnings


def aggregate(
    inputs: Iterable[str | os.PathLike[str]] | Sequence[Path],
    year: int | None = None,
    agency: str = "",
    *,
    exclude: Iterable[Path] = (),
    loader: Loader = load_report,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> AggregateResult:
    """Add up the reports found in `inputs` (files and folders).

    `year` picks the report year to sum; without it the year and format shared by
    most reports (the first on a tie) is summed. Unreadable files and reports of
    another year or format are listed in `statuses` with the reason and never stop
    the run. The summary report is named `agency` (default 「汇总」).
    """
    files = collect_files(inputs, exclude)
    total = len(files)
    statuses: list[ReportStatus] = []
    groups: dict[tuple[int, str], _Group] = {}
    agencies: dict[tuple[str, int, str], str] = {}  # for possible duplicates
    for index, path in enumerate(files):
        if should_stop is not None and should_stop():
            raise AggregateCancelled
        name = str(path)
        try:
            loaded = loader(path)
            report: Report = getattr(loaded, "report", loaded)
            notes: list[str] = list(getattr(loaded, "notes", ()))
            status = _status(report, name, agencies, notes)
        except ReportUnreadable as exc:
            statuses.append(ReportStatus(name, note=msg.AGG_UNREADABLE.format(reason=exc)))
        except Exception as exc:  # a broken file must not stop a run over hundreds
            reason = msg.AGG_UNEXPECTED.format(error=type(exc).__name__)
            statuses.append(ReportStatus(name, note=msg.AGG_UNREADABLE.format(reason=reason)))
        else:
            statuses.append(status)
            key = (report.meta.year, report.spec.id)
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Group(report.spec, report.meta.year, index)
            group.add(report, index, name)
            del report, loaded  # only the sums and the row are kept
        if progress is not None:
            progress(index + 1, total, name)
    chosen = _choose(groups, year)
    for group in groups.values():
        if group is chosen:
            for i in group.members:
                statuses[i] = _replace(statuses[i], included=True)
        else:
            reason = _refusal(group, chosen, year)
            for i in group.members:
                statuses[i] = _replace(statuses[i], note=_join(reason, statuses[i].note))
    if chosen is None:
        return AggregateResult(None, year, None, statuses, [])
    summary = chosen.summary(agency.strip() or DEFAULT_AGENCY)
    return AggregateResult(chosen.spec, chosen.year, summary, statuses, chosen.rows)


def _status(
    report: Report, file: str, agencies: dict[tuple[str, int, str], str], imported: list[str]
) -> ReportStatus:
    meta = report.meta
    errors, warnings = _validate(report)
    due = report.spec.deadline(meta.year, meta.kind)
    late = None if meta.date is None or due is None else meta.date > due
    notes = []
    agency = meta.agency.strip()
    if not agency:
        notes.append(msg.AGG_NO_AGENCY)
    else:
        key = (agency, meta.year, report.spec.id)
        if key in agencies:
            notes.append(msg.AGG_DUPLICATE.format(file=agencies[key]))
        else:
            agencies[key] = file
    if imported:
        suffix = Path(file).suffix.lower()
        source = msg.AGG_IMPORT_SOURCES.get(suffix, suffix)
        notes.append(msg.AGG_IMPORT_NOTES.format(source=source, n=len(imported)))
    return ReportStatus(
        file=file,
        agency=agency,
        kind=meta.kind,
        year=meta.year,
        format_id=report.spec.id,
        errors=errors,
        warnings=warnings,
        blanks=len(report.blank_inputs()),
        date=meta.date,
        late=late,
        note="；".join(notes),
    )


def _choose(groups: dict[tuple[int, str], _Group], year: int | None) -> _Group | None:
    candidates = [g for g in groups.values() if year is None or g.year == year]
    if not candidates:
        return None
    if year is not None:
        from model.formats import UnknownFormat, format_for_year

        try:
            right = format_for_year(year).id
        except UnknownFormat:
            right = None
        # a report of that year in the wrong format (R12) does not define the summary
        matching = [g for g in candidates if g.spec.id == right]
        candidates = matching or candidates
    return max(candidates, key=lambda g: (len(g.members), -g.first_seen))


def _refusal(group: _Group, chosen: _Group | None, year: int | None) -> str:
    if chosen is None:
        return msg.AGG_NOT_YEAR.format(year=group.year, target=year)
    if group.year != chosen.year:
        return msg.AGG_OTHER_YEAR.format(year=group.year, target=chosen.year)
    return msg.AGG_OTHER_FORMAT.format(
        format=format_name(group.spec), target=format_name(chosen.spec)
    )


def format_name(spec: FormatSpec) -> str:
    return msg.AGG_FORMAT_NAME.format(id=spec.id, issued_by=spec.issued_by)


def _join(first: str, second: str) -> str:
    return "；".join(p for p in (first, second) if p)


def _replace(status: ReportStatus, **changes: object) -> ReportStatus:
    return replace(status, **changes)  # type: ignore[arg-type]


__all__ = [
    "DEFAULT_AGENCY",
    "DRAFT_SUFFIX",
    "REPORT_SUFFIXES",
    "AgencyRow",
    "AggregateCancelled",
    "AggregateResult",
    "ReportStatus",
    "ReportUnreadable",
    "TablePlan",
    "aggregate",
    "collect_files",
    "format_name",
    "load_report",
]
