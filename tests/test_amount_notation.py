"""An amount is read one way at every door — typed in a cell or in the fee
dialog, printed in a Word/web/PDF report, stored in a draft: plain decimal
notation. 「1e2」 is not 100 and 「Infinity」 is no number anywhere."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from model.drafts import load_draft, save_draft
from model.fees import parse_amount as parse_fee_amount
from model.report import Report
from model.spec import ValueKind
from model.values import InvalidValue, parse_amount, parse_value

NOT_PLAIN = ["1e2", "1E+2", "Infinity", "NaN", "0x10", "1_000", "8,90281"]


def _money_cell():
    report = Report("2021", 2023, "某局")
    return report, next(c for c in report.spec.inputs if c.kind is ValueKind.MONEY)


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_typed_amount_in_other_notation_is_refused(text):
    _report, cell = _money_cell()
    with pytest.raises(InvalidValue):
        parse_value(text, cell)
    with pytest.raises(InvalidValue):
        parse_amount(text, text)


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_fee_amount_in_other_notation_is_refused(text):
    with pytest.raises(ValueError):
        parse_fee_amount(text)


def test_plain_amounts_are_read_as_written():
    assert parse_amount("8902.81", "8902.81") == Decimal("8902.81")
    assert str(parse_amount("12.50", "12.50")) == "12.50"
    assert parse_fee_amount("1,200.5元") == Decimal("1200.5")


@pytest.mark.parametrize("stored", ["1e2", "Infinity", "1E+2"])
def test_a_draft_holding_an_amount_in_other_notation_is_refused(tmp_path, stored):
    from model.drafts import DraftError

    report, cell = _money_cell()
    report.set_value(cell.id, Decimal("100"))
    path = save_draft(report, tmp_path / "hand-edited.nianbao")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["report"]["values"][cell.id] = stored
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DraftError) as refused:
        load_draft(path)
    assert cell.id in str(refused.value)


def test_a_saved_amount_loads_back_exactly(tmp_path):
    report, cell = _money_cell()
    report.set_value(cell.id, Decimal("0.000001"))
    assert load_draft(save_draft(report, tmp_path / "r.nianbao")).value(cell.id) == Decimal(
        "0.000001"
    )


@pytest.mark.parametrize("printed", ["1e2", "Infinity"])
def test_a_published_amount_in_other_notation_is_named_not_read(tmp_path, printed):
    from exporters.html import export_html
    from importers import importer_for

    report, cell = _money_cell()
    report.set_value(cell.id, Decimal("8902.81"))
    page = tmp_path / "r.html"
    export_html(report, page)
    text = page.read_text(encoding="utf-8")
    assert text.count(">8902.81<") == 1
    page.write_text(text.replace(">8902.81<", f">{printed}<"), encoding="utf-8")
    result = importer_for(page)(page)
    assert result.report.value(cell.id) is None
    assert any(printed in note and "按未填写导入" in note for note in result.notes)
