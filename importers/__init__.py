"""Reading reports from files other programs made (Excel/WPS workbooks, Word reports).

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
    report: Report
    notes: list[str] = field(default_factory=list)  # Chinese, one sentence each


# The files the importers read, by suffix: the one list the `import` command, the
# window and the roll-up consult.
SUFFIXES = (".xlsx", ".xlsm", ".docx")


def importer_for(path: Path) -> Callable[[Path], ImportResult] | None:
    """The import function for the file's suffix, or None when it is not one we read.
    The Word and Excel libraries are loaded here, only when needed."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from importers.xlsx import import_xlsx

        return import_xlsx
    if suffix == ".docx":
        from importers.docx import import_docx

        return import_docx
    return None
