# ruff: noqa: E501  (official labels and the sample's paragraphs are kept whole)
"""Word reports in the shapes real ones take, built with python-docx for import tests.

Tables are written out as data, label by label, the way an office types them from
the official template — deliberately not generated from model/formats, so an
importer bug in reading a label cannot hide behind the same spec on both sides.
In the table rows, ``"<"`` continues the cell to the left (a horizontal merge) and
``"^"`` the cell above (a vertical merge).

Each builder writes a .docx and returns it with the values a careful reader takes
from it (``expected``: cell id → value; absent means blank) and fragments that the
import notes must contain.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

Rows = list[list[str]]


@dataclass
class Fixture:
    path: Path
    format_id: str
    year: int
    agency: str
    date: dt.date | None
    expected: dict[str, object]
    notes: list[str] = field(default_factory=list)  # fragments the notes must contain
    texts: dict[str, str] = field(default_factory=dict)  # section id -> text start
    units: dict[str, str] = field(default_factory=dict)


# ---- writing -------------------------------------------------------------------------
def add_table(document, rows: Rows) -> None:
    """A table from rows of texts with "<" / "^" merge markers."""
    n_cols = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=n_cols)
    table.style = "Table Grid"
    flat = table._cells  # before any merge; cells outside a merged area stay valid
    grid = [flat[r * n_cols : (r + 1) * n_cols] for r in range(len(rows))]
    for r, row in enumerate(rows):
        for c in range(n_cols):
            text = row[c] if c < len(row) else ""
            if text in ("<", "^"):
                continue
            colspan = 1
            while c + colspan < len(row) and row[c + colspan] == "<":
                colspan += 1
            rowspan = 1
            while r + rowspan < len(rows) and rows[r + rowspan][c] == "^":
                rowspan += 1
            cell = grid[r][c]
            if colspan > 1 or rowspan > 1:
                cell = cell.merge(grid[r + rowspan - 1][c + colspan - 1])
            lines = text.split("\n")
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:  # a label broken over lines: one paragraph per line
                cell.add_paragraph(line)


def auto_numbered(paragraph) -> None:
    """Mark a paragraph as a numbered list item (its number is not in the text)."""
    ppr = paragraph._p.get_or_add_pPr()
    num = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num_id = OxmlElement("w:numId")
    num_id.set(qn("w:val"), "1")
    num.append(ilvl)
    num.append(num_id)
    ppr.append(num)


def write(path: Path, parts: list) -> Path:
    """parts: str (a paragraph), list (a table's rows) or ("numbered", str)."""
    document = docx.Document()
    for part in parts:
        if isinstance(part, str):
            document.add_paragraph(part)
        elif isinstance(part, tuple):
            auto_numbered(document.add_paragraph(part[1]))
        else:
            add_table(document, part)
    document.save(str(path))
    return path


# ---- section 二 ------------------------------------------------------------------------
BLOCKS_2019 = [
    ("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("regulations", "规章"), ("normative_docs", "规范性文件")], ["made", "published", "total_public"]),
    ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
     [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")],
     ["prev_items", "change", "decisions"]),
    ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
     [("penalty", "行政处罚"), ("enforcement", "行政强制")], ["prev_items", "change", "decisions"]),
    ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减", "<"],
     [("fees", "行政事业性收费")], ["prev_items", "change"]),
    ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额", "<"],
     [("procurement", "政府集中采购")], ["projects", "amount"]),
]  # fmt: skip
BLOCKS_2021 = [
    ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
     [("regulations", "规章"), ("normative_docs", "行政规范性文件")], ["issued", "repealed", "in_force"]),
    ("第二十条第（五）项", ["信息内容", "本年处理决定数量", "<", "<"],
     [("licensing", "行政许可")], ["decisions"]),
    ("第二十条第（六）项", ["信息内容", "本年处理决定数量", "<", "<"],
     [("penalty", "行政处罚"), ("enforcement", "行政强制")], ["decisions"]),
    ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）", "<", "<"],
     [("fees", "行政事业性收费")], ["amount_wan"]),
]  # fmt: skip


def _value_cells(header: list[str], texts: list[str]) -> list[str]:
    """Place row values under a header with merges ("<" in the header continues)."""
    out: list[str] = []
    it = iter(texts)
    for h in header[1:]:
        out.append("<" if h == "<" else next(it, ""))
    return out


