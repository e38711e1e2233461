"""The body of a Word file as an ordered list of paragraphs and table grids.

Word stores a merged cell once (horizontal: ``w:gridSpan``) or as a chain of
``w:tc`` continuing the one above (vertical: ``w:vMerge``); python-docx repeats
such a cell in every grid position it covers. Here every grid position points at
one `GridOrigin` per merged cell, so code that walks a row or a column sees each
printed cell exactly once (dedupe by identity of the originating ``w:tc``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph


@dataclass(eq=False)  # identity matters: one object per printed cell
class GridOrigin:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class DocTable:
    """A table as a grid: ``rows[r][c]`` is the origin covering (r, c) or None."""

    rows: list[list[GridOrigin | None]] = field(default_factory=list)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def row_cells(self, r: int) -> list[GridOrigin]:
        """The distinct cells covering row r, left to right (merged cells once)."""
        seen: set[int] = set()
        out: list[GridOrigin] = []
        for origin in self.rows[r]:
            if origin is not None and id(origin) not in seen:
                seen.add(id(origin))
                out.append(origin)
        return out

    def texts(self) -> Iterator[str]:
        seen: set[int] = set()
        for row in self.rows:
            for origin in row:
                if origin is not None and id(origin) not in seen:
                    seen.add(id(origin))
                    yield origin.text


@dataclass
class DocParagraph:
    text: str


Block = DocParagraph | DocTable


def _paragraph_text(p_element, parent) -> str:
    # Paragraph.text renders w:br as "\n" and w:tab as "\t"
    return Paragraph(p_element, parent).text


def _cell_text(tc, parent) -> str:
    return "\n".join(_paragraph_text(p, parent) for p in tc.iterchildren(qn("w:p")))


def _int_attr(element, path: str, default: int) -> int:
    found = element.find(path)
    if found is None:
        return default
    try:
        return int(found.get(qn("w:val")))
    except (TypeError, ValueError):
        return default


def read_table(tbl, parent) -> DocTable:
    """The grid of one ``w:tbl`` element."""
    table = DocTable()
    for r, tr in enumerate(tbl.iterchildren(qn("w:tr"))):
        row: list[GridOrigin | None] = []
        col = _int_attr(tr, f"{qn('w:trPr')}/{qn('w:gridBefore')}", 0)
        row.extend([None] * col)
        for tc in tr.iterchildren(qn("w:tc")):
            span = max(1, _int_attr(tc, f"{qn('w:tcPr')}/{qn('w:gridSpan')}", 1))
            vmerge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            origin = None
            if vmerge is not None and vmerge.get(qn("w:val")) in (None, "continue") and r > 0:
                above = table.rows[r - 1]
                if col < len(above) and above[col] is not None and above[col].col == col:
                    origin = above[col]
                    origin.rowspan = r - origin.row + 1
            if origin is None:
                origin = GridOrigin(r, col, _cell_text(tc, parent), colspan=span)
            row.extend([origin] * span)
            col += span
        table.rows.append(row)
    return table


def _body_children(container) -> Iterator:
    """Paragraphs and tables in reading order, looking inside content controls."""
    for child in container.iterchildren():
        if child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_children(content)
        elif child.tag in (qn("w:p"), qn("w:tbl")):
            yield child


def read_body(document) -> list[Block]:
    """Every top-level paragraph and table of a python-docx Document, in order."""
    body = document.element.body
    blocks: list[Block] = []
    for child in _body_children(body):
        if child.tag == qn("w:p"):
            # a soft line break (Shift+Enter) ends a line as a paragraph does; a
            # heading typed on the first line of its text is still found this way
            lines = _paragraph_text(child, document).split("\n")
            blocks.extend(DocParagraph(line) for line in lines)
        else:
            blocks.append(read_table(child, document))
    return blocks
