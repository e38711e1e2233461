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

    @property
    def body(self) -> etree._Element:
        return self.root.find(w("body"))

    def save(self, path: Path) -> Path:
        with zipfile.ZipFile(self.path) as src, zipfile.ZipFile(path, "w") as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "word/document.xml":
                    data = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8")
                dst.writestr(item, data)
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
