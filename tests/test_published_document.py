"""The neutral published document and the one mapping from it: tables placed by
the TableBuilder (spans both ways, offsets, clipping) and a report read from a
document no Word file was involved in, as an HTML or PDF reader will produce."""

from __future__ import annotations

import datetime as dt

from importers.published.document import Paragraph, PublishedDocument, TableBuilder
from importers.published.reader import read_published
from model import limits
from model.rules import validate


def _texts(table) -> list[list[str]]:
    return [[c.text for c in table.row_cells(r)] for r in range(len(table.rows))]


def test_row_and_column_spans_cover_their_positions_once():
    b = TableBuilder("表")
    b.new_row()
    corner = b.add("角", colspan=2, rowspan=2)  # HTML: rowspan reserves the positions below
    b.add("甲")
    b.new_row()
    b.add("乙")  # lands right of the corner
    table = b.build()
    assert table.rows[1][:2] == [corner, corner] and corner.rowspan == 2
    assert table.rows[1][2].text == "乙" and table.rows[1][2].col == 2
    assert _texts(table) == [["角", "甲"], ["角", "乙"]]
    assert b.notes == []


def test_word_style_continuations_and_offsets():
    b = TableBuilder("表", declared_cols=4)
    b.new_row()
    b.skip(1)  # gridBefore
    top = b.add("上", colspan=2)
    b.add("右")
    b.new_row()
    assert not b.continue_above()  # column 0 was empty above: nothing to continue
    b.add("新")
    assert b.continue_above(colspan=2)  # vMerge continue
    b.add("右下")
    b.new_row()
    left = b.add("左")
    assert b.continue_left(colspan=2)  # legacy hMerge
    table = b.build()
    assert top.rowspan == 2 and table.rows[1][1] is top and table.rows[1][2] is top
    assert _texts(table)[1] == ["新", "上", "右下"]
    assert left.colspan == 3 and table.rows[2][:3] == [left, left, left]
    assert table.rows[0][0] is None and table.n_cols == 4


def test_absurd_spans_cost_nothing_and_are_named():
    b = TableBuilder("文档中第 1 个表格", declared_cols=8)
    b.new_row()
    b.add("甲")
    b.add("宽", colspan=100_000)
    b.add("挤出")  # nothing is left of the table: still placed, up to the hard limit
    b.new_row()
    b.skip(300_000_000)
    b.add("乙")
    table = b.build()
    assert table.n_cols <= limits.MAX_TABLE_COLS
    assert table.rows[0][1].colspan == 7
    assert b.notes[0].startswith("文档中第 1 个表格有 2 处合并或缩进的列数超出表格的宽度（8 列）")


def test_the_hard_limits_of_a_table():
    b = TableBuilder("表")  # no declared width: MAX_TABLE_COLS
    b.new_row()
    for _ in range(limits.MAX_TABLE_COLS + 3):
        b.add("1")
    for _ in range(limits.MAX_TABLE_ROWS + 1):
        b.new_row()
    assert len(b.build().rows) == limits.MAX_TABLE_ROWS
    assert f"表有 3 个单元格超出 {limits.MAX_TABLE_COLS} 列，未导入" in b.notes
    assert f"表超过 {limits.MAX_TABLE_ROWS} 行，其后的 2 行未导入" in b.notes


def _appeals_table():
    """Section 四 as an HTML page marks it up: rowspan and colspan, no continuation cells."""
    b = TableBuilder("文档中第 1 个表格")
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    b.new_row()
    b.add("行政复议", colspan=5)
    b.add("行政诉讼", colspan=10)
    b.new_row()
    for h in heads:
        b.add(h, rowspan=2)
    b.add("未经复议直接起诉", colspan=5)
    b.add("复议后起诉", colspan=5)
    b.new_row()
    for h in heads * 2:
        b.add(h)
    b.new_row()
    for v in ["1", "2", "0", "0", "4", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"]:
        b.add(v)
    return b.build()


def test_a_report_read_from_a_neutral_document():
    document = PublishedDocument(
        [
            Paragraph("某某区人民政府2023年政府信息公开工作年度报告"),
            Paragraph(""),
            Paragraph("一、总体情况"),
            Paragraph("本年度推进政务公开。"),
            Paragraph("四、政府信息公开行政复议、行政诉讼情况"),
            _appeals_table(),
            Paragraph("五、存在的主要问题及改进情况"),
            Paragraph("问题。"),
            Paragraph("六、其他需要报告的事项"),
            Paragraph("无。"),
            Paragraph("某某区人民政府"),
            Paragraph("2024年3月1日"),
        ],
        notes=["前端的说明"],
        name="page.html",
    )
    result = read_published(document)
    report = result.report
    assert result.notes[0] == "前端的说明"
    assert (report.format_id, report.meta.year) == ("2021", 2023)
    assert report.meta.agency == "某某区人民政府" and report.meta.kind == "government"
    assert report.meta.date == dt.date(2024, 3, 1)
    assert report.texts == {"一": "本年度推进政务公开。", "五": "问题。", "六": "无。"}
    assert report.value("appeals.review.upheld") == 1
    assert report.value("appeals.suit_direct.pending") == 1
    # printed 4 over parts adding to 3: kept and reported
    assert report.printed() == {"appeals.review.total": 4}
    assert any(
        i.rule == "R16" and "印为 4，各项之和为 3" in i.message for i in validate(report).issues
    )
