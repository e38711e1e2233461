"""Importing a published report from a web page (.html/.htm, as a browser saves it).

The web front end: the page's bytes are decoded by the encoding it declares (a
byte-order mark, ``<meta charset>``, ``<meta http-equiv="Content-Type">``; GBK and
GB2312 read as their superset GB18030), or, when it declares none and is not
UTF-8, by detection (charset-normalizer) with a note. lxml.html parses it with
the network off; nothing the page refers to is ever loaded. Scripts, styles,
forms, navigation, headers and footers and hidden elements are left out, and
the reading is narrowed to the part of the page that holds the report's section
headings, so a site's menus and links never reach the report.

What remains becomes a neutral PublishedDocument: block elements and ``<br>``
break lines, tables keep their ``rowspan``/``colspan`` (a cell's ``<p>`` and
``<br>`` are lines of its text), and a table holding other tables is a layout
table whose cells are read as the page's body. importers/published/reader.py
maps it to the format spec, as a Word report is.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from importers import ImportRefused, ImportResult
from importers import strings as s
from importers.published.document import Block, Paragraph, PublishedDocument, Table, TableBuilder
from importers.published.reader import read_published
from model import limits

# Elements whose content is never report text.
_SKIPPED = frozenset(
    {
        "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
        "form", "button", "select", "option", "textarea", "input", "iframe", "frame",
        "frameset", "object", "embed", "applet", "svg", "math", "canvas", "audio", "video",
        "map", "img", "link", "meta",
    }
)  # fmt: skip
# Elements that start a new line.
_BLOCKS = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "section", "article", "main", "center", "blockquote", "pre", "address", "figure",
        "figcaption", "caption", "hr", "body", "html", "fieldset", "legend", "details",
        "summary", "table", "tr",
    }
)  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_NAV_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_CJK_BREAK = re.compile(f"([{_CJK}])[ \t\r]*\n[ \t\r]*(?=[{_CJK}])")
_SITE = re.compile(
    r"(发布(日期|时间)|信息来源|来源\s*[:：]|字号\s*[:：]|浏览(次数|量)|点击(次数|数|量)|阅读(次数|量)"
    r"|【\s*(打印|关闭)|打印本页|关闭窗口|分享到)"
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SNIFF_BYTES = 4096  # where a page must declare its encoding (the HTML standard: 1024)
_GB = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}
_SPAN_DIGITS = 9  # a rowspan/colspan with more digits is absurd (the builder clips it)


def import_html(path: str | Path) -> ImportResult:
    """Read a published report from a saved web page. Raises ImportRefused
    (Chinese) for a file that is too large, cannot be read as a page, nests
    tables deeper than MAX_NESTING, or is not a report."""
    return read_published(read_html(Path(path)))


def read_html(path: Path) -> PublishedDocument:
    """The page as a neutral document (see the module's docstring)."""
    try:
        size = path.stat().st_size
        if size > min(limits.MAX_HTML_BYTES, limits.MAX_FILE_BYTES):
            mb = min(limits.MAX_HTML_BYTES, limits.MAX_FILE_BYTES) // 2**20
            raise ImportRefused(s.HTML_TOO_LARGE.format(name=path.name, mb=mb))
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused(s.CANNOT_OPEN.format(name=path.name, reason=exc.strerror)) from exc
    return html_document(data, path.name)


def html_document(data: bytes, name: str = "") -> PublishedDocument:
    """A web page's bytes as a neutral document. Raises ImportRefused."""
    text, notes = decode(data)
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, recover=True
    )
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text), parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ImportRefused(s.HTML_BROKEN.format(name=name)) from exc
    walker = _Walker(name)
    blocks = [b for b in walker.read(_content_root(root)) if not _site_line(b)]
    title = _page_title(root, blocks)
    if title:
        blocks.insert(0, Paragraph(title))
    return PublishedDocument(blocks, notes + walker.notes(), name)


