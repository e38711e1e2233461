"""Importing published Word reports: the values a careful reader takes, every
interpretation in the notes, hostile files refused, export → import identity."""

from __future__ import annotations

import random
import zipfile
from decimal import Decimal

import pytest

from importers import ImportRefused
from importers.docx import import_docx
from model.rules import validate
from model.spec import ValueKind
from tests import docx_fixtures as fx
from tests.factories import random_report


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("docx-fixtures")


@pytest.fixture(scope="module")
def imported(folder):
    """Every fixture built and imported once for the module."""
    out = {}
    for build in fx.BUILDERS:
        fixture = build(folder)
        out[build.__name__] = (fixture, import_docx(fixture.path))
    return out


def _same(a, b) -> bool:
    return a == b and type(a) is type(b)


@pytest.mark.parametrize("name", [b.__name__ for b in fx.BUILDERS])
def test_fixture_reads_as_a_careful_reader_would(imported, name):
    fixture, result = imported[name]
    report = result.report
    assert report.format_id == fixture.format_id
    assert report.meta.year == fixture.year
    assert report.meta.agency == fixture.agency
    assert report.meta.date == fixture.date
    got = report.values()
    wrong = {k: (v, got.get(k)) for k, v in fixture.expected.items() if not _same(got.get(k), v)}
    assert wrong == {}
    assert set(got) - set(fixture.expected) == set()  # nothing invented
    for cell_id, unit in fixture.units.items():
        assert report.unit(cell_id) == unit
    notes = "\n".join(result.notes)
    for fragment in fixture.notes:
        assert fragment in notes, f"{fragment!r} missing from notes:\n{notes}"
    for section, start in fixture.texts.items():
        assert report.texts[section].startswith(start)


def test_clean_reports_need_no_interpretation_of_values(imported):
    for name in ("per_section_2019", "per_block_2021"):
        _fixture, result = imported[name]
        joined = "\n".join(result.notes)
        for word in (
            "按未填写导入",
            "不一致",
            "不是官方表格",
            "没有找到",
            "无法读取",
            "印的是",
            "表格之外",
        ):
            assert word not in joined, (name, joined)


def test_sample_report(imported):
    _fixture, result = imported["sample_2020"]
    report = result.report
    notes = "\n".join(result.notes)
    # abbreviated agency in the title, full name in the signature: the full name wins
    assert "机关名称取自落款「舟山市定海区经济和信息化局」（标题中写作「区经信局」）" in notes
    assert "第五部分的标题写作「5、 存在的主要问题及改进情况」" in notes
    assert report.texts["六"] == ""
    assert report.texts["一"].count("\n") == len(fx.SAMPLE_ONE) - 1
    assert report.texts["一"].endswith("使公开工作更加扎实、有序开展。")
    # the signature is not part of 五
    assert "舟山市定海区经济和信息化局" not in report.texts["五"]
    assert report.texts["五"].endswith("提高公开的时效性。")
    assert report.unit("active.art20_9.procurement.amount") == "元"
    # 四: three printed totals of 0 over blank items; all 12 items blank
    assert notes.count("印的是 0，但各项均未填写") == 3
    assert all(report.is_blank(c.id) for c in report.spec.table_by_id["appeals"].inputs)


def test_typos_are_read_and_named(imported):
    _fixture, result = imported["typos_2021"]
    notes = result.notes
    assert any(
        "「（二）部分公开（区分处理的，只计这一情况，不计其他情形）」" in n
        and "按「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」读取" in n
        for n in notes
    )
    assert any(
        "「5.属于三类内容事务信息」" in n and "「5.属于三类内部事务信息」" in n for n in notes
    )
    assert any("「125000元」已换算为 12.5万元" in n for n in notes)


def test_blanks_and_marks_are_counted_per_table(imported):
    _fixture, result = imported["blanks_and_marks_2019"]
    notes = "\n".join(result.notes)
    assert "「二、主动公开政府信息情况」中有 3 个单元格填写的是「-」「/」「无」" in notes
    assert "「三、收到和处理政府信息公开申请情况」中有 4 个单元格填写的是" in notes
    # 132 inputs in 三; 4 filled, 4 marks, the rest blank
    assert "「三、收到和处理政府信息公开申请情况」中有 124 个单元格为空白" in notes
    assert "「四、政府信息公开行政复议、行政诉讼情况」中有 12 个单元格为空白" in notes
    # a mark read blank may have stood for 0: 注意; a cell printed blank is read as printed
    attention = "\n".join(result.attention)
    assert "「二、主动公开政府信息情况」中有 3 个单元格填写的是「-」「/」「无」" in attention
    assert "个单元格为空白" not in attention


def test_extra_rows_are_skipped_with_their_numbers(imported):
    _fixture, result = imported["extra_rows_2019"]
    notes = "\n".join(result.notes)
    assert "「其中：涉企规范性文件」不是官方表格中的行，已跳过（其中的数字：1、1、5）" in notes
    assert (
        "「三、本年度办理结果 其中：网上申请」不是官方表格中的行，已跳过（其中的数字：2、2）"
        in notes
    )


