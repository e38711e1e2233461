"""LibreOffice recalculates the 同比表: its totals, 增减 and 增减率 equal the model's,
blanks stay blank, and a rate against 0 is not computed."""

from __future__ import annotations

import random
from pathlib import Path

import openpyxl
import pytest

from exporters.compare_xlsx import FIRST_ROW, export_compare_xlsx
from model.compare import compare
from tests.factories import random_report
from tests.integration.office import convert

pytestmark = pytest.mark.integration


def test_libreoffice_computes_what_the_model_says(tmp_path: Path):
    rng = random.Random(5)
    previous = random_report(rng, 2022, "某某市某某局")
    current = random_report(rng, 2023, "某某市某某局", blank_ratio=0.2)
    previous.set_values({"applications.new.natural": 0})
    current.set_values({"applications.new.natural": 4})
    path = tmp_path / "同比.xlsx"
    export_compare_xlsx(previous, current, path)
    recalculated = convert(path, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    book = openpyxl.load_workbook(recalculated, data_only=True)
    for table in compare(previous, current):
        sheet = book[current.spec.table_by_id[table.table].sheet_name]
        for i, cell in enumerate(table.cells):
            r = FIRST_ROW + 1 + i
            for col, value in ((3, cell.previous), (4, cell.current)):  # totals are formulas
                shown = sheet.cell(r, col).value
                if value is None:
                    assert shown in (None, ""), cell.cell
                else:
                    assert shown == pytest.approx(float(value)), cell.cell
            diff, rate = sheet.cell(r, 5).value, sheet.cell(r, 6).value
            if cell.difference is None:
                assert diff in (None, ""), cell.cell
                assert rate in (None, ""), cell.cell
                continue
            assert diff == pytest.approx(float(cell.difference)), cell.cell
            if cell.previous:
                assert rate == pytest.approx(float(cell.difference) / float(cell.previous))
            else:
                assert rate in (None, ""), cell.cell  # no rate against 0