# ---- encoding --------------------------------------------------------------------------
def decode(data: bytes) -> tuple[str, list[str]]:
    """The page's text and a note when its encoding had to be guessed."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff"), []
    declared = _declared_encoding(data[:_SNIFF_BYTES])
    if declared:
        try:
            return data.decode(declared, errors="replace"), []
        except LookupError:
            guessed = _detect(data)
            note = s.HTML_ENCODING_UNKNOWN.format(declared=declared, encoding=guessed)
            return data.decode(guessed, errors="replace"), [note]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        guessed = _detect(data)
        return data.decode(guessed, errors="replace"), [
            s.HTML_ENCODING_GUESSED.format(encoding=guessed)
        ]


def _declared_encoding(head: bytes) -> str | None:
    m = _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", errors="ignore").strip().lower()
    return _GB.get(name, name) or None


def _detect(data: bytes) -> str:
    """The most likely encoding of undeclared text (GB18030 for Chinese pages)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 512 * 1024]).best()
    name = (best.encoding if best else "gb18030").lower().replace("_", "-")
    return _GB.get(name, "gb18030" if name in ("big5", "gb18030", "hz") else name)


def _site_line(block: Block) -> bool:
    """A line the site adds around an article (「发布日期：… 来源：…」「【打印】【关闭】」)."""
    return isinstance(block, Paragraph) and len(block.text) <= 80 and bool(_SITE.search(block.text))


# ---- where the report is -----------------------------------------------------------------
def _heading_titles() -> list[str]:
    from importers.published.labels import norm
    from importers.published.meta import heading_title
    from model.formats import FORMATS

    titles = {norm(heading_title(sec.heading)) for f in FORMATS.values() for sec in f.sections}
    return sorted(titles)


def _content_root(root):
    """The deepest element holding every section heading the page shows (the
    article, without the site's menus around it); the body when there are
    fewer than two headings. A heading is a line of an element's own: its text,
    or the text after one of its children (a page that separates its lines with
    <br> only)."""
    from importers.published.labels import norm

    titles = _heading_titles()
    found = []
    stack = [root]
    while stack:  # menus and hidden parts are not searched: their links name headings too
        element = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or _skipped(element, tag):
            continue
        # its own lines: its text, and the text after each child (headings kept
        # apart only by <br> are tails of the <br> elements)
        lines = [element.text or "", *((child.tail or "") for child in element)]
        for line in lines:  # the element once for each heading it holds
            own = norm(line)
            if own and len(own) <= 30 and any(own.endswith(t) for t in titles):
                found.append(element)
        stack.extend(reversed(element))
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


