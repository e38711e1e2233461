"""The built-in sample: a real published report, to try the program with.

resources/sample-2020-dinghai.nianbao transcribes 舟山市定海区经济和信息化局's
2020 report (2019 format, dated 2021-01-08) as published, faults included:
- Section 三 prints only the 自然人 column of 一、二、（一）予以公开 and 四
  (1, 0, 1, 0); every other cell was left blank and stays blank here, the
  总计 column and the （七）总计 row included: those six totals are kept as
  printed blank (`printed`), as the Word import keeps them.
- Section 四 prints 0 only under the three 总计 headers, over blank items: kept
  as printed totals of 0; all inputs of 四 are blank.
- 采购总金额 is printed as 「109994元」: stored as 109994 with unit 元.
- Section 六 is missing in the original, so its text is empty.
The validator therefore has real findings to show on it (R6, R13, R16).
"""

from __future__ import annotations

import sys
from pathlib import Path

from model.drafts import load_draft
from model.report import Report

SAMPLE_FILE = "sample-2020-dinghai.nianbao"


def resources_dir() -> Path:
    """The shipped resources/ folder, also inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def sample_path() -> Path:
    return resources_dir() / SAMPLE_FILE


def load_sample() -> Report:
    """A fresh copy of the sample report (raises DraftError if the file is missing)."""
    return load_draft(sample_path())
