"""Export speed: `uv run python bench/bench_export.py [--runs 15]`.

Times `exporters.docx.export_docx` on a fully filled 2021-format report and on the
built-in 2019-format sample (wall and CPU time, median of several runs, each
writing a fresh file), and `exporters.xlsx.export_xlsx` on the full report when
that exporter is present. Target (issue 3): a full report's .docx in under 0.3 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from exporters.docx import export_docx
from exporters.xlsx import export_xlsx
from model.report import Report
from model.sample import load_sample
from tests.factories import random_report

TARGET_DOCX_S = 0.3


def _measure(export: Callable[[Path], object], folder: Path, suffix: str, runs: int):
    """Median wall and CPU seconds of `export(path)`, each run writing a new file."""
    export(folder / f"warmup{suffix}")  # imports and caches are not what we measure
    walls, cpus = [], []
    for i in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        export(folder / f"run{i}{suffix}")
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    size = (folder / f"run0{suffix}").stat().st_size
    return statistics.median(walls), statistics.median(cpus), size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    full = random_report(random.Random(2021), 2023, "某某市某某区人民政府办公室")
    cases: list[tuple[str, Callable, Report, str]] = [
        ("docx, full 2021-format report", export_docx, full, ".docx"),
        ("docx, 2019-format sample", export_docx, load_sample(), ".docx"),
        ("xlsx, full 2021-format report", export_xlsx, full, ".xlsx"),
    ]
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, (name, export, report, suffix) in enumerate(cases):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            wall, cpu, size = _measure(
                lambda path, export=export, report=report: export(report, path),
                folder,
                suffix,
                args.runs,
            )
            verdict = ""
            if suffix == ".docx" and "full" in name:
                ok = wall < TARGET_DOCX_S
                verdict = f"  target < {TARGET_DOCX_S} s: {'met' if ok else 'MISSED'}"
                status = status or (0 if ok else 1)
            print(
                f"{name}: median {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU "
                f"over {args.runs} runs; {size / 1024:.0f} KiB{verdict}"
            )
    return status


if __name__ == "__main__":
    sys.exit(main())
