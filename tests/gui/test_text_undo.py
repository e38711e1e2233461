"""Text undo in the steps of a word processor: one Ctrl+Z never wipes a whole
section typed in one go. A pause, a new paragraph, a paste, an inserted outline,
leaving the editor and a page switch each end a step; inside a table cell being
typed, Ctrl+Z takes back what the cell holds (and Ctrl+Y puts it back)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from gui import commands
from tests.gui.shell import full_report, make_window


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(commands.time, "monotonic", lambda: now[0])
    return now


def text_window(qtbot, monkeypatch, section: str = "五"):
    window = make_window(qtbot, monkeypatch)
    report = full_report()
    for sid in report.texts:
        report.set_text(sid, "")
    window.open_report(report)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.select_page(section)
    page = window.pages[section]
    page.editor.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(page.editor.hasFocus)
    return window, page


def ime(editor, text: str) -> None:
    """Type Chinese as an input method commits it, two characters at a time (QTest
    only types ASCII keys)."""
    for at in range(0, len(text), 2):
        event = QInputMethodEvent()
        event.setCommitString(text[at : at + 2])
        QApplication.sendEvent(editor, event)


def typed(window, section: str = "五") -> str:
    return window.controller.report.texts[section]


def test_one_ctrl_z_takes_back_one_paragraph_not_the_section(qtbot, monkeypatch, clock):
    window, page = text_window(qtbot, monkeypatch)
    ime(page.editor, "第一段文字")
    qtbot.keyClick(page.editor, Qt.Key.Key_Return)
    ime(page.editor, "第二段文字")
    qtbot.keyClick(page.editor, Qt.Key.Key_Return)
    ime(page.editor, "第三段")
    assert typed(window) == "第一段文字\n第二段文字\n第三段"
    qtbot.keyClick(page.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert typed(window) == "第一段文字\n第二段文字\n"
    assert page.editor.toPlainText() == "第一段文字\n第二段文字\n"
    qtbot.keyClick(page.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert typed(window) == "第一段文字\n"
    qtbot.keyClick(page.editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert typed(window) == "第一段文字\n第二段文字\n"


def test_a_pause_in_typing_ends_a_step(qtbot, monkeypatch, clock):
    window, page = text_window(qtbot, monkeypatch)
    ime(page.editor, "本年度")
    clock[0] += commands.TEXT_MERGE_PAUSE + 0.5
    ime(page.editor, "我局")
    clock[0] += commands.TEXT_MERGE_PAUSE - 0.5  # a short hesitation is still one step
    ime(page.editor, "认真")
    window.act_undo.trigger()
    assert typed(window) == "本年度"
    window.act_undo.trigger()
    assert typed(window) == ""


def test_a_paste_is_a_step_of_its_own(qtbot, monkeypatch, clock):
    window, page = text_window(qtbot, monkeypatch)
    ime(page.editor, "一是")
    QGuiApplication.clipboard().setText("加强培训")
    qtbot.keyClick(page.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    ime(page.editor, "；二是")
    assert typed(window) == "一是加强培训；二是"
    window.act_undo.trigger()
    assert typed(window) == "一是加强培训"
    window.act_undo.trigger()
    assert typed(window) == "一是"
    data = QMimeData()
    data.setText("完善制度")
    page.editor.insertFromMimeData(data)  # a drop goes the same way
    window.act_undo.trigger()
    assert typed(window) == "一是"


def test_leaving_the_editor_or_the_page_ends_a_step(qtbot, monkeypatch, clock):
    window, page = text_window(qtbot, monkeypatch)
    ime(page.editor, "问题")
    window.navigator.setFocus(Qt.FocusReason.TabFocusReason)  # focus leaves the editor
    qtbot.waitUntil(lambda: not page.editor.hasFocus())
    page.editor.setFocus(Qt.FocusReason.OtherFocusReason)
    ime(page.editor, "一")
    window.select_page("六")
    window.select_page("五")
    page.editor.setFocus(Qt.FocusReason.OtherFocusReason)
    page.editor.moveCursor(page.editor.textCursor().MoveOperation.End)
    ime(page.editor, "二")
    assert typed(window) == "问题一二"
    window.act_undo.trigger()
    assert typed(window) == "问题一"
    window.act_undo.trigger()
    assert typed(window) == "问题"


def test_typing_after_an_undo_starts_a_new_step(qtbot, monkeypatch, clock):
    window, page = text_window(qtbot, monkeypatch)
    ime(page.editor, "甲乙")
    window.act_undo.trigger()
    window.act_redo.trigger()
    page.editor.moveCursor(page.editor.textCursor().MoveOperation.End)
    ime(page.editor, "丙")
    window.act_undo.trigger()
    assert typed(window) == "甲乙"


def test_the_outline_is_one_step(qtbot, monkeypatch, clock):
    window, page = text_window(qtbot, monkeypatch, "一")
    ime(page.editor, "概述")
    qtbot.keyClick(page.editor, Qt.Key.Key_Return)
    page.outline_button.click()
    page.editor.moveCursor(page.editor.textCursor().MoveOperation.End)
    ime(page.editor, "正文")
    window.act_undo.trigger()
    assert typed(window, "一").endswith("\n") and "正文" not in typed(window, "一")
    window.act_undo.trigger()
    assert typed(window, "一") == "概述\n"


@pytest.mark.parametrize("history", [False, True])
def test_ctrl_z_in_a_cell_being_typed_takes_back_the_typing_first(qtbot, monkeypatch, history):
    """As in Excel: Ctrl+Z in a cell being typed takes back the typing (whether or
    not the report has a history); Ctrl+Y puts it back; once the cell has nothing
    left to undo, Ctrl+Z goes on to the report's last step."""
    from PySide6.QtWidgets import QLineEdit

    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    other = "applications.new.commercial"
    if history:
        window.controller.set_cell_text(other, "77")
    window.select_page("三")
    view = window.pages["三"].view
    cell = "applications.new.natural"
    before = window.controller.report.value(cell)
    view.setCurrentIndex(view.model().index_of(cell))
    view.setFocus()
    qtbot.keyClicks(view, "9")  # typing opens the cell's editor
    (editor,) = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    qtbot.keyClicks(editor, "87")
    assert editor.text() == "987"
    steps = window.controller.undo_stack.count()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == str(before) and editor.isVisible()
    assert window.controller.undo_stack.count() == steps
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == "987"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.report.value(cell) == before
    if history:
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert window.controller.report.value(other) != 77  # the report's last step
        assert window.controller.report.value(cell) == before
