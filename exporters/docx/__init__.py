"""The Word (.docx) export: the report as the document that goes up for approval.

`export_docx` builds the whole document from the report's format spec (no code
path per format) and writes it atomically. Layout follows formats.md §7.
"""

from __future__ import annotations

import os

from docx.document import Document

from exporters import ExportError, atomic_output, check_exportable
from exporters.docx import strings as s
from exporters.docx.body import build_body
from exporters.docx.document import new_document
from exporters.docx.layout import agency_name, title_lines
from exporters.docx.marker import add_summary_marker
from model.issues import Validation
from model.report import Report

__all__ = ["ExportError", "build_document", "export_docx"]


def build_document(report: Report) -> tuple[Document, list[str]]:
    """(python-docx Document, warnings) without writing anything."""
    body = build_body(report)
    title = "".join(
        title_lines(agency_name(report.meta.agency), report.meta.year, report.spec.title_suffix)
    )
    doc = new_document(report, body.xml, title)
    add_summary_marker(doc, report)  # a summary stays one through Word (model.aggregate)
    return doc, body.warnings


def export_docx(
    report: Report, path: str | os.PathLike[str], validation: Validation | None = None
) -> list[str]:
    """Write `report` as a .docx at `path`; returns Chinese warnings (blank cells
    printed as 0, missing agency or date, empty sections, remaining errors).
    Raises ExportError when the file cannot be written, or for a report outside
    model.limits; an existing file at `path` is then left as it was."""
    check_exportable(report)
    doc, warnings = build_document(report)
    if validation is not None and validation.has_errors:
        warnings.append(s.HAS_ERRORS.format(count=validation.errors))
    with atomic_output(path) as tmp:
        doc.save(str(tmp))
    return warnings
