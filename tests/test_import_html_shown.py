"""A web page reads as a browser shows it: text the page's style sheets hide is set
aside, struck text is deleted, markers beside numbers are not digits, text shown
in another order or added by a style sheet reads as shown — each said at its cell;
odd encodings, spans and wrappers read as browsers read them."""

from __future__ import annotations

import random
import re

import pytest

from importers import ImportRefused
from importers.html import decode, html_document, import_html
from importers.published.reader import read_published
from model import limits
from tests.factories import random_report
from tests.html_fixtures import published_page

CELL = "active.art20_1.regulations.issued"


@pytest.fixture(scope="module")
def report():
    report = random_report(random.Random(11), 2023, agency="某某市某某局")
    report.set_values({CELL: 13})
    return report


def _page(report, payload: str, css: str = "") -> bytes:
    """The report's page with the value cell of 「规章 / 本年制发件数」 holding
    `payload` (HTML) and `css` added as the page's own style sheet."""
    page = published_page(report).decode()
    page, n = re.subn(
        r"(>规章</td>\s*<td[^>]*>)13(</td>)",
        lambda m: m.group(1) + payload + m.group(2),
        page,
        count=1,
    )
    assert n == 1
    if css:
        page = page.replace("<title>", f"<style>{css}</style><title>", 1)
    return page.encode()


def _read(data: bytes):
    return read_published(html_document(data, "年报.html"))


def _cell_notes(result) -> list[str]:
    return [n for n in result.notes if "「规章」" in n]


HIDDEN_BY_STYLE = {
    "class display:none": ('1<span class="h">9</span>3', ".h{display:none}"),
    "id rule": ('1<span id="x9">9</span>3', "#x9{display:none}"),
    "element selector": ("1<q>9</q>3", "q{display:none}"),
    "descendant selector": ('1<span class="w"><i>9</i></span>3', "td .w i{display:none}"),
    "!important wins over inline": ('1<span class="h" style="display:inline">9</span>3',
                                    ".h{display:none !important}"),
    "visibility hidden": ('1<span class="v">9</span>3', ".v{visibility:hidden}"),
    "visibility collapse inline": ('1<span style="visibility:collapse">9</span>3', ""),
    "font-size 0": ('1<span class="f">9</span>3', ".f{font-size:0}"),
    "font shorthand 0/0": ('1<span class="f">9</span>3', ".f{font:0/0 a}"),
    "opacity 0": ('1<span style="opacity:0">9</span>3', ""),
    "off screen": ('1<span class="o">9</span>3', ".o{position:absolute;left:-9999px}"),
    "text-indent": ('1<span class="t">9</span>3', ".t{display:inline-block;text-indent:-9999px}"),
    "visually hidden clip": (
        '1<span class="sr">9</span>3',
        ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}",
    ),
    "white on white": ('1<span style="color:#fff">9</span>3', ""),
    "colour of a coloured background": (
        '1<span class="c">9</span>3', ".c{color:#336699} td{background:#336699}"),
    "escaped keyword": ('1<span style="display:n\\6f ne">9</span>3', ""),
    "comment inside value": ('1<span style="display:/**/none">9</span>3', ""),
    "upper case": ('1<span style="DISPLAY:NONE">9</span>3', ""),
    "hidden attribute": ("1<span hidden>9</span>3", ""),
    "closed dialog": ("1<dialog>9</dialog>3", ""),
    "closed details": ("13<details><summary></summary>9</details>", ""),
    "media screen": ('1<span class="m">9</span>3', "@media screen{.m{display:none}}"),
    "media for a desktop window": (
        '1<span class="m">9</span>3', "@media screen and (min-width: 1024px){.m{display:none}}"),
}  # fmt: skip


@pytest.mark.parametrize("shape", sorted(HIDDEN_BY_STYLE))
def test_text_the_page_hides_is_set_aside_and_named(report, shape):
    payload, css = HIDDEN_BY_STYLE[shape]
    result = _read(_page(report, payload, css))
    assert result.report.value(CELL) == 13
    notes = _cell_notes(result)
    assert any("「9」未导入" in n and "第 2 列" in n for n in notes), notes


