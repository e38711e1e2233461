"""The signature block: agency and date from it whatever shape it takes (date as
text, field, smart tag — see test_docx_final_view.py — or missing), never part of
六; the report kind from the agency's name; the title only without a signature."""

from __future__ import annotations

import datetime as dt

import pytest

from importers.docx import import_docx
from tests import docx_fixtures as fx

SIX = fx.NARRATIVE["六"]


def _import(tmp_path, title: str, signature: list[str], year: int = 2020):
    apps = fx.consistent_applications("2019")
    parts = fx._report(
        title,
        [fx.active_table(fx.BLOCKS_2019, fx._texts(fx.ACTIVE_2019))],
        fx.applications_table("2019", fx._app_text(apps, "2019")),
        fx.appeals_table(fx._appeal_text(fx.appeals_values())),
        signature,
    )
    return import_docx(fx.write(tmp_path / "report.docx", parts))


@pytest.mark.parametrize(
    ("agency", "kind", "what"),
    [
        ("某某县人民政府", "government", "一级人民政府"),
        ("某某市某某区某某街道办事处", "government", "街道办事处"),
        ("某某经济技术开发区管理委员会", "government", "开发区（园区）的管理委员会"),
        ("某某高新区管委会", "government", "开发区（园区）的管理委员会"),
        ("某某县人民政府办公室", "department", ""),
        ("某某市城市管理委员会", "department", ""),
        ("某某县交通运输局", "department", ""),
    ],
)
def test_signature_without_a_date_names_the_agency_and_its_kind(tmp_path, agency, kind, what):
    result = _import(tmp_path, "某某2020年政府信息公开工作年度报告", [agency])
    report = result.report
    assert report.meta.agency == agency
    assert report.meta.kind == kind
    assert report.meta.date is None
    assert report.texts["六"] == SIX  # the signature is not part of 六
    notes = "\n".join(result.notes)
    assert f"落款只有机关名称「{agency}」，没有成文日期" in notes
    if kind == "government":
        assert f"机关名称「{agency}」是{what}" in notes
        assert "按本级政府年度报告导入（公布期限为次年3月31日）" in notes
    else:
        assert "按部门年度报告导入（公布期限为次年1月31日）" in notes


@pytest.mark.parametrize("date_text", ["2021年1月9日", "二〇二一年一月九日", "2021 年 1 月 9 日"])
def test_signature_with_a_date(tmp_path, date_text):
    result = _import(
        tmp_path, "区经信局2020年政府信息公开工作年度报告", ["某某区经信局", date_text]
    )
    report = result.report
    assert (report.meta.agency, report.meta.date) == ("某某区经信局", dt.date(2021, 1, 9))
    assert report.texts["六"] == SIX


def test_a_date_without_an_agency_line_takes_the_agency_from_the_title(tmp_path):
    result = _import(tmp_path, "某某市某某局2020年政府信息公开工作年度报告", ["2021年1月9日"])
    report = result.report
    assert report.meta.agency == "某某市某某局"
    assert report.meta.date == dt.date(2021, 1, 9)
    assert any("机关名称取自标题「某某市某某局」" in n for n in result.notes)
    assert report.texts["六"] == SIX


def test_no_signature_at_all_keeps_the_last_lines_in_six(tmp_path):
    result = _import(tmp_path, "某某市某某局2020年政府信息公开工作年度报告", ["特此报告。"])
    report = result.report
    assert report.meta.agency == "某某市某某局"  # from the title: there is no signature
    assert report.meta.date is None
    assert report.texts["六"] == SIX + "\n特此报告。"
    assert any("落款中没有找到成文日期" in n for n in result.notes)


def test_a_last_line_that_extends_the_title_agency_is_the_signature(tmp_path):
    result = _import(tmp_path, "宿迁市2020年政府信息公开工作年度报告", ["宿迁市人民政府"])
    assert result.report.meta.agency == "宿迁市人民政府"
    assert result.report.meta.kind == "government"


def test_a_year_outside_the_limits_is_not_taken(tmp_path):
    result = _import(tmp_path, "某某局1999年政府信息公开工作年度报告", ["某某局", "2021年1月9日"])
    assert result.report.meta.year == 2020  # from the date instead
    assert any("文档中的年份 1999 不在 2008–2100 年之间" in n for n in result.notes)


