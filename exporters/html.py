"""The report as a standalone HTML5 page, for a government site's content system.

One page, nothing loaded from elsewhere: the title, each section heading with
its text or its table, and the signature (agency and 成文日期). The three tables
carry the official merges as ``rowspan``/``colspan`` from the format spec (the
same grid the Word and Excel exports walk), header cells as ``<th>`` (no
``<thead>``: LibreOffice would repeat it inside a row it splits across pages,
and a PDF printed so no longer reads back). A few lines of CSS set borders and
alignment; no Word styling, no scripts, no classes a site's editor would have to
clean up. On a phone the page takes the screen's width (viewport) and a wide
table scrolls sideways in its own box; printed, the page takes the paper's width
and a table its smaller type, and a number never breaks (``nowrap``). A table
that big numbers make wider than an A4 page has the type size that fits it
written on its cells (the one inline style), so LibreOffice's import, a browser's
print and a site's editor that drops the style sheet all keep it. Values print as in the Word
export (a blank stays blank, money with its unit unless the column names it), so
the page shows what the draft holds and imports back (importers/html.py) to the
same report. A summary (汇总) carries the summary marker in its head.
"""

from __future__ import annotations

import html
import os
import unicodedata

from exporters import atomic_output
from exporters.docx.numbers import printed_value
from exporters.html_strings import BLANK_LEFT, NO_DATE
from model.report import Report
from model.spec import GridCell, Role, TableSpec

_CSS = "\n".join(
    (
        "body{font-family:FangSong,STFangsong,SimSun,serif;line-height:1.8;max-width:60em;"
        "margin:2em auto;padding:0 1em}",
        "h1{font-family:SimSun,serif;font-weight:normal;text-align:center;font-size:1.6em}",
        "h2{font-family:SimHei,sans-serif;font-weight:normal;font-size:1.1em;margin-top:1.5em}",
        "p{text-indent:2em;margin:0}",
        ".table{overflow-x:auto;margin:0.5em 0}",
        "table{border-collapse:collapse;width:100%}",
        "th,td{border:1px solid #000;padding:0.2em 0.4em;text-align:center;vertical-align:middle}",
        "td{white-space:nowrap}",
        "td.label{text-align:left;white-space:normal}",
        ".signature{text-align:right;margin-top:2em}",
        ".signature p{text-indent:0}",
        "@media print{",
        "body{max-width:none;margin:0;padding:0}",
        ".table{overflow:visible}",
        "table{font-size:9pt;line-height:1.3}",
        "th,td{padding:0.1em 0.2em}",
        "tr{break-inside:avoid}",
        "h2{break-after:avoid}",
        "}",
    )
)


# A table wider than a printed A4 page at the page's type is set smaller, just
# enough to fit (LibreOffice's import and a browser's print both take the width of
# the paper): 480 pt of text width, down to 5.5 pt for the largest values allowed.
PAGE_TEXT_PT = 480.0
BASE_PT = 12.0
SMALLEST_PT = 5.5
LABEL_COLUMN_EM = 4.0  # a row label column, its text wrapping
CELL_PAD_EM = 1.0  # padding and border of a cell


def table_em(report: Report, table: TableSpec) -> float:
    """The width in em a table needs: each number column its widest value (digits
    half an em, never broken) or one character of its wrapping header, plus
    padding; each label column a few characters, its labels wrapping."""
    cells = table.cell_by_id
    widths = [LABEL_COLUMN_EM] * table.label_cols + [1.0] * (table.n_cols - table.label_cols)
    for g in table.grid:
        if g.role is Role.VALUE and g.cell:
            text = printed_value(report, cells[g.cell])
            em = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)
            for c in range(g.col, g.col + g.colspan):
                widths[c] = max(widths[c], em / g.colspan)
    return sum(w + CELL_PAD_EM for w in widths)


