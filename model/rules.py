"""The rule engine: R1–R14 of the formats, the similarity warning (R15),
printed totals that disagree with their parts (R16) and years in the text that
do not fit the report year (R17). What each rule is, in words, is
model/rules_catalog.py.

`validate(report)` runs on every keystroke, so everything that depends only on
the format is worked out once per spec (a `Plan`), and everything that depends
only on a narrative text (figures quoted in it, its similarity to last year's)
is cached by that text (model/rules_plan.py, model/rules_text.py). What the
rules do beyond the bare list of rules R1–R14 of the official formats:

- R1 is checked in a column once every number it involves is filled (for the
  （七）总计 item: every result row; for the 总计 column: the whole table);
  blanks are R6's business. The 总计 column is checked too: it is printed.
- R7/R8/R15 need last year's report: the `previous` argument, else
  `report.previous`; without either they are skipped. A last year's report of
  another year than year − 1 is never compared with: R7 warns about it instead.
  R7 compares the input columns only (the 总计 column follows from them).
- R8 (2021) compares exactly; a difference is a warning since amendments can
  explain it. It is skipped when last year's report has no 现行有效件数
  (a 2019-format report).
- R11 hints when the rare rows hold at least `min_count` cases and more than
  `max_share` of the results' total.
- R13 counts a section holding only heading lines (「（一）主动公开」… as 插入提纲
  writes them, `rules_text.headings_only`) as empty, and also hints (info) when a
  section marked `fee_statement` does not mention 信息处理费.
- R14 always gives the deadline as info. It warns instead when the 成文日期 is
  after the deadline, when `today` is given and the deadline is 0–7 days away,
  and when `today` is past the deadline while no 成文日期 has been set (the
  report is evidently not finished). Without `today` the result does not depend
  on the clock.
- R16 (not in the official list; it keeps R2–R4 honest for imported reports):
  a total an imported document printed differently from the sum of its parts
  (`Report.printed()`) is an error naming both numbers, until the parts are
  corrected to match or the officer accepts the computed total
  (`Report.drop_printed`). Totals printed blank over filled parts are reported
  once per table, as R6 reports blanks.
- R17 (not in the official list; formats.md §0, the statistics period): a year
  in a sentence that states the period, or in 一's first sentence, other than
  the report year (in 五 also the next year); one warning per sentence, quoting
  it. What counts and what does not is in model/rules_years.py.
- R15 warns when a narrative section of at least `SIMILARITY_MIN_CHARS`
  characters is ≥ 80 % similar to last year's (Dice coefficient of character
  bigrams: linear time, and robust to edits that move sentences around).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

from model import messages as msg
from model.formats import FORMATS, UnknownFormat, format_for_year
from model.issues import Issue, Severity, Validation
from model.report import Report
from model.rules_plan import Plan, Terms, plan_for
from model.rules_text import headings_only, quoted_figures, similarity
from model.rules_years import PLANS_SECTION, stray_years
from model.spec import FormatSpec, ValueKind
from model.values import InvalidValue, Value, check_value, format_value, sum_terms

SIMILARITY_THRESHOLD = 0.8
SIMILARITY_MIN_CHARS = 60  # short set phrases (「本年度未收取信息处理费。」) may repeat
DEADLINE_WARN_DAYS = 7
FEE_WORD = "信息处理费"

_ERROR, _WARNING, _INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


# ---- public helpers -----------------------------------------------------------------
def section_of(key: str, spec: FormatSpec) -> str | None:
    """The section a cell or field id belongs to: 「一」…「六」, 「基本信息」 for meta.*."""
    if key.startswith("meta."):
        return msg.BASIC_INFO
    if key.startswith("text."):
        sid = key[5:]
        return sid if sid in spec.section_by_id else None
    table = spec.table_by_id.get(key.split(".", 1)[0])
    return table.section if table else None


def format_date(day: dt.date) -> str:
    """「2021年1月8日」: full year, no leading zeros, as printed in reports."""
    return msg.DATE_FORMAT.format(year=day.year, month=day.month, day=day.day)


# ---- evaluation helpers -------------------------------------------------------------
def _sum(values: Mapping[str, Value], terms: Terms) -> Value | None:
    """The sum of `terms`; None when every one of them is blank (as Report.value)."""
    if len(terms) == 1:  # an input cell: the common case, kept fast
        return values.get(terms[0])
    return sum_terms(values, terms)


def _sum_filled(values: Mapping[str, Value], terms: Terms) -> Value | None:
    """The sum of `terms`; None as soon as one of them is blank."""
    total: Value = 0
    for term in terms:
        v = values.get(term)
        if v is None:
            return None
        total += v
    return total


def _fmt(value: Value | None) -> str:
    return format_value(value, blank="空")


class _Last(NamedTuple):
    """What is known of last year's report."""

    year: int
    values: Mapping[str, Value]
    texts: Mapping[str, str]


