"""Small neutral steps between a front end's document and the mapping.

What Word, web pages and PDFs all do to a report's tables, undone the same way
for every front end:

- a table continued on the next page (a PDF), split by the site's editor (a web
  page) or by the officer (Word) comes as two tables with nothing but blank lines
  between them: they are one table again, and header rows the second part
  repeats are dropped;
- a row broken by the page (its label's last characters, or its numbers, at the
  top of the next part) is one row again;
- a "table" of one column is a frame around text (a web page laid out in a
  table, a PDF that draws a box behind every line): its cells are paragraphs;
- a table without rows (every row deleted with Track Changes) is not there for
  the reader and is dropped; the others are numbered as the reader counts them,
  for the notes;
- a second table that repeats the rows of the one before it (last year's table
  printed for comparison, a copy pasted twice) is not a continuation: it stays
  a table of its own, so the mapping sees two printings and compares them.
"""

from __future__ import annotations

from importers.published.document import Block, Paragraph, PublishedDocument, Table
from importers.published.labels import norm


def normalise(document: PublishedDocument) -> PublishedDocument:
    """The document with empty tables dropped, tables numbered, frame tables read
    as text and continued tables joined."""
    blocks = _numbered(document.blocks)
    blocks = _frames_as_text(blocks)
    blocks = _join_continued(blocks)
    return PublishedDocument(blocks, document.notes, document.name)


def _numbered(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    number = 0
    for block in blocks:
        if isinstance(block, Table):
            if not block.rows:
                continue
            number += 1
            block.number = block.number or number
            block.last_number = block.number
        out.append(block)
    return out


def _frames_as_text(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Table) and block.n_cols <= 1:
            for text in block.texts():
                out.extend(Paragraph(line) for line in text.split("\n"))
        else:
            out.append(block)
    return out


def _join_continued(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    pending_blank: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph) and not block.text.strip():
            pending_blank.append(block)
            continue
        previous = out[-1] if out else None
        if (
            isinstance(block, Table)
            and isinstance(previous, Table)
            and previous.n_cols == block.n_cols
            and block.rows
            and not _repeats_rows(previous, block)
        ):
            out[-1] = _joined(previous, block)
            pending_blank = []
            continue
        out.extend(pending_blank)
        pending_blank = []
        out.append(block)
    out.extend(pending_blank)
    return out


def _label_key(row) -> tuple[str, ...]:
    """A data row's labels: the texts of its cells that are not numbers."""
    from importers.published.tables import value_like

    seen: set[int] = set()
    out = []
    for cell in row:
        if cell is not None and id(cell) not in seen:
            seen.add(id(cell))
            if norm(cell.text) and not value_like(cell.text):
                out.append(norm(cell.text))
    return tuple(out)


def _repeats_rows(first: Table, second: Table) -> bool:
    """Whether `second` prints again most of the labelled rows with numbers that
    `first` prints (a second copy of the table, not its continuation)."""

    def data_rows(table: Table) -> list[tuple[str, ...]]:
        return [_label_key(row) for row in table.rows if _numbers(row) and _label_key(row)]

    before = set(data_rows(first))
    after = data_rows(second)
    repeated = sum(1 for key in after if key in before)
    return len(after) >= 2 and repeated * 2 > len(after)


def _row_key(table: Table, r: int) -> tuple[str, ...]:
    return tuple(norm(cell.text) if cell is not None else "" for cell in table.rows[r])


def _joined(first: Table, second: Table) -> Table:
    """`second` appended to `first`, without the leading rows it repeats."""
    repeated = 0
    while (
        repeated < len(second.rows) - 1
        and repeated < len(first.rows)
        and any(_row_key(second, repeated))
        and _row_key(second, repeated) == _row_key(first, repeated)
    ):
        repeated += 1
    broken = repeated < len(second.rows) and first.rows and _row_broken(first, second, repeated)
    if broken and _merge_broken_row(first, second, repeated):
        repeated += 1  # the second's half is merged into the first's row
    offset = len(first.rows) - repeated
    rows = [list(row) for row in first.rows]
    moved: set[int] = set()
    for row in second.rows[repeated:]:
        for cell in row:
            if cell is not None and id(cell) not in moved:
                moved.add(id(cell))
                if cell.row < repeated:  # a header cell spanning into the data rows
                    cell.rowspan -= repeated - cell.row
                    cell.row = repeated
                cell.row += offset
        rows.append(list(row))
    return Table(rows, first.number, second.last_number or first.last_number)


def _numbers(row) -> bool:
    from importers.published.tables import value_like

    return any(c is not None and c.text.strip() and value_like(c.text) for c in row)


def _row_broken(first: Table, second: Table, r: int) -> bool:
    """Whether the first row of `second` (after repeated headers) is the rest of
    the last row of `first`: as wide, one of the two has numbers and the other
    has none, and the other's text stands only under the first's labels (a
    label's end, as a page break leaves it — never a header over numbers)."""
    from importers.published.tables import value_like

    last, head = first.rows[-1], second.rows[r]
    if len(last) != len(head) or not any(c is not None and c.text.strip() for c in head):
        return False
    if _numbers(last) == _numbers(head):
        return False
    broken, whole = (head, last) if _numbers(last) else (last, head)
    for piece, other in zip(broken, whole, strict=True):
        if piece is None or not piece.text.strip() or piece is other:
            continue
        # the broken half only continues labels: text under a label of the other half
        if other is None or not other.text.strip() or value_like(other.text):
            return False
    return True


def _merge_broken_row(first: Table, second: Table, r: int) -> bool:
    """Join the two halves' texts column by column, in reading order, and drop the
    half without numbers: True when that is the second's row, False when the
    first's last row was dropped (its cells are no longer in the table)."""
    last, head = first.rows[-1], second.rows[r]
    merged: set[int] = set()
    for above, below in zip(last, head, strict=True):
        if above is None or below is None or id(above) in merged or below is above:
            continue
        merged.add(id(above))
        if below.text.strip():
            joined = "\n".join(t for t in (above.text, below.text) if t.strip())
            above.text = below.text = joined
    if _numbers(last):
        return True
    dropped = len(first.rows) - 1
    first.rows.pop()
    seen: set[int] = set()
    for cell in last:
        if cell is not None and id(cell) not in seen and cell.row < dropped:
            seen.add(id(cell))
            cell.rowspan -= 1  # a merge from above no longer reaches the dropped row
    return False
