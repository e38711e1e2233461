"""The summary marker of a Word export (model/summary_marker.py): custom document
properties (docProps/custom.xml) and a keyword.

A summary (汇总, `Report.summary`) exported to Word must stay recognisable as a
summary: a later roll-up over the same folder would otherwise add it as one more
agency and double every figure. Word and WPS keep custom document properties
when they open and save a file (文件 → 属性 → 自定义), so the marker travels in
them: ``nianbao.summary`` holds the number of reports summed, and the marker's
payload (the sources as JSON) follows in ``nianbao.summary.1``,
``nianbao.summary.2``… of at most `CHUNK` characters each, because Word keeps at
most 255 characters of a text property. The marker's name is also written as the
document's keyword (关键词): office suites copy keywords, not custom properties,
into a PDF made from the document (exporters/pdf.py). The importer
(importers/docx.py) reads them back with `marker_payload`.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from model.report import Report, SummaryInfo
from model.summary_marker import KEYWORD, NAME, decode, encode, has_keyword

PROPERTY = NAME
CHUNK = 250  # characters per text property; Word keeps at most 255
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# The format id every custom property carries (FMTID_UserDefinedProperties).
USER_DEFINED = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def add_summary_marker(doc: Document, report: Report) -> None:
    """Write the summary marker into `doc`'s custom properties; nothing for a
    report that is not a summary."""
    if report.summary is None:
        return
    doc.core_properties.keywords = KEYWORD
    payload = encode(report.summary)
    chunks = [payload[i : i + CHUNK] for i in range(0, len(payload), CHUNK)]
    props = [(PROPERTY, str(len(report.summary.sources)))]
    props += [(f"{PROPERTY}.{i}", chunk) for i, chunk in enumerate(chunks, start=1)]
    items = "".join(
        f'<property fmtid="{USER_DEFINED}" pid="{pid}" name="{escape(name)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(props, start=2)  # pids start at 2
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">{items}</Properties>'
    )
    package = doc.part.package
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, xml.encode(), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def custom_properties(doc: Document) -> dict[str, str]:
    """The text custom properties of a .docx by name ({} when it has none)."""
    from docx.oxml import parse_xml

    for rel in doc.part.package.rels.values():
        if rel.reltype != RT.CUSTOM_PROPERTIES or rel.is_external:
            continue
        try:
            root = parse_xml(rel.target_part.blob)
        except Exception:  # a damaged part: as if there were none (lxml raises several)
            return {}
        out: dict[str, str] = {}
        for prop in root.iter(f"{{{CUSTOM_NS}}}property"):
            name = prop.get("name")
            if name:
                out[name] = "".join(prop.itertext())
        return out
    return {}


def marker_payload(doc: Document) -> str | None:
    """The marker's payload as `importers.summary_marker.mark_summary` takes it: the
    joined custom properties, "" when only the keyword is left (someone removed
    the properties; a PDF made from the file), None without a marker."""
    props = custom_properties(doc)
    if PROPERTY not in props:
        return "" if has_keyword(doc.core_properties.keywords) else None
    chunks = []
    i = 1
    while f"{PROPERTY}.{i}" in props:
        chunks.append(props[f"{PROPERTY}.{i}"])
        i += 1
    return "".join(chunks)


def read_summary(doc: Document) -> tuple[SummaryInfo | None, bool]:
    """(the summary marker, whether its list of sources was damaged). A marker
    whose list cannot be read still marks the document as a summary (with no
    sources): counting it again would double every figure."""
    payload = marker_payload(doc)
    if payload is None:
        return None, False
    return decode(payload) if payload else (SummaryInfo(()), False)
