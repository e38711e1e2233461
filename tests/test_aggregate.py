"""Roll-up (汇总): exact sums, refusals, unreadable files, the summary workbook."""

from __future__ import annotations

import datetime as dt
import gc
import os
import random
import weakref
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from exporters.summary_xlsx import export_summary_xlsx
from exporters.xlsx_strings import STATUS_HEADERS, STATUS_SHEET
from model import messages as msg
from model.aggregate import (
    AggregateCancelled,
    aggregate,
    find_files,
    not_a_report,
)
from model.drafts import save_draft
from model.formats import get_format
from model.report import Report
from model.rules import validate
from model.spec import BalanceRule, ValueKind
from tests.factories import random_report


def _save(folder: Path, name: str, report: Report) -> Path:
    path = folder / f"{name}.nianbao"
    save_draft(report, path)
    return path


def _reports(n: int, year: int = 2023, seed: int = 7, **kw) -> list[Report]:
    rng = random.Random(seed)
    return [random_report(rng, year, f"某某市第{i + 1}局", **kw) for i in range(n)]


# ---- sums -----------------------------------------------------------------------------
def test_every_input_is_the_exact_sum_of_the_reports(tmp_path):
    reports = _reports(4)
    for i, r in enumerate(reports):
        _save(tmp_path, f"r{i}", r)
    result = aggregate([tmp_path])
    summary = result.summary
    assert summary is not None and summary.spec.id == "2021" and summary.meta.year == 2023
    assert len(result.included) == 4 and not result.not_included
    for cell in summary.spec.inputs:
        expected = sum(r.input_value(cell.id) for r in reports)
        assert summary.input_value(cell.id) == expected, cell.id
    # computed cells are recomputed by the summary, and equal the sum of the totals
    assert not set(summary.values()) & {c.id for c in summary.spec.computed_cells}
    for cell in summary.spec.computed_cells:
        assert summary.value(cell.id) == sum(r.value(cell.id) for r in reports), cell.id
    assert summary.meta.agency == "汇总"


def test_money_is_converted_to_the_default_unit_before_adding(tmp_path):
    cell = "active.art20_9.procurement.amount"  # 2019 format: 元, or 万元 by choice
    a, b, c = _reports(3, year=2020)
    a.set_value(cell, Decimal("1.5"))
    a.set_unit(cell, "万元")  # 15000 元
    b.set_value(cell, Decimal("123.45"))  # 元
    c.set_value(cell, Decimal("0.0001"))
    c.set_unit(cell, "万元")  # 1 元
    for name, r in zip("abc", (a, b, c), strict=True):
        _save(tmp_path, name, r)
    result = aggregate([tmp_path], agency="某某区人民政府")
    summary = result.summary
    assert summary.input_value(cell) == Decimal("15124.45")
    assert summary.unit(cell) == "元"
    assert summary.meta.agency == "某某区人民政府"
    col = [c.id for c in summary.spec.inputs].index(cell)
    assert [row.values[col] for row in result.rows] == [
        Decimal("15000"),
        Decimal("123.45"),
        Decimal("1"),
    ]


def test_decimal_amounts_add_without_float_error(tmp_path):
    cell = "active.art20_8.fees.amount_wan"  # 2021 format: 万元, 4 decimals
    reports = _reports(3)
    for i, (r, v) in enumerate(zip(reports, ("0.1", "0.2", "1234.5678"), strict=True)):
        r.set_value(cell, Decimal(v))
        _save(tmp_path, f"r{i}", r)
    assert aggregate([tmp_path]).summary.input_value(cell) == Decimal("1234.8678")


