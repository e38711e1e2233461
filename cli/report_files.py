"""Reading the report file a command is given: a draft (.nianbao) or any file the
importers read (Excel, Word .docx/.doc, web page, PDF).

One function for `validate`, `compare`, `export` and `new --from` (and their
`--previous`), so every command takes the same files; `import` and `aggregate`
use importers.importer_for and model.aggregate.load_report, which dispatch the
same way. A file that is neither a draft nor of a type the importers read is
refused with a message listing the types that are.
"""

from __future__ import annotations

from pathlib import Path

from cli import strings as s

DRAFT_SUFFIX = ".nianbao"


class ReportFileError(Exception):
    """The file cannot be read as a report; str() is a Chinese reason."""


def load_report_file(path: str | Path) -> tuple[object, list[str]]:
    """(Report, importer notes) for a draft or an importable file. Raises
    ReportFileError with the draft loader's or the importer's Chinese reason."""
    from importers import ImportRefused, importer_for
    from model.drafts import DraftError, load_draft

    path = Path(path)
    importer = importer_for(path)
    if importer is None:
        try:
            return load_draft(path), []
        except (DraftError, OSError) as exc:
            if path.suffix.lower() != DRAFT_SUFFIX and path.is_file():
                # neither a draft (whatever its name) nor a type the importers
                # read: say which files are taken
                from importers import strings as import_strings

                reason = import_strings.UNSUPPORTED_TYPE.format(name=path.name)
                raise ReportFileError(reason) from exc
            raise ReportFileError(str(exc)) from exc
    if not path.is_file():
        raise ReportFileError(s.IMPORT_MISSING.format(path=path))
    try:
        result = importer(path)
    except ImportRefused as exc:
        raise ReportFileError(str(exc)) from exc
    return result.report, result.notes


def attention_text(notes: list[str]) -> str:
    """「，其中 2 条“注意”…」 when some notes say something printed was not imported
    as printed (importers/notes.py), else ""."""
    from importers.notes import NoteLevel, note_level

    n = sum(note_level(note) is NoteLevel.ATTENTION for note in notes)
    return s.NOTES_ATTENTION.format(n=n) if n else ""
