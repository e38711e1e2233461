"""Recognising a roll-up workbook (汇总表, exporters/summary_xlsx.py).

A roll-up workbook is not a report: the roll-up lists it as skipped instead of
as unreadable, so that an office re-running a roll-up over a folder that holds
its earlier 汇总表 is told what the file is.
"""

from __future__ import annotations

from pathlib import Path

from exporters.xlsx_strings import STATUS_HEADERS, STATUS_SHEET


def is_summary_workbook(path: str | Path) -> bool:
    """True when `path` is a workbook whose first sheet is the 报送情况 sheet of a
    roll-up, headed as the roll-up writes it. Never raises: a file that cannot be
    checked (not a zip, hostile, unreadable) is not a roll-up workbook."""
    from importers.safety import check_office_zip

    path = Path(path)
    try:
        check_office_zip(path)
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # refused, damaged zip or XML: not ours, whatever was raised
        return False
    try:
        if not wb.sheetnames or wb.sheetnames[0] != STATUS_SHEET:
            return False
        ws = wb[STATUS_SHEET]
        for row in ws.iter_rows(min_row=2, max_row=2, values_only=True):
            return tuple(row[: len(STATUS_HEADERS)]) == STATUS_HEADERS
        return False
    except Exception:  # a sheet that cannot be parsed is not a roll-up workbook
        return False
    finally:
        wb.close()