def active_blocks(
    blocks,
    values: dict[str, str],
    relabel: dict[str, str] | None = None,
    extra: dict[str, list[str]] | None = None,
) -> list[Rows]:
    """One row list per block of 二: caption, header, rows. values: cell id → text."""
    relabel = relabel or {}
    out: list[Rows] = []
    for caption, header, rows, cols in blocks:
        block_id = {"一": "art20_1", "五": "art20_5", "六": "art20_6", "八": "art20_8",
                    "九": "art20_9"}[caption[6]]  # fmt: skip
        table: Rows = [[caption, "<", "<", "<"], [relabel.get(h, h) for h in header]]
        for row_id, label in rows:
            texts = [values.get(f"active.{block_id}.{row_id}.{c}", "") for c in cols]
            table.append([relabel.get(label, label), *_value_cells(header, texts)])
            if extra and label in extra:
                table.append(extra[label])
        out.append(table)
    return out


def active_table(blocks, values, **kw) -> Rows:
    return [row for block in active_blocks(blocks, values, **kw) for row in block]


# ---- section 三 ------------------------------------------------------------------------
APP_COLS = ["natural", "commercial", "research", "social", "legal", "other", "total"]
APP_HEADER = [
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "<", "<",
     "申请人情况", "<", "<", "<", "<", "<", "<"],
    ["^", "^", "^", "自然人", "法人或其他组织", "<", "<", "<", "<", "总计"],
    ["^", "^", "^", "^", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "^"],
]  # fmt: skip
_RESULTS = "三、本年度办理结果"
APP_ROWS_HEAD = [
    ("new", ["一、本年新收政府信息公开申请数量", "<", "<"]),
    ("carried_in", ["二、上年结转政府信息公开申请数量", "<", "<"]),
    ("granted", [_RESULTS, "（一）予以公开", "<"]),
    ("partial", ["^", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "<"]),
    ("denied.state_secret", ["^", "（三）不予公开", "1.属于国家秘密"]),
    ("denied.prohibited", ["^", "^", "2.其他法律行政法规禁止公开"]),
    ("denied.security", ["^", "^", "3.危及“三安全一稳定”"]),
    ("denied.third_party", ["^", "^", "4.保护第三方合法权益"]),
    ("denied.internal", ["^", "^", "5.属于三类内部事务信息"]),
    ("denied.process", ["^", "^", "6.属于四类过程性信息"]),
    ("denied.enforcement_file", ["^", "^", "7.属于行政执法案卷"]),
    ("denied.query", ["^", "^", "8.属于行政查询事项"]),
    ("unable.not_held", ["^", "（四）无法提供", "1.本机关不掌握相关政府信息"]),
    ("unable.needs_creation", ["^", "^", "2.没有现成信息需要另行制作"]),
    ("unable.unclear", ["^", "^", "3.补正后申请内容仍不明确"]),
    ("unhandled.petition", ["^", "（五）不予处理", "1.信访举报投诉类申请"]),
    ("unhandled.repeat", ["^", "^", "2.重复申请"]),
    ("unhandled.publication", ["^", "^", "3.要求提供公开出版物"]),
    ("unhandled.mass_repeat", ["^", "^", "4.无正当理由大量反复申请"]),
    ("unhandled.confirm", ["^", "^", "5.要求行政机关确认或重新出具已获取信息"]),
]
APP_OTHER_2019 = [("other", ["^", "（六）其他处理", "<"])]
APP_OTHER_2021 = [
    ("other.no_correction",
     ["^", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]),
    ("other.no_fee",
     ["^", "^", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]),
    ("other.other", ["^", "^", "3.其他"]),
]  # fmt: skip
APP_TAIL = [
    ("total", ["^", "（七）总计", "<"]),
    ("carried_out", ["四、结转下年度继续办理", "<", "<"]),
]


def app_rows(format_id: str):
    other = APP_OTHER_2019 if format_id == "2019" else APP_OTHER_2021
    return [*APP_ROWS_HEAD, *other, *APP_TAIL]


def applications_table(
    format_id: str,
    cell_text,
    relabel: dict[str, str] | None = None,
    extra: dict[str, list[str]] | None = None,
) -> Rows:
    """cell_text(row_id, col_id) -> printed text. relabel: official label -> printed."""
    relabel = relabel or {}
    rows: Rows = [list(r) for r in APP_HEADER]
    for row_id, labels in app_rows(format_id):
        rows.append([relabel.get(x, x) for x in labels] + [cell_text(row_id, c) for c in APP_COLS])
        if extra and row_id in extra:
            rows.append(extra[row_id])
    return rows


