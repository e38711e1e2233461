"""Word's final view of a document body, as a neutral PublishedDocument.

Every text the Word importer reads — title, headings, paragraphs, signature,
table cells — comes through this one walker, which reads what Word shows with
every revision accepted ("最终状态"):

- text in ``w:ins`` and ``w:moveTo`` counts, text in ``w:del`` and ``w:moveFrom``
  does not; a row marked deleted (``w:trPr/w:del``) or a deleted cell
  (``w:cellDel``) is left out, and a paragraph whose mark was deleted runs on into
  the next one. A document with such revisions gets one note;
- content controls (``w:sdt``), ``w:customXml``, smart tags, hyperlinks and
  ``w:dir``/``w:bdo`` are transparent at every level: around a table, a row or a
  cell, inside a cell, inline. A content control still showing its placeholder
  prompt (「单击或点击此处输入日期。」) holds nothing;
- a simple field (``w:fldSimple``) shows its result; a complex field (``w:fldChar``
  begin … separate … end) shows its result, never its instruction
  (``w:instrText``). Field state is kept per paragraph: a result running on into
  later paragraphs is read, an instruction never is;
- ``mc:AlternateContent``: the first ``mc:Choice`` whose required namespaces this
  walker reads, else ``mc:Fallback`` — how Word itself picks the branch it
  understands;
- text formatted hidden (``w:vanish``: neither shown nor printed) is not read, and
  text in text boxes is not part of the body; both are named in a note.

Tables keep their grid: ``w:gridBefore``/``w:gridAfter``, ``w:gridSpan``,
``w:vMerge`` and the legacy ``w:hMerge`` place each cell in its grid column,
through importers.published.document.TableBuilder, which clips absurd spans to
the table. A table nested in a cell adds its text to the cell. The depth of
nested containers (MAX_NESTING) and the number of tables (MAX_TABLES) are bounded
by model.limits; beyond them the file is refused.
"""

from __future__ import annotations

from collections.abc import Iterator

from importers import ImportRefused
from importers import strings as s
from importers.published.document import Block, Paragraph, PublishedDocument, Table, TableBuilder
from model import limits

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Namespaces whose elements this walker reads; an mc:Choice requiring others is
# passed over for the next one or the Fallback.
UNDERSTOOD_NAMESPACES = frozenset({W_NS})


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


P, TBL, TR, TC = _w("p"), _w("tbl"), _w("tr"), _w("tc")
R, T = _w("r"), _w("t")
SDT, SDT_PR, SDT_CONTENT, PLACEHOLDER = (
    _w("sdt"),
    _w("sdtPr"),
    _w("sdtContent"),
    _w("showingPlcHdr"),
)
CUSTOM_XML, SMART_TAG, HYPERLINK = _w("customXml"), _w("smartTag"), _w("hyperlink")
FLD_SIMPLE, FLD_CHAR, INSTR_TEXT = _w("fldSimple"), _w("fldChar"), _w("instrText")
INS, DEL, MOVE_TO, MOVE_FROM = _w("ins"), _w("del"), _w("moveTo"), _w("moveFrom")
RUBY, RUBY_BASE = _w("ruby"), _w("rubyBase")
PPR, RPR, TRPR, TCPR = _w("pPr"), _w("rPr"), _w("trPr"), _w("tcPr")
TBL_GRID, GRID_COL = _w("tblGrid"), _w("gridCol")
GRID_BEFORE, GRID_AFTER, GRID_SPAN = _w("gridBefore"), _w("gridAfter"), _w("gridSpan")
V_MERGE, H_MERGE = _w("vMerge"), _w("hMerge")
CELL_DEL, CELL_INS = _w("cellDel"), _w("cellIns")
VANISH, SPEC_VANISH = _w("vanish"), _w("specVanish")
TXBX_CONTENT, DRAWING, PICT = _w("txbxContent"), _w("drawing"), _w("pict")
VAL = _w("val")
ALTERNATE, CHOICE, FALLBACK = (
    f"{{{MC_NS}}}AlternateContent",
    f"{{{MC_NS}}}Choice",
    f"{{{MC_NS}}}Fallback",
)

