"""Word's final view of a document body, as a neutral PublishedDocument.

Every text the Word importer reads — title, headings, paragraphs, signature,
table cells — comes through this one walker, which reads what Word shows with
every revision accepted ("最终状态"):

- text in ``w:ins`` and ``w:moveTo`` counts, text in ``w:del`` and ``w:moveFrom``
  does not (also inside one another); a row marked deleted (``w:trPr/w:del``) or
  a deleted cell (``w:cellDel``) is left out, and a paragraph whose mark was
  deleted runs on into the next one, in the body and in a cell. A document with
  such revisions gets one note;
- content controls (``w:sdt``), ``w:customXml``, smart tags, hyperlinks and
  ``w:dir`` are transparent at every level: around a table, a row or a cell,
  inside a cell, inline. A content control flagged as showing its placeholder
  (``w:showingPlcHdr``) reads as nothing only when it holds a placeholder prompt
  (its own, from the glossary, or Word's and WPS's 「单击或点击此处输入文字。」
  kind); real content under the flag is read, with a note;
- a simple field (``w:fldSimple``) shows its result; a complex field (``w:fldChar``
  begin … separate … end) shows its result, never its instruction. Field state
  is kept across the paragraphs of one container (the body, a cell), reset at its
  end; a field left open there is noted. A DATE, TIME, PRINTDATE, SAVEDATE or
  CREATEDATE field is read as saved, with a note (Word updates it when it opens,
  prints or saves the document);
- ``mc:AlternateContent``: the first ``mc:Choice`` whose required namespaces
  are all ones Word understands (WORD_NAMESPACES), else ``mc:Fallback``;
- what Word shows but is not text of the report is set aside, with a note naming
  it and its place: superscript and subscript runs beside other text (footnote
  markers: 「8」 with a superscript 「1」 is 8, not 81), footnote and endnote
  references, superscript or circled characters glued to a digit (「8¹」, 「226①」),
  struck-through text (as deleted), hidden text (``w:vanish``), symbols that are
  pictures (Wingdings). A ``w:sym`` that is a letter or digit is read; text in
  ``w:bdo w:val="rtl"`` is read in the order Word shows it, with a note;
- text in text boxes is not part of the body; it is named in a note.

Tables keep their grid: ``w:gridBefore``/``w:gridAfter``, ``w:gridSpan``,
``w:vMerge`` and the legacy ``w:hMerge`` place each cell in its grid column,
through importers.published.document.TableBuilder. The grid is as wide as the
widest row (a short ``w:tblGrid`` does not clip spans: Word lays out from the
cells), within MAX_TABLE_COLS. A vertical merge holding a number is read once,
in its first row: the rows below it get a blank cell and a note. A table nested
in a cell adds its text to the cell. The depth of nested containers and open
fields (MAX_NESTING) and the number of tables (MAX_TABLES) are bounded by
model.limits; beyond them the file is refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from importers import ImportRefused
from importers import strings as s
from importers.docx_text import (
    ENDNOTE,
    FOOTNOTE,
    HIDDEN,
    MARK_CHARS,
    MERGED_AWAY,
    OPEN_FIELD,
    PLACEHOLDER_FLAG,
    RTL,
    STRUCK,
    SUBSCRIPT,
    SUPERSCRIPT,
    SYMBOL,
    FieldState,
    Finding,
    Places,
    cell_place,
    date_field_finding,
    field_type,
    is_prompt,
    paragraph_place,
    quote,
    split_marks,
    symbol_text,
)
from importers.ooxml_namespaces import MC_NS, W_NS, WORD_NAMESPACES
from importers.published.document import (
    Block,
    Paragraph,
    PublishedDocument,
    Table,
    TableBuilder,
    TableCell,
)
from model import limits
from model.values import COUNT_WORDS


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


P, TBL, TR, TC = _w("p"), _w("tbl"), _w("tr"), _w("tc")
_LAYOUT_ROWS, _LAYOUT_COLS = 3, 3  # a page laid out in a table: a few cells at most
R, T, SYM = _w("r"), _w("t"), _w("sym")
SDT, SDT_PR, SDT_CONTENT, PLACEHOLDER = (
    _w("sdt"),
    _w("sdtPr"),
    _w("sdtContent"),
    _w("showingPlcHdr"),
)
SDT_PROMPT, DOC_PART = _w("placeholder"), _w("docPart")
CUSTOM_XML, SMART_TAG, HYPERLINK = _w("customXml"), _w("smartTag"), _w("hyperlink")
FLD_SIMPLE, FLD_CHAR, INSTR_TEXT = _w("fldSimple"), _w("fldChar"), _w("instrText")
FOOTNOTE_REF, ENDNOTE_REF = _w("footnoteReference"), _w("endnoteReference")
INS, DEL, MOVE_TO, MOVE_FROM = _w("ins"), _w("del"), _w("moveTo"), _w("moveFrom")
DIR, BDO = _w("dir"), _w("bdo")
RUBY, RUBY_BASE = _w("ruby"), _w("rubyBase")
PPR, RPR, TRPR, TCPR = _w("pPr"), _w("rPr"), _w("trPr"), _w("tcPr")
TBL_GRID, GRID_COL = _w("tblGrid"), _w("gridCol")
GRID_BEFORE, GRID_AFTER, GRID_SPAN = _w("gridBefore"), _w("gridAfter"), _w("gridSpan")
V_MERGE, H_MERGE = _w("vMerge"), _w("hMerge")
CELL_DEL, CELL_INS = _w("cellDel"), _w("cellIns")
VANISH, SPEC_VANISH = _w("vanish"), _w("specVanish")
STRIKE, DSTRIKE, VERT_ALIGN = _w("strike"), _w("dstrike"), _w("vertAlign")
TXBX_CONTENT, DRAWING, PICT = _w("txbxContent"), _w("drawing"), _w("pict")
VAL = _w("val")
ALTERNATE, CHOICE, FALLBACK = (
    f"{{{MC_NS}}}AlternateContent",
    f"{{{MC_NS}}}Choice",
    f"{{{MC_NS}}}Fallback",
)

# Inline containers whose content Word shows as if they were not there.
_INLINE_TRANSPARENT = frozenset({INS, MOVE_TO, SMART_TAG, CUSTOM_XML, HYPERLINK, DIR})
# Run content and the text Word shows for it.
_RUN_TEXT = {
    _w("tab"): "\t",
    _w("ptab"): "\t",
    _w("br"): "\n",  # a page or column break also ends the line
    _w("cr"): "\n",
    _w("noBreakHyphen"): "-",
    _w("softHyphen"): "",
}
_VERTICAL = {"superscript": SUPERSCRIPT, "subscript": SUBSCRIPT}
_FALSE = frozenset({"0", "false", "off"})
_MAX_INT_DIGITS = 9  # a grid offset or span with more digits is absurd anyway
_TEXTBOX_QUOTE = 40  # characters of text-box text quoted in a note
_GLOSSARY = "/word/glossary/document.xml"
# A merged cell's text that is a number as reports print them: 「5」, 「1,160」,
# 「12件」, 「8902.81万元」 (after NFKC, without spaces).
_NUMBER_LIKE = re.compile(rf"[+-]?\d[\d,.]*(?:万元|元|[{COUNT_WORDS}])?")

Piece = tuple[str, str | None]  # (text, marker kind or None for plain text)


def walk_document(document, name: str = "") -> PublishedDocument:
    """The final view of a python-docx Document's body, its content controls'
    own placeholder prompts taken from the glossary part. Raises ImportRefused
    as walk_body does."""
    return walk_body(document.element.body, name, glossary_prompts(document))


def walk_body(body, name: str = "", prompts: dict[str, str] | None = None) -> PublishedDocument:
    """The final view of a ``w:body`` element (lxml, e.g. python-docx's
    ``document.element.body``) as a PublishedDocument. `prompts` maps a glossary
    building block's name to its text (content controls' own placeholder
    prompts). Raises ImportRefused when containers or fields nest deeper than
    MAX_NESTING or there are more than MAX_TABLES tables."""
    walker = _Walker(name, prompts or {})
    blocks = walker.blocks(body)
    return PublishedDocument(blocks, walker.notes(), name)


def glossary_prompts(document) -> dict[str, str]:
    """Name → text of the building blocks in a document's glossary part (where
    Word keeps content controls' own placeholder prompts); {} without one."""
    for part in document.part.package.iter_parts():
        if str(part.partname) != _GLOSSARY:
            continue
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            root = etree.fromstring(part.blob, parser)
        except etree.XMLSyntaxError:
            return {}
        prompts: dict[str, str] = {}
        for doc_part in root.iter(DOC_PART):
            names = doc_part.xpath("./w:docPartPr/w:name/@w:val", namespaces={"w": W_NS})
            if names:
                prompts[str(names[0])] = "".join(t.text or "" for t in doc_part.iter(T))
        return prompts
    return {}


