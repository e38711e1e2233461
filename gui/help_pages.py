"""The help pages as Markdown, each from the one source of what it describes.

- 使用说明: `resources/help/usage.md`, which is also the README's 「使用流程」.
- 校验规则说明: the rule catalogue (model/rules_catalog.py), also the README's
  rule table and the problems panel's tooltips.
- 官方格式: the format specs (model/formats/): names, notices, years, deadlines,
  and what changed, found by comparing the two specs' tables.
- 键盘操作: the window's own menu actions and their keys (`MainWindow.menu_actions`),
  and the grid's keys (`strings.GRID_KEYS`), also the README's 「键盘操作」.

No Qt here (the window passes its actions in), so the README can be checked and
rewritten from the same functions: ``uv run python -m gui.help_pages --write-readme``.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from gui import strings as s
from model.formats import FORMATS
from model.messages import KIND_NAMES
from model.rules_catalog import rules_table_markdown
from model.sample import resources_dir
from model.spec import FormatSpec, TableSpec

PAGES = (
    ("usage", s.HELP_USAGE),
    ("rules", s.HELP_RULES),
    ("formats", s.HELP_FORMATS),
    ("keys", s.HELP_KEYS),
)
USAGE_FILE = Path("help") / "usage.md"
README = Path(__file__).resolve().parent.parent / "README.md"

# (menu title, action text, key sequences as Qt writes them portably)
KeyRow = tuple[str, str, Sequence[str]]


def usage_markdown() -> str:
    """使用说明: the text of resources/help/usage.md."""
    return (resources_dir() / USAGE_FILE).read_text(encoding="utf-8")


def rules_markdown() -> str:
    return f"# {s.HELP_RULES}\n\n{s.HELP_RULES_INTRO}\n\n{rules_table_markdown()}"


def _years(spec: FormatSpec) -> str:
    if spec.last_year is None:
        return s.HELP_FORMAT_YEARS_OPEN.format(first=spec.first_year)
    years = "、".join(str(y) for y in range(spec.first_year, spec.last_year + 1))
    return s.HELP_FORMAT_YEARS.format(years=years)


def _deadlines(spec: FormatSpec) -> str:
    return "；".join(
        s.HELP_FORMAT_DEADLINE.format(kind=KIND_NAMES[kind], month=d.month, day=d.day)
        for kind, d in spec.deadlines.items()
    )


def _labels(table: TableSpec) -> tuple[set[str], set[str]]:
    """A table's row labels (with their groups) and column labels, as printed."""
    rows = {" ".join(p for p in c.row_path if p) for c in table.cells}
    cols = {c.col_label for c in table.cells}
    return rows, cols


def _quoted(labels: Iterable[str]) -> str:
    return "、".join(f"“{x}”" for x in labels)


def format_changes(old: FormatSpec, new: FormatSpec) -> list[str]:
    """What changed from `old` to `new`, table by table: rows and columns one has and
    the other has not (compared label by label, as the specs print them)."""
    lines: list[str] = []
    headings = {sec.table: sec.heading for sec in new.sections if sec.table}
    for table in new.tables:
        before = old.table_by_id.get(table.id)
        if before is None:
            lines.append(s.HELP_CHANGE_NEW_TABLE.format(heading=headings[table.id]))
            continue
        (rows_old, cols_old), (rows_new, cols_new) = _labels(before), _labels(table)
        parts: list[str] = []
        order_old = [" ".join(p for p in c.row_path if p) for c in before.cells]
        order_new = [" ".join(p for p in c.row_path if p) for c in table.cells]
        gone_rows = [r for r in dict.fromkeys(order_old) if r not in rows_new]
        new_rows = [r for r in dict.fromkeys(order_new) if r not in rows_old]
        gone_cols = [
            c for c in dict.fromkeys(c.col_label for c in before.cells) if c not in cols_new
        ]
        new_cols = [c for c in dict.fromkeys(c.col_label for c in table.cells) if c not in cols_old]
        if gone_rows:
            parts.append(s.HELP_CHANGE_ROWS_GONE.format(labels=_quoted(gone_rows)))
        if new_rows:
            parts.append(s.HELP_CHANGE_ROWS_NEW.format(labels=_quoted(new_rows)))
        if gone_cols:
            parts.append(s.HELP_CHANGE_COLS_GONE.format(labels=_quoted(gone_cols)))
        if new_cols:
            parts.append(s.HELP_CHANGE_COLS_NEW.format(labels=_quoted(new_cols)))
        if not parts:
            parts.append(s.HELP_CHANGE_SAME)
        lines.append(f"**{headings[table.id]}**：" + "；".join(parts) + "。")
    outline = next((x.text.outline for x in new.sections if x.text and x.text.outline), ())
    if outline and not any(x.text and x.text.outline for x in old.sections):
        lines.append(s.HELP_CHANGE_OUTLINE.format(items="、".join(outline)))
    if any(x.text and x.text.fee_statement for x in new.sections):
        lines.append(s.HELP_CHANGE_FEE)
    return lines


