"""Web pages of a report in the shapes government sites publish them.

`published_page(report, ...)` writes the page from the report and its format
spec: one table per section, or one per block of 二 with the block captions as
paragraphs; table 三 split in two with or without its header repeated; labels
broken by ``<br>`` or printed one character per line; header cells split over
``<p>``; the site around it (menus, scripts, styles, hidden text, a layout
table); any encoding, declared by ``<meta charset>``, by ``http-equiv`` or not
at all.
"""

from __future__ import annotations

import re
from html import escape

from exporters.docx.numbers import printed_value
from model.report import Report
from model.spec import Role, TableSpec

SITE_TOP = """<div class="top"><ul class="nav-menu"><li><a href="/">首页</a></li>
<li><a href="/zwgk">政务公开</a></li><li><a href="/bsfw">办事服务</a></li></ul>
<div class="crumbs">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年度报告</div></div>
<script>var total = "一、总体情况 999件"; document.write(total);</script>
<style>.x{color:red}</style>
<nav><a href="/a">二、主动公开政府信息情况</a></nav>"""
SITE_BOTTOM = """<div class="footer">
<footer>主办单位：某某市人民政府办公室 | 网站标识码 1234567890</footer></div>
<div style="display:none">隐藏的文字 12345</div>"""


def _cell(tag: str, text: str, rowspan: int, colspan: int, cls: str = "") -> str:
    attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    attrs += f' class="{cls}"' if cls else ""
    return f"<{tag}{attrs}>{text}</{tag}>"


def _label_html(text: str, style: str, rowspan: int) -> str:
    if style == "br" and len(text) > 6:
        middle = len(text) // 2
        return f"{escape(text[:middle])}<br>\n{escape(text[middle:])}"
    if style == "br" and rowspan > 3:  # a tall label: one character per line
        return "<br>".join(escape(ch) for ch in text)
    if style == "p" and len(text) > 3:
        middle = len(text) // 2
        return f"<p>{escape(text[:middle])}</p><p>{escape(text[middle:])}</p>"
    return escape(text)


