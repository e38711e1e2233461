"""Rewriting a .docx the way Word and WPS store what they show, for import tests.

A test exports a report with the project's exporter, then stores parts of it as
Word would after an officer used content controls, Track Changes, smart tags,
fields or custom XML: the document looks the same in Word, so the import must
give the same report. Elements are lxml elements of ``word/document.xml``.
"""

from __future__ import annotations

import copy
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS = {"w": W, "mc": MC}
_ids = iter(range(9000, 10**9))


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def el(tag: str, *children, **attrs) -> etree._Element:
    """A w: element with w: attributes (``val="x"``) and children."""
    element = etree.Element(w(tag))
    for name, value in attrs.items():
        element.set(w(name), str(value))
    for child in children:
        element.append(child)
    return element


class Docx:
    """word/document.xml of a .docx, to edit and save under another name."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with zipfile.ZipFile(path) as zf:
            self.root = etree.fromstring(zf.read("word/document.xml"))
        # building blocks (name -> text) saved in a glossary part, as Word keeps
        # the placeholder prompts of content controls
        self.glossary: dict[str, str] = {}

    @property
    def body(self) -> etree._Element:
        return self.root.find(w("body"))

    def save(self, path: Path) -> Path:
        with zipfile.ZipFile(self.path) as src, zipfile.ZipFile(path, "w") as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "word/document.xml":
                    data = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8")
                elif self.glossary and item.filename == "[Content_Types].xml":
                    data = data.replace(b"</Types>", _GLOSSARY_TYPE + b"</Types>")
                elif self.glossary and item.filename == "word/_rels/document.xml.rels":
                    data = data.replace(b"</Relationships>", _GLOSSARY_REL + b"</Relationships>")
                dst.writestr(item, data)
            if self.glossary:
                dst.writestr("word/glossary/document.xml", _glossary(self.glossary))
        return path

    # ---- finding -------------------------------------------------------------------
    def xpath(self, query: str) -> list:
        return self.root.xpath(query, namespaces=NS)

    def paragraph(self, text: str) -> etree._Element:
        """The body paragraph whose text starts with `text`."""
        for p in self.xpath("//w:body/w:p"):
            if text_of(p).startswith(text):
                return p
        raise LookupError(text)

    def run_with(self, text: str) -> etree._Element:
        """The only run whose text is exactly `text` (a sentinel value)."""
        found = [r for r in self.xpath("//w:r") if text_of(r) == text]
        assert len(found) == 1, (text, len(found))
        return found[0]

    def cell_with(self, text: str) -> etree._Element:
        return ancestor(self.run_with(text), "tc")

    def exact(self, text: str) -> etree._Element:
        """The last body paragraph whose text is exactly `text` (signature lines)."""
        found = [p for p in self.xpath("//w:body/w:p") if text_of(p) == text]
        assert found, text
        return found[-1]

    def tables(self) -> list:
        return self.xpath("//w:body/w:tbl")


_GLOSSARY_TYPE = (
    b'<Override PartName="/word/glossary/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml"/>'
)
_GLOSSARY_REL = (
    b'<Relationship Id="rIdGlossary" Type="http://schemas.openxmlformats.org/'
    b'officeDocument/2006/relationships/glossaryDocument" Target="glossary/document.xml"/>'
)


def _glossary(parts: dict[str, str]) -> bytes:
    doc_parts = el("docParts")
    for name, text in parts.items():
        props = el("docPartPr", el("name", val=name))
        doc_parts.append(el("docPart", props, el("docPartBody", el("p", run(text)))))
    root = etree.Element(w("glossaryDocument"), nsmap={"w": W})
    root.append(doc_parts)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def text_of(element) -> str:
    return "".join(element.itertext(w("t")))


def ancestor(element, tag: str):
    parent = element.getparent()
    while parent is not None and parent.tag != w(tag):
        parent = parent.getparent()
    assert parent is not None, tag
    return parent


def runs(element) -> Iterator:
    yield from element.iter(w("r"))


# ---- containers Word shows as if they were not there --------------------------------
def wrap(element, kind: str):
    """Put `element` inside a container of `kind`, where it stood; returns the
    container. sdt and customXml go around anything (table, row, cell, paragraph,
    run); smartTag, ins, hyperlink, fldSimple, moveTo only around runs."""
    parent = element.getparent()
    index = parent.index(element)
    if kind == "sdt":
        container = el("sdt", el("sdtPr", el("id", val=next(_ids))), el("sdtContent"))
        inner = container[1]
    elif kind == "customXml":
        container = el("customXml", element="测试")
        inner = container
    elif kind == "smartTag":
        container = el("smartTag", uri="urn:schemas-microsoft-com:office:smarttags")
        container.set(w("element"), "chsdate")
        inner = container
    elif kind in ("ins", "moveTo"):
        container = el(kind, id=next(_ids), author="审核人", date="2024-01-05T10:00:00Z")
        inner = container
    elif kind == "hyperlink":
        container = el("hyperlink", anchor="x")
        inner = container
    elif kind == "fldSimple":
        container = el("fldSimple", instr=" MERGEFIELD 数字 ")
        inner = container
    else:
        raise ValueError(kind)
    parent.remove(element)
    inner.append(element)
    parent.insert(index, container)
    return container


def run(text: str, deleted: bool = False, hidden: bool = False) -> etree._Element:
    r = el("r")
    if hidden:
        r.append(el("rPr", el("vanish")))
    t = el("delText" if deleted else "t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    return r


def set_text(r, text: str) -> None:
    """Replace the text of a run (its first w:t; others removed)."""
    ts = r.findall(w("t"))
    ts[0].text = text
    for t in ts[1:]:
        r.remove(t)


def revision(kind: str, *children) -> etree._Element:
    """w:ins, w:del, w:moveFrom or w:moveTo holding `children` (runs)."""
    return el(kind, *children, id=next(_ids), author="审核人", date="2024-01-05T10:00:00Z")


def insert_after(anchor, *elements) -> None:
    parent = anchor.getparent()
    index = parent.index(anchor)
    for k, element in enumerate(elements, start=1):
        parent.insert(index + k, element)


def insert_before(anchor, *elements) -> None:
    parent = anchor.getparent()
    index = parent.index(anchor)
    for k, element in enumerate(elements):
        parent.insert(index + k, element)


def as_complex_field(r, instruction: str, instruction_as_text: bool = False) -> None:
    """Make run `r` the shown result of a complex field: begin, instruction,
    separate, result, end (how Word stores DATE, MERGEFIELD, … fields)."""
    instr = run(instruction)
    if not instruction_as_text:
        instr[0].tag = w("instrText")
    insert_before(
        r,
        el("r", el("fldChar", fldCharType="begin")),
        instr,
        el("r", el("fldChar", fldCharType="separate")),
    )
    insert_after(r, el("r", el("fldChar", fldCharType="end")))


def as_alternate(element, wrong: etree._Element, choice_understood: bool) -> etree._Element:
    """mc:AlternateContent around `element`. With `choice_understood` the Choice
    (requiring only the main Word namespace) holds `element` and the Fallback
    `wrong`; otherwise the Choice requires an unknown namespace and holds `wrong`,
    and the Fallback holds `element`. Word reads the same branch either way."""
    parent = element.getparent()
    index = parent.index(element)
    parent.remove(element)
    nsmap = {"mc": MC, "w": W, "x": "urn:example:unknown-extension"}
    alternate = etree.Element(f"{{{MC}}}AlternateContent", nsmap=nsmap)
    choice = etree.SubElement(alternate, f"{{{MC}}}Choice")
    fallback = etree.SubElement(alternate, f"{{{MC}}}Fallback")
    choice.set("Requires", "w" if choice_understood else "x")
    (choice if choice_understood else fallback).append(element)
    (fallback if choice_understood else choice).append(wrong)
    parent.insert(index, alternate)
    return alternate


def mark_paragraph(p, kind: str) -> None:
    """Track the paragraph mark itself as inserted or deleted (``w:pPr/w:rPr``)."""
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = el("pPr")
        p.insert(0, ppr)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = el("rPr")
        ppr.append(rpr)
    rpr.append(el(kind, id=next(_ids), author="审核人", date="2024-01-05T10:00:00Z"))


def copy_of(element):
    return copy.deepcopy(element)


# ---- what Word shows beyond the characters -----------------------------------------------
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WPS_OFFICE = "http://www.wps.cn/officeDocument/2013/wpsCustomData"  # WPS's own: not Word's
UNKNOWN = "urn:example:unknown-extension"
PREFIXES = {"w14": W14, "w15": W15, "wps": WPS, "wpsCustomData": WPS_OFFICE, "x": UNKNOWN}


def styled(text: str, *props: etree._Element) -> etree._Element:
    """A run of `text` with direct formatting `props` (e.g. ``el("strike")``)."""
    r = run(text)
    r.insert(0, el("rPr", *props))
    return r


def superscript(text: str) -> etree._Element:
    return styled(text, el("vertAlign", val="superscript"))


def subscript(text: str) -> etree._Element:
    return styled(text, el("vertAlign", val="subscript"))


def note_reference(kind: str = "footnote", mark: str | None = None) -> etree._Element:
    """A footnote (or endnote) reference as Word stores it: numbered by Word, or
    followed by its own mark (``w:customMarkFollows``)."""
    ref = el(f"{kind}Reference", id=next(_ids) % 1000)
    r = el("r", el("rPr", el("vertAlign", val="superscript")), ref)
    if mark is not None:
        ref.set(w("customMarkFollows"), "1")
        t = el("t")
        t.text = mark
        r.append(t)
    return r


def symbol(code: str, font: str = "Times New Roman") -> etree._Element:
    """A run holding one ``w:sym`` (Insert → Symbol): `code` in hexadecimal."""
    return el("r", el("sym", font=font, char=code))


def alternate(branches: list[tuple[str, list]], fallback: list) -> etree._Element:
    """mc:AlternateContent with a Choice per (Requires, elements) and a Fallback,
    the prefixes declared as Word declares them."""
    nsmap = {"mc": MC, "w": W, **PREFIXES}
    alternate = etree.Element(f"{{{MC}}}AlternateContent", nsmap=nsmap)
    for requires, elements in branches:
        choice = etree.SubElement(alternate, f"{{{MC}}}Choice")
        choice.set("Requires", requires)
        choice.extend(elements)
    etree.SubElement(alternate, f"{{{MC}}}Fallback").extend(fallback)
    return alternate


def replace_with_alternate(element, requires: str, wrong) -> etree._Element:
    """Put `element` in a Choice requiring `requires` and `wrong` in the Fallback,
    where `element` stood (Word shows the Choice when it understands `requires`)."""
    parent = element.getparent()
    index = parent.index(element)
    parent.remove(element)
    container = alternate([(requires, [element])], [wrong])
    parent.insert(index, container)
    return container


def begin(instruction: str = "") -> list:
    """The runs that begin a complex field and hold its instruction."""
    out = [el("r", el("fldChar", fldCharType="begin"))]
    if instruction:
        instr = run(instruction)
        instr[0].tag = w("instrText")
        out.append(instr)
    return out


def field_char(kind: str) -> etree._Element:
    return el("r", el("fldChar", fldCharType=kind))


def content_control(*children, prompt_flag: bool = False, doc_part: str = "") -> etree._Element:
    """w:sdt around `children`; flagged as showing its placeholder, and naming a
    glossary building block as its prompt, when asked."""
    props = el("sdtPr", el("id", val=next(_ids)))
    if doc_part:
        props.append(el("placeholder", el("docPart", val=doc_part)))
    if prompt_flag:
        props.append(el("showingPlcHdr"))
    return el("sdt", props, el("sdtContent", *children))


def pr(element, tag: str) -> etree._Element:
    """The properties element (``w:tcPr``, ``w:trPr``, ``w:rPr``…) of `element`,
    made when missing."""
    found = element.find(w(tag))
    if found is None:
        found = el(tag)
        element.insert(0, found)
    return found
