"""The web page as an office suite lays it out: LibreOffice opens it as a text
document (its HTML import) and prints it; the title is whole on page 1 and no
table runs past the page's right edge, also with the widest numbers.

(LibreOffice's default route for .html, its Writer/Web PDF export, starts every
page with a blank page and hides the first line, even for a minimal page of one
paragraph: that is the converter, not the page. Its text-document import is what
an officer gets opening the file in LibreOffice Writer.)
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pdfplumber
import pytest

from exporters.html import export_html
from tests.factories import max_report
from tests.integration.office import CONVERT_TIMEOUT, require_soffice

pytestmark = pytest.mark.integration

MM = 72 / 25.4


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    from model.sample import load_sample

    exe = require_soffice()
    folder = tmp_path_factory.mktemp("html")
    reports = {"sample": load_sample(), "max": max_report(2023)}
    paths = []
    for name, report in reports.items():
        path = folder / f"{name}.html"
        export_html(report, path)
        paths.append(path)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        cmd = [
            exe,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--infilter=HTML (StarWriter)",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(folder),
            *map(str, paths),
        ]
        subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
    out = {}
    for name, report in reports.items():
        pdf = folder / f"{name}.pdf"
        assert pdf.exists(), name
        out[name] = (report, pdf)
    return out


@pytest.mark.parametrize("name", ["sample", "max"])
def test_the_title_is_whole_on_page_one(pages, name):
    report, pdf = pages[name]
    meta = report.meta
    title = f"{meta.agency}{meta.year}年{report.spec.title_suffix}"
    with pdfplumber.open(str(pdf)) as doc:
        first = "".join((doc.pages[0].extract_text() or "").split())
    assert first.startswith(title)


@pytest.mark.parametrize("name", ["sample", "max"])
def test_no_table_runs_past_the_right_edge(pages, name):
    _, pdf = pages[name]
    with pdfplumber.open(str(pdf)) as doc:
        for n, page in enumerate(doc.pages, start=1):
            right = max((c["x1"] for c in page.chars), default=0)
            rules = max((e["x1"] for e in page.edges), default=0)
            assert max(right, rules) <= page.width - 5 * MM, (n, right / MM, rules / MM)
