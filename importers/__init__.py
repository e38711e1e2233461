"""Reading reports from files other programs made: Excel/WPS workbooks, and reports as
published — Word (.docx, old .doc), web pages (.html/.htm) and PDFs.

Importers return an `ImportResult`: the report, plus every note about what could
not be read or had to be interpreted. They never guess silently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from model.report import Report


class ImportRefused(Exception):
    """The file is not one we can read (not ours, hostile, broken); str() is Chinese."""


@dataclass
class ImportResult:
    """The report read, and every note about what could not be read or had to be
    interpreted (Chinese, one sentence each). Each note has a level
    (importers/notes.py): 注意 when something printed was not imported as
    printed, 提示 for the rest; `attention` lists the former."""

    report: Report
    notes: list[str] = field(default_factory=list)

    @property
    def attention(self) -> list[str]:
        """The notes that say something printed was not imported as printed."""
        from importers.notes import NoteLevel, note_level

        return [n for n in self.notes if note_level(n) is NoteLevel.ATTENTION]


# The files the importers read, by suffix: the one list the `import` command, the
# window, the folder check and the roll-up consult.
SUFFIXES = (".xlsx", ".xlsm", ".docx", ".doc", ".html", ".htm", ".pdf")


def importer_for(path: Path) -> Callable[[Path], ImportResult] | None:
    """The import function for the file's suffix, or None when it is not one we read.
    The libraries each format needs are loaded here, only when needed."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from importers.xlsx import import_xlsx

        return import_xlsx
    if suffix == ".docx":
        from importers.docx import import_docx

        return import_docx
    if suffix == ".doc":
        from importers.doc import import_doc

        return import_doc
    if suffix in (".html", ".htm"):
        from importers.html import import_html

        return import_html
    if suffix == ".pdf":
        from importers.pdf import import_pdf

        return import_pdf
    return None
