"""The folder check (年报审查): every report in a folder, checked, one row each.

The supervising office's yearly review of published reports, offline: for each
report file (any type the program reads) the agency, year and format, the
errors, warnings and blank cells the rule engine finds, and whether it was
published in time. "Published by" is the report's 成文日期 (the date of its
signature block): the date the agency signed the report, which the regulation's
deadline (条例第四十九条: departments by 1月31日, a government's own report by
3月31日, R14) applies to. A site's page may show a later posting date; the
report itself carries only the 成文日期, so that is what is compared.

Pure model: the files are read through a loader the caller passes (the command
line passes model.aggregate.load_report, which reads drafts and, through the
importers, every other type).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from model import messages as msg
from model.issues import Issue
from model.report import Report

Loader = Callable[[Path], Any]  # a Report, or an ImportResult (.report, .notes)


@dataclass(frozen=True)
class Finding:
    """One issue of one report, with the cell it concerns named for a reader."""

    severity: str  # 错误 / 警告 / 提示
    rule: str
    message: str
    cell_id: str
    cell_name: str


@dataclass
class ReviewRow:
    """One report file of the folder."""

    file: str
    agency: str = ""
    year: int | None = None
    format_name: str = ""
    errors: int | None = None
    warnings: int | None = None
    blanks: int | None = None
    date: dt.date | None = None  # 成文日期
    deadline: dt.date | None = None
    import_notes: int = 0
    notes: list[str] = field(default_factory=list)  # the import notes themselves
    unreadable: str = ""  # why the file could not be read (or was not read)
    skipped: bool = False  # not a report file at all (another type, a lock file…)
    findings: list[Finding] = field(default_factory=list)

    @property
    def days_late(self) -> int | None:
        """Days past the deadline (0 when on time); None without a date."""
        if self.date is None or self.deadline is None:
            return None
        return max((self.date - self.deadline).days, 0)

    @property
    def timeliness(self) -> str:
        """「按期」「逾期 N 天」「未写成文日期」, or "" for an unreadable file."""
        if self.unreadable:
            return ""
        late = self.days_late
        if late is None:
            return msg.REVIEW_NO_DATE
        return msg.REVIEW_LATE.format(days=late) if late else msg.REVIEW_ON_TIME


def review_files(
    files: Iterable[Path], loader: Loader, today: dt.date | None = None
) -> list[ReviewRow]:
    """Check each file; a file that cannot be read is a row with the reason (the
    loader raises an exception whose str() is Chinese)."""
    from model.aggregate import ReportSkipped
    from model.rules import validate

    rows: list[ReviewRow] = []
    for path in files:
        name = os.fspath(path)
        try:
            loaded = loader(path)
        except ReportSkipped as exc:  # a summary workbook: no report, and not broken
            rows.append(ReviewRow(name, unreadable=str(exc), skipped=True))
            continue
        except Exception as exc:  # one broken file never stops the review of the rest
            reason = str(exc) or msg.AGG_UNEXPECTED.format(error=type(exc).__name__)
            rows.append(ReviewRow(name, unreadable=msg.REVIEW_UNREADABLE.format(reason=reason)))
            continue
        report: Report = getattr(loaded, "report", loaded)
        notes = list(getattr(loaded, "notes", ()))
        result = validate(report, today=today)
        meta, spec = report.meta, report.spec
        rows.append(
            ReviewRow(
                file=name,
                agency=meta.agency.strip(),
                year=meta.year,
                format_name=f"{spec.name}（{spec.issued_by}）",
                errors=result.errors,
                warnings=result.warnings,
                blanks=len(report.blank_inputs()),
                date=meta.date,
                deadline=spec.deadline(meta.year, meta.kind),
                import_notes=len(notes),
                notes=[str(n) for n in notes],
                findings=[_finding(report, issue) for issue in result.issues],
            )
        )
    return rows


def _finding(report: Report, issue: Issue) -> Finding:
    return Finding(
        issue.severity.label, issue.rule, issue.message, issue.cell or "", cell_name(report, issue)
    )


def cell_name(report: Report, issue: Issue) -> str:
    """The cell an issue concerns as a reader finds it: 「三、… / （一）予以公开 / 自然人」,
    a section's text (「一、总体情况（正文）」) or a field of the basic information."""
    cell_id = issue.cell or ""
    spec = report.spec
    cell = spec.cell_by_id.get(cell_id)
    if cell is not None:
        heading = next((s.heading for s in spec.sections if s.table == cell.table), cell.table)
        row = " ".join(p for p in cell.row_path if p)
        return " / ".join(p for p in (heading, row, cell.col_label) if p)
    if cell_id.startswith("text."):
        section = spec.section_by_id.get(cell_id.removeprefix("text."))
        return msg.REVIEW_TEXT_CELL.format(heading=section.heading) if section else cell_id
    if cell_id.startswith("meta."):
        return msg.REVIEW_META_FIELDS.get(cell_id, cell_id)
    return cell_id
