"""The one mapping from a published report to the format spec, shown through two
front ends (Word and web pages): a document holding two reports, an official
table printed twice, signature dates in every shape officers write them,
signatures spread out with spaces, split tables saved with another grid, empty
tables, and how much each note matters."""

from __future__ import annotations

import copy
import datetime as dt
import random
import re
from pathlib import Path

import pytest

from exporters.docx import export_docx
from importers import ImportResult
from importers.docx import import_docx
from importers.html import html_document
from importers.notes import NoteLevel, note_level
from importers.published.reader import read_published
from model.report import Report
from tests import docx_fixtures as fx
from tests import docx_xml as x
from tests.factories import random_report
from tests.html_fixtures import page_from_parts, published_page, rows_table

SENTINEL = 7391  # a count no random report prints
SENTINEL_CELL = "applications.new.natural"
AGENCY = "某某市某某局"


def _report(seed: int = 7, agency: str = AGENCY, year: int = 2023) -> Report:
    report = random_report(random.Random(seed), year, agency=agency)
    report.set_value(SENTINEL_CELL, SENTINEL)
    return report


def _notes(result: ImportResult) -> str:
    return "\n".join(result.notes)


def _attention(result: ImportResult, fragment: str) -> bool:
    return any(fragment in n and note_level(n) is NoteLevel.ATTENTION for n in result.notes)


# ---- front ends -------------------------------------------------------------------------------
class Word:
    """The report exported to Word, edited as an officer's copy would be, imported."""

    name = "Word"

    def __init__(self, report: Report, tmp_path: Path) -> None:
        self.report, self.tmp = report, tmp_path
        path = tmp_path / "report.docx"
        export_docx(report, path)
        self.doc = x.Docx(path)

    def read(self) -> ImportResult:
        return import_docx(self.doc.save(self.tmp / "edited.docx"))

    def _signature_paragraphs(self):
        meta = self.report.meta
        date = f"{meta.date.year}年{meta.date.month}月{meta.date.day}日"
        return self.doc.exact(meta.agency), self.doc.exact(date)

    def set_signature(self, agency: str | None, date: str | None) -> None:
        for p, text in zip(self._signature_paragraphs(), (agency, date), strict=True):
            if text is not None:
                _set_text(p, text)

    def append_report(self, other: Report) -> None:
        path = self.tmp / "other.docx"
        export_docx(other, path)
        body = x.Docx(path).body
        tail = self.doc.body[-1]  # sectPr
        for child in list(body):
            if child.tag != x.w("sectPr"):
                tail.addprevious(child)

    def _applications_table(self):
        return next(t for t in self.doc.tables() if "本年新收" in x.text_of(t))

    def copy_applications(self, where: str, caption: str, changed: str) -> None:
        """A copy of table 三 (its first piece) with SENTINEL printed as `changed`:
        above the real one ("before") or after the signature ("after")."""
        real = self._applications_table()
        table = copy.deepcopy(real)
        for t in table.iter(x.w("t")):
            if t.text == str(SENTINEL):
                t.text = changed
        paragraph = x.el("p", x.run(caption))
        if where == "before":
            x.insert_before(real, paragraph, table)
        else:
            tail = self.doc.body[-1]
            tail.addprevious(paragraph)
            tail.addprevious(table)

    def repeat_row(self, label: str, changed: str) -> None:
        """The row labelled `label` of table 三 printed twice, SENTINEL changed."""
        row = next(
            tr
            for tr in self._applications_table().iter(x.w("tr"))
            if x.text_of(tr).startswith(label)
        )
        again = copy.deepcopy(row)
        for t in again.iter(x.w("t")):
            if t.text == str(SENTINEL):
                t.text = changed
        x.insert_after(row, again)


