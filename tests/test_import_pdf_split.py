"""A table cut by a page break is read under its own headers, or not at all: the
PDF's parts drawn with different column lines are put on one grid; a header
that several groups print is read only under the group printed above it."""

from __future__ import annotations

import random

from importers.html import html_document
from importers.pdf import _join_split_tables, _Line, _paragraphs
from importers.pdf_tables import COLUMN_EDGES, regrid, union_edges
from importers.published.document import PublishedDocument, Table, TableBuilder
from importers.published.reader import read_published
from tests.factories import random_report
from tests.html_fixtures import published_page

GROUPS = ("review", "suit_direct", "suit_after_review")
COLS = ("upheld", "corrected", "other", "pending", "total")


def _report():
    report = random_report(random.Random(41), 2023, agency="某某县财政局")
    return report


def _values(report) -> list[str]:
    out = []
    for group in GROUPS:
        for col in COLS:
            value = report.value(f"appeals.{group}.{col}")
            out.append("" if value is None else str(value))
    return out


def _table(rows: list[list[tuple[int, str, int, int]]], width: int) -> Table:
    builder = TableBuilder("t", width)
    for row in rows:
        builder.new_row()
        for col, text, colspan, rowspan in row:
            builder.add_at(col, text, colspan, rowspan)
    return builder.build()


def _cut_appeals(report) -> tuple[Table, list[float], Table, list[float]]:
    """Table 四 as a web page printed to PDF cuts it: the page break falls inside
    the header 「结果维持」, and the first part is drawn with 7 columns."""
    first = _table(
        [
            [(0, "行政复议", 5, 1), (5, "行政诉讼", 2, 1)],
            [(0, "结果", 1, 1), (1, "结果", 1, 1), (2, "其他", 1, 1), (3, "尚未", 1, 1),
             (4, "总计", 1, 1), (5, "未经复议直接起诉", 1, 1), (6, "复议后起诉", 1, 1)],
        ],
        7,
    )  # fmt: skip
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    second = _table(
        [
            [(0, "维持", 1, 2), (1, "纠正", 1, 2), (2, "结果", 1, 2), (3, "审结", 1, 2),
             (4, "", 1, 2), (5, "", 5, 1), (10, "", 5, 1)],
            [(5 + i, t, 1, 1) for i, t in enumerate(heads + heads)],
            [(i, v, 1, 1) for i, v in enumerate(_values(report))],
        ],
        15,
    )  # fmt: skip
    fine = [50.0 + 30 * i for i in range(16)]
    coarse = [*fine[:6], fine[10], fine[15]]
    return first, coarse, second, fine


def _document_with(report, parts: list[Table]) -> PublishedDocument:
    document = html_document(published_page(report), "年报.html")
    blocks = []
    for block in document.blocks:
        if isinstance(block, Table) and any("行政复议" in t for t in block.texts()):
            blocks.extend(parts)
        else:
            blocks.append(block)
    return PublishedDocument(blocks, [], "年报.pdf")


def test_a_header_cut_by_a_page_break_is_read_under_its_groups():
    report = _report()
    first, coarse, second, fine = _cut_appeals(report)
    COLUMN_EDGES[id(first)] = coarse
    COLUMN_EDGES[id(second)] = fine
    items = [[(700.0, first)], [(60.0, second)]]
    _join_split_tables(items)
    parts = [items[0][0][1], items[1][0][1]]
    assert all(isinstance(p, Table) and p.n_cols == 15 for p in parts)
    result = read_published(_document_with(report, parts))
    for group in GROUPS:
        for col in COLS[:-1]:
            cell = f"appeals.{group}.{col}"
            assert result.report.value(cell) == report.value(cell), cell


def test_without_its_groups_a_repeated_header_is_never_read_under_the_first_group():
    """The second part alone (its first part lost): 「结果维持」 stands under three
    groups and nothing says which; no number is read under 行政复议."""
    report = _report()
    _first, _coarse, second, _fine = _cut_appeals(report)
    result = read_published(_document_with(report, [second]))
    for group in GROUPS:
        for col in COLS[:-1]:
            assert result.report.value(f"appeals.{group}.{col}") is None
    assert any("四、政府信息公开行政复议、行政诉讼情况" in n for n in result.attention)


def test_regrid_keeps_every_cell_over_its_own_edges():
    table = _table([[(0, "a", 2, 1), (2, "b", 1, 1)], [(0, "c", 1, 1), (1, "d", 2, 1)]], 3)
    edges = [0.0, 10.0, 30.0, 40.0]
    union = union_edges([edges, [0.0, 10.0, 20.0, 30.0, 40.0]])
    grid = regrid(table, edges, union)
    assert grid.n_cols == 4
    assert [c.text if c else None for c in grid.rows[0]] == ["a", "a", "a", "b"]
    assert [c.text if c else None for c in grid.rows[1]] == ["c", "d", "d", "d"]
    assert grid.rows[0][0].colspan == 3 and grid.rows[1][1].colspan == 3


def test_tables_with_other_outer_edges_are_not_joined():
    a = _table([[(0, "x", 1, 1), (1, "y", 1, 1)]], 2)
    b = _table([[(0, "1", 1, 1), (1, "2", 1, 1), (2, "3", 1, 1)]], 3)
    COLUMN_EDGES[id(a)] = [0.0, 50.0, 100.0]
    COLUMN_EDGES[id(b)] = [0.0, 40.0, 80.0, 300.0]
    items = [[(700.0, a)], [(60.0, b)]]
    _join_split_tables(items)
    assert items[0][0][1] is a and items[1][0][1] is b


def _line(text: str, top: float, x1: float, page: int = 1, x0: float = 57.0) -> _Line:
    return _Line(page, x0, x1, top, top + 12, text)


def test_lines_of_a_paragraph_with_tall_line_spacing_are_joined():
    """A web page printed with a line height of 2.6: the lines of one paragraph
    are further apart than a character; a flush-right signature is not the
    margin."""
    lines = [
        _line("2024年，本机关认真贯彻落实条例，全面推进政", 100, 558),
        _line("务公开工作。", 131, 105),
        _line("（一）主动公开情况。", 162, 300),
        _line("某某县财政局", 300, 567, x0=495),
        _line("2025年1月20日", 331, 567, x0=466),
    ]
    blocks = _paragraphs(lines, 12.0)
    texts = [b.text for b in blocks]
    assert texts[0] == "2024年，本机关认真贯彻落实条例，全面推进政务公开工作。"
    assert texts[1] == "（一）主动公开情况。"
