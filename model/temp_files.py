"""Temp files of atomic saves: made locked, and removed when their writer died.

A save writes ``.<name>.<8 random characters><suffix>`` next to the target and
renames it over the target when done. A process killed in between leaves the
temp file behind. So that such litter is recognised without ever touching a
save in progress:

- the writer holds an exclusive lock (``flock``) on its temp file from the moment
  it exists until it has been renamed. The operating system releases the lock
  when the process dies, however it dies;
- `sweep` removes only files whose name is exactly such a temp name of the given
  target, that are regular files, and whose lock it can take (nobody is writing
  them). On Windows, where a file open in another process cannot be deleted, a
  file being written refuses deletion by itself. On file systems without locks
  a temp must be older than `STALE_SECONDS` instead.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from model import messages as msg

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

STALE_SECONDS = 600  # where locks cannot tell: a save never takes ten minutes
_RANDOM = r"[a-z0-9_]{8}"  # tempfile's names: 8 characters of this alphabet
_ATTEMPTS = 5


def temp_pattern(target_name: str, suffixes: tuple[str, ...]) -> re.Pattern[str]:
    """The names of the temp files `make_locked_temp` makes for `target_name`."""
    ends = "|".join(re.escape(s) for s in suffixes)
    return re.compile(re.escape(f".{target_name}.") + _RANDOM + f"(?:{ends})")


def make_locked_temp(folder: Path, target_name: str, suffix: str) -> tuple[int, str]:
    """Create ``.<target_name>.XXXXXXXX<suffix>`` in `folder`; returns (fd, path),
    the fd open for writing and holding an exclusive lock until it is closed.
    Raises OSError."""
    for _ in range(_ATTEMPTS):
        fd, path = tempfile.mkstemp(prefix=f".{target_name}.", suffix=suffix, dir=folder)
        if fcntl is None:
            return fd, path
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # a sweep took it in the instant between; make another
            os.close(fd)
            continue
        except OSError:  # the file system has no locks: sweeps go by age there
            return fd, path
        if _same_file(fd, path, follow=True):  # mkstemp made it: O_EXCL, never a link
            return fd, path
        os.close(fd)  # a sweep removed it in the instant before the lock; make another
    raise OSError(errno.EAGAIN, msg.TEMP_FILE_FAILED, str(folder))


def sweep(
    folder: Path, target_name: str, suffixes: tuple[str, ...], fresh: bool = True
) -> list[str]:
    """Remove the temp files killed saves of `target_name` left in `folder`; returns
    the names removed. Never raises: litter that cannot be removed stays. With
    `fresh` False the folder is listed again only when its modification time has
    changed since the last sweep (on file systems with coarse times, litter of the
    last second may then wait for the next sweep)."""
    pattern = temp_pattern(target_name, suffixes)
    prefix = f".{target_name}."
    removed: list[str] = []
    for name in _hidden_temps(folder, fresh):
        if (
            name.startswith(prefix)
            and pattern.fullmatch(name)
            and _remove_if_stale(os.path.join(folder, name))
        ):
            removed.append(name)
    return removed


# folder → (its modification time, the names in it that look like temp files). A roll-up
# opens a thousand drafts of one folder: listing it once, not a thousand times.
_listings: dict[str, tuple[int, list[str]]] = {}


def _hidden_temps(folder: Path, fresh: bool) -> list[str]:
    key = os.path.abspath(folder)
    try:
        mtime = os.stat(key).st_mtime_ns
        cached = _listings.get(key)
        if not fresh and cached is not None and cached[0] == mtime:
            return cached[1]
        names = [n for n in os.listdir(key) if n.startswith(".") and n.endswith(".tmp")]
    except OSError:
        return []
    _listings[key] = (mtime, names)
    return names


def _remove_if_stale(path: str) -> bool:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _writer_gone(fd, info.st_mtime):
            return False
        if not _same_file(fd, path):
            return False
        os.close(fd)  # Windows deletes only closed files
        fd = -1
        os.remove(path)  # Windows refuses while a live writer has it open
        return True
    except OSError:
        return False
    finally:
        if fd >= 0:
            os.close(fd)


def _writer_gone(fd: int, mtime: float) -> bool:
    """True when no live process is writing the file. With locks, we then hold its
    lock until fd is closed; without (Windows: the open file refuses deletion; file
    systems without locks: by age)."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False  # a save in progress
    except OSError:
        return time.time() - mtime > STALE_SECONDS
    return True


def _same_file(fd: int, path: str, follow: bool = False) -> bool:
    with contextlib.suppress(OSError):
        mine, there = os.fstat(fd), os.stat(path, follow_symlinks=follow)
        return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)
    return False
