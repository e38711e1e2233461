"""The 2019 format: 国办公开办函〔2019〕60号, for report years 2019 and 2020."""

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
    NotGreaterRule,
    RareRowsRule,
    TextSection,
    ValueKind,
)

_PREV = Col("prev_items", "上一年项目数量")
_CHANGE = Col("change", "本年增/减", ValueKind.SIGNED_COUNT)
_DECISIONS = Col("decisions", "处理决定数量")

ACTIVE = active_table(
    "二",
    s.SHEET_NAMES["二"],
    (
        Block(
            "art20_1",
            "第二十条第（一）项",
            (
                Col("made", "本年新制作数量"),
                Col("published", "本年新公开数量"),
                Col("total_public", "对外公开总数量"),
            ),
            (("regulations", "规章"), ("normative_docs", "规范性文件")),
        ),
        Block(
            "art20_5",
            "第二十条第（五）项",
            (_PREV, _CHANGE, _DECISIONS),
            (("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")),
        ),
        Block(
            "art20_6",
            "第二十条第（六）项",
            (_PREV, _CHANGE, _DECISIONS),
            (("penalty", "行政处罚"), ("enforcement", "行政强制")),
        ),
        Block(
            "art20_8",
            "第二十条第（八）项",
            (_PREV, _CHANGE),
            (("fees", "行政事业性收费"),),
            trailing_blank=1,
        ),
        Block(
            "art20_9",
            "第二十条第（九）项",
            (
                Col("projects", "采购项目数量"),
                Col(
                    "amount",
                    "采购总金额",
                    ValueKind.MONEY,
                    unit="元",
                    units=("元", "万元"),
                    decimals=MONEY_DECIMALS,
                ),
            ),
            (("procurement", "政府集中采购"),),
            trailing_blank=1,
        ),
    ),
)

APPLICATIONS = s.applications(ResultGroup(s.OTHER_LABEL, row_id="other"))
APPEALS = s.appeals()

FORMAT_2019 = FormatSpec(
    id="2019",
    name="中华人民共和国政府信息公开工作年度报告格式（试行）",
    issued_by="国办公开办函〔2019〕60号",
    first_year=2019,
    last_year=2020,
    title_suffix=s.TITLE_SUFFIX,
    sections=s.sections(
        TextSection(
            "一",
            prompt="概述本机关本年度政府信息公开工作的总体情况。",
        ),
        TextSection(
            "六",
            prompt="报告其他需要报告的事项（《条例》第五十条第（五）项）；确无其他事项的，也应写明。",
        ),
    ),
    tables=(ACTIVE, APPLICATIONS, APPEALS),
    rules=(
        s.BALANCE,
        s.CARRY_OVER,
        NotGreaterRule(
            "R9",
            "active",
            ("art20_1.regulations", "art20_1.normative_docs"),
            "published",
            "total_public",
        ),
        s.NARRATIVE,
        RareRowsRule("R11", "applications", ("other",), "total", "total", 5, 0.1, s.OTHER_LABEL),
    ),
    required_sections=("一", "五", "六"),
    deadlines=s.DEADLINES,
)
