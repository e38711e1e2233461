"""The title is the line that reads as one nearest the first heading: links to
other years' reports printed above it on a published page never give the year
or the agency; what stands above the title is named in a note, not read into 一."""

from __future__ import annotations

import datetime as dt

import pytest

from exporters.html import export_html
from importers import importer_for
from model.report import Report

LINKS = [
    "<ul><li><a href='a.html'>某某县财政局2023年政府信息公开工作年度报告</a></li>",
    "<li><a href='b.html'>某某县教育局2024年政府信息公开工作年度报告</a></li></ul>",
]


def _page(tmp_path, above: str, agency: str = "某某县财政局"):
    report = Report("2021", 2024, agency, date=dt.date(2025, 1, 20))
    report.set_text("一", "2024年，本局认真贯彻落实《条例》。")
    page = tmp_path / "page.html"
    export_html(report, page)
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("<h1>", above + "<h1>", 1), encoding="utf-8")
    return report, importer_for(page)(page)


@pytest.mark.parametrize(
    "above",
    [
        "".join(LINKS),
        "<p>相关链接</p>" + "".join(LINKS),
        "<p>当前位置：首页 &gt; 政务公开 &gt; 年报</p><p>2023年度报告</p>",
    ],
)
def test_links_above_the_title_do_not_give_the_year_or_agency(tmp_path, above):
    report, result = _page(tmp_path, above)
    assert result.report.meta.year == 2024
    assert result.report.meta.agency == "某某县财政局"
    assert result.report.texts["一"] == report.texts["一"]  # nothing of the links in 一
    assert any("标题之前的文字不属于报告" in note for note in result.notes)


def test_a_title_broken_over_lines_is_read_whole(tmp_path):
    # the name on lines of its own above 「2024年政府信息公开工作年度报告」
    agency = "新疆维吾尔自治区伊犁哈萨克自治州某某县交通运输局"
    report = Report("2021", 2024, agency, date=dt.date(2025, 1, 20))
    page = tmp_path / "page.html"
    export_html(report, page)
    html = page.read_text(encoding="utf-8")
    broken = "<p>新疆维吾尔自治区</p><p>伊犁哈萨克自治州某某县交通运输局</p>"
    start = html.index("<h1>")
    end = html.index("</h1>") + len("</h1>")
    html = html[:start] + broken + "<h1>2024年政府信息公开工作年度报告</h1>" + html[end:]
    page.write_text(html, encoding="utf-8")
    result = importer_for(page)(page)
    assert (result.report.meta.agency, result.report.meta.year) == (agency, 2024)
    assert not any("标题之前" in note for note in result.notes)


def test_a_section_of_more_paragraphs_than_the_limit_is_cut_with_a_note(tmp_path):
    from model import limits

    report = Report("2021", 2024, "某某县财政局", date=dt.date(2025, 1, 20))
    report.set_text("一", "MARK")
    page = tmp_path / "page.html"
    export_html(report, page)
    many = "".join(f"<p>第{i}段。</p>" for i in range(limits.MAX_TEXT_LINES + 10))
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("<p>MARK</p>", many, 1), encoding="utf-8")
    result = importer_for(page)(page)
    lines = result.report.texts["一"].split("\n")
    assert len(lines) == limits.MAX_TEXT_LINES and lines[-1] == f"第{limits.MAX_TEXT_LINES - 1}段。"
    assert any("只导入了前 5000 段" in note for note in result.notes)


@pytest.mark.parametrize("addition", ["（全文）", "(摘要)", "【2024】"])
def test_a_title_with_a_short_bracketed_addition_is_the_title(tmp_path, addition):
    report = Report("2021", 2024, "某某县财政局", date=dt.date(2025, 1, 20))
    page = tmp_path / "page.html"
    export_html(report, page)
    html = page.read_text(encoding="utf-8")
    html = html.replace("年度报告</h1>", f"年度报告{addition}</h1>", 1)
    assert f"{addition}</h1>" in html
    page.write_text(html, encoding="utf-8")
    result = importer_for(page)(page)
    assert (result.report.meta.agency, result.report.meta.year) == ("某某县财政局", 2024)
    assert not result.report.meta.year_pending


@pytest.mark.parametrize(
    "lines",
    [
        # a narrow page wraps the title mid-word
        ["某某县公安局2024年政府信息公开工作年度报", "告"],
        ["某某县公安局2024年政府信息公开", "工作年度", "报告"],
        # or inside the agency's bracketed second name
        ["某某县公安局（县人民防", "空办公室）2024年政府信息公开工作年度报告"],
    ],
)
def test_a_title_wrapped_anywhere_is_read_whole(tmp_path, lines):
    agency = "".join(lines).split("2024")[0]
    report = Report("2021", 2024, agency, date=dt.date(2025, 1, 20))
    report.set_text("一", "2024年，本局认真贯彻落实《条例》。")
    page = tmp_path / "page.html"
    export_html(report, page)
    html = page.read_text(encoding="utf-8")
    start, end = html.index("<h1>"), html.index("</h1>") + len("</h1>")
    html = html[:start] + "".join(f"<p>{line}</p>" for line in lines) + html[end:]
    page.write_text(html, encoding="utf-8")
    result = importer_for(page)(page)
    assert (result.report.meta.agency, result.report.meta.year) == (agency, 2024)
    assert result.report.texts["一"] == report.texts["一"]  # no piece of the title in 一
    assert not any("标题之前" in n or "导语" in n for n in result.notes)


def test_a_line_ending_in_report_under_the_title_is_not_the_title(tmp_path):
    """「关于2022年度审计整改情况的报告」 printed under the real title gave the year
    2022: a line naming the report (政府信息公开) is the title before any other."""
    report = Report("2021", 2023, "某某市某某局", date=dt.date(2024, 1, 20))
    page = tmp_path / "page.html"
    export_html(report, page)
    html = page.read_text(encoding="utf-8")
    html = html.replace("</h1>", "</h1><p>关于2022年度审计整改情况的报告</p>", 1)
    page.write_text(html, encoding="utf-8")
    result = importer_for(page)(page)
    assert (result.report.meta.agency, result.report.meta.year) == ("某某市某某局", 2023)
    assert not result.report.meta.year_pending
