"""Web pages of a report, in the shapes government sites publish them, import to
the report they show: every value, the texts, the agency and the date."""

from __future__ import annotations

import contextlib
import random
import re

import pytest

from importers import ImportRefused
from importers import strings as s
from importers.html import html_document, import_html
from importers.published.reader import read_published
from model import limits
from tests.factories import random_report
from tests.html_fixtures import published_page

SHAPES = {
    "one table per section": {},
    "one table per block of 二": {"split_active": True},
    "三 split, header not repeated": {"split_applications": 12},
    "三 split, header repeated": {"split_applications": 12, "repeat_header": True},
    "三 split inside a group": {"split_applications": 9},
    "<br> in labels, tall labels one character per line": {"label_style": "br"},
    "labels and headers split over <p>": {"label_style": "p"},
    "site menus, scripts, styles, hidden text": {"site": True},
    "page laid out in a table": {"site": True, "layout_table": True},
    "headings and paragraphs kept apart by <br> only": {"site": True, "lines_by_br": True},
    "every shape at once": {
        "split_active": True,
        "split_applications": 12,
        "repeat_header": True,
        "label_style": "br",
        "site": True,
        "layout_table": True,
    },
}


def _read(data: bytes):
    return read_published(html_document(data, "年报.html"))


def _same(report, imported) -> None:
    assert imported.spec.id == report.spec.id
    assert imported.meta == report.meta
    assert imported.values() == report.values()
    for section_id, text in report.texts.items():
        assert imported.texts.get(section_id) == text, section_id


@pytest.mark.parametrize("year", [2020, 2023])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_published_shape_imports_to_the_report(shape, year):
    report = random_report(random.Random(year), year)
    result = _read(published_page(report, **SHAPES[shape]))
    _same(report, result.report)
    # nothing of the site reached the report
    assert not any("999" in n or "12345" in n for n in result.notes)


@pytest.mark.parametrize(
    ("encoding", "declare"),
    [
        ("gbk", "meta"),
        ("gb2312", "meta"),
        ("gb18030", "http-equiv"),
        ("utf-8", None),
        ("utf-8", "meta"),
    ],
)
def test_declared_encodings(encoding, declare):
    report = random_report(random.Random(1), 2023, agency="淮安市洪泽区人民政府办公室")
    result = _read(published_page(report, encoding=encoding, declare=declare, site=True))
    _same(report, result.report)
    assert not any("编码" in n for n in result.notes)


def test_an_undeclared_gbk_page_is_detected_and_said():
    report = random_report(random.Random(2), 2021)
    result = _read(published_page(report, encoding="gbk", declare=None))
    _same(report, result.report)
    assert any("没有声明文字编码" in n for n in result.notes)


def test_a_wrongly_named_encoding_is_detected():
    report = random_report(random.Random(3), 2021)
    data = published_page(report, encoding="gbk").replace(b'charset="gbk"', b'charset="x-no"')
    result = _read(data)
    _same(report, result.report)
    assert any("无法识别" in n for n in result.notes)


def test_nothing_is_loaded_from_the_network(tmp_path):
    """External entities, DTDs, images and scripts are never fetched: the page reads
    the same, offline, and the entity is not expanded."""
    report = random_report(random.Random(4), 2023)
    page = published_page(report).decode()
    hostile = (
        '<!DOCTYPE html SYSTEM "http://127.0.0.1:9/evil.dtd" '
        '[<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<html><head><link rel="stylesheet" href="http://127.0.0.1:9/a.css">'
        '<script src="http://127.0.0.1:9/a.js"></script></head>'
    )
    page = page.replace("<!DOCTYPE html>\n<html><head>", hostile + "&x;", 1)
    page = page.replace("</body>", '<img src="http://127.0.0.1:9/a.png"></body>')
    path = tmp_path / "年报.html"
    path.write_text(page, encoding="utf-8")
    result = import_html(path)
    _same(report, result.report)
    assert all("root:" not in t for t in result.report.texts.values())


def test_hidden_text_and_scripts_are_not_read():
    report = random_report(random.Random(5), 2023)
    page = published_page(report).decode()
    page = page.replace(
        "<p><strong>五、",
        '<p style="display:none">隐藏：本年新收政府信息公开申请 777 件</p>'
        "<script>document.write('三、收到')</script><p><strong>五、",
    )
    result = _read(page.encode())
    assert "777" not in result.report.texts["一"] + result.report.texts["五"]
    _same(report, result.report)


