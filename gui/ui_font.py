"""Choosing the interface font before the window is built.

Left to itself, Qt takes whatever fontconfig matches first for Chinese: on a
machine with many fonts that was a traditional-form Kai face (the title read
「塡」 for 「填」). The interface wants the system's Simplified Chinese sans:
Microsoft YaHei UI on Windows; on UOS and Kylin the desktop's own choice (when
it is a Simplified sans); then Noto Sans CJK SC, Source Han Sans SC, WenQuanYi.
Never a decorative (楷, 宋, 仿宋, 隶, 魏, 行, 舒体, 彩云, 琥珀…) or a traditional-form
(TC, HK, TW, 繁) face.

`choose_ui_font` is pure: a function of the installed families, the platform
and the desktop's default, unit-tested over fake font lists (as gui/ime.py is
for input methods). `apply_ui_font` reads those from Qt and sets the font.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable

log = logging.getLogger("nianbao.font")

# In order of preference, per platform; a family is used only when installed.
WINDOWS = ("Microsoft YaHei UI", "Microsoft YaHei", "微软雅黑", "DengXian", "等线")
LINUX = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "思源黑体",
    "思源黑体 CN",
    "WenQuanYi Micro Hei",
    "文泉驿微米黑",
    "WenQuanYi Zen Hei",
    "文泉驿正黑",
    "Droid Sans Fallback",
)
MAC = ("PingFang SC", "Hiragino Sans GB", "Heiti SC")

# Words in a family name that mark a face unfit for the interface: calligraphic,
# serif or decorative styles, and traditional-form or other-language variants.
_UNFIT = re.compile(
    r"楷|宋|仿宋|隶|魏|行书|行楷|舒体|彩云|琥珀|姚体|新魏|篆|圆体|综艺|繁|"
    r"kai|song|sun\b|fangsong|ming|serif|li\b|lishu|xingkai|shu\b|caiyun|hupo|yao|"
    r"\b(?:tc|hk|tw|jp|kr)\b|traditional|japanese|korean|mono",
    re.IGNORECASE,
)
# A desktop default is trusted only when its name says it is a Simplified sans.
_SIMPLIFIED_SANS = re.compile(
    r"\b(?:sc|cn|gb|sans\s*cjk\s*sc)\b|简|黑|yahei|micro hei|zen hei|pingfang|"
    r"hiragino sans gb|heiti sc|noto sans cjk sc|source han sans (?:sc|cn)",
    re.IGNORECASE,
)


def fit_for_interface(family: str) -> bool:
    """Whether `family` may show the interface: not decorative, not traditional."""
    return bool(family.strip()) and _UNFIT.search(family) is None


def choose_ui_font(
    installed: Iterable[str], platform: str, desktop_default: str | None = None
) -> str | None:
    """The family to show the interface in, or None to keep Qt's own choice (no
    suitable face is installed). `installed` are the families on the machine,
    `platform` is sys.platform, `desktop_default` the desktop's interface font
    (trusted on Linux when it is a Simplified Chinese sans that is installed)."""
    have = {f.casefold(): f for f in installed}
    if platform.startswith("win"):
        preferred: tuple[str, ...] = WINDOWS
    elif platform == "darwin":
        preferred = MAC
    else:
        default = (desktop_default or "").strip()
        if (
            default.casefold() in have
            and fit_for_interface(default)
            and _SIMPLIFIED_SANS.search(default)
        ):
            return have[default.casefold()]
        preferred = LINUX
    for family in preferred:
        if family.casefold() in have:
            return have[family.casefold()]
    return None


def apply_ui_font(app: object) -> str | None:
    """Set the application font's family (size left as the desktop has it) before
    the window is built. Returns the family chosen, None when Qt's is kept."""
    from PySide6.QtGui import QFont, QFontDatabase

    current = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    family = choose_ui_font(QFontDatabase.families(), sys.platform, current.family())
    if family is None:
        log.info("UI font: no Simplified Chinese sans found; keeping %r", current.family())
        return None
    font = QFont(app.font())  # type: ignore[attr-defined]
    font.setFamilies([family])
    app.setFont(font)  # type: ignore[attr-defined]
    log.info("UI font: %s", family)
    return family
