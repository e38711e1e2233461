"""Measure a PDF that LibreOffice made of a Word export (pdfplumber).

Positions are in millimetres from the top left corner of the page. Glyph boxes
come from the PDF's text (pdfplumber); the page number's dash is measured on the
rendered page, because a dash's ink sits wherever its font draws it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from exporters.docx import styles

MM = 72 / 25.4  # PDF points per millimetre
TYPE_LEFT = styles.MARGIN_LEFT_MM
TYPE_RIGHT = styles.PAGE_WIDTH_MM - styles.MARGIN_RIGHT_MM
TYPE_TOP = styles.MARGIN_TOP_MM
TYPE_BOTTOM = styles.PAGE_HEIGHT_MM - styles.MARGIN_BOTTOM_MM


@dataclass(frozen=True)
class Line:
    """One printed line of text: its glyphs' extent and text."""

    page: int  # 1-based
    top: float
    bottom: float
    left: float
    right: float
    text: str


@dataclass
class Page:
    number: int
    lines: list[Line]  # in the type area, top to bottom
    footer: list[Line]  # below the type area
    rects: list[tuple[float, float, float, float]]  # table rules (x0, top, x1, bottom)

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
            )
        )
    return out


def read(pdf_path: Path) -> list[Page]:
    pages = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for n, p in enumerate(pdf.pages, start=1):
            lines = _lines(p.chars, n)
            rects = [
                (e["x0"] / MM, e["top"] / MM, e["x1"] / MM, e["bottom"] / MM)
                for e in (*p.rects, *p.lines)
            ]
            pages.append(
                Page(
                    n,
                    [ln for ln in lines if ln.top < TYPE_BOTTOM + 1],
                    [ln for ln in lines if ln.top >= TYPE_BOTTOM + 1],
                    rects,
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
            dashes = [c for c in p.chars if c["text"] == "—" and c["top"] / MM > TYPE_BOTTOM]
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
            out.append(middle / MM - TYPE_BOTTOM)
    return out
