"""The interface font is decided by one pure function over the installed families
(as gui/ime.py decides the input method): a Simplified Chinese sans, never a
decorative or traditional-form face."""

from __future__ import annotations

import pytest

from gui.ui_font import choose_ui_font, fit_for_interface

# A machine with many fonts, the Kai face first (what Qt picked by itself).
MANY = [
    "AR PL UKai TW",
    "AR PL UKai CN",
    "AR PL UMing TW",
    "楷体",
    "KaiTi",
    "SimSun",
    "NSimSun",
    "FangSong",
    "仿宋_GB2312",
    "方正小标宋简体",
    "华文行楷",
    "华文彩云",
    "Noto Serif CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans CJK HK",
    "Noto Sans Mono CJK SC",
    "DejaVu Sans",
    "WenQuanYi Zen Hei",
    "Noto Sans CJK SC",
]


def test_windows_takes_microsoft_yahei_ui():
    fonts = ["SimSun", "KaiTi", "Microsoft YaHei", "Microsoft YaHei UI", "SimHei"]
    assert choose_ui_font(fonts, "win32") == "Microsoft YaHei UI"
    assert choose_ui_font(["SimSun", "Microsoft YaHei"], "win32") == "Microsoft YaHei"


def test_linux_prefers_noto_then_source_han_then_wenquanyi():
    assert choose_ui_font(MANY, "linux") == "Noto Sans CJK SC"
    assert choose_ui_font(["KaiTi", "Source Han Sans SC", "WenQuanYi Zen Hei"], "linux") == (
        "Source Han Sans SC"
    )
    assert choose_ui_font(["AR PL UKai TW", "WenQuanYi Micro Hei"], "linux") == (
        "WenQuanYi Micro Hei"
    )


def test_the_desktops_own_simplified_sans_comes_first():
    fonts = [*MANY, "Source Han Sans CN", "HarmonyOS Sans SC"]
    assert choose_ui_font(fonts, "linux", "Source Han Sans CN") == "Source Han Sans CN"
    assert choose_ui_font(fonts, "linux", "HarmonyOS Sans SC") == "HarmonyOS Sans SC"


@pytest.mark.parametrize(
    "default",
    ["AR PL UKai TW", "KaiTi", "Noto Serif CJK SC", "Noto Sans CJK TC", "Sans Serif", "SimSun", ""],
)
def test_a_decorative_or_traditional_desktop_default_is_not_taken(default: str):
    assert choose_ui_font(MANY, "linux", default) == "Noto Sans CJK SC"


def test_a_desktop_default_that_is_not_installed_is_not_taken():
    assert choose_ui_font(["WenQuanYi Zen Hei"], "linux", "Noto Sans CJK SC") == (
        "WenQuanYi Zen Hei"
    )


def test_nothing_suitable_keeps_qts_choice():
    assert choose_ui_font(["AR PL UKai TW", "KaiTi", "SimSun", "DejaVu Sans"], "linux") is None
    assert choose_ui_font([], "win32") is None


def test_names_match_whatever_their_case():
    assert choose_ui_font(["noto sans cjk sc"], "linux") == "noto sans cjk sc"


@pytest.mark.parametrize(
    ("family", "fit"),
    [
        ("Noto Sans CJK SC", True),
        ("Microsoft YaHei UI", True),
        ("WenQuanYi Micro Hei", True),
        ("楷体_GB2312", False),
        ("华文行楷", False),
        ("方正舒体", False),
        ("AR PL UMing CN", False),
        ("Noto Sans CJK TC", False),
        ("Noto Sans CJK HK", False),
        ("Noto Serif CJK SC", False),
        ("仿宋", False),
        ("", False),
    ],
)
def test_fit_for_interface(family: str, fit: bool):
    assert fit_for_interface(family) is fit


def test_the_running_application_shows_a_simplified_sans(qapp):
    from PySide6.QtGui import QFontDatabase

    from gui.app import create_app
    from gui.ui_font import apply_ui_font

    app = create_app()
    chosen = apply_ui_font(app)
    if chosen is None:  # no Chinese sans on this machine: Qt's own is kept
        assert choose_ui_font(QFontDatabase.families(), "linux") is None
        return
    assert app.font().family() == chosen
    assert fit_for_interface(chosen)
