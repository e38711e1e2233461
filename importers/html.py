"""Importing a published report from a web page (.html/.htm, as a browser saves it).

The web front end reads what a browser shows:

- **Encoding** as the HTML standard decides it: a byte-order mark, else the
  ``<meta charset>`` or ``http-equiv`` the page declares (outside comments; the
  WHATWG names only, via webencodings: 「idna」 or 「punycode」 are no page
  encodings; a page declaring UTF-16 in its own ASCII bytes is UTF-8; GBK and
  GB2312 read as their superset GB18030). When the declared encoding does not
  fit the bytes (bytes it cannot decode, or a valid UTF-8 page declared as
  something else), or none is declared and the page is not UTF-8, the encoding
  is detected (charset-normalizer), with a note.
- **Parsing** with lxml.html, the network off: nothing the page refers to is ever
  loaded. A page of more than MAX_HTML_ELEMENTS tags, or nesting deeper than the
  parser reads (it stops at 256 levels), is refused with a message, as is one
  that takes longer than MAX_IMPORT_SECONDS to read.
- **Shown text**: elements never rendered (head, scripts, styles, templates, form
  controls, embedded objects) are skipped; the page's own style sheets decide
  what else shows (importers/html_css.py): hidden text (``display:none``,
  ``hidden``, a closed ``<dialog>`` or ``<details>``, ``visibility``, ``opacity``,
  ``font-size:0``, off screen, clipped, text in its background's colour) is set
  aside; struck-through text (``<del>``, ``<s>``, ``<strike>``, line-through) is
  deleted; superscripts, subscripts and ruby annotations beside other text are
  markers; ``<bdo dir=rtl>`` and ``bidi-override`` read in the order shown; text a
  style sheet adds (``::before``/``::after``) is read as shown. Each is named in a
  note at its paragraph or cell, in the Word importer's words
  (importers/docx_text.py).
- **Where the report is**: the deepest element holding the section headings the
  page shows (the article without the site's menus). Menus, headers, footers,
  asides and forms inside it are the site's; one that holds the whole article
  (an ASP.NET page wraps everything in a ``<form>``) is read.

What remains becomes a neutral PublishedDocument: block elements and ``<br>``
break lines, tables keep their ``rowspan``/``colspan`` (parsed as browsers do:
「22px」 is 22, ``rowspan="0"`` reaches the end of its row group), a cell's
``<p>`` and ``<br>`` are lines of its text, and a table holding other tables is a
layout table whose cells are read as the page's body.
importers/published/reader.py maps it to the format spec, as a Word report is.
"""

from __future__ import annotations

import codecs
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from importers import ImportRefused, ImportResult
from importers import strings as s
from importers.docx_text import (
    GENERATED,
    HIDDEN,
    MARK_CHARS,
    SHOWN_RTL,
    STRUCK,
    Finding,
    Places,
    cell_place,
    paragraph_place,
    split_marks,
)
from importers.published.document import (
    Block,
    Paragraph,
    PublishedDocument,
    Table,
    TableBuilder,
    TableCell,
)
from importers.published.reader import read_published
from model import limits

