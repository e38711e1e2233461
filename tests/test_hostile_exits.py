"""The last doors: a full disk gives its message and nothing after it, exports refuse a
report outside the limits, and whatever nobody expected is logged and told in
Chinese, by the importers' door and by the command line."""

from __future__ import annotations

import gc
import os
import random
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from cli import EXIT_UNEXPECTED, EXIT_UNREADABLE, EXIT_UNWRITABLE, main
from exporters import ExportError
from model.drafts import save_draft
from model.paths import log_dir
from model.report import Report
from tests.factories import random_report

ROOT = Path(__file__).resolve().parents[1]
FULL = Path("/dev/full")  # every write fails with ENOSPC
needs_dev_full = pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")


def _onto_a_full_disk(monkeypatch) -> None:
    """Exports' temp files become links to /dev/full: writing them fails as on a
    full disk, half-way through the zip."""
    real = tempfile.mkstemp

    def mkstemp(*args, **kwargs):
        fd, name = real(*args, **kwargs)
        os.close(fd)
        os.remove(name)
        os.symlink(FULL, name)
        return os.open(name, os.O_WRONLY), name

    monkeypatch.setattr("tempfile.mkstemp", mkstemp)


@needs_dev_full
@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_a_full_disk_gives_the_message_and_nothing_after_it(tmp_path, monkeypatch, kind):
    from exporters.docx import export_docx
    from exporters.xlsx import export_xlsx

    export = export_docx if kind == "docx" else export_xlsx
    report = random_report(random.Random(1), 2023)
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    _onto_a_full_disk(monkeypatch)
    with pytest.raises(ExportError, match="磁盘空间不足"):
        export(report, tmp_path / f"r.{kind}")
    gc.collect()  # a zip left open would complain now, as ZipFile.__del__ did
    assert unraisable == []
    assert list(tmp_path.iterdir()) == []  # neither the output nor a temp file


_FULL_DISK_EXPORT = textwrap.dedent(
    """
    import os, sys, tempfile
    sys.path.insert(0, {root!r})
    real = tempfile.mkstemp
    def mkstemp(*args, **kwargs):
        fd, name = real(*args, **kwargs)
        os.close(fd); os.remove(name); os.symlink("/dev/full", name)
        return os.open(name, os.O_WRONLY), name
    tempfile.mkstemp = mkstemp
    from cli import main
    sys.exit(main(["export", {draft!r}, "--docx", {docx!r}, "--xlsx", {xlsx!r}]))
    """
)


@needs_dev_full
def test_the_export_command_on_a_full_disk_prints_the_message_and_nothing_else(tmp_path):
    draft = save_draft(random_report(random.Random(2), 2023), tmp_path / "r.nianbao")
    code = _FULL_DISK_EXPORT.format(
        root=str(ROOT),
        draft=str(draft),
        docx=str(tmp_path / "r.docx"),
        xlsx=str(tmp_path / "r.xlsx"),
    )
    env = {**os.environ, "NIANBAO_HOME": str(tmp_path / "home")}
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert run.returncode == EXIT_UNWRITABLE
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 2 and all("磁盘空间不足" in line for line in lines), run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "r.nianbao"]


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_exports_refuse_a_report_outside_the_limits(tmp_path, kind):
    from exporters.docx import export_docx
    from exporters.xlsx import export_xlsx

    export = export_docx if kind == "docx" else export_xlsx
    report = Report("2021", 2023, "某局")
    report.meta.year = 99999999999  # past the model's checks, as a bug might
    with pytest.raises(ExportError, match=r"超出限制.*报告年度"):
        export(report, tmp_path / f"r.{kind}")
    report = Report("2021", 2023, "某局")
    report.texts["一"] = "字" * 18_000_000  # the field's 18 MB text
    with pytest.raises(ExportError, match="文字过长"):
        export(report, tmp_path / f"r.{kind}")
    assert list(tmp_path.iterdir()) == []


# ---- the unexpected --------------------------------------------------------------------------


def test_the_command_line_logs_the_unexpected_and_says_so_in_chinese(tmp_path, monkeypatch, capsys):
    import cli.validate

    def broken(args):
        raise RuntimeError("一个没有想到的错误")

    monkeypatch.setattr(cli.validate, "run", broken)
    draft = save_draft(Report("2021", 2023, "某局"), tmp_path / "r.nianbao")
    assert main(["validate", str(draft)]) == EXIT_UNEXPECTED
    err = capsys.readouterr().err
    assert "意外错误" in err and "Traceback" not in err
    assert str(log_dir()) in err
    logged = (log_dir() / "nianbao.log").read_text(encoding="utf-8")
    assert "Traceback" in logged and "一个没有想到的错误" in logged


def test_the_importers_door_refuses_the_unexpected_as_a_damaged_file(tmp_path, monkeypatch, capsys):
    import importers.xlsx

    def broken(path):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(importers.xlsx, "import_xlsx", broken)
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"")
    out = tmp_path / "r.nianbao"
    assert main(["import", str(path), "-o", str(out)]) == EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert "无法读取，可能已损坏" in err and "Traceback" not in err
    assert not out.exists()
    logged = (log_dir() / "nianbao.log").read_text(encoding="utf-8")
    assert "RecursionError" in logged


def test_an_export_removes_what_a_killed_export_to_the_same_file_left(tmp_path):
    from exporters.xlsx import export_xlsx

    dead = tmp_path / ".r.xlsx.deaddead.tmp"  # no live export holds its lock
    dead.write_bytes(b"PK half a workbook")
    other = tmp_path / ".s.xlsx.deaddead.tmp"  # another output's: not ours to judge
    other.write_bytes(b"PK")
    export_xlsx(random_report(random.Random(5), 2023), tmp_path / "r.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name, "r.xlsx"]
