"""`main.py export FILE [--docx OUT.docx] [--pdf OUT.pdf] [--xlsx OUT.xlsx] [--html OUT.html]
[--fill-zero] [--strict] [--previous LAST] [--force]`.

Validates the report — a draft, or any file the importers read
(cli/report_files.py) — prints its errors and warnings, then writes the
requested files. A report with errors is still exported (the officer may want
to look at it) unless --strict, which then writes nothing and exits 1. Blank cells print
blank; --fill-zero first fills them with 0 in the draft and saves it, so the draft
and the document agree (drafts only: a published file is never written over).
An existing output file is only replaced with --force.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from cli import EXIT_ISSUES, EXIT_OK, EXIT_UNREADABLE, EXIT_UNWRITABLE
from cli import strings as s


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help=s.EXPORT_HELP,
        description=s.EXPORT_DESCRIPTION,
        epilog=s.EXPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help=s.EXPORT_HELP_FILE)
    parser.add_argument("--docx", metavar="OUT.docx", help=s.EXPORT_HELP_DOCX)
    parser.add_argument("--pdf", metavar="OUT.pdf", help=s.EXPORT_HELP_PDF)
    parser.add_argument("--xlsx", metavar="OUT.xlsx", help=s.EXPORT_HELP_XLSX)
    parser.add_argument("--fill-zero", action="store_true", help=s.EXPORT_HELP_FILL_ZERO)
    parser.add_argument("--html", metavar="OUT.html", help=s.EXPORT_HELP_HTML)
    parser.add_argument("--strict", action="store_true", help=s.EXPORT_HELP_STRICT)
    parser.add_argument("--previous", metavar="LAST.nianbao", help=s.EXPORT_HELP_PREVIOUS)
    parser.add_argument("--force", action="store_true", help=s.EXPORT_HELP_FORCE)
    parser.set_defaults(func=run)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def existing_output(paths: list[str | None], force: bool) -> str | None:
    """A Chinese sentence when one of `paths` is an existing file and `force` is
    not given (an officer's own Word report must not be replaced by a mistyped
    output name), else None. Shared by every command that writes files."""
    if force:
        return None
    for path in paths:
        if path and Path(path).exists():
            return s.OUTPUT_EXISTS.format(path=path)
    return None


def _check_outputs(args: argparse.Namespace) -> str | None:
    """A Chinese reason why the requested outputs cannot be used, or None."""
    requested = (
        (args.docx, (".docx",)),
        (args.pdf, (".pdf",)),
        (args.xlsx, (".xlsx",)),
        (args.html, (".html", ".htm")),
    )
    outputs = [(p, suffixes) for p, suffixes in requested if p]
    if not outputs:
        return s.EXPORT_NO_OUTPUT
    source = Path(args.file).resolve()
    for path, suffixes in outputs:
        if Path(path).suffix.lower() not in suffixes:
            return s.EXPORT_BAD_SUFFIX.format(path=path, suffix=suffixes[0])
        if Path(path).resolve() == source:
            return s.EXPORT_SAME_AS_INPUT.format(path=path)
    return None


def run(args: argparse.Namespace) -> int:
    from cli.report_files import DRAFT_SUFFIX, ReportFileError, load_report_file
    from model.rules import validate

    problem = _check_outputs(args)
    if problem:
        _err(problem)
        return EXIT_UNREADABLE
    existing = existing_output([args.docx, args.pdf, args.xlsx, args.html], args.force)
    if existing:
        _err(existing)
        return EXIT_UNWRITABLE
    if args.fill_zero and Path(args.file).suffix.lower() != DRAFT_SUFFIX:
        _err(s.EXPORT_FILL_NEEDS_DRAFT)  # 补零 saves the draft: never over a published file
        return EXIT_UNREADABLE
    try:
        report, notes = load_report_file(args.file)
    except ReportFileError as exc:
        _err(s.EXPORT_UNREADABLE.format(reason=exc))
        return EXIT_UNREADABLE
    if notes:
        from cli.report_files import attention_text

        name, attention = Path(args.file).name, attention_text(notes)
        print(s.EXPORT_IMPORTED.format(name=name, n=len(notes), attention=attention))
    previous = None
    if args.previous:
        try:
            previous, _notes = load_report_file(args.previous)
        except ReportFileError as exc:
            _err(s.EXPORT_PREVIOUS_UNREADABLE.format(reason=exc))
            return EXIT_UNREADABLE

    if args.fill_zero and not _fill_zero(report, args.file):
        return EXIT_UNWRITABLE
    validation = validate(report, previous, today=dt.date.today())
    for issue in validation.issues:
        line = s.EXPORT_ISSUE.format(
            severity=issue.severity.label, rule=issue.rule, message=issue.message
        )
        print(line)
    print(s.EXPORT_SUMMARY.format(errors=validation.errors, warnings=validation.warnings))
    if validation.has_errors and args.strict:
        _err(s.EXPORT_STRICT_REFUSED.format(errors=validation.errors))
        return EXIT_ISSUES

    status = EXIT_OK
    if blanks := len(report.blank_inputs()):
        print(s.EXPORT_BLANKS.format(n=blanks))
    if args.docx or args.pdf:
        from exporters.font_check import font_warning

        # once per run; the Word file itself is still right, a PDF takes the substitutes
        if warning := font_warning(pdf=bool(args.pdf)):
            print(s.EXPORT_FONT_NOTE.format(warning=warning))
    said: set[str] = set()  # a note the Word file and the PDF share is printed once
    if args.docx and not _export(report, args.docx, validation, "docx", said):
        status = EXIT_UNWRITABLE
    if args.pdf and not _export(report, args.pdf, validation, "pdf", said):
        status = EXIT_UNWRITABLE
    if args.xlsx and not _export(report, args.xlsx, validation, "xlsx", said):
        status = EXIT_UNWRITABLE
    if args.html and not _export(report, args.html, validation, "html", said):
        status = EXIT_UNWRITABLE
    if status == EXIT_OK and validation.has_errors:
        print(s.EXPORT_WITH_ERRORS.format(errors=validation.errors))
    return status


def _fill_zero(report, draft: str) -> bool:
    """补零: every blank input becomes 0 in the draft, which is saved first, so the
    draft and the exported files agree. False (nothing exported) when it cannot be
    saved."""
    from model.drafts import DraftError, save_draft

    blanks = report.blank_inputs()
    if not blanks:
        return True
    report.set_values(dict.fromkeys(blanks, 0))
    try:
        save_draft(report, draft)
    except (DraftError, OSError) as exc:
        _err(s.EXPORT_FILL_FAILED.format(reason=exc))
        return False
    print(s.EXPORT_FILLED.format(n=len(blanks), path=draft))
    return True


def _export(report, path: str, validation, kind: str, said: set[str]) -> bool:
    """Write one output; prints the exporter's notes not `said` before in this run.
    False when it failed."""
    from exporters import ExportError

    if kind == "docx":
        from exporters.docx import export_docx as export

        done = s.EXPORT_DONE_DOCX
    elif kind == "pdf":
        from exporters.pdf import export_pdf

        def export(report, path, validation):
            return export_pdf(report, path)

        done = s.EXPORT_DONE_PDF
    elif kind == "html":
        from exporters.html import export_html as export

        done = s.EXPORT_DONE_HTML
    else:
        from exporters.xlsx import export_xlsx as export

        done = s.EXPORT_DONE_XLSX
    try:
        notes = export(report, path, validation)
    except ExportError as exc:
        _err(s.EXPORT_FAILED.format(reason=exc))
        return False
    for note in notes:
        if note not in said:
            print(s.EXPORT_NOTE.format(note=note))
            said.add(note)
    print(done.format(path=path))
    return True
