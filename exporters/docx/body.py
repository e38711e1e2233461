"""The body of the report as WordprocessingML: title, sections in the order of
the spec (headings, narratives, tables), signature block.

While the body is built, a running estimate of the page position
(exporters.docx.paging.Flow) sizes the first piece of a table too long for a page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from exporters.docx import fonts, layout, metrics, styles
from exporters.docx import strings as s
from exporters.docx.numbers import printed_value
from exporters.docx.paging import Flow, plan_table, row_heights
from exporters.docx.sizing import TableSizing, size_table
from exporters.docx.tables import table_xml
from model.report import Report
from model.spec import Section

MAX_LISTED_BLANKS = 3
# A last paragraph this short goes whole to the signature's page when it must.
SHORT_LAST_LINES = 3
TAIL_LINES = 2  # lines of text that always stand on the page of the signature
# space under a heading that a table follows, so the heading does not sit on the
# table's top rule (the gap then matches the one between two lines of text)
HEADING_BEFORE_TABLE_AFTER = 180
# half a line above a heading that follows a table, so the two do not touch
AFTER_TABLE_BEFORE = styles.LINE_TWIPS // 2
SECTION_BREAK_TWIPS = 20  # the 1 pt paragraph that ends a section


@dataclass
class BodyResult:
    xml: str  # paragraphs and tables, without the enclosing w:body
    warnings: list[str] = field(default_factory=list)
    blank_cells: list[str] = field(default_factory=list)  # inputs printed blank


def run(text: str, font: fonts.Font, size_pt: float, char_style: str | None = None) -> str:
    """One run with explicit fonts (East-Asian slot included) and size."""
    style = f'<w:rStyle w:val="{char_style}"/>' if char_style else ""
    parts = text.split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{layout.xml_text(p)}</w:t>' for p in parts)
    return f"<w:r><w:rPr>{style}{styles.run_props(font, size_pt)}</w:rPr>{body}</w:r>"


def paragraph(style: str, runs: str = "", ppr: str = "") -> str:
    """A paragraph; `ppr` is a whole ``w:pPr`` (styles.ppr), or empty for the style's."""
    return f"<w:p>{ppr or styles.ppr(style)}{runs}</w:p>"


def _body_run(text: str) -> str:
    return run(text, fonts.BODY, styles.BODY_PT)


_TEXT_WIDTH_PT = styles.TEXT_WIDTH / 20
_SPACING_PT = styles.BODY_CHAR_SPACING / 20
_INDENT_PT = 2 * styles.CHAR_TWIPS / 20


def body_lines(text: str, first_indent: bool = True) -> list[str]:
    """The lines a paragraph of body text prints as (exporters.docx.metrics)."""
    indent = _INDENT_PT if first_indent else 0.0
    return metrics.break_lines(text, _TEXT_WIDTH_PT, styles.BODY_PT, _SPACING_PT, indent)


def _runs(text: str, head: str) -> str:
    """Runs of a paragraph whose first `len(head)` characters are a （一） heading."""
    runs = run(head, fonts.SUBHEADING, styles.BODY_PT, styles.HEADING2_CHAR) if head else ""
    rest = text[len(head) :]
    return runs + (_body_run(rest) if rest else "")


def _last_paragraph(line: str, head: str, flow: Flow) -> str:
    """The report's last paragraph, which the signature follows. A short one keeps
    with the signature whole; a longer one is printed as two paragraphs that read
    as one, split at a line end: its last TAIL_LINES lines keep with the signature,
    the rest may stay on the page before (LibreOffice would otherwise move the
    whole paragraph). The first part is set 分散对齐 so its last line is as full as
    the lines above it."""
    lines = body_lines(line)
    flow.lines(len(lines), styles.LINE_TWIPS)
    if len(lines) <= SHORT_LAST_LINES:
        ppr = styles.ppr(styles.NORMAL, keep_next=True, keep_lines=True)
        return paragraph(styles.NORMAL, _runs(line, head), ppr)
    cut = sum(len(x) for x in lines[:-TAIL_LINES])
    first, tail = line[:cut], line[cut:]
    head_first, head_tail = head[:cut], head[cut:]
    no_indent = '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
    return paragraph(
        styles.NORMAL, _runs(first, head_first), styles.ppr(styles.NORMAL, jc="distribute")
    ) + paragraph(
        styles.NORMAL,
        _runs(tail, head_tail),
        styles.ppr(styles.NORMAL, keep_next=True, keep_lines=True, ind=no_indent),
    )


