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
    "中心",
    "省",
    "市",
    "州",
    "盟",
    "县",
    "旗",
    "区",
    "镇",
    "乡",
    "局",
    "厅",
    "委",
    "部",
    "署",
    "院",
    "）",
    ")",
    "」",
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
        if agency[i - 1] in "（(" or agency[i] in "）)":  # brackets stay with their words
            continue
        if any(agency[:i].endswith(u) for u in _NAME_UNITS):
            breaks.append(i)
    return breaks


def name_lines(name: str, max_em: float) -> list[str]:
    """`name` on as few balanced lines of at most `max_em` as its word boundaries
    allow (after 省/市/县/区, 局, 委员会, 办公室, a closing bracket …); a name with no
    boundary that works breaks where it must, into even lines."""
    if not name or text_width(name) <= max_em:
        return [name] if name else []
    best = _best_breaks(name, set(_agency_breaks(name)), max_em)
    if best is None:
        best = _best_breaks(name, set(range(1, len(name))), max_em)
    if best is None:
        return _filled_lines(name, max_em)
    bounds = [0, *best, len(name)]
    return [name[a:b] for a, b in pairwise(bounds)]


def title_lines(agency: str, year: int, suffix: str) -> list[str]:
    """The agency name alone on the first line(s), broken at word boundaries into
    balanced lines, and 「<年份>年<suffix>」 on the last line (as published reports
    set it). Without an agency name the title is the last line alone."""
    return [*name_lines(agency, TITLE_LINE_CHARS), f"{year}年{suffix}"]


MAX_TITLE_LINES = 3


def _best_breaks(text: str, candidates: set[int], max_em: float) -> tuple[int, ...] | None:
    """Break positions giving the fewest lines (at most MAX_TITLE_LINES) of at most
    `max_em`, and among those the most even; on a tie earlier lines shorter (梯形).
    None when no choice of candidates fits."""
    points = sorted(c for c in candidates if 0 < c < len(text))
    for lines in range(2, MAX_TITLE_LINES + 1):
        if len(points) > 60 and lines > 2:
            break  # any-place breaks of a very long name: filled lines instead
        options = []
        for breaks in combinations(points, lines - 1):
            bounds = [0, *breaks, len(text)]
            widths = [text_width(text[a:b]) for a, b in pairwise(bounds)]
            if max(widths) <= max_em:
                options.append(((max(widths) - min(widths), widths), breaks))
        if options:
            return min(options)[1]
    return None


def _filled_lines(text: str, max_em: float) -> list[str]:
    lines = [""]
    for ch in text:
        if lines[-1] and text_width(lines[-1] + ch) > max_em:
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


def signature_max_em(date: str) -> float:
    """The widest agency line that can still be centred over the date 右空四字."""
    return 2 * DATE_RIGHT_CHARS + text_width(date)


def signature_left_indent(date: str) -> int:
    """Left indent in twips of the signature lines. The agency name and the date are
    each centred between this indent and the right margin, so the renderer itself
    centres the name over the date, whatever the fonts; the indent puts the date's
    right end four characters from the margin (右空四字)."""
    from exporters.docx import metrics, styles

    date_pt = metrics.text_pt(date, styles.BODY_PT, styles.BODY_CHAR_SPACING / 20)
    right_gap = DATE_RIGHT_CHARS * styles.CHAR_TWIPS
    return max(styles.TEXT_WIDTH - 2 * right_gap - round(date_pt * 20), 0)
