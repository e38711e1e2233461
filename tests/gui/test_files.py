"""Files through the window: save, reopen, the unsaved-changes question, recent
drafts, unreadable files, and the export actions (in the background)."""

from __future__ import annotations

import pytest

from gui import dialogs, file_dialogs, main_window
from gui import settings as cfg
from gui import strings as s
from gui.main_window import MainWindow
from model.drafts import load_draft, save_draft
from model.report import Report
from model.rules import validate
from tests.gui.shell import full_report, make_window


@pytest.fixture
def errors_shown(monkeypatch):
    """Expected failures the window reports, instead of modal boxes."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        main_window, "show_error", lambda _p, title, text: shown.append((title, text))
    )
    return shown


def test_save_close_reopen_gives_the_same_report(qtbot, monkeypatch, tmp_path):
    window = make_window(qtbot, monkeypatch)
    report = full_report()
    window.open_report(report)
    window.controller.set_text("五", "存在的问题：公开不够及时。\n下一步：完善机制。")
    window.controller.set_meta(agency="某某市自然资源局")
    path = tmp_path / "报告.nianbao"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *_a, **_k: str(tmp_path / "报告"))
    assert window.act_save.isEnabled()
    window.act_save.trigger()  # no path yet: asks where (「另存为」), adds the suffix
    assert path.is_file()
    assert window.controller.path == str(path.resolve())
    assert not window.isWindowModified()
    assert window.save_label.text() == s.STATUS_SAVED
    expected = window.controller.report.snapshot()
    window.close()
    assert not window.isVisible()

    again = make_window(qtbot, monkeypatch)
    assert again.start_page.recent.count() == 1  # the start page lists the draft
    again.start_page.recentActivated.emit(again.start_page.recent.item(0).data(256))
    assert again.has_document
    assert again.controller.report == expected
    assert again.controller.report.texts["五"].startswith("存在的问题")
    assert not again.isWindowModified()


def test_save_writes_to_the_same_path_and_keeps_a_backup(qtbot, monkeypatch, tmp_path):
    window = make_window(qtbot, monkeypatch)
    path = tmp_path / "a.nianbao"
    save_draft(full_report(), path)
    assert window.open_file(str(path))
    window.controller.set_meta(agency="改过的名称")
    assert window.save()
    assert load_draft(path).meta.agency == "改过的名称"
    assert (tmp_path / "a.nianbao.bak").is_file()
    assert window.settings.recent_files() == [str(path.resolve())]


@pytest.mark.parametrize(
    ("choice", "closed", "saved"),
    [
        (dialogs.SaveChoice.CANCEL, False, False),
        (dialogs.SaveChoice.DISCARD, True, False),
        (dialogs.SaveChoice.SAVE, True, True),
    ],
)
def test_unsaved_changes_prompt_on_close(qtbot, monkeypatch, tmp_path, choice, closed, saved):
    window = make_window(qtbot, monkeypatch)
    path = tmp_path / "a.nianbao"
    save_draft(full_report(), path)
    window.open_file(str(path))
    window.show()
    window.controller.set_meta(agency="新名称")
    asked: list[str] = []

    def ask(_parent, name, question=""):
        asked.append(name)
        assert question == f"退出程序前，是否保存对“{name}”的修改？"
        return choice

    monkeypatch.setattr(dialogs, "ask_save_changes", ask)
    window.close()
    assert asked == ["a"]
    assert window.isVisible() is (not closed)
    assert (load_draft(path).meta.agency == "新名称") is saved
    # Nothing to ask once nothing is unsaved.
    if not closed:
        window.act_undo.trigger()
        asked.clear()
        window.close()
        assert asked == [] and not window.isVisible()


def test_opening_another_file_asks_first(qtbot, monkeypatch, tmp_path):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    window.controller.set_meta(agency="未保存的修改")
    other = tmp_path / "b.nianbao"
    save_draft(full_report(seed=3, agency="另一个机关"), other)
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_a: dialogs.SaveChoice.CANCEL)
    assert not window.open_file(str(other))
    assert window.controller.report.meta.agency == "未保存的修改"
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_a: dialogs.SaveChoice.DISCARD)
    assert window.open_file(str(other))
    assert window.controller.report.meta.agency == "另一个机关"


def test_the_unsaved_question_says_what_closes_the_report_and_why(qtbot, monkeypatch, tmp_path):
    """「要在关闭前保存吗？」 when opening another file left the officer wondering."""
    from PySide6.QtWidgets import QMessageBox

    real = dialogs.ask_save_changes
    window = make_window(qtbot, monkeypatch)
    monkeypatch.setattr(dialogs, "ask_save_changes", real)  # the real question this time
    window.open_report(full_report())
    window.controller.set_meta(agency="未保存的修改")
    other = tmp_path / "b.nianbao"
    save_draft(full_report(seed=3, agency="另一个机关"), other)
    seen: list[tuple[str, str]] = []

    def cancel(box: QMessageBox) -> int:
        seen.append((box.text(), box.informativeText()))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    name = window.document_name()
    assert not window.open_file(str(other))
    window.new_report()
    assert seen == [
        (f"打开另一个文件前，是否保存对“{name}”的修改？", "不保存将丢失这些修改。"),
        (f"新建报告前，是否保存对“{name}”的修改？", "不保存将丢失这些修改。"),
    ]
    assert window.controller.report.meta.agency == "未保存的修改"
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_a: dialogs.SaveChoice.DISCARD)


def test_unreadable_file_is_reported_and_never_overwritten(
    qtbot, monkeypatch, tmp_path, errors_shown
):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report(agency="当前报告"))
    bad = tmp_path / "坏文件.nianbao"
    bad.write_text('{"format": "nianbao-draft", "schema": 99}', encoding="utf-8")
    before = bad.read_bytes()
    assert not window.open_file(str(bad))
    assert len(errors_shown) == 1
    title, text = errors_shown[0]
    assert title == s.OPEN_FAILED_TITLE
    assert "坏文件.nianbao" in text
    assert bad.read_bytes() == before
    assert window.controller.report.meta.agency == "当前报告"  # still the old report
    assert window.controller.path is None


def test_a_file_of_another_type_names_the_types_the_window_opens(
    qtbot, monkeypatch, tmp_path, errors_shown
):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report(agency="当前报告"))
    other = tmp_path / "说明.txt"
    other.write_text("不是报告", encoding="utf-8")
    assert not window.open_file(str(other))
    [(title, text)] = errors_shown
    assert title == s.OPEN_FAILED_TITLE
    assert "「说明.txt」不是本程序能读取的报告文件" in text
    assert all(suffix in text for suffix in (".nianbao", ".xlsx", ".docx", ".html", ".pdf"))
    assert window.controller.report.meta.agency == "当前报告"


def test_save_failure_keeps_the_report_unsaved(qtbot, monkeypatch, tmp_path, errors_shown):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    window.controller.set_meta(agency="要保存的")
    target = tmp_path / "没有这个文件夹" / "a.nianbao"
    assert not window.write_draft(str(target))
    assert errors_shown and errors_shown[0][0] == s.SAVE_FAILED_TITLE
    assert not target.exists()
    assert window.isWindowModified()
    assert window.controller.path is None


def test_missing_recent_file_leaves_the_list(qtbot, monkeypatch, tmp_path, errors_shown):
    window = make_window(qtbot, monkeypatch)
    path = tmp_path / "gone.nianbao"
    save_draft(full_report(), path)
    window.settings.add_recent(path)
    window.show_start()
    assert window.start_page.recent.count() == 1
    path.unlink()  # moved away while the start page shows it
    assert not window.open_file(str(path))
    assert errors_shown
    assert window.settings.get(cfg.RECENT_FILES) == []
    assert window.start_page.recent.count() == 0


def test_new_report_dialog_picks_the_format_from_the_year(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)

    def fill(dialog):
        dialog.year.setValue(2020)
        dialog.agency.setText("  某某县财政局 ")
        dialog.kind.setCurrentIndex(dialog.kind.findData("department"))
        assert "2019" in dialog.format.text() or "试行" in dialog.format.text()
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialogs.NewReportDialog, "exec", fill)
    window.act_new.trigger()
    report = window.controller.report
    assert (report.spec.id, report.meta.year, report.meta.agency) == ("2019", 2020, "某某县财政局")
    assert window.current_page_key() == "基本信息"


def test_new_report_based_on_last_year(qtbot, monkeypatch, tmp_path):
    window = make_window(qtbot, monkeypatch)
    last = full_report(year=2021, agency="某某市商务局")
    last.set_text("五", "去年的问题。")
    path = tmp_path / "2021.nianbao"
    save_draft(last, path)

    def fill(dialog):
        dialog.base.setChecked(True)
        dialog.base_path.setEditText(str(path))
        dialog._base_chosen(str(path))
        assert dialog.year.value() == 2022
        assert dialog.agency.text() == "某某市商务局"
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialogs.NewReportDialog, "exec", fill)
    window.act_new.trigger()
    report = window.controller.report
    assert (report.meta.year, report.meta.agency, report.spec.id) == (2022, "某某市商务局", "2021")
    carried = report.input_value("applications.carried_in.natural")
    assert carried == last.input_value("applications.carried_out.natural")
    assert report.texts["五"] == ""  # last year's text is a reference, not copied
    assert report.previous is not None and report.previous.texts["五"] == "去年的问题。"
    assert window.controller.previous_report is not None


def test_new_report_dialog_refuses_without_agency(qtbot):
    dialog = dialogs.NewReportDialog()
    qtbot.addWidget(dialog)
    dialog.agency.setText("   ")
    dialog.accept()
    assert dialog.report is None
    assert dialog.error.text() == s.NEW_NEED_AGENCY


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_export_actions_write_the_file_in_the_background(qtbot, monkeypatch, tmp_path, kind):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    # An error does not block the export: the officer is warned and may go on.
    window.controller.set_cell_text("applications.new.natural", "999")
    assert window.controller.validation.has_errors
    warned: list[int] = []
    monkeypatch.setattr(
        dialogs, "ask_export_with_errors", lambda _p, n, *_a: warned.append(n) or True
    )
    offered: list[str] = []
    monkeypatch.setattr(
        dialogs,
        "ask_open_exported",
        lambda _p, path, _w: offered.append(path) or dialogs.OpenChoice.NOTHING,
    )
    out = tmp_path / f"报告.{kind}"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *_a, **_k: str(out))
    action = window.act_export_docx if kind == "docx" else window.act_export_xlsx
    action.trigger()
    assert warned == [window.controller.validation.errors]
    qtbot.waitUntil(lambda: offered == [str(out)], timeout=30000)
    assert out.stat().st_size > 1000
    assert out.read_bytes()[:2] == b"PK"
    assert not window.tasks.busy
    assert s.STATUS_EXPORTED.format(name=out.name) == window.statusBar().currentMessage()


def test_missing_official_fonts_are_named_once_per_session(qtbot, monkeypatch, tmp_path):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    monkeypatch.setattr("exporters.font_check.installed_families", lambda: frozenset({"黑体"}))
    shown: list[list[str]] = []
    monkeypatch.setattr(
        dialogs,
        "ask_open_exported",
        lambda _p, _path, warnings: shown.append(warnings) or dialogs.OpenChoice.NOTHING,
    )
    for done, name in enumerate(("一.docx", "二.docx"), start=1):
        assert window.export("docx", str(tmp_path / name))
        qtbot.waitUntil(lambda d=done: len(shown) == d and not window.tasks.busy, timeout=30000)
    font_notes = [[w for w in ws if "本机未安装公文字体" in w] for ws in shown]
    assert [len(n) for n in font_notes] == [1, 0]
    assert "方正小标宋简体、仿宋_GB2312、楷体_GB2312" in font_notes[0][0]


def test_export_declined_when_warned_writes_nothing(qtbot, monkeypatch, tmp_path):
    window = make_window(qtbot, monkeypatch)
    window.open_report(Report("2021", 2021, "某局"))  # blank: R6 errors
    monkeypatch.setattr("gui.export_flow.ask_blanks", lambda *_a: "as_is")
    monkeypatch.setattr(dialogs, "ask_export_with_errors", lambda *_a: False)
    out = tmp_path / "x.docx"
    assert not window.export("docx", str(out))
    assert not out.exists()


def test_export_failure_is_shown(qtbot, monkeypatch, tmp_path, errors_shown):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    out = tmp_path / "没有这个文件夹" / "x.xlsx"
    assert window.export("xlsx", str(out))
    qtbot.waitUntil(lambda: bool(errors_shown), timeout=30000)
    assert errors_shown[0][0] == s.EXPORT_FAILED_TITLE
    assert str(out) in errors_shown[0][1]


def test_import_excel_round_trip(qtbot, monkeypatch, tmp_path):
    from exporters.xlsx import export_xlsx

    window = make_window(qtbot, monkeypatch)
    report = full_report()
    path = tmp_path / "表格.xlsx"
    export_xlsx(report, path)
    shown: list[str] = []
    monkeypatch.setattr(
        main_window.QMessageBox, "information", lambda _p, _t, text: shown.append(text)
    )
    monkeypatch.setattr(main_window.QMessageBox, "exec", lambda self: shown.append(self.text()))
    assert window.import_file("xlsx", str(path))
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    imported = window.controller.report
    assert imported.values() == report.values()
    assert window.controller.path is None  # an import is saved as a new draft
    assert window.isWindowModified()  # closing asks to save it


def _answer_box(pick):
    """Click a button of the next modal message box; returns the button texts seen."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[str] = []

    def answer():
        box = QApplication.activeModalWidget()
        seen.extend(b.text() for b in box.buttons())
        pick(box).click()

    QTimer.singleShot(0, answer)
    return seen


