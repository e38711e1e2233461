"""A sweep of page breaks through the tables of a report printed to PDF.

The program's own web page (exporters/html.py) is printed to PDF by LibreOffice
with blank paragraphs inserted before one section's heading, so that the page
breaks fall at every place inside that section's table: between rows, inside a
row (with the print CSS that keeps a row whole removed), inside the header. Each
PDF must import to exactly the report's numbers, with no note the web page
itself does not give (a PDF printed by LibreOffice from a web page has no
title, so the two notes about the title are expected).

Used by tests/test_import_pdf_page_breaks.py (a few positions) and by
bench/sweep_pdf_page_breaks.py (every position, both formats).
"""

from __future__ import annotations

import random
import subprocess
from dataclasses import dataclass
from pathlib import Path

from importers import strings as s
from importers.published.document import Table, TableBuilder, TableCell
from tests.factories import random_report
from tests.pdf_fixtures import SOFFICE

KEEP_ROWS_WHOLE = "tr{break-inside:avoid}"
BLANK_LINE = "<p>\u3000</p>"
# notes a web page printed by LibreOffice gives and the page itself does not:
# LibreOffice drops the <h1> title when it converts a web page
_NO_TITLE = (s.DOCX_NO_TITLE.split("（")[0], s.DOCX_YEAR_FROM_DATE.split("，")[0])


def sweep_report(year: int):
    """The report printed: every cell filled (amounts with decimals), seeded."""
    return random_report(random.Random(4), year, agency="某某县财政局")


def table_sections(report) -> list[str]:
    """The headings of the sections that hold a table (二, 三, 四)."""
    return [sec.heading for sec in report.spec.sections if sec.table]


@dataclass(frozen=True)
class Position:
    """Where the page breaks fall: `blanks` blank lines before `heading`, rows
    kept whole or not."""

    heading: str
    blanks: int
    rows_split: bool

    @property
    def name(self) -> str:
        return f"{self.heading[0]}{self.blanks:02d}{'s' if self.rows_split else ''}"


def page_for(page: str, position: Position) -> str:
    """The web page with the blank lines inserted (and the CSS that keeps rows
    whole removed when rows may split)."""
    if position.rows_split:
        page = page.replace(KEEP_ROWS_WHOLE, "")
    heading = f"<h2>{position.heading}"
    assert heading in page, position.heading
    return page.replace(heading, BLANK_LINE * position.blanks + heading, 1)


# LibreOffice's two ways to print a web page: as a Writer document (File ▸ Export
# as PDF after opening it) and as a web document (`soffice --convert-to pdf
# page.html`); they lay tables out a little differently
FILTERS = {"writer": "pdf:writer_pdf_Export", "web": "pdf:writer_web_pdf_Export"}


def print_to_pdf(pages: dict[str, str], folder: Path, how: str = "writer") -> dict[str, Path]:
    """Each page (name -> HTML text) written to `folder` and printed to PDF by one
    LibreOffice run (`how`: a key of FILTERS); name -> the PDF."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = []
    for name, text in pages.items():
        path = folder / f"{name}.html"
        path.write_text(text, encoding="utf-8")
        sources.append(str(path))
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation={profile}", "--headless", "--convert-to",
         FILTERS[how], "--outdir", str(folder), *sources],
        check=True, capture_output=True, timeout=60 + 10 * len(sources),
    )  # fmt: skip
    return {name: folder / f"{name}.pdf" for name in pages}


def differences(report, imported) -> list[str]:
    """Cells whose imported value is not the report's: 「cell: want → got」."""
    out = []
    for cell in report.spec.cell_by_id.values():
        want, got = report.value(cell.id), imported.value(cell.id)
        if want != got:
            out.append(f"{cell.id}: {want} → {got}")
    if imported.printed():
        out.append(f"printed totals kept: {sorted(imported.printed())}")
    return out


def extra_notes(page_notes: list[str], pdf_notes: list[str]) -> list[str]:
    """Notes the PDF's import gives that the web page's does not (the title
    notes aside)."""
    return [n for n in pdf_notes if n not in page_notes and not n.startswith(_NO_TITLE)]


# ---- the same cuts made in the neutral document -----------------------------------------------
# Where the text of each cell the break cuts goes: all above it, all below it,
# or labels split in the middle with the numbers above or below.
CUTS = ("between", "above", "below", "split_numbers_above", "split_numbers_below")


def cut_table(table: Table, k: int, how: str, repeat: int = 0) -> tuple[Table, Table]:
    """`table` as a page break leaves it in two parts, the break inside row k
    (`how` one of CUTS; "between": right above row k). Every cell the break
    crosses is drawn in both parts, its text where `how` puts it; the rest of
    a merged cell below the break prints blank, as office suites print it.
    `repeat`: the first rows printed again at the top of the second part (Word's
    repeated header rows)."""
    top, bottom = TableBuilder("top", table.n_cols), TableBuilder("bottom", table.n_cols)
    last_top = k - 1 if how == "between" else k
    cells = sorted({id(c): c for row in table.rows for c in row if c}.values(),
                   key=lambda c: (c.row, c.col))  # fmt: skip
    for r in range(repeat):
        bottom.new_row()
        for cell in (c for c in cells if c.row == r):
            bottom.add_at(cell.col, cell.text, cell.colspan, min(cell.rowspan, repeat - r))
    for r in range(last_top + 1):
        top.new_row()
        for cell in (c for c in cells if c.row == r):
            rows = min(cell.row + cell.rowspan, last_top + 1) - cell.row
            above, _below = _shares(cell, k, how)
            top.add_at(cell.col, above, cell.colspan, rows)
    for r in range(k, len(table.rows)):
        bottom.new_row()
        here = [c for c in cells if c.row == r or (r == k and c.row < k < c.row + c.rowspan)]
        for cell in sorted(here, key=lambda c: c.col):
            _above, below = _shares(cell, k, how)
            bottom.add_at(cell.col, below, cell.colspan, cell.row + cell.rowspan - r)
    return top.build(), bottom.build()


def _shares(cell: TableCell, k: int, how: str) -> tuple[str, str]:
    """(text above the break, text below it) of one cell."""
    if cell.row + cell.rowspan <= k:
        return cell.text, ""
    if cell.row > k or (how == "between" and cell.row == k):
        return "", cell.text
    if cell.row < k or how == "above":
        return cell.text, ""  # a cell merged down over the break prints its text above it
    if how == "below":
        return "", cell.text
    from importers.published.tables import value_like

    if value_like(cell.text) and cell.text.strip():
        return (cell.text, "") if how == "split_numbers_above" else ("", cell.text)
    middle = len(cell.text) // 2
    return cell.text[:middle], cell.text[middle:]
