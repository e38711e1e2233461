"""Roll-up speed and memory: `uv run python bench/bench_aggregate.py [-n 1000] [--runs 3]`.

Generates n realistic report drafts once into a temp folder (bench/generate_reports.py),
then times `model.aggregate.aggregate` over the folder (reading, validating and adding
every report; the median of several runs) and measures its peak Python memory with
tracemalloc in a separate run (tracemalloc slows the code it watches), and what the result keeps
per report. The summary workbook is timed too, apart. Target (issue 7): 1,000 reports in under 2 s.
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

        times, cpu = [], []
        for _ in range(args.runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            result = aggregate([folder])
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        assert len(result.included) == args.n, result.summary_line()

        tracemalloc.start()
        kept = aggregate([folder])
        retained, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del kept

        start = time.perf_counter()
        export_summary_xlsx(result, Path(tmp) / "summary.xlsx")
        xlsx = time.perf_counter() - start

    runs = ", ".join(f"{t:.2f}" for t in times)
    median = statistics.median(times)
    print(f"aggregate {args.n} reports: median {median:.2f} s wall (runs: {runs}); target < 2 s")
    print(
        "  CPU time, which other processes on the machine do not inflate: "
        f"median {statistics.median(cpu):.2f} s, best {min(cpu):.2f} s"
    )
    print(
        f"peak memory (tracemalloc): {peak / 2**20:.1f} MiB; kept by the result "
        f"(sums, per-agency rows, statuses): {retained / 2**20:.1f} MiB "
        f"= {retained / args.n / 1024:.1f} KiB per report"
    )
    print(f"summary workbook: {xlsx:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