def test_inconsistent_total_is_kept_as_read_and_validation_flags_it(imported):
    _fixture, result = imported["inconsistent_total_2021"]
    report = result.report
    notes = "\n".join(result.notes)
    printed = fx._app_text(fx.consistent_applications("2021"), "2021")("total", "natural")
    computed = report.value("applications.total.natural")
    assert computed == int(printed) + 2
    assert f"「（七）总计 / 自然人」：文档中印的是 {printed}，按各项相加应为 {computed}" in notes
    issues = validate(report).issues
    r1 = [i for i in issues if i.rule == "R1"]
    assert r1 and any("applications" in (i.cell or "") for i in r1)


def test_imported_clean_report_validates_without_errors(imported):
    _fixture, result = imported["per_section_2021"]
    validation = validate(result.report)
    errors = [i for i in validation.issues if i.severity.value == "error"]
    assert errors == []


@pytest.mark.parametrize("year", [2020, 2023])
def test_export_then_import_is_identity(tmp_path, year):
    from exporters.docx import export_docx

    report = random_report(random.Random(year), year, agency="某某市某某局")
    money = [c for c in report.spec.inputs if c.kind is ValueKind.MONEY and c.units]
    for cell in money:  # exercise the second unit too
        report.set_unit(cell.id, cell.units[-1])
        report.set_value(cell.id, Decimal("3.75"))
    path = tmp_path / "report.docx"
    export_docx(report, path)
    result = import_docx(path)
    back = result.report
    assert back.format_id == report.format_id
    assert back.meta == report.meta
    assert back.texts == report.texts
    assert {k: str(v) for k, v in back.values().items()} == {
        k: str(v) for k, v in report.values().items()
    }
    assert back.units() == report.units()
    joined = "\n".join(result.notes)
    for word in ("按未填写导入", "不是官方表格", "没有找到", "无法读取", "印的是"):
        assert word not in joined


# ---- refusals --------------------------------------------------------------------------
def test_refuses_other_file_types(tmp_path):
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0 old word")
    with pytest.raises(ImportRefused, match="不是 Word 文档"):
        import_docx(path)


def test_refuses_a_zip_that_is_not_word(tmp_path):
    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(ImportRefused, match="不是有效的 Word 文档"):
        import_docx(path)


def test_refuses_garbage_and_entities(tmp_path):
    garbage = tmp_path / "garbage.docx"
    garbage.write_bytes(b"not a zip at all")
    with pytest.raises(ImportRefused):
        import_docx(garbage)
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(hostile, "w") as zf:
        zf.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
        )
    with pytest.raises(ImportRefused, match="实体"):
        import_docx(hostile)


def test_refuses_a_word_file_that_is_not_a_report(tmp_path):
    path = fx.write(tmp_path / "letter.docx", ["关于召开会议的通知", "请各单位准时参加。"])
    with pytest.raises(ImportRefused, match="不像是政府信息公开工作年度报告"):
        import_docx(path)


def test_unknown_table_is_noted(tmp_path):
    parts = [
        "2021年某某局政府信息公开工作年度报告",
        "一、总体情况",
        "正文。",
        [["序号", "事项"], ["1", "会议"]],
        "某某局",
        "2022年1月5日",
    ]
    result = import_docx(fx.write(tmp_path / "odd.docx", parts))
    notes = "\n".join(result.notes)
    assert "第 1 个表格不是年度报告的官方表格" in notes
    assert "没有找到「二、主动公开政府信息情况」的表格" in notes
    assert result.report.meta.year == 2021
    assert result.report.texts["一"] == "正文。"


# ---- shapes beyond the nine fixtures ------------------------------------------------------
def _parts(title, apps_tables, signature, active=None, appeals=None, format_id="2019"):
    blocks = fx.BLOCKS_2019 if format_id == "2019" else fx.BLOCKS_2021
    values = fx.ACTIVE_2019 if format_id == "2019" else fx.ACTIVE_2021
    active = active or [fx.active_table(blocks, fx._texts(values))]
    appeals = appeals or fx.appeals_table(fx._appeal_text(fx.appeals_values()))
    return [title, fx.HEADINGS["一"], "正文。", fx.HEADINGS["二"], *active, fx.HEADINGS["三"],
            *apps_tables, fx.HEADINGS["四"], appeals, fx.HEADINGS["五"], "问题。",
            fx.HEADINGS["六"], "无。", *signature]  # fmt: skip


def test_old_table_in_a_new_year_is_read_in_its_own_format(tmp_path):
    apps = fx.consistent_applications("2019")
    parts = _parts(
        "2021年某某局政府信息公开工作年度报告",
        [fx.applications_table("2019", fx._app_text(apps, "2019"))],
        ["某某局", "2022年1月6日"],
    )
    result = import_docx(fx.write(tmp_path / "old.docx", parts))
    report = result.report
    assert (report.format_id, report.meta.year) == ("2019", 2021)
    assert any("2021 年度报告应使用" in n for n in result.notes)
    assert any(i.rule == "R12" for i in validate(report).issues)


