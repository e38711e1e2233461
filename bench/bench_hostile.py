"""Hostile inputs against the 15 s / 1 GB target: `uv run python bench/bench_hostile.py`.

Each input is run as the officer would run it, through the command line in a fresh
process (`main.py import FILE -o DRAFT` or `main.py export DRAFT ...`), and the
script prints its wall time, its peak resident memory, its exit code and the first
line it printed. Inputs are the cases from the field (../shared/cases/hostile/, when
present) and one of every kind made here at full size: parts at the size limits, a
DTD after 1 MB in UTF-16, rows numbered 10^12, grid spans and offsets, texts and
numbers beyond reason, a report at every limit exported. POSIX only (peak memory
comes from wait4).

    uv run python bench/bench_hostile.py [--only NAME-FRAGMENT] [--timeout 60]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model import limits  # noqa: E402
from tests import hostile as h  # noqa: E402
from tests.factories import random_report  # noqa: E402

CASES = ROOT.parent / "shared" / "cases" / "hostile"
TARGET_SECONDS = 15
TARGET_BYTES = 1024**3


def _digits(n: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice("0123456789") for _ in range(n))


def _docx_body(folder: Path, name: str, body: str) -> Path:
    """Our export with `body` (WordprocessingML) put first in the document body."""
    base = h.exported(folder, ".docx", name=f"base-{name}")

    def insert(xml: bytes) -> bytes:
        return xml.replace(b"<w:body>", b"<w:body>" + body.encode(), 1)

    return h.rewrite(base, folder / f"{name}.docx", {"word/document.xml": insert})


def _paragraphs(total_bytes: int) -> str:
    """Paragraphs of random digits (they compress like real text), total_bytes long."""
    out, size, i = [], 0, 0
    while size < total_bytes:
        paragraph = f"<w:p><w:r><w:t>{_digits(200, i)}</w:t></w:r></w:p>"
        out.append(paragraph)
        size += len(paragraph)
        i += 1
    return "".join(out)


def _table(rows: int, cells: int = 2, span: int = 1, before: int = 0) -> str:
    """A table of random numbers (so that it compresses like a real one)."""
    rng = random.Random(rows)
    pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>'
    tr_pr = f'<w:trPr><w:gridBefore w:val="{before}"/></w:trPr>' if before else ""

    def tc() -> str:
        return f"<w:tc>{pr}<w:p><w:r><w:t>{rng.randint(0, 99999)}</w:t></w:r></w:p></w:tc>"

    body = "".join(
        f"<w:tr>{tr_pr}{''.join(tc() for _ in range(cells))}</w:tr>" for _ in range(rows)
    )
    return f"<w:tbl>{body}</w:tbl>"


def _sheet_rows(folder: Path, name: str, rows: str) -> Path:
    base = h.exported(folder, ".xlsx", name=f"base-{name}")

    def insert(xml: bytes) -> bytes:
        return xml.replace(b"</sheetData>", rows.encode() + b"</sheetData>")

    return h.rewrite(base, folder / f"{name}.xlsx", {h.MAIN_PART[".xlsx"]: insert})


def _draft(folder: Path, name: str, change: Callable[[dict], None]) -> Path:
    from model.drafts import draft_to_dict

    data = draft_to_dict(random_report(random.Random(1), 2023))
    change(data["report"])
    path = folder / f"{name}.nianbao"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _full_report_draft(folder: Path) -> Path:
    from model.drafts import save_draft

    report = random_report(random.Random(2), 2023, agency="局" * limits.MAX_AGENCY_CHARS)
    for section in report.spec.text_sections:
        report.set_text(section.id, ("第一段文字，" * 10 + "\n") * (limits.MAX_TEXT_CHARS // 61))
    return save_draft(report, folder / "every-limit.nianbao")


def inputs(folder: Path) -> list[tuple[str, list[str]]]:
    """(name, command line arguments after main.py) of every hostile input."""
    out: list[tuple[str, list[str]]] = []

    def imp(name: str, path: Path) -> None:
        out.append((name, ["import", str(path), "-o", str(folder / "out.nianbao"), "--force"]))

    def exp(name: str, path: Path, *kinds: str) -> None:
        args = ["export", str(path)]
        for kind in kinds:
            args += [f"--{kind}", str(folder / f"out.{kind}")]
        out.append((name, args))

    if CASES.is_dir():
        for case in sorted(CASES.iterdir()):
            if case.suffix == ".nianbao":
                exp(f"field: {case.name}", case, "docx", "xlsx")
            else:
                imp(f"field: {case.name}", case)

    docx = h.exported(folder, ".docx")
    xlsx = h.exported(folder, ".xlsx")
    imp(
        "docx: corrupt deflate stream",
        h.corrupt_stream(docx, folder / "deflate.docx", h.MAIN_PART[".docx"]),
    )
    imp("xlsx: wrong CRC", h.wrong_crc(xlsx, folder / "crc.xlsx", h.MAIN_PART[".xlsx"]))
    bomb = b"<a>" + b"0" * (90 * 1024 * 1024) + b"</a>"
    imp(
        "docx: zip bomb (90 MB of zeros)",
        h.rewrite(docx, folder / "bomb.docx", {"customXml/a.xml": bomb}),
    )
    late_dtd = {h.MAIN_PART[".docx"]: lambda x: h.with_dtd(x, padding=1_100_000, encoding="utf-16")}
    imp("docx: DTD after 1 MB, UTF-16", h.rewrite(docx, folder / "dtd.docx", late_dtd))

    part = limits.MAX_PART_BYTES
    room = part - len(zipfile.ZipFile(docx).read("word/document.xml")) - 1000
    imp(
        "docx: document.xml just under the part limit",
        _docx_body(folder, "under", _paragraphs(room)),
    )
    imp("docx: document.xml over the part limit", _docx_body(folder, "over", _paragraphs(part)))
    imp(
        "docx: 60,000 table rows (under the part limit)", _docx_body(folder, "rows", _table(60_000))
    )
    imp(
        "docx: 20,000 one-cell tables",
        _docx_body(folder, "tables", ("<w:p/>" + _table(1, 1)) * 20_000),
    )
    imp("docx: gridSpan 10,000,000", _docx_body(folder, "span", _table(1, 1, span=10_000_000)))
    imp(
        "docx: gridBefore 300,000,000",
        _docx_body(folder, "before", _table(1, 1, before=300_000_000)),
    )
    nested = "<w:tbl><w:tr><w:tc>" * 200 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 200
    imp("docx: tables nested 200 deep", _docx_body(folder, "nested", nested))

    far = '<row r="1000000000000"><c r="A1000000000000" t="n"><v>1</v></c></row>'
    imp("xlsx: a value in row 10^12", _sheet_rows(folder, "far", far))
    wide = "".join(
        f'<row r="{r}">' + '<c t="n"><v>1</v></c>' * 60 + "</row>" for r in range(100, 1900)
    )
    imp("xlsx: 108,000 numbers within the table limits", _sheet_rows(folder, "wide", wide))
    text = f'<row r="90"><c r="A90" t="inlineStr"><is><t>{_digits(10_000_000)}</t></is></c></row>'
    imp("xlsx: a 10 MB text cell", _sheet_rows(folder, "text", text))
    inf = '<row r="90"><c r="C90" t="n"><v>1e999999999</v></c></row>'
    imp("xlsx: Infinity in a cell", _sheet_rows(folder, "inf", inf))

    exp(
        "draft: year 10^400",
        _draft(folder, "year", lambda r: r["meta"].update(year=10**400)),
        "xlsx",
    )
    big_text = _draft(folder, "text", lambda r: r["texts"].update({"一": "字" * 6_000_000}))
    exp("draft: an 18 MB text", big_text, "docx", "xlsx")
    money = _draft(
        folder, "money", lambda r: r["values"].update({"applications.new.natural": 10**30})
    )
    exp("draft: a count of 10^30", money, "xlsx")
    exp("draft: a report at every limit, exported", _full_report_draft(folder), "docx", "xlsx")
    return out


# The child reports its own peak (VmHWM: the high-water mark of this program image;
# a child's ru_maxrss on Linux starts from the parent's size at fork).
_CHILD = """
import atexit, runpy, sys
report, main = sys.argv[1], sys.argv[2]

