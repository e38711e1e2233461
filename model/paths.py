"""The one place that knows where the application keeps its files.

Folders follow each platform's conventions through platformdirs (the maintained
successor of appdirs). Setting the environment variable ``NIANBAO_HOME`` puts
everything under that one folder instead (``drafts/``, ``autosave/``,
``settings/``, ``logs/``), so tests and portable installs never touch the
user's real folders. Every function creates its folder on demand.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

APP_NAME = "Nianbao"
HOME_ENV = "NIANBAO_HOME"
DRAFTS_FOLDER = "年报草稿"  # under the user's documents folder, where officers look for files


def _override() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def _platformdirs() -> ModuleType:
    # Imported on first use: with NIANBAO_HOME set it is never needed, and it pulls
    # in a dozen standard modules the window does not need to appear.
    import platformdirs

    return platformdirs


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def app_home() -> Path:
    """The base folder of the application's own data."""
    base = _override()
    if base is not None:
        return _ensure(base)
    return _ensure(Path(_platformdirs().user_data_dir(APP_NAME, appauthor=False)))


def drafts_dir() -> Path:
    """Where drafts are offered to be saved: 文档/年报草稿 by default."""
    base = _override()
    if base is not None:
        return _ensure(base / "drafts")
    return _ensure(Path(_platformdirs().user_documents_dir()) / DRAFTS_FOLDER)


def autosave_dir() -> Path:
    """Automatic recovery copies; not meant to be browsed by the user."""
    base = _override()
    if base is not None:
        return _ensure(base / "autosave")
    return _ensure(Path(_platformdirs().user_data_dir(APP_NAME, appauthor=False)) / "autosave")


def settings_dir() -> Path:
    base = _override()
    if base is not None:
        return _ensure(base / "settings")
    return _ensure(Path(_platformdirs().user_config_dir(APP_NAME, appauthor=False)))


def log_dir() -> Path:
    base = _override()
    if base is not None:
        return _ensure(base / "logs")
    return _ensure(Path(_platformdirs().user_log_dir(APP_NAME, appauthor=False)))
