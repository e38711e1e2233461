"""The document controller: every operation one undo step, validation kept live."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest

from gui import commands
from gui.document import DocumentController
from model.issues import Validation
from model.report import Report
from model.values import InvalidValue
from tests.factories import random_report

NEW = "applications.new.natural"
NEW_TOTAL = "applications.new.total"
GRANTED = "applications.granted.natural"
GRAND_TOTAL = "applications.total.total"
NATURAL_TOTAL = "applications.total.natural"


@pytest.fixture
def doc(qtbot) -> DocumentController:
    controller = DocumentController(Report("2021", 2021, "某某市某某局"))
    controller.today = lambda: dt.date(2022, 1, 10)
    return controller


def test_typed_cell_sets_value_and_totals_in_one_step(doc):
    assert doc.set_cell_text(GRANTED, "１２") is None  # full-width digits
    assert doc.report.value(GRANTED) == 12
    assert doc.report.value(NATURAL_TOTAL) == 12
    assert doc.report.value(GRAND_TOTAL) == 12
    assert doc.undo_stack.count() == 1
    assert "（一）予以公开" in doc.undo_stack.text(0)
    doc.undo_stack.undo()
    assert doc.report.value(GRANTED) is None
    assert doc.report.value(GRAND_TOTAL) is None
    doc.undo_stack.redo()
    assert doc.report.value(GRAND_TOTAL) == 12


def test_separators_and_spaces_are_accepted(doc):
    assert doc.set_cell_text(NEW, " 1,234 ") is None
    assert doc.report.value(NEW) == 1234


def test_refused_text_changes_nothing_and_says_why(doc):
    doc.set_cell_text(NEW, "7")
    reason = doc.set_cell_text(NEW, "7a")
    assert reason is not None and "「7a」不是数字" in reason
    assert doc.report.value(NEW) == 7
    assert doc.undo_stack.count() == 1
    assert "整数" in (doc.set_cell_text(NEW, "1.5") or "")
    assert "负数" in (doc.set_cell_text(NEW, "-3") or "")
    assert "自动计算" in (doc.set_cell_text(NEW_TOTAL, "3") or "")
    assert doc.undo_stack.count() == 1


def test_every_committed_entry_of_a_cell_is_its_own_step(doc):
    doc.set_cell_text(NEW, "3")
    doc.set_cell_text(NEW, "2")  # corrected later: undo goes back to 3, not to blank
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert doc.report.value(NEW) == 3
    doc.undo_stack.undo()
    assert doc.report.value(NEW) is None


def test_same_value_is_not_an_undo_step(doc):
    doc.set_cell_text(NEW, "3")
    doc.set_cell_text(GRANTED, "3")
    doc.set_cell_text(NEW, "３")
    assert doc.undo_stack.count() == 2


def test_paste_is_one_step_and_all_or_nothing(doc):
    values = {NEW: 4, GRANTED: 2, "applications.new.commercial": 1}
    assert doc.set_cells(values) == 3
    assert doc.undo_stack.count() == 1
    assert doc.report.value(NEW_TOTAL) == 5
    with pytest.raises(InvalidValue):
        doc.set_cells({NEW: 9, GRANTED: -1})
    assert doc.report.value(NEW) == 4
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert all(doc.report.value(c) is None for c in values)


def test_clear_cells_skips_totals_and_blanks(doc):
    doc.set_cells({NEW: 4, GRANTED: 2})
    assert doc.clear_cells([NEW, NEW_TOTAL, "applications.new.other"]) == 1
    assert doc.report.value(NEW) is None
    assert doc.report.value(GRANTED) == 2
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert doc.report.value(NEW) == 4


def test_fill_zero_of_one_table_is_one_step(doc):
    doc.set_cell_text(NEW, "5")
    blanks = len(doc.report.blank_inputs("applications"))
    assert doc.fill_blanks_with_zero("applications") == blanks
    assert doc.report.blank_inputs("applications") == []
    assert doc.report.value(NEW) == 5  # filled cells keep their value
    assert doc.report.blank_inputs("active")  # other tables untouched
    assert doc.undo_stack.count() == 2
    assert "补零" in doc.undo_stack.text(1)
    doc.undo_stack.undo()
    assert len(doc.report.blank_inputs("applications")) == blanks
    assert doc.fill_blanks_with_zero("applications") == blanks


def test_fill_zero_of_the_report_gives_money_as_decimal(doc):
    n = doc.fill_blanks_with_zero()
    assert n == len(doc.report.spec.inputs)
    fees = "active.art20_8.fees.amount_wan"
    assert doc.report.value(fees) == Decimal(0)
    assert isinstance(doc.report.value(fees), Decimal)
    assert doc.fill_blanks_with_zero() == 0
    assert doc.undo_stack.count() == 1


def test_typing_text_merges_until_a_pause(doc, monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(commands.time, "monotonic", lambda: clock[0])
    for text in ("本", "本年", "本年度"):
        doc.set_text("一", text)
    assert doc.undo_stack.count() == 1
    doc.set_text("五", "问题")
    assert doc.undo_stack.count() == 2
    doc.set_text("五", "问题一")
    clock[0] += commands.TEXT_MERGE_PAUSE + 1
    doc.set_text("五", "问题一二")
    assert doc.undo_stack.count() == 3
    doc.undo_stack.undo()
    assert doc.report.texts["五"] == "问题一"
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.report.texts == {"一": "", "五": "", "六": ""}


def test_meta_changes_are_undoable_and_checked_by_the_model(doc):
    doc.set_meta(agency="某某区财政局")
    doc.set_meta(agency="某某区财政局办公室")
    assert doc.undo_stack.count() == 1  # typing in one field
    doc.set_meta(date=dt.date(2022, 1, 8), kind="government")
    assert doc.undo_stack.count() == 2
    with pytest.raises(ValueError):
        doc.set_meta(kind="nonsense")
    assert doc.undo_stack.count() == 2
    assert doc.report.meta.kind == "government"
    doc.undo_stack.undo()
    assert doc.report.meta.kind == "department" and doc.report.meta.date is None
    doc.undo_stack.undo()
    assert doc.report.meta.agency == "某某市某某局"


def test_unit_change_is_undoable_and_refused_units_raise():
    doc = DocumentController(Report("2019", 2020, "某局"))
    amount = "active.art20_9.procurement.amount"
    doc.set_unit(amount, "万元")
    assert doc.report.unit(amount) == "万元"
    with pytest.raises(InvalidValue):
        doc.set_unit(amount, "美元")
    doc.undo_stack.undo()
    assert doc.report.unit(amount) == "元"
    assert doc.undo_stack.count() == 1


def test_extras_merge_per_key(doc):
    doc.set_extra("fee_count", 1)
    doc.set_extra("fee_count", 2)
    doc.set_extra("fee_amount", "100")
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.report.extras == {}


def test_replace_report_is_one_undoable_step(doc, qtbot):
    doc.set_cell_text(NEW, "3")
    old = doc.report
    new = Report("2019", 2020, "某某市某某局")
    with qtbot.waitSignals([doc.reportReplaced, doc.validationChanged]):
        doc.replace_report(new, "改用 2019 年格式")
    assert doc.report is new
    assert doc.undo_stack.text(1) == "改用 2019 年格式"
    doc.set_cell_text("active.art20_5.licensing.change", "-2")  # an edit on the new one
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.report is old and old.value(NEW) == 3
    new.set_value("active.art20_5.licensing.change", 5)  # old report no longer observed
    doc.undo_stack.redo()
    assert doc.report is new


def test_clean_state_is_the_unsaved_flag(doc, qtbot):
    assert doc.is_clean()
    with qtbot.waitSignal(doc.cleanChanged, check_params_cb=lambda clean: not clean):
        doc.set_cell_text(NEW, "1")
    with qtbot.waitSignal(doc.cleanChanged, check_params_cb=lambda clean: clean):
        doc.undo_stack.undo()
    doc.undo_stack.redo()
    doc.mark_saved("/tmp/某局.nianbao")
    assert doc.is_clean() and doc.path == "/tmp/某局.nianbao"
    doc.set_report(Report("2021", 2022, "另一局"))
    assert doc.is_clean() and doc.undo_stack.count() == 0 and doc.path is None


def test_each_change_revalidates_and_signals(doc, qtbot):
    doc.fill_blanks_with_zero("applications")
    assert not [i for i in doc.validation.issues if i.rule == "R1"]
    seen: list[Validation] = []
    doc.validationChanged.connect(seen.append)
    doc.set_cell_text(GRANTED, "5")  # 一+二 = 0, 三（七）+ 四 = 5
    r1 = [i for i in doc.validation.issues if i.rule == "R1"]
    assert r1 and seen[-1] is doc.validation
    assert {i.cell for i in r1} == {NEW, NEW_TOTAL}
    assert doc.validation.worst(NATURAL_TOTAL).label == "错误"
    doc.set_cell_text(NEW, "5")
    assert not [i for i in doc.validation.issues if i.rule == "R1"]


def test_previous_report_feeds_the_carry_over_check(doc):
    last = random_report(random.Random(3), year=2020)
    last.set_value("applications.carried_out.natural", 4)
    doc.set_cell_text("applications.carried_in.natural", "1")
    assert not [i for i in doc.validation.issues if i.rule == "R7"]
    doc.set_previous_report(last)
    r7 = [i for i in doc.validation.issues if i.rule == "R7"]
    assert [i.cell for i in r7] == ["applications.carried_in.natural"]
    assert doc.undo_stack.count() == 1  # not an edit


def test_qt_calls_keep_the_none_and_bool_reference_counts(doc):
    """PySide6 6.12.0 on CPython 3.11 drops a reference to None on every call of a
    method returning nothing and to True on every emit, and the interpreter aborts
    after a few thousand calls (a few minutes of editing). pyproject.toml excludes
    that release; this test fails on any Qt binding with the same fault."""
    import sys

    from PySide6.QtWidgets import QLineEdit

    edit = QLineEdit()
    before = {v: sys.getrefcount(v) for v in (None, True)}
    for _ in range(500):
        doc.reportChanged.emit(None)
        edit.setText("1")
    for v, count in before.items():
        assert sys.getrefcount(v) >= count - 50, f"{v!r} lost references"
