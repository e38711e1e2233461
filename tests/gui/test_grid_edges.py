"""Keys at the edges of what can be typed in (a day in the real window found them):
typing on a heading, a row label or a total says so and stays; Tab and Enter go
from there into the table without losing a key; Tab never wraps into the next row
(Enter does, to the run's start column); Ctrl+Home/Ctrl+End; a page picked in the
navigator takes the keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from tests.gui.shell import full_report, make_window
from tests.gui.test_table_grid import current_cell, editor_of, make_page, press, type_text

NEW = "applications.new.natural"
NEW_COMMERCIAL = "applications.new.commercial"
GRANTED = "applications.granted.natural"


def _click_printed(qtbot, page, text: str) -> None:
    """Click the printed cell showing `text` where the officer sees it (the frozen
    header rows lie over the grid's own)."""
    view = page.view
    g = next(g for g in page.model.table.grid if g.text == text)
    index = page.model.index(g.row, g.col)
    frozen = view._frozen
    on_top = frozen if frozen.isVisible() and g.row < page.model.table.header_rows else view
    pos = on_top.visualRect(index).center()
    qtbot.mouseClick(on_top.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (g.row, g.col)


def _values(controller) -> dict:
    return dict(controller.report.values())


def test_typing_on_a_heading_says_so_stays_and_tab_goes_down_its_column(qtbot):
    controller, page = make_page(qtbot)
    controller.set_cell_text(NEW, "4")
    before = _values(controller)
    page.zero_button.setFocus()  # the keys were elsewhere before the click
    _click_printed(qtbot, page, "商业企业")
    assert page.focusWidget() is page.view  # a click on the frozen heading hands it the keys
    qtbot.keyClicks(page.view, "5")
    assert "栏目标题，不能填写" in page.message()
    assert editor_of(page.view) is None and _values(controller) == before
    press(qtbot, page.view, Qt.Key.Key_Tab)
    assert current_cell(page) == NEW_COMMERCIAL  # not 一/自然人, which holds 4
    type_text(qtbot, page.view, "55")  # no key swallowed
    assert editor_of(page.view).text() == "55"
    press(qtbot, page.view, Qt.Key.Key_Return)
    assert controller.report.value(NEW_COMMERCIAL) == 55 and controller.report.value(NEW) == 4


def test_enter_on_a_heading_goes_down_its_column(qtbot):
    _controller, page = make_page(qtbot)
    _click_printed(qtbot, page, "科研机构")
    press(qtbot, page.view, Qt.Key.Key_Return)
    assert current_cell(page) == "applications.new.research"


def test_typing_on_a_row_label_says_so_and_tab_or_enter_enter_the_row(qtbot):
    controller, page = make_page(qtbot)
    _click_printed(qtbot, page, "（一）予以公开")
    qtbot.keyClicks(page.view, "7")
    assert "行标题，不能填写" in page.message() and controller.report.values() == {}
    assert editor_of(page.view) is None
    press(qtbot, page.view, Qt.Key.Key_Tab)
    assert current_cell(page) == GRANTED
    _click_printed(qtbot, page, "（一）予以公开")
    press(qtbot, page.view, Qt.Key.Key_Return)
    assert current_cell(page) == GRANTED
    # a run of Tabs begun on the label returns to the row's first column
    _click_printed(qtbot, page, "（一）予以公开")
    for text in ("1", "2"):
        type_text(qtbot, page.view, text)
        press(qtbot, page.view, Qt.Key.Key_Tab)
    press(qtbot, page.view, Qt.Key.Key_Return)
    assert current_cell(page) == "applications.partial.natural"


def test_typing_on_a_total_says_so_and_stays(qtbot):
    controller, page = make_page(qtbot)
    page.view.setCurrentIndex(page.model.index_of("applications.new.total"))
    page.view.setFocus()
    qtbot.keyClicks(page.view, "9")
    assert "自动计算" in page.message() and controller.report.values() == {}
    assert current_cell(page) == "applications.new.total"


def test_tab_past_the_last_column_stops_on_the_total_and_enter_goes_back(qtbot):
    controller, page = make_page(qtbot)
    controller.set_cell_text("applications.carried_in.natural", "8")  # must not be overwritten
    page.focus_cell(NEW)
    for text in ("1", "2", "3", "4", "5", "6"):
        type_text(qtbot, page.view, text)
        press(qtbot, page.view, Qt.Key.Key_Tab)
    assert current_cell(page) == "applications.new.total"
    type_text(qtbot, page.view, "7")  # the next row's first number, typed too early
    assert "自动计算" in page.message()
    assert controller.report.value("applications.carried_in.natural") == 8
    press(qtbot, page.view, Qt.Key.Key_Return)  # back to the run's start column
    assert current_cell(page) == "applications.carried_in.natural"
    assert controller.report.value("applications.new.other") == 6


def test_enter_on_a_rows_total_goes_to_the_next_rows_first_input(qtbot):
    _controller, page = make_page(qtbot)
    page.view.setCurrentIndex(page.model.index_of("applications.new.total"))
    press(qtbot, page.view, Qt.Key.Key_Return)
    assert current_cell(page) == "applications.carried_in.natural"


def test_ctrl_home_and_ctrl_end_go_to_the_first_and_last_input(qtbot):
    controller, page = make_page(qtbot)
    view = page.view
    page.focus_cell(GRANTED)
    press(qtbot, view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert current_cell(page) == "applications.carried_out.other"
    press(qtbot, view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert current_cell(page) == NEW
    # while typing (entry mode) they take the number first
    page.focus_cell(GRANTED)
    type_text(qtbot, view, "12")
    press(qtbot, view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert controller.report.value(GRANTED) == 12
    assert current_cell(page) == "applications.carried_out.other"
    # in place (F2) they move in the text
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = editor_of(view)
    assert editor is not None
    qtbot.keyClicks(editor, "34")
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert editor_of(view) is editor and editor.cursorPosition() == 0
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_a_page_picked_in_the_navigator_takes_the_keys(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    report = full_report(year=2023, seed=3)
    window.open_report(report)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    nav = window.navigator
    item = nav._item("三")
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center()
    )
    page = window.pages["三"]
    qtbot.waitUntil(page.view.hasFocus)
    type_text(qtbot, page.view, "42")  # Excel's sheet tab: the digits go into the sheet
    cell = current_cell(page)
    assert cell == NEW and editor_of(page.view).text() == "42"
    qtbot.keyClick(editor_of(page.view), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.view.state() != QAbstractItemView.State.EditingState)
    assert window.controller.report.value(NEW) == 42
    # Ctrl+PgDown to the next table page: the same
    window.select_page("三")
    window.act_next_page.trigger()
    assert window.current_page_key() == "四"
    assert window.pages["四"].view.hasFocus()
    # arrows in the navigator keep the keys there, to go on choosing
    nav.setFocus()
    qtbot.keyClick(nav, Qt.Key.Key_Up)
    assert window.current_page_key() == "三" and nav.hasFocus()
