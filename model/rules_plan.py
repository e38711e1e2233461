"""The per-format plan of the rule engine: what each rule checks, worked out
once per format so that validating on every keystroke only looks values up.

Each entry already carries the section heading and the printed names of its
cells, so the messages need no walk of the spec either.

Entries are NamedTuples (immutable, like frozen dataclasses, but defined without
generating and compiling methods at import: the window imports this at start).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from model import messages as msg
from model.spec import (
    BalanceRule,
    CarryOverRule,
    CellSpec,
    FormatSpec,
    NarrativeRule,
    NotGreaterRule,
    RareRowsRule,
    StockRule,
    TableSpec,
)

Terms = tuple[str, ...]  # the input ids a number sums (one id for an input)


class Balance(NamedTuple):  # R1, one column
    heading: str
    col_label: str
    left_name: str
    right_name: str
    left: tuple[Terms, ...]  # each item as the input ids it sums
    right: tuple[Terms, ...]
    cell: str  # the column's 第一项 cell
    cells: tuple[str, ...]  # the four items' cells


class CarryOver(NamedTuple):  # R7, one input column
    heading: str
    target: str
    target_name: str
    source: str
    source_name: str


class Stock(NamedTuple):  # R8, one row
    heading: str
    row_name: str
    stock: str
    added: str
    removed: str
    stock_label: str
    added_label: str
    removed_label: str


class NotGreater(NamedTuple):  # R9, one row
    heading: str
    row_name: str
    small: str
    large: str
    small_label: str
    large_label: str


class Narrative(NamedTuple):  # R10, one section
    section: str
    heading: str
    patterns: tuple[re.Pattern[str], ...]
    figures: tuple[tuple[Terms, str, str, str], ...]  # (terms, cell, what, table heading)


class Rare(NamedTuple):  # R11
    heading: str
    name: str
    total_name: str
    rows: tuple[Terms, ...]
    total: Terms
    cells: tuple[str, ...]
    min_count: int
    max_share: float


class Total(NamedTuple):  # R16, one computed cell (a sum of R2–R4)
    heading: str
    table: str  # table id: blank printed totals are reported per table
    name: str  # 「“一、本年新收政府信息公开申请数量”的“总计”」
    terms: Terms


class TableInputs(NamedTuple):  # R5, R6
    heading: str
    inputs: tuple[str, ...]


class Plan(NamedTuple):
    spec: FormatSpec
    cells: Mapping[str, CellSpec]
    cell_names: Mapping[str, tuple[str, str]]  # id -> (section heading, 「“…”行“…”列」)
    tables: tuple[TableInputs, ...]
    balances: tuple[Balance, ...]
    carry_overs: tuple[CarryOver, ...]
    stocks: tuple[Stock, ...]
    not_greater: tuple[NotGreater, ...]
    narratives: tuple[Narrative, ...]
    rares: tuple[Rare, ...]
    totals: Mapping[str, Total]  # by computed cell id
    required: tuple[tuple[str, str], ...]  # (section id, heading)
    fee_sections: tuple[tuple[str, str], ...]
    text_sections: tuple[tuple[str, str], ...]
    section_rank: Mapping[str, int]


_PLANS: dict[str, Plan] = {}


def plan_for(spec: FormatSpec) -> Plan:
    plan = _PLANS.get(spec.id)
    if plan is None or plan.spec is not spec:
        plan = _PLANS[spec.id] = _build_plan(spec)
    return plan


def terms_of(cell: CellSpec) -> Terms:
    return cell.terms or (cell.id,)


def cell_name(table: TableSpec, cell: CellSpec) -> str:
    """How a message names a cell: 「“（三）不予公开 1.属于国家秘密”行“商业企业”列」."""
    if table.label_cols == 0:  # section 四: headers only
        return "“" + " ".join(cell.col_path) + "”"
    return f"{row_name(table, cell)}行“{cell.col_label}”列"


def row_name(table: TableSpec, cell: CellSpec) -> str:
    # section 二 repeats row labels under block captions: name the block too
    prefix = cell.row_path[0] if table.has_captions and len(cell.row_path) > 1 else ""
    return f"{prefix}“{cell.row_label}”"


def total_name(table: TableSpec, cell: CellSpec) -> str:
    """How a message names a total by what it adds up: a row's 「“（一）予以公开”的“总计”」,
    a group's 「“行政复议”的“总计”」 (section 四), a column's 「“自然人”列的“（七）总计”」."""
    terms = [table.cell_by_id[t] for t in cell.terms if t in table.cell_by_id]
    if terms and all(t.row == cell.row for t in terms):
        if table.label_cols == 0:
            group = " ".join(p for p in cell.col_path[:-1] if p)
            return f"“{group}”的“{cell.col_label}”" if group else f"“{cell.col_label}”"
        return f"{row_name(table, cell)}的“{cell.col_label}”"
    if terms and all(t.col == cell.col for t in terms):
        return f"“{cell.col_label}”列的“{cell.row_label}”"
    return cell_name(table, cell)


def _build_plan(spec: FormatSpec) -> Plan:
    headings = {s.id: s.heading for s in spec.sections}

    def heading_of(table_id: str) -> str:
        return headings[spec.table_by_id[table_id].section]

    cell_names = {
        c.id: (headings[t.section], cell_name(t, c)) for t in spec.tables for c in t.cells
    }
    tables = tuple(
        TableInputs(headings[t.section], tuple(c.id for c in t.inputs)) for t in spec.tables
    )
    balances: list[Balance] = []
    carry_overs: list[CarryOver] = []
    stocks: list[Stock] = []
    not_greater: list[NotGreater] = []
    narratives: list[Narrative] = []
    rares: list[Rare] = []
    for rule in spec.rules:
        if isinstance(rule, BalanceRule):
            t = spec.table_by_id[rule.table]
            for col in rule.columns:
                left = [t.cell_by_id[t.cell_id(r, col)] for r in rule.left]
                right = [t.cell_by_id[t.cell_id(r, col)] for r in rule.right]
                balances.append(
                    Balance(
                        heading_of(rule.table),
                        left[0].col_label,
                        rule.left_name,
                        rule.right_name,
                        tuple(terms_of(c) for c in left),
                        tuple(terms_of(c) for c in right),
                        left[0].id,
                        tuple(c.id for c in (*left, *right)),
                    )
                )
        elif isinstance(rule, CarryOverRule):
            t = spec.table_by_id[rule.table]
            for col in rule.columns:
                target = t.cell_by_id[t.cell_id(rule.target_row, col)]
                source = t.cell_by_id[t.cell_id(rule.source_row, col)]
                if target.computed:
                    continue
                carry_overs.append(
                    CarryOver(
                        heading_of(rule.table),
                        target.id,
                        f"“{target.col_label}”列的“{target.row_label}”",
                        source.id,
                        source.row_label,
                    )
                )
        elif isinstance(rule, StockRule):
            t = spec.table_by_id[rule.table]
            for row in rule.rows:
                stock, added, removed = (
                    t.cell_by_id[t.cell_id(row, c)] for c in (rule.stock, rule.added, rule.removed)
                )
                stocks.append(
                    Stock(
                        heading_of(rule.table),
                        row_name(t, stock),
                        stock.id,
                        added.id,
                        removed.id,
                        stock.col_label,
                        added.col_label,
                        removed.col_label,
                    )
                )
        elif isinstance(rule, NotGreaterRule):
            t = spec.table_by_id[rule.table]
            for row in rule.rows:
                small = t.cell_by_id[t.cell_id(row, rule.small)]
                large = t.cell_by_id[t.cell_id(row, rule.large)]
                not_greater.append(
                    NotGreater(
                        heading_of(rule.table),
                        row_name(t, small),
                        small.id,
                        large.id,
                        small.col_label,
                        large.col_label,
                    )
                )
        elif isinstance(rule, NarrativeRule):
            figures = tuple(
                (
                    terms_of(spec.cell_by_id[f.cell]),
                    f.cell,
                    f.what,
                    heading_of(spec.cell_by_id[f.cell].table),
                )
                for f in rule.figures
            )
            patterns = tuple(re.compile(f.pattern) for f in rule.figures)
            for sid in rule.sections:
                narratives.append(Narrative(sid, headings[sid], patterns, figures))
        elif isinstance(rule, RareRowsRule):
            t = spec.table_by_id[rule.table]
            row_cells = [t.cell_by_id[t.cell_id(r, rule.column)] for r in rule.rows]
            total = t.cell_by_id[t.cell_id(rule.total_row, rule.column)]
            rares.append(
                Rare(
                    heading_of(rule.table),
                    rule.name,
                    total.row_label,
                    tuple(terms_of(c) for c in row_cells),
                    terms_of(total),
                    tuple(c.id for c in row_cells),
                    rule.min_count,
                    rule.max_share,
                )
            )
    rank = {msg.BASIC_INFO: 0, **{s.id: i + 1 for i, s in enumerate(spec.sections)}}
    return Plan(
        spec=spec,
        cells=spec.cell_by_id,
        cell_names=cell_names,
        tables=tables,
        balances=tuple(balances),
        carry_overs=tuple(carry_overs),
        stocks=tuple(stocks),
        not_greater=tuple(not_greater),
        narratives=tuple(narratives),
        rares=tuple(rares),
        totals={
            c.id: Total(headings[t.section], t.id, total_name(t, c), c.terms)
            for t in spec.tables
            for c in t.computed_cells
        },
        required=tuple((sid, headings[sid]) for sid in spec.required_sections),
        fee_sections=tuple(
            (s.id, s.heading) for s in spec.text_sections if s.text and s.text.fee_statement
        ),
        text_sections=tuple((s.id, s.heading) for s in spec.text_sections),
        section_rank=rank,
    )
