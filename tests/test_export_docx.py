"""The Word export, checked by reopening the written .docx with python-docx.

Tables are read through their grid: a merged cell is found at every grid position
it covers (python-docx repeats the same ``w:tc``), so merges are checked by
identity, labels and values by the text of the cell at the spec's position.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from exporters import ExportError
from exporters.docx import export_docx, layout, numbers, styles
from model.formats import FORMATS
from model.report import Report
from model.spec import Role, TableSpec, ValueKind
from tests.factories import random_report, reports

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AGENCY = "舟山市定海区经济和信息化局"


def _export(report: Report, tmp_path: Path, name: str = "out.docx"):
    path = tmp_path / name
    warnings = export_docx(report, path)
    return docx.Document(str(path)), warnings, path


def _full(year: int, seed: int = 7, **kw) -> Report:
    return random_report(random.Random(seed), year, AGENCY, **kw)


def _expected_text(report: Report, table: TableSpec, g) -> str:
    if g.role is Role.VALUE:
        value = report.value(g.cell)
        if value is None:
            return ""  # a blank prints blank
        text = str(value)
        cell = table.cell_by_id[g.cell]
        if cell.kind is ValueKind.MONEY and not numbers.label_unit(
            cell.col_label, (cell.unit or "",)
        ):
            text += report.unit(g.cell)
        return text
    return g.text


def _grid(doc_table) -> dict[tuple[int, int], object]:
    """The cell at every grid position; a merged cell appears at each position it covers."""
    return {
        (r, c): cell for r, row in enumerate(doc_table.rows) for c, cell in enumerate(row.cells)
    }


def _section_tables(report: Report, document) -> dict[str, list]:
    """The Word tables of each table section: one, or the pieces of a long table."""
    body = document.element.body
    by_id = {id(t._tbl): t for t in document.tables}
    headings = {s.heading: s for s in report.spec.sections}
    out: dict[str, list] = {}
    current = None
    for el in body:
        if el.tag == qn("w:p"):
            text = "".join(t.text for t in el.iter(qn("w:t")))
            if text in headings:
                current = headings[text].table
        elif el.tag == qn("w:tbl") and current:
            out.setdefault(current, []).append(by_id[id(el)])
    return out


class _Printed:
    """A table as printed, maybe in pieces: the cell at a spec grid position, and
    the piece that row is printed in. Pieces after the first repeat the header rows."""

    def __init__(self, table: TableSpec, pieces: list) -> None:
        self.pieces = pieces
        self.where: dict[int, tuple[int, int]] = {}  # spec row -> (piece, row in piece)
        self.grids = [_grid(p) for p in pieces]
        r = 0
        for i, piece in enumerate(pieces):
            first = 0 if i == 0 else table.header_rows
            for k in range(first, len(piece.rows)):
                self.where[r] = (i, k)
                r += 1
        assert r == table.n_rows, (table.id, r)

    def cell(self, r: int, c: int):
        i, k = self.where[r]
        return self.grids[i][(k, c)]

    def piece(self, r: int) -> int:
        return self.where[r][0]

    def where_first(self, r: int) -> int:
        """The first spec row printed in the piece of row `r`."""
        i = self.piece(r)
        return min(row for row, (p, _) in self.where.items() if p == i)


class _Grid(_Printed):
    pass


def _check_tables(report: Report, document) -> None:
    """Every grid cell of every table: its text at its position, its span by identity
    (within a piece; a group cut by a piece boundary starts again, 「（续）」)."""
    tables = _section_tables(report, document)
    assert len(tables) == len(report.spec.tables)
    for table in report.spec.tables:
        printed = _Printed(table, tables[table.id])
        for piece in printed.pieces:
            assert len(piece.columns) == table.n_cols
        for g in table.grid:
            origin = printed.cell(g.row, g.col)
            lines = origin.text.split("\n")  # the export breaks labels between words
            assert "".join(lines) == _expected_text(report, table, g), (table.id, g)
            if g.role is Role.VALUE:
                assert len(lines) == 1
            for r in range(g.row, g.row + g.rowspan):
                for c in range(g.col, g.col + g.colspan):
                    cell = printed.cell(r, c)
                    if printed.piece(r) == printed.piece(g.row):
                        assert cell._tc is origin._tc, (table.id, g, r, c)
                    else:
                        label = cell.text.replace("\n", "")
                        assert label.endswith("（续）") and "（续）\n" not in cell.text
                        assert g.text.startswith(label.removesuffix("（续）")), (table.id, g)
                        assert cell._tc is printed.cell(printed.where_first(r), c)._tc


@pytest.mark.parametrize("year", [2020, 2023])
def test_every_label_and_value_sits_in_its_cell_with_the_official_merges(tmp_path, year):
    report = _full(year)
    document, warnings, _ = _export(report, tmp_path)
    _check_tables(report, document)
    assert not any("未填写的数字" in w for w in warnings)


def test_the_official_spans_of_section_three_and_four(tmp_path):
    report = _full(2023)
    document, _, _ = _export(report, tmp_path)
    tables = _section_tables(report, document)
    spec = report.spec
    apps = _Printed(spec.table_by_id["applications"], tables["applications"])
    appeals = _Printed(spec.table_by_id["appeals"], tables["appeals"])
    rows = spec.table_by_id["applications"].n_rows
    note = apps.cell(0, 0)
    assert note.text.startswith("（本列数据的勾稽关系为")
    assert all(apps.cell(r, c)._tc is note._tc for r in range(3) for c in range(3))
    applicants = apps.cell(0, 3)
    assert applicants.text.replace("\n", "") == "申请人情况"
    assert all(apps.cell(0, c)._tc is applicants._tc for c in range(3, 10))
    org = apps.cell(1, 4)
    assert org.text.replace("\n", "") == "法人或其他组织"
    assert all(apps.cell(1, c)._tc is org._tc for c in range(4, 9))
    results = apps.cell(5, 0)
    assert results.text.replace("\n", "") == "三、本年度办理结果"
    result_rows = [
        r for r in range(3, rows) if apps.cell(r, 0).text.replace("\n", "").startswith("三")
    ]
    assert result_rows == list(range(5, 27))  # 2021 format: （一）…（七） incl. three （六） rows
    denied = apps.cell(7, 1)
    assert denied.text.replace("\n", "") == "（三）不予公开"
    assert sum(apps.cell(r, 1)._tc is denied._tc for r in range(rows)) == 8
    assert appeals.cell(0, 0).text.replace("\n", "") == "行政复议"
    assert appeals.cell(0, 5).text.replace("\n", "") == "行政诉讼"
    assert all(appeals.cell(0, c)._tc is appeals.cell(0, 5)._tc for c in range(5, 15))
    assert appeals.cell(1, 5).text.replace("\n", "") == "未经复议直接起诉"
    assert appeals.cell(2, 5).text.replace("\n", "") == "结果维持"
    assert appeals.cell(2, 0)._tc is appeals.cell(1, 0)._tc  # 结果维持 of 行政复议: 2 rows


def test_totals_come_from_the_model(tmp_path):
    report = _full(2023, seed=11)
    document, _, _ = _export(report, tmp_path)
    spec = report.spec
    apps = spec.table_by_id["applications"]
    grid = apps.grid_of_cell["applications.total.total"]
    tables = _section_tables(report, document)
    printed = _Printed(apps, tables["applications"]).cell(grid.row, grid.col).text
    assert int(printed) == report.value("applications.total.total")
    assert int(printed) == sum(report.value(t) for t in apps.cell_by_id[grid.cell].terms)


def test_blank_inputs_print_blank_and_are_reported(tmp_path):
    """The document shows what the draft holds: a blank prints blank (never a 0 the
    officer did not enter), and the export says how many there are."""
    report = _full(2023, seed=3, blank_ratio=0.3)
    blanks = report.blank_inputs()
    assert blanks
    document, warnings, _ = _export(report, tmp_path)
    _check_tables(report, document)
    tables = _section_tables(report, document)
    for table in report.spec.tables:
        printed = _Printed(table, tables[table.id])
        for cell in table.inputs:
            if report.is_blank(cell.id):
                g = table.grid_of_cell[cell.id]
                assert printed.cell(g.row, g.col).text == ""
    blank_warning = warnings[0]
    assert f"有 {len(blanks)} 个未填写的数字" in blank_warning
    assert "留空" in blank_warning and "补零后导出" in blank_warning
    per = Counter(report.spec.cell_by_id[c].table for c in blanks)
    for table in report.spec.tables:
        if per[table.id]:
            assert f"第{table.section}部分 {per[table.id]} 个" in blank_warning


def test_money_prints_with_its_unit_unless_the_header_names_it(tmp_path):
    report = _full(2020)
    report.set_value("active.art20_9.procurement.amount", Decimal("109994"))
    document, _, _ = _export(report, tmp_path, "a.docx")
    g = report.spec.table_by_id["active"].grid_of_cell["active.art20_9.procurement.amount"]
    assert document.tables[0].cell(g.row, g.col).text == "109994元"
    report.set_unit("active.art20_9.procurement.amount", "万元")
    report.set_value("active.art20_9.procurement.amount", Decimal("10.9994"))
    document, _, _ = _export(report, tmp_path, "b.docx")
    assert document.tables[0].cell(g.row, g.col).text == "10.9994万元"

    report = _full(2023)
    report.set_value("active.art20_8.fees.amount_wan", Decimal("12.50"))
    document, _, _ = _export(report, tmp_path, "c.docx")
    g = report.spec.table_by_id["active"].grid_of_cell["active.art20_8.fees.amount_wan"]
    assert document.tables[0].cell(g.row, g.col).text == "12.50"


def test_label_unit():
    assert numbers.label_unit("本年收费金额（单位：万元）", ("万元",)) == "万元"
    assert numbers.label_unit("本年收费金额（单位：万元）", ("元", "万元")) == "万元"
    assert numbers.label_unit("采购总金额（元）", ("元", "万元")) == "元"
    assert numbers.label_unit("采购总金额", ("元", "万元")) is None


def _rfonts(root) -> list:
    return list(root.iter(f"{W}rFonts"))


def test_east_asian_fonts_are_set_everywhere_and_no_theme_font_is_used(tmp_path):
    _, _, path = _export(_full(2023), tmp_path)
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        parts = [n for n in names if n.startswith("word/") and n.endswith(".xml")]
        xml = {n: z.read(n).decode("utf-8") for n in parts}
    assert "docProps/thumbnail.jpeg" not in names
    assert "word/stylesWithEffects.xml" not in names
    from lxml import etree

    for name in ("word/document.xml", "word/styles.xml", "word/footer1.xml", "word/footer2.xml"):
        root = etree.fromstring(xml[name].encode("utf-8"))
        fonts = _rfonts(root)
        assert fonts, name
        for f in fonts:
            assert f.get(f"{W}eastAsia"), name
            assert not any(a.endswith("Theme}") or "Theme" in a for a in f.attrib), name
    styles_root = etree.fromstring(xml["word/styles.xml"].encode("utf-8"))
    lang = styles_root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}eastAsia") == "zh-CN"
    for style in styles_root.iter(f"{W}style"):
        rpr = style.find(f"{W}rPr")
        if rpr is not None:
            assert rpr.find(f"{W}rFonts").get(f"{W}eastAsia"), style.get(f"{W}styleId")
    assert 'w:eastAsia="zh-CN"' in xml["word/settings.xml"]
    assert "ja-JP" not in xml["word/settings.xml"]
    assert "仿宋_GB2312" in xml["word/fontTable.xml"]
    assert '<w:altName w:val="仿宋"/>' in xml["word/fontTable.xml"]


def _east_asia(run) -> str:
    return run._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_title_headings_body_and_subheadings_use_the_official_fonts(tmp_path):
    report = _full(2023)
    report.set_text(
        "一", "（一）加强领导，工作到位。为确保落实，我局调整了领导小组。\n第二段2023年。"
    )
    document, _, _ = _export(report, tmp_path)
    paras = document.paragraphs
    title = paras[0]
    assert title.style.name == "报告标题"
    assert _east_asia(title.runs[0]) == "方正小标宋简体"
    assert title.runs[0].font.size.pt == 22
    assert title.style.paragraph_format.alignment == 1  # centred
    heading = next(p for p in paras if p.text == "一、总体情况")
    assert _east_asia(heading.runs[0]) == "黑体"
    assert heading.runs[0].font.size.pt == 16
    sub = next(p for p in paras if p.text.startswith("（一）"))
    assert sub.runs[0].text == "（一）加强领导，工作到位。"
    assert _east_asia(sub.runs[0]) == "楷体_GB2312"
    assert sub.runs[1].text.startswith("为确保")
    assert _east_asia(sub.runs[1]) == "仿宋_GB2312"
    assert sub.runs[1]._r.rPr.find(qn("w:rFonts")).get(qn("w:ascii")) == "Times New Roman"
    report.set_text("五", "（一）存在的问题\n公开不够及时。")
    document, _, _ = _export(report, tmp_path, "keep.docx")
    alone = next(p for p in document.paragraphs if p.text == "（一）存在的问题")
    assert alone.paragraph_format.keep_with_next
    assert _east_asia(alone.runs[0]) == "楷体_GB2312"
    normal = document.styles["Normal"]
    # 28 characters of 3号 fill the 156 mm line: 16 pt condensed by 0.25 pt each
    spacing = normal.element.rPr.find(qn("w:spacing"))
    pitch = 16 + int(spacing.get(qn("w:val"))) / 20
    assert 28 * pitch <= styles.TEXT_WIDTH / 20 < 29 * pitch
    assert normal.paragraph_format.line_spacing.pt == pytest.approx(28.95)
    assert normal.paragraph_format.first_line_indent.pt == pytest.approx(32)
    for table in document.tables:
        for cell in table._cells:
            for p in cell.paragraphs:
                for r in p.runs:
                    assert _east_asia(r) == "宋体"
                    assert r.font.size.pt == 10.5


def test_page_setup_and_page_numbers(tmp_path):
    document, _, _ = _export(_full(2023), tmp_path)
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.top_margin.mm) == 37 and round(section.bottom_margin.mm) == 35
    assert round(section.left_margin.mm) == 28 and round(section.right_margin.mm) == 26
    assert document.settings.odd_and_even_pages_header_footer
    odd, even = section.footer, section.even_page_footer
    for footer, align in ((odd, "right"), (even, "left")):
        p = footer.paragraphs[0]
        assert p.text == "— 1 —"  # the field's cached result is 1
        assert p._p.pPr.find(qn("w:jc")).get(qn("w:val")) == align
        instr = [t.text for t in p._p.iter(qn("w:instrText"))]
        assert [i.strip() for i in instr] == ["PAGE"]
        for r in p.runs:
            assert _east_asia(r) == "宋体" and r.font.size.pt == 14


def _kept(tr) -> bool:
    return all(p.pPr.find(qn("w:keepNext")) is not None for p in tr.iter(qn("w:p")))


@pytest.mark.parametrize("make", [lambda: _full(2023), lambda: _full(2020), "sample", "big"])
def test_no_row_group_or_captioned_block_can_be_split_by_a_page_break(tmp_path, make):
    """Within a piece every row keeps with the next but the piece's last, so the
    renderer breaks a long table only where the export cut it; a table printed whole
    keeps at least its captioned blocks, its row groups and its first five rows."""
    from model.sample import load_sample
    from tests.factories import big_report

    if make == "sample":
        report = load_sample()
    elif make == "big":
        report = big_report(random.Random(3))
    else:
        report = make()
    document, _, _ = _export(report, tmp_path)
    tables = _section_tables(report, document)
    for table in report.spec.tables:
        pieces = tables[table.id]
        for piece in pieces:
            trs = piece._tbl.tr_lst
            assert not _kept(trs[-1])
            if len(pieces) > 1:
                assert all(_kept(tr) for tr in trs[:-1]), table.id
        if len(pieces) > 1:
            # each piece after the first starts a new page
            for piece in pieces[1:]:
                before = piece._tbl.getprevious()
                assert before.pPr.find(qn("w:pageBreakBefore")) is not None
            continue
        trs = pieces[0]._tbl.tr_lst
        kept = {i for i, tr in enumerate(trs) if _kept(tr)}
        for g in table.grid:
            if g.role is Role.LABEL and g.rowspan > 1:
                assert set(range(g.row, g.row + g.rowspan - 1)) <= kept, (table.id, g.text)
        captions = sorted(g.row for g in table.grid if g.role is Role.CAPTION)
        for start, end in zip(captions, [*captions[1:], table.n_rows], strict=False):
            assert set(range(start, end - 1)) <= kept, (table.id, start)
        body = table.header_rows
        assert set(range(body, min(body + 4, table.n_rows - 1))) <= kept


def test_table_rows_repeat_headers_never_split_and_fit_the_text_width(tmp_path):
    report = _full(2023)
    document, _, _ = _export(report, tmp_path)
    tables = _section_tables(report, document)
    for table in report.spec.tables:
        for piece in tables[table.id]:
            tbl = piece._tbl
            widths = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.iter(qn("w:gridCol"))]
            assert sum(widths) == styles.TEXT_WIDTH
            assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
            borders = tbl.tblPr.find(qn("w:tblBorders"))
            assert len(borders) == 6
            assert all(b.get(qn("w:val")) == "single" and b.get(qn("w:sz")) == "4" for b in borders)
            for i, tr in enumerate(tbl.tr_lst):
                assert tr.trPr.find(qn("w:cantSplit")) is not None
                repeated = tr.trPr.find(qn("w:tblHeader")) is not None
                assert repeated == (i < table.header_rows), (table.id, i)
        printed = _Printed(table, tables[table.id])
        for g in table.grid:
            tc = printed.cell(g.row, g.col)._tc
            direction = tc.tcPr.find(qn("w:textDirection"))
            assert (direction is not None) == g.vertical
            if g.role is Role.VALUE:
                assert tc.tcPr.find(qn("w:noWrap")) is not None
    assert any(g.vertical for g in report.spec.table_by_id["appeals"].grid)


def test_signature_block_names_the_agency_and_the_date(tmp_path):
    report = _full(2020)
    report.set_meta(date=dt.date(2021, 1, 8))
    document, _, _ = _export(report, tmp_path)
    paras = document.paragraphs
    assert paras[-2].text == AGENCY
    assert paras[-1].text == "2021年1月8日"
    # both are centred in the same box, which ends at the right margin and starts
    # where it puts the date's right end four characters (64 pt) from the margin
    boxes = set()
    for p in paras[-2:]:
        assert p.style.name == "落款"
        assert p.paragraph_format.alignment == 1  # centred
        boxes.add((p.paragraph_format.left_indent, p.paragraph_format.right_indent))
    ((left, right),) = boxes
    assert right == 0
    date_pt = 6 * 7.75 + 3 * 15.75 + 5 * 0.22 * 16  # digits, 年月日, automatic spacing
    assert styles.TEXT_WIDTH / 20 - left.pt == pytest.approx(2 * 64 + date_pt, abs=0.1)


def test_a_long_agency_name_breaks_between_words_in_title_and_signature(tmp_path):
    report = _full(2023)
    agency = "新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县人民政府办公室"
    report.set_meta(agency=agency, date=dt.date(2024, 1, 8))
    document, _, _ = _export(report, tmp_path)
    paras = [p.text for p in document.paragraphs]
    title = paras[0].split("\n")
    assert title[-1] == "2023年政府信息公开工作年度报告"
    assert "".join(title[:-1]) == agency
    assert all(line.endswith(("区", "州", "县", "政府", "办公室")) for line in title[:-1])
    sig = paras[paras.index("") + 2 : -1] if "" in paras else []
    sig = [t for t in paras[-6:-1] if t]
    assert "".join(sig[-3:]).endswith(agency[-10:])
    assert all(layout.text_width(t) <= layout.signature_max_em("2024年1月8日") for t in sig)


def test_missing_date_agency_and_empty_section_six_are_warned(tmp_path):
    report = _full(2023)
    report.set_meta(date=None, agency="")
    report.set_text("六", "  \n")
    document, warnings, _ = _export(report, tmp_path)
    texts = [p.text for p in document.paragraphs]
    assert "六、其他需要报告的事项" in texts
    i = texts.index("六、其他需要报告的事项")
    assert all(t == "" for t in texts[i + 1 : -1])
    assert texts[-1] == "　　年　月　日"
    assert texts[0] == "2023年政府信息公开工作年度报告"
    assert any("未填写机关名称" in w for w in warnings)
    assert any("未填写成文日期" in w for w in warnings)
    assert any("「六、其他需要报告的事项」没有内容" in w for w in warnings)


def test_line_breaks_pasted_into_texts_are_paragraphs(tmp_path):
    """A pasted manual line break (\\v) or page break (\\f) is a line break in the
    report (model.texts), so a paragraph of its own; control characters never get
    this far (the report refuses them)."""
    from model.values import InvalidValue

    report = _full(2023)
    with pytest.raises(InvalidValue, match="控制字符"):
        report.set_meta(agency=" 某\x07市某局\u3000")
    report.set_meta(agency=" 某市某局\u3000")
    report.set_text("五", "第一行\x0b第二行。\x0c第三行")
    document, _, _ = _export(report, tmp_path)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "某市某局\n2023年政府信息公开工作年度报告"
    assert texts[-2] == "某市某局"
    i = texts.index("五、存在的主要问题及改进情况")
    assert texts[i + 1 : i + 4] == ["第一行", "第二行。", "第三行"]
    assert document.core_properties.author == "某市某局"


def test_sections_follow_the_spec_in_order(tmp_path):
    for fid in FORMATS:
        report = _full(2020 if fid == "2019" else 2023)
        document, _, _ = _export(report, tmp_path, f"{fid}.docx")
        body = document.element.body
        headings = [p.text for p in document.paragraphs if p.style.name == "一级标题"]
        assert headings == [s.heading for s in report.spec.sections]
        # each table follows its section heading
        order = [
            "T" if el.tag == qn("w:tbl") else "".join(t.text for t in el.iter(qn("w:t")))
            for el in body
            if el.tag in (qn("w:tbl"), qn("w:p"))
        ]
        for section in report.spec.sections:
            if section.table:
                assert order[order.index(section.heading) + 1] == "T"


def test_title_breaks_into_balanced_lines_at_word_boundaries():
    suffix = "政府信息公开工作年度报告"
    # the agency alone on the first line, the year and the title on the last
    assert layout.title_lines("国务院", 2021, suffix) == [
        "国务院",
        "2021年政府信息公开工作年度报告",
    ]
    assert layout.title_lines("", 2021, suffix) == ["2021年政府信息公开工作年度报告"]
    assert layout.title_lines(AGENCY, 2020, suffix) == [AGENCY, "2020年政府信息公开工作年度报告"]
    lines = layout.title_lines("北京市市场监督管理局", 2023, suffix)
    assert lines == ["北京市市场监督管理局", "2023年政府信息公开工作年度报告"]
    # a name longer than a line breaks after a unit, into balanced lines
    long = "浙江省舟山市定海区人民政府办公室机关事务管理局"
    lines = layout.title_lines(long, 2023, suffix)
    assert lines[-1] == "2023年政府信息公开工作年度报告"
    assert "".join(lines[:-1]) == long and len(lines) == 3
    assert lines[0].endswith(("省", "市", "区", "政府", "办公室"))
    assert all(layout.text_width(line) <= layout.TITLE_LINE_CHARS for line in lines)
    assert abs(layout.text_width(lines[0]) - layout.text_width(lines[1])) <= 6
    # a bracket closes a word: 「某某市人民政府办公室（某某市外事办公室）」
    lines = layout.name_lines("某某市人民政府办公室（某某市人民政府外事办公室）", 20)
    assert lines == ["某某市人民政府办公室", "（某某市人民政府外事办公室）"]


def test_title_in_the_document_is_one_paragraph_with_a_line_break(tmp_path):
    document, _, _ = _export(_full(2020), tmp_path)
    assert document.paragraphs[0].text == f"{AGENCY}\n2020年政府信息公开工作年度报告"
    assert document.core_properties.title == f"{AGENCY}2020年政府信息公开工作年度报告"
    assert document.core_properties.language == "zh-CN"


def test_heading_sentence_and_paragraphs():
    assert layout.split_heading("（一）加强领导，工作到位。为确保……") == (
        "（一）加强领导，工作到位。",
        "为确保……",
    )
    assert layout.split_heading("（十二）主动公开") == ("（十二）主动公开", "")
    assert layout.split_heading("一是建设网络阵地。") == ("", "一是建设网络阵地。")
    assert layout.split_heading("（1）细目。") == ("", "（1）细目。")
    assert layout.paragraphs("\u3000\u3000第一段\n\n  第二段 \n") == ["第一段", "第二段"]
    assert layout.without_heading(["一、总体情况", "正文"], "一、总体情况") == ["正文"]
    assert layout.without_heading(["总体情况", "正文"], "一、总体情况") == ["正文"]
    assert layout.without_heading(["总体情况良好。"], "一、总体情况") == ["总体情况良好。"]
    assert layout.date_text(dt.date(2021, 1, 8)) == "2021年1月8日"
    assert layout.text_width("2021年1月8日") == 6


def test_sample_report_exports_as_published(tmp_path):
    from model.sample import load_sample

    report = load_sample()
    document, warnings, _ = _export(report, tmp_path)
    _check_tables(report, document)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == f"{AGENCY}\n2020年政府信息公开工作年度报告"
    assert texts[-2:] == [AGENCY, "2021年1月8日"]
    g = report.spec.table_by_id["active"].grid_of_cell["active.art20_9.procurement.amount"]
    assert document.tables[0].cell(g.row, g.col).text == "109994元"
    kai = [r.text for p in document.paragraphs for r in p.runs if _east_asia(r) == "楷体_GB2312"]
    assert "（一）加强领导，工作到位。" in kai
    assert any("未填写的数字" in w for w in warnings)
    assert any("六、其他需要报告的事项" in w for w in warnings)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(report=reports(blank_ratio=0.2))
def test_random_reports_of_both_formats(tmp_path, report):
    document, warnings, _ = _export(report, tmp_path, "r.docx")
    _check_tables(report, document)
    blanks = report.blank_inputs()
    assert any(f"有 {len(blanks)} 个" in w for w in warnings) == bool(blanks)


def test_a_failed_write_leaves_the_existing_file_and_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "report.docx"
    path.write_bytes(b"old")
    from docx.document import Document

    def broken(self, target):
        Path(target).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Document, "save", broken)
    with pytest.raises(ExportError) as exc:
        export_docx(_full(2023), path)
    assert "磁盘空间不足" in str(exc.value) and "report.docx" in str(exc.value)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]


def test_missing_folder_is_an_export_error(tmp_path):
    with pytest.raises(ExportError, match="不存在"):
        export_docx(_full(2023), tmp_path / "nope" / "report.docx")


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_written_file_gets_a_normal_file_mode(tmp_path):
    _, _, path = _export(_full(2023), tmp_path)
    mask = os.umask(0o022)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


# ---- the command line ---------------------------------------------------------------


@pytest.fixture
def draft(tmp_path) -> Path:
    from model.drafts import save_draft

    path = tmp_path / "年报.nianbao"
    save_draft(_full(2023), path)
    return path


def _cli(*args: str) -> int:
    from cli import main

    return main(["export", *args])


def test_cli_exports_word_and_excel(tmp_path, draft, capsys):
    out, xlsx = tmp_path / "年报.docx", tmp_path / "年报.xlsx"
    assert _cli(str(draft), "--docx", str(out), "--xlsx", str(xlsx)) == 0
    printed = capsys.readouterr().out
    assert f"已导出 Word 文档：{out}" in printed
    assert f"已导出 Excel 工作簿：{xlsx}" in printed
    assert docx.Document(str(out)).paragraphs[0].text.startswith(AGENCY)
    assert xlsx.stat().st_size > 0


def test_cli_never_replaces_an_existing_file_without_force(tmp_path, draft, capsys):
    """`export … --docx 报告.docx` onto the officer's own Word report replaced it
    without a word: an existing output is refused (exit 3) unless --force."""
    out = tmp_path / "我的报告.docx"
    out.write_bytes(b"the officer's own report")
    assert _cli(str(draft), "--docx", str(out)) == 3
    assert "已存在" in capsys.readouterr().err
    assert out.read_bytes() == b"the officer's own report"
    assert _cli(str(draft), "--docx", str(out), "--force") == 0
    assert docx.Document(str(out)).paragraphs[0].text.startswith(AGENCY)


def test_cli_exports_a_report_with_errors_but_strict_refuses(tmp_path, capsys):
    from model.drafts import save_draft

    report = _full(2023, blank_ratio=0.5)
    path = tmp_path / "errors.nianbao"
    save_draft(report, path)
    out = tmp_path / "e.docx"
    assert _cli(str(path), "--docx", str(out)) == 0
    captured = capsys.readouterr()
    assert "错误 R6" in captured.out and "已照常导出" in captured.out
    assert out.exists()
    strict = tmp_path / "strict.docx"
    assert _cli(str(path), "--docx", str(strict), "--strict") == 1
    assert "未导出任何文件" in capsys.readouterr().err
    assert not strict.exists()


def test_cli_exit_codes_for_bad_input_and_unwritable_output(tmp_path, draft, capsys):
    assert _cli(str(tmp_path / "missing.nianbao"), "--docx", str(tmp_path / "x.docx")) == 2
    assert _cli(str(draft)) == 2
    assert "至少用 --docx、--pdf、--xlsx 或 --html" in capsys.readouterr().err
    assert _cli(str(draft), "--docx", str(tmp_path / "x.pdf")) == 2
    assert _cli(str(draft), "--docx", str(tmp_path / "no" / "x.docx")) == 3
    assert "导出失败" in capsys.readouterr().err


def test_a_folder_with_the_target_name_is_an_export_error(tmp_path):
    (tmp_path / "report.docx").mkdir()
    with pytest.raises(ExportError, match="已有同名的文件夹"):
        export_docx(_full(2023), tmp_path / "report.docx")
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]


@pytest.mark.parametrize("year", [2020, 2023])
def test_the_word_importer_reads_the_export_back(tmp_path, year):
    """What the Word export prints is what the Word importer reads: values, units,
    narratives (with their （一） headings), agency, year and date."""
    from importers.docx import import_docx

    report = _full(year, seed=5)
    report.set_text("一", "（一）加强领导，工作到位。为确保落实，调整了领导小组。\n第二段。")
    _, _, path = _export(report, tmp_path)
    back = import_docx(path).report
    assert back.spec is report.spec
    assert back.values() == report.values()
    assert back.texts == report.texts
    assert (back.meta.agency, back.meta.year, back.meta.date) == (
        report.meta.agency,
        report.meta.year,
        report.meta.date,
    )


# what the report holds: no control characters (model.texts), breaks of every kind
_TYPED = st.characters(
    blacklist_categories=("Cs", "Cc", "Cn"), whitelist_characters="\n\t\r\v\f\x85\u2028"
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text(_TYPED, max_size=60), agency=st.text(_TYPED, max_size=20))
@example(text="0000000000000000", agency="")  # a digit run long enough for break hints
def test_any_text_an_officer_types_exports(tmp_path, text, agency):
    report = _full(2023)
    report.set_meta(agency=agency)
    report.set_text("五", text)
    document, _, _ = _export(report, tmp_path, "t.docx")
    # long Latin runs carry invisible break hints (U+200B) so LibreOffice can wrap them
    texts = [p.text.replace("\u200b", "") for p in document.paragraphs]
    i = texts.index("五、存在的主要问题及改进情况")
    j = texts.index("六、其他需要报告的事项")
    held = report.texts["五"]
    expected = layout.without_heading(layout.paragraphs(held), "五、存在的主要问题及改进情况")
    assert texts[i + 1 : j] == expected
    assert all(expected)


def test_a_title_too_long_for_two_lines_takes_three_balanced_ones():
    suffix = "政府信息公开工作年度报告"
    agency = "新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县人民政府"
    lines = layout.title_lines(agency, 2022, suffix)
    assert lines == [
        "新疆维吾尔自治区伊犁哈萨克自治州",
        "察布查尔锡伯自治县人民政府",
        "2022年政府信息公开工作年度报告",
    ]
    # a name without any unit to break after still fits the lines
    odd = "某" * 30
    lines = layout.title_lines(odd, 2022, suffix)
    assert "".join(lines) == f"{odd}2022年{suffix}"
    assert len(lines) == 3
    assert all(layout.text_width(line) <= layout.TITLE_LINE_CHARS for line in lines)
    # a name longer than three lines fills each line
    huge = "某" * 100
    lines = layout.title_lines(huge, 2022, suffix)
    assert "".join(lines) == f"{huge}2022年{suffix}"
    assert all(layout.text_width(line) <= layout.TITLE_LINE_CHARS for line in lines)
    assert layout.text_width(lines[0]) == layout.TITLE_LINE_CHARS


def test_body_text_never_leaves_a_single_line_at_a_page_break(tmp_path):
    document, _, _ = _export(_full(2023), tmp_path)
    normal = document.styles["Normal"]
    assert normal.paragraph_format.widow_control is True
    body = next(p for p in document.paragraphs if p.style.name == "Normal" and p.text)
    assert body.paragraph_format.widow_control is None  # inherited from 正文


def test_cli_fill_zero_fills_the_draft_then_exports(tmp_path, capsys):
    from model.drafts import load_draft, save_draft

    report = _full(2023, blank_ratio=0.3)
    n = len(report.blank_inputs())
    path = tmp_path / "blanks.nianbao"
    save_draft(report, path)
    out = tmp_path / "a.docx"
    assert _cli(str(path), "--docx", str(out)) == 0
    assert f"有 {n} 个未填写的数字" in capsys.readouterr().out
    assert load_draft(path).blank_inputs() == report.blank_inputs()  # untouched
    out2 = tmp_path / "b.docx"
    assert _cli(str(path), "--docx", str(out2), "--fill-zero") == 0
    printed = capsys.readouterr().out
    assert f"已在草稿中把 {n} 个未填写的数字补为 0" in printed
    filled = load_draft(path)
    assert filled.blank_inputs() == []
    assert all(filled.value(c) == 0 for c in report.blank_inputs())


def test_cli_pdf_through_libreoffice_or_says_there_is_no_suite(
    tmp_path, draft, capsys, monkeypatch
):
    import shutil

    out = tmp_path / "年报.pdf"
    if shutil.which("soffice"):
        assert _cli(str(draft), "--pdf", str(out)) == 0
        assert out.read_bytes()[:5] == b"%PDF-"
        assert f"已导出 PDF：{out}" in capsys.readouterr().out
    monkeypatch.setattr("exporters.pdf.find_soffice", lambda: None)
    monkeypatch.setattr("exporters.pdf.suite_name", lambda: None)
    missing = tmp_path / "none.pdf"
    assert _cli(str(draft), "--pdf", str(missing)) == 3
    assert "没有找到可以生成 PDF 的办公软件" in capsys.readouterr().err
    assert not missing.exists()


def test_cli_says_a_note_the_word_file_and_the_pdf_share_once(tmp_path, capsys, monkeypatch):
    from model.drafts import save_draft

    def fake_pdf(report, path):  # the PDF carries the Word export's notes
        return export_docx(report, tmp_path / "inner.docx")

    monkeypatch.setattr("exporters.pdf.export_pdf", fake_pdf)
    report = _full(2023, blank_ratio=0.3)
    report.set_text("六", "")
    path = tmp_path / "blanks.nianbao"
    save_draft(report, path)
    args = ("--docx", str(tmp_path / "a.docx"), "--pdf", str(tmp_path / "a.pdf"))
    assert _cli(str(path), *args) == 0
    out = capsys.readouterr().out
    n = len(report.blank_inputs())
    assert out.count(f"提示：有 {n} 个未填写的数字（") == 1
    assert out.count("没有内容：文件中只有标题") == 1
    assert "Word 文件中留空" not in out  # the same words are true of the PDF
