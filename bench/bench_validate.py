"""Validation speed: `uv run python bench/bench_validate.py [RUNS]`.

Validation runs on every keystroke, so a full report must validate in well under
a millisecond. For each format this builds a fully filled report with a long
section 一 (and last year's report, so R7/R8/R15 run too), then times:
- `validate` alone, on an unchanged report;
- a keystroke in a table: `set_value` on one cell of section 三, then `validate`;
- a keystroke in section 一: `set_text` with one character more, then `validate`
  (the text checks and the similarity to last year's text run on the new text).
Prints the median and 95th percentile in milliseconds.
"""

from __future__ import annotations

import random
import statistics
import sys
import timeit
from itertools import count
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model.report import PreviousYear, Report
from model.rules import validate
from tests.factories import random_report

YEARS = {"2019": 2020, "2021": 2023}
SENTENCE = (
    "本机关认真贯彻落实政府信息公开条例，持续深化政务公开，推进决策、执行、管理、服务、结果公开。"
)
LONG_TEXT = SENTENCE * 40  # about 1 900 characters, a long section 一
CELL = "applications.granted.commercial"


def _report(year: int, seed: int) -> Report:
    report = random_report(random.Random(seed), year)
    last = random_report(random.Random(seed + 1), year - 1)
    texts = {**last.texts, "一": LONG_TEXT}
    report.set_previous(
        PreviousYear(last.meta.year, last.spec.id, last.meta.agency, last.values(), texts)
    )
    report.set_text("一", LONG_TEXT + report.texts["一"])
    return report


def _stats(times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return f"中位数 {statistics.median(ms):.3f} ms，p95 {p95:.3f} ms（{len(ms)} 次）"


def bench_format(format_id: str, year: int, runs: int) -> None:
    report = _report(year, 7)
    validate(report)  # builds the per-format plan once, as the app does at start
    plain = timeit.repeat(lambda: validate(report), number=1, repeat=runs)

    values = count()

    def keystroke() -> None:
        report.set_value(CELL, next(values) % 50)
        validate(report)

    typed = timeit.repeat(keystroke, number=1, repeat=runs)

    chars = count()

    def text_keystroke() -> None:
        report.set_text("一", report.texts["一"] + str(next(chars) % 10))
        validate(report)

    typed_text = timeit.repeat(text_keystroke, number=1, repeat=max(runs // 10, 50))
    print(f"{format_id} 格式（{year} 年度，{len(report.spec.inputs)} 个输入单元格）")
    print(f"  validate：              {_stats(plain)}")
    print(f"  改一个单元格后校验：    {_stats(typed)}")
    print(f"  正文输入一个字后校验：  {_stats(typed_text)}")


def main(runs: int = 2000) -> None:
    for format_id, year in YEARS.items():
        bench_format(format_id, year, runs)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
