"""Measure a PDF that LibreOffice made of a Word export (pdfplumber).

Positions are in millimetres from the top left corner of the page. Glyph boxes
come from the PDF's text (pdfplumber); the page number's dash is measured on the
rendered page, because a dash's ink sits wherever its font draws it. A landscape
page (a wide table's own section) has the type area turned on its side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pdfplumber

from exporters.docx import styles

MM = 72 / 25.4  # PDF points per millimetre
TYPE_LEFT = styles.MARGIN_LEFT_MM
TYPE_RIGHT = styles.PAGE_WIDTH_MM - styles.MARGIN_RIGHT_MM
TYPE_TOP = styles.MARGIN_TOP_MM
TYPE_BOTTOM = styles.PAGE_HEIGHT_MM - styles.MARGIN_BOTTOM_MM


@dataclass(frozen=True)
class Area:
    """The type area of a page, in mm from the page's top left corner."""

    left: float
    right: float
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


PORTRAIT = Area(TYPE_LEFT, TYPE_RIGHT, TYPE_TOP, TYPE_BOTTOM)
LANDSCAPE = Area(
    styles.LANDSCAPE_MARGIN_LEFT_MM,
    styles.PAGE_HEIGHT_MM - styles.LANDSCAPE_MARGIN_RIGHT_MM,
    styles.LANDSCAPE_MARGIN_TOP_MM,
    styles.PAGE_WIDTH_MM - styles.LANDSCAPE_MARGIN_BOTTOM_MM,
)


def area_of(page) -> Area:
    """The type area of a pdfplumber page, by its orientation."""
    return LANDSCAPE if page.width > page.height else PORTRAIT


@dataclass(frozen=True)
class Line:
    """One printed line of text: its glyphs' extent and text."""

    page: int  # 1-based
    top: float
    bottom: float
    left: float
    right: float
    text: str
    size: float = 0.0  # the largest type size on the line, pt


@dataclass
class Page:
    number: int
    lines: list[Line]  # in the type area, top to bottom
    footer: list[Line]  # below the type area
    rects: list[tuple[float, float, float, float]]  # table rules (x0, top, x1, bottom)
    area: Area = PORTRAIT
    sizes: tuple[float, ...] = ()  # type sizes (pt) of the glyphs in the type area

    @property
    def landscape(self) -> bool:
        return self.area is LANDSCAPE

    @property
    def body_text(self) -> str:
        return "".join(line.text for line in self.lines)


def _lines(chars: list[dict], page: int) -> list[Line]:
    rows: dict[int, list[dict]] = {}
    for c in chars:
        if c["text"].strip():
            rows.setdefault(round((c["top"] + c["bottom"]) / 2 / MM / 1.2), []).append(c)
    out = []
    for key in sorted(rows):
        cs = sorted(rows[key], key=lambda c: c["x0"])
        out.append(
            Line(
                page,
                min(c["top"] for c in cs) / MM,
                max(c["bottom"] for c in cs) / MM,
                cs[0]["x0"] / MM,
                cs[-1]["x1"] / MM,
                "".join(c["text"] for c in cs),
                max(c["size"] for c in cs),
            )
        )
    return out


def read(pdf_path: Path) -> list[Page]:
    pages = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for n, p in enumerate(pdf.pages, start=1):
            area = area_of(p)
            lines = _lines(p.chars, n)
            rects = [
                (e["x0"] / MM, e["top"] / MM, e["x1"] / MM, e["bottom"] / MM)
                for e in (*p.rects, *p.lines)
            ]
            body = [c for c in p.chars if c["top"] / MM < area.bottom + 1 and c["text"].strip()]
            pages.append(
                Page(
                    n,
                    [ln for ln in lines if ln.top < area.bottom + 1],
                    [ln for ln in lines if ln.top >= area.bottom + 1],
                    rects,
                    area,
                    tuple(sorted({round(c["size"], 1) for c in body})),
                )
            )
    return pages


def words(pdf_path: Path) -> list[tuple[int, float, str]]:
    """Every run of digits printed on one line, as (page, top mm, digits)."""
    out = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for n, p in enumerate(pdf.pages, start=1):
            for w in p.extract_words(keep_blank_chars=False, x_tolerance=1.5):
                for m in re.finditer(r"\d+(?:\.\d+)?", w["text"]):
                    out.append((n, w["top"] / MM, m.group()))
    return out


