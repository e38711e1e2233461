"""The two checks on narrative texts: headings without text count as empty (R13),
and a year in the text that does not fit the report year (R17)."""

from __future__ import annotations

import pytest

from model.formats import FORMAT_2021
from model.issues import Severity
from model.rules import validate
from model.rules_text import headings_only
from model.rules_years import stray_years
from tests.test_rules import clean, of

OUTLINE = FORMAT_2021.section_by_id["一"].text.outline  # what 插入提纲 writes


# ---- R13: headings without text ---------------------------------------------------------
def test_section_one_holding_only_the_outline_is_empty():
    report = clean(2023)
    report.set_text("一", "\n".join(OUTLINE) + "\n")
    issues = of(report, "R13")
    assert [(i.severity, i.cell) for i in issues] == [(Severity.WARNING, "text.一")]
    assert issues[0].message == (
        "一、总体情况：只有小标题（“（一）主动公开”、“（二）依申请公开”、“（三）政府信息管理”等），"
        "小标题下还没有内容，请填写（确无内容的，也应写明）"
    )


@pytest.mark.parametrize(
    "text",
    [
        "一、总体情况",
        "（一）主动公开：\n（二）依申请公开：",
        "1.加强组织领导\n2.完善制度",
        "（1）平台建设\n\n（2）监督保障\n",
        "（一）主动公开\n",
    ],
)
def test_heading_lines_alone_are_empty(text: str):
    assert headings_only(text)
    report = clean(2023)
    report.set_text("五", text)
    assert [i.cell for i in of(report, "R13")] == ["text.五"]


@pytest.mark.parametrize(
    "text",
    [
        "（一）主动公开\n本年度共主动公开政府信息120条。",  # a heading followed by text
        "（一）主动公开。本年度共主动公开政府信息120条。",  # heading and text on one line
        "1.收到申请5件",  # a numbered line quoting a figure is text
        "本年度未收取信息处理费。",
        "无",
    ],
)
def test_a_heading_followed_by_text_is_not_empty(text: str):
    assert headings_only(text) is None
    report = clean(2023)
    report.set_text("五", text)
    assert of(report, "R13") == []


def test_the_outline_with_text_under_each_heading_is_fine():
    report = clean(2023)
    body = "\n".join(f"{h}\n本年度该项工作有序开展。" for h in OUTLINE)
    report.set_text("一", "2023年，本局扎实推进政务公开。\n" + body)
    assert validate(report).issues[0].rule == "R14"  # only the deadline hint
    assert len(validate(report).issues) == 1


# ---- R17: a year that does not fit -------------------------------------------------------
def r17(report) -> list[str]:
    return [i.message for i in of(report, "R17")]


def test_last_years_opening_in_this_years_report_is_quoted():
    report = clean(2026)
    report.set_text("一", "2025年，本局认真贯彻落实《条例》，扎实推进政务公开。\n（一）主动公开")
    (issue,) = of(report, "R17")
    assert issue.severity is Severity.WARNING
    assert issue.cell == "text.一"
    assert issue.message == (
        "一、总体情况：“2025年，本局认真贯彻落实《条例》，扎实推进政务公开”写的是2025年，"
        "而本报告是2026年度的报告；请核对是否沿用了往年的文字"
    )


@pytest.mark.parametrize(
    ("section", "text", "years"),
    [
        ("一", "本局2025年政务公开工作以《条例》为依据。", (2025,)),  # the opening sentence
        ("一", "（一）主动公开\n本局2025年政务公开工作稳步推进。", (2025,)),  # after a heading
        ("一", "2026年，本局工作有序。截至2025年底，现行有效规章3件。", (2025,)),
        ("一", "2026年，本局工作有序。2025年共收到申请12件。", (2025,)),
        ("六", "本机关2025年1月1日至12月31日未收取信息处理费。", (2025,)),
        ("六", "2025年度，本机关未收取信息处理费。", (2025,)),
        ("五", "2025年，我局存在的问题主要是……", (2025,)),
        ("五", "2024年工作打算：一是加强培训。", (2024,)),
        ("一", "二〇二五年，本局扎实推进政务公开。", (2025,)),
        ("一", "２０２５年，本局扎实推进政务公开。", (2025,)),
        ("一", "2024年和2025年，本局……", (2024, 2025)),
    ],
)
def test_stray_years_are_found(section: str, text: str, years: tuple[int, ...]):
    (stray,) = stray_years(section, text, 2026)
    assert stray.years == years
    report = clean(2026)
    report.set_text(section, text)
    assert len(r17(report)) == 1


