"""Every kind of export passes a strict OOXML validator (openxml-audit, a port of the
Open XML SDK's) for Office 2010 and later: Word and Excel, both formats, the sample,
a big-number report, long and hostile texts, a report printed in pieces."""

from __future__ import annotations

import random

import pytest
from openxml_audit import FileFormat, OpenXmlValidator

from exporters.docx import export_docx
from exporters.xlsx import export_xlsx
from model.report import Report
from tests.factories import big_report, max_report, random_report

LONG = (
    "（一）加强领导，工作到位。"
    + "这是一段很长的正文，包括网址https://www.example.gov.cn/xxgk/index_20240101.html和编号123456789012345678。"
    * 40
)


def _reports() -> dict[str, Report]:
    from model.sample import load_sample

    long = random_report(
        random.Random(5), 2023, "新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县人民政府"
    )
    for section in long.spec.text_sections:
        # a pasted manual line break and a tab (other controls: the report refuses them)
        long.set_text(section.id, "\n".join([LONG] * 5) + "\x0b手动换行\t制表符")
    return {
        "sample": load_sample(),
        "full2020": random_report(random.Random(1), 2020),
        "full2023": random_report(random.Random(2), 2023),
        "blanks": random_report(random.Random(3), 2023, blank_ratio=0.4),
        "big2020": big_report(random.Random(4), 2020),
        "big2023": big_report(random.Random(6), 2023),
        "long": long,
        "max2020": max_report(2020),  # wide tables on landscape sections
        "max2023": max_report(2023),
        "empty": Report("2021", 2023, ""),
    }


@pytest.mark.parametrize("office", [FileFormat.OFFICE_2010, FileFormat.OFFICE_2021])
@pytest.mark.parametrize("name", list(_reports()))
def test_exports_have_no_schema_or_package_errors(tmp_path, name, office):
    report = _reports()[name]
    validator = OpenXmlValidator(file_format=office)
    for suffix, export in (("docx", export_docx), ("xlsx", export_xlsx)):
        path = tmp_path / f"{name}.{suffix}"
        export(report, path)
        result = validator.validate(str(path))
        assert result.errors == [], (suffix, [str(e) for e in result.errors[:5]])


def test_the_package_is_truthful(tmp_path):
    """No 兼容模式, the page at 100%, the program named in app.xml without false page
    or word counts, no leftover numbering part, no ids shared by every export."""
    import zipfile

    path = tmp_path / "r.docx"
    export_docx(random_report(random.Random(1), 2023), path)
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        settings = z.read("word/settings.xml").decode()
        app = z.read("docProps/app.xml").decode()
        parts = {n: z.read(n).decode() for n in names if n.endswith(".xml")}
    assert not [n for n, xml in parts.items() if "w:rsid" in xml]  # no template ids
    assert 'w:name="compatibilityMode"' in settings and 'w:val="15"' in settings
    assert '<w:zoom w:percent="100"/>' in settings
    assert "rsid" not in settings and "docId" not in settings
    assert "<Application>年报填报助手 " in app
    assert "<Pages>" not in app and "<Words>" not in app and "Macintosh" not in app
    assert "word/numbering.xml" not in names
