"""The roll-up dialog: list, run off the UI thread, statuses, save, cancel."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from gui import aggregate_dialog as module
from gui import file_dialogs
from gui.aggregate_dialog import AggregateDialog
from model.aggregate import AggregateCancelled
from model.drafts import load_draft, save_draft
from tests.factories import random_report

COL_AGENCY, COL_ERRORS, COL_NOTE = 1, 3, 8


@pytest.fixture
def folder(tmp_path):
    """Three 2023 reports, one of 2020 and a broken file."""
    rng = random.Random(5)
    folder = tmp_path / "报告"
    folder.mkdir()
    reports = [random_report(rng, 2023, f"某某县第{i}局") for i in range(3)]
    for i, r in enumerate(reports):
        save_draft(r, folder / f"a{i}.nianbao")
    save_draft(random_report(rng, 2020, "旧年度局"), folder / "b-old.nianbao")
    (folder / "c-broken.nianbao").write_text("{", encoding="utf-8")
    return folder, reports


@pytest.fixture
def dialog(qtbot):
    dlg = AggregateDialog()
    qtbot.addWidget(dlg)
    yield dlg
    dlg.cancel()
    dlg.wait_idle()


def _cell(dlg: AggregateDialog, row: int, col: int) -> str:
    return dlg.table.item(row, col).text()


def _run(qtbot, dlg: AggregateDialog) -> None:
    with qtbot.waitSignal(dlg.run_button.clicked):
        qtbot.mouseClick(dlg.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.running and dlg.result is not None, timeout=20000)


def test_pick_run_and_see_statuses(qtbot, dialog, folder, monkeypatch):
    folder, reports = folder
    assert not dialog.run_button.isEnabled() and not dialog.save_draft_button.isEnabled()
    monkeypatch.setattr(file_dialogs, "pick_folder", lambda *a, **k: str(folder))
    qtbot.mouseClick(dialog.add_folder_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 5
    assert [_cell(dialog, r, COL_NOTE) for r in range(5)] == ["待汇总"] * 5
    assert "共 5 个文件，其中 5 个报告文件待汇总" in dialog.status_label.text()

    with qtbot.waitSignal(dialog.summaryReady, timeout=20000) as ready:
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running)
    summary = ready.args[0]
    cell = "applications.new.natural"
    assert summary.input_value(cell) == sum(r.input_value(cell) for r in reports)
    assert [_cell(dialog, r, COL_AGENCY) for r in range(3)] == [r.meta.agency for r in reports]
    assert [_cell(dialog, r, COL_NOTE) for r in range(3)] == ["已汇总"] * 3
    assert _cell(dialog, 3, COL_NOTE) == "未纳入：本报告为2020年度，汇总的是2023年度"
    assert _cell(dialog, 4, COL_NOTE).startswith("无法读取：")
    assert _cell(dialog, 4, COL_ERRORS) == ""
    assert "3 份报告已汇总，2 个文件未纳入" in dialog.status_label.text()
    assert "0 份有错误，0 份有空白单元格" in dialog.status_label.text()
    assert dialog.save_draft_button.isEnabled() and dialog.open_button.isEnabled()


def test_save_draft_and_workbook(qtbot, dialog, folder, tmp_path, monkeypatch):
    folder, _ = folder
    dialog.add_paths([folder])
    dialog.agency_edit.setText("某某县人民政府")
    _run(qtbot, dialog)
    target = tmp_path / "汇总"  # the suffix is added
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(target))
    qtbot.mouseClick(dialog.save_draft_button, Qt.MouseButton.LeftButton)
    saved = load_draft(tmp_path / "汇总.nianbao")
    assert saved.meta.agency == "某某县人民政府" and saved == dialog.result.summary
    qtbot.mouseClick(dialog.save_xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)
    assert "汇总.xlsx" in dialog.status_label.text()
    wb = load_workbook(tmp_path / "汇总.xlsx")
    assert wb.sheetnames[0] == "报送情况" and wb["报送情况"].max_row == 2 + 5


def test_year_choice_and_open(qtbot, dialog, folder):
    folder, _ = folder
    dialog.add_paths([folder])
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(2020))
    _run(qtbot, dialog)
    assert dialog.result.year == 2020 and len(dialog.result.included) == 1
    with qtbot.waitSignal(dialog.openRequested) as opened:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened.args[0].meta.year == 2020


def test_remove_and_clear(qtbot, dialog, folder):
    folder, _ = folder
    dialog.add_paths([folder])
    dialog.add_paths([folder / "a0.nianbao"])  # already listed: not twice
    assert len(dialog.files) == 5
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [f.name for f in dialog.files] == [
        "a1.nianbao",
        "a2.nianbao",
        "b-old.nianbao",
        "c-broken.nianbao",
    ]
    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0 and not dialog.run_button.isEnabled()


def test_nothing_to_sum_is_explained(qtbot, dialog, tmp_path):
    broken = tmp_path / "x.nianbao"
    broken.write_text("[]", encoding="utf-8")
    dialog.add_paths([broken])
    _run(qtbot, dialog)
    assert "没有可汇总的报告" in dialog.status_label.text()
    assert not dialog.save_draft_button.isEnabled() and dialog.save_xlsx_button.isEnabled()


def test_cancel_stops_the_worker(qtbot, dialog, tmp_path, monkeypatch):
    started = threading.Event()

    def slow(files, *, should_stop, **_kw):
        started.set()
        while not should_stop():
            threading.Event().wait(0.01)
        raise AggregateCancelled

    monkeypatch.setattr(module, "aggregate", slow)
    dialog.add_paths([tmp_path / "a.nianbao"])
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert started.wait(5) and dialog.running and dialog.cancel_button.isEnabled()
    assert not dialog.add_folder_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=5000)
    assert dialog.status_label.text() == "已取消汇总。" and dialog.result is None
    assert dialog.run_button.isEnabled()


def test_every_file_is_listed_before_the_run_with_why_it_is_skipped(qtbot, dialog, folder):
    folder, _ = folder
    (folder / "说明.txt").write_text("各部门报告", encoding="utf-8")
    dialog.add_paths([folder])
    assert dialog.table.rowCount() == 6
    assert _cell(dialog, 5, 0) == "说明.txt"
    assert _cell(dialog, 5, COL_NOTE).startswith("未读取：.txt 文件不是本程序能读取的报告")
    assert "共 6 个文件，其中 5 个报告文件待汇总" in dialog.status_label.text()
    _run(qtbot, dialog)
    assert _cell(dialog, 5, COL_NOTE).startswith("未读取：.txt")


def test_the_default_save_place_is_not_the_folder_being_summed(qtbot, dialog, monkeypatch):
    from model.paths import drafts_dir

    drafts = drafts_dir()  # the officer collected the departments' reports right there
    rng = random.Random(2)
    for i in range(2):
        save_draft(random_report(rng, 2023, f"第{i}局"), drafts / f"{i}.nianbao")
    dialog.add_paths([drafts])
    _run(qtbot, dialog)
    offered: list[str] = []

    def fake_save(_parent, _title, default, _filter):
        offered.append(default)
        return "", ""

    monkeypatch.setattr(file_dialogs, "save_file", lambda *a: fake_save(*a)[0])
    qtbot.mouseClick(dialog.save_draft_button, Qt.MouseButton.LeftButton)
    assert offered and Path(offered[0]).parent == drafts.parent
    assert Path(offered[0]).name == "2023年度汇总.nianbao"


def test_before_saving_the_dialog_says_how_many_reports_had_blanks_or_errors(
    qtbot, dialog, folder, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    folder, reports = folder
    reports[0].set_values({"applications.new.natural": None})
    save_draft(reports[0], folder / "a0.nianbao")
    dialog.add_paths([folder])
    _run(qtbot, dialog)
    assert "1 份有错误，1 份有空白单元格（按 0 计入）" in dialog.status_label.text()
    asked: list[str] = []

    def answer(box: QMessageBox, choice: str) -> None:
        asked.append(box.text())
        chosen = next(b for b in box.buttons() if b.text() == choice)
        monkeypatch.setattr(QMessageBox, "clickedButton", lambda _self: chosen)

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "返回查看"))
    saves: list[int] = []
    target = str(tmp_path / "s.nianbao")
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: (saves.append(1), target)[1])
    qtbot.mouseClick(dialog.save_draft_button, Qt.MouseButton.LeftButton)
    assert asked == ["已汇总的报告中，1 份有错误，1 份有空白单元格（空白按 0 计入汇总）。"]
    assert saves == []  # went back: nothing asked, nothing written
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "仍然保存"))
    qtbot.mouseClick(dialog.save_draft_button, Qt.MouseButton.LeftButton)
    assert saves == [1] and (tmp_path / "s.nianbao").exists()
    qtbot.mouseClick(dialog.save_draft_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2  # asked once per result


# ---- day-in-the-window findings --------------------------------------------------------------
def test_every_run_looks_at_the_folders_again(qtbot, dialog, folder):
    """A late report copied in after the first run is counted by the next one; a file
    the officer removed from the list stays removed."""
    folder, reports = folder
    dialog.add_paths([folder])
    dialog.table.selectRow(4)  # c-broken.nianbao
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    _run(qtbot, dialog)
    assert len(dialog.result.included) == 3
    late = random_report(random.Random(77), 2023, "迟交局")
    save_draft(late, folder / "a9-late.nianbao")
    _run(qtbot, dialog)  # the same dialog, 开始汇总 again
    cell = "applications.new.natural"
    assert len(dialog.result.included) == 4
    assert dialog.result.summary.input_value(cell) == sum(
        r.input_value(cell) for r in (*reports, late)
    )
    names = [f.name for f in dialog.files]
    assert "a9-late.nianbao" in names and "c-broken.nianbao" not in names
    assert dialog.table.rowCount() == len(names)


def test_the_summary_name_is_remembered(qtbot, folder):
    folder, _ = folder
    first = AggregateDialog()
    qtbot.addWidget(first)
    assert first.agency_edit.text() == ""
    first.add_paths([folder])
    first.agency_edit.setText("某某县人民政府")
    _run(qtbot, first)
    assert first.result.summary.meta.agency == "某某县人民政府"
    second = AggregateDialog()
    qtbot.addWidget(second)
    assert second.agency_edit.text() == "某某县人民政府"


def test_an_exported_summary_is_left_out_with_the_name_box_empty(qtbot, dialog, folder):
    from exporters.docx import export_docx
    from exporters.xlsx import export_xlsx

    folder, reports = folder
    dialog.add_paths([folder])
    dialog.agency_edit.setText("某某县人民政府")
    _run(qtbot, dialog)
    export_docx(dialog.result.summary, folder / "某某县2023年报（汇总）.docx")
    export_xlsx(dialog.result.summary, folder / "某某县2023年报（汇总）.xlsx")
    dialog.agency_edit.clear()  # the officer left it empty: 「汇总」
    _run(qtbot, dialog)
    cell = "applications.new.natural"
    assert dialog.result.summary.input_value(cell) == sum(r.input_value(cell) for r in reports)
    rows = {_cell(dialog, r, 0): _cell(dialog, r, COL_NOTE) for r in range(dialog.table.rowCount())}
    assert rows["某某县2023年报（汇总）.docx"].startswith("未纳入：这是一份汇总报告（由 3 份")
    assert rows["某某县2023年报（汇总）.xlsx"].startswith("未纳入：这是一份汇总报告（由 3 份")


def test_a_government_report_is_flagged_and_counted_only_when_ticked(qtbot, dialog, folder):
    folder, reports = folder
    government = random_report(random.Random(8), 2023, "某某县人民政府", kind="government")
    save_draft(government, folder / "gov.nianbao")
    dialog.add_paths([folder])
    _run(qtbot, dialog)
    cell = "applications.new.natural"
    assert dialog.result.summary.input_value(cell) == sum(r.input_value(cell) for r in reports)
    assert "1 份本级政府的报告未计入" in dialog.status_label.text()
    rows = {_cell(dialog, r, 0): _cell(dialog, r, COL_NOTE) for r in range(dialog.table.rowCount())}
    assert rows["gov.nianbao"].startswith("未纳入：本级政府的报告")
    dialog.government_check.setChecked(True)
    _run(qtbot, dialog)
    assert dialog.result.summary.input_value(cell) == sum(
        r.input_value(cell) for r in (*reports, government)
    )
    assert "本级政府的报告未计入" not in dialog.status_label.text()


def test_folder_pickers_start_in_the_drafts_folder_then_the_last_one(
    qtbot, dialog, folder, monkeypatch
):
    from model.paths import drafts_dir

    folder, _ = folder
    starts: list[str] = []

    def pick(_parent, _title, start):
        starts.append(start)
        return str(folder)

    monkeypatch.setattr(file_dialogs, "pick_folder", pick)
    qtbot.mouseClick(dialog.add_folder_button, Qt.MouseButton.LeftButton)
    again = AggregateDialog()  # another day: remembered
    qtbot.addWidget(again)
    qtbot.mouseClick(again.add_folder_button, Qt.MouseButton.LeftButton)
    assert starts == [str(drafts_dir()), str(folder)]


def test_save_dialogs_open_where_that_kind_was_last_saved(
    qtbot, dialog, folder, tmp_path, monkeypatch
):
    folder, _ = folder
    drafts_place = tmp_path / "汇总草稿"
    tables_place = tmp_path / "汇总表"
    drafts_place.mkdir()
    tables_place.mkdir()
    dialog.add_paths([folder])
    _run(qtbot, dialog)
    dialog.save_draft(drafts_place / "a.nianbao")
    dialog.save_xlsx(tables_place / "a.xlsx")
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)
    offered: list[Path] = []

    def fake_save(_parent, _title, default, _filter):
        offered.append(Path(default))
        return ""

    monkeypatch.setattr(file_dialogs, "save_file", fake_save)
    again = AggregateDialog()
    qtbot.addWidget(again)
    again.add_paths([folder])
    _run(qtbot, again)
    qtbot.mouseClick(again.save_draft_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(again.save_xlsx_button, Qt.MouseButton.LeftButton)
    assert [p.parent for p in offered] == [drafts_place, tables_place]