class Web:
    """The report as a published web page, edited as text, imported."""

    name = "web page"

    def __init__(self, report: Report, tmp_path: Path) -> None:
        self.report = report
        self.page = published_page(report).decode("utf-8")

    def read(self) -> ImportResult:
        return read_published(html_document(self.page.encode("utf-8"), "年报.html"))

    def set_signature(self, agency: str | None, date: str | None) -> None:
        meta = self.report.meta
        shown = f"{meta.date.year}年{meta.date.month}月{meta.date.day}日"
        if agency is not None:
            self.page = _replace_last(self.page, f">{meta.agency}</p>", f">{agency}</p>")
        if date is not None:
            self.page = _replace_last(self.page, f">{shown}</p>", f">{date}</p>")

    def append_report(self, other: Report) -> None:
        body = published_page(other).decode("utf-8")
        inner = body[body.index("<body>") + 6 : body.index("</body>")]
        self.page = self.page.replace("</body>", inner + "</body>")

    def _applications_table(self) -> str:
        return next(t for t in re.findall(r"<table.*?</table>", self.page, re.S) if "本年新收" in t)

    def copy_applications(self, where: str, caption: str, changed: str) -> None:
        real = self._applications_table()
        table = real.replace(f">{SENTINEL}<", f">{changed}<")
        if where == "before":
            self.page = self.page.replace(real, f"<p>{caption}</p>{table}{real}")
        else:
            self.page = self.page.replace("</body>", f"<p>{caption}</p>{table}</body>")

    def repeat_row(self, label: str, changed: str) -> None:
        real = self._applications_table()
        row = next(r for r in re.findall(r"<tr>.*?</tr>", real, re.S) if label in r)
        again = row.replace(f">{SENTINEL}<", f">{changed}<")
        self.page = self.page.replace(real, real.replace(row, row + again))


FRONT_ENDS = [Word, Web]


def _set_text(p, text: str) -> None:
    for r in list(p.iter(x.w("r"))):
        r.getparent().remove(r)
    p.append(x.run(text))


def _replace_last(text: str, old: str, new: str) -> str:
    at = text.rindex(old)
    return text[:at] + new + text[at + len(old) :]


def _same_values(imported: Report, report: Report) -> None:
    assert {k: str(v) for k, v in imported.values().items()} == {
        k: str(v) for k, v in report.values().items()
    }


# ---- two reports in one file ------------------------------------------------------------------
@pytest.mark.parametrize("front", FRONT_ENDS, ids=lambda f: f.name)
@pytest.mark.parametrize("other_year", [2023, 2022])
def test_a_second_report_in_the_file_is_left_out_and_named(tmp_path, front, other_year):
    first = _report()
    second = _report(seed=11, agency="另一个县教育局", year=other_year)
    second.set_value(SENTINEL_CELL, 300)
    second.set_text("六", "第二份报告的其他事项。")
    page = front(first, tmp_path)
    page.append_report(second)
    result = page.read()
    report = result.report
    assert report.meta == first.meta  # A's agency, year and date: nothing of B
    _same_values(report, first)
    assert report.texts == first.texts  # 六 ends where A's signature begins
    assert _attention(result, "文档中还有另一份报告（从「另一个县教育局")


# ---- an official table printed twice ----------------------------------------------------------
@pytest.mark.parametrize("front", FRONT_ENDS, ids=lambda f: f.name)
def test_last_years_table_above_this_years_is_named_and_not_taken(tmp_path, front):
    report = _report()
    page = front(report, tmp_path)
    page.copy_applications("before", "2022年度情况（供对照）：", "1234")
    result = page.read()
    _same_values(result.report, report)
    note = next(n for n in result.notes if "印了不止一次" in n)
    assert note_level(note) is NoteLevel.ATTENTION
    assert "为 1234" in note and f"为 {SENTINEL}" in note  # both numbers named
    assert "不像本年度的表格" in note


@pytest.mark.parametrize("front", FRONT_ENDS, ids=lambda f: f.name)
@pytest.mark.parametrize("caption", ["附表：申请情况", "附表：2022年度申请情况"])
def test_a_copy_after_the_signature_is_compared_not_taken_silently(tmp_path, front, caption):
    report = _report()
    page = front(report, tmp_path)
    page.copy_applications("after", caption, "100")
    result = page.read()
    _same_values(result.report, report)  # the report's own table is read first
    assert result.report.meta.date == report.meta.date  # the signature is still found
    assert result.report.texts == report.texts
    note = next(n for n in result.notes if "印了不止一次" in n)
    assert note_level(note) is NoteLevel.ATTENTION
    assert "为 100" in note and f"为 {SENTINEL}" in note


@pytest.mark.parametrize("front", FRONT_ENDS, ids=lambda f: f.name)
def test_an_identical_copy_is_read_once_with_a_tip(tmp_path, front):
    report = _report()
    page = front(report, tmp_path)
    page.copy_applications("before", "对照表：", str(SENTINEL))
    result = page.read()
    _same_values(result.report, report)
    note = next(n for n in result.notes if "印了不止一次" in n)
    assert "各处一致" in note and note_level(note) is NoteLevel.TIP


