"""Checks a zip-based office file (xlsx, docx) before any XML parser sees it.

One pass over the whole package, within the limits of model.limits:

- the file, the number of parts, each XML part, all XML parts together and all
  parts together must stay under their limits (declared sizes: Python's zipfile
  never returns more than a part declares, and checks the CRC of what it returns);
- a part that compresses extremely well (a zip bomb) is refused;
- every part is decompressed in full, so a corrupt deflate stream or a wrong CRC
  is found here, not halfway through an importer;
- **the entity guard**: every part is fed, in full and in chunks, through one XML
  scanner (lxml's parser with a target that only listens for a DOCTYPE; no tree,
  no entity resolution, no network). The parser reads the encoding from the part
  itself (UTF-8, UTF-16 with or without a declaration, …), so a DTD after the
  first kilobytes or in another encoding is found like any other. Office files
  never declare a DTD; one anywhere refuses the file. A part named ``.xml`` or
  ``.rels`` must also be well-formed XML, or the file is refused as damaged.
  Other parts (pictures, VML) are scanned leniently: they may not be XML at all.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import IO

from importers import ImportRefused
from importers import strings as s
from model import limits

_CHUNK = 1 << 16
_RATIO_FLOOR = 1024 * 1024  # small parts may compress extremely well; ignore them
_STRICT_SUFFIXES = (".xml", ".rels")  # must be well-formed XML
# The first bytes of an XML part in the encodings an XML parser detects (XML 1.0
# appendix F): a byte order mark, or 「<」 in UTF-8, UTF-16, UTF-32 or EBCDIC.
_XML_STARTS = (
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\x00\x00\xfe\xff",
    b"<",
    b"\x00<",
    b"<\x00",
    b"\x00\x00\x00<",
    b"\x4c\x6f\xa7\x94",
)


class _DoctypeSeen(Exception):
    pass


class _DoctypeTarget:
    """A parser target that builds nothing and stops at the first DOCTYPE."""

    def doctype(self, name: object, public_id: object, system_id: object) -> None:
        raise _DoctypeSeen

    def close(self) -> None:
        return None


def _not_office(path: Path) -> str:
    """Why a file named .docx/.xlsx is not one: what its first bytes say it is (a PDF
    or a web page renamed), else that it is no office document."""
    try:
        with path.open("rb") as f:
            head = f.read(64).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    except OSError:
        head = b""
    for magic, kind, right in s.FILE_KINDS:
        if head.startswith(magic.lower()):
            return s.NOT_OFFICE_BUT.format(
                name=path.name, kind=kind, suffix=path.suffix, right=right
            )
    return s.NOT_OFFICE_FILE.format(name=path.name)


def _check_kind(zf: zipfile.ZipFile, path: Path) -> None:
    """A Word file named .xlsx (or a workbook named .docx) is named for what it is,
    not called damaged."""
    names = set(zf.namelist())
    suffix = path.suffix.lower()
    for part, kind, right in s.OFFICE_KINDS:
        if part in names and suffix != right and suffix in (".docx", ".xlsx", ".xlsm"):
            if right == ".xlsx" and suffix == ".xlsm":
                continue
            raise ImportRefused(
                s.NOT_OFFICE_BUT.format(name=path.name, kind=kind, suffix=path.suffix, right=right)
            )


def check_office_zip(path: Path) -> None:
    """Raise ImportRefused (Chinese, naming the file) unless `path` is a plausible,
    harmless office zip within model.limits, every part of which decompresses
    cleanly and declares no DTD. Reads the whole package once; writes nothing."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportRefused(s.CANNOT_OPEN.format(name=path.name, reason=exc.strerror)) from exc
    if size > limits.MAX_FILE_BYTES:
        mb = limits.MAX_FILE_BYTES // 2**20
        raise ImportRefused(s.TOO_LARGE.format(name=path.name, mb=mb))
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:  # not a zip at all
        raise ImportRefused(_not_office(path)) from exc
    except OSError as exc:
        raise ImportRefused(s.CANNOT_OPEN.format(name=path.name, reason=exc.strerror)) from exc
    try:
        with zf:
            _check_kind(zf, path)
            _check_parts(zf, path.name)
    except ImportRefused:
        raise
    except (
        zipfile.BadZipFile,  # a wrong CRC, a broken local header
        zlib.error,  # a corrupt deflate stream
        OSError,
        EOFError,  # a part shorter than it declares
        zipfile.LargeZipFile,
        RuntimeError,  # NotImplementedError: a compression method zipfile does not know
        ValueError,
        OverflowError,
    ) as exc:
        raise ImportRefused(s.BROKEN_FILE.format(name=path.name)) from exc


