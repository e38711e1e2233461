"""Year-on-year comparison: the model and `main.py compare`."""

from __future__ import annotations

import random
from decimal import Decimal

from cli import EXIT_OK, EXIT_UNREADABLE
from cli import main as cli_main
from cli.compare import format_tables, width
from model.carryover import previous_year_of
from model.compare import compare, report_from_previous
from model.drafts import save_draft
from model.report import Report
from tests.factories import random_report


def _cells(tables):
    return {c.cell: c for t in tables for c in t.cells}


def test_every_cell_of_every_current_table_is_listed():
    previous = random_report(random.Random(1), 2022)
    current = random_report(random.Random(2), 2023)
    tables = compare(previous, current)
    assert [t.table for t in tables] == [t.id for t in current.spec.tables]
    for table, spec in zip(tables, current.spec.tables, strict=True):
        assert [c.cell for c in table.cells] == [c.id for c in spec.cells]
        assert table.notes == ()
    for c in _cells(tables).values():
        assert c.previous == previous.value(c.cell)
        assert c.current == current.value(c.cell)
        assert c.difference == c.current - c.previous
        assert c.note == ""


def test_values_labels_and_blanks():
    previous = Report("2021", 2022, agency="某局")
    current = Report("2021", 2023, agency="某局")
    previous.set_values({"applications.new.natural": 5, "applications.new.legal": 2})
    current.set_values({"applications.new.natural": 8, "appeals.review.upheld": 1})
    cells = _cells(compare(previous, current))
    natural = cells["applications.new.natural"]
    assert (natural.previous, natural.current, natural.difference) == (5, 8, 3)
    assert natural.row_label == "一、本年新收政府信息公开申请数量"
    assert natural.col_label == "自然人"
    assert natural.changed
    # a computed total compares the sums
    total = cells["applications.new.total"]
    assert (total.previous, total.current, total.difference, total.computed) == (7, 8, 1, True)
    # blank on one side: no difference
    legal = cells["applications.new.legal"]
    assert (legal.previous, legal.current, legal.difference) == (2, None, None)
    upheld = cells["appeals.review.upheld"]
    assert (upheld.previous, upheld.current, upheld.difference) == (None, 1, None)
    # a number that went blank, or a blank that got a number, is a change
    assert legal.flagged and upheld.flagged and not upheld.changed
    assert not cells["appeals.review.corrected"].flagged  # blank in both years
    shown = format_tables(compare(previous, current), changed_only=True)
    assert "法律服务机构" in shown


def test_across_formats_cells_missing_last_year_are_noted():
    previous = random_report(random.Random(3), 2020)  # 2019 format
    current = random_report(random.Random(4), 2021)  # 2021 format
    tables = compare(previous, current)
    assert all("格式（试行）" in t.notes[0] for t in tables)
    cells = _cells(tables)
    issued = cells["active.art20_1.regulations.issued"]
    assert issued.previous is None and issued.difference is None
    assert issued.note == "上年的格式中没有此项"
    # same id in both formats: compared
    licensing = cells["active.art20_5.licensing.decisions"]
    assert licensing.previous == previous.value("active.art20_5.licensing.decisions")
    assert licensing.note == ""
    # 2021 （六） sub-rows do not exist in 2019; 2019's single （六） row is not listed
    assert cells["applications.other.other.natural"].note == "上年的格式中没有此项"
    assert "applications.other.natural" not in cells


def test_money_is_compared_in_this_years_unit():
    previous = Report("2019", 2019)
    current = Report("2019", 2020)
    amount = "active.art20_9.procurement.amount"
    previous.set_value(amount, Decimal("109994"))  # 元
    current.set_unit(amount, "万元")
    current.set_value(amount, Decimal("12"))
    cell = _cells(compare(previous, current))[amount]
    assert cell.unit == "万元"
    assert cell.previous == Decimal("10.9994")
    assert cell.difference == Decimal("1.0006")
    assert cell.note == "上年金额已换算为万元"


def test_report_from_previous_year_data():
    last = random_report(random.Random(5), 2022)
    rebuilt = report_from_previous(previous_year_of(last))
    assert rebuilt.values() == last.values()
    assert rebuilt.meta.year == 2022
    assert rebuilt.texts == last.texts


