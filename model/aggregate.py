"""Roll-up (汇总): add many agencies' reports of one year and format into one report.

The reports are read one at a time and dropped after use: what is kept per report
is the small status row and the row of its input numbers (which the summary
workbook prints too). Reports are grouped by (year, format) while reading, so a
single pass suffices; at the end duplicates are settled, the requested year (or
else the largest group, the earliest on a tie) is summed from the kept rows and
every other file is listed with the reason.

Decisions, documented for users:
- Only input cells are added. Computed cells (总计, R2–R4) of the summary are
  recomputed by the summary report itself, never added.
- Money is converted to the cell's default unit of the format (元 / 万元) before
  adding; the summary holds it in that unit.
- A blank input counts as 0 in the sum and is counted in the report's status as a
  空白单元格. A cell blank in every summed report stays blank in the summary.
- A summary is never a part: a draft marked as a summary (`Report.summary`), any
  export of one (a workbook, Word file, web page or PDF: each carries the summary
  marker, model/summary_marker.py, which the importers read back into
  `Report.summary`), a roll-up workbook (汇总表), and a report that bears the
  name this run gives the summary are listed as skipped.
- A 本级政府 report is not added to departments' reports: the report of a level of
  government is what adding up its departments gives, so among department
  reports it is most likely an earlier summary (exported, with its marker lost
  or from another program) and adding it would double every figure. It is listed
  as not summed, with the reason, and counted in `Flags.government`; the officer
  can ask for it (`include_government`, 「计入本级政府报告」, --include-government),
  e.g. for township governments (乡镇人民政府、街道办事处) that report as such.
  A run that finds only 本级政府 reports (a city adding up its districts) sums
  them, each noted.
- One agency counts once a year: reports with the same agency name (ignoring
  spaces and full/half width) and year are duplicates, whatever their file type.
  One is counted: a draft (.nianbao) before a workbook (.xlsx) before a Word file
  (.docx); among files of one type the one modified last; the others are listed
  with the file that was counted instead.
- A sum a report cannot hold (above model.limits: MAX_COUNT 件, MAX_MONEY or
  MONEY_DIGITS for amounts) makes no summary: nothing is saved, and each such
  cell is named (table, row, column) with its sum, the limit and the reports
  that hold its largest numbers (`AggregateResult.over_limit`), most likely a
  number typed with extra digits or an amount in the wrong unit.
- Every file found is accounted for: files that are not reports, Office lock
  files, hidden files, draft backups, folder links that loop, folders that cannot
  be opened and a second path to the same file are listed with the reason.
"""

from __future__ import annotations

import datetime as dt
import operator
import os
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from model import messages as msg
from model.report import Report, SummaryInfo, SummarySource
from model.spec import CellSpec, FormatSpec, TableSpec, ValueKind
from model.texts import drop_controls
from model.values import InvalidValue, Value, check_value, format_value, sum_filled

DRAFT_SUFFIX = ".nianbao"
BACKUP_SUFFIX = ".bak"  # as model.drafts.BACKUP_SUFFIX: the previous save of a draft
# reports exported by the app, read through importers (importers.SUFFIXES)
IMPORT_SUFFIXES = (".xlsx", ".xlsm", ".docx", ".doc", ".html", ".htm", ".pdf")
REPORT_SUFFIXES = (DRAFT_SUFFIX, *IMPORT_SUFFIXES)
# Which of one agency's duplicate reports counts: the lowest rank (then the newest file).
# Which copy of one agency's report counts: the one read most exactly. A draft holds
# what was typed; a workbook and a Word file are read cell by cell; a web page
# carries the text as published; a PDF is rebuilt from glyph positions.
_TYPE_RANK = {
    DRAFT_SUFFIX: 0,
    ".xlsx": 1,
    ".xlsm": 1,
    ".docx": 2,
    ".doc": 3,
    ".html": 4,
    ".htm": 4,
    ".pdf": 5,
}
DEFAULT_AGENCY = "汇总"
LARGEST_LISTED = 3  # reports named for a sum over the limit, largest first
SUMMARY_KIND = "government"  # a roll-up is made by a government's office

# A loader returns a Report, or an importer's ImportResult (with `.report` and `.notes`).
Loader = Callable[[Path], Any]
Progress = Callable[[int, int, str], None]  # (done, total, file)


class AggregateCancelled(Exception):
    """The caller asked to stop (the dialog's 取消)."""


