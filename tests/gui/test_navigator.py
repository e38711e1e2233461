"""The navigator: badges in words, and every heading whole beside its badge."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics

from gui.navigator import BADGE_ROLE, KEY_ROLE, Badge, Navigator, heading_width
from model.formats import FORMATS
from model.issues import Validation
from model.report import Report
from model.rules import validate


def test_badges_say_errors_and_warnings_in_words():
    assert Badge(errors=1, warnings=3).text == "1 错误"
    assert Badge(warnings=12).text == "12 警告"
    assert Badge().text == "✓"


@pytest.mark.parametrize("format_id", sorted(FORMATS))
def test_every_heading_fits_whole_beside_a_two_digit_badge(qtbot, format_id):
    """At the navigator's usual width (the window gives it 300 px), no section
    heading is cut off, even beside 「12 错误」."""
    report = Report(format_id, 2025 if format_id == "2021" else 2020, "某某市某某局")
    nav = Navigator()
    qtbot.addWidget(nav)
    nav.set_spec(report.spec)
    nav.update_badges(validate(report))
    nav.resize(300, 400)
    nav.show()
    qtbot.waitExposed(nav)
    fm = QFontMetrics(nav.font())
    room = heading_width(nav.viewport().width(), Badge(errors=12), nav.font())
    for row in range(nav.count()):
        item = nav.item(row)
        assert nav.badge(item.data(KEY_ROLE)) is not None
        assert fm.horizontalAdvance(item.text()) <= room, item.text()
    nav.update_badges(Validation([]))
    assert all(nav.item(r).data(BADGE_ROLE).text == "✓" for r in range(nav.count()))
