"""`main.py validate`: output, exit codes, --json and --previous."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli import EXIT_ISSUES, EXIT_OK, EXIT_UNREADABLE, main
from model.drafts import save_draft
from model.formats import format_for_year
from model.report import Report
from model.sample import sample_path

ROOT = Path(__file__).resolve().parent.parent


def clean(year: int = 2023) -> Report:
    spec = format_for_year(year)
    report = Report(spec, year, "某某市某某局", date=dt.date(year + 1, 1, 10))
    report.set_values({c.id: 0 for c in spec.inputs})
    report.set_text("一", "本年度未收到政府信息公开申请。")
    report.set_text("五", "主要问题是公开的及时性有待提高。")
    report.set_text("六", "本年度未收取信息处理费。")
    return report


@pytest.fixture
def draft(tmp_path: Path):
    def write(report: Report, name: str = "report.nianbao") -> Path:
        return save_draft(report, tmp_path / name)

    return write


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["validate", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_report_exits_0(capsys, draft):
    code, out, err = run(capsys, draft(clean()))
    assert code == EXIT_OK
    assert out.splitlines() == [
        "某某市某某局2023年政府信息公开工作年度报告（格式：国办公开办函〔2021〕30号）",
        "提示 R14 本报告应于2024年1月31日前公布",
        "共 0 个错误，0 个警告，1 个提示",
    ]
    assert err == ""


def test_errors_exit_1_and_come_first(capsys, draft):
    report = clean(2020)
    report.set_values({"applications.new.commercial": 5, "appeals.review.upheld": None})
    report.set_text("五", "")
    code, out, _ = run(capsys, draft(report))
    assert code == EXIT_ISSUES
    lines = out.splitlines()
    assert lines[1:] == [
        "错误 R1 三、收到和处理政府信息公开申请情况：“商业企业”列第一项加第二项之和（5）"
        "不等于第三项加第四项之和（0）",
        "错误 R1 三、收到和处理政府信息公开申请情况：“总计”列第一项加第二项之和（5）"
        "不等于第三项加第四项之和（0）",
        "错误 R6 四、政府信息公开行政复议、行政诉讼情况：有 1 个单元格未填写（没有数据的请填 0）",
        "警告 R13 五、存在的主要问题及改进情况：内容为空，请填写（确无内容的，也应写明）",
        "提示 R14 本报告应于2021年1月31日前公布",
        "共 3 个错误，1 个警告，1 个提示",
    ]


def test_json_output(capsys, draft):
    report = clean(2021)
    report.set_value("applications.granted.natural", 2)
    code, out, _ = run(capsys, draft(report), "--json")
    assert code == EXIT_ISSUES
    assert "收到和处理" in out  # Chinese as is, not \u escapes
    issues = json.loads(out)
    assert [set(i) for i in issues] == [{"severity", "rule", "cell", "message"}] * len(issues)
    assert [(i["severity"], i["rule"], i["cell"]) for i in issues] == [
        ("error", "R1", "applications.new.natural"),
        ("error", "R1", "applications.new.total"),
        ("info", "R14", "meta.date"),
    ]


def test_previous_year_report(capsys, draft):
    last = clean(2022)
    last.set_values({"applications.new.natural": 3, "applications.carried_out.natural": 3})
    report = clean(2023)
    code, out, _ = run(capsys, draft(report), "--previous", draft(last, "last.nianbao"))
    assert code == EXIT_OK  # R7 is a warning
    assert (
        "警告 R7 三、收到和处理政府信息公开申请情况：“自然人”列的“二、上年结转政府信息公开申请数量”"
        "（0）与上一年度（2022年）报告的“四、结转下年度继续办理”（3）不一致"
    ) in out.splitlines()
    _, without, _ = run(capsys, draft(report))
    assert "R7" not in without


def test_unreadable_files_exit_2(capsys, draft, tmp_path: Path):
    code, out, err = run(capsys, tmp_path / "missing.nianbao")
    assert (code, out) == (EXIT_UNREADABLE, "")
    assert err.startswith("无法校验：") and "missing.nianbao" in err
    garbage = tmp_path / "garbage.nianbao"
    garbage.write_text("这不是草稿", encoding="utf-8")
    assert run(capsys, garbage)[0] == EXIT_UNREADABLE
    code, _, err = run(capsys, draft(clean()), "--previous", garbage)
    assert code == EXIT_UNREADABLE
    assert err.startswith("无法读取上一年度的报告：")


def test_the_shipped_sample_through_main_py():
    """The real 2020 sample: blanks in 三 and 四 and its printed totals (errors), and a
    missing 六."""
    done = subprocess.run(
        [sys.executable, "main.py", "validate", str(sample_path())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == EXIT_ISSUES, done.stderr
    assert done.stdout.splitlines()[1:] == [
        "错误 R6 三、收到和处理政府信息公开申请情况：有 128 个单元格未填写（没有数据的请填 0）",
        "错误 R16 三、收到和处理政府信息公开申请情况：有 6 个合计印为空白，而各项已填写"
        "（如“一、本年新收政府信息公开申请数量”的“总计”，各项之和为 1）；请采用计算结果",
        "错误 R6 四、政府信息公开行政复议、行政诉讼情况：有 12 个单元格未填写（没有数据的请填 0）",
        *[
            f"错误 R16 四、政府信息公开行政复议、行政诉讼情况：“{group}”的“总计”印为 0，"
            "而各项均未填写；请填写各项（没有数据的填 0），或采用计算结果"
            for group in ("行政复议", "行政诉讼 未经复议直接起诉", "行政诉讼 复议后起诉")
        ],
        "警告 R13 六、其他需要报告的事项：内容为空，请填写（确无内容的，也应写明）",
        "提示 R14 本报告应于2021年1月31日前公布",
        "共 6 个错误，1 个警告，1 个提示",
    ]


def test_output_into_a_pipe_that_cannot_encode_chinese_still_reports(tmp_path):
    """Piped output on an English Windows is cp1252: the command must still finish
    with its exit code and print what can be shown, not a UnicodeEncodeError."""
    import os

    done = subprocess.run(
        [sys.executable, "main.py", "validate", str(sample_path())],
        cwd=ROOT,
        env=dict(os.environ, PYTHONIOENCODING="cp1252"),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == EXIT_ISSUES, done.stderr
    assert b"Traceback" not in done.stderr
    lines = done.stdout.decode("cp1252").splitlines()
    rules = [line.split()[1] for line in lines[1:9]]
    assert rules == ["R6", "R16", "R6", "R16", "R16", "R16", "R13", "R14"]


def test_output_piped_into_a_reader_that_stops_early_is_not_an_error(tmp_path):
    """`main.py validate FILE --json | head -c 50` must not end in a traceback."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from model.drafts import save_draft
    from model.report import Report

    draft = tmp_path / "r.nianbao"
    save_draft(Report("2021", 2023, "某局"), draft)
    main_py = Path(__file__).resolve().parent.parent / "main.py"
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the command writes a byte
    try:
        done = subprocess.run(
            [sys.executable, str(main_py), "validate", str(draft), "--json"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    finally:
        os.close(write_end)
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err
    assert done.returncode == 141  # as shells report SIGPIPE; no traceback


def test_validate_names_headings_without_text_and_a_stale_year(capsys, draft):
    report = clean(2026)
    outline = report.spec.section_by_id["一"].text.outline
    report.set_text("一", "\n".join(outline) + "\n")  # what 插入提纲 writes, nothing under it
    report.set_text("六", "2025年，本机关未收取信息处理费。")  # last year's sentence
    code, out, _err = run(capsys, draft(report))
    assert code == EXIT_OK  # warnings only
    lines = out.splitlines()
    assert any(line.startswith("警告 R13 一、总体情况：只有小标题") for line in lines)
    assert (
        "警告 R17 六、其他需要报告的事项：“2025年，本机关未收取信息处理费”写的是2025年，"
        "而本报告是2026年度的报告；请核对是否沿用了往年的文字"
    ) in lines
