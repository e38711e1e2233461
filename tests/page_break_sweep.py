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


def print_to_pdf(pages: dict[str, str], folder: Path) -> dict[str, Path]:
    """Each page (name -> HTML text) written to `folder` and printed to PDF by one
    LibreOffice run; name -> the PDF."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = []
    for name, text in pages.items():
        path = folder / f"{name}.html"
        path.write_text(text, encoding="utf-8")
        sources.append(str(path))
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation={profile}", "--headless", "--convert-to",
         "pdf:writer_pdf_Export", "--outdir", str(folder), *sources],
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