SHOWN_AGAIN = {
    "visible child of a hidden parent": (
        '<span style="visibility:hidden">9<b style="visibility:visible">13</b></span>', ""),
    "a later rule shows it": ('<span class="a b">13</span>', ".a{display:none} .b{display:inline}"),
    "more specific rule shows it": (
        '<span id="k" class="a">13</span>', "#k{display:inline} .a{display:none}"),
    "print-only rule": ('<span class="p">13</span>', "@media print{.p{display:none}}"),
    "phone-only rule": ('<span class="p">13</span>', "@media (max-width: 768px){.p{display:none}}"),
    "hover only": ('<span class="p">13</span>', ".p:hover{display:none}"),
    "sized child of a zero font": (
        '<span style="font-size:0"><b style="font-size:12px">13</b></span>', ""),
    "hidden attribute overridden": ('<span hidden class="s">13</span>', ".s{display:inline}"),
    "aria-hidden is still shown": ('<span aria-hidden="true">13</span>', ""),
}  # fmt: skip


@pytest.mark.parametrize("shape", sorted(SHOWN_AGAIN))
def test_text_a_browser_shows_is_read(report, shape):
    payload, css = SHOWN_AGAIN[shape]
    result = _read(_page(report, payload, css))
    assert result.report.value(CELL) == 13


STRUCK_AND_MARKERS = {
    "<del>": ("<del>15</del>13", "带删除线的「15」"),
    "<s> without a space": ("<s>15</s>13", "带删除线的「15」"),
    "<strike>": ("<strike>15</strike> 13", "带删除线的「15」"),
    "css line-through": (
        '<span style="text-decoration:line-through">15</span>13', "带删除线的「15」"),
    "<sup>": ("13<sup>1</sup>", "上标「1」"),
    "<sub>": ("13<sub>2</sub>", "下标「2」"),
    "css vertical-align": ('13<span style="vertical-align:super">3</span>', "上标「3」"),
    "superscript character": ("13¹", "「¹」"),
    "<ruby>": ("<ruby>13<rt>9</rt></ruby>", "注音（ruby）「9」"),
    "<ruby> with <rp>": ("<ruby>13<rp>(</rp><rt>9</rt><rp>)</rp></ruby>", "注音（ruby）「9」"),
}  # fmt: skip


@pytest.mark.parametrize("shape", sorted(STRUCK_AND_MARKERS))
def test_struck_text_and_markers_follow_the_word_rules(report, shape):
    payload, said = STRUCK_AND_MARKERS[shape]
    result = _read(_page(report, payload))
    assert result.report.value(CELL) == 13
    assert any(said in n for n in _cell_notes(result)), result.notes


def test_a_superscript_alone_in_a_cell_is_its_text(report):
    result = _read(_page(report, "<sup>13</sup>"))
    assert result.report.value(CELL) == 13


@pytest.mark.parametrize(
    ("payload", "css"),
    [
        ('<bdo dir="rtl">31</bdo>', ""),
        ('<span style="unicode-bidi:bidi-override;direction:rtl">31</span>', ""),
        ('<span class="r">31</span>', ".r{direction:rtl;unicode-bidi:bidi-override}"),
    ],
)
def test_text_shown_right_to_left_reads_as_shown(report, payload, css):
    result = _read(_page(report, payload, css))
    assert result.report.value(CELL) == 13
    assert any("按浏览器显示的顺序读作「13」" in n for n in _cell_notes(result))


def test_rtl_direction_alone_does_not_reverse_numbers(report):
    result = _read(_page(report, '<span dir="rtl">13</span>'))
    assert result.report.value(CELL) == 13
    assert not _cell_notes(result)


@pytest.mark.parametrize(
    ("payload", "css"),
    [
        ('<span class="b">3</span>', '.b::before{content:"1"}'),
        ('<span class="a">1</span>', '.a::after{content:"3"}'),
        ('<span class="d" data-n="1">3</span>', ".d:before{content:attr(data-n)}"),
    ],
)
def test_text_a_style_sheet_adds_is_read_as_shown_and_said(report, payload, css):
    result = _read(_page(report, payload, css))
    assert result.report.value(CELL) == 13
    assert any("网页样式表在此处显示的" in n for n in _cell_notes(result))


