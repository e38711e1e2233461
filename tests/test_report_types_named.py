"""Every message that names the report files the program reads names them all
(importers.SUFFIXES), and the window's screenshot opens any of them."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from cli import strings as c
from importers import SUFFIXES
from importers import strings as s


@pytest.mark.parametrize(
    "text",
    [
        c.IMPORT_HELP,
        c.IMPORT_HELP_FILE,
        c.IMPORT_UNKNOWN_TYPE,
        c.VALIDATE_HELP_FILE,
        c.NEW_HELP_FROM,
        c.AGG_NO_FILES,
        s.UNSUPPORTED_TYPE,
    ],
)
def test_messages_name_every_readable_suffix(text):
    for suffix in SUFFIXES:
        assert suffix in text, (suffix, text)


def test_a_screenshot_of_a_published_report_file(tmp_path):
    from exporters.html import export_html
    from tests.factories import random_report

    report = random_report(random.Random(51), 2023)
    page = tmp_path / "年报.html"
    export_html(report, page)
    out = tmp_path / "shot.png"
    main = Path(__file__).resolve().parents[1] / "main.py"
    done = subprocess.run(
        [sys.executable, str(main), "--screenshot", str(out), str(page)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert "不是年报草稿" not in done.stderr
    assert out.stat().st_size > 1000
