"""The program's log file, shared by the window and the command line.

Unexpected errors are written here with their traceback (never shown raw to the
officer); the window and the command line say in Chinese where the file is.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from model.paths import log_dir

LOG_FILE = "nianbao.log"
log = logging.getLogger("nianbao")


def log_path() -> Path:
    """Where the log is written (the folder is made on demand)."""
    return log_dir() / LOG_FILE


def setup_logging() -> Path:
    """Log records of the "nianbao" loggers to the log file, opened on the first
    record (a run without anything to log leaves no file). Returns its path. Safe
    to call again: a handler for the same file is kept, one for an old folder
    (tests move it) is replaced."""
    path = log_path()
    for old in [h for h in log.handlers if isinstance(h, logging.FileHandler)]:
        if old.baseFilename == str(path.resolve()):
            return path
        log.removeHandler(old)
        old.close()
    handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False  # never to the console's last-resort handler
    # Libraries' warnings (openpyxl on an odd formatting rule) go to the log too,
    # not to the console as English lines.
    logging.captureWarnings(True)
    warnings_log = logging.getLogger("py.warnings")
    for old in [h for h in warnings_log.handlers if isinstance(h, logging.FileHandler)]:
        warnings_log.removeHandler(old)
    warnings_log.addHandler(handler)
    warnings_log.propagate = False
    return path


def log_unraisable(unraisable: Any) -> None:
    """`sys.unraisablehook`: an error in a finaliser (a half-written zip closing on
    a full disk) goes to the log, not to the console."""
    log.warning(
        "ignored error in %r",
        unraisable.object,
        exc_info=(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback),
    )


def install_unraisable_hook() -> None:
    sys.unraisablehook = log_unraisable
