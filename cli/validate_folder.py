"""`main.py validate FOLDER [--xlsx 检查结果.xlsx]`: the folder check, printed and saved."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from cli import EXIT_ISSUES, EXIT_OK, EXIT_UNREADABLE, EXIT_UNWRITABLE
from cli import strings as s


def check_folder(folder: Path, xlsx: str | None) -> int:
    """Check every report in `folder` (and its sub-folders); one line each, a
    summary, and the workbook when `xlsx` is given."""
    from model.aggregate import find_files, load_report
    from model.review import ReviewRow, review_files

    exclude = [Path(xlsx)] if xlsx else []
    found = find_files([folder], exclude)
    reports = [f.path for f in found if not f.skip]
    if not reports:
        print(s.FOLDER_NO_FILES.format(folder=folder), file=sys.stderr)
        return EXIT_UNREADABLE
    print(s.FOLDER_HEADER.format(folder=folder, n=len(reports), others=len(found) - len(reports)))
    # every file found gets a row, in the order found: a file that is not read is
    # listed with the reason, never left out of the review without a word
    reviewed = iter(review_files(reports, load_report, today=dt.date.today()))
    rows = [
        ReviewRow(str(f.path), unreadable=f.skip, skipped=True) if f.skip else next(reviewed)
        for f in found
    ]
    for row in rows:
        name = _relative(row.file, folder)
        if row.unreadable:
            print(s.FOLDER_ROW_UNREADABLE.format(file=name, reason=row.unreadable))
            continue
        print(
            s.FOLDER_ROW.format(
                file=name,
                agency=row.agency or s.FOLDER_NO_AGENCY,
                year=row.year,
                format=row.format_name,
                errors=row.errors,
                warnings=row.warnings,
                blanks=row.blanks,
                date=_date(row.date),
                deadline=_date(row.deadline),
                timeliness=row.timeliness,
            )
        )
    readable = [r for r in rows if not r.unreadable]
    print(
        s.FOLDER_SUMMARY.format(
            n=sum(1 for r in rows if not r.skipped),
            unreadable=sum(1 for r in rows if r.unreadable and not r.skipped),
            with_errors=sum(1 for r in readable if r.errors),
            late=sum(1 for r in readable if r.days_late),
            no_date=sum(1 for r in readable if r.date is None),
        )
    )
    if xlsx:
        from exporters import ExportError
        from exporters.review_xlsx import export_review_xlsx

        try:
            export_review_xlsx(rows, xlsx)
        except ExportError as exc:
            print(s.FOLDER_SAVE_FAILED.format(reason=exc), file=sys.stderr)
            return EXIT_UNWRITABLE
        print(s.FOLDER_SAVED.format(path=xlsx))
    failed = any((r.unreadable and not r.skipped) or r.errors for r in rows)
    return EXIT_ISSUES if failed else EXIT_OK


def _relative(file: str, folder: Path) -> str:
    try:
        return str(Path(file).relative_to(folder))
    except ValueError:
        return file


def _date(date: dt.date | None) -> str:
    return f"{date.year}年{date.month}月{date.day}日" if date else s.FOLDER_NO_VALUE
