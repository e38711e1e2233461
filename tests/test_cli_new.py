"""Commands `new` and `sample`: files written, formats chosen, exit codes."""

from __future__ import annotations

import pytest

from cli import EXIT_OK, EXIT_UNREADABLE, EXIT_UNWRITABLE, main
from model.drafts import backup_path, load_draft, save_draft
from model.report import Report
from model.sample import load_sample


@pytest.mark.parametrize(
    ("year", "fmt"), [(2019, "2019"), (2020, "2019"), (2021, "2021"), (2025, "2021")]
)
def test_new_uses_the_format_of_the_year(tmp_path, capsys, year, fmt):
    out = tmp_path / f"{year}.nianbao"
    assert main(["new", "--year", str(year), "--agency", "某某局", "-o", str(out)]) == EXIT_OK
    report = load_draft(out)
    assert report.spec.id == fmt
    assert (report.meta.year, report.meta.agency, report.meta.kind) == (
        year,
        "某某局",
        "department",
    )
    assert report.values() == {} and report.previous is None
    printed = capsys.readouterr().out
    assert f"已新建 某某局{year}年政府信息公开工作年度报告草稿" in printed
    assert report.spec.issued_by in printed


def test_new_government_kind(tmp_path):
    out = tmp_path / "g.nianbao"
    args = ["new", "--year", "2024", "--agency", "某某市人民政府", "--kind", "government"]
    assert main([*args, "-o", str(out)]) == EXIT_OK
    assert load_draft(out).meta.kind == "government"


def test_years_before_2019_are_refused(tmp_path, capsys):
    out = tmp_path / "x.nianbao"
    assert main(["new", "--year", "2018", "--agency", "某某局", "-o", str(out)]) == EXIT_UNREADABLE
    assert "2018年度没有适用的年度报告格式" in capsys.readouterr().err
    assert not out.exists()


def test_agency_is_required_without_from(tmp_path, capsys):
    out = tmp_path / "x.nianbao"
    assert main(["new", "--year", "2024", "-o", str(out)]) == EXIT_UNREADABLE
    assert "请用 --agency 填写机关名称" in capsys.readouterr().err
    assert not out.exists()


def test_new_from_last_year(tmp_path, capsys):
    last = tmp_path / "2020.nianbao"
    sample = load_sample()
    sample.set_values({"applications.carried_out.natural": 2, "applications.carried_out.legal": 1})
    save_draft(sample, last)
    out = tmp_path / "2021.nianbao"
    assert main(["new", "--year", "2021", "--from", str(last), "-o", str(out)]) == EXIT_OK
    report = load_draft(out)
    assert report.spec.id == "2021"
    assert report.meta.agency == "舟山市定海区经济和信息化局"
    assert report.values() == {
        "applications.carried_in.natural": 2,
        "applications.carried_in.legal": 1,
    }
    assert report.previous is not None and report.previous.year == 2020
    assert report.previous.values == sample.values()
    assert report.previous.texts["一"] == sample.texts["一"]
    assert report.texts["一"] == ""
    assert "已从 2020年度报告接续：上年结转件数 2 项" in capsys.readouterr().out


def test_new_from_with_overrides(tmp_path):
    last = tmp_path / "last.nianbao"
    save_draft(Report("2021", 2022, "旧名称", "department"), last)
    out = tmp_path / "new.nianbao"
    args = ["new", "--year", "2023", "--from", str(last), "--agency", "新名称"]
    assert main([*args, "--kind", "government", "-o", str(out)]) == EXIT_OK
    report = load_draft(out)
    assert (report.meta.agency, report.meta.kind) == ("新名称", "government")
    assert report.previous.agency == "旧名称"


@pytest.mark.parametrize(
    ("content", "year", "expected"),
    [
        (b"not json", "2021", "不是年报草稿文件或文件已损坏"),
        (None, "2020", "应晚于上一年度报告的年度（2020年）"),
    ],
)
def test_new_from_unusable_previous(tmp_path, capsys, content, year, expected):
    last = tmp_path / "last.nianbao"
    if content is None:
        save_draft(load_sample(), last)
    else:
        last.write_bytes(content)
    out = tmp_path / "new.nianbao"
    assert main(["new", "--year", year, "--from", str(last), "-o", str(out)]) == EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert "无法读取上一年度的报告" in err and expected in err
    assert not out.exists()


def test_new_does_not_overwrite_without_force(tmp_path, capsys):
    out = tmp_path / "r.nianbao"
    out.write_text("mine", encoding="utf-8")
    args = ["new", "--year", "2024", "--agency", "某某局", "-o", str(out)]
    assert main(args) == EXIT_UNWRITABLE
    assert "已存在；如要覆盖，请加 --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "mine"
    assert main([*args, "--force"]) == EXIT_OK
    assert load_draft(out).meta.year == 2024
    assert backup_path(out).read_text(encoding="utf-8") == "mine"


def test_new_write_failure(tmp_path, capsys):
    out = tmp_path / "没有这个文件夹" / "r.nianbao"
    assert main(["new", "--year", "2024", "--agency", "某某局", "-o", str(out)]) == EXIT_UNWRITABLE
    err = capsys.readouterr().err
    # one sentence, true: there was no file, so nothing about an original
    assert err.strip() == f"无法保存草稿「r.nianbao」：文件夹“{out.parent}”不存在"


def test_missing_year_is_a_usage_error(tmp_path):
    with pytest.raises(SystemExit) as info:
        main(["new", "--agency", "某某局", "-o", str(tmp_path / "r.nianbao")])
    assert info.value.code == EXIT_UNREADABLE


def test_help_is_chinese(capsys):
    with pytest.raises(SystemExit):
        main(["new", "-h"])
    out = capsys.readouterr().out
    assert "报告年度" in out and "上一年度的报告草稿" in out


# ---- sample ----------------------------------------------------------------------------


def test_sample_writes_the_builtin_report(tmp_path, capsys):
    out = tmp_path / "示例.nianbao"
    assert main(["sample", "-o", str(out)]) == EXIT_OK
    assert load_draft(out) == load_sample()
    assert "示例报告已保存" in capsys.readouterr().out


def test_sample_refuses_to_overwrite_unless_forced(tmp_path, capsys):
    out = tmp_path / "示例.nianbao"
    out.write_text("mine", encoding="utf-8")
    assert main(["sample", "-o", str(out)]) == EXIT_UNWRITABLE
    assert "已存在" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "mine"
    assert main(["sample", "-o", str(out), "--force"]) == EXIT_OK
    assert load_draft(out) == load_sample()


def test_sample_write_failure(tmp_path, capsys):
    out = tmp_path / "没有" / "示例.nianbao"
    assert main(["sample", "-o", str(out)]) == EXIT_UNWRITABLE
    err = capsys.readouterr().err
    assert err.strip() == f"无法保存草稿「示例.nianbao」：文件夹“{out.parent}”不存在"
