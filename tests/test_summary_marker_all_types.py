"""One summary marker, whatever the file type: an earlier roll-up saved as a draft, a
workbook, a Word file, a web page or a PDF in the departments' folder is never
counted again (the field case: a summary exported as a web page or PDF was
re-imported as one more department and every figure doubled)."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from exporters.docx import export_docx
from exporters.html import export_html, html_page
from exporters.xlsx import export_xlsx
from importers import importer_for
from importers import strings as s
from importers.html import import_html
from model import messages as msg
from model.aggregate import aggregate
from model.drafts import save_draft
from model.report import Report, SummaryInfo, SummarySource
from model.summary_marker import NAME, decode, encode, has_keyword
from tests.factories import random_report
from tests.pdf_fixtures import SOFFICE

CELL = "applications.new.natural"
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


def _export_pdf(report: Report, path: Path) -> None:
    from exporters.pdf import export_pdf

    export_pdf(report, path)


WRITERS = {
    ".nianbao": save_draft,
    ".xlsx": export_xlsx,
    ".docx": export_docx,
    ".html": export_html,
    ".pdf": _export_pdf,
}
TYPES = [
    pytest.param(suffix, marks=needs_soffice) if suffix == ".pdf" else suffix for suffix in WRITERS
]


def _departments(tmp_path: Path, n: int = 3) -> tuple[Path, list[Report]]:
    folder = tmp_path / "各部门报告"
    folder.mkdir()
    rng = random.Random(11)
    reports = [random_report(rng, 2023, f"某某县第{i + 1}局") for i in range(n)]
    for i, report in enumerate(reports):
        save_draft(report, folder / f"部门{i}.nianbao")
    return folder, reports


def _sums(report: Report) -> dict[str, str]:
    return {k: str(v) for k, v in report.values().items()}


@pytest.mark.parametrize("suffix", TYPES)
@pytest.mark.parametrize("include_government", [False, True])
def test_an_earlier_summary_in_the_folder_is_never_counted_again(
    tmp_path, suffix, include_government
):
    folder, reports = _departments(tmp_path)
    first = aggregate([folder], agency="某某县人民政府")
    WRITERS[suffix](first.summary, folder / f"上次汇总{suffix}")
    # the late report arrives; the officer runs the roll-up again with the name box
    # left as it was found, even asking for 本级政府 reports
    second = aggregate([folder], include_government=include_government)
    assert _sums(second.summary) == _sums(first.summary)
    assert second.summary.input_value(CELL) == sum(r.input_value(CELL) for r in reports)
    status = next(st for st in second.statuses if st.file.endswith(f"上次汇总{suffix}"))
    assert not status.included
    # recognised by its marker, not by the 本级政府 rule
    assert status.note.startswith(msg.AGG_SKIP_SUMMARY.format(n=3)) or status.note.startswith(
        msg.AGG_SKIP_SUMMARY_UNLISTED
    ), status.note
    assert not status.government_skipped


@needs_soffice
def test_a_folder_with_every_kind_of_earlier_summary_at_once(tmp_path):
    folder, _reports = _departments(tmp_path)
    first = aggregate([folder], agency="某某县人民政府")
    for suffix, write in WRITERS.items():
        write(first.summary, folder / f"上次汇总{suffix}")
    second = aggregate([folder], agency="某某县人民政府（二）", include_government=True)
    assert len(second.included) == 3
    assert _sums(second.summary) == _sums(first.summary)


@pytest.mark.parametrize("suffix", [".xlsx", ".docx", ".html"])
def test_the_marker_keeps_its_list_of_sources(tmp_path, suffix):
    sources = tuple(
        SummarySource(f'某某县第{i}局「引号」"&<>', 2023, "department", f"{i}.nianbao")
        for i in range(40)
    )
    report = random_report(random.Random(1), 2023, "某某县人民政府", kind="government")
    report.set_summary(SummaryInfo(sources))
    path = tmp_path / f"s{suffix}"
    WRITERS[suffix](report, path)
    importer = importer_for(path)
    assert importer(path).report.summary == SummaryInfo(sources)


@needs_soffice
def test_a_pdf_made_from_the_word_export_is_a_summary(tmp_path):
    report = random_report(random.Random(2), 2023, "某某县人民政府", kind="government")
    report.set_summary(SummaryInfo((SummarySource("甲局", 2023),)))
    _export_pdf(report, tmp_path / "s.pdf")
    import pdfplumber

    with pdfplumber.open(tmp_path / "s.pdf") as pdf:
        assert has_keyword(pdf.metadata.get("Keywords"))
    imported = importer_for(tmp_path / "s.pdf")(tmp_path / "s.pdf")
    assert imported.report.summary == SummaryInfo(())  # a keyword holds no list
    assert imported.report.input_value(CELL) == report.input_value(CELL)


def test_a_report_that_is_not_a_summary_carries_no_marker(tmp_path):
    report = random_report(random.Random(3), 2023, "某某局")
    page, _notes = html_page(report)
    assert NAME not in page
    export_docx(report, tmp_path / "r.docx")
    import docx

    assert not has_keyword(docx.Document(str(tmp_path / "r.docx")).core_properties.keywords)
    export_html(report, tmp_path / "r.html")
    assert import_html(tmp_path / "r.html").report.summary is None


def test_a_word_file_whose_custom_properties_were_removed_stays_a_summary(tmp_path):
    """Someone cleared 文件 → 属性 → 自定义; the keyword still marks it."""
    report = random_report(random.Random(4), 2023, "某某县人民政府", kind="government")
    report.set_summary(SummaryInfo((SummarySource("甲局", 2023),)))
    export_docx(report, tmp_path / "s.docx")
    import docx

    document = docx.Document(str(tmp_path / "s.docx"))
    rels = document.part.package.rels
    for rid in [r for r, rel in rels.items() if rel.reltype.endswith("/custom-properties")]:
        rels.pop(rid)
    stripped = tmp_path / "stripped.docx"
    document.save(str(stripped))
    with zipfile.ZipFile(stripped) as z:
        assert "docProps/custom.xml" not in z.namelist()
    result = importer_for(stripped)(stripped)
    assert result.report.summary == SummaryInfo(())


def test_a_web_page_with_a_damaged_marker_is_still_a_summary_and_says_so(tmp_path):
    report = random_report(random.Random(5), 2023, "某某县人民政府", kind="government")
    report.set_summary(SummaryInfo((SummarySource("甲局", 2023),)))
    page, _notes = html_page(report)
    payload = encode(report.summary)
    escaped = payload.replace('"', "&quot;")
    assert escaped in page
    (tmp_path / "s.html").write_text(page.replace(escaped, escaped[:12]), encoding="utf-8")
    result = import_html(tmp_path / "s.html")
    assert result.report.summary == SummaryInfo(())
    assert s.SUMMARY_MARKER_BAD in result.notes


def test_a_web_page_named_a_summary_only_in_its_keywords(tmp_path):
    report = random_report(random.Random(6), 2023, "某某局")
    page, _notes = html_page(report)
    page = page.replace("<head>", f'<head>\n<meta name="keywords" content="年报, {NAME}">')
    (tmp_path / "k.html").write_text(page, encoding="utf-8")
    assert import_html(tmp_path / "k.html").report.summary == SummaryInfo(())


def test_the_payload_round_trips_and_a_damaged_one_still_marks():
    summary = SummaryInfo((SummarySource("甲局", 2023, "department", "甲.docx"),))
    assert decode(encode(summary)) == (summary, False)
    assert decode(encode(summary)[:-3]) == (SummaryInfo(()), True)
    assert decode("[1, 2]") == (SummaryInfo(()), True)
    assert has_keyword(f"年报；{NAME}") and not has_keyword("nianbao") and not has_keyword(None)