@dataclass(frozen=True)
class ReportStatus:
    """One line of the 报送情况 sheet: one file found, summed or not."""

    file: str
    agency: str = ""
    kind: str | None = None  # "department" / "government"; None when not read
    year: int | None = None
    format_id: str | None = None
    errors: int | None = None
    warnings: int | None = None
    blanks: int | None = None  # blank input cells
    date: dt.date | None = None  # 成文日期
    late: bool | None = None  # past the deadline; None: unknown (no date)
    included: bool = False
    note: str = ""  # why not summed, or a remark (e.g. the duplicates it stands for)
    government_skipped: bool = False  # a 本级政府 report left out of departments' sum

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


@dataclass(frozen=True)
class Flags:
    """How many summed reports need a look before the summary goes out."""

    errors: int  # reports with at least one error
    blanks: int  # reports with blank cells (added as 0)
    late: int  # reports dated after the deadline
    undated: int  # reports without 成文日期
    government: int = 0  # 本级政府 reports found among departments and not summed


@dataclass(frozen=True)
class OverLimit:
    """A cell whose sum over the reports a report cannot hold (model.limits): no
    summary is made. `largest` are the reports with the largest numbers in that
    cell, (agency, file name, value), largest first; values in the cell's default
    unit (`unit`, "" for counts)."""

    heading: str  # the table's section heading, 「三、收到和处理政府信息公开申请情况」
    cell: str  # 「“（一）予以公开”行“自然人”列」 (model.rules_plan.cell_name)
    total: Value
    unit: str
    limit: str  # the limit in words, 「最多 999999999 件」
    largest: tuple[tuple[str, str, Value], ...]
    reports: int  # reports with a number in that cell

    def message(self) -> str:
        """「三、……“（一）予以公开”行“自然人”列：各报告之和为 1800000000，超出上限
        （最多 999999999 件）。数字最大的报告：甲局「甲.docx」900000000、……」"""
        unit = self.unit

        def shown(value: Value) -> str:
            return format_value(value) + unit

        largest = "、".join(
            msg.AGG_OVER_LIMIT_SOURCE.format(
                agency=agency or msg.AGG_NO_AGENCY, file=file, value=shown(value)
            )
            for agency, file, value in self.largest
        )
        if self.reports > len(self.largest):
            largest += msg.AGG_OVER_LIMIT_MORE.format(n=self.reports)
        return msg.AGG_OVER_LIMIT.format(
            table=self.heading,
            cell=self.cell,
            total=shown(self.total),
            limit=self.limit,
            largest=largest,
        )


@dataclass
class AggregateResult:
    spec: FormatSpec | None  # None when no report could be summed
    year: int | None
    summary: Report | None  # None when nothing could be summed, or a sum is over the limit
    statuses: list[ReportStatus]  # one per file found, in input order
    rows: list[AgencyRow]  # one per summed report, in input order
    over_limit: list[OverLimit] = field(default_factory=list)  # then no summary

    def over_limit_text(self) -> str:
        """Every sum over the limit in one message (empty when there is none)."""
        if not self.over_limit:
            return ""
        lines = [msg.AGG_OVER_LIMIT_HEAD.format(n=len(self.over_limit))]
        lines += [o.message() for o in self.over_limit]
        return "\n".join(lines)

    @property
    def included(self) -> list[ReportStatus]:
        return [s for s in self.statuses if s.included]

    @property
    def not_included(self) -> list[ReportStatus]:
        return [s for s in self.statuses if not s.included]

    def summary_line(self) -> str:
        """「N 份报告已汇总，M 个文件未纳入。」"""
        line = msg.AGG_SUMMARY_LINE_OVER if self.over_limit else msg.AGG_SUMMARY_LINE
        return line.format(included=len(self.included), refused=len(self.not_included))

    def flags(self) -> Flags:
        included = self.included
        return Flags(
            errors=sum(1 for x in included if x.errors),
            blanks=sum(1 for x in included if x.blanks),
            late=sum(1 for x in included if x.late),
            undated=sum(1 for x in included if x.late is None),
            government=sum(1 for x in self.statuses if x.government_skipped),
        )


# ---- finding the files ---------------------------------------------------------------
@dataclass(frozen=True)
class FoundFile:
    """A file (or a folder link) met while scanning the inputs. `skip` is the Chinese
    reason it is not read; empty for a file to read."""

    path: Path
    skip: str = ""


Input = str | os.PathLike[str] | FoundFile


