"""Tables without ruling lines, read from the positions of their words.

Used for a page on which no ruled table was found. A line of text is split into
segments where the gap between two words is wider than a character; a run of
consecutive lines of two or more segments, at least one of them a line of
numbers, is a table. Its value columns are where the numbers of its lines
stand; each segment goes to the column it overlaps most, the segments left of
the first value column are the row's labels. Lines above the first line of
numbers are header rows.

What this cannot rebuild is said by the mapping's notes, never guessed: a label
wrapped over several lines keeps only the part on the line of its numbers (the
row is then usually not found, and its cells are named as missing); a single
line of text ends a table (a block caption then reads as the caption of the
table after it).
"""

from __future__ import annotations

from dataclasses import dataclass

from importers import strings as s
from importers.published.document import Table, TableBuilder
from importers.published.tables import value_like

Box = tuple[float, float, float, float]
_GAP_CHARS = 1.0  # a gap wider than this many character widths separates cells
_LINE_SHARE = 0.5  # words whose tops differ by less than half their size share a line
_MIN_VALUE_LINES = 1


@dataclass
class _Segment:
    x0: float
    x1: float
    text: str


@dataclass
class _Line:
    top: float
    bottom: float
    segments: list[_Segment]

    @property
    def numbers(self) -> int:
        return sum(1 for seg in self.segments[1:] if value_like(seg.text) and seg.text.strip())


def word_tables(page) -> list[tuple[float, Table, Box]]:
    """(top, Table, box) of each table set in columns without ruling lines."""
    from importers.pdf_tables import TEXT_OPTIONS

    words = page.extract_words(**TEXT_OPTIONS)
    lines = _lines(words)
    out: list[tuple[float, Table, Box]] = []
    run: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and len(line.segments) >= 2:
            run.append(line)
            continue
        if sum(1 for x in run if x.numbers) >= _MIN_VALUE_LINES and len(run) >= 2:
            table = _table(run, len(out) + 1, page.page_number)
            if table is not None:
                x0 = min(seg.x0 for x in run for seg in x.segments)
                x1 = max(seg.x1 for x in run for seg in x.segments)
                out.append((run[0].top, table, (x0, run[0].top, x1, run[-1].bottom)))
        run = []
    return out


def _lines(words: list[dict]) -> list[_Line]:
    ordered = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    groups: list[list[dict]] = []
    for word in ordered:
        size = word["bottom"] - word["top"]
        if groups and abs(groups[-1][0]["top"] - word["top"]) < size * _LINE_SHARE:
            groups[-1].append(word)
        else:
            groups.append([word])
    out = []
    for group in groups:
        group.sort(key=lambda w: w["x0"])
        size = max(w["bottom"] - w["top"] for w in group)
        segments: list[_Segment] = []
        for word in group:
            if segments and word["x0"] - segments[-1].x1 <= size * _GAP_CHARS:
                last = segments[-1]
                last.text += word["text"]
                last.x1 = word["x1"]
            else:
                segments.append(_Segment(word["x0"], word["x1"], word["text"]))
        top = min(w["top"] for w in group)
        out.append(_Line(top, max(w["bottom"] for w in group), segments))
    return out


def _table(run: list[_Line], index: int, page: int) -> Table | None:
    """The run of lines as a grid: value columns from the lines of numbers."""
    value_lines = [line for line in run if line.numbers]
    spans: list[tuple[float, float]] = []
    for line in value_lines:
        for seg in line.segments[1:]:
            if value_like(seg.text):
                spans.append((seg.x0, seg.x1))
    columns = _columns(spans)
    if len(columns) < 1:
        return None
    first_value = columns[0][0]
    label_starts = _columns(
        [(seg.x0, seg.x0 + 1) for line in run for seg in line.segments if seg.x1 <= first_value]
    )
    n_labels = max(len(label_starts), 1)
    builder = TableBuilder(s.PDF_TABLE_WHERE.format(page=page, index=index))
    for line in run:
        if not builder.new_row():
            continue
        for seg in line.segments:
            if seg.x1 <= first_value + 1:
                col = _nearest(label_starts, seg.x0) if label_starts else 0
            else:
                col = n_labels + _overlapping(columns, seg)
            builder.add_at(col, seg.text)
    return builder.build()


def _columns(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Overlapping spans merged into columns, left to right."""
    out: list[list[float]] = []
    for x0, x1 in sorted(spans):
        if out and x0 <= out[-1][1]:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return [(a, b) for a, b in out]


def _nearest(starts: list[tuple[float, float]], x: float) -> int:
    return min(range(len(starts)), key=lambda i: abs(starts[i][0] - x))


def _overlapping(columns: list[tuple[float, float]], seg: _Segment) -> int:
    """The column the segment overlaps most (the nearest one if none)."""

    def overlap(i: int) -> float:
        a, b = columns[i]
        return min(b, seg.x1) - max(a, seg.x0)

    best = max(range(len(columns)), key=overlap)
    if overlap(best) > 0:
        return best
    centre = (seg.x0 + seg.x1) / 2
    return min(range(len(columns)), key=lambda i: abs(sum(columns[i]) / 2 - centre))