def dash_offsets(pdf_path: Path) -> list[float]:
    """Per page, how far (mm) the ink of the page number's dashes sits under the
    type area's lower edge (the middle of the dash stroke)."""
    out = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for p in pdf.pages:
            bottom = area_of(p).bottom
            dashes = [c for c in p.chars if c["text"] == "—" and c["top"] / MM > bottom]
            if not dashes:
                continue
            d = dashes[0]
            box = (d["x0"], d["top"], d["x1"], d["bottom"])
            image = p.crop(box).to_image(resolution=1200).original.convert("L")
            width, height = image.size
            px = image.load()
            dark = [
                y for y in range(height) if sum(px[x, y] < 128 for x in range(width)) > width / 3
            ]
            assert dark, "no ink found in the page number's dash"
            middle = d["top"] + (min(dark) + max(dark) + 1) / 2 * (d["bottom"] - d["top"]) / height
            out.append(middle / MM - bottom)
    return out


@dataclass(frozen=True)
class Cell:
    """One cell of a ruled table as printed: its height (mm), its text's lines, and
    the type size (pt) of its glyphs."""

    height: float
    lines: tuple[str, ...]
    size: float


@dataclass(frozen=True)
class Row:
    page: int
    height: float  # mm, between the rules above and below
    cells: tuple[Cell, ...]  # the cells of this row only (not merged from above)


def table_rows(pdf_path: Path) -> list[Row]:
    """Every row of every ruled table, with the cells that stand in it alone (a cell
    merged over several rows is left out of each)."""
    out = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for n, p in enumerate(pdf.pages, start=1):
            for table in p.find_tables():
                for row in table.rows:
                    top, bottom = row.bbox[1], row.bbox[3]
                    cells = []
                    for box in row.cells:
                        if box is None or abs(box[1] - top) > 0.5 or abs(box[3] - bottom) > 0.5:
                            continue
                        chars = [c for c in p.crop(box).chars if c["text"].strip()]
                        text = p.crop(box).extract_text() or ""
                        size = max((c["size"] for c in chars), default=0.0)
                        lines = tuple(line for line in text.split("\n") if line.strip())
                        cells.append(Cell((bottom - top) / MM, lines, size))
                    out.append(Row(n, (bottom - top) / MM, tuple(cells)))
    return out


def cell_texts(pdf_path: Path) -> list[tuple[int, tuple[str, ...]]]:
    """(page, lines) of every cell of every ruled table, merged cells once."""
    out = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for n, p in enumerate(pdf.pages, start=1):
            for table in p.find_tables():
                for box in table.cells:
                    text = p.crop(box).extract_text() or ""
                    lines = tuple(line for line in text.split("\n") if line.strip())
                    if lines:
                        out.append((n, lines))
    return out


def continued_rows(pdf_path: Path) -> list[tuple[int, float, float]]:
    """(page, height mm, what its cells need mm) of every row a continued group label
    (「…（续）」) stands beside. What a row needs: the extent of its other cells'
    glyphs plus a line's leading and the cell margins, at least one line's row."""
    out = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for n, p in enumerate(pdf.pages, start=1):
            hits = p.search("（续")
            if not hits:
                continue
            across = [e for e in p.edges if e["orientation"] == "h"]
            down = [e for e in p.edges if e["orientation"] == "v"]
            for hit in hits:
                size = hit["chars"][0]["size"]
                middle_y = (hit["top"] + hit["bottom"]) / 2
                middle_x = (hit["x0"] + hit["x1"]) / 2
                right = min(
                    e["x0"]
                    for e in down
                    if e["x0"] >= hit["x1"] - 0.5 and e["top"] <= middle_y <= e["bottom"]
                )
                spans = [e for e in across if e["x0"] <= middle_x <= e["x1"]]
                above = max(e["top"] for e in spans if e["top"] <= hit["top"])
                below = min(e["top"] for e in spans if e["top"] >= hit["bottom"])
                beside = right + MM
                rules = sorted(
                    {
                        round(e["top"], 1)
                        for e in across
                        if e["x0"] <= beside <= e["x1"] and above - 0.5 <= e["top"] <= below + 0.5
                    }
                )
                one_row = (1.3 * size + 3) / MM
                for top, bottom in pairwise(rules):
                    glyphs = [
                        c
                        for c in p.chars
                        if c["x0"] >= right
                        and top < (c["top"] + c["bottom"]) / 2 < bottom
                        and c["text"].strip()
                    ]
                    need = one_row
                    if glyphs:
                        extent = max(c["bottom"] for c in glyphs) - min(c["top"] for c in glyphs)
                        need = max(one_row, (extent + 0.3 * size + 3) / MM)
                    out.append((n, (bottom - top) / MM, need))
    return out
