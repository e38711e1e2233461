"""Export from the window with blank cells: 补零后导出 is one undoable step, then the
file is written from the filled draft; 按原样导出 prints the blanks blank."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui import dialogs, export_flow
from tests.gui.shell import full_report, make_window


def _with_blanks():
    report = full_report()
    report.set_values({"applications.new.natural": None, "appeals.review.upheld": None})
    return report


@pytest.fixture
def offered(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(
        dialogs,
        "ask_open_exported",
        lambda _p, path, _w: seen.append(path) or dialogs.OpenChoice.NOTHING,
    )
    monkeypatch.setattr(dialogs, "ask_export_with_errors", lambda *_a: True)
    return seen


def _cell_texts(path) -> list[str]:
    return [c.text for t in docx.Document(str(path)).tables for c in t._cells]


def test_fill_zero_then_export_is_one_undoable_step(qtbot, monkeypatch, tmp_path, offered):
    window = make_window(qtbot, monkeypatch)
    window.open_report(_with_blanks())
    asked: list[int] = []
    monkeypatch.setattr(export_flow, "ask_blanks", lambda _p, n, *_a: asked.append(n) or "fill")
    out = tmp_path / "补零.docx"
    assert window.export("docx", str(out))
    qtbot.waitUntil(lambda: offered == [str(out)], timeout=30000)
    report = window.controller.report
    assert asked == [2]
    assert report.blank_inputs() == []
    assert report.value("applications.new.natural") == 0
    window.controller.undo_stack.undo()
    assert sorted(report.blank_inputs()) == ["appeals.review.upheld", "applications.new.natural"]


def test_export_as_is_prints_blanks_blank(qtbot, monkeypatch, tmp_path, offered):
    window = make_window(qtbot, monkeypatch)
    window.open_report(_with_blanks())
    monkeypatch.setattr(export_flow, "ask_blanks", lambda _p, _n, *_a: "as_is")
    out = tmp_path / "原样.docx"
    assert window.export("docx", str(out))
    qtbot.waitUntil(lambda: offered == [str(out)], timeout=30000)
    assert len(window.controller.report.blank_inputs()) == 2
    assert "" in _cell_texts(out)


def test_cancel_writes_nothing(qtbot, monkeypatch, tmp_path, offered):
    window = make_window(qtbot, monkeypatch)
    window.open_report(_with_blanks())
    monkeypatch.setattr(export_flow, "ask_blanks", lambda _p, _n, *_a: None)
    out = tmp_path / "x.docx"
    assert not window.export("docx", str(out))
    assert not out.exists()
    assert len(window.controller.report.blank_inputs()) == 2


def test_pdf_without_an_office_suite_says_so(qtbot, monkeypatch, tmp_path):
    errors_shown: list[tuple[str, str]] = []
    monkeypatch.setattr("gui.errors.show_error", lambda _p, t, text: errors_shown.append((t, text)))
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    monkeypatch.setattr("exporters.pdf.suite_name", lambda: None)
    assert not window.export("pdf", str(tmp_path / "x.pdf"))
    assert "没有找到可以生成 PDF 的办公软件" in errors_shown[0][1]
    assert window.act_export_pdf.text().startswith("导出 PDF")


def test_enter_on_the_blanks_question_exports_as_is_and_changes_nothing(qtbot, monkeypatch):
    """The default button must not change data: Enter used to fill 64 blanks with 0."""
    seen: dict[str, str] = {}

    def press_enter() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
        seen["default"] = box.defaultButton().text()
        seen["escape"] = box.escapeButton().text()
        qtbot.keyClick(box, Qt.Key.Key_Return)

    window = make_window(qtbot, monkeypatch)
    QTimer.singleShot(0, press_enter)
    assert export_flow.ask_blanks(window, 64) == "as_is"
    assert seen["default"] == "按原样导出" and seen["escape"] != "补零后导出"
    report = _with_blanks()
    window.open_report(report)
    QTimer.singleShot(0, press_enter)
    assert export_flow.confirm_blanks(window, window.controller)
    assert report.is_blank("applications.new.natural")
    assert window.controller.undo_stack.count() == 0
