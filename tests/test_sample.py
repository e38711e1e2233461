"""The built-in sample is the 2020 report of 舟山市定海区经济和信息化局, as printed."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from decimal import Decimal

from model import sample
from model.rules import validate
from model.sample import load_sample

# Transcribed from the published report (section 二 as printed).
ACTIVE = {
    "art20_1.regulations.made": 0,
    "art20_1.regulations.published": 0,
    "art20_1.regulations.total_public": 0,
    "art20_1.normative_docs.made": 2,
    "art20_1.normative_docs.published": 2,
    "art20_1.normative_docs.total_public": 2,
    "art20_5.licensing.prev_items": 3,
    "art20_5.licensing.change": -1,
    "art20_5.licensing.decisions": 2,
    "art20_5.other_services.prev_items": 21,
    "art20_5.other_services.change": -14,
    "art20_5.other_services.decisions": 5,
    "art20_6.penalty.prev_items": 0,
    "art20_6.penalty.change": 0,
    "art20_6.penalty.decisions": 0,
    "art20_6.enforcement.prev_items": 0,
    "art20_6.enforcement.change": 0,
    "art20_6.enforcement.decisions": 0,
    "art20_8.fees.prev_items": 0,
    "art20_8.fees.change": 0,
    "art20_9.procurement.projects": 5,
    "art20_9.procurement.amount": Decimal(109994),
}
# Section 三 prints only these; every other cell of 三 is blank in the original.
APPLICATIONS = {"new.natural": 1, "carried_in.natural": 0, "granted.natural": 1}
APPLICATIONS_OUT = {"carried_out.natural": 0}


def test_meta():
    report = load_sample()
    assert report.spec.id == "2019"
    assert report.meta.agency == "舟山市定海区经济和信息化局"
    assert report.meta.year == 2020
    assert report.meta.kind == "department"
    assert report.meta.date == dt.date(2021, 1, 8)
    assert report.previous is None
    assert report.extras == {}


def test_values_as_printed():
    report = load_sample()
    expected = {f"active.{k}": v for k, v in ACTIVE.items()}
    expected |= {f"applications.{k}": v for k, v in {**APPLICATIONS, **APPLICATIONS_OUT}.items()}
    assert report.values() == expected
    assert report.unit("active.art20_9.procurement.amount") == "元"
    assert report.amount_in("active.art20_9.procurement.amount", "万元") == Decimal("10.9994")
    # 三's 总计 column follows from the single printed column
    assert report.value("applications.new.total") == 1
    assert report.value("applications.total.natural") == 1
    assert report.value("applications.partial.natural") is None


def test_section_four_is_blank_its_printed_zeros_are_computed_totals():
    report = load_sample()
    table = report.spec.table_by_id["appeals"]
    assert all(report.is_blank(c.id) for c in table.inputs)
    assert all(report.value(c.id) is None for c in table.computed_cells)
    # what the original printed in the totals is kept (R16), never used as a value
    printed = report.printed()
    assert {c.id: printed.get(c.id) for c in table.computed_cells} == {
        "appeals.review.total": 0,
        "appeals.suit_direct.total": 0,
        "appeals.suit_after_review.total": 0,
    }
    blank_totals = [k for k, v in printed.items() if k.startswith("applications.")]
    assert all(printed[k] is None for k in blank_totals) and len(blank_totals) == 6


def test_texts():
    report = load_sample()
    one = report.texts["一"].split("\n")
    assert len(one) == 6
    assert one[0].startswith("2020年，定海区经济和信息化局政务公开工作以习近平新时代")
    assert one[0].endswith("推进政务管理的制度化、规范化、科学化和民主化。")
    assert [p[:3] for p in one[1:]] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert one[1].startswith("（一）加强领导，工作到位。")
    assert "《舟山市定海区人民政府办公室关于印发 2020 年定海区政务公开工作要点的通知》" in one[0]
    assert one[5].endswith("使公开工作更加扎实、有序开展。")
    five = report.texts["五"].split("\n")
    assert len(five) == 2
    assert five[0].startswith("2020年，我局政务公开工作稳步有序开展")
    assert five[1].startswith("下一步，我局将进一步加强对政务公开工作的组织领导")
    assert five[1].endswith("提高公开的时效性。")
    assert "bookmark" not in report.texts["五"]
    assert report.texts["六"] == ""


def test_the_validator_finds_the_originals_faults():
    issues = validate(load_sample()).issues
    rules = {i.rule for i in issues}
    assert "R6" in rules  # most cells blank instead of 0
    assert any(i.rule == "R13" and i.cell == "text.六" for i in issues)  # 六 missing
    assert "R1" not in rules  # the one printed column balances: 1 + 0 = 1 + 0
    # 三's totals printed blank over a filled column; 四's printed 0 over blank items
    r16 = [i for i in issues if i.rule == "R16"]
    assert len(r16) == 4 and r16[0].cell.startswith("applications.")


def test_each_load_is_a_fresh_copy():
    first = load_sample()
    first.set_value("applications.new.natural", 9)
    assert load_sample().value("applications.new.natural") == 1


def test_found_inside_a_pyinstaller_bundle(tmp_path, monkeypatch):
    bundle = tmp_path / "bundle"
    (bundle / "resources").mkdir(parents=True)
    shutil.copy(sample.sample_path(), bundle / "resources" / sample.SAMPLE_FILE)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert sample.sample_path() == bundle / "resources" / sample.SAMPLE_FILE
    assert load_sample().meta.agency == "舟山市定海区经济和信息化局"
