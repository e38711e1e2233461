"""What Word shows of a run of text, beyond its characters: the pieces the Word
walker (importers/docx_walker.py) needs to read a paragraph as Word shows it and
to say, by place, what it set aside.

- `Finding`: something read differently from plain text (a superscript marker,
  struck or hidden text, a DATE field, …), noted at its paragraph or cell;
- `FieldState`: the complex fields open in one container (body, cell), so that a
  field begun in one paragraph and separated in the next never shows its
  instruction;
- `split_marks`: superscript and circled characters glued to a digit (「8¹」,
  「226①」) are markers, not digits (NFKC would make 「81」, 「2261」 of them);
- `symbol_text`: the character a ``w:sym`` shows, when it is one;
- `is_prompt`: the placeholder prompts Word and WPS put in content controls;
- `Places`: findings as Chinese notes, one per paragraph or cell, bounded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from importers import strings as s

# ---- findings -------------------------------------------------------------------------
SUPERSCRIPT, SUBSCRIPT = "superscript", "subscript"
FOOTNOTE, ENDNOTE = "footnote", "endnote"
MARK_CHARS, STRUCK, HIDDEN, SYMBOL = "mark-chars", "struck", "hidden", "symbol"
MERGED_AWAY, PLACEHOLDER_FLAG, RTL = "merged-away", "placeholder-flag", "rtl"
OPEN_FIELD, DATE_FIELD = "open-field", "date-field"
# what a web page shows beyond its characters (importers/html.py)
RUBY, GENERATED, SHOWN_RTL = "ruby", "generated", "shown-rtl"

_QUOTE = 20  # characters of a text quoted in a note
_ITEMS_PER_PLACE = 5  # findings named in one place's note before 「等」
_PLACES_NOTED = 60  # places named one by one; the rest are counted


@dataclass
class Finding:
    """One thing at a place that was not read as plain text. `text` is what the
    file holds there; `extra` is the field type, the shown text or the symbol's
    font, by kind."""

    kind: str
    text: str
    extra: str = ""


def quote(text: str, chars: int = _QUOTE) -> str:
    """Text as a note quotes it: one line, cut short with 「…」."""
    one_line = " ".join(text.split("\n")).strip()
    return one_line if len(one_line) <= chars else one_line[:chars] + "…"


def describe(finding: Finding) -> str:
    """A finding as a phrase of a place's note (Chinese)."""
    text = quote(finding.text)
    kind = finding.kind
    if kind in (FOOTNOTE, ENDNOTE):
        template = s.DOCX_FOUND_FOOTNOTE if kind == FOOTNOTE else s.DOCX_FOUND_ENDNOTE
        return template.format(text=f"「{text}」" if text else "")
    if kind == DATE_FIELD:
        meaning, when = s.DOCX_FIELD_MEANINGS[finding.extra]
        return s.DOCX_FOUND_DATE_FIELD.format(
            text=text, field=finding.extra, meaning=meaning, when=when
        )
    if kind in (RTL, SHOWN_RTL):
        template = s.DOCX_FOUND_RTL if kind == RTL else s.HTML_FOUND_RTL
        return template.format(text=text, shown=quote(finding.extra))
    if kind == SYMBOL:
        return s.DOCX_FOUND_SYMBOL.format(font=finding.extra, code=finding.text)
    templates = {
        SUPERSCRIPT: s.DOCX_FOUND_SUPERSCRIPT,
        SUBSCRIPT: s.DOCX_FOUND_SUBSCRIPT,
        MARK_CHARS: s.DOCX_FOUND_MARK_CHARS,
        STRUCK: s.DOCX_FOUND_STRUCK,
        HIDDEN: s.DOCX_FOUND_HIDDEN,
        MERGED_AWAY: s.DOCX_FOUND_MERGED_AWAY,
        PLACEHOLDER_FLAG: s.DOCX_FOUND_PLACEHOLDER_FLAG,
        OPEN_FIELD: s.DOCX_FOUND_OPEN_FIELD,
        RUBY: s.HTML_FOUND_RUBY,
        GENERATED: s.HTML_FOUND_GENERATED,
    }
    return templates[kind].format(text=text)