def test_table_continued_without_its_header(tmp_path):
    apps = fx.consistent_applications("2019")
    rows = fx.applications_table("2019", fx._app_text(apps, "2019"))
    first, second = rows[:14], rows[14:]  # a page break split the table in Word
    for row in second:  # the continuation starts a new merge
        for i in (0, 1):
            if row[i] == "^":
                row[i] = ""
    parts = _parts(
        "2020年某某局政府信息公开工作年度报告",
        [first, "（续表）", second, "注：本表数据截至12月31日。"],
        ["某某局", "2021年1月6日"],
    )
    result = import_docx(fx.write(tmp_path / "split.docx", parts))
    got = result.report.values()
    assert {k: v for k, v in got.items() if k.startswith("applications.")} == apps
    assert any(
        "没有表头，按「三、收到和处理政府信息公开申请情况」上一个表格的续表读取" in n
        for n in result.notes
    )
    heading = "「三、收到和处理政府信息公开申请情况」"
    stray = f"{heading}部分表格之外的文字未导入：「（续表）注：本表数据截至12月31日。」"
    assert stray in result.notes


def test_signature_on_one_line_header_typo_and_currency_sign(tmp_path):
    values = fx._texts(fx.ACTIVE_2019)
    values["active.art20_9.procurement.amount"] = "￥56,800.00"
    active = [fx.active_table(fx.BLOCKS_2019, values, relabel={"采购项目数量": "采购项目数最"})]
    apps = fx.consistent_applications("2019")
    parts = _parts(
        "2020年某某局政府信息公开工作年度报告",
        [fx.applications_table("2019", fx._app_text(apps, "2019"))],
        ["某某市某某局　　2021年1月9日"],
        active=active,
    )
    result = import_docx(fx.write(tmp_path / "oneline.docx", parts))
    report = result.report
    assert report.meta.agency == "某某市某某局"
    assert report.meta.date.isoformat() == "2021-01-09"
    assert report.texts["六"] == "无。"
    assert report.value("active.art20_9.procurement.projects") == 4
    assert report.value("active.art20_9.procurement.amount") == Decimal("56800.00")
    assert any("「采购项目数最」与官方标签「采购项目数量」不一致" in n for n in result.notes)
    assert any("未注明金额单位，按「元」读取" in n for n in result.notes)


def test_malformed_xml_is_refused(tmp_path):
    good = fx.write(tmp_path / "good.docx", ["2020年某某局政府信息公开工作年度报告"])
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]  # cut off mid-element
            dst.writestr(item, data)
    with pytest.raises(ImportRefused, match="已损坏"):
        import_docx(bad)


def test_sample_fixture_reads_as_the_transcribed_sample(imported):
    """The Word sample and the sample transcribed by hand in resources/ agree."""
    from model.sample import load_sample

    _fixture, result = imported["sample_2020"]
    sample, report = load_sample(), result.report
    assert report.meta == sample.meta
    assert report.texts == sample.texts
    assert {k: str(v) for k, v in report.values().items()} == {
        k: str(v) for k, v in sample.values().items()
    }
    assert report.printed() == sample.printed()  # the totals as the original printed them


def test_heading_and_text_in_one_paragraph_with_a_soft_break(tmp_path):
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("2023年某某局政府信息公开工作年度报告")
    first = document.add_paragraph("一、总体情况")
    first.add_run().add_break()  # Shift+Enter: same paragraph, new line
    first.add_run("本年度，本局推进政务公开。")
    document.add_paragraph("五、存在的主要问题及改进情况")
    document.add_paragraph("问题。")
    document.add_paragraph("某某局")
    document.add_paragraph("2024年1月3日")
    path = tmp_path / "soft.docx"
    document.save(str(path))
    report = import_docx(path).report
    assert report.texts["一"] == "本年度，本局推进政务公开。"
    assert report.texts["五"] == "问题。"
    assert report.meta.agency == "某某局"


@pytest.mark.integration
def test_report_resaved_by_libreoffice_imports_identically(tmp_path):
    """An officer opens the exported report in WPS/LibreOffice and saves it again:
    the office suite rewrites every table and merge, the numbers must survive."""
    from exporters.docx import export_docx
    from tests.integration.office import convert, require_soffice

    require_soffice()
    report = random_report(random.Random(2024), 2024, agency="某某市某某局")
    path = tmp_path / "report.docx"
    export_docx(report, path)
    resaved = convert(path, "docx:MS Word 2007 XML", tmp_path / "resaved")
    back = import_docx(resaved).report
    assert back.meta == report.meta
    assert back.texts == report.texts
    assert {k: str(v) for k, v in back.values().items()} == {
        k: str(v) for k, v in report.values().items()
    }
