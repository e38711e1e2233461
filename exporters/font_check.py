"""Are the official document fonts installed on this computer, and what stands in
for them?

The Word export names the GB/T 9704 fonts. Where they are missing, Word or WPS
shows a substitute, so the officer's screen differs from the printed original.
We say so once per session, without blocking the export.

A PDF made here by LibreOffice would otherwise take whatever fontconfig offers
for a missing Chinese font — on a typical Linux machine a sans-serif face (Noto
Sans CJK) even for 仿宋 and 宋体. `pdf_substitutes` picks, among the fonts installed
here, the closest face for each official one (a serif face for 宋/仿宋/楷, a
sans-serif one for 黑体); exporters.pdf gives LibreOffice that replacement table,
and the notice names what the PDF is really set in.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Official font → what Word/WPS typically substitutes when it is missing.
OFFICIAL_FONTS: dict[str, str] = {
    "方正小标宋简体": "宋体",
    "仿宋_GB2312": "仿宋",
    "楷体_GB2312": "楷体",
    "黑体": "等线或宋体",
}
# Other names under which the same typefaces are installed.
ALIASES: dict[str, tuple[str, ...]] = {
    "方正小标宋简体": ("FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXBSJW--GB1-0"),
    "仿宋_GB2312": ("FangSong_GB2312",),
    "楷体_GB2312": ("KaiTi_GB2312",),
    "黑体": ("SimHei",),
    "宋体": ("SimSun",),
}


# The faces of the document besides the official four: table text and page numbers.
TABLE_FONT = "宋体"
# What a PDF made by LibreOffice uses for a missing font: the first of these that is
# installed (the official faces' own alternative names first, then serif faces for
# 宋/仿宋/楷 and sans-serif faces for 黑体, as fonts-noto-cjk and others provide).
_SERIF = ("Source Han Serif SC", "思源宋体", "Noto Serif CJK SC", "AR PL UMing CN", "FandolSong")
PDF_FALLBACKS: dict[str, tuple[str, ...]] = {
    "方正小标宋简体": ("方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "宋体", "SimSun", *_SERIF),
    "仿宋_GB2312": ("FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "FandolFang", *_SERIF),
    "楷体_GB2312": (
        "KaiTi_GB2312",
        "楷体",
        "KaiTi",
        "STKaiti",
        "FandolKai",
        "AR PL UKai CN",
        *_SERIF,
    ),
    "黑体": ("SimHei", "Source Han Sans SC", "思源黑体", "Noto Sans CJK SC", "WenQuanYi Zen Hei"),
    TABLE_FONT: ("SimSun", "NSimSun", *_SERIF),
}
_SANS = frozenset(PDF_FALLBACKS["黑体"])


@dataclass(frozen=True)
class MissingFont:
    name: str
    substitute: str


def missing_fonts(installed: Iterable[str]) -> list[MissingFont]:
    """The official fonts not among `installed` family names (case-insensitive)."""
    have = {f.strip().lower() for f in installed}
    return [
        MissingFont(name, sub)
        for name, sub in OFFICIAL_FONTS.items()
        if not ({name.lower()} | {a.lower() for a in ALIASES.get(name, ())}) & have
    ]


def _installed(name: str, have: set[str]) -> bool:
    return bool(({name.lower()} | {a.lower() for a in ALIASES.get(name, ())}) & have)


def pdf_substitutes(installed: Iterable[str]) -> dict[str, str | None]:
    """For each font of the document that is not among `installed` (family names),
    the installed face a PDF made by LibreOffice should use instead (PDF_FALLBACKS),
    or None when none of them is installed (LibreOffice then picks one itself)."""
    have = {f.strip().lower() for f in installed}
    out: dict[str, str | None] = {}
    for name, faces in PDF_FALLBACKS.items():
        if _installed(name, have):
            continue
        out[name] = next((f for f in faces if f.lower() in have), None)
    return out


def describe(
    missing: list[MissingFont],
    pdf: bool = False,
    substitutes: dict[str, str | None] | None = None,
) -> str:
    """One Chinese sentence for the officer, empty when nothing is missing. For a PDF
    made here by LibreOffice with `substitutes` (pdf_substitutes), it names the faces
    the PDF is really set in; for one made by Word/WPS (no `substitutes`), that it
    uses substitutes."""
    if not missing:
        return ""
    names = "、".join(m.name for m in missing)
    if pdf and substitutes is not None:
        return (
            f"本机未安装公文字体：{names}。PDF 由本机的 LibreOffice 生成，"
            f"其中{_substituted(missing, substitutes)}，与正式公文的字体不同；"
            "请在装有这些字体的电脑上生成 PDF，或导出 Word 文件送审。"
        )
    if pdf:
        return (
            f"本机未安装公文字体：{names}。导出的 PDF 由本机的办公软件生成，"
            "会以本机的其他字体代替，与正式公文的字体不同；"
            "请在装有这些字体的电脑上生成 PDF，或导出 Word 文件送审。"
        )
    subs = "，".join(f"{m.name}→{m.substitute}" for m in missing)
    return (
        f"本机未安装公文字体：{names}。导出的 Word 文件仍按规范指定这些字体，"
        f"在没有这些字体的电脑上 Word/WPS 以其他字体代替显示（通常{subs}，"
        "若这些也没有则由软件另选），打印效果可能与正式公文不同。"
    )


def _substituted(missing: list[MissingFont], substitutes: dict[str, str | None]) -> str:
    """「方正小标宋简体、仿宋_GB2312 以 Noto Serif CJK SC（衬线体）代替，黑体以 …」"""
    by_face: dict[str | None, list[str]] = {}
    for m in missing:
        by_face.setdefault(substitutes.get(m.name), []).append(m.name)
    parts = []
    for face, names in by_face.items():
        joined = "、".join(names)
        if face is None:
            parts.append(f"{joined}由 LibreOffice 自选字体代替（可能是无衬线体）")
        else:
            kind = "黑体类" if face in _SANS else "衬线体"
            parts.append(f"{joined}以 {face}（{kind}）代替")
    return "，".join(parts)


@lru_cache(maxsize=1)
def installed_families() -> frozenset[str] | None:
    """Family names of the fonts installed here; None when they cannot be listed."""
    if sys.platform == "win32":
        return _windows_families()
    if shutil.which("fc-list"):
        try:
            out = subprocess.run(
                ["fc-list", ":", "family"], capture_output=True, text=True, timeout=10, check=True
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        return frozenset(name for line in out.splitlines() for name in line.split(","))
    return None


def _windows_families() -> frozenset[str] | None:
    try:
        import winreg
    except ImportError:
        return None
    names: set[str] = set()
    key_path = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"
    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            with winreg.OpenKey(hive, key_path) as key:
                for i in range(winreg.QueryInfoKey(key)[1]):
                    value_name = winreg.EnumValue(key, i)[0]  # "仿宋_GB2312 (TrueType)"
                    for part in value_name.split("&"):
                        names.add(part.split("(")[0].strip())
        except OSError:
            continue
    fonts_dir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    if fonts_dir.is_dir():
        names.update(p.stem for p in fonts_dir.iterdir())
    return frozenset(names)


def font_warning(pdf: bool = False) -> str:
    """The warning to show before an export, or "" (also when fonts can't be listed).
    For a PDF made by LibreOffice it names the faces exporters.pdf gives it."""
    families = installed_families()
    if families is None:
        return ""
    substitutes = None
    if pdf:
        from exporters.pdf import find_soffice

        if find_soffice() is not None:
            substitutes = pdf_substitutes(families)
    return describe(missing_fonts(families), pdf, substitutes)
