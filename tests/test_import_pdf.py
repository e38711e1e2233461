"""Published PDFs: the field case to its transcription, the project's own exports
through LibreOffice, and hostile PDFs refused or read safely."""

from __future__ import annotations

import dataclasses
import json
import random
import re

import pytest

from importers import ImportRefused
from importers.pdf import import_pdf
from importers.published.labels import norm
from model import limits
from model.rules import validate
from tests.factories import random_report
from tests.pdf_fixtures import SOFFICE, raw_pdf, soffice_pdf, with_active_content
from tests.shared_cases import PUBLISHED

HONGZE = PUBLISHED / "published-pdf_2024-hongze.pdf"
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


def _flat(prefix: str, tree: dict):
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from _flat(f"{prefix}{key}.", value)
        else:
            yield f"{prefix}{key}", value


@pytest.fixture(scope="module")
def hongze():
    return import_pdf(HONGZE)


def test_hongze_imports_to_its_transcription_cell_by_cell(hongze):
    expected = json.loads(HONGZE.with_suffix(".expected.json").read_text(encoding="utf-8"))
    report = hongze.report
    assert (report.meta.agency, report.meta.year, report.spec.id) == (
        expected["agency"],
        expected["year"],
        expected["format"],
    )
    assert report.meta.date == expected["date"]  # the PDF has no 成文日期
    cells = dict(_flat("applications.", expected["applications"]))
    cells |= dict(_flat("appeals.", expected["appeals"]))
    cells |= {f"active.{k}": v for k, v in _flat("", expected["art20"])}
    assert len(cells) == 200
    for cell_id, value in cells.items():
        got = report.value(cell_id)
        assert (None if got is None else str(got)) == (None if value is None else str(value)), (
            cell_id
        )
    # blocks of 二 the report does not print stay blank
    printed = {c for c in cells if c.startswith("active.")}
    for cell in report.spec.table_by_id["active"].inputs:
        if cell.id not in printed:
            assert report.value(cell.id) is None, cell.id


def test_hongze_texts_run_on_over_lines_and_pages(hongze):
    texts = {k: re.sub(r"[ \t]", "", v) for k, v in hongze.report.texts.items()}
    assert "有力服务保障我区经济社会高质量发展。" in texts["一"]
    assert "受理政府信息公开申请17件，均已在法定期限内予以答复。" in texts["一"]
    # a paragraph broken by a page break reads as one
    assert "答复书模板，使各行政机关答复的方式" in texts["五"]
    assert texts["六"].endswith("全年收取政府信息公开信息处理费0元。")
    assert not any(line.strip() in ("-1-", "-2-", "-3-") for line in texts["一"].splitlines())


def test_hongze_typo_and_one_row_group_are_read_and_said(hongze):
    notes = "\n".join(hongze.notes)
    assert "2.其他法律行政止公开" in notes
    assert "（六）其他处理」只印了一行" in notes


def test_hongze_r10_warns_that_the_text_says_17_and_the_table_95(hongze):
    r10 = [i for i in validate(hongze.report).issues if i.rule == "R10"]
    assert r10 and "17" in r10[0].message and "95" in r10[0].message


@pytest.fixture(scope="module")
def own_report():
    report = random_report(random.Random(16), 2023, agency="某某市某某区人民政府办公室")
    report.set_text("一", report.texts["一"] + "\n（一）主动公开。全年主动公开政府信息 1234 条。")
    return report


def _same_values(report, imported) -> None:
    # a title the PDF reader does not recognise leaves the year guessed from the
    # date, marked 待确认 (year_pending); the year itself must still be right
    assert dataclasses.replace(imported.meta, year_pending=False) == report.meta
    assert imported.values() == report.values()
    for section_id, text in report.texts.items():
        # LibreOffice drops a punctuation mark it hangs past the margin: compare words
        assert norm(imported.texts[section_id]) == norm(text), section_id


@needs_soffice
def test_our_word_export_printed_to_pdf_imports_back(own_report, tmp_path):
    from exporters.docx import export_docx

    source = tmp_path / "年报.docx"
    export_docx(own_report, source)
    result = import_pdf(soffice_pdf(source, tmp_path / "pdf"))
    _same_values(own_report, result.report)


