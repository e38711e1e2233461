"""Draft files: exact round trips, clear refusals that never touch the file,
atomic saves with a .bak, and migration of older schema versions."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import random
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from model import drafts
from model import messages as msg
from model.drafts import (
    MIGRATIONS,
    SCHEMA,
    DraftError,
    backup_path,
    load_draft,
    report_from_dict,
    report_to_dict,
    save_draft,
)
from model.report import PreviousYear, Report
from tests.factories import random_report, reports

AMOUNT = "active.art20_9.procurement.amount"
FEE_2021 = "active.art20_8.fees.amount_wan"


def _with_extras(report: Report) -> Report:
    report.set_extra("fee", {"cases": 0, "amount": Decimal("0.00"), "on": dt.date(2022, 1, 5)})
    report.set_extra("flags", [True, None, 1.5, "文字"])
    return report


# ---- round trips ----------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(blank_ratio=0.3))
def test_dict_round_trip_is_identity(report):
    data = json.loads(json.dumps(report_to_dict(report), ensure_ascii=False))
    assert report_from_dict(data) == report


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2024])
def test_file_round_trip_with_previous_units_and_extras(tmp_path, year):
    rng = random.Random(year)
    report = _with_extras(random_report(rng, year, blank_ratio=0.2, kind="government"))
    last = random_report(rng, year - 1 if year > 2019 else 2019)
    report.set_previous(
        PreviousYear(last.meta.year, last.spec.id, last.meta.agency, last.values(), last.texts)
    )
    if AMOUNT in report.spec.cell_by_id:
        report.set_value(AMOUNT, Decimal("10.9994"))
        report.set_unit(AMOUNT, "万元")
    path = save_draft(report, tmp_path / "报告.nianbao")
    loaded = load_draft(path)
    assert loaded == report
    assert loaded.revision == 0
    assert loaded.previous is not None and loaded.previous.values == last.values()
    assert loaded.extras["fee"]["amount"] == Decimal("0.00")
    assert str(loaded.extras["fee"]["amount"]) == "0.00"


def test_money_stays_exact_and_blank_differs_from_zero(tmp_path):
    report = Report("2021", 2022, "某某局")
    report.set_value(FEE_2021, Decimal("12.50"))
    report.set_value("applications.new.natural", 0)
    path = save_draft(report, tmp_path / "a.nianbao")
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["report"]["values"][FEE_2021] == "12.50"
    assert raw["report"]["values"]["applications.new.natural"] == 0
    assert "applications.new.commercial" not in raw["report"]["values"]
    loaded = load_draft(path)
    assert str(loaded.value(FEE_2021)) == "12.50"
    assert loaded.value("applications.new.natural") == 0
    assert loaded.is_blank("applications.new.commercial")
    assert loaded.value("applications.new.commercial") is None


def test_file_layout(tmp_path):
    report = Report("2019", 2020, "某某局", "department", dt.date(2021, 1, 8))
    report.set_value("active.art20_5.licensing.change", -1)
    raw = json.loads(save_draft(report, tmp_path / "a.nianbao").read_text(encoding="utf-8"))
    assert raw["format"] == "nianbao-draft"
    assert raw["schema"] == SCHEMA == 2
    assert raw["app_version"]
    assert dt.datetime.fromisoformat(raw["saved_at"]).tzinfo is not None
    body = raw["report"]
    assert body["format_id"] == "2019"
    assert body["meta"] == {
        "agency": "某某局",
        "year": 2020,
        "kind": "department",
        "date": "2021-01-08",
    }
    assert body["texts"] == {"一": "", "五": "", "六": ""}
    assert body["values"] == {"active.art20_5.licensing.change": -1}
    assert body["units"] == {} and body["extras"] == {} and body["previous"] is None
    assert body["printed"] == {} and body["summary"] is None


def test_hand_edited_number_for_money_is_accepted(tmp_path):
    report = Report("2021", 2022, "某某局")
    data = drafts.draft_to_dict(report)
    data["report"]["values"][FEE_2021] = 1.25
    path = tmp_path / "a.nianbao"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert str(load_draft(path).value(FEE_2021)) == "1.25"


# ---- refusals ---------------------------------------------------------------------------


def _valid_bytes() -> bytes:
    report = random_report(random.Random(7), 2022)
    return json.dumps(drafts.draft_to_dict(report), ensure_ascii=False).encode()


def _envelope(**report_changes) -> dict:
    data = drafts.draft_to_dict(Report("2021", 2022, "某某局"))
    data["report"].update(report_changes)
    return data


REFUSALS = {
    "truncated": (lambda: _valid_bytes()[:500], "不是年报草稿文件或文件已损坏"),
    "random bytes": (lambda: random.Random(1).randbytes(3000), "不是年报草稿文件或文件已损坏"),
    "empty": (lambda: b"", "不是年报草稿文件或文件已损坏"),
    "not utf-8": (
        lambda: json.dumps({"format": "nianbao-draft", "x": "年报"}, ensure_ascii=False).encode(
            "gbk"
        ),
        "不是年报草稿文件或文件已损坏",
    ),
    "nan": (lambda: b'{"format": "nianbao-draft", "schema": NaN}', "不是年报草稿文件或文件已损坏"),
    "other program": (lambda: b'{"name": "pkg", "version": "1.0"}', "其他程序保存的 JSON"),
    "json list": (lambda: b"[1, 2, 3]", "其他程序保存的 JSON"),
    "newer schema": (
        lambda: json.dumps({**_envelope(), "schema": 7}).encode(),
        "该草稿由更新版本的年报填报助手保存（格式版本 7），请升级程序后再打开",
    ),
    "schema as text": (
        lambda: json.dumps({**_envelope(), "schema": "1"}).encode(),
        "格式版本「1」无法识别",
    ),
    "negative schema": (
        lambda: json.dumps({**_envelope(), "schema": -1}).encode(),
        "格式版本「-1」无法识别",
    ),
    "unknown format": (
        lambda: json.dumps(_envelope(format_id="2030")).encode(),
        "报告格式“2030”无法识别",
    ),
    "unknown cell": (
        lambda: json.dumps(_envelope(values={"applications.bogus.natural": 1})).encode(),
        "本年数据中有报告格式里不存在的单元格：applications.bogus.natural",
    ),
    "computed cell": (
        lambda: json.dumps(_envelope(values={"applications.new.total": 1})).encode(),
        "合计单元格由程序自动计算",
    ),
    "negative count": (
        lambda: json.dumps(_envelope(values={"applications.new.natural": -3})).encode(),
        "本年数据单元格「applications.new.natural（一、本年新收政府信息公开申请数量 · 自然人）」"
        "的值“-3”无效",
    ),
    "count as text": (
        lambda: json.dumps(_envelope(values={"applications.new.natural": "3"})).encode(),
        "applications.new.natural",
    ),
    "money not a number": (
        lambda: json.dumps(_envelope(values={FEE_2021: "十二"})).encode(),
        "「十二」不是数字",
    ),
    "bad unit": (
        lambda: json.dumps(_envelope(units={FEE_2021: "元"})).encode(),
        "金额单位“元”无效",
    ),
    "bad kind": (
        lambda: json.dumps(_envelope(meta={"agency": "", "year": 2022, "kind": "x"})).encode(),
        "报告类型“x”无法识别",
    ),
    "bad date": (
        lambda: json.dumps(
            _envelope(meta={"agency": "", "year": 2022, "kind": "department", "date": "2022-13-01"})
        ).encode(),
        "成文日期“2022-13-01”不是有效日期",
    ),
    "year as text": (
        lambda: json.dumps(
            _envelope(meta={"agency": "", "year": "2022", "kind": "department"})
        ).encode(),
        "“year”项的内容类型不对",
    ),
    "unknown section": (
        lambda: json.dumps(_envelope(texts={"七": "x"})).encode(),
        "不存在的文字部分：七",
    ),
    "previous unknown cell": (
        lambda: json.dumps(
            _envelope(
                previous={
                    "year": 2021,
                    "format_id": "2021",
                    "agency": "",
                    "values": {"active.nope.x": 1},
                    "texts": {},
                }
            )
        ).encode(),
        "上年数据中有报告格式里不存在的单元格：active.nope.x",
    ),
    "missing report": (
        lambda: json.dumps({"format": "nianbao-draft", "schema": 1}).encode(),
        "缺少“report”项",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_refused_with_chinese_message_and_file_untouched(tmp_path, case):
    make, expected = REFUSALS[case]
    content = make()
    path = tmp_path / "坏文件.nianbao"
    path.write_bytes(content)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    with pytest.raises(DraftError) as info:
        load_draft(path)
    message = str(info.value)
    assert expected in message
    assert "坏文件.nianbao" in message
    assert path.read_bytes() == content
    assert path.stat().st_mtime == 1_000_000_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["坏文件.nianbao"]


def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(drafts, "MAX_BYTES", 1000)
    path = tmp_path / "big.nianbao"
    path.write_bytes(_valid_bytes())
    with pytest.raises(DraftError, match="超过 0 MB"):
        load_draft(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DraftError, match=r"找不到草稿文件「无\.nianbao」"):
        load_draft(tmp_path / "无.nianbao")
    folder = tmp_path / "夹.nianbao"
    folder.mkdir()
    with pytest.raises(DraftError, match=r"无法读取草稿文件「夹\.nianbao」：这是一个文件夹"):
        load_draft(folder)


def test_report_from_dict_raises_draft_error():
    with pytest.raises(DraftError, match="缺少“format_id”项"):
        report_from_dict({"meta": {}})


# ---- migration ----------------------------------------------------------------------------


def test_schema_0_is_migrated(tmp_path):
    assert MIGRATIONS[0] is drafts._migrate_0_to_1
    schema0 = {
        "format": "nianbao-draft",
        "schema": 0,
        "app_version": "0.0.1",
        "saved_at": "2021-01-05T08:00:00+08:00",
        "report": {
            "format_id": "2019",
            "meta": {"agency": "某某局", "year": 2020, "kind": "department", "date": "2021-01-08"},
            "texts": {"一": "总体情况。", "五": "", "六": ""},
            "values": [
                ["applications.new.natural", 4],
                ["active.art20_5.licensing.change", -2],
                [AMOUNT, "109994.50"],
            ],
            "previous": {
                "year": 2019,
                "format_id": "2019",
                "agency": "某某局",
                "values": [["applications.carried_out.natural", 2]],
                "texts": {"一": "去年。"},
            },
        },
    }
    path = tmp_path / "old.nianbao"
    original = json.dumps(schema0, ensure_ascii=False).encode()
    path.write_bytes(original)
    report = load_draft(path)
    assert report.value("applications.new.natural") == 4
    assert report.value("active.art20_5.licensing.change") == -2
    assert str(report.value(AMOUNT)) == "109994.50"
    assert report.unit(AMOUNT) == "元"
    assert report.texts["一"] == "总体情况。"
    assert report.meta.date == dt.date(2021, 1, 8)
    assert report.previous == PreviousYear(
        2019, "2019", "某某局", {"applications.carried_out.natural": 2}, {"一": "去年。"}
    )
    assert report.extras == {}
    assert path.read_bytes() == original  # migration happens in memory only
    # saving writes the current schema
    raw = json.loads(save_draft(report, path).read_text(encoding="utf-8"))
    assert raw["schema"] == SCHEMA and raw["report"]["values"][AMOUNT] == "109994.50"


def test_schema_0_with_malformed_values_is_refused(tmp_path):
    path = tmp_path / "old.nianbao"
    body = {"format_id": "2019", "meta": {"agency": "", "year": 2020, "kind": "department"}}
    path.write_text(
        json.dumps({"format": "nianbao-draft", "schema": 0, "report": {**body, "values": [[1]]}}),
        encoding="utf-8",
    )
    with pytest.raises(DraftError, match="“values”项的内容类型不对"):
        load_draft(path)


# ---- atomic save and .bak -------------------------------------------------------------------


def test_bak_keeps_the_previous_version(tmp_path):
    path = tmp_path / "r.nianbao"
    report = Report("2021", 2022, "某某局")
    save_draft(report, path)
    assert not backup_path(path).exists()
    first = path.read_bytes()
    report.set_value("applications.new.natural", 5)
    save_draft(report, path)
    assert backup_path(path).name == "r.nianbao.bak"
    assert backup_path(path).read_bytes() == first
    second = path.read_bytes()
    report.set_value("applications.new.natural", 6)
    save_draft(report, path)
    assert backup_path(path).read_bytes() == second
    assert load_draft(path).value("applications.new.natural") == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.nianbao", "r.nianbao.bak"]


def _fail_replace_onto(target: Path, exc: OSError, monkeypatch) -> None:
    real = os.replace

    def replace(src, dst, *a, **k):
        if Path(dst) == target:
            raise exc
        return real(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (PermissionError(errno.EACCES, "denied"), msg.DRAFT_SAVE_NO_PERMISSION),
        (OSError(errno.ENOSPC, "No space left on device"), msg.DRAFT_SAVE_DISK_FULL),
        (OSError(errno.EROFS, "Read-only file system"), msg.DRAFT_SAVE_READ_ONLY),
        (OSError(errno.EIO, "I/O error"), "I/O error"),
    ],
)
def test_crash_before_replace_leaves_original_intact(tmp_path, monkeypatch, exc, reason):
    path = tmp_path / "r.nianbao"
    report = Report("2021", 2022, "某某局")
    report.set_value("applications.new.natural", 1)
    save_draft(report, path)
    original = path.read_bytes()
    report.set_value("applications.new.natural", 2)
    _fail_replace_onto(path, exc, monkeypatch)
    with pytest.raises(DraftError) as info:
        save_draft(report, path)
    assert str(info.value) == f"无法保存草稿「r.nianbao」：{reason}。原文件未被改动"
    assert path.read_bytes() == original
    assert backup_path(path).read_bytes() == original  # .bak is a copy, never the only one
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.nianbao", "r.nianbao.bak"]


def test_disk_full_while_writing_leaves_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "r.nianbao"
    report = Report("2021", 2022, "某某局")
    save_draft(report, path)
    original = path.read_bytes()

    def fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    report.set_value("applications.new.natural", 2)
    with pytest.raises(DraftError, match="磁盘空间已满"):
        save_draft(report, path)
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.nianbao"]


def test_folder_not_writable(tmp_path, monkeypatch):
    def mkstemp(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("model.temp_files.tempfile.mkstemp", mkstemp)
    with pytest.raises(DraftError, match="没有写入该文件夹的权限"):
        save_draft(Report("2021", 2022), tmp_path / "r.nianbao")
    assert list(tmp_path.iterdir()) == []


def test_missing_folder(tmp_path):
    with pytest.raises(DraftError, match=r"文件夹“.*没有”不存在"):
        save_draft(Report("2021", 2022), tmp_path / "没有" / "r.nianbao")


def test_unsupported_extra_is_refused_before_writing(tmp_path):
    report = Report("2021", 2022)
    report.extras["bad"] = {1, 2}
    with pytest.raises(DraftError, match="附加信息“bad”"):
        save_draft(report, tmp_path / "r.nianbao")
    assert list(tmp_path.iterdir()) == []


def test_saved_file_keeps_permissions(tmp_path):
    path = tmp_path / "r.nianbao"
    save_draft(Report("2021", 2022), path)
    path.chmod(0o640)
    save_draft(Report("2021", 2022), path)
    assert path.stat().st_mode & 0o777 == 0o640


def test_saving_onto_a_folder_is_refused(tmp_path):
    folder = tmp_path / "r.nianbao"
    folder.mkdir()
    with pytest.raises(DraftError, match="这是一个文件夹"):
        save_draft(Report("2021", 2022), folder)
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.nianbao"]


# ---- schema 2: printed totals and summaries ---------------------------------------------------


def test_schema_1_is_migrated_with_no_printed_totals_and_no_summary(tmp_path):
    assert MIGRATIONS[1] is drafts._migrate_1_to_2
    report = Report("2021", 2023, "某某局", "department", dt.date(2024, 1, 8))
    report.set_value("applications.new.natural", 3)
    data = drafts.draft_to_dict(report)
    data["schema"] = 1
    del data["report"]["printed"], data["report"]["summary"]
    path = tmp_path / "旧.nianbao"
    original = json.dumps(data, ensure_ascii=False).encode()
    path.write_bytes(original)
    loaded = load_draft(path)
    assert loaded == report and loaded.printed() == {} and loaded.summary is None
    assert path.read_bytes() == original


def test_printed_totals_and_summary_round_trip(tmp_path):
    report = Report("2021", 2023, "某某县人民政府", "government", dt.date(2024, 3, 1))
    report.set_value("appeals.review.upheld", 11)
    report.set_printed({"appeals.review.total": 0, "applications.new.total": None})
    report.set_summary(
        drafts.SummaryInfo((drafts.SummarySource("某某局", 2023, "department", "某某局.docx"),))
    )
    loaded = load_draft(save_draft(report, tmp_path / "汇总.nianbao"))
    assert loaded == report
    assert loaded.printed() == {"appeals.review.total": 0, "applications.new.total": None}
    assert loaded.summary.sources[0].file == "某某局.docx"


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda r: r["report"]["printed"].update({"applications.new.natural": 1}), "printed"),
        (lambda r: r["report"]["printed"].update({"appeals.review.total": -3}), "负数"),
        (lambda r: r["report"].update(summary={"sources": "x"}), "summary"),
        (lambda r: r["report"]["meta"].update(year=99999999999), "不在 2008–2100 年之间"),
        (lambda r: r["report"]["meta"].update(agency="局" * 5000), "机关名称过长"),
        (lambda r: r["report"]["texts"].update({"一": "字" * 200_001}), "文字过长"),
        (
            lambda r: r["report"]["values"].update(
                {"active.art20_8.fees.amount_wan": "1" + "0" * 30}
            ),
            "超出金额的上限",
        ),
        (
            lambda r: r["report"]["values"].update(
                {"active.art20_8.fees.amount_wan": "1e999999999"}
            ),
            "不是数字",
        ),
        (lambda r: r["report"]["values"].update({"applications.new.natural": 10**30}), "上限"),
    ],
)
def test_values_outside_the_limits_are_refused_on_load_naming_the_field(tmp_path, edit, reason):
    report = Report("2021", 2023, "某某局")
    data = drafts.draft_to_dict(report)
    edit(data)
    path = tmp_path / "坏.nianbao"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DraftError, match=reason):
        load_draft(path)


def test_a_draft_never_replaces_another_kind_of_file(tmp_path):
    """`import X.docx -o X.docx --force` once turned the officer's Word report into a
    draft: a file that is not a draft is never replaced by one, whatever its name."""
    from exporters.docx import export_docx
    from model.drafts import DraftError, save_draft
    from model.report import Report

    report = Report("2021", 2023, "某局")
    word = tmp_path / "报告.docx"
    export_docx(report, word)
    before = word.read_bytes()
    with pytest.raises(DraftError, match="不是年报草稿的文件"):
        save_draft(report, word)
    assert word.read_bytes() == before
    other = tmp_path / "草稿.txt"  # a draft under another name may be saved again
    save_draft(report, other)
    save_draft(report, other)
    assert load_draft(other) == report


def test_import_onto_its_own_input_is_refused_and_the_file_kept(tmp_path, capsys):
    from cli import EXIT_UNWRITABLE, main
    from exporters.docx import export_docx
    from model.report import Report

    word = tmp_path / "报告.docx"
    export_docx(Report("2021", 2023, "某局"), word)
    before = word.read_bytes()
    assert main(["import", str(word), "-o", str(word), "--force"]) == EXIT_UNWRITABLE
    assert "不是年报草稿的文件" in capsys.readouterr().err
    assert word.read_bytes() == before
