"""Text layout decisions of the Word export, as pure functions.

How wide a string prints, where a long title breaks, which part of a paragraph
is a （一）-style heading sentence, where the signature block sits.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from xml.sax.saxutils import escape

from exporters.docx import breaks

# A line of the 22 pt title holds 20 characters in the 156 mm text block.
TITLE_LINE_CHARS = 20
# A （一）-style line without a full stop is a heading on its own only when short.
HEADING_LINE_MAX = 40
# 成文日期 右空四字 (formats.md §7); counted in body characters.
DATE_RIGHT_CHARS = 4

_SUBHEADING = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")
MAX_TITLE_LINES = 3  # lines of the agency name in the title
MAX_SIGNATURE_LINES = 5  # lines of the agency name over the date
_HALF = frozenset(("N", "Na", "H"))  # Unicode East Asian Width classes printed half width


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


def name_lines(name: str, max_em: float, max_lines: int = MAX_TITLE_LINES) -> list[str]:
    """`name` on as few balanced lines of at most `max_em` as its word boundaries
    allow (exporters.docx.breaks: after 省/市/县/区, 局, 委员会, 办公室, a closing
    bracket …, before an opening one); then also after 和/与/及; a name with no
    such boundary that works breaks where a line may legally break (never before
    、，。）, never inside 市场 or 城乡建设), into even lines; beyond `max_lines`
    lines it fills each line."""
    if not name:
        return []
    units, joiners, anywhere = breaks.name_breaks(name)
    for candidates in (units, units | joiners, anywhere):
        lines = breaks.balanced_lines(name, candidates, text_width, max_em, max_lines)
        if lines is not None:
            return lines
    return _filled_lines(name, max_em)


def title_lines(agency: str, year: int, suffix: str) -> list[str]:
    """The agency name alone on the first line(s), broken at word boundaries into
    balanced lines, and 「<年份>年<suffix>」 on the last line (as published reports
    set it). Without an agency name the title is the last line alone."""
    return [*name_lines(agency, TITLE_LINE_CHARS), f"{year}年{suffix}"]


def _filled_lines(text: str, max_em: float) -> list[str]:
    """Lines filled to `max_em`, each ending where a line may legally end."""
    lines = [""]
    start = 0
    for ch in text:
        if lines[-1] and text_width(lines[-1] + ch) > max_em:
            cut = len(lines[-1])
            while cut > 1 and not breaks.legal_break(text, start + cut):
                cut -= 1
            carry = lines[-1][cut:]
            lines[-1] = lines[-1][:cut]
            start += cut
            lines.append(carry)
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