# Elements a browser never renders as text of the page.
_NEVER = frozenset(
    {
        "head", "script", "style", "template", "title", "meta", "link", "base",
        "button", "select", "option", "optgroup", "textarea", "input", "iframe", "frame",
        "frameset", "object", "embed", "applet", "svg", "math", "canvas", "audio", "video",
        "map", "img", "picture", "noembed", "noframes",
    }
)  # fmt: skip
# The site around an article: skipped inside the article's element, read when
# they hold it (a page wrapped in a <form>, an article inside <aside>).
_CHROME = frozenset({"nav", "header", "footer", "aside", "form", "menu", "noscript"})
_NAV_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar"})
# Elements that start a new line.
_BLOCKS = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "section", "article", "main", "center", "blockquote", "pre", "address", "figure",
        "figcaption", "caption", "hr", "body", "html", "fieldset", "legend", "details",
        "summary", "table", "tr", "dialog", "form", "nav", "header", "footer", "aside",
    }
)  # fmt: skip
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_CJK_BREAK = re.compile(f"([{_CJK}])[ \t\r]*\n[ \t\r]*(?=[{_CJK}])")
_SITE = re.compile(
    r"(发布(日期|时间)|信息来源|来源\s*[:：]|字号\s*[:：]|浏览(次数|量)|点击(次数|数|量)|阅读(次数|量)"
    r"|【\s*(打印|关闭)|打印本页|关闭窗口|分享到|当前位置\s*[:：]|主办单位\s*[:：]|承办单位\s*[:：]"
    r"|网站标识码|ICP\s*备|版权所有)"
)
_META = re.compile(rb"<meta\b[^>]*>", re.I)
_META_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_COMMENT = re.compile(rb"<!--.*?(-->|\Z)", re.S)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_START_TAG = re.compile(r"<[A-Za-z]")
_SNIFF_BYTES = 4096  # where a page must declare its encoding (the HTML standard: 1024)
_GB = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}
_PARSER_DEPTH = 255  # libxml2 stops reading a page nested deeper than this
_TIME_EVERY = 2_000  # elements read between two looks at the clock
_HIDDEN_QUOTE = 200  # characters of a hidden element's text kept for its note
Piece = tuple[str, str | None]  # (text, marker kind or None for plain text)


def import_html(path: str | Path) -> ImportResult:
    """Read a published report from a saved web page. Raises ImportRefused
    (Chinese) for a file that is too large, cannot be read as a page, has too
    many elements, nests too deep, takes too long, or is not a report."""
    return read_published(read_html(Path(path)))


def read_html(path: Path) -> PublishedDocument:
    """The page as a neutral document (see the module's docstring); style sheets
    saved next to it are read."""
    try:
        size = path.stat().st_size
        if size > min(limits.MAX_HTML_BYTES, limits.MAX_FILE_BYTES):
            mb = min(limits.MAX_HTML_BYTES, limits.MAX_FILE_BYTES) // 2**20
            raise ImportRefused(s.HTML_TOO_LARGE.format(name=path.name, mb=mb))
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused(s.CANNOT_OPEN.format(name=path.name, reason=exc.strerror)) from exc
    return html_document(data, path.name, path.parent)


def html_document(data: bytes, name: str = "", folder: Path | None = None) -> PublishedDocument:
    """A web page's bytes as a neutral document. `folder` is where the page was
    saved (its linked style sheets are read from there), or None. Raises
    ImportRefused."""
    started = time.monotonic()
    text, notes = decode(data)
    text = _XML_DECLARATION.sub("", text)
    tags = sum(
        1 for _ in zip(_START_TAG.finditer(text), range(limits.MAX_HTML_ELEMENTS + 1), strict=False)
    )
    if tags > limits.MAX_HTML_ELEMENTS:
        raise ImportRefused(
            s.HTML_TOO_MANY_ELEMENTS.format(
                name=name, count=limits.MAX_HTML_ELEMENTS, limit=limits.MAX_HTML_ELEMENTS
            )
        )
    import lxml.etree
    import lxml.html

    from importers.html_css import PageStyle

    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, recover=True
    )
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ImportRefused(s.HTML_BROKEN.format(name=name)) from exc
    # libxml2 stops reading at its limits and keeps what it read: never a report
    # read in part without a word
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in error.message:
            if "depth" in error.message:
                raise ImportRefused(s.HTML_TOO_DEEP.format(name=name, limit=_PARSER_DEPTH))
            raise ImportRefused(s.HTML_PARSER_LIMIT.format(name=name))
    walker = _Walker(name, None, started)
    style = PageStyle(root, folder, walker.check_time)
    walker.style = style
    blocks = [b for b in walker.read(_content_root(root, style)) if not site_line(b)]
    title = _page_title(root, blocks)
    if title:
        blocks.insert(0, Paragraph(title))
    document = PublishedDocument(blocks, notes + style.notes + walker.notes(), name)
    document.summary_marker = summary_marker(root)
    return document


