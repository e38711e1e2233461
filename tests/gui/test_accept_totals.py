"""Accepting the computed totals of an imported report from the problems panel:
one step, undoable, and the R16 errors follow. Amounts with six decimals in the
grid, as typed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from gui.document import DocumentController
from gui.problems import KEY_ROLE, ProblemsDock
from importers.docx import import_docx
from tests.shared_cases import PUBLISHED


@pytest.fixture
def setup(qtbot):
    report = import_docx(PUBLISHED / "table4-printed-totals-wrong_2023-hongze.docx").report
    controller = DocumentController(report)
    controller.today = lambda: dt.date(2024, 1, 10)
    dock = ProblemsDock(controller)
    qtbot.addWidget(dock)
    dock.resize(700, 400)
    dock.show()
    qtbot.waitExposed(dock)
    return controller, dock


def r16_items(dock):
    tree = dock.tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [i for i in items if i.text(0) == "错误 R16"]


def test_the_button_accepts_the_selected_total_in_one_undoable_step(setup, qtbot):
    controller, dock = setup
    items = r16_items(dock)
    assert len(items) == 2
    assert "“行政复议”的“总计”印为 0，各项之和为 11" in items[0].text(2)
    assert dock.accept_button.isVisible()
    tree = dock.tree
    other = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) != "错误 R16"
    )
    tree.setCurrentItem(other)  # not about a printed total: nothing to accept
    assert not dock.accept_button.isEnabled()
    tree.setCurrentItem(items[0])
    assert dock.accept_button.isEnabled()
    qtbot.mouseClick(dock.accept_button, Qt.MouseButton.LeftButton)
    assert len(r16_items(dock)) == 1
    assert controller.report.printed() == {"appeals.suit_after_review.total": 0}
    assert controller.undo_stack.undoText() == "采用计算的合计（1 个）"
    assert not controller.is_clean()
    controller.undo_stack.undo()
    assert len(r16_items(dock)) == 2
    controller.undo_stack.redo()
    assert len(r16_items(dock)) == 1


def test_accepting_all_and_the_button_hides_when_nothing_is_left(setup):
    controller, dock = setup
    assert controller.accept_computed_totals() == 2
    assert r16_items(dock) == []
    assert not dock.accept_button.isVisible()
    assert controller.accept_computed_totals() == 0  # nothing more: no empty undo step
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert len(r16_items(dock)) == 2 and dock.accept_button.isVisible()


def test_the_issue_still_jumps_to_its_total(setup, qtbot):
    _controller, dock = setup
    item = r16_items(dock)[0]
    assert item.data(0, KEY_ROLE) == "appeals.review.total"


def test_a_six_decimal_amount_is_typed_shown_and_edited_as_entered(qtbot):
    from gui.table_model import TableModel
    from model.report import Report

    controller = DocumentController(Report("2021", 2021, "某某综合实验区管委会"))
    model = TableModel(controller, "active")
    fee = "active.art20_8.fees.amount_wan"
    assert controller.set_cell_text(fee, "24252.311082") is None
    index = model.index_of(fee)
    assert model.data(index, Qt.ItemDataRole.DisplayRole).startswith("24252.311082")
    assert model.data(index, Qt.ItemDataRole.EditRole) == "24252.311082"
    assert "位小数" in controller.set_cell_text(fee, "1.1234567")  # beyond the limit: refused
    assert str(controller.report.value(fee)) == "24252.311082"
