"""Undo commands: each one calls Report methods and remembers how to go back.

Commands act on the report they were created with. After a ReplaceReport the
commands below it on the stack refer to the old report, which becomes current
again when the replacement is undone, so the history stays consistent.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand

from gui import strings as s
from model.report import Report
from model.values import Value

# Command ids for QUndoCommand.mergeWith (any distinct positive ints).
_ID_TEXT = 1002
_ID_META = 1003
_ID_EXTRA = 1004

# Text is undone in the steps a word processor takes: a pause in typing longer
# than this (seconds) starts a new step, so one Ctrl+Z never takes back more than
# one burst of typing. A new paragraph, a paste and leaving the editor end a step
# too (`SetTextCommand`, `DocumentController.end_text_step`).
TEXT_MERGE_PAUSE = 1.5


class SetCellsCommand(QUndoCommand):
    """Set input cells (typing, paste, clear, 补零). Never merged: each committed
    entry is its own step, so 3 corrected to 2 undoes to 3, not to blank."""

    def __init__(self, report: Report, values: Mapping[str, Value | None], text: str) -> None:
        super().__init__(text)
        self._report = report
        self._new = dict(values)
        self._old = {cid: report.input_value(cid) for cid in self._new}

    @property
    def cell_ids(self) -> tuple[str, ...]:
        return tuple(self._new)

    def redo(self) -> None:
        self._report.set_values(self._new)

    def undo(self) -> None:
        self._report.set_values(self._old)


class SetTextCommand(QUndoCommand):
    """Replace the text of a narrative section. Typing merges into one step while it
    goes on in one section: not across a pause of `TEXT_MERGE_PAUSE`, not across a
    step boundary (`step`, the controller's count of ended steps: a paste, leaving
    the editor, undo), and not past a new paragraph (the edit that adds a line
    break closes its step, as Enter does in a word processor)."""

    def __init__(
        self, report: Report, section_id: str, text: str, label: str, step: int = 0
    ) -> None:
        super().__init__(label)
        self._report = report
        self._section = section_id
        self._old = report.texts[section_id]
        self._new = text
        self._stamp = time.monotonic()
        self._step = step
        self._closed = _adds_paragraph(self._old, text)

    def redo(self) -> None:
        self._report.set_text(self._section, self._new)

    def undo(self) -> None:
        self._report.set_text(self._section, self._old)

    def id(self) -> int:
        return _ID_TEXT

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetTextCommand) or self._closed:
            return False
        if other._report is not self._report or other._section != self._section:
            return False
        if other._step != self._step or other._stamp - self._stamp > TEXT_MERGE_PAUSE:
            return False
        self._closed = _adds_paragraph(self._new, other._new)
        self._new = other._new
        self._stamp = other._stamp
        self.setObsolete(self._new == self._old)
        return True


def _adds_paragraph(old: str, new: str) -> bool:
    """Whether an edit from `old` to `new` starts a new paragraph (Enter)."""
    return new.count("\n") > old.count("\n")


class SetMetaCommand(QUndoCommand):
    """Change agency, year, kind or date; typing in one field merges. With
    `detach_previous`, last year's report is detached in the same step (a year
    change after which it is no longer the year before)."""

    def __init__(
        self,
        report: Report,
        changes: Mapping[str, Any],
        text: str,
        detach_previous: bool = False,
    ) -> None:
        super().__init__(text)
        self._report = report
        self._new = dict(changes)
        self._old = {name: getattr(report.meta, name) for name in self._new}
        self._previous = report.previous if detach_previous else None
        self._detach = detach_previous

    def redo(self) -> None:
        if self._detach:
            self._report.set_previous(None)
        self._report.set_meta(**self._new)

    def undo(self) -> None:
        self._report.set_meta(**self._old)
        if self._detach:
            self._report.set_previous(self._previous)

    def id(self) -> int:
        return _ID_META if len(self._new) == 1 and not self._detach else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetMetaCommand) or other._report is not self._report:
            return False
        if other._detach:
            return False
        if set(other._new) != set(self._new):
            return False
        self._new = dict(other._new)
        self.setObsolete(self._new == self._old)
        return True


class SetUnitCommand(QUndoCommand):
    def __init__(self, report: Report, cell_id: str, unit: str, text: str) -> None:
        super().__init__(text)
        self._report = report
        self._cell = cell_id
        self._old = report.unit(cell_id) or unit
        self._new = unit

    def redo(self) -> None:
        self._report.set_unit(self._cell, self._new)

    def undo(self) -> None:
        self._report.set_unit(self._cell, self._old)


class SetExtraCommand(QUndoCommand):
    """Set one of the report's small structured fields; edits of one key merge."""

    def __init__(self, report: Report, key: str, value: Any, text: str) -> None:
        super().__init__(text)
        self._report = report
        self._key = key
        self._old = report.extras.get(key)
        self._new = value

    def redo(self) -> None:
        self._report.set_extra(self._key, self._new)

    def undo(self) -> None:
        self._report.set_extra(self._key, self._old)

    def id(self) -> int:
        return _ID_EXTRA

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetExtraCommand) or other._report is not self._report:
            return False
        if other._key != self._key:
            return False
        self._new = other._new
        self.setObsolete(self._new == self._old)
        return True


class AcceptTotalsCommand(QUndoCommand):
    """Accept the computed totals where an imported document printed others (R16):
    the printed numbers are forgotten; undo keeps them again."""

    def __init__(self, report: Report, cell_ids: Iterable[str], text: str) -> None:
        super().__init__(text)
        self._report = report
        printed = report.printed()
        self._dropped = {cid: printed[cid] for cid in cell_ids if cid in printed}

    def redo(self) -> None:
        self._report.drop_printed(self._dropped)

    def undo(self) -> None:
        self._report.set_printed(self._dropped)


class ReplaceReportCommand(QUndoCommand):
    """Swap the whole report (e.g. after converting it to another format).
    `install` is the controller's function that makes a report current."""

    def __init__(
        self, install: Callable[[Report], None], old: Report, new: Report, text: str
    ) -> None:
        super().__init__(text or s.CMD_REPLACE_REPORT)
        self._install = install
        self._old = old
        self._new = new

    def redo(self) -> None:
        self._install(self._new)

    def undo(self) -> None:
        self._install(self._old)