def table_size(report: Report, table: TableSpec) -> float | None:
    """The type size (pt) that fits `table` on the width of an A4 page, when the
    page's own is too large; None otherwise."""
    size = PAGE_TEXT_PT / table_em(report, table)
    return max(SMALLEST_PT, int(size * 2) / 2) if size < BASE_PT else None


def export_html(report: Report, path: str | os.PathLike[str], validation=None) -> list[str]:
    """Write the report as one HTML5 page (UTF-8) at `path`, atomically. Returns
    Chinese notes (blank cells left blank, a missing date). Raises
    exporters.ExportError when the file cannot be written. `validation` is
    accepted for symmetry with the other exporters and not used."""
    page, notes = html_page(report)
    with atomic_output(path) as tmp:
        tmp.write_text(page, encoding="utf-8", newline="\n")
    return notes


def html_page(report: Report) -> tuple[str, list[str]]:
    """(the page's text, notes)."""
    meta, spec = report.meta, report.spec
    notes: list[str] = []
    title = f"{meta.agency.strip()}{meta.year}年{spec.title_suffix}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        *_summary_meta(report),
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(title)}</h1>",
    ]
    blanks = 0
    for section in spec.sections:
        parts.append(f"<h2>{_e(section.heading)}</h2>")
        if section.table:
            table = spec.table_by_id[section.table]
            blanks += sum(1 for c in table.inputs if report.is_blank(c.id))
            parts.append(f'<div class="table">\n{table_html(report, table)}\n</div>')
        if section.text is not None:
            for line in report.texts.get(section.id, "").splitlines():
                line = line.strip(" \t\u3000\xa0")
                if line:
                    parts.append(f"<p>{_e(line)}</p>")
    parts.append('<div class="signature">')
    if meta.agency.strip():
        parts.append(f"<p>{_e(meta.agency.strip())}</p>")
    if meta.date is not None:
        parts.append(f"<p>{meta.date.year}年{meta.date.month}月{meta.date.day}日</p>")
    else:
        notes.append(NO_DATE)
    parts += ["</div>", "</body>", "</html>", ""]
    if blanks:
        notes.insert(0, BLANK_LEFT.format(count=blanks))
    return "\n".join(parts), notes


def _summary_meta(report: Report) -> list[str]:
    """The summary marker (model/summary_marker.py) of a roll-up: a roll-up that
    meets this page later must not count it as one more agency."""
    if report.summary is None:
        return []
    from model.summary_marker import NAME, encode

    return [f'<meta name="{NAME}" content="{_e(encode(report.summary))}">']


def table_html(report: Report, table: TableSpec) -> str:
    """One official table: every grid cell once, merges as rowspan/colspan."""
    cells = table.cell_by_id
    by_row: dict[int, list[GridCell]] = {}
    for g in table.grid:
        by_row.setdefault(g.row, []).append(g)
    # a wide table's cells say their smaller type themselves: LibreOffice's import
    # (which takes a type size from a cell only), a browser's print and a site's
    # editor that drops the style sheet all keep it
    size = table_size(report, table)
    span_style = f' style="font-size:{size:g}pt"' if size else ""
    lines = ['<table border="1">']
    for r in range(table.n_rows):
        row = []
        for g in sorted(by_row.get(r, []), key=lambda g: g.col):
            span = span_style
            if g.rowspan > 1:
                span += f' rowspan="{g.rowspan}"'
            if g.colspan > 1:
                span += f' colspan="{g.colspan}"'
            if g.role is Role.VALUE and g.cell:
                row.append(f"<td{span}>{_e(printed_value(report, cells[g.cell]))}</td>")
            elif g.role in (Role.CAPTION, Role.HEADER):
                row.append(f"<th{span}>{_e(g.text)}</th>")
            elif g.role is Role.LABEL:
                row.append(f'<td class="label"{span}>{_e(g.text)}</td>')
            else:
                row.append(f"<td{span}>{_e(g.text)}</td>")
        lines.append("<tr>" + "".join(row) + "</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def _e(text: str) -> str:
    return html.escape(text, quote=True)
