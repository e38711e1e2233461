"""The Word importer reads Word's final view: every container Word shows as if it
were not there, in every place (table, row, cell, paragraph, heading, title,
signature); revisions as accepted; fields by their result; cells in their grid
column. Each test stores part of an exported report the way Word or WPS stores
it, and the import must give the same report."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from exporters.docx import export_docx
from importers import ImportRefused
from importers.docx import import_docx
from model.report import Report
from tests import docx_xml as x
from tests.factories import random_report
from tests.shared_cases import HOSTILE

SENTINEL = "7391"  # a count no random report prints, to find its cell
SENTINEL_CELL = "applications.new.natural"
REVISED = "尚未接受的修订"
READ_PROBLEMS = ("按未填写导入", "不是官方表格", "没有找到", "无法读取", "印的是", "超出")


def _report(year: int = 2023, seed: int = 7) -> Report:
    report = random_report(random.Random(seed), year, agency="某某市某某局")
    report.set_value(SENTINEL_CELL, int(SENTINEL))
    return report


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Report, Path]:
    report = _report()
    path = tmp_path_factory.mktemp("final-view") / "report.docx"
    export_docx(report, path)
    return report, path


def _import(doc: x.Docx, tmp_path: Path, name: str = "edited.docx"):
    return import_docx(doc.save(tmp_path / name))


def assert_same(report: Report, result) -> None:
    back = result.report
    assert back.format_id == report.format_id
    assert back.meta == report.meta
    assert back.texts == report.texts
    assert {k: str(v) for k, v in back.values().items()} == {
        k: str(v) for k, v in report.values().items()
    }
    assert back.units() == report.units()
    assert back.printed() == {}
    notes = "\n".join(result.notes)
    for word in READ_PROBLEMS:
        assert word not in notes, notes


def _title(doc: x.Docx) -> object:
    return doc.paragraph("某某市某某局2023年")


def _exact_date(doc: x.Docx):
    return next(p for p in doc.xpath("//w:body/w:p") if x.text_of(p).startswith("2024年1月"))


PLACES = {
    "table": lambda doc: doc.tables()[1],
    "row": lambda doc: x.ancestor(doc.cell_with(SENTINEL), "tr"),
    "cell": lambda doc: doc.cell_with(SENTINEL),
    "paragraph in a cell": lambda doc: x.ancestor(doc.run_with(SENTINEL), "p"),
    "paragraph": lambda doc: doc.paragraph("2023年，本机关认真贯彻落实"),
    "heading": lambda doc: doc.paragraph("五、存在的主要问题及改进情况"),
    "title": _title,
    "signature agency": lambda doc: doc.exact("某某市某某局"),
    "signature date": _exact_date,
}


@pytest.mark.parametrize("kind", ["sdt", "customXml"])
@pytest.mark.parametrize("place", list(PLACES))
def test_block_containers_are_transparent_in_every_place(exported, tmp_path, place, kind):
    report, path = exported
    doc = x.Docx(path)
    x.wrap(PLACES[place](doc), kind)
    assert_same(report, _import(doc, tmp_path))


@pytest.mark.parametrize("kind", ["sdt", "customXml"])
def test_nested_containers_around_cells_rows_and_tables(exported, tmp_path, kind):
    report, path = exported
    doc = x.Docx(path)
    cell = doc.cell_with(SENTINEL)
    row = x.ancestor(cell, "tr")
    table = x.ancestor(row, "tbl")
    x.wrap(x.wrap(cell, kind), "sdt")
    x.wrap(x.wrap(row, "customXml"), kind)
    x.wrap(table, kind)
    # a merged label cell continued below, inside a content control
    continued = table.xpath(".//w:tc[w:tcPr/w:vMerge[not(@w:val)]]", namespaces=x.NS)
    for tc in continued[:5]:
        x.wrap(tc, kind)
    assert_same(report, _import(doc, tmp_path))


INLINE_KINDS = ["sdt", "customXml", "smartTag", "hyperlink", "fldSimple", "ins", "moveTo"]
INLINE_PLACES = ["cell", "paragraph", "heading", "title", "signature agency", "signature date"]


@pytest.mark.parametrize("kind", INLINE_KINDS)
@pytest.mark.parametrize("place", INLINE_PLACES)
def test_inline_containers_are_transparent_in_every_place(exported, tmp_path, place, kind):
    report, path = exported
    doc = x.Docx(path)
    for r in list(x.runs(PLACES[place](doc))):
        x.wrap(r, kind)
    result = _import(doc, tmp_path)
    assert_same(report, result)
    assert (REVISED in "".join(result.notes)) is (kind in ("ins", "moveTo"))


# ---- revisions --------------------------------------------------------------------------
def test_a_digit_typed_with_track_changes_counts(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    x.set_text(r, SENTINEL[:-1])
    x.insert_after(r, x.revision("ins", x.run(SENTINEL[-1])))
    result = _import(doc, tmp_path)
    assert_same(report, result)
    assert sum(REVISED in n for n in result.notes) == 1


def test_deleted_text_does_not_count(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    x.insert_after(r, x.revision("del", x.run("5", deleted=True)))
    x.insert_before(r, x.revision("del", x.run("8", deleted=False)))  # w:t inside w:del too
    assert_same(report, _import(doc, tmp_path))


def test_a_tracked_replacement_reads_the_new_number(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    x.insert_before(r, x.revision("del", x.run("8888", deleted=True)))
    x.wrap(r, "ins")
    assert_same(report, _import(doc, tmp_path))


def test_a_tracked_move_reads_where_it_moved_to(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    x.insert_before(r, x.revision("moveFrom", x.run("4444")))
    x.wrap(r, "moveTo")
    # a sentence moved within 五: gone from its old place, present at the new one
    heading = doc.paragraph("五、存在的主要问题及改进情况")
    body = heading.getnext()
    old = x.el("p", x.revision("moveFrom", x.run("挪走的句子。")))
    x.mark_paragraph(old, "moveFrom")
    x.insert_before(body, old)
    assert_same(report, _import(doc, tmp_path))


def test_a_heading_and_its_text_inserted_with_track_changes(tmp_path):
    report = _report()
    report.set_text("五", "新增的问题说明。")
    path = tmp_path / "report.docx"
    export_docx(report, path)
    doc = x.Docx(path)
    heading = doc.paragraph("五、存在的主要问题及改进情况")
    for p in (heading, heading.getnext()):
        x.mark_paragraph(p, "ins")
        for r in list(x.runs(p)):
            x.wrap(r, "ins")
    result = _import(doc, tmp_path)
    assert_same(report, result)
    assert result.report.texts["五"] == "新增的问题说明。"


def test_deleted_paragraphs_and_marks(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    body = doc.paragraph("五、存在的主要问题及改进情况").getnext()
    # a paragraph deleted whole: its text and its mark
    gone = x.el("p", x.revision("del", x.run("删除的段落。", deleted=True)))
    x.mark_paragraph(gone, "del")
    x.insert_before(body, gone)
    # a paragraph split in two whose first mark was deleted: one paragraph again
    text = x.text_of(body)
    first_run = next(x.runs(body))
    x.set_text(first_run, text[:10])
    tail = x.el("p", x.run(text[10:]))
    x.mark_paragraph(body, "del")
    x.insert_after(body, tail)
    assert_same(report, _import(doc, tmp_path))


def test_deleted_rows_and_cells_are_not_read_inserted_ones_are(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    row = x.ancestor(doc.cell_with(SENTINEL), "tr")
    # Word keeps a deleted row (here: the same label with other numbers) until accepted
    deleted = x.copy_of(row)
    for t in deleted.iter(x.w("t")):
        if t.text and t.text.strip().isdigit():
            t.text = "1"
    trpr = deleted.find(x.w("trPr"))
    if trpr is None:
        trpr = x.el("trPr")
        deleted.insert(0, trpr)
    trpr.append(x.revision("del"))
    x.insert_before(row, deleted)
    row_pr = row.find(x.w("trPr"))
    if row_pr is None:
        row_pr = x.el("trPr")
        row.insert(0, row_pr)
    row_pr.append(x.revision("ins"))
    result = _import(doc, tmp_path)
    assert_same(report, result)
    assert sum(REVISED in n for n in result.notes) == 1


def test_hidden_text_is_not_read_and_is_named(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    x.insert_after(doc.run_with(SENTINEL), x.run("0", hidden=True))
    result = _import(doc, tmp_path)
    assert_same(report, result)
    hidden = [n for n in result.notes if "设置为“隐藏”" in n]
    assert len(hidden) == 1
    # what was hidden and where: the table, row (with its label) and column
    assert hidden[0].startswith(
        "文档中第 2 个表格第 4 行（「一、本年新收政府信息公开申请数量」）第 4 列"
    )
    assert "「0」未导入" in hidden[0]


# ---- fields and alternate content ----------------------------------------------------------
@pytest.mark.parametrize("as_text", [False, True])
def test_a_complex_field_shows_its_result_never_its_instruction(exported, tmp_path, as_text):
    report, path = exported
    doc = x.Docx(path)
    x.as_complex_field(doc.run_with(SENTINEL), " = 7000 + 391 ", instruction_as_text=as_text)
    date = _exact_date(doc)
    x.as_complex_field(next(x.runs(date)), ' DATE \\@ "yyyy年M月d日" ', as_text)
    assert_same(report, _import(doc, tmp_path))


def test_a_field_result_spanning_paragraphs_is_read(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    heading = doc.paragraph("五、存在的主要问题及改进情况")
    body = heading.getnext()
    # begin … separate in the heading's paragraph, end in the next one
    first = next(x.runs(heading))
    x.insert_before(
        first,
        x.el("r", x.el("fldChar", fldCharType="begin")),
        x.el("r", x.el("instrText")),
        x.el("r", x.el("fldChar", fldCharType="separate")),
    )
    last = list(x.runs(body))[-1]
    x.insert_after(last, x.el("r", x.el("fldChar", fldCharType="end")))
    assert_same(report, _import(doc, tmp_path))


@pytest.mark.parametrize("understood", [True, False])
def test_alternate_content_reads_the_branch_word_reads(exported, tmp_path, understood):
    report, path = exported
    doc = x.Docx(path)
    x.as_alternate(doc.run_with(SENTINEL), x.run("9999"), choice_understood=understood)
    agency = doc.exact("某某市某某局")
    x.as_alternate(next(x.runs(agency)), x.run("错误的机关"), choice_understood=understood)
    assert_same(report, _import(doc, tmp_path))


def test_a_content_control_showing_its_placeholder_holds_nothing(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    date = _exact_date(doc)
    r = next(x.runs(date))
    x.set_text(r, "单击或点击此处输入日期。")
    sdt = x.wrap(r, "sdt")
    sdt[0].append(x.el("showingPlcHdr"))
    result = _import(doc, tmp_path)
    assert result.report.meta.date is None
    assert result.report.meta.agency == "某某市某某局"
    assert result.report.texts["六"] == report.texts["六"]  # the signature stays out of 六


def test_a_cell_whose_control_shows_its_placeholder_is_blank_and_keeps_its_column(
    exported, tmp_path
):
    report, path = exported
    doc = x.Docx(path)
    cell = doc.cell_with(SENTINEL)
    x.set_text(doc.run_with(SENTINEL), "单击或点击此处输入文字。")
    x.wrap(cell, "sdt")[0].append(x.el("showingPlcHdr"))
    back = _import(doc, tmp_path).report
    assert back.is_blank(SENTINEL_CELL)
    expected = report.values()
    del expected[SENTINEL_CELL]
    assert {k: str(v) for k, v in back.values().items()} == {k: str(v) for k, v in expected.items()}


def test_text_in_a_text_box_is_named_not_read(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    box = x.el("pict", x.el("txbxContent", x.el("p", x.run("文本框里的字"))))
    x.insert_after(doc.run_with(SENTINEL), x.el("r", box))
    result = _import(doc, tmp_path)
    assert_same(report, result)
    assert any("1 个文本框" in n and "文本框里的字" in n for n in result.notes)


# ---- the grid ---------------------------------------------------------------------------------
def _applications(doc: x.Docx):
    return doc.tables()[1]


def _rows(table) -> list:
    return table.findall(x.w("tr"))


def _cells(tr) -> list:
    return tr.findall(x.w("tc"))


def _pr(element, tag: str):
    pr = element.find(x.w(tag))
    if pr is None:
        pr = x.el(tag)
        element.insert(0, pr)
    return pr


def test_grid_before_and_after_keep_cells_in_their_columns(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    table = _applications(doc)
    # the corner label, continued down two header rows, typed as an offset instead
    for tr in _rows(table)[1:3]:
        corner = _cells(tr)[0]
        tr.remove(corner)
        _pr(tr, "trPr").append(x.el("gridBefore", val=3))
    # trailing empty grid columns on every row
    grid = table.find(x.w("tblGrid"))
    grid.append(x.el("gridCol", w=300))
    for tr in _rows(table):
        _pr(tr, "trPr").append(x.el("gridAfter", val=1))
    assert_same(report, _import(doc, tmp_path))


def test_legacy_horizontal_merges(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    table = _applications(doc)
    for tr in _rows(table)[:2]:
        for tc in _cells(tr):
            span = tc.find(f"{x.w('tcPr')}/{x.w('gridSpan')}")
            if span is None or tc.find(f"{x.w('tcPr')}/{x.w('vMerge')}") is not None:
                continue
            n = int(span.get(x.w("val")))
            span.getparent().remove(span)
            _pr(tc, "tcPr").append(x.el("hMerge", val="restart"))
            for _ in range(n - 1):
                follower = x.el("tc", x.el("tcPr", x.el("hMerge")), x.el("p"))
                x.insert_after(tc, follower)
    assert_same(report, _import(doc, tmp_path))


# ---- limits -----------------------------------------------------------------------------------
def test_absurd_spans_and_offsets_are_clipped_with_a_note(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    table = _applications(doc)
    rows = _rows(table)
    span_row, offset_row = rows[-1], rows[-2]
    last = _cells(span_row)[-1]
    _pr(last, "tcPr").append(x.el("gridSpan", val=100000))
    _pr(offset_row, "trPr").append(x.el("gridBefore", val=300000000))
    result = _import(doc, tmp_path)
    notes = "\n".join(result.notes)
    # Word lays a table out from its cells: the absurd row widens it to the limit
    assert "文档中第 2 个表格有 2 处合并或缩进的列数超出表格的宽度（64 列）" in notes
    assert "文档中第 2 个表格有 10 个单元格超出 64 列，未导入" in notes
    back = result.report
    # the rest of the table reads as it is
    assert back.value(SENTINEL_CELL) == int(SENTINEL)
    assert back.value("applications.carried_in.other") == report.value(
        "applications.carried_in.other"
    )
    # the shifted row is not read into wrong cells: its cells are named missing
    assert "个单元格在文档中没有找到" in notes


def test_the_field_case_of_a_cell_spanning_100000_columns():
    result = import_docx(HOSTILE / "hostile-I38-gridSpan-100000.docx")
    assert any("合并或缩进的列数超出表格的宽度" in n for n in result.notes)
    assert result.report.meta.agency


def test_containers_nested_too_deep_are_refused(exported, tmp_path):
    _, path = exported
    doc = x.Docx(path)
    element = doc.run_with(SENTINEL)
    for _ in range(70):
        element = x.wrap(element, "customXml")
    with pytest.raises(ImportRefused, match="嵌套超过 64 层"):
        _import(doc, tmp_path)


def _nested_tables(depth: int, innermost: str):
    """`depth` tables, each in the only cell of the one around it."""
    element = x.el("p", x.run(innermost))
    for _ in range(depth):
        element = x.el("tbl", x.el("tr", x.el("tc", element)))
    return element


def test_tables_nested_in_cells_count_one_level_each(exported, tmp_path):
    """Nesting counts tables (and containers), not the XML levels of their rows
    and cells: 30 tables in one another are read, each level a table deep."""
    report, path = exported
    doc = x.Docx(path)
    x.insert_after(doc.tables()[-1], x.el("p", x.run("附表")), _nested_tables(30, "最里层"))
    result = _import(doc, tmp_path)
    assert result.report.values() == report.values()
    assert any("最里层" in n for n in result.notes), result.notes  # read, not refused


def test_tables_nested_beyond_the_limit_are_refused(exported, tmp_path):
    from model import limits

    _, path = exported
    doc = x.Docx(path)
    x.insert_after(doc.tables()[-1], _nested_tables(limits.MAX_NESTING + 1, "最里层"))
    with pytest.raises(ImportRefused, match=f"嵌套超过 {limits.MAX_NESTING} 层"):
        _import(doc, tmp_path)


def test_too_many_tables_are_refused(exported, tmp_path):
    _, path = exported
    doc = x.Docx(path)
    small = x.el("tbl", x.el("tr", x.el("tc", x.el("p", x.run("1")))))
    body = doc.body
    for _ in range(500):
        body.insert(0, x.copy_of(small))
    with pytest.raises(ImportRefused, match="表格超过 500 个"):
        _import(doc, tmp_path)


def test_rows_beyond_the_limit_are_not_read_and_named(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    row = x.el("tr", x.el("tc", x.el("p", x.run("附件"))), x.el("tc", x.el("p", x.run("1"))))
    appendix = x.el("tbl", *(x.copy_of(row) for _ in range(2003)))
    index = len(doc.tables()) + 1  # the export may cut a long table into pieces
    x.insert_after(doc.tables()[-1], appendix)
    result = _import(doc, tmp_path)
    assert f"文档中第 {index} 个表格超过 2000 行，其后的 3 行未导入" in result.notes
    assert result.report.values() == report.values()


def test_a_narrative_over_the_limit_is_cut_with_a_note_and_the_draft_reopens(exported, tmp_path):
    from model import limits
    from model.drafts import load_draft, save_draft

    _, path = exported
    doc = x.Docx(path)
    body = doc.paragraph("五、存在的主要问题及改进情况").getnext()
    x.set_text(next(x.runs(body)), "很长的文字。" * (limits.MAX_TEXT_CHARS // 6 + 10))
    result = _import(doc, tmp_path)
    assert len(result.report.texts["五"]) == limits.MAX_TEXT_CHARS
    assert any("只导入了前 200000 个字" in n for n in result.notes)
    draft = save_draft(result.report, tmp_path / "long.nianbao")
    assert load_draft(draft).texts["五"] == result.report.texts["五"]


# ---- the property -------------------------------------------------------------------------------
_BLOCK_KINDS = ["sdt", "customXml", "alternate"]
_INLINE = [
    "sdt",
    "customXml",
    "smartTag",
    "ins",
    "hyperlink",
    "split-insert",
    "deleted-junk",
    "deleted-inside-inserted",
    "alternate",
    "marker",
    "struck-junk",
    "hidden-junk",
    "symbol",
    "placeholder-flag",
]
_REQUIRES = ["w14", "w15", "wps", "w14 w15"]  # namespaces Word understands


def _wrong_copy(element):
    """A copy of `element` whose every text is wrong: a Fallback Word never shows."""
    wrong = x.copy_of(element)
    for t in wrong.iter(x.w("t")):
        t.text = "9错"
    return wrong


def _marker(rng: random.Random, text: str) -> list:
    """Footnote markers as Word and typists store them after a text."""
    shapes = [
        lambda: [x.superscript(str(rng.randint(1, 9)))],
        lambda: [x.note_reference("footnote")],
        lambda: [x.note_reference(rng.choice(["footnote", "endnote"]), "*")],
    ]
    if text[-1:].isdigit():  # characters glued to a number
        shapes.append(lambda: [x.run(rng.choice(["¹", "²", "①", "③"]))])
    return rng.choice(shapes)()


def _disguise_run(r, kind: str, rng: random.Random) -> None:
    text = x.text_of(r)
    if kind == "split-insert":
        if len(text) > 1 and len(r.findall(x.w("t"))) == 1:
            cut = rng.randrange(1, len(text))
            x.set_text(r, text[:cut])
            x.insert_after(r, x.revision("ins", x.run(text[cut:])))
    elif kind == "deleted-junk":
        x.insert_after(r, x.revision("del", x.run(str(rng.randint(0, 99)), deleted=True)))
    elif kind == "deleted-inside-inserted":
        junk = x.revision("del", x.run(str(rng.randint(0, 99)), deleted=True))
        x.insert_after(r, x.revision("ins", junk))
    elif kind == "alternate":
        x.replace_with_alternate(r, rng.choice(_REQUIRES), _wrong_copy(r))
    elif kind == "marker":
        if text.strip():
            x.insert_after(r, *_marker(rng, text))
    elif kind == "struck-junk":
        x.insert_before(
            r, x.styled(str(rng.randint(0, 99)), x.el(rng.choice(["strike", "dstrike"])))
        )
    elif kind == "hidden-junk":
        x.insert_after(r, x.run(str(rng.randint(0, 99)), hidden=True))
    elif kind == "symbol":
        if text[-1:].isascii() and text[-1:].isalnum() and len(r.findall(x.w("t"))) == 1:
            x.set_text(r, text[:-1])
            x.insert_after(r, x.symbol(f"{ord(text[-1]):04X}"))
    elif kind == "placeholder-flag":
        if text.strip():
            x.wrap(r, "sdt")[0].append(x.el("showingPlcHdr"))  # flagged, with real content
    else:
        x.wrap(r, kind)


def _disguise_tables(tables: list, rng: random.Random) -> None:
    """A short tblGrid, label merges typed as blank cells, a number's paragraph
    split with its mark deleted: Word shows the same tables."""
    for table in tables:
        grid = table.find(x.w("tblGrid"))
        if grid is not None and rng.random() < 0.3:
            for col in grid.findall(x.w("gridCol"))[rng.randint(1, 3) :]:
                grid.remove(col)
        for merge in table.xpath(".//w:tc/w:tcPr/w:vMerge[not(@w:val)]", namespaces=x.NS):
            if rng.random() < 0.2:  # a group label typed once, without a merge
                merge.getparent().remove(merge)
    for p in (p for t in tables for p in t.iter(x.w("p"))):
        runs = list(p.iter(x.w("r")))
        if rng.random() < 0.1 and len(runs) == 1 and len(x.text_of(runs[0])) > 1:
            text = x.text_of(runs[0])
            cut = rng.randrange(1, len(text))
            x.set_text(runs[0], text[:cut])
            x.insert_after(p, x.el("p", x.run(text[cut:])))
            x.mark_paragraph(p, "del")


def _disguise_fields(doc: x.Docx, rng: random.Random) -> None:
    """A field whose instruction runs over a paragraph break, and a DATE field
    on the signature date: their results are what Word shows."""
    body_paragraphs = [p for p in doc.body.findall(x.w("p")) if x.text_of(p)]
    if rng.random() < 0.5 and len(body_paragraphs) > 2:
        p = rng.choice(body_paragraphs[1:])
        x.insert_before(p, x.el("p", *x.begin(" QUOTE "), x.run("代码")))
        x.insert_before(p.find(x.w("r")), x.run("续"), x.field_char("separate"))
        p.append(x.field_char("end"))
    if rng.random() < 0.5:
        date = next(p for p in reversed(body_paragraphs) if "年" in x.text_of(p))
        x.as_complex_field(date.find(x.w("r")), ' DATE \\@ "yyyy年M月d日" ')


def _disguise(doc: x.Docx, rng: random.Random) -> None:
    """Store random runs, paragraphs, cells, rows and tables as Word may, without
    changing what Word shows."""
    body = doc.body
    runs = list(body.iter(x.w("r")))
    paragraphs = list(body.iter(x.w("p")))
    cells = list(body.iter(x.w("tc")))
    rows = list(body.iter(x.w("tr")))
    tables = list(body.iter(x.w("tbl")))
    _disguise_fields(doc, rng)
    for r in runs:
        if rng.random() < 0.15:
            _disguise_run(r, rng.choice(_INLINE), rng)
    _disguise_tables(tables, rng)
    for group, share in ((paragraphs, 0.2), (cells, 0.15), (rows, 0.1), (tables, 0.3)):
        for element in group:
            if rng.random() < share:
                kind = rng.choice(_BLOCK_KINDS)
                if kind == "alternate":
                    wrong = _wrong_copy(element)
                    x.replace_with_alternate(element, rng.choice(_REQUIRES), wrong)
                else:
                    x.wrap(element, kind)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 2**32 - 1), year=st.sampled_from([2020, 2023]))
# a continued table whose repeated header is merged in one part and written as
# blank, unmerged cells in the other (the rows after it were lost once)
@example(seed=0, year=2020)
def test_property_disguised_exports_import_as_the_same_report(tmp_path, seed, year):
    rng = random.Random(seed)
    report = random_report(rng, year, agency="某某市某某局")
    money = [c for c in report.spec.inputs if c.units]
    for cell in money:  # the second unit too
        report.set_unit(cell.id, cell.units[-1])
        report.set_value(cell.id, Decimal(rng.randint(0, 10**8)) / 10**6)
    path = tmp_path / f"{seed}.docx"
    export_docx(report, path)
    doc = x.Docx(path)
    _disguise(doc, rng)
    back = _import(doc, tmp_path, f"{seed}-disguised.docx")
    assert_same(report, back)


@pytest.mark.parametrize("what", ["one table", "every table", "the whole body"])
def test_a_page_laid_out_in_a_one_cell_table_reads_as_its_content(tmp_path, what):
    """Templates and sites lay a page out in a one-cell table: the tables and
    paragraphs inside it are the report's, not one cell's text (90 cells of 三 were
    lost when its table sat in such a wrapper)."""
    from exporters.docx import export_docx
    from importers.docx import import_docx
    from tests import docx_xml as x

    report = _report()
    source = tmp_path / "report.docx"
    export_docx(report, source)
    doc = x.Docx(source)
    body = doc.body
    blocks = [e for e in body if e.tag in (x.w("p"), x.w("tbl"))]
    groups = {
        "one table": [[doc.tables()[1]]],
        "every table": [[t] for t in doc.tables()],
        "the whole body": [blocks],
    }[what]
    for group in groups:
        cell = x.el("tc", x.el("tcPr", x.el("tcW", w="5000", type="pct")))
        wrapper = x.el("tbl", x.el("tblPr"), x.el("tblGrid", x.el("gridCol", w="9000")))
        wrapper.append(x.el("tr", cell))
        group[0].addprevious(wrapper)
        for element in group:
            cell.append(element)
        cell.append(x.el("p"))  # a cell ends with a paragraph, as Word writes it
    result = import_docx(doc.save(tmp_path / "wrapped.docx"))
    assert_same(report, result)
    assert not [n for n in result.notes if any(p in n for p in READ_PROBLEMS)]


def test_a_page_laid_out_in_two_columns_reads_as_its_content(tmp_path):
    """A site's menu in the left cell, the report in the right one: every number and
    text is the report's (all 166 had been lost, the layout called no official table)."""
    from exporters.docx import export_docx
    from importers.docx import import_docx
    from tests import docx_xml as x

    report = _report()
    source = tmp_path / "report.docx"
    export_docx(report, source)
    doc = x.Docx(source)
    blocks = [e for e in doc.body if e.tag in (x.w("p"), x.w("tbl"))]
    menu = x.el("tc", *(x.el("p", x.run(word)) for word in ("首页", "政务公开", "年报专栏")))
    content = x.el("tc")
    wrapper = x.el(
        "tbl", x.el("tblPr"), x.el("tblGrid", x.el("gridCol", w="2000"), x.el("gridCol", w="7000"))
    )
    wrapper.append(x.el("tr", menu, content))
    blocks[0].addprevious(wrapper)
    for element in blocks:
        content.append(element)
    content.append(x.el("p"))
    result = import_docx(doc.save(tmp_path / "two-columns.docx"))
    assert_same(report, result)
    assert any("首页" in n for n in result.notes)  # what stands above the title is named


def test_a_side_column_after_the_report_gives_no_signature(tmp_path):
    """「相关文章」 in a right-hand cell, with another year's report and a date: the
    signature, the date and 六 are the report's own; the column is named, not read."""
    from exporters.docx import export_docx
    from importers.docx import import_docx
    from tests import docx_xml as x

    report = _report()
    source = tmp_path / "report.docx"
    export_docx(report, source)
    doc = x.Docx(source)
    blocks = [e for e in doc.body if e.tag in (x.w("p"), x.w("tbl"))]
    side_lines = ("相关文章", "某某市某某局2022年政府信息公开工作年度报告", "2023年3月1日")
    side = x.el("tc", *(x.el("p", x.run(line)) for line in side_lines))
    content = x.el("tc")
    grid = x.el("tblGrid", x.el("gridCol", w="7000"), x.el("gridCol", w="2000"))
    wrapper = x.el("tbl", x.el("tblPr"), grid)
    wrapper.append(x.el("tr", content, side))
    blocks[0].addprevious(wrapper)
    for element in blocks:
        content.append(element)
    content.append(x.el("p"))
    result = import_docx(doc.save(tmp_path / "side.docx"))
    assert_same(report, result)
    assert any("相关文章" in n and "未导入" in n for n in result.notes)