@pytest.mark.parametrize("front", FRONT_ENDS, ids=lambda f: f.name)
def test_a_row_printed_twice_with_other_numbers_names_both(tmp_path, front):
    report = _report()
    page = front(report, tmp_path)
    page.repeat_row("一、本年新收", "55")
    result = page.read()
    _same_values(result.report, report)  # the first printing, as the note says
    notes = _notes(result)
    assert "行印了不止一次：「一、本年新收政府信息公开申请数量」" in notes
    assert _attention(result, f"为 {SENTINEL}、") and "中重复的行为 55" in notes


# ---- signature dates --------------------------------------------------------------------------
DATE_SHAPES = {
    "2024年1月15日": True,
    "二〇二四年一月十五日": True,
    "2024-01-15": False,
    "2024/1/15": False,
    "2024.1.15": False,
    "２０２４．１．１５": False,
    "2024年元月15日": False,
    "2024年1月15号": False,
    "2024 年 01 月 15 日": True,
    "（2024年1月15日）": True,
}


@pytest.mark.parametrize("front", FRONT_ENDS, ids=lambda f: f.name)
@pytest.mark.parametrize("shape", sorted(DATE_SHAPES))
def test_every_date_shape_gives_the_date_and_stays_out_of_six(tmp_path, front, shape):
    report = _report()
    report.set_meta(date=dt.date(2024, 1, 15))
    page = front(report, tmp_path)
    page.set_signature(None, shape)
    result = page.read()
    assert result.report.meta.date == dt.date(2024, 1, 15)
    assert result.report.meta.agency == AGENCY
    assert result.report.texts["六"] == report.texts["六"]
    read_as = [n for n in result.notes if "按 2024年1月15日 读取" in n]
    assert bool(read_as) is (not DATE_SHAPES[shape])  # a shape not asked for is said
    assert "落款中没有找到" not in _notes(result)


ODD_DATES = {
    "2024年1月": "没有写到日",
    "　　年　月　日": "空白的",
    "2024年　月　日": "空白的",
    "2024年13月45日": "不是有效日期",
    "2024年1月15": "不是有效日期",
}


@pytest.mark.parametrize("front", FRONT_ENDS, ids=lambda f: f.name)
@pytest.mark.parametrize("shape", sorted(ODD_DATES))
def test_an_odd_date_is_said_and_the_signature_stays_out_of_six(tmp_path, front, shape):
    report = _report()
    page = front(report, tmp_path)
    page.set_signature(None, shape)
    result = page.read()
    assert result.report.meta.date is None
    assert result.report.meta.agency == AGENCY  # from the signature, not the title
    assert result.report.texts["六"] == report.texts["六"]
    assert ODD_DATES[shape] in _notes(result)
    assert "落款中没有找到机关名称" not in _notes(result)


def test_our_own_export_of_a_report_without_a_date_reimports_clean(tmp_path):
    report = _report()
    report.set_meta(date=None)
    path = tmp_path / "no-date.docx"
    export_docx(report, path)  # prints 「　　年　月　日」 to be written by hand
    result = import_docx(path)
    assert result.report.meta == report.meta
    assert result.report.texts == report.texts  # nothing of the signature in 六
    back = tmp_path / "again.docx"
    export_docx(result.report, back)
    again = import_docx(back).report
    assert again.texts == report.texts and again.meta == report.meta  # printed once


# ---- a signature spread out with spaces -------------------------------------------------------
@pytest.mark.parametrize("front", FRONT_ENDS, ids=lambda f: f.name)
@pytest.mark.parametrize(
    ("printed", "agency", "kind"),
    [
        ("某 某 县 人 民 政 府", "某某县人民政府", "government"),
        ("某　某　县　人　民　政　府", "某某县人民政府", "government"),
        ("某  某  市  某  某  局", "某某市某某局", "department"),
    ],
)
def test_a_spaced_agency_is_read_without_its_spaces(tmp_path, front, printed, agency, kind):
    report = _report()
    page = front(report, tmp_path)
    page.set_signature(printed, None)
    result = page.read()
    assert (result.report.meta.agency, result.report.meta.kind) == (agency, kind)
    assert f"按「{agency}」读取" in _notes(result)
    assert result.report.texts["六"] == report.texts["六"]


@pytest.mark.parametrize("front", FRONT_ENDS, ids=lambda f: f.name)
def test_a_joint_signature_keeps_its_spaces(tmp_path, front):
    report = _report()
    page = front(report, tmp_path)
    page.set_signature("中共某某市委办公室　某某市人民政府办公室", None)
    result = page.read()
    agency = result.report.meta.agency.replace("\u3000", " ")  # a page collapses spaces
    assert agency == "中共某某市委办公室 某某市人民政府办公室"