def _last_year(report: Report, previous: Report | None) -> _Last | None:
    if previous is not None:
        return _Last(previous.meta.year, previous.values(), previous.texts)
    prev = report.previous
    if prev is not None:
        return _Last(prev.year, prev.values, prev.texts)
    return None


# ---- the rules ----------------------------------------------------------------------
def validate(
    report: Report, previous: Report | None = None, today: dt.date | None = None
) -> Validation:
    """Every issue of `report`, errors first, then warnings, then info; within a
    severity in the order of the report (基本信息, then 一…六)."""
    plan = plan_for(report.spec)
    values = report.values()
    last = _last_year(report, previous)
    issues: list[Issue] = []
    if last is not None and last.year != report.meta.year - 1:
        _wrong_last_year(report, last, issues)
        last = None  # never compare with another year's figures or texts
    _check_format(report, issues)
    _check_kinds(plan, values, issues)
    _check_blanks(plan, values, issues)
    _check_balances(plan, values, issues)
    _check_printed_totals(plan, report, values, issues)
    if last is not None:
        _check_carry_over(plan, values, last, issues)
        _check_stock(plan, values, last, issues)
    _check_not_greater(plan, values, issues)
    _check_narratives(plan, report, values, issues)
    _check_rare_rows(plan, values, issues)
    _check_required(plan, report, issues)
    _check_deadline(report, today, issues)
    _check_years(plan, report, issues)
    if last is not None:
        _check_similarity(plan, report, last, issues)
    spec, rank = plan.spec, plan.section_rank

    def order(issue: Issue) -> tuple[int, int]:
        section = section_of(issue.cell, spec) if issue.cell else None
        return issue.severity.rank, rank.get(section or "", len(rank))

    issues.sort(key=order)
    return Validation(tuple(issues))


def _wrong_last_year(report: Report, last: _Last, issues: list[Issue]) -> None:
    """Last year's report attached to a report of another year than the next one."""
    year = report.meta.year
    text = msg.RULE_PREVIOUS_YEAR.format(previous=last.year, year=year, expected=year - 1)
    issues.append(Issue(_WARNING, "R7", text, "meta.year", ("meta.year",)))


def _check_format(report: Report, issues: list[Issue]) -> None:
    """R12: the format must be the one of the report year."""
    spec, year = report.spec, report.meta.year
    if spec.applies_to(year):
        return
    cells = ("meta.format", "meta.year")
    try:
        right = format_for_year(year)
    except UnknownFormat:
        first = min(f.first_year for f in FORMATS.values())
        text = msg.RULE_R12_NO_FORMAT.format(year=year, first=first)
    else:
        text = msg.RULE_R12.format(
            year=year,
            right_name=right.name,
            right_doc=right.issued_by,
            name=spec.name,
            doc=spec.issued_by,
        )
    issues.append(Issue(_ERROR, "R12", text, "meta.format", cells))


def _check_kinds(plan: Plan, values: Mapping[str, Value], issues: list[Issue]) -> None:
    """R5: a value of the wrong kind (only hand-edited files can hold one)."""
    cells = plan.cells
    for cid, v in values.items():
        cell = cells.get(cid)
        if cell is None:
            continue
        # fast path for the common case; check_value gives the reason otherwise
        if type(v) is int and not cell.terms and (v >= 0 or cell.kind is ValueKind.SIGNED_COUNT):
            continue
        try:
            check_value(v, cell)
        except InvalidValue as exc:
            heading, name = plan.cell_names[cid]
            text = msg.RULE_R5.format(heading=heading, cell=name, value=v, reason=exc)
            issues.append(Issue(_ERROR, "R5", text, cid, (cid,)))


