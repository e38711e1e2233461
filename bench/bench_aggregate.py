"""Roll-up speed and memory: `uv run python bench/bench_aggregate.py [-n 1000] [--runs 3]`.

Generates n realistic report drafts once into a temp folder (bench/generate_reports.py),
then times `model.aggregate.aggregate` over the folder (reading, validating and adding
every report; the median of several runs) and measures its peak Python memory with
tracemalloc in a separate run (tracemalloc slows the code it watches). The summary
workbook is timed too, apart. Target (issue 7): 1,000 reports in under 2 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate_reports import generate
from exporters.summary_xlsx import export_summary_xlsx
from model.aggregate import aggregate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        start = time.perf_counter()
        generate(folder, args.n)
        print(f"generated {args.n} drafts in {time.perf_counter() - start:.1f} s")

        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            result = aggregate([folder])
            times.append(time.perf_counter() - start)
        assert len(result.included) == args.n, result.summary_line()

        tracemalloc.start()
        aggregate([folder])
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        start = time.perf_counter()
        export_summary_xlsx(result, Path(tmp) / "summary.xlsx")
        xlsx = time.perf_counter() - start

    median = statistics.median(times)
    print(
        f"aggregate {args.n} reports: median {median:.2f} s (runs: "
        + ", ".join(f"{t:.2f}" for t in times)
        + ")  target < 2 s"
    )
    print(f"peak memory (tracemalloc): {peak / 2**20:.1f} MiB")
    print(f"summary workbook: {xlsx:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
