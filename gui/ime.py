"""Choosing the Qt input-method module before Qt starts (Chinese typing on Linux).

The Qt inside the PySide6 wheel ships input-context plugins for ibus and compose,
but none for fcitx. On UOS and Kylin the session asks for fcitx
(``QT_IM_MODULE=fcitx``); Qt then loads nothing and Chinese typing silently fails.
fcitx5 (and fcitx4 with its ibus frontend) also serve the ibus protocol, so we fall
back to ibus. This module is pure: the decision is a function of the environment
and the plugins present, so it is unit-tested without a screen.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("nianbao.ime")  # under the app logger, so it lands in the log file

_FCITX = ("fcitx", "fcitx5")
KEEP_ENV = "NIANBAO_KEEP_IM_MODULE"  # set to 1 to disable the fallback


@dataclass(frozen=True)
class ImeDecision:
    env: dict[str, str] = field(default_factory=dict)  # variables to set before Qt starts
    reason: str = ""  # for the log; empty when nothing changes


def plugin_name(filename: str) -> str | None:
    """'libfcitx5platforminputcontextplugin.so' -> 'fcitx5'."""
    stem = filename.split(".")[0]
    stem = stem.removeprefix("lib")
    suffix = "platforminputcontextplugin"
    return stem[: -len(suffix)] if stem.endswith(suffix) and stem != suffix else None


def available_plugins(plugin_dirs: Iterable[Path]) -> set[str]:
    names: set[str] = set()
    for base in plugin_dirs:
        folder = base / "platforminputcontexts"
        if folder.is_dir():
            names.update(n for f in folder.iterdir() if (n := plugin_name(f.name)))
    return names


def _requested(env: Mapping[str, str]) -> list[str]:
    """Input methods the session asks Qt for, in Qt's order of preference."""
    if env.get("QT_IM_MODULES"):  # Qt ≥ 6.7: a ';'-separated list, tried in order
        return [m.strip().lower() for m in env["QT_IM_MODULES"].split(";") if m.strip()]
    if env.get("QT_IM_MODULE"):
        return [env["QT_IM_MODULE"].strip().lower()]
    # No Qt variable: Qt picks nothing special, but an fcitx session announces itself
    # through XMODIFIERS or GTK_IM_MODULE; ask for ibus so typing works there too.
    if (
        "fcitx" in env.get("XMODIFIERS", "").lower()
        or env.get("GTK_IM_MODULE", "").lower() in _FCITX
    ):
        return ["fcitx"]
    return []


def decide(env: Mapping[str, str], plugins: set[str], platform: str) -> ImeDecision:
    """What to change in the environment so that Chinese input works."""
    if not platform.startswith("linux") or env.get(KEEP_ENV) == "1":
        return ImeDecision()
    requested = _requested(env)
    if not requested:
        return ImeDecision()
    usable = [m for m in requested if m in plugins or m in ("wayland", "compose")]
    if any(m not in ("wayland", "compose") for m in usable):
        return ImeDecision()  # a real input method the wheel can load was asked for
    if not any(m in _FCITX for m in requested):
        return ImeDecision()
    if "ibus" not in plugins:
        return ImeDecision(reason="fcitx requested but neither fcitx nor ibus Qt plugin is present")
    env_changes = {"QT_IM_MODULE": "ibus"}
    if env.get("QT_IM_MODULES"):
        env_changes["QT_IM_MODULES"] = "ibus"
    asked = env.get("QT_IM_MODULES") or env.get("QT_IM_MODULE") or env.get("XMODIFIERS", "")
    return ImeDecision(
        env_changes,
        f"input method {asked!r} requested but no fcitx Qt plugin is bundled; "
        "using ibus (fcitx5 serves the ibus protocol)",
    )


def qt_plugin_dirs() -> list[Path]:
    """Where Qt will look for plugins: the wheel's own folder and QT_PLUGIN_PATH."""
    import PySide6  # the package only, not QtCore: keeps this cheap

    dirs = [Path(PySide6.__file__).parent / "Qt" / "plugins"]
    dirs += [Path(p) for p in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    return dirs


def apply_input_method_fallback() -> ImeDecision:
    """Call once before QApplication is created."""
    decision = decide(os.environ, available_plugins(qt_plugin_dirs()), sys.platform)
    os.environ.update(decision.env)
    if decision.reason:
        log.info("IME: %s", decision.reason)
    return decision
