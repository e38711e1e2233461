"""Any report the draft loader accepts survives export → import unchanged, at the
limits of model.limits too: through the workbook exactly, through the Word
document as Word prints it (texts one paragraph per line)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters.xlsx import export_xlsx
from importers import importer_for
from model import limits
from model.drafts import report_from_dict, report_to_dict
from model.spec import ValueKind
from model.values import format_value
from tests.factories import limit_reports

# Names for the random reports: the Word document takes AGENCIES (real names' shapes).
WORD_AGENCY_CHARS = 40
NAME = "某市县区省人民政府办公室教育局委员会（）()中心1２"  # a name, not punctuation

# Agency names as they are built: a place (or none), a body, sometimes a second name
# in brackets — short and long, a county's department and an autonomous prefecture.
AGENCIES = st.builds(
    "".join,
    st.tuples(
        st.sampled_from(
            ["", "某某省", "某某市", "某某市某某区", "某某县", "新疆维吾尔自治区伊犁哈萨克自治州"]
        ),
        st.sampled_from(
            [
                "人民政府",
                "人民政府办公室",
                "教育局",
                "市场监督管理局",
                "发展和改革委员会",
                "住房和城乡建设局",
                "某某街道办事处",
                "经济技术开发区管理委员会",
            ]
        ),
        st.sampled_from(["", "（人民防空办公室）", "（区政务服务管理局、区大数据管理局）"]),
    ),
)

_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _loader_accepts(report) -> None:
    data = json.loads(json.dumps(report_to_dict(report), ensure_ascii=False))
    assert report_from_dict(data) == report


@_SETTINGS
@given(report=limit_reports())
def test_workbook_round_trip_is_exact(tmp_path, report):
    _loader_accepts(report)
    path = tmp_path / "r.xlsx"
    export_xlsx(report, path)
    back = importer_for(path)(path).report
    # the one normalisation: spaces around the agency name (typed in Excel) are dropped
    report.meta.agency = report.meta.agency.strip()
    assert back.meta == report.meta
    assert back.texts == report.texts
    assert {k: str(v) for k, v in back.values().items()} == {
        k: str(v) for k, v in report.values().items()
    }
    assert back.units() == report.units()
    assert back == report


def _as_printed(text: str) -> str:
    """A narrative as the Word document prints it: one paragraph per non-empty line,
    indentation dropped (the style indents)."""
    from exporters.docx.layout import paragraphs

    return "\n".join(paragraphs(text))


@_SETTINGS
@given(
    report=limit_reports(max_agency=WORD_AGENCY_CHARS, dated=True, agency_alphabet=NAME),
    agency=AGENCIES,
)
def test_word_round_trip_keeps_every_number(tmp_path, report, agency):
    from exporters.docx import export_docx

    # the Word document's title and signature carry the name: one of the shapes real
    # names take (random letters are no agency's name; the workbook test takes them)
    report.set_meta(agency=agency)
    _loader_accepts(report)
    path = tmp_path / "r.docx"
    export_docx(report, path)
    back = importer_for(path)(path).report
    assert back.format_id == report.format_id
    assert _as_printed_numbers(back) == _as_printed_numbers(report)
    assert back.meta.year == report.meta.year
    assert back.meta.date == report.meta.date
    assert back.meta.agency == report.meta.agency.strip()
    assert back.texts == {k: _as_printed(v) for k, v in report.texts.items()}


def _as_printed_numbers(report) -> dict[str, tuple[str, str | None]]:
    """Every input as Word prints it (a blank stays blank), with its unit."""
    return {
        cell.id: (format_value(report.value(cell.id)), report.unit(cell.id))
        for cell in report.spec.inputs
    }


# ---- at the limits, once each --------------------------------------------------------------


def _full(year: int = 2023, agency: str = "局" * limits.MAX_AGENCY_CHARS):
    """A report at every limit at once: texts of MAX_TEXT_CHARS, a name of
    MAX_AGENCY_CHARS, the largest count and amount."""
    import datetime as dt
    import random

    from model.fees import FEE_AMOUNT, FEE_COUNT
    from tests.factories import random_report

    report = random_report(random.Random(year), year, agency=agency)
    report.set_meta(date=dt.date(year + 1, 1, 20))
    for section in report.spec.text_sections:
        report.set_text(section.id, ("第一段文字，" * 10 + "\n") * (limits.MAX_TEXT_CHARS // 61))
    counts = [c for c in report.spec.inputs if c.kind is ValueKind.COUNT]
    report.set_value(counts[0].id, limits.MAX_COUNT)
    money = next(c for c in report.spec.inputs if c.kind is ValueKind.MONEY)
    report.set_value(money.id, limits.MAX_MONEY)
    report.set_extra(FEE_COUNT, limits.MAX_COUNT)
    report.set_extra(FEE_AMOUNT, limits.MAX_MONEY)
    return report


def test_a_report_at_every_limit_saves_opens_and_survives_the_workbook(tmp_path):
    from model.drafts import load_draft, save_draft

    report = _full()
    assert max(len(t) for t in report.texts.values()) > limits.MAX_TEXT_CHARS - 100
    draft = save_draft(report, tmp_path / "full.nianbao")
    assert draft.stat().st_size < limits.MAX_DRAFT_BYTES
    assert load_draft(draft) == report
    path = tmp_path / "full.xlsx"
    export_xlsx(report, path)
    back = importer_for(path)(path).report
    assert back == report


def test_a_report_at_every_limit_but_its_name_survives_the_word_document(tmp_path):
    from exporters.docx import export_docx

    report = _full(agency="某某市某某局")
    path = tmp_path / "full.docx"
    export_docx(report, path)
    back = importer_for(path)(path).report
    assert _as_printed_numbers(back) == _as_printed_numbers(report)
    assert back.texts == {k: _as_printed(v) for k, v in report.texts.items()}


def test_word_keeps_an_agency_name_of_the_longest_length(tmp_path):
    """The title and the signature break a long name over many lines; both are
    read back whole (the signature's lines joined as the title names it)."""
    import datetime as dt

    from exporters.docx import export_docx
    from model.report import Report

    report = Report(
        "2021", 2023, "某市" * (limits.MAX_AGENCY_CHARS // 2), date=dt.date(2024, 1, 20)
    )
    export_docx(report, tmp_path / "r.docx")
    back = importer_for(tmp_path / "r.docx")(tmp_path / "r.docx").report
    assert (back.meta.agency, back.meta.year) == (report.meta.agency, 2023)


def test_workbook_keeps_printed_totals_and_the_summary_marker(tmp_path):
    import random

    from model.report import SummaryInfo, SummarySource
    from tests.factories import random_report

    report = random_report(random.Random(3), 2023)
    total = next(c.id for c in report.spec.cell_by_id.values() if c.computed)
    report.set_printed({total: 5})
    report.set_summary(SummaryInfo((SummarySource("甲局", 2023, "department", "a.nianbao"),)))
    export_xlsx(report, tmp_path / "r.xlsx")
    back = importer_for(tmp_path / "r.xlsx")(tmp_path / "r.xlsx").report
    assert (back.printed(), back.summary) == (report.printed(), report.summary)


# ---- cases that once did not come back ------------------------------------------------------


def test_word_keeps_section_six_of_a_report_without_a_date(tmp_path):
    from exporters.docx import export_docx
    from model.report import Report

    report = Report("2021", 2023, "某局")
    export_docx(report, tmp_path / "r.docx")
    back = importer_for(tmp_path / "r.docx")(tmp_path / "r.docx").report
    assert back.texts == report.texts


def test_a_name_with_a_control_character_never_reaches_the_workbook(tmp_path):
    """The model refuses a control character in a name (model.texts); a name with a
    line break is one line, and the workbook gives it back as it is held."""
    from model.report import Report
    from model.values import InvalidValue

    with pytest.raises(InvalidValue, match="U\\+0001"):
        Report("2021", 2023, "某某\x01局")
    report = Report("2021", 2023, "某某市\n某某局")
    assert report.meta.agency == "某某市某某局"
    export_xlsx(report, tmp_path / "r.xlsx")
    assert importer_for(tmp_path / "r.xlsx")(tmp_path / "r.xlsx").report == report


def test_workbook_keeps_a_manual_line_break_in_a_text(tmp_path):
    from model.report import Report

    report = Report("2021", 2023, "某局")
    report.set_text("一", "第一行\x0b第二行")  # Word's manual line break, pasted
    assert report.texts["一"] == "第一行\n第二行"
    export_xlsx(report, tmp_path / "r.xlsx")
    back = importer_for(tmp_path / "r.xlsx")(tmp_path / "r.xlsx").report
    assert back.texts["一"] == "第一行\n第二行"
