"""How wide text prints and where a renderer breaks its lines, in points.

The layout decisions of the export (column widths, where a table is split across
pages, where the signature block lands) are made from these estimates. They follow
the fonts the document names: Chinese characters one em wide, digits and Latin
letters in Times New Roman (or a metric-compatible face such as Liberation Serif),
and the line breaking rules Word, WPS and LibreOffice share for Chinese text with
hanging punctuation and automatic spacing turned off (both are off in the export).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from itertools import pairwise

# Advance widths of Times New Roman in em (the same in Liberation Serif); what is
# not listed counts as the widest Latin letter, so estimates err on the wide side.
_LATIN_EM: dict[str, float] = {
    **dict.fromkeys("0123456789", 0.5),
    " ": 0.25,
    ".": 0.25,
    ",": 0.25,
    ":": 0.278,
    ";": 0.278,
    "-": 0.333,
    "+": 0.564,
    "/": 0.278,
    "%": 0.833,
    "(": 0.333,
    ")": 0.333,
    "_": 0.5,
    "=": 0.564,
    "?": 0.444,
    "&": 0.778,
    "#": 0.5,
    "@": 0.921,
    **dict.fromkeys("abcdeghknopquvxyz", 0.5),
    **dict.fromkeys("fjrt", 0.333),
    **dict.fromkeys("ils", 0.389),
    "m": 0.778,
    "w": 0.722,
    **dict.fromkeys("ABCDEGHKNOQRUVXY", 0.722),
    **dict.fromkeys("FLPTZS", 0.611),
    "I": 0.333,
    "J": 0.389,
    "M": 0.889,
    "W": 0.944,
}
_WIDEST_LATIN = 0.944
_HALF = frozenset(("N", "Na", "H"))  # East Asian Width classes printed half width

# A line may not start with these (closing punctuation), nor end with the openers.
NO_LINE_START = frozenset("，。、；：？！）》」』”’〕】…—%,.;:?!)]")
NO_LINE_END = frozenset("（《「『“‘〔【([")
# Where a Latin run may break: after a space or a hyphen, or anywhere once it is
# marked as breakable (breakable_latin).
ZWSP = "\u200b"
# Word and LibreOffice put a little space between Chinese characters and Latin
# letters or digits (LibreOffice always: its DOCX import ignores the setting);
# measured in LibreOffice as 0.216 em of the text's size.
AUTOSPACE_EM = 0.22
LONG_LATIN = 16  # a Latin run this long (a URL, an ID number) may break anywhere


def breakable_latin(text: str) -> str:
    """`text` with a zero-width space between the characters of every run of at least
    LONG_LATIN Latin letters and digits, so LibreOffice may break inside it as Word
    does with ``w:wordWrap`` off; the line before it is then not stretched."""
    out, run = [], ""
    for ch in text + "\n":
        if unicodedata.east_asian_width(ch) in _HALF and not ch.isspace():
            run += ch
            continue
        out.append(ZWSP.join(run) if len(run) >= LONG_LATIN else run)
        run = ""
        out.append(ch)
    return "".join(out)[:-1]


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F") and ch.isalnum()


def char_em(ch: str) -> float:
    """Advance width of one character in em."""
    if ch == ZWSP:
        return 0.0
    if unicodedata.east_asian_width(ch) not in _HALF:
        return 1.0
    return _LATIN_EM.get(ch, _WIDEST_LATIN)


def text_pt(text: str, size_pt: float, spacing_pt: float = 0.0) -> float:
    """Printed width of `text` in points at `size_pt`, each character followed by
    `spacing_pt` (negative: condensed), with the automatic space between Chinese
    and Latin characters."""
    chars = [ch for ch in text if ch != ZWSP]
    width = sum(char_em(ch) * size_pt + spacing_pt for ch in chars)
    gaps = sum(1 for a, b in pairwise(chars) if _gap(a, b))
    return width + gaps * AUTOSPACE_EM * size_pt


def _gap(a: str, b: str) -> bool:
    return (_cjk(a) and _latin(b)) or (_latin(a) and _cjk(b))


def _tokens(text: str) -> Iterator[str]:
    """Units a line may break between: each Chinese character, and each run of
    Latin letters and digits (kept whole, as renderers keep a word)."""
    word = ""
    for ch in text:
        half = unicodedata.east_asian_width(ch) in _HALF and ch != ZWSP
        if half and ch not in " -/":
            word += ch
            continue
        if word:
            yield word
            word = ""
        if half or ch != ZWSP:  # a space, hyphen or slash ends a word and may end a line
            yield ch
    if word:
        yield word


def break_lines(
    text: str, width_pt: float, size_pt: float, spacing_pt: float = 0.0, first_indent_pt=0.0
) -> list[str]:
    """`text` broken into lines of at most `width_pt` (the first line `first_indent_pt`
    narrower) as Word and LibreOffice break Chinese text: anywhere between Chinese
    characters, never inside a Latin word shorter than a line, never before closing
    or after opening punctuation (the character before moves down with it)."""
    lines: list[str] = []
    line, used = "", 0.0
    limit = width_pt - first_indent_pt
    for token in _tokens(text):
        w = text_pt(token, size_pt, spacing_pt)
        if line and _gap(line[-1], token[0]):
            w += AUTOSPACE_EM * size_pt
        if used + w <= limit + 0.01 or not line:
            if w > limit and len(token) > 1:  # a word longer than a line breaks anywhere
                for ch in token:
                    cw = text_pt(ch, size_pt, spacing_pt)
                    if used + cw > limit + 0.01 and line:
                        lines.append(line)
                        line, used, limit = "", 0.0, width_pt
                    line += ch
                    used += cw
                continue
            line += token
            used += w
            continue
        carry = ""
        if token[0] in NO_LINE_START and len(line) > 1:
            carry, line = line[-1], line[:-1]
        while len(line) > 1 and line[-1] in NO_LINE_END:
            carry, line = line[-1] + carry, line[:-1]
        lines.append(line)
        line = carry + token
        used = text_pt(line, size_pt, spacing_pt)
        limit = width_pt
    if line or not lines:
        lines.append(line)
    return lines