def narrative(text: str, heading: str = "", last: bool = False, flow: Flow | None = None) -> str:
    """Paragraphs of a narrative section; a （一）-style heading sentence in 楷体.
    A first line repeating the section `heading` (pasted with the text) is left out.
    `last`: the signature follows this section."""
    flow = flow or Flow()
    lines = layout.without_heading(layout.paragraphs(text), heading)
    out = []
    for i, line in enumerate(lines):
        head, rest = layout.split_heading(line)
        line = head + metrics.breakable_latin(rest)
        is_last = i == len(lines) - 1
        if last and is_last:
            out.append(_last_paragraph(line, head, flow))
            continue
        flow.lines(len(body_lines(line)), styles.LINE_TWIPS)
        # a heading line stays with its text
        keep = bool(head and not rest and not is_last)
        ppr = styles.ppr(styles.NORMAL, keep_next=keep)
        out.append(paragraph(styles.NORMAL, _runs(line, head), ppr))
    return "".join(out)


def _cell_name(report: Report, cell_id: str) -> str:
    cell = report.spec.cell_by_id[cell_id]
    table = report.spec.table_by_id[cell.table]
    row = " ".join(p for p in cell.row_path if p)
    return s.CELL_NAME.format(section=table.section, row=row, col=cell.col_label)


def blank_warning(report: Report, blanks: list[str]) -> str:
    """One sentence naming how many inputs are blank, per section, and a few of them."""
    spec = report.spec
    per_section = Counter(spec.table_by_id[spec.cell_by_id[c].table].section for c in blanks)
    listed = "；".join(_cell_name(report, c) for c in blanks[:MAX_LISTED_BLANKS])
    return s.BLANK_LEFT.format(
        count=len(blanks),
        per_section="，".join(
            s.BLANK_IN_SECTION.format(section=sec, count=n) for sec, n in per_section.items()
        ),
        cells=listed,
        more=s.BLANK_MORE if len(blanks) > MAX_LISTED_BLANKS else "",
    )


def signature(report: Report) -> tuple[str, list[str]]:
    """The agency name centred over the date, the date 右空四字, after two blank lines.
    A long name takes several lines, broken between words. Every line keeps with
    the next, so the block never starts a page alone."""
    warnings = []
    agency = layout.agency_name(report.meta.agency)
    if report.meta.date is not None:
        date = layout.date_text(report.meta.date)
    else:
        date = s.DATE_PLACEHOLDER
        warnings.append(s.NO_DATE)
    names = layout.name_lines(agency, layout.signature_max_em(date), layout.MAX_SIGNATURE_LINES)
    box = f'<w:ind w:left="{layout.signature_left_indent(date)}" w:right="0" w:firstLine="0"/>'
    keep = styles.ppr(styles.SIGNATURE, keep_next=True)
    xml = paragraph(styles.SIGNATURE, "", keep) * 2
    for name in names:
        ppr = styles.ppr(styles.SIGNATURE, keep_next=True, ind=box, jc="center")
        xml += paragraph(styles.SIGNATURE, _body_run(name), ppr)
    ppr = styles.ppr(styles.SIGNATURE, ind=box, jc="center")
    xml += paragraph(styles.SIGNATURE, _body_run(date), ppr)
    return xml, warnings


def title(report: Report, flow: Flow) -> str:
    meta, suffix = report.meta, report.spec.title_suffix
    lines = layout.title_lines(layout.agency_name(meta.agency), meta.year, suffix)
    flow.block(len(lines) * styles.TITLE_LINE_TWIPS + styles.LINE_TWIPS)
    return paragraph(styles.TITLE, run("\n".join(lines), fonts.TITLE, styles.TITLE_PT))


def _heading(section: Section, before: int, after: int, page_break: bool = False) -> str:
    """A 「一、」 heading kept with what follows; `page_break`: it starts a page (then
    without space above, which LibreOffice would keep at the top of a forced page)."""
    before = 0 if page_break else before
    ppr = styles.ppr(
        styles.HEADING1,
        keep_next=True,
        page_break=page_break,
        line=styles.LINE_TWIPS if before or after else None,
        before=before,
        after=after,
    )
    return paragraph(styles.HEADING1, run(section.heading, fonts.HEADING, styles.BODY_PT), ppr)


