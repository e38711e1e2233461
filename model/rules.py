"""The rule engine: R1–R14 of the formats and the similarity warning (R15).

`validate(report)` runs on every keystroke, so everything that depends only on
the format is worked out once per spec (a `_Plan`), and everything that depends
only on a narrative text (figures quoted in it, its similarity to last year's)
is cached by that text. What the rules do beyond the bare table of formats.md §6:

- R1 is checked in a column once every number it involves is filled (for the
  （七）总计 item: every result row; for the 总计 column: the whole table);
  blanks are R6's business. The 总计 column is checked too: it is printed.
- R7/R8/R15 need last year's report: the `previous` argument, else
  `report.previous`; without either they are skipped. R7 compares the input
  columns only (the 总计 column follows from them).
- R8 (2021) compares exactly; a difference is a warning since amendments can
  explain it. It is skipped when last year's report has no 现行有效件数
  (a 2019-format report).
- R11 hints when the rare rows hold at least `min_count` cases and more than
  `max_share` of the results' total.
- R13 also hints (info) when a section marked `fee_statement` does not mention
  信息处理费.
- R14 always gives the deadline as info. It warns instead when the 成文日期 is
  after the deadline, when `today` is given and the deadline is 0–7 days away,
  and when `today` is past the deadline while no 成文日期 has been set (the
  report is evidently not finished). Without `today` the result does not depend
  on the clock.
- R15 warns when a narrative section of at least `SIMILARITY_MIN_CHARS`
  characters is ≥ 80 % similar to last year's (Dice coefficient of character
  bigrams: linear time, and robust to edits that move sentences around).
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from model import messages as msg
from model.formats import FORMATS, UnknownFormat, format_for_year
from model.issues import Issue, Severity, Validation
from model.report import Report
from model.spec import (
    BalanceRule,
    CarryOverRule,
    CellSpec,
    FormatSpec,
    NarrativeRule,
    NotGreaterRule,
    RareRowsRule,
    Role,
    StockRule,
    TableSpec,
    ValueKind,
)
from model.values import InvalidValue, Value, check_value, format_value

SIMILARITY_THRESHOLD = 0.8
SIMILARITY_MIN_CHARS = 60  # short set phrases (「本年度未收取信息处理费。」) may repeat
DEADLINE_WARN_DAYS = 7
FEE_WORD = "信息处理费"

_ERROR, _WARNING, _INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

Terms = tuple[str, ...]


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


# ---- the per-spec plan --------------------------------------------------------------
@dataclass(frozen=True)
class _Balance:  # R1, one column
    heading: str
    col_label: str
    left_name: str
    right_name: str
    left: tuple[Terms, ...]  # each item as the input ids it sums
    right: tuple[Terms, ...]
    cell: str  # the column's 第一项 cell
    cells: tuple[str, ...]  # the four items' cells


@dataclass(frozen=True)
class _CarryOver:  # R7, one input column
    heading: str
    target: str
    target_name: str
    source: str
    source_name: str


@dataclass(frozen=True)
class _Stock:  # R8, one row
    heading: str
    row_name: str
    stock: str
    added: str
    removed: str
    stock_label: str
    added_label: str
    removed_label: str


@dataclass(frozen=True)
class _NotGreater:  # R9, one row
    heading: str
    row_name: str
    small: str
    large: str
    small_label: str
    large_label: str


@dataclass(frozen=True)
class _Narrative:  # R10, one section
    section: str
    heading: str
    patterns: tuple[re.Pattern[str], ...]
    figures: tuple[tuple[Terms, str, str, str], ...]  # (terms, cell, what, table heading)


@dataclass(frozen=True)
class _Rare:  # R11
    heading: str
    name: str
    total_name: str
    rows: tuple[Terms, ...]
    total: Terms
    cells: tuple[str, ...]
    min_count: int
    max_share: float


@dataclass(frozen=True)
class _TableInputs:  # R5, R6
    heading: str
    inputs: tuple[str, ...]


@dataclass(frozen=True)
class _Plan:
    spec: FormatSpec
    cells: Mapping[str, CellSpec]
    cell_names: Mapping[str, tuple[str, str]]  # id -> (section heading, 「“…”行“…”列」)
    tables: tuple[_TableInputs, ...]
    balances: tuple[_Balance, ...]
    carry_overs: tuple[_CarryOver, ...]
    stocks: tuple[_Stock, ...]
    not_greater: tuple[_NotGreater, ...]
    narratives: tuple[_Narrative, ...]
    rares: tuple[_Rare, ...]
    required: tuple[tuple[str, str], ...]  # (section id, heading)
    fee_sections: tuple[tuple[str, str], ...]
    text_sections: tuple[tuple[str, str], ...]
    section_rank: Mapping[str, int]


_PLANS: dict[str, _Plan] = {}


def _plan(spec: FormatSpec) -> _Plan:
    plan = _PLANS.get(spec.id)
    if plan is None or plan.spec is not spec:
        plan = _PLANS[spec.id] = _build_plan(spec)
    return plan


def _terms(cell: CellSpec) -> Terms:
    return cell.terms or (cell.id,)


def _cell_name(table: TableSpec, cell: CellSpec) -> str:
    """How a message names a cell: 「“（三）不予公开 1.属于国家秘密”行“商业企业”列」."""
    if table.label_cols == 0:  # section 四: headers only
        return "“" + " ".join(cell.col_path) + "”"
    return f"{_row_name(table, cell)}行“{cell.col_label}”列"


def _row_name(table: TableSpec, cell: CellSpec) -> str:
    # section 二 repeats row labels under block captions: name the block too
    has_captions = any(g.role is Role.CAPTION for g in table.grid)
    prefix = cell.row_path[0] if has_captions and len(cell.row_path) > 1 else ""
    return f"{prefix}“{cell.row_label}”"


def _build_plan(spec: FormatSpec) -> _Plan:
    headings = {s.id: s.heading for s in spec.sections}

    def heading_of(table_id: str) -> str:
        return headings[spec.table_by_id[table_id].section]

    cell_names = {
        c.id: (headings[t.section], _cell_name(t, c)) for t in spec.tables for c in t.cells
    }
    tables = tuple(
        _TableInputs(headings[t.section], tuple(c.id for c in t.inputs)) for t in spec.tables
    )
    balances: list[_Balance] = []
    carry_overs: list[_CarryOver] = []
    stocks: list[_Stock] = []
    not_greater: list[_NotGreater] = []
    narratives: list[_Narrative] = []
    rares: list[_Rare] = []
    for rule in spec.rules:
        if isinstance(rule, BalanceRule):
            t = spec.table_by_id[rule.table]
            for col in rule.columns:
                left = [t.cell_by_id[t.cell_id(r, col)] for r in rule.left]
                right = [t.cell_by_id[t.cell_id(r, col)] for r in rule.right]
                balances.append(
                    _Balance(
                        heading_of(rule.table),
                        left[0].col_label,
                        rule.left_name,
                        rule.right_name,
                        tuple(_terms(c) for c in left),
                        tuple(_terms(c) for c in right),
                        left[0].id,
                        tuple(c.id for c in (*left, *right)),
                    )
                )
        elif isinstance(rule, CarryOverRule):
            t = spec.table_by_id[rule.table]
            for col in rule.columns:
                target = t.cell_by_id[t.cell_id(rule.target_row, col)]
                source = t.cell_by_id[t.cell_id(rule.source_row, col)]
                if target.computed:
                    continue
                carry_overs.append(
                    _CarryOver(
                        heading_of(rule.table),
                        target.id,
                        f"“{target.col_label}”列的“{target.row_label}”",
                        source.id,
                        source.row_label,
                    )
                )
        elif isinstance(rule, StockRule):
            t = spec.table_by_id[rule.table]
            for row in rule.rows:
                stock, added, removed = (
                    t.cell_by_id[t.cell_id(row, c)] for c in (rule.stock, rule.added, rule.removed)
                )
                stocks.append(
                    _Stock(
                        heading_of(rule.table),
                        _row_name(t, stock),
                        stock.id,
                        added.id,
                        removed.id,
                        stock.col_label,
                        added.col_label,
                        removed.col_label,
                    )
                )
        elif isinstance(rule, NotGreaterRule):
            t = spec.table_by_id[rule.table]
            for row in rule.rows:
                small = t.cell_by_id[t.cell_id(row, rule.small)]
                large = t.cell_by_id[t.cell_id(row, rule.large)]
                not_greater.append(
                    _NotGreater(
                        heading_of(rule.table),
                        _row_name(t, small),
                        small.id,
                        large.id,
                        small.col_label,
                        large.col_label,
                    )
                )
        elif isinstance(rule, NarrativeRule):
            figures = tuple(
                (
                    _terms(spec.cell_by_id[f.cell]),
                    f.cell,
                    f.what,
                    heading_of(spec.cell_by_id[f.cell].table),
                )
                for f in rule.figures
            )
            patterns = tuple(re.compile(f.pattern) for f in rule.figures)
            for sid in rule.sections:
                narratives.append(_Narrative(sid, headings[sid], patterns, figures))
        elif isinstance(rule, RareRowsRule):
            t = spec.table_by_id[rule.table]
            row_cells = [t.cell_by_id[t.cell_id(r, rule.column)] for r in rule.rows]
            total = t.cell_by_id[t.cell_id(rule.total_row, rule.column)]
            rares.append(
                _Rare(
                    heading_of(rule.table),
                    rule.name,
                    total.row_label,
                    tuple(_terms(c) for c in row_cells),
                    _terms(total),
                    tuple(c.id for c in row_cells),
                    rule.min_count,
                    rule.max_share,
                )
            )
    rank = {msg.BASIC_INFO: 0, **{s.id: i + 1 for i, s in enumerate(spec.sections)}}
    return _Plan(
        spec=spec,
        cells=spec.cell_by_id,
        cell_names=cell_names,
        tables=tables,
        balances=tuple(balances),
        carry_overs=tuple(carry_overs),
        stocks=tuple(stocks),
        not_greater=tuple(not_greater),
        narratives=tuple(narratives),
        rares=tuple(rares),
        required=tuple((sid, headings[sid]) for sid in spec.required_sections),
        fee_sections=tuple(
            (s.id, s.heading) for s in spec.text_sections if s.text and s.text.fee_statement
        ),
        text_sections=tuple((s.id, s.heading) for s in spec.text_sections),
        section_rank=rank,
    )


# ---- text caches --------------------------------------------------------------------
_CACHE_LIMIT = 512
_BIGRAM_CACHE_LIMIT = 16  # a long text's bigrams take ~100 KB
_figure_cache: dict[tuple[object, str], tuple[tuple[int, int], ...]] = {}
_bigram_cache: dict[str, tuple[Counter[str], int]] = {}
_similarity_cache: dict[tuple[str, str], float] = {}


def _bounded(cache: dict, limit: int = _CACHE_LIMIT) -> dict:
    """`cache`, emptied first when full: texts change on every keystroke."""
    if len(cache) >= limit:
        cache.clear()
    return cache


# Full-width digits as some officers type them (１２件); the rest of the text is
# left alone, as NFKC-normalising a long text on every keystroke is too slow.
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _quoted_figures(narrative: _Narrative, text: str) -> tuple[tuple[int, int], ...]:
    """(figure index, number) pairs quoted in `text`, each pair once, in order."""
    key = (narrative.patterns, text)
    found = _figure_cache.get(key)
    if found is None:
        plain = text.translate(_DIGITS)
        pairs: list[tuple[int, int]] = []
        for i, pattern in enumerate(narrative.patterns):
            for m in pattern.finditer(plain):
                pair = (i, int(m.group(1)))
                if pair not in pairs:
                    pairs.append(pair)
        found = _bounded(_figure_cache)[key] = tuple(pairs)
    return found


def _bigrams(text: str) -> tuple[Counter[str], int]:
    """Character bigrams of `text` with whitespace removed, and how many there are."""
    got = _bigram_cache.get(text)
    if got is None:
        plain = "".join(text.split())
        grams = Counter(map(operator.add, plain, plain[1:]))
        got = _bounded(_bigram_cache, _BIGRAM_CACHE_LIMIT)[text] = (grams, max(len(plain) - 1, 0))
    return got


def similarity(text: str, previous: str) -> float:
    """How alike two narrative texts are, 0..1 (Dice coefficient of character
    bigrams, whitespace ignored). Cached: validation runs on every keystroke."""
    key = (text, previous)
    ratio = _similarity_cache.get(key)
    if ratio is None:
        a, na = _bigrams(text)
        b, nb = _bigrams(previous)
        if na + nb == 0:
            ratio = 1.0 if "".join(text.split()) == "".join(previous.split()) else 0.0
        else:
            small, large = (a, b) if len(a) <= len(b) else (b, a)
            common = sum(min(n, large[g]) for g, n in small.items() if g in large)
            ratio = 2 * common / (na + nb)
        _bounded(_similarity_cache)[key] = ratio
    return ratio


# ---- evaluation helpers -------------------------------------------------------------
def _sum(values: Mapping[str, Value], terms: Terms) -> Value | None:
    """The sum of `terms`; None when every one of them is blank (as Report.value)."""
    if len(terms) == 1:
        return values.get(terms[0])
    total: Value = 0
    seen = False
    for term in terms:
        v = values.get(term)
        if v is not None:
            total += v
            seen = True
    return total if seen else None


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


@dataclass(frozen=True)
class _Last:
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
    plan = _plan(report.spec)
    values = report.values()
    last = _last_year(report, previous)
    issues: list[Issue] = []
    _check_format(report, issues)
    _check_kinds(plan, values, issues)
    _check_blanks(plan, values, issues)
    _check_balances(plan, values, issues)
    if last is not None:
        _check_carry_over(plan, values, last, issues)
        _check_stock(plan, values, last, issues)
    _check_not_greater(plan, values, issues)
    _check_narratives(plan, report, values, issues)
    _check_rare_rows(plan, values, issues)
    _check_required(plan, report, issues)
    _check_deadline(report, today, issues)
    if last is not None:
        _check_similarity(plan, report, last, issues)
    spec, rank = plan.spec, plan.section_rank

    def order(issue: Issue) -> tuple[int, int]:
        section = section_of(issue.cell, spec) if issue.cell else None
        return issue.severity.rank, rank.get(section or "", len(rank))

    issues.sort(key=order)
    return Validation(tuple(issues))


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


def _check_kinds(plan: _Plan, values: Mapping[str, Value], issues: list[Issue]) -> None:
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


def _check_blanks(plan: _Plan, values: Mapping[str, Value], issues: list[Issue]) -> None:
    """R6: one issue per table counting its blank inputs; every blank is marked."""
    for table in plan.tables:
        blank = tuple(cid for cid in table.inputs if cid not in values)
        if blank:
            text = msg.RULE_R6.format(heading=table.heading, count=len(blank))
            issues.append(Issue(_ERROR, "R6", text, blank[0], blank))


def _check_balances(plan: _Plan, values: Mapping[str, Value], issues: list[Issue]) -> None:
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


def _check_carry_over(
    plan: _Plan, values: Mapping[str, Value], last: _Last, issues: list[Issue]
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


def _check_stock(
    plan: _Plan, values: Mapping[str, Value], last: _Last, issues: list[Issue]
) -> None:
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


def _check_not_greater(plan: _Plan, values: Mapping[str, Value], issues: list[Issue]) -> None:
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
    plan: _Plan, report: Report, values: Mapping[str, Value], issues: list[Issue]
) -> None:
    """R10: figures quoted in the narrative match the table."""
    for n in plan.narratives:
        text = report.texts.get(n.section, "")
        if not text:
            continue
        field = f"text.{n.section}"
        for index, quoted in _quoted_figures(n, text):
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


def _check_rare_rows(plan: _Plan, values: Mapping[str, Value], issues: list[Issue]) -> None:
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


def _check_required(plan: _Plan, report: Report, issues: list[Issue]) -> None:
    """R13: required sections, agency and date present; date in year Y+1."""
    meta = report.meta
    if not meta.agency.strip():
        issues.append(Issue(_WARNING, "R13", msg.RULE_R13_AGENCY, "meta.agency", ("meta.agency",)))
    if meta.date is None:
        issues.append(Issue(_WARNING, "R13", msg.RULE_R13_DATE, "meta.date", ("meta.date",)))
    elif meta.date.year != meta.year + 1:
        text = msg.RULE_R13_DATE_YEAR.format(date=format_date(meta.date), year=meta.year + 1)
        issues.append(Issue(_WARNING, "R13", text, "meta.date", ("meta.date",)))
    for sid, heading in plan.required:
        if not report.texts.get(sid, "").strip():
            field = f"text.{sid}"
            text = msg.RULE_R13_EMPTY.format(heading=heading)
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
    rule = report.spec.deadlines.get(meta.kind)
    if rule is None or meta.year <= 0:
        return
    try:
        deadline = dt.date(meta.year + 1, rule.month, rule.day)
    except ValueError:
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


def _check_similarity(plan: _Plan, report: Report, last: _Last, issues: list[Issue]) -> None:
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
