"""Hostile web pages, PDFs and .doc files: each must be refused (or read) within
MAX_IMPORT_SECONDS and MAX_IMPORT_MEMORY, with a Chinese message.

    uv run python bench/bench_hostile_published.py [--keep FOLDER]

Each file is written here (nothing is downloaded), then imported in a fresh
process; the wall time and the peak memory of that process and of the reading
processes it starts are printed, with the outcome. Exit status 1 when any file
takes longer than the limit, needs more memory, or ends without a message.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from model import limits  # noqa: E402
from tests.pdf_fixtures import assemble  # noqa: E402  (after the path is set)

_TEXT = b"BT /F1 12 Tf 72 720 Td (Annual report 2023) Tj ET\n"


def _pdf(content: bytes, *, filters: bytes = b"", extra: list[bytes] | None = None,
         font: bytes = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
         resources: bytes = b"") -> bytes:  # fmt: skip
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> "
        + resources
        + b">> /Contents 5 0 R >>",
        font,
        b"<< /Length %d %s>>\nstream\n" % (len(content), filters) + content + b"\nendstream",
        *(extra or []),
    ]
    return assemble(objects)


def _flate_bomb(megabytes: int) -> bytes:
    compressor = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = [compressor.compress(_TEXT)]
    parts += [compressor.compress(chunk) for _ in range(megabytes)]
    parts.append(compressor.flush())
    return b"".join(parts)


def _stream(data: bytes, attrs: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), attrs) + data + b"\nendstream"


def hostile_files(folder: Path) -> list[Path]:
    """Write the hostile files; returns their paths."""
    files: dict[str, bytes] = {}
    bomb = _flate_bomb(1024)
    files["pdf_flate_bomb_1GB.pdf"] = _pdf(bomb, filters=b"/Filter /FlateDecode ")
    files["pdf_double_flate_bomb_1GB.pdf"] = _pdf(
        zlib.compress(bomb, 9), filters=b"/Filter [/FlateDecode /FlateDecode] "
    )
    ops = b"".join(b"BT /F1 1 Tf %d %d Td (1) Tj ET\n" % (i % 590, i // 590 % 840)
                   for i in range(1_000_000))  # fmt: skip
    files["pdf_1M_text_objects.pdf"] = _pdf(zlib.compress(ops, 9), filters=b"/Filter /FlateDecode ")
    files["pdf_3M_glyphs_one_string.pdf"] = _pdf(
        zlib.compress(b"BT /F1 1 Tf 10 10 Td (" + b"1" * 3_000_000 + b") Tj ET", 9),
        filters=b"/Filter /FlateDecode ",
    )
    rects = b"".join(
        b"%d %d 1 1 re S\n" % (x, y) for x in range(0, 595, 1) for y in range(0, 842, 2)
    )
    files["pdf_250k_rectangles.pdf"] = _pdf(
        zlib.compress(rects, 9), filters=b"/Filter /FlateDecode "
    )
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange "
        b"<00000000> <FFFFFFFF> endcodespacerange 1 beginbfrange <00000000> <FFFFFFFF> <0030> "
        b"endbfrange endcmap end end"
    )
    files["pdf_tounicode_4G_entries.pdf"] = _pdf(
        _TEXT,
        font=b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        extra=[_stream(cmap)],
    )
    levels = 12
    forms = []
    for i in range(levels):
        body = b"/X%d Do " % (i + 1) * 10 if i < levels - 1 else _TEXT
        res = b"/Resources << /XObject << /X%d %d 0 R >> /Font << /F1 4 0 R >> >> " % (i + 1, 7 + i)
        forms.append(_stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] " + res))
    files["pdf_forms_drawn_10e11_times.pdf"] = _pdf(
        b"/X0 Do", resources=b"/XObject << /X0 6 0 R >> ", extra=forms
    )
    title = "2023年政府信息公开工作年度报告".encode()
    page = b"<html><head><meta charset='utf-8'></head><body><h1>" + title + b"</h1>"
    files["html_7M_p.html"] = page + b"<p>" * 6_900_000 + b"</body></html>"
    files["html_5M_br.html"] = page + b"<br>" * 5_000_000 + b"</body></html>"
    files["html_20MB_text.html"] = page + b"<p>" + "字".encode() * 6_500_000 + b"</p></body></html>"
    css = b"".join(b".c%d > div p span{display:none}\n" % i for i in range(500_000))
    files["html_style_18MB.html"] = page.replace(b"</head>", b"<style>" + css + b"</style></head>")
    files["html_divs_100k_deep.html"] = page + b"<div>" * 99_000 + b"x" + b"</body></html>"
    out = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        out.append(path)
    return out


_PROBE = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
import importers
def main():
    path = Path(sys.argv[1])
    start = time.monotonic()
    try:
        result = importers.importer_for(path)(path)
        outcome, message = "read", "; ".join(result.notes[:1])
    except importers.ImportRefused as exc:
        outcome, message = "refused", str(exc)
    except BaseException as exc:
        outcome, message = "FAILED", f"{{type(exc).__name__}}: {{exc}}"
    seconds = time.monotonic() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(json.dumps({{"outcome": outcome, "message": message[:120], "seconds": seconds,
                      "mb": max(own, children)}}, ensure_ascii=False))
if __name__ == "__main__":
    main()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="write the files to this folder and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nianbao-hostile-") as work:
        folder = Path(args.keep) if args.keep else Path(work)
        folder.mkdir(parents=True, exist_ok=True)
        probe = Path(work) / "probe.py"
        probe.write_text(_PROBE.format(root=str(ROOT)), encoding="utf-8")
        failed = 0
        for path in hostile_files(folder):
            started = time.monotonic()
            done = subprocess.run(
                [sys.executable, str(probe), str(path)],
                capture_output=True,
                text=True,
                timeout=limits.MAX_IMPORT_SECONDS * 4,
                env={**os.environ, "PYTHONWARNINGS": "ignore"},
            )
            wall = time.monotonic() - started
            try:
                result = json.loads(done.stdout.strip().splitlines()[-1])
            except (IndexError, json.JSONDecodeError):
                result = {"outcome": "FAILED", "message": done.stderr[-200:], "seconds": wall,
                          "mb": 0}  # fmt: skip
            ok = (
                result["outcome"] != "FAILED"
                and result["seconds"] <= limits.MAX_IMPORT_SECONDS
                and result["mb"] <= limits.MAX_IMPORT_MEMORY // 2**20
                and not done.stderr.strip()
            )
            failed += not ok
            print(
                f"{path.name:34} {result['seconds']:6.2f} s {result['mb']:6d} MB "
                f"{result['outcome']:8} {'OK ' if ok else 'BAD'} {result['message'][:70]}"
            )
    print(
        f"limits: {limits.MAX_IMPORT_SECONDS} s, {limits.MAX_IMPORT_MEMORY // 2**20} MB; "
        f"{'all within' if not failed else f'{failed} beyond'}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