def formats_markdown() -> str:
    """官方格式: both formats (name, notice, years, deadlines, sections) and what the
    newer one changed."""
    specs = sorted(FORMATS.values(), key=lambda f: f.first_year)
    notes = s.HELP_FORMAT_NOTICE_NOTE
    out = [f"# {s.HELP_FORMATS}", "", s.HELP_FORMATS_INTRO, ""]
    for spec in specs:
        out += [
            f"## 《{spec.name}》",
            "",
            f"- {s.HELP_FORMAT_NOTICE}：{spec.issued_by}{notes.get(spec.id, '')}",
            f"- {s.HELP_FORMAT_APPLIES}：{_years(spec)}",
            f"- {s.HELP_FORMAT_DUE}：{_deadlines(spec)}（{s.HELP_FORMAT_DUE_BASIS}）",
            f"- {s.HELP_FORMAT_SECTIONS}：" + "；".join(x.heading for x in spec.sections),
            "",
        ]
    for old, new in itertools.pairwise(specs):
        out += [s.HELP_CHANGES_HEADING.format(old=old.id, new=new.id), ""]
        out += [f"- {line}" for line in format_changes(old, new)]
        out.append("")
    out.append(s.HELP_FORMATS_CONVERT)
    return "\n".join(out) + "\n"


def keys_table(rows: Iterable[KeyRow]) -> str:
    """The window's keys as a Markdown table: menu, action, keys."""
    lines = ["| " + " | ".join(s.HELP_KEYS_HEAD) + " |", "|---|---|---|"]
    for menu, action, keys in rows:
        if keys:
            lines.append(f"| {menu} | {action} | {' 或 '.join(_key(k) for k in keys)} |")
    return "\n".join(lines) + "\n"


def _key(key: str) -> str:
    return f"`{key}`"


def grid_keys_table() -> str:
    lines = ["| " + " | ".join(s.HELP_GRID_KEYS_HEAD) + " |", "|---|---|"]
    lines += [f"| {' / '.join(_key(k) for k in keys)} | {what} |" for keys, what in s.GRID_KEYS]
    return "\n".join(lines) + "\n"


def keys_markdown(rows: Iterable[KeyRow]) -> str:
    """键盘操作: the menu keys, then the keys of the tables and text editors."""
    return (
        f"# {s.HELP_KEYS}\n\n{s.HELP_KEYS_INTRO}\n\n{keys_table(rows)}\n"
        f"## {s.HELP_GRID_KEYS}\n\n{grid_keys_table()}"
    )


# ---- README --------------------------------------------------------------------------------
BEGIN = (
    "<!-- generated: {name} (edit {source}, "
    "then run: uv run python -m gui.help_pages --write-readme) -->"
)
END = "<!-- end generated: {name} -->"
SOURCES = {
    "usage": "resources/help/usage.md",
    "rules": "model/messages.py RULE_INFO",
    "keys": "gui/main_window.py actions and gui/strings.py GRID_KEYS",
}


def readme_blocks(key_rows: Iterable[KeyRow]) -> dict[str, str]:
    """What the README holds between its generated-block markers, by block name."""
    usage = usage_markdown()
    body = usage.split("\n", 1)[1].lstrip("\n") if usage.startswith("# ") else usage
    return {
        "usage": body,
        "rules": rules_table_markdown(),
        "keys": keys_table(key_rows) + "\n" + grid_keys_table(),
    }


def readme_block(text: str, name: str) -> str | None:
    """The README's block `name` as it stands, or None when its markers are missing."""
    begin = BEGIN.format(name=name, source=SOURCES[name])
    end = END.format(name=name)
    start, stop = text.find(begin), text.find(end)
    if start < 0 or stop < start:
        return None
    return text[start + len(begin) : stop].strip("\n") + "\n"


def rewrite_readme(text: str, blocks: dict[str, str]) -> str:
    """`text` with each generated block replaced by `blocks`' text."""
    for name, body in blocks.items():
        begin = BEGIN.format(name=name, source=SOURCES[name])
        end = END.format(name=name)
        start, stop = text.find(begin), text.find(end)
        if start < 0 or stop < start:
            raise ValueError(f"README has no block {name!r}")
        text = text[: start + len(begin)] + "\n" + body.rstrip("\n") + "\n" + text[stop:]
    return text


def window_key_rows() -> list[KeyRow]:
    """The key rows of a main window made offscreen (for the README)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gui.app import create_app
    from gui.help_dialog import key_rows
    from gui.main_window import MainWindow

    create_app()
    window = MainWindow(with_start_page=False)
    try:
        return key_rows(window)
    finally:
        window.autosaver.close()
        window.deleteLater()


def main(argv: list[str]) -> int:
    if argv != ["--write-readme"]:
        print("usage: python -m gui.help_pages --write-readme", file=sys.stderr)
        return 2
    text = README.read_text(encoding="utf-8")
    README.write_text(rewrite_readme(text, readme_blocks(window_key_rows())), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