def test_a_row_hidden_by_class_is_not_read_over_the_shown_one(report):
    page = _page(report, "13").decode()
    row = re.search(r"<tr><td[^>]*>规章</td>.*?</tr>", page, re.S)
    assert row
    decoy = re.sub(r"<td>\d+</td>", "<td>99</td>", row.group(0)).replace("<tr>", '<tr class="old">')
    page = page.replace(row.group(0), decoy + row.group(0)).replace(
        "<title>", "<style>.old{display:none}</style><title>"
    )
    result = _read(page.encode())
    assert result.report.values() == report.values()


def test_a_cell_hidden_with_display_none_takes_no_place_in_its_row(report):
    """The browser lays the row out without the cell: 「13」 stands under its
    header, not one column to the right; the hidden 「77」 is named."""
    result = _read(
        _page(report, "13")
        .replace("规章</td>".encode(), '规章</td><td class="h">77</td>'.encode(), 1)
        .replace(b"<title>", b"<style>.h{display:none}</style><title>")
    )
    assert result.report.values() == report.values()
    assert any("「77」未导入" in n for n in result.notes)


def test_a_cell_hidden_with_visibility_keeps_its_place_empty(report):
    page = _page(report, '<span style="visibility:hidden">13</span>')
    result = _read(page)
    assert result.report.value(CELL) is None
    assert any("「13」未导入" in n for n in _cell_notes(result))


def test_a_linked_style_sheet_saved_with_the_page_is_read(report, tmp_path):
    folder = tmp_path / "年报_files"
    folder.mkdir()
    (folder / "site.css").write_text(".h{display:none}", encoding="utf-8")
    page = _page(report, '1<span class="h">9</span>3').decode()
    page = page.replace("<title>", '<link rel="stylesheet" href="年报_files/site.css"><title>')
    path = tmp_path / "年报.html"
    path.write_text(page, encoding="utf-8")
    result = import_html(path)
    assert result.report.value(CELL) == 13
    assert any("「9」未导入" in n for n in _cell_notes(result))


def test_a_missing_linked_style_sheet_is_said(report):
    page = _page(report, "13").decode()
    page = page.replace(
        "<title>", '<link rel="stylesheet" href="http://example.invalid/a.css"><title>'
    )
    result = _read(page.encode())
    assert result.report.value(CELL) == 13
    assert any("a.css" in n and "未读取" in n for n in result.notes)


# ---- encodings ------------------------------------------------------------------------------
@pytest.mark.parametrize("label", ["idna", "punycode", "undefined", "zlib", "rot13", "x-klingon"])
def test_codec_names_that_are_no_page_encoding_are_refused_as_labels(report, label):
    data = published_page(report).replace(b'charset="utf-8"', f'charset="{label}"'.encode())
    result = _read(data)
    assert result.report.values() == report.values()
    assert any("无法识别" in n for n in result.notes)


def test_wrong_or_hidden_declarations_read_as_browsers_do(report):
    utf8 = published_page(report)
    gbk = published_page(report, encoding="gbk")
    cases = {
        "meta utf-8 on GBK bytes": gbk.replace(b'charset="gbk"', b'charset="utf-8"'),
        "meta utf-16 on UTF-8 bytes": utf8.replace(b'charset="utf-8"', b'charset="utf-16"'),
        "commented-out meta": utf8.replace(
            b'<meta charset="utf-8">', b'<!-- <meta charset="big5"> -->'
        ),
        "meta latin-1 on UTF-8 bytes": utf8.replace(b'charset="utf-8"', b'charset="iso-8859-1"'),
        "meta big5 on GBK bytes": gbk.replace(b'charset="gbk"', b'charset="big5"'),
    }
    for shape, data in cases.items():
        result = _read(data)
        assert result.report.values() == report.values(), shape
        assert result.report.meta.agency == report.meta.agency, shape


def test_a_mismatch_is_said():
    text, notes = decode('<meta charset="utf-8"><p>某某市人民政府办公室</p>'.encode("gb18030"))
    assert "某某市人民政府办公室" in text
    assert notes and "与内容不符" in notes[0]


# ---- spans as the HTML standard parses them ---------------------------------------------------
def _with_span(report, old: str, new: str) -> bytes:
    page = published_page(report).decode()
    assert old in page
    return page.replace(old, new, 1).encode()


