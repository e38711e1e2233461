"""The signature block (落款) at the end of a published report: the agency and the date.

A report ends with the agency's name and the date it was signed (成文日期), one
under the other or on one line. Officers write the date in many shapes
(importers/published/meta.py `read_date`), leave it blank to be written by hand
(「　　年　月　日」, as the program's own Word export prints a report without a
date), or leave it out; they spread the name over its line with spaces between
the characters; they add a line after it (「（此件公开发布）」) or an appendix
table. Whatever the shape, the signature's lines never become text of the last
section, and every interpretation is a note.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from importers import strings as s
from importers.published.document import Block, Table
from importers.published.labels import norm
from importers.published.meta import (
    DateLine,
    looks_like_agency,
    read_date,
    split_name_and_date,
    unspaced_name,
)
from model import limits

SIGNATURE_MAX = 40  # characters of an agency line in the signature block
_SCAN_LINES = 24  # lines at the end of the document looked at (tables passed over)
_DATE_WITHIN = 6  # the date line is one of the last lines (after it: a trailer)
_QUOTE = 40  # characters of trailing text quoted in a note
# A line standing for the seal between the agency's name and the date.
_STAMP = re.compile(r"^[（(]?\s*(盖章|印章|公章|签章|章)\s*[）)]?$")
# Lines an official document may print under its signature.
_TRAILER = re.compile(r"^[（(]?\s*(此件|本件|附件|附表|抄送|联系人|联系电话|公开方式)")


@dataclass
class Signature:
    """Where the signature starts (block index; len(blocks) when none was
    found), the agency and date it gives, and the notes on how it was read."""

    start: int
    agency: str = ""
    date: dt.date | None = None
    notes: list[str] = field(default_factory=list)


def find_signature(blocks: Sequence[Block], last_heading: int, title_agency: str) -> Signature:
    """The signature block after the last section heading: a date line (plain,
    from a field or a smart tag: the front end gives its shown text) with the
    agency on the line above or on the same line; or, without a date, a last line
    that names an agency. Tables after it (an appendix) are passed over; lines
    after it are named in a note, not read as the section's text."""
    lines: list[tuple[int, str]] = []  # (block index, line), last line first
    for i in range(len(blocks) - 1, last_heading, -1):
        block = blocks[i]
        if isinstance(block, Table):
            continue
        if block.text.strip():
            lines.append((i, block.text.strip()))
        if len(lines) >= _SCAN_LINES:
            break
    found = Signature(len(blocks))
    for k, (i, line) in enumerate(lines[:_DATE_WITHIN]):
        date_line, agency = _date_and_name(line)
        if not date_line.looks:
            continue
        found.start, found.date = i, date_line.date
        found.notes += _date_notes(line, date_line)
        above_at = k + 1
        while above_at < len(lines) and _STAMP.match(lines[above_at][1]):
            above_at += 1  # 「（盖章）」 between the name and the date
        if not agency and above_at < len(lines):
            j, above = lines[above_at]
            if agency_line(above, title_agency, dated=True):
                agency, found.start = _whole_name(lines, above_at, title_agency, above, j)
        found.agency = _agency_name(agency, found.notes)
        _joint_signers(lines, found, title_agency)
        found.notes += _trailer_notes(lines[:k])
        return found
    # no date: a last line naming an agency (under it at most a trailer line)
    for k, (i, line) in enumerate(lines[:2]):
        if agency_line(line, title_agency, dated=False):
            found.start = i
            found.agency = _agency_name(line, found.notes)
            found.notes.append(s.DOCX_SIGNATURE_NO_DATE.format(agency=found.agency))
            found.notes += _trailer_notes(lines[:k])
            return found
        if not _TRAILER.match(line):
            break
    found.notes.append(s.DOCX_NO_DATE)
    return found


_OPEN_END = ("（", "(", "、", "和", "与", "及")
_HAS_PLACE = re.compile(r"(省|市|县|区|州|盟|旗|镇|乡)")
# A line holding only a place (「某某县」, 「某某市某某区」): the start of a longer name.
_PLACE_ONLY = re.compile(r"\w{1,12}?(省|市|县|区|州|盟|旗|镇|乡|街道)")
# A line holding only the generic name of a body: the end of a longer name.
_GENERIC_BODY = re.compile(
    r"(人民政府|办公室|办公厅|委员会|管委会|管理委员会|办事处|局|厅|委|办|中心)"
)


