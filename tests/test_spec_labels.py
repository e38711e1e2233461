"""The two format specs against the official formats, label by label.

Every expected label, id and span is written out here from the official
tables (as documented in the project's format notes), never read from the
spec under test, so a typo in a format module fails a test.
"""

from __future__ import annotations

import pytest

from model.formats import FORMAT_2019, FORMAT_2021, FORMATS, format_for_year
from model.spec import (
    BalanceRule,
    CarryOverRule,
    FormatSpec,
    NarrativeRule,
    NotGreaterRule,
    RareRowsRule,
    Role,
    StockRule,
    TableSpec,
    ValueKind,
)

BOTH = pytest.mark.parametrize("spec", [FORMAT_2019, FORMAT_2021], ids=["2019", "2021"])

HEADINGS = (
    ("一", "一、总体情况", None),
    ("二", "二、主动公开政府信息情况", "active"),
    ("三", "三、收到和处理政府信息公开申请情况", "applications"),
    ("四", "四、政府信息公开行政复议、行政诉讼情况", "appeals"),
    ("五", "五、存在的主要问题及改进情况", None),
    ("六", "六、其他需要报告的事项", None),
)


def labels(table: TableSpec) -> list[tuple[int, int, int, int, str, str]]:
    """Every printed non-value cell: (row, col, rowspan, colspan, role, text)."""
    return sorted(
        (g.row, g.col, g.rowspan, g.colspan, g.role.value, g.text)
        for g in table.grid
        if g.role is not Role.VALUE
    )


def values_at(table: TableSpec) -> dict[tuple[int, int], tuple[str, int]]:
    return {(g.row, g.col): (g.cell, g.colspan) for g in table.grid if g.role is Role.VALUE}


# ---- formats and sections -----------------------------------------------------------
def test_format_titles_documents_and_years():
    assert FORMAT_2019.name == "中华人民共和国政府信息公开工作年度报告格式（试行）"
    assert FORMAT_2019.issued_by == "国办公开办函〔2019〕60号"
    assert FORMAT_2021.name == "中华人民共和国政府信息公开工作年度报告格式"
    assert FORMAT_2021.issued_by == "国办公开办函〔2021〕30号"
    assert [y for y in range(2017, 2030) if FORMAT_2019.applies_to(y)] == [2019, 2020]
    assert [y for y in range(2017, 2030) if FORMAT_2021.applies_to(y)] == list(range(2021, 2030))
    assert format_for_year(2020) is FORMAT_2019
    assert format_for_year(2021) is FORMAT_2021
    assert sorted(FORMATS) == ["2019", "2021"]


@BOTH
def test_sections_and_headings(spec: FormatSpec):
    assert [(s.id, s.heading, s.table) for s in spec.sections] == list(HEADINGS)
    assert [s.id for s in spec.text_sections] == ["一", "五", "六"]
    assert spec.required_sections == ("一", "五", "六")
    assert {t.id: t.section for t in spec.tables} == {
        "active": "二",
        "applications": "三",
        "appeals": "四",
    }
    assert spec.title_suffix == "政府信息公开工作年度报告"
    assert {k: (d.month, d.day) for k, d in spec.deadlines.items()} == {
        "department": (1, 31),
        "government": (3, 31),
    }


def test_2021_section_one_outline_and_fee_statement():
    one = FORMAT_2021.section_by_id["一"].text
    assert one is not None and one.outline == (
        "（一）主动公开",
        "（二）依申请公开",
        "（三）政府信息管理",
        "（四）政府信息公开平台建设",
        "（五）监督保障",
    )
    six = FORMAT_2021.section_by_id["六"].text
    assert six is not None and six.fee_statement
    old_six = FORMAT_2019.section_by_id["六"].text
    assert old_six is not None and not old_six.fee_statement


# ---- every table tiles its grid -----------------------------------------------------
@BOTH
def test_grid_covers_every_position_once(spec: FormatSpec):
    for table in spec.tables:
        seen: dict[tuple[int, int], tuple[int, int]] = {}
        for g in table.grid:
            for r in range(g.row, g.row + g.rowspan):
                for c in range(g.col, g.col + g.colspan):
                    assert (r, c) not in seen, f"{table.id}: ({r},{c}) covered twice"
                    seen[(r, c)] = (g.row, g.col)
        assert len(seen) == table.n_rows * table.n_cols, table.id
        assert len(table.col_widths) == table.n_cols
        # every value cell is placed exactly once, and every cell spec has a place
        placed = [g.cell for g in table.grid if g.role is Role.VALUE]
        assert sorted(placed) == sorted(c.id for c in table.cells)


