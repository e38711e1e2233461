"""Properties of the rule engine over random reports of both formats."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.issues import Severity
from model.report import Report
from model.rules import validate
from model.spec import BalanceRule
from tests.factories import reports

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _balance(report: Report) -> BalanceRule:
    (rule,) = (r for r in report.spec.rules if isinstance(r, BalanceRule))
    return rule


def _r1_columns(report: Report) -> set[str]:
    """The columns R1 complains about (each R1 issue points at its 第一项 cell)."""
    spec = report.spec
    return {spec.cell_by_id[i.cell].col for i in validate(report).issues if i.rule == "R1"}


@FAST
@given(reports())
def test_consistent_reports_have_no_error(report: Report):
    result = validate(report)
    assert not result.has_errors, [i.message for i in result.issues if i.severity is Severity.ERROR]
    # and the issues come errors first, then warnings, then hints
    ranks = [i.severity.rank for i in result.issues]
    assert ranks == sorted(ranks)


@FAST
@given(reports(), st.data())
def test_changing_one_input_of_section_three_breaks_r1_in_its_column(report: Report, data):
    """Every input of 三 is one of the four items of its column (rows 一, 二, 四
    directly, result rows through （七）总计), so changing it by d ≠ 0 unbalances
    that column. The 总计 column's items are row sums of the input columns, so
    each of them moves by the same d: the 总计 column breaks too. No other
    column is touched, so R1 names exactly {column, 总计}."""
    rule = _balance(report)
    table = report.spec.table_by_id[rule.table]
    cell = data.draw(st.sampled_from(table.inputs), label="cell")
    delta = data.draw(st.integers(1, 50), label="delta")
    old = report.input_value(cell.id)
    assert old is not None
    # keep counts ≥ 0 so the change itself raises no R5
    report.set_value(
        cell.id, old + delta if data.draw(st.booleans()) or old < delta else old - delta
    )
    total_col = next(
        c for c in rule.columns if table.cell_by_id[table.cell_id(rule.left[0], c)].computed
    )
    assert _r1_columns(report) == {cell.col, total_col}
    errors = {i.rule for i in validate(report).issues if i.severity is Severity.ERROR}
    assert errors == {"R1"}


@FAST
@given(reports(), st.data())
def test_same_change_on_both_sides_keeps_the_balance(report: Report, data):
    """Adding d to 一、本年新收 and to a result row of the same column keeps R1."""
    rule = _balance(report)
    table = report.spec.table_by_id[rule.table]
    inputs = [c for c in table.inputs if c.row == rule.left[0]]
    cell = data.draw(st.sampled_from(inputs), label="column")
    totals = table.cell_by_id[table.cell_id(rule.right[0], cell.col)]
    result = data.draw(st.sampled_from(totals.terms), label="result row")
    delta = data.draw(st.integers(1, 50), label="delta")
    report.set_values(
        {
            cell.id: report.input_value(cell.id) + delta,  # type: ignore[operator]
            result: report.input_value(result) + delta,  # type: ignore[operator]
        }
    )
    assert _r1_columns(report) == set()


@FAST
@given(reports(blank_ratio=0.2))
def test_blanks_are_counted_per_table_and_every_blank_marked(report: Report):
    result = validate(report)
    r6 = [i for i in result.issues if i.rule == "R6"]
    blank = set(report.blank_inputs())
    assert {c for i in r6 for c in i.cells} == blank
    for issue in r6:
        assert f"有 {len(issue.cells)} 个单元格未填写" in issue.message
        assert issue.cell == issue.cells[0]
        assert len({report.spec.cell_by_id[c].table for c in issue.cells}) == 1
    assert all(result.worst(c) is Severity.ERROR for c in blank)