def test_blank_counts_as_zero_and_all_blank_stays_blank(tmp_path):
    a, b = _reports(2)
    one, both = "applications.new.natural", "appeals.review.upheld"
    a.set_values({one: None, both: None})
    b.set_values({one: 5, both: None})
    _save(tmp_path, "a", a)
    _save(tmp_path, "b", b)
    result = aggregate([tmp_path])
    assert result.summary.input_value(one) == 5
    assert result.summary.is_blank(both)
    by_agency = {s.agency: s for s in result.statuses}
    assert by_agency[a.meta.agency].blanks == 2
    assert by_agency[b.meta.agency].blanks == 1
    # a complete report (the fast path) before and after reports with blanks
    full, full2 = _reports(2, seed=99)
    full.set_meta(agency="完整的第一局")  # not a duplicate of a or b
    full2.set_meta(agency="完整的第二局")
    _save(tmp_path, "0-full", full)
    _save(tmp_path, "z-full", full2)
    mixed = aggregate([tmp_path]).summary
    for cell in (one, both):
        assert mixed.input_value(cell) == sum(r.input_value(cell) or 0 for r in (a, b, full, full2))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    format_id=st.sampled_from(["2019", "2021"]),
    seeds=st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=6),
)
def test_summary_of_consistent_reports_is_consistent(format_id, seeds):
    year = 2020 if format_id == "2019" else 2022
    reports = {
        f"r{i}.nianbao": random_report(random.Random(seed), year, f"第{i}局")
        for i, seed in enumerate(seeds)
    }
    result = aggregate(list(reports), loader=lambda p: reports[p.name])
    summary = result.summary
    issues = validate(summary).issues
    assert not [i for i in issues if i.rule == "R1"]
    rule = next(r for r in summary.spec.rules if isinstance(r, BalanceRule))
    table = summary.spec.table_by_id[rule.table]
    for col in rule.columns:
        left = sum(summary.value(table.cell_id(r, col)) for r in rule.left)
        right = sum(summary.value(table.cell_id(r, col)) for r in rule.right)
        assert left == right


# ---- refusals -------------------------------------------------------------------------
def test_other_years_and_formats_are_refused_and_listed(tmp_path):
    for i, r in enumerate(_reports(3, year=2023)):
        _save(tmp_path, f"a{i}", r)
    _save(tmp_path, "old", _reports(1, year=2020)[0])  # 2019 format
    _save(tmp_path, "other_year", _reports(1, year=2022)[0])  # same format, other year
    wrong = Report("2019", 2023, "用错格式的局", date=dt.date(2024, 1, 10))  # R12
    _save(tmp_path, "wrong_format", wrong)
    result = aggregate([tmp_path])
    assert result.year == 2023 and result.spec.id == "2021"
    assert len(result.included) == 3
    notes = {Path(s.file).stem: s.note for s in result.not_included}
    assert notes["old"] == msg.AGG_OTHER_YEAR.format(year=2020, target=2023)
    assert notes["other_year"] == msg.AGG_OTHER_YEAR.format(year=2022, target=2023)
    assert "2019年版格式" in notes["wrong_format"] and "2021年版格式" in notes["wrong_format"]
    assert result.summary_line() == "3 份报告已汇总，3 个文件未纳入。"


def test_year_option_picks_the_minority(tmp_path):
    for i, r in enumerate(_reports(3, year=2023)):
        _save(tmp_path, f"a{i}", r)
    old = _reports(1, year=2020)[0]
    _save(tmp_path, "old", old)
    result = aggregate([tmp_path], year=2020)
    assert result.spec.id == "2019" and [s.agency for s in result.included] == [old.meta.agency]
    assert result.summary.input_value("applications.new.natural") == old.input_value(
        "applications.new.natural"
    )
    none = aggregate([tmp_path], year=2019)
    assert none.summary is None and len(none.not_included) == 4
    assert none.not_included[0].note == msg.AGG_NOT_YEAR.format(year=2023, target=2019)


def test_a_tie_is_decided_by_the_first_report(tmp_path):
    _save(tmp_path, "1", _reports(1, year=2022)[0])
    _save(tmp_path, "2", _reports(1, year=2023)[0])
    assert aggregate([tmp_path]).year == 2022


