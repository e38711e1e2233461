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

import re

from importers.published.document import Block, Paragraph, PublishedDocument, Table, TableCell
from importers.published.labels import norm
from model import limits


def normalise(document: PublishedDocument) -> PublishedDocument:
    """The document with empty tables dropped, tables numbered, frame tables read
    as text and continued tables joined."""
    blocks = _numbered(document.blocks)
    blocks = _frames_as_text(blocks)
    blocks = _join_continued(blocks)
    return PublishedDocument(blocks, document.notes, document.name, document.summary_marker)


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
    """Tables with only blank lines between them, as wide as each other, joined
    into one — unless the second repeats the first's rows (a copy) or the
    joined table would pass MAX_TABLE_ROWS. Linear in the document: each part's
    width is measured once and rows are appended, never copied again."""
    out: list[Block] = []
    pending_blank: list[Block] = []
    last_part: Table | None = None  # the last table that went into out[-1]
    last_width = 0
    keys: dict[int, list[tuple[str, ...]]] = {}  # data-row labels, by id(table), when needed

    def data_keys(table: Table) -> list[tuple[str, ...]]:
        if id(table) not in keys:
            keys[id(table)] = _data_keys(table)
        return keys[id(table)]

    for block in blocks:
        if isinstance(block, Paragraph) and not block.text.strip():
            pending_blank.append(block)
            continue
        width = block.n_cols if isinstance(block, Table) else 0
        previous = out[-1] if out else None
        if (
            isinstance(block, Table)
            and isinstance(previous, Table)
            and last_part is not None
            and last_width == width
            and block.rows
            and len(previous.rows) + len(block.rows) <= limits.MAX_TABLE_ROWS
            and not _repeats_rows(data_keys(last_part), data_keys(block))
        ):
            if previous is last_part:  # the first join: a table of our own to append to
                previous = Table([list(row) for row in previous.rows], previous.number)
                out[-1] = previous
            _join_into(previous, block)
            last_part, pending_blank = block, []
            continue
        out.extend(pending_blank)
        pending_blank = []
        out.append(block)
        last_part, last_width = (block, width) if isinstance(block, Table) else (None, 0)
    out.extend(pending_blank)
    return out


def _data_keys(table: Table) -> list[tuple[str, ...]]:
    """The labels of each row that holds a number: the texts of its cells that
    are not numbers (rows without labels or numbers left out)."""
    from importers.published.tables import value_like

    out = []
    for row in table.rows:
        seen: set[int] = set()
        labels = []
        numbers = False
        for cell in row:
            if cell is None or id(cell) in seen:
                continue
            seen.add(id(cell))
            key = norm(cell.text)
            if not key:
                continue
            if value_like(cell.text):
                numbers = True
            else:
                labels.append(key)
        if numbers and labels:
            out.append(tuple(labels))
    return out


def _repeats_rows(before: list[tuple[str, ...]], after: list[tuple[str, ...]]) -> bool:
    """Whether a table whose data rows are labelled `after` prints again most of
    the rows of the one before it (a second copy of the table, not its
    continuation)."""
    earlier = set(before)
    repeated = sum(1 for key in after if key in earlier)
    return len(after) >= 2 and repeated * 2 > len(after)


def _row_key(table: Table, r: int) -> tuple[str, ...]:
    return tuple(norm(cell.text) if cell is not None else "" for cell in table.rows[r])


def _repeats_row(first: Table, second: Table, r: int) -> bool:
    """Whether row r of `second` repeats row r of `first` (a header printed again).
    A cell that one of them merges down from the row above may be written as a
    blank, unmerged cell in the other (LibreOffice, hand-made copies): still a
    repeat."""
    before, after = _row_key(first, r), _row_key(second, r)
    if not any(after):
        return False
    width = max(len(before), len(after))  # a grid may end early in one of them
    before += ("",) * (width - len(before))
    after += ("",) * (width - len(after))
    for c, (was, now) in enumerate(zip(before, after, strict=True)):
        if was == now:
            continue
        # a blank where the other table merges the cell down from the row above
        if not (now and was) and _merged_from_above(first if was else second, r, c):
            continue
        return False
    return True


def _merged_from_above(table: Table, r: int, c: int) -> bool:
    cell = table.rows[r][c] if c < len(table.rows[r]) else None
    return cell is not None and cell.row < r


def _join_into(first: Table, second: Table) -> None:
    """Append `second` to `first` (a table of the mapping's own, changed in
    place), without the leading rows it repeats; a row the page break cut in two
    is one row again (`_row_continues`)."""
    repeated = 0
    while (
        repeated < len(second.rows) - 1
        and repeated < len(first.rows)
        and _repeats_row(first, second, repeated)
    ):
        repeated += 1
    same: dict[int, TableCell] = {}  # id(cell of second) -> the first's cell it continues
    cut = repeated < len(second.rows) and first.rows and _row_continues(first, second, repeated)
    if cut and _merge_cut_row(first, second, repeated, same):
        repeated += 1  # the second's half is merged into the first's row
    offset = len(first.rows) - repeated
    moved: set[int] = {id(cell) for cell in same.values()}  # already in first's rows
    for row in second.rows[repeated:]:
        row = [same.get(id(cell), cell) if cell is not None else None for cell in row]
        for cell in row:
            if cell is not None and id(cell) not in moved:
                moved.add(id(cell))
                if cell.row < repeated:  # a header cell spanning into the data rows
                    cell.rowspan -= repeated - cell.row
                    cell.row = repeated
                cell.row += offset
        first.rows.append(row)
    first.last_number = second.last_number or second.number or first.last_number