@dataclass
class _Container:
    """Reading state of one block container (the body, a table cell, a text box):
    its open fields and what was found since its last place was noted."""

    fields: FieldState = field(default_factory=FieldState)
    found: list[Finding] = field(default_factory=list)
    _last: tuple[int, int] | None = None  # where the last finding was added

    def note(self, kind: str, text: str, pieces: list[Piece], extra: str = "") -> None:
        """A finding; one right after another of its kind (a marker split over two
        runs) extends it."""
        here = (id(pieces), len(pieces))
        last = self.found[-1] if self.found else None
        if last is not None and here == self._last and last.kind == kind and last.extra == extra:
            last.text += text
        else:
            self.found.append(Finding(kind, text, extra))
        self._last = here

    def take(self) -> list[Finding]:
        found, self.found, self._last = self.found, [], None
        return found

    def close(self) -> None:
        """The container ends: a field still in its instruction swallowed text."""
        for left in self.fields.close_all():
            if not left.separated and left.instruction.strip():
                self.found.append(Finding(OPEN_FIELD, left.instruction))


@dataclass(frozen=True)
class _RunStyle:
    """The direct formatting of a run that changes what it reads as."""

    hidden: bool = False
    struck: bool = False
    marker: str | None = None  # SUPERSCRIPT / SUBSCRIPT

    @classmethod
    def of(cls, rpr) -> _RunStyle:
        if rpr is None:
            return _PLAIN
        vertical = rpr.find(VERT_ALIGN)
        return cls(
            hidden=_on(rpr.find(VANISH)) or _on(rpr.find(SPEC_VANISH)),
            struck=_on(rpr.find(STRIKE)) or _on(rpr.find(DSTRIKE)),
            marker=_VERTICAL.get(vertical.get(VAL, "")) if vertical is not None else None,
        )


