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
    # nearly empty years: the blanks are counted, not passed off as 「没有增减」
    assert dialog.summary.text() == (
        "共 200 项，其中 2 项有增减，本年有 164 项未填写，上年有 164 项未填写。"
        "本年的表格大多还没有填写：未填写的项不计算增减，填写后再对比才有意义。"
    )


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


def test_a_filled_year_says_only_its_changes(qtbot):
    rng = random.Random(3)
    previous = random_report(rng, 2022, "某某市某某局")
    current = random_report(rng, 2023, "某某市某某局")
    dialog = CompareDialog(previous, current)
    qtbot.addWidget(dialog)
    text = dialog.summary.text()
    assert "未填写" not in text and "大多还没有填写" not in text
    assert text.startswith("共 200 项，其中 ")


def test_the_year_on_year_table_is_exported_with_formulas_and_their_results(qtbot, tmp_path):
    from openpyxl import load_workbook

    from model.compare import compare

    previous, current = _pair()
    previous.set_values({"applications.new.commercial": 0})
    current.set_values({"applications.new.commercial": 2})
    dialog = CompareDialog(previous, current)
    qtbot.addWidget(dialog)
    target = tmp_path / "同比"
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        assert dialog.export_xlsx(str(target))
    path = tmp_path / "同比.xlsx"
    assert "已导出" in dialog.status.text()
    formulas = load_workbook(path)
    values = load_workbook(path, data_only=True)
    assert formulas.sheetnames == ["说明", *(t.sheet_name for t in current.spec.tables)]
    sheet, cached = formulas["三、依申请公开"], values["三、依申请公开"]
    assert [c.value for c in sheet[3]] == [
        "项目",
        "栏目",
        "2022年",
        "2023年",
        "增减",
        "增减率",
        "说明",
    ]
    table = next(t for t in compare(previous, current) if t.table == "applications")
    rows = {(r[0].value, r[1].value): r[0].row for r in sheet.iter_rows(min_row=4)}
    for cell in table.cells:
        spec = current.spec.cell_by_id[cell.cell]
        r = rows[(" ".join(p for p in spec.row_path if p), cell.col_label)]
        assert cached.cell(r, 3).value == cell.previous
        assert cached.cell(r, 4).value == cell.current
        assert str(sheet.cell(r, 5).value).startswith("=IF(")  # a formula …
        expected = "" if cell.difference is None else cell.difference
        assert (cached.cell(r, 5).value or "") == expected  # … stored with its result
    r = rows[("一、本年新收政府信息公开申请数量", "自然人")]
    assert cached.cell(r, 5).value == 3 and cached.cell(r, 6).value == 0.6  # 5 → 8
    r = rows[("一、本年新收政府信息公开申请数量", "商业企业")]
    assert cached.cell(r, 5).value == 2 and cached.cell(r, 6).value in (None, "")  # from 0
    r = rows[("一、本年新收政府信息公开申请数量", "总计")]
    assert "合计" in cached.cell(r, 7).value
    summary = [row[0] for row in values["说明"].iter_rows(values_only=True) if row[0]]
    assert "本年有 163 项未填写，上年有 163 项未填写：未填写的项不计算增减。" in summary


def test_a_printed_total_that_disagrees_is_shown_even_without_a_change(qtbot):
    """Same parts both years, but this year's document printed 本年新收的总计 as 1170:
    the window never says 没有增减 about it — the row stays among the changes,
    this year's number is marked, and its tooltip gives printed and computed."""
    from gui import colors

    previous, current = _pair()
    current.set_values({"applications.new.natural": 5, "applications.new.legal": 4})
    total = "applications.new.total"
    current.set_printed({total: 1170})
    dialog = CompareDialog(previous, current)
    qtbot.addWidget(dialog)
    assert "1 个合计在导入的文档中印出的数字与各项之和不符" in dialog.summary.text()
    dialog.changed_only.setChecked(True)
    model = dialog.models[1]
    assert [model.cell_at(r).cell for r in range(model.rowCount())] == [total]
    tip = model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    assert "本年文档中此合计印为 1170，各项之和为 9，两者不符（R16）" in tip
    assert model.data(model.index(0, 2), Qt.ItemDataRole.BackgroundRole) == colors.ERROR_BG
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole) != colors.ERROR_BG


def test_printed_totals_that_disagree_are_said_in_the_dialog(qtbot):
    """R16 in either year: the 说明 column says what was printed, the tab says how many,
    and the changed-only filter keeps the row (as the 同比表 and `compare` do)."""
    from PySide6.QtWidgets import QLabel

    from gui import strings as s

    previous, current = _pair()
    current.set_printed({"applications.new.total": 10})  # the parts add up to 9
    previous.set_values({"applications.granted.natural": 2})
    current.set_values({"applications.granted.natural": 2})
    previous.set_printed({"applications.granted.total": 7})
    dialog = CompareDialog(previous, current)
    qtbot.addWidget(dialog)
    model = dialog.models[1]
    assert model.headerData(4, Qt.Orientation.Horizontal) == "说明"
    note = model.data(model.index(_row(model, "applications.new.total"), 4))
    assert note.endswith("本年文档中此合计印为 10，各项之和为 9，两者不符（R16），对比按各项之和")
    note = model.data(model.index(_row(model, "applications.granted.total"), 4))
    assert "上年文档中此合计印为 7" in note
    labels = [w.text() for w in dialog.tabs.widget(1).findChildren(QLabel)]
    assert s.CMP_PRINTED_NOTE.format(n=2) in labels
    dialog.changed_only.setChecked(True)
    kept = {model.cell_at(r).cell for r in range(model.rowCount())}
    assert {"applications.new.total", "applications.granted.total"} <= kept
    assert "applications.granted.natural" not in kept  # no change, nothing printed
