"""The window opens published web pages and PDFs, and exports the web page."""

from __future__ import annotations

from gui import main_window
from gui import strings as s
from tests.gui.shell import full_report, make_window


def _capture_messages(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        main_window.QMessageBox, "information", lambda _p, _t, text: shown.append(text)
    )
    monkeypatch.setattr(main_window.QMessageBox, "exec", lambda self: shown.append(self.text()))
    return shown


def test_open_a_saved_web_page_imports_it(qtbot, monkeypatch, tmp_path):
    from exporters.html import export_html

    window = make_window(qtbot, monkeypatch)
    report = full_report()
    path = tmp_path / "年报.html"
    export_html(report, path)
    shown = _capture_messages(monkeypatch)
    assert window.open_file(str(path))
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert window.controller.report.values() == report.values()
    assert window.controller.path is None  # saved later as a new draft


def test_export_web_page_action_writes_the_page(qtbot, monkeypatch, tmp_path):
    window = make_window(qtbot, monkeypatch)
    window.open_report(full_report())
    assert window.act_export_html.text() == s.ACT_EXPORT_HTML
    monkeypatch.setattr(main_window.MainWindow, "_exported", lambda self, path, notes: None)
    out = tmp_path / "年报.html"
    assert window.export("html", str(out))
    qtbot.waitUntil(lambda: out.exists(), timeout=30000)
    assert "<!DOCTYPE html>" in out.read_text(encoding="utf-8")


def test_the_open_dialog_offers_every_report_type():
    for pattern in ("*.nianbao", "*.docx", "*.doc", "*.xlsx", "*.html", "*.htm", "*.pdf"):
        assert pattern in s.FILTER_OPENABLE
    for pattern in ("*.docx", "*.doc", "*.html", "*.pdf"):
        assert pattern in s.FILTER_PUBLISHED
