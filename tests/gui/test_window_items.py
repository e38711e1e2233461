"""What an officer expects around the form: 关闭报告, the title's unsaved mark,
the status bar's counts, the sample opening clean, menu keys that win in every
editor, a path to copy when a file cannot be opened, zoom, a problems panel that
folds to one line, room for table 三 on a 1366×768 screen, 打印, the start
page's 打开 button, and an export box that says each warning once."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from gui import dialogs, open_path
from gui import settings as cfg
from gui import strings as s
from gui.main_window import DEFAULT_SIZE, MainWindow, initial_size
from gui.open_path import PathDialog
from gui.problems import summary_text
from gui.start_page import StartPage
from model.issues import Severity
from model.report import Report
from tests.gui.shell import AUTOSAVE_MS, full_report, make_window

CELL = "applications.new.natural"


def show_active(qtbot, window) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def grid_editor(view) -> QLineEdit | None:
    editors = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    return editors[0] if editors else None


# ---- 关闭报告 --------------------------------------------------------------------------
def test_close_report_goes_back_to_the_start_page(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    assert window.act_close.isEnabled()
    assert "Ctrl+W" in [k.toString() for k in window.act_close.shortcuts()]
    window.act_close.trigger()
    assert window.central.currentWidget() is window.start_page
    assert not window.has_document
    assert not window.act_save.isEnabled() and not window.act_close.isEnabled()
    assert window.windowTitle() == s.WINDOW_TITLE_EMPTY
    window.start_page.sample_button.click()  # the start page's ways in work again
    assert window.has_document and window.controller.report.meta.year == 2020


def test_close_report_asks_about_unsaved_changes(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    window.controller.set_meta(agency="某某市教育局")
    asked: list[str] = []
    answer = {"choice": dialogs.SaveChoice.CANCEL}
    monkeypatch.setattr(
        dialogs,
        "ask_save_changes",
        lambda _p, _name, question="": asked.append(question) or answer["choice"],
    )
    assert not window.close_report()  # 取消: the report stays open, unchanged
    assert asked and asked[0].startswith("关闭报告前，是否保存") and window.has_document
    assert window.controller.report.meta.agency == "某某市教育局"
    answer["choice"] = dialogs.SaveChoice.DISCARD
    assert window.close_report()
    assert window.central.currentWidget() is window.start_page


def test_close_report_commits_what_is_typed_first(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    show_active(qtbot, window)
    window.select_page("三")
    page = window.pages["三"]
    page.focus_cell(CELL)
    for ch in "abc":  # a refused entry: the close stops there
        qtbot.keyClicks(grid_editor(page.view) or page.view, ch)
    assert not window.close_report()
    assert window.has_document and grid_editor(page.view) is not None
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs, "ask_save_changes", lambda *_a: asked.append("?") or dialogs.SaveChoice.CANCEL
    )
    editor = grid_editor(page.view)
    editor.setText("77")
    assert not window.close_report()  # 77 was committed, so the close asks about it
    assert asked and window.controller.report.value(CELL) == 77


# ---- title, status bar, the sample -------------------------------------------------------
def test_title_has_the_unsaved_mark(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report(agency="某某市交通运输局"))
    assert window.windowTitle().endswith("[*] — 年报填报助手")
    assert not window.isWindowModified()
    window.controller.set_cell_text(CELL, "3")
    assert window.isWindowModified()


def test_status_bar_counts_every_severity_as_the_panel_does(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_sample()
    v = window.controller.validation
    assert v.count(Severity.INFO) >= 1
    assert window.issues_label.text() == summary_text(v) == window.problems.summary.text()
    assert "个提示" in window.issues_label.text()
    # a report with only a hint: the panel lists it, the status bar never says 「没有发现问题」
    report = full_report()
    window.open_report(report)
    issues = window.controller.validation.issues
    assert issues and all(i.severity is Severity.INFO for i in issues)
    assert window.problems.tree.topLevelItemCount() == len(issues)
    assert window.issues_label.text() == f"{len(issues)} 个提示"
    assert s.PROBLEMS_NONE not in window.issues_label.text()


def test_the_sample_opens_clean(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs, "ask_save_changes", lambda *_a: asked.append("?") or dialogs.SaveChoice.CANCEL
    )
    window.open_sample()
    assert not window.isWindowModified()
    assert window.save_label.text() == s.STATUS_SAMPLE != s.STATUS_UNSAVED
    assert window.close_report() and not asked  # nothing of the officer's to lose
    window.open_sample()
    window.controller.set_cell_text(CELL, "5")
    assert window.isWindowModified()
    assert window.save_label.text() == s.STATUS_UNSAVED


# ---- menu keys win in every editor -----------------------------------------------------
def _exports(window, monkeypatch) -> list[str]:
    """Replace the export by a recorder that reads the report as the real one does."""
    done: list[str] = []

    def fake_export(kind: str, path: str | None = None) -> bool:
        if not window.commit_edits():
            return False
        done.append(kind)
        return True

    monkeypatch.setattr(window, "export", fake_export)
    return done


@pytest.mark.parametrize(
    "editor",
    ["agency", "year", "date", "kind", "text", "fee_count", "fee_amount", "previous_text"],
)
def test_ctrl_e_exports_with_the_focus_in_any_editor(qtbot, monkeypatch, editor):
    window = make_window(qtbot, monkeypatch)
    report = full_report(2021)
    window.open_report(report)
    show_active(qtbot, window)
    done = _exports(window, monkeypatch)
    if editor in ("agency", "year", "date", "kind"):
        window.select_page("基本信息")
        widget = getattr(window.meta_page, editor)
    else:
        window.select_page("六")
        page = window.pages["六"]
        widget = {
            "text": page.editor,
            "fee_count": getattr(page, "fee_count", None),
            "fee_amount": getattr(page, "fee_amount", None),
            "previous_text": page.previous_text,
        }[editor]
        page.previous_box.show()
    focus(qtbot, widget)
    qtbot.keyClick(widget, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert done == ["docx"], editor


def test_ctrl_e_in_a_cell_being_typed_commits_it_then_exports(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    show_active(qtbot, window)
    done = _exports(window, monkeypatch)
    window.select_page("三")
    page = window.pages["三"]
    page.focus_cell(CELL)
    for ch in "42":  # the first key opens the cell, the rest go into it
        qtbot.keyClicks(grid_editor(page.view) or page.view, ch)
    editor = grid_editor(page.view)
    assert editor is not None and editor.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert done == ["docx"]
    assert window.controller.report.value(CELL) == 42


def test_ctrl_z_in_the_agency_field_undoes_the_report(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report(agency="某某市交通运输局"))
    show_active(qtbot, window)
    window.controller.set_cell_text(CELL, "9")
    focus(qtbot, window.meta_page.agency)
    qtbot.keyClick(window.meta_page.agency, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.report.value(CELL) != 9


def test_copy_and_select_all_stay_the_editors(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report(agency="某某市交通运输局"))
    show_active(qtbot, window)
    agency = window.meta_page.agency
    focus(qtbot, agency)
    qtbot.keyClick(agency, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(agency, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "某某市交通运输局"


def test_editors_of_dialogs_keep_their_own_keys(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    dialog = dialogs.NewReportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isActiveWindow)
    focus(qtbot, dialog.agency)
    assert window.shortcuts not in dialog.agency.findChildren(type(window.shortcuts))
    # the window's filter is only put on widgets of the window
    assert dialog.agency.window() is not window


# ---- a file that cannot be opened -----------------------------------------------------
def test_without_a_program_the_path_is_shown_with_a_copy_button(qtbot, monkeypatch, tmp_path):
    window = make_window(qtbot, monkeypatch)
    target = tmp_path / "某局2025年报告.docx"
    target.write_bytes(b"x")
    monkeypatch.setattr(open_path.shutil, "which", lambda _name: None)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    open_path.open_path(window, str(target))
    dialog = window.findChild(PathDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.field.text() == str(target)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == str(target)
    assert dialog.copy_button.text() == s.OPEN_FAILED_COPIED


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xdg-open is Linux's")
@pytest.mark.parametrize(("code", "said"), [(3, True), (4, True), (0, False)])
def test_xdg_open_failing_is_noticed(qtbot, monkeypatch, tmp_path, code, said):
    window = make_window(qtbot, monkeypatch)
    fake = tmp_path / "xdg-open"
    fake.write_text(f"#!/bin/sh\nexit {code}\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(open_path.shutil, "which", lambda _name: str(fake))
    target = tmp_path / "报告.docx"
    target.write_bytes(b"x")
    finished: list[int] = []
    shown: list[str] = []
    real = open_path.show_unopened
    monkeypatch.setattr(
        open_path,
        "show_unopened",
        lambda p, path, folder=False: shown.append(path) or real(p, path, folder),
    )
    open_path.open_path(window, str(target))
    from PySide6.QtCore import QProcess

    process = window.findChildren(QProcess)[-1]
    process.finished.connect(lambda *_: finished.append(1))
    qtbot.waitUntil(lambda: bool(finished or shown), timeout=10000)
    qtbot.wait(50)
    assert bool(shown) is said


def test_open_folder_after_export_names_the_file(qtbot, monkeypatch, tmp_path):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    target = tmp_path / "r.docx"
    target.write_bytes(b"x")
    calls: list[tuple] = []
    monkeypatch.setattr(open_path, "open_path", lambda *a, **k: calls.append((a[1], k)))
    monkeypatch.setattr(dialogs, "ask_open_exported", lambda *_a: dialogs.OpenChoice.FOLDER)
    window._exported(str(target), [])
    assert calls == [(str(tmp_path), {"file": str(target)})]
    monkeypatch.setattr(dialogs, "ask_open_exported", lambda *_a: dialogs.OpenChoice.FILE)
    window._exported(str(target), [])
    assert calls[-1] == (str(target), {})


# ---- the export box says each warning once ----------------------------------------------
def test_the_export_box_does_not_repeat_its_warnings_under_details(qtbot):
    font = "本机没有安装方正小标宋简体，Word 将以其他字体显示"
    box, buttons = dialogs.export_done_box(None, "/tmp/r.docx", [font])
    qtbot.addWidget(box)
    assert font in box.informativeText()
    assert box.detailedText() == ""
    many = [f"提示 {i}" for i in range(10)]
    box, _buttons = dialogs.export_done_box(None, "/tmp/r.docx", many)
    qtbot.addWidget(box)
    assert "提示 7" in box.informativeText() and "提示 8" not in box.informativeText()
    assert box.detailedText() == "• 提示 8\n• 提示 9"
    assert set(buttons) == set(dialogs.OpenChoice)


# ---- zoom ----------------------------------------------------------------------------------
def test_zoom_enlarges_tables_and_texts_and_is_remembered(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    window.select_page("三")
    grid = window.pages["三"].view
    text = window.pages["一"].editor
    grid_size, text_size = grid.font().pointSizeF(), text.font().pointSizeF()
    window.act_zoom_in.trigger()
    window.act_zoom_in.trigger()
    assert window.zoom == 120
    assert grid.font().pointSizeF() == pytest.approx(grid_size * 1.2)
    assert text.font().pointSizeF() == pytest.approx(text_size * 1.2)
    assert window.settings.get(cfg.ZOOM) == 120
    row = window.pages["三"].model.table.header_rows
    assert grid.rowHeight(row) > 0
    # a page built later opens at the zoom chosen
    assert window.pages["五"].editor.font().pointSizeF() == pytest.approx(text_size * 1.2)
    again = MainWindow(settings=window.settings, autosave_delay_ms=AUTOSAVE_MS)
    qtbot.addWidget(again)
    again.open_report(full_report())
    assert again.zoom == 120
    assert again.pages["一"].editor.font().pointSizeF() == pytest.approx(text_size * 1.2)
    window.act_zoom_reset.trigger()
    assert window.zoom == 100 and grid.font().pointSizeF() == pytest.approx(grid_size)
    for _ in range(30):
        window.act_zoom_out.trigger()
    assert window.zoom == 60  # never unreadably small
    keys = {k.toString() for a in (window.act_zoom_in, window.act_zoom_out) for k in a.shortcuts()}
    assert {"Ctrl+=", "Ctrl+-"} <= keys
    assert window.act_zoom_reset.shortcut().toString() == "Ctrl+0"


def test_zoomed_rows_still_fit_their_text(qtbot, monkeypatch):
    from PySide6.QtGui import QFontMetrics

    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    window.select_page("三")
    window.set_zoom(150)
    view = window.pages["三"].view
    line = QFontMetrics(view.font()).height()
    table = window.pages["三"].model.table
    assert all(view.rowHeight(r) >= line for r in range(table.n_rows))


# ---- the problems panel folds to one line ------------------------------------------------
def test_problems_panel_collapses_to_its_title_line(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_sample()
    window.resize(*DEFAULT_SIZE)
    show_active(qtbot, window)
    dock = window.problems
    open_height = dock.height()
    dock.collapse_button.click()
    assert dock.is_collapsed() and not dock.tree.isVisible()
    line = dock.titleBarWidget().sizeHint().height()
    qtbot.waitUntil(lambda: dock.height() <= line + 8)  # one line: the counts stay in sight
    assert dock.height() < open_height
    assert dock.summary.isVisible() and "个错误" in dock.summary.text()
    assert window.act_collapse_problems.isChecked()
    assert window.settings.get(cfg.PROBLEMS_COLLAPSED)
    again = MainWindow(settings=window.settings, autosave_delay_ms=AUTOSAVE_MS)
    qtbot.addWidget(again)
    again.open_sample()
    assert again.problems.is_collapsed()
    window.act_collapse_problems.trigger()  # the menu item unfolds it again
    assert not dock.is_collapsed() and dock.tree.isVisibleTo(dock)
    assert not window.settings.get(cfg.PROBLEMS_COLLAPSED)


def _rows_in_sight(window) -> int:
    page = window.pages["三"]
    view, table = page.view, page.model.table
    body = view.body_area()
    return sum(
        1
        for r in range(table.header_rows, table.n_rows)
        if view.rowViewportPosition(r) >= body.top()
        and view.rowViewportPosition(r) + view.rowHeight(r) <= body.bottom() + 1
    )


def test_table_three_shows_most_of_its_rows_on_a_1366_by_768_screen(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_sample()
    window.problems.show()
    window.resize(initial_size(DEFAULT_SIZE, QSize(1366, 728)))  # the taskbar takes 40 px
    show_active(qtbot, window)
    window.select_page("三")
    qtbot.wait(50)
    assert window.problems.isVisible() and not window.problems.is_collapsed()
    data_rows = window.pages["三"].model.table.n_rows - window.pages["三"].model.table.header_rows
    shown = _rows_in_sight(window)
    assert shown >= 12, f"{shown} of {data_rows} rows with the problems panel open"
    window.problems.set_collapsed(True)
    qtbot.waitUntil(lambda: _rows_in_sight(window) >= 16)


# ---- 打印 ------------------------------------------------------------------------------------
def test_print_makes_a_pdf_and_opens_it_in_the_viewer(qtbot, monkeypatch):
    import exporters.pdf

    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report(agency="某某市交通运输局"))
    assert window.act_print.shortcut().toString() == "Ctrl+P"
    monkeypatch.setattr(exporters.pdf, "suite_name", lambda: "LibreOffice")
    written: list[Path] = []

    def fake_pdf(report: Report, path) -> list[str]:
        Path(path).write_bytes(b"%PDF-1.4 " + report.meta.agency.encode())
        written.append(Path(path))
        return []

    monkeypatch.setattr(exporters.pdf, "export_pdf", fake_pdf)
    opened: list[str] = []
    monkeypatch.setattr(
        open_path, "open_path", lambda _w, path, **k: opened.append(path) or k["opened"]()
    )
    assert window.act_print.isEnabled()
    window.act_print.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert opened == [str(written[0])]
    assert written[0].suffix == ".pdf" and "某某市交通运输局" in written[0].name
    assert written[0].read_bytes().endswith("某某市交通运输局".encode())
    assert s.STATUS_PRINT_READY in window.statusBar().currentMessage()
    folder = written[0].parent
    window.close()
    assert not folder.exists()  # the printing copy goes with the window


def _printing_window(qtbot, monkeypatch, report: Report):
    """A window whose PDF export writes a stub file, with an office suite."""
    import exporters.pdf

    window = make_window(qtbot, monkeypatch)
    window.open_report(report)
    monkeypatch.setattr(exporters.pdf, "suite_name", lambda: "LibreOffice")
    written: list[Path] = []

    def fake_pdf(report: Report, path) -> list[str]:
        Path(path).write_bytes(b"%PDF-1.4")
        written.append(Path(path))
        return []

    monkeypatch.setattr(exporters.pdf, "export_pdf", fake_pdf)
    return window, written


def test_print_without_a_viewer_says_so_and_never_that_it_is_ready(qtbot, monkeypatch):
    window, written = _printing_window(qtbot, monkeypatch, full_report())
    monkeypatch.setattr(open_path, "open_path", lambda _w, _path, **k: k["failed"]())
    shown: list[str] = []
    monkeypatch.setattr(open_path, "show_unopened", lambda _p, path, *_a: shown.append(path))
    asked: list[bool] = []
    monkeypatch.setattr(dialogs, "ask_print_without_viewer", lambda _p: asked.append(True))
    window.act_print.trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert written and shown == []  # no temporary path to copy
    message = window.statusBar().currentMessage()
    assert message == s.STATUS_PRINT_NO_VIEWER and s.STATUS_PRINT_READY not in message


def test_the_no_viewer_box_offers_to_export_the_pdf(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: seen.append(box.text() + box.informativeText()) or 0
    )
    assert not dialogs.ask_print_without_viewer(None)
    assert "导出 PDF" in seen[0] and "/tmp" not in seen[0]


@pytest.mark.parametrize("answer", [None, "as_is", "fill"])
def test_print_asks_about_blanks_as_export_does(qtbot, monkeypatch, answer):
    from gui import export_flow

    report = full_report()
    report.set_value(CELL, None)
    window, written = _printing_window(qtbot, monkeypatch, report)
    opened: list[str] = []
    monkeypatch.setattr(open_path, "open_path", lambda _w, path, **_k: opened.append(path))
    asked: list[int] = []
    wording: list[bool] = []

    def ask(_p, n, printing=False):
        asked.append(n)
        wording.append(printing)
        return answer

    monkeypatch.setattr(export_flow, "ask_blanks", ask)
    monkeypatch.setattr(dialogs, "ask_export_with_errors", lambda *_a: True)
    started = window.print_report()
    assert asked == [1] and wording == [True]  # asked as 补零后打印 / 按原样打印
    if answer is None:  # 取消: nothing is printed
        assert not started and written == []
        return
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert (window.controller.report.value(CELL) == 0) == (answer == "fill")


def test_print_warns_about_errors_as_export_does(qtbot, monkeypatch):
    report = full_report()
    report.set_value(CELL, report.value(CELL) + 1)  # 三 no longer balances: an error
    window, written = _printing_window(qtbot, monkeypatch, report)
    assert window.controller.validation.has_errors
    asked: list[object] = []
    monkeypatch.setattr(
        dialogs, "ask_export_with_errors", lambda _p, _n, printing=False: asked.append(printing)
    )
    assert not window.print_report()
    assert asked == [True] and written == []  # 「仍要打印吗？」, not 导出


def test_the_print_questions_say_print(qtbot):
    from gui import strings as s

    assert "打印" in s.PRINT_ERRORS and "导出" not in s.PRINT_ERRORS
    assert "打印" in s.BLANKS_FILL_PRINT and "打印" in s.BLANKS_AS_IS_PRINT


def test_print_without_an_office_suite_says_how(qtbot, monkeypatch):
    import exporters.pdf

    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    monkeypatch.setattr(exporters.pdf, "suite_name", lambda: None)
    exports: list[str] = []
    monkeypatch.setattr(window, "export", lambda kind, path=None: exports.append(kind) or True)
    answer = {"export": False}
    monkeypatch.setattr(dialogs, "ask_print_without_suite", lambda _p: answer["export"])
    assert not window.print_report()
    assert exports == []
    answer["export"] = True  # 「导出 Word…」 in the box
    assert window.print_report()
    assert exports == ["docx"]


def test_the_no_suite_box_tells_how_to_print_the_word_file(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        seen.append(box.text() + box.informativeText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert not dialogs.ask_print_without_suite(None)
    assert "导出 Word" in seen[0] and "打印" in seen[0]


# ---- the start page's 打开 ---------------------------------------------------------------------
def test_start_page_opens_the_selected_recent_draft(qtbot, tmp_path):
    drafts = [tmp_path / "甲.nianbao", tmp_path / "乙.nianbao"]
    for path in drafts:
        path.write_text("{}", encoding="utf-8")
    page = StartPage()
    qtbot.addWidget(page)
    page.set_recent([])
    assert not page.open_recent_button.isVisible()
    page.set_recent([str(p) for p in drafts])
    page.show()
    qtbot.waitExposed(page)
    assert page.open_recent_button.isVisible() and page.open_recent_button.isEnabled()
    page.recent.setCurrentRow(1)
    with qtbot.waitSignal(page.recentActivated) as opened:
        page.open_recent_button.click()
    assert opened.args == [str(drafts[1])]
    page.recent.setFocus()
    with qtbot.waitSignal(page.recentActivated) as opened:
        qtbot.keyClick(page.recent, Qt.Key.Key_Return)
    assert opened.args == [str(drafts[1])]
    page.recent.setCurrentItem(None)
    assert not page.open_recent_button.isEnabled()


def test_the_open_button_opens_the_draft_in_the_window(qtbot, monkeypatch, tmp_path):
    from model.drafts import save_draft

    path = tmp_path / "某局.nianbao"
    save_draft(full_report(agency="某局"), path)
    window = make_window(qtbot, monkeypatch)
    window.settings.add_recent(path)
    window.show_start()
    window.start_page.open_recent_button.click()
    assert window.has_document and window.controller.report.meta.agency == "某局"


def test_start_page_visual_pieces(qtbot):
    page = StartPage()
    qtbot.addWidget(page)
    assert page.open_recent_button.text() == s.START_OPEN_RECENT
    assert QFont(page.font()).family()  # the interface font is set


def test_view_menu_and_file_menu_hold_the_new_items(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    texts = [a.text() for _m, a in window.menu_actions()]
    for expected in (
        s.ACT_CLOSE,
        s.ACT_PRINT,
        s.ACT_ZOOM_IN,
        s.ACT_ZOOM_OUT,
        s.ACT_ZOOM_RESET,
        s.ACT_COLLAPSE_PROBLEMS,
        s.ACT_HELP_USAGE,
        s.ACT_HELP_RULES,
        s.ACT_HELP_FORMATS,
        s.ACT_HELP_KEYS,
    ):
        assert expected in texts
    assert QApplication.instance() is not None
    assert isinstance(window.findChild(QAbstractItemView), QAbstractItemView)


def test_without_a_report_nothing_that_needs_one_is_enabled(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    window.controller.set_cell_text(CELL, "9")
    window.controller.set_cell_text(CELL, "8")
    window.act_undo.trigger()
    assert window.act_undo.isEnabled() and window.act_redo.isEnabled()
    window.act_close.trigger()
    assert window.central.currentWidget() is window.start_page
    needs_a_report = (
        window.act_undo,
        window.act_redo,
        window.act_save,
        window.act_save_as,
        window.act_export_docx,
        window.act_export_pdf,
        window.act_export_xlsx,
        window.act_export_html,
        window.act_print,
        window.act_close,
        window.act_compare,
        window.act_zero_all,
    )
    assert [a.text() for a in needs_a_report if a.isEnabled()] == []
    # their keys do nothing either
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.central.currentWidget() is window.start_page
    window.start_page.sample_button.click()
    assert not window.act_undo.isEnabled()  # a new document starts a new history
    assert window.act_print.isEnabled() and window.act_export_pdf.isEnabled()


# ---- the navigator's width --------------------------------------------------------------
def test_the_navigator_is_narrower_on_a_small_screen():
    from gui.main_window import NAV_MIN_WIDTH, NAV_WIDTH, navigator_width

    assert navigator_width(1256) == NAV_WIDTH  # a 1366×768 laptop's window
    assert navigator_width(1024) <= 200
    assert navigator_width(600) == NAV_MIN_WIDTH


def test_table_three_shows_its_total_column_at_1024_by_768(qtbot, monkeypatch):
    import gui.main_window as mw

    monkeypatch.setattr(mw, "initial_size", lambda *_a: QSize(1024, 768))
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    show_active(qtbot, window)
    assert window.size() == QSize(1024, 768)
    window.select_page("三")
    qtbot.wait(50)
    view, table = window.pages["三"].view, window.pages["三"].model.table
    last = table.n_cols - 1
    right = view.columnViewportPosition(last) + view.columnWidth(last)
    assert right <= view.viewport().width(), "the 总计 column is cut"


def test_the_navigator_width_is_the_officers_and_remembered(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    show_active(qtbot, window)
    assert window.splitter.handle(1).isEnabled()  # it can be dragged
    window.splitter.setSizes([230, window.splitter.width() - 230 - window.splitter.handleWidth()])
    assert window.splitter.sizes()[0] == 230
    window.close()
    again = make_window(qtbot, monkeypatch)
    again.open_report(full_report())
    show_active(qtbot, again)
    assert again.splitter.sizes()[0] == 230


def test_the_default_navigator_width_follows_the_window_until_dragged(qtbot, monkeypatch):
    from gui.main_window import NAV_WIDTH, navigator_width

    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    show_active(qtbot, window)
    window.resize(1024, 700)
    assert window.splitter.sizes()[0] == navigator_width(1024)
    window.resize(1280, 760)
    assert window.splitter.sizes()[0] == NAV_WIDTH
    window.splitter.splitterMoved.emit(240, 1)  # the officer drags the divider
    window.splitter.setSizes([240, 1000])
    window.resize(1024, 700)
    assert window.splitter.sizes()[0] == 240