def test_the_questions_speak_chinese(qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from gui.app import create_app

    create_app()  # Qt's own zh_CN buttons
    seen = _answer_box(lambda box: box.button(QMessageBox.StandardButton.Discard))
    assert dialogs.ask_save_changes(None, "报告") is dialogs.SaveChoice.DISCARD
    assert sorted(seen) == sorted(["保存", "不保存", "取消"])

    seen = _answer_box(
        lambda box: box.buttons()[[b.text() for b in box.buttons()].index("打开所在文件夹")]
    )
    choice = dialogs.ask_open_exported(None, str(tmp_path / "a.docx"), ["提示一"])
    assert choice is dialogs.OpenChoice.FOLDER
    assert {s.EXPORT_OPEN_FILE, s.EXPORT_OPEN_FOLDER, s.EXPORT_CLOSE} <= set(seen)

    seen = _answer_box(lambda box: box.buttons()[[b.text() for b in box.buttons()].index("恢复")])
    assert dialogs.ask_recover(None, "某局 2021年度", "2022-01-05 10:00") is True
    assert {"恢复", "丢弃", "取消"} <= set(seen)


def test_default_file_name_is_safe(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(Report("2021", 2021, "某市/某局 办公室"))
    assert window.default_file_name() == "某市_某局_办公室2021年政府信息公开工作年度报告"


def test_last_years_report_loaded_in_the_window_is_kept_in_the_draft(qtbot, monkeypatch, tmp_path):
    window = make_window(qtbot, monkeypatch)
    this_year = full_report(2022)
    this_year.set_value("applications.carried_in.natural", 999)  # disagrees with last year
    window.open_report(this_year, None)
    window.controller.mark_saved()
    last = full_report(2021, seed=3)
    monkeypatch.setattr(window, "_pick_previous", lambda: last)
    window.load_previous()
    assert window.isWindowModified()  # last year's figures are part of the file now
    assert any(i.rule == "R7" for i in window.controller.validation.issues)
    out = tmp_path / "2022.nianbao"
    assert window.write_draft(str(out))
    reopened = load_draft(out)
    assert reopened.previous is not None and reopened.previous.year == 2021
    assert reopened.previous.texts["五"] == last.texts["五"]
    assert any(i.rule == "R7" for i in validate(reopened).issues)  # still checked


def test_compare_uses_last_years_figures_already_in_the_draft(qtbot, monkeypatch):
    from gui import compare_dialog
    from model.carryover import start_from_previous

    window = make_window(qtbot, monkeypatch)
    window.open_report(start_from_previous(full_report(2021), 2022))
    monkeypatch.setattr(window, "_pick_previous", lambda: pytest.fail("asked for a file"))
    shown: list[compare_dialog.CompareDialog] = []
    monkeypatch.setattr(compare_dialog.CompareDialog, "exec", lambda self: shown.append(self) or 0)
    window.compare_with_previous()
    [dialog] = shown
    carried = next(
        c
        for table in dialog.tables
        for c in table.cells
        if c.cell == "applications.carried_in.natural"
    )
    assert carried.previous is not None  # last year's figures came from the draft


def test_the_roll_ups_open_button_opens_the_summary(qtbot, monkeypatch):
    from gui import aggregate_dialog

    window = make_window(qtbot, monkeypatch)
    summary = full_report(2023, agency="汇总")

    def fake_exec(dialog):
        dialog.openRequested.emit(summary)
        return 0

    monkeypatch.setattr(aggregate_dialog.AggregateDialog, "exec", fake_exec)
    window.aggregate()
    assert window.has_document
    assert window.controller.report == summary
    assert window.isWindowModified()  # new work: closing asks to save it


def test_a_failed_autosave_is_said_in_the_status_bar(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    window.autosaver.failed.emit("磁盘空间不足")
    assert "自动保存失败（磁盘空间不足）" in window.statusBar().currentMessage()


def test_starting_with_a_file_builds_no_start_page_unless_the_file_fails(
    qtbot, monkeypatch, tmp_path, errors_shown
):
    """`main.py FILE`: the start page is not made when the file opens (start-up
    time), and is shown, with the error, when it cannot be opened."""
    good = tmp_path / "好.nianbao"
    save_draft(full_report(), good)
    window = MainWindow(with_start_page=False)
    qtbot.addWidget(window)
    assert window.open_file(str(good))
    assert window._start_page is None
    assert window.central.currentWidget() is window.splitter

    bad = tmp_path / "坏.nianbao"
    bad.write_bytes(b"\x00\x01 not a draft")
    other = MainWindow(with_start_page=False)
    qtbot.addWidget(other)
    assert not other.open_file(str(bad))
    assert errors_shown and errors_shown[-1][0] == s.OPEN_FAILED_TITLE
    assert other.central.currentWidget() is other.start_page
    assert not other.act_save.isEnabled()
    assert bad.read_bytes() == b"\x00\x01 not a draft"  # the unreadable file is left as it was


@pytest.mark.parametrize("choice", ["save_as", "overwrite", None])
def test_a_draft_saved_by_another_window_is_not_overwritten_without_asking(
    qtbot, monkeypatch, tmp_path, choice
):
    """Two windows on one draft: B saves 11, then A (opened before) saves. A asks
    first — 另存为… (default), 仍然覆盖 or 取消 — instead of silently putting back 10."""
    cell = "applications.new.natural"
    path = tmp_path / "年报.nianbao"
    report = full_report()
    report.set_value(cell, 10)
    save_draft(report, path)
    window_a = make_window(qtbot, monkeypatch)
    window_b = MainWindow()
    qtbot.addWidget(window_b)
    assert window_a.open_file(str(path)) and window_b.open_file(str(path))
    window_b.controller.set_cell_text(cell, "11")
    assert window_b.save()
    window_a.controller.set_cell_text("applications.new.legal", "3")
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs, "ask_changed_on_disk", lambda _w, name: asked.append(name) or choice
    )
    other = tmp_path / "另存.nianbao"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *_a, **_k: str(other))
    saved = window_a.save()
    assert asked == ["年报.nianbao"]
    if choice == "overwrite":
        assert saved and load_draft(path).value(cell) == 10
    else:
        assert load_draft(path).value(cell) == 11  # B's save kept
        assert saved == (choice == "save_as")
        assert other.exists() == (choice == "save_as")
    # saved or not, a later save from the window that saved last does not ask again
    asked.clear()
    window_b.controller.set_cell_text(cell, "12")
    if choice != "overwrite":
        assert window_b.save() and asked == []


def test_saving_twice_from_one_window_never_asks(qtbot, monkeypatch, tmp_path):
    path = tmp_path / "年报.nianbao"
    save_draft(full_report(), path)
    window = make_window(qtbot, monkeypatch)
    assert window.open_file(str(path))
    monkeypatch.setattr(dialogs, "ask_changed_on_disk", lambda *_a: pytest.fail("asked"))
    for value in (1, 2, 3):
        window.controller.set_cell_text("applications.new.natural", str(value))
        assert window.save()
    assert load_draft(path).value("applications.new.natural") == 3
