"""Importing a published report from a PDF with a text layer.

The PDF front end: pages are read with pdfplumber (on pdfminer.six), which only
reads what a page prints — a PDF's JavaScript, form fields and attachments are
never run or read (a note says they were there). Each page gives its tables
(importers/pdf_tables.py: from ruling lines, else from word positions) and the
lines of text around them; lines wrapped by the page are joined back into
paragraphs, page numbers dropped, and the result is a neutral
PublishedDocument mapped to the format spec by importers/published/reader.py,
as a Word report is.

A PDF without text (a scan) is refused: there is no OCR. The page count, the
file size and the reading time are bounded by model.limits.
"""

from __future__ import annotations

import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from importers import ImportRefused, ImportResult
from importers import strings as s
from importers.pdf_tables import TEXT_OPTIONS
from importers.published.document import Block, Paragraph, PublishedDocument, Table
from importers.published.reader import read_published
from model import limits

_MAGIC_WINDOW = 1024  # a PDF header may follow some junk; readers look this far
# 「-1-」「— 2 —」「第 3 页」「4/10」「第 5 页 共 9 页」: page furniture, not text
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－_·]*(第\s*)?\d{1,4}\s*(页)?\s*([/／]\s*\d{1,4}|共\s*\d{1,4}\s*页)?[\s\-—–－_·]*$"
)
_MARGIN_SHARE = 0.12  # page numbers sit in the top or bottom 12% of a page
# a line starting so begins a paragraph even without an indent: 「一、」「（二）」「3.」
_ENUMERATOR = re.compile(r"^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）])")
_MIN_TEXT_CHARS = 10  # fewer printed characters than this in the whole file: a scan


def import_pdf(path: str | Path) -> ImportResult:
    """Read a published report from a PDF. Raises ImportRefused (Chinese) for a
    file that is not a readable PDF, has too many pages, no text layer (a scan),
    takes too long to read, or is not a report."""
    return read_published(read_pdf(Path(path)))


def read_pdf(path: Path) -> PublishedDocument:
    """The PDF's pages as a neutral document: paragraphs and tables in reading
    order, page numbers dropped. Raises ImportRefused as import_pdf does."""
    _check_file(path)
    import pdfplumber  # heavy; only when importing a PDF
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    started = time.monotonic()
    try:
        pdf = pdfplumber.open(str(path))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ImportRefused(s.PDF_ENCRYPTED.format(name=path.name)) from exc
    except Exception as exc:  # pdfminer raises many types for broken files
        if _encrypted(exc):
            raise ImportRefused(s.PDF_ENCRYPTED.format(name=path.name)) from exc
        raise ImportRefused(s.PDF_BROKEN.format(name=path.name)) from exc
    try:
        return _read(pdf, path.name, started)
    except ImportRefused:
        raise
    except Exception as exc:  # a broken content stream, object or font
        if _encrypted(exc):
            raise ImportRefused(s.PDF_ENCRYPTED.format(name=path.name)) from exc
        raise ImportRefused(s.PDF_BROKEN.format(name=path.name)) from exc
    finally:
        pdf.close()


