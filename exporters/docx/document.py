"""The package around the body: page setup, styles, settings, fonts, footers.

Starts from python-docx's default package and replaces what carries Western or
Japanese defaults: styles.xml is ours, the East-Asian theme language is zh-CN, the
font table names the official fonts with fallbacks, and the English thumbnail,
stylesWithEffects and bibliography parts are dropped.
"""

from __future__ import annotations

import datetime as dt
from copy import deepcopy

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm

from exporters.docx import fonts, styles
from exporters.docx.body import paragraph
from exporters.docx.layout import agency_name, clean
from model.report import Report

W_NS = styles.W_NS
_DROPPED = (
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    RT.CUSTOM_XML,
    RT.NUMBERING,  # the template's lists point at styles that are not ours; no lists here
)
APP_NAME = "年报填报助手"
# The whole of word/settings.xml: Word 2013 and later layout (no 兼容模式), the page
# shown at 100%, odd and even footers, Chinese theme language; no revision ids or
# document id that every export would share.
SETTINGS_XML = (
    f'<w:settings xmlns:w="{W_NS}">'
    '<w:zoom w:percent="100"/>'
    '<w:defaultTabStop w:val="420"/>'
    "<w:evenAndOddHeaders/>"
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    "<w:compat>"
    '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"'
    ' w:val="15"/>'
    '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification"'
    ' w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    '<w:compatSetting w:name="enableOpenTypeFeatures"'
    ' w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    '<w:compatSetting w:name="doNotFlipMirrorIndents"'
    ' w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    "</w:compat>"
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
    "</w:settings>"
)
APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>{application}</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    "</Properties>"
)


def _replace_children(target, source_xml: str) -> None:
    source = parse_xml(source_xml)
    for child in list(target):
        target.remove(child)
    for child in list(source):
        target.append(child)


def _drop_default_parts(doc: Document) -> None:
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype in _DROPPED:
            doc.part.drop_rel(rid)
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rid)


def _font_table(doc: Document) -> None:
    for rel in doc.part.rels.values():
        if rel.reltype == RT.FONT_TABLE:
            xml = (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:fonts xmlns:w="{W_NS}">{fonts.font_table_xml()}</w:fonts>'
            )
            rel.target_part._blob = xml.encode("utf-8")  # a plain Part: its bytes are its content


def _settings(doc: Document) -> None:
    _replace_children(doc.settings.element, SETTINGS_XML)


def _app_properties(doc: Document) -> None:
    """docProps/app.xml names this program and claims no page or word counts (Word
    and WPS compute them when they open the file)."""
    from xml.sax.saxutils import escape

    from model.drafts import APP_VERSION

    for rel in doc.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            app = escape(f"{APP_NAME} {APP_VERSION}")
            rel.target_part._blob = APP_XML.format(application=app).encode("utf-8")


def _page_number(odd: bool) -> str:
    """「— 1 —」 in 4号 宋体: odd pages right, even pages left, one character in."""
    indent = f'w:right="{styles.CHAR_TWIPS}"' if odd else f'w:left="{styles.CHAR_TWIPS}"'
    ppr = styles.ppr(
        styles.FOOTER,
        line=styles.FOOTER_LINE_TWIPS,
        ind=f'<w:ind {indent} w:firstLine="0" w:firstLineChars="0"/>',
        jc="right" if odd else "left",
    )
    rpr = styles.run_props(fonts.PAGE_NUMBER, styles.PAGE_NUMBER_PT, fonts.PAGE_NUMBER.name)
    field = (
        f'<w:r><w:rPr>{rpr}</w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:rPr>{rpr}</w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r><w:rPr>{rpr}</w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:rPr>{rpr}</w:rPr><w:t>1</w:t></w:r>"
        f'<w:r><w:rPr>{rpr}</w:rPr><w:fldChar w:fldCharType="end"/></w:r>'
    )
    dash = f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{{}}</w:t></w:r>'
    runs = dash.format("— ") + field + dash.format(" —")
    return f'<w:ftr xmlns:w="{W_NS}">{paragraph(styles.FOOTER, runs, ppr)}</w:ftr>'


def _page(doc: Document) -> None:
    section = doc.sections[0]
    section.page_width = Mm(styles.PAGE_WIDTH_MM)
    section.page_height = Mm(styles.PAGE_HEIGHT_MM)
    section.top_margin = Mm(styles.MARGIN_TOP_MM)
    section.bottom_margin = Mm(styles.MARGIN_BOTTOM_MM)
    section.left_margin = Mm(styles.MARGIN_LEFT_MM)
    section.right_margin = Mm(styles.MARGIN_RIGHT_MM)
    section.footer_distance = Mm(styles.FOOTER_DISTANCE_MM)
    section.header_distance = Mm(15)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is not None:
        grid.set(qn("w:linePitch"), str(styles.LINE_TWIPS))
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        footer.is_linked_to_previous = False
        _replace_children(footer._element, _page_number(odd))


def _properties(doc: Document, report: Report, title: str) -> None:
    props = doc.core_properties
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    agency = agency_name(report.meta.agency)
    props.title = clean(title)
    props.author = agency
    props.last_modified_by = agency
    props.language = "zh-CN"
    props.subject = report.spec.name
    props.keywords = ""
    props.comments = ""
    props.created = now
    props.modified = now
    props.revision = 1


def new_document(report: Report, body_xml: str, title: str) -> Document:
    doc = docx.Document()
    _drop_default_parts(doc)
    _replace_children(doc.styles.element, styles.styles_xml())
    _font_table(doc)
    _settings(doc)
    _app_properties(doc)
    _page(doc)
    _properties(doc, report, title)
    body = doc.element.body
    sect_pr = body.sectPr
    _drop_revision_ids(sect_pr)
    content = parse_xml(f'<w:body xmlns:w="{W_NS}">{body_xml}</w:body>')
    for child in list(content):
        sect_pr.addprevious(child)
    _section_footers(body, sect_pr)
    return doc


def _drop_revision_ids(element) -> None:
    """No revision ids of python-docx's template: every export would share them."""
    for name in list(element.attrib):
        if name.startswith(f"{{{W_NS}}}rsid"):
            del element.attrib[name]


def _section_footers(body, last) -> None:
    """Sections that end inside the body (around a landscape table) get the page
    number footers of the last section: the first section needs its own, and the
    odd/even footers then run through every page."""
    refs = [el for el in last if el.tag == qn("w:footerReference")]
    for sect in body.iter(qn("w:sectPr")):
        if sect is last:
            continue
        for ref in reversed(refs):
            sect.insert(0, deepcopy(ref))
