"""The revised 2021 format: 国办公开办函〔2021〕30号, for report years 2021 on."""

from __future__ import annotations

from model.formats import _shared as s
from model.formats._build import (
    Block,
    Col,
    ResultGroup,
    active_table,
)
from model.limits import MONEY_DECIMALS
from model.spec import (
    FormatSpec,
    RareRowsRule,
    StockRule,
    TextSection,
    ValueKind,
)

_DECISIONS = Col("decisions", "本年处理决定数量", span=3)

ACTIVE = active_table(
    "二",
    s.SHEET_NAMES["二"],
    (
        Block(
            "art20_1",
            "第二十条第（一）项",
            (
                Col("issued", "本年制发件数"),
                Col("repealed", "本年废止件数"),
                Col("in_force", "现行有效件数"),
            ),
            (("regulations", "规章"), ("normative_docs", "行政规范性文件")),
        ),
        Block("art20_5", "第二十条第（五）项", (_DECISIONS,), (("licensing", "行政许可"),)),
        Block(
            "art20_6",
            "第二十条第（六）项",
            (_DECISIONS,),
            (("penalty", "行政处罚"), ("enforcement", "行政强制")),
        ),
        Block(
            "art20_8",
            "第二十条第（八）项",
            (
                Col(
                    "amount_wan",
                    "本年收费金额（单位：万元）",
                    ValueKind.MONEY,
                    unit="万元",
                    decimals=MONEY_DECIMALS,
                    span=3,
                ),
            ),
            (("fees", "行政事业性收费"),),
        ),
    ),
)

_OTHER_ROWS = (
    ("other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other.no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other.other", "3.其他"),
)
APPLICATIONS = s.applications(ResultGroup(s.OTHER_LABEL, items=_OTHER_ROWS))
APPEALS = s.appeals()

# The five areas the 2021 notice asks 一 to cover; offered as an outline.
OUTLINE_ONE = (
    "（一）主动公开",
    "（二）依申请公开",
    "（三）政府信息管理",
    "（四）政府信息公开平台建设",
    "（五）监督保障",
)

FORMAT_2021 = FormatSpec(
    id="2021",
    name="中华人民共和国政府信息公开工作年度报告格式",
    issued_by="国办公开办函〔2021〕30号",
    first_year=2021,
    last_year=None,
    title_suffix=s.TITLE_SUFFIX,
    sections=s.sections(
        TextSection(
            "一",
            outline=OUTLINE_ONE,
            prompt=(
                "围绕主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面，"
                "概述本年度政府信息公开工作情况（本级政府还应报告工作考核、社会评议和责任追究结果情况）。"
            ),
        ),
        TextSection(
            "六",
            prompt=(
                "报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，以及落实上级年度政务"
                "公开工作要点、人大代表建议和政协提案办理结果公开、年度政务公开工作创新等情况。"
            ),
            fee_statement=True,
        ),
    ),
    tables=(ACTIVE, APPLICATIONS, APPEALS),
    rules=(
        s.BALANCE,
        s.CARRY_OVER,
        StockRule(
            "R8",
            "active",
            ("art20_1.regulations", "art20_1.normative_docs"),
            "in_force",
            "issued",
            "repealed",
        ),
        s.NARRATIVE,
        RareRowsRule(
            "R11",
            "applications",
            tuple(r for r, _ in _OTHER_ROWS),
            "total",
            "total",
            5,
            0.1,
            s.OTHER_LABEL,
        ),
    ),
    required_sections=("一", "五", "六"),
    deadlines=s.DEADLINES,
)
