"""Hostile and broken office files, made from our own exports one change at a time.

Each helper takes a valid .docx/.xlsx and writes a copy with one kind of damage:
a part replaced or added, a compressed stream corrupted, a CRC or a header field
changed. The tests in test_hostile_files.py feed them to the importers.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from model.report import Report
from tests.factories import random_report

MAIN_PART = {".docx": "word/document.xml", ".xlsx": "xl/worksheets/sheet2.xml"}
# Parts an importer reads, besides the main one: Word's styles, Excel's workbook.
OTHER_PART = {".docx": "word/styles.xml", ".xlsx": "xl/workbook.xml"}


def report(seed: int = 1, year: int = 2023) -> Report:
    return random_report(random.Random(seed), year)


def exported(folder: Path, suffix: str, report_: Report | None = None, name: str = "base") -> Path:
    """Our own export of a report, as the starting point of every hostile file."""
    path = folder / f"{name}{suffix}"
    if suffix == ".docx":
        from exporters.docx import export_docx

        export_docx(report_ or report(), path)
    else:
        from exporters.xlsx import export_xlsx

        export_xlsx(report_ or report(), path)
    return path


def rewrite(
    src: Path,
    dst: Path,
    parts: dict[str, bytes | Callable[[bytes], bytes]] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """Copy `src` to `dst`, each part in `parts` replaced (bytes) or changed (a
    function of the old bytes); parts not in `src` are added."""
    parts = dict(parts or {})
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", compression) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            change = parts.pop(info.filename, None)
            if change is not None:
                data = change(data) if callable(change) else change
            zout.writestr(info.filename, data)
        for name, change in parts.items():
            zout.writestr(name, change(b"") if callable(change) else change)
    return dst


def _local_header(data: bytes, name: str) -> tuple[int, int, int]:
    """(offset of the local header, offset of the data, compressed size) of a part."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name)
    offset = info.header_offset
    name_len, extra_len = struct.unpack("<HH", data[offset + 26 : offset + 30])
    return offset, offset + 30 + name_len + extra_len, info.compress_size


def corrupt_stream(src: Path, dst: Path, part: str) -> Path:
    """Flip bytes in the middle of `part`'s compressed data: a broken deflate stream
    (zlib.error) or a CRC mismatch, whichever the inflater meets first."""
    data = bytearray(src.read_bytes())
    _offset, start, size = _local_header(bytes(data), part)
    for i in range(start + size // 3, start + size // 3 + 8):
        data[i] ^= 0x55
    dst.write_bytes(bytes(data))
    return dst


def wrong_crc(src: Path, dst: Path, part: str) -> Path:
    """Store `part` uncompressed, then change one byte of it: the CRC no longer fits."""
    stored = dst.with_suffix(".stored" + dst.suffix)
    rewrite(src, stored, compression=zipfile.ZIP_STORED)
    data = bytearray(stored.read_bytes())
    _offset, start, size = _local_header(bytes(data), part)
    i = start + size // 2
    data[i] = ord(" ") if data[i] != ord(" ") else ord("\t")
    dst.write_bytes(bytes(data))
    stored.unlink()
    return dst


def set_method(src: Path, dst: Path, part: str, method: int) -> Path:
    """Claim a compression method for `part` in both its headers (99: AES, which
    Python's zipfile does not read)."""
    data = bytearray(src.read_bytes())
    offset, _start, _size = _local_header(bytes(data), part)
    struct.pack_into("<H", data, offset + 8, method)
    central = data.rfind(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack("<H", data[central + 28 : central + 30])[0]
        if data[central + 46 : central + 46 + name_len] == part.encode():
            struct.pack_into("<H", data, central + 10, method)
            break
        central = data.rfind(b"PK\x01\x02", 0, central)
    dst.write_bytes(bytes(data))
    return dst


def set_encrypted(src: Path, dst: Path, part: str) -> Path:
    """Mark `part` as encrypted (flag bit 0) in both its headers."""
    data = bytearray(src.read_bytes())
    offset, _start, _size = _local_header(bytes(data), part)
    flags = struct.unpack("<H", data[offset + 6 : offset + 8])[0]
    struct.pack_into("<H", data, offset + 6, flags | 1)
    central = data.rfind(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack("<H", data[central + 28 : central + 30])[0]
        if data[central + 46 : central + 46 + name_len] == part.encode():
            flags = struct.unpack("<H", data[central + 8 : central + 10])[0]
            struct.pack_into("<H", data, central + 8, flags | 1)
            break
        central = data.rfind(b"PK\x01\x02", 0, central)
    dst.write_bytes(bytes(data))
    return dst


# ---- XML with a DTD, in the shapes that slipped past a look at the first 4 KB ---------------
ENTITY_DTD = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
EXTERNAL_DTD = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'


def with_dtd(xml: bytes, dtd: str = ENTITY_DTD, padding: int = 0, encoding: str = "utf-8") -> bytes:
    """`xml` (UTF-8, with a declaration) with `dtd` after `padding` bytes of comments,
    re-encoded in `encoding` (declaration and byte order mark to match)."""
    text = xml.decode("utf-8")
    if text.startswith("<?xml"):
        end = text.index("?>") + 2
        body = text[end:]
    else:
        body = text
    rng = random.Random(padding)  # digits: padding that compresses like real text
    pad = "".join(
        "<!-- " + "".join(rng.choice("0123456789") for _ in range(90)) + " -->\n"
        for _ in range(padding // 100 + (1 if padding else 0))
    )
    declared = encoding.upper().removesuffix("-LE").removesuffix("-BE").removesuffix("-SIG")
    out = f'<?xml version="1.0" encoding="{declared}" standalone="yes"?>\n{pad}{dtd}{body}'
    return out.encode(encoding)
