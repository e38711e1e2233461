"""Text checks of the rule engine, cached by text: the figures a narrative
quotes (R10) and its similarity to last year's (R15). Texts change on every
keystroke in an editor, so each cache is bounded.
"""

from __future__ import annotations

import operator
import re
from collections import Counter

_CACHE_LIMIT = 512
_BIGRAM_CACHE_LIMIT = 16  # a long text's bigrams take ~100 KB
_figure_cache: dict[tuple[object, str], tuple[tuple[int, int], ...]] = {}
_bigram_cache: dict[str, tuple[Counter[str], int]] = {}
_similarity_cache: dict[tuple[str, str], float] = {}


def _bounded(cache: dict, limit: int = _CACHE_LIMIT) -> dict:
    """`cache`, emptied first when full: texts change on every keystroke."""
    if len(cache) >= limit:
        cache.clear()
    return cache


# Full-width digits as some officers type them (１２件); the rest of the text is
# left alone, as NFKC-normalising a long text on every keystroke is too slow.
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def quoted_figures(patterns: tuple[re.Pattern[str], ...], text: str) -> tuple[tuple[int, int], ...]:
    """(figure index, number) pairs quoted in `text`, each pair once, in order."""
    key = (patterns, text)
    found = _figure_cache.get(key)
    if found is None:
        plain = text.translate(_DIGITS)
        pairs: list[tuple[int, int]] = []
        for i, pattern in enumerate(patterns):
            for m in pattern.finditer(plain):
                pair = (i, int(m.group(1)))
                if pair not in pairs:
                    pairs.append(pair)
        found = _bounded(_figure_cache)[key] = tuple(pairs)
    return found


def _bigrams(text: str) -> tuple[Counter[str], int]:
    """Character bigrams of `text` with whitespace removed, and how many there are."""
    got = _bigram_cache.get(text)
    if got is None:
        plain = "".join(text.split())
        grams = Counter(map(operator.add, plain, plain[1:]))
        got = _bounded(_bigram_cache, _BIGRAM_CACHE_LIMIT)[text] = (grams, max(len(plain) - 1, 0))
    return got


def similarity(text: str, previous: str) -> float:
    """How alike two narrative texts are, 0..1 (Dice coefficient of character
    bigrams, whitespace ignored). Cached: validation runs on every keystroke."""
    key = (text, previous)
    ratio = _similarity_cache.get(key)
    if ratio is None:
        a, na = _bigrams(text)
        b, nb = _bigrams(previous)
        if na + nb == 0:
            ratio = 1.0 if "".join(text.split()) == "".join(previous.split()) else 0.0
        else:
            small, large = (a, b) if len(a) <= len(b) else (b, a)
            common = sum(min(n, large[g]) for g, n in small.items() if g in large)
            ratio = 2 * common / (na + nb)
        _bounded(_similarity_cache)[key] = ratio
    return ratio


# ---- headings without text (R13) -----------------------------------------------------
# A line that only numbers a heading: 「（一）主动公开」, 「一、总体情况」, 「1.加强领导」,
# 「（1）平台建设：」. A line that goes on into a sentence (「（一）主动公开。本年度……」),
# or a numbered line that quotes a figure (「1.收到申请5件」), is text.
_HEADING_LINE = re.compile(
    r"^\s*(?:（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}、"
    r"|[0-9０-９]{1,2}[.、．]|（[0-9０-９]{1,2}）)"
    r"[^。！？；;!?0-9０-９]{0,24}[：:]?\s*$"
)
_headings_cache: dict[str, tuple[str, ...] | None] = {}


def is_heading_line(line: str) -> bool:
    """Whether `line` only numbers a heading (「（一）主动公开」, 「1.加强领导：」)."""
    return _HEADING_LINE.match(line) is not None


def headings_only(text: str) -> tuple[str, ...] | None:
    """The heading lines of `text` when it holds nothing else (so the section is
    empty in substance: R13); None when it has text beyond headings, or no line at
    all. Cached by text."""
    found = _headings_cache.get(text, False)
    if found is False:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        headings = tuple(line for line in lines if is_heading_line(line))
        found = headings if lines and len(headings) == len(lines) else None
        _bounded(_headings_cache)[text] = found
    return found  # type: ignore[return-value]
