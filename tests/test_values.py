"""Typed cell values: what an officer types, and how values print."""

from __future__ import annotations

from decimal import Decimal

import pytest

from model.formats import FORMAT_2019, FORMAT_2021
from model.values import (
    InvalidValue,
    check_value,
    format_value,
    normalise_text,
    parse_value,
    to_unit,
)

COUNT = FORMAT_2021.cell_by_id["applications.new.natural"]
SIGNED = FORMAT_2019.cell_by_id["active.art20_5.licensing.change"]
MONEY_YUAN = FORMAT_2019.cell_by_id["active.art20_9.procurement.amount"]
MONEY_WAN = FORMAT_2021.cell_by_id["active.art20_8.fees.amount_wan"]
TOTAL = FORMAT_2021.cell_by_id["applications.new.total"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12),
        ("０", 0),
        ("１２３", 123),  # full-width digits
        (" 12 ", 12),
        ("1,234", 1234),
        ("1，234", 1234),  # full-width comma
        ("1 234", 1234),
        ("1\u3000234", 1234),  # ideographic space
        ("+5", 5),
        ("007", 7),
        ("12件", 12),  # with its measure word, as Word reports often print counts
        ("12 件", 12),
        ("12（件）", 12),
        ("3个", 3),
        ("1,200条", 1200),
        ("12.0", 12),  # a whole number, as a spreadsheet may copy it
    ],
)
def test_counts(text, expected):
    value = parse_value(text, COUNT)
    assert value == expected and type(value) is int


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_empty_text_is_a_blank_not_zero(text):
    assert parse_value(text, COUNT) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "「abc」不是数字，请填写阿拉伯数字（如 12）"),
        ("十二", "「十二」不是数字，请填写阿拉伯数字（如 12）"),
        ("件", "「件」不是数字，请填写阿拉伯数字（如 12）"),
        ("12件件", "「12件件」不是数字，请填写阿拉伯数字（如 12）"),
        ("12元", "「12元」不是数字，请填写阿拉伯数字（如 12）"),  # not a count's word
        ("1.5件", "「1.5件」不是整数：件数只能填写整数"),
        ("-3件", "件数不能为负数（只有“本年增/减”可以填写负数，如 -8）"),
        ("-", "「-」不是数字，请填写阿拉伯数字（如 12）"),
        ("1.5", "「1.5」不是整数：件数只能填写整数"),
        ("-3", "件数不能为负数（只有“本年增/减”可以填写负数，如 -8）"),
    ],
)
def test_counts_refused_with_a_reason(text, message):
    with pytest.raises(InvalidValue) as caught:
        parse_value(text, COUNT)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "expected"), [("-8", -8), ("－8", -8), ("+3", 3), ("0", 0), ("−14", -14)]
)
def test_signed_change(text, expected):
    assert parse_value(text, SIGNED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("109994", "109994"),
        ("109994元", "109994"),  # the unit typed into the number, as in the sample
        ("12.50", "12.50"),  # kept exactly as entered
        ("1,234.5", "1234.5"),
        ("０.５", "0.5"),
        ("3.1416", "3.1416"),
    ],
)
def test_money(text, expected):
    value = parse_value(text, MONEY_YUAN)
    assert isinstance(value, Decimal)
    assert format_value(value) == expected


def test_money_in_wan_and_refusals():
    assert parse_value("2.5万元", MONEY_WAN) == Decimal("2.5")
    with pytest.raises(InvalidValue, match="金额不能为负数"):
        parse_value("-1", MONEY_WAN)
    # a real published fee: 6 decimals of 万元 are kept exactly as printed
    assert str(parse_value("24252.311082", MONEY_WAN)) == "24252.311082"
    with pytest.raises(InvalidValue, match="金额最多保留 6 位小数"):
        parse_value("1.2345678", MONEY_WAN)
    with pytest.raises(InvalidValue, match="不是数字"):
        parse_value("一万", MONEY_WAN)
    with pytest.raises(InvalidValue, match="不是数字"):
        parse_value("NaN", MONEY_WAN)


def test_check_value():
    assert check_value(Decimal("4"), COUNT) == 4 and type(check_value(Decimal("4"), COUNT)) is int
    assert check_value(5, MONEY_YUAN) == Decimal(5)
    with pytest.raises(InvalidValue, match="合计单元格由程序自动计算"):
        check_value(3, TOTAL)
    with pytest.raises(InvalidValue):
        check_value(True, COUNT)
    with pytest.raises(InvalidValue, match="不是整数"):
        check_value(Decimal("2.5"), COUNT)
    with pytest.raises(InvalidValue, match="不是整数"):
        check_value("3", COUNT)


def test_format_value_and_units():
    assert format_value(None) == "" and format_value(None, blank="0") == "0"
    assert format_value(0) == "0" and format_value(-8) == "-8"
    assert format_value(Decimal("1E+2")) == "100"
    assert to_unit(Decimal("109994"), "元", "万元") == Decimal("10.9994")
    assert to_unit(Decimal("2.5"), "万元", "元") == Decimal("25000")
    assert normalise_text(" １，２３４ ") == "1234"


