"""`main.py aggregate`: roll many agencies' reports up into one summary."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli import EXIT_OK, EXIT_UNREADABLE, EXIT_UNWRITABLE
from cli import strings as s


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "aggregate",
        help=s.AGG_HELP,
        description=s.AGG_DESCRIPTION,
        epilog=s.AGG_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="DIR_OR_FILE", help=s.AGG_HELP_INPUTS)
    p.add_argument(
        "-o", "--output", required=True, metavar="SUMMARY.nianbao", help=s.AGG_HELP_OUTPUT
    )
    p.add_argument("--xlsx", metavar="SUMMARY.xlsx", help=s.AGG_HELP_XLSX)
    p.add_argument("--year", type=int, metavar="Y", help=s.AGG_HELP_YEAR)
    p.add_argument("--agency", default="", metavar="名称", help=s.AGG_HELP_AGENCY)
    p.add_argument("--include-government", action="store_true", help=s.AGG_HELP_GOVERNMENT)
    p.add_argument("--force", action="store_true", help=s.EXPORT_HELP_FORCE)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from cli.export import existing_output
    from model.aggregate import aggregate, format_name

    output = Path(args.output)
    xlsx = Path(args.xlsx) if args.xlsx else None
    existing = existing_output([args.output, args.xlsx], args.force) or _replaces_a_report(
        [output, *([xlsx] if xlsx else [])]
    )
    if existing:  # before the work: the officer learns it at once, nothing replaced
        print(existing, file=sys.stderr)
        return EXIT_UNWRITABLE
    exclude = [output] + ([xlsx] if xlsx else [])
    result = aggregate(
        args.inputs,
        year=args.year,
        agency=args.agency,
        include_government=args.include_government,
        exclude=exclude,
    )
    if not result.statuses:
        print(s.AGG_NO_FILES, file=sys.stderr)
        return EXIT_UNREADABLE
    if result.spec is not None:
        print(s.AGG_SCOPE.format(year=result.year, format=format_name(result.spec)))
    print(result.summary_line())
    refused = result.not_included
    if refused:
        print(s.AGG_HEAD_REFUSED)
        for status in refused:
            print(s.AGG_LINE_REFUSED.format(file=status.file, note=status.note))
    if result.over_limit:  # nothing is written
        print(result.over_limit_text(), file=sys.stderr)
        return EXIT_UNREADABLE
    if result.summary is None:
        print(s.AGG_NONE, file=sys.stderr)
        return EXIT_UNREADABLE
    flags = result.flags()
    print(
        s.AGG_FLAGS.format(
            errors=flags.errors, blanks=flags.blanks, late=flags.late, unknown=flags.undated
        )
    )
    if flags.government:
        print(s.AGG_GOVERNMENT.format(n=flags.government))
    return _write(result, output, xlsx)


def _write(result, output: Path, xlsx: Path | None) -> int:
    from exporters import ExportError
    from exporters.summary_xlsx import export_summary_xlsx
    from model.drafts import DraftError, save_draft

    try:
        save_draft(result.summary, output)
        print(s.AGG_SAVED_DRAFT.format(path=output))
        if xlsx is not None:
            for warning in export_summary_xlsx(result, xlsx):
                print(warning, file=sys.stderr)
            print(s.AGG_SAVED_XLSX.format(path=xlsx))
    except (DraftError, ExportError) as exc:
        print(s.AGG_FAILED.format(reason=exc), file=sys.stderr)
        return EXIT_UNWRITABLE
    return EXIT_OK


def _replaces_a_report(paths: list[Path]) -> str | None:
    """A Chinese sentence when an output would replace an agency's report (an
    earlier summary may be replaced with --force; a department's report never)."""
    from model.aggregate import ReportUnreadable, load_report

    for path in paths:
        if not path.is_file():
            continue
        try:
            loaded = load_report(path)
        except ReportUnreadable:  # a summary workbook, or no report at all
            continue
        report = getattr(loaded, "report", loaded)
        if report.summary is None:
            return s.AGG_OUTPUT_IS_A_REPORT.format(path=path)
    return None
