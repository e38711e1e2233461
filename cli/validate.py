"""`main.py validate FILE [--json] [--previous LAST] [--accept-totals]`: check a
report; `main.py validate FOLDER [--xlsx 检查结果.xlsx]`: check every report in a
folder.

FILE is a draft or any file the importers read (a published Word report, web
page, PDF or workbook, read as `import` reads it). Prints the issues, errors
first, and a summary line; `--json` prints them as a list of objects instead.
The exit code says whether the report has errors. `--accept-totals` (drafts
only) first accepts the computed totals where an imported document printed
others (R16) and saves the draft, as the problems panel's action does.

A FOLDER is checked report by report (model/review.py): one line each, and with
`--xlsx` a workbook (exporters/review_xlsx.py). The exit code is 1 when any
report has errors or cannot be read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from cli import EXIT_ISSUES, EXIT_OK, EXIT_UNREADABLE, EXIT_UNWRITABLE
from cli import strings as s


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate",
        help=s.VALIDATE_HELP,
        description=s.VALIDATE_DESCRIPTION,
        epilog=s.VALIDATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help=s.VALIDATE_HELP_FILE)
    parser.add_argument("--json", action="store_true", help=s.VALIDATE_HELP_JSON)
    parser.add_argument("--previous", metavar="LAST.nianbao", help=s.VALIDATE_HELP_PREVIOUS)
    parser.add_argument("--accept-totals", action="store_true", help=s.VALIDATE_HELP_ACCEPT_TOTALS)
    parser.add_argument("--xlsx", metavar="检查结果.xlsx", help=s.VALIDATE_HELP_XLSX)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from cli.report_files import ReportFileError, load_report_file
    from model.drafts import DraftError, save_draft
    from model.issues import Severity
    from model.rules import validate

    if Path(args.file).is_dir():
        if args.previous or args.accept_totals:
            print(s.VALIDATE_FOLDER_ONLY_OPTIONS, file=sys.stderr)
            return EXIT_UNREADABLE
        from cli.validate_folder import check_folder

        return check_folder(Path(args.file), args.xlsx)
    if args.xlsx:
        print(s.VALIDATE_XLSX_NEEDS_FOLDER, file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        report, notes = load_report_file(args.file)
    except ReportFileError as exc:
        print(s.VALIDATE_UNREADABLE.format(reason=exc), file=sys.stderr)
        return EXIT_UNREADABLE
    if notes and not args.json:
        from cli.report_files import attention_text

        name, attention = Path(args.file).name, attention_text(notes)
        print(s.VALIDATE_IMPORTED.format(name=name, n=len(notes), attention=attention))
    previous = None
    if args.previous:
        try:
            previous, _notes = load_report_file(args.previous)
        except ReportFileError as exc:
            print(s.VALIDATE_PREVIOUS_UNREADABLE.format(reason=exc), file=sys.stderr)
            return EXIT_UNREADABLE
    if args.accept_totals and Path(args.file).suffix.lower() != ".nianbao":
        from importers import importer_for

        if importer_for(Path(args.file)) is not None:
            print(s.VALIDATE_ACCEPT_NEEDS_DRAFT, file=sys.stderr)
            return EXIT_UNREADABLE
    if args.accept_totals:
        accepted = accept_computed_totals(report)
        if accepted:
            try:
                save_draft(report, args.file)
            except (DraftError, OSError) as exc:
                print(s.VALIDATE_SAVE_FAILED.format(reason=exc), file=sys.stderr)
                return EXIT_UNWRITABLE
        # stderr: the report on stdout stays what --json promises
        print(accepted_text(accepted), file=sys.stderr)
    # today: so the command warns when the publication deadline is near
    result = validate(report, previous, today=dt.date.today())
    if args.json:
        print(json.dumps([i.to_json() for i in result.issues], ensure_ascii=False, indent=2))
    else:
        meta = report.meta
        print(
            s.VALIDATE_HEADER.format(
                agency=meta.agency or s.VALIDATE_NO_AGENCY,
                year=meta.year,
                format=report.spec.issued_by,
            )
        )
        for issue in result.issues:
            print(
                s.VALIDATE_LINE.format(
                    severity=issue.severity.label, rule=issue.rule, message=issue.message
                )
            )
        if not result.issues:
            print(s.VALIDATE_CLEAN)
        print(
            s.VALIDATE_SUMMARY.format(
                errors=result.errors,
                warnings=result.warnings,
                infos=result.count(Severity.INFO),
            )
        )
    return EXIT_ISSUES if result.has_errors else EXIT_OK


def accept_computed_totals(report) -> list[str]:
    """Drop every printed total the report keeps (R16). Returns one phrase per
    total replaced, naming it and what it was printed as and becomes
    (「“（七）总计”行“自然人”列：印为 1034，改为 1160」)."""
    from model.values import format_value

    printed = report.printed()
    report.drop_printed(printed)
    changes = []
    for cell_id, shown in printed.items():
        cell = report.cell(cell_id)
        computed = report.value(cell_id)
        changes.append(
            s.ACCEPTED_TOTAL.format(
                row=cell.row_label,
                col=cell.col_label,
                printed=s.BLANK_TOTAL if shown is None else format_value(shown),
                computed=s.BLANK_TOTAL if computed is None else format_value(computed),
            )
        )
    return changes


def accepted_text(changes: list[str]) -> str:
    """One sentence saying which totals were replaced, and from what to what."""
    if not changes:
        return s.ACCEPT_TOTALS_NONE
    return s.ACCEPTED_TOTALS.format(n=len(changes), changes="；".join(changes))
