"""帮助: 使用说明, 校验规则说明, 官方格式, 键盘操作 — each from the one source of
what it describes, rendered as rich text; and the README's copies of them."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QTextBrowser

from gui import help_pages
from gui import strings as s
from gui.help_dialog import HelpDialog, key_rows
from model.formats import FORMAT_2019, FORMAT_2021
from model.rules_catalog import RULES
from tests.gui.shell import make_window

ROOT = Path(__file__).resolve().parents[2]


def _help(qtbot, monkeypatch, page: str):
    window = make_window(qtbot, monkeypatch)
    window.show_help(page)
    dialog = window.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.current_page() == page
    return window, dialog


def test_help_menu_lists_the_four_pages_and_about(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    help_menu = window.menuBar().actions()[-1].menu()
    texts = [a.text() for a in help_menu.actions() if not a.isSeparator()]
    assert texts == [
        s.ACT_HELP_USAGE,
        s.ACT_HELP_RULES,
        s.ACT_HELP_FORMATS,
        s.ACT_HELP_KEYS,
        s.ACT_ABOUT,
    ]
    assert window.act_help_usage.shortcut().toString() == "F1"


def test_usage_is_the_readmes_workflow_text(qtbot, monkeypatch):
    _window, dialog = _help(qtbot, monkeypatch, "usage")
    shown = dialog.browser.toPlainText()
    assert "使用说明" in shown
    assert "关闭报告" in shown and "打印" in shown and "与上年对比" in shown
    assert "**" not in shown  # rendered, not raw Markdown
    source = (ROOT / "resources" / "help" / "usage.md").read_text(encoding="utf-8")
    assert dialog.markdown("usage") == source


def test_rules_page_is_generated_from_the_catalogue(qtbot, monkeypatch):
    _window, dialog = _help(qtbot, monkeypatch, "rules")
    shown = dialog.browser.toPlainText()
    for rule in RULES:
        assert rule.code in shown and rule.name in shown
    assert "正文中的年份" in shown and "R17" in shown
    assert dialog.browser.document().toHtml().count("<table") == 1  # a real table


def test_formats_page_names_both_formats_and_what_changed(qtbot, monkeypatch):
    _window, dialog = _help(qtbot, monkeypatch, "formats")
    shown = dialog.browser.toPlainText()
    for spec in (FORMAT_2019, FORMAT_2021):
        assert spec.name in shown and spec.issued_by in shown
    assert "2019、2020 年度的报告" in shown and "2021 年度起的报告" in shown
    assert "部门报告次年 1 月 31 日前" in shown and "本级政府报告次年 3 月 31 日前" in shown
    changes = " ".join(help_pages.format_changes(FORMAT_2019, FORMAT_2021))
    assert "“第二十条第（九）项 政府集中采购”" in changes  # the （九） block is gone
    assert "新增 “第二十条第（一）项 行政规范性文件”" in changes
    assert "“本年制发件数”" in changes
    assert "四、政府信息公开行政复议、行政诉讼情况**：没有变化" in changes
    assert "（一）主动公开" in changes  # 一's outline


def test_keys_page_lists_every_menu_key_of_the_window(qtbot, monkeypatch):
    window, dialog = _help(qtbot, monkeypatch, "keys")
    dialog.show_page("keys")
    shown = dialog.browser.toPlainText()
    rows = key_rows(window)
    assert rows, "the window has menu keys"
    for _menu, action, keys in rows:
        assert action in shown
        for key in keys:
            assert key in shown
    for _menu, action in window.menu_actions():
        for key in action.shortcuts():
            assert key.toString() in shown, action.text()
    assert "关闭报告" in shown and "Ctrl+W" in shown and "Ctrl+E" in shown
    assert s.HELP_GRID_KEYS in shown and "F2" in shown


def test_pages_switch_in_the_list(qtbot, monkeypatch):
    _window, dialog = _help(qtbot, monkeypatch, "usage")
    dialog.pages.setCurrentRow(1)
    assert dialog.current_page() == "rules"
    assert "R1" in dialog.findChild(QTextBrowser).toPlainText()


def test_every_key_the_usage_text_names_exists(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    known = {k for _m, _a, keys in key_rows(window) for k in keys}
    known |= {k for keys, _what in s.GRID_KEYS for k in keys}
    usage = help_pages.usage_markdown()
    named = set(
        re.findall(
            r"Ctrl\+(?:Shift\+)?(?:Home|End|PgUp|PgDown|[A-Z0-9=+\-])|Shift\+Tab|\bF\d{1,2}\b",
            usage,
        )
    )
    assert named, "the usage text names keys"
    missing = {n for n in named if n not in known}
    assert not missing, f"usage.md names keys the window does not have: {missing}"


# ---- the README is generated from the same sources ---------------------------------------
def test_readme_blocks_equal_the_help_sources(qtbot, monkeypatch):
    window = make_window(qtbot, monkeypatch)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = help_pages.readme_blocks(key_rows(window))
    for name, body in blocks.items():
        assert help_pages.readme_block(readme, name) == body, (
            f"README block {name!r} differs from its source: "
            "run `uv run python -m gui.help_pages --write-readme`"
        )
    assert help_pages.rewrite_readme(readme, blocks) == readme


def test_rewriting_the_readme_replaces_only_the_blocks():
    begin = help_pages.BEGIN.format(name="rules", source=help_pages.SOURCES["rules"])
    end = help_pages.END.format(name="rules")
    text = f"前言\n{begin}\n旧的表\n{end}\n后记\n"
    out = help_pages.rewrite_readme(text, {"rules": "| 新 |\n"})
    assert out == f"前言\n{begin}\n| 新 |\n{end}\n后记\n"
    assert help_pages.readme_block(out, "rules") == "| 新 |\n"
    assert help_pages.readme_block("没有标记", "rules") is None


def test_the_help_uses_the_spec_terms_and_counts_every_rule():
    """公布 (《条例》第四十九条: 向社会公布), never 发布期限; the rules page speaks of all of
    R1–R17, as many as the catalogue holds; R9 says what must hold, not the fault."""
    pages = (
        help_pages.usage_markdown() + help_pages.rules_markdown() + help_pages.formats_markdown()
    )
    assert "发布期限" not in pages and "公布期限" in pages
    assert s.META_DEADLINE == "公布期限"
    assert f"R1–R{len(RULES)}" in help_pages.rules_markdown() and len(RULES) == 17
    assert "R1–R14 是官方格式" not in pages
    (r9,) = [r for r in RULES if r.code == "R9"]
    assert "不应大于" in r9.explanation
