"""Importing a published Word (.docx) report into a draft.

Three steps, each in its own module: the file is checked before any XML parser
sees it (importers/safety.py), Word's final view of its body is read into a
neutral document (importers/docx_walker.py), and that document is mapped to the
format spec (importers/published/reader.py), as any other published report is.
"""

from __future__ import annotations

from pathlib import Path

from importers import ImportRefused, ImportResult
from importers import strings as s
from importers.docx_walker import walk_document
from importers.published.reader import read_published
from importers.safety import check_office_zip


def import_docx(path: str | Path) -> ImportResult:
    """Read a published report. Raises ImportRefused (Chinese) for files that are
    not a harmless .docx, or not a report at all."""
    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise ImportRefused(s.DOCX_NOT_DOCX.format(name=path.name))
    check_office_zip(path)
    import docx  # heavy; only when importing

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many types for broken packages
        raise ImportRefused(s.DOCX_BROKEN.format(name=path.name)) from exc
    from exporters.docx.marker import marker_payload

    published = walk_document(document, path.name)
    # a summary stays one, so a roll-up never counts it again (model/summary_marker.py)
    published.summary_marker = marker_payload(document)
    return read_published(published)
