"""The summary marker of a Word export: custom document properties (docProps/custom.xml).

A summary (汇总, `Report.summary`) exported to Word must stay recognisable as a
summary: a later roll-up over the same folder would otherwise add it as one more
agency and double every figure. Word and WPS keep custom document properties
when they open and save a file (文件 → 属性 → 自定义), so the marker travels in
them: ``nianbao.summary`` holds the number of reports summed, and the list of
sources (`model.drafts.summary_to_dict` as JSON) follows in ``nianbao.summary.1``,
``nianbao.summary.2``… of at most `CHUNK` characters each, because Word keeps at
most 255 characters of a text property. The importer (importers/docx.py) reads
them back with `read_summary`.
"""

from __future__ import annotations

import json
from xml.sax.saxutils import escape

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from model.report import Report, SummaryInfo

PROPERTY = "nianbao.summary"
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
    from model.drafts import summary_to_dict

    payload = json.dumps(summary_to_dict(report.summary), ensure_ascii=False)
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


def read_summary(doc: Document) -> tuple[SummaryInfo | None, bool]:
    """(the summary marker, whether its list of sources was damaged). A marker
    whose list cannot be read still marks the document as a summary (with no
    sources): counting it again would double every figure."""
    from model.drafts import DraftError, summary_from_dict

    props = custom_properties(doc)
    if PROPERTY not in props:
        return None, False
    chunks = []
    i = 1
    while f"{PROPERTY}.{i}" in props:
        chunks.append(props[f"{PROPERTY}.{i}"])
        i += 1
    try:
        summary = summary_from_dict(json.loads("".join(chunks)))
    except (DraftError, ValueError, TypeError, KeyError):
        return SummaryInfo(()), True
    return summary or SummaryInfo(()), False