def section_break(landscape: bool) -> str:
    """An empty 1 pt paragraph that ends the section before it (portrait, or the
    landscape one of a wide table); the next section starts a new page. The page
    number footers are added to its ``w:sectPr`` by exporters.docx.document."""
    ppr = styles.ppr(styles.TABLE_TEXT, line=SECTION_BREAK_TWIPS)
    sect = styles.section_properties(landscape)
    return f"<w:p>{ppr[: -len('</w:pPr>')]}{sect}</w:pPr></w:p>"


def _table(report: Report, section: Section, flow: Flow, before: int, sizing: TableSizing) -> str:
    """Heading and table of a table section, planned against the page position."""
    table = report.spec.table_by_id[section.table or ""]
    cells = table.cell_by_id

    def value_text(cid: str) -> str:
        return printed_value(report, cells[cid])

    heading_h = styles.LINE_TWIPS + before + HEADING_BEFORE_TABLE_AFTER
    heights = row_heights(table, sizing, value_text)
    plan = plan_table(table, heights, heading_h, flow.room if flow.y else None, sizing)
    xml = table_xml(table, value_text, sizing, plan)
    heading_xml = _heading(section, before, HEADING_BEFORE_TABLE_AFTER, plan.new_page)
    if plan.new_page:
        flow.new_page()
    header = sum(heights[: table.header_rows])
    for i, (start, end) in enumerate(plan.pieces):
        if i:
            flow.new_page()
        body = plan.height(start, end) + header + (heading_h if i == 0 else 0)
        if len(plan.pieces) == 1 and not plan.keep >= set(range(table.n_rows - 1)):
            flow.lines(max(1, body // styles.LINE_TWIPS), styles.LINE_TWIPS)  # may break
        else:
            flow.block(body)
    return heading_xml + xml


def _sizing(report: Report, section: Section) -> TableSizing | None:
    if not section.table:
        return None
    table = report.spec.table_by_id[section.table]
    cells = table.cell_by_id
    return size_table(table, lambda cid: printed_value(report, cells[cid]))


def section_xml(
    report: Report, section: Section, blanks: list[str], after_table: bool, last: bool, flow: Flow
) -> tuple[str, list[str]]:
    """A section: its heading, its table or text. A table too wide for the portrait
    page at 小五 gets a landscape section of its own (exporters.docx.sizing)."""
    warnings = []
    xml = ""
    sizing = _sizing(report, section)
    landscape = sizing is not None and sizing.landscape
    if landscape != flow.landscape:
        xml += section_break(flow.landscape)
        flow.new_page(landscape)
    before = AFTER_TABLE_BEFORE if after_table and flow.y else 0
    if section.table and sizing is not None:
        table = report.spec.table_by_id[section.table]
        blanks.extend(c.id for c in table.inputs if report.is_blank(c.id))
        xml += _table(report, section, flow, before, sizing)
    else:
        flow.heading(styles.LINE_TWIPS + before, 2 * styles.LINE_TWIPS)
        xml += _heading(section, before, 0)
    if section.text is not None:
        text = narrative(report.texts.get(section.id, ""), section.heading, last, flow)
        if not text:
            warnings.append(s.EMPTY_SECTION.format(heading=section.heading))
        xml += text
    return xml, warnings


def build_body(report: Report) -> BodyResult:
    result = BodyResult("")
    if not layout.agency_name(report.meta.agency):
        result.warnings.append(s.NO_AGENCY)
    flow = Flow()
    parts = [title(report, flow)]
    sections = report.spec.sections
    # the last paragraph of text keeps its last lines with the signature, also when
    # the sections after it (an empty 六) print only their headings
    with_text = [
        i
        for i, sec in enumerate(sections)
        if sec.text is not None
        and layout.without_heading(layout.paragraphs(report.texts.get(sec.id, "")), sec.heading)
    ]
    last_text = with_text[-1] if with_text else -1
    for i, section in enumerate(sections):
        after_table = i > 0 and sections[i - 1].table is not None
        last = i == last_text
        xml, warnings = section_xml(report, section, result.blank_cells, after_table, last, flow)
        parts.append(xml)
        result.warnings += warnings
    if flow.landscape:  # the signature is on a portrait page
        parts.append(section_break(True))
        flow.new_page(False)
    xml, warnings = signature(report)
    parts.append(xml)
    result.warnings += warnings
    if result.blank_cells:
        result.warnings.insert(0, blank_warning(report, result.blank_cells))
    result.xml = "".join(parts)
    return result