# ---- a split table saved with another grid ----------------------------------------------------
def _split_applications(blank: str) -> tuple[list, list, dict]:
    """Table 三 split after （二）, as LibreOffice saves it: the first part two label
    columns wide, the second three, its 「三、本年度办理结果」 column printed as
    `blank` cells (unmerged)."""
    values = fx.consistent_applications("2021")
    text = fx._app_text(values, "2021")
    head = [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "<",
         "申请人情况", "<", "<", "<", "<", "<", "<"],
        ["^", "^", "自然人", "法人或其他组织", "<", "<", "<", "<", "总计"],
        ["^", "^", "^", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "^"],
    ]  # fmt: skip
    first, second = [*head], []
    for row_id, labels in fx.app_rows("2021"):
        numbers = [text(row_id, c) for c in fx.APP_COLS]
        if row_id in ("new", "carried_in"):
            first.append([labels[0], "<", *numbers])
        elif row_id in ("granted", "partial"):
            first.append(
                ["三、本年度办理结果" if row_id == "granted" else "^", labels[1], *numbers]
            )
        elif row_id == "carried_out":
            second.append([labels[0], "<", "<", *numbers])
        else:
            second.append([blank, *labels[1:], *numbers])
    return first, second, values


@pytest.mark.parametrize("front", ["Word", "web page"])
@pytest.mark.parametrize("blank", ["", " "])
def test_a_continuation_with_blank_group_cells_and_another_grid_is_read(tmp_path, front, blank):
    first, second, values = _split_applications(blank)
    parts = fx._report(
        "某某市某某局2023年政府信息公开工作年度报告",
        [fx.active_table(fx.BLOCKS_2021, fx._texts(fx.ACTIVE_2021))],
        first,
        fx.appeals_table(fx._appeal_text(fx.appeals_values())),
        [AGENCY, "2024年1月15日"],
    )
    at = next(i for i, p in enumerate(parts) if p is first)
    parts[at + 1 : at + 1] = ["", second]
    if front == "Word":
        result = import_docx(fx.write(tmp_path / "split.docx", parts))
    else:
        result = read_published(html_document(page_from_parts(parts), "split.html"))
    got = {k: v for k, v in result.report.values().items() if k.startswith("applications.")}
    assert got == values
    notes = _notes(result)
    assert "不是年度报告的官方表格" not in notes and "没有找到" not in notes
    assert "没有表头，按「三、收到和处理政府信息公开申请情况」上一个表格的续表读取" in notes


def test_a_continuation_with_an_extra_column_is_not_shifted(tmp_path):
    """A second part one column wider because it carries a remark column: its
    numbers are not read under columns counted from the right."""
    first, second, _values = _split_applications("")
    second = [[*row, "备注"] for row in second]
    parts = fx._report(
        "某某市某某局2023年政府信息公开工作年度报告",
        [fx.active_table(fx.BLOCKS_2021, fx._texts(fx.ACTIVE_2021))],
        first,
        fx.appeals_table(fx._appeal_text(fx.appeals_values())),
        [AGENCY, "2024年1月15日"],
    )
    at = next(i for i, p in enumerate(parts) if p is first)
    parts[at + 1 : at + 1] = ["", second]
    result = import_docx(fx.write(tmp_path / "extra.docx", parts))
    report = result.report
    assert report.value("applications.denied.state_secret.natural") is None
    assert _attention(result, "个单元格在文档中没有找到")


# ---- empty tables and how tables are counted --------------------------------------------------
def test_a_table_deleted_with_track_changes_is_not_there(tmp_path):
    report = _report()
    page = Word(report, tmp_path)
    real = page._applications_table()
    deleted = copy.deepcopy(real)
    for tr in deleted.iter(x.w("tr")):
        trpr = tr.find(x.w("trPr"))
        if trpr is None:
            trpr = x.el("trPr")
            tr.insert(0, trpr)
        trpr.append(x.revision("del"))
    x.insert_before(real, deleted)
    # a table of something else after 四, the fifth table the officer sees
    appeals = page.doc.tables()[-1]
    other = x.el("tbl", x.el("tr", x.el("tc", x.el("p", x.run("联系电话")))))
    other[0].append(x.el("tc", x.el("p", x.run("12345"))))
    x.insert_after(appeals, x.el("p", x.run("附：联系方式")), other)
    result = page.read()
    _same_values(result.report, report)
    notes = _notes(result)
    assert "首格为「」" not in notes and "是空白的" not in notes
    visible = len(page.doc.tables()) - 1  # the deleted one is not seen
    assert f"文档中第 {visible} 个表格不是年度报告的官方表格，已跳过（首格为「联系电话」）" in notes