def summary_marker(root) -> str | None:
    """The summary marker (model/summary_marker.py) a page carries: the content of
    its ``<meta name="nianbao.summary">`` (exporters/html.py), "" when only its
    keywords name it, None for neither."""
    from model.summary_marker import NAME, has_keyword

    keyword = False
    for meta in root.iter("meta"):
        name = (meta.get("name") or "").strip().lower()
        if name == NAME:
            return meta.get("content") or ""
        keyword = keyword or (name == "keywords" and has_keyword(meta.get("content")))
    return "" if keyword else None


# ---- encoding --------------------------------------------------------------------------
def decode(data: bytes) -> tuple[str, list[str]]:
    """The page's text, and a note when its encoding had to be detected or did not
    fit (see the module's docstring)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), []
    label = _declared_label(data[:_SNIFF_BYTES])
    utf8 = _utf8(data)
    if label is None:
        if utf8 is not None:
            return utf8, []
        guessed = _detect(data)
        return _decoded(data, guessed), [s.HTML_ENCODING_GUESSED.format(encoding=guessed)]
    encoding = _whatwg(label)
    if encoding is None:
        guessed = "utf-8" if utf8 is not None else _detect(data)
        note = s.HTML_ENCODING_UNKNOWN.format(declared=label, encoding=guessed)
        return utf8 if utf8 is not None else _decoded(data, guessed), [note]
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = None
    except LookupError:  # a codec this Python lacks: as an unknown name
        guessed = "utf-8" if utf8 is not None else _detect(data)
        note = s.HTML_ENCODING_UNKNOWN.format(declared=label, encoding=guessed)
        return utf8 if utf8 is not None else _decoded(data, guessed), [note]
    if text is not None:
        if utf8 is not None and encoding != "utf-8" and not data.isascii():
            # a UTF-8 page that names another encoding (a template copied from
            # an older site): its bytes are valid UTF-8, which text in any
            # other encoding almost never is
            return utf8, [s.HTML_ENCODING_MISMATCH.format(declared=label, encoding="utf-8")]
        return text, []
    shown = _decoded(data, encoding)
    errors = shown.count("\ufffd")
    guessed = "utf-8" if utf8 is not None else _detect(data)
    other = utf8 if utf8 is not None else _decoded(data, guessed)
    if other.count("\ufffd") < errors:
        return other, [s.HTML_ENCODING_MISMATCH.format(declared=label, encoding=guessed)]
    return shown, [s.HTML_ENCODING_REPLACED.format(count=errors, encoding=label)]


def _declared_label(head: bytes) -> str | None:
    """The encoding label a page's first bytes declare in a <meta> outside comments."""
    head = _COMMENT.sub(b"", head)
    for meta in _META.finditer(head):
        found = _META_CHARSET.search(meta.group(0))
        if found:
            label = found.group(1).decode("ascii", errors="ignore").strip().lower()
            if label:
                return label
    return None


def _whatwg(label: str) -> str | None:
    """The Python codec for a WHATWG encoding label, or None when the label names
    no encoding a browser knows. A page that declares UTF-16 in bytes we could
    read the declaration from is UTF-8 (the HTML standard); x-user-defined is
    windows-1252."""
    import webencodings

    found = webencodings.lookup(label)
    if found is None or found.name == "replacement":
        return None
    name = found.name.lower()
    if name in ("utf-16le", "utf-16be"):
        return "utf-8"
    if name == "x-user-defined":
        return "windows-1252"
    return _GB.get(name, found.codec_info.name)


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decoded(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding, errors="replace")
    except (LookupError, UnicodeError):
        return data.decode("gb18030", errors="replace")