def _check_blanks(plan: Plan, values: Mapping[str, Value], issues: list[Issue]) -> None:
    """R6: one issue per table counting its blank inputs; every blank is marked."""
    for table in plan.tables:
        blank = tuple(cid for cid in table.inputs if cid not in values)
        if blank:
            text = msg.RULE_R6.format(heading=table.heading, count=len(blank))
            issues.append(Issue(_ERROR, "R6", text, blank[0], blank))


def _check_balances(plan: Plan, values: Mapping[str, Value], issues: list[Issue]) -> None:
    """R1: per column, 第一项 + 第二项 = 第三项 + 第四项."""
    for b in plan.balances:
        items = [_sum_filled(values, t) for t in (*b.left, *b.right)]
        if None in items:
            continue  # not filled in yet: R6 says so
        n = len(b.left)
        lsum, rsum = sum(items[:n]), sum(items[n:])  # type: ignore[arg-type]
        if lsum != rsum:
            text = msg.RULE_R1.format(
                heading=b.heading,
                col=b.col_label,
                left_name=b.left_name,
                left=lsum,
                right_name=b.right_name,
                right=rsum,
            )
            issues.append(Issue(_ERROR, "R1", text, b.cell, b.cells))


def _check_printed_totals(
    plan: Plan, report: Report, values: Mapping[str, Value], issues: list[Issue]
) -> None:
    """R16: a total as an imported document printed it, where it differs from the
    sum of its parts (R2–R4). Checked only for totals the report keeps."""
    printed = report.printed()
    if not printed:
        return
    blank: dict[str, list[tuple[str, Value]]] = {}  # table -> [(cell, sum)] printed blank
    for cid, shown in printed.items():
        total = plan.totals.get(cid)
        if total is None:
            continue
        computed = sum_terms(values, total.terms)
        if shown is None:
            if computed is not None:
                blank.setdefault(total.table, []).append((cid, computed))
            continue
        if computed is None:
            text = msg.RULE_R16_PARTS_BLANK.format(
                heading=total.heading, name=total.name, printed=format_value(shown)
            )
        elif computed != shown:
            text = msg.RULE_R16.format(
                heading=total.heading,
                name=total.name,
                printed=format_value(shown),
                computed=format_value(computed),
            )
        else:
            continue  # the parts now add up to what was printed
        issues.append(Issue(_ERROR, "R16", text, cid, (cid,)))
    for cells in blank.values():
        first, computed = cells[0]
        total = plan.totals[first]
        if len(cells) == 1:
            text = msg.RULE_R16_BLANK_ONE.format(
                heading=total.heading, name=total.name, computed=format_value(computed)
            )
        else:
            text = msg.RULE_R16_BLANK.format(
                heading=total.heading,
                count=len(cells),
                name=total.name,
                computed=format_value(computed),
            )
        issues.append(Issue(_ERROR, "R16", text, first, tuple(c for c, _ in cells)))


def printed_total_tip(report: Report, cell_id: str) -> str | None:
    """What a cell whose printed total the report keeps (R16) says about it: the
    number the document printed, the sum of its parts and the difference, e.g.
    「文档中此合计印为 82，各项之和为 77：印出的数多 5。表中显示各项之和」. None for
    a cell without a printed total, or whose parts now add up to it."""
    printed = report.printed()
    if cell_id not in printed:
        return None
    shown, computed = printed[cell_id], report.value(cell_id)
    if shown is None:
        if computed is None:
            return None
        return msg.PRINTED_TIP_BLANK.format(computed=format_value(computed))
    if computed is None:
        return msg.PRINTED_TIP_PARTS_BLANK.format(printed=format_value(shown))
    if shown == computed:
        return None
    more = shown > computed
    return msg.PRINTED_TIP.format(
        printed=format_value(shown),
        computed=format_value(computed),
        direction=msg.PRINTED_TIP_MORE if more else msg.PRINTED_TIP_LESS,
        difference=format_value(shown - computed if more else computed - shown),
    )