_PLAIN = _RunStyle()


class _Walker:
    def __init__(self, name: str, prompts: dict[str, str]) -> None:
        self.name = name
        self.prompts = prompts
        self.tables = 0  # every table, nested ones too (MAX_TABLES)
        self.top_tables = 0  # tables of the body, numbered as the notes name them
        self.revisions = False
        self.textboxes: list[str] = []
        self.places = Places()
        self.table_notes: list[str] = []
        self._shows_prompt_of: dict = {}  # content control -> reads as nothing

    def notes(self) -> list[str]:
        out: list[str] = []
        if self.revisions:
            out.append(s.DOCX_REVISIONS)
        if self.textboxes:
            text = "".join(self.textboxes)
            quoted = text if len(text) <= _TEXTBOX_QUOTE else text[:_TEXTBOX_QUOTE] + "…"
            out.append(s.DOCX_TEXTBOX_TEXT.format(count=len(self.textboxes), text=quoted))
        return out + self.places.all() + self.table_notes

    # ---- blocks --------------------------------------------------------------------
    def blocks(self, body) -> list[Block]:
        out: list[Block] = []
        body_state = _Container()
        self._body_blocks(body, body_state, 0, out)
        body_state.close()
        self.places.add(s.DOCX_PLACE_BODY, body_state.take())
        return out

    def _body_blocks(self, container, state: _Container, depth: int, out: list[Block]) -> None:
        for item in self._flow(container, state, depth):
            if isinstance(item, str):
                self.places.add(paragraph_place(item), state.take())
                # a soft line break (Shift+Enter) ends a line as a paragraph does:
                # a heading typed on the first line of its text is still found
                out.extend(Paragraph(line) for line in item.split("\n"))
                continue
            layout = self._layout_cells(item, depth)
            if layout:  # a page laid out in a table: the report's cells, in order
                report_cells, side = layout
                for cell in report_cells:
                    self._body_blocks(cell, state, depth + 1, out)
                if side:
                    self.table_notes.append(s.DOCX_LAYOUT_SIDE.format(text=quote(side, 40)))
                continue
            self.top_tables += 1
            table = self._table(item, s.TABLE_WHERE.format(index=self.top_tables), depth + 1)
            if table.rows:
                out.append(table)
            else:  # every row deleted with Track Changes: not in the final view
                self.top_tables -= 1

    def _layout_cells(self, tbl, depth: int) -> tuple[list, str] | None:
        """A small table that lays a page out (a template or a site: the whole page
        in one cell, or a menu beside the report) — at most _LAYOUT_ROWS rows of
        _LAYOUT_COLS cells, some holding a table — as (the cells holding tables,
        in reading order; the text of the others, which is not the report's), else
        None: the report's paragraphs and tables are read as the body's, not
        flattened into one cell's text. An official table, which may hold a small
        table in a cell, is far larger."""
        rows = list(self._children(tbl, TR, depth + 1))
        if not rows or len(rows) > _LAYOUT_ROWS:
            return None
        cells = [list(self._children(row, TC, depth + 1)) for row in rows]
        if any(len(row) > _LAYOUT_COLS for row in cells):
            return None
        report, side = [], []
        for cell in (c for row in cells for c in row):
            if any(e.tag == TBL for e in self._block_elements(cell, depth + 2)):
                report.append(cell)
            else:
                side.append(cell)
        if not report:
            return None
        paragraphs = (p for cell in side for p in cell.iter(P))
        text = " ".join(
            line
            for line in ("".join(t.text or "" for t in p.iter(T)).strip() for p in paragraphs)
            if line
        )
        return report, text

    def _flow(self, container, state: _Container, depth: int) -> Iterator:
        """The text of each paragraph (str) and each table (element) of a block
        container, in order. A paragraph whose mark was deleted runs on into the
        next one, as in Word's final view."""
        carry = ""
        for element in self._block_elements(container, depth):
            if element.tag == P:
                text = carry + self._paragraph_text(element, state, depth + 1)
                if _mark_deleted(element):
                    self.revisions = True
                    carry = text
                    continue
                carry = ""
                yield text
            else:
                if carry:
                    yield carry
                    carry = ""
                yield element
        if carry:
            yield carry

    def _block_elements(self, container, depth: int) -> Iterator:
        """The ``w:p`` and ``w:tbl`` of a block container (body, cell, content
        control), in order, seen through transparent containers."""
        self._check_depth(depth)
        for child in container:
            tag = child.tag
            if tag in (P, TBL):
                yield child
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
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
    def _paragraph_text(self, p, state: _Container, depth: int) -> str:
        if any(self._shows_prompt(sdt, state) for sdt in p.iterancestors(SDT)):
            return ""
        pieces: list[Piece] = []
        self._inline(p, pieces, state, depth)
        return _finish(pieces, state)

    def _inline(self, container, pieces: list[Piece], state: _Container, depth: int) -> None:
        """Append the shown pieces of a paragraph's (or an inline container's) content."""
        self._check_depth(depth)
        for child in container:
            tag = child.tag
            if tag == R:
                self._run(child, _RunStyle.of(child.find(RPR)), pieces, state, depth + 1)
            elif tag in _INLINE_TRANSPARENT:
                self.revisions |= tag in (INS, MOVE_TO)
                self._inline(child, pieces, state, depth + 1)
            elif tag in (DEL, MOVE_FROM):
                self.revisions = True
            elif tag == FLD_SIMPLE:
                start = len(pieces)
                self._inline(child, pieces, state, depth + 1)
                result = "".join(t for t, marker in pieces[start:] if marker is None)
                found = date_field_finding(field_type(child.get(_w("instr")) or ""), result)
                if found is not None:
                    state.found.append(found)
            elif tag == BDO:
                self._bdo(child, pieces, state, depth + 1)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None and not self._shows_prompt(child, state):
                    self._inline(content, pieces, state, depth + 1)
            elif tag == ALTERNATE:
                branch = _branch(child)
                if branch is not None:
                    self._inline(branch, pieces, state, depth + 1)
            elif tag == RUBY:  # phonetic guide: the base text is what reads
                base = child.find(RUBY_BASE)
                if base is not None:
                    self._inline(base, pieces, state, depth + 1)

    def _bdo(self, bdo, pieces: list[Piece], state: _Container, depth: int) -> None:
        """Bidirectional override: right to left, Word shows the characters in
        reverse order (「18」 reads 「81」)."""
        if (bdo.get(VAL) or "").lower() != "rtl":
            self._inline(bdo, pieces, state, depth)
            return
        inner: list[Piece] = []
        self._inline(bdo, inner, state, depth)
        shown = [(text[::-1], marker) for text, marker in reversed(inner)]
        before = "".join(t for t, marker in inner if marker is None)
        after = "".join(t for t, marker in shown if marker is None)
        if before != after:
            state.found.append(Finding(RTL, before, after))
        pieces.extend(shown)

    def _run(self, run, style: _RunStyle, pieces: list[Piece], state, depth: int) -> None:
        custom_mark: str | None = None  # a footnote reference followed by its own mark
        for child in run:
            tag = child.tag
            if tag == FLD_CHAR:
                self._field_char(child.get(_w("fldCharType")), state)
            elif tag == INSTR_TEXT:
                state.fields.instruction(child.text or "")
            elif tag == ALTERNATE:  # e.g. a symbol Word 2016 stores with a fallback
                branch = _branch(child)
                if branch is not None:
                    self._run(branch, style, pieces, state, depth + 1)
            elif tag in (DRAWING, PICT):
                self._textbox(child, depth + 1)
            elif tag in (FOOTNOTE_REF, ENDNOTE_REF):
                kind = FOOTNOTE if tag == FOOTNOTE_REF else ENDNOTE
                if (child.get(_w("customMarkFollows")) or "0").lower() not in _FALSE:
                    custom_mark = kind
                elif not (state.fields.in_instruction or style.hidden):
                    pieces.append(("", kind))
            elif tag == SYM:
                font, code = child.get(_w("font")) or "", child.get(_w("char")) or ""
                text = symbol_text(font, code)
                if text is not None:
                    self._text(text, style, custom_mark, pieces, state)
                elif not (state.fields.in_instruction or style.hidden or style.struck):
                    state.note(SYMBOL, code, pieces, font)
            elif tag == T:
                self._text(child.text or "", style, custom_mark, pieces, state)
            elif tag in _RUN_TEXT:
                self._text(_RUN_TEXT[tag], style, custom_mark, pieces, state)
            # rPr, delText, footnote separators, …: nothing shown

    def _text(self, text: str, style: _RunStyle, mark, pieces: list[Piece], state) -> None:
        fields = state.fields
        if fields.in_instruction:
            fields.instruction(text)
        elif style.hidden:
            if text.strip():
                state.note(HIDDEN, text, pieces)
        elif style.struck:
            if text.strip():
                state.note(STRUCK, text, pieces)
        else:
            marker = mark or style.marker
            pieces.append((text, marker))
            if marker is None:
                fields.result(text)

    def _field_char(self, kind: str | None, state: _Container) -> None:
        fields = state.fields
        if kind == "begin":
            fields.begin()
            self._check_depth(fields.depth)
        elif kind == "separate":
            fields.separate()
        elif kind == "end":
            closed = fields.end()
            if closed is not None:
                found = date_field_finding(field_type(closed.instruction), closed.result)
                if found is not None:
                    state.found.append(found)

    def _shows_prompt(self, sdt, state: _Container) -> bool:
        """Whether a content control shows its placeholder prompt: flagged so
        (``w:showingPlcHdr``) and holding nothing or a prompt. Flagged with other
        content, Word shows that content: it is read, and noted once."""
        props = sdt.find(SDT_PR)
        if props is None or not _on(props.find(PLACEHOLDER)):
            return False
        known = self._shows_prompt_of.get(sdt)
        if known is not None:
            return known
        content = sdt.find(SDT_CONTENT)
        text = "".join(t.text or "" for t in content.iter(T)) if content is not None else ""
        names = props.xpath("./w:placeholder/w:docPart/@w:val", namespaces={"w": W_NS})
        own = self.prompts.get(str(names[0]), "") if names else ""
        prompt = not text.strip() or is_prompt(text, own)
        if not prompt:
            state.found.append(Finding(PLACEHOLDER_FLAG, text))
        self._shows_prompt_of[sdt] = prompt
        return prompt

    def _textbox(self, element, depth: int) -> None:
        """Text boxes float outside the body's reading order: their text is noted,
        not read."""
        for content in element.iter(TXBX_CONTENT):
            aside = _Container()  # what is found in a text box is not the body's
            lines = list(self._flow(content, aside, depth))
            text = "".join(line.strip() for line in lines if isinstance(line, str))
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
        width = max(declared, self._widest_row(tbl, depth))
        builder = TableBuilder(where, min(width, limits.MAX_TABLE_COLS) or None)
        found_at: list[tuple[int, int, list[Finding]]] = []  # (row, col, findings)
        row = -1
        for tr in self._children(tbl, TR, depth):
            trpr = tr.find(TRPR)
            if trpr is not None:
                if trpr.find(DEL) is not None:  # a deleted row: not in the final view
                    self.revisions = True
                    continue
                self.revisions |= trpr.find(INS) is not None
            if not builder.new_row():
                continue
            row += 1
            before = max(_int_child(trpr, GRID_BEFORE, 0), 0)
            builder.skip(before)
            col = min(before, limits.MAX_TABLE_COLS)
            for tc in self._children(tr, TC, depth):
                col = self._cell(tc, builder, where, depth, (row, col), found_at)
            builder.skip(_int_child(trpr, GRID_AFTER, 0))
        table = builder.build()
        for r, c, findings in found_at:
            self.places.add(cell_place(table, where, r, c), findings)
        for note in _split_value_merges(table, where):
            self.places.add_note(note)
        self.table_notes += builder.notes
        return table

    def _widest_row(self, tbl, depth: int) -> int:
        """The grid columns the widest row of the final view takes (offsets and
        spans), at most MAX_TABLE_COLS: Word lays a table out from its cells."""
        widest = 0
        for tr in self._children(tbl, TR, depth):
            trpr = tr.find(TRPR)
            if trpr is not None and trpr.find(DEL) is not None:
                continue
            n = max(_int_child(trpr, GRID_BEFORE, 0), 0) + max(_int_child(trpr, GRID_AFTER, 0), 0)
            for tc in self._children(tr, TC, depth):
                if n >= limits.MAX_TABLE_COLS:
                    break
                tcpr = tc.find(TCPR)
                if tcpr is None or tcpr.find(CELL_DEL) is None:
                    n += max(_int_child(tcpr, GRID_SPAN, 1), 1)
            widest = max(widest, n)
            if widest >= limits.MAX_TABLE_COLS:
                break
        return min(widest, limits.MAX_TABLE_COLS)

    def _cell(self, tc, builder: TableBuilder, where: str, depth: int, at, found_at) -> int:
        """Place one cell; returns the grid column after it."""
        row, col = at
        tcpr = tc.find(TCPR)
        span = max(_int_child(tcpr, GRID_SPAN, 1), 1)
        if tcpr is not None:
            if tcpr.find(CELL_DEL) is not None:
                self.revisions = True
                return col
            self.revisions |= tcpr.find(CELL_INS) is not None
        state = _Container()
        text = self._cell_text(tc, where, depth, state)
        continued = False
        if tcpr is not None:
            if _continues(tcpr.find(V_MERGE)):
                continued = builder.continue_above(span)
            if not continued and _continues(tcpr.find(H_MERGE)):
                continued = builder.continue_left(span)
        if not continued:
            builder.add(text, span)
        elif text.strip():  # Word shows the merged cell's first text only
            state.found.insert(0, Finding(MERGED_AWAY, text))
        if state.found:
            found_at.append((row, col, state.take()))
        return col + min(span, limits.MAX_TABLE_COLS)

    def _cell_text(self, tc, where: str, depth: int, state: _Container) -> str:
        """A cell's paragraphs, one line each; a nested table adds its cells' text."""
        lines: list[str] = []
        for item in self._flow(tc, state, depth):
            if isinstance(item, str):
                lines.append(item)
            else:
                inner = self._table(item, s.TABLE_NESTED_WHERE.format(where=where), depth + 1)
                lines.extend(inner.texts())
        state.close()
        return "\n".join(lines)

    def _children(self, container, tag: str, depth: int) -> Iterator:
        """The rows of a table or the cells of a row, through transparent containers."""
        self._check_depth(depth)
        for child in container:
            if child.tag == tag:
                yield child
            elif child.tag == SDT:
                content = child.find(SDT_CONTENT)
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


