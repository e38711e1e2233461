"""The few colours of the form, chosen to stay readable on light themes and in
print screenshots: soft backgrounds, never saturated, text always black."""

from __future__ import annotations

from PySide6.QtGui import QColor

from model.issues import Severity

ERROR_BG = QColor("#f9d6d5")  # red-ish
WARNING_BG = QColor("#fdebc8")  # amber
INFO_BG = QColor("#dceafa")  # blue-ish
# Blank inputs with an issue (mostly "not filled yet") get a lighter tint, so a new
# report is not a wall of red while the filled-in mistakes still stand out.
ERROR_BLANK_BG = QColor("#fdeeed")
WARNING_BLANK_BG = QColor("#fef7e8")
INFO_BLANK_BG = QColor("#eef5fd")
COMPUTED_BG = QColor("#e8ebef")  # shaded, read-only totals
HEADER_BG = QColor("#f4f4f2")  # printed headers and captions
LABEL_BG = QColor("#ffffff")
INPUT_BG = QColor("#ffffff")
GRID_LINE = QColor("#9aa0a6")

# Stronger tones for icons and the problems list's severity column.
ERROR_FG = QColor("#b3261e")
WARNING_FG = QColor("#8a5a00")
INFO_FG = QColor("#1d5fa8")

MESSAGE_REFUSED_BG = "#fbe3e2"
MESSAGE_REFUSED_BORDER = "#e0a3a0"
MESSAGE_INFO_BG = "#e6f0fb"
MESSAGE_INFO_BORDER = "#a9c5e8"

_BG = {Severity.ERROR: ERROR_BG, Severity.WARNING: WARNING_BG, Severity.INFO: INFO_BG}
_BLANK_BG = {
    Severity.ERROR: ERROR_BLANK_BG,
    Severity.WARNING: WARNING_BLANK_BG,
    Severity.INFO: INFO_BLANK_BG,
}
_FG = {Severity.ERROR: ERROR_FG, Severity.WARNING: WARNING_FG, Severity.INFO: INFO_FG}


def issue_background(severity: Severity, blank: bool = False) -> QColor:
    return (_BLANK_BG if blank else _BG)[severity]


def issue_foreground(severity: Severity) -> QColor:
    return _FG[severity]
