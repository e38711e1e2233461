"""Zoom (Ctrl+= / Ctrl+-) applies to everything the officer reads and types: the
table's cells, a cell being typed, and the texts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from tests.gui.shell import full_report, make_window


def open_editor(qtbot, window, cell: str = "applications.new.natural") -> QLineEdit:
    view = window.pages["三"].view
    view.setCurrentIndex(view.model().index_of(cell))
    view.setFocus()
    qtbot.keyClicks(view, "5")
    (editor,) = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    return editor


def test_the_cell_editor_is_as_large_as_the_zoomed_cells(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    window.show()
    window.select_page("三")
    view = window.pages["三"].view
    normal = view.font().pointSizeF()
    window.set_zoom(150)
    editor = open_editor(qtbot, window)
    assert view.font().pointSizeF() == normal * 1.5
    assert editor.font().pointSizeF() == view.font().pointSizeF()
    window.set_zoom(80)  # zooming while typing resizes the open editor too
    assert editor.font().pointSizeF() == view.font().pointSizeF() == normal * 0.8
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
