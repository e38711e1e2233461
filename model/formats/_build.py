"""Small builders that turn the compact tables in the format modules into specs.

They only do the bookkeeping of grid positions and spans; every label, id and span
comes from the format module that calls them.

The builders' own records are NamedTuples, not frozen dataclasses: both are
immutable values, but a frozen dataclass costs about a millisecond to define
(its methods are generated and compiled at import), and these modules are
imported on every start of the window.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from model.spec import CellSpec, GridCell, Role, TableSpec, ValueKind


class Col(NamedTuple):
    id: str
    label: str
    kind: ValueKind = ValueKind.COUNT
    unit: str | None = None
    units: tuple[str, ...] = ()
    decimals: int = 0
    span: int = 1  # grid columns the value cell covers


class Block(NamedTuple):
    """A block of section 二: a caption row, a header row, then its rows."""

    id: str
    caption: str
    cols: tuple[Col, ...]
    rows: tuple[tuple[str, str], ...]  # (row id, label)
    header_label: str = "信息内容"
    trailing_blank: int = 0  # empty printed cells after the last header/value


def active_table(section: str, sheet_name: str, blocks: tuple[Block, ...]) -> TableSpec:
    """Section 二: blocks stacked in one four-column table."""
    n_cols = 4
    grid: list[GridCell] = []
    cells: list[CellSpec] = []
    r = 0
    for block in blocks:
        grid.append(GridCell(r, 0, Role.CAPTION, block.caption, colspan=n_cols))
        r += 1
        grid.append(GridCell(r, 0, Role.HEADER, block.header_label))
        c = 1
        for col in block.cols:
            span = col.span + (block.trailing_blank if col is block.cols[-1] else 0)
            grid.append(GridCell(r, c, Role.HEADER, col.label, colspan=span))
            c += span
        r += 1
        for row_id, label in block.rows:
            grid.append(GridCell(r, 0, Role.LABEL, label))
            c = 1
            for col in block.cols:
                span = col.span + (block.trailing_blank if col is block.cols[-1] else 0)
                cid = f"active.{block.id}.{row_id}.{col.id}"
                grid.append(GridCell(r, c, Role.VALUE, cell=cid, colspan=span))
                cells.append(
                    CellSpec(
                        id=cid,
                        table="active",
                        row=f"{block.id}.{row_id}",
                        col=col.id,
                        row_path=(block.caption, label),
                        col_path=(col.label,),
                        kind=col.kind,
                        unit=col.unit,
                        units=col.units,
                        decimals=col.decimals,
                    )
                )
                c += span
            r += 1
    return TableSpec(
        id="active",
        section=section,
        sheet_name=sheet_name,
        n_rows=r,
        n_cols=n_cols,
        header_rows=0,
        grid=tuple(grid),
        cells=tuple(cells),
        col_widths=(2.4, 1.2, 1.2, 1.2),
        label_cols=1,
    )


class AppRow(NamedTuple):
    """A body row of section 三. `labels` are the printed L1/L2/L3 texts of the row's
    own cells; spans of group cells are given by `spans` on the first row of a group."""

    id: str
    labels: tuple[str, str, str]
    total: bool = False  # the computed （七）总计 row
    result: bool = False  # counted in （七）总计 (R3)


class LabelSpan(NamedTuple):
    """A label cell placed explicitly: row index within the body, label column, spans."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    vertical: bool = False


class ApplicationsLayout(NamedTuple):
    note: str
    applicant_header: str
    natural: Col
    org_header: str
    orgs: tuple[Col, ...]
    total: Col
    rows: tuple[AppRow, ...]
    label_spans: tuple[LabelSpan, ...]
    row_paths: Mapping[str, tuple[str, ...]]  # row id -> printed label path


def applications_table(section: str, sheet_name: str, lay: ApplicationsLayout) -> TableSpec:
    """Section 三: three header rows, three label columns, seven number columns."""
    label_cols = 3
    value_cols = (lay.natural, *lay.orgs, lay.total)
    n_cols = label_cols + len(value_cols)
    grid: list[GridCell] = [
        GridCell(0, 0, Role.HEADER, lay.note, rowspan=3, colspan=label_cols),
        GridCell(0, label_cols, Role.HEADER, lay.applicant_header, colspan=len(value_cols)),
        GridCell(1, label_cols, Role.HEADER, lay.natural.label, rowspan=2),
        GridCell(1, label_cols + 1, Role.HEADER, lay.org_header, colspan=len(lay.orgs)),
        GridCell(1, n_cols - 1, Role.HEADER, lay.total.label, rowspan=2),
    ]
    grid += [
        GridCell(2, label_cols + 1 + i, Role.HEADER, col.label) for i, col in enumerate(lay.orgs)
    ]
    header_rows = 3
    grid += [
        GridCell(
            header_rows + s.row,
            s.col,
            Role.LABEL,
            s.text,
            rowspan=s.rowspan,
            colspan=s.colspan,
            vertical=s.vertical,
        )
        for s in lay.label_spans
    ]
    input_cols = (lay.natural, *lay.orgs)
    result_rows = [row.id for row in lay.rows if row.result]
    cells: list[CellSpec] = []
    for i, row in enumerate(lay.rows):
        r = header_rows + i
        path = lay.row_paths[row.id]
        for j, col in enumerate(value_cols):
            cid = f"applications.{row.id}.{col.id}"
            col_path = (
                (lay.applicant_header, lay.org_header, col.label)
                if col in lay.orgs
                else (lay.applicant_header, col.label)
            )
            if row.total and col is lay.total:
                terms = tuple(
                    f"applications.{rr}.{cc.id}" for rr in result_rows for cc in input_cols
                )
            elif row.total:
                terms = tuple(f"applications.{rr}.{col.id}" for rr in result_rows)
            elif col is lay.total:
                terms = tuple(f"applications.{row.id}.{cc.id}" for cc in input_cols)
            else:
                terms = ()
            grid.append(GridCell(r, label_cols + j, Role.VALUE, cell=cid))
            cells.append(
                CellSpec(
                    id=cid,
                    table="applications",
                    row=row.id,
                    col=col.id,
                    row_path=path,
                    col_path=col_path,
                    kind=col.kind,
                    terms=terms,
                )
            )
    return TableSpec(
        id="applications",
        section=section,
        sheet_name=sheet_name,
        n_rows=header_rows + len(lay.rows),
        n_cols=n_cols,
        header_rows=header_rows,
        grid=tuple(grid),
        cells=tuple(cells),
        col_widths=(0.9, 1.9, 3.3, *([1.0] * len(value_cols))),
        label_cols=label_cols,
    )


