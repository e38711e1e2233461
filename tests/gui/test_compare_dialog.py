"""The comparison dialog: one tab per table, label | 上年 | 本年 | 增减, tinted
differences, the changed-only filter, Esc closes."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTableView

from gui.compare_dialog import DOWN_BG, UP_BG, CompareDialog
from model.report import Report
from tests.factories import random_report


def _pair():
    previous = Report("2021", 2022, agency="某某市某某局")
    current = Report("2021", 2023, agency="某某市某某局")
    previous.set_values({"applications.new.natural": 5, "applications.new.legal": 4})
    current.set_values({"applications.new.natural": 8, "applications.new.legal": 1})
    return previous, current


def _row(model, cell_id):
    for r in range(model.rowCount()):
        if model.cell_at(r).cell == cell_id:
            return r
    raise AssertionError(cell_id)


def test_tabs_rows_and_colours(qtbot):
    previous, current = _pair()
    dialog = CompareDialog(previous, current)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "与上年对比"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        t.sheet_name for t in current.spec.tables
    ]
    model = dialog.models[1]  # 三
    assert model.rowCount() == len(current.spec.table_by_id["applications"].cells)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["项目", "上年", "本年", "增减"]
    r = _row(model, "applications.new.natural")
    shown = [model.data(model.index(r, c)) for c in range(4)]
    assert shown == ["一、本年新收政府信息公开申请数量 / 自然人", "5", "8", "+3"]
    assert model.data(model.index(r, 3), Qt.ItemDataRole.BackgroundRole) == UP_BG
    assert "增加 3" in model.data(model.index(r, 3), Qt.ItemDataRole.ToolTipRole)
    r = _row(model, "applications.new.legal")
    assert model.data(model.index(r, 3)) == "-3"
    assert model.data(model.index(r, 3), Qt.ItemDataRole.BackgroundRole) == DOWN_BG
    r = _row(model, "applications.new.total")
    assert [model.data(model.index(r, c)) for c in (1, 2, 3)] == ["9", "9", "0"]
    assert model.data(model.index(r, 3), Qt.ItemDataRole.BackgroundRole) != UP_BG
    r = _row(model, "applications.granted.natural")
    assert [model.data(model.index(r, c)) for c in (1, 2, 3)] == ["—", "—", "—"]
    assert dialog.summary.text() == "共 200 项，其中 2 项有增减，0 项上年没有可比数据"


def test_changed_only_filter(qtbot):
    previous, current = _pair()
    dialog = CompareDialog(previous, current)
    qtbot.addWidget(dialog)
    dialog.changed_only.setChecked(True)
    model = dialog.models[1]
    changed = {model.cell_at(r).cell for r in range(model.rowCount())}
    # the 总计 column stays 9 → 9: not listed
    assert changed == {"applications.new.natural", "applications.new.legal"}
    assert dialog.models[0].rowCount() == 0
    dialog.changed_only.setChecked(False)
    assert model.rowCount() == len(current.spec.table_by_id["applications"].cells)


def test_across_formats_shows_the_reason(qtbot):
    previous = random_report(random.Random(1), 2020)
    current = random_report(random.Random(2), 2021)
    dialog = CompareDialog(previous, current)
    qtbot.addWidget(dialog)
    model = dialog.models[0]
    r = _row(model, "active.art20_1.regulations.issued")
    assert model.data(model.index(r, 1)) == "—"
    assert model.data(model.index(r, 0), Qt.ItemDataRole.ToolTipRole) == "上年的格式中没有此项"
    page = dialog.tabs.widget(0)
    assert page.findChild(QTableView) is not None


def test_model_passes_qt_model_checks(qtbot, qtmodeltester):
    previous, current = _pair()
    dialog = CompareDialog(previous, current)
    qtbot.addWidget(dialog)
    for model in dialog.models:
        qtmodeltester.check(model)


def test_escape_closes(qtbot):
    previous, current = _pair()
    dialog = CompareDialog(previous, current)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
