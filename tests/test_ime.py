"""The input-method fallback for UOS/Kylin (fcitx sessions with the wheel's Qt)."""

from __future__ import annotations

from pathlib import Path

from gui.ime import available_plugins, decide, plugin_name

WHEEL = {"ibus", "compose", "qtvirtualkeyboard"}


def test_fcitx_requested_without_plugin_falls_back_to_ibus():
    d = decide({"QT_IM_MODULE": "fcitx"}, WHEEL, "linux")
    assert d.env == {"QT_IM_MODULE": "ibus"}
    assert "fcitx" in d.reason


def test_fcitx5_requested_falls_back_too():
    assert decide({"QT_IM_MODULE": "fcitx5"}, WHEEL, "linux").env == {"QT_IM_MODULE": "ibus"}


def test_fcitx_plugin_present_is_kept():
    assert decide({"QT_IM_MODULE": "fcitx"}, WHEEL | {"fcitx"}, "linux").env == {}


def test_ibus_session_untouched():
    assert decide({"QT_IM_MODULE": "ibus"}, WHEEL, "linux").env == {}


def test_no_request_untouched():
    assert decide({}, WHEEL, "linux").env == {}


def test_fcitx_announced_only_through_xmodifiers():
    d = decide({"XMODIFIERS": "@im=fcitx"}, WHEEL, "linux")
    assert d.env == {"QT_IM_MODULE": "ibus"}


def test_qt_im_modules_list_with_fcitx_only():
    d = decide({"QT_IM_MODULES": "wayland;fcitx"}, WHEEL, "linux")
    assert d.env == {"QT_IM_MODULE": "ibus", "QT_IM_MODULES": "ibus"}


def test_qt_im_modules_list_already_has_ibus():
    assert decide({"QT_IM_MODULES": "fcitx;ibus"}, WHEEL, "linux").env == {}


def test_not_linux_untouched():
    assert decide({"QT_IM_MODULE": "fcitx"}, WHEEL, "win32").env == {}


def test_user_can_disable_fallback():
    env = {"QT_IM_MODULE": "fcitx", "NIANBAO_KEEP_IM_MODULE": "1"}
    assert decide(env, WHEEL, "linux").env == {}


def test_no_ibus_plugin_either_changes_nothing_but_says_why():
    d = decide({"QT_IM_MODULE": "fcitx"}, {"compose"}, "linux")
    assert d.env == {}
    assert d.reason


def test_plugin_names_from_files(tmp_path: Path):
    folder = tmp_path / "platforminputcontexts"
    folder.mkdir()
    for name in (
        "libibusplatforminputcontextplugin.so",
        "libfcitx5platforminputcontextplugin.so",
        "qtvirtualkeyboardplugin.dll",
        "README",
    ):
        (folder / name).touch()
    assert available_plugins([tmp_path]) == {"ibus", "fcitx5"}
    assert plugin_name("ibusplatforminputcontextplugin.dll") == "ibus"
