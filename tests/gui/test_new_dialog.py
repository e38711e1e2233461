"""The 新建 dialog reads like the 基本信息 page and its button says what it does."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui import dialogs


def test_the_year_reads_with_its_unit_and_enter_creates_the_report(qtbot):
    dialog = dialogs.NewReportDialog()
    qtbot.addWidget(dialog)
    dialog.year.setValue(2025)
    assert dialog.year.text() == "2025 年"
    assert dialog.create_button.text() == "新建"
    dialog.agency.setText("某某市某某局")
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.create_button.isDefault()
    qtbot.keyClick(dialog.agency, Qt.Key.Key_Return)  # Enter in the name field: done
    assert dialog.report is not None
    assert (dialog.report.meta.year, dialog.report.meta.agency) == (2025, "某某市某某局")
    assert dialog.report.spec.id == "2021"
