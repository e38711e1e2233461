"""Reading big tables that are not a report's: `uv run python bench/bench_import_tables.py`.

Target: any document within the limits of model/limits.py imports (or is
refused) in well under MAX_IMPORT_SECONDS (15 s) on this 2-core machine; the
work grows with the document, never with its square. Each shape is a full
report followed by tables whose rows match no official label (the shapes that
once made every row a header row re-checked against a growing header stack):

- five tables of 2,000 rows × 2 cells of text;
- one table of 600 rows × 64 cells of text;
- one table of 2,000 rows × 64 cells, text rows and number rows alternating;
- table 三 with 2,000 local rows inserted after its first row;
- 500 tables (the most a document may hold) of 60 rows × 8 cells;
- 20 tables of 2,000 rows × 10 cells under table 三's own header, text rows
  and number rows alternating.

Each is timed through the mapping alone (a neutral document), and the first
two also as a Word file and a web page through their front ends (best of 3).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exporters.docx import export_docx  # noqa: E402
from importers.published.document import (  # noqa: E402
    PublishedDocument,
    Table,
    TableBuilder,
)
from importers.published.reader import read_published  # noqa: E402
from model import limits  # noqa: E402
from tests.factories import random_report  # noqa: E402
from tests.html_fixtures import published_page  # noqa: E402

TARGET_S = 5.0  # well under limits.MAX_IMPORT_SECONDS
_ALPHABET = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
_rng = random.Random(12)


def _text(_row: int = 0) -> str:
    return "".join(_rng.choice(_ALPHABET) for _ in range(4))


def _table(rows: int, cols: int, cell=_text) -> Table:
    builder = TableBuilder("bench")
    for r in range(rows):
        builder.new_row()
        for _c in range(cols):
            builder.add(cell(r))
    return builder.build()


def _alternating(r: int) -> str:
    return _text() if r % 2 == 0 else str(r)


def _under_official_header() -> Table:
    from tests.docx_fixtures import APP_HEADER

    builder = TableBuilder("bench")
    for row in APP_HEADER:
        builder.new_row()
        for text in row:
            builder.add("" if text in ("<", "^") else text)
    for r in range(limits.MAX_TABLE_ROWS - len(APP_HEADER)):
        builder.new_row()
        for _c in range(10):
            builder.add(_alternating(r))
    return builder.build()


def _report_blocks(path: Path) -> list:
    """A whole report as the Word front end reads our own export of it (read
    afresh for every run: the mapping may join and renumber its tables)."""
    import docx

    from importers.docx_walker import walk_body

    return walk_body(docx.Document(str(path)).element.body, path.name).blocks


def _with_local_rows(blocks: list, n: int) -> list:
    """Table 三 with `n` rows of a local label inserted after its first data row."""
    out = []
    for block in blocks:
        if isinstance(block, Table) and any("本年新收" in t for t in block.texts()):
            builder = TableBuilder("bench")
            for r, row in enumerate(block.rows):
                builder.new_row()
                for c, cell in enumerate(row):
                    if cell is not None and cell.row == r and cell.col == c:
                        builder.add(cell.text, cell.colspan, cell.rowspan)
                if r == 3:
                    for _ in range(n):
                        builder.new_row()
                        builder.add("地方自加行", 3)
                        for _c in range(7):
                            builder.add("1")
            out.append(builder.build())
        else:
            out.append(block)
    return out


def _time(label: str, make) -> float:
    best = float("inf")
    for _ in range(3):
        document = make()
        start = time.perf_counter()
        read_published(document)
        best = min(best, time.perf_counter() - start)
    verdict = "OK" if best <= TARGET_S else "SLOWER than target"
    print(f"{label}: {best:.2f} s (target {TARGET_S} s): {verdict}")
    return best


def _time_file(label: str, path: Path) -> None:
    from importers import ImportRefused, importer_for

    importer = importer_for(path)
    assert importer is not None
    best, outcome = float("inf"), "imported"
    for _ in range(3):
        start = time.perf_counter()
        try:
            importer(path)
        except ImportRefused as exc:
            outcome = f"refused: {exc}"
        best = min(best, time.perf_counter() - start)
    verdict = "OK" if best <= TARGET_S else "SLOWER than target"
    print(f"{label}: {best:.2f} s, {outcome} (target {TARGET_S} s): {verdict}")


def _docx_with_tables(base: Path, path: Path, tables: list[list[list[str]]]) -> Path:
    import docx

    document = docx.Document(str(base))
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        cells = table._cells
        width = len(rows[0])
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                cells[r * width + c].text = text
    document.save(str(path))
    return path


def _html_with_tables(report, path: Path, tables: list[list[list[str]]]) -> Path:
    page = published_page(report).decode("utf-8")
    extra = "".join(
        "<table>"
        + "".join("<tr>" + "".join(f"<td>{t}</td>" for t in row) + "</tr>" for row in rows)
        + "</table>"
        for rows in tables
    )
    path.write_text(page.replace("</body>", extra + "</body>"), encoding="utf-8")
    return path


def main() -> None:
    print(
        f"limits: {limits.MAX_TABLES} tables, {limits.MAX_TABLE_ROWS} rows, "
        f"{limits.MAX_TABLE_COLS} columns"
    )
    report = random_report(random.Random(12), 2023)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base.docx"
        export_docx(report, base)

        def doc(*tables: Table, local_rows: int = 0) -> PublishedDocument:
            blocks = _report_blocks(base)
            if local_rows:
                blocks = _with_local_rows(blocks, local_rows)
            return PublishedDocument([*blocks, *tables], [], "bench")

        _time(
            "mapping, report + 5 tables of 2,000 × 2 text",
            lambda: doc(*(_table(2000, 2) for _ in range(5))),
        )
        _time("mapping, report + 600 × 64 text", lambda: doc(_table(600, 64)))
        _time(
            "mapping, report + 2,000 × 64 text and numbers",
            lambda: doc(_table(2000, 64, _alternating)),
        )
        _time("mapping, 三 with 2,000 local rows", lambda: doc(local_rows=2000))
        _time(
            "mapping, report + 497 tables of 60 × 8 text",
            lambda: doc(*(_table(60, 8) for _ in range(limits.MAX_TABLES - 3))),
        )
        _time(
            "mapping, report + 20 tables of 2,000 × 10 under 三's header",
            lambda: doc(*(_under_official_header() for _ in range(20))),
        )

        narrow = [[[_text(), _text()] for _ in range(2000)] for _ in range(5)]
        wide = [[[_text() for _ in range(64)] for _ in range(600)]]
        for name, tables in (("5 tables of 2,000 × 2", narrow), ("600 × 64", wide)):
            slug = name.replace(" ", "").replace(",", "").replace("×", "x")
            _time_file(
                f"Word file, report + {name}",
                _docx_with_tables(base, Path(folder) / f"{slug}.docx", tables),
            )
            _time_file(
                f"web page, report + {name}",
                _html_with_tables(report, Path(folder) / f"{slug}.html", tables),
            )  # fmt: skip


if __name__ == "__main__":
    main()
