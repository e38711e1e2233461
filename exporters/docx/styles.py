"""Page, type sizes and paragraph styles of the report (formats.md §7, GB/T 9704).

All measures are in twentieths of a point (twips) or half points, as OOXML wants
them. The styles are written as one ``styles.xml`` of our own, replacing
python-docx's default one: no theme fonts, no Japanese East-Asian defaults.
"""

from __future__ import annotations

from exporters.docx import fonts
from exporters.docx.fonts import rfonts

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# ---- page (A4, GB/T 9704 margins: 版心 156 × 225 mm) ------------------------------
PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
MARGIN_TOP_MM = 37
MARGIN_BOTTOM_MM = 35
MARGIN_LEFT_MM = 28
MARGIN_RIGHT_MM = 26
# The footer's bottom edge sits this far above the paper's edge; with the footer's
# exact 14 pt line it puts the dash of 「— 1 —」 7 mm under the type area (GB/T 9704
# §7.5), as measured in LibreOffice (tests/integration/test_docx_layout.py).
FOOTER_DISTANCE_MM = 25.7
HEADER_DISTANCE_MM = 15
FOOTER_LINE_TWIPS = 280  # exact line of the page number: its height does not depend on the font


def mm_to_twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


TEXT_WIDTH = mm_to_twips(PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM)  # 156 mm
TEXT_HEIGHT = mm_to_twips(PAGE_HEIGHT_MM - MARGIN_TOP_MM - MARGIN_BOTTOM_MM)  # 225 mm

# ---- a landscape page, for a table too wide for the portrait page at 小五 -------------
# The binding edge (left in portrait) is the landscape page's top, with the same
# 28 mm; the sides take 20 mm each, so the widest table the limits allow (section
# 四's fifteen columns of nine- and ten-digit numbers) still fits at 小五: a type
# area of 257 × 156 mm. The page number keeps its place 7 mm under the type area.
LANDSCAPE_MARGIN_TOP_MM = 28
LANDSCAPE_MARGIN_BOTTOM_MM = 26
LANDSCAPE_MARGIN_LEFT_MM = 20
LANDSCAPE_MARGIN_RIGHT_MM = 20
LANDSCAPE_FOOTER_DISTANCE_MM = FOOTER_DISTANCE_MM - (MARGIN_BOTTOM_MM - LANDSCAPE_MARGIN_BOTTOM_MM)
LANDSCAPE_TEXT_WIDTH = mm_to_twips(
    PAGE_HEIGHT_MM - LANDSCAPE_MARGIN_LEFT_MM - LANDSCAPE_MARGIN_RIGHT_MM
)  # 257 mm
LANDSCAPE_TEXT_HEIGHT = mm_to_twips(
    PAGE_WIDTH_MM - LANDSCAPE_MARGIN_TOP_MM - LANDSCAPE_MARGIN_BOTTOM_MM
)  # 156 mm

# ---- type (sizes in points) ----------------------------------------------------------
TITLE_PT = 22  # 二号
BODY_PT = 16  # 三号
TABLE_PT = 10.5  # 五号
PAGE_NUMBER_PT = 14  # 四号
LINE_TWIPS = 579  # fixed 28.95 pt: 22 lines in the 225 mm text block
TITLE_LINE_TWIPS = 700  # fixed 35 pt for the 22 pt title lines
CHAR_TWIPS = BODY_PT * 20  # one body character: indents are counted in characters
# 22 lines × 28 characters: 28 characters of 16 pt need 448 pt, the line has 442.2 pt;
# condensing each by 0.25 pt (in twentieths of a point) makes them fit (441 pt).
BODY_CHAR_SPACING = -5

# Style ids (the names Word shows are Chinese, in STYLE_NAMES).
NORMAL = "Normal"
TITLE = "NbTitle"
HEADING1 = "NbHeading1"
HEADING2_CHAR = "NbHeading2Char"
TABLE_TEXT = "NbTableText"
TABLE_LABEL = "NbTableLabel"
SIGNATURE = "NbSignature"
FOOTER = "Footer"

STYLE_NAMES = {
    NORMAL: "Normal",  # Word shows it as 「正文」
    TITLE: "报告标题",
    HEADING1: "一级标题",
    HEADING2_CHAR: "二级标题",
    TABLE_TEXT: "表格文字",
    TABLE_LABEL: "表格行标题",
    SIGNATURE: "落款",
    FOOTER: "footer",  # Word shows it as 「页脚」
}


