"""Labels and structures that the 2019 and 2021 formats print identically.

Both format modules import these; a future format that changes any of them
defines its own instead of editing this file.
"""

from __future__ import annotations

from model.formats._build import (
    AppealGroup,
    ApplicationsLayout,
    Col,
    ResultGroup,
    appeals_table,
    applications_rows,
    applications_table,
)
from model.spec import (
    BalanceRule,
    CarryOverRule,
    Deadline,
    NarrativeFigure,
    NarrativeRule,
    Section,
    TableSpec,
    TextSection,
)

# ---- sections -------------------------------------------------------------------
HEADINGS = {
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}
SHEET_NAMES = {"二": "二、主动公开", "三": "三、依申请公开", "四": "四、复议诉讼"}

PROMPT_FIVE = (
    "报告本机关政府信息公开工作存在的主要问题、上一年度问题的改进情况，以及下一步工作打算。"
)


def sections(one: TextSection, six: TextSection) -> tuple[Section, ...]:
    return (
        Section("一", HEADINGS["一"], text=one),
        Section("二", HEADINGS["二"], table="active"),
        Section("三", HEADINGS["三"], table="applications"),
        Section("四", HEADINGS["四"], table="appeals"),
        Section("五", HEADINGS["五"], text=TextSection("五", prompt=PROMPT_FIVE)),
        Section("六", HEADINGS["六"], text=six),
    )


# 条例第四十九条: departments by 1月31日, a government's own (本级) report by 3月31日.
DEADLINES = {"department": Deadline(1, 31), "government": Deadline(3, 31)}
TITLE_SUFFIX = "政府信息公开工作年度报告"

# ---- section 三 ------------------------------------------------------------------
APPLICATIONS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANT_HEADER = "申请人情况"
NATURAL = Col("natural", "自然人")
ORG_HEADER = "法人或其他组织"
ORGS = (
    Col("commercial", "商业企业"),
    Col("research", "科研机构"),
    Col("social", "社会公益组织"),
    Col("legal", "法律服务机构"),
    Col("other", "其他"),
)
TOTAL = Col("total", "总计")
APPLICATION_COLUMNS = ("natural", *(c.id for c in ORGS), "total")

HEAD_ROWS = (
    ("new", "一、本年新收政府信息公开申请数量"),
    ("carried_in", "二、上年结转政府信息公开申请数量"),
)
RESULTS_LABEL = "三、本年度办理结果"
RESULT_GROUPS_BEFORE_OTHER = (
    ResultGroup("（一）予以公开", row_id="granted"),
    ResultGroup("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", row_id="partial"),
    ResultGroup(
        "（三）不予公开",
        items=(
            ("denied.state_secret", "1.属于国家秘密"),
            ("denied.prohibited", "2.其他法律行政法规禁止公开"),
            ("denied.security", "3.危及“三安全一稳定”"),
            ("denied.third_party", "4.保护第三方合法权益"),
            ("denied.internal", "5.属于三类内部事务信息"),
            ("denied.process", "6.属于四类过程性信息"),
            ("denied.enforcement_file", "7.属于行政执法案卷"),
            ("denied.query", "8.属于行政查询事项"),
        ),
    ),
    ResultGroup(
        "（四）无法提供",
        items=(
            ("unable.not_held", "1.本机关不掌握相关政府信息"),
            ("unable.needs_creation", "2.没有现成信息需要另行制作"),
            ("unable.unclear", "3.补正后申请内容仍不明确"),
        ),
    ),
    ResultGroup(
        "（五）不予处理",
        items=(
            ("unhandled.petition", "1.信访举报投诉类申请"),
            ("unhandled.repeat", "2.重复申请"),
            ("unhandled.publication", "3.要求提供公开出版物"),
            ("unhandled.mass_repeat", "4.无正当理由大量反复申请"),
            ("unhandled.confirm", "5.要求行政机关确认或重新出具已获取信息"),
        ),
    ),
)
OTHER_LABEL = "（六）其他处理"
TOTAL_ROW = ("total", "（七）总计")
TAIL_ROWS = (("carried_out", "四、结转下年度继续办理"),)

# R1, printed in the table itself.
BALANCE_LEFT = ("new", "carried_in")
BALANCE_RIGHT = ("total", "carried_out")
BALANCE_LEFT_NAME = "第一项加第二项之和"
BALANCE_RIGHT_NAME = "第三项加第四项之和"

# R10: figures that narratives quote from table 三.
NARRATIVE_FIGURES = (
    NarrativeFigure(
        r"(?:新?收到|受理|新收)[^。；，,]{0,12}?(?:政府)?信息公开申请(?:共计|共|合计)?\s*(\d+)\s*件",
        "applications.new.total",
        "本年新收政府信息公开申请数量",
    ),
    NarrativeFigure(
        r"上年结转[^。；，,]{0,12}?(?:申请)?(?:共计|共|合计)?\s*(\d+)\s*件",
        "applications.carried_in.total",
        "上年结转政府信息公开申请数量",
    ),
    NarrativeFigure(
        r"(?:结转下年度|结转下一年度|结转至下年度)[^。；，,]{0,10}?(\d+)\s*件",
        "applications.carried_out.total",
        "结转下年度继续办理数量",
    ),
)

# ---- section 四 ------------------------------------------------------------------
REVIEW = AppealGroup("review", "行政复议", None)
SUIT_HEADER = "行政诉讼"
SUITS = (
    AppealGroup("suit_direct", "未经复议直接起诉", SUIT_HEADER),
    AppealGroup("suit_after_review", "复议后起诉", SUIT_HEADER),
)
APPEAL_COLS = (
    Col("upheld", "结果维持"),
    Col("corrected", "结果纠正"),
    Col("other", "其他结果"),
    Col("pending", "尚未审结"),
)
APPEAL_TOTAL = Col("total", "总计")


# ---- builders: the tables and rules both formats print alike ---------------------
def applications(other: ResultGroup) -> TableSpec:
    """Section 三; the formats differ only in their （六）其他处理 group."""
    rows, spans, paths = applications_rows(
        HEAD_ROWS, RESULTS_LABEL, (*RESULT_GROUPS_BEFORE_OTHER, other), TOTAL_ROW, TAIL_ROWS
    )
    layout = ApplicationsLayout(
        APPLICATIONS_NOTE, APPLICANT_HEADER, NATURAL, ORG_HEADER, ORGS, TOTAL, rows, spans, paths
    )
    return applications_table("三", SHEET_NAMES["三"], layout)


def appeals() -> TableSpec:
    return appeals_table(
        "四", SHEET_NAMES["四"], REVIEW, SUIT_HEADER, SUITS, APPEAL_COLS, APPEAL_TOTAL
    )


BALANCE = BalanceRule(
    "R1",
    "applications",
    APPLICATION_COLUMNS,
    BALANCE_LEFT,
    BALANCE_RIGHT,
    BALANCE_LEFT_NAME,
    BALANCE_RIGHT_NAME,
)
CARRY_OVER = CarryOverRule("R7", "applications", APPLICATION_COLUMNS, "carried_in", "carried_out")
NARRATIVE = NarrativeRule("R10", ("一",), NARRATIVE_FIGURES)
