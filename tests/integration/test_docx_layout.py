"""The Word export as LibreOffice prints it, measured on its PDF (pdfplumber).

One LibreOffice run converts: the sample (2019 format), a full 2021-format report,
big-number reports of both formats (seven-digit values everywhere, some at the
largest count a cell takes), reports with every input at the largest value the
limits allow (wide tables on landscape pages), a long-text report and a few random
reports (the property run); the agency names are real long names of several
shapes. On every page: no glyph or rule past the margins (of a portrait or a
landscape page), the page number's dash 7 mm (±0.5) under the type area, table
type at 小五 or larger (also for the limits' largest values); every number
printed whole on one line; labels and headers broken only where the export broke
them (between words); a continued group label never making its rows taller; the
title's and the signature's lines broken between words; the signature not alone;
group labels whole; a table that is split anyway not leaving a third of the page
before it empty, nor starting with fewer than five rows (or two on a roomy page);
headings at the top of a page where text stands.
"""

from __future__ import annotations

import random
import re
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from exporters.docx import breaks, export_docx, layout
from exporters.docx.numbers import printed_value
from exporters.font_check import installed_families, pdf_substitutes
from exporters.pdf import prepare_profile
from model.report import Report
from model.spec import Role
from tests.factories import big_report, max_report, random_report
from tests.integration import office
from tests.integration import pdf_layout as pl

pytestmark = pytest.mark.integration

MARGIN_SLACK_MM = 0.5  # rules are drawn centred on the table's edge
TEXT = "本机关坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。"
AGENCIES = ("某某市某某区人民政府办公室", "国家某某局", "某某省某某市某某县市场监督管理局")
# Long agency names of the shapes published reports carry: brackets with a second
# name, enumerations with 、, a national ministry, 城乡建设 and 市场监督 words.
LONG_NAMES = {
    "full2021": "某某市某某区住房和城乡建设局（区人民防空办公室）",
    "big2020": "中华人民共和国国家发展和改革委员会",
    "big2023": "某某省某某市某某区发展和改革局（区粮食和物资储备局、区国防动员办公室）",
    "long": "某某省某某市某某区人民政府办公室（区政务服务管理局、区大数据管理局）",
    "max2020": "新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县人民政府办公室",
    "max2023": "某某市市场监督管理局（某某市知识产权局）",
}


def _random(seed: int) -> Report:
    rng = random.Random(seed)
    year = rng.choice((2020, 2023))
    report = random_report(rng, year, rng.choice(AGENCIES), blank_ratio=rng.choice((0, 0.2)))
    for section in report.spec.text_sections:
        paragraphs = [TEXT * rng.randint(1, 6) for _ in range(rng.randint(1, 5))]
        report.set_text(section.id, "\n".join(paragraphs))
    return report


def _reports() -> dict[str, Report]:
    from model.sample import load_sample

    long = random_report(random.Random(9), 2023)
    long.set_text("一", "\n".join([TEXT * 5 + "网址https://www.example.gov.cn/xxgk/2024.html"] * 6))
    long.set_text("六", TEXT * 12)  # a long last paragraph before the signature
    out = {
        "sample": load_sample(),
        "full2021": random_report(random.Random(2021), 2023),
        "big2020": big_report(random.Random(1), 2020),
        "big2023": big_report(random.Random(2), 2023),
        "max2020": max_report(2020),
        "max2023": max_report(2023),
        "long": long,
    }
    for name, agency in LONG_NAMES.items():
        out[name].set_meta(agency=agency)
    out.update({f"random{seed}": _random(seed) for seed in range(3)})
    return out


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    exe = office.require_soffice()
    folder = tmp_path_factory.mktemp("layout")
    reports = _reports()
    paths = []
    for name, report in reports.items():
        path = folder / f"{name}.docx"
        export_docx(report, path)
        paths.append(path)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        # the replacement table of exporters.pdf: measured is what 导出 PDF makes
        prepare_profile(Path(profile), pdf_substitutes(installed_families() or ()))
        cmd = [
            exe,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, paths),
        ]
        subprocess.run(cmd, capture_output=True, timeout=office.CONVERT_TIMEOUT * 2, check=False)
    out = {}
    for name, report in reports.items():
        pdf = folder / f"{name}.pdf"
        assert pdf.exists(), name
        out[name] = (report, pdf, pl.read(pdf))
    return out


@pytest.fixture(scope="module")
def written_lines(printed, tmp_path_factory):
    """Per report, the lines the export wrote in its table cells (broken at its
    own line breaks), read back from the .docx."""
    from docx import Document
    from docx.oxml.ns import qn

    folder = tmp_path_factory.getbasetemp()
    out = {}
    for name in printed:
        path = next(folder.glob(f"layout*/{name}.docx"))
        lines: set[str] = set()
        for tc in Document(str(path)).element.body.iter(qn("w:tc")):
            text = "".join(
                "\n" if el.tag == qn("w:br") else (el.text or "")
                for el in tc.iter(qn("w:t"), qn("w:br"))
            )
            lines.update(line for line in text.split("\n") if line)
        out[name] = lines
    return out


