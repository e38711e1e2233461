"""Reading reports from files other programs made (Excel/WPS workbooks, Word reports).

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
    report: Report
    notes: list[str] = field(default_factory=list)  # Chinese, one sentence each


# The files the importers read, by suffix: the one list the `import` command, the
# window and the roll-up consult.
SUFFIXES = (".xlsx", ".xlsm", ".docx")


def importer_for(path: Path) -> Callable[[Path], ImportResult] | None:
    """The import function for the file's suffix, or None when it is not one we read.
    The Word and Excel libraries are loaded here, only when needed. The function
    returned is `guarded`: it raises ImportRefused and nothing else."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from importers.xlsx import import_xlsx

        return guarded(import_xlsx)
    if suffix == ".docx":
        from importers.docx import import_docx

        return guarded(import_docx)
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