# ---- section 四 ------------------------------------------------------------------------
APPEAL_GROUPS = ["review", "suit_direct", "suit_after_review"]
APPEAL_COLS = ["upheld", "corrected", "other", "pending", "total"]
_RESULT_HEADS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
APPEAL_HEADER = [
    ["行政复议", "<", "<", "<", "<", "行政诉讼", *["<"] * 9],
    [*_RESULT_HEADS, "未经复议直接起诉", "<", "<", "<", "<", "复议后起诉", "<", "<", "<", "<"],
    ["^"] * 5 + _RESULT_HEADS * 2,
]


def appeals_table(cell_text, vertical: bool = False) -> Rows:
    header = [list(r) for r in APPEAL_HEADER]
    if vertical:  # narrow headers set one character per line: 结/果/维/持
        header = [[("\n".join(t) if t in _RESULT_HEADS else t) for t in r] for r in header]
    return [*header, [cell_text(g, c) for g in APPEAL_GROUPS for c in APPEAL_COLS]]


# ---- values ------------------------------------------------------------------------------
def consistent_applications(format_id: str) -> dict[str, int]:
    """A balanced section 三 (R1 holds in every column), inputs only."""
    values: dict[str, int] = {}
    results = [r for r, _ in app_rows(format_id) if r not in ("new", "carried_in", "total",
                                                                "carried_out")]  # fmt: skip
    for k, col in enumerate(APP_COLS[:-1]):
        for j, row in enumerate(results):
            values[f"applications.{row}.{col}"] = (j + k) % 3 if (j + 2 * k) % 4 == 0 else 0
        done = sum(values[f"applications.{row}.{col}"] for row in results)
        values[f"applications.carried_out.{col}"] = k % 2
        values[f"applications.carried_in.{col}"] = 1 if k == 0 else 0
        values[f"applications.new.{col}"] = done + k % 2 - values[f"applications.carried_in.{col}"]
    return values


def _app_text(values: dict, format_id: str, print_totals: bool = True):
    results = [r for r, _ in app_rows(format_id) if r not in ("new", "carried_in", "total",
                                                                "carried_out")]  # fmt: skip

    def value(row: str, col: str) -> int | None:
        if col == "total":
            vs = [value(row, c) for c in APP_COLS[:-1]]
            return None if all(v is None for v in vs) else sum(v or 0 for v in vs)
        if row == "total":
            vs = [value(r, col) for r in results]
            return None if all(v is None for v in vs) else sum(v or 0 for v in vs)
        return values.get(f"applications.{row}.{col}")

    def text(row: str, col: str) -> str:
        if (row == "total" or col == "total") and not print_totals:
            return ""
        v = value(row, col)
        return "" if v is None else str(v)

    return text


def appeals_values() -> dict[str, int]:
    return {f"appeals.{g}.{c}": (i + j) % 2 for i, g in enumerate(APPEAL_GROUPS)
            for j, c in enumerate(APPEAL_COLS[:-1])}  # fmt: skip


def _appeal_text(values: dict):
    def text(group: str, col: str) -> str:
        if col == "total":
            vs = [values.get(f"appeals.{group}.{c}") for c in APPEAL_COLS[:-1]]
            return "" if all(v is None for v in vs) else str(sum(v or 0 for v in vs))
        v = values.get(f"appeals.{group}.{col}")
        return "" if v is None else str(v)

    return text


ACTIVE_2019 = {
    "active.art20_1.regulations.made": 0, "active.art20_1.regulations.published": 0,
    "active.art20_1.regulations.total_public": 1, "active.art20_1.normative_docs.made": 3,
    "active.art20_1.normative_docs.published": 3, "active.art20_1.normative_docs.total_public": 12,
    "active.art20_5.licensing.prev_items": 14, "active.art20_5.licensing.change": -2,
    "active.art20_5.licensing.decisions": 230, "active.art20_5.other_services.prev_items": 21,
    "active.art20_5.other_services.change": 0, "active.art20_5.other_services.decisions": 7,
    "active.art20_6.penalty.prev_items": 5, "active.art20_6.penalty.change": 1,
    "active.art20_6.penalty.decisions": 16, "active.art20_6.enforcement.prev_items": 2,
    "active.art20_6.enforcement.change": 0, "active.art20_6.enforcement.decisions": 0,
    "active.art20_8.fees.prev_items": 1, "active.art20_8.fees.change": 0,
    "active.art20_9.procurement.projects": 4, "active.art20_9.procurement.amount": Decimal("56800"),
}  # fmt: skip
ACTIVE_2021 = {
    "active.art20_1.regulations.issued": 0, "active.art20_1.regulations.repealed": 0,
    "active.art20_1.regulations.in_force": 2, "active.art20_1.normative_docs.issued": 4,
    "active.art20_1.normative_docs.repealed": 1, "active.art20_1.normative_docs.in_force": 17,
    "active.art20_5.licensing.decisions": 1234, "active.art20_6.penalty.decisions": 35,
    "active.art20_6.enforcement.decisions": 2, "active.art20_8.fees.amount_wan": Decimal("12.5"),
}  # fmt: skip


