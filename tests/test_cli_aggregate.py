"""`main.py aggregate`: output, written files and exit codes."""

from __future__ import annotations

import random

from openpyxl import load_workbook

from cli import EXIT_OK, EXIT_UNREADABLE, EXIT_UNWRITABLE, main
from model.drafts import load_draft, save_draft
from tests.factories import random_report


def _folder(tmp_path, years=(2023, 2023, 2023)):
    folder = tmp_path / "各部门"
    folder.mkdir()
    rng = random.Random(3)
    reports = []
    for i, year in enumerate(years):
        report = random_report(rng, year, f"某某县第{i + 1}局")
        save_draft(report, folder / f"{i}.nianbao")
        reports.append(report)
    return folder, reports


def test_aggregate_writes_the_draft_and_the_workbook(tmp_path, capsys):
    folder, reports = _folder(tmp_path, (2023, 2023, 2020))
    (folder / "坏文件.nianbao").write_text("{", encoding="utf-8")
    out, xlsx = tmp_path / "汇总.nianbao", tmp_path / "汇总表.xlsx"
    code = main(
        [
            "aggregate",
            str(folder),
            "-o",
            str(out),
            "--xlsx",
            str(xlsx),
            "--agency",
            "某某县人民政府",
        ]
    )
    assert code == EXIT_OK
    text = capsys.readouterr().out
    assert "2 份报告已汇总，2 个文件未纳入。" in text
    assert "坏文件.nianbao" in text and "本报告为2020年度，汇总的是2023年度" in text
    assert "汇总草稿已保存" in text and "汇总表已保存" in text
    summary = load_draft(out)
    assert summary.meta.agency == "某某县人民政府" and summary.meta.year == 2023
    cell = "applications.new.natural"
    assert summary.input_value(cell) == sum(r.input_value(cell) for r in reports[:2])
    wb = load_workbook(xlsx)
    assert wb.sheetnames[0] == "报送情况" and wb["报送情况"].max_row == 2 + 4


def test_year_option_and_default_agency(tmp_path, capsys):
    folder, reports = _folder(tmp_path, (2023, 2023, 2020))
    out = tmp_path / "s.nianbao"
    assert main(["aggregate", str(folder), "-o", str(out), "--year", "2020"]) == EXIT_OK
    summary = load_draft(out)
    assert summary.meta.year == 2020 and summary.meta.agency == "汇总"
    assert summary.values() == reports[2].values()  # the one 2020 report, alone
    assert "1 份报告已汇总，2 个文件未纳入。" in capsys.readouterr().out


def test_nothing_to_sum_exits_2(tmp_path, capsys):
    folder = tmp_path / "empty"
    folder.mkdir()
    out = tmp_path / "s.nianbao"
    assert main(["aggregate", str(folder), "-o", str(out)]) == EXIT_UNREADABLE
    assert "没有找到报告文件" in capsys.readouterr().err
    (folder / "x.nianbao").write_text("[]", encoding="utf-8")
    assert main(["aggregate", str(folder), "-o", str(out)]) == EXIT_UNREADABLE
    captured = capsys.readouterr()
    assert "0 份报告已汇总，1 个文件未纳入。" in captured.out and "没有可汇总的报告" in captured.err
    assert not out.exists()
    folder2, _ = _folder(tmp_path)
    assert main(["aggregate", str(folder2), "-o", str(out), "--year", "2019"]) == EXIT_UNREADABLE


def test_unwritable_output_exits_3(tmp_path, capsys):
    folder, _ = _folder(tmp_path)
    missing = tmp_path / "没有这个文件夹"
    assert main(["aggregate", str(folder), "-o", str(missing / "s.nianbao")]) == EXIT_UNWRITABLE
    err = capsys.readouterr().err
    assert "汇总已完成，但未能保存：" in err and "没有这个文件夹" in err
    assert err.count("无法保存") == 1  # one sentence, not one inside another
    out = tmp_path / "s.nianbao"
    code = main(["aggregate", str(folder), "-o", str(out), "--xlsx", str(missing / "s.xlsx")])
    assert code == EXIT_UNWRITABLE


def test_outputs_inside_the_scanned_folder_are_not_summed_again(tmp_path, capsys):
    folder, _ = _folder(tmp_path)
    out = folder / "汇总.nianbao"
    assert main(["aggregate", str(folder), "-o", str(out)]) == EXIT_OK
    capsys.readouterr()
    before = out.read_bytes()  # a second run replaces the summary only when asked to
    assert main(["aggregate", str(folder), "-o", str(out)]) == EXIT_UNWRITABLE
    assert "已存在" in capsys.readouterr().err and out.read_bytes() == before
    assert main(["aggregate", str(folder), "-o", str(out), "--force"]) == EXIT_OK
    text = capsys.readouterr().out
    assert "3 份报告已汇总，1 个文件未纳入。" in text
    assert "汇总.nianbao：未读取：本次汇总的输出文件" in text


def test_an_output_never_replaces_an_agencys_report_even_with_force(tmp_path, capsys):
    from exporters.xlsx import export_xlsx
    from model.drafts import load_draft

    folder, _reports = _folder(tmp_path)
    report_file = next(folder.glob("*.nianbao"))
    before = report_file.read_bytes()
    code = main(["aggregate", str(folder), "-o", str(report_file), "--force"])
    assert code == EXIT_UNWRITABLE and "是一份报告" in capsys.readouterr().err
    assert report_file.read_bytes() == before
    book = folder / "某局.xlsx"
    export_xlsx(load_draft(report_file), book)
    before = book.read_bytes()
    out = tmp_path / "汇总.nianbao"
    code = main(["aggregate", str(folder), "-o", str(out), "--xlsx", str(book), "--force"])
    assert code == EXIT_UNWRITABLE and book.read_bytes() == before and not out.exists()
