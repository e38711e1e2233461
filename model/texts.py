"""Text entering the model: the one normalisation of narrative texts and names.

Every door text comes through uses it: typing and paste (Report.set_text and
set_meta), the draft loader and every importer. Line breaks of every kind —
Word's manual line break as some tools paste it (\\v), \\f, \\r\\n, \\r, NEL and
the Unicode line and paragraph separators — become \\n. Other control
characters (C0 and C1, DEL), unpaired surrogates and the non-characters U+FFFE
and U+FFFF are not text a reader sees, and no Word document, workbook or draft
can store them: typing them is refused with a Chinese message
(:func:`clean_text`, :func:`clean_name`); the draft loader and the importers drop
them (:func:`drop_controls`), the importers with a note. A tab stays in a text.
A name (the agency) is one line: its line breaks and tabs are joined away.
"""

from __future__ import annotations

import re

from model import messages as msg
from model.values import InvalidValue

_BREAKS = re.compile("\r\n|[\r\v\f\x85\u2028\u2029]")
# after _BREAKS: every C0 control but \t and \n, DEL, C1, surrogates, U+FFFE/U+FFFF
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_JOIN = re.compile(r"[ \u3000]*[\n\t][\s\u3000]*")
_SHOWN_CODES = 5  # control characters a message names at most


def normalise_breaks(text: str) -> str:
    """`text` with every line break (\\r\\n, \\r, \\v, \\f, NEL, U+2028, U+2029) as \\n."""
    return _BREAKS.sub("\n", text)


def controls_in(text: str) -> list[str]:
    """The characters of `text` (breaks already normalised) that are not text:
    controls other than tab and \\n, surrogates, U+FFFE and U+FFFF; each once."""
    return list(dict.fromkeys(_CONTROLS.findall(text)))


def describe(chars: list[str]) -> str:
    """「U+0001、U+001B」: control characters as a message names them."""
    shown = "、".join(f"U+{ord(c):04X}" for c in chars[:_SHOWN_CODES])
    return shown + (msg.CONTROL_CHARS_MORE if len(chars) > _SHOWN_CODES else "")


def drop_controls(text: str, one_line: bool = False) -> tuple[str, list[str]]:
    """(`text` normalised, the control characters dropped from it). For the draft
    loader and the importers, which read what they can and say what they left out.
    `one_line`: a name, its lines joined (:func:`join_lines`)."""
    text = normalise_breaks(text)
    found = controls_in(text)
    if found:
        text = _CONTROLS.sub("", text)
    return (join_lines(text) if one_line else text), found


def join_lines(text: str) -> str:
    """A name on one line: a break or a tab between two Chinese characters is
    dropped (「某某市⏎某某局」 is 「某某市某某局」), elsewhere it becomes a space."""

    def joined(found: re.Match[str]) -> str:
        start, end = found.start(), found.end()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if not before or not after or _wide(before) or _wide(after):
            return ""
        return " "

    return _LINE_JOIN.sub(joined, text)


def _wide(char: str) -> bool:
    return ord(char) >= 0x2E80  # CJK characters and punctuation, full-width forms


def clean_text(text: str, where: str) -> str:
    """A typed text normalised (line breaks as \\n). Raises InvalidValue (Chinese,
    naming `where` and the characters) for control characters."""
    text = normalise_breaks(text)
    found = controls_in(text)
    if found:
        raise InvalidValue(msg.TEXT_HAS_CONTROLS.format(where=where, chars=describe(found)))
    return text


def clean_name(text: str, where: str = msg.AGENCY_FIELD) -> str:
    """A typed name on one line (:func:`join_lines`). Raises InvalidValue as
    :func:`clean_text` does."""
    return join_lines(clean_text(text, where))