def peak():
    with open("/proc/self/status") as f:
        kb = next((line.split()[1] for line in f if line.startswith("VmHWM:")), "0")
    with open(report, "w") as out:
        out.write(kb)

atexit.register(peak)
sys.argv = sys.argv[2:]
runpy.run_path(main, run_name="__main__")
"""


def _sampled_peak(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            return 1024 * int(next(line.split()[1] for line in f if line.startswith("VmHWM:")))
    except (OSError, StopIteration, ValueError):
        return 0


def run_one(args: list[str], folder: Path, timeout: float) -> tuple[float, int, int | None, str]:
    """(seconds, peak resident bytes, exit code or None when stopped, first line)."""
    import subprocess

    log, report = folder / "out.txt", folder / "peak.txt"
    report.unlink(missing_ok=True)
    env = {**os.environ, "NIANBAO_HOME": str(folder / "home")}
    command = [sys.executable, "-c", _CHILD, str(report), str(ROOT / "main.py"), *args]
    with open(log, "wb") as sink:
        began = time.monotonic()
        child = subprocess.Popen(command, stdout=sink, stderr=sink, env=env)
        code: int | None = None
        sampled = 0
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            sampled = max(sampled, _sampled_peak(child.pid))
            if time.monotonic() - began > timeout:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.monotonic() - began
        child.returncode = -1  # reaped above
    if report.exists() and report.read_text().strip():
        peak = 1024 * int(report.read_text())
    else:  # stopped: the last sample (or, off Linux, what wait4 says)
        peak = sampled or usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    lines = [
        line for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if line
    ]
    said = next(
        (line for line in lines if not line.startswith(("提示", "警告", "错误", "校验"))), ""
    )
    if any("Traceback" in line for line in lines):
        said = "TRACEBACK: " + said
    return seconds, peak, code, said


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="run the inputs whose name contains this")
    parser.add_argument("--timeout", type=float, default=60.0, help="stop an input after this")
    args = parser.parse_args()
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("making the inputs…", flush=True)
        cases = [(n, a) for n, a in inputs(folder) if args.only in n]
        print(f"{'input':52} {'time':>7} {'peak':>8} exit  first line")
        for name, argv in cases:
            seconds, peak, code, said = run_one(argv, folder, args.timeout)
            ok = code is not None and seconds <= TARGET_SECONDS and peak <= TARGET_BYTES
            ok = ok and not said.startswith("TRACEBACK")
            failed += not ok
            shown = "stopped" if code is None else str(code)
            mark = "" if ok else "  ✗"
            print(
                f"{name:52} {seconds:6.1f}s {peak / 2**20:6.0f}MB {shown:>4}  {said[:70]}{mark}",
                flush=True,
            )
    print(
        f"\n{len(cases) - failed} of {len(cases)} within {TARGET_SECONDS} s and 1 GB, no traceback"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
