"""Reading the summary marker (model/summary_marker.py) into the report imported.

Every importer hands the marker it found, in whatever place its format keeps it,
to `mark_summary`: the report read stays a summary, so a roll-up never counts it
as one more agency.
"""

from __future__ import annotations

from importers import strings as s
from model.report import Report, SummaryInfo
from model.summary_marker import decode


def mark_summary(report: Report, payload: str | None, damaged_note: str = "") -> list[str]:
    """Mark `report` as a summary when the file carried the marker: `payload` is the
    marker's payload, "" for a marker without one (a keyword: no sources listed),
    None for no marker. Returns the notes (one when the payload was damaged:
    `damaged_note`, by default the one naming the file's properties)."""
    if payload is None:
        return []
    summary, damaged = decode(payload) if payload else (None, False)
    report.set_summary(summary or SummaryInfo(()))
    return [damaged_note or s.SUMMARY_MARKER_BAD] if damaged else []