def _check_carry_over(
    plan: Plan, values: Mapping[str, Value], last: _Last, issues: list[Issue]
) -> None:
    """R7: this year's 上年结转 = last year's 结转下年度继续办理, per column."""
    for c in plan.carry_overs:
        value, before = values.get(c.target), last.values.get(c.source)
        if value is None or before is None or value == before:
            continue
        text = msg.RULE_R7.format(
            heading=c.heading,
            cell=c.target_name,
            value=value,
            year=last.year,
            source=c.source_name,
            previous=before,
        )
        issues.append(Issue(_WARNING, "R7", text, c.target, (c.target,)))


def _check_stock(plan: Plan, values: Mapping[str, Value], last: _Last, issues: list[Issue]) -> None:
    """R8: last year's stock + added − removed = this year's stock."""
    for s in plan.stocks:
        before = last.values.get(s.stock)
        stock, added, removed = (values.get(k) for k in (s.stock, s.added, s.removed))
        if before is None or stock is None or added is None or removed is None:
            continue
        expected = before + added - removed
        if expected == stock:
            continue
        text = msg.RULE_R8.format(
            heading=s.heading,
            row=s.row_name,
            stock=s.stock_label,
            prev=before,
            added=s.added_label,
            added_value=added,
            removed=s.removed_label,
            removed_value=removed,
            expected=expected,
            value=stock,
        )
        issues.append(Issue(_WARNING, "R8", text, s.stock, (s.stock, s.added, s.removed)))


def _check_not_greater(plan: Plan, values: Mapping[str, Value], issues: list[Issue]) -> None:
    """R9: e.g. 本年新公开数量 > 对外公开总数量 is suspicious."""
    for n in plan.not_greater:
        small, large = values.get(n.small), values.get(n.large)
        if small is None or large is None or small <= large:
            continue
        text = msg.RULE_R9.format(
            heading=n.heading,
            row=n.row_name,
            small=n.small_label,
            small_value=_fmt(small),
            large=n.large_label,
            large_value=_fmt(large),
        )
        issues.append(Issue(_WARNING, "R9", text, n.small, (n.small, n.large)))


def _check_narratives(
    plan: Plan, report: Report, values: Mapping[str, Value], issues: list[Issue]
) -> None:
    """R10: figures quoted in the narrative match the table."""
    for n in plan.narratives:
        text = report.texts.get(n.section, "")
        if not text:
            continue
        field = f"text.{n.section}"
        for index, quoted in quoted_figures(n.patterns, text):
            terms, cell, what, table_heading = n.figures[index]
            actual = _sum(values, terms)
            if actual is None or actual == quoted:
                continue
            message = msg.RULE_R10.format(
                heading=n.heading,
                what=what,
                quoted=quoted,
                table_heading=table_heading,
                actual=_fmt(actual),
            )
            issues.append(Issue(_WARNING, "R10", message, field, (field, cell)))


def _check_rare_rows(plan: Plan, values: Mapping[str, Value], issues: list[Issue]) -> None:
    """R11: （六）其他处理 is for rare cases; a hint when it is large."""
    for r in plan.rares:
        count = sum(_sum(values, t) or 0 for t in r.rows)
        total = _sum(values, r.total) or 0
        if count < r.min_count or total <= 0 or count <= r.max_share * total:
            continue
        text = msg.RULE_R11.format(
            heading=r.heading,
            name=r.name,
            count=count,
            total_name=r.total_name,
            total=total,
            percent=round(100 * count / total),
        )
        issues.append(Issue(_INFO, "R11", text, r.cells[0], r.cells))


def _check_required(plan: Plan, report: Report, issues: list[Issue]) -> None:
    """R13: required sections, agency and date present; a year guessed on import
    confirmed; date in year Y+1."""
    meta = report.meta
    if not meta.agency.strip():
        issues.append(Issue(_WARNING, "R13", msg.RULE_R13_AGENCY, "meta.agency", ("meta.agency",)))
    if meta.year_pending:
        text = msg.RULE_R13_YEAR_PENDING.format(year=meta.year)
        issues.append(Issue(_WARNING, "R13", text, "meta.year", ("meta.year",)))
    if meta.date is None:
        issues.append(Issue(_WARNING, "R13", msg.RULE_R13_DATE, "meta.date", ("meta.date",)))
    elif meta.date.year != meta.year + 1:
        text = msg.RULE_R13_DATE_YEAR.format(date=format_date(meta.date), year=meta.year + 1)
        issues.append(Issue(_WARNING, "R13", text, "meta.date", ("meta.date",)))
    for sid, heading in plan.required:
        body = report.texts.get(sid, "")
        field = f"text.{sid}"
        if not body.strip():
            text = msg.RULE_R13_EMPTY.format(heading=heading)
            issues.append(Issue(_WARNING, "R13", text, field, (field,)))
        elif titles := headings_only(body):
            shown = "、".join(f"“{t}”" for t in titles[:3]) + ("等" if len(titles) > 3 else "")
            text = msg.RULE_R13_HEADINGS_ONLY.format(heading=heading, titles=shown)
            issues.append(Issue(_WARNING, "R13", text, field, (field,)))
    for sid, heading in plan.fee_sections:
        body = report.texts.get(sid, "")
        if body.strip() and FEE_WORD not in body:
            field = f"text.{sid}"
            text = msg.RULE_R13_FEE.format(heading=heading)
            issues.append(Issue(_INFO, "R13", text, field, (field,)))


