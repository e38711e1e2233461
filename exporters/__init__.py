"""Writers of the report's output files (Word, Excel). Pure Python, never Qt.

Every exporter checks the report with `check_exportable` (the limits a draft
keeps to) and writes through `atomic_output`, so a failed export never leaves a
half-written file behind, and reports failures as `ExportError` with a Chinese
message the command line and the window show as is, and nothing after it.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from model.report import Report

log = logging.getLogger("nianbao.exporters")

WRITE_FAILED = "无法写入文件「{path}」：{reason}"
FOLDER_MISSING = "文件夹「{folder}」不存在"
FILE_LOCKED = "文件可能正被 Word、WPS 或 Excel 打开，请关闭后重试"
NO_PERMISSION = "没有写入权限"
DISK_FULL = "磁盘空间不足"
IS_FOLDER = "已有同名的文件夹"
NAME_TOO_LONG = "文件名太长"
READ_ONLY = "磁盘是只读的"
OTHER_OS_ERROR = "系统错误（{detail}）"
OUT_OF_LIMITS = "报告中有超出限制的内容，无法导出：{reason}"


class ExportError(Exception):
    """An output file could not be written; str() is a Chinese message."""


def check_exportable(report: Report) -> None:
    """Raise ExportError (Chinese, naming the field) for a report outside
    model.limits: the same test a draft passes to be saved and opened again
    (`model.drafts.check_within_limits`). Writers may then rely on every value,
    text and name being within the limits."""
    from model.drafts import check_within_limits
    from model.values import InvalidValue

    try:
        check_within_limits(report)
    except InvalidValue as exc:
        raise ExportError(OUT_OF_LIMITS.format(reason=exc)) from None


def _reason(exc: OSError) -> str:
    """A Chinese reason for the common failures; the system's own text otherwise."""
    import errno

    if isinstance(exc, IsADirectoryError):
        return IS_FOLDER
    if isinstance(exc, PermissionError):
        return FILE_LOCKED if os.name == "nt" else NO_PERMISSION
    known = {
        errno.ENOSPC: DISK_FULL,
        getattr(errno, "EDQUOT", errno.ENOSPC): DISK_FULL,  # not on every platform
        errno.ENAMETOOLONG: NAME_TOO_LONG,
        errno.EROFS: READ_ONLY,
    }
    if exc.errno in known:
        return known[exc.errno]
    return OTHER_OS_ERROR.format(detail=exc.strerror or exc)


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it; put it straight back
    os.umask(mask)
    return mask


# Read once at import (on the main thread): the umask is process-wide, and exports
# run in a worker thread.
_NEW_FILE_MODE = 0o666 & ~_umask()


_TEMP = ".tmp"  # the temp file is ``.<name>.XXXXXXXX.tmp`` beside the output


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temp path in the target's folder; on success it replaces `path`.

    Whatever goes wrong, the temp file is removed and an existing `path` is left
    untouched. OSErrors become ExportError with a Chinese reason. The temp file is
    locked while the export runs, so that temp files of exports killed before
    they finished are recognised and removed by the next export to the same path
    (model.temp_files); nothing else in the folder is touched.
    """
    from model.temp_files import make_locked_temp, sweep

    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(
            WRITE_FAILED.format(path=target, reason=FOLDER_MISSING.format(folder=folder))
        )
    sweep(folder, target.name, (_TEMP,))
    try:
        fd, tmp_name = make_locked_temp(folder, target.name, _TEMP)
    except OSError as exc:
        raise ExportError(WRITE_FAILED.format(path=target, reason=_reason(exc))) from exc
    tmp = Path(tmp_name)
    try:
        yield tmp  # the writer opens it by name; fd keeps the lock meanwhile
        # mkstemp makes the file private (0600); give it the mode a new file would get
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else _NEW_FILE_MODE)
        with open(tmp, "rb+") as fh:  # the bytes must be on disk before the rename
            os.fsync(fh.fileno())
        if os.name == "nt":  # Windows renames only closed files
            os.close(fd)
            fd = -1
        os.replace(tmp, target)
    except OSError as exc:
        _close_abandoned(exc)
        raise ExportError(WRITE_FAILED.format(path=target, reason=_reason(exc))) from exc
    finally:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            tmp.unlink()


def _close_abandoned(exc: BaseException) -> None:
    """A writer that failed mid-file (a full disk) leaves its zip open in the frames
    of the traceback. Closed later by the garbage collector, the zip would try to
    write its directory, fail again, and Python would print that as a traceback
    after our message. Close it now instead: clear those frames' locals, with the
    finaliser's failure going to the log. Also frees the temp file for deletion
    on Windows."""
    hook = sys.unraisablehook
    sys.unraisablehook = _log_unraisable
    try:
        traceback.clear_frames(exc.__traceback__)
        gc.collect()  # objects in reference cycles
    finally:
        sys.unraisablehook = hook


def _log_unraisable(unraisable: Any) -> None:
    log.info("closing an abandoned output failed: %s", unraisable.exc_value)
