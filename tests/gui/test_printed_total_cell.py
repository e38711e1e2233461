"""A total an imported document printed otherwise than its parts add up to (R16):
the grid shows the computed sum, and the cell says what was printed and by how
much it differs, and is marked, until the officer accepts the computed total."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt

from gui import colors
from gui.document import DocumentController
from gui.table_model import CELL_ID_ROLE, TableModel
from model.issues import Severity
from model.rules import printed_total_tip
from tests.factories import random_report

REVIEW_TOTAL = "appeals.review.total"  # 四、行政复议 / 总计
DIRECT_TOTAL = "appeals.suit_direct.total"  # 四、未经复议直接起诉 / 总计
OTHER_TOTAL = "appeals.suit_after_review.total"


@pytest.fixture
def grid(qtbot):
    report = random_report(random.Random(1), 2023, "某某局")
    computed = report.value(REVIEW_TOTAL)
    report.set_printed({REVIEW_TOTAL: computed + 5, DIRECT_TOTAL: None})
    controller = DocumentController(report)
    model = TableModel(controller, "appeals")
    return controller, model, computed


def _index(model: TableModel, cell_id: str):
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            if index.data(CELL_ID_ROLE) == cell_id:
                return index
    raise AssertionError(cell_id)


def test_the_cell_shows_the_sum_and_its_tooltip_the_printed_number_and_the_difference(grid):
    _controller, model, computed = grid
    index = _index(model, REVIEW_TOTAL)
    assert index.data(Qt.ItemDataRole.DisplayRole) == str(computed)
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert f"文档中此合计印为 {computed + 5}，各项之和为 {computed}：印出的数多 5" in tip
    assert index.data(Qt.ItemDataRole.BackgroundRole) == colors.issue_background(Severity.ERROR)
    assert index.data(Qt.ItemDataRole.FontRole).underline()


def test_a_total_printed_blank_says_so(grid):
    controller, model, _computed = grid
    index = _index(model, DIRECT_TOTAL)
    computed = controller.report.value(DIRECT_TOTAL)
    assert f"文档中此合计印为空白，各项之和为 {computed}" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.FontRole).underline()


def test_a_total_without_a_printed_number_is_not_marked(grid):
    _controller, model, _computed = grid
    index = _index(model, OTHER_TOTAL)
    assert "文档中此合计印为" not in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.FontRole) is None


def test_accepting_the_computed_total_clears_the_mark_and_undo_brings_it_back(grid, qtbot):
    controller, model, _computed = grid
    index = _index(model, REVIEW_TOTAL)
    with qtbot.waitSignal(model.dataChanged, timeout=2000):
        controller.accept_computed_totals([REVIEW_TOTAL])
    assert "文档中此合计印为" not in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.FontRole) is None
    controller.undo_stack.undo()
    assert "印出的数多 5" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_correcting_the_parts_to_the_printed_total_clears_the_mark(grid):
    controller, model, _computed = grid
    report = controller.report
    term = next(t for t in report.spec.cell_by_id[REVIEW_TOTAL].terms)
    report.set_value(term, (report.input_value(term) or 0) + 5)
    assert printed_total_tip(report, REVIEW_TOTAL) is None
    index = _index(model, REVIEW_TOTAL)
    assert index.data(Qt.ItemDataRole.FontRole) is None


def test_the_tip_says_less_when_the_printed_number_is_smaller():
    report = random_report(random.Random(2), 2023, "某某局")
    computed = report.value(REVIEW_TOTAL)
    report.set_printed({REVIEW_TOTAL: computed - 3})
    assert printed_total_tip(report, REVIEW_TOTAL) == (
        f"文档中此合计印为 {computed - 3}，各项之和为 {computed}：印出的数少 3。表中显示各项之和"
    )
    for term in report.spec.cell_by_id[REVIEW_TOTAL].terms:
        report.set_value(term, None)
    assert printed_total_tip(report, REVIEW_TOTAL) == (
        f"文档中此合计印为 {computed - 3}，而各项均未填写"
    )