# Inline containers whose content Word shows as if they were not there.
_INLINE_TRANSPARENT = frozenset(
    {INS, MOVE_TO, SMART_TAG, CUSTOM_XML, HYPERLINK, FLD_SIMPLE, _w("dir"), _w("bdo")}
)
# Run content and the text Word shows for it.
_RUN_TEXT = {
    _w("tab"): "\t",
    _w("ptab"): "\t",
    _w("br"): "\n",  # a page or column break also ends the line
    _w("cr"): "\n",
    _w("noBreakHyphen"): "-",
    _w("softHyphen"): "",
}
_FALSE = frozenset({"0", "false", "off"})
_MAX_INT_DIGITS = 9  # a grid offset or span with more digits is absurd anyway
_TEXTBOX_QUOTE = 40  # characters of text-box text quoted in a note


def walk_body(body, name: str = "") -> PublishedDocument:
    """The final view of a ``w:body`` element (lxml, e.g. python-docx's
    ``document.element.body``) as a PublishedDocument. Raises ImportRefused when
    containers nest deeper than MAX_NESTING or there are more than MAX_TABLES."""
    walker = _Walker(name)
    blocks = walker.blocks(body)
    return PublishedDocument(blocks, walker.notes(), name)


class _Walker:
    def __init__(self, name: str) -> None:
        self.name = name
        self.tables = 0  # every table, nested ones too (MAX_TABLES)
        self.top_tables = 0  # tables of the body, numbered as the notes name them
        self.revisions = False
        self.hidden = 0
        self.textboxes: list[str] = []
        self.table_notes: list[str] = []

    def notes(self) -> list[str]:
        out: list[str] = []
        if self.revisions:
            out.append(s.DOCX_REVISIONS)
        if self.hidden:
            out.append(s.DOCX_HIDDEN_TEXT.format(count=self.hidden))
        if self.textboxes:
            text = "".join(self.textboxes)
            quote = text if len(text) <= _TEXTBOX_QUOTE else text[:_TEXTBOX_QUOTE] + "…"
            out.append(s.DOCX_TEXTBOX_TEXT.format(count=len(self.textboxes), text=quote))
        return out + self.table_notes

    # ---- blocks --------------------------------------------------------------------
    def blocks(self, body) -> list[Block]:
        out: list[Block] = []
        carry = ""  # text of paragraphs whose mark was deleted: it runs on
        for element in self._block_elements(body, 0):
            if element.tag == P:
                text = carry + self._paragraph_text(element, 1)
                if _mark_deleted(element):
                    self.revisions = True
                    carry = text
                    continue
                carry = ""
                # a soft line break (Shift+Enter) ends a line as a paragraph does:
                # a heading typed on the first line of its text is still found
                out.extend(Paragraph(line) for line in text.split("\n"))
            else:
                if carry:
                    out.extend(Paragraph(line) for line in carry.split("\n"))
                    carry = ""
                self.top_tables += 1
                out.append(self._table(element, s.TABLE_WHERE.format(index=self.top_tables), 1))
        if carry:
            out.extend(Paragraph(line) for line in carry.split("\n"))
        return out

    def _block_elements(self, container, depth: int) -> Iterator:
        """The ``w:p`` and ``w:tbl`` of a block container (body, cell, content
        control), in order, seen through transparent containers."""
        self._check_depth(depth)
        for child in container:
            tag = child.tag
            if tag in (P, TBL):
                yield child
            elif tag == SDT:
                content = _sdt_content(child)
                if content is not None:
                    yield from self._block_elements(content, depth + 1)
            elif tag in (CUSTOM_XML, INS, MOVE_TO):
                self.revisions |= tag != CUSTOM_XML
                yield from self._block_elements(child, depth + 1)
            elif tag in (DEL, MOVE_FROM):
                self.revisions = True
            elif tag == ALTERNATE:
                branch = _branch(child)
                if branch is not None:
                    yield from self._block_elements(branch, depth + 1)

    # ---- paragraphs ------------------------------------------------------------------
    def _paragraph_text(self, p, depth: int) -> str:
        if any(_showing_placeholder(sdt) for sdt in p.iterancestors(SDT)):
            return ""
        out: list[str] = []
        self._inline(p, out, [], depth)
        return "".join(out)

    def _inline(self, container, out: list[str], fields: list[bool], depth: int) -> None:
        """Append the shown text of a paragraph's (or a container's) content.
        `fields` is the stack of open complex fields, True once past "separate"."""
        self._check_depth(depth)
        for child in container:
            tag = child.tag
            if tag == R:
                self._run(child, out, fields, depth + 1)
            elif tag in _INLINE_TRANSPARENT:
                self.revisions |= tag in (INS, MOVE_TO)
                self._inline(child, out, fields, depth + 1)
            elif tag in (DEL, MOVE_FROM):
                self.revisions = True
            elif tag == SDT:
                content = _sdt_content(child)
                if content is not None and not _showing_placeholder(child):
                    self._inline(content, out, fields, depth + 1)
            elif tag == ALTERNATE:
                branch = _branch(child)
                if branch is not None:
                    self._inline(branch, out, fields, depth + 1)
            elif tag == RUBY:  # phonetic guide: the base text is what reads
                base = child.find(RUBY_BASE)
                if base is not None:
                    self._inline(base, out, fields, depth + 1)

    def _run(self, run, out: list[str], fields: list[bool], depth: int) -> None:
        rpr = run.find(RPR)
        hidden = rpr is not None and (_on(rpr.find(VANISH)) or _on(rpr.find(SPEC_VANISH)))
        for child in run:
            tag = child.tag
            if tag == FLD_CHAR:
                kind = child.get(_w("fldCharType"))
                if kind == "begin":
                    fields.append(False)
                elif kind == "separate" and fields:
                    fields[-1] = True
                elif kind == "end" and fields:
                    fields.pop()
                continue
            if tag == ALTERNATE:  # e.g. a symbol Word 2016 stores with a fallback
                branch = _branch(child)
                if branch is not None:
                    self._run(branch, out, fields, depth + 1)
                continue
            if tag in (DRAWING, PICT):
                self._textbox(child, depth + 1)
                continue
            if tag == T:
                text = child.text or ""
            elif tag in _RUN_TEXT:
                text = _RUN_TEXT[tag]
            else:  # rPr, instrText, delText, footnote marks, …
                continue
            if not all(fields):  # inside a field's instruction
                continue
            if hidden:
                if text.strip():
                    self.hidden += 1
                continue
            out.append(text)

    def _textbox(self, element, depth: int) -> None:
        """Text boxes float outside the body's reading order: their text is noted,
        not read."""
        for content in element.iter(TXBX_CONTENT):
            lines = [self._paragraph_text(p, depth) for p in self._block_elements(content, depth)]
            text = "".join(line.strip() for line in lines)
            if text:
                self.textboxes.append(text)
            break  # one text box per drawing (VML fallbacks repeat it)

    # ---- tables ----------------------------------------------------------------------
    def _table(self, tbl, where: str, depth: int) -> Table:
        self.tables += 1
        if self.tables > limits.MAX_TABLES:
            raise ImportRefused(s.TOO_MANY_TABLES.format(name=self.name, limit=limits.MAX_TABLES))
        grid = tbl.find(TBL_GRID)
        declared = len(grid.findall(GRID_COL)) if grid is not None else 0
        builder = TableBuilder(where, declared or None)
        for tr in self._children(tbl, TR, depth):
            trpr = tr.find(TRPR)
            if trpr is not None:
                if trpr.find(DEL) is not None:  # a deleted row: not in the final view
                    self.revisions = True
                    continue
                self.revisions |= trpr.find(INS) is not None
            if not builder.new_row():
                continue
            builder.skip(_int_child(trpr, GRID_BEFORE, 0))
            for tc in self._children(tr, TC, depth + 1):
                self._cell(tc, builder, where, depth + 2)
            builder.skip(_int_child(trpr, GRID_AFTER, 0))
        self.table_notes += builder.notes
        return builder.build()

    def _cell(self, tc, builder: TableBuilder, where: str, depth: int) -> None:
        tcpr = tc.find(TCPR)
        span = max(_int_child(tcpr, GRID_SPAN, 1), 1)
        if tcpr is not None:
            if tcpr.find(CELL_DEL) is not None:
                self.revisions = True
                return
            self.revisions |= tcpr.find(CELL_INS) is not None
            if _continues(tcpr.find(V_MERGE)) and builder.continue_above(span):
                return
            if _continues(tcpr.find(H_MERGE)) and builder.continue_left(span):
                return
        builder.add(self._cell_text(tc, where, depth), span)

    def _cell_text(self, tc, where: str, depth: int) -> str:
        """A cell's paragraphs, one line each; a nested table adds its cells' text."""
        lines: list[str] = []
        for element in self._block_elements(tc, depth):
            if element.tag == P:
                lines.append(self._paragraph_text(element, depth + 1))
            else:
                inner = self._table(element, s.TABLE_NESTED_WHERE.format(where=where), depth + 1)
                lines.extend(inner.texts())
        return "\n".join(lines)

    def _children(self, container, tag: str, depth: int) -> Iterator:
        """The rows of a table or the cells of a row, through transparent containers."""
        self._check_depth(depth)
        for child in container:
            if child.tag == tag:
                yield child
            elif child.tag == SDT:
                content = _sdt_content(child)
                if content is not None:
                    yield from self._children(content, tag, depth + 1)
            elif child.tag == CUSTOM_XML:
                yield from self._children(child, tag, depth + 1)
            elif child.tag == ALTERNATE:
                branch = _branch(child)
                if branch is not None:
                    yield from self._children(branch, tag, depth + 1)

    def _check_depth(self, depth: int) -> None:
        if depth > limits.MAX_NESTING:
            raise ImportRefused(s.TOO_DEEP.format(name=self.name, limit=limits.MAX_NESTING))