@needs_soffice
def test_our_web_page_printed_to_pdf_imports_back(own_report, tmp_path):
    from exporters.html import export_html

    source = tmp_path / "年报.html"
    export_html(own_report, source)
    result = import_pdf(soffice_pdf(source, tmp_path / "pdf", "pdf:writer_pdf_Export"))
    _same_values(own_report, result.report)


@needs_soffice
def test_a_pdf_without_rulings_never_reads_a_wrong_number(own_report, tmp_path):
    """LibreOffice's web layout prints our page without table borders: the tables
    are read from word positions. What cannot be rebuilt is named, never guessed."""
    from exporters.html import export_html

    source = tmp_path / "年报.html"
    export_html(own_report, source)
    page = source.read_text(encoding="utf-8").replace(' border="1"', "")
    source.write_text(page.replace("border:1px solid #000;", ""), encoding="utf-8")
    pdf = soffice_pdf(source, tmp_path / "web", "pdf:writer_web_pdf_Export")
    result = import_pdf(pdf)
    for cell_id, value in result.report.values().items():
        cell = result.report.spec.cell_by_id[cell_id]
        if not cell.computed:
            assert value == own_report.value(cell_id), cell_id
    assert any("没有框线" in n for n in result.notes)
    assert result.report.values()  # some tables are rebuilt from word positions


@needs_soffice
def test_scripts_forms_and_attachments_are_ignored(own_report, tmp_path):
    from exporters.docx import export_docx

    source = tmp_path / "年报.docx"
    export_docx(own_report, source)
    pdf = soffice_pdf(source, tmp_path / "pdf")
    hostile = tmp_path / "带脚本.pdf"
    hostile.write_bytes(with_active_content(pdf.read_bytes()))
    result = import_pdf(hostile)
    _same_values(own_report, result.report)
    assert any("脚本、表单或附件未读取" in n for n in result.notes)
    assert "999" not in result.report.texts["一"]


def test_a_scan_without_text_is_refused(tmp_path):
    path = tmp_path / "扫描件.pdf"
    path.write_bytes(raw_pdf(3))
    with pytest.raises(ImportRefused) as refused:
        import_pdf(path)
    assert "没有文字" in str(refused.value) and "扫描件.pdf" in str(refused.value)


def test_too_many_pages_are_refused_before_reading(tmp_path):
    path = tmp_path / "很多页.pdf"
    path.write_bytes(raw_pdf(limits.MAX_PDF_PAGES + 1, "x"))
    with pytest.raises(ImportRefused) as refused:
        import_pdf(path)
    assert str(limits.MAX_PDF_PAGES) in str(refused.value)


def test_a_page_count_that_lies_is_still_bounded(tmp_path):
    path = tmp_path / "谎报页数.pdf"
    path.write_bytes(raw_pdf(limits.MAX_PDF_PAGES + 5, "x", declared=1))
    with pytest.raises(ImportRefused) as refused:
        import_pdf(path)
    assert "页" in str(refused.value)


def test_latin_text_only_is_no_report(tmp_path):
    path = tmp_path / "英文.pdf"
    path.write_bytes(raw_pdf(1, "Annual report on something else entirely"))
    with pytest.raises(ImportRefused) as refused:
        import_pdf(path)
    assert "不像是政府信息公开工作年度报告" in str(refused.value)


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pdf at all", b"%PDF-1.7\n1 0 obj << /Type /Catalog", b"%PDF-1.4\n" + b"\0" * 50],
)
def test_broken_files_are_refused_with_a_message(tmp_path, content):
    path = tmp_path / "坏.pdf"
    path.write_bytes(content)
    with pytest.raises(ImportRefused) as refused:
        import_pdf(path)
    assert "坏.pdf" in str(refused.value)


def test_too_large_a_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)
    path = tmp_path / "大.pdf"
    path.write_bytes(raw_pdf(1, "x"))
    with pytest.raises(ImportRefused) as refused:
        import_pdf(path)
    assert "超过" in str(refused.value)


def test_reading_time_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_IMPORT_SECONDS", -1)
    path = tmp_path / "慢.pdf"
    path.write_bytes(raw_pdf(2, "x"))
    with pytest.raises(ImportRefused) as refused:
        import_pdf(path)
    assert "秒" in str(refused.value)


