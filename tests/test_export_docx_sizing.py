"""How the Word export sets its tables and names: column widths from the digits'
real advance widths, the type-size steps (五号 → 小五 → a landscape page at 小五,
enough for the limits' largest values), breaks between words in labels, headers
and agency names, and where a long table is cut (exporters.docx.sizing, breaks,
paging, layout)."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree

from exporters.docx import breaks, export_docx, layout, styles
from exporters.docx.metrics import char_em, text_pt
from exporters.docx.numbers import printed_value
from exporters.docx.paging import continued_label, plan_table, row_heights
from exporters.docx.sizing import cell_lines, size_table
from model.limits import MAX_COUNT
from model.report import Report
from model.spec import Role
from tests.factories import big_report, max_report, random_report

LIBERATION_SERIF = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")


def _value_text(report: Report, table):
    return lambda cid: printed_value(report, table.cell_by_id[cid])


def _reports() -> dict[str, Report]:
    from model.sample import load_sample

    nine = random_report(random.Random(9), 2023)
    nine.set_values({c.id: MAX_COUNT for c in nine.spec.inputs if c.table == "applications"})
    return {
        "sample": load_sample(),
        "full2020": random_report(random.Random(1), 2020),
        "full2023": random_report(random.Random(2), 2023),
        "big2020": big_report(random.Random(3), 2020),
        "big2023": big_report(random.Random(4), 2023),
        "nine-digit 三": nine,
        "max2020": max_report(2020),
        "max2023": max_report(2023),
    }


def test_digit_widths_are_the_real_advance_widths_of_the_printed_face():
    """Numbers are sized with Times New Roman's advance widths; LibreOffice prints
    them in Liberation Serif, whose widths are the same: checked against the font."""
    if not LIBERATION_SERIF.exists():
        pytest.skip("fonts-liberation is not installed")
    from PIL import ImageFont

    font = ImageFont.truetype(str(LIBERATION_SERIF), 2048)
    for ch in "0123456789.-+%,":
        assert char_em(ch) == pytest.approx(font.getlength(ch) / 2048, abs=0.002), ch


@pytest.mark.parametrize("name", list(_reports()))
def test_every_value_and_header_word_fits_its_column(name):
    report = _reports()[name]
    for table in report.spec.tables:
        value_text = _value_text(report, table)
        sizing = size_table(table, value_text)
        assert sum(sizing.widths) == (
            styles.LANDSCAPE_TEXT_WIDTH if sizing.landscape else styles.TEXT_WIDTH
        )
        for g in table.grid:
            width_pt = sum(sizing.widths[g.col : g.col + g.colspan]) / 20
            inner = width_pt - 2 * sizing.margin_pt
            if g.role is Role.VALUE and g.cell:
                assert text_pt(value_text(g.cell), sizing.size_pt) <= inner - 1, (table.id, g)
            elif g.text and not g.vertical and g.col >= table.label_cols:
                words = breaks.table_words(g.text)
                widest = max(text_pt(w, sizing.size_pt) for w in words)
                assert widest <= sizing.inner_pt(round(width_pt * 20)), (table.id, g.text)
                lines = sizing.cell_lines(g.text, round(width_pt * 20))
                assert "".join(lines) == g.text
                assert all(line in _joins(words) for line in lines), lines


def _joins(words: list[str]) -> set[str]:
    return {"".join(words[a:b]) for a in range(len(words)) for b in range(a + 1, len(words) + 1)}


def test_type_steps_down_only_as_far_as_the_values_need():
    reports = _reports()

    def setting(name, table_id):
        report = reports[name]
        table = report.spec.table_by_id[table_id]
        sizing = size_table(table, _value_text(report, table))
        return sizing.size_pt, sizing.landscape

    assert setting("sample", "applications") == (10.5, False)
    assert setting("full2023", "appeals") == (10.5, False)
    # a city's seven-digit figures: 小五 on the portrait page
    assert setting("big2023", "applications") == (9.0, False)
    # nine-digit counts in every cell of 三 (totals of eleven and twelve digits)
    assert setting("nine-digit 三", "applications") == (9.0, True)
    # the largest values the limits allow: still 小五, on a landscape page
    assert setting("max2023", "applications") == (9.0, True)
    assert setting("max2023", "appeals") == (9.0, True)
    assert setting("max2020", "appeals") == (9.0, True)
    assert setting("max2020", "active")[0] >= 9.0


def test_table_words_and_cell_lines_break_between_words():
    assert breaks.table_words("社会公益组织") == ["社会", "公益", "组织"]
    assert breaks.table_words("法律服务机构") == ["法律", "服务", "机构"]
    assert breaks.table_words("自然人") == ["自然人"]
    assert breaks.table_words("（四）无法提供") == ["（四）无法", "提供"]
    assert breaks.table_words("三、本年度办理结果（续）")[-1] == "（续）"
    # 10.5 pt, room for three characters: 商业/企业, never 商业企/业
    assert cell_lines("商业企业", 32, 10.5) == ["商业", "企业"]
    assert cell_lines("社会公益组织", 45, 10.5) == ["社会公益", "组织"]
    assert cell_lines("（四）无法提供", 40, 10.5) == ["（四）", "无法", "提供"]
    # a word wider than the cell breaks by characters, never inside 「（续）」
    lines = cell_lines("三、本年度办理结果（续）", 32, 10.5)
    assert lines[-1] == "（续）" and "".join(lines) == "三、本年度办理结果（续）"


def _xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def test_number_cells_forbid_latin_breaking_and_headers_carry_their_breaks(tmp_path):
    report = big_report(random.Random(5), 2023)
    path = tmp_path / "r.docx"
    export_docx(report, path)
    root = _xml(path)
    numbers = [
        p
        for p in root.iter(qn("w:p"))
        if p.find(f"{qn('w:r')}/{qn('w:t')}") is not None
        and (p.findtext(f"{qn('w:r')}/{qn('w:t')}") or "").strip("-").isdigit()
        and p.getparent().tag == qn("w:tc")
    ]
    assert numbers
    for p in numbers:
        wrap = p.find(f"{qn('w:pPr')}/{qn('w:wordWrap')}")
        assert wrap is not None and wrap.get(qn("w:val")) == "1"
    texts = [
        "".join(t.text or "\n" for t in tc.iter(qn("w:t"), qn("w:br")))
        for tc in root.iter(qn("w:tc"))
    ]
    assert "商业\n企业" in texts or "商业企业" in texts
    assert not any(t.startswith("商业企\n") for t in texts)


def test_a_wide_table_gets_a_landscape_section_with_the_page_numbers(tmp_path):
    path = tmp_path / "max.docx"
    export_docx(max_report(2023), path)
    root = _xml(path)
    sections = list(root.iter(qn("w:sectPr")))
    assert len(sections) == 3  # portrait, landscape (三 and 四), portrait to the end
    sizes = [s.find(qn("w:pgSz")) for s in sections]
    assert [z.get(qn("w:orient")) for z in sizes] == [None, "landscape", None]
    assert sizes[1].get(qn("w:w")) == str(styles.mm_to_twips(297))
    for sect in sections:
        refs = sect.findall(qn("w:footerReference"))
        assert {r.get(qn("w:type")) for r in refs} == {"default", "even"}
        assert not any(k.startswith(f"{{{styles.W_NS}}}rsid") for k in sect.attrib)


def _plan(report: Report, table_id: str, first_room):
    table = report.spec.table_by_id[table_id]
    value_text = _value_text(report, table)
    sizing = size_table(table, value_text)
    heights = row_heights(table, sizing, value_text)
    heading = styles.LINE_TWIPS + 180
    return table, sizing, heights, plan_table(table, heights, heading, first_room, sizing)


def test_a_table_split_anyway_starts_where_it_is_on_a_roomy_page():
    report = random_report(random.Random(2021), 2023)
    page = styles.TEXT_HEIGHT
    table, _, _, plan = _plan(report, "applications", page // 2)
    assert len(plan.pieces) > 1 and not plan.new_page
    first = plan.pieces[0]
    assert first[1] - first[0] >= 2
    # inner groups stay whole; the outer group 三 is cut and continued
    inner = {
        (g.row, g.row + g.rowspan)
        for g in table.grid
        if g.role is Role.LABEL and g.rowspan > 1 and g.col > 0
    }
    for start, end in plan.pieces:
        for a, b in inner:
            assert not (a < start < b) and not (a < end < b)
    assert plan.continued
    # little room left: the table starts on the next page with its heading
    _, _, _, late = _plan(report, "applications", page // 5)
    assert late.new_page
    # the last piece never holds a single row
    assert all(end - start >= 2 for start, end in plan.pieces[-1:])


def test_a_continued_label_shortens_to_fit_its_rows():
    report = random_report(random.Random(1), 2023)
    table = report.spec.table_by_id["applications"]
    sizing = size_table(table, _value_text(report, table))
    group = next(g for g in table.grid if g.text == "三、本年度办理结果")
    one_row = sizing.line + 60
    assert continued_label(group, 20 * one_row, sizing) == "三、本年度办理结果（续）"
    assert continued_label(group, one_row, sizing) in ("三（续）", "（续）")
    assert continued_label(group, one_row, sizing).endswith("（续）")


# Real long names of several shapes (brackets with a second name, enumerations,
# a ministry, 城乡建设 and 市场监督 words, autonomous regions, 街道, 开发区).
NAMES = (
    "某某省某某市某某区发展和改革局（区粮食和物资储备局、区国防动员办公室）",
    "某某市某某区住房和城乡建设局（区人民防空办公室）",
    "中华人民共和国国家发展和改革委员会",
    "某某省某某市某某区人民政府办公室（区政务服务管理局、区大数据管理局）",
    "某某自治区某某盟某某旗人民政府办公室",
    "某某市市场监督管理局（某某市知识产权局）",
    "某某县人力资源和社会保障局",
    "某某经济技术开发区管理委员会",
    "国家税务总局某某省某某市税务局",
    "某某省某某市某某县某某镇人民政府",
    "某某市某某区某某街道办事处",
    "新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县人民政府办公室",
    "某某省某某市城市管理综合行政执法局（某某市城市管理委员会）",
)


def _cuts(lines: list[str]) -> list[int]:
    cuts, at = [], 0
    for line in lines[:-1]:
        at += len(line)
        cuts.append(at)
    return cuts


@pytest.mark.parametrize("name", NAMES)
def test_agency_names_break_only_between_words(name):
    date_em = layout.signature_max_em("2024年1月8日")
    for lines, limit in (
        (layout.name_lines(name, layout.TITLE_LINE_CHARS), layout.TITLE_LINE_CHARS),
        (layout.name_lines(name, date_em, layout.MAX_SIGNATURE_LINES), date_em),
    ):
        assert "".join(lines) == name
        assert all(layout.text_width(line) <= limit for line in lines), lines
        units, joiners, _ = breaks.name_breaks(name)
        for cut in _cuts(lines):
            assert cut in units | joiners, (lines, cut)
            assert name[cut] not in "、，。）" and name[cut - 1] != "（"
        for word in ("城乡建设", "市场", "城市管理"):
            for cut in _cuts(lines):
                start = name.find(word)
                assert not (0 <= start < cut < start + len(word)), lines


def test_the_names_the_review_found_broken():
    assert layout.name_lines("某某市某某区住房和城乡建设局（区人民防空办公室）", 20) == [
        "某某市某某区住房和城乡建设局",
        "（区人民防空办公室）",
    ]
    sig = layout.signature_max_em("2024年1月8日")
    assert layout.name_lines("中华人民共和国国家发展和改革委员会", sig) == [
        "中华人民共和国",
        "国家发展和改革委员会",
    ]
    lines = layout.name_lines(NAMES[0], sig, layout.MAX_SIGNATURE_LINES)
    assert not any(line.endswith("（区") or line.startswith("、") for line in lines)
