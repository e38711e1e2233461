"""A year change keeps last year's report only while it is the year before; else it
is detached in the same undo step and the officer is told (issue: a 2020 report
compared with 2025 texts said 「相似度 100%」)."""

from __future__ import annotations

import random

import pytest
from PySide6.QtWidgets import QMessageBox

from gui import meta_page
from model.carryover import start_from_previous
from model.drafts import save_draft
from model.report import PreviousYear
from model.rules import validate
from tests.factories import random_report
from tests.gui.shell import full_report, make_window

TEXT = "本机关认真贯彻落实政府信息公开条例，持续深化政务公开，推进决策、执行、管理、服务公开。" * 3


def _report_with_last_year(year: int = 2025):
    last = full_report(year=year - 1, seed=3)
    last.set_text("一", TEXT)
    report = start_from_previous(last, year)
    report.set_text("一", TEXT)  # the same text as last year: R15
    return report, last


def _rules(window) -> set[str]:
    return {i.rule for i in window.controller.validation.issues}


def test_a_year_change_detaches_last_years_report_in_the_same_undo_step(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    report, last = _report_with_last_year(2025)
    window.open_report(report, None, last)
    assert "R15" in _rules(window)
    steps = window.controller.undo_stack.count()
    window.meta_page.year.setValue(2027)
    assert report.meta.year == 2027 and report.previous is None
    assert window.controller.previous_report is None
    assert "R15" not in _rules(window) and "R7" not in _rules(window)
    assert window.controller.undo_stack.count() == steps + 1
    told = window.meta_page.previous_note
    assert told.isVisibleTo(window.meta_page)
    assert "2024年度报告不是2027年度的上一年度，已解除关联" in told.text()
    assert "2024年度报告不是2027年度" in window.statusBar().currentMessage()
    window.act_undo.trigger()  # one step brings back both the year and last year's report
    assert report.meta.year == 2025 and report.previous is not None
    assert report.previous.year == 2024 and "R15" in _rules(window)
    assert not told.isVisibleTo(window.meta_page)
    window.act_redo.trigger()
    assert report.meta.year == 2027 and report.previous is None


def test_typing_the_year_back_does_not_bring_the_detached_report_back(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    report, last = _report_with_last_year(2022)
    window.open_report(report, None, last)
    window.meta_page.year.setValue(2023)
    assert report.previous is None
    window.meta_page.year.setValue(2022)
    assert report.previous is None  # stays detached in the draft: undo brings it back
    # the file given at 「新建」 is last year's again, so the checks may use it
    assert window.controller.previous_report is last


def test_a_year_change_across_formats_detaches_and_lists_it(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    last = full_report(year=2019, seed=4)
    report = start_from_previous(last, 2020)
    window.open_report(report, None, last)
    notes: list[str] = []
    monkeypatch.setattr(
        meta_page.QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes
    )
    monkeypatch.setattr(meta_page.QMessageBox, "exec", lambda box: notes.append(box.detailedText()))
    window.meta_page.year.setValue(2021)
    converted = window.controller.report
    assert converted.meta.year == 2021 and converted.previous is None
    assert window.controller.previous_report is None
    assert "原附带的2019年度报告不是2021年度的上一年度" in notes[0]
    window.act_undo.trigger()
    assert window.controller.report is report and report.previous.year == 2019


def test_a_draft_holding_another_years_report_is_never_compared_with_it():
    report = random_report(random.Random(1), 2025, "某局")
    report.set_text("一", TEXT)
    report.set_previous(PreviousYear(2020, "2019", "某局", {}, {"一": TEXT}))
    issues = validate(report).issues
    assert not any(i.rule == "R15" for i in issues)
    warning = next(i for i in issues if i.rule == "R7")
    assert warning.cell == "meta.year" and "2020年度的，不是2025年度的上一年度" in warning.message


@pytest.mark.parametrize("action", ["load_previous", "compare_with_previous"])
def test_loading_a_report_of_another_year_as_last_years_is_refused(
    qtbot, monkeypatch, tmp_path, action
):
    from gui import file_dialogs, main_window

    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report(year=2025))
    old = tmp_path / "2020.nianbao"
    save_draft(full_report(year=2020), old)
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a, **_k: str(old))
    shown: list[str] = []
    monkeypatch.setattr(main_window, "show_error", lambda _w, _t, text: shown.append(text))
    getattr(window, action)()
    assert shown == ["所选报告是2020年度的，本报告是2025年度：上年报告应为2024年度。"]
    assert window.controller.report.previous is None
    assert window.controller.previous_report is None


def test_a_year_change_names_the_carried_in_numbers_to_check_and_keeps_them(
    qtbot, monkeypatch, tmp_path
):
    """二、上年结转 came from the 2024 report; in a 2026 report they must be checked
    against 2025's report, and R7 has nothing to compare with any more."""
    from gui import file_dialogs

    window = make_window(qtbot, monkeypatch)
    report, last = _report_with_last_year(2025)
    carried = {
        c: report.value(c) for c in report.values() if c.startswith("applications.carried_in.")
    }
    assert carried  # start_from_previous filled the row
    window.open_report(report, None, last)
    window.show()
    window.meta_page.year.setValue(2026)
    note = window.meta_page.previous_note.text()
    assert "请核对：“二、上年结转政府信息公开申请数量”一行仍是" in note
    assert f"自然人 {report.value('applications.carried_in.natural')}" in note
    assert "从2024年度报告结转来的" in note and "应填2025年度报告“" in note
    assert {c: report.value(c) for c in carried} == carried  # kept, not cleared
    button = window.meta_page.load_previous_button
    assert button.isVisibleTo(window.meta_page)
    # the button loads the report of the year before (2025); R7 checks again
    right = start_from_previous(last, 2025)
    path = tmp_path / "2025.nianbao"
    save_draft(right, path)
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_a, **_k: str(path))
    button.click()
    assert report.previous is not None and report.previous.year == 2025
    assert window.controller.previous_report is not None
    assert not window.meta_page.previous_note.isVisibleTo(window.meta_page)


def test_without_carried_in_numbers_the_note_asks_for_nothing_more():
    from model.carryover import detached_note
    from model.report import Report

    report = Report("2021", 2026, "某局")
    assert "请核对" not in detached_note(2026, 2024, report)
    assert detached_note(2026, 2024, report) == detached_note(2026, 2024)
