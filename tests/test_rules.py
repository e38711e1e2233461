"""The rule engine, rule by rule: a report that breaks each rule and one that keeps it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from model.formats import FORMAT_2019, FORMAT_2021, format_for_year
from model.issues import Issue, Severity
from model.report import PreviousYear, Report
from model.rules import section_of, similarity, validate

AGENCY = "某某市某某局"
LONG = (
    "本机关坚持以公开为常态、不公开为例外，认真贯彻落实《中华人民共和国政府信息公开条例》，"
    "围绕中心工作深化主动公开，规范依申请公开办理，加强政府信息管理和平台建设，强化监督保障。"
)
HEADING_3 = "三、收到和处理政府信息公开申请情况"


def clean(year: int = 2023, kind: str = "department") -> Report:
    """A complete report that breaks no rule: every input 0, every section written."""
    spec = format_for_year(year)
    report = Report(spec, year, AGENCY, kind, dt.date(year + 1, 1, 10))
    report.set_values({c.id: 0 for c in spec.inputs})
    report.set_text("一", f"{year}年，本机关未收到政府信息公开申请。")
    report.set_text("五", "主要问题是公开的及时性有待提高，下一步将完善工作机制。")
    report.set_text("六", "本年度未收取信息处理费。")
    return report


def of(report: Report, rule: str, **kw) -> list[Issue]:
    return [i for i in validate(report, **kw).issues if i.rule == rule]


def app(row: str, col: str) -> str:
    return f"applications.{row}.{col}"


# ---- a clean report -----------------------------------------------------------------
@pytest.mark.parametrize("year", [2019, 2020, 2021, 2024])
def test_clean_report_has_only_the_deadline_hint(year: int):
    result = validate(clean(year))
    assert [(i.severity, i.rule, i.message, i.cell) for i in result.issues] == [
        (Severity.INFO, "R14", f"本报告应于{year + 1}年1月31日前公布", "meta.date")
    ]
    assert not result.has_errors


# ---- R1 -----------------------------------------------------------------------------
def test_r1_message_names_section_column_and_sums():
    report = clean(2021)
    report.set_values(
        {
            app("new", "commercial"): 3,
            app("carried_in", "commercial"): 2,
            app("granted", "commercial"): 4,
        }
    )
    issues = of(report, "R1")
    assert [i.message for i in issues] == [
        f"{HEADING_3}：“商业企业”列第一项加第二项之和（5）不等于第三项加第四项之和（4）",
        f"{HEADING_3}：“总计”列第一项加第二项之和（5）不等于第三项加第四项之和（4）",
    ]
    first = issues[0]
    assert first.severity is Severity.ERROR
    assert first.cell == app("new", "commercial")
    assert first.cells == tuple(
        app(r, "commercial") for r in ("new", "carried_in", "total", "carried_out")
    )
    assert validate(report).worst(app("carried_out", "commercial")) is Severity.ERROR


def test_r1_kept_when_both_sides_agree():
    report = clean(2021)
    report.set_values(
        {
            app("new", "natural"): 7,
            app("carried_in", "natural"): 2,
            app("granted", "natural"): 3,
            app("other.other", "natural"): 1,
            app("denied.query", "natural"): 4,
            app("carried_out", "natural"): 1,
        }
    )
    assert of(report, "R1") == []


def test_r1_waits_until_the_four_items_are_filled():
    report = clean(2021)
    report.set_values({app("new", "legal"): 9, app("carried_out", "legal"): None})
    assert of(report, "R1") == []  # R6 reports the blank instead
    assert [i.rule for i in validate(report).issues if i.severity is Severity.ERROR] == ["R6"]


# ---- R5 -----------------------------------------------------------------------------
def test_r5_wrong_kind_from_a_hand_edited_file():
    report = clean(2021)
    # set_values refuses these; only a hand-edited file can put them in the document
    report._values[app("new", "natural")] = -3
    report._values["active.art20_1.regulations.issued"] = Decimal("1.5")
    messages = [i.message for i in of(report, "R5")]
    assert messages == [
        "二、主动公开政府信息情况：第二十条第（一）项“规章”行“本年制发件数”列的值「1.5」无效："
        "「1.5」不是整数：件数只能填写整数",
        f"{HEADING_3}：“一、本年新收政府信息公开申请数量”行“自然人”列的值「-3」无效："
        "件数不能为负数（只有“本年增/减”可以填写负数，如 -8）",
    ]
    assert all(i.severity is Severity.ERROR for i in of(report, "R5"))


def test_r5_signed_change_may_be_negative():
    report = clean(2020)
    report.set_value("active.art20_5.licensing.change", -8)
    assert of(report, "R5") == []


# ---- R6 -----------------------------------------------------------------------------
def test_r6_one_issue_per_table_counting_blanks():
    report = Report(FORMAT_2021, 2021, AGENCY, date=dt.date(2022, 1, 5))
    issues = of(report, "R6")
    assert [i.message for i in issues] == [
        "二、主动公开政府信息情况：有 10 个单元格未填写（没有数据的请填 0）",
        f"{HEADING_3}：有 144 个单元格未填写（没有数据的请填 0）",
        "四、政府信息公开行政复议、行政诉讼情况：有 12 个单元格未填写（没有数据的请填 0）",
    ]
    applications = issues[1]
    assert applications.cell == app("new", "natural")
    assert len(applications.cells) == 144
    assert all(not FORMAT_2021.cell_by_id[c].computed for c in applications.cells)


def test_r6_marks_each_blank_cell():
    report = clean(2019)
    blanks = (app("partial", "social"), app("denied.query", "legal"), "appeals.review.pending")
    report.set_values(dict.fromkeys(blanks))
    issues = of(report, "R6")
    assert [(i.message, i.cells) for i in issues] == [
        (f"{HEADING_3}：有 2 个单元格未填写（没有数据的请填 0）", blanks[:2]),
        (
            "四、政府信息公开行政复议、行政诉讼情况：有 1 个单元格未填写（没有数据的请填 0）",
            blanks[2:],
        ),
    ]
    assert validate(report).worst(blanks[1]) is Severity.ERROR
    report.set_values(dict.fromkeys(blanks, 0))
    assert of(report, "R6") == []


# ---- R7 -----------------------------------------------------------------------------
def _last_year(year: int = 2022) -> Report:
    last = clean(year)
    last.set_values({app("new", "natural"): 5, app("carried_out", "natural"): 5})
    return last


def test_r7_carry_over_from_previous_report():
    report = clean(2023)
    issues = of(report, "R7", previous=_last_year())
    assert [(i.severity, i.message, i.cell) for i in issues] == [
        (
            Severity.WARNING,
            f"{HEADING_3}：“自然人”列的“二、上年结转政府信息公开申请数量”（0）与上一年度（2022年）"
            "报告的“四、结转下年度继续办理”（5）不一致",
            app("carried_in", "natural"),
        )
    ]
    report.set_values({app("carried_in", "natural"): 5, app("granted", "natural"): 5})
    assert of(report, "R7", previous=_last_year()) == []
    assert of(report, "R1") == []


def test_r7_uses_the_stored_previous_year_and_skips_without_one():
    report = clean(2021)
    assert of(report, "R7") == []
    last = _last_year(2020)
    report.set_previous(PreviousYear(2020, "2019", AGENCY, last.values(), dict(last.texts)))
    assert [i.cell for i in of(report, "R7")] == [app("carried_in", "natural")]


# ---- R8 -----------------------------------------------------------------------------
def test_r8_stock_of_regulations():
    last = clean(2022)
    last.set_value("active.art20_1.regulations.in_force", 10)
    report = clean(2023)
    report.set_values(
        {
            "active.art20_1.regulations.issued": 2,
            "active.art20_1.regulations.repealed": 1,
            "active.art20_1.regulations.in_force": 12,
        }
    )
    issues = of(report, "R8", previous=last)
    assert [(i.severity, i.message) for i in issues] == [
        (
            Severity.WARNING,
            "二、主动公开政府信息情况：第二十条第（一）项“规章”上年“现行有效件数”（10）加“本年制发件数”（2）"
            "减“本年废止件数”（1）应为 11，但本年“现行有效件数”为 12；如因修订等原因不一致，请核实",
        )
    ]
    assert issues[0].cells == (
        "active.art20_1.regulations.in_force",
        "active.art20_1.regulations.issued",
        "active.art20_1.regulations.repealed",
    )
    report.set_value("active.art20_1.regulations.in_force", 11)
    assert of(report, "R8", previous=last) == []


def test_r8_skipped_after_a_2019_format_year():
    report = clean(2021)
    report.set_value("active.art20_1.regulations.in_force", 12)
    assert of(report, "R8", previous=clean(2020)) == []


# ---- R9 -----------------------------------------------------------------------------
def test_r9_published_more_than_public_total():
    report = clean(2020)
    report.set_values(
        {
            "active.art20_1.normative_docs.published": 5,
            "active.art20_1.normative_docs.total_public": 3,
        }
    )
    issues = of(report, "R9")
    assert [(i.severity, i.message) for i in issues] == [
        (
            Severity.WARNING,
            "二、主动公开政府信息情况：第二十条第（一）项“规范性文件”的“本年新公开数量”（5）"
            "大于“对外公开总数量”（3），请核实",
        )
    ]
    report.set_value("active.art20_1.normative_docs.total_public", 5)
    assert of(report, "R9") == []


# ---- R10 ----------------------------------------------------------------------------
def test_r10_figure_in_narrative_must_match_table():
    report = clean(2023)
    report.set_values(
        {app("new", "natural"): 10, app("new", "commercial"): 2, app("granted", "natural"): 10}
    )
    report.set_values({app("granted", "commercial"): 2})
    report.set_text("一", "2023年，本机关共收到政府信息公开申请１５件，均已按时办结。")
    issues = of(report, "R10")
    assert [(i.severity, i.message, i.cells) for i in issues] == [
        (
            Severity.WARNING,
            "一、总体情况：正文写明本年新收政府信息公开申请数量为 15 件，"
            f"与“{HEADING_3}”表中的数字（12）不一致",
            ("text.一", app("new", "total")),
        )
    ]
    report.set_text("一", "2023年，本机关共收到政府信息公开申请12件，均已按时办结。")
    assert of(report, "R10") == []


# ---- R11 ----------------------------------------------------------------------------
def test_r11_large_other_handling_is_a_hint():
    report = clean(2020)
    report.set_values(
        {app("new", "natural"): 10, app("granted", "natural"): 4, app("other", "natural"): 6}
    )
    issues = of(report, "R11")
    assert [(i.severity, i.message, i.cell) for i in issues] == [
        (
            Severity.INFO,
            f"{HEADING_3}：“（六）其他处理”共 6 件，占“（七）总计”（10）的 60%；"
            "该项仅用于极少数特殊情况，请核实是否应归入其他办理结果",
            app("other", "total"),
        )
    ]
    report.set_values({app("new", "natural"): 100, app("granted", "natural"): 94})
    assert of(report, "R11") == []  # 6 of 100: not large


# ---- R12 ----------------------------------------------------------------------------
def test_r12_old_format_in_a_new_year():
    report = clean(2021)
    old = Report(FORMAT_2019, 2021, AGENCY, date=dt.date(2022, 1, 10))
    old.set_values({c.id: 0 for c in FORMAT_2019.inputs})
    for sid, text in report.texts.items():
        old.set_text(sid, text)
    issues = of(old, "R12")
    assert [(i.severity, i.message, i.cell) for i in issues] == [
        (
            Severity.ERROR,
            "2021年度报告应使用《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号），"
            "当前使用的是《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）",
            "meta.format",
        )
    ]
    assert of(report, "R12") == []
    new_in_old_year = Report(FORMAT_2021, 2020, AGENCY)
    assert "2020年度报告应使用《中华人民共和国政府信息公开工作年度报告格式（试行）》" in (
        of(new_in_old_year, "R12")[0].message
    )


def test_r12_year_without_a_format():
    issues = of(Report(FORMAT_2019, 2018, AGENCY), "R12")
    assert [i.message for i in issues] == [
        "报告年度（2018年）没有适用的年度报告格式：年度报告格式自2019年度起施行，请核对报告年度"
    ]


# ---- R13 ----------------------------------------------------------------------------
def test_r13_required_sections_agency_and_date():
    report = clean(2023)
    report.set_text("五", "  \n")
    report.set_meta(agency="", date=None)
    issues = of(report, "R13")
    assert [(i.severity, i.cell, i.message) for i in issues] == [
        (Severity.WARNING, "meta.agency", "未填写机关名称"),
        (Severity.WARNING, "meta.date", "未填写成文日期"),
        (
            Severity.WARNING,
            "text.五",
            "五、存在的主要问题及改进情况：内容为空，请填写（确无内容的，也应写明）",
        ),
    ]


def test_r13_date_must_fall_in_the_following_year():
    report = clean(2023)
    report.set_meta(date=dt.date(2023, 12, 30))
    assert [i.message for i in of(report, "R13")] == [
        "成文日期（2023年12月30日）不在报告年度的次年（2024年）内，请核对"
    ]


def test_r13_fee_statement_hint_in_2021_format():
    report = clean(2022)
    report.set_text("六", "无其他需要报告的事项。")
    issues = of(report, "R13")
    assert [(i.severity, i.message) for i in issues] == [
        (
            Severity.INFO,
            "六、其他需要报告的事项：未说明信息处理费收取情况（如“本年度未收取信息处理费”）",
        )
    ]
    old = clean(2020)
    old.set_text("六", "无其他需要报告的事项。")
    assert of(old, "R13") == []


# ---- R14 ----------------------------------------------------------------------------
def test_r14_deadline_by_kind():
    assert [i.message for i in of(clean(2023, "government"), "R14")] == [
        "本报告应于2024年3月31日前公布"
    ]


@pytest.mark.parametrize(
    ("date", "today", "expected"),
    [
        (
            dt.date(2024, 2, 3),
            None,
            ["成文日期（2024年2月3日）晚于公布期限（2024年1月31日），请核对"],
        ),
        (
            dt.date(2024, 1, 10),
            dt.date(2024, 1, 28),
            ["距公布期限（2024年1月31日）还有 3 天，请及时公布"],
        ),
        (None, dt.date(2024, 1, 31), ["今天是公布期限（2024年1月31日）的最后一天，请及时公布"]),
        (None, dt.date(2024, 2, 2), ["已过公布期限（2024年1月31日），且尚未填写成文日期"]),
    ],
)
def test_r14_warnings_near_or_past_the_deadline(date, today, expected):
    report = clean(2023)
    report.set_meta(date=date)
    issues = of(report, "R14", today=today)
    assert [i.message for i in issues] == expected
    assert all(i.severity is Severity.WARNING and i.cell == "meta.date" for i in issues)


@pytest.mark.parametrize("today", [dt.date(2024, 1, 20), dt.date(2024, 6, 1), dt.date(2030, 1, 1)])
def test_r14_only_the_hint_when_dated_in_time(today):
    issues = of(clean(2023), "R14", today=today)
    assert [(i.severity, i.message) for i in issues] == [
        (Severity.INFO, "本报告应于2024年1月31日前公布")
    ]


# ---- R15 ----------------------------------------------------------------------------
def test_r15_copied_narrative():
    last = clean(2022)
    last.set_text("一", "2022年，" + LONG)
    report = clean(2023)
    report.set_text("一", "2023年，" + LONG)
    issues = of(report, "R15", previous=last)
    assert len(issues) == 1
    (issue,) = issues
    percent = int(similarity(report.texts["一"], last.texts["一"]) * 100)
    assert 90 <= percent < 100
    assert issue.message == (
        f"一、总体情况：与上一年度报告的本节内容相似度为 {percent}%（内容雷同），"
        "请结合本年度实际撰写"
    )
    assert (issue.severity, issue.cell) == (Severity.WARNING, "text.一")
    report.set_text("一", "本年度重点推进政务服务事项公开和基层政务公开标准化规范化建设，" * 3)
    assert of(report, "R15", previous=last) == []


def test_r15_ignores_short_set_phrases_and_needs_last_year():
    report = clean(2023)
    last = clean(2022)  # 六 is 「本年度未收取信息处理费。」 in both
    assert of(report, "R15", previous=last) == []
    report.set_text("五", LONG)
    assert of(report, "R15") == []
    report.set_previous(PreviousYear(2022, "2021", AGENCY, {}, {"五": LONG + "。"}))
    assert [i.cell for i in of(report, "R15")] == ["text.五"]


def test_similarity_bounds():
    assert similarity(LONG, LONG) == 1.0
    assert similarity(LONG, " ".join(LONG)) == 1.0  # whitespace ignored
    assert similarity(LONG, "完全不同的一段文字内容，与上面没有任何共同的词语。") < 0.3
    assert similarity("", "") == 1.0


# ---- order and lookups --------------------------------------------------------------
def test_errors_first_then_warnings_then_info_in_report_order():
    report = clean(2020)
    report.set_meta(date=None)
    report.set_values({"appeals.review.upheld": None, app("new", "other"): 4})
    report.set_values({"active.art20_1.regulations.published": 9})
    issues = validate(report).issues
    assert [(i.severity.rank, i.rule) for i in issues] == [
        (0, "R1"),  # 三: 其他 column
        (0, "R1"),  # 三: 总计 column
        (0, "R6"),  # 四
        (1, "R13"),  # 基本信息
        (1, "R9"),  # 二
        (2, "R14"),
    ]


def test_section_of():
    assert section_of("applications.denied.state_secret.commercial", FORMAT_2021) == "三"
    assert section_of("active.art20_1.regulations.issued", FORMAT_2021) == "二"
    assert section_of("appeals.suit_direct.total", FORMAT_2019) == "四"
    assert section_of("text.五", FORMAT_2019) == "五"
    assert section_of("meta.date", FORMAT_2019) == "基本信息"
    assert section_of("nothing.here", FORMAT_2019) is None


def test_text_cache_follows_edits():
    """R10's per-text cache must never answer for an older text."""
    report = clean(2023)
    for n in (3, 0, 7, 0):
        report.set_text("一", f"全年新收政府信息公开申请{n}件。")
        assert len(of(report, "R10")) == (1 if n else 0)
