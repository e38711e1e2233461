"""Small neutral steps between a front end's document and the mapping.

What Word, web pages and PDFs all do to a report's tables, undone the same way
for every front end:

- a table continued on the next page (a PDF), split by the site's editor (a web
  page) or by the officer (Word) comes as two tables with nothing but blank lines
  between them: they are one table again, and header rows the second part
  repeats are dropped;
- a "table" of one column is a frame around text (a web page laid out in a
  table, a PDF that draws a box behind every line): its cells are paragraphs.
"""

from __future__ import annotations

from importers.published.document import Block, Paragraph, PublishedDocument, Table
from importers.published.labels import norm


def normalise(document: PublishedDocument) -> PublishedDocument:
    """The document with frame tables read as text and continued tables joined."""
    blocks = _frames_as_text(document.blocks)
    blocks = _join_continued(blocks)
    return PublishedDocument(blocks, document.notes, document.name)


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
        ):
            out[-1] = _joined(previous, block)
            pending_blank = []
            continue
        out.extend(pending_blank)
        pending_blank = []
        out.append(block)
    out.extend(pending_blank)
    return out


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
    return Table(rows)