class AppealGroup(NamedTuple):
    id: str
    label: str
    parent: str | None  # second-level header above it (行政诉讼) or None


def appeals_table(
    section: str,
    sheet_name: str,
    review: AppealGroup,
    suit_header: str,
    suits: tuple[AppealGroup, ...],
    cols: tuple[Col, ...],
    total: Col,
) -> TableSpec:
    """Section 四: a two-level header over 15 numbers and no row label."""
    per = len(cols) + 1
    all_cols = (*cols, total)
    n_cols = per * (1 + len(suits))
    grid: list[GridCell] = [
        GridCell(0, 0, Role.HEADER, review.label, colspan=per),
        GridCell(0, per, Role.HEADER, suit_header, colspan=per * len(suits)),
    ]
    grid += [
        GridCell(1, i, Role.HEADER, col.label, rowspan=2, vertical=True)
        for i, col in enumerate(all_cols)
    ]
    for g, group in enumerate(suits):
        base = per * (1 + g)
        grid.append(GridCell(1, base, Role.HEADER, group.label, colspan=per))
        grid += [
            GridCell(2, base + i, Role.HEADER, col.label, vertical=True)
            for i, col in enumerate(all_cols)
        ]
    cells: list[CellSpec] = []
    for g, group in enumerate((review, *suits)):
        group_path = (group.parent, group.label) if group.parent else (group.label,)
        for i, col in enumerate(all_cols):
            cid = f"appeals.{group.id}.{col.id}"
            terms = tuple(f"appeals.{group.id}.{c.id}" for c in cols) if col is total else ()
            grid.append(GridCell(3, per * g + i, Role.VALUE, cell=cid))
            cells.append(
                CellSpec(
                    id=cid,
                    table="appeals",
                    row=group.id,
                    col=col.id,
                    row_path=group_path,
                    col_path=(*group_path, col.label),
                    kind=col.kind,
                    terms=terms,
                )
            )
    return TableSpec(
        id="appeals",
        section=section,
        sheet_name=sheet_name,
        n_rows=4,
        n_cols=n_cols,
        header_rows=3,
        grid=tuple(grid),
        cells=tuple(cells),
        col_widths=tuple([1.0] * n_cols),
        label_cols=0,
    )


class ResultGroup(NamedTuple):
    """A group of result rows in section 三: （一）予以公开 (one row, `row_id`) or
    （三）不予公开 with numbered items (one row per item)."""

    label: str
    row_id: str | None = None
    items: tuple[tuple[str, str], ...] = ()  # (row id, printed label)


def applications_rows(
    head: tuple[tuple[str, str], ...],
    results_label: str,
    groups: tuple[ResultGroup, ...],
    total: tuple[str, str],
    tail: tuple[tuple[str, str], ...],
) -> tuple[tuple[AppRow, ...], tuple[LabelSpan, ...], dict[str, tuple[str, ...]]]:
    """Rows, label spans and label paths of section 三 from its nested structure."""
    rows: list[AppRow] = []
    spans: list[LabelSpan] = []
    paths: dict[str, tuple[str, ...]] = {}

    def full_width_row(row_id: str, label: str, **kw: bool) -> None:
        spans.append(LabelSpan(len(rows), 0, label, colspan=3))
        paths[row_id] = (label,)
        rows.append(AppRow(row_id, (label, "", ""), **kw))

    for row_id, label in head:
        full_width_row(row_id, label)
    first_result = len(rows)
    for group in groups:
        if group.row_id:
            spans.append(LabelSpan(len(rows), 1, group.label, colspan=2))
            paths[group.row_id] = (results_label, group.label)
            rows.append(AppRow(group.row_id, (results_label, group.label, ""), result=True))
            continue
        spans.append(LabelSpan(len(rows), 1, group.label, rowspan=len(group.items)))
        for row_id, label in group.items:
            spans.append(LabelSpan(len(rows), 2, label))
            paths[row_id] = (results_label, group.label, label)
            rows.append(AppRow(row_id, (results_label, group.label, label), result=True))
    total_id, total_label = total
    spans.append(LabelSpan(len(rows), 1, total_label, colspan=2))
    paths[total_id] = (results_label, total_label)
    rows.append(AppRow(total_id, (results_label, total_label, ""), total=True))
    spans.append(LabelSpan(first_result, 0, results_label, rowspan=len(rows) - first_result))
    for row_id, label in tail:
        full_width_row(row_id, label)
    return tuple(rows), tuple(spans), paths
