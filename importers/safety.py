"""Checks a zip-based office file (xlsx, docx) before any XML parser sees it.

Refuses zip bombs (too many entries, too much uncompressed data, extreme
compression ratios) and XML with DOCTYPE/ENTITY declarations (entity expansion,
external entities). Office files never need either.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from importers import ImportRefused
from importers import strings as s

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 2_000
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, per entry (real XML parts stay below ~30)
_RATIO_FLOOR = 1024 * 1024  # small entries may compress extremely well; ignore them
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def check_office_zip(path: Path) -> None:
    """Raise ImportRefused unless `path` is a plausible, harmless office zip."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportRefused(s.CANNOT_OPEN.format(name=path.name, reason=exc.strerror)) from exc
    if size > MAX_FILE_BYTES:
        raise ImportRefused(s.TOO_LARGE.format(name=path.name, mb=MAX_FILE_BYTES // 2**20))
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ENTRIES:
                raise ImportRefused(s.ZIP_BOMB.format(name=path.name))
            total = 0
            for info in infos:
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if total > MAX_TOTAL_UNCOMPRESSED or (
                    info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO
                ):
                    raise ImportRefused(s.ZIP_BOMB.format(name=path.name))
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with zf.open(info) as part:
                        head = part.read(4096)
                    if _DTD.search(head):
                        raise ImportRefused(s.XML_ENTITIES.format(name=path.name))
    except zipfile.BadZipFile as exc:
        raise ImportRefused(s.NOT_OFFICE_FILE.format(name=path.name)) from exc
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise ImportRefused(s.BROKEN_FILE.format(name=path.name)) from exc
