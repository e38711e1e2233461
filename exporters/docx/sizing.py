"""Column widths, type size and page of a table, from what this report prints in it.

A number never breaks across lines. Every number column is at least as wide as its
widest value (totals included) set in the table's font — digits in Times New Roman,
whose advance widths (exporters.docx.metrics) are those of Liberation Serif, the
face LibreOffice uses in its place — plus the cell margins; and at least as wide as
the widest word of its header, so a header breaks only between words. The label
columns take the rest, down to a share of their official width.

The steps, tried in order until everything fits (README, 导出 Word):

1. 五号 (10.5 pt) on the portrait page, the official size, labels at 3/4 or more;
2. 小五 (9 pt) on the portrait page, labels at half or more;
3. the same with narrow cell margins (1.4 pt);
4. 小五 on a landscape page (the table's own section, 257 mm wide, as published
   reports print a wide table), then with narrow margins: the largest values the
   limits allow fit here (tests/test_export_docx_sizing.py);
5. 六号 (7.5 pt) on the landscape page, a last guard no value within
   model.limits reaches.

Value cells also say ``w:wordWrap`` on and ``w:noWrap``, but LibreOffice honours
neither when a word is wider than its cell: the widths are the guarantee.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from exporters.docx import breaks, styles
from exporters.docx.metrics import text_pt
from model.spec import GridCell, Role, TableSpec

# Room a value needs beyond its glyphs and the cell margins: the border line and
# rounding in the renderer.
VALUE_SLACK_PT = 1.5
# Room kept free beside the text of a label or header when the export breaks its
# lines itself, so the renderer never breaks a line the export thought fitted.
TEXT_SLACK_PT = 1.5
# Number columns are made all as wide as the widest only while the labels keep
# this share of their official width; otherwise each is as wide as it needs.
UNIFORM_LABEL_SHARE = 0.9
LINE_FACTOR = 1.3  # exact line height of table text, in units of its type size
CONTINUED_EM = 3  # 「（续）」 on one line: the narrowest a group label column may be


@dataclass(frozen=True)
class Page:
    """The type area a table is set in (twips)."""

    width: int
    height: int
    landscape: bool


PORTRAIT = Page(styles.TEXT_WIDTH, styles.TEXT_HEIGHT, False)
LANDSCAPE = Page(styles.LANDSCAPE_TEXT_WIDTH, styles.LANDSCAPE_TEXT_HEIGHT, True)


@dataclass(frozen=True)
class Step:
    size_pt: float
    margin: int  # left/right cell margin, twips
    page: Page
    label_share: float  # the least share of their official width the labels keep


STEPS: tuple[Step, ...] = (
    Step(10.5, 57, PORTRAIT, 0.75),  # 五号
    Step(9.0, 57, PORTRAIT, 0.5),  # 小五
    Step(9.0, 28, PORTRAIT, 0.5),
    Step(9.0, 57, LANDSCAPE, 0.5),
    Step(9.0, 28, LANDSCAPE, 0.5),
    Step(7.5, 28, LANDSCAPE, 0.5),  # 六号
)
SMALLEST_BODY_PT = 9.0  # 小五: the smallest size of a table that real values reach


@dataclass(frozen=True)
class TableSizing:
    """How one table is set: grid column widths (twips, summing to the width of the
    type area), type size (pt), left/right cell margin (twips), exact line height
    (twips) and the page it is set on."""

    widths: tuple[int, ...]
    size_pt: float
    margin: int
    line: int
    page: Page = PORTRAIT

    @property
    def margin_pt(self) -> float:
        return self.margin / 20

    @property
    def landscape(self) -> bool:
        return self.page.landscape

    def inner_pt(self, width_twips: int) -> float:
        """The width text may take in a cell `width_twips` wide."""
        return (width_twips - 2 * self.margin) / 20 - TEXT_SLACK_PT

    def cell_lines(self, text: str, width_twips: int) -> list[str]:
        """The lines a label or header prints as in a cell `width_twips` wide:
        broken between words (exporters.docx.breaks), or where a line may legally
        break when a word is wider than the cell."""
        return cell_lines(text, self.inner_pt(width_twips), self.size_pt)


def line_twips(size_pt: float) -> int:
    return round(size_pt * LINE_FACTOR * 20)


def cell_lines(text: str, inner_pt: float, size_pt: float) -> list[str]:
    """`text` in lines of at most `inner_pt`, broken between the words of the
    official labels; by characters (never before closing or after opening
    punctuation) only when a word does not fit."""
    if not text:
        return [""]

    def width(s: str) -> float:
        return text_pt(s, size_pt)

    for ordinal_alone in (False, True):  # 「（四）无法/提供」, else 「（四）/无法/提供」
        words = breaks.table_words(text, ordinal_alone)
        lines = breaks.wrap_words(words, inner_pt, width)
        if lines is not None:
            return lines
    lines = [""]
    for i, ch in enumerate(text):
        if lines[-1] and width(lines[-1] + ch) > inner_pt:
            cut = len(lines[-1])
            start = i - cut
            while cut > 1 and (
                text[start + cut] in breaks.CLOSING or text[start + cut - 1] in breaks.OPENING
            ):
                cut -= 1
            carry = lines[-1][cut:]
            lines[-1] = lines[-1][:cut]
            lines.append(carry)
        lines[-1] += ch
    return lines


def _widest_word_pt(text: str, size: float) -> float:
    return max((text_pt(w, size) for w in breaks.table_words(text)), default=0.0)


def _text_cell(g: GridCell) -> bool:
    return g.role is not Role.VALUE and bool(g.text)


def _number_needs(table: TableSpec, value_text: Callable[[str], str], step: Step) -> list[float]:
    """Per grid column, the least width in pt: its widest value, and for a number
    column the widest word of its headers (one character for a vertical header),
    each with the cell margins."""
    size, pad = step.size_pt, 2 * step.margin / 20
    needs = [0.0] * table.n_cols
    for g in table.grid:
        if g.role is Role.VALUE and g.cell:
            need = text_pt(value_text(g.cell), size) + pad + VALUE_SLACK_PT
        elif _text_cell(g) and g.col >= table.label_cols:
            word = size if g.vertical else _widest_word_pt(g.text, size)
            need = word + pad + TEXT_SLACK_PT
        else:
            continue
        for c in range(g.col, g.col + g.colspan):
            needs[c] = max(needs[c], need / g.colspan)
    return needs


def _label_mins(table: TableSpec, official: list[float], step: Step) -> list[float]:
    """Per label column, the least width in pt: the step's share of its official
    width, and room for 「（续）」 on one line in a column that holds a group label."""
    pad = 2 * step.margin / 20
    mins = [step.label_share * w for w in official[: table.label_cols]]
    for g in table.grid:
        if g.role is Role.LABEL and g.rowspan > 1 and g.colspan == 1 and g.col < len(mins):
            need = CONTINUED_EM * step.size_pt + pad + TEXT_SLACK_PT
            mins[g.col] = max(mins[g.col], need)
    return mins


def _spread(total: float, weights: list[float]) -> list[float]:
    s = sum(weights)
    return [total * w / s for w in weights] if s else []


def _share(room: float, weights: list[float], mins: list[float]) -> list[float]:
    """`room` spread over columns in proportion to `weights`, none below its min."""
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        left = room - sum(fixed.values())
        shares = _spread(left, [weights[i] for i in free])
        short = [i for i, w in zip(free, shares, strict=True) if w < mins[i]]
        if not short:
            out = [0.0] * len(weights)
            for i, w in fixed.items():
                out[i] = w
            for i, w in zip(free, shares, strict=True):
                out[i] = w
            return out
        for i in short:
            fixed[i] = mins[i]


def _to_twips(widths_pt: list[float], needs_pt: list[float], total: int) -> tuple[int, ...]:
    """Widths in twips summing to `total`: no column below its need (rounded up),
    the rounding taken from the column with the most to spare."""
    twips = [
        max(math.floor(w * 20), math.ceil(n * 20)) for w, n in zip(widths_pt, needs_pt, strict=True)
    ]
    diff = total - sum(twips)
    spare = max(range(len(twips)), key=lambda i: twips[i] - needs_pt[i] * 20)
    twips[spare] += diff
    return tuple(twips)


def _fit(table: TableSpec, value_text: Callable[[str], str], step: Step) -> list[float] | None:
    """Column widths in pt for `step`, or None when the values do not fit."""
    total = step.page.width / 20
    n_label = table.label_cols
    weights = list(table.col_widths)
    official = _spread(total, weights)
    portrait_official = _spread(PORTRAIT.width / 20, weights)
    needs = _number_needs(table, value_text, step)
    label_mins = _label_mins(table, portrait_official, step)
    numbers = range(n_label, table.n_cols)
    own = [needs[c] for c in numbers]
    if sum(own) + sum(label_mins) > total + 0.01:
        return None
    label_weights = weights[:n_label]
    label_official = sum(official[:n_label])
    # every number column as wide as the widest, when the labels can spare it
    widest = max(own, default=0.0)
    uniform = [max(official[c], widest) for c in numbers]
    if total - sum(uniform) >= max(sum(label_mins), UNIFORM_LABEL_SHARE * label_official):
        if n_label:
            return _share(total - sum(uniform), label_weights, label_mins) + uniform
        return [w + (total - sum(uniform)) / len(uniform) for w in uniform]
    # each its own width; what the labels do not need goes back to the numbers
    num = [max(official[c], needs[c]) for c in numbers]
    if total - sum(num) < sum(label_mins):
        num = own
    spare = total - sum(num) - (label_official if n_label else 0)
    if spare > 0:
        num = [w + spare / len(num) for w in num]
    labels = _share(total - sum(num), label_weights, label_mins) if n_label else []
    return labels + num


def size_table(table: TableSpec, value_text: Callable[[str], str]) -> TableSizing:
    """The widths, type size and page of `table` for the values `value_text(cell_id)`
    prints: the first of STEPS at which every value and every header word fits."""
    for step in STEPS:
        widths = _fit(table, value_text, step)
        if widths is not None:
            needs = _number_needs(table, value_text, step)
            official = _spread(PORTRAIT.width / 20, list(table.col_widths))
            needs[: table.label_cols] = _label_mins(table, official, step)
            break
    else:  # only values beyond model.limits get here: the last step, shared out
        step = STEPS[-1]
        widths = _spread(step.page.width / 20, _number_needs(table, value_text, step))
        needs = [0.0] * table.n_cols
    twips = _to_twips(widths, needs, step.page.width)
    return TableSizing(twips, step.size_pt, step.margin, line_twips(step.size_pt), step.page)
