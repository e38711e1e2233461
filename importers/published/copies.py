"""Reports and tables a document prints more than once.

A file may hold two reports (last year's pasted under this year's, two
agencies' reports in one file), or an official table twice (last year's table
「供对照」 before this year's, an appendix that repeats it, a row typed twice).
Reading them mixed — one report's numbers under the other's agency, the first
copy of a table winning silently — is reading numbers wrongly. So:

- `first_report` keeps the first report of a document that holds two and says
  what was left out;
- `merge_printings` takes the values of an official table printed more than
  once, and names every cell whose printings disagree, with both numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from importers import strings as s
from importers.published.document import Block, Paragraph, Table
from importers.published.labels import norm
from importers.published.meta import match_heading, parse_title, read_date
from importers.published.tables import TableRead, cell_name
from model.spec import FormatSpec, TableSpec
from model.values import Value, format_value, normalise_text

_CONTENTS_LINE = 12  # a line of a table of contents besides the headings: 「目录」, a page number
# a heading with its page number (「一、总体情况……………1」) in a table of contents
_HEADING_LIKE = re.compile(r"^[（(]?[一二三四五六七八九十\d]{1,2}[)）]?[、.．]")
_TITLE_LOOKBACK = 6  # non-blank lines above a report's first heading searched for its title
_TITLE_MAX = 60
_CONFLICTS_LISTED = 5
_QUOTE = 30
# A caption that says the table below is not this year's: 「2022年度情况（供对照）」
_COMPARISON = re.compile(r"上年|上一年|去年|对照|对比|同期")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


# ---- two reports in one file ----------------------------------------------------------------
def first_report(blocks: list[Block], spec: FormatSpec) -> tuple[list[Block], list[str]]:
    """The blocks of the document's first report, and a note naming what was left
    out when a second report follows it: the first section's heading printed
    again after later sections' headings starts another report (from its title,
    when one stands just above). Headings listed one under the other before the
    report's body (a table of contents, 目录) are not a report: they are left
    out of the blocks, with a note."""
    notes: list[str] = []
    while True:
        order = [
            (i, m.section)
            for i, block in enumerate(blocks)
            if isinstance(block, Paragraph) and (m := match_heading(block.text, spec))
        ]
        restart = _restart(order)
        if restart is None:
            return blocks, notes
        listed = {i for i, _section in order if i < restart}
        if _contents_list(blocks[min(listed) : max(listed) + 1]):
            notes.append(s.DOCX_CONTENTS_LIST.format(count=len(listed)))
            above = _line_above(blocks, min(listed))
            if above is not None and norm(blocks[above].text) in ("目录", "目次"):
                listed.add(above)  # the word that heads the list goes with it
            blocks = [b for i, b in enumerate(blocks) if i not in listed]
            continue
        start = _title_start(blocks, restart, spec.title_suffix)
        return blocks[:start], [*notes, _left_out_note(blocks, start)]


def _restart(order: list[tuple[int, str]]) -> int | None:
    """The block index where the first section's heading comes again after the
    headings of later sections, if it does."""
    if not order:
        return None
    first_section = order[0][1]
    seen_other = False
    for i, section in order[1:]:
        if section != first_section:
            seen_other = True
        elif seen_other:
            return i
    return None


def _contents_list(part: Sequence[Block]) -> bool:
    """Whether a run of headings is a table of contents: no table and no line of
    body text between them (only headings, page numbers, blank lines)."""
    for block in part:
        if isinstance(block, Table):
            return False
        text = block.text.strip()
        if text and len(text) > _CONTENTS_LINE and not _HEADING_LIKE.match(text):
            return False
    return True


def _title_start(blocks: Sequence[Block], heading: int, spec_suffix: str) -> int:
    """Where the report whose first heading is at `heading` begins: its title
    (a line naming a report, and the line above it when the title is broken
    over two), or the heading itself. The search stops at a date line or a
    table: the end of the report before."""
    seen = 0
    for i in range(heading - 1, -1, -1):
        block = blocks[i]
        if isinstance(block, Table):
            break
        text = block.text.strip()
        if not text:
            continue
        seen += 1
        if seen > _TITLE_LOOKBACK or read_date(text).looks:
            break
        if "报告" in text and len(text) <= _TITLE_MAX:
            above = _line_above(blocks, i)
            if above is not None and _title_part(blocks[above].text, text, spec_suffix):
                return above
            return i
    return heading


def _line_above(blocks: Sequence[Block], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        block = blocks[j]
        if isinstance(block, Table):
            return None
        if block.text.strip():
            return j
    return None


def _title_part(above: str, title: str, suffix: str) -> bool:
    """Whether `above` is the first line of a title broken over two: short, no
    sentence punctuation, not a date, and the title line lacks the year or the
    agency that the line above then gives."""
    line = above.strip()
    parsed = parse_title(title, suffix)
    return (
        len(line) <= 30
        and not re.search(r"[。；;，,：:]", line)
        and not read_date(line).looks
        and not (parsed.year and parsed.agency)
    )


def _left_out_note(blocks: Sequence[Block], start: int) -> str:
    rest = blocks[start:]
    first = next((b.text.strip() for b in rest if isinstance(b, Paragraph) and b.text.strip()), "")
    quote = first if len(first) <= _QUOTE else first[:_QUOTE] + "…"
    tables = sum(1 for b in rest if isinstance(b, Table))
    return s.DOCX_SECOND_REPORT.format(text=quote, tables=tables)


# ---- an official table printed more than once -----------------------------------------------
@dataclass
class Printing:
    """One printing of (part of) an official table: where (「第 3 个表格」, 「第 3
    个表格中重复的行」) and what it gave; `other_year` when a caption above it
    says it is another year's or a comparison (「2022年度情况（供对照）」), with
    that caption."""

    where: str
    read: TableRead
    other_year: str = ""


def comparison_caption(blocks: Sequence[Block], i: int, year: int) -> str:
    """The caption just above the table at block i when it says the table is not
    this year's: another year (「2022年度」) or a comparison (「上年」「供对照」)."""
    for block in reversed(blocks[max(0, i - 2) : i]):
        if isinstance(block, Table):
            return ""
        text = block.text.strip()
        if not text:
            continue
        years = {int(y) for y in _YEAR.findall(text)}
        if (years and year not in years) or _COMPARISON.search(text):
            return text
        return ""
    return ""


