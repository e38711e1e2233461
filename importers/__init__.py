"""Reading reports from files other programs made (Excel/WPS workbooks, Word reports).

Importers return an `ImportResult`: the report, plus every note about what could
not be read or had to be interpreted. They never guess silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from model.report import Report


class ImportRefused(Exception):
    """The file is not one we can read (not ours, hostile, broken); str() is Chinese."""


@dataclass
class ImportResult:
    report: Report
    notes: list[str] = field(default_factory=list)  # Chinese, one sentence each