@pytest.mark.parametrize(
    ("title", "lines", "agency"),
    [
        # the title names the agency: lines are joined as far as it goes
        (
            "某某县财政局（县国有资产监督管理办公室）2020年政府信息公开工作年度报告",
            ["某某县财政局（县国有", "资产监督管理办公室）"],
            "某某县财政局（县国有资产监督管理办公室）",
        ),
        (
            "新疆维吾尔自治区伊犁哈萨克自治州某某县交通运输局2020年政府信息公开工作年度报告",
            ["新疆维吾尔自治区", "伊犁哈萨克自治州", "某某县交通运输局"],
            "新疆维吾尔自治区伊犁哈萨克自治州某某县交通运输局",
        ),
        # the signature gives more than the title: a second name, a body of the government
        (
            "某某区水利局2020年政府信息公开工作年度报告",
            ["某某区水利局", "（区人民防空办公室）"],
            "某某区水利局（区人民防空办公室）",
        ),
        (
            "某某区应急管理局2020年政府信息公开工作年度报告",
            ["某某区应急管理局", "（区人民防空办公室、区地震局）"],
            "某某区应急管理局（区人民防空办公室、区地震局）",
        ),
        (
            "某某县人民政府2020年政府信息公开工作年度报告",
            ["某某县人民政府", "办公室"],
            "某某县人民政府办公室",
        ),
        (
            "某某县人民政府2020年政府信息公开工作年度报告",
            ["某某县人民", "政府", "办公室"],
            "某某县人民政府办公室",
        ),
        # a place alone on the line above: no body signs as a place
        (
            "2020年政府信息公开工作年度报告",
            ["某某县", "公安局"],
            "某某县公安局",
        ),
        # no agency in the title: a bracket left open, a line ending in 「、」
        (
            "2020年政府信息公开工作年度报告",
            ["某某县财政局（县国有", "资产监督管理办公室）"],
            "某某县财政局（县国有资产监督管理办公室）",
        ),
        (
            "2020年政府信息公开工作年度报告",
            ["某某区政务服务管理局、", "区大数据管理局"],
            "某某区政务服务管理局、区大数据管理局",
        ),
    ],
)
def test_a_name_broken_over_lines_above_the_date_is_read_whole(tmp_path, title, lines, agency):
    result = _import(tmp_path, title, [*lines, "2021年1月9日"])
    assert result.report.meta.agency == agency
    assert result.report.meta.date == dt.date(2021, 1, 9)
    assert result.report.texts["六"] == SIX  # no fragment of the name in 六


def test_the_last_line_of_six_is_not_joined_to_the_signature(tmp_path):
    # a short last line of 六 without punctuation stays in 六: the name is complete
    title = "某某县交通运输局2020年政府信息公开工作年度报告"
    result = _import(tmp_path, title, ["某某县交通运输局", "2021年1月9日"])
    assert result.report.meta.agency == "某某县交通运输局"
    assert result.report.texts["六"] == SIX


@pytest.mark.parametrize(
    ("date_text", "date"),
    [
        ("2021年1月9日（星期六）", dt.date(2021, 1, 9)),
        ("2021年1月9日印发", dt.date(2021, 1, 9)),
        ("21年1月9日", dt.date(2021, 1, 9)),
        ("贰零贰壹年壹月玖日", dt.date(2021, 1, 9)),
        ("2O21年1月9日", dt.date(2021, 1, 9)),  # the letter O: read, and said
        ("1月9日", None),  # no year: a date line whose date is not read
        ("9/1/2021", None),  # day first or month first? not guessed
        ("2021年1月9日2021年2月1日", None),
    ],
)
def test_a_date_line_in_any_shape_keeps_the_signature_out_of_six(tmp_path, date_text, date):
    result = _import(
        tmp_path, "区经信局2020年政府信息公开工作年度报告", ["某某区经信局", date_text]
    )
    report = result.report
    assert (report.meta.agency, report.meta.date) == ("某某区经信局", date)
    assert report.texts["六"] == SIX
    assert any(date_text.replace(" ", "") in n.replace(" ", "") for n in result.notes)


@pytest.mark.parametrize("stamp", ["（盖章）", "(印章)"])
def test_a_seal_line_between_name_and_date_is_part_of_the_signature(tmp_path, stamp):
    title = "某某县交通运输局2020年政府信息公开工作年度报告"
    result = _import(tmp_path, title, ["某某县交通运输局", stamp, "2021年1月9日"])
    assert result.report.meta.agency == "某某县交通运输局"
    assert result.report.meta.date == dt.date(2021, 1, 9)
    assert result.report.texts["六"] == SIX


def test_two_agencies_signing_keep_the_title_agency_and_leave_six_alone(tmp_path):
    title = "某某市某某局2020年政府信息公开工作年度报告"
    result = _import(tmp_path, title, ["某某市某某局", "某某市财政局", "2021年1月9日"])
    assert result.report.meta.agency == "某某市某某局"
    assert result.report.texts["六"] == SIX
    assert any("联合署名" in n for n in result.notes)
