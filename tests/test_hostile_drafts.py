"""Absurd drafts refused on load naming the field; reports outside the limits never
saved; temp files of killed saves removed at the next save or open, and nothing
else ever touched."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from cli import EXIT_UNREADABLE, main
from model import drafts, limits
from model.drafts import DraftError, load_draft, remove_litter, save_draft
from tests.factories import random_report

CASES = Path(__file__).resolve().parents[2] / "shared" / "cases" / "hostile"
ROOT = Path(__file__).resolve().parents[1]


def _draft(tmp_path: Path, change) -> Path:
    """A valid draft on disk, with `change(data)` applied to its JSON."""
    path = tmp_path / "r.nianbao"
    save_draft(random_report(random.Random(1), 2023), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("case", "names"),
    [
        ("hostile-D20-money-huge-exponent.nianbao", "采购总金额"),
        ("hostile-D27-year-huge.nianbao", "报告年度「99999999999」"),
    ],
)
def test_the_field_cases_are_refused_naming_the_field(case, names, capsys):
    with pytest.raises(DraftError, match=names):
        load_draft(CASES / case)
    assert main(["export", str(CASES / case), "--xlsx", "out.xlsx"]) == EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert names in err and "Traceback" not in err


def _set(path: list, value):
    def change(data):
        node = data["report"]
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


@pytest.mark.parametrize(
    ("path", "value", "said"),
    [
        (["meta", "year"], limits.MAX_YEAR + 1, "报告年度"),
        (["meta", "year"], 10**400, "报告年度"),
        (["meta", "agency"], "局" * (limits.MAX_AGENCY_CHARS + 1), "机关名称过长"),
        (["texts", "一"], "字" * (limits.MAX_TEXT_CHARS + 1), "文字过长"),
        (["texts", "五"], "字\n" * limits.MAX_TEXT_LINES, "最多 5000 行"),
        (["values", "applications.new.natural"], limits.MAX_COUNT + 1, "超出件数的上限"),
        (["values", "applications.new.natural"], 1e308, "不是整数"),
        (["extras"], {"fee_count": limits.MAX_COUNT + 1}, "fee_count"),
        (["extras"], {"fee_amount_yuan": {"$decimal": "1e999999999"}}, "fee_amount_yuan"),
        (["extras"], {"fee_amount_yuan": {"$decimal": "12.345"}}, "fee_amount_yuan"),
        (["extras"], {"other": {"$decimal": "1" + "0" * 30}}, "超出金额的上限"),
        (["extras"], {"other": {"$decimal": "1e999999999"}}, "extras"),
        # found by fuzz/run.py: Decimal() takes a (sign, digits, exponent) sequence too
        (["extras"], {"other": {"$decimal": [0, [1], 2]}}, "extras"),
        (["extras"], {"other": {"$decimal": [1, 2]}}, "extras"),
        (["extras"], {"other": {"$date": ["2023"]}}, "extras"),
        (["extras"], {"other": 10**30}, "超出件数的上限"),
        (["extras"], {"other": "字" * (limits.MAX_TEXT_CHARS + 1)}, "extras"),
        (["extras"], {"other": json.loads("[" * 70 + "]" * 70)}, "extras"),
        (
            ["previous"],
            {"year": 99999, "format_id": "2021", "agency": "甲", "values": {}, "texts": {}},
            "报告年度",
        ),
        (
            ["summary"],
            {"sources": [{"agency": "局" * 300, "year": 2023, "kind": "department"}]},
            "机关名称过长",
        ),
    ],
)
def test_a_value_beyond_the_limits_is_refused_on_load_naming_it(tmp_path, path, value, said):
    draft = _draft(tmp_path, _set(path, value))
    before = draft.read_bytes()
    with pytest.raises(DraftError, match=said):
        load_draft(draft)
    assert draft.read_bytes() == before  # never touched


def test_values_at_the_limits_load(tmp_path):
    def at_limits(data):
        report = data["report"]
        report["meta"]["year"] = limits.MAX_YEAR
        report["meta"]["agency"] = "局" * limits.MAX_AGENCY_CHARS
        report["texts"]["一"] = "字" * limits.MAX_TEXT_CHARS
        report["texts"]["五"] = "\n".join(["字"] * limits.MAX_TEXT_LINES)
        report["values"]["applications.new.natural"] = limits.MAX_COUNT
        report["extras"] = {
            "fee_count": limits.MAX_COUNT,
            "fee_amount_yuan": {"$decimal": "999999999999.99"},
        }

    report = load_draft(_draft(tmp_path, at_limits))
    assert report.value("applications.new.natural") == limits.MAX_COUNT
    assert report.extras["fee_amount_yuan"] == Decimal("999999999999.99")


# ---- saving refuses what loading would refuse -------------------------------------------


@pytest.mark.parametrize(
    "spoil",
    [
        lambda r: setattr(r.meta, "year", 99999999999),
        lambda r: setattr(r.meta, "agency", "局" * 201),
        lambda r: r.texts.__setitem__("一", "字" * (limits.MAX_TEXT_CHARS + 1)),
        lambda r: r.texts.__setitem__("六", "字\n" * limits.MAX_TEXT_LINES),
        lambda r: r.extras.__setitem__("fee_count", 10**12),
    ],
)
def test_a_report_the_loader_would_refuse_is_never_saved(tmp_path, spoil):
    path = tmp_path / "r.nianbao"
    report = random_report(random.Random(2), 2023)
    save_draft(report, path)
    before = path.read_bytes()
    spoil(report)  # bypassing the model's setters, as a bug or a plug-in might
    with pytest.raises(DraftError, match=r"无法保存草稿「r\.nianbao」"):
        save_draft(report, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.nianbao"]


def test_a_draft_over_the_size_limit_is_never_written(tmp_path, monkeypatch):
    monkeypatch.setattr(drafts, "MAX_BYTES", 5_000)
    with pytest.raises(DraftError, match=r"超过 0 MB|无法再打开"):
        save_draft(random_report(random.Random(3), 2023), tmp_path / "r.nianbao")
    assert list(tmp_path.iterdir()) == []


def test_the_typing_door_of_the_fee_fields_keeps_the_limits():
    from model.fees import parse_amount, parse_count

    assert parse_count(str(limits.MAX_COUNT)) == limits.MAX_COUNT
    with pytest.raises(ValueError, match="超出件数的上限"):
        parse_count("9" * 5000)
    assert parse_amount("999999999999.99") == limits.MAX_MONEY
    for bad in ("1e999999999", "1000000000000", "1.234"):
        with pytest.raises(ValueError):
            parse_amount(bad)


# ---- killed saves ---------------------------------------------------------------------------

_KILLED_SAVE = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {root!r})
    from model.drafts import save_draft
    from model.report import Report

    real = os.replace
    def die(src, dst):  # killed after writing, before the rename
        os._exit(9)
    os.replace = die
    save_draft(Report("2021", 2023, "某局"), {path!r})
    """
)


