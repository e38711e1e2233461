"""Reading reports from files other programs made: Excel/WPS workbooks, and reports as
published — Word (.docx, old .doc), web pages (.html/.htm) and PDFs.

Importers return an `ImportResult`: the report, plus every note about what could
not be read or had to be interpreted. They never guess silently.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from model.report import Report

log = logging.getLogger("nianbao.importers")


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


def readable_text(text: str, where: str, notes: list[str], one_line: bool = False) -> str:
    """A text or name read from a file as the model holds it (model.texts): line
    breaks as \\n, control characters dropped with a note naming `where` and them.
    `one_line`: a name, its lines joined. Every importer passes each text and name
    through here before it reaches the report."""
    from importers import strings as s
    from model.texts import describe, drop_controls

    cleaned, dropped = drop_controls(text, one_line)
    if dropped:
        notes.append(s.CONTROLS_DROPPED.format(where=where, chars=describe(dropped)))
    return cleaned


# The files the importers read, by suffix: the one list the `import` command, the
# window, the folder check and the roll-up consult.
SUFFIXES = (".xlsx", ".xlsm", ".docx", ".doc", ".html", ".htm", ".pdf")


def importer_for(path: Path) -> Callable[[Path], ImportResult] | None:
    """The import function for the file's suffix, or None when it is not one we read.
    The libraries each format needs are loaded here, only when needed. The
    function returned is `guarded`: it raises ImportRefused and nothing else."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from importers.xlsx import import_xlsx

        return guarded(import_xlsx)
    if suffix == ".docx":
        from importers.docx import import_docx

        return guarded(import_docx)
    if suffix == ".doc":
        from importers.doc import import_doc

        return guarded(import_doc)
    if suffix in (".html", ".htm"):
        from importers.html import import_html

        return guarded(import_html)
    if suffix == ".pdf":
        from importers.pdf import import_pdf

        return guarded(import_pdf)
    return None


def guarded(importer: Callable[[Path], ImportResult]) -> Callable[[Path], ImportResult]:
    """The importer behind the door every caller uses (the import command, the
    window, the roll-up, the comparison):

    - it raises ImportRefused (Chinese, naming the file) and nothing else. A value
      the model refuses (InvalidValue) is refused with its own reason; anything
      unexpected (a parser failure deep inside a library, a bug) is logged with its
      traceback and refused as a damaged file;
    - what it returns is within model.limits, exactly as a draft must be to be
      opened again (`model.drafts.check_within_limits`)."""

    @functools.wraps(importer)
    def run(path: str | Path) -> ImportResult:
        from importers import strings as s
        from model.drafts import check_within_limits
        from model.values import InvalidValue

        path = Path(path)
        try:
            result = importer(path)
            check_within_limits(result.report)
        except ImportRefused:
            raise
        except InvalidValue as exc:
            raise ImportRefused(s.OUT_OF_LIMITS.format(name=path.name, reason=exc)) from exc
        except Exception as exc:  # RecursionError and MemoryError too
            log.error("import of %s failed unexpectedly", path.name, exc_info=exc)
            raise ImportRefused(s.UNEXPECTED.format(name=path.name)) from exc
        return result

    return run
