"""Are the official document fonts installed on this computer?

The Word export names the GB/T 9704 fonts. Where they are missing, Word or WPS
shows a substitute, so the officer's screen differs from the printed original.
We say so once per session, without blocking the export.
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
}


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


def describe(missing: list[MissingFont], pdf: bool = False) -> str:
    """One Chinese sentence for the officer, empty when nothing is missing. For a PDF
    (made here, with the fonts of this computer) it says the PDF uses substitutes."""
    if not missing:
        return ""
    names = "、".join(m.name for m in missing)
    subs = "，".join(f"{m.name}→{m.substitute}" for m in missing)
    if pdf:
        return (
            f"本机未安装公文字体：{names}。导出的 PDF 由本机的办公软件生成，"
            f"会以其他字体代替（{subs}），与正式公文的字体不同；"
            "请在装有这些字体的电脑上生成 PDF，或导出 Word 文件送审。"
        )
    return (
        f"本机未安装公文字体：{names}。导出的 Word 文件仍按规范指定这些字体，"
        f"在未安装的电脑上 Word/WPS 会以其他字体代替显示（{subs}），打印效果可能与正式公文不同。"
    )


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
    """The warning to show before an export, or "" (also when fonts can't be listed)."""
    families = installed_families()
    return "" if families is None else describe(missing_fonts(families), pdf)
