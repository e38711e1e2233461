"""How much an import note matters: 注意 or 提示.

Import notes stay plain Chinese sentences (`ImportResult.notes`), so every
caller keeps working. Their level is a property of the message each was made
from (importers/strings.py, exporters/xlsx_strings.py): a note is **注意**
(`NoteLevel.ATTENTION`) when something the file printed was not imported as
printed — a number left out or read blank (a value refused, a cell not found, a
merged number's lower rows, a 「-」 that may mean 0), changed (converted,
rounded, a guessed unit), a total that disagrees with its parts, a table or a
second report left out, a date or name that could not be read, text cut or a
printed character left out — and **提示** (`NoteLevel.TIP`) for
the rest (how a label, a unit or the format was recognised). `note_level` finds
the level by matching the note against those messages, so notes made anywhere
(the Word, web and PDF front ends, the mapping, the workbook importer) are
classed alike without carrying a flag of their own.
"""

from __future__ import annotations

import re
import string
from enum import Enum
from functools import lru_cache


class NoteLevel(Enum):
    ATTENTION = "注意"
    TIP = "提示"

    @property
    def label(self) -> str:
        return self.value


def _attention_templates() -> tuple[str, ...]:
    from exporters import xlsx_strings as x
    from importers import strings as s

    return (
        # numbers not read, or read otherwise than printed
        s.DOCX_TABLE_UNKNOWN, s.DOCX_TABLE_MISSING, s.DOCX_CELLS_MISSING, s.DOCX_EXTRA_ROW,
        s.DOCX_BAD_VALUE, s.DOCX_MONEY_NO_UNIT, s.DOCX_MONEY_CONVERTED,
        s.DOCX_MONEY_CONVERTED_ROUNDED, s.DOCX_MONEY_ROUNDED, s.DOCX_GROUP_NOT_SPLIT,
        s.DOCX_ROW_MISALIGNED, s.DOCX_PRINTED_TWICE_DIFFER, s.DOCX_SECOND_REPORT,
        s.TABLE_SPAN_CLIPPED, s.TABLE_CELLS_DROPPED, s.TABLE_ROWS_DROPPED,
        # cells read blank although something is printed there (a merged number's
        # lower rows, 「-」「/」「无」 that may stand for 0)
        s.DOCX_VALUE_MERGED, s.DOCX_MARK_CELLS,
        # printed characters left out of a paragraph or cell (one note per place)
        *_in_place_note(s.DOCX_FOUND_SYMBOL, s.DOCX_FOUND_OPEN_FIELD),
        # struck characters left out of a table cell: a number read without a digit
        # the page shows (struck, but shown)
        *_in_cell_note(s.DOCX_FOUND_STRUCK),
        # printed totals that disagree with their parts
        s.DOCX_TOTAL_DIFFERS, s.DOCX_TOTAL_BUT_BLANK, s.DOCX_TOTALS_BLANK,
        s.DOCX_TOTAL_UNREADABLE,
        # the year, date, agency or a text not read as printed
        s.DOCX_NO_YEAR, s.DOCX_YEAR_OUT_OF_RANGE, s.DOCX_BAD_DATE, s.DOCX_DATE_NO_DAY,
        s.DOCX_AGENCY_TOO_LONG, s.DOCX_TEXT_CUT, s.DOCX_TEXT_LINES_CUT, s.DOCX_JOINT_SIGNATURE,
        # the workbook importer
        x.NOTE_SHEET_MISSING, x.NOTE_ROW_MISSING, x.NOTE_CELL_MISSING, x.NOTE_DUPLICATE,
        x.NOTE_BAD_VALUE, x.NOTE_EXTRA_ROW, x.NOTE_FORMULA_NO_RESULT, x.NOTE_PRINTED_BAD,
        x.NOTE_TOTAL_DIFFERS, x.NOTE_TOTAL_KEPT, x.NOTE_META_BAD, x.NOTE_COPY_DIFFERS,
        x.NOTE_MONEY_CONVERTED,
    )  # fmt: skip


def _in_place_note(*findings: str) -> tuple[str, ...]:
    """Templates of a place note (「{place}：{items}，请核对」) whose items hold one
    of `findings`: the note is as grave as its gravest item."""
    from importers import strings as s

    return tuple(
        s.DOCX_PLACE_NOTE.replace("{items}", "{before}" + finding + "{after}")
        for finding in findings
    )


def _in_cell_note(*findings: str) -> tuple[str, ...]:
    """As `_in_place_note`, for places that are table cells only."""
    from importers import strings as s

    return tuple(
        s.DOCX_PLACE_NOTE.replace("{place}", place).replace(
            "{items}", "{before}" + finding + "{after}"
        )
        for place in (s.DOCX_PLACE_CELL, s.DOCX_PLACE_CELL_LABEL)
        for finding in findings
    )


def _pattern(template: str) -> str:
    """A message template as a regular expression: its fields match any text."""
    out = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        out.append(re.escape(literal))
        if field is not None:
            out.append(".*?")
    return "".join(out)


@lru_cache(maxsize=1)
def _attention() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{_pattern(t)})" for t in _attention_templates()), re.S)


def note_level(note: str) -> NoteLevel:
    """注意 for a note saying something printed was not imported as printed, 提示
    for the rest (see the module's docstring)."""
    return NoteLevel.ATTENTION if _attention().fullmatch(note) else NoteLevel.TIP


def by_level(notes: list[str]) -> list[tuple[NoteLevel, str]]:
    """The notes with their levels, 注意 first, each level in the notes' order."""
    levels = [(note_level(n), n) for n in notes]
    return [pair for level in NoteLevel for pair in levels if pair[0] is level]


def printed_total_templates() -> tuple[str, ...]:
    """The messages about a printed total kept on the report (R16)."""
    from exporters import xlsx_strings as x
    from importers import strings as s

    return (s.DOCX_TOTAL_DIFFERS, s.DOCX_TOTAL_BUT_BLANK, s.DOCX_TOTALS_BLANK, x.NOTE_TOTAL_KEPT)


@lru_cache(maxsize=1)
def _printed_total() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{_pattern(t)})" for t in printed_total_templates()), re.S)


def is_printed_total_note(note: str) -> bool:
    """Whether the note says a printed total was kept (it no longer holds once
    the computed totals are accepted)."""
    return bool(_printed_total().fullmatch(note))