@dataclass
class Merged:
    values: dict[str, Value]
    units: dict[str, str]  # money cells not in the default unit
    printed: dict[str, str]  # totals as printed
    blank: int  # inputs printed blank in every printing
    marks: int  # inputs printed as a mark (「-」「/」「无」) and nowhere filled
    notes: list[str]


def merge_printings(table: TableSpec, heading: str, printings: list[Printing]) -> Merged:
    """The table's values from its printings: each cell from the first printing
    that has it filled, this year's before one captioned as another year's
    (blank when none has). Printings that overlap are compared; the cells on
    which they disagree are named with both numbers, and which was taken."""
    ordered = sorted(printings, key=lambda p: bool(p.other_year))
    readings = [(p, _readings(p.read)) for p in ordered]
    values: dict[str, Value] = {}
    units: dict[str, str] = {}
    printed: dict[str, str] = {}
    for printing, cells in readings:
        for cell_id, (value, text) in cells.items():
            if table.cell_by_id[cell_id].computed:
                if not normalise_text(printed.get(cell_id, "")):
                    printed[cell_id] = text
            elif value is not None and cell_id not in values:
                values[cell_id] = value
                if cell_id in printing.read.units:
                    units[cell_id] = printing.read.units[cell_id]
    blank = set().union(*(p.read.blank for p in ordered)) - values.keys()
    marks = set().union(*(p.read.marks for p in ordered)) - values.keys()
    notes = _overlap_notes(table, heading, ordered, readings, printings)
    return Merged(values, units, printed, len(blank - marks), len(marks), notes)


def _readings(read: TableRead) -> dict[str, tuple[Value | None, str]]:
    """cell id -> (value read or None, printed total text) for every cell printed."""
    out: dict[str, tuple[Value | None, str]] = {}
    for cell_id in read.seen:
        out[cell_id] = (read.values.get(cell_id), "")
    for cell_id, text in read.printed.items():
        out[cell_id] = (None, text)
    return out


def _shown(value: Value | None, text: str) -> str:
    if value is not None:
        return format_value(value)
    return text.strip() or s.BLANK_SHOWN


def _same(a: tuple[Value | None, str], b: tuple[Value | None, str]) -> bool:
    return a[0] == b[0] and normalise_text(a[1]) == normalise_text(b[1])


def _overlap_notes(table, heading, ordered, readings, in_document_order) -> list[str]:
    overlapping = [
        (p, cells)
        for k, (p, cells) in enumerate(readings)
        if any(cell_id in other for _q, other in readings[:k] for cell_id in cells)
    ]
    if not overlapping:
        return []
    where = "、".join(dict.fromkeys(p.where for p in in_document_order))
    conflicts: list[str] = []
    count = 0
    for cell in table.cells:
        found = {id(p): cells[cell.id] for p, cells in readings if cell.id in cells}
        shown = [(p, found[id(p)]) for p in in_document_order if id(p) in found]
        if len(shown) < 2 or all(_same(shown[0][1], r) for _p, r in shown[1:]):
            continue
        count += 1
        if len(conflicts) < _CONFLICTS_LISTED:
            both = "、".join(f"{p.where}为 {_shown(*r)}" for p, r in shown)
            conflicts.append(f"{cell_name(cell)}{both}")
    if not count:
        return [s.DOCX_PRINTED_TWICE_SAME.format(heading=heading, where=where)]
    cells = "；".join(conflicts) + ("等" if count > len(conflicts) else "")
    chosen = ordered[0]
    skipped = [p for p in ordered if p.other_year]
    if skipped and not chosen.other_year:
        taken = s.DOCX_PRINTED_TAKE_OTHER.format(
            where=chosen.where, other=skipped[0].where, caption=skipped[0].other_year[:_QUOTE]
        )
    else:
        taken = s.DOCX_PRINTED_TAKE_FIRST.format(where=chosen.where)
    return [
        s.DOCX_PRINTED_TWICE_DIFFER.format(
            heading=heading, where=where, count=count, cells=cells, chosen=taken
        )
    ]
