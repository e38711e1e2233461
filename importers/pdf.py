"""Importing a published report from a PDF with a text layer.

The PDF front end reads what a reader sees of each page. Pages are read with
pdfplumber (on pdfminer.six), which only reads what a page prints — a PDF's
JavaScript, form fields and attachments are never run or read (a note says they
were there) — through importers/pdf_shown.py, which sets aside the text a
viewer does not show (invisible render modes, hidden layers, clipped, covered,
off-page, too small, or in the colour of its background) and reads fake bold
once, each named in a note at its line; annotations drawn over the text are
named too. A page whose text runs sideways (/Rotate) is read upright. Each page
gives its tables (importers/pdf_tables.py: from ruling lines, else from word
positions) and the lines of text around them; lines wrapped by the page are
joined back into paragraphs, page numbers dropped, and the result is a neutral
PublishedDocument mapped to the format spec by importers/published/reader.py,
as a Word report is.

A PDF without visible text is refused: a scan (there is no OCR), and a scan
whose only text is an invisible OCR layer. The file size, the page count, each
decoded stream, each font's character map, the characters, graphics and forms
of a page, and — as the bound for everything else — the time and the memory of
the reading (a child process, importers/pdf_child.py) are bounded by
model.limits.
"""

from __future__ import annotations

import itertools
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from importers import ImportRefused, ImportResult
from importers import strings as s
from importers.docx_text import Finding, Places, quote
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
    file that is not a readable PDF, has too many pages, no visible text (a scan,
    an OCR layer over a scan), needs more time or memory than model.limits
    allow, or is not a report."""
    return read_published(read_pdf(Path(path)))


def read_pdf(path: Path) -> PublishedDocument:
    """The PDF's pages as a neutral document: paragraphs and tables in reading
    order, page numbers dropped. Read in a bounded child process
    (importers/pdf_child.py). Raises ImportRefused as import_pdf does."""
    from importers.pdf_child import ChildMessages, run_in_child

    _check_file(path)
    messages = ChildMessages(
        too_slow=s.PDF_TOO_SLOW.format(name=path.name, seconds=limits.MAX_IMPORT_SECONDS),
        too_much_memory=s.PDF_TOO_MUCH_MEMORY.format(
            name=path.name, mb=limits.MAX_IMPORT_MEMORY // 2**20
        ),
        failed=s.PDF_READER_FAILED.format(name=path.name),
    )
    return run_in_child("importers.pdf", "read_here", (str(path),), messages)


def read_here(path_text: str, deadline: float | None = None) -> PublishedDocument:
    """read_pdf's work, in this process (the child's side; also for tools that
    bound the process themselves). `deadline` is a time.time() after which the
    file is refused."""
    import pdfplumber  # heavy; only when importing a PDF
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    from importers.pdf_shown import PdfLimitExceeded

    path = Path(path_text)
    _check_file(path)
    _bound_pdfminer(path.name)
    deadline = deadline if deadline is not None else time.time() + limits.MAX_IMPORT_SECONDS
    with path.open("rb") as stream:
        try:
            pdf = pdfplumber.open(stream)
        except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
            raise ImportRefused(s.PDF_ENCRYPTED.format(name=path.name)) from exc
        except MemoryError:
            raise
        except Exception as exc:  # pdfminer raises many types for broken files
            limit = _limit_exceeded(exc)
            if limit is not None:
                raise ImportRefused(str(limit)) from exc
            if _encrypted(exc):
                raise ImportRefused(s.PDF_ENCRYPTED.format(name=path.name)) from exc
            raise ImportRefused(s.PDF_BROKEN.format(name=path.name)) from exc
        try:
            return _read(pdf, path.name, deadline)
        except (ImportRefused, MemoryError):
            raise
        except PdfLimitExceeded as exc:
            raise ImportRefused(str(exc)) from exc
        except Exception as exc:  # a broken content stream, object or font
            limit = _limit_exceeded(exc)
            if limit is not None:
                raise ImportRefused(str(limit)) from exc
            if _encrypted(exc):
                raise ImportRefused(s.PDF_ENCRYPTED.format(name=path.name)) from exc
            raise ImportRefused(s.PDF_BROKEN.format(name=path.name)) from exc


def _bound_pdfminer(name: str) -> None:
    """Bound what pdfminer decodes in this process: a stream inflates to at most
    MAX_PDF_STREAM_BYTES, a character map holds at most MAX_PDF_CMAP_ENTRIES.
    (pdfminer offers no setting for either; its module-level zlib and its map
    classes are wrapped, in the reading process only.)"""
    import zlib

    import pdfminer.cmapdb as cmapdb
    import pdfminer.pdftypes as pdftypes

    from importers.pdf_shown import PdfLimitExceeded

    limit = limits.MAX_PDF_STREAM_BYTES
    too_large = s.PDF_STREAM_TOO_LARGE.format(name=name, mb=limit // 2**20)

    def inflate(data: bytes) -> bytes:
        decompressor = zlib.decompressobj()
        out = decompressor.decompress(data, limit + 1)
        if len(out) > limit or decompressor.unconsumed_tail:
            raise PdfLimitExceeded(too_large)
        return out

    class _BoundedZlib:
        error = zlib.error
        decompressobj = staticmethod(zlib.decompressobj)
        decompress = staticmethod(inflate)

    pdftypes.zlib = _BoundedZlib  # type: ignore[assignment]
    pdftypes.decompress_corrupted = inflate  # type: ignore[assignment]

    map_too_large = s.PDF_CMAP_TOO_LARGE.format(name=name, limit=limits.MAX_PDF_CMAP_ENTRIES)

    def counted(method):
        def add(self, *args):
            entries = getattr(self, "_entries_added", 0) + 1
            if entries > limits.MAX_PDF_CMAP_ENTRIES:
                raise PdfLimitExceeded(map_too_large)
            self._entries_added = entries
            return method(self, *args)

        add.__wrapped__ = method  # type: ignore[attr-defined]
        return add

    maps = ((cmapdb.FileUnicodeMap, "add_cid2unichr"), (cmapdb.FileCMap, "add_code2cid"))
    for cls, method in maps:
        current = getattr(cls, method)
        if not hasattr(current, "__wrapped__"):
            setattr(cls, method, counted(current))


def _limit_exceeded(exc: BaseException | None):
    """The PdfLimitExceeded behind an exception pdfminer or pdfplumber wrapped."""
    from importers.pdf_shown import PdfLimitExceeded

    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, PdfLimitExceeded):
            return exc
        inner = [a for a in getattr(exc, "args", ()) if isinstance(a, BaseException)]
        exc = exc.__cause__ or exc.__context__ or (inner[0] if inner else None)
        seen += 1
    return None


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
    seen = 0
    while exc is not None and seen < 10:
        if type(exc).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError"):
            return True
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
        seen += 1
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


def _read(pdf, name: str, deadline: float) -> PublishedDocument:
    from pdfminer.pdfpage import PDFPage

    from importers.pdf_shown import OptionalContent
    from importers.pdf_tables import page_tables

    declared = _declared_pages(pdf)
    if declared > limits.MAX_PDF_PAGES:
        raise ImportRefused(
            s.PDF_TOO_MANY_PAGES.format(name=name, pages=declared, limit=limits.MAX_PDF_PAGES)
        )
    notes: list[str] = []
    if _active_content(pdf):
        notes.append(s.PDF_ACTIVE_CONTENT)
    layers = OptionalContent(pdf.doc.catalog)
    places = Places()
    items: list[list[tuple[float, _Line | Table]]] = []
    sizes: list[float] = []
    printed = 0
    invisible = 0
    rotated: list[int] = []
    doctop = 0.0
    pages = PDFPage.create_pages(pdf.doc)
    number = 0
    while True:
        try:
            page_obj = next(pages)
        except StopIteration:
            break
        except RecursionError as exc:  # a page tree nested thousands deep
            raise ImportRefused(s.PDF_BROKEN.format(name=name)) from exc
        number += 1
        if number > limits.MAX_PDF_PAGES:
            raise ImportRefused(
                s.PDF_TOO_MANY_PAGES.format(
                    name=name, pages=f"{limits.MAX_PDF_PAGES} 多", limit=limits.MAX_PDF_PAGES
                )
            )
        _check_time(name, deadline)
        page, turned = _upright_page(pdf, page_obj, number, doctop, layers)
        if turned:
            rotated.append(number)
        doctop += page.height
        chars = page.chars
        visible = sum(1 for c in chars if c["text"].strip())
        printed += visible
        invisible += sum(len(r.text.strip()) for r in page.set_aside if r.reason == "invisible")
        sizes.extend(c["size"] for c in chars[:2000])
        tables, boxes, table_notes = page_tables(page, number)
        notes += table_notes
        rest = page.filter(lambda obj, boxes=boxes: not _inside(obj, boxes)) if boxes else page
        on_page: list[tuple[float, _Line | Table]] = [(top, table) for top, table in tables]
        lines = rest.extract_text_lines(strip=True, return_chars=False, **TEXT_OPTIONS)
        for line in lines:
            text = line["text"]
            if text.strip():
                on_page.append(
                    (
                        line["top"],
                        _Line(number, line["x0"], line["x1"], line["top"], line["bottom"], text),
                    )
                )
        _note_set_aside(page, places)
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
        if invisible >= _MIN_TEXT_CHARS:
            raise ImportRefused(s.PDF_OCR_ONLY.format(name=name))
        raise ImportRefused(s.PDF_NO_TEXT.format(name=name))
    _join_split_tables(items)
    if rotated:
        notes.append(s.PDF_ROTATED.format(pages="、".join(str(p) for p in rotated[:10])))
    size = statistics.median(sizes) if sizes else 10.0
    blocks = _paragraphs([item for page in items for _top, item in page], size)
    blocks = _without_site(blocks)
    if len(blocks) > limits.MAX_TABLES * 100:  # absurd; the reader is linear anyway
        raise ImportRefused(s.TOO_MANY_TABLES.format(name=name, limit=limits.MAX_TABLES))
    document = PublishedDocument(blocks, notes + places.all(), name)
    document.summary_marker = summary_marker(pdf)
    return document


def summary_marker(pdf) -> str | None:
    """The summary marker (model/summary_marker.py) in the document information: a
    ``nianbao.summary`` entry's text, "" when only the keywords name it (what an
    office suite copies from the Word export, exporters/pdf.py), None for neither."""
    from model.summary_marker import NAME, has_keyword

    try:
        info = pdf.metadata
    except Exception:  # a damaged information dictionary: as if there were none
        return None
    payload = info.get(NAME)
    if payload is not None:
        return payload if isinstance(payload, str) else ""
    keywords = info.get("Keywords")
    return "" if isinstance(keywords, str) and has_keyword(keywords) else None


def _join_split_tables(items: list[list[tuple[float, _Line | Table]]]) -> None:
    """A ruled table split by a page break whose parts were drawn with different
    column lines (a header or a merged cell cut by the page) is put on one grid:
    the union of its parts' column edges. The parts then have one width, and the
    mapping joins them as any continued table (importers/published/normalise.py),
    each header over the columns it stands over."""
    from importers.pdf_tables import COLUMN_EDGES, regrid, same_columns, union_edges

    chains: list[list[tuple[int, int]]] = []
    for p in range(len(items) - 1):
        this, after = items[p], items[p + 1]
        if not this or not after:
            continue
        last, first = this[-1][1], after[0][1]
        if not (isinstance(last, Table) and isinstance(first, Table)):
            continue
        before_edges, after_edges = COLUMN_EDGES.get(id(last)), COLUMN_EDGES.get(id(first))
        if before_edges and after_edges and same_columns(before_edges, after_edges):
            end = (p, len(this) - 1)
            if chains and chains[-1][-1] == end:
                chains[-1].append((p + 1, 0))
            else:
                chains.append([end, (p + 1, 0)])
    for chain in chains:
        parts = [items[p][i][1] for p, i in chain]
        edges = [COLUMN_EDGES[id(part)] for part in parts]
        union = union_edges(edges)
        if len(union) - 1 > limits.MAX_TABLE_COLS or all(len(e) == len(union) for e in edges):
            continue
        for (p, i), part, part_edges in zip(chain, parts, edges, strict=True):
            assert isinstance(part, Table)
            items[p][i] = (items[p][i][0], regrid(part, part_edges, union))
    COLUMN_EDGES.clear()


_TITLE_WORDS = re.compile(r"政府信息公开.*(年度)?报告|年度报告")
_MENU_LINES = 12  # a printed web page's menu before the title: a few short lines


def _without_site(blocks: list[Block]) -> list[Block]:
    """A web page printed to PDF prints the site too: its lines (「当前位置：…」
    「发布日期：… 来源：…」「主办单位：…」) are dropped as on the page, and the
    short menu lines before the report's title (「• 政务公开」, a menu link that
    names a section) too, when the title follows within a few lines."""
    from importers.html import site_line

    blocks = [b for b in blocks if not site_line(b)]
    for i, block in enumerate(blocks[:_MENU_LINES]):
        if isinstance(block, Table):
            break
        text = block.text
        joined = text + (blocks[i + 1].text if i + 1 < len(blocks) and isinstance(
            blocks[i + 1], Paragraph) else "")  # fmt: skip
        if _TITLE_WORDS.search(text) or (len(text) <= 40 and _TITLE_WORDS.search(joined)):
            while i and _title_part(blocks[i - 1]):  # a long name wrapped above the title
                i -= 1
            if i and all(isinstance(b, Paragraph) and len(b.text) <= 40 for b in blocks[:i]):
                return blocks[i:]
            break
    return blocks


_NOT_TITLE = re.compile(r"[。；;，,：:！!？?•·>＞|｜]|^\s*[一二三四五六七八九十]+、")


def _title_part(block: Block) -> bool:
    """A line that may be the start of a title wrapped over lines (a long agency
    name): short, no sentence or menu marks, no section number, no 「报告」."""
    if not isinstance(block, Paragraph):
        return False
    text = block.text.strip()
    return 0 < len(text) <= 40 and "报告" not in text and not _NOT_TITLE.search(text)


def _check_time(name: str, deadline: float) -> None:
    if time.time() > deadline:
        raise ImportRefused(s.PDF_TOO_SLOW.format(name=name, seconds=limits.MAX_IMPORT_SECONDS))


def _upright_page(pdf, page_obj, number: int, doctop: float, layers):
    """The page as a ShownPage read upright: a page whose text runs sideways
    (/Rotate set on a page drawn upright, or the other way round) is read at the
    rotation that makes most of its characters upright. Returns (page, turned)."""
    from importers.pdf_shown import ShownPage

    page = ShownPage(pdf, page_obj, number, doctop, layers)
    turn = _text_turn(page.layout)
    if not turn:
        return page, False
    declared = page.rotation
    page.close()
    page_obj.rotate = (declared + turn) % 360
    page_obj.attrs = dict(page_obj.attrs)
    page_obj.attrs["Rotate"] = page_obj.rotate
    return ShownPage(pdf, page_obj, number, doctop, layers), True


def _text_turn(layout) -> int:
    """The clockwise turn (0, 90, 180, 270) that makes most characters upright."""
    import math

    from pdfminer.layout import LTChar, LTContainer

    counts: dict[int, int] = {}
    stack = [layout]
    seen = 0
    while stack and seen < 2000:
        for item in stack.pop():
            if isinstance(item, LTChar):
                a, b = item.matrix[0], item.matrix[1]
                angle = round(math.degrees(math.atan2(b, a)) / 90) % 4 * 90
                counts[angle] = counts.get(angle, 0) + 1
                seen += 1
            elif isinstance(item, LTContainer):
                stack.append(item)
    if not counts:
        return 0
    angle = max(counts, key=lambda k: counts[k])
    if counts.get(0, 0) * 2 >= seen:
        return 0
    # text turned counterclockwise by `angle` is upright after turning the page
    # clockwise by the same angle
    return angle


def _note_set_aside(page, places: Places) -> None:
    """Notes for what a reader of the page does not see, and for annotations
    drawn over its text, each at the line it is on."""
    from importers.pdf_shown import REASON_PHRASES

    lines = _visible_lines(page)
    by_place: dict[str, list[Finding]] = {}
    for run in page.set_aside:
        place = _place(page, lines, run.box)
        phrase = REASON_PHRASES[run.reason]
        by_place.setdefault(place, []).append(Finding("pdf", phrase.format(text=quote(run.text))))
    for kind, text, box in _annotations(page):
        place = _place(page, lines, box, need_line=True)
        if not place:
            continue
        shows = s.PDF_ANNOTATION_SHOWS.format(text=quote(text)) if text.strip() else ""
        phrase = s.PDF_FOUND_ANNOTATION.format(kind=kind, shows=shows)
        by_place.setdefault(place, []).append(Finding("pdf", phrase))
    for place, findings in by_place.items():
        places.add_phrases(place, [f.text for f in findings])


def _visible_lines(page) -> list[tuple[float, float, float, float, str]]:
    """(x0, y0, x1, y1, text) of the page's visible lines, in pdfminer's space."""
    height = page.mediabox[3] - page.mediabox[1]
    out = []
    for line in page.extract_text_lines(strip=True, return_chars=False, **TEXT_OPTIONS):
        top, bottom = height - line["bottom"], height - line["top"]
        out.append((line["x0"], top, line["x1"], bottom, line["text"]))
    return out


def _place(page, lines, box, need_line: bool = False) -> str:
    x0, y0, x1, y1 = box
    middle = (y0 + y1) / 2
    best = None
    for lx0, ly0, lx1, ly1, text in lines:
        if ly0 - 1 <= middle <= ly1 + 1 and lx0 - 50 <= (x0 + x1) / 2 <= lx1 + 50:
            best = text
            break
    if best is None:
        for lx0, ly0, lx1, ly1, text in lines:
            overlap = min(x1, lx1) - max(x0, lx0) > 0 and min(y1, ly1) - max(y0, ly0) > 0
            if overlap:
                best = text
                break
    if best is None:
        return "" if need_line else s.PDF_PLACE_PAGE.format(page=page.page_number)
    return s.PDF_PLACE_LINE.format(page=page.page_number, line=quote(best, 24))


def _annotations(page):
    """(kind, text shown, box) of the annotations a viewer draws on the page
    (not links, pop-ups or hidden ones), in pdfminer's space."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    try:
        annots = resolve1(page.page_obj.annots) or []
    except Exception:
        return
    if not isinstance(annots, list):
        return
    for ref in annots[:200]:
        try:
            annot = resolve1(ref)
            if not isinstance(annot, dict):
                continue
            kind = str(getattr(resolve1(annot.get("Subtype")), "name", ""))
            flags = resolve1(annot.get("F")) or 0
            if kind in ("Link", "Popup", "") or (isinstance(flags, int) and flags & (2 | 32)):
                continue
            if "AP" not in annot and kind not in ("FreeText", "Stamp", "Widget"):
                continue
            rect = [float(resolve1(v)) for v in resolve1(annot.get("Rect"))]
            text = ""
            for key in ("Contents", "V"):
                value = resolve1(annot.get(key))
                if isinstance(value, bytes):
                    text = decode_text(value)
                    break
            x0, y0, x1, y1 = rect
            yield kind, text, (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        except Exception:  # a broken annotation: not drawn either
            continue


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
    than the document's usual line spacing (on the same page; across a page break it may
    continue)."""
    lines = [item for item in items if isinstance(item, _Line)]
    if not lines:
        return [item for item in items if isinstance(item, Table)]
    left = _mode(round(line.x0) for line in lines)
    # the right margin: where the long lines end (a signature or a date set flush
    # right is short, and ends further right than a paragraph's lines may)
    widest = max(line.x1 - line.x0 for line in lines)
    right = _upper(line.x1 for line in lines if line.x1 - line.x0 >= 0.6 * widest)
    # the usual space between two lines (a web page printed with a tall line
    # height leaves more than a character's height)
    gaps = [
        b.top - a.bottom
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and 0 <= b.top - a.bottom < 3 * size
    ]
    spacing = max(1.2 * size, 1.3 * statistics.median(gaps)) if gaps else 1.2 * size
    out: list[Block] = []
    previous: _Line | None = None
    for item in items:
        if isinstance(item, Table):
            out.append(item)
            previous = None
            continue
        if previous is not None and _continues(previous, item, left, right, size, spacing):
            last = out[-1]
            assert isinstance(last, Paragraph)
            last.text = _join(last.text, item.text)
        else:
            out.append(Paragraph(item.text))
        previous = item
    return out


def _continues(
    previous: _Line, line: _Line, left: float, right: float, size: float, spacing: float
) -> bool:
    if previous.x0 > left + 2.5 * size:  # set flush right or centred: a line of its own
        return False
    if previous.x1 < right - 1.5 * size:  # the previous line ended short
        return False
    if line.x0 > left + 0.5 * size or _ENUMERATOR.match(line.text):
        return False
    if line.page == previous.page:
        return line.top - previous.bottom < spacing
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
