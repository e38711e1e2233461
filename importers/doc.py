"""Importing an old Word 97–2003 report (.doc).

python-docx reads only .docx, so a .doc is converted to .docx with LibreOffice
headless, when it is installed: in a private temporary folder, with a private
user profile (an open LibreOffice window is never disturbed, and nothing of the
user's is read), within model.limits.DOC_CONVERT_SECONDS. The .docx is then
read as any Word report (importers/docx.py). Without LibreOffice the message
says how to save the file as .docx in Word or WPS.
"""

from __future__ import annotations

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
    """Read a .doc report through LibreOffice. Raises ImportRefused (Chinese) when
    LibreOffice is missing or cannot convert it, or the result is not a report."""
    from importers.docx import import_docx

    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportRefused(s.CANNOT_OPEN.format(name=path.name, reason=exc.strerror)) from exc
    if size > limits.MAX_FILE_BYTES:
        raise ImportRefused(s.TOO_LARGE.format(name=path.name, mb=limits.MAX_FILE_BYTES // 2**20))
    soffice = find_soffice()
    if soffice is None:
        raise ImportRefused(s.DOC_NO_OFFICE.format(name=path.name))
    with tempfile.TemporaryDirectory(prefix="nianbao-doc-") as work:
        folder = Path(work)
        source = folder / "report.doc"  # a plain name: no option-like or odd file names
        shutil.copyfile(path, source)
        profile = (folder / "profile").as_uri()
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        try:
            _run(command, work)
        except subprocess.TimeoutExpired as exc:
            reason = f"超过 {limits.DOC_CONVERT_SECONDS} 秒未完成"
            raise ImportRefused(s.DOC_CONVERT_FAILED.format(name=path.name, reason=reason)) from exc
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise ImportRefused(s.DOC_CONVERT_FAILED.format(name=path.name, reason=reason)) from exc
        converted = folder / "out" / "report.docx"
        if not converted.is_file():
            reason = "LibreOffice 未能打开该文件"
            raise ImportRefused(s.DOC_CONVERT_FAILED.format(name=path.name, reason=reason))
        try:
            result = import_docx(converted)
        except ImportRefused as exc:
            raise ImportRefused(str(exc).replace("report.docx", path.name)) from exc
    result.notes.insert(0, s.DOC_CONVERTED)
    return result


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
        process.wait(timeout=limits.DOC_CONVERT_SECONDS)
    except subprocess.TimeoutExpired:
        if os.name == "nt":
            process.kill()
        else:
            import signal

            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise
