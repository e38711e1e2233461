"""Sections 二, 三 and 四 as Word tables, generated from the format's TableSpec.

The grid of the spec is written as it is: every GridCell becomes one ``w:tc`` with
``w:gridSpan`` for its columns and ``w:vMerge`` for its rows, exactly how Word
itself stores merged cells. Header rows repeat on every page, no row splits across
a page, columns are sized by what this report prints (exporters.docx.sizing), and
a table too long for a page is printed in pieces (exporters.docx.paging).
"""

from __future__ import annotations

from collections.abc import Callable

from exporters.docx import fonts, layout, styles
from exporters.docx import strings as s
from exporters.docx.paging import CELL_PAD, SEPARATOR_TWIPS, TablePlan, fixed_heights
from exporters.docx.sizing import TableSizing
from model.spec import GridCell, Role, TableSpec

BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'  # 0.5 pt

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


def _paragraph(
    lines: list[str], style: str, keep: bool, sizing: TableSizing, number: bool = False
) -> str:
    """A cell's paragraph: `lines` joined by line breaks. A number (`number`) is one
    word Latin breaking must not cut."""
    runs = ""
    if any(lines):
        rpr = styles.run_props(fonts.TABLE, sizing.size_pt)
        body = "<w:br/>".join(
            f'<w:t xml:space="preserve">{layout.xml_text(line)}</w:t>' for line in lines
        )
        runs = f"<w:r><w:rPr>{rpr}</w:rPr>{body}</w:r>"
    ppr = styles.ppr(style, keep_next=keep, line=sizing.line, break_latin=not number)
    return f"<w:p>{ppr}{runs}</w:p>"


def _lines(g: GridCell, text: str, width: int, sizing: TableSizing) -> list[str]:
    """The printed lines of a cell: a number on one line; a label or header broken
    between words by the export itself (exporters.docx.sizing.cell_lines); vertical
    text as it is."""
    if g.role is Role.VALUE or g.vertical or not text:
        return [text]
    return sizing.cell_lines(text, width)


def _style_of(g: GridCell) -> str:
    # a row label reads from the left; a label over several rows is a group: centred
    if g.role is Role.LABEL and g.rowspan == 1:
        return styles.TABLE_LABEL
    return styles.TABLE_TEXT


def _tc(width: int, span: int, merge: str | None, g: GridCell | None, content: str) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if merge:
        props += f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>"
    if g is not None and g.role is Role.VALUE:
        props += "<w:noWrap/>"  # the last guard: a number never breaks across lines
    if g is not None and g.vertical:
        props += '<w:textDirection w:val="tbRl"/>'  # CJK upright, read top to bottom
    props += '<w:vAlign w:val="center"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def _tbl_pr(sizing: TableSizing) -> str:
    borders = "".join(
        BORDER.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    m = sizing.margin
    return (
        "<w:tblPr>"
        f'<w:tblW w:w="{sum(sizing.widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="{CELL_PAD}" w:type="dxa"/>'
        f'<w:left w:w="{m}" w:type="dxa"/><w:bottom w:w="{CELL_PAD}" w:type="dxa"/>'
        f'<w:right w:w="{m}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="0"/>'
        "</w:tblPr><w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in sizing.widths)
    ) + "</w:tblGrid>"


def _row(
    table: TableSpec,
    r: int,
    first: int,
    cells: tuple[Positions, Positions],
    sizing: TableSizing,
    keep: bool,
    value_text: Callable[[str], str],
    height: int,
    continued: dict[GridCell, str],
) -> str:
    """Row `r` of a piece whose first body row is `first`: a merged cell cut off its
    top by the piece starts again there, a group label with its `continued` text
    (「…（续）」)."""
    origin, covered = cells
    widths = sizing.widths
    header = "<w:tblHeader/>" if r < table.header_rows else ""
    out = [
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" '
        f'w:hRule="atLeast"/>{header}</w:trPr>'
    ]
    c = 0
    while c < table.n_cols:
        g = origin.get((r, c))
        restart = False
        if g is None and r == first and (r, c) in covered:
            g, restart = covered[(r, c)], True
        if g is not None:
            if restart:
                label = g.role is Role.LABEL
                text = continued.get(g, s.CONTINUED.format(label=g.text)) if label else ""
            elif g.role is Role.VALUE and g.cell:
                text = value_text(g.cell)
            else:
                text = g.text
            width = sum(widths[c : c + g.colspan])
            merge = "restart" if g.row + g.rowspan - 1 > r else None
            lines = _lines(g, text, width, sizing)
            number = g.role is Role.VALUE
            content = _paragraph(lines, _style_of(g), keep, sizing, number)
            out.append(_tc(width, g.colspan, merge, g, content))
            c += g.colspan
            continue
        above = covered.get((r, c))
        span = above.colspan if above else 1
        width = sum(widths[c : c + span])
        style = _style_of(above) if above else styles.TABLE_TEXT
        merge = "continue" if above else None
        content = _paragraph([""], style, keep, sizing)
        out.append(_tc(width, span, merge, above, content))
        c += span
    out.append("</w:tr>")
    return "".join(out)


def separator() -> str:
    """The 1 pt paragraph between two pieces of a table; it starts the next page."""
    return (
        f"<w:p>{styles.ppr(styles.TABLE_TEXT, page_break=True, line=SEPARATOR_TWIPS)}"
        f"<w:r><w:rPr>{styles.run_props(fonts.TABLE, 1)}</w:rPr></w:r></w:p>"
    )


def table_xml(
    table: TableSpec, value_text: Callable[[str], str], sizing: TableSizing, plan: TablePlan
) -> str:
    """The ``w:tbl`` pieces of `table`; `value_text(cell_id)` gives what a value cell
    prints. Pieces after the first start on a new page, after their header rows."""
    cells = _layout(table)
    tbl_pr = _tbl_pr(sizing)
    heights = fixed_heights(table, sizing)
    out = []
    for i, (start, end) in enumerate(plan.pieces):
        if i:
            out.append(separator())
        out.append(f"<w:tbl>{tbl_pr}")
        for r in (*range(table.header_rows), *range(start, end)):
            keep = r in plan.keep or (r < table.header_rows)
            continued = plan.continued.get(i, {})
            out.append(
                _row(table, r, start, cells, sizing, keep, value_text, heights[r], continued)
            )
        out.append("</w:tbl>")
    return "".join(out)