def _killed_save(path: Path) -> None:
    code = _KILLED_SAVE.format(root=str(ROOT), path=str(path))
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert run.returncode == 9, run.stderr


def _litter(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_temp_files_of_a_killed_save_are_removed_on_open_and_on_save(tmp_path):
    path = tmp_path / "r.nianbao"
    report = random_report(random.Random(4), 2023)
    save_draft(report, path)
    _killed_save(path)  # dies in the backup's rename: both temps stay
    _killed_save(path)
    assert len(_litter(tmp_path)) >= 2
    assert load_draft(path) == report  # the draft itself is never harmed
    assert _litter(tmp_path) == []  # opening removed the litter
    _killed_save(path)
    assert _litter(tmp_path)
    save_draft(report, path)
    assert _litter(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.nianbao", "r.nianbao.bak"]


_SAVE_FOREVER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from model.drafts import save_draft
    from model.report import Report

    report = Report("2021", 2023, "某局")
    report.set_text("一", "字" * 150_000)  # a save takes a while
    print("ready", flush=True)
    while True:
        save_draft(report, {path!r})
    """
)


def test_saves_killed_at_random_moments_leave_a_draft_that_opens(tmp_path):
    path = tmp_path / "r.nianbao"
    code = _SAVE_FOREVER.format(root=str(ROOT), path=str(path))
    rng = random.Random(0)
    for _ in range(12):
        child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        import time

        time.sleep(rng.uniform(0, 0.15))
        child.kill()
        child.wait()
        child.stdout.close()
        if path.exists():
            assert load_draft(path).texts["一"] == "字" * 150_000
        assert len(_litter(tmp_path)) <= 2  # only the last kill's, until the next open
    remove_litter(path)
    assert _litter(tmp_path) == []


_HOLD_A_TEMP = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from model.temp_files import make_locked_temp

    fd, name = make_locked_temp(Path({folder!r}), "r.nianbao", ".tmp")
    print(name, flush=True)
    time.sleep(60)
    """
)


@pytest.mark.skipif(os.name == "nt", reason="POSIX locks; Windows refuses to delete open files")
def test_a_save_in_progress_is_never_disturbed(tmp_path):
    code = _HOLD_A_TEMP.format(root=str(ROOT), folder=str(tmp_path))
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        busy = Path(child.stdout.readline().strip())
        assert busy.exists()
        assert remove_litter(tmp_path / "r.nianbao") == []
        assert busy.exists()  # its writer is alive: left alone
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    assert remove_litter(tmp_path / "r.nianbao") == [busy.name]  # its writer died


def test_nothing_but_a_killed_save_of_this_draft_is_ever_removed(tmp_path):
    keep = [
        ".r.nianbao.abc.tmp",  # not a temp name of ours (length)
        ".r.nianbao.ABCDEFGH.tmp",  # not tempfile's alphabet
        "r.nianbao.tmp",
        ".other.nianbao.abcdefgh.tmp",  # another draft's
        ".r.nianbao.abcdefgh.tmpx",
        ".r.nianbao.abcdefgh.docx",
        "r.nianbao",
    ]
    for name in keep:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / ".r.nianbao.dirdirdi.tmp").mkdir()
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me", encoding="utf-8")
    link = tmp_path / ".r.nianbao.linklink.tmp"
    try:
        link.symlink_to(target)
    except OSError:  # no symlinks for this user (Windows)
        link = None
    dead = tmp_path / ".r.nianbao.deaddead.tmp"
    dead.write_text("half a draft", encoding="utf-8")
    assert remove_litter(tmp_path / "r.nianbao") == [dead.name]
    for name in keep:
        assert (tmp_path / name).exists()
    assert (tmp_path / ".r.nianbao.dirdirdi.tmp").is_dir()
    assert target.read_text(encoding="utf-8") == "keep me"
    if link is not None:
        assert link.is_symlink()


def test_a_text_of_the_most_lines_exports_to_word_within_bounds(tmp_path):
    """Every line is a printed paragraph: the line limit keeps a Word export of a
    report at every text limit small (200,000 lines per section took 2.6 GB)."""
    import tracemalloc

    from exporters.docx import export_docx

    report = random_report(random.Random(3), 2023)
    for section in report.spec.text_sections:
        report.set_text(section.id, "\n".join(["第一段。"] * limits.MAX_TEXT_LINES))
    tracemalloc.start()
    export_docx(report, tmp_path / "r.docx")
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 400 * 2**20