def _check_deadline(report: Report, today: dt.date | None, issues: list[Issue]) -> None:
    """R14: the publication deadline, and warnings near or past it."""
    meta = report.meta
    deadline = report.spec.deadline(meta.year, meta.kind)
    if deadline is None or meta.year <= 0:
        return
    when = format_date(deadline)
    warnings: list[str] = []
    if meta.date is not None and meta.date > deadline:
        warnings.append(msg.RULE_R14_LATE_DATE.format(date=format_date(meta.date), deadline=when))
    if today is not None:
        days = (deadline - today).days
        if days == 0:
            warnings.append(msg.RULE_R14_TODAY.format(deadline=when))
        elif 0 < days <= DEADLINE_WARN_DAYS:
            warnings.append(msg.RULE_R14_SOON.format(deadline=when, days=days))
        elif days < 0 and meta.date is None:
            warnings.append(msg.RULE_R14_PAST.format(deadline=when))
    cells = ("meta.date",)
    if warnings:
        issues.extend(Issue(_WARNING, "R14", w, "meta.date", cells) for w in warnings)
    else:
        text = msg.RULE_R14_DEADLINE.format(deadline=when)
        issues.append(Issue(_INFO, "R14", text, "meta.date", cells))


def _check_years(plan: Plan, report: Report, issues: list[Issue]) -> None:
    """R17: sentences stating a statistics period of another year than the report's."""
    year = report.meta.year
    for sid, heading in plan.text_sections:
        for stray in stray_years(sid, report.texts.get(sid, ""), year):
            found = "、".join(msg.YEAR_WORD.format(year=y) for y in stray.years)
            text = _stray_year_template(sid, stray.years, year).format(
                heading=heading, sentence=stray.sentence, found=found, year=year, next=year + 1
            )
            field = f"text.{sid}"
            issues.append(Issue(_WARNING, "R17", text, field, (field,)))


def _stray_year_template(section: str, years: tuple[int, ...], year: int) -> str:
    """R17's wording: a year before the report year is stale text (往年), one after
    it a slip of the pen — in 五, a plan beyond the next year — never 往年."""
    earlier = any(y < year for y in years)
    later = any(y > year for y in years)
    if earlier and later:
        return msg.RULE_R17_MIXED
    if earlier:
        return msg.RULE_R17
    return msg.RULE_R17_LATER_PLANS if section == PLANS_SECTION else msg.RULE_R17_LATER


def _check_similarity(plan: Plan, report: Report, last: _Last, issues: list[Issue]) -> None:
    """R15: a narrative nearly identical to last year's (内容雷同)."""
    for sid, heading in plan.text_sections:
        text, before = report.texts.get(sid, ""), last.texts.get(sid, "")
        if len(text.strip()) < SIMILARITY_MIN_CHARS or len(before.strip()) < SIMILARITY_MIN_CHARS:
            continue
        ratio = similarity(text, before)
        if ratio >= SIMILARITY_THRESHOLD:
            field = f"text.{sid}"
            percent = int(ratio * 100)  # never round 79.6 % up to a misleading 80 %
            message = msg.RULE_R15.format(heading=heading, percent=percent)
            issues.append(Issue(_WARNING, "R15", message, field, (field,)))


__all__ = ["SIMILARITY_THRESHOLD", "format_date", "section_of", "similarity", "validate"]
