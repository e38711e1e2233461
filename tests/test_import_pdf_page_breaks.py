"""A table continued on the next page reads exactly as the whole table.

A page break may fall anywhere in a table: between two rows, inside a row (part
of its text on each page, or all of it on one page and a blank strip on the
other), inside the header (a header row's words on two pages), right after the
header (a first page holding only the header). The mapping joins the parts
into one table (importers/published/normalise.py) whichever front end made
them. Here every row of every official table of both formats is cut in each of
those ways in the neutral document, and a few positions are printed to PDF by
LibreOffice for real; the full LibreOffice sweep is bench/sweep_pdf_page_breaks.py.
"""

from __future__ import annotations

import copy

import pytest

from exporters.html import html_page
from importers.html import html_document
from importers.pdf import read_here
from importers.published.document import PublishedDocument, Table
from importers.published.reader import read_published
from tests.page_break_sweep import (
    CUTS,
    Position,
    cut_table,
    differences,
    extra_notes,
    page_for,
    print_to_pdf,
    sweep_report,
)
from tests.pdf_fixtures import SOFFICE

YEARS = (2020, 2024)  # the 2019 format and the 2021 format


def _page_document(report) -> PublishedDocument:
    page, _notes = html_page(report)
    return html_document(page.encode("utf-8"), "年报.html")


@pytest.fixture(scope="module", params=YEARS)
def whole(request):
    """(report, its web page's document and notes, (rows, header rows) of each of
    its tables)."""
    report = sweep_report(request.param)
    document = _page_document(report)
    rows = [len(b.rows) for b in document.blocks if isinstance(b, Table)]
    headers = [t.header_rows for t in report.spec.tables]
    notes = read_published(copy.deepcopy(document)).notes
    return report, document, notes, list(zip(rows, headers, strict=True))


def _cut_document(whole: PublishedDocument, index: int, k: int, how: str, repeat: int = 0):
    document = copy.deepcopy(whole)  # a fresh one: the mapping joins in place
    blocks, seen = [], -1
    for block in document.blocks:
        if isinstance(block, Table):
            seen += 1
            if seen == index:
                blocks.extend(cut_table(block, k, how, repeat))
                continue
        blocks.append(block)
    return PublishedDocument(blocks, [], "年报.pdf")


def test_a_table_cut_at_any_row_in_any_way_reads_exactly(whole):
    report, document, page_notes, tables = whole
    failures = []
    for index, (n_rows, header) in enumerate(tables):
        for k in range(1, n_rows):
            # the header printed again on the next page (Word), or not (web pages)
            repeats = (0, header) if k > header else (0,)
            for how, repeat in ((how, repeat) for how in CUTS for repeat in repeats):
                result = read_published(_cut_document(document, index, k, how, repeat))
                wrong = differences(report, result.report)
                extra = extra_notes(page_notes, result.notes)
                if wrong or extra:
                    failures.append((index, k, how, repeat, wrong[:2], extra[:2]))
    assert not failures, failures[:5]


def test_the_cuts_are_what_a_page_break_leaves():
    """The fixture itself: a label cut in the middle prints its halves on both
    pages, a merged label its text above the break and a blank strip below."""
    report = sweep_report(2024)
    document = _page_document(report)
    table = [b for b in document.blocks if isinstance(b, Table)][1]  # 三
    k = next(r for r, row in enumerate(table.rows) if row[1] and "（四）" in row[1].text)
    top, bottom = cut_table(table, k + 1, "split_numbers_below")
    assert len(top.rows) + len(bottom.rows) == len(table.rows) + 1
    group = bottom.rows[0][1]
    assert group.text == "" and group.rowspan == 2  # （四） continues, blank
    label = table.rows[k + 1][3].text
    assert top.rows[-1][3].text + bottom.rows[0][3].text == label
    assert not any(c.text.strip() for c in top.rows[-1][4:] if c)  # numbers below
    assert bottom.rows[0][4].text.strip()


# ---- printed by LibreOffice ------------------------------------------------------------------
# Positions that cut a table in each way with LibreOffice 7 and the fonts of the
# build machine: 三 with its first page holding only the header, its words cut
# (2024, 30 blank lines before 三); a row's blank bottom on the next page (2024,
# 18 before 二, after 「行政强制」); the fee row of the 2019 format (2020, 16 before
# 二); a label's end on the next page (2020, 10 before 二). Whatever the fonts do
# to the layout, each must read exactly.
PRINTED = (
    (2024, "三", 30),
    (2024, "二", 18),
    (2020, "二", 16),
    (2020, "二", 10),
)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_our_web_page_printed_with_breaks_inside_its_tables_reads_exactly(tmp_path):
    pages, expected = {}, {}
    for year, section, blanks in PRINTED:
        report = sweep_report(year)
        page, _notes = html_page(report)
        heading = next(sec.heading for sec in report.spec.sections if sec.id == section)
        name = f"{year}_{section}{blanks:02d}"
        pages[name] = page_for(page, Position(heading, blanks, rows_split=True))
        notes = read_published(html_document(page.encode("utf-8"), "年报.html")).notes
        expected[name] = (report, notes)
    pdfs = print_to_pdf(pages, tmp_path)
    split = 0
    for name, (report, page_notes) in expected.items():
        document = read_here(str(pdfs[name]))
        split += sum(1 for b in document.blocks if isinstance(b, Table)) > 3
        result = read_published(document)
        assert differences(report, result.report) == [], name
        assert extra_notes(page_notes, result.notes) == [], name
    assert split >= 3  # the breaks did fall inside tables
