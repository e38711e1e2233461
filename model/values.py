"""Turning what an officer types into a cell value, and values back into text.

Counts are ``int``; money is ``Decimal`` (kept exactly as entered, so 「12.50」
prints as 12.50). A blank cell is ``None``, never 0.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal

from model import limits
from model import messages as msg
from model.spec import CellSpec, ValueKind

Value = int | Decimal

# Characters people put between digit groups. They are dropped only where they
# separate thousands groups (「1,234」「12 345」); anywhere else they may mean two
# numbers (「12，1」, 「22 6」 over a line break), and the text is refused.
_GROUP_MARKS = ",，'’_、"
_GROUPED = re.compile(rf"(?<![\d.])\d+(?:[{_GROUP_MARKS}\s]\d+)+")
# a line break or a tab never groups thousands (「1⏎000」 is two things)
_THOUSANDS = re.compile(r"\d{1,3}(?:(?P<mark>[,，'’ ])\d{3})(?:(?P=mark)\d{3})*")
_SPACE_BESIDE_NON_DIGIT = re.compile(r"(?<!\d)\s+|\s+(?!\d)")
_STRAY_MARKS = re.compile(rf"(?<!\d)[{_GROUP_MARKS}]+|[{_GROUP_MARKS}]+(?!\d)")
_PLAIN_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_MARK_BETWEEN_DIGITS = re.compile(rf"\d[{_GROUP_MARKS}\s]\d")
# Invisible characters Word, web pages and our own export (line-break hints in
# long digit strings) put inside text.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_BREAK_CHARS = r"\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029"  # line and cell breaks
_SPLIT_NUMBER = re.compile(rf"\d\s*[{_BREAK_CHARS}]\s*\d")  # \d: full-width digits too
# The measure words a count may be typed (or printed in a Word report) with: 「12件」,
# 「12（件）」 (after NFKC the brackets are ASCII). The number is what counts.
COUNT_WORDS = "件个条项次份人家起篇"
_COUNT_WITH_WORD = re.compile(rf"(.+?)\(?([{COUNT_WORDS}])\)?")


class InvalidValue(ValueError):
    """What was typed is not a valid value for the cell; str() is a Chinese reason."""


def drop_invisible(text: str) -> str:
    """`text` without the invisible characters (zero-width spaces and joiners, word
    joiners, byte-order marks, soft hyphens) that Word, web pages and our own Word
    export (break hints in long digit runs and URLs) put inside what a reader sees."""
    return text.translate(_INVISIBLE)


def normalise_text(text: str) -> str:
    """Full-width digits and signs to ASCII; invisible characters, spaces beside
    words and thousands separators removed. A separator that does not separate
    thousands groups (「8,90281」, 「12，1」, 「2 26」, 「22」 and 「6」 on two lines)
    is kept, so that the text is refused rather than read as one number."""
    # NFKC would turn 「8¹」 (a footnote mark) into 81 and 「①」 into 1: such
    # characters are kept as they are, so the text is refused, never read as digits
    text = _nfkc_keeping_other_numbers(text).translate(_INVISIBLE)
    text = text.replace("－", "-").replace("−", "-").replace("—", "-").replace("．", ".")
    text = _SPACE_BESIDE_NON_DIGIT.sub("", text.strip())
    text = _GROUPED.sub(_drop_thousands_marks, text)
    return _STRAY_MARKS.sub("", text)


def other_number_chars(text: str) -> str:
    """The characters of `text` that are numbers but not digits (Unicode category
    No: superscripts ¹, subscripts ₁, circled ①, parenthesised ⑴, fractions ½),
    each once, in order."""
    return "".join(dict.fromkeys(ch for ch in text if unicodedata.category(ch) == "No"))


def _nfkc_keeping_other_numbers(text: str) -> str:
    if not other_number_chars(text):
        return unicodedata.normalize("NFKC", text)
    return "".join(
        ch if unicodedata.category(ch) == "No" else unicodedata.normalize("NFKC", ch) for ch in text
    )


def _drop_thousands_marks(found: re.Match[str]) -> str:
    run = found.group(0)
    grouped = _THOUSANDS.fullmatch(run)
    if grouped and grouped.group("mark") == " ":
        # 「226 226」 reads as two numbers as easily as one: a space groups thousands
        # only after a short first group (「1 000」, 「12 345」) or in three groups
        groups = run.split(" ")
        if len(groups[0]) == 3 and len(groups) == 2:
            grouped = None
    return re.sub(r"\D", "", run) if grouped else run


def parse_value(text: str, cell: CellSpec, unit: str | None = None) -> Value | None:
    """Parse typed text for `cell`. Empty text is a blank (None). Raises InvalidValue.

    A money cell holds its number in `unit` (the unit the report uses for the cell,
    default the spec's); an amount typed with another unit (「1.5万元」 in a 元
    cell) is converted to it."""
    if _SPLIT_NUMBER.search(text):
        # 「12⏎13」 from a spreadsheet cell of two lines is not 1213: never join digits
        # across a line break or a tab (a space may group thousands: 「1 000」)
        raise InvalidValue(msg.NOT_ONE_NUMBER.format(text=clip(text)))
    cleaned = normalise_text(text)
    if cleaned == "":
        return None
    odd = other_number_chars(cleaned)
    if odd:
        raise InvalidValue(msg.NOT_PLAIN_DIGIT.format(text=clip(text), chars=odd))
    if _MARK_BETWEEN_DIGITS.search(cleaned):
        raise InvalidValue(msg.BAD_SEPARATOR.format(text=clip(text)))
    if cell.kind is ValueKind.MONEY:
        current = unit or cell.unit
        typed = None
        # any unit an amount is written in (「8902.81元」 in a 万元 cell is converted);
        # longest first: 「万元」 must not be read as 「元」 after a stray 「万」
        for candidate in sorted(_MONEY_FACTORS, key=len, reverse=True):
            if cleaned.endswith(candidate):
                typed, cleaned = candidate, cleaned[: -len(candidate)]
                break
        number = parse_amount(cleaned, text)
        if typed and current and typed != current:
            check_amount(number.copy_abs())  # before converting an absurd number
            number = plain_amount(to_unit(number, typed, current))
        return check_value(number, cell)
    number, _word = split_count_word(cleaned)
    if number.startswith("+"):
        number = number[1:]
    if len(number.lstrip("-").split(".")[0].lstrip("0")) > len(str(limits.MAX_COUNT)):
        # refused before int() is asked to convert thousands of digits
        raise InvalidValue(msg.COUNT_TOO_LARGE.format(text=clip(text), limit=limits.MAX_COUNT))
    ambiguous = re.fullmatch(r"(-?\d{1,3})\.000", number)
    if ambiguous:  # 「1.000」: 1, or 1000 with a point between thousands?
        small = int(ambiguous.group(1))
        raise InvalidValue(
            msg.AMBIGUOUS_POINT.format(text=clip(text), small=small, large=small * 1000)
        )
    if not re.fullmatch(r"-?\d+(?:\.0+)?", number):  # 「12.0」 is a whole number too
        if re.fullmatch(r"-?\d+\.\d*", number):
            raise InvalidValue(msg.NOT_WHOLE.format(text=clip(text)))
        raise InvalidValue(msg.NOT_A_NUMBER.format(text=clip(text)))
    return check_value(int(Decimal(number)), cell)


def parse_amount(cleaned: str, text: str) -> Decimal:
    """The number of an amount, `cleaned` by normalise_text and without its unit;
    `text` is what was typed or printed, quoted in the message. Plain decimal
    notation only (「8902.81」, 「-0」): Decimal() alone would also take 「1e2」 and
    「Infinity」. The one reading of an amount's digits, typed or imported. Raises
    InvalidValue (Chinese); the amount's limits are check_value's."""
    if _MARK_BETWEEN_DIGITS.search(cleaned):
        raise InvalidValue(msg.BAD_SEPARATOR.format(text=clip(text)))
    if not _PLAIN_DECIMAL.fullmatch(cleaned):
        raise InvalidValue(msg.NOT_A_NUMBER.format(text=clip(text)))
    return Decimal(cleaned)


def clip(text: object, chars: int = 24) -> str:
    """Typed text as a message quotes it: stripped, and cut short with 「…」 when long
    (a pasted block of thousands of digits must not become the message)."""
    shown = str(text).strip().replace("\r\n", "\n")
    shown = shown.replace("\n", "（换行）").replace("\t", "（制表符）")
    return shown if len(shown) <= chars else shown[: chars - 1] + "…"


def split_count_word(cleaned: str) -> tuple[str, str]:
    """Normalised text of a count and its measure word: 「12件」 → ("12", "件");
    text without one comes back whole, with ""."""
    found = _COUNT_WITH_WORD.fullmatch(cleaned)
    return (found.group(1), found.group(2)) if found else (cleaned, "")


def check_value(value: object, cell: CellSpec) -> Value:
    """Check a value against the cell's kind (R5); returns it normalised."""
    if cell.computed:
        raise InvalidValue(msg.COMPUTED_CELL)
    if isinstance(value, bool):
        raise InvalidValue(msg.NOT_A_NUMBER.format(text=clip(value)))
    if cell.kind is ValueKind.MONEY:
        if isinstance(value, int):
            value = Decimal(value)
        if not isinstance(value, Decimal) or not value.is_finite():
            raise InvalidValue(msg.NOT_A_NUMBER.format(text=clip(value)))
        if value < 0:
            raise InvalidValue(msg.NEGATIVE_AMOUNT)
        if value.is_signed():  # 「-0」, 「-0.00」: zero, printed without its sign
            value = value.copy_abs()
        check_amount(value, cell.decimals)
        return value
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        if abs(value) > limits.MAX_COUNT:
            raise InvalidValue(msg.COUNT_TOO_LARGE.format(text=clip(value), limit=limits.MAX_COUNT))
        value = int(value)
    if not isinstance(value, int):
        raise InvalidValue(msg.NOT_WHOLE.format(text=clip(value)))
    if value < 0 and cell.kind is ValueKind.COUNT:
        raise InvalidValue(msg.NEGATIVE_COUNT)
    if abs(value) > limits.MAX_COUNT:
        raise InvalidValue(msg.COUNT_TOO_LARGE.format(text=clip(value), limit=limits.MAX_COUNT))
    return value


