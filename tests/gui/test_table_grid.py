"""The table grids: official layout, spreadsheet keys, paste, 补零, undo."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from gui.clipboard import parse_tsv
from gui.document import DocumentController
from gui.problems import ProblemsDock
from gui.table_model import GridIndex, TableModel, paste_plan
from gui.table_page import TablePage
from model.formats import FORMATS
from model.report import Report
from model.spec import Role

NEW = "applications.new.natural"
GRANTED = "applications.granted.natural"
COMMERCIAL = "applications.granted.commercial"


def make_page(qtbot, format_id: str = "2021", table: str = "applications", zero: bool = False):
    year = 2021 if format_id == "2021" else 2020
    controller = DocumentController(Report(format_id, year, "某某市某某局"))
    controller.today = lambda: dt.date(year + 1, 1, 10)
    if zero:
        controller.fill_blanks_with_zero(table)
        controller.undo_stack.clear()
    page = TablePage(controller, controller.report.spec.table_by_id[table])
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    qtbot.waitExposed(page)
    return controller, page


def editor_of(view) -> QLineEdit | None:
    editors = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    return editors[0] if editors else None


def type_text(qtbot, view, text: str) -> None:
    """Type as a user does: the first key opens the editor, the rest go into it."""
    for ch in text:
        target = editor_of(view) or view
        if ch.isascii():
            qtbot.keyClicks(target, ch)
        else:  # QTest cannot type full-width characters: what an input method sends
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                QApplication.sendEvent(target, event)


def press(qtbot, view, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    target = editor_of(view) or view
    qtbot.keyClick(target, key, modifier)
    # Enter commits through a queued call: wait for the editor to close
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def current_cell(page) -> str | None:
    return page.model.cell_id(page.view.currentIndex())


# ---- the model ---------------------------------------------------------------------------
@pytest.mark.parametrize("format_id", sorted(FORMATS))
def test_every_table_model_passes_qt_model_tester(qtmodeltester, format_id):
    controller = DocumentController(Report(format_id, 2021 if format_id == "2021" else 2020))
    for table in controller.report.spec.tables:
        model = TableModel(controller, table.id)
        qtmodeltester.check(model)
        controller.fill_blanks_with_zero(table.id)
        qtmodeltester.check(model)


@pytest.mark.parametrize("format_id", sorted(FORMATS))
def test_grid_shows_official_labels_spans_and_flags(qtbot, format_id):
    controller = DocumentController(Report(format_id, 2021 if format_id == "2021" else 2020))
    for table in controller.report.spec.tables:
        model = TableModel(controller, table.id)
        assert (model.rowCount(), model.columnCount()) == (table.n_rows, table.n_cols)
        assert sorted(model.spans()) == sorted(
            (g.row, g.col, g.rowspan, g.colspan)
            for g in table.grid
            if g.rowspan > 1 or g.colspan > 1
        )
        for g in table.grid:
            index = model.index(g.row, g.col)
            flags = model.flags(index)
            if g.cell is None:
                assert index.data() == g.text
                assert not flags & Qt.ItemFlag.ItemIsEditable
                assert not flags & Qt.ItemFlag.ItemIsSelectable
            elif table.cell_by_id[g.cell].computed:
                assert not flags & Qt.ItemFlag.ItemIsEditable
                assert flags & Qt.ItemFlag.ItemIsSelectable
            else:
                assert flags & Qt.ItemFlag.ItemIsEditable
            if g.role is Role.HEADER:
                assert index.data(Qt.ItemDataRole.FontRole).bold()


def test_tooltip_names_the_cell_and_its_issues(qtbot):
    controller, page = make_page(qtbot, zero=True)
    controller.set_cell_text(GRANTED, "5")
    tip = page.model.index_of(NEW).data(Qt.ItemDataRole.ToolTipRole)
    assert "一、本年新收政府信息公开申请数量" in tip and "自然人" in tip
    assert "错误（R1）" in tip
    total_tip = page.model.index_of("applications.total.total").data(Qt.ItemDataRole.ToolTipRole)
    assert "自动计算" in total_tip


def test_money_shows_its_unit_and_edits_as_a_plain_number(qtbot):
    controller, page = make_page(qtbot, "2019", "active")
    amount = "active.art20_9.procurement.amount"
    index = page.model.index_of(amount)
    assert page.model.setData(index, "109,994")
    assert index.data() == "109994 元"
    assert index.data(Qt.ItemDataRole.EditRole) == "109994"
    controller.set_unit(amount, "万元")
    assert index.data() == "109994 万元"


def test_colours_follow_the_worst_issue(qtbot):
    controller, page = make_page(qtbot, zero=True)
    model = page.model
    plain = model.index_of(NEW).data(Qt.ItemDataRole.BackgroundRole)
    computed = model.index_of("applications.new.total").data(Qt.ItemDataRole.BackgroundRole)
    assert plain != computed
    controller.set_cell_text(GRANTED, "5")
    error = model.index_of(NEW).data(Qt.ItemDataRole.BackgroundRole)
    assert error not in (plain, computed)
    assert (
        model.index_of("applications.total.natural").data(Qt.ItemDataRole.BackgroundRole) == error
    )


# ---- typing ----------------------------------------------------------------------------------
def test_typing_updates_totals_and_raises_r1_in_the_panel_then_fixing_clears_it(qtbot):
    controller, page = make_page(qtbot, zero=True)
    dock = ProblemsDock(controller)
    qtbot.addWidget(dock)
    assert not [i for i in dock.issues_shown() if i.rule == "R1"]
    page.focus_cell(GRANTED)
    type_text(qtbot, page.view, "5")
    press(qtbot, page.view, Qt.Key.Key_Return)
    model = page.model
    assert controller.report.value(GRANTED) == 5
    assert model.index_of("applications.granted.total").data() == "5"  # 总计 column
    assert model.index_of("applications.total.natural").data() == "5"  # （七）总计
    assert model.index_of("applications.total.total").data() == "5"
    r1 = [i for i in dock.issues_shown() if i.rule == "R1"]
    assert {i.cell for i in r1} == {NEW, "applications.new.total"}
    assert "自然人" in r1[0].message
    page.focus_cell(NEW)
    type_text(qtbot, page.view, "5")
    press(qtbot, page.view, Qt.Key.Key_Return)
    assert not [i for i in dock.issues_shown() if i.rule == "R1"]


def test_typing_replaces_and_enter_moves_down(qtbot):
    controller, page = make_page(qtbot)
    controller.set_cell_text(NEW, "99")
    page.focus_cell(NEW)
    type_text(qtbot, page.view, "12")
    press(qtbot, page.view, Qt.Key.Key_Return)
    assert controller.report.value(NEW) == 12  # replaced, not appended to 99
    assert current_cell(page) == "applications.carried_in.natural"
    assert controller.undo_stack.count() == 2  # 99, then 12: each entry its own step


def test_full_width_digits_are_accepted(qtbot):
    controller, page = make_page(qtbot)
    page.focus_cell(NEW)
    type_text(qtbot, page.view, "１２")
    press(qtbot, page.view, Qt.Key.Key_Return)
    assert controller.report.value(NEW) == 12
    assert page.model.setData(page.model.index_of(GRANTED), "１,２００")
    assert controller.report.value(GRANTED) == 1200


def test_a_letter_is_refused_with_a_message_and_the_old_value_kept(qtbot):
    controller, page = make_page(qtbot)
    controller.set_cell_text(COMMERCIAL, "3")
    page.focus_cell(COMMERCIAL)
    type_text(qtbot, page.view, "abc")
    qtbot.keyClick(editor_of(page.view), Qt.Key.Key_Return)
    assert controller.report.value(COMMERCIAL) == 3
    message = page.message()
    assert "“商业企业”列" in message and "「abc」不是数字" in message
    assert "按 Esc 放弃这次输入（保留原值）" in message
    assert controller.undo_stack.count() == 1


def test_typing_on_a_total_says_why_nothing_happens(qtbot):
    controller, page = make_page(qtbot)
    page.focus_cell("applications.total.total")
    qtbot.keyClicks(page.view, "7")
    assert page.view.state() != QAbstractItemView.State.EditingState
    assert "自动计算" in page.message()
    assert controller.undo_stack.count() == 0


def test_tab_moves_right_and_arrows_skip_labels(qtbot):
    _controller, page = make_page(qtbot, table="active")
    view = page.view
    page.focus_cell("active.art20_1.regulations.issued")
    press(qtbot, view, Qt.Key.Key_Tab)
    assert current_cell(page) == "active.art20_1.regulations.repealed"
    press(qtbot, view, Qt.Key.Key_Backtab)
    assert current_cell(page) == "active.art20_1.regulations.issued"
    press(qtbot, view, Qt.Key.Key_Down)
    assert current_cell(page) == "active.art20_1.normative_docs.issued"
    # down again crosses the next block's caption and header rows
    press(qtbot, view, Qt.Key.Key_Down)
    assert current_cell(page) == "active.art20_5.licensing.decisions"
    press(qtbot, view, Qt.Key.Key_Left)  # a label: stay
    assert current_cell(page) == "active.art20_5.licensing.decisions"
    press(qtbot, view, Qt.Key.Key_Up)
    assert current_cell(page) == "active.art20_1.normative_docs.issued"
    # Tab at a row's end (no total) stops there, and says so; Enter goes on
    page.focus_cell("active.art20_1.regulations.in_force")
    press(qtbot, view, Qt.Key.Key_Tab)
    assert current_cell(page) == "active.art20_1.regulations.in_force"
    assert "最后一个填写格" in page.message()
    press(qtbot, view, Qt.Key.Key_Return)
    assert current_cell(page) == "active.art20_1.normative_docs.in_force"


def test_tab_in_the_editor_commits_and_moves_right(qtbot):
    controller, page = make_page(qtbot)
    page.focus_cell(NEW)
    type_text(qtbot, page.view, "8")
    press(qtbot, page.view, Qt.Key.Key_Tab)
    assert controller.report.value(NEW) == 8
    assert current_cell(page) == "applications.new.commercial"
    type_text(qtbot, page.view, "2")
    press(qtbot, page.view, Qt.Key.Key_Down)  # arrows commit too
    assert controller.report.value("applications.new.commercial") == 2
    assert current_cell(page) == "applications.carried_in.commercial"


def test_delete_clears_the_selection_in_one_step(qtbot):
    controller, page = make_page(qtbot)
    controller.set_cells({NEW: 1, "applications.new.commercial": 2, GRANTED: 3})
    view = page.view
    page.focus_cell(NEW)
    press(qtbot, view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, view, Qt.Key.Key_Delete)
    assert controller.report.value(NEW) is None
    assert controller.report.value("applications.new.commercial") is None
    assert controller.report.value(GRANTED) == 3
    assert controller.undo_stack.count() == 2
    controller.undo_stack.undo()
    assert controller.report.value("applications.new.commercial") == 2


# ---- copy and paste ----------------------------------------------------------------------------
BLOCK = "1\t2\t3\t4\r\n5\t6\t7\t8\r\n9\t10\t11\t12\r\n"  # as Excel puts it on the clipboard


def test_parse_tsv_reads_excel_clipboard_text():
    assert parse_tsv(BLOCK) == [["1", "2", "3", "4"], ["5", "6", "7", "8"], ["9", "10", "11", "12"]]
    assert parse_tsv('"1,200"\t\n') == [["1,200", ""]]


def test_pasting_a_3x4_block_fills_from_the_current_cell_in_one_step(qtbot):
    controller, page = make_page(qtbot)
    QApplication.clipboard().setText(BLOCK)
    page.focus_cell(GRANTED)
    qtbot.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    report = controller.report
    rows = ("granted", "partial", "denied.state_secret")
    cols = ("natural", "commercial", "research", "social")
    got = [[report.value(f"applications.{r}.{c}") for c in cols] for r in rows]
    assert got == [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
    assert report.value("applications.total.natural") == 15
    assert controller.undo_stack.count() == 1
    assert "已粘贴 12 个单元格" in page.message()
    controller.undo_stack.undo()
    assert all(report.is_blank(f"applications.{r}.{c}") for r in rows for c in cols)
    controller.undo_stack.redo()
    assert report.value("applications.denied.state_secret.social") == 12


def test_paste_accepts_full_width_and_separators_and_totals_that_agree(qtbot):
    controller, page = make_page(qtbot)
    page.focus_cell("applications.new.other")
    # 其他, then the 总计 column, which agrees with what it adds up to
    changed = page.view.paste("１,０００\t1000\n２０\t20\n")
    assert changed == 2
    assert controller.report.value("applications.new.other") == 1000
    assert controller.report.value("applications.carried_in.other") == 20
    assert "已粘贴 2 个单元格。粘贴内容中的 2 个合计与程序计算的一致。" in page.message()


def test_paste_with_a_bad_value_is_refused_whole(qtbot):
    controller, page = make_page(qtbot)
    controller.set_cell_text(GRANTED, "7")
    page.focus_cell(GRANTED)
    assert page.view.paste("1\t2\n3\tx\n") == 0
    assert controller.report.value(GRANTED) == 7
    assert controller.report.is_blank("applications.granted.commercial")
    assert controller.undo_stack.count() == 1
    message = page.message()
    assert "粘贴未执行" in message and "「x」不是数字" in message and "商业企业" in message


def test_one_value_pasted_onto_a_selection_fills_it(qtbot):
    controller, page = make_page(qtbot)
    view = page.view
    page.focus_cell(NEW)
    press(qtbot, view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert view.paste("0\n") == 2
    assert controller.report.value(NEW) == 0
    assert controller.report.value("applications.carried_in.natural") == 0


def test_copy_gives_tab_separated_plain_numbers(qtbot):
    controller, page = make_page(qtbot, "2019", "active")
    controller.set_cells(
        {
            "active.art20_9.procurement.projects": 5,
            "active.art20_9.procurement.amount": Decimal("109994.50"),
        }
    )
    view = page.view
    page.focus_cell("active.art20_9.procurement.projects")
    press(qtbot, view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "5\t109994.50"


def test_paste_plan_maps_merged_value_cells_by_grid_position():
    report = Report("2021", 2021)
    table = report.spec.table_by_id["active"]
    grid = GridIndex(table)
    start = grid.of_cell("active.art20_6.penalty.decisions")
    assert start is not None and start.colspan == 3
    plan = paste_plan(grid, report, start.row, start.col, [["4", "", ""], ["6", "", ""]])
    assert plan.values == {
        "active.art20_6.penalty.decisions": 4,
        "active.art20_6.enforcement.decisions": 6,
    }
    assert plan.conflicts == [] and not plan.refusals


# ---- 补零, undo, focus ---------------------------------------------------------------------------
def test_zero_button_fills_the_table_in_one_undo_step(qtbot):
    controller, page = make_page(qtbot)
    controller.set_cell_text(NEW, "3")
    blanks = len(controller.report.blank_inputs("applications"))
    qtbot.mouseClick(page.zero_button, Qt.MouseButton.LeftButton)
    assert controller.report.blank_inputs("applications") == []
    assert controller.report.value(NEW) == 3
    assert f"{blanks} 个空白单元格填为 0" in page.message()
    assert controller.undo_stack.count() == 2
    controller.undo_stack.undo()
    assert len(controller.report.blank_inputs("applications")) == blanks
    assert page.model.index_of(GRANTED).data() == ""
    controller.undo_stack.redo()
    assert page.model.index_of(GRANTED).data() == "0"


def test_focus_cell_selects_scrolls_and_focuses(qtbot):
    _controller, page = make_page(qtbot)
    page.resize(900, 300)
    target = "applications.carried_out.other"
    assert page.focus_cell(target)
    assert current_cell(page) == target
    assert page.view.viewport().rect().intersects(page.view.visualRect(page.view.currentIndex()))
    assert not page.focus_cell("active.art20_1.regulations.issued")


def test_page_follows_a_format_change(qtbot):
    controller, page = make_page(qtbot)
    assert page.model.rowCount() == 28
    controller.replace_report(Report("2019", 2020, "某某市某某局"))
    assert page.model.rowCount() == 26
    assert page.focus_cell("applications.other.natural")
    controller.undo_stack.undo()
    assert page.model.rowCount() == 28


@pytest.mark.parametrize("width", [1100, 640])
@pytest.mark.parametrize("format_id", sorted(FORMATS))
@pytest.mark.parametrize("table", ["active", "applications", "appeals"])
def test_no_printed_text_is_cut_off(qtbot, format_id, table, width):
    """Every label and header fits in its (merged) cell, in a roomy window and in
    a narrow one (which scrolls sideways rather than squeezing text)."""
    _controller, page = make_page(qtbot, format_id, table)
    page.resize(width, 900)
    qtbot.waitUntil(lambda: page.width() == width)
    view = page.view
    bold = QFont(view.font())
    bold.setBold(True)
    for g in page.model.table.grid:
        if not g.text:
            continue
        rect = view.visualRect(page.model.index(g.row, g.col))
        fm = QFontMetrics(bold if g.role in (Role.HEADER, Role.CAPTION) else view.font())
        if view.drawn_vertically(page.model.index(g.row, g.col)):
            text, width = "\n".join(g.text), 10_000
        else:
            text, width = g.text, rect.width() - 16
        needed = fm.boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text)
        assert needed.height() <= rect.height(), g.text
        assert needed.width() <= rect.width(), g.text


def test_full_width_input_method_text_starts_editing_without_losing_it(qtbot):
    controller, page = make_page(qtbot)
    controller.set_cell_text(NEW, "99")
    page.focus_cell(NEW)
    for ch in "１２":
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(editor_of(page.view) or page.view, event)
    editor = editor_of(page.view)
    assert editor is not None and editor.text() == "１２"
    press(qtbot, page.view, Qt.Key.Key_Return)
    assert controller.report.value(NEW) == 12


def test_home_and_end_stop_on_value_cells(qtbot):
    _controller, page = make_page(qtbot)
    page.focus_cell("applications.granted.social")
    press(qtbot, page.view, Qt.Key.Key_Home)
    assert current_cell(page) == "applications.granted.natural"
    press(qtbot, page.view, Qt.Key.Key_End)
    assert current_cell(page) == "applications.granted.total"


def test_context_menu_switches_a_money_unit(qtbot):
    controller, page = make_page(qtbot, "2019", "active")
    amount = "active.art20_9.procurement.amount"
    menu = page.view.context_menu(page.model.index_of(amount))
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["复制", "粘贴", "清除内容", "金额单位：元", "金额单位：万元"]
    next(a for a in menu.actions() if a.text() == "金额单位：万元").trigger()
    assert controller.report.unit(amount) == "万元"
    assert controller.undo_stack.count() == 1
    plain = page.view.context_menu(page.model.index_of("active.art20_9.procurement.projects"))
    assert [a.text() for a in plain.actions() if a.text()] == ["复制", "粘贴", "清除内容"]


def test_an_empty_pasted_field_blanks_its_cell_as_in_excel(qtbot):
    controller, page = make_page(qtbot)
    controller.set_cells({NEW: 4, "applications.new.commercial": 5})
    page.focus_cell(NEW)
    assert page.view.paste("\t6\n") == 2
    assert controller.report.is_blank(NEW)
    assert controller.report.value("applications.new.commercial") == 6


def test_header_rows_stay_in_sight_while_scrolling(qtbot):
    _controller, page = make_page(qtbot)
    page.resize(1000, 520)
    qtbot.waitUntil(lambda: page.view.height() < 500)
    view = page.view
    frozen_height = sum(view.rowHeight(r) for r in range(page.model.table.header_rows))
    target = "applications.carried_out.other"
    page.focus_cell(target)
    qtbot.wait(10)
    assert view.verticalScrollBar().value() > 0  # the body did scroll
    rect = view.visualRect(view.currentIndex())
    assert rect.top() >= frozen_height  # the focused cell is not under the header
    frozen = view._frozen
    assert frozen.isVisible() and frozen.height() == frozen_height
    assert frozen.verticalScrollBar().value() == 0
    assert frozen.indexAt(frozen.rect().center()).row() < page.model.table.header_rows


@pytest.mark.parametrize("format_id", sorted(FORMATS))
def test_tall_group_labels_are_readable_at_any_scroll_position(qtbot, format_id):
    """「三、本年度办理结果」 spans 20/22 rows: its text sits in the part of the span
    in sight (one character per line in its narrow column), never below the screen."""
    _controller, page = make_page(qtbot, format_id)
    page.resize(1000, 560)
    qtbot.waitUntil(lambda: page.view.height() < 540)
    view, table = page.view, page.model.table
    result = next(g for g in table.grid if g.text == "三、本年度办理结果")
    group = next(g for g in table.grid if g.text == "（三）不予公开")
    index = page.model.index(result.row, result.col)
    assert view.is_tall_label(index) and view.drawn_vertically(index)
    assert not view.drawn_vertically(page.model.index(group.row, group.col))
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    for value in (0, bar.maximum() // 2, bar.maximum()):
        bar.setValue(value)
        for g in (result, group):
            rect = view.label_text_rect(page.model.index(g.row, g.col))
            cell = view.visualRect(page.model.index(g.row, g.col))
            visible = cell.intersected(view.body_area())
            if visible.isEmpty():
                assert rect.isEmpty()
                continue
            assert cell.contains(rect), g.text
            # centred in the visible part, or as close as the span allows
            if visible.height() >= rect.height():
                assert visible.contains(rect), (g.text, value)
        # the text box of the vertical label holds every character
        rect = view.label_text_rect(index)
        fm = QFontMetrics(view.font())
        needed = fm.boundingRect(QRect(0, 0, 1000, 100_000), 0, "\n".join(result.text))
        assert rect.height() >= needed.height()
    assert view.label_text_rect(index).top() > view.body_area().top()


def test_a_two_line_label_breaks_at_a_comma_not_before_its_last_characters(qtbot):
    from gui.table_view import LINE_BREAK, balanced_lines, line_count

    font = QFont()
    font.setBold(True)
    text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    fm = QFontMetrics(font)
    width = fm.horizontalAdvance(text) * 3 // 4  # two lines, the second one short
    assert line_count(text, font, width) == 2
    out = balanced_lines(text, font, width)
    assert out.replace(LINE_BREAK, "") == text  # the label's text itself is untouched
    first, second = out.split(LINE_BREAK)
    assert first.endswith("，") and second == "等于第三项加第四项之和）"
    assert balanced_lines(text, font, fm.horizontalAdvance(text) + 40) == text  # fits: as is
    assert balanced_lines("社会公益组织法律服务机构", font, 30) == "社会公益组织法律服务机构"


@pytest.mark.parametrize("table", ["active", "appeals"])
def test_a_table_without_scroll_bar_fills_the_width_without_a_gap(qtbot, table):
    _controller, page = make_page(qtbot, "2021", table)
    view = page.view
    qtbot.waitUntil(lambda: not view.verticalScrollBar().isVisible())
    widths = sum(view.columnWidth(c) for c in range(page.model.columnCount()))
    assert widths == view.viewport().width()


def test_tab_and_enter_pass_over_totals_while_arrows_stop_on_them(qtbot):
    controller, page = make_page(qtbot)
    view = page.view
    page.focus_cell("applications.new.other")
    type_text(qtbot, view, "3")
    press(qtbot, view, Qt.Key.Key_Tab)  # onto the row's 总计, never into the next row
    assert controller.report.value("applications.new.other") == 3
    assert current_cell(page) == "applications.new.total"
    press(qtbot, view, Qt.Key.Key_Tab)  # and no further
    assert current_cell(page) == "applications.new.total"
    press(qtbot, view, Qt.Key.Key_Backtab)
    assert current_cell(page) == "applications.new.other"
    last = "applications.other.other.natural"
    page.focus_cell(last)
    type_text(qtbot, view, "4")
    press(qtbot, view, Qt.Key.Key_Return)  # over the （七）总计 row
    assert controller.report.value(last) == 4
    assert current_cell(page) == "applications.carried_out.natural"
    press(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert current_cell(page) == last
    press(qtbot, view, Qt.Key.Key_Down)  # an arrow stops on the total, to copy it
    assert current_cell(page) == "applications.total.natural"
    press(qtbot, view, Qt.Key.Key_Return)  # Enter at the end: stay
    assert current_cell(page) == "applications.carried_out.natural"
    press(qtbot, view, Qt.Key.Key_Return)
    assert current_cell(page) == "applications.carried_out.natural"


@pytest.mark.parametrize("table", ["active", "appeals"])
def test_no_grid_line_ticks_along_the_top_of_merged_headers(qtbot, table):
    from gui import colors

    _controller, page = make_page(qtbot, "2021", table)
    view = page.view
    image = view.viewport().grab().toImage()
    first = next(g for g in page.model.table.grid if g.row == 0 and g.colspan > 1)
    rect = view.visualRect(page.model.index(first.row, first.col))
    expected = page.model.index(first.row, first.col).data(Qt.ItemDataRole.BackgroundRole)
    assert expected in (colors.HEADER_BG, colors.LABEL_BG)
    top = {image.pixelColor(x, 0).name() for x in range(rect.left() + 2, rect.right() - 1)}
    assert top == {expected.name()}
