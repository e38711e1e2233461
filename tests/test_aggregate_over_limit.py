"""A roll-up whose sum a report cannot hold (model.limits) says which cell, the sum,
the limit and which reports hold the largest numbers, and writes nothing (the
field case: the command stopped with 「程序遇到了一个意外错误」 and exit 4)."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest

from model import limits
from model.aggregate import aggregate
from model.drafts import save_draft
from model.report import Report
from tests.factories import random_report

COUNT_CELL = "applications.new.natural"  # 三、一、本年新收… / 自然人
FEE_CELL = "active.art20_8.fees.amount_wan"  # 二、第二十条第（八）项 / 收费金额（万元）


def _folder(tmp_path: Path, values: list[dict]) -> tuple[Path, list[Report]]:
    folder = tmp_path / "各部门报告"
    folder.mkdir()
    reports = []
    for i, cells in enumerate(values):
        report = random_report(random.Random(i), 2023, f"某某县第{i + 1}局")
        report.set_values(cells)
        save_draft(report, folder / f"部门{i + 1}.nianbao")
        reports.append(report)
    return folder, reports


def test_a_count_sum_over_the_limit_names_the_cell_the_sum_and_the_largest_reports(tmp_path):
    big = [700_000_000, 500_000_000, 3, 200_000_000, 5]
    folder, _reports = _folder(tmp_path, [{COUNT_CELL: v} for v in big])
    result = aggregate([folder])
    assert result.summary is None
    [over] = result.over_limit
    assert over.total == sum(big)
    assert over.reports == 5
    assert [file for _agency, file, _v in over.largest] == [
        "部门1.nianbao",
        "部门2.nianbao",
        "部门4.nianbao",
    ]
    text = result.over_limit_text()
    assert "三、收到和处理政府信息公开申请情况" in text
    assert "“一、本年新收政府信息公开申请数量”行“自然人”列" in text
    assert f"各报告之和为 {sum(big)}" in text
    assert f"最多 {limits.MAX_COUNT} 件" in text
    assert "某某县第1局「部门1.nianbao」700000000" in text
    assert "某某县第2局「部门2.nianbao」500000000" in text
    assert "等 5 份" in text
    assert "部门3.nianbao" not in text  # the small ones are not the problem
    assert "汇总未完成" in result.summary_line()


def test_an_amount_sum_with_more_digits_than_a_report_holds_is_named(tmp_path):
    fee = Decimal("900000000.123456")  # 15 digits each; the sum has 16
    folder, _reports = _folder(tmp_path, [{FEE_CELL: fee} for _ in range(3)])
    result = aggregate([folder])
    assert result.summary is None
    [over] = result.over_limit
    assert over.total == fee * 3 and over.unit == "万元"
    text = over.message()
    assert "2700000000.370368万元" in text
    assert f"金额最多 {limits.MONEY_DIGITS} 位数字" in text
    assert "某某县第1局「部门1.nianbao」900000000.123456万元" in text


def test_sums_within_the_limit_are_summed_as_before(tmp_path):
    folder, _reports = _folder(tmp_path, [{COUNT_CELL: 500_000_000}, {COUNT_CELL: 499_999_999}])
    result = aggregate([folder])
    assert not result.over_limit
    assert result.summary.input_value(COUNT_CELL) == limits.MAX_COUNT


def test_the_command_says_which_cell_and_writes_nothing(tmp_path, capsys):
    from cli import EXIT_UNREADABLE, main

    folder, _reports = _folder(tmp_path, [{COUNT_CELL: 600_000_000} for _ in range(2)])
    out = tmp_path / "out" / "汇总.nianbao"
    xlsx = tmp_path / "out" / "汇总表.xlsx"
    out.parent.mkdir()
    code = main(["aggregate", str(folder), "-o", str(out), "--xlsx", str(xlsx)])
    assert code == EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert "汇总未完成，未保存任何文件" in err
    assert "“自然人”列：各报告之和为 1200000000" in err
    assert "某某县第1局「部门1.nianbao」600000000" in err
    assert "意外错误" not in err
    assert not out.exists() and not xlsx.exists()


@pytest.mark.usefixtures("qtbot")
def test_the_window_shows_the_cell_and_the_reports_and_offers_no_save(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt

    from gui import aggregate_dialog as module
    from gui.aggregate_dialog import AggregateDialog

    folder, _reports = _folder(tmp_path, [{COUNT_CELL: 600_000_000} for _ in range(2)])
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        module, "show_error", lambda _parent, title, text: shown.append((title, text))
    )
    dialog = AggregateDialog()
    qtbot.addWidget(dialog)
    dialog.add_paths([folder])
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running and dialog.result is not None, timeout=20000)
    [(title, text)] = shown
    assert "超出上限" in title
    assert "“自然人”列：各报告之和为 1200000000" in text
    assert "某某县第2局「部门2.nianbao」600000000" in text
    assert "各报告之和为 1200000000" in dialog.status_label.text()
    assert not dialog.save_draft_button.isEnabled()
    assert not dialog.save_xlsx_button.isEnabled()
    assert not dialog.open_button.isEnabled()
