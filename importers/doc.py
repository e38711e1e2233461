"""Importing an old Word 97–2003 report (.doc).

python-docx reads only .docx, so a .doc is converted to .docx with LibreOffice
headless, when it is installed, and then read as any Word report
(importers/docx.py). Without LibreOffice the message says how to save the file
as .docx in Word or WPS.

A file named .doc is often something else; what it is decides how it is read,
never its name:

- a Word 97–2003 file (an OLE2 compound file) or an RTF file is converted, with
  LibreOffice told which of the two it is (``--infilter``): it never guesses
  another format from the content (a web page or an OpenDocument file named
  .doc would load linked pictures and style sheets);
- a .docx or a web page saved as .doc (OA systems do both) is read by the .docx
  or the web-page importer, with their checks (the zip-bomb and entity checks of
  importers/safety.py; nothing loaded from the network), with a note;
- anything else is refused.

The conversion cannot reach the network and is bounded:

- LibreOffice runs with a private user profile (an open LibreOffice window is
  never disturbed, nothing of the user's is read) that never updates links,
  blocks links from untrusted documents and sends every internet request to a
  proxy on this machine's closed port 9 (nothing leaves the machine);
- on Linux it runs in a network namespace of its own (``unshare -rn``: no network
  at all) where the system allows it, and with ``prlimit``: its address space is
  at most MAX_IMPORT_MEMORY and no file it writes exceeds 4 × MAX_FILE_BYTES;
- it is ended (with every process it started) after MAX_IMPORT_SECONDS; a
  converted file beyond MAX_FILE_BYTES is refused, and the .docx it produced
  goes through the .docx importer's checks like any other.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from importers import ImportRefused, ImportResult
from importers import strings as s
from model import limits

# Where LibreOffice installs itself when it is not on PATH.
_WINDOWS_PATHS = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
_MAC_PATH = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
_OLE2 = b"\xd0\xcf\x11\xe0"  # the OLE2 compound file signature begins so
_ZIP = b"PK\x03\x04"
_SNIFF = 1024
_INFILTERS = {"word97": "MS Word 97", "rtf": "Rich Text Format"}
# The private profile: links never updated, untrusted links blocked, and every
# internet request sent to a proxy on this machine's closed port 9.
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
{items}
</oor:items>
"""
_SETTINGS = (
    ("/org.openoffice.Inet/Settings", "ooInetProxyType", "1"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPProxyName", "127.0.0.1"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPProxyPort", "9"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyName", "127.0.0.1"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyPort", "9"),
    ("/org.openoffice.Inet/Settings", "ooInetFTPProxyName", "127.0.0.1"),
    ("/org.openoffice.Inet/Settings", "ooInetFTPProxyPort", "9"),
    ("/org.openoffice.Inet/Settings", "ooInetNoProxy", ""),
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "2"),
    ("/org.openoffice.Office.Writer/Content/Update", "Field", "0"),
)


def find_soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (*_WINDOWS_PATHS, _MAC_PATH):
        if os.path.isfile(candidate):
            return candidate
    return None