# ---- section 二 ---------------------------------------------------------------------
ACTIVE_2019 = (
    (
        "art20_1",
        "第二十条第（一）项",
        (
            ("made", "本年新制作数量"),
            ("published", "本年新公开数量"),
            ("total_public", "对外公开总数量"),
        ),
        (("regulations", "规章"), ("normative_docs", "规范性文件")),
    ),
    (
        "art20_5",
        "第二十条第（五）项",
        (("prev_items", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")),
        (("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")),
    ),
    (
        "art20_6",
        "第二十条第（六）项",
        (("prev_items", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")),
        (("penalty", "行政处罚"), ("enforcement", "行政强制")),
    ),
    (
        "art20_8",
        "第二十条第（八）项",
        (("prev_items", "上一年项目数量"), ("change", "本年增/减")),
        (("fees", "行政事业性收费"),),
    ),
    (
        "art20_9",
        "第二十条第（九）项",
        (("projects", "采购项目数量"), ("amount", "采购总金额")),
        (("procurement", "政府集中采购"),),
    ),
)
ACTIVE_2021 = (
    (
        "art20_1",
        "第二十条第（一）项",
        (("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")),
        (("regulations", "规章"), ("normative_docs", "行政规范性文件")),
    ),
    (
        "art20_5",
        "第二十条第（五）项",
        (("decisions", "本年处理决定数量"),),
        (("licensing", "行政许可"),),
    ),
    (
        "art20_6",
        "第二十条第（六）项",
        (("decisions", "本年处理决定数量"),),
        (("penalty", "行政处罚"), ("enforcement", "行政强制")),
    ),
    (
        "art20_8",
        "第二十条第（八）项",
        (("amount_wan", "本年收费金额（单位：万元）"),),
        (("fees", "行政事业性收费"),),
    ),
)


@pytest.mark.parametrize(
    ("spec", "blocks"),
    [(FORMAT_2019, ACTIVE_2019), (FORMAT_2021, ACTIVE_2021)],
    ids=["2019", "2021"],
)
def test_active_blocks(spec: FormatSpec, blocks):
    """Each block: a caption over all 4 columns, a header row, its rows; the
    value cells of a block with fewer than 3 columns merge to fill the row."""
    table = spec.table_by_id["active"]
    assert (table.n_cols, table.label_cols, table.header_rows) == (4, 1, 0)
    expected_labels = []
    expected_values = {}
    r = 0
    for block_id, caption, cols, rows in blocks:
        expected_labels.append((r, 0, 1, 4, "caption", caption))
        r += 1
        expected_labels.append((r, 0, 1, 1, "header", "信息内容"))
        spans = [1] * len(cols)
        spans[-1] = 4 - len(cols)  # the last column takes the rest of the row
        c = 1
        for (_, label), span in zip(cols, spans, strict=True):
            expected_labels.append((r, c, 1, span, "header", label))
            c += span
        r += 1
        for row_id, label in rows:
            expected_labels.append((r, 0, 1, 1, "label", label))
            c = 1
            for (col_id, _), span in zip(cols, spans, strict=True):
                expected_values[(r, c)] = (f"active.{block_id}.{row_id}.{col_id}", span)
                c += span
            r += 1
    assert table.n_rows == r
    assert labels(table) == sorted(expected_labels)
    assert values_at(table) == expected_values
    assert not table.computed_cells  # section 二 has no totals


def test_active_paths_and_kinds_2019():
    cells = FORMAT_2019.table_by_id["active"].cell_by_id
    made = cells["active.art20_1.regulations.made"]
    assert made.row_path == ("第二十条第（一）项", "规章")
    assert made.col_path == ("本年新制作数量",)
    assert made.row_label == "规章" and made.col_label == "本年新制作数量"
    signed = {c.id for c in cells.values() if c.kind is ValueKind.SIGNED_COUNT}
    assert signed == {
        "active.art20_5.licensing.change",
        "active.art20_5.other_services.change",
        "active.art20_6.penalty.change",
        "active.art20_6.enforcement.change",
        "active.art20_8.fees.change",
    }
    money = [c for c in cells.values() if c.kind is ValueKind.MONEY]
    assert [(c.id, c.unit, c.units, c.decimals) for c in money] == [
        ("active.art20_9.procurement.amount", "元", ("元", "万元"), 6)
    ]


def test_active_paths_and_kinds_2021():
    cells = FORMAT_2021.table_by_id["active"].cell_by_id
    assert not [c for c in cells.values() if c.kind is ValueKind.SIGNED_COUNT]
    money = [c for c in cells.values() if c.kind is ValueKind.MONEY]
    assert [(c.id, c.unit, c.decimals) for c in money] == [
        ("active.art20_8.fees.amount_wan", "万元", 6)
    ]
    assert money[0].col_label == "本年收费金额（单位：万元）"
    assert money[0].units in ((), ("万元",))  # the official header fixes 万元


# ---- section 三 ---------------------------------------------------------------------
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APP_HEADERS = [
    (0, 0, 3, 3, "header", NOTE),
    (0, 3, 1, 7, "header", "申请人情况"),
    (1, 3, 2, 1, "header", "自然人"),
    (1, 4, 1, 5, "header", "法人或其他组织"),
    (1, 9, 2, 1, "header", "总计"),
    (2, 4, 1, 1, "header", "商业企业"),
    (2, 5, 1, 1, "header", "科研机构"),
    (2, 6, 1, 1, "header", "社会公益组织"),
    (2, 7, 1, 1, "header", "法律服务机构"),
    (2, 8, 1, 1, "header", "其他"),
]
APP_COLS = ("natural", "commercial", "research", "social", "legal", "other", "total")
# Body rows from the top: (row id, label cells as (col, rowspan, colspan, text)).
APP_BODY_COMMON = (
    ("new", ((0, 1, 3, "一、本年新收政府信息公开申请数量"),)),
    ("carried_in", ((0, 1, 3, "二、上年结转政府信息公开申请数量"),)),
    ("granted", ((1, 1, 2, "（一）予以公开"),)),
    ("partial", ((1, 1, 2, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),)),
    ("denied.state_secret", ((1, 8, 1, "（三）不予公开"), (2, 1, 1, "1.属于国家秘密"))),
    ("denied.prohibited", ((2, 1, 1, "2.其他法律行政法规禁止公开"),)),
    ("denied.security", ((2, 1, 1, "3.危及“三安全一稳定”"),)),
    ("denied.third_party", ((2, 1, 1, "4.保护第三方合法权益"),)),
    ("denied.internal", ((2, 1, 1, "5.属于三类内部事务信息"),)),
    ("denied.process", ((2, 1, 1, "6.属于四类过程性信息"),)),
    ("denied.enforcement_file", ((2, 1, 1, "7.属于行政执法案卷"),)),
    ("denied.query", ((2, 1, 1, "8.属于行政查询事项"),)),
    ("unable.not_held", ((1, 3, 1, "（四）无法提供"), (2, 1, 1, "1.本机关不掌握相关政府信息"))),
    ("unable.needs_creation", ((2, 1, 1, "2.没有现成信息需要另行制作"),)),
    ("unable.unclear", ((2, 1, 1, "3.补正后申请内容仍不明确"),)),
    ("unhandled.petition", ((1, 5, 1, "（五）不予处理"), (2, 1, 1, "1.信访举报投诉类申请"))),
    ("unhandled.repeat", ((2, 1, 1, "2.重复申请"),)),
    ("unhandled.publication", ((2, 1, 1, "3.要求提供公开出版物"),)),
    ("unhandled.mass_repeat", ((2, 1, 1, "4.无正当理由大量反复申请"),)),
    ("unhandled.confirm", ((2, 1, 1, "5.要求行政机关确认或重新出具已获取信息"),)),
)
APP_OTHER_2019 = (("other", ((1, 1, 2, "（六）其他处理"),)),)
APP_OTHER_2021 = (
    (
        "other.no_correction",
        (
            (1, 3, 1, "（六）其他处理"),
            (2, 1, 1, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ),
    ),
    (
        "other.no_fee",
        ((2, 1, 1, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),),
    ),
    ("other.other", ((2, 1, 1, "3.其他"),)),
)
APP_TAIL = (
    ("total", ((1, 1, 2, "（七）总计"),)),
    ("carried_out", ((0, 1, 3, "四、结转下年度继续办理"),)),
)


@pytest.mark.parametrize(
    ("spec", "other_rows", "results_span"),
    [(FORMAT_2019, APP_OTHER_2019, 20), (FORMAT_2021, APP_OTHER_2021, 22)],
    ids=["2019", "2021"],
)
def test_applications_layout(spec: FormatSpec, other_rows, results_span: int):
    table = spec.table_by_id["applications"]
    body = (*APP_BODY_COMMON, *other_rows, *APP_TAIL)
    assert (table.n_rows, table.n_cols) == (3 + len(body), 10)
    assert (table.header_rows, table.label_cols) == (3, 3)
    expected = list(APP_HEADERS)
    expected.append((5, 0, results_span, 1, "label", "三、本年度办理结果"))
    values = {}
    for i, (row_id, cells) in enumerate(body):
        r = 3 + i
        expected += [(r, col, rs, cs, "label", text) for col, rs, cs, text in cells]
        for j, col_id in enumerate(APP_COLS):
            values[(r, 3 + j)] = (f"applications.{row_id}.{col_id}", 1)
    assert labels(table) == sorted(expected)
    assert values_at(table) == values


def test_applications_paths():
    cells = FORMAT_2021.cell_by_id
    c = cells["applications.denied.state_secret.commercial"]
    assert c.row_path == ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密")
    assert c.col_path == ("申请人情况", "法人或其他组织", "商业企业")
    assert c.row_label == "（三）不予公开 1.属于国家秘密"
    assert c.col_label == "商业企业"
    n = cells["applications.new.natural"]
    assert n.row_path == ("一、本年新收政府信息公开申请数量",)
    assert n.row_label == "一、本年新收政府信息公开申请数量"
    assert n.col_path == ("申请人情况", "自然人")
    assert cells["applications.granted.total"].row_label == "（一）予以公开"
    assert cells["applications.total.total"].row_label == "（七）总计"


RESULT_ROWS_COMMON = (
    "granted",
    "partial",
    "denied.state_secret",
    "denied.prohibited",
    "denied.security",
    "denied.third_party",
    "denied.internal",
    "denied.process",
    "denied.enforcement_file",
    "denied.query",
    "unable.not_held",
    "unable.needs_creation",
    "unable.unclear",
    "unhandled.petition",
    "unhandled.repeat",
    "unhandled.publication",
    "unhandled.mass_repeat",
    "unhandled.confirm",
)
INPUT_COLS = APP_COLS[:-1]


@pytest.mark.parametrize(
    ("spec", "other"),
    [
        (FORMAT_2019, ("other",)),
        (FORMAT_2021, ("other.no_correction", "other.no_fee", "other.other")),
    ],
    ids=["2019", "2021"],
)
def test_applications_computed_cells(spec: FormatSpec, other: tuple[str, ...]):
    """R2: 总计 column = the six applicant columns; R3: （七）总计 = every result row."""
    table = spec.table_by_id["applications"]
    results = (*RESULT_ROWS_COMMON, *other)
    rows = ("new", "carried_in", *results, "total", "carried_out")
    expected = {}
    for row in rows:
        if row == "total":
            continue
        expected[f"applications.{row}.total"] = tuple(f"applications.{row}.{c}" for c in INPUT_COLS)
    for col in INPUT_COLS:
        expected[f"applications.total.{col}"] = tuple(f"applications.{r}.{col}" for r in results)
    expected["applications.total.total"] = tuple(
        f"applications.{r}.{c}" for r in results for c in INPUT_COLS
    )
    got = {c.id: c.terms for c in table.computed_cells}
    assert {k: set(v) for k, v in got.items()} == {k: set(v) for k, v in expected.items()}
    assert all(len(set(v)) == len(v) for v in got.values())  # no term counted twice
    assert len(table.inputs) == len(rows) * 6 - 6
    assert all(c.kind is ValueKind.COUNT for c in table.cells)


# ---- section 四 ---------------------------------------------------------------------
APPEAL_COLS = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)


@BOTH
def test_appeals_layout(spec: FormatSpec):
    table = spec.table_by_id["appeals"]
    assert (table.n_rows, table.n_cols, table.header_rows, table.label_cols) == (4, 15, 3, 0)
    expected = [
        (0, 0, 1, 5, "header", "行政复议"),
        (0, 5, 1, 10, "header", "行政诉讼"),
        (1, 5, 1, 5, "header", "未经复议直接起诉"),
        (1, 10, 1, 5, "header", "复议后起诉"),
    ]
    expected += [(1, i, 2, 1, "header", label) for i, (_, label) in enumerate(APPEAL_COLS)]
    for base in (5, 10):
        expected += [
            (2, base + i, 1, 1, "header", label) for i, (_, label) in enumerate(APPEAL_COLS)
        ]
    assert labels(table) == sorted(expected)
    groups = ("review", "suit_direct", "suit_after_review")
    assert values_at(table) == {
        (3, 5 * g + i): (f"appeals.{group}.{col}", 1)
        for g, group in enumerate(groups)
        for i, (col, _) in enumerate(APPEAL_COLS)
    }
    # the narrow column headers (结/果/维/持) may be set vertically
    assert all(
        g.vertical
        for g in table.grid
        if g.role is Role.HEADER and g.text in dict(APPEAL_COLS).values()
    )
    # R4: each group's 总计 = 维持 + 纠正 + 其他 + 尚未审结
    assert {c.id: c.terms for c in table.computed_cells} == {
        f"appeals.{g}.total": tuple(
            f"appeals.{g}.{c}" for c in ("upheld", "corrected", "other", "pending")
        )
        for g in groups
    }
    cells = table.cell_by_id
    assert cells["appeals.suit_direct.upheld"].col_path == (
        "行政诉讼",
        "未经复议直接起诉",
        "结果维持",
    )
    assert cells["appeals.review.pending"].col_path == ("行政复议", "尚未审结")


# ---- rule parameters ----------------------------------------------------------------
def _rules(spec: FormatSpec, cls: type) -> list:
    return [r for r in spec.rules if isinstance(r, cls)]


@BOTH
def test_balance_and_carry_over_rules(spec: FormatSpec):
    (balance,) = _rules(spec, BalanceRule)
    assert (balance.rule, balance.table) == ("R1", "applications")
    assert balance.columns == APP_COLS
    assert (balance.left, balance.right) == (("new", "carried_in"), ("total", "carried_out"))
    assert (balance.left_name, balance.right_name) == ("第一项加第二项之和", "第三项加第四项之和")
    (carry,) = _rules(spec, CarryOverRule)
    assert (carry.rule, carry.table, carry.target_row, carry.source_row) == (
        "R7",
        "applications",
        "carried_in",
        "carried_out",
    )
    (narrative,) = _rules(spec, NarrativeRule)
    assert narrative.rule == "R10" and narrative.sections == ("一",)
    (rare,) = _rules(spec, RareRowsRule)
    assert (rare.rule, rare.name, rare.total_row) == ("R11", "（六）其他处理", "total")


def test_format_specific_rules():
    (not_greater,) = _rules(FORMAT_2019, NotGreaterRule)
    assert (not_greater.rule, not_greater.small, not_greater.large) == (
        "R9",
        "published",
        "total_public",
    )
    assert not_greater.rows == ("art20_1.regulations", "art20_1.normative_docs")
    assert not _rules(FORMAT_2019, StockRule)
    (stock,) = _rules(FORMAT_2021, StockRule)
    assert (stock.rule, stock.stock, stock.added, stock.removed) == (
        "R8",
        "in_force",
        "issued",
        "repealed",
    )
    assert stock.rows == ("art20_1.regulations", "art20_1.normative_docs")
    assert not _rules(FORMAT_2021, NotGreaterRule)
    assert _rules(FORMAT_2019, RareRowsRule)[0].rows == ("other",)
    assert _rules(FORMAT_2021, RareRowsRule)[0].rows == (
        "other.no_correction",
        "other.no_fee",
        "other.other",
    )