def test_text_is_aligned_with_wide_characters():
    previous = Report("2021", 2022)
    current = Report("2021", 2023)
    previous.set_value("applications.new.natural", 12)
    current.set_value("applications.new.natural", 9)
    text = format_tables(compare(previous, current), changed_only=True)
    lines = text.splitlines()
    assert lines[0] == "二、主动公开政府信息情况"
    assert lines[1] == "  （没有增减）"
    row = next(
        line for line in lines if line.startswith("  一、本年新收政府信息公开申请数量 / 自然人")
    )
    header = next(line for line in lines if line.startswith("  项目") and "上年" in line)
    assert row.split()[-3:] == ["12", "9", "-3"]
    assert width(row) == width(header)  # right-aligned columns end together


def test_cli_compare(tmp_path, capsys):
    previous = random_report(random.Random(6), 2022, agency="某某市某某局")
    current = random_report(random.Random(7), 2023, agency="某某市某某局")
    last, this = tmp_path / "2022.nianbao", tmp_path / "2023.nianbao"
    save_draft(previous, last)
    save_draft(current, this)
    assert cli_main(["compare", str(last), str(this)]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("某某市某某局：2022 年 → 2023 年 逐项对比")
    for section in current.spec.sections:
        if section.table:
            assert section.heading in out
    cell = "applications.new.natural"
    before, now = previous.value(cell), current.value(cell)
    diff = now - before
    shown = f"+{diff}" if diff > 0 else str(diff)
    row = next(x for x in out.splitlines() if "一、本年新收政府信息公开申请数量 / 自然人" in x)
    assert row.split()[-3:] == [str(before), str(now), shown]
    assert "共 200 项" in out


def test_cli_compare_unreadable(tmp_path, capsys):
    this = tmp_path / "2023.nianbao"
    save_draft(random_report(random.Random(8), 2023), this)
    assert cli_main(["compare", str(tmp_path / "missing.nianbao"), str(this)]) == EXIT_UNREADABLE
    assert "无法读取上年报告" in capsys.readouterr().err
    broken = tmp_path / "broken.nianbao"
    broken.write_text("{not json", encoding="utf-8")
    assert cli_main(["compare", str(this), str(broken)]) == EXIT_UNREADABLE
    assert "无法读取本年报告" in capsys.readouterr().err


def test_cli_compare_with_last_years_word_report(tmp_path, capsys):
    from exporters.docx import export_docx

    previous = random_report(random.Random(9), 2022, agency="某某市某某局")
    current = random_report(random.Random(10), 2023, agency="某某市某某局")
    last, this = tmp_path / "2022.docx", tmp_path / "2023.nianbao"
    export_docx(previous, last)
    save_draft(current, this)
    assert cli_main(["compare", str(last), str(this), "--changed"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("上年报告由「2022.docx」导入")
    changed = [c for c in current.spec.inputs if previous.value(c.id) != current.value(c.id)]
    unchanged = [c for c in current.spec.inputs if previous.value(c.id) == current.value(c.id)]
    assert f"{changed[0].row_label} / {changed[0].col_label}" in out
    assert f"共 200 项，其中 {len(changed) + _changed_totals(previous, current)} 项有增减" in out
    assert len(changed) + len(unchanged) == len(current.spec.inputs)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"no zip")
    assert cli_main(["compare", str(bad), str(this)]) == EXIT_UNREADABLE
    assert "无法读取上年报告" in capsys.readouterr().err


def _changed_totals(previous, current) -> int:
    return sum(previous.value(c.id) != current.value(c.id) for c in current.spec.computed_cells)


def test_a_total_over_unfilled_parts_says_so():
    """「予以公开 / 总计 +6」 while one part is blank this year: the total's change is
    that of the filled parts only, and the comparison says so."""
    from model import messages as msg
    from model.compare import compare
    from model.report import Report

    previous, current = Report("2021", 2022, "某局"), Report("2021", 2023, "某局")
    parts = {"applications.new.natural": 10, "applications.new.commercial": 20}
    previous.set_values(parts)
    current.set_values({"applications.new.natural": 16})  # 商业企业 left blank
    rows = {c.cell: c for t in compare(previous, current) for c in t.cells}
    total = rows["applications.new.total"]
    assert msg.COMPARE_TOTAL_OVER_BLANKS in total.note
    assert msg.COMPARE_TOTAL_OVER_BLANKS not in rows["applications.new.natural"].note