def import_doc(path: str | Path) -> ImportResult:
    """Read a .doc report (see the module's docstring). Raises ImportRefused
    (Chinese) when the file is no Word document, LibreOffice is missing or
    cannot convert it in time, or the result is not a report."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(_SNIFF)
    except OSError as exc:
        raise ImportRefused(s.CANNOT_OPEN.format(name=path.name, reason=exc.strerror)) from exc
    if size > limits.MAX_FILE_BYTES:
        raise ImportRefused(s.TOO_LARGE.format(name=path.name, mb=limits.MAX_FILE_BYTES // 2**20))
    kind = sniff(head)
    if kind == "zip":
        return _read_as(path, ".docx", s.DOC_IS_DOCX)
    if kind == "html":
        return _read_as(path, ".html", s.DOC_IS_HTML)
    if kind is None:
        raise ImportRefused(s.DOC_NOT_WORD.format(name=path.name))
    return _converted(path, kind)


def sniff(head: bytes) -> str | None:
    """What a file named .doc is, by its first bytes: "word97", "rtf", "zip"
    (a .docx), "html" (a web page), or None."""
    if head.startswith(_OLE2):
        return "word97"
    if head.startswith(_ZIP):
        return "zip"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"{\\rtf"):
        return "rtf"
    if text.startswith((b"<!doctype html", b"<html", b"<meta", b"<head", b"<body")) or (
        text.startswith(b"<") and b"<html" in head.lower()
    ):
        return "html"
    return None


def _read_as(path: Path, suffix: str, note: str) -> ImportResult:
    """A file named .doc read by the importer of what it really is, under a
    plain name in a private folder."""
    from importers import importer_for

    with tempfile.TemporaryDirectory(prefix="nianbao-doc-") as work:
        copy = Path(work) / f"report{suffix}"
        shutil.copyfile(path, copy)
        importer = importer_for(copy)
        assert importer is not None
        try:
            result = importer(copy)
        except ImportRefused as exc:
            raise ImportRefused(str(exc).replace(copy.name, path.name)) from exc
    result.notes.insert(0, note)
    return result


def _converted(path: Path, kind: str) -> ImportResult:
    from importers.docx import import_docx

    soffice = find_soffice()
    if soffice is None:
        raise ImportRefused(s.DOC_NO_OFFICE.format(name=path.name))
    with tempfile.TemporaryDirectory(prefix="nianbao-doc-") as work:
        folder = Path(work)
        source = folder / "report.doc"  # a plain name: no option-like or odd file names
        shutil.copyfile(path, source)
        profile = folder / "profile"
        _write_profile(profile)
        command = [
            *_confinement(),
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            f"--infilter={_INFILTERS[kind]}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        try:
            _run(command, work)
        except subprocess.TimeoutExpired as exc:
            reason = f"超过 {limits.MAX_IMPORT_SECONDS} 秒未完成"
            raise ImportRefused(s.DOC_CONVERT_FAILED.format(name=path.name, reason=reason)) from exc
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise ImportRefused(s.DOC_CONVERT_FAILED.format(name=path.name, reason=reason)) from exc
        converted = folder / "out" / "report.docx"
        if not converted.is_file():
            reason = "LibreOffice 未能打开该文件"
            raise ImportRefused(s.DOC_CONVERT_FAILED.format(name=path.name, reason=reason))
        if converted.stat().st_size > limits.MAX_FILE_BYTES:
            mb = limits.MAX_FILE_BYTES // 2**20
            raise ImportRefused(s.DOC_CONVERTED_TOO_LARGE.format(name=path.name, mb=mb))
        try:
            result = import_docx(converted)
        except ImportRefused as exc:
            raise ImportRefused(str(exc).replace("report.docx", path.name)) from exc
    result.notes.insert(0, s.DOC_CONVERTED)
    return result


def _write_profile(profile: Path) -> None:
    """A private LibreOffice profile with the settings of _SETTINGS."""
    from xml.sax.saxutils import escape, quoteattr

    items = "\n".join(
        f'<item oor:path={quoteattr(node)}><prop oor:name={quoteattr(name)} oor:op="fuse">'
        f"<value>{escape(value)}</value></prop></item>"
        for node, name, value in _SETTINGS
    )
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    settings = _PROFILE_SETTINGS.format(items=items)
    (user / "registrymodifications.xcu").write_text(settings, encoding="utf-8")


def _confinement() -> list[str]:
    """The command prefix that takes the network and unbounded memory and
    file sizes from the converter, where this system offers it (Linux)."""
    prefix: list[str] = []
    if _network_namespace_works():
        prefix += ["unshare", "-rn"]
    prlimit = shutil.which("prlimit") if os.name == "posix" else None
    if prlimit:
        prefix += [
            prlimit,
            f"--as={limits.MAX_IMPORT_MEMORY}",
            f"--fsize={4 * limits.MAX_FILE_BYTES}",
            "--",
        ]
    return prefix


@functools.lru_cache(maxsize=1)
def _network_namespace_works() -> bool:
    """Whether `unshare -rn` can start a process without network here (Linux
    with unprivileged user namespaces, or as root)."""
    if not shutil.which("unshare"):
        return False
    try:
        done = subprocess.run(
            ["unshare", "-rn", "true"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def _run(command: list[str], cwd: str) -> None:
    """Run LibreOffice; on timeout end it and every process it started (soffice
    starts soffice.bin), then raise TimeoutExpired."""
    popen_options: dict = {"cwd": cwd, "stdin": subprocess.DEVNULL}
    popen_options["stdout"] = popen_options["stderr"] = subprocess.DEVNULL
    if os.name == "nt":
        popen_options["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    else:
        popen_options["start_new_session"] = True
    process = subprocess.Popen(command, **popen_options)
    try:
        process.wait(timeout=limits.MAX_IMPORT_SECONDS)
    except subprocess.TimeoutExpired:
        if os.name == "nt":
            process.kill()
        else:
            import signal

            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise
