"""The start page: where the keyboard starts, and how recent drafts read."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from gui.start_page import PATH_ROLE, StartPage


def make_page(qtbot) -> StartPage:
    page = StartPage()
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_enter_starts_a_new_report_when_there_is_no_recent_draft(qtbot):
    page = make_page(qtbot)
    page.set_recent([])
    assert page.preferred_focus() is page.new_button
    assert page.new_button.isDefault()


def test_the_newest_recent_draft_is_current_so_enter_continues_it(qtbot, tmp_path):
    drafts = [tmp_path / "某某局2025年报告.nianbao", tmp_path / "某某局2024年报告.nianbao"]
    for path in drafts:
        path.write_text("{}", encoding="utf-8")
    page = make_page(qtbot)
    page.set_recent([str(p) for p in drafts])
    assert page.preferred_focus() is page.recent
    assert page.recent.currentRow() == 0
    assert page.recent.currentItem().data(PATH_ROLE) == str(drafts[0])
    with qtbot.waitSignal(page.recentActivated) as opened:
        page.recent.itemActivated.emit(page.recent.currentItem())
    assert opened.args == [str(drafts[0])]


def test_a_recent_draft_shows_its_name_and_where_it_is_on_two_roomy_lines(qtbot, tmp_path):
    path = tmp_path / "某某局2025年报告.nianbao"
    path.write_text("{}", encoding="utf-8")
    page = make_page(qtbot)
    page.set_recent([str(path)])
    item = page.recent.item(0)
    name, detail = item.text().split("\n")
    assert name == "某某局2025年报告" and str(tmp_path) in detail
    row = page.recent.visualItemRect(item).height()
    line = QFontMetrics(page.recent.font()).height()
    assert row >= 2 * line + 12  # two lines with room around them
    # the list is as tall as its drafts, not a box down to the window's end
    assert page.recent.maximumHeight() <= row + 2 * page.recent.frameWidth()
