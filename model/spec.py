"""Declarative description of an official report format.

A `FormatSpec` says everything the form, the validator, the exporters and the
importers need to know about one official format: its sections, its tables laid
out as a grid of (possibly merged) cells, which cells are inputs and of what kind,
which are computed sums, and the parameters of the rules. Code elsewhere walks
these objects; it never names a row or a column of a particular format.

Cell ids are ``"<table>.<row>.<col>"``; the row part may itself contain dots
(``applications.denied.state_secret.commercial``), the column part never does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import NamedTuple


class ValueKind(str, Enum):
    COUNT = "count"  # whole number >= 0
    SIGNED_COUNT = "signed_count"  # whole number, may be negative (本年增/减)
    MONEY = "money"  # decimal >= 0, stored with a unit


class Role(str, Enum):
    CAPTION = "caption"  # a block caption row in section 二 (第二十条第（一）项)
    HEADER = "header"  # column headers
    LABEL = "label"  # row labels
    VALUE = "value"  # an input or computed cell
    BLANK = "blank"  # an empty cell that is part of the printed table


@dataclass(frozen=True)
class CellSpec:
    """One number of a table: an input, or a sum of inputs (R2–R4)."""

    id: str
    table: str
    row: str  # row id within the table, e.g. "denied.state_secret"
    col: str  # column id, e.g. "commercial"
    row_path: tuple[str, ...]  # printed labels from outer to inner
    col_path: tuple[str, ...]
    kind: ValueKind = ValueKind.COUNT
    unit: str | None = None  # default unit of a money cell
    units: tuple[str, ...] = ()  # units the officer may choose (empty: fixed)
    decimals: int = 0  # decimals allowed for money
    terms: tuple[str, ...] = ()  # computed cell = sum of these input ids

    @property
    def computed(self) -> bool:
        return bool(self.terms)

    @property
    def row_label(self) -> str:
        """The row as a reader names it, e.g. 「（三）不予公开 1.属于国家秘密」."""
        return " ".join(p for p in self.row_path[1:] if p) or self.row_path[0]

    @property
    def col_label(self) -> str:
        return self.col_path[-1]


@dataclass(frozen=True)
class GridCell:
    """One printed cell of a table, with its span, as the official template shows it."""

    row: int
    col: int
    role: Role
    text: str = ""
    cell: str | None = None  # CellSpec id for VALUE cells
    rowspan: int = 1
    colspan: int = 1
    vertical: bool = False  # narrow header that may be set vertically


@dataclass(frozen=True)
class TableSpec:
    id: str
    section: str  # section id, e.g. "三"
    sheet_name: str  # short name for a worksheet tab, e.g. "三、依申请公开"
    n_rows: int
    n_cols: int
    header_rows: int  # leading rows to repeat on each printed page (0: none)
    grid: tuple[GridCell, ...]
    cells: tuple[CellSpec, ...]  # in reading order
    col_widths: tuple[float, ...]  # relative widths, one per grid column
    label_cols: int  # leading grid columns that hold row labels

    @cached_property
    def cell_by_id(self) -> dict[str, CellSpec]:
        return {c.id: c for c in self.cells}

    @cached_property
    def inputs(self) -> tuple[CellSpec, ...]:
        return tuple(c for c in self.cells if not c.computed)

    @cached_property
    def computed_cells(self) -> tuple[CellSpec, ...]:
        return tuple(c for c in self.cells if c.computed)

    @cached_property
    def has_captions(self) -> bool:
        """Whether blocks with caption rows repeat row labels (section 二)."""
        return any(g.role is Role.CAPTION for g in self.grid)

    @cached_property
    def grid_of_cell(self) -> dict[str, GridCell]:
        return {g.cell: g for g in self.grid if g.cell}

    def cell_id(self, row: str, col: str) -> str:
        return f"{self.id}.{row}.{col}"


@dataclass(frozen=True)
class TextSection:
    """A narrative section (一, 五, 六) with prompts for the editor."""

    id: str
    outline: tuple[str, ...] = ()  # suggested sub-headings, e.g. （一）主动公开
    prompt: str = ""  # what the section should report, shown beside the editor
    fee_statement: bool = False  # offer the 信息处理费 fields (2021 六)


@dataclass(frozen=True)
class Section:
    id: str  # "一" … "六"
    heading: str  # printed heading, e.g. "一、总体情况"
    table: str | None = None
    text: TextSection | None = None


# ---- rules ---------------------------------------------------------------------
# Each rule class carries the parameters of one rule of formats.md §6; the engine
# in model/rules.py knows how to evaluate each class. Rule parameters (and the
# deadlines) are NamedTuples: immutable records like the frozen dataclasses above,
# but defining one costs a tenth as much, and this module is imported on every
# start of the window.


class BalanceRule(NamedTuple):
    """R1: per column, the sum of `left` rows equals the sum of `right` rows."""

    rule: str
    table: str
    columns: tuple[str, ...]
    left: tuple[str, ...]
    right: tuple[str, ...]
    left_name: str  # 「第一项加第二项之和」
    right_name: str  # 「第三项加第四项之和」


class CarryOverRule(NamedTuple):
    """R7: this year's `target_row` equals last year's `source_row`, per column."""

    rule: str
    table: str
    columns: tuple[str, ...]
    target_row: str
    source_row: str


class StockRule(NamedTuple):
    """R8: last year's stock + added − removed = this year's stock, per row."""

    rule: str
    table: str
    rows: tuple[str, ...]
    stock: str
    added: str
    removed: str


class NotGreaterRule(NamedTuple):
    """R9: `small` should not exceed `large` in each row (a warning)."""

    rule: str
    table: str
    rows: tuple[str, ...]
    small: str
    large: str


class NarrativeFigure(NamedTuple):
    """A figure quoted in narrative text and the cell it must match (R10)."""

    pattern: str  # regex with one group capturing the number
    cell: str
    what: str  # how the message names the figure, e.g. 「本年新收政府信息公开申请数量」


class NarrativeRule(NamedTuple):
    rule: str
    sections: tuple[str, ...]
    figures: tuple[NarrativeFigure, ...]


class RareRowsRule(NamedTuple):
    """R11: rows meant for rare cases; a hint when their share is large."""

    rule: str
    table: str
    rows: tuple[str, ...]
    total_row: str
    column: str
    min_count: int
    max_share: float
    name: str  # 「（六）其他处理」


class Deadline(NamedTuple):
    month: int
    day: int


@dataclass(frozen=True)
class FormatSpec:
    id: str  # "2019", "2021"
    name: str  # official title of the format
    issued_by: str  # the notice that set it
    first_year: int
    last_year: int | None  # None: still in force
    title_suffix: str  # 「政府信息公开工作年度报告」
    sections: tuple[Section, ...]
    tables: tuple[TableSpec, ...]
    rules: tuple[object, ...]
    required_sections: tuple[str, ...]  # R13
    deadlines: dict[str, Deadline] = field(default_factory=dict)  # by report kind

    def applies_to(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)

    def deadline(self, year: int, kind: str) -> dt.date | None:
        """The publication deadline (R14) of a report of `kind` for report year `year`;
        None for an unknown kind or a year no calendar date can follow."""
        d = self.deadlines.get(kind)
        if d is None or not 1 <= year + 1 <= dt.MAXYEAR:
            return None
        return dt.date(year + 1, d.month, d.day)

    @cached_property
    def table_by_id(self) -> dict[str, TableSpec]:
        return {t.id: t for t in self.tables}

    @cached_property
    def section_by_id(self) -> dict[str, Section]:
        return {s.id: s for s in self.sections}

    @cached_property
    def cell_by_id(self) -> dict[str, CellSpec]:
        return {c.id: c for t in self.tables for c in t.cells}

    @cached_property
    def inputs(self) -> tuple[CellSpec, ...]:
        return tuple(c for t in self.tables for c in t.inputs)

    @cached_property
    def computed_cells(self) -> tuple[CellSpec, ...]:
        return tuple(c for t in self.tables for c in t.computed_cells)

    @cached_property
    def text_sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.text is not None)

    def __hash__(self) -> int:  # specs are singletons; hash by id for caches
        return hash(self.id)
