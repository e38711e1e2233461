"""Roll-up safety: a summary is never counted again, one agency counts once a year,
and every file found is accounted for with its reason."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from exporters.summary_xlsx import export_summary_xlsx
from model import messages as msg
from model.aggregate import aggregate, default_output_folder, find_files, not_a_report
from model.drafts import load_draft, save_draft
from model.report import Report, SummaryInfo, SummarySource
from tests.factories import random_report


def _reports(n: int, year: int = 2023, seed: int = 11) -> list[Report]:
    rng = random.Random(seed)
    return [random_report(rng, year, f"某某县第{i + 1}局") for i in range(n)]


def _folder(tmp_path: Path, n: int = 3) -> tuple[Path, list[Report]]:
    folder = tmp_path / "各部门报告"
    folder.mkdir()
    reports = _reports(n)
    for i, r in enumerate(reports):
        save_draft(r, folder / f"{i}.nianbao")
    return folder, reports


def _notes(result) -> dict[str, str]:
    return {Path(s.file).name: s.note for s in result.statuses if not s.included}


def _sums(report: Report) -> dict[str, object]:
    return {k: str(v) for k, v in report.values().items()}


# ---- a summary is never a part -----------------------------------------------------------
def test_running_twice_on_its_own_output_folder_gives_the_same_sums(tmp_path):
    from exporters.docx import export_docx
    from exporters.xlsx import export_xlsx

    folder, reports = _folder(tmp_path)
    first = aggregate([folder], agency="某某县人民政府")
    # what an office does: everything saved next to the departments' reports
    save_draft(first.summary, folder / "汇总.nianbao")
    export_summary_xlsx(first, folder / "汇总表.xlsx")
    export_xlsx(first.summary, folder / "汇总报告.xlsx")
    export_docx(first.summary, folder / "汇总报告.docx")
    second = aggregate([folder], agency="某某县人民政府")
    assert _sums(second.summary) == _sums(first.summary)
    assert len(second.included) == 3
    notes = _notes(second)
    assert notes["汇总.nianbao"] == msg.AGG_SKIP_SUMMARY.format(n=3)
    assert notes["汇总表.xlsx"] == msg.AGG_SKIP_SUMMARY_XLSX
    # a summary exported to Excel or Word carries the summary marker
    for name in ("汇总报告.xlsx", "汇总报告.docx"):
        assert notes[name].startswith(msg.AGG_SKIP_SUMMARY.format(n=3)), name
    # a late report arrives: only it is added
    late = random_report(random.Random(99), 2023, "迟交的局")
    save_draft(late, folder / "迟交.nianbao")
    third = aggregate([folder], agency="某某县人民政府")
    cell = "applications.new.natural"
    expected = sum(r.input_value(cell) for r in (*reports, late))
    assert third.summary.input_value(cell) == expected


def test_the_summary_records_that_it_is_one_and_what_it_holds(tmp_path):
    folder, reports = _folder(tmp_path)
    result = aggregate([folder])
    assert result.summary.summary == SummaryInfo(
        tuple(
            SummarySource(r.meta.agency, 2023, "department", f"{i}.nianbao")
            for i, r in enumerate(reports)
        )
    )
    save_draft(result.summary, tmp_path / "s.nianbao")
    assert load_draft(tmp_path / "s.nianbao").summary == result.summary.summary


def test_a_summary_of_the_default_name_is_skipped_too(tmp_path):
    folder, _ = _folder(tmp_path)
    other = random_report(random.Random(5), 2023, "汇 总")  # 「汇总」 with a space
    save_draft(other, folder / "x.nianbao")
    result = aggregate([folder])
    assert len(result.included) == 3
    assert _notes(result)["x.nianbao"].startswith("未纳入：机关名称与本次汇总的名称「汇总」相同")


# ---- one agency counts once a year -------------------------------------------------------
def test_one_agency_as_draft_workbook_and_word_counts_once(tmp_path):
    from exporters.docx import export_docx
    from exporters.xlsx import export_xlsx

    folder, reports = _folder(tmp_path, n=2)
    twice = random_report(random.Random(3), 2023, "某某县第1局")  # differs from 0.nianbao
    export_xlsx(twice, folder / "第1局.xlsx")
    export_docx(twice, folder / "第1局.docx")
    result = aggregate([folder])
    assert [Path(s.file).name for s in result.included] == ["0.nianbao", "1.nianbao"]
    cell = "applications.new.natural"
    assert result.summary.input_value(cell) == sum(r.input_value(cell) for r in reports)
    notes = _notes(result)
    dropped = msg.AGG_DUPLICATE_DROPPED.format(file="0.nianbao")
    assert notes["第1局.xlsx"].startswith(dropped)
    assert notes["第1局.docx"].startswith(dropped)
    kept = next(s for s in result.statuses if Path(s.file).name == "0.nianbao")
    assert msg.AGG_DUPLICATE_KEPT.format(files="第1局.docx」「第1局.xlsx") in kept.note
    assert len(result.rows) == 2


def test_among_drafts_the_newest_counts_and_names_match_loosely(tmp_path):
    folder, _ = _folder(tmp_path, n=1)
    newer = random_report(random.Random(8), 2023, "某某县第１局 ")  # full-width digit, space
    save_draft(newer, folder / "z-newer.nianbao")
    os.utime(folder / "0.nianbao", (1_600_000_000, 1_600_000_000))
    result = aggregate([folder])
    assert [Path(s.file).name for s in result.included] == ["z-newer.nianbao"]
    assert _sums(result.summary) == _sums(newer)


def test_the_same_agency_in_another_year_is_not_a_duplicate(tmp_path):
    folder, _ = _folder(tmp_path, n=2)
    save_draft(random_report(random.Random(1), 2022, "某某县第1局"), folder / "old.nianbao")
    result = aggregate([folder])
    assert _notes(result)["old.nianbao"] == msg.AGG_OTHER_YEAR.format(year=2022, target=2023)


# ---- every file is accounted for ------------------------------------------------------------
def test_every_file_found_is_listed_with_its_reason(tmp_path):
    folder, _ = _folder(tmp_path, n=2)
    (folder / "说明.txt").write_text("各部门报告", encoding="utf-8")
    (folder / "README").write_text("x", encoding="utf-8")
    (folder / "~$0.docx").write_bytes(b"")
    (folder / ".DS_Store").write_bytes(b"")
    (folder / "0.nianbao.bak").write_text("{}", encoding="utf-8")
    sub = folder / "子文件夹"
    sub.mkdir()
    os.symlink(folder, sub / "回到上级")  # a loop
    os.symlink(folder / "0.nianbao", sub / "链接.nianbao")  # the same file again
    os.symlink(folder / "gone.nianbao", sub / "断开.nianbao")  # points nowhere
    result = aggregate([folder])
    assert len(result.included) == 2
    notes = _notes(result)
    assert notes == {
        "说明.txt": not_a_report(".txt"),
        "README": not_a_report(""),
        "~$0.docx": msg.AGG_SKIP_LOCK,
        ".DS_Store": msg.AGG_SKIP_HIDDEN,
        "0.nianbao.bak": msg.AGG_SKIP_BACKUP,
        "回到上级": msg.AGG_SKIP_LOOP.format(target=folder),
        "链接.nianbao": msg.AGG_SKIP_SAME_FILE.format(file=folder / "0.nianbao"),
        "断开.nianbao": msg.AGG_SKIP_BROKEN_LINK,
    }
    assert len(result.statuses) == 2 + len(notes)
    # and each has its row, with the reason, in the workbook's 报送情况 sheet
    from openpyxl import load_workbook

    from exporters.xlsx_strings import STATUS_SHEET

    out = tmp_path / "汇总表.xlsx"
    export_summary_xlsx(result, out)
    rows = list(load_workbook(out)[STATUS_SHEET].iter_rows(min_row=3, values_only=True))
    assert {Path(r[8]).name: r[9] for r in rows if r[9] and r[9] != "已汇总"} == notes


def test_a_folder_linked_twice_is_read_once(tmp_path):
    folder, _ = _folder(tmp_path, n=2)
    os.symlink(folder, tmp_path / "另一个入口")
    result = aggregate([folder, tmp_path / "另一个入口"])
    assert len(result.included) == 2  # the second entry is the same folder: nothing more
    shared = tmp_path / "共享"
    shared.mkdir()
    save_draft(random_report(random.Random(4), 2023, "共享局"), shared / "s.nianbao")
    os.symlink(shared, folder / "链接一")
    os.symlink(shared, folder / "链接二")
    notes = _notes(aggregate([folder]))
    assert notes == {"链接二": msg.AGG_SKIP_SAME_FOLDER.format(folder=folder / "链接一")}


def test_a_folder_that_cannot_be_opened_is_listed(tmp_path, monkeypatch):
    folder, _ = _folder(tmp_path, n=1)
    locked = folder / "锁住的"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = aggregate([folder])
    assert _notes(result) == {"锁住的": msg.AGG_SKIP_FOLDER.format(reason=msg.AGG_NO_PERMISSION)}


def test_find_files_entries_can_be_run_as_listed(tmp_path):
    folder, _ = _folder(tmp_path, n=2)
    (folder / "x.txt").write_text("x", encoding="utf-8")
    found = find_files([folder])
    assert [f.skip == "" for f in found] == [True, True, False]
    result = aggregate(found)
    assert len(result.included) == 2 and len(result.statuses) == 3


# ---- before saving ----------------------------------------------------------------------------
def test_flags_count_the_reports_that_need_a_look(tmp_path):
    folder, reports = _folder(tmp_path)
    reports[0].set_values({"applications.new.natural": None})
    save_draft(reports[0], folder / "0.nianbao")
    flags = aggregate([folder]).flags()
    assert flags.blanks == 1 and flags.errors >= 1


@pytest.mark.parametrize("inside", [False, True])
def test_the_default_save_folder_is_never_a_scanned_folder(tmp_path, inside):
    folder = tmp_path / "文档" / "年报草稿"
    folder.mkdir(parents=True)
    if inside:  # the reports were put in the drafts folder itself
        assert default_output_folder([folder], folder) == tmp_path / "文档"
        assert default_output_folder([tmp_path / "文档"], folder) == tmp_path
    else:
        reports = tmp_path / "各部门"
        reports.mkdir()
        assert default_output_folder([reports], folder) == folder