def test_tables_nested_too_deep_are_refused():
    depth = limits.MAX_NESTING + 5
    page = "<table><tr><td>" * depth + "x" + "</td></tr></table>" * depth
    with pytest.raises(ImportRefused) as refused:
        html_document(f"<html><body>{page}</body></html>".encode(), "深.html")
    assert "嵌套" in str(refused.value)


def test_deeply_nested_blocks_are_read_or_refused_cleanly():
    page = "<div>" * 5000 + "一、总体情况" + "</div>" * 5000
    with contextlib.suppress(ImportRefused):  # a clear refusal is fine, a RecursionError not
        html_document(f"<html><body>{page}</body></html>".encode(), "深.html")


def test_a_huge_page_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_HTML_BYTES", 1000)
    path = tmp_path / "大.html"
    path.write_bytes(b"<p>" + b"x" * 2000 + b"</p>")
    with pytest.raises(ImportRefused) as refused:
        import_html(path)
    assert "超过" in str(refused.value)


def test_absurd_spans_are_clipped_with_a_note():
    report = random_report(random.Random(6), 2023)
    page = published_page(report).decode()
    page = page.replace('colspan="', 'colspan="99999999999', 1)
    result = _read(page.encode())
    assert any("超出表格的宽度" in n or "列" in n for n in result.notes)


def test_a_page_that_is_no_report_is_refused():
    with pytest.raises(ImportRefused) as refused:
        _read("<html><body><p>欢迎访问</p></body></html>".encode())
    assert "不像是政府信息公开工作年度报告" in str(refused.value)


def _one_row_for_other(report, fix_outer_span: bool) -> str:
    """Table 三 printing 「（六）其他处理」 as one row instead of its three items."""
    page = published_page(report).decode()
    start = page.index("1.申请人无正当理由")
    row_start = page.rindex("<tr>", 0, start)
    row_end = page.index("</tr>", page.index("3.其他", start)) + 5
    rows = page[row_start:row_end].split("</tr>")
    first = rows[0].replace('rowspan="3"', "")
    first = first.replace("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "")
    page = page[:row_start] + first + "</tr>" + page[row_end:]
    if fix_outer_span:  # 「三、本年度办理结果」 now covers two rows fewer
        page = re.sub(
            r'rowspan="(\d+)"([^>]*)>三、本年度办理结果',
            lambda m: f'rowspan="{int(m.group(1)) - 2}"{m.group(2)}>三、本年度办理结果',
            page,
        )
    return page


def test_a_group_printed_as_one_row_of_zeros_fills_its_items():
    """An older layout prints 「（六）其他处理」 as one row where the 2021 format has
    three items: zeros are zeros in every item, and the note says so."""
    report = random_report(random.Random(7), 2023)
    for col in ("natural", "commercial", "research", "social", "legal", "other"):
        for item in ("no_correction", "no_fee", "other"):
            report.set_values({f"applications.other.{item}.{col}": 0})
    page = _one_row_for_other(report, fix_outer_span=True)
    result = _read(page.encode())
    assert result.report.values() == report.values()
    assert any("只印了一行" in n for n in result.notes)


def test_refusal_messages_name_the_file(tmp_path):
    missing = tmp_path / "没有.html"
    with pytest.raises(ImportRefused) as refused:
        import_html(missing)
    assert "没有.html" in str(refused.value)
    assert s.CANNOT_OPEN.split("「")[0] in str(refused.value)


def test_a_row_pushed_sideways_by_a_merge_is_not_read():
    """A merge that covers rows it should not (here 「三、本年度办理结果」 two rows too
    tall) pushes the next rows one column to the right: their numbers would land
    under the wrong headers, so they are not read, and the note says which row."""
    report = random_report(random.Random(7), 2023)
    for col in ("natural", "commercial", "research", "social", "legal", "other"):
        for item in ("no_correction", "no_fee", "other"):
            report.set_values({f"applications.other.{item}.{col}": 0})
    result = _read(_one_row_for_other(report, fix_outer_span=False).encode())
    imported = result.report
    for cell_id, value in imported.values().items():
        assert value == report.value(cell_id), cell_id  # nothing wrong, at most missing
    assert imported.value("applications.carried_out.natural") is None
    assert any("错位" in n and "四、结转下年度继续办理" in n for n in result.notes)