# ---- the walk ------------------------------------------------------------------------------
class _Walker:
    def __init__(self, name: str) -> None:
        self.name = name
        self.tables = 0
        self.layout_tables = 0
        self.table_notes: list[str] = []

    def notes(self) -> list[str]:
        out = []
        if self.layout_tables:
            out.append(s.HTML_LAYOUT_TABLES.format(count=self.layout_tables))
        return out + self.table_notes

    def read(self, root) -> list[Block]:
        blocks: list[Block] = []
        lines: list[str] = [""]
        self._flow(root, blocks, lines, 0)
        _flush(blocks, lines)
        return blocks

    def _flow(self, element, blocks: list[Block], lines: list[str], depth: int) -> None:
        """Append the element's content: text to the current line, block elements
        on lines of their own, data tables as Tables."""
        tag = element.tag if isinstance(element.tag, str) else ""
        if _skipped(element, tag):
            lines[-1] += ""  # its tail is still read by the caller
            return
        if tag == "table":
            if _has_nested_table(element):
                self.layout_tables += 1
                self._layout_table(element, blocks, lines, depth + 1)
            else:
                _flush(blocks, lines)
                blocks.append(self._table(element, depth + 1))
            return
        if tag == "br":
            lines.append("")
            return
        block = tag in _BLOCKS
        if block:
            _new_line(lines)
        if element.text:
            lines[-1] += element.text
        for child in element:
            self._flow(child, blocks, lines, depth)
            if child.tail:
                lines[-1] += child.tail
        if block:
            _new_line(lines)

    def _layout_table(self, table, blocks: list[Block], lines: list[str], depth: int) -> None:
        self._check_depth(depth)
        for cell in table.iter("td", "th"):
            if _nearest_table(cell) is table:
                _new_line(lines)
                self._flow_children(cell, blocks, lines, depth)
                _new_line(lines)

    def _flow_children(self, element, blocks, lines, depth) -> None:
        if element.text:
            lines[-1] += element.text
        for child in element:
            self._flow(child, blocks, lines, depth)
            if child.tail:
                lines[-1] += child.tail

    def _table(self, table, depth: int) -> Table:
        self._check_depth(depth)
        self.tables += 1
        if self.tables > limits.MAX_TABLES:
            raise ImportRefused(s.TOO_MANY_TABLES.format(name=self.name, limit=limits.MAX_TABLES))
        builder = TableBuilder(s.TABLE_WHERE.format(index=self.tables))
        for row in table.iter("tr"):
            if _nearest_table(row) is not table or _skipped(row, "tr"):
                continue
            if not builder.new_row():
                continue
            for cell in row:
                if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                    continue
                if _skipped(cell, cell.tag):
                    continue
                builder.add(
                    _cell_text(cell), _span(cell.get("colspan")), _span(cell.get("rowspan"))
                )
        self.table_notes += builder.notes
        return builder.build()

    def _check_depth(self, depth: int) -> None:
        if depth > limits.MAX_NESTING:
            raise ImportRefused(s.TOO_DEEP.format(name=self.name, limit=limits.MAX_NESTING))


def _skipped(element, tag: str) -> bool:
    if tag in _SKIPPED or element.get("hidden") is not None:
        return True
    if (element.get("role") or "").lower() in _NAV_ROLES:
        return True
    if (element.get("aria-hidden") or "").lower() == "true":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _nearest_table(element):
    for ancestor in element.iterancestors("table"):
        return ancestor
    return None


def _has_nested_table(table) -> bool:
    return any(True for _ in table.iter("table") if _ is not table)


def _cell_text(cell) -> str:
    """A cell's text, its <p>, <div> and <br> as line breaks."""
    lines = [""]

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if _skipped(element, tag):
            return
        if tag == "br":
            lines.append("")
            return
        block = tag in _BLOCKS
        if block:
            _new_line(lines)
        if element.text:
            lines[-1] += element.text
        for child in element:
            walk(child)
            if child.tail:
                lines[-1] += child.tail
        if block:
            _new_line(lines)

    if cell.text:
        lines[-1] += cell.text
    for child in cell:
        walk(child)
        if child.tail:
            lines[-1] += child.tail
    cleaned = [_collapse(line) for line in lines]
    return "\n".join(line for line in cleaned if line)


def _span(value: str | None) -> int:
    """A rowspan/colspan attribute: 1 unless a positive number (absurd ones are
    clipped by the table builder)."""
    text = (value or "").strip()
    if not text.isdigit():
        return 1
    if len(text) > _SPAN_DIGITS:
        return 10**_SPAN_DIGITS
    return max(int(text), 1)


def _collapse(text: str) -> str:
    """White space as a browser shows it: runs of spaces as one; a source line
    break between two Chinese characters as nothing, elsewhere as a space."""
    text = _CJK_BREAK.sub(r"\1", text)
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def _new_line(lines: list[str]) -> None:
    if lines[-1].strip():
        lines.append("")


def _flush(blocks: list[Block], lines: list[str]) -> None:
    """The lines collected so far as paragraphs (source line breaks are spaces,
    as a browser shows them)."""
    for line in lines:
        text = _collapse(line)
        if text:
            blocks.append(Paragraph(text))
    lines[:] = [""]
