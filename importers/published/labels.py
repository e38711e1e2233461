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
from difflib import SequenceMatcher

_NOT_WORD = re.compile(r"[\W_]+")
FUZZY_RATIO = 0.8  # one wrong character in a label of five or more


def norm(text: str) -> str:
    """The label with everything but letters and digits removed."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text)).lower()


def similar(a: str, b: str) -> bool:
    """Normalised labels that differ by a typo: at most one character longer or
    shorter, and mostly the same characters in the same order."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    return SequenceMatcher(None, a, b).ratio() >= FUZZY_RATIO


def best_match(text: str, candidates: list[str]) -> tuple[str | None, bool]:
    """The candidate equal to `text` (normalised), else the single one similar to it.
    Returns (candidate, fuzzy)."""
    key = norm(text)
    if not key:
        return None, False
    exact = [c for c in candidates if norm(c) == key]
    if exact:
        return exact[0], False
    close = [c for c in candidates if similar(norm(c), key)]
    if len(close) == 1:
        return close[0], True
    return None, False
