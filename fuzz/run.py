"""The long fuzz run of the importers and the draft loader (the short one is
tests/test_fuzz.py, inside the test suite).

    uv run python fuzz/run.py                       # every target, 10 minutes each
    uv run python fuzz/run.py --target docx --minutes 60
    uv run python fuzz/run.py --target draft --seed 7
    uv run python fuzz/run.py --target docx --no-huge   # without huge spans and offsets

Inputs and contracts are those of tests/fuzz_targets.py: our own exports and drafts
mutated where it matters, each door held to "its refusal in Chinese, or a report
within model.limits that saves and opens again". Each input also has 15 s and a
memory ceiling (1 GB above the start); on POSIX a slower input is interrupted.
Nothing is shrunk: every finding is written, deduplicated by where it failed, to
fuzz/findings/ (the input and a .txt with the traceback), and the run ends with a
summary. Turn each finding into a regression test (tests/test_hostile_*.py), then
delete it.

Findings inside the Word table walker (importers/docx*.py) are listed separately:
the walker bounds its own spans, rows and nesting.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Verbosity, given, seed, settings  # noqa: E402

from tests import fuzz_targets as ft  # noqa: E402

SUFFIX = {"xlsx": ".xlsx", "docx": ".docx", "draft": ".nianbao"}
SECONDS_PER_INPUT = 15
MEMORY_MARGIN = 1024 * 1024 * 1024  # bytes of resident memory above the start


class _TimeUp(BaseException):
    """The run's time is over (a BaseException: hypothesis does not shrink it)."""


class _TooSlow(BaseException):
    """One input took longer than SECONDS_PER_INPUT."""


def _resident_bytes() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, AttributeError):
        return 0


class Run:
    def __init__(self, target: str, minutes: float, findings: Path) -> None:
        self.target, self.findings = target, findings
        self.deadline = time.monotonic() + minutes * 60
        self.outcomes: Counter[str] = Counter()
        self.seen: set[str] = set()
        self.walker: Counter[str] = Counter()
        self.start_memory = _resident_bytes()
        self.slowest = 0.0

    def one(self, data: bytes) -> None:
        if time.monotonic() > self.deadline:
            raise _TimeUp
        began = time.monotonic()
        with tempfile.TemporaryDirectory() as folder:
            try:
                self._alarm(SECONDS_PER_INPUT)
                if self.target == "draft":
                    outcome = ft.check_draft(data, Path(folder))
                else:
                    outcome = ft.check_import(data, SUFFIX[self.target], Path(folder))
                self.outcomes[outcome.kind] += 1
                if outcome.kind == "walker":
                    self.walker[outcome.detail] += 1
                    self._save(data, "walker", outcome.detail)
            except _TooSlow:
                self.outcomes["too slow"] += 1
                self._save(data, "slow", f"more than {SECONDS_PER_INPUT} s")
            except (Exception, MemoryError) as exc:
                self.outcomes["contract broken"] += 1
                self._save(data, "broken", "".join(traceback.format_exception(exc)))
            finally:
                self._alarm(0)
        self.slowest = max(self.slowest, time.monotonic() - began)
        grown = _resident_bytes() - self.start_memory
        if grown > MEMORY_MARGIN:
            self.outcomes["too much memory"] += 1
            self._save(data, "memory", f"resident memory grew by {grown // 2**20} MB")

    def _alarm(self, seconds: int) -> None:
        if hasattr(signal, "SIGALRM"):
            signal.alarm(seconds)

    def _save(self, data: bytes, kind: str, detail: str) -> None:
        where = detail.strip().splitlines()[-1] if detail.strip() else kind
        key = f"{self.target}:{kind}:{where}"
        if key in self.seen:
            return
        self.seen.add(key)
        self.findings.mkdir(parents=True, exist_ok=True)
        name = f"{self.target}-{kind}-{hashlib.sha1(data).hexdigest()[:10]}"
        (self.findings / (name + SUFFIX[self.target])).write_bytes(data)
        (self.findings / (name + ".txt")).write_text(detail + "\n", encoding="utf-8")
        print(f"  finding: {name}: {where[:150]}", flush=True)


def fuzz(
    target: str, minutes: float, seed_value: int | None, findings: Path, huge: bool = True
) -> Run:
    run = Run(target, minutes, findings)
    package = target != "draft"
    strategy = ft.mutated_package(SUFFIX[target], huge) if package else ft.mutated_draft()

    @settings(
        max_examples=10**9,
        deadline=None,
        database=None,
        phases=["generate"],
        verbosity=Verbosity.quiet,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=strategy)
    def body(data: bytes) -> None:
        run.one(data)

    if seed_value is not None:
        body = seed(seed_value)(body)
    with contextlib.suppress(_TimeUp):
        body()
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", choices=["xlsx", "docx", "draft", "all"], default="all")
    parser.add_argument("--minutes", type=float, default=10.0, help="per target")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--findings", type=Path, default=ROOT / "fuzz" / "findings")
    parser.add_argument(
        "--no-huge",
        action="store_true",
        help="no huge attribute values (spans, offsets): look past the known slow spans",
    )
    args = parser.parse_args(argv)

    def too_slow(_signum, _frame):
        raise _TooSlow

    if hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, too_slow)
    os.environ.setdefault("NIANBAO_HOME", tempfile.mkdtemp(prefix="nianbao-fuzz-"))
    import warnings

    warnings.simplefilter("ignore")  # openpyxl's warnings on odd input are not findings
    targets = ["xlsx", "docx", "draft"] if args.target == "all" else [args.target]
    status = 0
    for target in targets:
        print(f"{target}: {args.minutes:g} min", flush=True)
        began = time.monotonic()
        run = fuzz(target, args.minutes, args.seed, args.findings, not args.no_huge)
        total = sum(run.outcomes.values())
        rate = total / max(time.monotonic() - began, 1e-9)
        counts = ", ".join(f"{k} {v}" for k, v in sorted(run.outcomes.items()))
        print(f"{target}: {total} inputs ({rate:.0f}/s), slowest {run.slowest:.1f} s: {counts}")
        for detail, n in run.walker.most_common():
            print(f"  in the Word walker ({n}×): {detail[:200]}")
        bad = sum(run.outcomes[k] for k in ("contract broken", "too slow", "too much memory"))
        status = status or (1 if bad else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
