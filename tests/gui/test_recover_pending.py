"""A number half typed when the program stopped is never recovered as a confirmed
value (the field case: 「550」 typed over 150, a crash after 「5」, recovered as 5
without a word), and typing into a cell of a just-saved report is autosaved too."""

from __future__ import annotations

import json
import shutil
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QMessageBox

from gui import dialogs
from gui.main_window import MainWindow
from model.drafts import load_draft, save_draft
from model.paths import autosave_dir
from tests.gui.shell import full_report, make_window
from tests.gui.test_table_grid import editor_of, type_text

CELL = "applications.new.natural"
OTHER = "applications.new.commercial"


def _open_saved(qtbot, window: MainWindow, tmp_path) -> str:
    report = full_report(year=2023, seed=3)
    report.set_value(CELL, 150)
    path = tmp_path / "报告.nianbao"
    save_draft(report, path)
    window.open_file(str(path))
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.select_page("三")
    window.pages["三"].focus_cell(CELL)
    return str(path)


def _crash(window: MainWindow) -> None:
    """What a crash leaves: the session's copy and info file with no live lock."""
    saver = window.autosaver
    assert saver.save_now() and saver.wait()
    for path in (saver.draft_path, saver.info_path):
        shutil.copy(path, autosave_dir() / path.name.replace(saver.session, "deadbeef0000"))


def _recover(qtbot, monkeypatch) -> MainWindow:
    window = make_window(qtbot, monkeypatch)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    monkeypatch.setattr(dialogs, "ask_recover", lambda *_a: True)
    assert window.check_recovery()
    return window


@pytest.fixture
def crashed_after_typing_5(qtbot, monkeypatch, tmp_path):
    """「550」 over 150: the officer typed 「5」 when the program stopped."""
    window = make_window(qtbot, monkeypatch)
    path = _open_saved(qtbot, window, tmp_path)
    type_text(qtbot, window.pages["三"].view, "5")
    _crash(window)
    info = json.loads(window.autosaver.info_path.read_text("utf-8"))
    assert info["pending"] == [{"cell": CELL, "text": "5", "replaces": "150"}]
    assert load_draft(window.autosaver.draft_path).value(CELL) == 150
    window.close()
    return path


def test_recovery_keeps_the_confirmed_value_and_puts_the_typing_back_in_its_cell(
    qtbot, monkeypatch, crashed_after_typing_5
):
    window = _recover(qtbot, monkeypatch)
    assert window.controller.report.value(CELL) == 150  # never silently 5
    assert window.current_page_key() == "三"
    page = window.pages["三"]
    editor = editor_of(page.view)
    assert editor is not None and editor.text() == "5"
    assert page.model.cell_id(page.view.currentIndex()) == CELL
    message = page.message()
    assert "「5」" in message and "已确认的「150」" in message and "保留「150」" in message
    assert "Esc" in message
    # Esc: the confirmed value stays, the note goes
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor_of(page.view) is None
    assert window.controller.report.value(CELL) == 150 and page.message() == ""


def test_enter_takes_the_recovered_typing(qtbot, monkeypatch, crashed_after_typing_5):
    window = _recover(qtbot, monkeypatch)
    page = window.pages["三"]
    editor = editor_of(page.view)
    qtbot.keyClicks(editor, "50")  # finishes 「550」
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.view.state() != QAbstractItemView.State.EditingState)
    assert window.controller.report.value(CELL) == 550 and page.message() == ""


def test_the_recovered_typing_survives_a_second_crash(qtbot, monkeypatch, crashed_after_typing_5):
    window = _recover(qtbot, monkeypatch)
    assert window.autosaver.wait()
    info = json.loads(window.autosaver.info_path.read_text("utf-8"))
    assert info["pending"] == [{"cell": CELL, "text": "5", "replaces": "150"}]
    assert load_draft(window.autosaver.draft_path).value(CELL) == 150


def test_entries_that_cannot_go_back_into_a_cell_are_listed_with_the_confirmed_value(
    qtbot, monkeypatch, tmp_path
):
    window = make_window(qtbot, monkeypatch)
    _open_saved(qtbot, window, tmp_path)
    window.controller.set_cell_text(OTHER, "7")  # something unsaved
    _crash(window)
    window.close()
    info_path = next(autosave_dir().glob("session-deadbeef0000.json"))
    info = json.loads(info_path.read_text("utf-8"))
    info["pending"] = [
        {"cell": CELL, "text": "5", "replaces": "150"},
        {"cell": OTHER, "text": "70", "replaces": "7"},
        {"cell": 3, "text": None},  # damaged: left out, the copy is recovered all the same
    ]
    info_path.write_text(json.dumps(info), encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    window = _recover(qtbot, monkeypatch)
    report = window.controller.report
    assert report.value(CELL) == 150 and report.value(OTHER) == 7
    assert editor_of(window.pages["三"].view).text() == "5"
    assert len(shown) == 1 and "输入了「70」，已确认的值为「7」" in shown[0]


def test_typing_into_a_cell_of_a_just_saved_report_is_autosaved(qtbot, monkeypatch, tmp_path):
    window = make_window(qtbot, monkeypatch)
    _open_saved(qtbot, window, tmp_path)
    assert window.controller.is_clean()
    draft = window.autosaver.draft_path
    type_text(qtbot, window.pages["三"].view, "5")  # nothing confirmed
    qtbot.waitUntil(draft.exists, timeout=3000)
    assert window.autosaver.wait()
    assert load_draft(draft).value(CELL) == 150
    info = json.loads(window.autosaver.info_path.read_text("utf-8"))
    assert info["pending"] == [{"cell": CELL, "text": "5", "replaces": "150"}]
    # Esc: nothing is unsaved or being typed any more, so no copy is kept
    qtbot.keyClick(editor_of(window.pages["三"].view), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not draft.exists(), timeout=3000)


def test_steady_typing_in_one_cell_is_autosaved_within_the_ceiling(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_a: dialogs.SaveChoice.DISCARD)
    window = MainWindow(autosave_delay_ms=300, autosave_ceiling_ms=600)
    qtbot.addWidget(window)
    _open_saved(qtbot, window, tmp_path)
    view = window.pages["三"].view
    draft = window.autosaver.draft_path
    start = time.monotonic()
    written_at = None
    for _ in range(30):  # a key every 50 ms: the 300 ms pause never comes
        type_text(qtbot, view, "1")
        qtbot.wait(50)
        if written_at is None and draft.exists():
            written_at = time.monotonic()
    assert written_at is not None and written_at - start < 0.6 + 0.4


def test_a_recovered_text_change_opens_on_its_page_with_the_keyboard_there(
    qtbot, monkeypatch, tmp_path
):
    """The officer was typing in 五 when the program stopped: the recovered report
    opens on 五, not on 基本信息 with the cursor in 机关名称 (the next keystroke
    went into the agency's name)."""
    window = make_window(qtbot, monkeypatch)
    _open_saved(qtbot, window, tmp_path)
    window.select_page("五")
    window.controller.set_text("五", "明年继续加强培训。")
    _crash(window)
    window.close()
    recovered = _recover(qtbot, monkeypatch)
    assert recovered.current_page_key() == "五"
    assert recovered.controller.report.texts["五"] == "明年继续加强培训。"
    focused = recovered.focusWidget()
    assert focused is recovered.pages["五"].editor or recovered.pages["五"].isAncestorOf(focused)
