"""Where Chinese text may break between lines: between the words of an agency name
and of the official table labels, never inside one.

A renderer breaks Chinese anywhere between two characters, so 「住房和城乡建设局」
may end a line with 「城乡」 and a column header 「商业企业」 with 「商业企」. The export
chooses the breaks itself, from the words below, and writes them as line breaks.

Agency names break after the units they are made of (省/市/县/区, 人民政府, 局,
委员会, 办公室, 中心, a closing bracket …) and before an opening bracket; a unit
that is part of a longer word (市场, 城乡, 区域 …) or that opens a clause as an
abbreviation (「（区粮食和物资储备局」) is not a boundary. A line never starts with
closing punctuation (、，。）) nor ends with an opening bracket.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import combinations, pairwise

# ---- punctuation ------------------------------------------------------------------------
CLOSING = frozenset("、，。；：？！）》」』”’〕】…%,.;:?!)]")
OPENING = frozenset("（《「『“‘〔【([")

# ---- agency names -----------------------------------------------------------------------
# Units after which a name may break, longest first (a longer unit wins).
NAME_UNITS = (
    "中华人民共和国",
    "街道办事处",
    "人民政府",
    "管委会",
    "委员会",
    "办公室",
    "办公厅",
    "办事处",
    "自治区",
    "自治州",
    "自治县",
    "国务院",
    "总局",
    "分局",
    "支队",
    "大队",
    "中心",
    "街道",
    "省",
    "市",
    "州",
    "盟",
    "县",
    "旗",
    "区",
    "镇",
    "乡",
    "局",
    "厅",
    "委",
    "部",
    "署",
    "院",
    "所",
    "站",
    "队",
    "处",
    "）",
    ")",
    "、",
)
# Words that hold a unit's character but are no unit: a break inside them is a
# break inside a word (「市场监督管理局」 never breaks after 「市」).
NAME_WORDS = (
    "市场",
    "市政",
    "市容",
    "市民",
    "市级",
    "市县",
    "城乡建设",
    "城市管理",
    "乡村",
    "乡镇",
    "区域",
    "区划",
    "县域",
    "县级",
    "省级",
    "区级",
    "镇街",
    "州府",
    "局长",
    "处理",
    "办理",
    "部门",
    "院校",
    "所属",
    "站点",
    "队伍",
    "委托",
    "中心城区",
)
# Second choice when the units give no breaks that fit: after a conjunction.
NAME_JOINERS = ("和", "与", "及")


def _inside_word(text: str, i: int, words: Iterable[str]) -> bool:
    """Does a word of `words` run across position `i` (start before, end after)?"""
    for word in words:
        start = text.find(word, max(0, i - len(word) + 1))
        while 0 <= start < i:
            if start + len(word) > i:
                return True
            start = text.find(word, start + 1)
    return False


def legal_break(text: str, i: int) -> bool:
    """May a line end before text[i]? Not before closing punctuation, not after an
    opening bracket, not inside a protected word."""
    if not 0 < i < len(text):
        return False
    if text[i] in CLOSING or text[i - 1] in OPENING:
        return False
    return not _inside_word(text, i, NAME_WORDS)


def _unit_before(text: str, i: int) -> bool:
    head = text[:i]
    for unit in NAME_UNITS:
        if head.endswith(unit):
            if len(unit) > 1 or unit in CLOSING:
                return True
            # a one-character unit closes a word only after at least one character
            # of a name: 「（区粮食」 and 「、区国防」 use 区 as an abbreviation
            before = head[:-1]
            return bool(before) and before[-1] not in OPENING and before[-1] not in CLOSING
    return False


def name_breaks(name: str) -> tuple[set[int], set[int], set[int]]:
    """Break positions of an agency name in three tiers: after a unit or before an
    opening bracket; after a conjunction (和/与/及); anywhere else that is legal."""
    units, joiners, anywhere = set(), set(), set()
    for i in range(1, len(name)):
        if not legal_break(name, i):
            continue
        anywhere.add(i)
        if name[i] in OPENING or _unit_before(name, i):
            units.add(i)
        elif name[i - 1] in NAME_JOINERS:
            joiners.add(i)
    return units, joiners, anywhere


def balanced_lines(
    text: str,
    candidates: set[int],
    width: Callable[[str], float],
    limit: float,
    max_lines: int,
) -> list[str] | None:
    """`text` broken at some of `candidates` into the fewest lines of at most `limit`
    (at most `max_lines`), among those the most even; on a tie the earlier lines
    shorter (梯形). None when no choice fits."""
    if width(text) <= limit:
        return [text]
    points = sorted(c for c in candidates if 0 < c < len(text))
    for count in range(2, max_lines + 1):
        if len(points) > 40 and count > 2:
            break  # too many ways: the caller fills lines instead
        best = None
        for breaks in combinations(points, count - 1):
            bounds = [0, *breaks, len(text)]
            widths = [width(text[a:b]) for a, b in pairwise(bounds)]
            if max(widths) <= limit:
                key = (max(widths) - min(widths), widths)
                if best is None or key < best[0]:
                    best = (key, bounds)
        if best is not None:
            return [text[a:b] for a, b in pairwise(best[1])]
    return None


# ---- table labels -------------------------------------------------------------------------
# The words of the official table labels (formats.md §3–§5); what is not listed
# breaks between characters. 「社会公益组织」 → 社会|公益|组织.
_TABLE_WORDS = """
    信息 内容 本年 新制作 新公开 数量 对外 公开 总数量 规章 规范性 文件 上一年 项目 增/减
    处理 决定 行政 许可 其他 管理 服务 事项 处罚 强制 事业性 收费 采购 总金额 政府 集中
    本列 数据的 勾稽 关系为 第一项 第二项 第三项 第四项 之和 等于 申请人 情况 自然人 法人
    组织 总计 商业 企业 科研 机构 社会 公益 法律 新收 申请 上年 结转 予以 部分 区分 只计
    这一 情形 不计 不予 属于 国家 秘密 法规 禁止 危及 三安全 一稳定 保护 第三方 合法 权益
    三类 内部 事务 四类 过程性 执法 案卷 查询 无法 提供 本机关 不掌握 相关 没有 现成 需要
    另行 制作 补正后 仍不 明确 信访 举报 投诉类 重复 要求 出版物 无正当 理由 大量 反复
    行政机关 确认 重新 出具 已获取 本年度 办理 结果 下年度 继续 复议 诉讼 维持 纠正 尚未
    审结 未经 直接 起诉 复议后 制发 件数 废止 现行 有效 单位 万元 逾期 不补正 不再 未按
    通知 缴纳 费用 第二十条 金额 稳定 安全 年度