def find_files(inputs: Iterable[Input], exclude: Iterable[Path] = ()) -> list[FoundFile]:
    """Every file in the folders of `inputs` (with their subfolders, following links
    to folders) and every file given, once each, in reading order. Files given by
    name are always read (a missing or unsupported one is refused then, with the
    reason). Found in folders, everything that is not read is listed with the
    reason: other file types, Office lock files (~$…), hidden files, draft
    backups, folder links that lead back into their own folder (loops), folders
    that cannot be opened, a second path (link) to a file or folder met before.
    `exclude` are the outputs of this run (listed as such if they lie in a
    scanned folder)."""
    outputs = {_real(p) for p in exclude}
    seen_files: dict[str, Path] = {}
    seen_dirs: dict[str, Path] = {}
    given: set[str] = set()
    out: list[FoundFile] = []

    def add_file(path: Path, skip: str) -> None:
        real = _real(path)
        if real in outputs:
            out.append(FoundFile(path, msg.AGG_SKIP_OUTPUT))
            return
        first = seen_files.get(real)
        if first is not None:
            if path_key(first) != path_key(path):  # the same name twice is one entry
                out.append(FoundFile(path, msg.AGG_SKIP_SAME_FILE.format(file=first)))
            return
        seen_files[real] = path
        out.append(FoundFile(path, skip))

    for item in inputs:
        if isinstance(item, FoundFile):
            if item.skip:
                if path_key(item.path) not in given:
                    given.add(path_key(item.path))
                    out.append(item)
            else:
                add_file(item.path, "")
            continue
        path = Path(item)
        if path.is_dir():
            real = _real(path)
            if real in seen_dirs:
                continue  # the same folder added twice
            seen_dirs[real] = path
            found: list[tuple[str, Path, str]] = []
            _walk(path, seen_dirs, found)
            for _order, file, skip in sorted(found, key=lambda f: f[0]):
                if skip and not file.is_file():
                    out.append(FoundFile(file, skip))  # a folder entry: loop, unreadable…
                else:
                    add_file(file, skip)
        else:
            add_file(path, "")
    return out


def _walk(top: Path, seen_dirs: dict[str, Path], found: list[tuple[str, Path, str]]) -> None:
    """Collect (sort key, path, skip reason) for everything under `top`. Links to
    folders are followed once; a link back into the folders it lies in is a loop."""
    stack: list[tuple[Path, tuple[str, ...]]] = [(top, (_real(top),))]
    while stack:
        folder, ancestors = stack.pop()
        order = str(folder.relative_to(top))
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            found.append((order, folder, msg.AGG_SKIP_FOLDER.format(reason=_os_reason(exc))))
            continue
        for entry in entries:
            path = Path(entry.path)
            key = str(path.relative_to(top))
            try:
                is_dir = entry.is_dir()  # follows links
            except OSError:
                is_dir = False
            if is_dir:
                real = _real(path)
                if real in ancestors:
                    found.append(
                        (key, path, msg.AGG_SKIP_LOOP.format(target=seen_dirs.get(real, real)))
                    )
                elif real in seen_dirs:
                    found.append(
                        (key, path, msg.AGG_SKIP_SAME_FOLDER.format(folder=seen_dirs[real]))
                    )
                else:
                    seen_dirs[real] = path
                    stack.append((path, (*ancestors, real)))
                continue
            if entry.is_symlink() and not path.exists():
                found.append((key, path, msg.AGG_SKIP_BROKEN_LINK))
                continue
            found.append((key, path, _file_skip(path)))


def _file_skip(path: Path) -> str:
    """Why a file found in a folder is not read ('' when it is a report file)."""
    name = path.name
    lower = name.lower()
    if name.startswith("~$"):
        return msg.AGG_SKIP_LOCK
    if lower.endswith(BACKUP_SUFFIX):
        return msg.AGG_SKIP_BACKUP
    if name.startswith("."):
        return msg.AGG_SKIP_HIDDEN
    suffix = path.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        return not_a_report(suffix)
    return ""


def not_a_report(suffix: str) -> str:
    """Why a file of this type (「.txt」, or "" for none) is not read, naming the
    types that are."""
    return msg.AGG_SKIP_TYPE.format(
        suffix=suffix or msg.AGG_NO_SUFFIX, known="、".join(REPORT_SUFFIXES)
    )


def _real(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.realpath(path))


def path_key(path: Path) -> str:
    """A path as compared for "the same entry": absolute, case as the system compares it."""
    return os.path.normcase(os.path.abspath(path))


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return msg.AGG_NO_PERMISSION
    return exc.strerror or type(exc).__name__


