"""The title, the signature block, the agency and the section headings of a published report."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from importers.published.labels import norm, similar
from model.spec import FormatSpec

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "o": 0, "一": 1, "二": 2, "三": 3, "四": 4}
_CN_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
# the financial forms (大写) some offices print dates in: 贰零贰肆年壹月拾伍日
_CN_DIGITS.update(dict(zip("壹贰叁肆伍陆柒捌玖", range(1, 10), strict=True)))
_Y = r"(?P<y>[0-9〇○零Oo一二三四五六七八九壹贰叁肆伍陆柒捌玖]{4}|[0-9]{2})"
_M = r"(?P<m>[0-9一二三四五六七八九十元正壹贰叁肆伍陆柒捌玖拾]{1,3})"
_D = r"(?P<d>[0-9一二三四五六七八九十廿壹贰叁肆伍陆柒捌玖拾]{1,3})"
# What a date line may carry after the date: the weekday, 「印发」「发布」.
_DATE_TRAILER = re.compile(r"(?:(?:星期|周|礼拜)[一二三四五六日天]|印发|发布|制发)$")
# Any other short line that starts with a date (「1月15日」, 「15/1/2024」, two dates):
# a date line whose date cannot be read, never text of the last section.
_HOLDS_DATE = re.compile(r"(?:\d{1,4}年)?\d{1,2}月\d{1,2}[日号]|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}")
# The shapes officers write a date in, after spaces are taken out: 「2024年1月15日」
# (or 「号」, 「元月」, Chinese numerals), 「2024-01-15」, 「2024/1/15」, 「2024.1.15」.
_DATE_SHAPES = (
    re.compile(f"^{_Y}年{_M}月{_D}[日号]$"),
    re.compile(r"^(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})$"),
)
_YEAR_DIGITS = "[0-9〇○零Oo一二三四五六七八九]{4}"
_NUMBER = "[0-9一二三四五六七八九十]{1,3}"
# the letter O for 〇 (「2O24年」) reads, but is not how a date is written: said
_STANDARD_DATE = re.compile(f"^{_YEAR_DIGITS.replace('Oo', '')}年{_NUMBER}月{_NUMBER}日$")
# A date line without its day (「2024年1月」) or left blank to be written by hand
# (「　　年　月　日」, 「2024年　月　日」): a signature date, but no date.
_MONTH_ONLY = re.compile(f"^{_Y}年{_M}月$")
_BLANK_DATE = re.compile(f"^(?:{_YEAR_DIGITS})?年(?:{_NUMBER})?月日$")
# Anything else that starts as a date and holds only a date's characters
# (「2024年1月15」, 「2024-1」): a date line whose date cannot be read.
_DATE_LIKE = re.compile(r"^(?:19|20)\d{2}(?:年|[-/.])(?=.*\d)[\d月日号\-/.]{1,12}$")
# 「舟山市某某局    2021年1月8日」: name and date on one line (a space between them)
_NAME_AND_DATE = re.compile(
    r"^(?P<name>[^。；;，,：:\d]{2,40}?)\s+(?P<date>[\d〇○零Oo一二三四五六七八九（(][^。；;，,]{5,24})$"
)
_BRACKETS = str.maketrans("", "", "()（）")
_YEAR = re.compile(r"(\d{4})\s*年度?")
_NUMERALS = "一二三四五六七八九十"
# 「一、」「5、」「（一）」「一.」 before a heading; auto-numbered headings have none.
_HEADING_NUMBER = re.compile(
    r"^\s*[（(]?\s*([一二三四五六七八九十]|[0-9]{1,2})\s*[)）]?\s*[、.,，:：\s]*"
)


def _cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    text = text.replace("拾", "十")
    if text in ("元", "正"):  # 元月, 正月: the first month
        return 1
    if text.startswith("廿"):
        return 20 + (_CN_DIGITS[text[1:]] if text[1:] else 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[text]


@dataclass(frozen=True)
class DateLine:
    """What one signature line says as a date.

    `looks`: the line is a date line (a signature's), whether or not it gives a
    date; `date`: the date, when it gives a whole valid one; `problem`: why it
    gives none — "blank" (「　　年　月　日」), "no day" (「2024年1月」), "invalid"
    (「2024年13月5日」) — or "" ; `standard`: written 「2024年1月15日」 (or in
    Chinese numerals), the way the format asks for it."""

    looks: bool
    date: dt.date | None = None
    problem: str = ""
    standard: bool = True


def read_date(text: str) -> DateLine:
    """The date a signature line gives, in any shape officers write it:
    「2021年1月8日」「二〇二一年一月八日」「2024年元月15日」「2024年1月15号」
    「2024-01-15」「2024/1/15」「2024.1.15」, full-width or spaced out, in
    brackets or not; a line left blank to be written by hand or without its day
    is a date line without a date."""
    line = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).translate(_BRACKETS)
    if not line:
        return DateLine(False)
    trailer = _DATE_TRAILER.search(line)
    if trailer and trailer.start() > 0:
        found = read_date(line[: trailer.start()])
        if found.looks:  # 「2024年1月15日（星期一）」: the date, written otherwise
            return DateLine(True, found.date, found.problem, standard=False)
    if _BLANK_DATE.match(line):
        return DateLine(True, problem="blank")
    if _MONTH_ONLY.match(line):
        return DateLine(True, problem="no day", standard=False)
    for shape in _DATE_SHAPES:
        m = shape.match(line)
        if not m:
            continue
        standard = bool(_STANDARD_DATE.match(line))
        try:
            year = int("".join(str(_CN_DIGITS.get(ch, ch)) for ch in m["y"]))
            if len(m["y"]) == 2:  # 「24年1月15日」: this century's
                year += 2000
            date = dt.date(year, _cn_number(m["m"]), _cn_number(m["d"]))
        except (KeyError, ValueError):
            return DateLine(True, problem="invalid", standard=standard)
        return DateLine(True, date, standard=standard)
    if _DATE_LIKE.match(line):
        return DateLine(True, problem="invalid", standard=False)
    if len(line) <= 30 and _HOLDS_DATE.match(line) and not re.search(r"[。；;，,：:]", line):
        return DateLine(True, problem="invalid", standard=False)
    return DateLine(False)


def parse_date(text: str) -> tuple[dt.date | None, bool]:
    """(date, looks like a date) for one line; see `read_date`."""
    found = read_date(text)
    return found.date, found.looks


def split_name_and_date(text: str) -> tuple[str, str] | None:
    """(agency, date text) when one signature line holds both, a space between."""
    line = unicodedata.normalize("NFKC", text).strip()
    m = _NAME_AND_DATE.match(line)
    if not m or not read_date(m["date"]).looks:
        return None
    return m["name"].strip(), m["date"].strip()


_SPACED = re.compile(r"^\S(?:\s+\S){2,}$")


def unspaced_name(text: str) -> str:
    """An agency's name written with a space between single characters to justify
    it (「某 某 县 人 民 政 府」, full-width spaces too) without the spaces; any
    other text as it is."""
    line = text.strip()
    if _SPACED.match(line):
        return re.sub(r"\s+", "", line)
    return line


@dataclass
class Title:
    text: str
    year: int | None
    agency: str


def parse_title(text: str, spec_suffix: str) -> Title:
    """Year and agency from 「2020年区经信局政府信息公开工作年度报告」 or
    「某某局2020年度政府信息公开工作年度报告」."""
    flat = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    m = _YEAR.search(flat)
    year = int(m.group(1)) if m else None
    rest = flat[: m.start()] + flat[m.end() :] if m else flat
    suffix_at = rest.find(spec_suffix)
    if suffix_at < 0:
        suffix_at = rest.find("政府信息公开")
    agency = rest[:suffix_at] if suffix_at >= 0 else ""
    agency = re.sub(r"^关于", "", agency).strip("《》“”\"' ")
    return Title(text.strip(), year, agency)


def heading_title(heading: str) -> str:
    """「一、总体情况」 → 「总体情况」."""
    return _HEADING_NUMBER.sub("", heading, count=1)


@dataclass(frozen=True)
class HeadingMatch:
    section: str
    number: str  # the number as printed ("" when the numbering is automatic)
    fuzzy: bool


def match_heading(text: str, spec: FormatSpec) -> HeadingMatch | None:
    """Which section heading a paragraph is, if any."""
    line = unicodedata.normalize("NFKC", text).strip()
    if not line or len(line) > 40:
        return None
    m = _HEADING_NUMBER.match(line)
    number = m.group(1) if m and m.group(0).strip() else ""
    body = norm(line[m.end() :] if number else line)
    for position, section in enumerate(spec.sections, start=1):
        title = norm(heading_title(section.heading))
        if not (body == title or similar(body, title)):
            continue
        if number and number not in (_NUMERALS[position - 1], str(position)):
            continue
        return HeadingMatch(section.id, number, body != title)
    return None


# ---- the agency ------------------------------------------------------------------------
# How the name of a body that signs a report ends (人民政府, 某某局, 某某委员会,
# 某某办公室, 街道办事处, 管委会, 某某中心 …): a last line ending so is a signature.
_AGENCY_END = re.compile(
    r"(政府|办公室|办公厅|委员会|管委会|办事处|街道|局|厅|委|办|署|院|部|处|科|中心|所|站|队|馆|社"
    r"|联合会|协会|行|公司|集团|镇|乡)$"
)
# Which signing bodies publish the report of a level of government (本级政府):
# the government itself, a sub-district office, the management committee of a
# development zone or park, which runs the zone as its government.
_GOVERNMENT_KINDS = (
    (re.compile(r"人民政府$"), "一级人民政府"),
    (re.compile(r"街道办事处$"), "街道办事处"),
    (
        re.compile(r"(区|园|港|岛|城|基地)(管委会|管理委员会)$"),
        "开发区（园区）的管理委员会，代行本级政府职能",
    ),
)


def looks_like_agency(line: str) -> bool:
    """Whether a short line reads as the name of a body that signs a report."""
    return bool(_AGENCY_END.search(norm(line)))


def agency_kind(agency: str) -> tuple[str, str]:
    """("government", what it is) when the agency's name is that of a level of
    government (…人民政府, …街道办事处, the 管委会 of a zone), else ("department", "")."""
    key = norm(agency)
    for pattern, what in _GOVERNMENT_KINDS:
        if pattern.search(key):
            return "government", what
    return "department", ""