# ---- a paragraph's pieces into its text -----------------------------------------------
def _finish(pieces: list[Piece], state: _Container) -> str:
    """The text of a paragraph's pieces. Footnote and endnote references are set
    aside; superscript and subscript runs too when the paragraph has other text
    (then they are markers; alone they are the text Word shows); then marker
    characters glued to a digit. Everything set aside is a finding."""
    plain = any(marker is None and text.strip() for text, marker in pieces)
    kept: list[str] = []
    held: list[Piece] = []  # consecutive markers of one kind, noted as one

    def note_held() -> None:
        if held:
            kind, text = held[0][1], "".join(t for t, _ in held)
            if kind in (FOOTNOTE, ENDNOTE) or text.strip():
                state.found.append(Finding(str(kind), text))
            held.clear()

    for text, marker in pieces:
        if marker is None or (marker in (SUPERSCRIPT, SUBSCRIPT) and not plain):
            note_held()
            kept.append(text)
        else:
            if held and held[0][1] != marker:
                note_held()
            held.append((text, marker))
    note_held()
    text, removed = split_marks("".join(kept))
    state.found.extend(Finding(MARK_CHARS, mark) for mark in removed)
    return text


# ---- places and merges in a built table -----------------------------------------------
def _number_like(text: str) -> bool:
    compact = "".join(unicodedata.normalize("NFKC", text).split())
    return bool(_NUMBER_LIKE.fullmatch(compact))


