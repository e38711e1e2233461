"""The 「问题」 dock: every issue listed, kept current, a click gives its key."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from gui.document import DocumentController
from gui.problems import KEY_ROLE, ProblemsDock, issue_key, summary_text
from model.issues import Issue, Severity, Validation
from model.report import Report


@pytest.fixture
def setup(qtbot):
    controller = DocumentController(Report("2021", 2021, ""))
    controller.today = lambda: dt.date(2022, 1, 10)
    dock = ProblemsDock(controller)
    qtbot.addWidget(dock)
    dock.resize(700, 400)
    dock.show()
    qtbot.waitExposed(dock)
    return controller, dock


def rows(dock) -> list[tuple[str, str, str]]:
    tree = dock.tree
    return [
        tuple(tree.topLevelItem(i).text(c) for c in range(3))
        for i in range(tree.topLevelItemCount())
    ]


def test_lists_every_issue_with_severity_rule_and_section(setup):
    controller, dock = setup
    assert dock.windowTitle() == "问题"
    issues = controller.validation.issues
    assert [r[2] for r in rows(dock)] == [i.message for i in issues]
    first = rows(dock)[0]
    assert first[0] == "错误 R6" and first[1] == "二"
    assert ("警告 R13", "基本信息", "未填写机关名称") in rows(dock)
    assert any(r[1] == "一" and r[0] == "警告 R13" for r in rows(dock))
    assert dock.summary.text() == summary_text(controller.validation)


def test_follows_validation_changes(setup):
    controller, dock = setup
    controller.fill_blanks_with_zero()
    assert not any(r[0].endswith("R6") for r in rows(dock))
    controller.set_cell_text("applications.granted.natural", "5")
    r1 = [r for r in rows(dock) if r[0] == "错误 R1"]
    assert len(r1) == 2 and all(r[1] == "三" for r in r1)
    controller.undo_stack.undo()
    assert not [r for r in rows(dock) if r[0] == "错误 R1"]


def test_clicking_an_issue_emits_its_key(setup, qtbot):
    controller, dock = setup
    controller.fill_blanks_with_zero()
    controller.set_cell_text("applications.granted.natural", "5")
    tree = dock.tree
    target = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == "错误 R1"
    )
    rect = tree.visualItemRect(target)
    with qtbot.waitSignal(dock.issueActivated) as blocker:
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["applications.new.natural"]
    assert target.data(0, KEY_ROLE) == "applications.new.natural"


def test_enter_on_an_issue_emits_its_key(setup, qtbot):
    _controller, dock = setup
    tree = dock.tree
    agency_row = next(
        i
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(2) == "未填写机关名称"
    )
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(agency_row))
    with qtbot.waitSignal(dock.issueActivated) as blocker:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert blocker.args == ["meta.agency"]


def test_selection_survives_a_refresh(setup):
    controller, dock = setup
    tree = dock.tree
    agency = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(2) == "未填写机关名称"
    )
    tree.setCurrentItem(agency)
    controller.set_cell_text("active.art20_5.licensing.decisions", "3")  # R6 count changes
    assert tree.currentItem().text(2) == "未填写机关名称"


def test_summary_text_counts_each_severity():
    def issue(sev):
        return Issue(sev, "R1", "x", "meta.agency")

    validation = Validation(
        (issue(Severity.ERROR),) * 3 + (issue(Severity.WARNING),) * 2 + (issue(Severity.INFO),)
    )
    assert summary_text(validation) == "3 个错误，2 个警告，1 个提示"
    assert summary_text(Validation((issue(Severity.WARNING),))) == "1 个警告"
    assert summary_text(Validation(())) == "没有发现问题"


def test_issue_key_falls_back_to_the_first_field():
    assert issue_key(Issue(Severity.ERROR, "R12", "x", None, ("meta.year",))) == "meta.year"
    assert issue_key(Issue(Severity.ERROR, "R12", "x")) is None


def test_the_rule_column_explains_the_rule_from_the_catalogue(setup):
    from model.rules_catalog import rule_info

    _controller, dock = setup
    tree = dock.tree
    assert tree.topLevelItemCount() > 0
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        issue = item.data(0, KEY_ROLE + 1)
        info = rule_info(issue.rule)
        assert item.toolTip(0) == f"{info.code} {info.name}：{info.explanation}"
