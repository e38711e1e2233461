"""The open document: one report, its undo history and its live validation.

Every change a widget makes goes through an operation here, and each operation
is one undoable command. The controller listens to the report, revalidates it
synchronously (validation is pure model code and takes well under a millisecond)
and re-emits what happened as Qt signals, so widgets only ever listen.

What is being typed is not in the report until its editor commits it. Pages with
editors register as edit sources; before anything reads the report (save,
export, close, undo, a page switch…) the window calls `commit_edits()`, which
asks each source to commit. A refused text stops the reader: the editor keeps
it, with the reason, until it is fixed or dropped (Esc). Autosave does not close
editors, and never puts what is being typed into its copy of the report as if it
had been confirmed: the copy holds confirmed values only, and `pending_edits()`
says what each open editor holds (the cell, the text, the value it would replace),
which the autosave keeps beside the copy and a recovery shows to the officer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from gui import commands as cmd
from gui import strings as s
from model import messages as msg
from model.formats import format_for_year
from model.issues import Validation
from model.report import Change, Report, check_text, previous_fits
from model.rules import validate
from model.values import InvalidValue, Value, check_value, parse_value

# Longest row label quoted in an undo text before it is shortened with 「…」.
_WHERE_MAX = 18


@dataclass(frozen=True)
class PendingEdit:
    """Text typed into an editor and not committed: `key` is the cell id, `text` what
    was typed, `replaces` the confirmed value it would replace as shown ('' for a
    blank cell). Autosave keeps it beside its copy; recovery shows it, never
    putting it in the report by itself."""

    key: str
    text: str
    replaces: str = ""


class EditSource(Protocol):
    """A page with editors whose text reaches the report only when committed."""

    def commit_edit(self) -> str | None:
        """Commit what is being typed. None when nothing was pending or it was taken;
        else the Chinese refusal (the editor keeps the text and the focus)."""

    def pending_edit(self) -> PendingEdit | None:
        """What is being typed and not committed, if anything; the editor and the
        report are left alone."""


@dataclass(frozen=True)
class Refusal:
    """Why a reader of the report was stopped: an editor refused its text."""

    source: EditSource
    text: str


class DocumentController(QObject):
    reportReplaced = Signal()  # a different Report object is now current
    reportChanged = Signal(object)  # model.report.Change
    validationChanged = Signal(object)  # model.issues.Validation
    cleanChanged = Signal(bool)  # True: no unsaved changes
    pathChanged = Signal(object)  # str | None
    previousDetached = Signal(str)  # a year change detached last year's report: why
    commitRefused = Signal(object)  # Refusal: an editor kept a text it could not commit
    pendingChanged = Signal()  # the text of an open editor changed, or the editor closed
    refusalCleared = Signal()  # a refused text was fixed or dropped: its message is done

    def __init__(self, report: Report | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._undo = QUndoStack(self)
        self._undo.cleanChanged.connect(self.cleanChanged)
        self._previous: Report | None = None
        self._path: str | None = None
        self._sources: list[EditSource] = []
        # cell id -> the text last typed there and refused, until the cell changes
        self._refused: dict[str, str] = {}
        self._text_step = 0  # text typing merges only within one step (end_text_step)
        self.today: Callable[[], dt.date] = dt.date.today  # replaceable in tests
        placeholder = report is None
        if report is None:
            year = dt.date.today().year - 1
            report = Report(format_for_year(year), year)
        self._report = report
        self._report.add_listener(self._on_change)
        # The placeholder stands in until a report is opened and is never shown:
        # checking it would only delay the window (issue 8).
        self._validation = Validation(()) if placeholder else self._run_validation()

    # ---- state ----------------------------------------------------------------------
    @property
    def report(self) -> Report:
        return self._report

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo

    @property
    def validation(self) -> Validation:
        return self._validation

    @property
    def path(self) -> str | None:
        return self._path

    @property
    def previous_report(self) -> Report | None:
        """Last year's report given for the checks, while it is the year before the
        report's year (a report of another year is never compared with)."""
        previous = self._previous
        if previous is None or not previous_fits(self._report.meta.year, previous.meta.year):
            return None
        return previous

    def is_clean(self) -> bool:
        """True when nothing changed since the report was opened or last saved."""
        return self._undo.isClean()

    def set_path(self, path: str | None) -> None:
        if path != self._path:
            self._path = path
            self.pathChanged.emit(path)

    def mark_saved(self, path: str | None = None) -> None:
        """Call after a successful save: the current state becomes the clean one."""
        if path is not None:
            self.set_path(path)
        self._undo.setClean()

    # ---- editors ------------------------------------------------------------------------
    def add_edit_source(self, source: EditSource) -> None:
        """Register a page whose editors must commit before the report is read."""
        self._sources.append(source)

    def _live_sources(self) -> list[EditSource]:
        from shiboken6 import isValid

        # pages of another format are deleted when the format changes
        self._sources = [s for s in self._sources if not isinstance(s, QObject) or isValid(s)]
        return list(self._sources)

    def commit_edits(self) -> Refusal | None:
        """Ask every editor to commit what is being typed: the one gate every reader
        of the report goes through first. Returns the first refusal (and emits
        `commitRefused`), None when the report now holds everything typed."""
        for source in self._live_sources():
            text = source.commit_edit()
            if text is not None:
                refusal = Refusal(source, text)
                self.commitRefused.emit(refusal)
                return refusal
        return None

    def snapshot(self) -> Report:
        """A copy of the report as confirmed, for autosave: editors are not closed,
        nothing is committed, and what they hold is not in it (`pending_edits`)."""
        return self._report.snapshot()

    def pending_edits(self) -> list[PendingEdit]:
        """What open editors hold and have not committed (see `PendingEdit`)."""
        out = []
        for source in self._live_sources():
            pending = source.pending_edit()
            if pending is not None:
                out.append(pending)
        return out

    def note_refusal_cleared(self) -> None:
        """An editor's refused text was fixed or dropped (Esc): what said why may go."""
        self.refusalCleared.emit()

    def note_pending(self) -> None:
        """An editor's uncommitted text changed (or it closed): autosave is due too,
        even when nothing else is unsaved."""
        self.pendingChanged.emit()

    def last_refused(self, cell_id: str) -> str | None:
        """The text last typed into a cell and refused, while the cell has not
        changed since (补零 leaves such a cell alone)."""
        return self._refused.get(cell_id)

    def set_report(self, report: Report, path: str | None = None) -> None:
        """Open another report: history cleared, no unsaved changes."""
        self._undo.clear()
        self._install(report)
        self._undo.setClean()
        self.set_path(path)

    def set_previous_report(self, previous: Report | None) -> None:
        """Last year's report, for the carry-over checks (R7, R8). Not an edit."""
        self._previous = previous
        self._revalidate()

    def keep_previous(self, previous: Report) -> None:
        """Store last year's figures and texts in the report itself, so that they are
        saved with the draft (R7/R8 after reopening, last year's text beside the
        editors). It changes the file, so the document becomes unsaved."""
        from model.carryover import previous_year_of

        self._report.set_previous(previous_year_of(previous))
        self._undo.resetClean()

    # ---- operations: each is one undo step ---------------------------------------------
    def set_cell_text(self, cell_id: str, text: str) -> str | None:
        """Set a cell from what the officer typed. Returns the Chinese reason when the
        text is refused (nothing changes then), None when it was taken."""
        spec = self._report.cell(cell_id)
        if spec.computed:
            return msg.COMPUTED_CELL
        try:
            value = parse_value(text, spec, self._report.unit(cell_id))
        except InvalidValue as exc:
            self._refused[cell_id] = text
            return str(exc)
        self._refused.pop(cell_id, None)
        if not _differs(self._report.input_value(cell_id), value):
            return None
        where = _short(spec.row_label) + s.WHERE_SEPARATOR + spec.col_label
        label = s.CMD_EDIT_CELL.format(where=where)
        self._push(cmd.SetCellsCommand(self._report, {cell_id: value}, label))
        return None

    def set_cells(self, values: Mapping[str, Value | None], text: str | None = None) -> int:
        """Set several inputs as one step (paste). Every value is checked first
        (raises InvalidValue, changing nothing); returns how many cells changed."""
        report = self._report
        checked: dict[str, Value | None] = {}
        for cell_id, value in values.items():
            spec = report.cell(cell_id)
            checked[cell_id] = None if value is None else check_value(value, spec)
        changed = {cid: v for cid, v in checked.items() if _differs(report.input_value(cid), v)}
        if changed:
            label = text or s.CMD_SET_CELLS.format(n=len(changed))
            self._push(cmd.SetCellsCommand(report, changed, label))
        return len(changed)

    def clear_cells(self, cell_ids: Iterable[str]) -> int:
        """Blank the given inputs (computed and blank cells are skipped); one step."""
        report = self._report
        ids = [
            cid
            for cid in dict.fromkeys(cell_ids)
            if not report.cell(cid).computed and not report.is_blank(cid)
        ]
        if ids:
            label = s.CMD_CLEAR_CELLS.format(n=len(ids))
            self._push(cmd.SetCellsCommand(report, dict.fromkeys(ids), label))
        return len(ids)

    def fill_blanks_with_zero(self, table_id: str | None = None) -> int:
        """补零: every blank input of a table (or of the whole report) becomes 0, as
        one step, except a cell whose last typed text was refused (see
        `refused_blanks`: the officer meant something there). Returns how many
        cells were filled."""
        report = self._report
        blanks = [cid for cid in report.blank_inputs(table_id) if cid not in self._refused]
        if not blanks:
            return 0
        zeros = {cid: check_value(0, report.cell(cid)) for cid in blanks}
        if table_id is None:
            label = s.CMD_FILL_ZERO_ALL.format(n=len(zeros))
        else:
            section = report.spec.table_by_id[table_id].section
            heading = report.spec.section_by_id[section].heading
            label = s.CMD_FILL_ZERO_TABLE.format(table=heading, n=len(zeros))
        self._push(cmd.SetCellsCommand(report, zeros, label))
        return len(zeros)

    def refused_blanks(self, table_id: str | None = None) -> dict[str, str]:
        """Blank inputs whose last typed text was refused (cell id → that text), which
        补零 does not fill."""
        blanks = self._report.blank_inputs(table_id)
        return {cid: self._refused[cid] for cid in blanks if cid in self._refused}

    def set_text(self, section_id: str, text: str, *, whole: bool = False) -> None:
        """Replace a section's text (its line breaks as \\n, model.texts). Typing in
        one section merges into one undo step until a pause, a new paragraph or
        `end_text_step` (see `commands.SetTextCommand`); `whole=True` (a paste, an
        inserted outline or sentence) makes the change a step of its own. Raises
        InvalidValue (Chinese) for a text over model.limits or with control
        characters, changing nothing."""
        text = check_text(section_id, text)  # the model decides, before the undo step
        if self._report.texts[section_id] == text:
            return
        if whole:
            self.end_text_step()
        heading = self._report.spec.section_by_id[section_id].heading
        label = s.CMD_EDIT_TEXT.format(heading=heading)
        self._push(cmd.SetTextCommand(self._report, section_id, text, label, self._text_step))
        if whole:
            self.end_text_step()

    def end_text_step(self) -> None:
        """What was typed so far is one undo step: the next keystroke starts another
        (the editor lost the focus, the page changed, a paste, an undo)."""
        self._text_step += 1

    def undo(self) -> None:
        """Undo one step; typing after it starts a new step."""
        self.end_text_step()
        self._undo.undo()
        self.end_text_step()

    def redo(self) -> None:
        """Redo one step; typing after it starts a new step."""
        self.end_text_step()
        self._undo.redo()
        self.end_text_step()

    def set_meta(self, **changes: Any) -> None:
        """Change agency, year, kind or date (raises ValueError/AttributeError for a
        field or kind the report does not know, InvalidValue for a value the model
        refuses, changing nothing)."""
        meta = self._report.meta
        changes = self._report.check_meta(**changes)  # the model decides, before the undo step
        changed = {k: v for k, v in changes.items() if getattr(meta, k) != v}
        if not changed:
            return
        fields = "、".join(s.META_FIELD_NAMES.get(k, k) for k in changed)
        label = s.CMD_SET_META.format(fields=fields)
        if "year" in changed and meta.year_pending and "year_pending" not in changed:
            # a year guessed on import, changed: that is its confirmation (the model
            # does the same); named here so that undo makes it pending again
            changed["year_pending"] = False
        detached = self._detached_by(changed["year"]) if "year" in changed else None
        self._push(cmd.SetMetaCommand(self._report, changed, label, detached is not None))
        if detached is not None:
            from model.carryover import detached_note

            self.previousDetached.emit(detached_note(changed["year"], detached, self._report))

    def confirm_year(self) -> None:
        """The officer confirms a year guessed on import (R13 clears); one undo step."""
        if self._report.meta.year_pending:
            label = s.CMD_CONFIRM_YEAR.format(year=self._report.meta.year)
            self._push(cmd.SetMetaCommand(self._report, {"year_pending": False}, label))

    def _detached_by(self, year: int) -> int | None:
        """The year of last year's report that a change to `year` leaves behind (it
        is detached with the change), or None."""
        kept = self._report.previous
        if kept is not None and not previous_fits(year, kept.year):
            return kept.year
        given = self._previous
        if kept is None and given is not None and not previous_fits(year, given.meta.year):
            return given.meta.year  # not stored in the report: it simply stops applying
        return None

    def set_unit(self, cell_id: str, unit: str) -> None:
        """Change a money cell's unit (元/万元); raises InvalidValue for another unit."""
        if self._report.unit(cell_id) == unit:
            return
        self._report.check_unit(cell_id, unit)  # the model decides, before the undo step
        self._push(
            cmd.SetUnitCommand(self._report, cell_id, unit, s.CMD_SET_UNIT.format(unit=unit))
        )

    def set_extra(self, key: str, value: Any, text: str | None = None) -> None:
        """Set a small structured field (e.g. 六's 信息处理费); edits of one key merge."""
        if self._report.extras.get(key) == value:
            return
        label = text or s.CMD_SET_EXTRA.format(key=key)
        self._push(cmd.SetExtraCommand(self._report, key, value, label))

    def accept_computed_totals(self, cell_ids: Iterable[str] | None = None) -> int:
        """Accept the computed totals (R16) of `cell_ids` — every printed total the
        report keeps when None — as one undoable step. Returns how many."""
        printed = self._report.printed()
        ids = [cid for cid in (printed if cell_ids is None else cell_ids) if cid in printed]
        if ids:
            label = s.CMD_ACCEPT_TOTALS.format(n=len(ids))
            self._push(cmd.AcceptTotalsCommand(self._report, ids, label))
        return len(ids)

    def replace_report(self, report: Report, text: str = "") -> None:
        """Make another report current as one undoable step (e.g. format conversion)."""
        if report is self._report:
            return
        self._push(cmd.ReplaceReportCommand(self._install, self._report, report, text))

    # ---- internals ----------------------------------------------------------------------
    def _push(self, command: cmd.QUndoCommand) -> None:
        self._undo.push(command)

    def _install(self, report: Report) -> None:
        if report is self._report:
            return
        self._refused.clear()
        self._report.remove_listener(self._on_change)
        self._report = report
        report.add_listener(self._on_change)
        self._validation = self._run_validation()
        self.reportReplaced.emit()
        self.validationChanged.emit(self._validation)

    def _on_change(self, change: Change) -> None:
        if change.what == "value" and self._refused:
            for cell_id in change.keys:
                self._refused.pop(cell_id, None)
        self._validation = self._run_validation()
        self.reportChanged.emit(change)
        self.validationChanged.emit(self._validation)

    def _revalidate(self) -> None:
        self._validation = self._run_validation()
        self.validationChanged.emit(self._validation)

    def _run_validation(self) -> Validation:
        return validate(self._report, previous=self.previous_report, today=self.today())


def _differs(old: Value | None, new: Value | None) -> bool:
    """As the report compares: blank ≠ 0, and 12.50 ≠ 12.5 (they print differently)."""
    if old is None or new is None:
        return old is not new
    return type(old) is not type(new) or str(old) != str(new)


def _short(text: str) -> str:
    return text if len(text) <= _WHERE_MAX else text[: _WHERE_MAX - 1] + "…"
