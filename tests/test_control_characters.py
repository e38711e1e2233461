"""Control characters and line breaks of every kind, at every door text comes
through (model.texts): typing is refused with a Chinese message naming the
character, the draft loader and the importers drop it (the importers with a
note), and a line break is \\n wherever it came from — so every export writes
and reads back what the report holds."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from openpyxl import load_workbook

from exporters.docx import export_docx
from exporters.html import export_html
from exporters.xlsx import export_xlsx
from importers import importer_for
from model.drafts import load_draft, save_draft
from model.report import Report
from model.values import InvalidValue
from tests.factories import random_report

BREAKS = ["\v", "\f", "\r\n", "\r", "\x85", "\u2028", "\u2029"]
CONTROLS = ["\x00", "\x01", "\x08", "\x1b", "\x1f", "\x7f", "\x80", "\x9f", "\ud800", "\ufffe"]
CONTROL_NOTE = "中有不是文字的控制字符"


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


# ---- typing: the model ------------------------------------------------------------------------
@pytest.mark.parametrize("brk", BREAKS, ids=[_code(b[-1]) for b in BREAKS])
def test_every_line_break_is_held_as_a_newline(brk):
    report = Report("2021", 2023, "某局")
    report.set_text("一", f"第一行{brk}第二行\t（续）")
    assert report.texts["一"] == "第一行\n第二行\t（续）"  # a tab stays in a text


@pytest.mark.parametrize("char", CONTROLS, ids=_code)
def test_a_typed_control_character_is_refused_and_nothing_changes(char):
    report = Report("2021", 2023, "某局")
    report.set_text("一", "原文")
    with pytest.raises(InvalidValue) as refused:
        report.set_text("一", f"新{char}文")
    assert f"一部分的文字中有不是文字的控制字符（{_code(char)}）" in str(refused.value)
    with pytest.raises(InvalidValue) as refused:
        report.set_meta(agency=f"某{char}局")
    assert f"机关名称中有不是文字的控制字符（{_code(char)}）" in str(refused.value)
    assert (report.texts["一"], report.meta.agency) == ("原文", "某局")
    with pytest.raises(InvalidValue):
        Report("2021", 2023, f"某某{char}局")


@pytest.mark.parametrize(
    ("typed", "held"),
    [
        ("某某市\n某某局", "某某市某某局"),
        ("某某市\r\n  某某局", "某某市某某局"),
        ("某某市\u2028某某局", "某某市某某局"),
        ("某某区\t人民政府", "某某区人民政府"),
        ("XX County\nBureau", "XX County Bureau"),
    ],
)
def test_a_name_is_one_line(typed, held):
    report = Report("2021", 2023, "某局")
    report.set_meta(agency=typed)
    assert report.meta.agency == held
    assert Report("2021", 2023, typed).meta.agency == held


def test_many_control_characters_are_named_a_few_at_a_time():
    report = Report("2021", 2023, "某局")
    with pytest.raises(InvalidValue) as refused:
        report.set_text("五", "".join(chr(c) for c in range(1, 9)))
    assert "U+0001、U+0002、U+0003、U+0004、U+0005 等" in str(refused.value)


# ---- the window's controller: the model decides before the undo step --------------------------
def test_the_window_refuses_a_control_character_and_keeps_the_text(qtbot):
    from gui.document import DocumentController

    controller = DocumentController(Report("2021", 2023, "某局"))
    controller.set_text("一", "第一行\r\n第二行")
    assert controller.report.texts["一"] == "第一行\n第二行"
    with pytest.raises(InvalidValue, match="U\\+0001"):
        controller.set_text("一", "第一行\x01")
    with pytest.raises(InvalidValue, match="U\\+001B"):
        controller.set_meta(agency="某\x1b局")
    assert controller.report.texts["一"] == "第一行\n第二行"
    assert controller.report.meta.agency == "某局"
    controller.undo_stack.undo()
    assert controller.report.texts["一"] == ""  # one step, the clean text


# ---- the draft loader -------------------------------------------------------------------------
def test_a_draft_saved_with_control_characters_opens_without_them(tmp_path):
    """Earlier versions stored what was pasted: the draft opens (the characters
    are invisible and no export could hold them), line breaks as \\n."""
    report = random_report(random.Random(2), 2023, agency="某某局")
    report.set_text("一", "第一行\n第二行")
    path = save_draft(report, tmp_path / "r.nianbao")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["report"]["meta"]["agency"] = "某某\x01局"
    data["report"]["texts"]["一"] = "第一行\x0b第二行\x1b"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    opened = load_draft(path)
    assert opened.meta.agency == "某某局"
    assert opened.texts["一"] == "第一行\n第二行"
    assert opened.values() == report.values()
    save_draft(opened, path)  # and it saves, and reads back, as held
    assert load_draft(path) == opened


# ---- the importers: dropped with a note ------------------------------------------------------
def _report() -> Report:
    report = random_report(random.Random(5), 2023, agency="某某市某某局")
    report.set_text("一", "第一段内容。\n第二段内容。")
    return report


def test_a_web_page_with_control_characters_is_read_without_them_and_says_so(tmp_path):
    report = _report()
    path = tmp_path / "r.html"
    export_html(report, path)
    page = path.read_text(encoding="utf-8")
    assert page.count("<p>某某市某某局</p>") == 1 and page.count("第一段内容。") == 1
    page = page.replace("<p>某某市某某局</p>", "<p>某某\x01市某某局</p>")
    path.write_text(page.replace("第一段内容。", "第一段\x1b内容。"), encoding="utf-8")
    result = importer_for(path)(path)
    assert result.report.meta.agency == "某某市某某局"
    assert result.report.texts["一"] == "第一段内容。\n第二段内容。"
    assert result.report.values() == report.values()
    assert f"机关名称{CONTROL_NOTE}（U+0001），无法显示或打印，已删除" in result.notes
    assert f"「一、总体情况」的文字{CONTROL_NOTE}（U+001B），无法显示或打印，已删除" in result.notes


def _meta_cell(path: Path, value: str):
    wb = load_workbook(path)
    ws = wb["基本信息"]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == value:
                return wb, cell
    raise LookupError(value)


def test_a_workbook_with_other_breaks_and_controls_is_read_as_the_model_holds_text(tmp_path):
    report = _report()
    path = tmp_path / "r.xlsx"
    export_xlsx(report, path)
    wb, cell = _meta_cell(path, "第一段内容。\n第二段内容。")
    cell.value = "第一段\x7f内容。\r\n第二段内容。"  # openpyxl writes DEL and \r as they are
    wb.save(path)
    wb, cell = _meta_cell(path, "某某市某某局")
    cell.value = "某某市\x85某某局"
    wb.save(path)
    result = importer_for(path)(path)
    assert result.report.meta.agency == "某某市某某局"
    assert result.report.texts["一"] == "第一段内容。\n第二段内容。"
    assert result.report.values() == report.values()
    assert f"「一、总体情况」的文字{CONTROL_NOTE}（U+007F），无法显示或打印，已删除" in result.notes


@pytest.mark.parametrize("export", [export_xlsx, export_docx, export_html])
def test_a_text_with_a_pasted_manual_line_break_comes_back_from_every_export(tmp_path, export):
    report = _report()
    report.set_text("五", "下一步工作打算：\v一是加强培训。\u2028二是完善制度。")
    suffix = {export_xlsx: ".xlsx", export_docx: ".docx", export_html: ".html"}[export]
    path = tmp_path / f"r{suffix}"
    export(report, path)
    back = importer_for(path)(path).report
    assert back.texts["五"] == "下一步工作打算：\n一是加强培训。\n二是完善制度。"


def test_the_command_line_refuses_a_name_with_a_control_character(capsys, tmp_path):
    from cli import EXIT_UNREADABLE, main

    out = tmp_path / "r.nianbao"
    argv = ["new", "--year", "2023", "--agency", "某\x01局", "-o", str(out)]
    assert main(argv) == EXIT_UNREADABLE
    assert "机关名称中有不是文字的控制字符（U+0001）" in capsys.readouterr().err
    assert not out.exists()
