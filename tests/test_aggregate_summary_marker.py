"""A summary stays a summary through Word and Excel, whatever its name, and a 本级政府
report is not silently added to departments' reports (the field case: an earlier
summary exported as .docx/.xlsx was summed as one more department when the
summary name was left empty, 49 instead of 28 in every cell)."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pytest

from exporters.docx import build_document, export_docx
from exporters.docx.marker import CHUNK, PROPERTY, read_summary
from exporters.xlsx import export_xlsx
from importers.docx import import_docx
from importers.notes import NoteLevel, note_level
from importers.xlsx import import_xlsx
from model import messages as msg
from model.aggregate import aggregate
from model.drafts import save_draft
from model.report import Report, SummaryInfo, SummarySource
from tests.factories import random_report

CELL = "applications.new.natural"


def _folder(tmp_path: Path, n: int = 3, year: int = 2023) -> tuple[Path, list[Report]]:
    folder = tmp_path / "各部门报告"
    folder.mkdir()
    rng = random.Random(5)
    reports = [random_report(rng, year, f"某某县第{i + 1}局") for i in range(n)]
    for i, r in enumerate(reports):
        save_draft(r, folder / f"{i}.nianbao")
    return folder, reports


def _notes(result) -> dict[str, str]:
    return {Path(s.file).name: s.note for s in result.statuses if not s.included}


def _sums(report: Report) -> dict[str, str]:
    return {k: str(v) for k, v in report.values().items()}


@pytest.mark.parametrize("agency", ["", "某某县人民政府"])
def test_an_exported_summary_is_never_summed_again_whatever_the_summary_is_called(tmp_path, agency):
    folder, reports = _folder(tmp_path)
    first = aggregate([folder], agency="某某县人民政府")
    export_docx(first.summary, folder / "某某县2023年报（汇总）.docx")
    export_xlsx(first.summary, folder / "某某县2023年报（汇总）.xlsx")
    # the dialog's name box left empty (「汇总」), as the officer found it: and even
    # with 本级政府 reports asked for, a marked summary is never a part
    second = aggregate([folder], agency=agency, include_government=True)
    assert _sums(second.summary) == _sums(first.summary)
    assert second.summary.input_value(CELL) == sum(r.input_value(CELL) for r in reports)
    notes = _notes(second)
    for name in ("某某县2023年报（汇总）.docx", "某某县2023年报（汇总）.xlsx"):
        assert notes[name].startswith(msg.AGG_SKIP_SUMMARY.format(n=3)), name


def test_the_marker_and_its_sources_survive_word_and_excel(tmp_path):
    sources = tuple(
        SummarySource(f'某某县第{i}局「引号」"&<>', 2023, "department", f"{i}.nianbao")
        for i in range(40)  # a long list: many chunks of CHUNK characters
    )
    report = random_report(random.Random(1), 2023, "某某县人民政府", kind="government")
    report.set_summary(SummaryInfo(sources))
    export_docx(report, tmp_path / "s.docx")
    export_xlsx(report, tmp_path / "s.xlsx")
    with zipfile.ZipFile(tmp_path / "s.docx") as z:
        custom = z.read("docProps/custom.xml").decode()
        types = z.read("[Content_Types].xml").decode()
    assert f'name="{PROPERTY}"' in custom and "custom-properties+xml" in types
    for path in (tmp_path / "s.docx", tmp_path / "s.xlsx"):
        importer = import_docx if path.suffix == ".docx" else import_xlsx
        assert importer(path).report.summary == SummaryInfo(sources), path.name


def test_word_keeps_every_property_short_enough():
    report = random_report(random.Random(1), 2023, "某某县人民政府", kind="government")
    report.set_summary(
        SummaryInfo(tuple(SummarySource(f"局{i}", 2023, "department") for i in range(30)))
    )
    doc, _ = build_document(report)
    from exporters.docx.marker import custom_properties

    props = custom_properties(doc)
    assert props[PROPERTY] == "30"
    assert all(len(v) <= CHUNK for v in props.values())
    assert len(props) > 3


def test_a_report_that_is_not_a_summary_has_no_marker(tmp_path):
    report = random_report(random.Random(2), 2023)
    export_docx(report, tmp_path / "r.docx")
    with zipfile.ZipFile(tmp_path / "r.docx") as z:
        assert "docProps/custom.xml" not in z.namelist()
    assert import_docx(tmp_path / "r.docx").report.summary is None


def test_a_damaged_marker_still_marks_a_summary_and_says_so(tmp_path):
    report = random_report(random.Random(3), 2023, "某某县人民政府", kind="government")
    report.set_summary(SummaryInfo((SummarySource("甲局", 2023),)))
    doc, _ = build_document(report)
    # someone cut the list short in 文件 → 属性 → 自定义
    for rel in doc.part.package.rels.values():
        if rel.reltype.endswith("/custom-properties"):
            blob = rel.target_part.blob.decode().replace('"sources"', '"sour')
            rel.target_part._blob = blob.encode()
    doc.save(str(tmp_path / "d.docx"))
    summary, damaged = read_summary(doc)
    assert summary == SummaryInfo(()) and damaged
    result = import_docx(tmp_path / "d.docx")
    assert result.report.summary == SummaryInfo(())
    assert any("汇总来源无法读取" in n for n in result.notes)
    # and a roll-up still leaves it out
    folder = tmp_path / "f"
    folder.mkdir()
    (tmp_path / "d.docx").rename(folder / "d.docx")
    save_draft(random_report(random.Random(4), 2023, "乙局"), folder / "b.nianbao")
    got = aggregate([folder])
    assert _notes(got)["d.docx"].startswith(msg.AGG_SKIP_SUMMARY_UNLISTED)


def test_a_damaged_workbook_marker_still_marks_a_summary(tmp_path):
    report = random_report(random.Random(3), 2023, "某某县人民政府", kind="government")
    report.set_summary(SummaryInfo((SummarySource("甲局", 2023),)))
    export_xlsx(report, tmp_path / "s.xlsx")
    from openpyxl import load_workbook

    from exporters import xlsx_strings as xs

    wb = load_workbook(tmp_path / "s.xlsx")
    ws = wb[xs.META_SHEET]
    for row in ws.iter_rows():
        if row[0].value == xs.META_SUMMARY:
            row[1].value = row[1].value[:10]
    wb.save(tmp_path / "s.xlsx")
    result = import_xlsx(tmp_path / "s.xlsx")
    assert result.report.summary == SummaryInfo(())
    assert xs.NOTE_SUMMARY_BAD in result.notes
    assert note_level(xs.NOTE_SUMMARY_BAD) is NoteLevel.TIP


# ---- 本级政府 reports among departments --------------------------------------------------------
def _with_government(tmp_path: Path) -> tuple[Path, list[Report], Report]:
    folder, reports = _folder(tmp_path)
    government = random_report(random.Random(8), 2023, "某某县人民政府", kind="government")
    export_docx(government, folder / "县政府年报.docx")  # no marker: made elsewhere
    return folder, reports, government


def test_a_government_report_among_departments_is_flagged_not_summed(tmp_path):
    folder, reports, _government = _with_government(tmp_path)
    result = aggregate([folder])  # the name box empty
    assert result.summary.input_value(CELL) == sum(r.input_value(CELL) for r in reports)
    assert len(result.included) == 3
    status = next(s for s in result.statuses if s.file.endswith("县政府年报.docx"))
    assert not status.included and status.government_skipped
    assert status.note.startswith(msg.AGG_SKIP_GOVERNMENT)
    assert result.flags().government == 1


def test_a_government_report_is_summed_when_the_officer_asks(tmp_path):
    folder, reports, government = _with_government(tmp_path)
    result = aggregate([folder], include_government=True)
    expected = sum(r.input_value(CELL) for r in (*reports, government))
    assert result.summary.input_value(CELL) == expected
    status = next(s for s in result.statuses if s.file.endswith("县政府年报.docx"))
    assert status.included and msg.AGG_GOVERNMENT_INCLUDED in status.note
    assert result.flags().government == 0


def test_government_reports_alone_are_summed_and_noted(tmp_path):
    folder = tmp_path / "各区"
    folder.mkdir()
    rng = random.Random(9)
    districts = [
        random_report(rng, 2023, f"某某区{i}人民政府", kind="government") for i in range(2)
    ]
    for i, r in enumerate(districts):
        save_draft(r, folder / f"{i}.nianbao")
    result = aggregate([folder])
    assert result.summary.input_value(CELL) == sum(r.input_value(CELL) for r in districts)
    assert all(msg.AGG_GOVERNMENT_ONLY in s.note for s in result.included)


def test_government_rule_comes_before_duplicates(tmp_path):
    """An excluded 本级政府 report does not claim to be 「只计入本文件」 over its copy."""
    folder, _reports, government = _with_government(tmp_path)
    export_xlsx(government, folder / "县政府年报.xlsx")
    notes = _notes(aggregate([folder]))
    for name in ("县政府年报.docx", "县政府年报.xlsx"):
        assert notes[name].startswith(msg.AGG_SKIP_GOVERNMENT), name
        assert "只计入" not in notes[name]


def test_the_command_line_flags_and_includes_government_reports(tmp_path, capsys):
    from cli import main

    folder, reports, government = _with_government(tmp_path)
    out = tmp_path / "out" / "汇总.nianbao"
    out.parent.mkdir()
    assert main(["aggregate", str(folder), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "1 份本级政府的报告未与部门报告一起计入" in printed
    assert main(["aggregate", str(folder), "-o", str(out), "--include-government", "--force"]) == 0
    from model.drafts import load_draft

    expected = sum(r.input_value(CELL) for r in (*reports, government))
    assert load_draft(out).input_value(CELL) == expected
    assert json.loads(out.read_text("utf-8"))["report"]["summary"] is not None