def _check_file(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(_MAGIC_WINDOW)
    except OSError as exc:
        raise ImportRefused(s.CANNOT_OPEN.format(name=path.name, reason=exc.strerror)) from exc
    if size > limits.MAX_FILE_BYTES:
        raise ImportRefused(s.TOO_LARGE.format(name=path.name, mb=limits.MAX_FILE_BYTES // 2**20))
    if b"%PDF-" not in head:
        raise ImportRefused(s.PDF_NOT_PDF.format(name=path.name))


def _encrypted(exc: BaseException) -> bool:
    while exc is not None:
        if type(exc).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError"):
            return True
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return False


@dataclass
class _Line:
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    first: bool = False  # the first item on its page
    last: bool = False  # the last item on its page


def _read(pdf, name: str, started: float) -> PublishedDocument:
    from pdfminer.pdfpage import PDFPage
    from pdfplumber.page import Page

    from importers.pdf_tables import page_tables

    declared = _declared_pages(pdf)
    if declared > limits.MAX_PDF_PAGES:
        raise ImportRefused(
            s.PDF_TOO_MANY_PAGES.format(name=name, pages=declared, limit=limits.MAX_PDF_PAGES)
        )
    notes: list[str] = []
    if _active_content(pdf):
        notes.append(s.PDF_ACTIVE_CONTENT)
    items: list[list[tuple[float, _Line | Table]]] = []
    sizes: list[float] = []
    printed = 0
    doctop = 0.0
    for number, page_obj in enumerate(PDFPage.create_pages(pdf.doc), start=1):
        if number > limits.MAX_PDF_PAGES:
            raise ImportRefused(
                s.PDF_TOO_MANY_PAGES.format(
                    name=name, pages=f"{limits.MAX_PDF_PAGES} 多", limit=limits.MAX_PDF_PAGES
                )
            )
        _check_time(name, started)
        page = Page(pdf, page_obj, page_number=number, initial_doctop=doctop)
        doctop += page.height
        chars = page.chars
        printed += sum(1 for c in chars if c["text"].strip())
        sizes.extend(c["size"] for c in chars[:2000])
        tables, boxes, table_notes = page_tables(page, number)
        notes += table_notes
        rest = page.filter(lambda obj, boxes=boxes: not _inside(obj, boxes)) if boxes else page
        on_page: list[tuple[float, _Line | Table]] = [(top, table) for top, table in tables]
        for line in rest.extract_text_lines(strip=True, return_chars=False, **TEXT_OPTIONS):
            text = line["text"]
            if text.strip():
                on_page.append(
                    (
                        line["top"],
                        _Line(number, line["x0"], line["x1"], line["top"], line["bottom"], text),
                    )
                )
        on_page.sort(key=lambda item: item[0])
        _drop_page_numbers(on_page, page.height)
        if on_page:
            for position in (0, -1):
                item = on_page[position][1]
                if isinstance(item, _Line):
                    if position == 0:
                        item.first = True
                    else:
                        item.last = True
        items.append(on_page)
        page.close()
    if printed < _MIN_TEXT_CHARS:
        raise ImportRefused(s.PDF_NO_TEXT.format(name=name))
    size = statistics.median(sizes) if sizes else 10.0
    blocks = _paragraphs([item for page in items for _top, item in page], size)
    if len(blocks) > limits.MAX_TABLES * 100:  # absurd; the reader is linear anyway
        raise ImportRefused(s.TOO_MANY_TABLES.format(name=name, limit=limits.MAX_TABLES))
    return PublishedDocument(blocks, notes, name)


def _check_time(name: str, started: float) -> None:
    if time.monotonic() - started > limits.MAX_IMPORT_SECONDS:
        raise ImportRefused(s.PDF_TOO_SLOW.format(name=name, seconds=limits.MAX_IMPORT_SECONDS))


def _declared_pages(pdf) -> int:
    """The page count the page tree declares (/Count), before any page is read."""
    from pdfminer.pdftypes import resolve1

    try:
        pages = resolve1(pdf.doc.catalog.get("Pages"))
        count = resolve1(pages.get("Count")) if isinstance(pages, dict) else 0
        return int(count) if isinstance(count, int) else 0
    except Exception:  # a broken tree: counted while reading instead
        return 0


def _active_content(pdf) -> bool:
    """Whether the PDF carries scripts, a form or attachments (never read)."""
    from pdfminer.pdftypes import resolve1

    try:
        catalog = pdf.doc.catalog
        if "AA" in catalog:
            return True
        action = resolve1(catalog.get("OpenAction"))
        if isinstance(action, dict) and str(resolve1(action.get("S"))) != "/'GoTo'":
            return True  # an opening view ([page /XYZ …] or GoTo) is harmless
        form = resolve1(catalog.get("AcroForm"))
        if isinstance(form, dict) and resolve1(form.get("Fields")):
            return True
        names = resolve1(catalog.get("Names"))
        return isinstance(names, dict) and any(
            key in names for key in ("JavaScript", "EmbeddedFiles")
        )
    except Exception:
        return False


def _inside(obj, boxes: list[tuple[float, float, float, float]]) -> bool:
    """Whether a page object's centre lies in one of the table boxes."""
    if "x0" not in obj or "top" not in obj:
        return False
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _drop_page_numbers(items: list[tuple[float, _Line | Table]], height: float) -> None:
    """Page numbers and 「第 N 页」 lines in the top or bottom margin of a page."""
    for position in (-1, 0):
        if not items:
            return
        item = items[position][1]
        if not isinstance(item, _Line) or not _PAGE_NUMBER.match(item.text):
            continue
        in_margin = item.bottom > height * (1 - _MARGIN_SHARE) or item.top < height * _MARGIN_SHARE
        if in_margin:
            del items[position]


def _paragraphs(items: list[_Line | Table], size: float) -> list[Block]:
    """Lines joined into paragraphs where the page wrapped them: a line that
    reaches the right margin continues in the next one unless that one is
    indented, starts with an enumerator (「二、」「（三）」) or lies further away
    than a line's spacing (on the same page; across a page break it may
    continue)."""
    lines = [item for item in items if isinstance(item, _Line)]
    if not lines:
        return [item for item in items if isinstance(item, Table)]
    left = _mode(round(line.x0) for line in lines)
    right = _upper(line.x1 for line in lines)
    out: list[Block] = []
    previous: _Line | None = None
    for item in items:
        if isinstance(item, Table):
            out.append(item)
            previous = None
            continue
        if previous is not None and _continues(previous, item, left, right, size):
            last = out[-1]
            assert isinstance(last, Paragraph)
            last.text = _join(last.text, item.text)
        else:
            out.append(Paragraph(item.text))
        previous = item
    return out


def _continues(previous: _Line, line: _Line, left: float, right: float, size: float) -> bool:
    if previous.x1 < right - 1.5 * size:  # the previous line ended short
        return False
    if line.x0 > left + 0.5 * size or _ENUMERATOR.match(line.text):
        return False
    if line.page == previous.page:
        return line.top - previous.bottom < 1.2 * size
    return line.page == previous.page + 1 and previous.last and line.first


def _join(before: str, after: str) -> str:
    """Two wrapped lines as one: Chinese runs on, Latin words keep a space."""
    latin = before and after and before[-1].isascii() and before[-1].isalnum()
    if latin and after[0].isascii() and after[0].isalnum():
        return f"{before} {after}"
    return before + after


def _mode(values) -> float:
    counts: dict[float, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    # the most common left edge; on a tie the leftmost (body text, not indents)
    return min(counts, key=lambda v: (-counts[v], v))


def _upper(values) -> float:
    """The right margin: the edge most full lines reach (90th percentile of x1)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