def _texts(values: dict) -> dict[str, str]:
    return {k: (f"{v}元" if k.endswith(".amount") else str(v)) for k, v in values.items()}


NARRATIVE = {
    "一": "2022年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开。",
    "五": "存在的主要问题是政策解读形式较为单一。下一步将丰富解读形式。",
    "六": "本年度未收取信息处理费。",
}
HEADINGS = {
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}


def _report(
    title: str,
    active: list,
    apps: Rows,
    appeals: Rows,
    signature: list[str],
    headings: dict[str, object] | None = None,
    narrative=None,
    preamble=(),
) -> list:
    heads = {**HEADINGS, **(headings or {})}
    narrative = narrative or NARRATIVE
    return [title, *preamble, heads["一"], narrative["一"], heads["二"], *active, heads["三"],
            apps, heads["四"], appeals, heads["五"], narrative["五"], heads["六"],
            narrative["六"], "", *signature]  # fmt: skip


# ---- the fixtures ---------------------------------------------------------------------------
def per_section_2019(folder: Path) -> Fixture:
    """A clean 2019 report: one table per section, every cell filled, totals printed."""
    apps = consistent_applications("2019")
    appeals = appeals_values()
    path = write(folder / "per_section_2019.docx", _report(
        "某某市某某区财政局2020年政府信息公开工作年度报告",
        [active_table(BLOCKS_2019, _texts(ACTIVE_2019))],
        applications_table("2019", _app_text(apps, "2019")),
        appeals_table(_appeal_text(appeals)),
        ["某某市某某区财政局", "2021年1月20日"],
    ))  # fmt: skip
    return Fixture(path, "2019", 2020, "某某市某某区财政局", dt.date(2021, 1, 20),
                   {**ACTIVE_2019, **apps, **appeals}, notes=["2019〕60号"],
                   texts={k: v[:10] for k, v in NARRATIVE.items()})  # fmt: skip


def per_section_2021(folder: Path) -> Fixture:
    """A clean 2021 report with an introduction before 一, agency before the year in
    the title, 四's headers set vertically and a date in Chinese numerals."""
    apps = consistent_applications("2021")
    appeals = appeals_values()
    path = write(folder / "per_section_2021.docx", _report(
        "某某县人民政府2022年政府信息公开工作年度报告",
        [active_table(BLOCKS_2021, _texts(ACTIVE_2021))],
        applications_table("2021", _app_text(apps, "2021")),
        appeals_table(_appeal_text(appeals), vertical=True),
        ["某某县人民政府", "二〇二三年三月十日"],
        preamble=["本报告根据《中华人民共和国政府信息公开条例》要求编制。"],
    ))  # fmt: skip
    return Fixture(path, "2021", 2022, "某某县人民政府", dt.date(2023, 3, 10),
                   {**ACTIVE_2021, **apps, **appeals},
                   notes=["2021〕30号", "本级政府", "导语"],
                   texts={"一": "本报告根据", "五": NARRATIVE["五"][:8]})  # fmt: skip


def per_block_2021(folder: Path) -> Fixture:
    """二 as one table per block, each caption a paragraph above its table; headings
    auto-numbered (the 「一、」 is not in the text)."""
    apps = consistent_applications("2021")
    appeals = appeals_values()
    blocks = active_blocks(BLOCKS_2021, _texts(ACTIVE_2021))
    active: list = []
    for rows in blocks:
        active += [rows[0][0], rows[1:]]  # caption paragraph, table without caption row
    numbered = {k: ("numbered", v.split("、", 1)[1]) for k, v in HEADINGS.items()}
    path = write(folder / "per_block_2021.docx", _report(
        "2021年某某市生态环境局政府信息公开工作年度报告",
        active,
        applications_table("2021", _app_text(apps, "2021")),
        appeals_table(_appeal_text(appeals)),
        ["某某市生态环境局", "2022年1月15日"],
        headings=numbered,
    ))  # fmt: skip
    return Fixture(path, "2021", 2021, "某某市生态环境局", dt.date(2022, 1, 15),
                   {**ACTIVE_2021, **apps, **appeals}, texts={"六": "本年度未收取"})  # fmt: skip


