"""LibreOffice recalculates our workbooks: its totals equal the model's, and the R1
check row says 一致, or flags exactly the broken column.

The exported workbook stores each formula's result, but LibreOffice recalculates
on load (and its copy stores its own results), so every number read back from
LibreOffice's copy was computed by LibreOffice. All
reports go through one soffice run to keep the test fast.
"""

from __future__ import annotations

import random
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from exporters import xlsx_strings as s
from exporters.xlsx import export_xlsx, table_layout
from importers.xlsx import import_xlsx
from model.issues import Validation
from model.report import Report
from model.spec import BalanceRule
from tests.factories import random_report
from tests.integration.office import CONVERT_TIMEOUT, require_soffice

pytestmark = pytest.mark.integration


def _convert_all(paths: list[Path], outdir: Path) -> list[Path]:
    """xlsx -> xlsx through LibreOffice in one run (one start-up for all files)."""
    exe = require_soffice()
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        cmd = [
            exe,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(outdir),
            *map(str, paths),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=CONVERT_TIMEOUT)
    outs = [outdir / p.name for p in paths]
    missing = [p.name for p in outs if not p.exists()]
    assert not missing, f"LibreOffice did not convert {missing}: {proc.stdout}\n{proc.stderr}"
    return outs


def _reports() -> dict[str, Report]:
    out = {
        "random2023": random_report(random.Random(11), 2023),
        "random2020": random_report(random.Random(12), 2020),
    }
    broken = random_report(random.Random(13), 2023)
    cid = "applications.carried_out.social"
    broken.set_value(cid, broken.input_value(cid) + 5)
    out["broken"] = broken
    from model.sample import load_sample

    out["sample"] = load_sample()
    return out


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lo")
    (tmp / "out").mkdir()
    reports = _reports()
    paths = []
    for name, report in reports.items():
        path = tmp / f"{name}.xlsx"
        export_xlsx(report, path, Validation(()))
        paths.append(path)
    outs = _convert_all(paths, tmp / "out")
    return {
        name: (report, openpyxl.load_workbook(out, data_only=True), out)
        for (name, report), out in zip(reports.items(), outs, strict=True)
    }


def _number(value) -> Decimal:
    assert isinstance(value, (int, float)), value
    return Decimal(str(value))


def test_libreoffice_totals_equal_the_model(recalculated):
    checked, expected = 0, 0
    for name, (report, wb, _) in recalculated.items():
        for table in report.spec.tables:
            ws = wb[table.sheet_name]
            lay = table_layout(table, report.spec.rules)
            for cell in table.computed_cells:
                got = ws.cell(*lay.address[cell.id]).value
                assert _number(got) == (report.value(cell.id) or 0), (name, cell.id)
                checked += 1
        expected += len(report.spec.computed_cells)
    assert checked == expected > 0


def _check_row(report: Report, wb) -> dict[str, object]:
    table = report.spec.table_by_id["applications"]
    lay = table_layout(table, report.spec.rules)
    rule = next(r for r in report.spec.rules if isinstance(r, BalanceRule))
    ws = wb[table.sheet_name]
    return {
        col: ws.cell(lay.check_row, lay.address[table.cell_id(rule.left[0], col)][1]).value
        for col in rule.columns
    }


def test_check_row_says_consistent_for_consistent_reports(recalculated):
    for name in ("random2023", "random2020"):
        report, wb, _ = recalculated[name]
        assert set(_check_row(report, wb).values()) == {s.CHECK_OK}, name


def test_check_row_flags_exactly_the_broken_column(recalculated):
    report, wb, _ = recalculated["broken"]
    checks = _check_row(report, wb)
    # 四、结转 got 5 more: left side minus right side is -5 in 社会公益组织 and in 总计
    assert {k: v for k, v in checks.items() if v != s.CHECK_OK} == {"social": -5, "total": -5}


def test_check_row_of_the_sample_matches_the_model(recalculated):
    if "sample" not in recalculated:
        pytest.skip("the sample report is not available")
    report, wb, _ = recalculated["sample"]
    table = report.spec.table_by_id["applications"]
    rule = next(r for r in report.spec.rules if isinstance(r, BalanceRule))
    for col, got in _check_row(report, wb).items():

        def side(rows, col=col):
            return sum(report.value(table.cell_id(r, col)) or 0 for r in rows)

        diff = side(rule.left) - side(rule.right)
        assert got == (s.CHECK_OK if diff == 0 else diff), col


def test_a_workbook_saved_by_libreoffice_imports_back(recalculated):
    for name, (report, _, out) in recalculated.items():
        result = import_xlsx(out)
        assert result.report.values() == report.values(), name
        assert result.report.meta == report.meta, name
        assert result.report.texts == report.texts, name
        # LibreOffice saved its results: every total it shows agrees with the model
        assert not [n for n in result.notes if "按各项相加" in n], name
