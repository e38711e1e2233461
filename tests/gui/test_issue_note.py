"""Many warnings on a text page scroll in a note of a few lines: the window never
grows past the screen and the editor keeps its room."""

from __future__ import annotations

from gui.issue_note import IssueNote
from tests.gui.shell import full_report, make_window


def test_many_warnings_scroll_and_leave_the_editor_its_room(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    report = full_report(2021)
    report.set_text("一", "\n".join(f"2020年共办理第{i}类事项{i}件。" for i in range(1, 41)))
    window.open_report(report)
    window.resize(1366, 768)
    window.show()
    window.select_page("一")
    page = window.pages["一"]
    qtbot.waitUntil(lambda: page.note.isVisible())
    assert page.note.text().count("\n") >= 39  # every warning is there, to scroll through
    assert page.note.height() <= page.note.cap()
    assert page.note.verticalScrollBar().maximum() > 0
    assert window.size().height() == 768 and window.minimumSizeHint().height() <= 768
    assert page.editor.height() >= 200


def test_a_single_warning_takes_just_its_lines(qtbot):
    from model.issues import Issue, Severity

    note = IssueNote()
    qtbot.addWidget(note)
    note.resize(800, 100)
    note.set_issues([Issue(Severity.WARNING, "R17", "一、总体情况：年份不符", "text.一", ())])
    assert note.isVisible() is False or note.height() < note.cap()
    assert note.verticalScrollBar().maximum() == 0
    note.set_issues([])
    assert note.isHidden()
