"""Start-up stays light (issue 8): opening the window with a report imports
neither the Word/Excel libraries nor our exporters and importers, parses no
command line, and builds only the page on screen (no start page when a file
is given)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs the real start (`main.py FILE`) in a fresh interpreter, offscreen, and
# quits after the first paint of the report's page; then reports what was loaded.
PROBE = """
import json, sys
sys.path.insert(0, {root!r})
from cli import main
code = main({argv!r})
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from gui.main_window import MainWindow
window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
probe = window.findChild(QObject, "firstPaintProbe")
print(json.dumps({{
    "code": code,
    "start_page_built": window._start_page is not None,  # before anything looks at it
    "modules": sorted(sys.modules),
    "has_document": window.has_document,
    "agency": window.controller.report.meta.agency,
    "on_screen": window.current_page_key() if window.has_document else None,
    "current_is_page": window.has_document
    and window.page_stack.currentWidget() is window.pages[window.current_page_key()],
    "start_page_shown": window.central.currentWidget() is window.start_page,
    "built": len(window.pages.built()),
    "painted": probe.painted,
    "pages": len(window.pages),
}}))
"""

# (argparse is not listed: PySide6 itself imports it, for the bare window too.)
HEAVY = ("docx", "openpyxl", "importers", "exporters", "lxml")
NOT_AT_START = (
    "gui.dialogs",
    "gui.compare_dialog",
    "gui.aggregate_dialog",
    "gui.table_page",
    "gui.text_page",
    "model.convert",
    "model.carryover",
    "model.compare",
    "model.aggregate",
    "cli.export",
    "cli.validate",
)


def _start(tmp_path: Path, with_report: bool = True) -> dict:
    from model.drafts import save_draft
    from model.sample import load_sample

    argv = []
    if with_report:
        draft = tmp_path / "某某局.nianbao"
        save_draft(load_sample(), draft)
        argv = [str(draft)]
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        NIANBAO_EXIT_WHEN_SHOWN="1",
        NIANBAO_HOME=str(tmp_path / "home"),
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(root=str(ROOT), argv=argv)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    # A clean quit, as ever: no autosave session left behind, settings written.
    home = tmp_path / "home"
    assert not [p for p in (home / "autosave").iterdir()]
    assert "window" in (home / "settings" / "settings.ini").read_text(encoding="utf-8")
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_window_with_a_report_starts_without_heavy_modules(tmp_path):
    seen = _start(tmp_path)
    assert seen["code"] == 0
    loaded = set(seen["modules"])
    for name in HEAVY + NOT_AT_START:
        assert name not in loaded, f"{name} is imported at start"
    assert not [
        m for m in loaded if m.startswith(("docx.", "openpyxl.", "exporters.", "importers."))
    ]
    # ...and yet the report is open, its page on screen when the probe quit.
    assert seen["has_document"] is True
    assert seen["agency"] == "舟山市定海区经济和信息化局"
    assert seen["on_screen"] == "基本信息"
    assert seen["current_is_page"] is True
    assert seen["painted"] is True  # quit after the page's first paint, not the fallback
    assert seen["built"] == 1 < seen["pages"] == 7
    assert seen["start_page_built"] is False  # a file was given: no start page to build


def test_window_without_a_file_quits_after_painting_the_start_page(tmp_path):
    seen = _start(tmp_path, with_report=False)
    assert seen["code"] == 0
    assert seen["has_document"] is False
    assert seen["start_page_built"] is True
    assert seen["start_page_shown"] is True
    assert seen["painted"] is True
    assert seen["built"] == 0


def test_command_names_are_known_without_importing_the_modules():
    from cli import COMMAND_NAMES, build_parser

    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(commands) == COMMAND_NAMES


def test_plain_start_needs_no_parser():
    from cli import _plain_window_file

    assert _plain_window_file([]) == (True, None)
    assert _plain_window_file(["a.nianbao"]) == (True, "a.nianbao")
    assert _plain_window_file(["validate"]) == (False, None)
    assert _plain_window_file(["import"]) == (False, None)
    assert _plain_window_file(["-h"]) == (False, None)
    assert _plain_window_file(["--screenshot", "x.png"]) == (False, None)
    assert _plain_window_file(["a.nianbao", "b.nianbao"]) == (False, None)
