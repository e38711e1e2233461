"""Page breaks at every place in every table: `uv run python bench/sweep_pdf_page_breaks.py`.

Slow (LibreOffice prints 576 PDFs; about 2–3 minutes on 2 cores), so it is a
script, not a test; tests/test_import_pdf_page_breaks.py runs a few of its
positions. For both of LibreOffice's ways to print a web page (as a Writer
document and as a web document, the one `soffice --convert-to pdf page.html`
uses), both formats (a 2020 report: the 2019 format; a 2024 report: the
2021 format) and each section with a table (二, 三, 四), the program's web page is
printed to PDF with 0, 2, … 46 blank lines before the heading, once with rows
kept whole (the page's print CSS) and once with rows free to split, so that the
page breaks move through the header, between rows and inside rows.

Every PDF must import to exactly the report's numbers and give no note the web
page's own import does not give (LibreOffice drops the page title, so the two
title notes are expected). Prints one line per failure and a summary; the exit
code is 1 when any position fails.

Options: `--year 2024` (one format only), `--section 三` (one section only),
`--filter writer|web` (one way of printing only),
`--keep DIR` (keep the HTML and PDF files there), `--reuse` (with `--keep`: import
the PDFs printed by an earlier run instead of printing them again).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exporters.html import html_page  # noqa: E402
from importers.html import html_document  # noqa: E402
from importers.pdf import read_here  # noqa: E402
from importers.published.reader import read_published  # noqa: E402
from tests.page_break_sweep import (  # noqa: E402
    FILTERS,
    Position,
    differences,
    extra_notes,
    page_for,
    print_to_pdf,
    sweep_report,
    table_sections,
)
from tests.pdf_fixtures import SOFFICE  # noqa: E402

YEARS = (2020, 2024)
BLANKS = range(0, 48, 2)
BATCH = 24  # pages printed per LibreOffice run


def sweep(
    year: int, sections: list[str] | None, folder: Path, how: str, reuse: bool = False
) -> tuple[int, list[str]]:
    """(positions tried, failures) for one format printed one way (a key of FILTERS)."""
    report = sweep_report(year)
    page, _notes = html_page(report)
    page_notes = read_published(html_document(page.encode("utf-8"), "年报.html")).notes
    headings = [h for h in table_sections(report) if not sections or h[0] in sections]
    positions = [Position(h, n, split) for h in headings for n in BLANKS for split in (False, True)]
    failures = []
    for start in range(0, len(positions), BATCH):
        batch = positions[start : start + BATCH]
        pages = {f"{year}_{p.name}": page_for(page, p) for p in batch}
        where = folder / f"{how}_{year}"
        pdfs = {name: where / f"{name}.pdf" for name in pages}
        if not reuse or not all(pdf.exists() for pdf in pdfs.values()):
            pdfs = print_to_pdf(pages, where, how)
        for position in batch:
            name = f"{year}_{position.name}"
            label = f"{how} {name}"
            result = read_published(read_here(str(pdfs[name])))
            wrong = differences(report, result.report)
            extra = extra_notes(page_notes, result.notes)
            if wrong or extra:
                failures.append(f"{label}: {len(wrong)} differences {wrong[:3]}; notes {extra}")
                print(failures[-1], flush=True)
        done = min(start + BATCH, len(positions))
        print(f"{how} {year}: {done}/{len(positions)}", flush=True)
    return len(positions), failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, choices=YEARS)
    parser.add_argument("--section", action="append")
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--filter", choices=[*FILTERS, "both"], default="both")
    args = parser.parse_args()
    if SOFFICE is None:
        print("LibreOffice (soffice) is not installed: nothing to sweep")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        total, failed = 0, []
        reuse = args.reuse and args.keep is not None
        for how in [*FILTERS] if args.filter == "both" else [args.filter]:
            for year in [args.year] if args.year else YEARS:
                n, failures = sweep(year, args.section, folder, how, reuse)
                total += n
                failed += failures
    print(f"{total} positions, {total - len(failed)} exact, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
