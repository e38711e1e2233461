"""The report document: meta, narrative text and the input values of one report.

Computed cells (totals, R2–R4) are derived on demand and never stored. Every
mutation goes through a method that notifies listeners, so a view can observe
the document without the document knowing about views.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from model import limits
from model import messages as msg
from model.formats import get_format
from model.spec import CellSpec, FormatSpec, ValueKind
from model.texts import clean_name, clean_text
from model.values import InvalidValue, Value, check_value, clip, format_value, sum_terms

KINDS = ("department", "government")


@dataclass
class Meta:
    agency: str = ""
    year: int = 0
    kind: str = "department"  # "department" (部门) or "government" (本级政府)
    date: dt.date | None = None  # 成文日期
    # The year was guessed on import (no year in the title: from the 成文日期, the
    # text, or today) and the officer has not yet confirmed or changed it (R13).
    year_pending: bool = False


@dataclass
class PreviousYear:
    """What this report keeps of last year's report: its values (for R7/R8, the
    comparison and carry-over) and its narrative (shown as a reference, never copied)."""

    year: int
    format_id: str
    agency: str = ""
    values: dict[str, Value] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)


def previous_fits(year: int, previous_year: int | None) -> bool:
    """Whether a report of `previous_year` is last year's report for `year` (year − 1).
    Nothing attached (None) always fits. A report attached to another year would be
    compared with the wrong figures and texts (R7, R8, R15), so the year change that
    breaks this detaches it (gui.document) and the rules ignore it (model.rules)."""
    return previous_year is None or previous_year == year - 1


@dataclass(frozen=True)
class SummarySource:
    """One report a summary (汇总) was made from: who, which year, which file."""

    agency: str
    year: int
    kind: str = "department"
    file: str = ""  # the file's name as it was read, for the officer's reference


@dataclass(frozen=True)
class SummaryInfo:
    """Marks a report made by adding up other reports (model.aggregate), and says
    which. A roll-up never counts a summary again (it would double every figure)."""

    sources: tuple[SummarySource, ...] = ()


@dataclass(frozen=True)
class Change:
    """What changed: `what` is "value", "text", "meta", "unit", "previous", "extra",
    "printed" or "summary";
    `keys` are the cell ids, section ids or meta field names concerned."""

    what: str
    keys: tuple[str, ...]


Listener = Callable[[Change], None]


class Report:
    def __init__(
        self,
        spec: FormatSpec | str,
        year: int,
        agency: str = "",
        kind: str = "department",
        date: dt.date | None = None,
    ) -> None:
        self.spec: FormatSpec = get_format(spec) if isinstance(spec, str) else spec
        if kind not in KINDS:
            raise ValueError(f"unknown report kind {kind!r}")
        agency = clean_name(agency)  # one line, no control characters (model.texts)
        self.meta = Meta(agency=agency, year=year, kind=kind, date=date)
        self.texts: dict[str, str] = {s.id: "" for s in self.spec.text_sections}
        self._values: dict[str, Value] = {}
        self._units: dict[str, str] = {}
        self.previous: PreviousYear | None = None
        self.extras: dict[str, Any] = {}  # small structured fields, e.g. 六's 信息处理费
        # What an imported document printed in a computed cell (a total), by cell id,
        # kept while it disagrees with the sum of its parts; None: printed blank.
        # The rules report each disagreement until the officer accepts the computed
        # total (drop_printed) or corrects the parts. Never used as a value.
        self._printed: dict[str, Value | None] = {}
        self.summary: SummaryInfo | None = None  # set on reports made by model.aggregate
        self.revision = 0  # bumped on every change; lets callers cache derived data
        self._listeners: list[Listener] = []

    # ---- observers ----------------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _changed(self, what: str, keys: Iterable[str]) -> None:
        self.revision += 1
        change = Change(what, tuple(keys))
        for listener in list(self._listeners):
            listener(change)

    # ---- meta ---------------------------------------------------------------------
    @property
    def format_id(self) -> str:
        return self.spec.id

    def check_meta(self, **changes: Any) -> dict[str, Any]:
        """The changes as the report would hold them (an agency name on one line,
        model.texts). Raise AttributeError/ValueError for a field or kind the report
        does not know, InvalidValue (a ValueError, Chinese) for a year or an agency
        name outside model.limits or with control characters."""
        changes = dict(changes)
        for name, value in changes.items():
            if not hasattr(self.meta, name):
                raise AttributeError(name)
            if name == "kind" and value not in KINDS:
                raise ValueError(f"unknown report kind {value!r}")
            if name == "year":
                check_year(value)
            if name == "year_pending" and not isinstance(value, bool):
                raise ValueError(f"year_pending must be a bool, not {value!r}")
            if name == "agency":
                value = changes[name] = clean_name(value)
                if len(value) > limits.MAX_AGENCY_CHARS:
                    raise InvalidValue(
                        msg.AGENCY_TOO_LONG.format(chars=len(value), limit=limits.MAX_AGENCY_CHARS)
                    )
        return changes

    def set_meta(self, **changes: Any) -> None:
        """Set agency, year, kind, date or year_pending. Changing the year confirms
        a year guessed on import (year_pending becomes False, in the same change).
        The format is not switched here: see model.convert for moving a report to
        another format."""
        changes = self.check_meta(**changes)
        if (
            "year" in changes
            and "year_pending" not in changes
            and self.meta.year_pending
            and changes["year"] != self.meta.year
        ):
            changes = {**changes, "year_pending": False}
        changed = [n for n, v in changes.items() if getattr(self.meta, n) != v]
        for name in changed:
            setattr(self.meta, name, changes[name])
        if changed:
            self._changed("meta", changed)

    # ---- text ---------------------------------------------------------------------
    def set_text(self, section_id: str, text: str) -> None:
        """Set a narrative section's text, its line breaks as \\n (model.texts).
        Raises KeyError for a section the format has no text for, InvalidValue for a
        text over model.limits.MAX_TEXT_CHARS or with control characters."""
        if section_id not in self.texts:
            raise KeyError(section_id)
        text = check_text(section_id, text)
        if self.texts[section_id] != text:
            self.texts[section_id] = text
            self._changed("text", (section_id,))

    def set_extra(self, key: str, value: Any) -> None:
        if self.extras.get(key) != value:
            if value is None:
                self.extras.pop(key, None)
            else:
                self.extras[key] = value
            self._changed("extra", (key,))

    # ---- values -------------------------------------------------------------------
    def cell(self, cell_id: str) -> CellSpec:
        try:
            return self.spec.cell_by_id[cell_id]
        except KeyError:
            raise KeyError(msg.UNKNOWN_CELL.format(cell=cell_id)) from None

    def input_value(self, cell_id: str) -> Value | None:
        """The stored value of an input cell, None when blank."""
        return self._values.get(cell_id)

    def value(self, cell_id: str) -> Value | None:
        """The value shown in a cell: stored for inputs, the sum for computed cells.
        A computed cell is blank only when every one of its terms is blank."""
        spec = self.cell(cell_id)
        if not spec.terms:
            return self._values.get(cell_id)
        return sum_terms(self._values, spec.terms)

    def is_blank(self, cell_id: str) -> bool:
        return cell_id not in self._values

    def set_value(self, cell_id: str, value: Value | None) -> None:
        """Set one input (None clears it). Raises InvalidValue for a value the cell
        cannot hold (R5), KeyError for an unknown cell."""
        self.set_values({cell_id: value})

    def set_values(self, values: Mapping[str, Value | None]) -> None:
        """Set several inputs at once with a single notification (paste, 补零, import).
        All are checked first: either every value is taken or none is."""
        checked: dict[str, Value | None] = {}
        for cell_id, value in values.items():
            spec = self.cell(cell_id)
            checked[cell_id] = None if value is None else check_value(value, spec)
        changed = [cid for cid, v in checked.items() if self._differs(cid, v)]
        for cell_id in changed:
            v = checked[cell_id]
            if v is None:
                del self._values[cell_id]
            else:
                self._values[cell_id] = v
        if changed:
            self._changed("value", changed)

    def _differs(self, cell_id: str, value: Value | None) -> bool:
        old = self._values.get(cell_id)
        if old is None or value is None:
            return old is not value
        # 12.50 and 12.5 are equal numbers but print differently: compare as text
        return type(old) is not type(value) or str(old) != str(value)

    def values(self) -> dict[str, Value]:
        """A copy of every filled input."""
        return dict(self._values)

    def blank_inputs(self, table_id: str | None = None) -> list[str]:
        tables = [self.spec.table_by_id[table_id]] if table_id else self.spec.tables
        return [c.id for t in tables for c in t.inputs if c.id not in self._values]

    # ---- units of money cells -----------------------------------------------------
    def unit(self, cell_id: str) -> str | None:
        spec = self.cell(cell_id)
        return self._units.get(cell_id, spec.unit)

    def check_unit(self, cell_id: str, unit: str) -> CellSpec:
        """Raise InvalidValue unless `unit` is one the money cell may use."""
        spec = self.cell(cell_id)
        allowed = spec.units or ((spec.unit,) if spec.unit else ())
        if spec.kind is not ValueKind.MONEY or unit not in allowed:
            raise InvalidValue(msg.UNKNOWN_UNIT.format(units="、".join(allowed) or "（无）"))
        return spec

    def set_unit(self, cell_id: str, unit: str) -> None:
        spec = self.check_unit(cell_id, unit)
        if self.unit(cell_id) != unit:
            if unit == spec.unit:
                self._units.pop(cell_id, None)
            else:
                self._units[cell_id] = unit
            self._changed("unit", (cell_id,))

    def units(self) -> dict[str, str]:
        """Units that differ from the spec's default, by cell id."""
        return dict(self._units)

    def amount_in(self, cell_id: str, target_unit: str) -> Decimal | None:
        """A money cell's value converted to `target_unit` (元 / 万元)."""
        from model.values import to_unit

        value = self.input_value(cell_id)
        if value is None:
            return None
        return to_unit(Decimal(value), self.unit(cell_id) or target_unit, target_unit)

    # ---- totals as an imported document printed them ---------------------------------
    def printed(self) -> dict[str, Value | None]:
        """A copy of the printed totals kept from an imported document, by computed
        cell id (None: the total was printed blank)."""
        return dict(self._printed)

    def set_printed(self, printed: Mapping[str, Value | None]) -> None:
        """Keep what a document printed in computed cells (cell id → value, None for
        a blank). Raises KeyError for an unknown cell, InvalidValue for a cell that is
        not computed or a value it could not hold."""
        checked: dict[str, Value | None] = {}
        for cell_id, value in printed.items():
            spec = self.cell(cell_id)
            if not spec.computed:
                raise InvalidValue(msg.PRINTED_NOT_A_TOTAL.format(cell=cell_id))
            checked[cell_id] = None if value is None else _check_total(value, spec)
        changed = [
            cid
            for cid, v in checked.items()
            if cid not in self._printed or self._differs_printed(cid, v)
        ]
        for cid in changed:
            self._printed[cid] = checked[cid]
        if changed:
            self._changed("printed", changed)

    def drop_printed(self, cell_ids: Iterable[str]) -> None:
        """Forget printed totals (the officer accepted the computed ones)."""
        dropped = [cid for cid in cell_ids if cid in self._printed]
        for cid in dropped:
            del self._printed[cid]
        if dropped:
            self._changed("printed", dropped)

    def _differs_printed(self, cell_id: str, value: Value | None) -> bool:
        old = self._printed[cell_id]
        if old is None or value is None:
            return old is not value
        return format_value(old) != format_value(value)

    # ---- summaries --------------------------------------------------------------------
    def set_summary(self, summary: SummaryInfo | None) -> None:
        if self.summary != summary:
            self.summary = summary
            self._changed("summary", ())

    # ---- last year ------------------------------------------------------------------
    def set_previous(self, previous: PreviousYear | None) -> None:
        self.previous = previous
        self._changed("previous", ())

    # ---- copies ---------------------------------------------------------------------
    def snapshot(self) -> Report:
        """An independent copy without listeners, for work off the UI thread."""
        listeners, self._listeners = self._listeners, []
        try:
            # the spec is a shared, immutable singleton: copying it would also make the
            # rule engine rebuild its per-format plan for the copy
            return copy.deepcopy(self, {id(self.spec): self.spec})
        finally:
            self._listeners = listeners

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        return (
            self.spec.id == other.spec.id
            and self.meta == other.meta
            and self.texts == other.texts
            and {k: str(v) for k, v in self._values.items()}
            == {k: str(v) for k, v in other._values.items()}
            and self._units == other._units
            and self.previous == other.previous
            and self.extras == other.extras
            and {k: format_value(v, "") for k, v in self._printed.items()}
            == {k: format_value(v, "") for k, v in other._printed.items()}
            and set(self._printed) == set(other._printed)
            and self.summary == other.summary
        )

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return (
            f"Report(format={self.spec.id!r}, year={self.meta.year}, agency={self.meta.agency!r}, "
            f"filled={len(self._values)}/{len(self.spec.inputs)})"
        )


