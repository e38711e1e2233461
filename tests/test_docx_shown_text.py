"""What Word shows beyond the characters of a run, read as Word shows it: footnote
markers and superscripts are not part of a number, struck and hidden text is not
read, mc:AlternateContent takes the branch Word takes, a short tblGrid does not
shift cells, a placeholder flag over real content does not blank it, a field's
instruction is never read even across paragraphs, symbols and right-to-left
overrides read as shown, a merged number is read once, and a DATE field is read
with a note. Everything set aside is named with its place.

Each test stores part of an exported report the way Word or WPS may, in a table
cell, a paragraph, the title or the signature."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from exporters.docx import export_docx
from importers import ImportRefused
from importers.docx import import_docx
from importers.docx_walker import walk_body
from importers.notes import NoteLevel, note_level
from model.report import Report
from tests import docx_xml as x
from tests.factories import random_report
from tests.test_docx_final_view import SENTINEL, SENTINEL_CELL, assert_same

CELL_PLACE = "文档中第 2 个表格第 4 行（「一、本年新收政府信息公开申请数量」）第 4 列"
NARRATIVE = "2023年，本机关认真贯彻落实"
SECOND, SECOND_CELL = "4817", "active.art20_1.regulations.issued"  # in the first table


def _report() -> Report:
    report = random_report(random.Random(7), 2023, agency="某某市某某局")
    report.set_value(SENTINEL_CELL, int(SENTINEL))
    report.set_value(SECOND_CELL, int(SECOND))
    return report


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Report, Path]:
    report = _report()
    path = tmp_path_factory.mktemp("shown-text") / "report.docx"
    export_docx(report, path)
    return report, path


def _import(doc: x.Docx, tmp_path: Path):
    return import_docx(doc.save(tmp_path / "edited.docx"))


def _notes_with(result, text: str) -> list[str]:
    return [n for n in result.notes if text in n]


def _date_paragraph(doc: x.Docx):
    return next(p for p in doc.xpath("//w:body/w:p") if x.text_of(p).startswith("2024年1月"))


def _title(doc: x.Docx):
    return doc.paragraph("某某市某某局2023年")


def _last_run(p):
    return list(x.runs(p))[-1]


# ---- 1. superscripts, subscripts, footnote references, marker characters ------------------
MARKERS = {
    "superscript run": lambda: [x.superscript("1")],
    "superscript over two runs": lambda: [x.superscript("1"), x.superscript("2")],
    "subscript run": lambda: [x.subscript("2")],
    "footnote reference": lambda: [x.note_reference("footnote")],
    "footnote with its own mark": lambda: [x.note_reference("footnote", "1")],
    "endnote with its own mark": lambda: [x.note_reference("endnote", "*")],
    "superscript character": lambda: [x.run("¹")],
    "circled number": lambda: [x.run("①")],
    "parenthesised superscript": lambda: [x.run("⁽²⁾")],
}


@pytest.mark.parametrize("shape", list(MARKERS))
def test_a_marker_after_a_number_is_not_part_of_it(exported, tmp_path, shape):
    report, path = exported
    doc = x.Docx(path)
    x.insert_after(doc.run_with(SENTINEL), *MARKERS[shape]())
    result = _import(doc, tmp_path)
    assert_same(report, result)
    noted = _notes_with(result, CELL_PLACE)
    assert len(noted) == 1 and "未计入" in noted[0], result.notes


def test_the_marker_is_quoted_with_its_kind(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    x.insert_after(doc.run_with(SENTINEL), x.superscript("1"), x.superscript("2"))
    x.insert_after(doc.run_with(SECOND), x.run("②"))
    result = _import(doc, tmp_path)
    assert_same(report, result)
    assert f"{CELL_PLACE}：上标「12」未计入" in "\n".join(result.notes)
    second = "文档中第 1 个表格第 3 行（「规章」）第 2 列：紧挨数字的「②」是上标或带圈的标记"
    assert any(n.startswith(second) for n in result.notes), result.notes


def test_a_marker_before_a_number_and_a_footnote_number_beside_a_digit(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    x.insert_before(r, x.run("①"))
    x.insert_after(r, x.note_reference("footnote"))
    result = _import(doc, tmp_path)
    assert_same(report, result)
    note = _notes_with(result, CELL_PLACE)[0]
    assert "「①」" in note and "脚注标记未计入" in note


def test_a_number_typed_all_in_superscript_is_what_word_shows(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    x.pr(r, "rPr").append(x.el("vertAlign", val="superscript"))
    result = _import(doc, tmp_path)
    assert_same(report, result)
    assert not _notes_with(result, CELL_PLACE)


@pytest.mark.parametrize("place", ["narrative", "title", "signature agency", "signature date"])
def test_markers_in_paragraphs_are_set_aside_and_named(exported, tmp_path, place):
    report, path = exported
    doc = x.Docx(path)
    p = {
        "narrative": lambda: doc.paragraph(NARRATIVE),
        "title": lambda: _title(doc),
        "signature agency": lambda: doc.exact("某某市某某局"),
        "signature date": lambda: _date_paragraph(doc),
    }[place]()
    shown = x.text_of(p)
    x.insert_after(_last_run(p), x.superscript("3"), x.note_reference("footnote", "4"))
    result = _import(doc, tmp_path)
    assert_same(report, result)
    noted = _notes_with(result, f"正文「{shown[:6]}")  # the title has a line break
    assert len(noted) == 1 and "上标「3」" in noted[0] and "脚注标记「4」" in noted[0]


def test_circled_numbers_standing_apart_are_text(tmp_path):
    report = _report()
    report.set_text("五", "①加强培训；②完善制度。")
    path = tmp_path / "report.docx"
    export_docx(report, path)
    result = import_docx(path)
    assert result.report.texts["五"] == "①加强培训；②完善制度。"
    assert not _notes_with(result, "未计入")


# ---- 2. strikethrough ----------------------------------------------------------------------
@pytest.mark.parametrize("tag", ["strike", "dstrike"])
def test_struck_text_in_a_cell_is_deleted_and_quoted(exported, tmp_path, tag):
    report, path = exported
    doc = x.Docx(path)
    x.insert_before(doc.run_with(SENTINEL), x.styled("12", x.el(tag)))
    result = _import(doc, tmp_path)
    assert_same(report, result)
    note = f"{CELL_PLACE}：带删除线的「12」按已删除处理，未导入，请核对"
    assert note in result.notes
    # a number read without digits the page shows (struck): 注意, not 提示
    assert note_level(note) is NoteLevel.ATTENTION


def test_strike_switched_off_reads(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    x.set_text(r, SENTINEL[:2])
    x.insert_after(r, x.styled(SENTINEL[2:], x.el("strike", val="0")))
    result = _import(doc, tmp_path)
    assert_same(report, result)
    assert not _notes_with(result, "删除线")


@pytest.mark.parametrize("place", ["narrative", "title", "signature agency", "signature date"])
def test_struck_text_in_paragraphs_is_deleted(exported, tmp_path, place):
    report, path = exported
    doc = x.Docx(path)
    p = {
        "narrative": lambda: doc.paragraph(NARRATIVE),
        "title": lambda: _title(doc),
        "signature agency": lambda: doc.exact("某某市某某局"),
        "signature date": lambda: _date_paragraph(doc),
    }[place]()
    first = next(x.runs(p))
    struck = {
        "narrative": "删去的句子。",
        "title": "某某县",
        "signature agency": "旧机关",
        "signature date": "2023年",
    }
    x.insert_before(first, x.styled(struck[place], x.el("strike")))
    result = _import(doc, tmp_path)
    assert_same(report, result)
    [note] = [n for n in result.notes if f"带删除线的「{struck[place]}」按已删除处理" in n]
    assert note_level(note) is NoteLevel.TIP  # a word struck in a sentence: said, not alarmed


# ---- 3. mc:AlternateContent ------------------------------------------------------------------
@pytest.mark.parametrize("requires", ["w14", "w15", "wps", "w14 w15"])
@pytest.mark.parametrize("place", ["run", "paragraph in a cell", "cell", "row", "table"])
def test_a_choice_word_understands_is_read(exported, tmp_path, requires, place):
    report, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    element = {
        "run": lambda: r,
        "paragraph in a cell": lambda: x.ancestor(r, "p"),
        "cell": lambda: x.ancestor(r, "tc"),
        "row": lambda: x.ancestor(r, "tr"),
        "table": lambda: x.ancestor(r, "tbl"),
    }[place]()
    wrong = x.copy_of(element)
    for t in wrong.iter(x.w("t")):
        if t.text == SENTINEL:
            t.text = "9999"
    x.replace_with_alternate(element, requires, wrong)
    assert_same(report, _import(doc, tmp_path))


@pytest.mark.parametrize(
    "branches",
    [
        [("x", "9999"), ("w14", SENTINEL)],  # the first Choice Word understands
        [("w14 x", "9999")],  # one prefix Word does not know: the Fallback
        [("wpsCustomData", "9999")],  # WPS's own namespace: Word takes the Fallback
    ],
)
def test_the_branch_is_the_one_word_takes(exported, tmp_path, branches):
    report, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    choices = [(requires, [x.run(text)]) for requires, text in branches]
    fallback = [x.run(SENTINEL if branches[-1][1] != SENTINEL else "8888")]
    x.insert_after(r, x.alternate(choices, fallback))
    r.getparent().remove(r)
    assert_same(report, _import(doc, tmp_path))


def test_the_signature_inside_alternate_content(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    agency = doc.exact("某某市某某局")
    x.replace_with_alternate(agency, "w14", x.el("p", x.run("错误的机关")))
    date = _date_paragraph(doc)
    x.replace_with_alternate(next(x.runs(date)), "w14", x.run("2019年1月1日"))
    assert_same(report, _import(doc, tmp_path))


# ---- 4. the grid is as wide as Word lays it out --------------------------------------------------
@pytest.mark.parametrize("keep", [0, 1, 2, 5])
def test_a_short_table_grid_does_not_shift_cells(exported, tmp_path, keep):
    report, path = exported
    doc = x.Docx(path)
    for table in doc.tables():
        grid = table.find(x.w("tblGrid"))
        cols = grid.findall(x.w("gridCol"))
        for col in cols[keep:]:
            grid.remove(col)
        if keep == 0:
            table.remove(grid)
    result = _import(doc, tmp_path)
    assert_same(report, result)
    assert not _notes_with(result, "超出表格的宽度")


def _cell(text: str, span: int = 1):
    props = x.el("tcPr", x.el("gridSpan", val=span)) if span > 1 else x.el("tcPr")
    return x.el("tc", props, x.el("p", x.run(text)))


def test_the_grid_is_as_wide_as_the_widest_row_within_the_limit():
    header = x.el("tr", _cell("甲", 3), _cell("乙", 7))
    values = x.el("tr", *(_cell(str(n)) for n in range(10)))
    absurd = x.el("tr", x.el("trPr", x.el("gridBefore", val=1)), _cell("宽", 100_000))
    grid = x.el("tblGrid", x.el("gridCol"), x.el("gridCol"))  # declares 2 columns
    second = x.el("tbl", x.copy_of(grid), x.copy_of(header), absurd)
    body = x.el("body", x.el("tbl", grid, header, values), second)
    short, wide = walk_body(body).blocks
    assert short.n_cols == 10 and short.rows[0][3].text == "乙" and short.rows[0][9].colspan == 7
    assert [c.text for c in short.row_cells(1)] == [str(n) for n in range(10)]
    assert wide.n_cols == 64 and wide.rows[1][1].colspan == 63  # bounded by MAX_TABLE_COLS


# ---- 5. a placeholder flag over real content ---------------------------------------------------
def test_real_content_under_a_placeholder_flag_is_read_and_noted(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    x.set_text(r, SENTINEL[:2])
    x.insert_after(r, x.content_control(x.run(SENTINEL[2:]), prompt_flag=True))
    body = doc.paragraph(NARRATIVE)
    x.insert_before(body, x.content_control(prompt_flag=True))
    x.wrap(body, "sdt")[0].append(x.el("showingPlcHdr"))
    result = _import(doc, tmp_path)
    assert_same(report, result)
    flagged = _notes_with(result, "标记为“显示提示语”")
    assert len(flagged) == 2
    cell = f"{CELL_PLACE}：内容控件标记为“显示提示语”，但其中是「{SENTINEL[2:]}」"
    assert any(n.startswith(cell) for n in flagged)
    assert any(n.startswith(f"正文「{NARRATIVE}") for n in flagged)


@pytest.mark.parametrize(
    "prompt",
    [
        "单击或点击此处输入文字。",
        "点击或单击此处输入日期。",
        "选择一项。",
        "Click or tap here to enter text.",
    ],
)
def test_a_default_prompt_reads_as_nothing(exported, tmp_path, prompt):
    _, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    x.set_text(r, prompt)
    x.wrap(r, "sdt")[0].append(x.el("showingPlcHdr"))
    result = _import(doc, tmp_path)
    assert result.report.is_blank(SENTINEL_CELL)
    assert not _notes_with(result, "显示提示语")


def test_the_controls_own_prompt_from_the_glossary_reads_as_nothing(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    doc.glossary = {"成文日期提示": "请选择成文日期"}
    date = _date_paragraph(doc)
    first = next(x.runs(date))
    for r in list(x.runs(date))[1:]:
        r.getparent().remove(r)
    x.set_text(first, "请选择成文日期")
    x.insert_after(first, x.content_control(prompt_flag=True, doc_part="成文日期提示"))
    control = first.getnext()
    control.find(x.w("sdtContent")).append(first)
    result = _import(doc, tmp_path)
    assert result.report.meta.date is None
    assert result.report.meta.agency == "某某市某某局"
    assert result.report.texts == report.texts
    assert not _notes_with(result, "显示提示语")


# ---- 6. fields across paragraphs ----------------------------------------------------------------
def test_a_field_begun_in_one_paragraph_of_a_cell_never_shows_its_instruction(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    p = x.ancestor(r, "p")
    first = x.el("p", *x.begin(" QUOTE "))
    x.insert_before(p, first)
    # the instruction goes on in the value's paragraph, typed as text: 「3」
    x.insert_before(r, x.run("3"), x.field_char("separate"))
    x.insert_after(r, x.field_char("end"))
    result = _import(doc, tmp_path)
    assert_same(report, result)


def test_field_state_ends_with_its_cell(exported, tmp_path):
    _, path = exported
    doc = x.Docx(path)
    cell = doc.cell_with(SENTINEL)
    left = cell.getprevious()
    x.insert_after(_last_run(left), *x.begin(" MERGEFIELD 未结束 "))
    result = _import(doc, tmp_path)
    back = result.report
    assert back.value(SENTINEL_CELL) == int(SENTINEL)  # the next cell is read
    assert any("一个域没有结束" in n and "MERGEFIELD 未结束" in n for n in result.notes)


def test_a_field_spanning_body_paragraphs_reads_its_result_only(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    p = doc.paragraph(NARRATIVE)
    before = x.el("p", *x.begin(' IF 1 = 1 "'), x.run("不该出现的文字"))
    x.insert_before(p, before)
    x.insert_before(next(x.runs(p)), x.run('" ""'), x.field_char("separate"))
    x.insert_after(_last_run(p), x.field_char("end"))
    assert_same(report, _import(doc, tmp_path))


def test_fields_nested_too_deep_are_refused(exported, tmp_path):
    _, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    x.insert_before(r, *(x.field_char("begin") for _ in range(70)))
    with pytest.raises(ImportRefused, match="嵌套超过 64 层"):
        _import(doc, tmp_path)


# ---- 7. symbols, right-to-left overrides, merged numbers ---------------------------------------
@pytest.mark.parametrize(
    ("font", "code"), [("Times New Roman", "0031"), ("宋体", "0031"), ("Symbol", "F031")]
)
def test_a_symbol_digit_is_read(exported, tmp_path, font, code):
    report, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    x.set_text(r, SENTINEL.replace("1", ""))  # 7391 → 739 and the 1 as a symbol
    x.insert_after(r, x.symbol(code, font))
    assert_same(report, _import(doc, tmp_path))


@pytest.mark.parametrize(
    ("font", "code"), [("Wingdings", "F0FC"), ("Wingdings 2", "F050"), ("Symbol", "F061")]
)
def test_a_picture_symbol_is_named_not_read(exported, tmp_path, font, code):
    report, path = exported
    doc = x.Docx(path)
    x.insert_after(doc.run_with(SENTINEL), x.symbol(code, font))
    result = _import(doc, tmp_path)
    assert_same(report, result)
    assert any(f"字体「{font}」，编码 {code}" in n for n in _notes_with(result, CELL_PLACE))


def test_a_right_to_left_override_reads_as_shown(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    x.set_text(r, SENTINEL[::-1])
    x.wrap(r, "hyperlink")  # any container: bdo is built around it below
    link = r.getparent()
    bdo = x.el("bdo", val="rtl")
    link.addprevious(bdo)
    bdo.append(link)
    ltr = x.el("bdo", x.run(""), val="ltr")  # left to right changes nothing
    bdo.addnext(ltr)
    result = _import(doc, tmp_path)
    assert_same(report, result)
    assert any(
        f"「{SENTINEL[::-1]}」按 Word 显示的顺序读作「{SENTINEL}」" in n for n in result.notes
    )


def _cell_below(cell):
    row = x.ancestor(cell, "tr")
    column = row.findall(x.w("tc")).index(cell)
    return row.getnext().findall(x.w("tc"))[column]


def test_a_number_merged_down_is_read_once(exported, tmp_path):
    _, path = exported
    doc = x.Docx(path)
    cell = doc.cell_with(SENTINEL)
    below = _cell_below(cell)  # 二、上年结转 / 自然人
    x.pr(cell, "tcPr").append(x.el("vMerge", val="restart"))
    for p in below.findall(x.w("p")):
        below.remove(p)
    below.append(x.el("p"))
    x.pr(below, "tcPr").append(x.el("vMerge"))
    result = _import(doc, tmp_path)
    back = result.report
    assert back.value(SENTINEL_CELL) == int(SENTINEL)
    assert back.is_blank("applications.carried_in.natural")  # not 7391 a second time
    assert f"{CELL_PLACE}是上下 2 行合并的一格「{SENTINEL}」" in "\n".join(result.attention)


def test_text_left_in_a_merged_away_cell_is_named(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    table = doc.tables()[1]
    continued = table.xpath(".//w:tc[w:tcPr/w:vMerge[not(@w:val)]]", namespaces=x.NS)[0]
    continued.append(x.el("p", x.run("残留文字")))
    result = _import(doc, tmp_path)
    assert_same(report, result)
    assert any("被上方单元格合并的格中还有「残留文字」" in n for n in result.notes)


# ---- 8. date fields ----------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["DATE", "SAVEDATE", "PRINTDATE", "CREATEDATE", "date"])
@pytest.mark.parametrize("simple", [False, True])
def test_a_date_field_is_read_as_saved_and_named(exported, tmp_path, kind, simple):
    report, path = exported
    doc = x.Docx(path)
    date = _date_paragraph(doc)
    shown = x.text_of(date)
    instruction = f' {kind} \\@ "yyyy年M月d日" '
    if simple:
        runs = list(x.runs(date))
        field = x.wrap(runs[0], "fldSimple")
        field.set(x.w("instr"), instruction)
        field.extend(runs[1:])
    else:
        x.as_complex_field(next(x.runs(date)), instruction)
    result = _import(doc, tmp_path)
    assert_same(report, result)
    noted = _notes_with(result, "请核对成文日期")
    assert len(noted) == 1
    assert noted[0].startswith(f"正文「{shown}」一段：「{shown}」是 {kind.upper()} 域")


def test_a_date_field_in_a_cell_and_other_fields(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    x.as_complex_field(doc.run_with(SENTINEL), " = 7000 + 391 ")  # a formula: no note
    narrative = doc.paragraph(NARRATIVE)
    x.as_complex_field(next(x.runs(narrative)), " MERGEFIELD 正文 ")
    result = _import(doc, tmp_path)
    assert_same(report, result)
    assert not _notes_with(result, " 域（")


# ---- 9. hidden text: what and where ---------------------------------------------------------
@pytest.mark.parametrize("place", ["narrative", "title", "signature date"])
def test_hidden_text_in_paragraphs_is_quoted_with_its_place(exported, tmp_path, place):
    report, path = exported
    doc = x.Docx(path)
    p = {
        "narrative": lambda: doc.paragraph(NARRATIVE),
        "title": lambda: _title(doc),
        "signature date": lambda: _date_paragraph(doc),
    }[place]()
    shown = x.text_of(p)
    x.insert_after(next(x.runs(p)), x.run("藏起来的字", hidden=True))
    result = _import(doc, tmp_path)
    assert_same(report, result)
    noted = [n for n in result.notes if n.startswith(f"正文「{shown[:6]}") and "隐藏" in n]
    assert len(noted) == 1 and "「藏起来的字」未导入" in noted[0]


# ---- the rest of what Word shows inside numbers --------------------------------------------
SHOWN_AS_THE_NUMBER = {
    "deleted inside inserted": lambda r: x.insert_after(
        r, x.revision("ins", x.revision("del", x.run("5", deleted=True)))
    ),
    "soft hyphen": lambda r: x.insert_after(r, x.el("r", x.el("softHyphen"))),
    "zero-width spaces": lambda r: x.set_text(r, "\u200b".join(SENTINEL)),
    "no-break space as thousands separator": lambda r: x.set_text(r, "7\u00a0391"),
    "ideographic space as thousands separator": lambda r: x.set_text(r, "7\u3000391"),
}


@pytest.mark.parametrize("shape", list(SHOWN_AS_THE_NUMBER))
def test_what_word_shows_as_one_number(exported, tmp_path, shape):
    report, path = exported
    doc = x.Docx(path)
    SHOWN_AS_THE_NUMBER[shape](doc.run_with(SENTINEL))
    assert_same(report, _import(doc, tmp_path))


def test_a_paragraph_mark_deleted_in_a_cell_joins_the_number(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    p = x.ancestor(r, "p")
    x.set_text(r, SENTINEL[:2])
    x.insert_after(p, x.el("p", x.run(SENTINEL[2:])))
    x.mark_paragraph(p, "del")
    assert_same(report, _import(doc, tmp_path))


@pytest.mark.parametrize(
    "between",
    [
        lambda: x.el("r", x.el("br")),
        lambda: x.el("r", x.el("cr")),
        lambda: x.el("r", x.el("tab")),
        lambda: x.el("r", x.el("ptab", alignment="center", relativeTo="margin", leader="none")),
        lambda: x.el("r", x.el("noBreakHyphen")),
    ],
)
def test_a_break_inside_a_number_is_refused_not_joined(exported, tmp_path, between):
    _, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    x.set_text(r, SENTINEL[:2])
    x.insert_after(r, between(), x.run(SENTINEL[2:]))
    result = _import(doc, tmp_path)
    assert result.report.is_blank(SENTINEL_CELL)
    assert any("无法读取" in n for n in result.notes)


def test_two_paragraphs_in_a_cell_are_two_lines(exported, tmp_path):
    _, path = exported
    doc = x.Docx(path)
    r = doc.run_with(SENTINEL)
    x.set_text(r, SENTINEL[:2])
    x.insert_after(x.ancestor(r, "p"), x.el("p", x.run(SENTINEL[2:])))
    result = _import(doc, tmp_path)
    assert result.report.is_blank(SENTINEL_CELL)
    assert any("无法读取" in n and "换行" in n for n in result.notes)


def test_a_table_deleted_whole_is_not_in_the_final_view(exported, tmp_path):
    report, path = exported
    doc = x.Docx(path)
    table = doc.tables()[1]
    gone = x.copy_of(table)
    for tr in gone.findall(x.w("tr")):
        x.pr(tr, "trPr").append(x.revision("del"))
    x.insert_before(table, gone)
    result = _import(doc, tmp_path)
    assert_same(report, result)
    assert not _notes_with(result, "不是年度报告的官方表格")
