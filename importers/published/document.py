"""The neutral form of a published report, whatever file it was read from.

A front end (importers/docx_walker.py for Word; an HTML or PDF reader alike)
turns a file into a `PublishedDocument`: the body as an ordered list of blocks,
each a `Paragraph` (one line of text as a reader sees it; blank lines kept) or a
`Table` (a grid in which a merged cell is one `TableCell` covering several grid
positions), plus the notes the front end made about what it read (revisions read
as accepted, spans clipped). importers/published/reader.py maps that document to
the format spec; it never sees the file format.

Front ends build tables with `TableBuilder`, which places cells on the grid row
by row, honours spans in both directions, and keeps every table within
model.limits (MAX_TABLE_COLS, MAX_TABLE_ROWS): an absurd span or offset in a file
costs work in proportion to the real document, never to the number it claims,
and is named in a note.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from importers import strings as s
from model import limits
from model.values import drop_invisible


@dataclass(eq=False)  # identity matters: one object per printed cell
class TableCell:
    """One printed cell: its top-left grid position, its text (lines joined with
    "\\n") and how many grid rows and columns it covers."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1

    def __post_init__(self) -> None:
        self.text = drop_invisible(self.text)  # what the reader sees, every front end


@dataclass
class Table:
    """A table as a grid: ``rows[r][c]`` is the cell covering (r, c), or None where
    the row has no cell (Word's gridBefore/gridAfter, short rows).

    `number` is the table's place among the tables the reader of the file sees
    (1 for the first; 0 until importers/published/normalise.py numbers them), and
    `last_number` the place of the last part when continued tables were joined:
    notes name tables by these, as the officer counts them."""

    rows: list[list[TableCell | None]] = field(default_factory=list)
    number: int = 0
    last_number: int = 0

    @property
    def label(self) -> str:
        """「第 3 个表格」, or 「第 3–4 个表格」 for a joined one."""
        if self.last_number > self.number:
            return s.TABLES_LABEL.format(first=self.number, last=self.last_number)
        return s.TABLE_LABEL.format(index=self.number)

    @property
    def where(self) -> str:
        """「文档中第 3 个表格」."""
        return s.TABLE_IN_DOCUMENT.format(label=self.label)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def row_cells(self, r: int) -> list[TableCell]:
        """The distinct cells covering row r, left to right (merged cells once)."""
        seen: set[int] = set()
        out: list[TableCell] = []
        for cell in self.rows[r]:
            if cell is not None and id(cell) not in seen:
                seen.add(id(cell))
                out.append(cell)
        return out

    def texts(self) -> Iterator[str]:
        """The text of every cell, each merged cell once."""
        seen: set[int] = set()
        for row in self.rows:
            for cell in row:
                if cell is not None and id(cell) not in seen:
                    seen.add(id(cell))
                    yield cell.text


@dataclass
class Paragraph:
    """One line of body text as shown (a paragraph broken by soft line breaks is
    several lines); blank lines are kept, they end a title."""

    text: str

    def __post_init__(self) -> None:
        self.text = drop_invisible(self.text)


Block = Paragraph | Table


@dataclass
class PublishedDocument:
    """A published report's body, in reading order, and what the front end noted."""

    blocks: list[Block]
    notes: list[str] = field(default_factory=list)  # Chinese, one sentence each
    name: str = ""  # the file's name, for messages
    # The summary marker the file carries (model/summary_marker.py): its payload, ""
    # for a marker without one (a keyword), None when the file carries none.
    summary_marker: str | None = None