def _check_parts(zf: zipfile.ZipFile, name: str) -> None:
    infos = zf.infolist()
    _check_sizes(infos, name)
    xml_bytes = 0
    for info in infos:
        if info.is_dir():
            continue
        xml_bytes += _scan_part(zf, info, name)
        if xml_bytes > limits.MAX_XML_BYTES:
            mb = limits.MAX_XML_BYTES // 2**20
            raise ImportRefused(s.XML_TOO_LARGE.format(name=name, mb=mb))


def _check_sizes(infos: list[zipfile.ZipInfo], name: str) -> None:
    if len(infos) > limits.MAX_ZIP_ENTRIES:
        raise ImportRefused(s.ZIP_BOMB.format(name=name))
    total = 0
    seen: set[str] = set()
    for info in infos:
        # part names are case-insensitive (OPC); of two parts of one name zipfile
        # reads the last, Word and WPS may read the first: never guess which
        key = info.filename.lower()
        if key in seen:
            raise ImportRefused(s.DUPLICATE_PART.format(name=name, part=info.filename))
        seen.add(key)
        if info.flag_bits & 0x1:  # encrypted: a password would be needed
            raise ImportRefused(s.ENCRYPTED.format(name=name))
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > limits.MAX_TOTAL_UNCOMPRESSED or (
            info.file_size > _RATIO_FLOOR and ratio > limits.MAX_ZIP_RATIO
        ):
            raise ImportRefused(s.ZIP_BOMB.format(name=name))
        if info.filename.lower().endswith(_STRICT_SUFFIXES) and (
            info.file_size > limits.MAX_PART_BYTES
        ):
            raise ImportRefused(
                s.PART_TOO_LARGE.format(
                    name=name, part=info.filename, mb=limits.MAX_PART_BYTES // 2**20
                )
            )


def _scan_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> int:
    """Decompress one part in full (zipfile checks its CRC at the end) and feed it
    to the DOCTYPE scanner. Returns its size when it is XML (else 0)."""
    strict = info.filename.lower().endswith(_STRICT_SUFFIXES)
    with zf.open(info) as part:
        first = part.read(_CHUNK)
        is_xml = strict or first.lstrip(b" \t\r\n").startswith(_XML_STARTS)
        if not is_xml:
            _drain(part)
            return 0
        if info.file_size > limits.MAX_PART_BYTES:
            mb = limits.MAX_PART_BYTES // 2**20
            raise ImportRefused(s.PART_TOO_LARGE.format(name=name, part=info.filename, mb=mb))
        _scan_xml(first, part, strict, name)
    return info.file_size


def _drain(part: IO[bytes]) -> None:
    while part.read(_CHUNK):
        pass


def _scan_xml(first: bytes, part: IO[bytes], strict: bool, name: str) -> None:
    from lxml import etree

    parser = etree.XMLParser(
        target=_DoctypeTarget(),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        recover=not strict,
    )
    chunk = first
    try:
        while chunk:
            parser.feed(chunk)
            chunk = part.read(_CHUNK)
        parser.close()
    except _DoctypeSeen:
        raise ImportRefused(s.XML_ENTITIES.format(name=name)) from None
    except etree.XMLSyntaxError as exc:
        if strict:
            raise ImportRefused(s.BROKEN_FILE.format(name=name)) from exc
        _drain(part)  # not XML after all: the CRC is still checked to the end