def blanks_and_marks_2019(folder: Path) -> Fixture:
    """Blank cells for zero, 「-」「/」「无」 in others, totals left blank."""
    active = dict(_texts(ACTIVE_2019))
    active["active.art20_6.enforcement.prev_items"] = "-"
    active["active.art20_6.enforcement.change"] = "/"
    active["active.art20_6.enforcement.decisions"] = "无"
    apps = {"applications.new.natural": 3, "applications.granted.natural": 2,
            "applications.carried_out.natural": 1, "applications.carried_in.natural": 0}  # fmt: skip
    marks = {"applications.new.commercial": "-", "applications.new.research": "/",
             "applications.new.social": "无", "applications.new.legal": "—"}  # fmt: skip
    base = _app_text(apps, "2019", print_totals=False)

    def text(row: str, col: str) -> str:
        return marks.get(f"applications.{row}.{col}", base(row, col))

    expected = {k: v for k, v in ACTIVE_2019.items() if ".enforcement." not in k}
    path = write(folder / "blanks_2019.docx", _report(
        "2020年某某区卫生健康局政府信息公开工作年度报告",
        [active_table(BLOCKS_2019, active)],
        applications_table("2019", text),
        appeals_table(lambda g, c: ""),
        ["某某区卫生健康局", "2021年1月29日"],
    ))  # fmt: skip
    return Fixture(path, "2019", 2020, "某某区卫生健康局", dt.date(2021, 1, 29),
                   {**expected, **apps},
                   notes=["个单元格填写的是「-」「/」「无」", "个单元格为空白", "个合计印为空白"])  # fmt: skip


TYPO_PARTIAL = "（二）部分公开（区分处理的，只计这一情况，不计其他情形）"
TYPO_INTERNAL = "5.属于三类内容事务信息"


def typos_2021(folder: Path) -> Fixture:
    """Typos in fixed labels, labels broken over lines, group labels typed once
    without a merge, 「5、」 for 「五、」, money with a unit in 元 under a 万元 header."""
    apps = consistent_applications("2021")
    appeals = appeals_values()
    relabel = {
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": TYPO_PARTIAL,
        "5.属于三类内部事务信息": TYPO_INTERNAL,
        "本年制发件数": "本年制发\n件数",
        "现行有效件数": "现行有效\n件数",
        "一、本年新收政府信息公开申请数量": "一、本年新收政府信息\n公开申请数量",
    }
    rows = applications_table("2021", _app_text(apps, "2021"), relabel=relabel)
    # group labels typed once: continuation cells left empty instead of merged
    for row in rows[3:]:
        for i in (0, 1):
            if row[i] == "^":
                row[i] = ""
    values = dict(_texts(ACTIVE_2021))
    values["active.art20_8.fees.amount_wan"] = "125000元"
    path = write(folder / "typos_2021.docx", _report(
        "2021年某某区市场监督管理局政府信息公开工作年度报告",
        [active_table(BLOCKS_2021, values, relabel=relabel)],
        rows,
        appeals_table(_appeal_text(appeals)),
        ["某某区市场监督管理局", "2022年1月10日"],
        headings={"五": "5、 存在的主要问题及改进情况"},
    ))  # fmt: skip
    return Fixture(path, "2021", 2021, "某某区市场监督管理局", dt.date(2022, 1, 10),
                   {**ACTIVE_2021, **apps, **appeals},
                   notes=["只计这一情况", "三类内容事务信息", "5、", "已换算为 12.5万元"],
                   texts={"五": "存在的主要问题"})  # fmt: skip


