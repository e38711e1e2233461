"""LibreOffice recalculates our workbooks: its totals equal the model's (blank when
all their parts are blank), and the R1 check row says 一致, or flags exactly the
broken column. LibreOffice also prints them: no cell shows 「###」, every number is
printed whole, and a long text on 基本信息 is printed to its last character.

The exported workbook stores each formula's result, but LibreOffice recalculates
on load (and its copy stores its own results), so every number read back from
LibreOffice's copy was computed by LibreOffice. All reports go through one
soffice run per target (xlsx, pdf) to keep the test fast.
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
from tests.factories import max_report, random_report
from tests.integration.office import CONVERT_TIMEOUT, pdf_text, require_soffice

pytestmark = pytest.mark.integration


def _convert_all(paths: list[Path], outdir: Path, target: str = "xlsx") -> list[Path]:
    """xlsx -> xlsx (or pdf) through LibreOffice in one run (one start-up for all)."""
    exe = require_soffice()
    fmt = "xlsx:Calc MS Excel 2007 XML" if target == "xlsx" else target
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        cmd = [
            exe,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            *map(str, paths),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=CONVERT_TIMEOUT)
    outs = [outdir / f"{p.stem}.{target}" for p in paths]
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
    out["max2023"] = max_report(2023)
    blanks = random_report(random.Random(14), 2023, blank_ratio=0.5)
    row = [c.id for c in blanks.spec.inputs if c.id.startswith("applications.new.")]
    blanks.set_values(dict.fromkeys(row, None))  # a total over blank parts only
    out["blanks"] = blanks
    long = random_report(random.Random(15), 2023)
    sentence = "本机关坚持以公开为常态、不公开为例外，详见https://www.example.gov.cn/xxgk/。"
    long.set_text("一", "\n".join(f"（{i}）第{i}段。" + sentence * (1 + i % 6) for i in range(40)))
    long.set_text("五", "".join(f"第{i}段无标点的文字" for i in range(2500)))  # never repeats
    out["long"] = long
    return out


printed: dict[str, str] = {}  # report name -> the text of the PDF LibreOffice printed


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
    pdfs = _convert_all(paths, tmp / "pdf", "pdf")
    printed.update({name: pdf_text(pdf) for name, pdf in zip(reports, pdfs, strict=True)})
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
                want = report.value(cell.id)
                if want is None:  # every part blank: the total is blank too
                    assert got in (None, ""), (name, cell.id, got)
                else:
                    assert _number(got) == want, (name, cell.id)
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


def _squeeze(text: str) -> str:
    return "".join(text.split())


def test_no_cell_shows_hashes_and_every_number_prints_whole(recalculated):
    """Columns follow the widest value, totals included (exporters.xlsx): LibreOffice
    never prints 「###」, and every count and total is printed with all its digits."""
    for name, (report, _, _) in recalculated.items():
        text = printed[name]
        assert "###" not in text, name
        words = set(text.split())
        for table in report.spec.tables:
            for cell in table.cells:
                value = report.value(cell.id)
                if isinstance(value, int):
                    assert str(value) in words, (name, cell.id, value)


def test_long_texts_are_printed_to_their_last_character(recalculated):
    """Texts taller than a row can be continue on 「（续）」 rows: nothing is cut off
    at the 409 pt a row may have — the end of every row is printed (LibreOffice
    leaves out of its PDF what a row clips; the texts never repeat themselves)."""
    from exporters.xlsx import text_rows

    report, _, _ = recalculated["long"]
    text = _squeeze(printed["long"])
    for section in ("一", "五"):
        rows = text_rows(section, report.texts[section])
        assert len(rows) > 2
        for _, chunk in rows:
            assert _squeeze(chunk)[-12:] in text, (section, chunk[-12:])
