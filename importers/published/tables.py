"""Reading one table of a published report against one official table spec, by labels.

Rows are recognised by their row labels (the innermost label, disambiguated by
the outer ones), columns by their stacked header labels; nothing depends on
positions, so one table per section, one table per block of 二, merged or
unmerged label cells, repeated header rows and local extra rows all read the
same. Every interpretation is recorded as a Chinese note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from difflib import SequenceMatcher

from importers import strings as s
from importers.published.document import Table, TableCell
from importers.published.labels import best_match, norm
from model.limits import MAX_MONEY
from model.spec import CellSpec, Role, TableSpec, ValueKind
from model.values import (
    InvalidValue,
    Value,
    check_value,
    clip,
    format_value,
    normalise_text,
    parse_amount,
    parse_value,
    split_count_word,
    to_unit,
)

# What reports write for "nothing" (read as blank and counted in a note).
BLANK_MARKS = frozenset({"-", "--", "/", "//", "\\", "无", "空", "/无", "x", "×"})
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_MONEY_UNITS = ("万元", "元")
_MONEY_MAX_EXPONENT = 20  # an amount of 10^21 or more is refused before arithmetic
# Header rows stacked over one column: the official tables have three, a label
# broken over two rows adds one; more is a table that is not a report's.
MAX_HEADER_DEPTH = 6


_DIGIT = re.compile(r"\d")
_WHITESPACE = re.compile(r"\s+")
_LONGEST_MARK = max(len(m) for m in BLANK_MARKS)


def value_like(text: str) -> bool:
    """Text that a value cell may hold: blank, a blank mark, or a number with a unit."""
    if not _DIGIT.search(text) and len(_WHITESPACE.sub("", text)) > _LONGEST_MARK:
        return False  # words without a digit: not a number, too long for a mark
    t = normalise_text(text)
    if t == "" or t in BLANK_MARKS:
        return True
    for suffix in _MONEY_UNITS:
        if t.endswith(suffix):
            t = t[: -len(suffix)]
            break
    else:
        t, _word = split_count_word(t)
    return bool(_NUMBER.fullmatch(t))


def _width(row: list[TableCell | None]) -> int:
    """Grid positions a row reaches (its last cell's end)."""
    return max((c + 1 for c, cell in enumerate(row) if cell is not None), default=0)


def _misaligned(row: list[TableCell | None], first_value: int, header_width: int) -> bool:
    """A row pushed sideways (a merge from above that covers more rows than it
    should, a missing or extra cell): a label cell reaching into the value
    columns, or cells beyond the header's last column. Its numbers would be read
    under the wrong headers, so the row is not read."""
    for cell in row:
        if cell is not None and cell.col < first_value < cell.col + cell.colspan:
            return True
    return bool(header_width) and _width(row) > header_width


def _one_line(text: str) -> str:
    """A label as one line: a label printed one character per line reads whole."""
    return re.sub(r"\s*\n\s*", "", text.strip())


def cell_name(cell: CellSpec) -> str:
    return f"「{cell.row_label} / {cell.col_label}」"


ColMap = dict[int, tuple[tuple[str, ...], str | None]]  # grid column -> (col path, unit)


@dataclass
class TableRead:
    """What one table of the document gave for one spec table."""

    table: TableSpec
    values: dict[str, Value] = field(default_factory=dict)  # inputs
    units: dict[str, str] = field(default_factory=dict)  # money cells not in the default unit
    printed: dict[str, str] = field(default_factory=dict)  # computed cells: text as printed
    seen: set[str] = field(default_factory=set)  # inputs present in the document
    blank: set[str] = field(default_factory=set)  # inputs printed blank
    marks: set[str] = field(default_factory=set)  # inputs printed as 「-」「/」「无」
    notes: list[str] = field(default_factory=list)
    # where the table ended, for a continuation table printed without its header
    n_cols: int = 0
    col_map: ColMap = field(default_factory=dict)
    caption: str | None = None
    used_inherited: bool = False
    # rows printed again in the same table (official row labels, in order), and
    # what they gave, read aside: the mapping compares the two printings
    repeated_rows: list[str] = field(default_factory=list)
    repeat: TableRead | None = None

    @property
    def score(self) -> int:
        return len(self.seen) + len(self.printed)


@dataclass(frozen=True)
class _RowKey:
    row: str  # CellSpec.row
    caption: str | None
    leaf: str
    parents: tuple[str, ...]


class _TableIndex:
    """Labels of one spec table, arranged for lookup."""

    def __init__(self, table: TableSpec) -> None:
        self.table = table
        self.captions = [g.text for g in table.grid if g.role is Role.CAPTION]
        self.cells: dict[tuple[str, tuple[str, ...]], CellSpec] = {}
        self.by_col_path: dict[tuple[str, ...], list[CellSpec]] = {}
        self.rows: dict[str, _RowKey] = {}
        for cell in table.cells:
            self.cells[(cell.row, cell.col_path)] = cell
            self.by_col_path.setdefault(cell.col_path, []).append(cell)
            if cell.row not in self.rows:
                path = cell.row_path
                caption = path[0] if path and path[0] in self.captions else None
                inner = tuple(p for p in (path[1:] if caption else path) if p)
                self.rows[cell.row] = _RowKey(cell.row, caption, inner[-1], inner[:-1])

        self._col_paths: dict[str | None, list[tuple[str, ...]]] = {}
        self._pools: dict[str | None, list[_RowKey]] = {}

    def col_paths(self, caption: str | None) -> list[tuple[str, ...]]:
        """The column paths of the rows under `caption` (all rows for None)."""
        if caption not in self._col_paths:
            rows = {k.row for k in self.pool(caption)}
            paths = dict.fromkeys(c.col_path for c in self.table.cells if c.row in rows)
            self._col_paths[caption] = list(paths)
        return self._col_paths[caption]

    def pool(self, caption: str | None) -> list[_RowKey]:
        """The rows under `caption` (all rows for None)."""
        if caption not in self._pools:
            self._pools[caption] = [
                k for k in self.rows.values() if caption is None or k.caption == caption
            ]
        return self._pools[caption]

    def match_row(self, labels: list[str], caption: str | None) -> tuple[_RowKey | None, str]:
        """The spec row a printed label path names; also the fuzzy-matched text, if any."""
        labels = [t for t in labels if norm(t)]
        if not labels or self.table.label_cols == 0:
            return None, ""
        for pool in (self.pool(caption), self.pool(None)):
            found = self._match_in(labels, pool)
            if found[0] is not None:
                return found
        return None, ""

    @staticmethod
    def _match_in(labels: list[str], pool: list[_RowKey]) -> tuple[_RowKey | None, str]:
        leaf, parents = labels[-1], [norm(p) for p in labels[:-1]]
        match, fuzzy = best_match(leaf, [k.leaf for k in pool])
        if match is None:
            key = _numbered_match(leaf, parents, pool)
            return (key, leaf) if key else (None, "")
        keys = [k for k in pool if k.leaf == match]
        if len(keys) > 1:  # same leaf in several groups: the outer labels decide
            # (the most of them printed: a blank outer label is no vote)
            def votes(k: _RowKey) -> int:
                return sum(1 if norm(p) in parents else -1 for p in k.parents)

            keys = [max(keys, key=votes)]
        return keys[0], (leaf if fuzzy else "")

    def match_group(self, labels: list[str], caption: str | None) -> tuple[str, list[_RowKey]]:
        """The rows of the group a printed label names when the table prints the
        group as one row instead of its items (「（六）其他处理」 without 1.–3.):
        (group label, its item rows), or ("", []) when the label names no group."""
        labels = [t for t in labels if norm(t)]
        if not labels:
            return "", []
        pool = self.pool(caption)
        groups = list(dict.fromkeys(k.parents[-1] for k in pool if k.parents))
        group, _fuzzy = best_match(labels[-1], groups)
        if group is None:
            return "", []
        return group, [k for k in pool if k.parents and k.parents[-1] == group]

    def match_col(self, headers: list[str], caption: str | None) -> tuple[tuple[str, ...], str]:
        """The spec column path named by a stack of header texts (outer to inner)."""
        headers = [h for h in headers if norm(h)]
        if not headers:
            return (), ""
        candidates = self.col_paths(caption)
        leaves = [p[-1] for p in candidates]
        match, fuzzy = best_match(headers[-1], leaves)
        # a header set over two or three rows without a merge (「科研」 over 「机构」)
        for n in (2, 3):
            if match is None and len(headers) >= n:
                joined, _fuzzy = best_match("".join(headers[-n:]), leaves)
                if joined is not None and not _fuzzy:
                    match, fuzzy, headers = joined, "", [*headers[:-n], "".join(headers[-n:])]
        outer = {norm(h) for h in headers[:-1]}
        if match is None:
            # headers that add a unit the official label lacks: 「采购总金额（元）」
            bare = re.sub(r"[（(][^（()）]*元[^（()）]*[)）]\s*$", "", headers[-1])
            if bare != headers[-1]:
                match, fuzzy = best_match(bare, [p[-1] for p in candidates])
            if match is None:
                return (), ""
        paths = [p for p in candidates if p[-1] == match]

        def votes(path: tuple[str, ...]) -> int:
            return sum(1 if norm(x) in outer else -1 for x in path[:-1])

        def printed(path: tuple[str, ...]) -> int:
            return sum(1 for x in path[:-1] if norm(x) in outer)

        best = max(paths, key=votes)
        if sum(1 for p in paths if printed(p) == printed(best)) > 1:
            # the same header under several groups (「结果维持」 under 行政复议 and
            # under each kind of 行政诉讼) and no group printed above it: which
            # column this is cannot be told, so it is not read
            return (), ""
        return best, (headers[-1] if fuzzy else "")


_ITEM_NUMBER = re.compile(r"^(\d{1,2})[.、．]?")
NUMBERED_RATIO = 0.75  # a numbered item's label may differ more than by one character


def _numbered_match(leaf: str, parents: list[str], pool: list[_RowKey]) -> _RowKey | None:
    """A numbered item label with a typo longer than one character (「2.其他法律行政
    止公开」 for 「2.其他法律行政法规禁止公开」): the one row of the printed group with
    the same number whose label is mostly the same characters in the same order."""
    key = norm(leaf)
    number = _ITEM_NUMBER.match(key)
    if not number:
        return None
    rest = key[number.end() :]
    found = []
    for row in pool:
        official = norm(row.leaf)
        m = _ITEM_NUMBER.match(official)
        if not m or m.group(1) != number.group(1):
            continue
        if row.parents and not all(norm(p) in parents for p in row.parents):
            continue
        if SequenceMatcher(None, rest, official[m.end() :]).ratio() >= NUMBERED_RATIO:
            found.append(row)
    return found[0] if len(found) == 1 else None


def _header_unit(texts: list[str]) -> str | None:
    joined = "".join(texts)
    for unit in _MONEY_UNITS:
        if unit in joined:
            return unit
    return None


class TableReader:
    """Reads one Table against one TableSpec."""

    def __init__(self, table: TableSpec, heading: str) -> None:
        self.index = _TableIndex(table)
        self.heading = heading

    def read(
        self, doc: Table, caption: str | None = None, before: TableRead | None = None
    ) -> TableRead:
        """`before`: the previous table read for the same spec table; a table
        without a header of its own continues it (see `_continued_columns`)."""
        n_cols = doc.n_cols  # computed once: it walks every row
        out = TableRead(self.index.table, n_cols=n_cols)
        header_paths: dict[int, list[TableCell]] = {}
        col_map: ColMap = {}
        inherited = False
        if before is not None and before.col_map:
            col_map = self._continued_columns(doc, n_cols, before, caption)
            inherited = bool(col_map)
            if inherited:
                caption = caption or before.caption
        last_header = False
        header_run = 0  # consecutive header rows
        header_width = n_cols if inherited else 0
        previous_labels: dict[int, str] = {}
        taken: dict[str, bool] = {}  # spec row -> matched exactly
        for r in range(len(doc.rows)):
            cells = doc.row_cells(r)
            keyed = [(c, norm(c.text)) for c in cells]
            keyed = [(c, k) for c, k in keyed if k]
            texts = {k for _c, k in keyed}
            if not texts and self.index.table.label_cols > 0:
                # a row with nothing printed on it (a blank row, the bottom of a row
                # a page break cut) names no row and no column: it neither takes the
                # labels above it nor ends a header (in 四, without row labels, a
                # blank row under the header is the row of values, printed blank)
                continue
            if len(texts) == 1:
                found, fuzzy = best_match(keyed[0][0].text, self.index.captions)
                if found:
                    if fuzzy:
                        out.notes.append(s.DOCX_LABEL_FUZZY.format(text=fuzzy, label=found))
                    caption, header_paths, col_map, last_header = found, {}, {}, False
                    inherited, header_run = False, 0
                    continue
            key, fuzzy_text, labels, others = None, "", [], []
            if col_map:  # without columns every row is a header row: no labels to match
                first_value = min(col_map)
                labels = self._labels(doc, r, range(first_value), previous_labels)
                others = [c for c in cells if c.col >= first_value]
                key, fuzzy_text = self.index.match_row(labels, caption)
            header_piece = (
                # a table without row labels (四) whose value cells are blank in a
                # row of texts: a header row (one cut by a page break), never data
                self.index.table.label_cols == 0
                and key is None
                and bool(texts)
                and not any(c.text.strip() for c in others)
            )
            if (
                not col_map
                or header_piece
                or (key is None and any(not value_like(c.text) for c in others))
            ):
                if not texts:
                    continue
                if not last_header:
                    header_paths, col_map, inherited, header_run = {}, {}, False, 0
                header_run += 1
                last_header = True
                if header_run > MAX_HEADER_DEPTH:
                    continue  # no official header is this deep: the row is not read
                self._add_header(doc, r, header_paths, col_map, caption, out)
                header_width = max(header_width if header_run > 1 else 0, _width(doc.rows[r]))
                continue
            last_header, header_run = False, 0
            if key is None and self.index.table.label_cols > 0:
                numbers = [c.text.strip() for c in others if c.text.strip()]
                if self._read_group_row(doc, r, labels, caption, col_map, taken, out):
                    continue
                if numbers and labels:
                    out.notes.append(
                        s.DOCX_EXTRA_ROW.format(
                            heading=self.heading,
                            label=" ".join(_one_line(t) for t in labels if t.strip()),
                            values="、".join(numbers),
                        )
                    )
                continue
            if key is not None and _misaligned(doc.rows[r], min(col_map), header_width):
                out.notes.append(
                    s.DOCX_ROW_MISALIGNED.format(heading=self.heading, label=_one_line(key.leaf))
                )
                continue
            target = out
            if key is not None:
                if key.row in taken:
                    # printed again (a second copy of the table, a repeated row): read
                    # aside, so the mapping can compare the two printings
                    if out.repeat is None:
                        out.repeat = TableRead(self.index.table)
                    out.repeated_rows.append(key.leaf)
                    target = out.repeat
                else:
                    taken[key.row] = not fuzzy_text
                    if fuzzy_text:
                        note = s.DOCX_LABEL_FUZZY.format(text=fuzzy_text, label=key.leaf)
                        out.notes.append(note)
            out.used_inherited |= inherited
            self._read_values(doc, r, key, col_map, target)
        out.col_map, out.caption = col_map, caption
        return out

    def _continued_columns(
        self, doc: Table, n_cols: int, before: TableRead, caption: str | None
    ) -> ColMap:
        """The columns of a table that continues `before` without a header of its
        own, or {} when it does not continue it:

        - as wide as `before`: the same columns;
        - a block of 二 continued on the next page, drawn with its own width:
          the block's columns, when it has exactly as many;
        - a different width (an office suite that saved the parts of a split
          table with different grids, leaving the group-label cells of the
          second part blank and unmerged): `before`'s value columns, counted
          from the right, when its first row then reads as a row of the table —
          its labels name an official row and every value cell holds a number
          or a blank.
        """
        if before.n_cols == n_cols:
            return dict(before.col_map)
        if before.caption and caption is None:
            return self._block_columns(before, n_cols)
        shift = n_cols - before.n_cols
        first_value = min(before.col_map) + shift
        if first_value <= 0 or max(before.col_map) != before.n_cols - 1:
            return {}
        col_map = {c + shift: v for c, v in before.col_map.items()}
        caption = caption or before.caption
        for r in range(len(doc.rows)):
            cells = doc.row_cells(r)
            if not any(norm(c.text) for c in cells):
                continue
            labels = self._labels(doc, r, range(first_value), {})
            key, _fuzzy = self.index.match_row(labels, caption)
            values = [c for c in cells if c.col >= first_value]
            aligned = all(c.col in col_map for c in values)
            if key is not None and aligned and all(value_like(c.text) for c in values):
                return col_map
            return {}
        return {}

    def _read_group_row(
        self,
        doc: Table,
        r: int,
        labels: list[str],
        caption: str | None,
        col_map: ColMap,
        taken: dict[str, bool],
        out: TableRead,
    ) -> bool:
        """A group printed as one row where the format has its items (an older
        layout): when every number of the row is 0, each item is 0 too, and the
        note says so; other numbers cannot be shared out and are noted instead.
        False when the label names no group."""
        group, items = self.index.match_group(labels, caption)
        if not items or any(k.row in taken for k in items):
            return False
        texts = self._input_texts(doc, r, items[0], col_map)
        if any(normalise_text(t) not in ("", "0", *BLANK_MARKS) for t in texts):
            numbers = "、".join(t.strip() for t in texts if t.strip())
            out.notes.append(
                s.DOCX_GROUP_NOT_SPLIT.format(heading=self.heading, group=group, values=numbers)
            )
            return True
        for key in items:
            taken[key.row] = False
            self._read_values(doc, r, key, col_map, out)
        names = "、".join(k.leaf for k in items)
        out.notes.append(
            s.DOCX_GROUP_AS_ITEMS.format(heading=self.heading, group=group, items=names)
        )
        return True

    def _input_texts(self, doc: Table, r: int, key: _RowKey, col_map: ColMap) -> list[str]:
        """The printed texts of row r in the columns of key's input cells."""
        out = []
        for c, (col_path, _unit) in sorted(col_map.items()):
            cell = self.index.cells.get((key.row, col_path))
            origin = doc.rows[r][c] if c < len(doc.rows[r]) else None
            if cell is not None and not cell.computed and origin is not None:
                out.append(origin.text)
        return out

    def _block_columns(self, before: TableRead, n_cols: int) -> ColMap:
        """The columns of `before`'s block for a continuation `n_cols` wide, or {}."""
        paths = self.index.col_paths(before.caption)
        label_cols = self.index.table.label_cols
        if not paths or n_cols != label_cols + len(paths):
            return {}
        units = {path: unit for path, unit in before.col_map.values()}
        return {label_cols + i: (path, units.get(path)) for i, path in enumerate(paths)}

    def _labels(self, doc: Table, r: int, label_cols: range, previous: dict[int, str]) -> list[str]:
        """Texts of the label cells of row r; leading blank label cells take the text
        of the cell above (a group label typed once, without a merge)."""
        labels: list[str] = []
        seen: dict[int, str] = {}
        leading = True
        row = doc.rows[r]
        for c in label_cols:
            origin = row[c] if c < len(row) else None
            if origin is None:
                continue
            if id(origin) in seen:
                previous[c] = seen[id(origin)]
                continue
            text = origin.text
            if not norm(text) and leading:
                text = previous.get(c, "")
            elif norm(text):
                leading = False
            seen[id(origin)] = text
            previous[c] = text
            labels.append(text)
        return labels

    def _add_header(
        self,
        doc: Table,
        r: int,
        header_paths: dict[int, list[TableCell]],
        col_map: ColMap,
        caption: str | None,
        out: TableRead,
    ) -> None:
        """Stack row r's texts onto the header path of each column and match the
        columns whose path changed. A path keeps only its innermost
        MAX_HEADER_DEPTH texts, so a long run of rows that match nothing (a
        table that is not a report's) costs the same work per row: reading a
        table stays proportional to its size."""
        changed: list[int] = []
        for c, origin in enumerate(doc.rows[r]):
            if origin is None or not norm(origin.text):
                continue
            path = header_paths.setdefault(c, [])
            if not path or path[-1] is not origin:
                path.append(origin)
                if len(path) > MAX_HEADER_DEPTH:
                    del path[0]
                changed.append(c)
        for c in changed:
            col_map.pop(c, None)
            texts = [o.text for o in header_paths[c]]
            match, fuzzy = self.index.match_col(texts, caption)
            if match:
                col_map[c] = (match, _header_unit(texts))
                note = s.DOCX_LABEL_FUZZY.format(text=fuzzy, label=match[-1])
                if fuzzy and note not in out.notes:
                    out.notes.append(note)

    def _read_values(
        self,
        doc: Table,
        r: int,
        key: _RowKey | None,
        col_map: ColMap,
        out: TableRead,
    ) -> None:
        done: set[int] = set()
        for c, (col_path, header_unit) in sorted(col_map.items()):
            origin = doc.rows[r][c] if c < len(doc.rows[r]) else None
            if origin is None or id(origin) in done or origin.col < min(col_map):
                continue
            done.add(id(origin))
            if key is not None:
                cell = self.index.cells.get((key.row, col_path))
            else:
                found = self.index.by_col_path.get(col_path, [])
                cell = found[0] if len(found) == 1 else None
            if cell is None or cell.id in out.seen or cell.id in out.printed:
                continue
            self._read_cell(cell, origin.text, header_unit, out)

    def _read_cell(self, cell: CellSpec, text: str, header_unit: str | None, out: TableRead):
        t = normalise_text(text)
        if cell.computed:
            out.printed[cell.id] = text.strip()
            return
        out.seen.add(cell.id)
        if t == "":
            out.blank.add(cell.id)
            return
        if t in BLANK_MARKS:
            out.marks.add(cell.id)
            return
        name = cell_name(cell)
        try:
            if cell.kind is ValueKind.MONEY:
                value, unit = _money(cell, text, t, header_unit, name, out.notes)
                if unit != cell.unit:
                    out.units[cell.id] = unit
            else:
                value = _count(cell, text, t, name, out.notes)
        except InvalidValue as exc:
            out.notes.append(s.DOCX_BAD_VALUE.format(cell=name, text=text.strip(), reason=exc))
            return
        out.values[cell.id] = value


def printed_total(cell: CellSpec, text: str) -> Value | None:
    """A total as printed: None for a blank or a blank mark (「-」「/」「无」), else
    the number read as a typed value of the total's kind (「12件」 is 12). Raises
    InvalidValue (Chinese) for text that is no such number."""
    t = normalise_text(text)
    if t == "" or t in BLANK_MARKS:
        return None
    return parse_value(text, replace(cell, terms=()))


def _count(cell: CellSpec, text: str, t: str, name: str, notes: list[str]) -> Value:
    """As the form reads a typed count (model.values.parse_value), and a note when a
    measure word was dropped: nothing is interpreted silently."""
    value = parse_value(text, cell)
    _number, word = split_count_word(t)
    if word:
        notes.append(
            s.DOCX_SUFFIX_STRIPPED.format(cell=name, text=text.strip(), value=value, suffix=word)
        )
    return value


def _money(
    cell: CellSpec, text: str, t: str, header_unit: str | None, name: str, notes: list[str]
) -> tuple[Decimal, str]:
    """An amount as printed, in the unit printed (or the header's, or the cell's).
    It is kept with every decimal printed; only when the cell cannot hold it as
    printed (a unit it does not offer, more decimals than model.limits allows) is
    it converted or rounded, and the note says how."""
    from model import messages

    quoted = text.strip()
    t = t.lstrip("¥$")  # 「￥109994」 (NFKC turns ￥ into ¥)
    unit = next((u for u in _MONEY_UNITS if t.endswith(u)), None)
    number = t[: -len(unit)] if unit else t
    amount = parse_amount(number, quoted)  # the form's reading: 「1e2」 is no amount
    if amount.adjusted() > _MONEY_MAX_EXPONENT:  # before any arithmetic on it
        raise InvalidValue(messages.MONEY_TOO_LARGE.format(text=clip(quoted), limit=MAX_MONEY))
    allowed = cell.units or ((cell.unit,) if cell.unit else ())
    if unit is None:
        unit = header_unit or cell.unit or "元"
        if header_unit is None:
            notes.append(s.DOCX_MONEY_NO_UNIT.format(cell=name, text=quoted, unit=unit))
    if unit not in allowed and cell.unit:
        converted = to_unit(amount, unit, cell.unit).normalize()
        if converted == converted.to_integral_value():
            converted = converted.quantize(Decimal(1))
        value, rounded = _fit_decimals(converted, cell)
        message = s.DOCX_MONEY_CONVERTED_ROUNDED if rounded else s.DOCX_MONEY_CONVERTED
        notes.append(
            message.format(
                cell=name,
                text=quoted,
                value=format_value(value),
                unit=cell.unit,
                decimals=cell.decimals,
            )
        )
        return value, cell.unit
    value, rounded = _fit_decimals(amount, cell)
    if rounded:
        notes.append(
            s.DOCX_MONEY_ROUNDED.format(
                cell=name, text=quoted, value=format_value(value), unit=unit, decimals=cell.decimals
            )
        )
    elif t.endswith(unit):
        shown = format_value(value)
        notes.append(s.DOCX_MONEY_UNIT.format(cell=name, text=quoted, value=shown, unit=unit))
    return value, unit


def _fit_decimals(amount: Decimal, cell: CellSpec) -> tuple[Decimal, bool]:
    """The amount checked for the cell (raises InvalidValue), rounded half up to
    the decimals the cell holds when it has more; (value, whether it was rounded)."""
    exponent = amount.as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    if -exponent > cell.decimals:
        rounded = amount.quantize(Decimal(1).scaleb(-cell.decimals), rounding=ROUND_HALF_UP)
        return check_value(rounded, cell), True
    return check_value(amount, cell), False
