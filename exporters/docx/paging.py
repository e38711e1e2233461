"""Where the tables of the report may break across pages.

Word, WPS and LibreOffice decide where a page ends; the export decides what may
not be torn apart, with "keep with next" on the rows of a table. The rules:

- a table that fits on a page is kept whole with its heading: it starts on the
  next page when it does not fit on this one;
- a table that needs more than one page anyway is cut by the export into pieces
  that each fit on a page; it starts where it is when at least MIN_FIRST_ROWS body
  rows fit there, or when at least MIN_ROOMY_ROWS do and moving on would leave more
  than a third of the page empty; otherwise on the next page with its heading;
- a row group that fits on a page is never cut; every piece after the first starts
  a new page after the repeated header rows, and a group cut between pieces has
  its label repeated at the top of the next piece with 「（续）」, shortened so that
  it never makes its rows taller (「三、本年度办理结果（续）」, 「三（续）」, 「（续）」);
- the last piece never holds a single row.

Heights are estimated from the widths, type size and exact line heights of the
table (exporters.docx.sizing), with the line breaks the export writes itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from exporters.docx import strings as s
from exporters.docx import styles
from exporters.docx.sizing import TableSizing
from model.spec import GridCell, Role, TableSpec

PAGE_TWIPS = styles.TEXT_HEIGHT  # the 225 mm type area of a portrait page
CELL_PAD = 30  # top and bottom cell margin, twips
ROW_PAD = 60  # what a one-line row has beyond its line, twips
# Estimates may be a little short: a piece fills at most this share of a page.
PAGE_FILL = 0.95
MIN_FIRST_ROWS = 5  # a table never starts a page foot with fewer body rows …
MIN_ROOMY_ROWS = 2  # … unless moving on would leave more than ROOMY_SHARE empty
ROOMY_SHARE = 1 / 3
SEPARATOR_TWIPS = 20  # the 1 pt paragraph between two pieces of a table


def min_row_twips(sizing: TableSizing) -> int:
    return sizing.line + ROW_PAD


def _need(g: GridCell, widths: tuple[int, ...], sizing: TableSizing) -> int:
    """Height in twips the text of grid cell `g` needs."""
    if not g.text:
        return 0
    if g.vertical:  # characters stacked top to bottom, one em each plus a little
        return round(len(g.text) * sizing.size_pt * 20 * 1.1) + 2 * ROW_PAD
    width = sum(widths[g.col : g.col + g.colspan])
    return len(sizing.cell_lines(g.text, width)) * sizing.line + 2 * CELL_PAD


def fixed_heights(table: TableSpec, sizing: TableSizing) -> list[int]:
    """The least height of each row (twips), as written in ``w:trHeight``: one line,
    or what a vertical header needs in the last row it spans (a renderer does not
    grow a row for vertical text on its own)."""
    heights = [min_row_twips(sizing)] * table.n_rows
    for g in table.grid:
        if g.vertical and g.text:
            last = g.row + g.rowspan - 1
            need = _need(g, sizing.widths, sizing) - (g.rowspan - 1) * min_row_twips(sizing)
            heights[last] = max(heights[last], need)
    return heights


def row_heights(
    table: TableSpec, sizing: TableSizing, value_text: Callable[[str], str]
) -> list[int]:
    """Estimated printed height of each row (twips). A label over several rows that
    needs more than its rows have makes its last row taller, as renderers do."""
    heights = fixed_heights(table, sizing)
    spans = []
    for g in table.grid:
        if g.role is Role.VALUE and g.cell:
            g = GridCell(g.row, g.col, g.role, value_text(g.cell), g.cell, g.rowspan, g.colspan)
        need = _need(g, sizing.widths, sizing)
        if g.rowspan == 1:
            heights[g.row] = max(heights[g.row], need)
        else:
            spans.append((g, need))
    for g, need in spans:
        rows = range(g.row, g.row + g.rowspan)
        short = need - sum(heights[r] for r in rows)
        if short > 0:
            heights[rows[-1]] += short
    return heights


@dataclass
class TablePlan:
    """How a table is printed: its body rows in pieces (start, end) of grid rows;
    rows kept with the next one; whether the heading starts a new page; for each
    piece after the first, the group labels repeated at its top."""

    pieces: list[tuple[int, int]]
    keep: set[int] = field(default_factory=set)
    new_page: bool = False
    # piece -> the group labels cut at its top, with the text each prints there
    continued: dict[int, dict[GridCell, str]] = field(default_factory=dict)
    heights: list[int] = field(default_factory=list)

    def height(self, start: int, end: int) -> int:
        return sum(self.heights[start:end])


def _groups(table: TableSpec) -> list[GridCell]:
    return [g for g in table.grid if g.role is Role.LABEL and g.rowspan > 1]


def _inner_groups(table: TableSpec) -> list[GridCell]:
    """The groups that hold no other group."""
    groups = _groups(table)

    def holds(g: GridCell, other: GridCell) -> bool:
        return (
            other is not g
            and other.col > g.col
            and g.row <= other.row
            and other.row + other.rowspan <= g.row + g.rowspan
        )

    return [g for g in groups if not any(holds(g, o) for o in groups)]


def _natural_keeps(table: TableSpec, heights: list[int], room: int) -> set[int]:
    """Keeps for a table the renderer may break between blocks: header rows, each
    captioned block (section 二) and each row group that fits on a page, the first
    MIN_FIRST_ROWS body rows (completed to the end of a block), the last two rows."""
    n, h = table.n_rows, table.header_rows
    keep = set(range(h))
    captions = sorted({g.row for g in table.grid if g.role is Role.CAPTION})
    blocks = list(zip(captions, [*captions[1:], n], strict=False))
    for start, end in blocks:
        keep.update(range(start, end - 1))
    for g in _groups(table):
        if sum(heights[g.row : g.row + g.rowspan]) <= room:
            keep.update(range(g.row, g.row + g.rowspan - 1))
    first_end = min(n, h + MIN_FIRST_ROWS)
    for start, end in blocks:
        if start < first_end < end:
            first_end = end
    keep.update(range(h, first_end - 1))
    if n >= 2:
        keep.add(n - 2)
    keep.discard(n - 1)
    return keep


def _atoms(
    table: TableSpec, heights: list[int], room: int, split: set[GridCell]
) -> list[tuple[int, int]]:
    """Body rows in units that must not be split: the innermost row groups that fit
    on a page (but not those in `split`), single rows elsewhere. An outer group
    (「三、本年度办理结果」 around （三）…（六）) may be cut between its inner groups,
    so a long table takes as few pages as its rows allow; its label is repeated."""
    h, n = table.header_rows, table.n_rows
    owner: dict[int, tuple[int, int]] = {}
    for g in _inner_groups(table):
        rows = range(g.row, g.row + g.rowspan)
        if g in split or any(r in owner for r in rows) or sum(heights[r] for r in rows) > room:
            continue
        for r in rows:
            owner[r] = (g.row, g.row + g.rowspan)
    atoms, r = [], h
    while r < n:
        span = owner.get(r, (r, r + 1))
        atoms.append(span)
        r = span[1]
    return atoms


def _pack(atoms: list[tuple[int, int]], heights: list[int], first: int, room: int):
    """Atoms in pieces: the first up to `first` twips (it may stay empty when not
    even its first atom fits), the others up to `room`."""
    pieces: list[list[tuple[int, int]]] = [[]]
    used, cap = 0, first
    for atom in atoms:
        size = sum(heights[atom[0] : atom[1]])
        if used + size > cap and (pieces[-1] or len(pieces) == 1):
            pieces.append([])
            used, cap = 0, room
        pieces[-1].append(atom)
        used += size
    if len(pieces) > 1 and _rows(pieces[-1]) < 2 and len(pieces[-2]) > 1:
        pieces[-1].insert(0, pieces[-2].pop())  # the last row never stands alone
    return pieces


def _rows(piece: list[tuple[int, int]]) -> int:
    return sum(b - a for a, b in piece)


def continued_label(g: GridCell, rows_height: int, sizing: TableSizing) -> str:
    """The label of group `g` at the top of a continuation whose rows of the group
    are `rows_height` twips tall: 「label（续）」, or shorter (「三（续）」, 「（续）」) when
    that would make the rows taller."""
    width = sum(sizing.widths[g.col : g.col + g.colspan])
    candidates = [s.CONTINUED.format(label=g.text)]
    ordinal = re.match(r"^([一二三四五六七八九十]+)、", g.text)
    if ordinal:
        candidates.append(s.CONTINUED.format(label=ordinal.group(1)))
    candidates.append(s.CONTINUED.format(label=""))
    for text in candidates:
        if len(sizing.cell_lines(text, width)) * sizing.line + 2 * CELL_PAD <= rows_height:
            return text
    return candidates[-1]


def plan_table(
    table: TableSpec,
    heights: list[int],
    heading: int,
    first_room: int | None,
    sizing: TableSizing,
) -> TablePlan:
    """The plan of `table` whose rows are `heights` tall under a heading `heading`
    tall, when about `first_room` twips are left on the page where it starts
    (None: it starts at the top of a page)."""
    page_twips = sizing.page.height
    page = int(page_twips * PAGE_FILL)
    n, h = table.n_rows, table.header_rows
    header = sum(heights[:h])
    plan = TablePlan([(h, n)], heights=heights)
    if heading + sum(heights) <= page:
        plan.keep = set(range(n - 1))
        return plan
    room = page - header - SEPARATOR_TWIPS
    if not _groups(table):
        plan.keep = _natural_keeps(table, heights, room)
        return plan
    need_first = min(MIN_FIRST_ROWS, n - h)
    full = page - heading - header
    here = None if first_room is None else min(first_room, page) - heading - header
    split: set[GridCell] = set()
    while True:
        atoms = _atoms(table, heights, room, split)
        if here is not None and here < full:
            pieces = _pack(atoms, heights, here, room)
            rows = _rows(pieces[0])
            roomy = first_room is not None and first_room > page_twips * ROOMY_SHARE
            if rows >= need_first or (roomy and rows >= MIN_ROOMY_ROWS):
                plan.new_page = False
                break
        pieces = _pack(atoms, heights, full, room)
        plan.new_page = here is not None and here < full
        if _rows(pieces[0]) < need_first and len(pieces) > 1:
            # the first rows cannot start a page without a group that does not fit
            # beside them: cut that group into pieces too, with （续）
            blocking = pieces[1][0]
            group = next(
                (g for g in _groups(table) if (g.row, g.row + g.rowspan) == blocking), None
            )
            if group is not None and group not in split:
                split.add(group)
                continue
        break
    pieces = [p for p in pieces if p]
    plan.pieces = [(p[0][0], p[-1][1]) for p in pieces]
    plan.keep = set(range(n)) - {end - 1 for _, end in plan.pieces}
    for i, (start, end) in enumerate(plan.pieces[1:], start=1):
        cut = [g for g in _groups(table) if g.row < start < g.row + g.rowspan]
        labels = {}
        for g in cut:
            carried = sum(heights[start : min(end, g.row + g.rowspan)])
            labels[g] = continued_label(g, carried, sizing)
        if labels:
            plan.continued[i] = labels
    return plan


class Flow:
    """A running estimate of where the text stands on its page (twips from the top
    of the type area), so a long table's first piece can be sized to the room left.
    Only an estimate: a piece that does not fit moves to the next page whole."""

    def __init__(self) -> None:
        self.y = 0
        self.page = PAGE_TWIPS
        self.landscape = False

    @property
    def room(self) -> int:
        return self.page - self.y

    def block(self, height: int) -> None:
        """Something that is never split (a kept table, a title)."""
        if height > self.room and self.y:
            self.y = 0
        self.y = (self.y + height) % self.page if height > self.page else self.y + height

    def lines(self, count: int, line: int) -> None:
        """A paragraph of `count` lines, with widow and orphan control (no single
        line on either side of a page break)."""
        while count:
            fit = self.room // line
            if count <= fit:
                self.y += count * line
                return
            take = fit if fit >= 2 and count - fit >= 2 else fit - 1 if fit >= 3 else 0
            if take <= 0 and self.y == 0:
                take = fit
            count -= max(take, 0)
            self.y = 0

    def heading(self, height: int, next_height: int) -> None:
        """A heading kept with the first `next_height` twips of what follows."""
        if height + next_height > self.room and self.y:
            self.y = 0
        self.y += height

    def new_page(self, landscape: bool | None = None) -> None:
        """The next page; `landscape` when a new section turns the page."""
        if landscape is not None:
            self.landscape = landscape
            self.page = styles.LANDSCAPE_TEXT_HEIGHT if landscape else PAGE_TWIPS
        self.y = 0
