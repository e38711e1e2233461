"""The Word export opened by a real office suite: LibreOffice converts it to PDF.

The PDF's text must hold every label and every number of the tables, and no
table may reach into the page margins. Two files are converted (the 2019-format
sample and a fully filled 2021-format report), once per test session.
"""

from __future__ import annotations

import random
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from exporters.docx import export_docx
from exporters.docx.numbers import printed_value
from exporters.docx.styles import MARGIN_LEFT_MM, MARGIN_RIGHT_MM, PAGE_WIDTH_MM
from model.report import Report
from tests.factories import random_report
from tests.integration import office

pytestmark = pytest.mark.integration

RESOLUTION = 50  # dpi of the margin check; 1 px ≈ 0.5 mm
TOLERANCE_MM = 1.0  # border lines are drawn centred on the table edge
MAX_GAP = 40  # characters of neighbouring cells a wrapped label may be split by
DARK = 128  # grey level below which a pixel is ink
LINE_MM = 12  # a dark vertical run this long is a border line, not a glyph


def _sample() -> Report:
    from model.sample import load_sample

    return load_sample()


def _full_2021() -> Report:
    return random_report(random.Random(2021), 2023, "某某市某某区人民政府办公室")


@pytest.fixture(scope="module", params=["sample", "full2021"])
def converted(request, tmp_path_factory):
    office.require_soffice()
    report = _sample() if request.param == "sample" else _full_2021()
    folder = tmp_path_factory.mktemp(f"lo-{request.param}")
    docx_path = folder / f"{request.param}.docx"
    export_docx(report, docx_path)
    pdf = office.convert(docx_path, "pdf")
    return report, pdf


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _contains_wrapped(text: str, label: str) -> bool:
    """`label` occurs in `text` in order, where a table cell's line breaks may have
    put at most MAX_GAP characters of neighbouring cells between its pieces."""
    label = _squeeze(label)
    start = text.find(label[0])
    while start >= 0:
        pos, ok = start, True
        for ch in label[1:]:
            nxt = text.find(ch, pos + 1, pos + 2 + MAX_GAP)
            if nxt < 0:
                ok = False
                break
            pos = nxt
        if ok:
            return True
        start = text.find(label[0], start + 1)
    return False


def test_pdf_holds_every_label_heading_and_the_title(converted):
    report, pdf = converted
    text = _squeeze(office.pdf_text(pdf))
    for section in report.spec.sections:
        assert section.heading in text
    assert f"{report.meta.year}年政府信息公开工作年度报告" in text
    assert report.meta.agency in text
    missing = [
        g.text
        for table in report.spec.tables
        for g in table.grid
        if g.text and not _contains_wrapped(text, g.text)
    ]
    assert missing == []


def test_pdf_holds_every_number_of_the_tables(converted):
    report, pdf = converted
    found = Counter(re.findall(r"-?\d+(?:\.\d+)?", office.pdf_text(pdf)))
    expected = Counter(
        m
        for table in report.spec.tables
        for cell in table.cells
        for m in re.findall(r"-?\d+(?:\.\d+)?", printed_value(report, cell))
    )
    short = {n: c for n, c in expected.items() if found[n] < c}
    assert short == {}


def test_pdf_pages_are_numbered(converted):
    _, pdf = converted
    pages = office.pdf_pages(pdf)
    assert pages >= 3
    text = office.pdf_text(pdf)
    for n in range(1, pages + 1):
        assert re.search(rf"—\s*{n}\s*—", text), n


def _pgm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    fields = data.split(maxsplit=4)  # P5, width, height, maxval, pixels
    assert fields[0] == b"P5"
    width, height = int(fields[1]), int(fields[2])
    return width, height, fields[4][-width * height :]


def _longest_dark_run(pixels: bytes, width: int, height: int, x: int) -> int:
    longest = run = 0
    for y in range(height):
        run = run + 1 if pixels[y * width + x] < DARK else 0
        longest = max(longest, run)
    return longest


def test_no_table_reaches_into_the_side_margins(converted, tmp_path):
    """No table is wider than the 156 mm text block: no vertical border line (a dark
    run longer than any glyph) in the left or right margin of any page."""
    _, pdf = converted
    exe = office.require_tool("pdftoppm")
    subprocess.run(
        [exe, "-gray", "-r", str(RESOLUTION), str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=120,
    )
    pages = sorted(tmp_path.glob("page*.pgm"))
    assert pages
    edges = 0
    for page in pages:
        width, height, pixels = _pgm(page)
        px_per_mm = width / PAGE_WIDTH_MM
        left = int((MARGIN_LEFT_MM - TOLERANCE_MM) * px_per_mm)
        right = int((PAGE_WIDTH_MM - MARGIN_RIGHT_MM + TOLERANCE_MM) * px_per_mm)
        longest_line = int(LINE_MM * px_per_mm)
        for x in (*range(left), *range(right, width)):
            assert _longest_dark_run(pixels, width, height, x) < longest_line, (page.name, x)
        # the tables fill the text width: a border just inside the left edge
        inside_left = int((MARGIN_LEFT_MM + TOLERANCE_MM) * px_per_mm)
        edges += any(
            _longest_dark_run(pixels, width, height, x) >= longest_line
            for x in range(left, inside_left + 1)
        )
    assert edges >= 2  # pages with a table: 二, 三 and 四 take at least two


def _pages(pdf: Path) -> list[str]:
    return office.pdf_text(pdf).split("\f")


def test_no_section_heading_is_left_at_the_foot_of_a_page(converted):
    report, pdf = converted
    headings = {section.heading for section in report.spec.sections}
    for n, page in enumerate(_pages(pdf), start=1):
        lines = [
            line.strip()
            for line in page.splitlines()
            if line.strip() and not re.fullmatch(r"—\s*\d+\s*—", line.strip())
        ]
        if lines:
            assert _squeeze(lines[-1]) not in headings, (n, lines[-1])


def test_row_groups_are_printed_whole_on_one_page(converted):
    """（三）不予公开 and its eight rows, （四）… each on a single page: a group label is
    never cut off from its last rows by a page break."""
    from exporters.docx.tables import MAX_KEPT_GROUP_ROWS
    from model.spec import Role

    report, pdf = converted
    pages = [_squeeze(page) for page in _pages(pdf)]
    checked = 0
    for table in report.spec.tables:
        for g in table.grid:
            if g.role is not Role.LABEL or not 1 < g.rowspan <= MAX_KEPT_GROUP_ROWS:
                continue
            items = [
                h.text
                for h in table.grid
                if h.role is Role.LABEL and h.col > g.col and g.row <= h.row < g.row + g.rowspan
            ]
            home = [i for i, page in enumerate(pages) if _contains_wrapped(page, g.text)]
            assert len(home) == 1, g.text
            page = pages[home[0]]
            assert all(_contains_wrapped(page, item) for item in items), g.text
            checked += 1
    assert checked >= 3
