"""The model, the exporters and the importers never import Qt.

They run in the command line, in background threads and in tests without a
display; a Qt import there would also tie the file formats to the GUI toolkit.
Checked twice: by importing every module in a fresh interpreter, and by a
static scan of the sources (which also catches imports inside functions).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("model", "exporters", "importers")
QT_NAMES = ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "shiboken2", "qtpy")
QT_IMPORT = re.compile(
    r"^\s*(?:from|import)\s+(?:%s)\b" % "|".join(QT_NAMES)  # noqa: UP031
    + r"|import_module\(\s*['\"](?:%s)" % "|".join(QT_NAMES),  # noqa: UP031
    re.MULTILINE,
)

PROBE = """
import importlib, json, pkgutil, sys
names = []
for package in {packages!r}:
    module = importlib.import_module(package)
    names.append(package)
    for info in pkgutil.walk_packages(module.__path__, package + "."):
        importlib.import_module(info.name)
        names.append(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in {qt!r})
print(json.dumps({{"imported": names, "qt": qt}}))
"""


def _sources() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))


def test_importing_every_module_loads_no_qt():
    probe = PROBE.format(packages=PACKAGES, qt=QT_NAMES)
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["qt"] == []
    # the walk really reached the modules (not an empty package list)
    assert {"model.report", "model.rules", "model.formats.f2021"} <= set(result["imported"])
    expected = {
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in _sources()
    }
    assert expected <= set(result["imported"])


def test_no_qt_import_in_the_sources():
    offenders = [
        f"{path.relative_to(ROOT)}: {m.group(0).strip()}"
        for path in _sources()
        for m in QT_IMPORT.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_scan_would_catch_a_qt_import():
    assert QT_IMPORT.search("def f():\n    from PySide6.QtCore import QObject\n")
    assert QT_IMPORT.search("import shiboken6")
    assert not QT_IMPORT.search("# PySide6 is for gui/ only\nimport openpyxl\n")