class Places:
    """The notes of a document's findings, one per place (a paragraph, a table
    cell), in reading order; after _PLACES_NOTED places the rest are counted."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self._more = 0

    def add(self, place: str, findings: list[Finding]) -> None:
        if not findings:
            return
        if len(self.notes) >= _PLACES_NOTED:
            self._more += 1
            return
        phrases = list(dict.fromkeys(describe(f) for f in findings))
        items = "；".join(phrases[:_ITEMS_PER_PLACE])
        if len(phrases) > _ITEMS_PER_PLACE:
            items += s.DOCX_ITEMS_MORE.format(count=len(phrases))
        note = s.DOCX_PLACE_NOTE.format(place=place, items=items)
        self.notes.append(note.replace("请核对成文日期，请核对", "请核对成文日期"))

    def add_phrases(self, place: str, phrases: list[str]) -> None:
        """Findings already worded as phrases (another front end's), at one place."""
        if not phrases:
            return
        if len(self.notes) >= _PLACES_NOTED:
            self._more += 1
            return
        phrases = list(dict.fromkeys(phrases))
        items = "；".join(phrases[:_ITEMS_PER_PLACE])
        if len(phrases) > _ITEMS_PER_PLACE:
            items += s.DOCX_ITEMS_MORE.format(count=len(phrases))
        self.notes.append(s.DOCX_PLACE_NOTE.format(place=place, items=items))

    def add_note(self, note: str) -> None:
        """A note already worded, counted as one place."""
        if len(self.notes) >= _PLACES_NOTED:
            self._more += 1
        else:
            self.notes.append(note)

    def all(self) -> list[str]:
        if self._more:
            return [*self.notes, s.DOCX_PLACES_MORE.format(count=self._more)]
        return list(self.notes)


def paragraph_place(text: str) -> str:
    """A body paragraph named by the text read from it."""
    shown = quote(text)
    if not shown:
        return s.DOCX_PLACE_BLANK_PARAGRAPH
    return s.DOCX_PLACE_PARAGRAPH.format(quote=shown)


# ---- fields -----------------------------------------------------------------------------
# Fields whose shown result is a date Word computes (DATE updates on opening and
# printing, SAVEDATE on saving, …): the date printed may not be the one saved.
DATE_FIELDS = frozenset(s.DOCX_FIELD_MEANINGS)
_FIELD_TEXT = 200  # characters kept of a field's instruction and of its result


def field_type(instruction: str) -> str:
    """The field type an instruction names (「 DATE \\@ "yyyy年M月d日" 」 → DATE)."""
    words = instruction.replace("\\", " ").split()
    return words[0].upper() if words else ""


@dataclass
class _Field:
    instruction: str = ""
    result: str = ""
    separated: bool = False


@dataclass
class FieldState:
    """The complex fields (``w:fldChar`` begin … separate … end) open in one
    container. Text is shown unless some open field is still in its instruction
    (before its "separate"); nested fields keep their own state."""

    stack: list[_Field] = field(default_factory=list)
    _in_instruction: int = 0

    @property
    def depth(self) -> int:
        return len(self.stack)

    @property
    def in_instruction(self) -> bool:
        return self._in_instruction > 0

    def begin(self) -> None:
        self.stack.append(_Field())
        self._in_instruction += 1

    def separate(self) -> None:
        if self.stack and not self.stack[-1].separated:
            self.stack[-1].separated = True
            self._in_instruction -= 1

    def end(self) -> _Field | None:
        """Close the innermost field; it is returned (None without one)."""
        if not self.stack:
            return None
        closed = self.stack.pop()
        if not closed.separated:
            self._in_instruction -= 1
        return closed

    def instruction(self, text: str) -> None:
        """Instruction text (``w:instrText``, or text before "separate")."""
        if self.stack and not self.stack[-1].separated:
            top = self.stack[-1]
            top.instruction = (top.instruction + text)[:_FIELD_TEXT]

    def result(self, text: str) -> None:
        """Shown text, part of the innermost field's result."""
        if self.stack and self.stack[-1].separated:
            top = self.stack[-1]
            top.result = (top.result + text)[:_FIELD_TEXT]

    def close_all(self) -> list[_Field]:
        """The fields still open when their container ends (then forgotten)."""
        left, self.stack, self._in_instruction = self.stack, [], 0
        return left


def date_field_finding(kind: str, result: str) -> Finding | None:
    """A note for a date-type field showing `result`, or None for other fields."""
    if kind in DATE_FIELDS and result.strip():
        return Finding(DATE_FIELD, result, kind)
    return None


# ---- marker characters --------------------------------------------------------------------
def _mark_class() -> str:
    """Superscript, subscript and circled characters: NFKC reads 「¹」 and 「①」 as
    「1」, so glued to a number they would change it."""
    ranges = [(0x00AA, 0x00BA), (0x2070, 0x209F), (0x2460, 0x24FF), (0x3244, 0x32BF)]
    ranges.append((0x1F100, 0x1F1FF))
    chars = [
        chr(code)
        for start, end in ranges
        for code in range(start, end + 1)
        if unicodedata.decomposition(chr(code)).startswith(("<super>", "<sub>", "<circle>"))
    ]
    return "".join(re.escape(c) for c in chars)


_MARKS = re.compile(f"[{_mark_class()}]+")


def split_marks(text: str) -> tuple[str, list[str]]:
    """`text` without the runs of marker characters glued to a digit
    (「8¹」 → 「8」, 「①226」 → 「226」), and the runs removed. Markers standing
    apart (「①加强」, 「m²」) stay: they are text."""
    removed: list[str] = []

    def glued(found: re.Match[str]) -> str:
        before = text[found.start() - 1] if found.start() > 0 else ""
        after = text[found.end()] if found.end() < len(text) else ""
        if before.isdecimal() or after.isdecimal():
            removed.append(found.group(0))
            return ""
        return found.group(0)

    if not _MARKS.search(text):
        return text, removed
    return _MARKS.sub(glued, text), removed


# ---- symbols --------------------------------------------------------------------------------
# Fonts whose characters are pictures, not letters: Word stores their symbols at
# F000 + code. Symbol draws digits and some ASCII signs as themselves; its other
# codes are Greek letters and mathematical signs in an order of its own.
_PICTURE_FONTS = ("wingdings", "webdings", "marlett", "mt extra", "zapf dingbats")
_SYMBOL_AS_ASCII = frozenset(" !#%&()+,-./0123456789:;<=>?")


def symbol_text(font: str, code: str) -> str | None:
    """The text a ``w:sym`` (`font`, hexadecimal `code`) shows, or None when it is a
    picture character (Wingdings ✓) or malformed."""
    try:
        value = int(code, 16)
    except ValueError:
        return None
    if 0xF000 <= value <= 0xF0FF:
        value -= 0xF000
    name = font.strip().lower()
    if name.startswith(_PICTURE_FONTS):
        return None
    if name == "symbol" and chr(value) not in _SYMBOL_AS_ASCII:
        return None
    if not 0 < value <= 0x10FFFF:
        return None
    char = chr(value)
    if unicodedata.category(char).startswith("C"):  # control, private use, unassigned
        return None
    return char


# ---- placeholder prompts ---------------------------------------------------------------------
# The prompts Word (zh-CN, en-US) and WPS show in an empty content control.
_PROMPTS = (
    re.compile(
        r"请?(单击|点击|轻触|单击或点击|点击或单击|单击或轻触)(此处|这里)?以?"
        r"(输入|选择)(文字|文本|日期|时间|内容|一项)?[。.]?"
    ),
    re.compile(r"选择一项[。.]?"),
    re.compile(
        r"(click|tap|click or tap)( here)? to (enter|choose|select) (a |an )?"
        r"(text|date|item)\.?|choose an item\.?",
        re.IGNORECASE,
    ),
)


def is_prompt(text: str, own_prompt: str = "") -> bool:
    """Whether `text` is a content control's placeholder prompt: its own (from the
    document's glossary) or one of the prompts Word and WPS put in by default."""
    shown = "".join(text.split())
    if own_prompt and shown == "".join(own_prompt.split()):
        return True
    return any(p.fullmatch(shown) or p.fullmatch(text.strip()) for p in _PROMPTS)


def cell_place(table, where: str, r: int, c: int, label_chars: int = 16) -> str:
    """A cell of a neutral-document Table named by table (`where`), row and column,
    and by its row's label: the nearest cell on its left whose text is no value.
    The one way every front end names a cell in its notes."""
    from importers.published.tables import value_like

    label = ""
    if r < len(table.rows):
        for cell in reversed(table.rows[r][:c]):
            if cell is not None and cell.text.strip() and not value_like(cell.text):
                label = cell.text
                break
    if label:
        return s.DOCX_PLACE_CELL_LABEL.format(
            where=where, row=r + 1, label=quote(label, label_chars), col=c + 1
        )
    return s.DOCX_PLACE_CELL.format(where=where, row=r + 1, col=c + 1)
