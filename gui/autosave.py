"""Nothing ever lost: a copy of unsaved work a few seconds after each change.

The promise: the copy is written at most `AUTOSAVE_CEILING_MS` after the first
change it does not hold yet, however steadily the officer types (a pause of
`AUTOSAVE_PAUSE_MS` writes it sooner). On the UI thread only a snapshot of the
report is taken (about a millisecond, see bench/bench_autosave.py); encoding and
writing run in a background thread.

Each running window owns a session in `model.paths.autosave_dir()`: a draft
``session-<id>.nianbao``, a small ``.json`` saying what it is a copy of and when
it was written, and a ``.lock`` held (QLockFile) while the session runs. A clean
exit removes all three. At the next start, a session whose lock is no longer held
by a running process is an orphan left by a crash, and the window offers to
recover it. Two windows open at once never see each other's work as orphaned.

The copy holds the report as confirmed, never a number half typed: what an open
cell editor holds (`gui.document.PendingEdit`: the cell, the text, the value it
would replace) is written into the ``.json`` as ``"pending"``, and a recovery
restores the confirmed copy and then shows each pending entry to the officer
(back in its cell's editor, or listed with the confirmed value). Typing into a
cell starts the ceiling as any change does, even when nothing else is unsaved.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from gui.document import PendingEdit
from gui.tasks import TaskRunner
from model.paths import autosave_dir
from model.report import Report

log = logging.getLogger(__name__)

AUTOSAVE_PAUSE_MS = 2000  # a pause in typing this long writes the copy
AUTOSAVE_CEILING_MS = 4000  # never later than this after the first change not in the copy
AUTOSAVE_DELAY_MS = AUTOSAVE_PAUSE_MS  # the name callers used for the pause
_PREFIX = "session-"
_PENDING_CHARS = 200  # of a recovered cell text: a cell holds one number


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
    pending: tuple[PendingEdit, ...] = ()  # typed into editors, never confirmed

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
            Orphan(
                draft,
                info,
                meta.get("source") or None,
                saved,
                str(meta.get("label", "")),
                lock,
                _read_pending(meta.get("pending")),
            )
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


def _pending_to_json(pending: list[PendingEdit]) -> list[dict[str, str]]:
    return [{"cell": p.key, "text": p.text, "replaces": p.replaces} for p in pending]


def _read_pending(raw: object) -> tuple[PendingEdit, ...]:
    """The pending entries of an info file; anything not as written is left out (the
    confirmed copy is recovered all the same)."""
    if not isinstance(raw, list):
        return ()
    out = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        cell, text, replaces = item.get("cell"), item.get("text"), item.get("replaces", "")
        if isinstance(cell, str) and isinstance(text, str) and isinstance(replaces, str):
            out.append(PendingEdit(cell, text[:_PENDING_CHARS], replaces[:_PENDING_CHARS]))
    return tuple(out)


def _read_info(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class Autosaver(QObject):
    """Writes `get_copy()` (a report nobody changes afterwards: a snapshot) to this
    session's autosave once changes pause for `delay_ms`, and at the latest
    `ceiling_ms` after the first change `schedule()` was told of, with
    `get_pending()` (uncommitted editor texts) beside it in the info file. The
    write runs in a background thread; `saved(datetime)` after each write,
    `failed(str)`."""

    saved = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        get_copy: Callable[[], Report | None],
        get_source: Callable[[], str | None],
        parent: QObject | None = None,
        delay_ms: int = AUTOSAVE_PAUSE_MS,
        folder: Path | None = None,
        ceiling_ms: int = AUTOSAVE_CEILING_MS,
        get_pending: Callable[[], list[PendingEdit]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._get_copy = get_copy
        self._get_source = get_source
        self._get_pending = get_pending or list
        self.folder = folder or autosave_dir()
        # 12 random hex digits; os.urandom spares importing uuid (and platform) at start
        self.session = os.urandom(6).hex()
        self.draft_path, self.info_path, lock_path = _paths(self.folder, self.session)
        self._lock = _lock(lock_path)
        if not self._lock.tryLock(0):  # a fresh random id: only fails on a broken folder
            log.warning("cannot lock autosave session %s", lock_path)
        self.pause_ms = delay_ms
        self.ceiling_ms = max(ceiling_ms, 0)
        self._first_change: float | None = None  # monotonic time of the oldest unsaved change
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_now)
        self._tasks = TaskRunner(self)  # one write at a time, in order
        self._writing = False
        self._again = False  # a write was asked for while one ran
        self._generation = 0  # bumped by discard(): a write started before is stale
        self.last_saved: dt.datetime | None = None

    @property
    def pending(self) -> bool:
        """A copy is due or being written."""
        return self._timer.isActive() or self._writing

    def schedule(self) -> None:
        """A change happened: write a copy once the officer pauses, and never later
        than the ceiling after the first change since the last copy."""
        now = time.monotonic()
        if self._first_change is None:
            self._first_change = now
        left = self.ceiling_ms - (now - self._first_change) * 1000
        self._timer.start(max(0, int(min(self.pause_ms, left))))

    def save_now(self) -> bool:
        """Take the copy now and write it in the background. False when there is
        nothing to save."""
        self._timer.stop()
        report = self._get_copy()
        if report is None:
            self._first_change = None
            if self.last_saved is not None or self.draft_path.exists():
                self.discard()  # e.g. a cell's text dropped (Esc) in a saved report
            return False
        if self._writing:  # one write at a time: this copy follows it
            self._again = True
            return True
        self._first_change = None
        self._writing = True
        generation = self._generation
        info = {
            "source": self._get_source(),
            "saved": dt.datetime.now().isoformat(timespec="seconds"),
            "label": f"{report.meta.agency} {report.meta.year}年度".strip(),
            "pending": _pending_to_json(self._get_pending()),
        }
        self._tasks.start(
            lambda: self._write(report, info),
            lambda when: self._written(generation, when),
            lambda exc: self._write_failed(generation, exc),
        )
        return True

    def _write(self, report: Report, info: dict[str, object]) -> dt.datetime:
        """In the background thread: the draft, then the note of what it is."""
        from model.drafts import save_draft

        save_draft(report, self.draft_path)
        tmp = self.info_path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.info_path)
        return dt.datetime.now()

    def _written(self, generation: int, when: dt.datetime) -> None:
        self._writing = False
        if generation == self._generation:
            self.last_saved = when
            self.saved.emit(when)
        self._next()

    def _write_failed(self, generation: int, exc: BaseException) -> None:
        # a full disk must not interrupt the officer's typing: say it, keep going
        self._writing = False
        log.warning("autosave failed: %s", exc)
        if generation == self._generation:
            # the bare cause: the status bar says 「自动保存失败」 itself
            self.failed.emit(getattr(exc, "reason", None) or str(exc))
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.save_now()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until a write under way has reached the disk."""
        return self._tasks.wait(msecs)

    def discard(self) -> None:
        """The work is saved (or deliberately dropped): the copy is not needed."""
        self._timer.stop()
        self._first_change = None
        self._again = False
        self._generation += 1
        self.wait()  # a copy being written must not appear after its removal
        _remove(self.draft_path, self.info_path)
        self.last_saved = None

    def close(self) -> None:
        """Clean exit: nothing to recover next time."""
        self.discard()
        self._lock.unlock()
