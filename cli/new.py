"""`main.py new`: an empty draft in the format its year requires, optionally
continued from last year's report: a draft or any file the importers read."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli import EXIT_OK, EXIT_UNREADABLE, EXIT_UNWRITABLE
from cli import strings as s


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "new",
        help=s.NEW_HELP,
        description=s.NEW_DESCRIPTION,
        epilog=s.NEW_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--year", type=int, required=True, metavar="YYYY", help=s.NEW_HELP_YEAR)
    p.add_argument("--agency", metavar="名称", help=s.NEW_HELP_AGENCY)
    p.add_argument("--kind", choices=("department", "government"), help=s.NEW_HELP_KIND)
    p.add_argument("--from", dest="previous", metavar="LAST.nianbao", help=s.NEW_HELP_FROM)
    p.add_argument("-o", "--output", required=True, metavar="FILE.nianbao", help=s.NEW_HELP_OUTPUT)
    p.add_argument("--force", action="store_true", help=s.NEW_HELP_FORCE)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from model.carryover import start_from_previous
    from model.drafts import DraftError, save_draft
    from model.formats import FORMATS, UnknownFormat, format_for_year
    from model.report import Report
    from model.values import InvalidValue

    try:
        spec = format_for_year(args.year)
    except UnknownFormat:
        first = min(f.first_year for f in FORMATS.values())
        print(s.NEW_NO_FORMAT.format(year=args.year, first=first), file=sys.stderr)
        return EXIT_UNREADABLE
    output = Path(args.output)
    if output.exists() and not args.force:
        print(s.NEW_EXISTS.format(path=output), file=sys.stderr)
        return EXIT_UNWRITABLE

    previous = None
    if args.previous:
        from cli.report_files import ReportFileError, load_report_file

        try:
            previous, _notes = load_report_file(args.previous)
            report = start_from_previous(previous, args.year)
        except (ReportFileError, ValueError) as exc:
            print(s.NEW_PREVIOUS_UNREADABLE.format(reason=exc), file=sys.stderr)
            return EXIT_UNREADABLE
    elif not (args.agency or "").strip():
        print(s.NEW_NO_AGENCY, file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        if previous is not None:
            changes = {"agency": args.agency, "kind": args.kind}
            report.set_meta(**{k: v for k, v in changes.items() if v is not None})
        else:
            report = Report(spec, args.year, args.agency.strip(), args.kind or "department")
    except InvalidValue as exc:  # a name with control characters (model.texts)
        print(s.NEW_BAD_AGENCY.format(reason=exc), file=sys.stderr)
        return EXIT_UNREADABLE

    try:
        save_draft(report, output)
    except DraftError as exc:
        print(s.NEW_FAILED.format(reason=exc), file=sys.stderr)
        return EXIT_UNWRITABLE
    fmt = s.FORMAT_LABEL.format(name=spec.name, doc=spec.issued_by)
    print(s.NEW_CREATED.format(agency=report.meta.agency, year=args.year, path=output, format=fmt))
    if previous is not None and report.previous is not None:
        carried = len(report.values())
        print(
            s.NEW_CARRIED.format(
                previous=previous.meta.year, count=carried, values=len(report.previous.values)
            )
        )
    return EXIT_OK
