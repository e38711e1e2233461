"""The body of the report as WordprocessingML: title, sections in the order of
the spec (headings, narratives, tables), signature block."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from exporters.docx import fonts, layout, styles
from exporters.docx import strings as s
from exporters.docx.numbers import printed_value
from exporters.docx.tables import table_xml
from model.report import Report
from model.spec import Section

MAX_LISTED_BLANKS = 3


@dataclass
class BodyResult:
    xml: str  # paragraphs and tables, without the enclosing w:body
    warnings: list[str] = field(default_factory=list)
    blank_cells: list[str] = field(default_factory=list)  # inputs printed as 0


def run(text: str, font: fonts.Font, size_pt: float, char_style: str | None = None) -> str:
    """One run with explicit fonts (East-Asian slot included) and size."""
    style = f'<w:rStyle w:val="{char_style}"/>' if char_style else ""
    parts = text.split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{layout.xml_text(p)}</w:t>' for p in parts)
    return f"<w:r><w:rPr>{style}{styles.run_props(font, size_pt)}</w:rPr>{body}</w:r>"


def paragraph(style: str, runs: str = "", ppr: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>{runs}</w:p>'


def _body_run(text: str) -> str:
    return run(text, fonts.BODY, styles.BODY_PT)


_KEEP_NEXT = "<w:keepNext/>"


def narrative(text: str, heading: str = "", keep_last: bool = False) -> str:
    """Paragraphs of a narrative section; a （一）-style heading sentence in 楷体.
    A first line repeating the section `heading` (pasted with the text) is left out.
    `keep_last` keeps the last paragraph on the page of what follows (the signature)."""
    lines = layout.without_heading(layout.paragraphs(text), heading)
    out = []
    for i, line in enumerate(lines):
        head, rest = layout.split_heading(line)
        runs = run(head, fonts.SUBHEADING, styles.BODY_PT, styles.HEADING2_CHAR) if head else ""
        if rest:
            runs += _body_run(rest)
        # a heading line stays with its text; the last line with the signature
        last = i == len(lines) - 1
        keep = _KEEP_NEXT if (head and not rest and not last) or (keep_last and last) else ""
        out.append(paragraph(styles.NORMAL, runs, keep))
    return "".join(out)


def _cell_name(report: Report, cell_id: str) -> str:
    cell = report.spec.cell_by_id[cell_id]
    table = report.spec.table_by_id[cell.table]
    row = " ".join(p for p in cell.row_path if p)
    return s.CELL_NAME.format(section=table.section, row=row, col=cell.col_label)


def _blank_warning(report: Report, blanks: list[str]) -> str:
    spec = report.spec
    per_section = Counter(spec.table_by_id[spec.cell_by_id[c].table].section for c in blanks)
    listed = "；".join(_cell_name(report, c) for c in blanks[:MAX_LISTED_BLANKS])
    return s.BLANK_AS_ZERO.format(
        count=len(blanks),
        per_section="，".join(
            s.BLANK_IN_SECTION.format(section=sec, count=n) for sec, n in per_section.items()
        ),
        cells=listed,
        more=s.BLANK_MORE if len(blanks) > MAX_LISTED_BLANKS else "",
    )


def _right_indent(chars: float) -> str:
    twips = round(chars * styles.CHAR_TWIPS)
    return f'<w:ind w:right="{twips}" w:rightChars="{round(chars * 100)}"/>'


def signature(report: Report) -> tuple[str, list[str]]:
    """The agency name centred over the date, the date 右空四字, after two blank lines."""
    warnings = []
    agency = layout.agency_name(report.meta.agency)
    if report.meta.date is not None:
        date = layout.date_text(report.meta.date)
    else:
        date = s.DATE_PLACEHOLDER
        warnings.append(s.NO_DATE)
    agency_indent, date_indent = layout.signature_right_indents(agency, date)
    # the block never starts a page alone: each line keeps with the next
    xml = paragraph(styles.SIGNATURE, "", _KEEP_NEXT) * 2
    if agency:
        ppr = _KEEP_NEXT + _right_indent(agency_indent)
        xml += paragraph(styles.SIGNATURE, _body_run(agency), ppr)
    xml += paragraph(styles.SIGNATURE, _body_run(date), _right_indent(date_indent))
    return xml, warnings


def title(report: Report) -> str:
    meta, suffix = report.meta, report.spec.title_suffix
    lines = layout.title_lines(layout.agency_name(meta.agency), meta.year, suffix)
    return paragraph(styles.TITLE, run("\n".join(lines), fonts.TITLE, styles.TITLE_PT))


# half a line above a heading that follows a table, so the two do not touch
_AFTER_TABLE = (
    f'<w:spacing w:before="{styles.LINE_TWIPS // 2}" w:after="0" '
    f'w:line="{styles.LINE_TWIPS}" w:lineRule="exact"/>'
)


def section_xml(
    report: Report, section: Section, blanks: list[str], after_table: bool, last: bool
) -> tuple[str, list[str]]:
    warnings = []
    ppr = _AFTER_TABLE if after_table else ""
    xml = paragraph(styles.HEADING1, run(section.heading, fonts.HEADING, styles.BODY_PT), ppr)
    if section.table:
        table = report.spec.table_by_id[section.table]
        blanks.extend(c.id for c in table.inputs if report.is_blank(c.id))
        cells = table.cell_by_id
        xml += table_xml(table, lambda cid: printed_value(report, cells[cid]))
    if section.text is not None:
        text = narrative(report.texts.get(section.id, ""), section.heading, keep_last=last)
        if not text:
            warnings.append(s.EMPTY_SECTION.format(heading=section.heading))
        xml += text
    return xml, warnings


def build_body(report: Report) -> BodyResult:
    result = BodyResult("")
    if not layout.agency_name(report.meta.agency):
        result.warnings.append(s.NO_AGENCY)
    parts = [title(report)]
    sections = report.spec.sections
    for i, section in enumerate(sections):
        after_table = i > 0 and sections[i - 1].table is not None
        last = i == len(sections) - 1
        xml, warnings = section_xml(report, section, result.blank_cells, after_table, last)
        parts.append(xml)
        result.warnings += warnings
    xml, warnings = signature(report)
    parts.append(xml)
    result.warnings += warnings
    if result.blank_cells:
        result.warnings.insert(0, _blank_warning(report, result.blank_cells))
    result.xml = "".join(parts)
    return result