class TableBuilder:
    """Places the cells of one table on its grid, row by row.

    `declared_cols` is the width the file declares (Word's ``w:tblGrid``), if any.
    A span or an offset wider than that (or than MAX_TABLE_COLS without one) is
    clipped to the table; cells beyond MAX_TABLE_COLS and rows beyond
    MAX_TABLE_ROWS are not read. `notes` says what was clipped or left out, with
    `where` naming the table (「第 3 个表格」).
    """

    def __init__(self, where: str, declared_cols: int | None = None) -> None:
        hard = limits.MAX_TABLE_COLS
        self._width = declared_cols if declared_cols and 0 < declared_cols <= hard else hard
        self._where = where
        self._rows: list[list[TableCell | None]] = []
        self._row: list[TableCell | None] | None = None
        self._col = 0
        self._below: dict[int, tuple[TableCell, int]] = {}  # col -> (cell, rows it still covers)
        self._clipped = 0
        self._dropped_cells = 0
        self._dropped_rows = 0

    # ---- rows --------------------------------------------------------------------------
    def new_row(self) -> bool:
        """Start a row. False once the table has MAX_TABLE_ROWS rows: the row is
        counted, and its cells are ignored."""
        if len(self._rows) >= limits.MAX_TABLE_ROWS:
            self._dropped_rows += 1
            self._row = None
            return False
        row: list[TableCell | None] = []
        r = len(self._rows)
        for col, (cell, left) in sorted(self._below.items()):
            _put(row, col, 1, cell)
            if left > 1:
                self._below[col] = (cell, left - 1)
            else:
                del self._below[col]
            cell.rowspan = r - cell.row + 1
        self._rows.append(row)
        self._row, self._col = row, 0
        return True

    def skip(self, n: int) -> None:
        """Leave `n` grid columns of this row empty (Word's gridBefore/gridAfter)."""
        if self._row is None or n <= 0:
            return
        self._col = self._free() + self._fit(n, minimum=0)

    # ---- cells -------------------------------------------------------------------------
    def add(self, text: str, colspan: int = 1, rowspan: int = 1) -> TableCell | None:
        """A new cell at the next free position of this row, covering `colspan`
        columns and `rowspan` rows (later rows skip the positions it covers)."""
        row = self._row
        if row is None:
            return None
        start = self._free()
        if start >= limits.MAX_TABLE_COLS:
            self._dropped_cells += 1
            return None
        colspan = self._fit(colspan, minimum=1)
        r = len(self._rows) - 1
        if rowspan > limits.MAX_TABLE_ROWS - r:
            self._clipped += 1
            rowspan = limits.MAX_TABLE_ROWS - r
        cell = TableCell(r, start, text, max(rowspan, 1), colspan)
        _put(row, start, colspan, cell)
        if rowspan > 1:
            for col in range(start, start + colspan):
                self._below[col] = (cell, rowspan - 1)
        self._col = start + colspan
        return cell

    def add_at(self, col: int, text: str, colspan: int = 1, rowspan: int = 1) -> TableCell | None:
        """A new cell at grid column `col` of this row (or the next free position
        after it), for front ends that know each cell's column (PDF geometry)."""
        if self._row is None:
            return None
        if col > self._free():
            self._col = min(col, limits.MAX_TABLE_COLS)
        return self.add(text, colspan, rowspan)

    def continue_above(self, colspan: int = 1) -> bool:
        """The cell at the next position continues the cell above it (Word's vMerge).
        False when there is no cell above that starts in this column: the caller
        then adds the cell as a new one."""
        row = self._row
        if row is None or len(self._rows) < 2:
            return False
        start = self._free()
        above = self._rows[-2]
        cell = above[start] if start < len(above) else None
        if cell is None or cell.col != start or start >= limits.MAX_TABLE_COLS:
            return False
        colspan = self._fit(colspan, minimum=1)
        cell.rowspan = len(self._rows) - cell.row
        _put(row, start, colspan, cell)
        self._col = start + colspan
        return True

    def continue_left(self, colspan: int = 1) -> bool:
        """The cell at the next position continues the one to its left (Word's
        legacy hMerge). False when there is none: the caller adds a new cell."""
        row = self._row
        if row is None:
            return False
        start = self._free()
        cell = row[start - 1] if 0 < start <= len(row) else None
        if cell is None or cell.row != len(self._rows) - 1 or start >= limits.MAX_TABLE_COLS:
            return False
        colspan = self._fit(colspan, minimum=1)
        cell.colspan += colspan
        _put(row, start, colspan, cell)
        self._col = start + colspan
        return True

    # ---- result ------------------------------------------------------------------------
    def build(self) -> Table:
        return Table(self._rows)

    @property
    def notes(self) -> list[str]:
        """What was clipped or left out, as Chinese notes."""
        out = []
        if self._clipped:
            out.append(
                s.TABLE_SPAN_CLIPPED.format(
                    where=self._where, count=self._clipped, cols=self._width
                )
            )
        if self._dropped_cells:
            out.append(
                s.TABLE_CELLS_DROPPED.format(
                    where=self._where, count=self._dropped_cells, limit=limits.MAX_TABLE_COLS
                )
            )
        if self._dropped_rows:
            out.append(
                s.TABLE_ROWS_DROPPED.format(
                    where=self._where, count=self._dropped_rows, limit=limits.MAX_TABLE_ROWS
                )
            )
        return out

    def _free(self) -> int:
        """The next grid position of this row not covered by a cell from above."""
        row = self._row
        assert row is not None
        while self._col < len(row) and row[self._col] is not None:
            self._col += 1
        return self._col

    def _fit(self, n: int, minimum: int) -> int:
        """`n` grid columns from the current position, clipped: a span or offset
        wider than the table is cut to what is left of it; nothing ever reaches
        past MAX_TABLE_COLS."""
        start = self._col
        if n > self._width:
            self._clipped += 1
            n = max(self._width - start, minimum)
        return max(min(n, limits.MAX_TABLE_COLS - start), minimum)


def _put(row: list[TableCell | None], start: int, n: int, cell: TableCell) -> None:
    """Let `cell` cover positions start … start+n-1 of `row` (free ones only)."""
    end = min(start + n, limits.MAX_TABLE_COLS)
    if len(row) < end:
        row.extend([None] * (end - len(row)))
    for col in range(start, end):
        if row[col] is None:
            row[col] = cell
