"""Helpers shared by the tests of the window shell (not a conftest: other GUI
tests keep their own fixtures)."""

from __future__ import annotations

import random

import pytest

from gui import dialogs
from gui.main_window import MainWindow
from model.report import Report
from tests.factories import random_report

AUTOSAVE_MS = 60  # tests wait milliseconds, not seconds


def make_window(qtbot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    # Closing a window with unsaved work would open a modal question: tests that
    # want the question patch it themselves.
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_a: dialogs.SaveChoice.DISCARD)
    window = MainWindow(autosave_delay_ms=AUTOSAVE_MS)
    qtbot.addWidget(window)
    return window


def full_report(year: int = 2021, seed: int = 7, agency: str = "某某市某某局") -> Report:
    """Every input filled and section 三 balanced: no errors."""
    return random_report(random.Random(seed), year, agency)