def _detect(data: bytes) -> str:
    """The most likely encoding of undeclared text (GB18030 for Chinese pages)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 512 * 1024]).best()
    name = (best.encoding if best else "gb18030").lower().replace("_", "-")
    name = _GB.get(name, "gb18030" if name in ("big5", "gb18030", "hz") else name)
    if name != "gb18030":
        try:  # a short Chinese page can look Korean or Japanese to a detector
            data.decode("gb18030")
            return "gb18030"
        except UnicodeDecodeError:
            pass
    try:
        codecs.lookup(name)
    except LookupError:
        return "gb18030"
    return name


def site_line(block: Block) -> bool:
    """A line the site adds around an article (「发布日期：… 来源：…」「【打印】【关闭】」)."""
    return isinstance(block, Paragraph) and len(block.text) <= 80 and bool(_SITE.search(block.text))


# ---- where the report is -----------------------------------------------------------------
def _heading_titles() -> list[str]:
    from importers.published.labels import norm
    from importers.published.meta import heading_title
    from model.formats import FORMATS

    titles = {norm(heading_title(sec.heading)) for f in FORMATS.values() for sec in f.sections}
    return sorted(titles)


def _content_root(root, style):
    """The deepest element holding every section heading the page shows (the
    article, without the site's menus around it); the body when there are
    fewer than two headings. A heading is a line of an element's own: its text,
    or the text after one of its children (a page that separates its lines with
    <br> only). Menus are searched only when the article is not found without
    them (their links name headings too; a page wrapped in a form or an aside
    holds its article there)."""
    found = _headings(root, style, chrome=False)
    if len(found) < 2:
        found = _headings(root, style, chrome=True)
    body = root.find("body")
    if body is None:
        body = root
    if len(found) < 2:
        return body
    paths = [[*list(element.iterancestors())[::-1], element] for element in found]
    common = body
    for level in zip(*paths, strict=False):
        if all(e is level[0] for e in level):
            common = level[0]
        else:
            break
    return common


def _headings(root, style, chrome: bool) -> list:
    from importers.published.labels import norm

    titles = _heading_titles()
    found = []
    stack = [root]
    while stack:
        element = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in _NEVER or style.look(element).gone:
            continue
        if not chrome and _is_chrome(element, tag):
            continue
        # its own lines: its text, and the text after each child (headings kept
        # apart only by <br> are tails of the <br> elements)
        lines = [element.text or "", *((child.tail or "") for child in element)]
        for line in lines:  # the element once for each heading it holds
            own = norm(line)
            if own and len(own) <= 30 and any(own.endswith(t) for t in titles):
                found.append(element)
        stack.extend(reversed(element))
    return found


def _is_chrome(element, tag: str) -> bool:
    return tag in _CHROME or (element.get("role") or "").lower() in _NAV_ROLES


def _page_title(root, blocks: list[Block]) -> str:
    """The report's title when the content part does not begin with it: the page's
    first heading (h1–h3) or its <title> naming a 年度报告."""
    for block in blocks[:6]:
        if isinstance(block, Paragraph) and "报告" in block.text:
            return ""
    candidates = [e.text_content() for e in root.iter("h1", "h2", "h3")]
    title = root.find(".//title")
    if title is not None:
        candidates.append(title.text_content())
    for text in candidates:
        line = _SPACES.sub(" ", text).strip()
        if "年度报告" in line and len(line) <= 80:
            return re.split(r"\s*[-_|｜—]+\s*", line)[0]
    return ""


# ---- lines of shown text -----------------------------------------------------------------
@dataclass
class _Line:
    pieces: list[Piece] = field(default_factory=list)
    found: list[Finding] = field(default_factory=list)

    def has_text(self) -> bool:
        return any(text.strip() for text, _marker in self.pieces)


class _Lines:
    """The lines of one flow (the page's body, or a table cell), each with what was
    set aside in it."""

    def __init__(self) -> None:
        self.lines = [_Line()]

    def add(self, text: str, marker: str | None = None) -> None:
        if text:
            self.lines[-1].pieces.append((text, marker))

    def note(self, kind: str, text: str, extra: str = "") -> None:
        self.lines[-1].found.append(Finding(kind, text, extra))

    def new_line(self) -> None:
        """End the line if it holds text (a block element's edge)."""
        if self.lines[-1].has_text():
            self.lines.append(_Line())

    def hard_break(self) -> None:
        """A <br>: always a new line."""
        self.lines.append(_Line())

    def finish(self) -> list[tuple[str, list[Finding]]]:
        """Each line's shown text and findings; lines without text give their
        findings to the line before (or after) them."""
        out: list[tuple[str, list[Finding]]] = []
        pending: list[Finding] = []
        for line in self.lines:
            text, found = _finish(line)
            if text:
                out.append((text, pending + found))
                pending = []
            elif out:
                out[-1][1].extend(found)
            else:
                pending.extend(found)
        if pending:
            out.append(("", pending))
        self.lines = [_Line()]
        return out


def _finish(line: _Line) -> tuple[str, list[Finding]]:
    """A line's text as shown, with the Word importer's rules: superscripts,
    subscripts and ruby annotations beside other text are markers, set aside;
    alone they are the text; marker characters glued to a digit too."""
    plain = any(marker is None and text.strip() for text, marker in line.pieces)
    kept: list[str] = []
    found = list(line.found)
    held: list[Piece] = []

    def note_held() -> None:
        if held:
            text = "".join(t for t, _ in held)
            if text.strip():
                found.append(Finding(str(held[0][1]), _collapse(text)))
            held.clear()

    for text, marker in line.pieces:
        if marker is None or not plain:
            note_held()
            kept.append(text)
        else:
            if held and held[0][1] != marker:
                note_held()
            held.append((text, marker))
    note_held()
    text, removed = split_marks(_collapse("".join(kept)))
    found.extend(Finding(MARK_CHARS, mark) for mark in removed)
    return text, found


# ---- the walk ------------------------------------------------------------------------------
class _Walker:
    def __init__(self, name: str, style, started: float) -> None:
        self.name = name
        self.style = style
        self.started = started
        self.tables = 0
        self.layout_tables = 0
        self.elements = 0
        self.places = Places()
        self.table_notes: list[str] = []

    def notes(self) -> list[str]:
        out = []
        if self.layout_tables:
            out.append(s.HTML_LAYOUT_TABLES.format(count=self.layout_tables))
        return out + self.places.all() + self.table_notes

    def read(self, root) -> list[Block]:
        blocks: list[Block] = []
        lines = _Lines()
        self._flow(root, blocks, lines, 0, root)
        self._flush(blocks, lines)
        return blocks

    def _flush(self, blocks: list[Block], lines: _Lines) -> None:
        """The lines collected so far as paragraphs, with their findings noted."""
        for text, found in lines.finish():
            if text:
                blocks.append(Paragraph(text))
            self.places.add(paragraph_place(text), found)

    def _tick(self) -> None:
        self.elements += 1
        if self.elements % _TIME_EVERY == 0:
            self.check_time()

    def check_time(self) -> None:
        """Refuse the page once reading it took longer than MAX_IMPORT_SECONDS."""
        if time.monotonic() - self.started > limits.MAX_IMPORT_SECONDS:
            raise ImportRefused(
                s.HTML_TOO_SLOW.format(name=self.name, seconds=limits.MAX_IMPORT_SECONDS)
            )

    def _flow(self, element, blocks, lines: _Lines, depth: int, top, reversed_=False) -> None:
        """Append the element's shown content: text to the current line, block
        elements on lines of their own, data tables as Tables (`blocks` None:
        inside a table cell, where a table adds its cells' text)."""
        self._tick()
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in _NEVER or (element is not top and _is_chrome(element, tag)):
            return
        look = self.style.look(element)
        if look.gone:
            if not look.silent:
                hidden = _collapse(element.text_content()[:_HIDDEN_QUOTE])
                if hidden:
                    lines.note(HIDDEN, hidden)
            return
        if look.reversed and not reversed_:
            self._reversed(element, blocks, lines, depth, top)
            return
        if tag == "table" and blocks is not None:
            if _has_nested_table(element):
                self.layout_tables += 1
                self._layout_table(element, blocks, lines, depth + 1)
            else:
                self._flush(blocks, lines)
                blocks.append(self._table(element, depth + 1))
            return
        if tag == "table":  # a table inside a cell: its cells' text
            self._check_depth(depth + 1)
            for cell in element.iter("td", "th"):
                if _nearest_table(cell) is not element:
                    continue
                lines.new_line()
                self._flow_children(cell, None, lines, depth + 1, top, reversed_)
            lines.new_line()
            return
        if tag == "br":
            lines.hard_break()
            return
        if tag == "details" and element.get("open") is None:
            self._closed_details(element, blocks, lines, depth, top)
            return
        block = tag in _BLOCKS
        if block:
            lines.new_line()
        self._generated(look.before, look, lines)
        self._flow_children(element, blocks, lines, depth, top, reversed_, look)
        self._generated(look.after, look, lines)
        if block:
            lines.new_line()

    def _flow_children(self, element, blocks, lines, depth, top, reversed_, look=None) -> None:
        look = look or self.style.look(element)
        self._text(element.text, look, lines)
        for child in element:
            self._flow(child, blocks, lines, depth, top, reversed_)
            self._text(child.tail, look, lines)

    def _text(self, text: str | None, look, lines: _Lines) -> None:
        if not text:
            return
        if look.hidden:
            if text.strip():
                lines.note(HIDDEN, text)
        elif look.struck:
            if text.strip():
                lines.note(STRUCK, text)
        else:
            lines.add(text, look.marker)

    def _generated(self, text: str | None, look, lines: _Lines) -> None:
        if text and not look.hidden and not look.struck:
            lines.add(text, look.marker)
            if text.strip():
                lines.note(GENERATED, text)

    def _reversed(self, element, blocks, lines: _Lines, depth: int, top) -> None:
        """Text shown right to left character by character (``<bdo dir=rtl>``,
        ``unicode-bidi: bidi-override``): read in the order shown, noted."""
        inner = _Lines()
        self._flow(element, None, inner, depth, top, reversed_=True)
        pieces = [p for line in inner.lines for p in line.pieces]
        for line in inner.lines:
            for finding in line.found:
                lines.note(finding.kind, finding.text, finding.extra)
        shown = [(text[::-1], marker) for text, marker in reversed(pieces)]
        before = "".join(t for t, marker in pieces if marker is None)
        after = "".join(t for t, marker in shown if marker is None)
        for text, marker in shown:
            lines.add(text, marker)
        if before.strip() and before != after:
            lines.note(SHOWN_RTL, _collapse(before), _collapse(after))

    def _closed_details(self, element, blocks, lines: _Lines, depth: int, top) -> None:
        """A closed <details> shows its <summary> only; the rest is noted."""
        lines.new_line()
        hidden: list[str] = [element.text or ""]
        for child in element:
            if isinstance(child.tag, str) and child.tag == "summary":
                self._flow(child, blocks, lines, depth, top)
            elif isinstance(child.tag, str) and child.tag not in _NEVER:
                hidden.append(child.text_content())
            hidden.append(child.tail or "")
        text = _collapse("".join(hidden)[:_HIDDEN_QUOTE])
        if text:
            lines.note(HIDDEN, text)
        lines.new_line()

    def _layout_table(self, table, blocks: list[Block], lines: _Lines, depth: int) -> None:
        self._check_depth(depth)
        for cell in table.iter("td", "th"):
            if _nearest_table(cell) is table and not self.style.look(cell).gone:
                lines.new_line()
                self._flow_children(cell, blocks, lines, depth, cell, False)
                lines.new_line()

    def _table(self, table, depth: int) -> Table:
        self._check_depth(depth)
        self.tables += 1
        if self.tables > limits.MAX_TABLES:
            raise ImportRefused(s.TOO_MANY_TABLES.format(name=self.name, limit=limits.MAX_TABLES))
        where = s.TABLE_WHERE.format(index=self.tables)
        builder = TableBuilder(where)
        rows = []
        hidden: list[Finding] = []  # rows and cells a browser does not lay out at all
        for row in table.iter("tr"):
            if _nearest_table(row) is not table:
                continue
            look = self.style.look(row)
            if look.gone:
                text = _collapse(" ".join(row.itertext())[:_HIDDEN_QUOTE])
                if text and not look.silent:
                    hidden.append(Finding(HIDDEN, text))
                continue
            rows.append(row)
        left_in_group = _rows_left_in_group(rows)
        found_at: list[tuple[TableCell, list[Finding]]] = []
        for row, left in zip(rows, left_in_group, strict=True):
            if not builder.new_row():
                continue
            for cell in row:
                if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                    continue
                self._tick()
                look = self.style.look(cell)
                if look.gone:  # display:none takes no place: the next cell moves in
                    text = _collapse(cell.text_content()[:_HIDDEN_QUOTE])
                    if text and not look.silent:
                        hidden.append(Finding(HIDDEN, text))
                    continue
                text, found = self._cell_text(cell, depth, look)
                rowspan = _rowspan(cell.get("rowspan"), left)
                placed = builder.add(text, _colspan(cell.get("colspan")), rowspan)
                if placed is not None and found:
                    found_at.append((placed, found))
        self.table_notes += builder.notes
        built = builder.build()
        self.places.add(where, hidden)
        for cell, found in found_at:
            self.places.add(cell_place(built, where, cell.row, cell.col), found)
        return built

    def _cell_text(self, cell, depth: int, look) -> tuple[str, list[Finding]]:
        """A cell's shown text, its <p>, <div> and <br> as line breaks, and what
        was set aside in it (a ``visibility:hidden`` cell keeps its place in the
        grid, empty)."""
        lines = _Lines()
        self._generated(look.before, look, lines)
        self._flow_children(cell, None, lines, depth, cell, False, look)
        self._generated(look.after, look, lines)
        texts: list[str] = []
        found: list[Finding] = []
        for text, line_found in lines.finish():
            if text:
                texts.append(text)
            found.extend(line_found)
        return "\n".join(texts), found

    def _check_depth(self, depth: int) -> None:
        if depth > limits.MAX_NESTING:
            raise ImportRefused(s.TOO_DEEP.format(name=self.name, limit=limits.MAX_NESTING))


def _nearest_table(element):
    for ancestor in element.iterancestors("table"):
        return ancestor
    return None


def _has_nested_table(table) -> bool:
    return any(True for _ in table.iter("table") if _ is not table)


# ---- spans, as the HTML standard parses them -------------------------------------------------
_MAX_COLSPAN = 1000  # the HTML standard's clamps
_MAX_ROWSPAN = 65534


def _non_negative(value: str | None) -> int | None:
    """The HTML standard's rules for parsing non-negative integers: leading white
    space, an optional 「+」, then ASCII digits up to the first other character
    (「22px」 and 「22.0」 are 22); None when there are no digits."""
    text = (value or "").lstrip(" \t\n\f\r")
    if text.startswith("+"):
        text = text[1:]
    digits = re.match(r"[0-9]+", text)
    if not digits:
        return None
    return int(digits.group(0)[:9])


def _colspan(value: str | None) -> int:
    number = _non_negative(value)
    return 1 if not number else min(number, _MAX_COLSPAN)


def _rowspan(value: str | None, rows_left: int) -> int:
    """A rowspan; 0 reaches to the end of the row group (`rows_left` rows,
    this one included)."""
    number = _non_negative(value)
    if number is None:
        return 1
    if number == 0:
        return max(rows_left, 1)
    return min(number, _MAX_ROWSPAN)


def _rows_left_in_group(rows: list) -> list[int]:
    """For each row, the rows from it to the end of its row group (thead, tbody,
    tfoot or the table itself)."""
    out = [0] * len(rows)
    count = 0
    group = None
    for i in range(len(rows) - 1, -1, -1):
        parent = rows[i].getparent()
        if parent is not group:
            group, count = parent, 0
        count += 1
        out[i] = count
    return out


def _collapse(text: str) -> str:
    """White space as a browser shows it: runs of spaces as one; a source line
    break between two Chinese characters as nothing, elsewhere as a space."""
    text = _CJK_BREAK.sub(r"\1", text)
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()