def default_output_folder(inputs: Iterable[str | os.PathLike[str]], preferred: Path) -> Path:
    """Where the summary is offered to be saved: `preferred` (the drafts folder),
    unless it is one of the scanned folders or lies inside one; then the nearest
    folder above that is outside all of them, so that the next run over the same
    folders (when a late report arrives) does not meet its own output."""
    folders = [Path(os.path.realpath(p)) for p in inputs if Path(p).is_dir()]
    folder = Path(os.path.realpath(preferred))
    while any(folder == f or f in folder.parents for f in folders):
        if folder.parent == folder:
            break
        folder = folder.parent
    return folder


def load_report(path: Path) -> Any:
    """Read one report: a draft (a Report), or an exported workbook / Word file
    through the importers (their ImportResult, with notes). Raises
    ReportUnreadable with a Chinese reason (ReportSkipped for a roll-up workbook,
    which is not a report)."""
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
            from importers.summary_xlsx import is_summary_workbook

            if is_summary_workbook(path):
                raise ReportSkipped(msg.AGG_SKIP_SUMMARY_XLSX) from exc
            raise ReportUnreadable(str(exc)) from exc
    raise ReportUnreadable(msg.AGG_UNSUPPORTED)


class ReportUnreadable(Exception):
    """A file that cannot be read as a report; str() is a Chinese reason."""


class ReportSkipped(ReportUnreadable):
    """A file that is read but is not a report to count (a roll-up workbook)."""


# ---- adding up -------------------------------------------------------------------------
class _Group:
    """The rows of the reports of one (year, format); summed once duplicates are settled."""

    def __init__(self, spec: FormatSpec, year: int, first_seen: int) -> None:
        self.spec = spec
        self.year = year
        self.first_seen = first_seen
        self.inputs = spec.inputs
        self._ids = [c.id for c in self.inputs]
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
        self.rows.append(AgencyRow(report.meta.agency, file, tuple(row)))
        self.members.append(index)

    def remove(self, index: int) -> None:
        at = self.members.index(index)
        del self.members[at], self.rows[at]

    def kinds(self, statuses: list[ReportStatus]) -> tuple[list[int], list[int]]:
        """(department members, government members), as indexes into `statuses`."""
        government = [i for i in self.members if statuses[i].kind == "government"]
        return [i for i in self.members if i not in government], government

    def sums(self) -> tuple[list[Value], list[bool]]:
        """Per input: the sum over the rows, and whether any row filled it."""
        sums: list[Value] = [Decimal(0) if c.kind is ValueKind.MONEY else 0 for c in self.inputs]
        filled = [False] * len(self.inputs)
        complete = False
        for row in self.rows:
            values = row.values
            if None in values:  # blanks count as 0 and leave `filled` alone
                for i, v in enumerate(values):
                    if v is not None:
                        sums[i] += v
                        filled[i] = True
            else:  # the common case, complete reports: add the rows at C speed
                sums = list(map(operator.add, sums, values))
                complete = True
        if complete:
            filled = [True] * len(filled)
        return sums, filled

    def summary(self, agency: str) -> tuple[Report | None, list[OverLimit]]:
        """The summary report, or None and every sum a report cannot hold."""
        values: dict[str, Value | None] = {}
        over: list[OverLimit] = []
        sums, filled = self.sums()
        for i, (cell, total, any_filled) in enumerate(zip(self.inputs, sums, filled, strict=True)):
            if not any_filled:
                continue
            value = _fit(total, cell) if isinstance(total, Decimal) else total
            try:
                values[cell.id] = check_value(value, cell)
            except InvalidValue:
                over.append(self._over_limit(i, cell, value))
        if over:
            return None, over
        report = Report(self.spec, self.year, agency, SUMMARY_KIND)
        report.set_values(values)
        return report, []

    def _over_limit(self, index: int, cell: CellSpec, total: Value) -> OverLimit:
        from model import limits
        from model.rules_plan import cell_name

        table = self.spec.table_by_id[cell.table]
        heading = next((s.heading for s in self.spec.sections if s.table == cell.table), "")
        holding = [
            (row.agency, Path(row.file).name, row.values[index])
            for row in self.rows
            if row.values[index] is not None
        ]
        holding.sort(key=lambda h: h[2], reverse=True)
        unit = (cell.unit or "") if cell.kind is ValueKind.MONEY else ""
        if cell.kind is not ValueKind.MONEY:
            limit = msg.AGG_LIMIT_COUNT.format(limit=limits.MAX_COUNT)
        elif total > limits.MAX_MONEY:
            limit = msg.AGG_LIMIT_MONEY.format(limit=limits.MAX_MONEY, unit=unit)
        else:
            limit = msg.AGG_LIMIT_DIGITS.format(digits=limits.MONEY_DIGITS)
        return OverLimit(
            heading,
            cell_name(table, cell),
            total,
            unit,
            limit,
            tuple(holding[:LARGEST_LISTED]),
            len(holding),
        )


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


