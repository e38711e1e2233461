"""Excel export speed: `uv run python bench/bench_export_xlsx.py [--runs 20]`.

Times `exporters.xlsx.export_xlsx` (building the workbook and writing it to disk)
for the sample report and for a filled report of each format, given the
validation as the export command does; prints the median and the worst run of
each, and the import time back for comparison. Target (issue 4): under 0.3 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from exporters.xlsx import export_xlsx
from importers.xlsx import import_xlsx
from model.rules import validate
from tests.factories import random_report

TARGET_S = 0.3


def _reports():
    out = {
        "random 2020 (2019 format)": random_report(random.Random(1), 2020),
        "random 2023 (2021 format)": random_report(random.Random(2), 2023),
    }
    try:
        from model.sample import load_sample

        out["sample (2020, real)"] = load_sample()
    except Exception:  # the benchmark still runs without the shipped sample
        pass
    return out


def _time(fn, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds per run (CPU time is steadier on a shared machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    worst_median = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "out.xlsx"
        export_xlsx(random_report(random.Random(0), 2023), path)  # warm-up: imports
        import_xlsx(path)
        for name, report in _reports().items():
            validation = validate(report)
            exp, exp_cpu = _time(lambda r=report, v=validation: export_xlsx(r, path, v), args.runs)
            imp, _ = _time(lambda: import_xlsx(path), max(3, args.runs // 4))
            median = statistics.median(exp)
            worst_median = max(worst_median, median)
            print(
                f"{name:27s} export median {median * 1000:5.1f} ms"
                f" (CPU {statistics.median(exp_cpu) * 1000:5.1f} ms),"
                f" worst {max(exp) * 1000:5.1f} ms"
                f" | import median {statistics.median(imp) * 1000:5.1f} ms"
                f" | {path.stat().st_size / 1024:.0f} KB"
            )
    verdict = "OK" if worst_median < TARGET_S else "TOO SLOW"
    print(f"target: export under {TARGET_S * 1000:.0f} ms -> {verdict}")
    return 0 if worst_median < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
