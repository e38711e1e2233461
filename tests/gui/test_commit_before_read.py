"""Nothing typed is lost: every action that reads the report first commits the cell
being typed in (issue: a number typed and saved with Ctrl+S without Enter was not
in the file). A refused text stops the action, and the refusal is shown where it
was typed. One mechanism (DocumentController.commit_edits) for every action."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from gui import aggregate_dialog, compare_dialog, dialogs, export_flow, file_dialogs
from gui.main_window import MainWindow
from model.carryover import start_from_previous
from model.drafts import load_draft, save_draft
from tests.gui.shell import full_report, make_window
from tests.gui.test_table_grid import editor_of, type_text

CELL = "applications.new.natural"


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path) -> MainWindow:
    """A saved report (CELL = 226) on page 三, with 「999」 typed into CELL, not committed."""
    win = make_window(qtbot, monkeypatch)
    report = start_from_previous(full_report(year=2022, seed=5), 2023)
    report.set_value(CELL, 226)
    path = tmp_path / "报告.nianbao"
    save_draft(report, path)
    win.open_file(str(path))
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.select_page("三")
    page = win.pages["三"]
    page.focus_cell(CELL)
    return win


def _type(qtbot, window: MainWindow, text: str) -> None:
    view = window.pages["三"].view
    type_text(qtbot, view, text)
    editor = editor_of(view)
    assert editor is not None and editor.text() == text
    assert window.controller.report.value(CELL) == 226  # typed, not committed


def _saved(window: MainWindow) -> object:
    return load_draft(window.controller.path).value(CELL)


# ---- each action, and how it shows it read what was typed ------------------------------
def _save(window, monkeypatch, tmp_path) -> object:
    window.act_save.trigger()
    return _saved(window)


def _save_as(window, monkeypatch, tmp_path) -> object:
    target = tmp_path / "另存.nianbao"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *_a, **_k: str(target))
    window.act_save_as.trigger()
    return load_draft(target).value(CELL) if target.exists() else None


def _export(window, monkeypatch, tmp_path) -> object:
    import exporters.xlsx

    seen: list[object] = []
    monkeypatch.setattr(dialogs, "ask_export_with_errors", lambda *_a: True)
    monkeypatch.setattr(dialogs, "ask_open_exported", lambda *_a: dialogs.OpenChoice.NOTHING)
    monkeypatch.setattr(export_flow, "ask_blanks", lambda *_a: "as_is")
    monkeypatch.setattr(
        exporters.xlsx, "export_xlsx", lambda report, *_a: seen.append(report.value(CELL))
    )
    window.export("xlsx", str(tmp_path / "x.xlsx"))
    window.tasks.wait()
    return seen[0] if seen else None


def _close(window, monkeypatch, tmp_path) -> object:
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_a: dialogs.SaveChoice.SAVE)
    window.close()
    return _saved(window)


def _open(window, monkeypatch, tmp_path) -> object:
    other = tmp_path / "另一份.nianbao"
    save_draft(full_report(year=2023, seed=9), other)
    path = window.controller.path
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_a: dialogs.SaveChoice.SAVE)
    window.open_file(str(other))
    return load_draft(path).value(CELL)


def _new(window, monkeypatch, tmp_path) -> object:
    path = window.controller.path
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_a: dialogs.SaveChoice.SAVE)
    monkeypatch.setattr(dialogs.NewReportDialog, "exec", lambda _self: 0)
    window.act_new.trigger()
    return load_draft(path).value(CELL)


def _page_switch(window, monkeypatch, tmp_path) -> object:
    window.navigator.select("二")  # as a click on the navigator
    return window.controller.report.value(CELL)


def _problems_jump(window, monkeypatch, tmp_path) -> object:
    window.problems.issueActivated.emit("meta.agency")
    return window.controller.report.value(CELL)


def _undo(window, monkeypatch, tmp_path) -> object:
    # the entry is committed as a step of its own, then that step is undone
    window.act_undo.trigger()
    undone = window.controller.report.value(CELL)
    window.act_redo.trigger()
    return window.controller.report.value(CELL) if undone == 226 else None


def _redo(window, monkeypatch, tmp_path) -> object:
    # typing a new entry, like any edit, replaces what was left to redo
    window.act_redo.trigger()
    return window.controller.report.value(CELL)


def _compare(window, monkeypatch, tmp_path) -> object:
    seen: list[object] = []
    monkeypatch.setattr(
        compare_dialog.CompareDialog,
        "exec",
        lambda dialog: seen.append(window.controller.report.value(CELL)) or 0,
    )
    window.act_compare.trigger()
    return seen[0] if seen else None


def _aggregate(window, monkeypatch, tmp_path) -> object:
    seen: list[object] = []
    monkeypatch.setattr(
        aggregate_dialog.AggregateDialog,
        "exec",
        lambda dialog: seen.append(window.controller.report.value(CELL)) or 0,
    )
    window.act_aggregate.trigger()
    return seen[0] if seen else None


def _fill_zero(window, monkeypatch, tmp_path) -> object:
    window.act_zero_table.trigger()
    return window.controller.report.value(CELL)


ACTIONS: dict[str, Callable[..., object]] = {
    "save": _save,
    "save_as": _save_as,
    "export": _export,
    "close": _close,
    "open": _open,
    "new": _new,
    "page_switch": _page_switch,
    "problems_jump": _problems_jump,
    "undo": _undo,
    "redo": _redo,
    "compare": _compare,
    "aggregate": _aggregate,
    "fill_zero": _fill_zero,
}


def _something_to_undo_and_redo(window: MainWindow) -> None:
    window.controller.set_cell_text("applications.new.commercial", "5")
    window.controller.set_cell_text("applications.new.other", "6")
    window.controller.undo_stack.undo()
    window.pages["三"].focus_cell(CELL)


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_every_reader_commits_what_is_typed_first(qtbot, window, monkeypatch, tmp_path, action):
    _something_to_undo_and_redo(window)
    _type(qtbot, window, "999")
    assert ACTIONS[action](window, monkeypatch, tmp_path) == 999
    assert editor_of(window.pages["三"].view) is None or action == "close"


REFUSAL_EFFECTS = {
    # what must not have happened when the typed text was refused
    "save": lambda w, t: _saved(w) == 226,
    "save_as": lambda w, t: not (t / "另存.nianbao").exists(),
    "export": lambda w, t: not (t / "x.xlsx").exists(),
    "close": lambda w, t: w.isVisible() and _saved(w) == 226,
    "open": lambda w, t: w.controller.report.value(CELL) == 226 and _saved(w) == 226,
    "new": lambda w, t: w.controller.report.value(CELL) == 226 and _saved(w) == 226,
    "page_switch": lambda w, t: w.current_page_key() == "三",
    "problems_jump": lambda w, t: w.current_page_key() == "三",
    "undo": lambda w, t: w.controller.report.value("applications.new.commercial") == 5,
    "redo": lambda w, t: w.controller.report.is_blank("applications.new.other"),
    "compare": lambda w, t: True,
    "aggregate": lambda w, t: True,
    "fill_zero": lambda w, t: w.controller.report.blank_inputs("applications") != [],
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_a_refused_text_stops_every_reader_and_is_shown(
    qtbot, window, monkeypatch, tmp_path, action
):
    _something_to_undo_and_redo(window)  # so that undo and redo could do harm
    _type(qtbot, window, "abc")
    page = window.pages["三"]
    ACTIONS[action](window, monkeypatch, tmp_path)
    assert REFUSAL_EFFECTS[action](window, tmp_path)
    editor = editor_of(page.view)
    assert editor is not None and editor.text() == "abc"  # still there, to fix or Esc
    assert page.model.cell_id(page.view.currentIndex()) == CELL
    assert "「abc」不是数字" in page.message()
    assert "「abc」不是数字" in window.statusBar().currentMessage()
    assert window.controller.report.value(CELL) == 226


def test_autosave_holds_what_is_being_typed_beside_the_copy_without_closing_the_cell(qtbot, window):
    import json

    window.controller.set_meta(agency="改名")  # something unsaved, so the copy is due
    steps = window.controller.undo_stack.count()
    window.pages["三"].focus_cell(CELL)
    _type(qtbot, window, "999")
    assert window.autosaver.save_now() and window.autosaver.wait()
    # the copy holds the confirmed value; what is typed goes beside it
    assert load_draft(window.autosaver.draft_path).value(CELL) == 226
    info = json.loads(window.autosaver.info_path.read_text("utf-8"))
    assert info["pending"] == [{"cell": CELL, "text": "999", "replaces": "226"}]
    editor = editor_of(window.pages["三"].view)
    assert editor is not None and editor.text() == "999"  # the officer types on
    assert window.controller.undo_stack.count() == steps  # nothing committed
    assert window.controller.report.value(CELL) == 226


def test_autosave_leaves_a_refused_text_out_and_the_cell_open(qtbot, window):
    import json

    window.controller.set_meta(agency="改名")
    window.pages["三"].focus_cell(CELL)
    _type(qtbot, window, "abc")
    assert window.autosaver.save_now() and window.autosaver.wait()
    assert load_draft(window.autosaver.draft_path).value(CELL) == 226
    assert editor_of(window.pages["三"].view).text() == "abc"
    info = json.loads(window.autosaver.info_path.read_text("utf-8"))
    assert info["pending"] == [{"cell": CELL, "text": "abc", "replaces": "226"}]


def test_a_text_section_over_the_limit_stops_save_and_says_why(qtbot, window):
    from model import limits

    window.select_page("五")
    page = window.pages["五"]
    too_long = "字" * (limits.MAX_TEXT_CHARS + 1)
    page.editor.setPlainText(too_long)
    assert page.refusal.isVisibleTo(page) and "过长" in page.refusal.text()
    path = Path(window.controller.path)
    before = path.read_bytes()
    window.act_save.trigger()
    assert path.read_bytes() == before
    assert window.statusBar().currentMessage() == page.refusal.text()
    assert window.controller.report.texts["五"] != too_long
    page.editor.setPlainText("改短了。")  # fixed: the refusal goes, save goes through
    assert not page.refusal.isVisibleTo(page)
    window.act_save.trigger()
    assert load_draft(path).texts["五"] == "改短了。"


def test_a_fee_that_is_not_a_number_stops_save(qtbot, window):
    window.pages["三"].view.cancel_editor()
    window.select_page("六")
    page = window.pages["六"]
    page.fee_count.setFocus()
    qtbot.keyClicks(page.fee_count, "3x")
    path = Path(window.controller.path)
    before = path.read_bytes()
    window.act_save.trigger()
    assert path.read_bytes() == before
    assert "信息处理费" in window.statusBar().currentMessage()
    assert page.fee_count.hasFocus() or page.fee_count.text() == "3x"


def test_a_year_typed_without_enter_is_saved(qtbot, window):
    window.pages["三"].view.cancel_editor()
    window.select_page("基本信息")
    year = window.meta_page.year
    year.setFocus()
    year.lineEdit().selectAll()
    qtbot.keyClicks(year.lineEdit(), "2024")  # the field waits for Enter: not in the report
    assert window.controller.report.meta.year == 2023
    window.act_save.trigger()
    assert load_draft(window.controller.path).meta.year == 2024


def test_the_pages_own_fill_zero_button_commits_first(qtbot, window):
    page = window.pages["三"]
    _type(qtbot, window, "999")
    page.fill_zero()  # the button's slot
    assert window.controller.report.value(CELL) == 999
    assert window.controller.report.blank_inputs("applications") == []
    window.controller.undo_stack.undo()  # blanks again
    page.focus_cell(CELL)
    type_text(qtbot, page.view, "abc")
    assert page.fill_zero() == 0
    assert window.controller.report.blank_inputs("applications") != []
    assert "「abc」不是数字" in window.statusBar().currentMessage()
