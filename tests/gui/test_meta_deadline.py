"""基本信息: the deadline rule's notes stand under 公布期限, not under 成文日期."""

from __future__ import annotations

import datetime as dt

from gui.document import DocumentController
from gui.meta_page import MetaPage
from model.report import Report


def make_page(qtbot, today: dt.date, date: dt.date | None = None) -> MetaPage:
    controller = DocumentController(Report("2021", 2025, "某某市某某局"))
    controller.today = lambda: today
    controller.set_meta(date=date)
    page = MetaPage(controller)
    qtbot.addWidget(page)
    page.show()
    page.show_issues(controller.validation)
    return page


def shown(page: MetaPage, key: str) -> str:
    note = page.notes[key]
    return note.text() if note.isVisibleTo(page) else ""


def test_past_the_deadline_without_a_date_warns_under_the_deadline(qtbot):
    page = make_page(qtbot, today=dt.date(2026, 3, 1))
    deadline_note = shown(page, "deadline")
    assert "2026年1月31日" in deadline_note and deadline_note.startswith("警告")
    assert "2026年1月31日" not in shown(page, "meta.date")  # not repeated under the date
    assert "未填写成文日期" in shown(page, "meta.date")  # R13 stays with its field
    assert "2026年1月31日前" in page.deadline.text()


def test_the_plain_deadline_reminder_is_not_repeated_under_the_date(qtbot):
    page = make_page(qtbot, today=dt.date(2025, 12, 1), date=dt.date(2026, 1, 8))
    issues = page.controller.validation.by_cell.get("meta.date", [])
    assert any(i.rule == "R14" for i in issues)  # the reminder is in the problems list
    assert shown(page, "meta.date") == ""
    assert shown(page, "deadline") == ""
    assert "2026年1月31日前" in page.deadline.text()  # said once, on its own line
