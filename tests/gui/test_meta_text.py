"""基本信息 and the text sections: every field writes the report as one undo step,
a year change across formats converts after asking, 一's outline, 六's fee
sentence, last year's text as a reference."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from gui import meta_page
from gui import strings as s
from gui.text_page import count_text
from model import messages as msg
from model.carryover import start_from_previous
from model.fees import (
    FEE_AMOUNT,
    FEE_COUNT,
    fee_sentence,
    parse_amount,
    parse_count,
    place_fee_sentence,
)
from model.report import Report
from tests.gui.shell import full_report, make_window


def type_text(widget, *phrases: str) -> None:
    """Type Chinese as an input method commits it (QTest only types ASCII keys)."""
    for phrase in phrases:
        event = QInputMethodEvent()
        event.setCommitString(phrase)
        QApplication.sendEvent(widget, event)


def show_active(qtbot, window) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@pytest.fixture
def boxes(monkeypatch):
    """Answer 「是」 to questions; record the notes boxes instead of showing them."""
    seen: dict[str, list[str]] = {"question": [], "notes": []}

    def question(_parent, _title, text, *_a, **_k):
        seen["question"].append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(meta_page.QMessageBox, "question", question)
    monkeypatch.setattr(
        meta_page.QMessageBox, "information", lambda _p, _t, text: seen["notes"].append(text)
    )
    monkeypatch.setattr(
        meta_page.QMessageBox,
        "exec",
        lambda box: seen["notes"].append(box.text() + "\n" + box.informativeText()),
    )
    return seen


# ---- 基本信息 ----------------------------------------------------------------------------
def test_year_change_across_formats_converts_after_confirmation(qtbot, monkeypatch, boxes):
    window = make_window(qtbot, monkeypatch)
    old = full_report(year=2020)
    window.open_report(old)
    assert old.spec.id == "2019"
    page = window.meta_page
    page.year.setValue(2021)
    assert len(boxes["question"]) == 1 and "2021" in boxes["question"][0]
    report = window.controller.report
    assert (report.spec.id, report.meta.year, report.meta.agency) == ("2021", 2021, "某某市某某局")
    assert report.input_value("applications.new.natural") == old.input_value(
        "applications.new.natural"
    )
    # What the 2021 format has no place for is listed (e.g. the 2019 （九） procurement block).
    assert len(boxes["notes"]) == 1 and "•" in boxes["notes"][0]
    # The pages follow the new format; one undo restores the 2020 report.
    assert window.pages["二"].model.table is report.spec.table_by_id["active"]
    assert "2021" in window.meta_page.format.text()
    window.act_undo.trigger()
    assert window.controller.report is old
    assert window.meta_page.year.value() == 2020
    assert window.pages["二"].model.table is old.spec.table_by_id["active"]


def test_year_change_declined_keeps_everything(qtbot, monkeypatch, boxes):
    window = make_window(qtbot, monkeypatch)
    old = full_report(year=2020)
    window.open_report(old)
    monkeypatch.setattr(
        meta_page.QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No
    )
    window.meta_page.year.setValue(2021)
    assert window.controller.report is old
    assert old.meta.year == 2020
    assert window.meta_page.year.value() == 2020
    assert window.controller.undo_stack.count() == 0


def test_year_change_within_a_format_just_sets_the_year(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report(year=2021))
    monkeypatch.setattr(meta_page.QMessageBox, "question", lambda *_a: pytest.fail("asked"))
    window.meta_page.year.setValue(2022)
    assert window.controller.report.meta.year == 2022
    assert "2022年报告" in window.windowTitle()
    assert "2023年1月31日" in window.meta_page.deadline.text()


def test_agency_typing_is_one_step_and_updates_the_title(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(Report("2021", 2021))
    show_active(qtbot, window)
    window.select_page("基本信息")
    type_text(window.meta_page.agency, "某某市", "审计局")
    report = window.controller.report
    assert report.meta.agency == "某某市审计局"
    assert window.windowTitle().startswith("某某市审计局 2021年报告")
    assert window.controller.undo_stack.count() == 1
    # Ctrl+Z in the field undoes through the report's history, not the field's own.
    qtbot.keyClick(window.meta_page.agency, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert report.meta.agency == ""
    assert window.meta_page.agency.text() == ""


def test_kind_date_and_deadline(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(Report("2021", 2021, "某某市人民政府"))
    page = window.meta_page
    report = window.controller.report
    assert "2022年1月31日" in page.deadline.text()
    page.kind.setCurrentIndex(page.kind.findData("government"))
    assert report.meta.kind == "government"
    assert "2022年3月31日" in page.deadline.text()
    assert page.date.text() == s.META_DATE_BLANK
    page.date.setDate(QDate(2022, 1, 18))
    assert report.meta.date == dt.date(2022, 1, 18)
    page.clear_date.click()
    assert report.meta.date is None
    page.today.click()
    assert report.meta.date == dt.date.today()
    window.act_undo.trigger()
    assert report.meta.date is None and page.date.text() == s.META_DATE_BLANK


def test_field_problems_are_shown_under_the_field(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(Report("2021", 2021, ""))
    note = window.meta_page.notes["meta.agency"]
    assert not note.isHidden()
    assert note.text()
    window.controller.set_meta(agency="某局")
    assert note.isHidden()


# ---- text pages --------------------------------------------------------------------------
def test_typing_a_section_counts_and_undoes(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(Report("2021", 2021, "某局"))
    show_active(qtbot, window)
    window.select_page("五")
    page = window.pages["五"]
    page.focus_editor()  # the officer clicks into the text: keys go where the focus is
    type_text(page.editor, "问题", "一")
    qtbot.keyClick(page.editor, Qt.Key.Key_Return)
    type_text(page.editor, "改进")
    report = window.controller.report
    assert report.texts["五"] == "问题一\n改进"
    assert page.count.text() == s.TEXT_COUNT.format(chars=5, paras=2)
    # a paragraph and its Enter are one step, the next paragraph another
    assert window.controller.undo_stack.count() == 2
    qtbot.keyClick(page.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert report.texts["五"] == "问题一\n"
    qtbot.keyClick(page.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert report.texts["五"] == ""
    assert page.editor.toPlainText() == ""
    window.act_redo.trigger()
    window.act_redo.trigger()
    assert page.editor.toPlainText() == "问题一\n改进"


def test_outline_is_offered_for_section_one(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(Report("2021", 2021, "某局"))
    page = window.pages["一"]
    outline = window.controller.report.spec.section_by_id["一"].text.outline
    assert page.outline_button is not None and len(outline) == 5
    page.outline_button.click()
    assert window.controller.report.texts["一"] == "\n".join(outline) + "\n"
    assert window.pages["五"].outline_button is None


def test_fee_fields_write_the_customary_sentence(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(Report("2021", 2021, "某局"))
    page = window.pages["六"]
    report = window.controller.report
    assert page.fee_box is not None
    assert not page.fee_insert.isEnabled()
    page.fee_count.setText("0")
    page.fee_count.textEdited.emit("0")
    assert report.extras[FEE_COUNT] == 0
    assert page.fee_preview.text().endswith(msg.FEE_NONE)
    page.fee_insert.click()
    assert report.texts["六"] == "本年度未收取信息处理费。"
    page.fee_count.textEdited.emit("3")
    page.fee_amount.textEdited.emit("１２０.５")  # full-width digits are fine
    assert report.extras[FEE_AMOUNT] == Decimal("120.5")
    page.fee_insert.click()
    # The generated sentence is replaced, not added twice.
    assert report.texts["六"] == "本年度共收取信息处理费3件，金额120.5元。"
    page.fee_amount.setText("12元a")
    page.fee_amount.textEdited.emit("12元a")
    assert page.fee_preview.text() == msg.FEE_BAD_AMOUNT
    # refused: blank in the report (never a number that parsed on the way), the
    # insert button off, the field keeping the refused text
    assert report.extras.get(FEE_AMOUNT) is None
    assert not page.fee_insert.isEnabled()


def test_a_refused_fee_count_is_never_rewritten_to_a_number(qtbot, monkeypatch):
    """「56 7」 refused, then typing in 金额: the count field kept showing 56 and the
    sentence said 56件. The refused text stays, with its message, until fixed."""
    window = make_window(qtbot, monkeypatch)
    window.open_report(Report("2021", 2021, "某局"))
    page = window.pages["六"]
    report = window.controller.report
    page.fee_count.setFocus()
    qtbot.keyClicks(page.fee_count, "56 7")
    assert report.extras.get(FEE_COUNT) is None
    assert "56 7" in page.refusal.text() or page.refusal.isVisibleTo(page)
    page.fee_amount.setFocus()
    qtbot.keyClicks(page.fee_amount, "120")
    assert page.fee_count.text() == "56 7"  # not rewritten to 56
    assert page.refusal.isVisibleTo(page)
    assert not page.fee_insert.isEnabled()
    assert report.extras.get(FEE_COUNT) is None
    page.fee_count.setText("")
    qtbot.keyClicks(page.fee_count, "57")
    assert report.extras[FEE_COUNT] == 57 and page.fee_insert.isEnabled()
    assert not page.refusal.isVisibleTo(page)
    assert window.pages["一"].fee_box is None


def test_2019_format_has_no_fee_fields(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(Report("2019", 2020, "某局"))
    assert window.pages["六"].fee_box is None
    assert window.pages["一"].outline_button is None


def test_last_years_text_is_a_reference_copied_only_on_request(qtbot, monkeypatch):
    last = full_report(year=2021)
    last.set_text("五", "去年的主要问题是公开不及时。")
    report = start_from_previous(last, 2022)
    window = make_window(qtbot, monkeypatch)
    window.open_report(report)
    page = window.pages["五"]
    assert not page.previous_box.isHidden()
    assert page.previous_text.toPlainText() == "去年的主要问题是公开不及时。"
    assert "2021" in page.previous_label.text()
    assert page.editor.toPlainText() == ""
    assert not page.copy_button.isEnabled()
    page.previous_text.selectAll()
    assert page.copy_button.isEnabled()
    page.copy_button.click()
    assert QApplication.clipboard().text() == "去年的主要问题是公开不及时。"
    assert report.texts["五"] == ""
    # A section last year left empty shows no reference pane.
    last_six = last.texts["六"]
    assert window.pages["六"].previous_box.isHidden() is (not last_six.strip())


# ---- pure helpers ------------------------------------------------------------------------
def test_count_text():
    assert count_text("") == (0, 0)
    assert count_text("一、总体情况\n\n  本年度 共 3 件。\n") == (13, 2)


@pytest.mark.parametrize(
    ("count", "amount", "sentence"),
    [
        (None, None, None),
        (3, None, None),
        (0, None, "本年度未收取信息处理费。"),
        (0, Decimal(0), "本年度未收取信息处理费。"),
        (2, Decimal("35.00"), "本年度共收取信息处理费2件，金额35.00元。"),
    ],
)
def test_fee_sentence(count, amount, sentence):
    assert fee_sentence(count, amount) == sentence


def test_place_fee_sentence():
    new = "本年度共收取信息处理费1件，金额10元。"
    assert place_fee_sentence("", new) == new
    assert place_fee_sentence("其他事项。\n", new) == "其他事项。\n" + new
    assert place_fee_sentence("甲。本年度未收取信息处理费。乙。", new) == "甲。" + new + "乙。"


def test_parse_amount():
    assert parse_amount(" 1,200.50 元") == Decimal("1200.50")
    assert parse_amount("") is None
    for bad in ("abc", "-3", "1.234"):
        with pytest.raises(ValueError):
            parse_amount(bad)


def test_parse_count():
    assert parse_count(" ３ ") == 3
    assert parse_count("") is None
    for bad in ("abc", "-3", "1.5"):
        with pytest.raises(ValueError, match="件数请填写整数"):
            parse_count(bad)


def test_blank_date_calendar_opens_in_the_month_reports_are_written(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(Report("2021", 2021, "某局"))
    show_active(qtbot, window)
    date = window.meta_page.date
    calendar = date.calendarWidget()
    arrow = QPoint(date.width() - 6, date.height() // 2)
    qtbot.mouseClick(date, Qt.MouseButton.LeftButton, pos=arrow)
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (2022, 1)
    calendar.window().hide()
    assert window.controller.report.meta.date is None  # looking is not choosing


def test_fee_fields_follow_undo(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(Report("2021", 2021, "某局"))
    show_active(qtbot, window)
    window.select_page("六")
    page = window.pages["六"]
    page.fee_count.setFocus()
    type_text(page.fee_count, "5")
    assert window.controller.report.extras[FEE_COUNT] == 5
    qtbot.keyClick(page.fee_count, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert FEE_COUNT not in window.controller.report.extras
    assert page.fee_count.text() == ""
    assert page.fee_preview.text() == s.TEXT_FEE_HINT


def test_ctrl_z_in_the_year_field_undoes_the_report(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(Report("2021", 2021, "某局"))
    show_active(qtbot, window)
    window.select_page("基本信息")
    year = window.meta_page.year
    year.setFocus()
    year.setValue(2023)
    assert window.controller.report.meta.year == 2023
    qtbot.keyClick(year, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.report.meta.year == 2021
    assert year.value() == 2021