def test_unreadable_files_are_listed_and_do_not_stop_the_run(tmp_path):
    good = _reports(2)
    for i, r in enumerate(good):
        _save(tmp_path, f"g{i}", r)
    (tmp_path / "broken.nianbao").write_text("{not json", encoding="utf-8")
    (tmp_path / "foreign.nianbao").write_text('{"a": 1}', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("不是报告", encoding="utf-8")  # listed, not read
    (tmp_path / "~$lock.docx").write_bytes(b"")  # Office lock file, listed, not read
    stray = tmp_path.parent / f"{tmp_path.name}-stray.txt"
    stray.write_text("x", encoding="utf-8")
    missing = tmp_path / "gone.nianbao"
    result = aggregate([tmp_path, stray, missing])
    assert len(result.included) == 2
    notes = {Path(s.file).name: s.note for s in result.not_included}
    assert set(notes) == {
        "broken.nianbao",
        "foreign.nianbao",
        "notes.txt",
        "~$lock.docx",
        stray.name,
        "gone.nianbao",
    }
    assert notes["notes.txt"] == not_a_report(".txt")
    assert notes["~$lock.docx"] == msg.AGG_SKIP_LOCK
    notes["stray.txt"] = notes.pop(stray.name)
    assert (
        notes["broken.nianbao"].startswith("无法读取：")
        and "broken.nianbao" in notes["broken.nianbao"]
    )
    assert notes["stray.txt"] == msg.AGG_UNREADABLE.format(reason=msg.AGG_UNSUPPORTED)
    assert notes["gone.nianbao"] == msg.AGG_UNREADABLE.format(reason=msg.AGG_MISSING)
    assert all(not s.readable and s.errors is None for s in result.not_included)


def test_an_unexpected_loader_failure_is_listed_too():
    def loader(path: Path) -> Report:
        if path.name == "bad.nianbao":
            raise KeyError("x")
        return _reports(1)[0]

    result = aggregate(["ok.nianbao", "bad.nianbao"], loader=loader)
    assert len(result.included) == 1
    assert "KeyError" in result.not_included[0].note


def test_no_report_is_kept_in_memory():
    loaded: list[weakref.ref] = []

    def loader(path: Path) -> Report:
        report = random_report(random.Random(path.name), 2023, path.stem)
        loaded.append(weakref.ref(report))
        return report

    result = aggregate([f"{i}.nianbao" for i in range(20)], loader=loader)
    gc.collect()
    assert len(loaded) == 20 and all(ref() is None for ref in loaded)
    assert len(result.rows) == 20


def test_cancel_and_progress():
    seen: list[tuple[int, int]] = []
    reports = {f"{i}.nianbao": _reports(1, seed=i)[0] for i in range(3)}
    aggregate(
        list(reports),
        loader=lambda p: reports[p.name],
        progress=lambda d, t, f: seen.append((d, t)),
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]
    with pytest.raises(AggregateCancelled):
        aggregate(list(reports), loader=lambda p: reports[p.name], should_stop=lambda: True)


def test_outputs_in_a_scanned_folder_are_listed_but_not_read(tmp_path):
    _save(tmp_path, "a", _reports(1)[0])
    out = _save(tmp_path, "汇总", _reports(1)[0])
    found = find_files([tmp_path], exclude=[out])
    assert [(f.path, f.skip) for f in found] == [
        (tmp_path / "a.nianbao", ""),
        (out, msg.AGG_SKIP_OUTPUT),
    ]


def _exact(value):
    """openpyxl reads numbers back as float; money was written from exact Decimals."""
    return Decimal(str(value)) if isinstance(value, float) else value


# ---- status ---------------------------------------------------------------------------
def _status_set(folder: Path) -> None:
    """On time, late, no date, blank cells, a government's report, a duplicate, a broken file."""
    on_time, late, undated, blanks, gov, dup = _reports(6)
    on_time.set_meta(agency="准时局", date=dt.date(2024, 1, 31))
    late.set_meta(agency="逾期局", date=dt.date(2024, 2, 1))
    undated.set_meta(agency="未署日期局", date=None)
    blanks.set_meta(agency="空白局")
    blanks.set_values({"applications.new.natural": None, "appeals.review.upheld": None})
    gov.set_meta(agency="某某区人民政府", kind="government", date=dt.date(2024, 3, 31))
    dup.set_meta(agency="准时局")
    for i, r in enumerate((on_time, late, undated, blanks, gov, dup)):
        _save(folder, f"{i}", r)
    os.utime(folder / "0.nianbao", (1_700_000_000, 1_700_000_000))  # 5 is the newer copy
    (folder / "9-broken.nianbao").write_bytes(b"\x00\x01garbage")


def test_status_rows(tmp_path):
    _status_set(tmp_path)
    result = aggregate([tmp_path])
    rows = {Path(s.file).stem: s for s in result.statuses}
    assert [rows[k].late for k in "012345"] == [False, True, None, False, False, False]
    assert rows["2"].late_text == msg.AGG_LATE_UNKNOWN
    assert rows["3"].blanks == 2 and rows["3"].errors >= 1  # R6: blanks are errors
    assert rows["0"].blanks == 0
    assert rows["4"].kind_name == "本级政府"
    # 准时局 twice, both drafts: the one saved last counts, the other names it
    assert rows["5"].included and not rows["0"].included
    assert rows["0"].note == msg.AGG_DUPLICATE_DROPPED.format(file="5.nianbao")
    assert rows["5"].note == msg.AGG_DUPLICATE_KEPT.format(files="0.nianbao")
    assert not rows["9-broken"].included and rows["9-broken"].note.startswith("无法读取")
    assert get_format("2021").deadline(2023, "government") == dt.date(2024, 3, 31)
    assert get_format("2021").deadline(2023, "department") == dt.date(2024, 1, 31)
    assert get_format("2021").deadline(9999, "department") is None  # no such calendar year


def test_status_sheet_in_the_workbook(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _status_set(folder)
    result = aggregate([folder], include_government=True)  # the district is asked for
    out = tmp_path / "汇总表.xlsx"
    assert export_summary_xlsx(result, out) == []
    wb = load_workbook(out)
    assert wb.sheetnames == [STATUS_SHEET, "二、主动公开", "三、依申请公开", "四、复议诉讼"]
    ws = wb[STATUS_SHEET]
    assert "5 份报告已汇总，2 个文件未纳入" in ws["A1"].value
    assert tuple(c.value for c in ws[2]) == STATUS_HEADERS
    body = {Path(r[8]).stem: r for r in ws.iter_rows(min_row=3, values_only=True)}
    assert len(body) == 7 and ws.freeze_panes == "C3"
    #       序号, 机关名称, 报告类型, 错误, 警告, 空白, 成文日期, 是否逾期, 文件, 说明
    assert body["0"][1:8] == ("准时局", "部门", 0, body["0"][4], 0, dt.datetime(2024, 1, 31), "否")
    assert "同一机关同一年度" in body["0"][9]
    assert body["1"][7] == "是" and body["1"][6] == dt.datetime(2024, 2, 1)
    assert body["2"][6] is None and body["2"][7] == "未知（未填成文日期）"
    assert body["3"][5] == 2 and body["3"][3] >= 1
    assert body["4"][2] == "本级政府" and body["4"][7] == "否"
    assert "只计入本文件" in body["5"][9]
    broken = body["9-broken"]
    assert broken[1] is None and broken[3] is None and broken[9].startswith("无法读取")


def test_table_sheets_have_one_row_per_agency_and_a_sum_row(tmp_path):
    reports = _reports(3)
    for i, r in enumerate(reports):
        _save(tmp_path, f"r{i}", r)
    result = aggregate([tmp_path])
    out = tmp_path / "sum.xlsx"
    export_summary_xlsx(result, out)
    wb = load_workbook(out)
    spec = result.spec
    for table in spec.tables:
        ws = wb[table.sheet_name]
        assert ws["A2"].value == "序号" and ws["B2"].value == "机关名称"
        assert [ws.cell(3, 3 + i).value for i in range(len(table.cells))][:1] == [
            table.cells[0].col_label
        ]
        agencies = [ws.cell(r, 2).value for r in range(4, 7)]
        assert agencies == [r.meta.agency for r in reports]
        assert ws.cell(7, 2).value == "合计"
        for i, cell in enumerate(table.cells):
            column = [_exact(ws.cell(r, 3 + i).value) for r in range(4, 7)]
            assert column == [r.value(cell.id) for r in reports], cell.id
            # the 合计 row holds the number itself (every viewer shows it, formulas
            # without stored results show empty), the one the summary report holds
            total = ws.cell(7, 3 + i).value
            assert not (isinstance(total, str) and total.startswith("="))
            assert _exact(total) == sum(column) == result.summary.value(cell.id), cell.id
        assert ws.freeze_panes == "C4"
    money = next(c for c in spec.inputs if c.kind is ValueKind.MONEY)
    ws = wb[spec.table_by_id[money.table].sheet_name]
    headers = [ws.cell(3, c).value for c in range(3, ws.max_column + 1)]
    assert any("万元" in h for h in headers)


def test_workbook_with_nothing_summed_has_only_the_status_sheet(tmp_path):
    (tmp_path / "x.nianbao").write_text("{", encoding="utf-8")
    result = aggregate([tmp_path])
    assert result.summary is None
    out = tmp_path / "s.xlsx"
    export_summary_xlsx(result, out)
    wb = load_workbook(out)
    assert wb.sheetnames == [STATUS_SHEET]
    assert wb[STATUS_SHEET]["A1"].value.endswith("0 份报告已汇总，1 个文件未纳入。")


def test_exported_workbooks_and_word_reports_are_summed_too(tmp_path):
    from exporters.docx import export_docx
    from exporters.xlsx import export_xlsx

    draft, workbook, word = _reports(3)
    _save(tmp_path, "a", draft)
    export_xlsx(workbook, tmp_path / "b.xlsx")
    export_docx(word, tmp_path / "c.docx")
    result = aggregate([tmp_path])
    assert [Path(s.file).name for s in result.included] == ["a.nianbao", "b.xlsx", "c.docx"]
    for cell in result.spec.inputs:
        expected = sum(r.input_value(cell.id) for r in (draft, workbook, word))
        assert result.summary.input_value(cell.id) == expected, cell.id
    notes = {Path(s.file).suffix: s.note for s in result.included}
    assert notes[".nianbao"] == ""
    assert notes[".docx"].startswith("由 Word 报告导入，有 ")


def test_a_draft_with_an_impossible_year_does_not_stop_the_run(tmp_path):
    for i, r in enumerate(_reports(2)):
        _save(tmp_path, f"g{i}", r)
    odd_path = _save(tmp_path, "odd", Report("2021", 2021, "某局"))
    # hand-edited to a year beyond model.limits (saving such a report is refused)
    odd_path.write_text(
        odd_path.read_text(encoding="utf-8").replace('"year": 2021', '"year": 9999'),
        encoding="utf-8",
    )
    result = aggregate([tmp_path])
    assert len(result.included) == 2  # the 2023 majority
    odd = next(s for s in result.statuses if Path(s.file).name == "odd.nianbao")
    assert odd.note  # listed with its reason (another year), not a crash


def test_the_roll_up_reads_every_file_type_the_importers_read():
    from importers import SUFFIXES
    from model.aggregate import IMPORT_SUFFIXES

    assert set(IMPORT_SUFFIXES) == set(SUFFIXES)


def test_a_report_with_printed_totals_that_disagree_says_the_parts_are_summed(tmp_path):
    """The agency printed 984 where its parts add to 974: the roll-up adds the parts,
    and its row says so (the reader of the summary sees 974, not the 984 printed)."""
    from model.aggregate import aggregate

    reports = [random_report(random.Random(n), 2023, agency=f"某某市{n}局") for n in (1, 2)]
    total = "applications.new.total"
    reports[0].set_printed({total: reports[0].value(total) + 10})
    for n, report in enumerate(reports):
        _save(tmp_path, f"r{n}", report)
    result = aggregate([tmp_path])
    assert result.summary.input_value("applications.new.natural") == sum(
        r.input_value("applications.new.natural") for r in reports
    )
    said = {st.agency: st.note for st in result.statuses}
    assert "1 个印出的合计与各项之和不符（R16），汇总按各项之和相加" in said["某某市1局"]
    assert "R16" not in said["某某市2局"]
