"""`main.py import FILE -o DRAFT.nianbao [--force] [--accept-totals]`: a workbook
or Word report in.

Dispatches by extension to the Excel or the Word importer, prints every note the
importer made, and saves the result as a draft. An existing draft is only
overwritten with --force. Totals the file printed differently from the sum of
their parts are kept (the draft then reports them, R16) unless --accept-totals.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli import EXIT_OK, EXIT_UNREADABLE, EXIT_UNWRITABLE
from cli import strings as s


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help=s.IMPORT_HELP,
        description=s.IMPORT_DESCRIPTION,
        epilog=s.IMPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help=s.IMPORT_HELP_FILE)
    parser.add_argument(
        "-o", "--output", metavar="DRAFT.nianbao", required=True, help=s.IMPORT_HELP_OUTPUT
    )
    parser.add_argument("--force", action="store_true", help=s.IMPORT_HELP_FORCE)
    parser.add_argument("--accept-totals", action="store_true", help=s.IMPORT_HELP_ACCEPT_TOTALS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from importers import ImportRefused, importer_for

    source, output = Path(args.file), Path(args.output)
    importer = importer_for(source)
    if importer is None:
        print(s.IMPORT_UNKNOWN_TYPE.format(name=source.name), file=sys.stderr)
        return EXIT_UNREADABLE
    if not source.is_file():
        print(s.IMPORT_MISSING.format(path=source), file=sys.stderr)
        return EXIT_UNREADABLE
    if output.exists() and not args.force:
        print(s.IMPORT_EXISTS.format(path=output), file=sys.stderr)
        return EXIT_UNWRITABLE
    try:
        result = importer(source)
    except ImportRefused as exc:
        print(s.IMPORT_REFUSED.format(reason=exc), file=sys.stderr)
        return EXIT_UNREADABLE

    from model.drafts import DraftError, save_draft

    report = result.report
    accepted = None
    if args.accept_totals:
        from cli.validate import accept_computed_totals

        accepted = accept_computed_totals(report)
    try:
        saved = save_draft(report, output)
    except (DraftError, OSError) as exc:
        print(s.IMPORT_FAILED.format(reason=exc), file=sys.stderr)
        return EXIT_UNWRITABLE
    notes = _print_notes(result.notes, accepted_totals=accepted is not None)
    meta = report.meta
    print(
        s.IMPORT_SAVED.format(
            agency=meta.agency, year=meta.year, format=report.spec.issued_by, path=saved or output
        )
    )
    if accepted is not None:
        from cli.validate import accepted_text

        print(accepted_text(accepted))
    if notes:
        from importers.notes import NoteLevel, note_level

        attention = sum(note_level(n) is NoteLevel.ATTENTION for n in notes)
        if attention:
            print(s.IMPORT_NOTES_COUNT_ATTENTION.format(n=len(notes), attention=attention))
        else:
            print(s.IMPORT_NOTES_COUNT.format(n=len(notes)))
    _print_check(report)
    return EXIT_OK


def _print_notes(notes: list[str], accepted_totals: bool) -> list[str]:
    """Print the importer's notes, 注意 before 提示; the notes printed. With the
    computed totals accepted, notes that a printed total was kept no longer
    hold: the one line on what was accepted replaces them."""
    from importers.notes import by_level, is_printed_total_note

    if accepted_totals:
        notes = [n for n in notes if not is_printed_total_note(n)]
    for level, note in by_level(notes):
        print(s.IMPORT_NOTE.format(level=level.label, note=note))
    return notes


def _print_check(report) -> None:
    """A one-line summary of validation, so an imported draft's state is visible."""
    from model.rules import validate

    result = validate(report)
    print(s.IMPORT_CHECK.format(errors=result.errors, warnings=result.warnings))