def section_properties(landscape: bool) -> str:
    """The ``w:sectPr`` of a section that ends inside the body (before or after a
    landscape table): page size, orientation, margins and footer distance, the line
    grid. Its page number footers are those of the document's last section, added
    when the package is assembled (exporters.docx.document)."""
    if landscape:
        width, height = mm_to_twips(PAGE_HEIGHT_MM), mm_to_twips(PAGE_WIDTH_MM)
        size = f'w:w="{width}" w:h="{height}" w:orient="landscape"'
        top, bottom = LANDSCAPE_MARGIN_TOP_MM, LANDSCAPE_MARGIN_BOTTOM_MM
        left, right = LANDSCAPE_MARGIN_LEFT_MM, LANDSCAPE_MARGIN_RIGHT_MM
        footer = LANDSCAPE_FOOTER_DISTANCE_MM
    else:
        size = f'w:w="{mm_to_twips(PAGE_WIDTH_MM)}" w:h="{mm_to_twips(PAGE_HEIGHT_MM)}"'
        top, bottom, left, right = MARGIN_TOP_MM, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM
        footer = FOOTER_DISTANCE_MM
    margins = (
        f'w:top="{mm_to_twips(top)}" w:right="{mm_to_twips(right)}" '
        f'w:bottom="{mm_to_twips(bottom)}" w:left="{mm_to_twips(left)}" '
        f'w:header="{mm_to_twips(HEADER_DISTANCE_MM)}" w:footer="{mm_to_twips(footer)}" '
        'w:gutter="0"'
    )
    return (
        f'<w:sectPr><w:type w:val="nextPage"/><w:pgSz {size}/><w:pgMar {margins}/>'
        f'<w:cols w:space="720"/><w:docGrid w:linePitch="{LINE_TWIPS}"/></w:sectPr>'
    )


def half_points(pt: float) -> int:
    return round(pt * 2)


def run_props(font: fonts.Font, size_pt: float, latin: str = fonts.LATIN) -> str:
    """``w:rPr`` content for a style or run: fonts in every slot, size, black; 3号
    text slightly condensed so that a line holds 28 characters."""
    sz = half_points(size_pt)
    color = '<w:color w:val="000000"/>'
    spacing = f'<w:spacing w:val="{BODY_CHAR_SPACING}"/>' if size_pt == BODY_PT else ""
    return f'{rfonts(font, latin)}{color}{spacing}<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'


def ppr(
    style: str,
    *,
    keep_next: bool = False,
    keep_lines: bool = False,
    page_break: bool = False,
    line: int | None = None,
    before: int = 0,
    after: int = 0,
    ind: str = "",
    jc: str = "",
    break_latin: bool = True,
) -> str:
    """A paragraph's ``w:pPr`` in schema order. Every paragraph says itself that
    punctuation does not hang into the margin (see _NO_HANGING), and whether Latin
    runs may break anywhere (``w:wordWrap``): yes in text, so no line before a URL
    or a long digit string is stretched; never in a number cell (`break_latin`
    False), where a number is one word that must not break."""
    parts = [f'<w:pStyle w:val="{style}"/>']
    if keep_next:
        parts.append("<w:keepNext/>")
    if keep_lines:
        parts.append("<w:keepLines/>")
    if page_break:
        parts.append("<w:pageBreakBefore/>")
    parts.append(_PARAGRAPH_TEXT_RULES if break_latin else _NUMBER_TEXT_RULES)
    if line is not None or before or after:
        rule = f'w:line="{line}" w:lineRule="exact"' if line is not None else ""
        parts.append(f'<w:spacing w:before="{before}" w:after="{after}" {rule}/>')
    parts.append(ind)
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    return "<w:pPr>" + "".join(parts) + "</w:pPr>"


MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
# No hanging punctuation: Word and WPS read ``w:overflowPunct w:val="0"`` as "keep
# punctuation inside the margins", LibreOffice reads the same value as "let it hang"
# (its DOCX import inverts the flag). Word 2013 and later take the Choice, which
# requires the Word 2012 namespace; LibreOffice does not know that namespace and
# takes the Fallback, which it reads as "do not hang". Word 2010 also takes the
# Fallback and may hang punctuation.
_NO_HANGING = (
    f'<mc:AlternateContent xmlns:mc="{MC_NS}" xmlns:w15="{W15_NS}">'
    '<mc:Choice Requires="w15"><w:overflowPunct w:val="0"/></mc:Choice>'
    '<mc:Fallback><w:overflowPunct w:val="1"/></mc:Fallback>'
    "</mc:AlternateContent>"
)
_PARAGRAPH_TEXT_RULES = f'<w:wordWrap w:val="0"/>{_NO_HANGING}'
_NUMBER_TEXT_RULES = f'<w:wordWrap w:val="1"/>{_NO_HANGING}'


