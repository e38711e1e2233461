"""The tables of one PDF page, as neutral Table grids with their spans.

Tables are found from their ruling lines: stroked lines and rectangles, and thin
filled rectangles (how Word, WPS and LibreOffice draw cell borders). Wide filled
rectangles are cell or line backgrounds (WPS paints one behind every line of
text) and are not rulings. A merged cell is one TableCell covering the grid
positions its box covers; its text is its lines joined with "\\n" (a label
printed one character per line reads as the label once the mapping drops the
line breaks).

A page whose text has no ruling lines but is set in columns — a row label and
numbers separated by wide gaps — is read from the words' positions instead
(importers/pdf_words.py), with a note.
"""

from __future__ import annotations

from importers import strings as s
from importers.published.document import Table, TableBuilder, TableCell

_THIN = 2.5  # pt: a filled rectangle this narrow is a ruling line
_TOLERANCE = 1.5  # pt: box edges this close are one grid line
# pt: column edges of two parts of one table (on two pages) this close are one
# edge. pdfplumber snaps the ruling lines of a page that lie within 3 pt of each
# other to their mean, so the same column line is found up to about 2 pt apart on
# two pages when another table on one of them has a line near it; no column is
# this narrow.
_JOIN_TOLERANCE = 4.0
_WHITE = ((1,), (1, 1, 1), (0, 0, 0, 0))

# Words: a gap under 0.3 of the font size is letter spacing or the space Word and
# WPS put between Chinese and digits (「2020年」 prints as 「2020 年」), not a
# space; a space character the PDF does print is kept.
TEXT_OPTIONS = {"x_tolerance_ratio": 0.3, "keep_blank_chars": True}

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def page_tables(page, number: int) -> tuple[list[tuple[float, Table]], list[Box], list[str]]:
    """(top, Table) of each table on the page, the tables' boxes (their text is not
    body text) and notes. `number` is the page number, for notes. The column
    edges of each ruled table (x positions, left to right, the right edge last)
    are kept in COLUMN_EDGES, for joining a table split over a page break
    (`regrid`)."""
    edges = _rulings(page)
    found = []
    if len(edges) >= 2:
        settings = {
            "vertical_strategy": "explicit",
            "horizontal_strategy": "explicit",
            "explicit_vertical_lines": edges,
            "explicit_horizontal_lines": edges,
        }
        found = page.find_tables(settings)
    out: list[tuple[float, Table]] = []
    boxes: list[Box] = []
    notes: list[str] = []
    for index, table in enumerate(found, start=1):
        grid, grid_notes, grid_edges = _grid(
            table, s.PDF_TABLE_WHERE.format(page=number, index=index)
        )
        if grid.n_cols < 2 or not grid.rows:
            continue  # a frame around text, not a table
        out.append((table.bbox[1], grid))
        COLUMN_EDGES[id(grid)] = grid_edges
        boxes.append(table.bbox)
        notes += grid_notes
    if not out:
        from importers.pdf_words import word_tables

        for top, table, box in word_tables(page):
            out.append((top, table))
            boxes.append(box)
        if out:  # one note per page
            notes.append(s.PDF_TABLE_FROM_WORDS.format(page=number))
    return out, boxes, notes


def _rulings(page) -> list[dict]:
    edges = list(page.lines)
    for rect in page.rects:
        thin = min(rect["width"], rect["height"]) <= _THIN
        colour = rect.get("non_stroking_color")
        white = _is_white(colour)
        if (rect.get("stroke") and not _is_white(rect.get("stroking_color"))) or (
            thin and rect.get("fill") and not white
        ):
            edges.append(rect)
    return edges


def _is_white(colour) -> bool:
    if colour is None:
        return False
    try:
        values = tuple(float(v) for v in colour)
    except TypeError:
        return False
    return values in _WHITE or (len(values) == 3 and min(values) >= 0.99)


def _grid(table, where: str) -> tuple[Table, list[str], list[float]]:
    """A pdfplumber table as a grid: columns and rows at every distinct cell edge."""
    texts = table.extract(**TEXT_OPTIONS)
    cells: list[tuple[Box, str]] = []
    for row, row_texts in zip(table.rows, texts, strict=False):
        for box, text in zip(row.cells, row_texts, strict=False):
            if box is not None:
                cells.append((box, text or ""))
    xs = _lines(b[0] for b, _t in cells)
    ys = _lines(b[1] for b, _t in cells)
    builder = TableBuilder(where, len(xs) or None)
    starts: dict[int, list[tuple[int, int, int, str]]] = {}
    for box, text in cells:
        row, col = _index(ys, box[1]), _index(xs, box[0])
        colspan = max(1, sum(1 for x in xs if box[0] - _TOLERANCE <= x < box[2] - _TOLERANCE))
        rowspan = max(1, sum(1 for y in ys if box[1] - _TOLERANCE <= y < box[3] - _TOLERANCE))
        starts.setdefault(row, []).append((col, colspan, rowspan, text))
    for r in range(len(ys)):
        if not builder.new_row():
            continue
        for col, colspan, rowspan, text in sorted(starts.get(r, [])):
            builder.add_at(col, text, colspan, rowspan)
    right = max((b[2] for b, _t in cells), default=0.0)
    return builder.build(), builder.notes, [*xs, right]


# Column edges of the ruled tables read, by id(Table) (see page_tables); the
# reader of one PDF clears it when it is done.
COLUMN_EDGES: dict[int, list[float]] = {}


def same_columns(before: list[float], after: list[float]) -> bool:
    """Whether two parts of a table split over a page break share their outer
    edges and every column edge of one lies on an edge of the other or between
    them (one part drawn with fewer column lines, merged cells)."""
    if len(before) < 2 or len(after) < 2:
        return False
    return abs(before[0] - after[0]) <= 2 * _TOLERANCE and (
        abs(before[-1] - after[-1]) <= 2 * _TOLERANCE
    )


def regrid(table: Table, edges: list[float], union: list[float]) -> Table:
    """`table` (whose column edges are `edges`) on the grid of `union`, the
    column edges of all parts of a table split over pages: each cell keeps its
    place and covers the union's columns between its own edges."""
    width = len(union) - 1
    rows: list[list[TableCell | None]] = [[None] * width for _ in table.rows]
    placed: dict[int, TableCell] = {}
    for r, row in enumerate(table.rows):
        for cell in row:
            if cell is None or id(cell) in placed:
                continue
            start = _index(union, edges[cell.col])
            end_edge = edges[min(cell.col + cell.colspan, len(edges) - 1)]
            end = max(_index(union, end_edge), start + 1)
            new = TableCell(cell.row, start, cell.text, cell.rowspan, end - start)
            placed[id(cell)] = new
            for rr in range(cell.row, min(cell.row + cell.rowspan, len(rows))):
                for c in range(start, min(end, width)):
                    if rows[rr][c] is None:
                        rows[rr][c] = new
        del r
    return Table(rows, table.number, table.last_number)


def union_edges(parts: list[list[float]]) -> list[float]:
    """The column edges of several parts as one sorted list; edges within
    _JOIN_TOLERANCE of the first of a group are one edge (the same line found a
    little apart on two pages)."""
    out: list[float] = []
    for x in sorted(x for edges in parts for x in edges):
        if not out or x - out[-1] > _JOIN_TOLERANCE:
            out.append(x)
    return out


def _lines(values) -> list[float]:
    """Distinct positions, edges closer than _TOLERANCE counted once."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _TOLERANCE:
            out.append(v)
    return out


def _index(lines: list[float], value: float) -> int:
    return min(range(len(lines)), key=lambda i: abs(lines[i] - value))