@dataclass(frozen=True)
class _Candidate:
    """A readable report that may be counted: what settles duplicates."""

    index: int  # into the status list
    agency: str  # as compared: see agency_key
    year: int
    rank: tuple[int, float, int]  # lower wins: file type, newest first, first found
    group: tuple[int, str]


def agency_key(agency: str) -> str:
    """An agency name as compared for duplicates: NFKC (full/half width), no spaces."""
    return "".join(unicodedata.normalize("NFKC", agency).split())


def aggregate(
    inputs: Iterable[Input] | Sequence[Path],
    year: int | None = None,
    agency: str = "",
    *,
    include_government: bool = False,
    exclude: Iterable[Path] = (),
    loader: Loader = load_report,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> AggregateResult:
    """Add up the reports found in `inputs` (files, folders, or `find_files` entries).

    `year` picks the report year to sum; without it the year and format shared by
    most reports (the first on a tie) is summed. Every file found gets a status:
    unreadable files, files that are not reports, summaries, duplicates and
    reports of another year or format are listed with the reason and never stop
    the run. 本级政府 reports met among department reports are not summed unless
    `include_government` (see the module's rules). The summary report is named
    `agency` (default 「汇总」) and records its sources (`Report.summary`). When a
    sum is beyond model.limits there is no summary and `over_limit` names each
    such cell (see `OverLimit`).
    """
    found = find_files(inputs, exclude)
    total = len(found)
    # the name as a report holds it (model.texts): one line, no control characters
    summary_name = drop_controls(agency, one_line=True)[0].strip() or DEFAULT_AGENCY
    summary_key = agency_key(summary_name)
    statuses: list[ReportStatus] = []
    groups: dict[tuple[int, str], _Group] = {}
    candidates: list[_Candidate] = []
    for index, item in enumerate(found):
        if should_stop is not None and should_stop():
            raise AggregateCancelled
        path, name = item.path, str(item.path)
        if item.skip:
            statuses.append(ReportStatus(name, note=item.skip))
        else:
            try:
                loaded = loader(path)
                report: Report = getattr(loaded, "report", loaded)
                notes: list[str] = list(getattr(loaded, "notes", ()))
                status = _status(report, name, notes)
            except ReportSkipped as exc:
                statuses.append(ReportStatus(name, note=str(exc)))
            except ReportUnreadable as exc:
                statuses.append(ReportStatus(name, note=msg.AGG_UNREADABLE.format(reason=exc)))
            except Exception as exc:  # a broken file must not stop a run over hundreds
                reason = msg.AGG_UNEXPECTED.format(error=type(exc).__name__)
                statuses.append(ReportStatus(name, note=msg.AGG_UNREADABLE.format(reason=reason)))
            else:
                key = agency_key(report.meta.agency)
                if report.summary is not None:
                    n = len(report.summary.sources)
                    skip = msg.AGG_SKIP_SUMMARY.format(n=n) if n else msg.AGG_SKIP_SUMMARY_UNLISTED
                elif key and key == summary_key:
                    skip = msg.AGG_SKIP_SUMMARY_NAME.format(name=summary_name)
                else:
                    skip = ""
                if skip:
                    statuses.append(replace(status, note=_join(skip, status.note)))
                else:
                    statuses.append(status)
                    group_key = (report.meta.year, report.spec.id)
                    group = groups.get(group_key)
                    if group is None:
                        group = groups[group_key] = _Group(report.spec, report.meta.year, index)
                    group.add(report, index, name)
                    rank = (_TYPE_RANK.get(path.suffix.lower(), 9), -_mtime(path), index)
                    candidates.append(_Candidate(index, key, report.meta.year, rank, group_key))
                del report, loaded  # only the status and the row are kept
        if progress is not None:
            progress(index + 1, total, name)
    for group in groups.values():
        _settle_government(group, statuses, include_government)
    _settle_duplicates(
        [c for c in candidates if c.index in groups[c.group].members], statuses, groups
    )
    groups = {k: g for k, g in groups.items() if g.members}
    chosen = _choose(groups, year)
    for group in groups.values():
        if group is chosen:
            for i in group.members:
                statuses[i] = replace(statuses[i], included=True)
        else:
            reason = _refusal(group, chosen, year)
            for i in group.members:
                statuses[i] = replace(statuses[i], note=_join(reason, statuses[i].note))
    if chosen is None:
        return AggregateResult(None, year, None, statuses, [])
    summary, over_limit = chosen.summary(summary_name)
    if summary is None:  # nothing is made that could be saved
        return AggregateResult(chosen.spec, chosen.year, None, statuses, chosen.rows, over_limit)
    summary.set_summary(
        SummaryInfo(
            tuple(
                SummarySource(
                    s.agency, s.year or chosen.year, s.kind or "department", Path(s.file).name
                )
                for s in (statuses[i] for i in chosen.members)
            )
        )
    )
    summary.revision = 0
    return AggregateResult(chosen.spec, chosen.year, summary, statuses, chosen.rows)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _settle_duplicates(
    candidates: list[_Candidate],
    statuses: list[ReportStatus],
    groups: dict[tuple[int, str], _Group],
) -> None:
    """Keep one report per (agency, year): see the module's rules. The others leave
    their group and say which file was counted instead; the kept one names them."""
    by_agency: dict[tuple[str, int], list[_Candidate]] = {}
    for c in candidates:
        if c.agency:  # a report without a name cannot be matched (it is noted as such)
            by_agency.setdefault((c.agency, c.year), []).append(c)
    for same in by_agency.values():
        if len(same) < 2:
            continue
        kept = min(same, key=lambda c: c.rank)
        kept_file = Path(statuses[kept.index].file).name
        dropped = [c for c in same if c is not kept]
        for c in dropped:
            groups[c.group].remove(c.index)
            st = statuses[c.index]
            statuses[c.index] = replace(
                st, note=_join(msg.AGG_DUPLICATE_DROPPED.format(file=kept_file), st.note)
            )
        names = "」「".join(Path(statuses[c.index].file).name for c in dropped)
        st = statuses[kept.index]
        statuses[kept.index] = replace(
            st, note=_join(st.note, msg.AGG_DUPLICATE_KEPT.format(files=names))
        )


def _settle_government(group: _Group, statuses: list[ReportStatus], include: bool) -> None:
    """本级政府 reports among the departments of one (year, format): left out with
    the reason unless `include`; summed and noted when there are no departments."""
    departments, government = group.kinds(statuses)
    if not government:
        return
    if departments and not include:
        for i in government:
            group.remove(i)
            st = statuses[i]
            statuses[i] = replace(
                st, note=_join(msg.AGG_SKIP_GOVERNMENT, st.note), government_skipped=True
            )
        return
    note = msg.AGG_GOVERNMENT_INCLUDED if departments else msg.AGG_GOVERNMENT_ONLY
    for i in government:
        statuses[i] = replace(statuses[i], note=_join(statuses[i].note, note))


def _status(report: Report, file: str, imported: list[str]) -> ReportStatus:
    meta = report.meta
    errors, warnings = _validate(report)
    due = report.spec.deadline(meta.year, meta.kind)
    late = None if meta.date is None or due is None else meta.date > due
    notes = []
    agency = meta.agency.strip()
    if not agency:
        notes.append(msg.AGG_NO_AGENCY)
    if imported:
        suffix = Path(file).suffix.lower()
        source = msg.AGG_IMPORT_SOURCES.get(suffix, suffix)
        notes.append(msg.AGG_IMPORT_NOTES.format(source=source, n=len(imported)))
    if report.printed():  # R16: what the agency printed is not what is summed
        notes.append(msg.AGG_PRINTED_TOTALS.format(n=len(report.printed())))
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


__all__ = [
    "DEFAULT_AGENCY",
    "DRAFT_SUFFIX",
    "REPORT_SUFFIXES",
    "AgencyRow",
    "AggregateCancelled",
    "AggregateResult",
    "Flags",
    "FoundFile",
    "OverLimit",
    "ReportSkipped",
    "ReportStatus",
    "ReportUnreadable",
    "TablePlan",
    "agency_key",
    "aggregate",
    "default_output_folder",
    "find_files",
    "format_name",
    "load_report",
    "path_key",
]