def _spacing(line: int, rule: str = "exact") -> str:
    return f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="{rule}"/>'


_NO_INDENT = '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
TABLE_LINE_TWIPS = round(TABLE_PT * 1.3 * 20)  # exact: row heights are predictable


def _pstyle(sid: str, ppr: str, rpr: str, based_on: str | None = NORMAL, extra: str = "") -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}">'
        f'<w:name w:val="{STYLE_NAMES[sid]}"/>{based}<w:next w:val="{NORMAL}"/>{extra}<w:qFormat/>'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def styles_xml() -> str:
    """The complete ``word/styles.xml`` of the report."""
    body = run_props(fonts.BODY, BODY_PT)
    table = run_props(fonts.TABLE, TABLE_PT)
    return (
        f'<w:styles xmlns:w="{W_NS}">'
        "<w:docDefaults>"
        f"<w:rPrDefault><w:rPr>{body}"
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault>"
        # punctuation stays inside the 156 mm text block (no hanging 。，)
        f'<w:pPrDefault><w:pPr><w:widowControl w:val="0"/>{_PARAGRAPH_TEXT_RULES}'
        f"{_spacing(LINE_TWIPS)}"
        '<w:jc w:val="both"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>"
        # 正文: body text, first line indented two characters
        f'<w:style w:type="paragraph" w:default="1" w:styleId="{NORMAL}">'
        f'<w:name w:val="{STYLE_NAMES[NORMAL]}"/><w:qFormat/>'
        # no paragraph leaves a single line at the foot or head of a page (孤行控制)
        f"<w:pPr><w:widowControl/>{_PARAGRAPH_TEXT_RULES}{_spacing(LINE_TWIPS)}"
        f'<w:ind w:firstLine="{2 * CHAR_TWIPS}" w:firstLineChars="200"/>'
        f'<w:jc w:val="both"/></w:pPr><w:rPr>{body}</w:rPr></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        + _pstyle(
            TITLE,
            "<w:keepNext/><w:keepLines/>"
            f'<w:spacing w:before="0" w:after="{LINE_TWIPS}" w:line="{TITLE_LINE_TWIPS}" '
            f'w:lineRule="exact"/>{_NO_INDENT}<w:jc w:val="center"/>',
            run_props(fonts.TITLE, TITLE_PT),
        )
        + _pstyle(
            HEADING1,
            '<w:keepNext/><w:outlineLvl w:val="0"/>',
            run_props(fonts.HEADING, BODY_PT),
        )
        + (
            f'<w:style w:type="character" w:customStyle="1" w:styleId="{HEADING2_CHAR}">'
            f'<w:name w:val="{STYLE_NAMES[HEADING2_CHAR]}"/>'
            '<w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>'
            f"<w:rPr>{run_props(fonts.SUBHEADING, BODY_PT)}</w:rPr></w:style>"
        )
        + _pstyle(
            TABLE_TEXT, f'{_spacing(TABLE_LINE_TWIPS)}{_NO_INDENT}<w:jc w:val="center"/>', table
        )
        + _pstyle(TABLE_LABEL, '<w:jc w:val="left"/>', table, based_on=TABLE_TEXT)
        + _pstyle(SIGNATURE, f'{_NO_INDENT}<w:jc w:val="right"/>', body)
        + (
            f'<w:style w:type="paragraph" w:styleId="{FOOTER}">'
            f'<w:name w:val="{STYLE_NAMES[FOOTER]}"/><w:basedOn w:val="{NORMAL}"/>'
            '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
            f"<w:pPr>{_spacing(FOOTER_LINE_TWIPS)}{_NO_INDENT}</w:pPr>"
            f"<w:rPr>{run_props(fonts.PAGE_NUMBER, PAGE_NUMBER_PT, fonts.PAGE_NUMBER.name)}</w:rPr>"
            "</w:style>"
        )
        + "</w:styles>"
    )
