"""Sections 二, 三 and 四 as Word tables, generated from the format's TableSpec.

The grid of the spec is written as it is: every GridCell becomes one ``w:tc`` with
``w:gridSpan`` for its columns and ``w:vMerge`` for its rows, exactly how Word
itself stores merged cells. Header rows repeat on every page, no row splits
across a page, and the table fills the text width with the spec's relative widths.
"""

from __future__ import annotations

from collections.abc import Callable

from exporters.docx import fonts, layout, styles
from model.spec import GridCell, Role, TableSpec

BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'  # 0.5 pt
CELL_MARGIN = 57  # 0.1 cm left and right: the narrow number columns need the room
MIN_ROW_HEIGHT = 454  # 0.8 cm
VERTICAL_PADDING = 170  # room above and below a vertical header
# Below the repeated header a page holds about 25 rows; a row-label group of up to
# 10 rows stays on one page, a longer one breaks where it must.
MAX_KEPT_GROUP_ROWS = 10


def column_widths(table: TableSpec, total: int = styles.TEXT_WIDTH) -> list[int]:
    """Grid column widths in twips, proportional to the spec, summing to `total`."""
    weights = table.col_widths
    widths = [int(total * w / sum(weights)) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


Positions = dict[tuple[int, int], GridCell]


def _layout(table: TableSpec) -> tuple[Positions, Positions]:
    """(cells by their top-left position, spanning cells by each position they cover
    below their first row)."""
    origin: dict[tuple[int, int], GridCell] = {}
    covered: dict[tuple[int, int], GridCell] = {}
    for g in table.grid:
        origin[(g.row, g.col)] = g
        for r in range(g.row + 1, g.row + g.rowspan):
            covered[(r, g.col)] = g
    return origin, covered


def _row_heights(table: TableSpec) -> list[int]:
    """Minimum row heights: a vertical header needs its characters' height in the
    last row it spans."""
    heights = [MIN_ROW_HEIGHT] * table.n_rows
    char = round(styles.TABLE_PT * 20 * 1.1)
    for g in table.grid:
        if g.vertical and g.text:
            last = g.row + g.rowspan - 1
            need = len(g.text) * char + VERTICAL_PADDING - (g.rowspan - 1) * MIN_ROW_HEIGHT
            heights[last] = max(heights[last], need)
    return heights


def _keep_rows(table: TableSpec) -> set[int]:
    """Rows that stay on the page of the next row (Word's "keep with next" on their
    paragraphs). Caption and header rows stay with the first row under them; a
    captioned block (section 二) stays whole, so no row is printed away from its
    caption; the rows of a row-label group (（三）不予公开 …) stay together, so the
    group label is never cut off its last rows; and the last row never starts a
    page alone. A group too long for a page (三、本年度办理结果) must break."""
    rows = {
        r
        for g in table.grid
        if g.role in (Role.CAPTION, Role.HEADER)
        for r in range(g.row, g.row + g.rowspan)
    }
    captions = sorted({g.row for g in table.grid if g.role is Role.CAPTION})
    ends = [*captions[1:], table.n_rows] if captions else []
    for start, end in zip(captions, ends, strict=True):
        rows.update(range(start, end - 1))
    for g in table.grid:
        if g.role is Role.LABEL and 1 < g.rowspan <= MAX_KEPT_GROUP_ROWS:
            rows.update(range(g.row, g.row + g.rowspan - 1))
    if table.n_rows >= 2:
        rows.add(table.n_rows - 2)
    rows.discard(table.n_rows - 1)
    return rows


def _paragraph(text: str, style: str, keep: bool) -> str:
    runs = ""
    if text:
        rpr = styles.run_props(fonts.TABLE, styles.TABLE_PT)
        body = layout.xml_text(text)
        runs = f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{body}</w:t></w:r>'
    keep_next = "<w:keepNext/>" if keep else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep_next}</w:pPr>{runs}</w:p>'


def _style_of(g: GridCell) -> str:
    # a row label reads from the left; a label over several rows is a group: centred
    if g.role is Role.LABEL and g.rowspan == 1:
        return styles.TABLE_LABEL
    return styles.TABLE_TEXT


def _tc(width: int, span: int, merge: str | None, vertical: bool, content: str) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if merge:
        props += f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>"
    if vertical:
        props += '<w:textDirection w:val="tbRl"/>'  # CJK upright, read top to bottom
    props += '<w:vAlign w:val="center"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def table_xml(table: TableSpec, value_text: Callable[[str], str]) -> str:
    """The ``w:tbl`` of `table`; `value_text(cell_id)` gives what a value cell prints."""
    widths = column_widths(table)
    origin, covered = _layout(table)
    heights = _row_heights(table)
    keep_rows = _keep_rows(table)
    borders = "".join(
        BORDER.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    out = [
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
        f'<w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="0"/>'
        "</w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    for r in range(table.n_rows):
        header = "<w:tblHeader/>" if r < table.header_rows else ""
        out.append(
            f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{heights[r]}" w:hRule="atLeast"/>'
            f"{header}</w:trPr>"
        )
        keep = r in keep_rows
        c = 0
        while c < table.n_cols:
            g = origin.get((r, c))
            if g is not None:
                text = value_text(g.cell) if g.role is Role.VALUE and g.cell else g.text
                width = sum(widths[c : c + g.colspan])
                merge = "restart" if g.rowspan > 1 else None
                content = _paragraph(text, _style_of(g), keep)
                out.append(_tc(width, g.colspan, merge, g.vertical, content))
                c += g.colspan
                continue
            above = covered.get((r, c))
            span = above.colspan if above else 1
            width = sum(widths[c : c + span])
            style = _style_of(above) if above else styles.TABLE_TEXT
            out.append(
                _tc(
                    width,
                    span,
                    "continue" if above else None,
                    bool(above and above.vertical),
                    _paragraph("", style, keep),
                )
            )
            c += span
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)
