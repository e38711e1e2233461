"""Word import cost, ordinary and hostile: `uv run python bench/bench_import_docx.py`.

Each case is imported in a fresh process (so peak memory is the import's own),
timing wall seconds and reading the peak resident memory: an exported full
report, the same with every cell wrapped in content controls and custom XML, the
field case with a ``w:gridSpan`` of 100000 (../shared/cases/hostile, when
present), and the full report with a span of 100000 and an offset of 300000000
in every row of every table. Target (issue 12, limits of issue 14): every case
refused or read within 15 s and 1 GB, in time proportional to the real document.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exporters.docx import export_docx  # noqa: E402
from tests import docx_xml as x  # noqa: E402
from tests.factories import random_report  # noqa: E402
from tests.shared_cases import HOSTILE  # noqa: E402

TARGET_S, TARGET_MB = 15.0, 1024

_CHILD = """
import resource, sys, time
sys.path.insert(0, {root!r})
from importers import ImportRefused
from importers.docx import import_docx
start = time.perf_counter()
try:
    result = import_docx({path!r})
    outcome = f"read, {{len(result.notes)}} notes"
except ImportRefused as exc:
    outcome = f"refused: {{exc}}"
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{{wall:.3f}} {{peak:.0f}} {{outcome}}")
"""


def _cases(folder: Path) -> list[tuple[str, Path]]:
    report = random_report(random.Random(12), 2023)
    plain = folder / "plain.docx"
    export_docx(report, plain)
    cases = [("full report, as exported", plain)]

    doc = x.Docx(plain)
    for tc in list(doc.body.iter(x.w("tc"))):
        x.wrap(x.wrap(tc, "sdt"), "customXml")
    cases.append(("every cell in a content control", doc.save(folder / "wrapped.docx")))

    if (HOSTILE / "hostile-I38-gridSpan-100000.docx").exists():
        cases.append(("field case: gridSpan 100000", HOSTILE / "hostile-I38-gridSpan-100000.docx"))

    doc = x.Docx(plain)
    for tr in doc.body.iter(x.w("tr")):
        trpr = tr.find(x.w("trPr"))
        if trpr is None:
            trpr = x.el("trPr")
            tr.insert(0, trpr)
        trpr.append(x.el("gridBefore", val=300_000_000))
        last = tr.findall(x.w("tc"))[-1]
        tcpr = last.find(x.w("tcPr"))
        if tcpr is None:
            tcpr = x.el("tcPr")
            last.insert(0, tcpr)
        tcpr.append(x.el("gridSpan", val=100_000))
    cases.append(("every row: gridBefore 3e8, gridSpan 1e5", doc.save(folder / "absurd.docx")))
    return cases


def main() -> int:
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in _cases(Path(tmp)):
            code = _CHILD.format(root=str(ROOT), path=str(path))
            done = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
            )
            if done.returncode != 0:
                print(f"{name}: FAILED\n{done.stderr}")
                status = 1
                continue
            wall, peak, outcome = done.stdout.strip().split(" ", 2)
            ok = float(wall) < TARGET_S and float(peak) < TARGET_MB
            status |= not ok
            print(f"{name:42s} {float(wall):7.3f} s  {float(peak):6.0f} MB peak  {outcome}")
    return status


if __name__ == "__main__":
    sys.exit(main())