@needs_soffice
def test_a_web_page_printed_with_its_site_reads_as_the_report(tmp_path):
    """A browser prints the site around the article: its menu (a link naming a
    section), 「当前位置」, 「发布日期：… 来源」 before the title, the footer after
    the signature. The title, agency, date, tables and texts are the report's."""
    import datetime as dt

    from tests.html_fixtures import published_page

    report = random_report(random.Random(61), 2023, agency="某某市某某区财政局")
    report.set_meta(date=dt.date(2024, 1, 20))
    page = tmp_path / "网页.html"
    page.write_bytes(published_page(report, site=True))
    result = import_pdf(soffice_pdf(page, tmp_path / "pdf", "pdf:writer_web_pdf_Export"))
    assert result.report.meta == report.meta
    assert result.report.values() == report.values()
    for section_id, text in report.texts.items():
        assert norm(result.report.texts[section_id]) == norm(text), section_id


@needs_soffice
def test_a_footnote_mark_after_a_number_is_set_aside_not_read_as_a_digit(tmp_path):
    """A superscript 「1」 after 8 (Word's footnote style) prints small and raised:
    the PDF reads 8 with a note, never 81; a subscript likewise."""
    import random

    from exporters.docx import export_docx
    from tests import docx_xml as x
    from tests.factories import random_report

    report = random_report(random.Random(7), 2023, agency="某某市某某局")
    report.set_value("applications.new.natural", 4817)
    report.set_value("active.art20_1.regulations.issued", 8)
    source = tmp_path / "年报.docx"
    export_docx(report, source)
    doc = x.Docx(source)
    x.insert_after(doc.run_with("4817"), x.superscript("12"))
    runs = [r for r in doc.xpath("//w:tbl[1]//w:r") if x.text_of(r) == "8"]
    x.insert_after(runs[0], x.subscript("3"))
    pdf = soffice_pdf(doc.save(tmp_path / "标注.docx"), tmp_path / "pdf")
    result = import_pdf(pdf)
    assert result.report.value("applications.new.natural") == 4817
    assert result.report.value("active.art20_1.regulations.issued") == 8
    assert any("上标「12」未计入" in n for n in result.notes)
    assert any("下标「3」未计入" in n for n in result.notes)


@needs_soffice
@pytest.mark.parametrize("kind", ["docx", "html"])
def test_a_long_name_wrapped_in_title_and_signature_survives_our_pdf(tmp_path, kind):
    """Title and signature break a long name over lines: the PDF of our own Word
    export or web page reads the whole name (the first title line had been dropped
    as a site menu, the signature read as 「（区人民防空办公室）」 and its first line
    put into 六 — and two copies of one report counted as two agencies)."""
    import dataclasses

    from exporters.docx import export_docx
    from exporters.html import export_html

    agency = "某某市某某区住房和城乡建设局（区人民防空办公室）"
    report = random_report(random.Random(5), 2024, agency=agency)
    source = tmp_path / f"年报.{kind}"
    (export_docx if kind == "docx" else export_html)(report, source)
    filter_name = "pdf" if kind == "docx" else "pdf:writer_pdf_Export"
    result = import_pdf(soffice_pdf(source, tmp_path / "pdf", filter_name))
    assert dataclasses.replace(result.report.meta, year_pending=False) == report.meta
    assert result.report.values() == report.values()
    assert norm(result.report.texts["六"]) == norm(report.texts["六"])


class _Glyph:
    """What _marks_after_digits reads of a pdfminer LTChar."""

    def __init__(self, text: str, x0: float, y0: float, size: float) -> None:
        self.text, self.x0, self.y0, self.size = text, x0, y0, size
        self.x1, self.y1 = x0 + size * 0.5, y0 + size

    def get_text(self) -> str:
        return self.text


@pytest.mark.parametrize("rule", [False, True])
def test_a_small_raised_number_is_a_mark_only_within_its_cell(rule):
    """「8」 then a 6 pt 「173」 raised right after it: a footnote mark — unless a cell
    border runs between them (a zero-margin table, the next cell's number top-aligned)."""
    from importers.pdf_shown import SUPERSCRIPT, _marks_after_digits

    digit = _Glyph("8", 100.0, 500.0, 10.5)
    small = [_Glyph(c, digit.x1 + i * 3.1, 504.5, 6.0) for i, c in enumerate("173")]
    hidden: dict[int, str] = {}
    rules = [(digit.x1, 490.0, 520.0)] if rule else []
    _marks_after_digits([digit, *small], hidden, rules)
    marked = [g.text for g in small if hidden.get(id(g)) == SUPERSCRIPT]
    assert marked == ([] if rule else ["1", "7", "3"])
