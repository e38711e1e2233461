"""Reading the report file a command is given: a draft (.nianbao) or any file the
importers read (Excel, Word .docx/.doc, web page, PDF).

One function for `validate`, `compare` and `new --from`, so every command takes
the same files; `import` and `aggregate` use importers.importer_for and
model.aggregate.load_report, which dispatch the same way.
"""

from __future__ import annotations

from pathlib import Path

from cli import strings as s


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
            raise ReportFileError(str(exc)) from exc
    if not path.is_file():
        raise ReportFileError(s.IMPORT_MISSING.format(path=path))
    try:
        result = importer(path)
    except ImportRefused as exc:
        raise ReportFileError(str(exc)) from exc
    return result.report, result.notes
