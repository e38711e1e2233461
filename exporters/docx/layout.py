"""Text layout decisions of the Word export, as pure functions.

How wide a string prints, where a long title breaks, which part of a paragraph
is a （一）-style heading sentence, where the signature block sits.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from itertools import combinations, pairwise
from xml.sax.saxutils import escape

# A line of the 22 pt title holds 20 characters in the 156 mm text block.
TITLE_LINE_CHARS = 20
# A （一）-style line without a full stop is a heading on its own only when short.
HEADING_LINE_MAX = 40
# 成文日期 右空四字 (formats.md §7); counted in body characters.
DATE_RIGHT_CHARS = 4

_SUBHEADING = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")
# Units of an agency name after which a title may break, and words that start with
# the same character (「市场监督管理局」 must not break after 「市」).
_NAME_UNITS = (
    "人民政府",
    "办公厅",
    "办公室",
    "委员会",
    "自治区",
    "自治州",
    "自治县",
    "街道",
    "省",
    "市",
    "州",
    "盟",
    "县",
    "旗",
    "区",
    "镇",
    "乡",
)
_HALF = frozenset(("N", "Na", "H"))  # Unicode East Asian Width classes printed half width
_NOT_AFTER = ("市场", "区域", "县域", "区块", "乡村", "镇街", "州府")


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """`text` without the control characters XML cannot hold (pasted from other
    programs, e.g. Word's vertical tab for a manual line break)."""
    return _NOT_XML.sub("", text)


def xml_text(text: str) -> str:
    """`text` ready for a ``w:t`` element: cleaned and escaped."""
    return escape(clean(text))


def agency_name(agency: str) -> str:
    """The agency name as printed: cleaned, without surrounding spaces."""
    return clean(agency).strip(" \t\u3000\xa0")


def text_width(text: str) -> float:
    """Printed width in em: full-width characters 1, half-width (digits, Latin) 0.5."""
    return sum(0.5 if unicodedata.east_asian_width(ch) in _HALF else 1.0 for ch in text)


def _agency_breaks(agency: str) -> list[int]:
    breaks = []
    for i in range(1, len(agency)):
        if any(agency.startswith(w, i) for w in _NOT_AFTER):
            continue
        if any(agency[:i].endswith(u) for u in _NAME_UNITS):
            breaks.append(i)
    return breaks


def title_lines(agency: str, year: int, suffix: str) -> list[str]:
    """「<机关名称><年份>年<suffix>」 on one line, or on as few balanced lines as fit,
    broken at word boundaries: after the agency name, after the year, before
    「工作年度报告」 or after a unit of the agency name (省、市、区、人民政府 …).
    Two lines for nearly every agency; a very long name (自治区…自治州…自治县人民政府)
    takes three. A name with no unit to break after breaks where it must."""
    year_part = f"{year}年"
    title = f"{agency}{year_part}{suffix}"
    if text_width(title) <= TITLE_LINE_CHARS:
        return [title]
    n = len(agency)
    candidates = {n, n + len(year_part)}
    candidates.update(_agency_breaks(agency))
    work = suffix.find("工作")
    if work > 0:
        candidates.add(n + len(year_part) + work)
    best = _best_breaks(title, candidates)
    if best is None and n <= MAX_TITLE_LINES * TITLE_LINE_CHARS:
        # no word boundary works: allow any place inside the agency name
        best = _best_breaks(title, candidates | set(range(1, n)))
    if best is None:  # a name longer than three lines: fill the lines one by one
        return _filled_lines(title)
    bounds = [0, *best, len(title)]
    return [title[a:b] for a, b in pairwise(bounds)]


MAX_TITLE_LINES = 3


def _best_breaks(title: str, candidates: set[int]) -> tuple[int, ...] | None:
    """Break positions giving the fewest lines (at most MAX_TITLE_LINES) of at most
    TITLE_LINE_CHARS, and among those the most even; on a tie earlier lines shorter
    (梯形). None when no choice of candidates fits."""
    points = sorted(c for c in candidates if 0 < c < len(title))
    for lines in range(2, MAX_TITLE_LINES + 1):
        options = []
        for breaks in combinations(points, lines - 1):
            bounds = [0, *breaks, len(title)]
            widths = [text_width(title[a:b]) for a, b in pairwise(bounds)]
            if max(widths) <= TITLE_LINE_CHARS:
                options.append(((max(widths) - min(widths), widths), breaks))
        if options:
            return min(options)[1]
    return None


def _filled_lines(title: str) -> list[str]:
    lines = [""]
    for ch in title:
        if lines[-1] and text_width(lines[-1] + ch) > TITLE_LINE_CHARS:
            lines.append("")
        lines[-1] += ch
    return lines


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a narrative: one per non-empty line, without the spaces
    (including full-width ones) officers type to indent; the style indents.
    Control characters are dropped after splitting: Word's \\v and \\f break lines."""
    stripped = (clean(line).strip(" \t\u3000\xa0") for line in text.splitlines())
    return [line for line in stripped if line]


def without_heading(lines: list[str], heading: str) -> list[str]:
    """`lines` without a first line that only repeats the section heading, with or
    without its number (「一、总体情况」 or 「总体情况」)."""
    if not lines or not heading:
        return lines
    first = re.sub(r"\s+", "", lines[0])
    if first in (heading, heading.split("、", 1)[-1]):
        return lines[1:]
    return lines


def split_heading(line: str) -> tuple[str, str]:
    """(heading sentence, rest) of a paragraph opening with 「（一）」; ("", line)
    otherwise. The heading sentence runs to the first 「。」; a short line with no
    full stop is a heading on its own."""
    if not _SUBHEADING.match(line):
        return "", line
    stop = line.find("。")
    if stop >= 0:
        return line[: stop + 1], line[stop + 1 :]
    if len(line) <= HEADING_LINE_MAX:
        return line, ""
    return "", line


def date_text(date: dt.date) -> str:
    """「2021年1月8日」: full year, no leading zeros."""
    return f"{date.year}年{date.month}月{date.day}日"


def signature_right_indents(agency: str, date: str) -> tuple[float, float]:
    """Right indents in body characters of the agency line and the date line: the
    date 右空四字, the agency name centred over the date (never past the margin)."""
    date_w, agency_w = text_width(date), text_width(agency)
    agency_indent = DATE_RIGHT_CHARS + (date_w - agency_w) / 2
    return max(agency_indent, 0.0), float(DATE_RIGHT_CHARS)