def _whole_name(
    lines: list[tuple[int, str]], k: int, title_agency: str, name: str, start: int
) -> tuple[str, int]:
    """The agency's name when it is broken over several lines above the date (a
    long name the exporter or an officer broke at words). A line above is joined
    while the name read so far is a piece of one: the title's agency ends with
    what is joined or starts it (「某某县人民政府」 over 「办公室」), the piece
    starts with a bracket (a second name: 「（区人民防空办公室）」) or is only a
    body's generic name (「办公室」), or — the title naming no agency — a bracket
    is left open or the line above ends open (「（」「、」「和」)."""
    title_key = norm(title_agency)
    for j, above in lines[k + 1 :]:
        if not agency_line(above, "", dated=True):
            break
        joined = above + name
        key = norm(joined)
        if len(key) > limits.MAX_AGENCY_CHARS:
            break
        if not _continues(name, above, key, title_key):
            break
        name, start = joined, j
    return name, start


def _continues(name: str, above: str, joined_key: str, title_key: str) -> bool:
    """Whether `name` (the lines read so far) continues the line `above` it."""
    piece = norm(name)
    if name.strip().startswith(("（", "(")):  # a second name: never a name by itself
        return True
    if title_key:  # the title names the agency: it alone says where the name starts
        if piece == title_key:
            return False  # the name as the title gives it: complete
        if _GENERIC_BODY.fullmatch(piece) and title_key.endswith(norm(above)):
            return True  # 「……人民政府」 over 「办公室」, the title's name ending above
        # 「某某县人民政府」 over 「办公室」 extends the title's agency; 「某某市财政局」
        # under it (a second agency signing) names a place: another body
        extends = (
            joined_key.startswith(title_key)
            and not piece.startswith(title_key)
            and not _HAS_PLACE.search(piece)
        )
        return title_key.endswith(joined_key) or extends
    above_key = norm(above)
    if _GENERIC_BODY.fullmatch(piece):  # 「办公室」 under the government whose it is
        return looks_like_agency(above) or bool(_PLACE_ONLY.fullmatch(above_key))
    if _PLACE_ONLY.fullmatch(above_key):  # 「某某县」 over 「公安局」: no body signs as a place
        return True
    unclosed = name.count("）") + name.count(")") > name.count("（") + name.count("(")
    return unclosed or above.rstrip().endswith(_OPEN_END)


def _joint_signers(lines: list[tuple[int, str]], found: Signature, title_agency: str) -> None:
    """Two bodies signing one report (the title's agency over another, the date
    below): the line above is part of the signature, not of 六; the agency is
    the one the title names, and a note names both."""
    above = next(((i, line) for i, line in lines if i < found.start), None)
    if above is None or not found.agency:
        return
    i, line = above
    title_key = norm(title_agency)
    # only the title's own agency above another signer is taken for a joint
    # signature: any short line could end in 「处」「局」 (the last line of 六)
    if not title_key or norm(line) != title_key or norm(found.agency) == title_key:
        return
    first, second = line.strip(), found.agency
    found.start, found.agency = i, first
    found.notes.append(s.DOCX_JOINT_SIGNATURE.format(first=first, second=second, chosen=first))


def _date_and_name(line: str) -> tuple[DateLine, str]:
    """The line read as a date line, and the agency when the line holds both."""
    date_line = read_date(line)
    if date_line.looks:
        return date_line, ""
    both = split_name_and_date(line)
    if both:
        return read_date(both[1]), both[0]
    return date_line, ""


def _date_notes(line: str, date_line: DateLine) -> list[str]:
    if date_line.problem == "blank":
        return [s.DOCX_DATE_BLANK.format(text=line)]
    if date_line.problem == "no day":
        return [s.DOCX_DATE_NO_DAY.format(text=line)]
    if date_line.problem:
        return [s.DOCX_BAD_DATE.format(text=line)]
    if not date_line.standard and date_line.date:
        date = date_line.date
        shown = f"{date.year}年{date.month}月{date.day}日"
        return [s.DOCX_DATE_SHAPE.format(text=line, date=shown)]
    return []


def _agency_name(text: str, notes: list[str]) -> str:
    """The agency as signed; a name spread out with spaces is read without them."""
    name = unspaced_name(text)
    if name != text.strip():
        notes.append(s.DOCX_AGENCY_SPACED.format(text=text.strip(), name=name))
    return name


def _trailer_notes(after: list[tuple[int, str]]) -> list[str]:
    """Lines under the signature are not the last section's text: named in a note."""
    if not after:
        return []
    text = "」「".join(line for _i, line in reversed(after))
    short = text if len(text) <= _QUOTE else text[:_QUOTE] + "…"
    return [s.DOCX_AFTER_SIGNATURE.format(text=short)]


def agency_line(line: str, title_agency: str, dated: bool) -> bool:
    """Whether a line of the signature block names the agency. Above a date any
    short line without sentence punctuation does; without a date the line must
    look like an agency's name, or extend the title's."""
    if len(line) > SIGNATURE_MAX or re.search(r"[。；;，,：:！!？?]", line):
        return False
    key = norm(line)
    if len(key) < 2:
        return False
    if looks_like_agency(line):
        return True
    related = bool(title_agency) and key.startswith(norm(title_agency))
    return related or (dated and len(key) >= 3)
