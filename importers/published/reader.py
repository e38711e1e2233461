"""Mapping a published report (a neutral PublishedDocument) to the format spec.

Real reports are typed by hand from the official template: tables split per
section or per block, merged or unmerged label cells, blanks and 「-」 for zero,
units inside numbers, typos in fixed labels, local extra rows, totals that do not
add up. Everything is read by its labels, taken from the format spec: the format
(by the labels only one format prints), the title, the section headings, the
narrative between them, the tables (importers/published/tables.py) and the
signature block (agency and date). Every interpretation is a Chinese note; a
total printed differently from the sum of its parts is kept on the report
(`Report.set_printed`), so the rule engine reports it until the officer accepts
the computed total or corrects the parts.

This module never sees a file format: the Word front end
(importers/docx_walker.py) and any other front end produce the document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from importers import ImportRefused, ImportResult, readable_text
from importers import strings as s
from importers.published.copies import Printing, comparison_caption, first_report, merge_printings
from importers.published.document import Block, Paragraph, PublishedDocument, Table
from importers.published.labels import norm
from importers.published.meta import agency_kind, match_heading, parse_title
from importers.published.normalise import normalise
from importers.published.signature import SIGNATURE_MAX, find_signature
from importers.published.tables import TableRead, TableReader, cell_name, printed_total
from importers.summary_marker import mark_summary
from model import limits
from model.formats import FORMATS, UnknownFormat, format_for_year
from model.report import Report
from model.spec import FormatSpec, Role
from model.values import InvalidValue, Value, format_value

_MISSING_LISTED = 5  # cells named in a "not found" note before 「等」
_QUOTE = 40  # characters of stray text quoted in a note
# A title: the agency's name at its longest and 「2024年度政府信息公开工作年度报告」 around it.
_TITLE_MAX = limits.MAX_AGENCY_CHARS + 30


def read_published(document: PublishedDocument) -> ImportResult:
    """The report in a published document: meta, narrative and table values, with
    every note the front end and the mapping made (front end first). A document
    holding two reports gives the first, with a note naming the other; a table
    printed twice gives one set of values, with a note naming every cell on
    which the printings disagree. Raises ImportRefused when the document has
    neither a section heading nor a table of the official formats."""
    document = normalise(document)
    blocks, name = document.blocks, document.name
    notes: list[str] = list(document.notes)
    spec = _detect_format(blocks)
    # headings and title suffix are looked up in the newest format until the
    # tables have told which one the document uses
    provisional = spec or max(FORMATS.values(), key=lambda f: f.first_year)
    blocks, second = first_report(blocks, provisional)
    if second:
        spec = _detect_format(blocks)
        provisional = spec or provisional
    headings = _find_headings(blocks, provisional)
    tables = [b for b in blocks if isinstance(b, Table)]
    if not headings and not tables:
        raise ImportRefused(s.DOCX_NOT_A_REPORT.format(name=name))
    notes += second
    first_heading = min(headings.values(), default=len(blocks))
    title_span = _title_span(blocks, first_heading)
    title = _title(blocks, title_span)
    suffix = provisional.title_suffix
    parsed = parse_title(title, suffix) if title else None
    last_heading = max(headings.values(), default=-1)
    signature = find_signature(blocks, last_heading, parsed.agency if parsed else "")

    year, year_notes = _year(parsed, signature.date, blocks, headings)
    if spec is None:
        spec = _format_by_year(year)
        notes.append(s.DOCX_FORMAT_BY_YEAR.format(year=year, name=spec.name))
        headings = _find_headings(blocks, spec)
    else:
        notes.append(s.DOCX_FORMAT_BY_LABELS.format(name=spec.name, issued_by=spec.issued_by))
        expected = _format_by_year(year)
        if expected.id != spec.id and not spec.applies_to(year):
            mismatch = s.DOCX_FORMAT_YEAR_MISMATCH
            notes.append(mismatch.format(name=spec.name, year=year, expected=expected.name))
    if not title:
        notes.append(s.DOCX_NO_TITLE.format(suffix=suffix))
    else:
        notes += _before_title_notes(blocks, title_span)
    notes += year_notes

    agency = _agency(parsed.agency if parsed else "", signature.agency, notes)
    agency = readable_text(agency, s.AGENCY_WHERE, notes, one_line=True)
    kind, what = agency_kind(agency)
    deadline = spec.deadline(year, kind)
    when = f"{deadline.month}月{deadline.day}日" if deadline else ""
    if kind == "government":
        notes.append(s.DOCX_KIND_GOVERNMENT.format(agency=agency, what=what, deadline=when))
    else:
        notes.append(s.DOCX_KIND_DEPARTMENT.format(deadline=when))
    notes += signature.notes

    report = Report(spec, year, agency=agency, kind=kind, date=signature.date)
    # not from the title: the officer confirms the year (R13 until then)
    report.meta.year_pending = bool(year_notes)
    title_end = title_span[1] if title_span else 0
    notes += _read_texts(report, blocks, headings, signature.start, title_end)
    notes += _read_tables(report, blocks)
    notes += mark_summary(report, document.summary_marker)
    # a sentence said twice (a repeated row's reading) says nothing new
    return ImportResult(report, list(dict.fromkeys(notes)))


# ---- format ------------------------------------------------------------------------
def _labels_of(spec: FormatSpec) -> set[str]:
    return {norm(g.text) for t in spec.tables for g in t.grid if g.text and norm(g.text)}


def _detect_format(blocks: Sequence[Block]) -> FormatSpec | None:
    """The format whose own labels (those no other format prints) the document uses most."""
    found: set[str] = set()
    for block in blocks:
        if isinstance(block, Table):
            found.update(norm(t) for t in block.texts())
        elif len(block.text) <= SIGNATURE_MAX:
            found.add(norm(block.text))
    labels = {fid: _labels_of(spec) for fid, spec in FORMATS.items()}
    scores: dict[str, int] = {}
    for fid, own in labels.items():
        others = set().union(*(v for k, v in labels.items() if k != fid))
        scores[fid] = len((own - others) & found)
    best = max(scores.values(), default=0)
    winners = [fid for fid, score in scores.items() if score == best]
    if best == 0 or len(winners) > 1:
        return None
    return FORMATS[winners[0]]


def _format_by_year(year: int) -> FormatSpec:
    try:
        return format_for_year(year)
    except UnknownFormat:
        return min(FORMATS.values(), key=lambda f: abs(f.first_year - year))


# ---- headings, title, signature --------------------------------------------------------
def _find_headings(blocks: Sequence[Block], spec: FormatSpec) -> dict[str, int]:
    """Block index of each section heading (the first occurrence)."""
    found: dict[str, int] = {}
    for i, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            m = match_heading(block.text, spec)
            if m and m.section not in found:
                found[m.section] = i
    return found


def _heading_notes(blocks: Sequence[Block], headings: dict[str, int], spec: FormatSpec):
    notes = []
    for section in spec.sections:
        i = headings.get(section.id)
        if i is None:
            notes.append(s.DOCX_SECTION_MISSING.format(heading=section.heading))
            continue
        text = blocks[i].text.strip()  # type: ignore[union-attr]
        m = match_heading(text, spec)
        if m and m.fuzzy:
            notes.append(
                s.DOCX_HEADING_FUZZY.format(text=text, heading=section.heading, section=section.id)
            )
        elif m and m.number and m.number != section.id:
            notes.append(
                s.DOCX_HEADING_NUMBER.format(section=section.id, text=text, heading=section.heading)
            )
    return notes


_SENTENCE_MARKS = re.compile(r"[。；;，,：:！!？?•·>＞|｜]")


def _title_span(blocks: Sequence[Block], first_heading: int) -> tuple[int, int] | None:
    """Where the title is before the first heading: [start, end) block indices.

    The title is the last line before the first heading that ends in 「报告」 and
    reads as a title (no sentence punctuation, not over a name's length): a
    published page may list links to other years' reports above it. When that
    line does not name the agency (a long name broken over lines above
    「2024年政府信息公开工作年度报告」) or names only the end of it (a wrap inside
    the name), the short lines right above it join it."""
    found = None
    # a line naming the report (政府信息公开) before any other line ending in 「报告」
    # (「关于2022年度审计整改情况的报告」 under the title is no title)
    for wanted in ("政府信息公开", ""):
        for i in range(first_heading - 1, -1, -1):
            found = _title_end_at(blocks, i, wanted)
            if found is not None:
                break
        if found is not None:
            break
    if found is None:
        return None
    start, end = found
    title = "".join(b.text for b in blocks[start:end])
    agency = parse_title(title, "政府信息公开").agency
    if agency and not _name_cut(agency):
        return start, end
    chars = len(re.sub(r"\s+", "", title))
    for i in range(start - 1, max(start - 12, -1), -1):
        block = blocks[i]
        if isinstance(block, Table):
            break
        text = re.sub(r"\s+", "", block.text)
        if not text or "报告" in text or _SENTENCE_MARKS.search(text):
            break
        chars += len(text)
        if chars > _TITLE_MAX:
            break
        start = i
        title = text + title
        if agency and not _name_cut(parse_title(title, "政府信息公开").agency):
            break  # the name cut by the wrap is whole again
    return start, end


def _name_cut(agency: str) -> bool:
    """Whether a title's agency is the end of a name the page wrapped (「室)」 of
    「……（县人民防空办公」 over 「室）2024年……」): a bracket closed it never opened."""
    closing = agency.count(")") + agency.count("）")
    return closing > agency.count("(") + agency.count("（")


def _title_end_at(blocks: Sequence[Block], i: int, wanted: str = "") -> tuple[int, int] | None:
    """[start, i + 1) when the paragraph at `i` ends a title holding `wanted` —
    alone, or with the one or two lines above it when a narrow page wrapped the
    title mid-word (「……年度报」 over 「告」)."""
    lines: list[str] = []
    for k in range(i, max(i - 3, -1), -1):
        block = blocks[k]
        if not isinstance(block, Paragraph) or not block.text.strip():
            return None
        lines.insert(0, block.text)
        joined = "".join(lines)
        if _title_line(joined) and wanted in re.sub(r"\s+", "", joined):
            return k, i + 1
    return None


# 「……年度报告」, also with a short bracketed addition: 「……年度报告（全文）」
_TITLE_END = re.compile(r"报告(?:[（(【\[][^）)】\]]{1,8}[）)】\]])?$")


def _title_line(text: str) -> bool:
    flat = re.sub(r"\s+", "", text).strip("《》“”\"'")
    return (
        bool(_TITLE_END.search(flat))
        and len(flat) <= _TITLE_MAX
        and not _SENTENCE_MARKS.search(flat)
    )


def _before_title_notes(blocks: Sequence[Block], span: tuple[int, int] | None) -> list[str]:
    """Lines a page prints above the title (its site, links to other reports) are
    not the report's: named in a note, not read. The title said again above it
    (a page's own title bar) is no such line."""
    title = norm(_title(blocks, span))
    lines = [b.text.strip() for b in blocks[: span[0] if span else 0] if isinstance(b, Paragraph)]
    text = "」「".join(line for line in lines if line and norm(line) != title)
    if not text:
        return []
    short = text if len(text) <= _QUOTE else text[:_QUOTE] + "…"
    return [s.DOCX_BEFORE_TITLE.format(text=short)]


def _title(blocks: Sequence[Block], span: tuple[int, int] | None) -> str:
    """The title's text (its lines joined), "" when there is none."""
    if span is None:
        return ""
    return "".join(b.text.strip() for b in blocks[span[0] : span[1]])


def _year(parsed, date: dt.date | None, blocks, headings) -> tuple[int, list[str]]:
    notes: list[str] = []
    if parsed and parsed.year:
        if limits.MIN_YEAR <= parsed.year <= limits.MAX_YEAR:
            return parsed.year, []
        notes.append(_year_out_of_range(parsed.year))
    if date:
        year = date.year - 1
        if limits.MIN_YEAR <= year <= limits.MAX_YEAR:
            return year, [*notes, s.DOCX_YEAR_FROM_DATE.format(date=_cn_date(date), year=year)]
        notes.append(_year_out_of_range(year))
    start = headings.get("一")
    if start is not None:
        for block in blocks[start + 1 : start + 4]:
            if isinstance(block, Paragraph):
                m = re.match(r"\s*(\d{4})\s*年", block.text)
                if m and limits.MIN_YEAR <= int(m.group(1)) <= limits.MAX_YEAR:
                    year = int(m.group(1))
                    return year, [*notes, s.DOCX_YEAR_FROM_TEXT.format(year=year)]
    year = dt.date.today().year - 1
    return year, [*notes, s.DOCX_NO_YEAR.format(year=year)]


def _year_out_of_range(year: int) -> str:
    return s.DOCX_YEAR_OUT_OF_RANGE.format(year=year, first=limits.MIN_YEAR, last=limits.MAX_YEAR)


def _cn_date(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def _agency(from_title: str, from_signature: str, notes: list[str]) -> str:
    """The signature's agency; the title's only when there is no signature."""
    if from_signature:
        if from_title and norm(from_title) != norm(from_signature):
            notes.append(
                s.DOCX_AGENCY_FROM_SIGNATURE.format(signature=from_signature, title=from_title)
            )
        agency = from_signature
    elif from_title:
        notes.append(s.DOCX_AGENCY_FROM_TITLE.format(agency=from_title))
        agency = from_title
    else:
        notes.append(s.DOCX_NO_AGENCY)
        return ""
    if len(agency) > limits.MAX_AGENCY_CHARS:
        notes.append(
            s.DOCX_AGENCY_TOO_LONG.format(chars=len(agency), limit=limits.MAX_AGENCY_CHARS)
        )
        agency = agency[: limits.MAX_AGENCY_CHARS]
    return agency


# ---- narrative ---------------------------------------------------------------------------
def _read_texts(
    report: Report,
    blocks: Sequence[Block],
    headings: dict[str, int],
    sig_start: int,
    title_end: int,
) -> list[str]:
    """Each section's paragraphs between its heading and the next (the last up to
    the signature); paragraphs between the title (ending at block `title_end`)
    and the first heading open section 一, with a note."""
    spec = report.spec
    notes = _heading_notes(blocks, headings, spec)
    order = sorted(headings.items(), key=lambda kv: kv[1])
    for n, (section_id, start) in enumerate(order):
        end = order[n + 1][1] if n + 1 < len(order) else sig_start
        paragraphs = [
            b.text.strip()
            for b in blocks[start + 1 : max(end, start + 1)]
            if isinstance(b, Paragraph) and b.text.strip()
        ]
        if section_id in report.texts:
            if section_id == order[0][0] == spec.sections[0].id:
                preamble = _preamble(blocks, title_end, start)
                if preamble:
                    notes.append(
                        s.DOCX_PREAMBLE.format(
                            heading=spec.sections[0].heading, chars=len(preamble)
                        )
                    )
                    paragraphs = [preamble, *paragraphs]
            heading = spec.section_by_id[section_id].heading
            where = s.TEXT_WHERE.format(heading=heading)
            text = readable_text("\n".join(paragraphs), where, notes)
            if len(text) > limits.MAX_TEXT_CHARS:
                notes.append(
                    s.DOCX_TEXT_CUT.format(
                        heading=heading, chars=len(text), limit=limits.MAX_TEXT_CHARS
                    )
                )
                text = text[: limits.MAX_TEXT_CHARS]
            lines = text.split("\n")
            if len(lines) > limits.MAX_TEXT_LINES:
                notes.append(
                    s.DOCX_TEXT_LINES_CUT.format(
                        heading=heading, lines=len(lines), limit=limits.MAX_TEXT_LINES
                    )
                )
                text = "\n".join(lines[: limits.MAX_TEXT_LINES])
            report.set_text(section_id, text)
        else:
            notes += _stray_paragraphs(spec, section_id, paragraphs)
    return notes


def _stray_paragraphs(spec, section_id: str, paragraphs: list[str]) -> list[str]:
    """Text in a table section that is not a block caption: said, not dropped silently."""
    section = spec.section_by_id[section_id]
    table = spec.table_by_id.get(section.table or "")
    captions = {norm(g.text) for g in table.grid if g.role is Role.CAPTION} if table else set()
    stray = [p for p in paragraphs if norm(p) not in captions]
    if not stray:
        return []
    text = "".join(stray)
    short = text if len(text) <= _QUOTE else text[:_QUOTE] + "…"
    return [s.DOCX_TEXT_FROM_TABLE_SECTION.format(heading=section.heading, text=short)]


def _preamble(blocks: Sequence[Block], title_end: int, first_heading: int) -> str:
    """Paragraphs between the title and the first heading (an introduction);
    what a page prints above its title (site lines, links) is not the report's."""
    texts = [b.text.strip() for b in blocks[title_end:first_heading] if isinstance(b, Paragraph)]
    return "\n".join(t for t in texts if t)


# ---- tables --------------------------------------------------------------------------------
def _caption_before(blocks: Sequence[Block], i: int, captions: list[str]) -> str | None:
    """A block caption typed as a paragraph just above a table (「第二十条第（一）项」)."""
    for block in reversed(blocks[max(0, i - 3) : i]):
        if isinstance(block, Table):
            return None
        key = norm(block.text)
        if key:
            return next((c for c in captions if norm(c) == key), None)
    return None


def _read_tables(report: Report, blocks: Sequence[Block]) -> list[str]:
    spec = report.spec
    headings_by_table = {sec.table: sec.heading for sec in spec.sections if sec.table}
    readers = [(t, TableReader(t, headings_by_table.get(t.id, t.id))) for t in spec.tables]
    printings: dict[str, list[Printing]] = {t.id: [] for t in spec.tables}
    last: dict[str, TableRead] = {}  # the last table read for each spec table
    notes: list[str] = []
    for i, block in enumerate(blocks):
        if not isinstance(block, Table):
            continue
        first = next((t.strip() for t in block.texts() if t.strip()), "")
        if not first:
            notes.append(s.DOCX_TABLE_BLANK.format(where=block.where))
            continue
        best: TableRead | None = None
        for table, reader in readers:
            captions = [g.text for g in table.grid if g.role is Role.CAPTION]
            before = last.get(table.id)
            result = reader.read(block, _caption_before(blocks, i, captions), before)
            if best is None or result.score > best.score:
                best = result
        if best is None or best.score == 0:
            notes.append(s.DOCX_TABLE_UNKNOWN.format(where=block.where, first=first[:20]))
            continue
        heading = headings_by_table.get(best.table.id, best.table.id)
        if best.used_inherited:
            notes.append(s.DOCX_TABLE_CONTINUED.format(where=block.where, heading=heading))
        other_year = comparison_caption(blocks, i, report.meta.year)
        printings[best.table.id].append(Printing(block.label, best, other_year))
        last[best.table.id] = best
        if best.repeat is not None:
            where = s.TABLE_REPEATED_ROWS.format(where=block.label)
            printings[best.table.id].append(Printing(where, best.repeat, other_year))
            rows = "、".join(f"「{label}」" for label in best.repeated_rows[:3])
            more = "等" if len(best.repeated_rows) > 3 else ""
            notes.append(
                s.DOCX_DUPLICATE_ROWS.format(
                    heading=heading, where=block.where, rows=rows + more,
                    count=len(best.repeated_rows),
                )
            )  # fmt: skip

    for table in spec.tables:
        heading = headings_by_table.get(table.id, table.id)
        parts = printings[table.id]
        if not parts:
            notes.append(s.DOCX_TABLE_MISSING.format(heading=heading))
            continue
        seen: set[str] = set()
        for part in parts:
            notes += part.read.notes
            seen |= part.read.seen
        merged = merge_printings(table, heading, parts)
        for cell_id, unit in merged.units.items():
            report.set_unit(cell_id, unit)
        notes += merged.notes
        if merged.blank:
            notes.append(s.DOCX_BLANK_CELLS.format(heading=heading, count=merged.blank))
        if merged.marks:
            notes.append(s.DOCX_MARK_CELLS.format(heading=heading, count=merged.marks))
        missing = [c for c in table.inputs if c.id not in seen]
        if missing:
            names = "、".join(cell_name(c) for c in missing[:_MISSING_LISTED])
            if len(missing) > _MISSING_LISTED:
                names += "等"
            notes.append(
                s.DOCX_CELLS_MISSING.format(heading=heading, count=len(missing), cells=names)
            )
        report.set_values(merged.values)
        notes += _keep_printed_totals(report, table.id, merged.printed, heading)
    return notes


def _keep_printed_totals(
    report: Report, table_id: str, printed: dict[str, str], heading: str
) -> list[str]:
    """Totals as printed, compared with the sum of their parts: every one that
    disagrees (a different number, a blank over filled parts, a number over blank
    parts) is kept on the report, where the rule engine reports it."""
    notes: list[str] = []
    keep: dict[str, Value | None] = {}
    blank = 0
    table = report.spec.table_by_id[table_id]
    for cell in table.computed_cells:
        if cell.id not in printed:
            continue
        text = printed[cell.id]
        try:
            shown = printed_total(cell, text)
        except InvalidValue as exc:
            notes.append(
                s.DOCX_TOTAL_UNREADABLE.format(cell=cell_name(cell), text=text, reason=exc)
            )
            continue
        computed = report.value(cell.id)
        if shown is None and computed is None:
            continue
        if shown is None:
            blank += 1
        elif computed is None:
            notes.append(
                s.DOCX_TOTAL_BUT_BLANK.format(cell=cell_name(cell), printed=format_value(shown))
            )
        elif shown != computed:
            notes.append(
                s.DOCX_TOTAL_DIFFERS.format(
                    cell=cell_name(cell),
                    printed=format_value(shown),
                    computed=format_value(computed),
                )
            )
        else:
            continue
        keep[cell.id] = shown
    if blank:
        notes.append(s.DOCX_TOTALS_BLANK.format(heading=heading, count=blank))
    report.set_printed(keep)
    return notes