def extra_rows_2019(folder: Path) -> Fixture:
    """Local rows added to the national tables, in 二 and in 三."""
    apps = consistent_applications("2019")
    appeals = appeals_values()
    extra_active = {"规范性文件": ["其中：涉企规范性文件", "1", "1", "5"]}
    extra_apps = {"granted": ["^", "其中：网上申请", "<", "2", "", "", "", "", "", "2"]}
    path = write(folder / "extra_rows_2019.docx", _report(
        "2020年某某市交通运输局政府信息公开工作年度报告",
        [active_table(BLOCKS_2019, _texts(ACTIVE_2019), extra=extra_active)],
        applications_table("2019", _app_text(apps, "2019"), extra=extra_apps),
        appeals_table(_appeal_text(appeals)),
        ["某某市交通运输局", "2021年1月22日"],
    ))  # fmt: skip
    return Fixture(path, "2019", 2020, "某某市交通运输局", dt.date(2021, 1, 22),
                   {**ACTIVE_2019, **apps, **appeals},
                   notes=["「其中：涉企规范性文件」不是官方表格中的行", "其中：网上申请」不是官方表格中的行"])  # fmt: skip


def units_2019(folder: Path) -> Fixture:
    """Numbers as typed: an amount in 万元, 「+2」, full-width digits, 「3件」, 「3（项）」,
    spaces."""
    values = dict(_texts(ACTIVE_2019))
    values["active.art20_9.procurement.amount"] = "5.68万元"
    values["active.art20_6.penalty.change"] = "+1"
    values["active.art20_5.licensing.decisions"] = "２３０"
    values["active.art20_6.penalty.decisions"] = "16件"
    revoked = "active.art20_5.licensing.prev_items"
    values[revoked] = f"{ACTIVE_2019[revoked]}（项）"
    values["active.art20_1.normative_docs.total_public"] = " 12 "
    expected = {**ACTIVE_2019, "active.art20_9.procurement.amount": Decimal("5.68")}
    apps = consistent_applications("2019")
    appeals = appeals_values()
    path = write(folder / "units_2019.docx", _report(
        "2020年某某镇人民政府办公室政府信息公开工作年度报告",
        [active_table(BLOCKS_2019, values)],
        applications_table("2019", _app_text(apps, "2019")),
        appeals_table(_appeal_text(appeals)),
        ["某某镇人民政府办公室", "2021年1月5日"],
    ))  # fmt: skip
    return Fixture(path, "2019", 2020, "某某镇人民政府办公室", dt.date(2021, 1, 5),
                   {**expected, **apps, **appeals},
                   units={"active.art20_9.procurement.amount": "万元"},
                   notes=["5.68万元", "去掉了单位「件」", "去掉了单位「项」", "部门年度报告"])  # fmt: skip


def inconsistent_total_2021(folder: Path) -> Fixture:
    """（七）总计 printed inconsistently with its items, and 一+二 ≠ 三+四 in 自然人.
    The items are kept as read; validation then flags R1."""
    apps = consistent_applications("2021")
    apps["applications.granted.natural"] += 2  # the items say 2 more than the balance allows
    good = _app_text(consistent_applications("2021"), "2021")
    shown = _app_text(apps, "2021")

    def text(row: str, col: str) -> str:
        if row == "total":  # the printed 总计 row is the one before the change
            return good(row, col)
        return shown(row, col)

    appeals = appeals_values()
    path = write(folder / "inconsistent_2021.docx", _report(
        "2022年某某区教育局政府信息公开工作年度报告",
        [active_table(BLOCKS_2021, _texts(ACTIVE_2021))],
        applications_table("2021", text),
        appeals_table(_appeal_text(appeals)),
        ["某某区教育局", "2023年1月18日"],
    ))  # fmt: skip
    return Fixture(path, "2021", 2022, "某某区教育局", dt.date(2023, 1, 18),
                   {**ACTIVE_2021, **apps, **appeals},
                   notes=["「（七）总计 / 自然人」：文档中印的是"])  # fmt: skip


