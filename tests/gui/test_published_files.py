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


def test_import_notes_show_attention_first(qtbot, monkeypatch, tmp_path):
    """A page whose printed total differs: the box warns, 注意 lines come first."""
    from exporters.html import export_html

    window = make_window(qtbot, monkeypatch)
    report = full_report()
    path = tmp_path / "年报.html"
    export_html(report, path)
    total = str(report.value("applications.total.total"))
    page = path.read_text(encoding="utf-8")
    at = page.rindex(f">{total}<")
    path.write_text(page[:at] + ">1<" + page[at + len(total) + 2 :], encoding="utf-8")
    boxes: list[main_window.QMessageBox] = []
    monkeypatch.setattr(main_window.QMessageBox, "exec", lambda self: boxes.append(self))
    assert window.open_file(str(path))
    qtbot.waitUntil(lambda: bool(boxes), timeout=30000)
    [box] = boxes
    assert box.icon() == main_window.QMessageBox.Icon.Warning
    lines = box.informativeText().splitlines()
    assert lines[0].startswith("• 注意：") and "印的是 1" in lines[0]
    assert any(line.startswith("• 提示：") for line in lines)
