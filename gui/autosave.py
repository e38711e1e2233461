"""Nothing ever lost: a copy of unsaved work a few seconds after each change.

Each running window owns a session in `model.paths.autosave_dir()`: a draft
``session-<id>.nianbao``, a small ``.json`` saying what it is a copy of and when
it was written, and a ``.lock`` held (QLockFile) while the session runs. A clean
exit removes all three. At the next start, a session whose lock is no longer held
by a running process is an orphan left by a crash, and the window offers to
recover it. Two windows open at once never see each other's work as orphaned.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from model.paths import autosave_dir
from model.report import Report

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 3000  # after the last change: typing does not write on every key
_PREFIX = "session-"


def _paths(folder: Path, session: str) -> tuple[Path, Path, Path]:
    base = folder / f"{_PREFIX}{session}"
    return base.with_suffix(".nianbao"), base.with_suffix(".json"), base.with_suffix(".lock")


def _lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    return lock


@dataclass
class Orphan:
    """Autosaved work of a session that did not end cleanly."""

    draft: Path
    info: Path
    source: str | None  # the file it was a copy of, None for a never-saved report
    saved: dt.datetime | None
    label: str  # 「某某局 2021年度」, for the question
    _lock: QLockFile = field(repr=False)

    def load(self) -> Report:
        from model.drafts import load_draft

        return load_draft(self.draft)

    def remove(self) -> None:
        _remove(self.draft, self.info)
        self._lock.unlock()

    def release(self) -> None:
        """Leave the files for a later start (the officer chose neither)."""
        self._lock.unlock()


def find_orphans(folder: Path | None = None, exclude: str | None = None) -> list[Orphan]:
    """Sessions whose process is gone but whose autosaved draft is still there,
    newest first. Each returned orphan holds its lock until removed or released."""
    folder = folder or autosave_dir()
    found: list[Orphan] = []
    for draft in folder.glob(f"{_PREFIX}*.nianbao"):
        session = draft.stem[len(_PREFIX) :]
        if session == exclude:
            continue
        _, info, lock_path = _paths(folder, session)
        lock = _lock(lock_path)
        if not lock.tryLock(0):
            continue  # its window is still open
        meta = _read_info(info)
        saved = None
        if meta.get("saved"):
            try:
                saved = dt.datetime.fromisoformat(str(meta["saved"]))
            except ValueError:
                saved = None
        if saved is None:
            saved = dt.datetime.fromtimestamp(draft.stat().st_mtime)
        found.append(
            Orphan(draft, info, meta.get("source") or None, saved, str(meta.get("label", "")), lock)
        )
    found.sort(key=lambda o: o.saved or dt.datetime.min, reverse=True)
    _sweep_locks(folder)
    return found


def _sweep_locks(folder: Path) -> None:
    """Remove what a crashed session left without having written any work."""
    for lock_path in folder.glob(f"{_PREFIX}*.lock"):
        if lock_path.with_suffix(".nianbao").exists():
            continue
        lock = _lock(lock_path)
        if lock.tryLock(0):
            lock_path.with_suffix(".json").unlink(missing_ok=True)
            lock.unlock()  # removes the lock file


def _remove(draft: Path, info: Path) -> None:
    from model.drafts import backup_path

    for path in (draft, backup_path(draft), info):
        path.unlink(missing_ok=True)


def _read_info(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class Autosaver(QObject):
    """Writes `get_report()` to this session's autosave a few seconds after
    `schedule()` was last called. `saved(datetime)` after each write."""

    saved = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        get_report: Callable[[], Report | None],
        get_source: Callable[[], str | None],
        parent: QObject | None = None,
        delay_ms: int = AUTOSAVE_DELAY_MS,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._get_report = get_report
        self._get_source = get_source
        self.folder = folder or autosave_dir()
        # 12 random hex digits; os.urandom spares importing uuid (and platform) at start
        self.session = os.urandom(6).hex()
        self.draft_path, self.info_path, lock_path = _paths(self.folder, self.session)
        self._lock = _lock(lock_path)
        if not self._lock.tryLock(0):  # a fresh random id: only fails on a broken folder
            log.warning("cannot lock autosave session %s", lock_path)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        self.last_saved: dt.datetime | None = None

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def schedule(self) -> None:
        """A change happened: write a copy once the officer pauses."""
        self._timer.start()

    def save_now(self) -> bool:
        self._timer.stop()
        report = self._get_report()
        if report is None:
            return False
        from model.drafts import save_draft

        snapshot = report.snapshot()
        try:
            save_draft(snapshot, self.draft_path)
            info = {
                "source": self._get_source(),
                "saved": dt.datetime.now().isoformat(timespec="seconds"),
                "label": f"{snapshot.meta.agency} {snapshot.meta.year}年度".strip(),
            }
            tmp = self.info_path.with_suffix(".json.tmp")
            tmp.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.info_path)
        except Exception as exc:  # a full disk must not interrupt the officer's typing
            log.warning("autosave failed: %s", exc)
            self.failed.emit(str(exc))
            return False
        self.last_saved = dt.datetime.now()
        self.saved.emit(self.last_saved)
        return True

    def discard(self) -> None:
        """The work is saved (or deliberately dropped): the copy is not needed."""
        self._timer.stop()
        _remove(self.draft_path, self.info_path)
        self.last_saved = None

    def close(self) -> None:
        """Clean exit: nothing to recover next time."""
        self.discard()
        self._lock.unlock()
