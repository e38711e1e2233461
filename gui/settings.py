"""The one registry of the window's settings, with typed defaults.

Widgets never read QSettings by loose string keys: they use `Settings.get(SETTING)`
with one of the `Setting` constants below, whose default lives here and only here.
Values are stored in an INI file under `model.paths.settings_dir()`, so tests (which
point NIANBAO_HOME at a temp folder) never touch the user's real settings.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from model.paths import settings_dir

T = TypeVar("T")

RECENT_LIMIT = 10


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T


RECENT_FILES: Setting[list[str]] = Setting("files/recent", [])
LAST_FOLDER: Setting[str] = Setting("files/last_folder", "")
GEOMETRY: Setting[bytes] = Setting("window/geometry", b"")
WINDOW_STATE: Setting[bytes] = Setting("window/state", b"")
PROBLEMS_VISIBLE: Setting[bool] = Setting("window/problems_visible", True)
PROBLEMS_COLLAPSED: Setting[bool] = Setting("window/problems_collapsed", False)
NAV_SPLITTER: Setting[bytes] = Setting("window/navigator_splitter", b"")  # navigator | page
ZOOM: Setting[int] = Setting("view/zoom", 100)  # percent: tables and texts (Ctrl+= / Ctrl+-)
# the roll-up dialog (汇总多个报告): the summary's name and each kind of folder last used
AGG_AGENCY: Setting[str] = Setting("aggregate/agency", "")
AGG_INPUT_FOLDER: Setting[str] = Setting("aggregate/input_folder", "")
AGG_DRAFT_FOLDER: Setting[str] = Setting("aggregate/draft_folder", "")
AGG_XLSX_FOLDER: Setting[str] = Setting("aggregate/xlsx_folder", "")


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_dir() / "settings.ini"
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._batch = 0

    def get(self, setting: Setting[T]) -> T:
        raw = self._q.value(setting.key)
        if raw is None:
            return _copy(setting.default)
        return _coerce(raw, setting.default)

    def set(self, setting: Setting[T], value: T) -> None:
        if isinstance(value, bytes):
            self._q.setValue(setting.key, QByteArray(value))
        else:
            self._q.setValue(setting.key, value)
        if not self._batch:
            self._q.sync()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several changes written to the file once, at the end: each write of the
        INI file costs a flush to disk (tens of ms at start-up and on closing)."""
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
            if not self._batch:
                self._q.sync()

    # ---- recent files ---------------------------------------------------------------
    def recent_files(self) -> list[str]:
        """Recent drafts, newest first, only those that still exist."""
        return [p for p in self.get(RECENT_FILES) if Path(p).is_file()]

    def add_recent(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        files = [p for p in self.get(RECENT_FILES) if p != path]
        with self.batch():
            self.set(RECENT_FILES, [path, *files][:RECENT_LIMIT])
            self.set(LAST_FOLDER, str(Path(path).parent))

    def remove_recent(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        self.set(RECENT_FILES, [p for p in self.get(RECENT_FILES) if p != path])

    def clear_recent(self) -> None:
        self.set(RECENT_FILES, [])


def _copy(value: T) -> T:
    return list(value) if isinstance(value, list) else value  # type: ignore[return-value]


def _coerce(raw: object, default: T) -> T:
    """QSettings' INI backend returns strings for scalars and a bare string for a
    one-item list; turn what it gives back into the default's type."""
    if isinstance(default, bool):
        return (raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1")) is True  # type: ignore[return-value]
    if isinstance(default, list):
        if isinstance(raw, str):
            return [raw] if raw else []  # type: ignore[return-value]
        return [str(x) for x in raw] if isinstance(raw, (list, tuple)) else []  # type: ignore[return-value]
    if isinstance(default, bytes):
        if isinstance(raw, QByteArray):
            return bytes(raw.data())  # type: ignore[return-value]
        return raw if isinstance(raw, bytes) else b""  # type: ignore[return-value]
    if isinstance(default, int):
        try:
            return int(raw)  # type: ignore[return-value, call-overload]
        except (TypeError, ValueError):
            return default
    return str(raw)  # type: ignore[return-value]
