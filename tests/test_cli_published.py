"""Every command takes published reports: import, validate, compare, new --from,
aggregate; `validate FOLDER --xlsx` checks a folder; `export --html`; old .doc."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cli import EXIT_ISSUES, EXIT_OK, EXIT_UNREADABLE, main
from exporters.html import export_html
from importers import SUFFIXES, importer_for
from model.aggregate import REPORT_SUFFIXES
from model.drafts import load_draft, save_draft
from tests.factories import random_report
from tests.html_fixtures import published_page
from tests.pdf_fixtures import SOFFICE
from tests.shared_cases import PUBLISHED

HONGZE = PUBLISHED / "published-pdf_2024-hongze.pdf"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_reader_is_registered_once():
    for suffix in (".html", ".htm", ".pdf", ".doc", ".docx", ".xlsx"):
        assert suffix in SUFFIXES and suffix in REPORT_SUFFIXES
        assert importer_for(Path(f"x{suffix.upper()}")) is not None


def test_import_a_gbk_web_page(capsys, tmp_path):
    report = random_report(random.Random(1), 2023)
    page = tmp_path / "年报.htm"
    page.write_bytes(published_page(report, encoding="gbk", site=True, split_active=True))
    code, _out, _err = run(capsys, "import", str(page), "-o", str(tmp_path / "a.nianbao"))
    assert code == EXIT_OK
    assert load_draft(tmp_path / "a.nianbao").values() == report.values()


def test_validate_a_published_pdf_directly(capsys):
    code, out, _err = run(capsys, "validate", str(HONGZE))
    assert code == EXIT_OK  # warnings only
    assert "导入" in out and "R10" in out and "17" in out


def test_compare_and_new_from_a_published_page(capsys, tmp_path):
    last = random_report(random.Random(2), 2022)
    page = tmp_path / "2022年报.html"
    export_html(last, page)
    this = random_report(random.Random(3), 2023)
    save_draft(this, tmp_path / "2023.nianbao")
    code, out, _err = run(capsys, "compare", str(page), str(tmp_path / "2023.nianbao"))
    assert code == EXIT_OK and "2022 年 → 2023 年" in out
    code, _out, err = run(
        capsys, "new", "--year", "2023", "--from", str(page), "-o", str(tmp_path / "n.nianbao")
    )
    assert code == EXIT_OK, err
    new = load_draft(tmp_path / "n.nianbao")
    carried = last.value("applications.carried_out.total")
    assert new.value("applications.carried_in.total") == carried


def test_export_html_option(capsys, tmp_path):
    report = random_report(random.Random(4), 2023)
    save_draft(report, tmp_path / "a.nianbao")
    code, out, _err = run(
        capsys, "export", str(tmp_path / "a.nianbao"), "--html", str(tmp_path / "a.html")
    )
    assert code == EXIT_OK and "已导出网页" in out
    code, _out, err = run(
        capsys, "export", str(tmp_path / "a.nianbao"), "--html", str(tmp_path / "a.txt")
    )
    assert code == EXIT_UNREADABLE and ".html" in err


def test_folder_check_writes_one_row_per_report_and_every_finding(capsys, tmp_path):
    folder = tmp_path / "各单位"
    (folder / "区级").mkdir(parents=True)
    on_time = random_report(random.Random(5), 2023, agency="某某市甲局")
    export_html(on_time, folder / "甲局.html")
    late = random_report(random.Random(6), 2023, agency="某某市乙局")
    late.set_meta(date=dt.date(2024, 2, 5))
    late.set_values({"applications.new.natural": 100_000})  # breaks the balance: errors
    save_draft(late, folder / "区级" / "乙局.nianbao")
    shutil.copy(HONGZE, folder / "洪泽区.pdf")
    (folder / "坏的.pdf").write_bytes(b"not a pdf")
    out_xlsx = tmp_path / "检查结果.xlsx"
    code, out, _err = run(capsys, "validate", str(folder), "--xlsx", str(out_xlsx))
    assert code == EXIT_ISSUES  # one report has errors, one cannot be read
    assert "共 4 份：1 份无法读取，1 份有错误，1 份逾期，1 份未写成文日期" in out

    book = load_workbook(out_xlsx)
    rows = list(book["检查结果"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:10] == ("序号", "机关名称", "年度", "格式", "错误", "警告", "空白单元格",
                           "成文日期", "公开期限", "是否按期")  # fmt: skip
    by_agency = {r[1]: r for r in body}
    assert by_agency["某某市甲局"][9] == "按期"
    assert by_agency["某某市乙局"][4] > 0 and by_agency["某某市乙局"][9] == "逾期 5 天"
    assert by_agency["某某市乙局"][7].date() == dt.date(2024, 2, 5)
    assert by_agency["淮安市洪泽区人民政府"][9] == "未写成文日期"
    unreadable = [r for r in body if r[12]]
    assert len(unreadable) == 1 and "坏的.pdf" in unreadable[0][11]

    findings = list(book["问题清单"].iter_rows(values_only=True))[1:]
    hongze = [f for f in findings if f[1] == "淮安市洪泽区人民政府"]
    assert any(f[5] == "R10" and f[6] == "一、总体情况（正文）" for f in hongze)
    errors = [f for f in findings if f[1] == "某某市乙局" and f[4] == "错误"]
    assert errors and all(f[6] for f in errors)
    assert any("自然人" in f[6] for f in errors)


def test_folder_check_lists_a_summary_workbook_as_no_report_not_as_unreadable(capsys, tmp_path):
    from exporters.summary_xlsx import export_summary_xlsx
    from model.aggregate import aggregate

    folder = tmp_path / "各单位"
    folder.mkdir()
    reports = [random_report(random.Random(n), 2023, agency=f"某某市{n}局") for n in (1, 2)]
    for n, report in enumerate(reports):
        save_draft(report, folder / f"{n}.nianbao")
    export_summary_xlsx(aggregate([folder]), folder / "上次汇总表.xlsx")
    code, out, _err = run(capsys, "validate", str(folder))
    assert code in (EXIT_OK, EXIT_ISSUES)  # the summary workbook makes no failure
    row = next(line for line in out.splitlines() if line.startswith("上次汇总表.xlsx"))
    assert "汇总表" in row and "无法读取" not in row
    assert "共 2 份：0 份无法读取" in out


def test_folder_check_options(capsys, tmp_path):
    code, _out, err = run(capsys, "validate", str(tmp_path))
    assert code == EXIT_UNREADABLE and "没有可检查的报告文件" in err
    code, _out, err = run(capsys, "validate", str(HONGZE), "--xlsx", str(tmp_path / "x.xlsx"))
    assert code == EXIT_UNREADABLE and "文件夹" in err


def test_aggregate_takes_published_pages(capsys, tmp_path):
    a = random_report(random.Random(7), 2023, agency="甲局")
    b = random_report(random.Random(8), 2023, agency="乙局")
    export_html(a, tmp_path / "甲.html")
    save_draft(b, tmp_path / "乙.nianbao")
    code, out, _err = run(capsys, "aggregate", str(tmp_path), "-o", str(tmp_path / "s.nianbao"))
    assert code == EXIT_OK and "2 份报告已汇总" in out


def test_doc_without_libreoffice_says_how_to_save_as_docx(tmp_path, monkeypatch):
    from importers import ImportRefused, doc

    monkeypatch.setattr(doc, "find_soffice", lambda: None)
    path = tmp_path / "旧.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0 old word")
    with pytest.raises(ImportRefused) as refused:
        doc.import_doc(path)
    assert "另存为" in str(refused.value) and ".docx" in str(refused.value)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_old_doc_is_converted_and_imported(tmp_path):
    import subprocess

    from exporters.docx import export_docx
    from importers.doc import import_doc

    report = random_report(random.Random(9), 2023)
    export_docx(report, tmp_path / "年报.docx")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc",
         "--outdir", str(tmp_path / "doc"), str(tmp_path / "年报.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    result = import_doc(tmp_path / "doc" / "年报.doc")
    assert result.report.values() == report.values()
    assert result.report.meta == report.meta
    assert "LibreOffice" in result.notes[0]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_a_broken_doc_is_refused_cleanly(tmp_path):
    from importers import ImportRefused
    from importers.doc import import_doc

    path = tmp_path / "坏.doc"
    path.write_bytes(b"\x00" * 100)
    with pytest.raises(ImportRefused) as refused:
        import_doc(path)
    assert "坏.doc" in str(refused.value)


def test_the_folder_check_workbook_prints_well_and_lists_every_import_note(capsys, tmp_path):
    """Landscape pages fitted to the width with the header repeated, widths that
    show every date, and each report's import notes, 注意 first: a reviewer sees
    when the reader, not the agency, lost cells."""
    folder = tmp_path / "各单位"
    folder.mkdir()
    report = random_report(random.Random(5), 2023, agency="某某市甲局")
    report.set_meta(date=dt.date(2024, 1, 20))
    export_html(report, folder / "甲局.html")
    page = (folder / "甲局.html").read_text(encoding="utf-8")
    # a cell the page hides, and 四 printed without its table: notes of both levels
    page = page.replace("</h1>", '<span style="display:none">隐藏的 9</span></h1>', 1)
    (folder / "甲局.html").write_text(page, encoding="utf-8")
    shutil.copy(HONGZE, folder / "洪泽区.pdf")
    out_xlsx = tmp_path / "检查结果.xlsx"
    run(capsys, "validate", str(folder), "--xlsx", str(out_xlsx))
    book = load_workbook(out_xlsx)
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.freeze_panes == "A2"
    rows = book["检查结果"]
    for letter in ("H", "I"):  # 成文日期, 公开期限: wide enough for 「2024年12月31日」
        assert rows.column_dimensions[letter].width >= 15
    notes = list(book["导入提示"].iter_rows(values_only=True))
    assert notes[0] == ("序号", "机关名称", "年度", "文件", "级别", "导入提示")
    by_file: dict[str, list[str]] = {}
    for row in notes[1:]:
        by_file.setdefault(row[3], []).append(row[4])
    hongze = next(levels for file, levels in by_file.items() if file.endswith("洪泽区.pdf"))
    assert hongze and hongze == sorted(hongze, key=lambda level: level != "注意")
    page_notes = next(
        [r[5] for r in notes[1:] if r[3] == file] for file in by_file if file.endswith(".html")
    )
    assert any("「隐藏的 9」未导入" in n for n in page_notes)