# ---- the real 2020 sample report, as published (structure and text copied) ------------
SAMPLE_TITLE = "2020年区经信局政府信息公开工作年度报告"
SAMPLE_ONE = [
    "2020年，定海区经济和信息化局政务公开工作以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九届四中、五中全会精神，认真贯彻落实《中华人民共和国政府信息公开条例》（中华人民共和国国务院令第711号）和《舟山市定海区人民政府办公室关于印发 2020 年定海区政务公开工作要点的通知》等文件要求，紧紧围绕区委、区政府中心工作和经信、科技重点工作以及企业关注关切问题，不断加大和改进政府信息公开工作力度，增强行政工作透明度，推进政务管理的制度化、规范化、科学化和民主化。",
    "（一）加强领导，工作到位。为确保政务公开各项工作落到实处，我局及时调整政务公开工作领导小组成员及工作职责，单位“一把手”为第一责任人，办公室分管领导为直接责任人，领导小组下设办公室，负责协调跟踪督办局机关政务公开的日常工作。同时把政府信息公开工作列入重要议事日程，明确2位同志为局信息员，具体负责政府信息公开内容维护、组织协调等日常工作，每个业务科室明确1位信息员，负责收集、整理政府信息，由局信息员统一发布，确保信息公开全面、及时、准确、无差错。",
    "（二）建设平台，健全机制。明确局机关政务信息公开的责任，使政务公开工作真正做到有章可循。同时进一步完善政务平台建设，在坚持政务公开栏基础上，按照便利、实用、有效的原则，认真创新政务公开的新载体、新形式，使政务公开的形式呈现灵活多样。一是建设网络阵地。把网站列为公开信息的重要途径，建设“1+7+X”定海中小企业公共服务平台，汇集国家、省、市、区级层面现行有效的综合性政策、行业政策文件和权威解读，为企业提供“找得到、看得懂、用得上”的政策服务。同时，在定海门户网站区经信局子栏中开设工作动态、通知公告、政务公开、互动交流等版块，将公开信息逐一上网发布，并设立局长信箱专门接受群众投诉举报。二是开展线下宣传。从经信科技实际工作出发，编制《定海简介》和《定海经信科技概况》，向社会公开，展示定海风貌及经信科技年度工作。此外利用“871”党建联盟、科技活动周、科普节、“三服务”、企业座谈会等活动，学习宣传《浙江省民营经济促进条例》等最新政策法规，及时回应涉及经信科技的相关问题。",
    "（三）正常发布，主动公开。局政务公开负责人员严格按“一周一检查、一月一补缺、一季一测评”原则进行政务公开工作，每天登录网页查看预警栏目并进行相应更新，每周检查一次更新内容及更新频率是否达到要求，每月查看未更新栏目及时查缺补漏，每季度根据测评结果进行自查和改进，以确保常态化发布。在具体信息公开上，业务公开信息主要由局机关各科室撰写、分管领导审核、办公室公开；政策解读主要来自对国家、省、市级经信、科技、科协部门的相关政策解读内容进行公布，本级政策则根据部门权责及工作要点细分给各科室进行解读；回应关切主要来源于本部门相关政策及工作开展情况，对企业群众关心关注的问题进行及时回应。",
    "（四）突出重点，全面推进。围绕局重点工作，主动公开涉及我区企业利益调整相关的政府信息，包括涉企的行政法规、规章和规范性文件；涉企的行政许可和其他涉企服务事项的依据、条件、材料、受理机构、联系电话、办理流程以及办理结果等；涉企的行政处罚、行政强制等相关内容。截至目前，局网站已对定海区2020年工业发展专项资金分配方案、定海区2020年创新券兑现经费、全区工业企业“亩均论英雄”评价结果等重要涉企资金分配使用及名单信息予以公示。",
    "（五）强化监督，建言献策。采取多种形式，强化监督检查工作，实行定期检查与不定期检查相结合，将政务公开工作与党风廉政建设、行风建设等工作进行综合检查、考评，并将考评结果纳入岗位目标责任制。严把公开内容和项目关，既防止该公开的不公开、半公开、假公开，又防止不该公开的乱公开。鼓励广大干部、群众积极参与监督，积极反映公开过程中存在的突出问题，使公开工作更加扎实、有序开展。",
]  # fmt: skip
SAMPLE_FIVE = [
    "    2020年，我局政务公开工作稳步有序开展，但与公众需求还存在一些差距，主要是政务信息公开时效性不强，信息公开时间节点把握不准；政务信息公开内容还不全面，质量还有待提高。",
    "    下一步，我局将进一步加强对政务公开工作的组织领导，认真制定切实可行的措施，以求真务实的作风，扎实做好政务公开工作，重点抓好以下工作：一是进一步提高机关干部对做好政务公开工作的认识，加强对政府信息公开相关制度的学习，不断提高政府信息公开工作的质量；二是进一步加强对政务公开工作的领导和监督，层层落实责任，确保把政务公开工作落到实处；三是进一步健全和完善信息公开各项制度。规范和完善政务公开的内容、形式，对涉及公众关心的重大问题、重大决策应该公开的及时公开，提高公开的时效性。",
]  # fmt: skip
# 二 as printed: five blocks in one table; header cells broken over two lines.
SAMPLE_ACTIVE: Rows = [
    ["第二十条第（一）项", "<", "<", "<"],
    ["信息内容", "本年新\n制作数量", "本年新\n公开数量", "对外公开总数量"],
    ["规章", "0", "0", "0"],
    ["规范性文件", "2", "2", "2"],
    ["第二十条第（五）项", "<", "<", "<"],
    ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
    ["行政许可", "3", "-1", "2"],
    ["其他对外管理服务事项", "21", "-14", "5"],
    ["第二十条第（六）项", "<", "<", "<"],
    ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
    ["行政处罚", "0", "0", "0"],
    ["行政强制", "0", "0", "0"],
    ["第二十条第（八）项", "<", "<", "<"],
    ["信息内容", "上一年项目数量", "本年增/减", "<"],
    ["行政事业性收费", "0", "0", "<"],
    ["第二十条第（九）项", "<", "<", "<"],
    ["信息内容", "采购项目数量", "采购总金额", "<"],
    ["政府集中采购", "5", "109994元", "<"],
]
# 三: only 自然人 filled where the sample has numbers (with a leading space); the rest blank.
SAMPLE_APPS_NATURAL = {"new": " 1", "carried_in": " 0", "granted": " 1", "carried_out": " 0"}
# 四: blanks, and 0 printed in the three 总计 cells.
SAMPLE_APPEALS = {("review", "total"): "0 ", ("suit_direct", "total"): " 0",
                  ("suit_after_review", "total"): "0"}  # fmt: skip
