"""How refusals and notes are shown: the refused cell stays in sight under the
banner, the navigator keeps pointing at the page on screen after a blocked switch,
the status bar lets go of a refusal once it is fixed or dropped, a paste note goes
with an undo, and a paste refusal does not tell the officer to press Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from gui.main_window import MainWindow
from tests.gui.shell import full_report, make_window
from tests.gui.test_table_grid import editor_of, make_page, type_text

CELL = "applications.new.natural"


def _window_on_page_3(qtbot, monkeypatch) -> MainWindow:
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report(year=2023, seed=3))
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.select_page("三")
    return window


def _refuse_in(qtbot, window: MainWindow, cell: str = CELL) -> None:
    page = window.pages["三"]
    page.focus_cell(cell)
    type_text(qtbot, page.view, "12abc")
    qtbot.keyClick(editor_of(page.view), Qt.Key.Key_Return)
    assert "「12abc」不是数字" in page.message()


def test_the_refused_cell_stays_in_sight_when_the_banner_takes_room(qtbot):
    controller, page = make_page(qtbot)
    page.resize(1100, 420)  # a short window: the table scrolls
    qtbot.wait(50)
    view = page.view
    # the lowest input cell of the first column that is fully in sight
    column = [
        view.model().index_of(c.id)
        for c in controller.report.spec.table_by_id["applications"].cells
        if c.id.endswith(".natural") and not c.computed
    ]
    height = view.viewport().height()
    cell = max(
        (i for i in column if view.visualRect(i).bottom() < height),
        key=lambda i: view.visualRect(i).bottom(),
    )
    cell_id = page.model.cell_id(cell)
    view.setCurrentIndex(cell)
    view.setFocus()
    type_text(qtbot, view, "12abc")
    qtbot.keyClick(editor_of(view), Qt.Key.Key_Return)
    assert page.message_bar.isVisible() and "「12abc」" in page.message()
    qtbot.wait(50)  # the banner is laid out
    index = page.model.index_of(cell_id)
    rect = view.visualRect(index)
    assert rect.top() >= 0 and rect.bottom() <= view.viewport().height()
    assert editor_of(view) is not None and editor_of(view).isVisible()


def test_a_blocked_page_switch_leaves_the_navigator_on_the_page_shown(qtbot, monkeypatch):
    window = _window_on_page_3(qtbot, monkeypatch)
    _refuse_in(qtbot, window)
    nav = window.navigator
    item = nav._item("五")
    at = nav.visualItemRect(item).center()
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.wait(20)
    assert window.current_page_key() == "三"
    assert window.page_stack.currentWidget() is window.pages["三"]
    assert [i.data(Qt.ItemDataRole.UserRole) for i in nav.selectedItems()] == ["三"]
    # the keyboard way too
    window.act_next_page.trigger()
    qtbot.wait(20)
    assert [i.data(Qt.ItemDataRole.UserRole) for i in nav.selectedItems()] == ["三"]


def test_the_status_bar_lets_go_of_a_refusal_fixed_or_dropped(qtbot, monkeypatch):
    window = _window_on_page_3(qtbot, monkeypatch)
    page = window.pages["三"]
    _refuse_in(qtbot, window)
    window.act_next_page.trigger()  # a page switch: refused, said in the status bar
    assert "「12abc」不是数字" in window.statusBar().currentMessage()
    qtbot.keyClick(editor_of(page.view), Qt.Key.Key_Escape)  # dropped
    assert window.statusBar().currentMessage() == ""
    _refuse_in(qtbot, window)
    window.act_save.trigger()
    assert "「12abc」" in window.statusBar().currentMessage()
    editor = editor_of(page.view)
    editor.selectAll()
    qtbot.keyClicks(editor, "12")  # fixed
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.view.state() != QAbstractItemView.State.EditingState)
    assert window.statusBar().currentMessage() == "" and page.message() == ""


def test_a_paste_note_goes_with_its_undo(qtbot, monkeypatch):
    window = _window_on_page_3(qtbot, monkeypatch)
    page = window.pages["三"]
    page.focus_cell(CELL)
    before = window.controller.report.value(CELL)
    assert page.view.paste("1\t2\t3\n4\t5\t6\n") == 6
    assert page.message().startswith("已粘贴 6 个单元格")
    window.act_undo.trigger()
    assert window.controller.report.value(CELL) == before
    assert page.message() == ""


def test_a_paste_refusal_says_to_fix_the_source_not_to_press_enter(qtbot):
    controller, page = make_page(qtbot)
    page.focus_cell(CELL)
    assert page.view.paste("1\tabc\n") == 0
    message = page.message()
    assert "「abc」不是数字" in message and "请在原表格中修正后重新复制粘贴" in message
    assert "回车" not in message and "Esc" not in message
    assert editor_of(page.view) is None and controller.report.is_blank(CELL)