"""
TABLE_WORDS = frozenset(_TABLE_WORDS.split())
_LONGEST_WORD = max(len(w) for w in TABLE_WORDS)
# 「一、」「（一）」「1.」 at the start of a label stay with the word they number
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．])")


def table_words(text: str, ordinal_alone: bool = False) -> list[str]:
    """`text` cut into the units a line may break between: the longest words of
    TABLE_WORDS, other characters one by one; closing punctuation stays with the
    word before it, an opening bracket with the word after it, and so does a
    leading ordinal (「一、」「（一）」「1.」) unless `ordinal_alone`."""
    match = _ORDINAL.match(text)
    ordinal = match.group() if match else ""
    rest = text[len(ordinal) :]
    if ordinal and ordinal_alone:
        return [ordinal, *table_words(rest)]
    raw: list[str] = []
    i = 0
    while i < len(rest):
        n = next(
            n
            for n in range(min(_LONGEST_WORD, len(rest) - i), 0, -1)
            if n == 1 or rest[i : i + n] in TABLE_WORDS
        )
        raw.append(rest[i : i + n])
        i += n
    words: list[str] = []
    opening = ordinal
    for w in raw:
        if all(c in OPENING for c in w):
            opening += w
        elif all(c in CLOSING for c in w) and words and not opening:
            words[-1] += w
        else:
            words.append(opening + w)
            opening = ""
    if opening:
        words.append(opening)
    return words


def wrap_words(words: list[str], limit: float, width: Callable[[str], float]) -> list[str] | None:
    """Words filled into lines of at most `limit` (the first lines full, as a reader
    expects in a table cell); None when a word alone is wider than a line."""
    lines: list[str] = []
    for word in words:
        if width(word) > limit:
            return None
        if lines and width(lines[-1] + word) <= limit:
            lines[-1] += word
        else:
            lines.append(word)
    return lines