def test_blank_and_empty_tables_on_a_page(tmp_path):
    report = _report()
    page = Web(report, tmp_path)
    blank = rows_table([["", ""], ["", ""]])
    page.page = page.page.replace("<p><strong>四、", f"<table></table>{blank}<p><strong>四、", 1)
    result = page.read()
    _same_values(result.report, report)
    assert "文档中第 3 个表格是空白的（没有任何文字），已跳过" in _notes(result)


# ---- note levels ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("note", "level"),
    [
        ("「一、本年新收 / 自然人」：「12,3」无法读取（格式不对），按未填写导入", "注意"),
        ("「（七）总计 / 自然人」：文档中印的是 200，按各项相加应为 202；已保留印出的数字，"
         "校验时作为错误提示，直到核对改正各项或采用计算结果", "注意"),
        ("「政府集中采购 / 采购总金额」：「5.68万元」已换算为 56800元", "注意"),
        ("表格中的「只计这一情况」与官方标签「只计这一情形」不一致（疑为笔误），按「只计这一情形」读取",
         "提示"),
        ("「（三）不予公开 1.属于国家秘密 / 自然人」：「3件」按 3 读取（去掉了单位「件」）",
         "提示"),
        ("按部门年度报告导入（公布期限为次年1月31日）；如为本级人民政府的年度报告，请在基本信息中修改",
         "提示"),
        # a number dropped or a cell read blank although something is printed there
        ("「三、收到和处理政府信息公开申请情况」中有 4 个单元格填写的是「-」「/」「无」等符号，"
         "按未填写导入（如实际为 0，请补填 0）", "注意"),
        ("文档中第 3 个表格第 4 行（「自然人」）第 2 列是上下 2 行合并的一格「5」："
         "只作为第 4 行的数字读取，其下 1 行的这一格按空白读取，请核对", "注意"),
        ("「四、政府信息公开行政复议、行政诉讼情况」中有 3 个单元格在文档中没有找到，"
         "按未填写导入：总计", "注意"),
        ("「三」C5（本年新收 · 自然人）的内容无法导入：不是数字。该单元格保持空白。", "注意"),
        ("文档中第 2 个表格第 3 行第 4 列：上标「1」未计入（上标、下标是注释标记，"
         "不是数字或文字的一部分），一个符号（字体「Wingdings」，编码 F0FC）无法识别为文字，"
         "未导入，请核对", "注意"),
        ("正文「本年度」一段：一个域没有结束，其后的「12」按域代码处理，未导入，请核对", "注意"),
        ("正文「本年度」一段：上标「1」未计入（上标、下标是注释标记，不是数字或文字的一部分），请核对",
         "提示"),
        ("「三、收到和处理政府信息公开申请情况」中有 124 个单元格为空白，"
         "按未填写导入（如实际为 0，请补填 0）", "提示"),
    ],
)  # fmt: skip
def test_note_levels(note, level):
    assert note_level(note).label == level


def test_every_note_of_a_clean_import_is_a_tip(tmp_path):
    report = _report()
    for front in FRONT_ENDS:
        result = front(report, tmp_path).read()
        assert result.attention == [], result.attention


@pytest.mark.parametrize("front", FRONT_ENDS, ids=lambda f: f.name)
def test_a_table_of_contents_is_not_a_first_report(tmp_path, front):
    report = _report()
    page = front(report, tmp_path)
    contents = ["目录", *fx.HEADINGS.values()]
    if isinstance(page, Word):
        heading = page.doc.paragraph("一、总体情况")
        x.insert_before(heading, *(x.el("p", x.run(line)) for line in contents))
    else:
        lines = "".join(f"<p>{line}</p>" for line in contents)
        page.page = page.page.replace("<p><strong>一、", lines + "<p><strong>一、", 1)
    result = page.read()
    _same_values(result.report, report)
    assert result.report.texts == report.texts
    assert result.report.meta == report.meta
    assert "文档开头有目录（6 个标题连排" in _notes(result)
    assert "另一份报告" not in _notes(result)