def check_amount(value: Decimal, decimals: int = limits.MONEY_DECIMALS) -> None:
    """Raise InvalidValue unless a finite amount keeps to the limits of model.limits:
    at most `decimals` digits after the point, MONEY_DIGITS digits in all, and not
    above MAX_MONEY (in whatever unit the amount is in)."""
    if value.copy_abs() > limits.MAX_MONEY:  # copy_abs: abs() overflows on 1e999999999
        shown = f"{value:.6g}" if value.adjusted() > 20 else format_value(value)
        raise InvalidValue(msg.MONEY_TOO_LARGE.format(text=shown, limit=limits.MAX_MONEY))
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite
    places = max(-exponent, 0)
    if places > decimals:
        raise InvalidValue(msg.TOO_MANY_DECIMALS.format(decimals=decimals))
    whole = max(len(digits) + exponent, 0)  # digits before the point
    if whole + places > limits.MONEY_DIGITS:
        raise InvalidValue(
            msg.MONEY_TOO_MANY_DIGITS.format(
                text=clip(format_value(value)), digits=limits.MONEY_DIGITS
            )
        )


def sum_terms(values: Mapping[str, Value], terms: Iterable[str]) -> Value | None:
    """A computed cell's value (R2–R4) from the values by cell id."""
    return sum_filled(values.get(term) for term in terms)


def sum_filled(values: Iterable[Value | None]) -> Value | None:
    """The sum of the filled values, blank only when every one is blank (a total
    over blanks is not 0). The one definition of a total, for reports and roll-ups."""
    total: Value = 0
    seen = False
    for v in values:
        if v is not None:
            total += v
            seen = True
    return total if seen else None


def format_value(value: Value | None, blank: str = "") -> str:
    """Text for display and export: ints as is, money exactly as entered."""
    if value is None:
        return blank
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


_MONEY_FACTORS = {"元": Decimal(1), "万元": Decimal(10000)}


def to_unit(value: Decimal, unit: str, target: str) -> Decimal:
    """Convert an amount between 元 and 万元."""
    return value * _MONEY_FACTORS[unit] / _MONEY_FACTORS[target]


def plain_amount(amount: Decimal) -> Decimal:
    """A converted amount without the zeros conversion adds: 1.5万元 is 15000 元,
    not 15000.0."""
    if amount == amount.to_integral_value():
        return amount.quantize(Decimal(1))
    return amount.normalize()
