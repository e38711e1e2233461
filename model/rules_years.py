"""R17: a year in the narrative that does not fit the report year.

A report copied from last year's and only half updated still says
「2025年，本局……」 in a 2026 report. The statistics period is 1月1日 to 12月31日
of the report year (`../shared/spec/formats.md` §0), so the sentences that state
it must name that year. What is checked, in every narrative section:

- 一's first sentence (the opening, after any heading line): every year in it;
- anywhere, statements of the statistics period: the whole year written as a
  range (「X年1月1日至12月31日」「X年1月至12月」「X年1-12月」「X年1月—12月」,
  「自X年1月1日起至12月31日」), 「截至X年底／年末／12月31日」, 「本年度（X年）」,
  a sentence opening 「X年，」 or 「X年度，」, 「X年共／累计／全年……」 and plans
  「X年工作打算／计划／思路／安排」.

Allowed: the report year; in 五 also the next year (下一步工作打算). A year before
the report year is stale text (沿用了往年的文字); one after it is a slip of the pen
(in 五, a plan beyond next year) and is worded so (`rules._check_years`). Not
statements of the period, so never flagged (decided with the officers' texts in
mind): the year of a regulation or document (「2019年修订的《条例》」, 「2020年印发」,
any year inside 《》), comparisons with other years (「较2024年」, 「与2024年相比」,
「比2024年1-12月」) and starting points (「2019年以来」, 「自2019年起」). Years
written in Chinese numerals (「二〇二五年」) and full-width digits count as well.

Pure and cached by (section, text, year): validation runs on every keystroke.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from model.rules_text import _bounded, is_heading_line

OPENING_SECTION = "一"  # its first sentence states what year the report is about (§2)
PLANS_SECTION = "五"  # 存在的主要问题及改进情况: its plans may name the next year (§2)
QUOTE_MAX = 60  # characters of a sentence quoted in the message

_CN_DIGITS = {"〇": "0", "○": "0", "零": "0", "Ｏ": "0"}
_CN_DIGITS.update({c: str(i) for i, c in enumerate("〇一二三四五六七八九") if i})
_CN_YEAR = re.compile(r"[〇○零Ｏ一二三四五六七八九]{4}(?=\s*年)")
_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")

_Y = r"((?:19|20|21)\d{2})\s*年"  # one group: the year
_YEAR = re.compile(r"(?<!\d)" + _Y)
_END = re.compile(r"[。！？!?；;\n]")
_JAN = r"(?:0?1|一|元)\s*月"
_DEC = r"(?:12|十二)\s*月"
_TO = r"(?:起\s*)?(?:至|到|—|–|－|-|～|~|〜)+"


class _Period(NamedTuple):
    pattern: re.Pattern[str]
    # True: the words themselves state the period (「1月至12月」「截至…底」「本年度（X年）」),
    # so what stands right after the year (「1月1日起至」) does not make it a start date.
    explicit: bool


_PERIOD = (
    # 「2025年1月1日至(2025年)12月31日」「2025年1月至12月」「2025年1-12月」「2025年1月—12月」
    _Period(
        re.compile(
            r"(?<!\d)"
            + _Y
            + r"\s*(?:0?1|一|元)\s*(?:月\s*(?:(?:0?1|一)\s*日)?)?\s*"
            + _TO
            + r"\s*(?:"
            + _Y
            + r")?\s*"
            + _DEC
        ),
        True,
    ),
    # 「截至2025年底」「截止2025年12月31日」
    _Period(re.compile(r"截[至止]到?\s*" + _Y + r"\s*(?:底|末|" + _DEC + r"|年底|年末)"), True),
    # 「本年度（2025年）」「报告年度(2025年度)」
    _Period(re.compile(r"(?:本|报告)\s*年度?\s*[（(]\s*" + _Y + r"\s*度?\s*[）)]"), True),
    # a sentence opening 「2025年，」「2025年度，」 (after a heading number, if any)
    _Period(
        re.compile(
            r"^\s*(?:（[一二三四五六七八九十]{1,3}）|[0-9]{1,2}[.、．]|[一二三四五六七八九十]{1,3}、)?"
            r"\s*(?:在)?" + _Y + r"度?\s*[，,]"
        ),
        False,
    ),
    # 「2025年共收到」「2025年度累计」「2025年全年」
    _Period(re.compile(r"(?<!\d)" + _Y + r"度?\s*(?:全年|共|累计)"), False),
    # 「2026年工作打算」「2026年度工作计划」: plans name this year or (in 五) the next
    _Period(
        re.compile(r"(?<!\d)" + _Y + r"度?\s*的?\s*(?:工作)?\s*(?:打算|计划|思路|安排)"), False
    ),
)
# After a year (and its month and day, if any): the year of a document or a start.
_NOT_PERIOD_AFTER = re.compile(
    r"\s*度?\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?\s*"
    r"(?:修订|修正|颁布|印发|发布|公布|施行|实施|起施行|通过|出台|制定|版|以来|起|至今|开始)"
)
# Just before a year: a comparison (never a statement of this report's period).
_COMPARISON_BEFORE = re.compile(r"(?:较|比|与|同|相较|对比)\s*$")
# Just before a year: a starting point (「自2019年起」), unless the period is explicit.
_START_BEFORE = re.compile(r"(?:自|从)\s*$")


class StrayYear(NamedTuple):
    sentence: str  # the sentence, quoted (shortened around the year when long)
    years: tuple[int, ...]  # the years in it that do not fit, in order


_cache: dict[tuple[str, str, int], tuple[StrayYear, ...]] = {}


def plain(text: str) -> str:
    """`text` with full-width digits and Chinese-numeral years as ASCII digits,
    character for character (positions stay those of `text`)."""
    text = text.translate(_WIDE)
    return _CN_YEAR.sub(lambda m: "".join(_CN_DIGITS[c] for c in m.group()), text)


def stray_years(section: str, text: str, year: int) -> tuple[StrayYear, ...]:
    """The sentences of `section`'s `text` that state a statistics period other than
    the report `year` (see the module's docstring), each once, in order."""
    key = (section, text, year)
    found = _cache.get(key)
    if found is None:
        found = _bounded(_cache)[key] = _find(section, text, year)
    return found


def allowed_years(section: str, year: int) -> frozenset[int]:
    """The years a period statement in `section` may name: the report year, and in
    五 (plans for the next steps) also the next one."""
    return frozenset((year, year + 1) if section == PLANS_SECTION else (year,))


def _find(section: str, text: str, year: int) -> tuple[StrayYear, ...]:
    norm = plain(text)
    years = [m.start() for m in _YEAR.finditer(norm)]
    if not years:
        return ()
    # Only the sentences holding a year are read (a long text has few of them).
    ends = [m.start() for m in _END.finditer(norm)]
    spans = dict.fromkeys(_sentence_at(ends, pos, len(norm)) for pos in years)
    opening = _opening(norm) if section == OPENING_SECTION else None
    allowed = allowed_years(section, year)
    out: list[StrayYear] = []
    for start, stop in spans:
        sentence = norm[start:stop]
        mentions = list(_period_mentions(sentence))
        if start == opening:  # every year of the opening, as well as its periods
            places = {pos for _, pos in mentions}
            mentions += [(y, pos) for y, pos in _year_mentions(sentence) if pos not in places]
            mentions.sort(key=lambda mention: mention[1])
        wrong = tuple(dict.fromkeys(y for y, _ in mentions if y not in allowed))
        if wrong:
            first = next(pos for y, pos in mentions if y in wrong)
            out.append(StrayYear(_quote(text[start:stop], first), wrong))
    return tuple(out)


def _sentence_at(ends: list[int], pos: int, size: int) -> tuple[int, int]:
    """The sentence around `pos`: from after the previous end mark to its own end
    mark (included), given the positions of every end mark."""
    i = bisect.bisect_left(ends, pos)
    start = ends[i - 1] + 1 if i else 0
    stop = ends[i] + 1 if i < len(ends) else size
    return start, stop


def _opening(norm: str) -> int | None:
    """Where 一's first sentence starts: the first line that is not a heading."""
    start = 0
    for line in norm.split("\n"):
        if line.strip() and not is_heading_line(line):
            return start
        start += len(line) + 1
    return None


def _counts(sentence: str, start: int, end: int, explicit: bool = False) -> bool:
    """Whether the year written at sentence[start:end] may state a period: not
    inside 《》 and not a comparison; unless the period is `explicit`, not the
    year of a document nor a start either."""
    before = sentence[:start]
    if before.count("《") > before.count("》"):
        return False
    if _COMPARISON_BEFORE.search(before[-4:]):
        return False
    if explicit:
        return True
    if _NOT_PERIOD_AFTER.match(sentence, end):
        return False
    return not _START_BEFORE.search(before[-4:])


def _year_mentions(sentence: str):
    """Every year of the opening sentence that may state a period: (year, position)."""
    for m in _YEAR.finditer(sentence):
        if _counts(sentence, m.start(), m.end()):
            yield int(m.group(1)), m.start()


def _period_mentions(sentence: str):
    """The years of `sentence` that state the statistics period: (year, position)."""
    seen: set[int] = set()
    for pattern, explicit in _PERIOD:
        for m in pattern.finditer(sentence):
            first = m.start(1)
            if not _counts(sentence, first, sentence.index("年", m.end(1)) + 1, explicit):
                continue  # a comparison (「较2024年1-12月」) compares the whole period
            for group in range(1, (pattern.groups or 0) + 1):
                start = m.start(group)
                if start < 0 or start in seen:
                    continue
                seen.add(start)
                yield int(m.group(group)), start


def _quote(sentence: str, at: int) -> str:
    """The sentence, without its end mark; when long, the part around `at`."""
    text = sentence.strip().rstrip("。！？!?；;")
    lead = len(sentence) - len(sentence.lstrip())
    at = max(0, at - lead)
    if len(text) <= QUOTE_MAX:
        return text
    start = max(0, min(at - QUOTE_MAX // 3, len(text) - QUOTE_MAX))
    part = text[start : start + QUOTE_MAX]
    return ("…" if start else "") + part + ("…" if start + QUOTE_MAX < len(text) else "")
