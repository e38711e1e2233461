"""The Word export as LibreOffice prints it, measured on its PDF (pdfplumber).

One LibreOffice run converts: the sample (2019 format), a full 2021-format report,
big-number reports of both formats (seven-digit values everywhere, some at the
largest count a cell takes), a long-text report and a few random reports (the
property run). On every page: no glyph or rule past the margins, the page number's
dash 7 mm (±0.5) under the type area; every number printed whole on one line; the
title's lines; the signature not alone; group labels whole; no table started with
fewer than five rows at a page foot.
"""

from __future__ import annotations

import random
import re
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from exporters.docx import export_docx, layout
from exporters.docx.numbers import printed_value
from model.report import Report
from model.spec import Role
from tests.factories import big_report, random_report
from tests.integration import office
from tests.integration import pdf_layout as pl

pytestmark = pytest.mark.integration

MARGIN_SLACK_MM = 0.5  # rules are drawn centred on the table's edge
TEXT = "本机关坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。"
AGENCIES = ("某某市某某区人民政府办公室", "国家某某局", "某某省某某市某某县市场监督管理局")


def _random(seed: int) -> Report:
    rng = random.Random(seed)
    year = rng.choice((2020, 2023))
    report = random_report(rng, year, rng.choice(AGENCIES), blank_ratio=rng.choice((0, 0.2)))
    for section in report.spec.text_sections:
        paragraphs = [TEXT * rng.randint(1, 6) for _ in range(rng.randint(1, 5))]
        report.set_text(section.id, "\n".join(paragraphs))
    return report


def _reports() -> dict[str, Report]:
    from model.sample import load_sample

    long = random_report(random.Random(9), 2023, "某某市某某区人民政府办公室")
    long.set_text("一", "\n".join([TEXT * 5 + "网址https://www.example.gov.cn/xxgk/2024.html"] * 6))
    long.set_text("六", TEXT * 12)  # a long last paragraph before the signature
    out = {
        "sample": load_sample(),
        "full2021": random_report(random.Random(2021), 2023, "某某市某某区人民政府办公室"),
        "big2020": big_report(random.Random(1), 2020),
        "big2023": big_report(random.Random(2), 2023),
        "long": long,
    }
    out.update({f"random{seed}": _random(seed) for seed in range(3)})
    return out


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    exe = office.require_soffice()
    folder = tmp_path_factory.mktemp("layout")
    reports = _reports()
    paths = []
    for name, report in reports.items():
        path = folder / f"{name}.docx"
        export_docx(report, path)
        paths.append(path)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        cmd = [
            exe,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, paths),
        ]
        subprocess.run(cmd, capture_output=True, timeout=office.CONVERT_TIMEOUT * 2, check=False)
    out = {}
    for name, report in reports.items():
        pdf = folder / f"{name}.pdf"
        assert pdf.exists(), name
        out[name] = (report, pdf, pl.read(pdf))
    return out


NAMES = list(_reports())


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _within(text: str, label: str, gap: int = 60) -> bool:
    """`label` in `text` in order, its pieces at most `gap` characters apart (a cell's
    wrapped lines are interleaved with its neighbours' in reading order)."""
    label = _squeeze(label)
    start = text.find(label[0])
    while start >= 0:
        pos, ok = start, True
        for ch in label[1:]:
            nxt = text.find(ch, pos + 1, pos + 2 + gap)
            if nxt < 0:
                ok = False
                break
            pos = nxt
        if ok:
            return True
        start = text.find(label[0], start + 1)
    return False


@pytest.mark.parametrize("name", NAMES)
def test_no_glyph_or_rule_past_the_margins(printed, name):
    _, _, pages = printed[name]
    for page in pages:
        for line in page.lines:
            assert line.left >= pl.TYPE_LEFT - MARGIN_SLACK_MM, (page.number, line.text)
            assert line.right <= pl.TYPE_RIGHT + MARGIN_SLACK_MM, (page.number, line.text)
            assert line.top >= pl.TYPE_TOP - 1, (page.number, line.text)
            assert line.bottom <= pl.TYPE_BOTTOM + 1, (page.number, line.text)
        for x0, _top, x1, _bottom in page.rects:
            assert x0 >= pl.TYPE_LEFT - MARGIN_SLACK_MM and x1 <= pl.TYPE_RIGHT + MARGIN_SLACK_MM


@pytest.mark.parametrize("name", NAMES)
def test_page_number_dash_is_7_mm_under_the_type_area(printed, name):
    _, pdf, pages = printed[name]
    offsets = pl.dash_offsets(pdf)
    assert len(offsets) == len(pages)
    assert all(abs(o - 7.0) <= 0.5 for o in offsets), offsets
    for page in pages:
        assert re.fullmatch(rf"—{page.number}—", _squeeze(page.footer[0].text))


@pytest.mark.parametrize("name", NAMES)
def test_every_number_prints_whole_on_one_line(printed, name):
    report, pdf, _ = printed[name]
    found = Counter(w for _, _, w in pl.words(pdf))
    expected = Counter(
        m
        for table in report.spec.tables
        for cell in table.cells
        for m in re.findall(r"\d+(?:\.\d+)?", printed_value(report, cell))
    )
    missing = {n: c for n, c in expected.items() if found[n] < c}
    assert missing == {}
    if name.startswith("big"):
        assert any(len(n) >= 9 for n in expected)


@pytest.mark.parametrize("name", NAMES)
def test_title_lines_agency_first_year_last(printed, name):
    report, _, pages = printed[name]
    meta = report.meta
    expected = layout.title_lines(
        layout.agency_name(meta.agency), meta.year, report.spec.title_suffix
    )
    got = [_squeeze(line.text) for line in pages[0].lines[: len(expected)]]
    assert got == expected


@pytest.mark.parametrize("name", NAMES)
def test_signature_never_stands_alone(printed, name):
    report, _, pages = printed[name]
    last = pages[-1].lines
    date = layout.date_text(report.meta.date)
    i = next(k for k, line in enumerate(last) if _squeeze(line.text) == date)
    agency = next(k for k in range(i) if _squeeze(last[k].text) in report.meta.agency)
    text_before = [line for line in last[:agency] if line.text.strip()]
    assert len(text_before) >= 2, [line.text for line in last]
    # the name is centred over the date
    name_line, date_line = last[agency], last[i]
    centre = (name_line.left + name_line.right) / 2
    assert centre == pytest.approx((date_line.left + date_line.right) / 2, abs=0.5)
    # the page before is not left mostly empty by the signature's keeping
    if len(pages) > 1:
        assert max(line.bottom for line in pages[-2].lines) > pl.TYPE_BOTTOM - 60


@pytest.mark.parametrize("name", NAMES)
def test_group_labels_whole_and_tables_start_with_five_rows(printed, name):
    report, _, pages = printed[name]
    texts = [_squeeze(p.body_text) for p in pages]
    for table in report.spec.tables:
        section = report.spec.section_by_id[table.section]
        for g in table.grid:
            if g.role is Role.LABEL and g.rowspan > 1:
                assert any(_within(t, g.text, gap=240) for t in texts), (name, g.text)
        heading = next(i for i, t in enumerate(texts) if _squeeze(section.heading) in t)
        body_labels = [
            g.text
            for g in sorted(table.grid, key=lambda g: (g.row, g.col))
            if g.role is Role.LABEL and g.rowspan == 1 and g.row >= table.header_rows
        ][:5]
        for label in body_labels:
            assert _within(texts[heading], label), (name, table.id, label)
