"""A workbook whose input cells hold formulas without stored results (written by
a program that does not calculate): each is named in a note that says how to
get its number, not counted among the blanks."""

from __future__ import annotations

import random

import openpyxl

from exporters.xlsx import export_xlsx
from importers.xlsx import import_xlsx
from tests.factories import random_report


def test_formulas_without_results_are_named(tmp_path):
    report = random_report(random.Random(3), 2023)
    export_xlsx(report, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")  # openpyxl stores no results
    ws = wb["三、依申请公开"]
    assert ws["A5"].value == "一、本年新收政府信息公开申请数量"
    ws["D5"] = "=100+92"  # 自然人
    ws["E7"] = "=SUM(E5:E6)"  # （一）予以公开 / 商业企业
    wb.save(tmp_path / "formulas.xlsx")
    result = import_xlsx(tmp_path / "formulas.xlsx")
    notes = [n for n in result.notes if "公式" in n]
    how = (
        "但文件中没有保存它的计算结果，按未填写导入；"
        "请先在 Excel 或 WPS 中打开该文件并保存，再重新导入"
    )
    assert notes == [
        "「三、依申请公开」D5（一、本年新收政府信息公开申请数量 · 自然人）是公式「=100+92」，"
        + how,
        "「三、依申请公开」E7（（一）予以公开 · 商业企业）是公式「=SUM(E5:E6)」，" + how,
    ]
    back = result.report
    assert back.is_blank("applications.new.natural")
    assert back.is_blank("applications.granted.commercial")
    assert not any("个单元格为空" in n for n in result.notes)  # named, not counted as blanks
    others = report.values()
    del others["applications.new.natural"], others["applications.granted.commercial"]
    assert {k: str(v) for k, v in back.values().items()} == {k: str(v) for k, v in others.items()}


def test_a_formula_with_a_stored_result_reads_its_result(tmp_path):
    report = random_report(random.Random(4), 2023)
    export_xlsx(report, tmp_path / "r.xlsx")
    path = tmp_path / "r.xlsx"
    # what Excel writes: the formula and its cached value
    import zipfile

    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        parts = {n: zf.read(n) for n in names}
    wb = openpyxl.load_workbook(path)
    index = wb.sheetnames.index("三、依申请公开") + 1
    sheet = f"xl/worksheets/sheet{index}.xml"
    natural = report.value("applications.new.natural")
    xml = parts[sheet].decode()
    start = xml.index('<c r="D5"')
    end = xml.index("</c>", start) + 4
    xml = xml[:start] + f'<c r="D5"><f>{natural}*1</f><v>{natural}</v></c>' + xml[end:]
    parts[sheet] = xml.encode()
    with zipfile.ZipFile(tmp_path / "cached.xlsx", "w") as zf:
        for n in names:
            zf.writestr(n, parts[n])
    result = import_xlsx(tmp_path / "cached.xlsx")
    assert result.report.value("applications.new.natural") == natural
    assert not any("公式" in n for n in result.notes)
