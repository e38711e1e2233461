"""What the command line says about an import: 注意 before 提示, one true line on
accepted totals, printed totals in `compare`, every command taking every report
type (and naming the types for others), and a failed save said once, truly."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from cli import EXIT_OK, EXIT_UNREADABLE, EXIT_UNWRITABLE, main
from exporters.docx import export_docx
from exporters.html import export_html
from model.drafts import load_draft, save_draft
from tests import docx_fixtures as fx
from tests.factories import random_report


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _wrong_totals(folder: Path) -> Path:
    """A Word report whose printed （七）总计 / 自然人 and 四's 行政复议 总计 are wrong."""
    apps = fx.consistent_applications("2021")
    good = fx._app_text(apps, "2021")
    appeals = fx.appeals_values()
    good_appeal = fx._appeal_text(appeals)

    def app_text(row: str, col: str) -> str:
        if (row, col) == ("total", "natural"):
            return str(int(good(row, col)) + 5)
        return good(row, col)

    def appeal_text(group: str, col: str) -> str:
        return "0" if (group, col) == ("review", "total") else good_appeal(group, col)

    parts = fx._report(
        "2022年某某区教育局政府信息公开工作年度报告",
        [fx.active_table(fx.BLOCKS_2021, fx._texts(fx.ACTIVE_2021))],
        fx.applications_table("2021", app_text),
        fx.appeals_table(appeal_text),
        ["某某区教育局", "2023年1月18日"],
    )
    return fx.write(folder / "wrong.docx", parts)


def test_import_prints_attention_before_tips_and_counts_them(capsys, tmp_path):
    path, draft = _wrong_totals(tmp_path), tmp_path / "a.nianbao"
    code, out, _err = run(capsys, "import", str(path), "-o", str(draft))
    assert code == EXIT_OK
    lines = out.splitlines()
    levels = [line[:2] for line in lines if line[:3] in ("注意：", "提示：")]
    assert levels == sorted(levels, key=lambda level: level != "注意")  # 注意 first
    attention = [line for line in lines if line.startswith("注意：")]
    assert len(attention) == 2 and all("文档中印的是" in line for line in attention)
    assert "其中 2 条“注意”" in out


def test_accept_totals_says_once_what_changed_from_what_to_what(capsys, tmp_path):
    path = _wrong_totals(tmp_path)
    draft = tmp_path / "a.nianbao"
    code, out, _err = run(capsys, "import", str(path), "-o", str(draft), "--accept-totals")
    assert code == EXIT_OK
    assert "已保留印出的数字" not in out and "印的是" not in out  # no contradiction
    [line] = [line for line in out.splitlines() if "已采用" in line]
    assert line.startswith("已采用 2 个合计的计算结果")
    apps = fx.consistent_applications("2021")
    natural = sum(v for k, v in apps.items() if k.endswith(".natural")
                  and k.split(".")[1] not in ("new", "carried_in", "carried_out"))  # fmt: skip
    assert f"“（七）总计”行“自然人”列印为 {natural + 5}，改为 {natural}" in line
    assert "“行政复议”行“总计”列印为 0，改为" in line
    assert load_draft(tmp_path / "a.nianbao").printed() == {}


@pytest.mark.parametrize("printed_in", ["this", "last", "both"])
def test_compare_names_printed_totals_that_disagree(capsys, tmp_path, printed_in):
    path = _wrong_totals(tmp_path)
    kept, clean = str(tmp_path / "kept.nianbao"), str(tmp_path / "clean.nianbao")
    assert main(["import", str(path), "-o", kept]) == EXIT_OK
    assert main(["import", str(path), "-o", clean, "--accept-totals"]) == EXIT_OK
    capsys.readouterr()
    last, this = {"this": (clean, kept), "last": (kept, clean), "both": (kept, kept)}[printed_in]
    code, out, _err = run(capsys, "compare", last, this, "--changed")
    assert code == EXIT_OK
    row = next(line for line in out.splitlines() if line.strip().startswith("（七）总计 / 自然人"))
    which = {"this": ["本年"], "last": ["上年"], "both": ["上年", "本年"]}[printed_in]
    for word in which:  # printed and computed, both stated (R16)
        assert f"{word}文档中此合计印为 11，各项之和为 6，两者不符（R16）" in row
    assert "另有 2 个合计在导入的文档中印出的数字与各项之和不符" in out


# ---- every command takes every report type ---------------------------------------------------
@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    report = random_report(random.Random(4), 2023)
    out = {"draft": tmp_path / "r.nianbao", "docx": tmp_path / "r.docx"}
    save_draft(report, out["draft"])
    export_docx(report, out["docx"])
    out["html"] = tmp_path / "r.html"
    export_html(report, out["html"])
    out["txt"] = tmp_path / "r.txt"
    out["txt"].write_text("不是报告", encoding="utf-8")
    return out


COMMANDS = {
    "validate": lambda f, o: ["validate", str(f)],
    "compare": lambda f, o: ["compare", str(f), str(f)],
    "export": lambda f, o: ["export", str(f), "--xlsx", str(o / "out.xlsx")],
    "new --from": lambda f, o: [
        "new",
        "--year",
        "2024",
        "--from",
        str(f),
        "-o",
        str(o / "n.nianbao"),
    ],
    "validate --previous": lambda f, o: ["validate", str(o / "r.nianbao"), "--previous", str(f)],
    "export --previous": lambda f, o: [
        "export",
        str(o / "r.nianbao"),
        "--xlsx",
        str(o / "p.xlsx"),
        "--previous",
        str(f),
    ],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("kind", ["draft", "docx", "html"])
def test_every_command_takes_every_report_type(capsys, tmp_path, files, command, kind):
    code, _out, err = run(capsys, *COMMANDS[command](files[kind], tmp_path))
    assert code in (EXIT_OK, 1), err  # 1: the report's own errors, never unreadable
    assert "不是年报草稿文件" not in err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_another_type_is_refused_naming_the_types_taken(capsys, tmp_path, files, command):
    code, _out, err = run(capsys, *COMMANDS[command](files["txt"], tmp_path))
    assert code == EXIT_UNREADABLE
    assert "「r.txt」不是本程序能读取的报告文件" in err
    for suffix in (".nianbao", ".xlsx", ".docx", ".doc", ".html", ".pdf"):
        assert suffix in err


def test_export_fill_zero_never_writes_over_a_published_file(capsys, tmp_path, files):
    before = files["docx"].read_bytes()
    argv = ["export", str(files["docx"]), "--xlsx", str(tmp_path / "o.xlsx"), "--fill-zero"]
    code, _out, err = run(capsys, *argv)
    assert code == EXIT_UNREADABLE and "只能用于草稿" in err
    assert files["docx"].read_bytes() == before


# ---- a failed save, said once ----------------------------------------------------------------
@pytest.mark.parametrize(
    "argv",
    [
        lambda f, o: ["import", str(f["docx"]), "-o", str(o)],
        lambda f, o: ["new", "--year", "2024", "--agency", "某某局", "-o", str(o)],
        lambda f, o: ["new", "--year", "2024", "--from", str(f["html"]), "-o", str(o)],
        lambda f, o: ["sample", "-o", str(o)],
    ],
    ids=["import", "new", "new --from", "sample"],
)
def test_saving_into_a_missing_folder_says_one_true_sentence(capsys, tmp_path, files, argv):
    out = tmp_path / "没有这个文件夹" / "x.nianbao"
    code, _out, err = run(capsys, *argv(files, out))
    assert code == EXIT_UNWRITABLE
    assert err.strip() == f"无法保存草稿「x.nianbao」：文件夹“{out.parent}”不存在"