@pytest.mark.parametrize("shape", ["{}px", "{}.0", "+{}", " {}", "{} rows"])
def test_rowspans_read_as_browsers_read_them(report, shape):
    page = published_page(report).decode()
    span = re.search(r'rowspan="(\d+)"([^>]*>三、本年度办理结果)', page)
    assert span
    odd = f'rowspan="{shape.format(span.group(1))}"{span.group(2)}'
    result = _read(page.replace(span.group(0), odd, 1).encode())
    assert result.report.values() == report.values()


def test_rowspan_zero_reaches_the_end_of_its_row_group(report):
    page = published_page(report).decode()
    span = re.search(r'<tr>(<td[^>]*) rowspan="(\d+)"([^>]*>三、本年度办理结果)', page)
    assert span
    start = span.start()
    end = page.rindex("<tr>", 0, page.index("四、结转下年度继续办理"))
    body = page[start:end].replace(f'rowspan="{span.group(2)}"', 'rowspan="0"', 1)
    page = page[:start] + "<tbody>" + body + "</tbody><tbody>" + page[end:]
    page = page.replace("</table>", "</tbody></table>", 3)
    result = _read(page.encode())
    assert result.report.values() == report.values()


@pytest.mark.parametrize("value", ["3.0", "+3", "3px"])
def test_colspans_read_as_browsers_read_them(report, value):
    page = published_page(report).decode()
    span = re.search(r'colspan="3"', page)
    assert span
    result = _read(page.replace('colspan="3"', f'colspan="{value}"').encode())
    assert result.report.values() == report.values()


# ---- wrappers, depth, size ------------------------------------------------------------------
@pytest.mark.parametrize(
    "wrap",
    [
        ('<form method="post" action="./Detail.aspx"><div class="aspNetHidden"></div>', "</form>"),
        ("<aside>", "</aside>"),
        ("<nav><a href='/'>首页</a>", ""),  # an unclosed <nav> before the article
        ("<header><div>某某网</div>", ""),
        ("<noscript>", ""),
    ],
)
def test_an_article_inside_a_wrapper_browsers_show_is_read(report, wrap):
    before, after = wrap
    page = published_page(report).decode()
    page = page.replace("<body>", "<body>" + before, 1).replace("</body>", after + "</body>", 1)
    result = _read(page.encode())
    assert result.report.values() == report.values()
    assert result.report.meta.agency == report.meta.agency


def test_a_page_nested_deeper_than_the_parser_reads_is_refused(report):
    page = published_page(report).decode()
    page = page.replace("<body>", "<body>" + "<div>" * 300).replace("</body>", "</div>" * 300)
    with pytest.raises(ImportRefused) as refused:
        _read(page.encode())
    assert "嵌套超过 255 层" in str(refused.value)


@pytest.mark.parametrize("where", ["cell", "attribute"])
def test_a_page_the_parser_stops_reading_is_refused_not_read_in_part(report, where):
    page = published_page(report).decode()
    huge = "字" * 4_000_000
    if where == "cell":
        page = page.replace(">规章</td>", f">规章{huge}</td>", 1)
    else:
        page = page.replace("<h1>", f'<h1 title="{huge}">', 1)
    with pytest.raises(ImportRefused) as refused:
        _read(page.encode())
    assert "之后的内容无法读取" in str(refused.value)


def test_a_page_of_too_many_elements_is_refused_at_once(monkeypatch):
    monkeypatch.setattr(limits, "MAX_HTML_ELEMENTS", 1000)
    with pytest.raises(ImportRefused) as refused:
        html_document(b"<html><body>" + b"<p>" * 1001 + b"</body></html>", "many.html")
    assert "1000" in str(refused.value) and "many.html" in str(refused.value)


def test_reading_a_page_is_bounded_in_time(report, monkeypatch):
    monkeypatch.setattr(limits, "MAX_IMPORT_SECONDS", -1)
    page = published_page(report).decode()
    page = page.replace("</body>", "<p>x</p>" * 3000 + "</body>")
    with pytest.raises(ImportRefused) as refused:
        _read(page.encode())
    assert "秒" in str(refused.value)


def test_a_style_sheet_beyond_its_limit_is_cut_with_a_note(report, monkeypatch):
    monkeypatch.setattr(limits, "MAX_HTML_STYLE_CHARS", 100)
    result = _read(_page(report, "13", ".a{color:red}" * 50))
    assert result.report.value(CELL) == 13
    assert any("样式表超过 100 个字符" in n for n in result.notes)
