"""Spreadsheet habits in the table grids: a refused entry holds the cursor, Enter
after a run of Tabs, arrows in entry mode and F2 in place, one undo step per entry
with undo showing what it changed, 补零 leaving a refused cell alone, and paste of
every clipboard shape (quoted fields, HTML tables, blocks over totals)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from gui import table_view
from tests.gui.shell import full_report, make_window
from tests.gui.test_table_grid import current_cell, editor_of, make_page, press, type_text

NEW = "applications.new.natural"
COMMERCIAL = "applications.new.commercial"
RESEARCH = "applications.new.research"
CARRIED = "applications.carried_in.natural"
GRANTED = "applications.granted.natural"


def _show_active(qtbot, window) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _enter(qtbot, view) -> None:
    qtbot.keyClick(editor_of(view) or view, Qt.Key.Key_Return)


# ---- a refused entry holds the cursor -------------------------------------------------------
def test_a_refused_entry_keeps_the_cell_open_with_its_text_and_the_message(qtbot):
    controller, page = make_page(qtbot)
    view = page.view
    page.focus_cell(NEW)
    type_text(qtbot, view, "-5")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Down, Qt.Key.Key_Right):
        qtbot.keyClick(editor_of(view), key)
        editor = editor_of(view)
        assert editor is not None and editor.text() == "-5", key  # the cursor stays
        assert current_cell(page) == NEW
        assert "不能为负数" in page.message() or "负" in page.message()
    # a click on another cell does not leave it either
    other = view.visualRect(page.model.index_of(GRANTED)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=other)
    assert current_cell(page) == NEW and editor_of(view).text() == "-5"
    assert controller.report.is_blank(NEW) and controller.undo_stack.count() == 0
    # fixed: taken, the message goes, Enter moves on
    editor = editor_of(view)
    editor.selectAll()
    qtbot.keyClicks(editor, "5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert controller.report.value(NEW) == 5
    assert page.message() == "" and current_cell(page) == CARRIED


def test_esc_drops_a_refused_entry_and_its_message(qtbot):
    controller, page = make_page(qtbot)
    controller.set_cell_text(NEW, "3")
    page.focus_cell(NEW)
    type_text(qtbot, page.view, "abc")
    _enter(qtbot, page.view)
    assert "「abc」不是数字" in page.message()
    qtbot.keyClick(editor_of(page.view), Qt.Key.Key_Escape)
    assert editor_of(page.view) is None
    assert controller.report.value(NEW) == 3 and page.message() == ""
    assert current_cell(page) == NEW


def test_fill_zero_leaves_a_cell_whose_last_entry_was_refused_and_says_so(qtbot):
    controller, page = make_page(qtbot)
    page.focus_cell(NEW)
    type_text(qtbot, page.view, "abc")
    _enter(qtbot, page.view)
    qtbot.keyClick(editor_of(page.view), Qt.Key.Key_Escape)  # gave up for now
    page.fill_zero()
    assert controller.report.is_blank(NEW)  # not a silent 0 where the officer meant something
    assert controller.report.value(GRANTED) == 0
    message = page.message()
    assert "1 个空白单元格上次输入的内容未被接受，没有补零" in message
    assert "自然人" in message and "「abc」" in message
    controller.set_cell_text(NEW, "4")  # once the cell is filled, it is a cell like any other
    assert controller.refused_blanks("applications") == {}


# ---- Enter after Tabs, arrows, F2 ---------------------------------------------------------------
def test_enter_after_a_run_of_tabs_returns_to_the_column_where_it_began(qtbot):
    controller, page = make_page(qtbot)
    view = page.view
    page.focus_cell(COMMERCIAL)
    for value in ("1", "2", "3"):
        type_text(qtbot, view, value)
        press(qtbot, view, Qt.Key.Key_Tab)
    type_text(qtbot, view, "4")
    press(qtbot, view, Qt.Key.Key_Return)  # a ledger row typed: back under 商业企业
    assert current_cell(page) == "applications.carried_in.commercial"
    assert [
        controller.report.value(f"applications.new.{c}")
        for c in ("commercial", "research", "social", "legal")
    ] == [1, 2, 3, 4]
    # the next row the same way; then a plain Enter goes straight down again
    type_text(qtbot, view, "5")
    press(qtbot, view, Qt.Key.Key_Tab)
    press(qtbot, view, Qt.Key.Key_Return)
    assert current_cell(page) == "applications.granted.commercial"
    press(qtbot, view, Qt.Key.Key_Return)
    assert current_cell(page) == "applications.partial.commercial"


def test_enter_after_tabs_without_typing_and_after_an_arrow(qtbot):
    _controller, page = make_page(qtbot)
    view = page.view
    page.focus_cell(NEW)
    press(qtbot, view, Qt.Key.Key_Tab)
    press(qtbot, view, Qt.Key.Key_Tab)
    press(qtbot, view, Qt.Key.Key_Return)
    assert current_cell(page) == CARRIED
    page.focus_cell(NEW)
    press(qtbot, view, Qt.Key.Key_Tab)
    press(qtbot, view, Qt.Key.Key_Right)  # any other move ends the run
    press(qtbot, view, Qt.Key.Key_Return)
    assert current_cell(page) == "applications.carried_in.research"


def test_arrows_commit_and_move_while_typing_and_f2_edits_in_place(qtbot):
    controller, page = make_page(qtbot)
    view = page.view
    page.focus_cell(COMMERCIAL)
    type_text(qtbot, view, "7")
    press(qtbot, view, Qt.Key.Key_Left)  # entry mode: commits, moves left
    assert controller.report.value(COMMERCIAL) == 7 and current_cell(page) == NEW
    type_text(qtbot, view, "8")
    press(qtbot, view, Qt.Key.Key_Right)
    assert controller.report.value(NEW) == 8 and current_cell(page) == COMMERCIAL
    # F2: edit the value in place; Left/Right move in the text
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = editor_of(view)
    assert editor is not None and editor.text() == "7" and not view.entry_mode
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClicks(editor, "1")
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    assert editor_of(view) is editor and current_cell(page) == COMMERCIAL
    qtbot.keyClicks(editor, "0")
    assert editor.text() == "170"
    qtbot.keyClick(editor, Qt.Key.Key_F2)  # back to entry mode: arrows move again
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert controller.report.value(COMMERCIAL) == 170 and current_cell(page) == RESEARCH


def test_double_click_edits_in_place(qtbot):
    controller, page = make_page(qtbot)
    controller.set_cell_text(NEW, "12")
    view = page.view
    pos = view.visualRect(page.model.index_of(NEW)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)  # QTest's
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)  # double click
    editor = editor_of(view)
    assert editor is not None and editor.text() == "12" and not view.entry_mode


# ---- undo --------------------------------------------------------------------------------
def test_each_entry_is_one_undo_step_and_undo_shows_the_cell(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report(year=2023))
    window.resize(1100, 520)
    window.show()
    qtbot.waitExposed(window)
    window.select_page("三")
    page = window.pages["三"]
    last = "applications.carried_out.other"  # far down the table
    page.focus_cell(last)
    for value in ("3", "2"):  # 3, later corrected to 2
        page.focus_cell(last)
        type_text(qtbot, page.view, value)
        press(qtbot, page.view, Qt.Key.Key_Return)
    window.select_page("一")
    window.act_undo.trigger()
    assert window.controller.report.value(last) == 3  # not straight back to the old value
    assert window.current_page_key() == "三"
    view = page.view
    assert current_cell(page) == last
    assert view.selectionModel().isSelected(view.currentIndex())
    assert view.viewport().rect().intersects(view.visualRect(view.currentIndex()))
    # a paste undone selects the whole block
    page.focus_cell(GRANTED)
    page.view.paste("1\t2\n3\t4\n")
    page.focus_cell(last)
    window.act_undo.trigger()
    selected = {page.model.cell_id(i) for i in view.selectedIndexes()}
    assert selected == {
        GRANTED,
        "applications.granted.commercial",
        "applications.partial.natural",
        "applications.partial.commercial",
    }


def test_undo_of_text_shows_the_section_where_it_changed(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    report = full_report(year=2023)
    long = "第一段。\n" * 80
    report.set_text("五", long)
    window.open_report(report)
    _show_active(qtbot, window)
    window.select_page("五")
    page = window.pages["五"]
    page.editor.setPlainText(long + "新加的一句。")
    window.select_page("三")
    window.act_undo.trigger()
    assert window.current_page_key() == "五"
    assert page.editor.toPlainText() == long
    assert page.editor.textCursor().position() == len(long)
    assert page.editor.hasFocus()
    window.act_redo.trigger()
    assert page.editor.toPlainText().endswith("新加的一句。")


def test_undo_of_a_meta_field_shows_the_field(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report(year=2023))
    _show_active(qtbot, window)
    window.controller.set_meta(agency="新名字")
    window.select_page("三")
    window.act_undo.trigger()
    assert window.current_page_key() == "基本信息"
    assert window.meta_page.agency.hasFocus()


# ---- paste --------------------------------------------------------------------------------
def _clipboard(text: str = "", html: str = "") -> None:
    mime = QMimeData()
    if text:
        mime.setText(text)
    if html:
        mime.setHtml(html)
    QApplication.clipboard().setMimeData(mime)


def test_a_quoted_excel_cell_with_a_line_break_is_one_cell_and_refused_whole(qtbot):
    controller, page = make_page(qtbot)
    page.focus_cell(NEW)
    # Excel quotes a cell holding a line break: one cell, not two rows, and not 1213
    _clipboard('1\t"12\n13"\t3\r\n4\t5\t6\r\n')
    assert page.view.paste() == 0
    assert "「12（换行）13」分成了几行（或几格），不是一个数字" in page.message()
    assert "“商业企业”列" in page.message()
    assert controller.report.is_blank(NEW) and controller.report.is_blank(CARRIED)
    # a cell of a number and its measure word on two lines is that number
    _clipboard('"12\n件"\r\n')
    assert page.view.paste() == 1 and controller.report.value(NEW) == 12
    # quoted fields that are numbers are fine; a quoted tab stays inside its cell
    page.focus_cell(NEW)
    _clipboard('"1,200"\t"7"\r\n')
    assert page.view.paste() == 2
    assert controller.report.value(NEW) == 1200 and controller.report.value(COMMERCIAL) == 7


def test_an_html_table_pastes_when_there_is_no_text(qtbot):
    controller, page = make_page(qtbot)
    page.focus_cell(GRANTED)
    _clipboard(
        html="<html><body><!--StartFragment--><table>"
        "<tr><td>1</td><td>2</td></tr>"
        "<tr><td>3</td><td>４</td></tr>"
        "</table><!--EndFragment--></body></html>"
    )
    assert page.view.paste() == 4
    assert controller.report.value("applications.partial.commercial") == 4
    assert controller.undo_stack.count() == 1


def test_an_html_table_with_spans_lands_as_the_table_is_drawn(qtbot):
    controller, page = make_page(qtbot)
    page.focus_cell(GRANTED)
    # 「1」 spans two columns, 「5」 two rows: their covered places paste as empty
    _clipboard(
        html="<table><tbody>"
        '<tr><td colspan="2">1</td><td rowspan="2">5</td></tr>'
        "<tr><td>3</td><td>4</td></tr>"
        "</tbody></table>"
    )
    assert page.view.paste() > 0
    report = controller.report
    assert report.value(GRANTED) == 1
    assert report.is_blank("applications.granted.commercial")
    assert report.value("applications.granted.research") == 5
    assert report.value("applications.partial.natural") == 3
    assert report.value("applications.partial.commercial") == 4
    assert report.is_blank("applications.partial.research")


_TABLE_2X2 = "<table><tr><td>11</td><td>22</td></tr><tr><td>33</td><td>44</td></tr></table>"


@pytest.mark.parametrize(
    ("text", "html", "expected"),
    [
        # a browser's text of a 2×2 table: one cell per line → the table
        ("11\n22\n33\n44", _TABLE_2X2, [["11", "22"], ["33", "44"]]),
        ("11\r\n22\r\n33\r\n44\r\n", _TABLE_2X2, [["11", "22"], ["33", "44"]]),
        # cells separated by spaces (no tabs) → the table
        ("11 22\n33 44", _TABLE_2X2, [["11", "22"], ["33", "44"]]),
        # Excel/WPS: text and table alike → the text (quoted fields read exactly)
        ("11\t22\r\n33\t44\r\n", _TABLE_2X2, [["11", "22"], ["33", "44"]]),
        (
            '"1,200"\t22\r\n33\t44\r\n',
            _TABLE_2X2.replace(">11<", ">1,200<"),
            [["1,200", "22"], ["33", "44"]],
        ),
        # a trailing tab or empty line does not make another shape
        ("11\t22\t\n33\t44\t\n\n", _TABLE_2X2, [["11", "22", ""], ["33", "44", ""]]),
        # a cell holding a line break: the table keeps it in one cell
        (
            "11\t2\n2\n33\t44",
            _TABLE_2X2.replace(">22<", ">2<br>2<"),
            [["11", "2\n2"], ["33", "44"]],
        ),
        # only text, only a table, HTML without a table
        ("11\n22", "", [["11"], ["22"]]),
        ("", _TABLE_2X2, [["11", "22"], ["33", "44"]]),
        ("11\n22", "<p>11<br>22</p>", [["11"], ["22"]]),
        # one column in both: the text
        ("11\n22", "<table><tr><td>11</td></tr><tr><td>22</td></tr></table>", [["11"], ["22"]]),
        # nothing at all
        ("", "", None),
    ],
)
def test_text_or_html_table_is_chosen_by_shape(text, html, expected):
    from gui.clipboard import clipboard_block

    assert clipboard_block(text, html) == expected


def test_a_browser_copy_pastes_as_the_table_not_down_one_column(qtbot):
    controller, page = make_page(qtbot)
    for cell in (CARRIED, "applications.carried_in.commercial"):
        controller.set_cell_text(cell, "9")  # values the one-column paste would overwrite
    page.focus_cell(NEW)
    _clipboard(text="11\n22\n33\n44", html=_TABLE_2X2)
    assert page.view.paste() == 4
    report = controller.report
    assert (report.value(NEW), report.value(COMMERCIAL)) == (11, 22)
    assert report.value(CARRIED) == 33 and report.value("applications.carried_in.commercial") == 44
    assert report.is_blank("applications.granted.natural")


def test_a_clipboard_with_nothing_to_paste_says_so(qtbot):
    controller, page = make_page(qtbot)
    page.focus_cell(NEW)
    _clipboard(html="<p>只有一段文字</p>")
    assert page.view.paste() == 0
    assert page.message() == "剪贴板中没有可以粘贴的数字或表格。"
    _clipboard(text="  \r\n")
    assert page.view.paste() == 0
    assert page.message() == "剪贴板中没有可以粘贴的数字或表格。"
    assert controller.undo_stack.count() == 0


@pytest.mark.parametrize(
    ("start", "block", "where"),
    [
        # a row copied with a 总计 that does not add up
        ("applications.new.legal", "1\t2\t99\n", "会落在合计「一、本年新收政府信息公开申请数量"),
        # past the right edge of the table
        ("applications.new.other", "1\t2\t3\n", "会超出表格右侧"),
        # past the bottom
        ("applications.carried_out.natural", "1\n2\n", "会超出表格下方"),
    ],
)
def test_a_block_over_a_total_or_outside_is_refused_whole_naming_where(
    qtbot, monkeypatch, start, block, where
):
    controller, page = make_page(qtbot)
    asked: list[list[str]] = []
    monkeypatch.setattr(
        table_view, "confirm_paste_conflicts", lambda _p, found: asked.append(found) or False
    )
    page.focus_cell(start)
    assert page.view.paste(block) == 0
    assert len(asked) == 1 and any(where in c for c in asked[0])
    assert controller.undo_stack.count() == 0  # nothing applied, not even in part
    assert controller.report.is_blank(start)
    assert "粘贴已取消，表格没有任何改动" in page.message() and where in page.message()


def test_the_officer_may_paste_the_rest_of_a_block_and_is_told_what_was_left(qtbot, monkeypatch):
    controller, page = make_page(qtbot)
    monkeypatch.setattr(table_view, "confirm_paste_conflicts", lambda *_a: True)
    page.focus_cell("applications.new.other")
    assert page.view.paste("1\t99\n") == 1
    assert controller.report.value("applications.new.other") == 1
    assert controller.undo_stack.count() == 1
    assert "另有 1 个数字放不进填报单元格，按您的选择未粘贴" in page.message()


def test_a_block_landing_on_printed_labels_is_named(qtbot, monkeypatch):
    _controller, page = make_page(qtbot)
    asked: list[list[str]] = []
    monkeypatch.setattr(
        table_view, "confirm_paste_conflicts", lambda _p, c: asked.append(c) or False
    )
    page.focus_cell(NEW)
    page.view.setCurrentIndex(page.model.index(page.model.index_of(NEW).row(), 0))
    page.view.paste("自然人\t5\n")
    assert asked and "会落在表格文字" in asked[0][0]
