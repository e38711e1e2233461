"""Column widths and type size of a table, from what this report prints in it.

Number columns get the official proportions, or more when a value of this report
(totals included) needs more; the label columns take the rest. When that leaves
the labels too little room, the whole table steps down a type size (五号 → 小五,
then 六号 and 小六 with narrower cell margins for extreme values), so a number is
never broken across lines; value cells also carry ``w:noWrap`` as the last guard.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from exporters.docx import styles
from exporters.docx.metrics import text_pt
from model.spec import Role, TableSpec

# (type size in pt, left/right cell margin in twips), from the official 五号 down
TYPE_STEPS: tuple[tuple[float, int], ...] = ((10.5, 57), (9.0, 57), (7.5, 28), (6.5, 20))
# Room a value needs beyond its glyphs: rounding in the renderer, the border line.
VALUE_SLACK_PT = 2.0
# The label columns may give up to 40% of their official width to the numbers.
MIN_LABEL_SHARE = 0.6
LINE_FACTOR = 1.3  # exact line height of table text, in units of its type size


@dataclass(frozen=True)
class TableSizing:
    """How one table is set: grid column widths (twips, summing to the text width),
    type size (pt), left/right cell margin (twips) and exact line height (twips)."""

    widths: tuple[int, ...]
    size_pt: float
    margin: int
    line: int

    @property
    def margin_pt(self) -> float:
        return self.margin / 20


def line_twips(size_pt: float) -> int:
    return round(size_pt * LINE_FACTOR * 20)


def _value_needs(
    table: TableSpec, value_text: Callable[[str], str], size: float, margin: int
) -> list[float]:
    """Per grid column, the width in pt its widest value needs (spans share it)."""
    needs = [0.0] * table.n_cols
    for g in table.grid:
        if g.role is Role.VALUE and g.cell:
            need = text_pt(value_text(g.cell), size) + 2 * margin / 20 + VALUE_SLACK_PT
            for c in range(g.col, g.col + g.colspan):
                needs[c] = max(needs[c], need / g.colspan)
    return needs


def _header_min(table: TableSpec, col: int, size: float, margin: int) -> float:
    """The narrowest a number column may be: two characters of its header, or one
    when the header is set vertically."""
    vertical = any(g.vertical for g in table.grid if g.col == col and g.colspan == 1)
    return (1 if vertical else 2) * size + 2 * margin / 20 + 1


def _spread(total: float, weights: list[float]) -> list[float]:
    s = sum(weights)
    return [total * w / s for w in weights] if s else []


def _to_twips(widths_pt: list[float]) -> tuple[int, ...]:
    twips = [int(w * 20) for w in widths_pt]
    twips[-1] += styles.TEXT_WIDTH - sum(twips)
    return tuple(twips)


def size_table(table: TableSpec, value_text: Callable[[str], str]) -> TableSizing:
    """The widths and type size of `table` for the values `value_text(cell_id)` prints."""
    text_pt_total = styles.TEXT_WIDTH / 20
    n_label = table.label_cols
    weights = list(table.col_widths)
    spec_pt = _spread(text_pt_total, weights)
    label_spec = sum(spec_pt[:n_label])
    numbers = range(n_label, table.n_cols)

    def fits(num: list[float]) -> bool:
        room = text_pt_total - sum(num)
        if n_label == 0:
            return room >= -0.01
        return room >= MIN_LABEL_SHARE * label_spec

    def widths_for(num: list[float]) -> list[float]:
        room = text_pt_total - sum(num)
        return _spread(room, weights[:n_label]) + num

    chosen: list[float] | None = None
    size, margin = TYPE_STEPS[0]
    for size, margin in TYPE_STEPS:
        needs = _value_needs(table, value_text, size, margin)
        widest = max((needs[c] for c in numbers), default=0.0)
        uniform = [max(spec_pt[c], widest) for c in numbers]
        if fits(uniform):
            chosen = widths_for(uniform)
            break
        own = [max(_header_min(table, c, size, margin), needs[c]) for c in numbers]
        if fits(own):
            # what the labels do not need goes back to the numbers, evenly
            spare = text_pt_total - sum(own) - label_spec
            if spare > 0:
                own = [w + spare / len(own) for w in own]
            chosen = widths_for(own)
            break
    if chosen is None:  # extreme values: labels at their minimum, numbers share the rest
        label_min = [max(2 * size + 2 * margin / 20, w * 0.3) for w in spec_pt[:n_label]]
        room = text_pt_total - sum(label_min)
        own = [max(_header_min(table, c, size, margin), needs[c]) for c in numbers]
        num = _spread(room, own) if sum(own) > room else own
        chosen = label_min + num
        chosen[0] += text_pt_total - sum(chosen)
    return TableSizing(_to_twips(chosen), size, margin, line_twips(size))
