"""Run LibreOffice headless on an exported file, for the integration tests.

Each conversion uses a private user profile, so tests can run beside a desktop
LibreOffice or another conversion without the "already running" lock, and a
timeout, so a hung office process fails the test instead of the whole run.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

CONVERT_TIMEOUT = 180  # seconds; a cold LibreOffice start is slow on a busy CI box


def soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """The LibreOffice executable; skips the calling test when it is missing."""
    exe = soffice()
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return exe


def require_tool(name: str) -> str:
    """A command-line tool such as pdftotext; skips the calling test when missing."""
    exe = shutil.which(name)
    if exe is None:
        pytest.skip(f"{name} is not installed")
    return exe


def convert(path: Path, fmt: str = "pdf", outdir: Path | None = None) -> Path:
    """Convert `path` with LibreOffice headless to `fmt` (e.g. "pdf", "xlsx") and
    return the converted file. Raises AssertionError with LibreOffice's output when
    the conversion fails or produces nothing."""
    exe = require_soffice()
    path = Path(path)
    outdir = Path(outdir) if outdir else path.parent
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        cmd = [
            exe,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(path),
        ]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=CONVERT_TIMEOUT)
        except subprocess.TimeoutExpired as exc:
            raise AssertionError(f"LibreOffice timed out converting {path.name}") from exc
    out = outdir / f"{path.stem}.{fmt.split(':')[0]}"
    if proc.returncode != 0 or not out.exists() or out.stat().st_size == 0:
        raise AssertionError(
            f"LibreOffice could not convert {path.name} (exit {proc.returncode}):\n"
            f"{proc.stdout}\n{proc.stderr}"
        )
    return out


def pdf_text(pdf: Path, layout: bool = False) -> str:
    """The text of a PDF via pdftotext (skips the test when pdftotext is missing)."""
    exe = require_tool("pdftotext")
    cmd = [exe, "-enc", "UTF-8", *(["-layout"] if layout else []), str(pdf), "-"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=True)
    return proc.stdout


def pdf_pages(pdf: Path) -> int:
    """Number of pages of a PDF via pdfinfo."""
    exe = require_tool("pdfinfo")
    proc = subprocess.run([exe, str(pdf)], capture_output=True, text=True, timeout=60, check=True)
    for line in proc.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError(f"pdfinfo gave no page count for {pdf.name}")