def check_year(year: object) -> int:
    """The report year, if it is a whole number within model.limits; raises
    InvalidValue (Chinese) otherwise."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidValue(
            msg.YEAR_OUT_OF_RANGE.format(year=year, first=limits.MIN_YEAR, last=limits.MAX_YEAR)
        )
    if not limits.MIN_YEAR <= year <= limits.MAX_YEAR:
        shown = clip(year)  # an int of 400 digits has no float to format it with
        raise InvalidValue(
            msg.YEAR_OUT_OF_RANGE.format(year=shown, first=limits.MIN_YEAR, last=limits.MAX_YEAR)
        )
    return year


def check_text(section_id: str, text: str) -> str:
    """The text as a report holds it (line breaks as \\n, model.texts). Raise
    InvalidValue (Chinese) for a narrative text over MAX_TEXT_CHARS or
    MAX_TEXT_LINES, or with control characters."""
    text = clean_text(text, msg.TEXT_SECTION_WHERE.format(section=section_id))
    if len(text) > limits.MAX_TEXT_CHARS:
        raise InvalidValue(
            msg.TEXT_TOO_LONG.format(
                section=section_id, chars=len(text), limit=limits.MAX_TEXT_CHARS
            )
        )
    lines = text.count("\n") + 1
    if lines > limits.MAX_TEXT_LINES:
        raise InvalidValue(
            msg.TEXT_TOO_MANY_LINES.format(
                section=section_id, lines=lines, limit=limits.MAX_TEXT_LINES
            )
        )
    return text


def _check_total(value: object, cell: CellSpec) -> Value:
    """A printed total checked like an input of the same kind (totals are never
    negative unless they add signed counts)."""
    from dataclasses import replace

    return check_value(value, replace(cell, terms=()))
