"""The main window: navigator badges, jumping to problems, title, status bar,
undo, 补零, and `main.py --screenshot`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui import strings as s
from gui.meta_page import MetaPage
from gui.navigator import META, badges
from gui.problems import KEY_ROLE, summary_text
from gui.table_page import TablePage
from gui.text_page import TextPage
from model.issues import Issue, Severity, Validation
from model.report import Report
from tests.gui.shell import full_report, make_window

ROOT = Path(__file__).resolve().parents[2]
CELL = "applications.new.natural"


def show_active(qtbot, window) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_start_page_then_document(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    assert window.central.currentWidget() is window.start_page
    assert window.windowTitle() == s.WINDOW_TITLE_EMPTY
    assert not window.act_save.isEnabled()
    window.open_report(full_report())
    assert window.central.currentWidget() is window.splitter
    assert window.act_save.isEnabled()
    # 基本信息 and the six sections, each with its page
    assert [window.navigator.item(i).text() for i in range(7)][:2] == [
        "基本信息",
        "一、总体情况",
    ]
    assert isinstance(window.pages[META], MetaPage)
    assert isinstance(window.pages["三"], TablePage)
    assert isinstance(window.pages["六"], TextPage)
    window.navigator.select("四")
    assert window.page_stack.currentWidget() is window.pages["四"]


def test_navigator_badges_follow_validation(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    report = full_report()
    window.open_report(report)
    assert window.navigator.badge("三").errors == 0
    assert window.navigator.badge("三").text == s.NAV_OK
    old = report.input_value(CELL)
    # Unbalance section 三 (R1): its badge counts the error at once.
    window.controller.set_cell_text(CELL, str(old + 5))
    badge = window.navigator.badge("三")
    assert badge.errors >= 1
    assert badge.text == s.NAV_BADGE_ERRORS.format(n=badge.errors)
    assert window.navigator.badge("二").errors == 0
    assert "个错误" in window.issues_label.text()
    window.controller.set_cell_text(CELL, str(old))
    assert window.navigator.badge("三").errors == 0
    # A blank agency is a problem of 基本信息, not of a section.
    window.controller.set_meta(agency="")
    assert window.navigator.badge(META).text != s.NAV_OK


def test_badges_count_an_issue_on_every_page_it_touches():
    report = Report("2021", 2021, "某局")
    issue = Issue(
        Severity.WARNING,
        "R10",
        "正文与表格不一致",
        "text.一",
        ("text.一", "applications.new.total"),
    )
    found = badges(Validation((issue,)), report.spec)
    assert (found["一"].warnings, found["三"].warnings, found["二"].warnings) == (1, 1, 0)


def test_click_on_an_issue_focuses_its_cell(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    show_active(qtbot, window)
    old = window.controller.report.input_value(CELL)
    window.controller.set_cell_text(CELL, str(old + 3))
    window.select_page("一")
    tree = window.problems.tree
    item = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).data(0, KEY_ROLE + 1).rule == "R1"
    )
    key = item.data(0, KEY_ROLE)
    assert key.startswith("applications.")
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.pages["三"]
    assert window.page_stack.currentWidget() is page
    assert page.model.cell_id(page.view.currentIndex()) == key
    assert page.view.hasFocus()


def test_issue_of_a_field_focuses_the_field(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    show_active(qtbot, window)
    window.go_to("meta.agency")
    assert window.page_stack.currentWidget() is window.meta_page
    assert window.meta_page.agency.hasFocus()
    window.go_to("text.五")
    assert window.page_stack.currentWidget() is window.pages["五"]
    assert window.pages["五"].editor.hasFocus()


def test_title_marks_unsaved_changes_and_status_bar(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report(agency="某某市交通运输局"))
    assert window.windowTitle() == "某某市交通运输局 2021年报告[*] — 年报填报助手"
    assert not window.isWindowModified()
    assert window.issues_label.text() == summary_text(window.controller.validation)
    window.controller.set_meta(agency="某某市教育局")
    assert window.isWindowModified()
    assert "某某市教育局" in window.windowTitle()
    assert window.save_label.text() == s.STATUS_UNSAVED
    window.act_undo.trigger()
    assert not window.isWindowModified()
    assert "某某市交通运输局" in window.windowTitle()
    window.act_redo.trigger()
    assert window.controller.report.meta.agency == "某某市教育局"


def test_fill_zero_actions(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(Report("2021", 2021, "某局"))
    report = window.controller.report
    window.select_page("一")
    assert not window.act_zero_table.isEnabled()  # not a table page
    window.select_page("二")
    assert window.act_zero_table.isEnabled()
    window.act_zero_table.trigger()
    assert report.blank_inputs("active") == []
    assert report.blank_inputs("applications") != []
    window.act_zero_all.trigger()
    assert report.blank_inputs() == []
    assert report.value("applications.total.total") == 0
    window.act_undo.trigger()  # one step undoes the whole 全部补零
    assert report.blank_inputs("applications") != []
    assert report.blank_inputs("active") == []


def test_menus_and_toolbar_are_chinese(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == [s.MENU_FILE, s.MENU_EDIT, s.MENU_VIEW, s.MENU_HELP]
    labels = [a.iconText() for a in window.toolbar.actions() if not a.isSeparator()]
    assert labels == [
        s.TB_NEW,
        s.TB_OPEN,
        s.TB_SAVE,
        s.TB_UNDO,
        s.TB_REDO,
        s.TB_EXPORT_DOCX,
        s.TB_EXPORT_XLSX,
    ]


def test_qt_dialogs_are_translated(qtbot):
    from gui.app import create_app

    app = create_app()
    assert app is QApplication.instance()
    assert app.applicationName() == s.APP_NAME
    assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_screenshot_writes_png(tmp_path):
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--screenshot", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 820)


def test_screenshot_of_an_unreadable_file_fails_cleanly(qtbot, monkeypatch, tmp_path, capsys):
    from gui.app import take_screenshot

    bad = tmp_path / "bad.nianbao"
    bad.write_text("not a draft", encoding="utf-8")
    out = tmp_path / "shot.png"
    window = make_window(qtbot, monkeypatch)
    assert take_screenshot(window, str(bad), str(out)) == 2
    assert "bad.nianbao" in capsys.readouterr().err
    assert not out.exists()
    assert bad.read_text(encoding="utf-8") == "not a draft"


def test_filling_a_2021_report_from_scratch(qtbot, monkeypatch, tmp_path):
    """What a new officer does: 新建, 基本信息, the texts, the tables by pasting and
    补零, then save and export. The report ends without errors."""
    from PySide6.QtCore import QDate

    from gui import dialogs
    from model.drafts import load_draft

    window = make_window(qtbot, monkeypatch)
    show_active(qtbot, window)

    def fill(dialog):
        dialog.year.setValue(2021)
        dialog.agency.setText("某某市生态环境局")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialogs.NewReportDialog, "exec", fill)
    window.start_page.new_button.click()
    report = window.controller.report
    assert report.spec.id == "2021" and window.current_page_key() == META

    window.meta_page.date.setDate(QDate(2022, 1, 20))

    window.select_page("一")
    one = window.pages["一"]
    one.outline_button.click()
    one.editor.appendPlainText("本年度共收到政府信息公开申请12件，上年结转0件。")

    def paste_rows(section: str, first_cell: str, rows: list[list[int]]) -> None:
        window.select_page(section)
        page = window.pages[section]
        assert page.focus_cell(first_cell)
        text = "\n".join("\t".join(str(n) for n in row) for row in rows)
        assert page.view.paste(text) > 0

    paste_rows("二", "active.art20_1.regulations.issued", [[1, 0, 5], [2, 1, 9]])
    paste_rows("三", "applications.new.natural", [[10, 2, 0, 0, 0, 0]])
    paste_rows("三", "applications.granted.natural", [[8, 2, 0, 0, 0, 0]])
    paste_rows("三", "applications.carried_out.natural", [[2, 0, 0, 0, 0, 0]])
    assert report.value("applications.new.total") == 12
    window.act_zero_all.trigger()  # the officer checked: everything else is 0

    window.select_page("五")
    window.pages["五"].editor.setPlainText("公开的及时性有待提高。下一步将完善工作机制。")
    six = window.pages["六"]
    six.fee_count.textEdited.emit("0")
    six.fee_insert.click()

    v = window.controller.validation
    assert v.errors == 0, [i.message for i in v.issues]
    assert all(window.navigator.badge(k).errors == 0 for k in ("基本信息", "一", "二", "三"))
    assert window.issues_label.text() == summary_text(v)

    path = tmp_path / "2021.nianbao"
    assert window.write_draft(str(path))
    assert load_draft(path) == report
    assert not window.isWindowModified()

    offered: list[str] = []
    monkeypatch.setattr(
        dialogs,
        "ask_open_exported",
        lambda _p, p, _w: offered.append(p) or dialogs.OpenChoice.NOTHING,
    )
    assert window.export("docx", str(tmp_path / "r.docx"))
    qtbot.waitUntil(lambda: len(offered) == 1, timeout=30000)
    assert window.export("xlsx", str(tmp_path / "r.xlsx"))
    qtbot.waitUntil(lambda: len(offered) == 2, timeout=30000)
    assert (tmp_path / "r.docx").stat().st_size > 0 and (tmp_path / "r.xlsx").stat().st_size > 0


def test_unexpected_errors_are_logged_and_shown_once(qtbot, monkeypatch):
    import threading

    from gui import errors
    from model.paths import log_dir

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)
    shown: list[str] = []
    monkeypatch.setattr(
        errors, "show_unexpected", lambda details, parent=None: shown.append(details)
    )
    errors.install()
    assert sys.excepthook is errors.report_exception
    try:
        raise ValueError("坏了")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert "ValueError: 坏了" in shown[0]
    # An exception in a worker thread reaches the same place, on the main thread.
    thread = threading.Thread(target=lambda: 1 / 0)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert "ZeroDivisionError" in shown[1]
    for handler in errors.log.handlers:
        handler.flush()
    logged = (log_dir() / "nianbao.log").read_text(encoding="utf-8")
    assert "ValueError: 坏了" in logged and "ZeroDivisionError" in logged


def test_aggregate_dialog_is_hooked(qtbot, monkeypatch):
    from gui import aggregate_dialog

    opened: list[object] = []
    monkeypatch.setattr(aggregate_dialog.AggregateDialog, "exec", lambda d: opened.append(d) or 0)
    window = make_window(qtbot, monkeypatch)
    assert window.act_aggregate.isVisible()
    window.act_aggregate.trigger()
    assert len(opened) == 1 and opened[0].parent() is window


def test_first_window_fits_a_small_screen():
    from PySide6.QtCore import QSize

    from gui.main_window import DEFAULT_SIZE, initial_size

    assert initial_size(DEFAULT_SIZE, QSize(1920, 1040)) == QSize(1280, 820)
    # a 1366×768 laptop with a 40-pixel taskbar: the status bar stays on screen
    assert initial_size(DEFAULT_SIZE, QSize(1366, 728)) == QSize(1256, 669)


def test_window_geometry_is_remembered(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    free = window.screen().availableGeometry()  # the headless test screen is 800×800
    assert window.width() <= 0.92 * free.width() and window.height() <= 0.92 * free.height()
    window.show()
    # (smaller than the headless test screen, which restoring clamps to)
    window.resize(700, 500)
    qtbot.waitUntil(lambda: window.width() == 700)
    window.close()
    again = make_window(qtbot, monkeypatch)
    assert (again.width(), again.height()) == (700, 500)


def test_about_names_the_formats(qtbot, monkeypatch):
    from gui import dialogs

    seen: list[str] = []
    monkeypatch.setattr(dialogs.QMessageBox, "about", lambda _p, _t, text: seen.append(text))
    window = make_window(qtbot, monkeypatch)
    window.act_about.trigger()
    assert "国办公开办函〔2021〕30号" in seen[0] and "0.1.0" in seen[0]


def test_pages_by_keyboard(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    show_active(qtbot, window)
    window.select_page("基本信息")
    qtbot.keyClick(
        window.meta_page.agency, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier
    )
    assert window.current_page_key() == "一"
    assert window.page_stack.currentWidget() is window.pages["一"]
    window.act_previous_page.trigger()
    window.act_previous_page.trigger()  # stays on the first entry
    assert window.current_page_key() == "基本信息"


def test_compare_with_last_year(qtbot, monkeypatch, tmp_path):
    from gui import compare_dialog, file_dialogs
    from model.drafts import save_draft

    last = full_report(year=2021, seed=11)
    path = tmp_path / "2021.nianbao"
    save_draft(last, path)
    opened: list[object] = []
    monkeypatch.setattr(compare_dialog.CompareDialog, "exec", lambda d: opened.append(d) or 0)
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a, **_k: str(path))
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report(year=2022, seed=12))
    assert window.act_compare.isVisible() and window.act_compare.isEnabled()
    window.act_compare.trigger()
    assert len(opened) == 1 and opened[0].parent() is window
    # Last year's report now also feeds the carry-over checks (R7).
    assert window.controller.previous_report == last
    assert any(i.rule == "R7" for i in window.controller.validation.issues)


def test_redo_is_ctrl_y_everywhere_as_in_word_and_wps(qtbot, monkeypatch):
    from PySide6.QtGui import QKeySequence

    window = make_window(qtbot, monkeypatch)
    keys = {k.toString() for k in window.act_redo.shortcuts()}
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= keys
    assert window.act_undo.shortcut().matches(QKeySequence("Ctrl+Z")) == (
        QKeySequence.SequenceMatch.ExactMatch
    )


def test_ctrl_y_in_a_text_field_goes_to_the_report_history(qtbot, monkeypatch):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    show_active(qtbot, window)
    edit = window.meta_page.agency
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    mod = Qt.KeyboardModifier.ControlModifier

    def override(key: Qt.Key) -> bool:
        event = QKeyEvent(QEvent.Type.ShortcutOverride, key, mod)
        QApplication.sendEvent(edit, event)
        return event.isAccepted()  # accepted: the editor keeps the key for itself

    assert not override(Qt.Key.Key_Y)  # taken from the editor: the window's 重做 fires
    assert not override(Qt.Key.Key_Z)
    assert not override(Qt.Key.Key_E)  # 导出 Word
    assert override(Qt.Key.Key_C)  # 复制 stays the editor's business
    assert override(Qt.Key.Key_A)