NAMES = list(_reports())


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _within(text: str, label: str, gap: int = 60) -> bool:
    """`label` in `text` in order, its pieces at most `gap` characters apart (a cell's
    wrapped lines are interleaved with its neighbours' in reading order)."""
    label = _squeeze(label)
    start = text.find(label[0])
    while start >= 0:
        pos, ok = start, True
        for ch in label[1:]:
            nxt = text.find(ch, pos + 1, pos + 2 + gap)
            if nxt < 0:
                ok = False
                break
            pos = nxt
        if ok:
            return True
        start = text.find(label[0], start + 1)
    return False


@pytest.mark.parametrize("name", NAMES)
def test_no_glyph_or_rule_past_the_margins(printed, name):
    _, _, pages = printed[name]
    for page in pages:
        area = page.area
        for line in page.lines:
            assert line.left >= area.left - MARGIN_SLACK_MM, (page.number, line.text)
            assert line.right <= area.right + MARGIN_SLACK_MM, (page.number, line.text)
            assert line.top >= area.top - 1, (page.number, line.text)
            assert line.bottom <= area.bottom + 1, (page.number, line.text)
        for x0, _top, x1, _bottom in page.rects:
            assert x0 >= area.left - MARGIN_SLACK_MM and x1 <= area.right + MARGIN_SLACK_MM


@pytest.mark.parametrize("name", NAMES)
def test_page_number_dash_is_7_mm_under_the_type_area(printed, name):
    _, pdf, pages = printed[name]
    offsets = pl.dash_offsets(pdf)
    assert len(offsets) == len(pages)
    assert all(abs(o - 7.0) <= 0.5 for o in offsets), offsets
    for page in pages:
        assert re.fullmatch(rf"—{page.number}—", _squeeze(page.footer[0].text))


@pytest.mark.parametrize("name", NAMES)
def test_every_number_prints_whole_on_one_line(printed, name):
    report, pdf, _ = printed[name]
    found = Counter(w for _, _, w in pl.words(pdf))
    expected = Counter(
        m
        for table in report.spec.tables
        for cell in table.cells
        for m in re.findall(r"\d+(?:\.\d+)?", printed_value(report, cell))
    )
    missing = {n: c for n, c in expected.items() if found[n] < c}
    assert missing == {}
    if name.startswith(("big", "max")):
        assert any(len(n) >= 9 for n in expected)
    if name.startswith("max"):
        assert any(len(n) >= 11 for n in expected)  # totals of the largest counts


@pytest.mark.parametrize("name", NAMES)
def test_tables_are_set_at_xiaowu_or_larger(printed, name):
    """五号 or 小五 (9 pt) in every report, up to the largest values the limits allow
    (those on a landscape page); never the 6.5 pt that split numbers did."""
    _, _, pages = printed[name]
    for page in pages:
        assert min(page.sizes) >= 9.0 - 0.01, (page.number, page.sizes)
    landscape = [p.number for p in pages if p.landscape]
    if name.startswith("max"):
        assert landscape  # the widest tables turn the page
    elif not name.startswith("big"):
        assert landscape == []  # ordinary reports stay portrait


@pytest.mark.parametrize("name", NAMES)
def test_labels_and_headers_break_only_where_the_export_broke_them(printed, written_lines, name):
    """Every line LibreOffice prints in a table cell is a line the export wrote
    (broken between words: 商业/企业, 社会/公益/组织), or one character of a
    vertical header."""
    _, pdf, _ = printed[name]
    written = written_lines[name]
    chars = {ch for line in written for ch in line}
    for page, lines in pl.cell_texts(pdf):
        for line in lines:
            text = _squeeze(line)
            assert text in written or (len(text) == 1 and text in chars), (page, lines)


@pytest.mark.parametrize("name", NAMES)
def test_continued_group_labels_leave_their_rows_at_their_height(printed, name):
    """「三、本年度办理结果（续）」 (or its short form) is never taller than the rows it
    is carried over: each of them is as tall as its own cells need."""
    _, pdf, _ = printed[name]
    for page, height, content in pl.continued_rows(pdf):
        assert height <= content + 1.0, (page, height, content)


def test_the_pdf_is_set_in_serif_faces_where_the_official_ones_are_missing(printed):
    """Without 仿宋_GB2312, the body text takes the serif face exporters.font_check
    chose (Noto Serif CJK with fonts-noto-cjk), not LibreOffice's sans-serif one."""
    import pdfplumber

    face = pdf_substitutes(installed_families() or ()).get("仿宋_GB2312")
    if not face:
        pytest.skip("the official 仿宋 is installed, or no serif CJK face is")
    _, pdf, _ = printed["sample"]
    with pdfplumber.open(str(pdf)) as doc:
        body = Counter(
            c["fontname"].split("+")[-1]
            for c in doc.pages[1].chars
            if c["size"] == pytest.approx(16.0) and ord(c["text"]) > 0x3000
        )
    main = body.most_common(1)[0][0].lower()
    assert "serif" in main or "ming" in main or "song" in main, body