def table_rows(
    report: Report,
    table: TableSpec,
    first: int,
    last: int,
    *,
    repeat_header: bool = False,
    label_style: str = "",
) -> str:
    """Grid rows first … last-1 of an official table as one <table>; merges cut at
    the edges (a label continued from above prints blank, as a PDF or an editor
    splitting a table leaves it). With `repeat_header`, the header rows come first."""
    header_rows = range(0, table.header_rows) if repeat_header and first > 0 else range(0)
    wanted = [*header_rows, *range(first, last)]
    out = ["<table border=1>"]
    for r in wanted:
        cells = []
        block_first = first if r >= first else 0
        block_last = last if r >= first else table.header_rows
        for g in sorted(table.grid, key=lambda g: g.col):
            if not (g.row <= r < g.row + g.rowspan):
                continue
            start = max(g.row, block_first)
            if r != start:
                continue
            rowspan = min(g.row + g.rowspan, block_last) - start
            if g.role is Role.VALUE and g.cell:
                text = escape(printed_value(report, table.cell_by_id[g.cell]))
                cells.append(_cell("td", text, rowspan, g.colspan))
                continue
            text = _label_html(g.text, label_style, rowspan) if g.row == r else ""
            tag = "th" if g.role in (Role.HEADER, Role.CAPTION) else "td"
            cells.append(_cell(tag, text, rowspan, g.colspan))
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def published_page(
    report: Report,
    *,
    split_active: bool = False,
    split_applications: int | None = None,
    repeat_header: bool = False,
    label_style: str = "",
    site: bool = False,
    layout_table: bool = False,
    encoding: str = "utf-8",
    declare: str | None = "meta",
    lines_by_br: bool = False,
) -> bytes:
    """The page's bytes. `split_applications`: the grid row where table 三 is
    split into a second <table>; `label_style`: "br" (labels broken by <br>, tall
    ones one character per line) or "p" (labels and headers split over <p>);
    `lines_by_br`: the article's headings and paragraphs are lines of one
    element kept apart by <br> only (no <p>), as some site editors save them."""
    meta, spec = report.meta, report.spec
    title = f"{meta.agency}{meta.year}年{spec.title_suffix}"
    body = [f"<h1>{escape(title)}</h1>", '<div class="info">发布日期：2021-01-08 来源：本站</div>']
    for section in spec.sections:
        body.append(f"<p><strong>{escape(section.heading)}</strong></p>")
        if section.table:
            table = spec.table_by_id[section.table]
            if section.table == "active" and split_active:
                captions = sorted({g.row for g in table.grid if g.role is Role.CAPTION})
                bounds = [*captions[1:], table.n_rows]
                for start, end in zip(captions, bounds, strict=True):
                    caption = next(
                        g.text for g in table.grid if g.row == start and g.role is Role.CAPTION
                    )
                    body.append(f"<p>{escape(caption)}</p>")
                    body.append(table_rows(report, table, start + 1, end, label_style=label_style))
            elif section.table == "applications" and split_applications:
                body.append(
                    table_rows(report, table, 0, split_applications, label_style=label_style)
                )
                body.append('<p style="page-break-before:always"></p>')
                body.append(
                    table_rows(
                        report,
                        table,
                        split_applications,
                        table.n_rows,
                        repeat_header=repeat_header,
                        label_style=label_style,
                    )
                )
            else:
                body.append(table_rows(report, table, 0, table.n_rows, label_style=label_style))
        if section.text is not None:
            for line in report.texts.get(section.id, "").splitlines():
                if line.strip():
                    body.append(f"<p>{escape(line.strip())}</p>")
    body.append(f'<p style="text-align:right">{escape(meta.agency)}</p>')
    if meta.date:
        date = meta.date
        body.append(f'<p style="text-align:right">{date.year}年{date.month}月{date.day}日</p>')
    if lines_by_br:
        body = [
            re.sub(r"^<p[^>]*>(?:<strong>)?(.*?)(?:</strong>)?</p>$", r"\1<br>", b) for b in body
        ]
    content = "\n".join(body)
    if layout_table:
        content = (
            f'<table width="100%"><tr><td class="left">栏目导航</td><td>{content}</td></tr></table>'
        )
    if site:
        content = f'{SITE_TOP}<div id="zoom">{content}</div>{SITE_BOTTOM}'
    head = {
        "meta": f'<meta charset="{encoding}">',
        "http-equiv": f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">',
        None: "",
    }[declare]
    page = (
        f"<!DOCTYPE html>\n<html><head>{head}<title>{escape(title)}-某某网</title></head>\n"
        f"<body>{content}</body></html>"
    )
    return page.encode(encoding)


def rows_table(rows: list[list[str]]) -> str:
    """A <table> from rows of texts with the merge markers of tests/docx_fixtures.py
    (``"<"`` continues the cell to the left, ``"^"`` the cell above)."""
    out = ["<table border=1>"]
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            if text in ("<", "^"):
                continue
            colspan = 1
            while c + colspan < len(row) and row[c + colspan] == "<":
                colspan += 1
            rowspan = 1
            while r + rowspan < len(rows) and c < len(rows[r + rowspan]):
                if rows[r + rowspan][c] != "^":
                    break
                rowspan += 1
            label = "<br>".join(escape(line) for line in text.split("\n"))
            cells.append(_cell("td", label, rowspan, colspan))
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def page_from_parts(parts: list, encoding: str = "utf-8") -> bytes:
    """A page of the parts tests/docx_fixtures.py writes to Word: a string is a
    paragraph, a list a table's rows, ("numbered", text) an auto-numbered one."""
    body = []
    for part in parts:
        if isinstance(part, str):
            body.append(f"<p>{escape(part)}</p>")
        elif isinstance(part, tuple):
            body.append(f"<p>{escape(part[1])}</p>")
        else:
            body.append(rows_table(part))
    page = f'<!DOCTYPE html>\n<html><head><meta charset="{encoding}"></head>\n<body>'
    return (page + "\n".join(body) + "</body></html>").encode(encoding)
