"""`main.py compare LAST.nianbao THIS.nianbao [--changed]`: year-on-year tables.

LAST may also be last year's published Word report (.docx), read by the importer.

Prints every table of this year's report with last year's number, this year's
and the difference, aligned for a terminal (Chinese characters count double).
"""

from __future__ import annotations

import argparse
import sys
import unicodedata

from cli import EXIT_OK, EXIT_UNREADABLE
from cli import strings as s

BLANK = "—"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compare",
        help=s.COMPARE_HELP,
        description=s.COMPARE_DESCRIPTION,
        epilog=s.COMPARE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("last", metavar="LAST.nianbao", help=s.COMPARE_HELP_LAST)
    parser.add_argument("this", metavar="THIS.nianbao", help=s.COMPARE_HELP_THIS)
    parser.add_argument("--changed", action="store_true", help=s.COMPARE_HELP_CHANGED)
    parser.set_defaults(func=run)


def width(text: str) -> int:
    """Columns a terminal uses for `text`: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int, right: bool = False) -> str:
    fill = " " * max(0, columns - width(text))
    return fill + text if right else text + fill


def _number(value, signed: bool = False) -> str:
    from model.values import format_value

    if value is None:
        return BLANK
    text = format_value(value)
    return f"+{text}" if signed and value > 0 else text


def format_tables(tables, changed_only: bool = False) -> str:
    """The comparison as aligned text, one block per table."""
    lines: list[str] = []
    for table in tables:
        rows = []
        for c in table.cells:
            if changed_only and not c.changed:
                continue
            label = f"{c.row_label} / {c.col_label}"
            if c.unit and c.unit not in c.col_label:
                label += f"（{c.unit}）"
            rows.append(
                (
                    label,
                    _number(c.previous),
                    _number(c.current),
                    _number(c.difference, True),
                    c.note,
                )
            )
        lines.append(table.heading)
        lines.extend(f"  {note}" for note in table.notes)
        if not rows:
            lines.append(f"  {s.COMPARE_NONE_CHANGED}")
            lines.append("")
            continue
        head = s.COMPARE_COLUMNS
        label_w = max(width(head[0]), *(width(r[0]) for r in rows))
        num_w = [max(width(head[i]), *(width(r[i]) for r in rows)) + 2 for i in (1, 2, 3)]
        titles = "".join(pad(h, w, True) for h, w in zip(head[1:], num_w, strict=True))
        lines.append("  " + pad(head[0], label_w) + titles)
        for label, before, now, diff, note in rows:
            line = "  " + pad(label, label_w)
            line += "".join(
                pad(v, w, True) for v, w in zip((before, now, diff), num_w, strict=True)
            )
            lines.append(line + (f"  {note}" if note else ""))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _load(path: str, which: str):
    """A draft, or a published Word report read by the importer (notes counted)."""
    from pathlib import Path

    from model.drafts import load_draft

    if Path(path).suffix.lower() != ".docx":
        return load_draft(path)
    from importers import guarded
    from importers.docx import import_docx

    result = guarded(import_docx)(Path(path))
    print(s.COMPARE_IMPORTED.format(which=which, name=Path(path).name, n=len(result.notes)))
    return result.report


def run(args: argparse.Namespace) -> int:
    from importers import ImportRefused
    from model.compare import compare
    from model.drafts import DraftError

    loaded = []
    for path, which, message in (
        (args.last, s.COMPARE_WHICH_LAST, s.COMPARE_LAST_UNREADABLE),
        (args.this, s.COMPARE_WHICH_THIS, s.COMPARE_THIS_UNREADABLE),
    ):
        try:
            loaded.append(_load(path, which))
        except (DraftError, ImportRefused, OSError) as exc:
            print(message.format(reason=exc), file=sys.stderr)
            return EXIT_UNREADABLE
    previous, current = loaded
    tables = compare(previous, current)
    print(
        s.COMPARE_TITLE.format(
            agency=current.meta.agency or s.COMPARE_NO_AGENCY,
            last=previous.meta.year,
            this=current.meta.year,
        )
    )
    print()
    sys.stdout.write(format_tables(tables, args.changed))
    cells = [c for t in tables for c in t.cells]
    print(
        s.COMPARE_SUMMARY.format(
            cells=len(cells),
            changed=sum(c.changed for c in cells),
            missing=sum(1 for c in cells if c.note and c.previous is None),
        )
    )
    return EXIT_OK