def _between_words(lines: list[str]) -> None:
    """Lines of an agency name: none starts with closing punctuation (、，。）) or ends
    with an opening bracket, no word (城乡建设, 市场 …) is cut."""
    name = "".join(lines)
    cut = 0
    for line in lines[:-1]:
        cut += len(line)
        assert breaks.legal_break(name, cut), lines


@pytest.mark.parametrize("name", NAMES)
def test_title_lines_agency_first_year_last(printed, name):
    report, _, pages = printed[name]
    meta = report.meta
    expected = layout.title_lines(
        layout.agency_name(meta.agency), meta.year, report.spec.title_suffix
    )
    got = [_squeeze(line.text) for line in pages[0].lines[: len(expected)]]
    assert got == expected
    _between_words(got[:-1])


@pytest.mark.parametrize("name", NAMES)
def test_signature_never_stands_alone(printed, name):
    report, _, pages = printed[name]
    last = pages[-1].lines
    date = layout.date_text(report.meta.date)
    i = next(k for k, line in enumerate(last) if _squeeze(line.text) == date)
    agency = next(k for k in range(i) if _squeeze(last[k].text) in report.meta.agency)
    names = [_squeeze(line.text) for line in last[agency:i]]
    assert "".join(names) == report.meta.agency
    _between_words(names)
    text_before = [line for line in last[:agency] if line.text.strip()]
    assert len(text_before) >= 2, [line.text for line in last]
    # the name is centred over the date
    name_line, date_line = last[agency], last[i]
    centre = (name_line.left + name_line.right) / 2
    assert centre == pytest.approx((date_line.left + date_line.right) / 2, abs=0.5)
    # the page before is not left mostly empty by the signature's keeping (a
    # landscape table's page ends with its section)
    if len(pages) > 1 and not pages[-2].landscape:
        assert max(line.bottom for line in pages[-2].lines) > pages[-2].area.bottom - 60


def _heading_at(pages: list[pl.Page], heading: str) -> tuple[int, pl.Line]:
    """(page index, line) of a section heading."""
    for i, page in enumerate(pages):
        for line in page.lines:
            if _squeeze(line.text) == _squeeze(heading):
                return i, line
    raise AssertionError(f"heading {heading} not printed")


def _body_labels(table) -> list[str]:
    return [
        g.text
        for g in sorted(table.grid, key=lambda g: (g.row, g.col))
        if g.role is Role.LABEL and g.rowspan == 1 and g.row >= table.header_rows
    ]


@pytest.mark.parametrize("name", NAMES)
def test_group_labels_whole_and_tables_start_with_five_rows(printed, name):
    """Group labels are printed whole. A table starts with at least five body rows
    under its heading, or with at least two when moving on would have left more than
    a third of the page empty (exporters.docx.paging)."""
    report, _, pages = printed[name]
    texts = [_squeeze(p.body_text) for p in pages]
    for table in report.spec.tables:
        section = report.spec.section_by_id[table.section]
        for g in table.grid:
            if g.role is Role.LABEL and g.rowspan > 1:
                assert any(_within(t, g.text, gap=240) for t in texts), (name, g.text)
        i, heading = _heading_at(pages, section.heading)
        labels = _body_labels(table)[:5]
        here = sum(1 for label in labels if _within(texts[i], label))
        if here < len(labels):
            roomy = heading.top - pages[i].area.top < 2 / 3 * pages[i].area.height
            assert roomy and here >= 2, (name, table.id, here)


@pytest.mark.parametrize("name", NAMES)
def test_a_table_split_anyway_leaves_no_third_of_a_page_empty_before_it(printed, name):
    """A table printed over several pages starts on the page where the text before
    it ends, unless that page is at least two-thirds full (or the table turns the
    page: landscape)."""
    report, _, pages = printed[name]
    texts = [_squeeze(p.body_text) for p in pages]
    for table in report.spec.tables:
        section = report.spec.section_by_id[table.section]
        i, heading = _heading_at(pages, section.heading)
        if not _body_labels(table):
            continue  # 四: header rows and one row of values, never split
        last_label = _body_labels(table)[-1]
        end = max(k for k, t in enumerate(texts) if _within(t, last_label))
        starts_page = pages[i].lines[0] is heading
        if end == i or not starts_page or i == 0 or pages[i].landscape:
            continue
        before = pages[i - 1]
        used = max(line.bottom for line in before.lines) - before.area.top
        assert used >= 2 / 3 * before.area.height, (name, table.id, used)


@pytest.mark.parametrize("name", NAMES)
def test_a_heading_at_the_top_of_a_page_stands_where_text_does(printed, name):
    """No space above a heading that starts a page (after a page break the export
    forced too): its glyphs sit where the first line of text does on other pages."""
    _, _, pages = printed[name]
    text_tops = [
        p.lines[0].top - p.area.top
        for p in pages[1:]
        if p.lines and p.lines[0].size == pytest.approx(16.0, abs=0.1)
    ]
    assert text_tops
    assert max(text_tops) - min(text_tops) <= 0.5, text_tops
