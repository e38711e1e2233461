"""Published report import speed: `uv run python bench/bench_import_published.py`.

Targets (issue 16), on a 2-core machine: a 10-page PDF report imports in
≤ 1.5 s, a web page in ≤ 0.3 s. The PDF is the project's own Word export of a
full report with long narratives, printed to PDF by LibreOffice (skipped when
soffice is missing); the web page is a full report in a government site's shape
(menus, scripts, a layout table, one table per block of 二, GBK). Each is timed
in a fresh process (library loading included: what the officer waits for) and
then warm, best of five in one process.
"""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exporters.docx import export_docx  # noqa: E402
from tests.factories import random_report  # noqa: E402
from tests.html_fixtures import published_page  # noqa: E402

PDF_TARGET_S, HTML_TARGET_S = 1.5, 0.3
PARAGRAPH = (
    "（一）主动公开情况。本机关坚持以公开为常态、不公开为例外，围绕中心工作，"
    "及时发布政策文件、规划计划、财政预决算、重点项目和民生实事等政府信息，"
    "全年通过门户网站、政务新媒体等渠道主动公开各类政府信息，并做好政策解读和回应关切工作。"
)

_CHILD = """
import sys, time
start = time.perf_counter()
sys.path.insert(0, {root!r})
from importers import importer_for
from pathlib import Path
path = Path({path!r})
result = importer_for(path)(path)
print(time.perf_counter() - start, len(result.report.values()))
"""


def _report():
    report = random_report(random.Random(16), 2023, agency="某某市某某区人民政府办公室")
    report.set_text("一", "\n".join([PARAGRAPH] * 20))
    report.set_text("五", "\n".join([PARAGRAPH] * 8))
    return report


def _time(path: Path, target: float, label: str) -> None:
    from importers import importer_for

    cold = subprocess.run(
        [sys.executable, "-c", _CHILD.format(root=str(ROOT), path=str(path))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    importer = importer_for(path)
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        importer(path)
        runs.append(time.perf_counter() - start)
    best, median = min(runs), statistics.median(runs)
    verdict = "OK" if float(cold[0]) <= target else "SLOWER than target"
    print(
        f"{label}: fresh process {float(cold[0]):.2f} s ({cold[1]} values), "
        f"warm best {best:.2f} s, median {median:.2f} s; target {target} s: {verdict}"
    )


def main() -> None:
    report = _report()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        page = folder / "年报.html"
        page.write_bytes(
            published_page(report, site=True, layout_table=True, split_active=True, encoding="gbk")
        )
        _time(page, HTML_TARGET_S, f"web page ({page.stat().st_size // 1024} KB)")
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            print("PDF: skipped, LibreOffice (soffice) is not installed")
            return
        source = folder / "年报.docx"
        export_docx(report, source)
        subprocess.run(
            [soffice, f"-env:UserInstallation={(folder / 'p').as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(folder), str(source)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        pdf = folder / "年报.pdf"
        import pdfplumber

        with pdfplumber.open(pdf) as opened:
            pages = len(opened.pages)
        _time(pdf, PDF_TARGET_S, f"PDF ({pages} pages)")


if __name__ == "__main__":
    main()
