"""The report as PDF, made by the office suite on this computer from the Word export.

LibreOffice (or its command-line twin in WPS for Linux builds that ship it) converts
headless; on Windows, Word itself through its automation interface (pywin32),
then WPS's (same interface, other name). The Windows path has not been tried on a
Windows machine. Without a suite, `export_pdf` raises NoOfficeSuite with a Chinese
message saying so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from exporters import ExportError, atomic_output
from model.report import Report

CONVERT_TIMEOUT = 180  # seconds: a cold start of LibreOffice on a slow machine

NO_SUITE = (
    "本机没有找到可以生成 PDF 的办公软件（LibreOffice、WPS 或 Word）。"
    "请先导出 Word 文件，再用办公软件“另存为 PDF”"
)
CONVERT_FAILED = "办公软件未能生成 PDF（{detail}）"
TIMED_OUT = "办公软件在 {seconds} 秒内没有完成 PDF 转换"


class NoOfficeSuite(ExportError):
    """No office suite that can make a PDF was found."""


_WINDOWS_SOFFICE = (
    r"LibreOffice\program\soffice.exe",
    r"LibreOffice\program\soffice.com",
)


def find_soffice() -> str | None:
    """The LibreOffice command (``soffice``), or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":
        for root in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
            for tail in _WINDOWS_SOFFICE:
                if root and (Path(root) / tail).is_file():
                    return str(Path(root) / tail)
    return None


def suite_name() -> str | None:
    """What would make the PDF here: "LibreOffice", "Word/WPS" (Windows), or None."""
    if find_soffice():
        return "LibreOffice"
    if sys.platform == "win32":
        try:
            import win32com.client  # noqa: F401
        except ImportError:
            return None
        return "Word/WPS"
    return None


_XCU = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
    'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n{items}</oor:items>\n'
)
_SUBSTITUTION = "/org.openoffice.Office.Common/Font/Substitution"
_PAIR = (
    f'<item oor:path="{_SUBSTITUTION}/FontPairs"><node oor:name="_{{i}}" oor:op="replace">'
    '<prop oor:name="Always" oor:op="fuse"><value>true</value></prop>'
    '<prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>'
    '<prop oor:name="ReplaceFont" oor:op="fuse"><value>{font}</value></prop>'
    '<prop oor:name="SubstituteFont" oor:op="fuse"><value>{face}</value></prop>'
    "</node></item>\n"
)


def prepare_profile(profile: Path, substitutes: dict[str, str | None]) -> None:
    """Give the private LibreOffice profile at `profile` a font replacement table
    (Tools ▸ Options ▸ Fonts): each missing official font is set in the installed
    face exporters.font_check.pdf_substitutes chose for it, a serif one for 宋/仿宋/
    楷, instead of the sans-serif face LibreOffice would take by itself."""
    from xml.sax.saxutils import escape

    pairs = [(font, face) for font, face in substitutes.items() if face]
    if not pairs:
        return
    items = (
        f'<item oor:path="{_SUBSTITUTION}"><prop oor:name="Replacement" oor:op="fuse">'
        "<value>true</value></prop></item>\n"
    )
    items += "".join(
        _PAIR.format(i=i, font=escape(font), face=escape(face))
        for i, (font, face) in enumerate(pairs)
    )
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(_XCU.format(items=items), encoding="utf-8")


def _substitutes() -> dict[str, str | None]:
    from exporters.font_check import installed_families, pdf_substitutes

    families = installed_families()
    return {} if families is None else pdf_substitutes(families)


def _with_soffice(exe: str, docx: Path, outdir: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="nianbao-lo-") as profile:
        prepare_profile(Path(profile), _substitutes())
        cmd = [
            exe,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=CONVERT_TIMEOUT)
        except subprocess.TimeoutExpired as exc:
            raise ExportError(TIMED_OUT.format(seconds=CONVERT_TIMEOUT)) from exc
        except OSError as exc:
            raise ExportError(CONVERT_FAILED.format(detail=exc)) from exc
    pdf = outdir / f"{docx.stem}.pdf"
    if proc.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        detail = (proc.stderr or proc.stdout or f"exit {proc.returncode}").strip()[:200]
        raise ExportError(CONVERT_FAILED.format(detail=detail))
    return pdf


def _with_word(docx: Path, pdf: Path) -> None:  # pragma: no cover - Windows only, untried
    """Word (or WPS) through COM: open read-only, save as PDF (format 17), quit."""
    import win32com.client

    for prog_id in ("Word.Application", "KWps.Application"):
        try:
            app = win32com.client.DispatchEx(prog_id)
        except Exception:  # the suite is not installed under this name
            continue
        try:
            app.Visible = False
            doc = app.Documents.Open(str(docx), ReadOnly=True)
            try:
                doc.SaveAs2(str(pdf), FileFormat=17)
            finally:
                doc.Close(False)
        finally:
            app.Quit()
        return
    raise NoOfficeSuite(NO_SUITE)


def export_pdf(report: Report, path: str | os.PathLike[str]) -> list[str]:
    """Write `report` as a PDF at `path` through the office suite found here; returns
    the Word export's warnings. Raises NoOfficeSuite without a suite, ExportError
    when the conversion or the write fails (an existing file is then left as it was)."""
    from exporters.docx import export_docx

    exe = find_soffice()
    if exe is None and suite_name() is None:
        raise NoOfficeSuite(NO_SUITE)
    with tempfile.TemporaryDirectory(prefix="nianbao-pdf-") as work:
        docx = Path(work) / "report.docx"
        warnings = export_docx(report, docx)
        if exe is not None:
            made = _with_soffice(exe, docx, Path(work))
        else:  # pragma: no cover - Windows only
            made = Path(work) / "report.pdf"
            _with_word(docx, made)
        with atomic_output(path) as tmp:
            shutil.copyfile(made, tmp)
    return warnings