def _split_value_merges(table: Table, where: str) -> list[str]:
    """A vertical merge holding a number is one printed value: it is read in its
    first row only, and the rows below get a blank cell of their own (never the
    same number again). Returns a note for each."""
    notes: list[str] = []
    for r, row in enumerate(table.rows):
        for cell in dict.fromkeys(c for c in row if c is not None):
            if cell.row != r or cell.rowspan < 2 or not _number_like(cell.text):
                continue
            below = min(cell.rowspan, len(table.rows) - r) - 1
            for lower_r in range(r + 1, r + 1 + below):
                lower = table.rows[lower_r]
                blank = TableCell(lower_r, cell.col, "", 1, cell.colspan)
                for c in range(cell.col, min(cell.col + cell.colspan, len(lower))):
                    if lower[c] is cell:
                        lower[c] = blank
            cell.rowspan = 1
            notes.append(
                s.DOCX_VALUE_MERGED.format(
                    place=cell_place(table, where, r, cell.col),
                    rows=below + 1,
                    text=quote(cell.text),
                    row=r + 1,
                    below=below,
                )
            )
    return notes


# ---- small helpers ------------------------------------------------------------------
def _branch(alternate):
    """The branch of mc:AlternateContent Word shows: the first Choice whose
    required namespaces (prefixes in its Requires) Word understands
    (WORD_NAMESPACES), else the Fallback (or None)."""
    for choice in alternate.iterchildren(CHOICE):
        prefixes = (choice.get("Requires") or "").split()
        if prefixes and all(choice.nsmap.get(p) in WORD_NAMESPACES for p in prefixes):
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