def test_an_amount_typed_with_another_unit_is_converted_to_the_cells_unit():
    from decimal import Decimal

    from model.formats import FORMATS
    from model.values import parse_value

    amount = FORMATS["2019"].cell_by_id["active.art20_9.procurement.amount"]  # 元 or 万元
    assert parse_value("1.5万元", amount) == Decimal("15000")  # not refused as 「万」
    assert parse_value("109994元", amount) == Decimal("109994")
    assert parse_value("12", amount, "万元") == Decimal("12")
    assert parse_value("12元", amount, "万元") == Decimal("0.0012")  # not 12 万元
    assert parse_value("3万元", amount, "万元") == Decimal("3")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("999999999999.99", None),
        ("1000000000000", "超出金额的上限"),
        ("1e999999999", "不是数字"),  # typed: plain notation only (drafts: see test_drafts)
        ("123456789.1234567", "最多保留 6 位小数"),
        ("123456789012.123", None),
        ("99999999999.12345", "合计最多 15 位"),
    ],
)
def test_money_limits_are_the_one_table_of_limits(text, reason):
    """model.limits: at most 15 digits (what a spreadsheet keeps exactly), 6 decimals."""
    if reason is None:
        assert str(parse_value(text, MONEY_WAN)) == text
    else:
        with pytest.raises(InvalidValue, match=reason):
            parse_value(text, MONEY_WAN)


def test_count_limits_and_long_input_are_quoted_short():
    count = FORMAT_2021.cell_by_id["applications.new.natural"]
    assert parse_value("999999999", count) == 999_999_999
    with pytest.raises(InvalidValue, match="超出件数的上限") as refused:
        parse_value("9" * 5000, count)
    assert len(str(refused.value)) < 80  # the message quotes the input cut short
    with pytest.raises(InvalidValue, match="超出件数的上限"):
        check_value(10**30, count)
    with pytest.raises(InvalidValue, match="超出件数的上限"):
        check_value(Decimal("1E+30"), count)


@pytest.mark.parametrize(
    "text",
    [
        "8,90281",
        "8902,81",
        "12，1",
        "3,0",
        "2 26",
        "1.234,5",
        "1、2",
        "1,23,456",
        "1,234 567",
        "226 226",
    ],
)
def test_separators_off_the_thousands_are_refused_not_joined(text):
    """「12，1」 may be two numbers or a typo: never silently 121 (a comma anywhere was
    dropped before, so a fee 「8,90281」 became 890281 万元)."""
    for cell in (COUNT, MONEY_WAN):
        with pytest.raises(InvalidValue, match="不在千分位上"):
            parse_value(text, cell)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234", 1234),
        ("1,234,567", 1234567),
        ("12 345", 12345),
        (" １，２３４ ", 1234),
        ("1 234 567", 1234567),
        ("12，", 12),
        ("+ 2", 2),
        ("12 件", 12),
        ("12\u200b3", 123),
    ],
)
def test_thousands_separators_spaces_and_invisible_characters_are_read(text, value):
    assert parse_value(text, COUNT) == value


def test_a_refused_text_is_quoted_on_one_line():
    with pytest.raises(InvalidValue) as refused:
        parse_value("22\n6", COUNT)
    assert "「22（换行）6」" in str(refused.value)


def test_money_is_plain_decimal_notation_and_zero_has_no_sign():
    for text in ("1e2", "1E+2", "Infinity", "NaN", "0x10", "1.2.3"):
        with pytest.raises(InvalidValue, match="不是数字"):
            parse_value(text, MONEY_WAN)
    assert str(parse_value("-0", MONEY_WAN)) == "0"
    assert str(parse_value("-0.00", MONEY_WAN)) == "0.00"
    assert str(check_value(Decimal("-0.0"), MONEY_WAN)) == "0.0"
    assert str(parse_value(".5", MONEY_WAN)) == "0.5"


@pytest.mark.parametrize("text", ["12\n13", "12\t3", "１２\r\n１３", "1\u2028000"])
def test_digits_across_a_line_break_or_tab_are_never_joined(text):
    """A spreadsheet cell of two lines (or two cells) is not one number: 1213 would be
    a number read wrongly without a word."""
    with pytest.raises(InvalidValue, match="分成了几行（或几格），不是一个数字"):
        parse_value(text, COUNT)
    assert parse_value("12\n件", COUNT) == 12  # a measure word on its own line is fine
    assert parse_value("1 000", COUNT) == 1000  # spaces still group thousands


@pytest.mark.parametrize("text", ["8¹", "4²", "12³", "8₁", "①", "⑴", "⒈", "½", "1²3"])
@pytest.mark.parametrize("cell", [COUNT, MONEY_WAN])
def test_footnote_marks_and_circled_numbers_are_no_digits(text, cell):
    """NFKC turns 「8¹」 into 81 and 「①」 into 1: such characters make the text
    refused with the reason, at every door that reads a typed or printed number."""
    with pytest.raises(InvalidValue, match="不是普通数字"):
        parse_value(text, cell)


@pytest.mark.parametrize(("text", "small"), [("1.000", 1), ("12.000", 12), ("999.000", 999)])
def test_a_count_with_three_zeros_after_a_point_is_ambiguous(text, small):
    with pytest.raises(InvalidValue) as refused:
        parse_value(text, COUNT)
    assert f"可能是 {small}，也可能是 {small * 1000}" in str(refused.value)
    assert parse_value(text, MONEY_WAN) == Decimal(text)  # an amount keeps its decimals


def test_any_money_unit_is_converted_to_the_cells_and_conversion_adds_no_zeros():
    assert parse_value("8902.81元", MONEY_WAN) == Decimal("0.890281")
    assert str(parse_value("1.5万元", MONEY_YUAN)) == "15000"
    assert str(parse_value("0.5万元", MONEY_YUAN)) == "5000"
    assert str(parse_value("1.25元", MONEY_YUAN, "万元")) == "0.000125"
