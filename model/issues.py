"""What validation returns: plain data the GUI paints and the exporters and the
command line print.

Field ids name what an issue is about when it is not a table cell:
``meta.agency``, ``meta.year``, ``meta.kind``, ``meta.date``, ``meta.format`` and
``text.<section>`` (e.g. ``text.一``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cached_property


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 is the worst; sorts errors first."""
        return _RANK[self]

    @property
    def label(self) -> str:
        return _LABEL[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_LABEL = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


@dataclass(frozen=True)
class Issue:
    severity: Severity
    rule: str  # "R1" … "R17" (model/rules_catalog.py)
    message: str  # complete Chinese sentence naming row, column and numbers
    cell: str | None = None  # the cell or field to jump to
    cells: tuple[str, ...] = ()  # every cell or field concerned (includes `cell`)

    def to_json(self) -> dict[str, object]:
        return {
            "severity": self.severity.value,
            "rule": self.rule,
            "cell": self.cell,
            "message": self.message,
        }


@dataclass(frozen=True)
class Validation:
    """The issues of one report, errors first, with per-cell lookups."""

    issues: tuple[Issue, ...]

    @cached_property
    def by_cell(self) -> dict[str, list[Issue]]:
        out: dict[str, list[Issue]] = {}
        for issue in self.issues:
            for key in issue.cells or ((issue.cell,) if issue.cell else ()):
                out.setdefault(key, []).append(issue)
        return out

    def worst(self, key: str) -> Severity | None:
        found = self.by_cell.get(key)
        return min((i.severity for i in found), key=lambda s: s.rank) if found else None

    def count(self, severity: Severity) -> int:
        return sum(1 for i in self.issues if i.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    @property
    def has_errors(self) -> bool:
        return self.errors > 0