# ---- small helpers ------------------------------------------------------------------
def _sdt_content(sdt):
    """A content control's content (its structure is always read: a cell or a row
    inside a control keeps its place)."""
    return sdt.find(SDT_CONTENT)


def _showing_placeholder(sdt) -> bool:
    """Whether a content control still shows its placeholder prompt instead of
    content (「单击或点击此处输入日期。」): its text reads as nothing."""
    props = sdt.find(SDT_PR)
    return props is not None and _on(props.find(PLACEHOLDER))


def _branch(alternate):
    """The branch of mc:AlternateContent Word would show: the first Choice whose
    required namespaces are all understood, else the Fallback (or None)."""
    for choice in alternate.iterchildren(CHOICE):
        prefixes = (choice.get("Requires") or "").split()
        if prefixes and all(choice.nsmap.get(p) in UNDERSTOOD_NAMESPACES for p in prefixes):
            return choice
    return alternate.find(FALLBACK)


def _mark_deleted(p) -> bool:
    """Whether the paragraph mark itself is a tracked deletion (the paragraph then
    joins the next one in the final view)."""
    ppr = p.find(PPR)
    rpr = ppr.find(RPR) if ppr is not None else None
    return rpr is not None and (rpr.find(DEL) is not None or rpr.find(MOVE_FROM) is not None)


def _on(element) -> bool:
    """A Word on/off property: present and not switched off."""
    return element is not None and (element.get(VAL) or "true").lower() not in _FALSE


def _continues(merge) -> bool:
    """vMerge/hMerge without a value, or "continue": this cell continues another."""
    return merge is not None and merge.get(VAL) in (None, "continue")


def _int_child(parent, tag: str, default: int) -> int:
    """The integer w:val of a child element; absurdly long numbers read as huge
    (the table builder clips them), malformed ones as `default`."""
    if parent is None:
        return default
    found = parent.find(tag)
    if found is None:
        return default
    text = (found.get(VAL) or "").strip()
    if not text.isascii() or not text.lstrip("+-").isdigit():
        return default
    if len(text.lstrip("+-")) > _MAX_INT_DIGITS:
        return 10**_MAX_INT_DIGITS if not text.startswith("-") else default
    return int(text)
