"""The 信息处理费 statement of section 六 (2021 format, 国办函〔2020〕109号).

Officers record how many cases were charged and the amount in 元; the customary
sentence follows from them and is placed in 六's text, where it can be edited.
"""

from __future__ import annotations

import re
from decimal import Decimal

from model import limits, values
from model import messages as msg
from model.values import InvalidValue, check_amount, clip, normalise_text

# Keys of Report.extras that hold the fields.
FEE_COUNT = "fee_count"  # int
FEE_AMOUNT = "fee_amount_yuan"  # Decimal, 元

# A sentence generated before, so that placing a new one replaces it.
_FEE_SENTENCE = re.compile(r"本年度(?:未收取信息处理费|共收取信息处理费\d+件，金额[\d.]+元)。")


def fee_sentence(count: int | None, amount: Decimal | None) -> str | None:
    """The customary sentence, or None while the fields are incomplete."""
    if count == 0 and not amount:
        return msg.FEE_NONE
    if count is None or amount is None:
        return None
    if count == 0 and amount == 0:
        return msg.FEE_NONE
    return msg.FEE_SOME.format(count=count, amount=format(amount, "f"))


def place_fee_sentence(text: str, sentence: str) -> str:
    """Replace a generated sentence already in the text, or add it as a paragraph."""
    if _FEE_SENTENCE.search(text):
        return _FEE_SENTENCE.sub(sentence, text, count=1)
    if not text.strip():
        return sentence
    return text.rstrip("\n") + "\n" + sentence


def parse_amount(text: str) -> Decimal | None:
    """What the officer typed as 元; None for blank. Raises ValueError (Chinese)."""
    cleaned = normalise_text(text).removesuffix("元")
    if not cleaned:
        return None
    try:  # the form's reading of an amount: 「1e2」 and 「Infinity」 are none
        amount = values.parse_amount(cleaned, text)
    except values.InvalidValue:
        raise ValueError(msg.FEE_BAD_AMOUNT) from None
    return check_fee_amount(amount)


def parse_count(text: str) -> int | None:
    """The number of charged cases as typed; None for blank. Raises ValueError (Chinese)."""
    cleaned = normalise_text(text)
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise ValueError(msg.FEE_BAD_COUNT)
    if len(cleaned.lstrip("0")) > len(str(limits.MAX_COUNT)):  # before int() of 1000 digits
        raise ValueError(msg.COUNT_TOO_LARGE.format(text=clip(cleaned), limit=limits.MAX_COUNT))
    return check_fee_count(int(cleaned))


def check_fee_count(value: object) -> int:
    """A number of charged cases (件): a whole number from 0 to model.limits.MAX_COUNT.
    Raises ValueError (Chinese)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(msg.FEE_BAD_COUNT)
    if value > limits.MAX_COUNT:
        raise ValueError(msg.COUNT_TOO_LARGE.format(text=value, limit=limits.MAX_COUNT))
    return value


def check_fee_amount(value: object) -> Decimal:
    """An amount charged, in 元: finite, not negative, at most 2 decimals and within
    model.limits (MAX_MONEY, MONEY_DIGITS). Raises ValueError (Chinese)."""
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise ValueError(msg.FEE_BAD_AMOUNT)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ValueError(msg.FEE_BAD_AMOUNT)
    try:
        check_amount(value, 2)
    except InvalidValue as exc:
        raise ValueError(str(exc)) from None
    return value