@pytest.mark.parametrize(
    ("section", "text"),
    [
        ("五", "2026年工作打算：一是加强培训；二是完善制度。"),  # 五 may name the next year
        ("五", "2026年，我局将进一步完善工作机制。"),
        ("五", "2025年，我局政务公开工作还存在一些不足。"),  # the report year itself
        ("一", "（一）主动公开\n2025年，本局扎实推进政务公开。"),  # a heading followed by text
        ("一", "根据2019年修订的《条例》，本局扎实推进2025年政务公开工作。"),
        ("一", "本局认真落实《2024年政务公开工作要点》，2025年共主动公开信息120条。"),
        ("一", "2025年，本局收到申请12件，较2024年增加2件，与2024年相比略有增长。"),
        ("一", "自2019年以来，本局持续推进公开工作。"),
        ("一", "2025年，本局按照2020年印发的实施办法开展工作。"),
        ("六", "本年度未收取信息处理费。"),
        ("一", "本局2025年1月1日至2025年12月31日共收到申请12件。"),
        ("一", "截至2025年12月31日，现行有效规章3件。"),
    ],
)
def test_years_that_fit_or_do_not_state_the_period_do_not_warn(section: str, text: str):
    assert stray_years(section, text, 2025) == ()
    report = clean(2025)
    report.set_text(section, text)
    assert r17(report) == []


def test_next_year_is_only_allowed_in_the_plans():
    assert stray_years("五", "2026年工作打算：加强培训。", 2025) == ()
    (stray,) = stray_years("一", "2026年工作打算：加强培训。", 2025)
    assert stray.years == (2026,)


def test_a_long_sentence_is_quoted_around_the_year():
    text = "本局" + "认真贯彻落实各项要求" * 8 + "，2025年共收到申请12件。"
    (stray,) = stray_years("六", text, 2026)
    assert "2025年共收到申请12件" in stray.sentence
    assert stray.sentence.startswith("…")
    assert len(stray.sentence) <= 62


def test_the_sample_report_fits_its_year():
    from model.sample import load_sample

    assert of(load_sample(), "R17") == []


def test_one_warning_per_sentence_in_every_section():
    report = clean(2026)
    report.set_text("一", "2025年，本局工作有序。截至2025年底，现行有效规章3件。")
    report.set_text("六", "2025年度，本机关未收取信息处理费。")
    assert [i.cell for i in of(report, "R17")] == ["text.一", "text.一", "text.六"]


# The whole year written as a range, and 「本年度（X年）」: statements of the period too.
@pytest.mark.parametrize(
    "text",
    [
        "2020年1月至12月，本局共收到政府信息公开申请5件。",
        "2020年1-12月，本局共主动公开信息300条。",
        "2020年1－12月，本局共主动公开信息300条。",
        "本局2020年1月—12月主动公开信息300条。",
        "本局2020年1至12月主动公开信息300条。",
        "2020年一月至十二月，本局共主动公开信息300条。",
        "本年度（2020年），本局共收到申请5件。",
        "报告年度（2020年度）内，本局未收取信息处理费。",
        "自2020年1月1日起至2020年12月31日止，本局共收到申请5件。",
        "本局从2020年1月1日到12月31日共收到申请5件。",
    ],
)
@pytest.mark.parametrize("section", ["一", "五", "六"])
def test_the_statistics_period_in_other_words_is_caught(section: str, text: str):
    (stray,) = stray_years(section, "本局扎实推进政务公开。\n" + text, 2021)
    assert stray.years == (2020,)
    report = clean(2021)
    report.set_text(section, "本局扎实推进政务公开。\n" + text)
    (message,) = r17(report)
    assert "写的是2020年" in message and "往年" in message


@pytest.mark.parametrize(
    "text",
    [
        "2021年1月至12月，本局共收到申请5件。",
        "2021年1-12月，本局共主动公开信息300条。",
        "本年度（2021年），本局共收到申请5件。",
        "本局2021年1-12月收到申请5件，较2020年1-12月增加2件。",  # a comparison
        "本局2021年收到申请5件，与2020年1月至12月相比有所增加。",
        "本局执行《2020年1-12月工作安排》。",  # inside 《》
    ],
)
def test_the_report_years_period_in_other_words_does_not_warn(text: str):
    assert stray_years("六", text, 2021) == ()


def test_next_years_plans_in_five_do_not_warn_and_are_never_called_stale():
    report = clean(2025)
    report.set_text("五", "2026年工作打算：一是加强培训；二是完善制度。\n2026年，我局将继续推进。")
    assert r17(report) == []
    report.set_text("五", "2027年，我局将继续推进平台建设。")
    (message,) = r17(report)
    assert "往年" not in message
    assert message == (
        "五、存在的主要问题及改进情况：“2027年，我局将继续推进平台建设”写的是2027年；"
        "本报告是2025年度的报告，下一步打算一般写到2026年，请核对年份是否写错"
    )


def test_a_later_year_outside_five_is_a_slip_not_stale_text():
    report = clean(2025)
    report.set_text("六", "2026年度，本机关未收取信息处理费。")
    (message,) = r17(report)
    assert "往年" not in message
    assert "晚于本报告的2025年度" in message


def test_earlier_and_later_years_in_one_sentence_ask_to_check_the_years():
    report = clean(2025)
    report.set_text("一", "2024年和2027年，本局扎实推进政务公开。")
    (message,) = r17(report)
    assert "写的是2024年、2027年" in message and "往年" not in message
