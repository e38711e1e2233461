"""Comparing printed labels with the official ones, tolerating what reports do to them.

Labels are compared after normalisation (full-width to half-width, whitespace,
line breaks and punctuation removed), so 「（一）予以公开」, 「(一)予以 公开」 and a
label broken over two lines compare equal. A known kind of typo — one character
wrong, as in 「只计这一情况」 or 「三类内容事务信息」 — is accepted by a fuzzy match
that the caller must report as an interpretation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

_NOT_WORD = re.compile(r"[\W_]+")
FUZZY_RATIO = 0.8  # one wrong character in a label of five or more


_CACHED_CHARS = 80  # labels are short; long texts are normalised without caching


def norm(text: str) -> str:
    """The label with everything but letters and digits removed."""
    if len(text) <= _CACHED_CHARS:
        return _norm_short(text)
    return _norm(text)


def _norm(text: str) -> str:
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text)).lower()


# the same cell text is compared with the labels of every official table
_norm_short = lru_cache(maxsize=16384)(_norm)


def similar(a: str, b: str) -> bool:
    """Normalised labels that differ by a typo: at most one character longer or
    shorter, and mostly the same characters in the same order."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    # the ratio is 2·matches / total; matches cannot exceed the characters of
    # `a` that occur in `b` (a cheap bound that rejects most texts at once)
    chars = set(b)
    if 2 * sum(ch in chars for ch in a) < FUZZY_RATIO * (len(a) + len(b)):
        return False
    return SequenceMatcher(None, a, b).ratio() >= FUZZY_RATIO


def best_match(text: str, candidates: Sequence[str]) -> tuple[str | None, bool]:
    """The candidate equal to `text` (normalised), else the single one similar to it.
    Returns (candidate, fuzzy). Work per call is independent of the candidates'
    count beyond the few of a similar length (their normal forms are kept)."""
    key = norm(text)
    if not key:
        return None, False
    labels = _labels(tuple(candidates))
    exact = labels.exact.get(key)
    if exact is not None:
        return exact, False
    close = {
        c_key: c
        for n in range(len(key) - 1, len(key) + 2)
        for c_key, c in labels.by_length.get(n, ())
        if similar(c_key, key)
    }
    if len(close) == 1:
        return next(iter(close.values())), True
    return None, False


class _Labels:
    """Candidate labels with their normal forms, indexed for best_match."""

    def __init__(self, candidates: tuple[str, ...]) -> None:
        self.exact: dict[str, str] = {}
        self.by_length: dict[int, list[tuple[str, str]]] = {}
        for c in candidates:
            key = norm(c)
            self.exact.setdefault(key, c)
            if self.exact[key] is c:  # one entry per normal form
                self.by_length.setdefault(len(key), []).append((key, c))


@lru_cache(maxsize=256)
def _labels(candidates: tuple[str, ...]) -> _Labels:
    return _Labels(candidates)
