"""Blocks of cells from the clipboard, as Excel, WPS and web browsers put them there.

- Text: tab-separated rows in the spreadsheet convention, read with the `csv`
  module's ``excel-tab`` dialect: a field holding a tab, a line break or a quote is
  quoted (「"1\\n2"」 is one cell), and 「""」 inside quotes is one quote.
- HTML: the first <table> is read with lxml.html; ``rowspan`` and ``colspan`` are
  spread over the grid as the table is drawn, the merged-over positions left
  empty, as a spreadsheet pastes a merged cell.
- Which one (`clipboard_block`): the text when it has the shape of the HTML table
  (Excel and WPS put both, alike; the text keeps quoted fields exact), the HTML
  table when the text has another shape (a browser copies a table's text one
  cell per line: 「11⏎22⏎33⏎44」 for a 2×2 table would paste down one column over
  other values), the HTML table when there is no usable text, else the text.

Pure functions of strings; the view reads the QMimeData and calls these.
"""

from __future__ import annotations

import csv
import io

from model import limits

Block = list[list[str]]


def parse_tsv(text: str) -> Block:
    """Rows of tab-separated text as Excel and WPS put it on the clipboard. A trailing
    line break is not an extra row; quoted fields are unquoted and may hold tabs and
    line breaks."""
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab"))
    # a block copied from a sheet ends with a line break; blank lines inside stay
    while rows and rows[-1] == []:
        rows.pop()
    return [row if row else [""] for row in rows]


def parse_html_table(html: str) -> Block | None:
    """The first table of an HTML fragment as rows of cell texts, spans spread out;
    None when there is no table (or the HTML cannot be read or is too large, see
    model.limits)."""
    if not html.strip() or len(html.encode("utf-8", "replace")) > limits.MAX_HTML_BYTES:
        return None
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    for table in root.iter("table"):
        rows = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
        if rows:
            return _grid(rows)
    return None


def _grid(rows: list) -> Block:
    cells: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(rows[: limits.MAX_TABLE_ROWS]):
        c = 0
        for td in tr.xpath("./td | ./th"):
            while (r, c) in cells:
                c += 1  # covered by a rowspan from above
            if c >= limits.MAX_TABLE_COLS:
                break
            rowspan = _span(td.get("rowspan"), limits.MAX_TABLE_ROWS - r)
            colspan = _span(td.get("colspan"), limits.MAX_TABLE_COLS - c)
            text = _text(td)
            for dr in range(rowspan):
                for dc in range(colspan):
                    cells[(r + dr, c + dc)] = text if dr == dc == 0 else ""
            c += colspan
    if not cells:
        return [[""]]
    n_rows = max(r for r, _ in cells) + 1
    n_cols = max(c for _, c in cells) + 1
    return [[cells.get((r, c), "") for c in range(n_cols)] for r in range(n_rows)]


def _span(raw: str | None, room: int) -> int:
    try:
        value = int(str(raw).strip()) if raw is not None else 1
    except ValueError:
        value = 1
    return max(1, min(value, room))


def _text(td) -> str:
    """A cell's text as shown: <br> and paragraphs break lines, runs of spaces are one."""
    for br in td.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = [" ".join(line.split()) for line in td.text_content().splitlines()]
    return "\n".join(line for line in lines if line)


def shape(block: Block) -> tuple[int, int]:
    """(rows, columns) of a block, leaving out trailing rows and columns that are
    empty (a trailing tab or line break is not a cell the officer meant)."""
    rows = list(block)
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    cols = 0
    for row in rows:
        filled = [i for i, cell in enumerate(row) if cell.strip()]
        if filled:
            cols = max(cols, filled[-1] + 1)
    return len(rows), cols


def clipboard_block(text: str, html: str) -> Block | None:
    """The block to paste from a clipboard's plain text and HTML (see the module's
    rule); None when there is nothing to paste."""
    table = parse_html_table(html) if html.strip() else None
    if not text.strip():
        return table
    block = parse_tsv(text)
    if table is not None and shape(table) != (0, 0) and shape(table) != shape(block):
        return table
    return block
