"""基本信息 shows a year guessed on import as 「（待确认）」 with a 「确认年度」 button
and the R13 warning under the field, until the officer confirms (one undo step)
or changes the year."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt

from gui.document import DocumentController
from gui.meta_page import MetaPage
from tests.factories import random_report


@pytest.fixture
def page(qtbot):
    report = random_report(random.Random(7), 2022, "某某县市场监督管理局")
    report.meta.year_pending = True  # as the importer leaves it
    controller = DocumentController(report)
    page = MetaPage(controller)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return controller, page


def test_the_pending_year_is_marked_and_warned(page):
    _controller, page = page
    assert page.year_pending.isVisible() and page.confirm_year.isVisible()
    note = page.notes["meta.year"]
    assert note.isVisible()
    assert "2022 年是导入时推定的" in note.text() and "尚未确认" in note.text()


def test_confirming_clears_it_in_one_undoable_step(page, qtbot):
    controller, page = page
    qtbot.mouseClick(page.confirm_year, Qt.MouseButton.LeftButton)
    assert not controller.report.meta.year_pending
    assert not page.year_pending.isVisible() and not page.confirm_year.isVisible()
    assert (
        "尚未确认" not in page.notes["meta.year"].text() or not page.notes["meta.year"].isVisible()
    )
    assert controller.undo_stack.undoText() == "确认报告年度（2022年）"
    controller.undo_stack.undo()
    assert controller.report.meta.year_pending and page.confirm_year.isVisible()


def test_changing_the_year_confirms_it_and_undo_makes_it_pending_again(page):
    controller, page = page
    page.year.setValue(2023)
    assert controller.report.meta.year == 2023
    assert not controller.report.meta.year_pending
    assert not page.confirm_year.isVisible()
    controller.undo_stack.undo()
    assert controller.report.meta.year == 2022 and controller.report.meta.year_pending
    assert page.confirm_year.isVisible()