SAMPLE_SIGNATURE = ["舟山市定海区经济和信息化局", "2021年1月8日     ", "   "]


def sample_2020(folder: Path) -> Fixture:
    """The real 2020 report of 舟山市定海区经济和信息化局 (2019 format), as published:
    「5、」 for 「五、」, no section 六, most cells of 三 and 四 blank, totals blank,
    the amount with its unit, the agency abbreviated in the title."""
    apps = applications_table(
        "2019",
        lambda row, col: SAMPLE_APPS_NATURAL.get(row, "") if col == "natural" else " ",
    )
    appeals = appeals_table(lambda g, c: SAMPLE_APPEALS.get((g, c), " "))
    parts = [SAMPLE_TITLE, "", HEADINGS["一"], *SAMPLE_ONE, "", "", HEADINGS["二"], SAMPLE_ACTIVE,
             "", HEADINGS["三"], apps, "", HEADINGS["四"], appeals, "",
             "5、 存在的主要问题及改进情况", *SAMPLE_FIVE, "", "", *SAMPLE_SIGNATURE]  # fmt: skip
    path = write(folder / "sample_2020.docx", parts)
    expected: dict[str, object] = {
        "active.art20_1.regulations.made": 0, "active.art20_1.regulations.published": 0,
        "active.art20_1.regulations.total_public": 0, "active.art20_1.normative_docs.made": 2,
        "active.art20_1.normative_docs.published": 2,
        "active.art20_1.normative_docs.total_public": 2,
        "active.art20_5.licensing.prev_items": 3, "active.art20_5.licensing.change": -1,
        "active.art20_5.licensing.decisions": 2, "active.art20_5.other_services.prev_items": 21,
        "active.art20_5.other_services.change": -14,
        "active.art20_5.other_services.decisions": 5,
        "active.art20_6.penalty.prev_items": 0, "active.art20_6.penalty.change": 0,
        "active.art20_6.penalty.decisions": 0, "active.art20_6.enforcement.prev_items": 0,
        "active.art20_6.enforcement.change": 0, "active.art20_6.enforcement.decisions": 0,
        "active.art20_8.fees.prev_items": 0, "active.art20_8.fees.change": 0,
        "active.art20_9.procurement.projects": 5,
        "active.art20_9.procurement.amount": Decimal("109994"),
        "applications.new.natural": 1, "applications.carried_in.natural": 0,
        "applications.granted.natural": 1, "applications.carried_out.natural": 0,
    }  # fmt: skip
    return Fixture(
        path, "2019", 2020, "舟山市定海区经济和信息化局", dt.date(2021, 1, 8), expected,
        notes=["区经信局", "5、", "没有找到「六、其他需要报告的事项」", "109994元",
               "个合计印为空白", "印的是 0，但各项均未填写"],
        texts={"一": SAMPLE_ONE[0][:20], "五": SAMPLE_FIVE[0].strip()[:20]},
    )  # fmt: skip


BUILDERS = (
    per_section_2019,
    per_section_2021,
    per_block_2021,
    blanks_and_marks_2019,
    typos_2021,
    extra_rows_2019,
    units_2019,
    inconsistent_total_2021,
    sample_2020,
)