def _numbers(row) -> bool:
    from importers.published.tables import value_like

    return any(c is not None and c.text.strip() and value_like(c.text) for c in row)


def _row_continues(first: Table, second: Table, r: int) -> bool:
    """Whether row r of `second` (its first row after repeated headers) is the
    rest of the last row of `first`, cut by a page break. As wide, and:

    - one of them without any text: the bottom of a cut row whose text is all
      above the break, or its top when the text is all below (a blank row reads
      nothing, so joining it loses nothing);
    - one half has numbers and the other none, and the other's text stands only
      under the first's labels (a label's end, as a page break leaves it —
      never a header over numbers);
    - neither has numbers (a header row cut by the break): every text of the
      second's row continues a text of the first's in a cell of the same
      columns, and begins no row of its own.
    """
    last, head = first.rows[-1], second.rows[r]
    if len(last) != len(head):
        return False
    if not _has_text(head) or not _has_text(last):
        return True
    if _opens_a_row(head, last):
        return False  # 「1.信访举报…」 after 「3.补正后…」 with blanks: two rows, not one
    numbers_above, numbers_below = _numbers(last), _numbers(head)
    if numbers_above and numbers_below:
        return False
    if not numbers_above and not numbers_below:
        return _header_continues(last, head, r)
    return _label_continues(last, head, len(first.rows) - 1, r)


def _has_text(row: list) -> bool:
    return any(c is not None and c.text.strip() for c in row)


def _label_continues(last: list, head: list, r_last: int, r_head: int) -> bool:
    from importers.published.tables import value_like

    broken, whole = (head, last) if _numbers(last) else (last, head)
    r_broken = r_head if broken is head else r_last
    for piece, other in zip(broken, whole, strict=True):
        if piece is None or not piece.text.strip() or piece is other:
            continue
        if piece.row < r_broken:
            continue  # a group label merged down from above: not the cut row's
        # the broken half only continues labels: text under a label of the other half
        if other is None or not other.text.strip() or value_like(other.text):
            return False
    return True


def _header_continues(last: list, head: list, r: int) -> bool:
    for c, below in enumerate(head):
        if below is None or below.col != c or not below.text.strip():
            continue
        above = last[c]
        if above is None or above is below or not above.text.strip():
            return False
        if above.col != below.col or above.colspan != below.colspan or below.row != r:
            return False
    return True


def _opens_a_row(head: list, last: list) -> bool:
    """Whether a label of the second part's first row begins a row of its own: an
    item number (「1.」「（五）」「三、」) or a continuation mark 「（续）」. A label cut
    by the page goes on with its words, not with a new number."""
    from importers.published.tables import value_like

    for cell, above in zip(head, last, strict=True):
        if cell is None or cell is above or not cell.text.strip():
            continue
        text = cell.text.strip()
        if value_like(text):
            continue  # 「16352.44」 is an amount, not item 16352
        if _ITEM_NUMBER.match(text) or "（续）" in text or "(续)" in text:
            return True
    return False


_ITEM_NUMBER = re.compile(r"[（(]?[一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十\d]+[、.．]")


def _merge_cut_row(first: Table, second: Table, r: int, same: dict[int, TableCell]) -> bool:
    """Join the two halves of a cut row column by column, texts in reading order.
    The half with the numbers (or with any text) stays: True when that is the first's row (the
    second's is dropped; each of its cells that covers the same columns as the
    first's cell above it is that cell, continued — `same` maps it — so a label
    merged down over the rows below the break stays one cell), False when the
    first's last row was dropped (its cells are no longer in the table)."""
    last, head = first.rows[-1], second.rows[r]
    # the text all below the break: the second's half stays
    keep_first = _has_text(last) and (_numbers(last) or not _numbers(head))
    done: set[int] = set()
    for above, below in zip(last, head, strict=True):
        if above is None or below is None or id(below) in done or below is above:
            continue
        done.add(id(below))
        if below.text.strip():
            joined = "\n".join(t for t in (above.text, below.text) if t.strip())
            above.text = below.text = joined
        if keep_first and below.col == above.col and below.colspan == above.colspan:
            same[id(below)] = above
            above.rowspan += below.row + below.rowspan - 1 - r  # its rows after the cut
    if keep_first:
        return True
    dropped = len(first.rows) - 1
    first.rows.pop()
    seen: set[int] = set()
    for cell in last:
        if cell is not None and id(cell) not in seen and cell.row < dropped:
            seen.add(id(cell))
            cell.rowspan -= 1  # a merge from above no longer reaches the dropped row
    return False
