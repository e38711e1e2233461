"""The web-page export: valid HTML5 with the official merges, and it imports back."""

from __future__ import annotations

import random

import html5lib
import pytest
from hypothesis import HealthCheck, given, settings

from exporters.html import export_html, html_page
from importers.html import import_html
from model.spec import Role
from tests.factories import random_report, reports


def _strict_parse(page: str):
    """Parse as a browser does, failing on any HTML5 parse error."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(page)


@pytest.mark.parametrize("year", [2020, 2023])
def test_the_page_is_valid_html5_with_the_official_merges(year):
    report = random_report(random.Random(year), year)
    page, notes = html_page(report)
    assert notes == []
    assert page.startswith("<!DOCTYPE html>")
    tree = _strict_parse(page)
    assert tree.find("head/meta").get("charset") == "utf-8"
    assert tree.find("body/h1").text.endswith(report.spec.title_suffix)
    headings = [h.text for h in tree.iter("h2")]
    assert headings == [s.heading for s in report.spec.sections]
    tables = list(tree.iter("table"))
    assert len(tables) == len(report.spec.tables)
    for spec_table, table in zip(report.spec.tables, tables, strict=True):
        rows = table.findall("tbody/tr")
        assert len(rows) == spec_table.n_rows
        spans = sorted(
            (int(c.get("rowspan", 1)), int(c.get("colspan", 1))) for row in rows for c in row
        )
        assert spans == sorted((g.rowspan, g.colspan) for g in spec_table.grid)
        headers = sum(1 for row in rows for c in row if c.tag == "th")
        assert headers == sum(1 for g in spec_table.grid if g.role in (Role.HEADER, Role.CAPTION))
    # no Word styling: no inline styles (tables of this size fit), no classes but
    # our three, no scripts
    assert not any(e.get("style") for e in tree.iter())
    classes = {e.get("class") for e in tree.iter() if e.get("class")}
    assert classes <= {"label", "signature", "table"}
    assert not list(tree.iter("script"))
    # each table in its own box that scrolls sideways on a narrow screen
    boxes = [d for d in tree.iter("div") if d.get("class") == "table"]
    assert [len(d.findall("table")) for d in boxes] == [1] * len(tables)


def test_the_page_fits_phones_and_paper():
    """A viewport for phones, wide tables scrolling in their box, numbers never
    broken, and print rules: the paper's width, smaller table type, no row split."""
    page, _ = html_page(random_report(random.Random(1), 2023))
    tree = _strict_parse(page)
    metas = {m.get("name"): m.get("content") for m in tree.iter("meta") if m.get("name")}
    assert metas["viewport"] == "width=device-width, initial-scale=1"
    css = tree.find("head/style").text
    assert ".table{overflow-x:auto" in css
    assert "td{white-space:nowrap}" in css
    print_rules = css[css.index("@media print{") :]
    for rule in ("body{max-width:none", ".table{overflow:visible}", "table{font-size:9pt"):
        assert rule in print_rules
    assert "tr{break-inside:avoid}" in print_rules


def test_blank_cells_print_blank_and_say_so(tmp_path):
    """The page shows what the draft holds: a blank is not published as 0."""
    report = random_report(random.Random(1), 2023, blank_ratio=0.2)
    notes = export_html(report, tmp_path / "年报.html")
    blanks = len(report.blank_inputs())
    assert blanks and f"有 {blanks} 个单元格未填写，网页中留空" in notes[0]
    imported = import_html(tmp_path / "年报.html").report
    assert imported.values() == report.values()
    assert imported.blank_inputs() == report.blank_inputs()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_the_page_imports_back_to_the_same_report(report, tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "年报.html"
    export_html(report, path)
    imported = import_html(path).report
    assert imported.spec.id == report.spec.id
    assert imported.meta == report.meta
    assert imported.values() == report.values()
    assert {k: v for k, v in imported.texts.items() if v} == {
        k: v for k, v in report.texts.items() if v
    }


def test_text_is_escaped(tmp_path):
    report = random_report(random.Random(2), 2023, agency="某某局<script>")
    report.set_text("五", "a < b & c > d\n</table><p>")
    page, _notes = html_page(report)
    tree = _strict_parse(page)
    assert not list(tree.iter("script"))
    path = tmp_path / "x.html"
    path.write_text(page, encoding="utf-8")
    assert import_html(path).report.texts["五"] == "a < b & c > d\n</table><p>"


def test_a_table_too_wide_for_the_page_is_set_smaller_and_imports_back(tmp_path):
    """Big numbers widen a table past an A4 page: its cells carry the type size that
    fits (exporters.html.table_size), which LibreOffice, a browser's print and a
    site's editor keep; only such tables are styled, and the page reads back."""
    from exporters.html import PAGE_TEXT_PT, SMALLEST_PT, table_em, table_size
    from tests.factories import big_report, max_report

    for report in (big_report(random.Random(3), 2023), max_report(2020)):
        tree = _strict_parse(html_page(report)[0])
        for spec_table, table in zip(report.spec.tables, tree.iter("table"), strict=True):
            size = table_size(report, spec_table)
            styles = {c.get("style") for c in table.iter() if c.tag in ("td", "th")}
            if size is None:
                assert styles == {None}
                continue
            assert styles == {f"font-size:{size:g}pt"}
            fits = size * table_em(report, spec_table) <= PAGE_TEXT_PT
            assert fits or size == SMALLEST_PT
        path = tmp_path / "wide.html"
        export_html(report, path)
        assert import_html(path).report.values() == report.values()
