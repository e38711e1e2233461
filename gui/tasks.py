"""Slow work (exports, imports) off the UI thread, with callbacks on the main thread.

Hand the work a `report.snapshot()`, never the live report: the officer may keep
typing while it runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from typing import Any

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

log = logging.getLogger(__name__)


class _Bridge(QObject):
    # Emitted from the worker thread; the bridge lives in the main thread, so Qt
    # queues the call and the slots run there.
    finished = Signal(object, object)  # (result, exception or None)


def _tell(bridge: _Bridge, result: Any, exc: BaseException | None) -> None:
    try:
        bridge.finished.emit(result, exc)
    except RuntimeError:  # the bridge's owner was deleted: nobody left to tell
        log.info("background task ended after its owner was closed")


class TaskRunner(QObject):
    """Runs callables one at a time in a worker thread; `on_result(result)` or
    `on_error(exc)` is called on the main thread when one ends.

    A plain Python thread, not a QThread or QRunnable: no Qt object's lifetime is
    tied to the worker, so a window closed while a job runs cannot leave Qt with
    a half-destroyed object to call into."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nianbao-task")
        self._bridges: set[_Bridge] = set()
        self._futures: set[Future[None]] = set()

    @property
    def busy(self) -> bool:
        return bool(self._bridges)

    def start(
        self,
        fn: Callable[[], Any],
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        bridge = _Bridge()  # no parent: must stay in the main thread, kept alive here
        self._bridges.add(bridge)

        def done(result: Any, exc: BaseException | None) -> None:
            bridge.deleteLater()
            if not isValid(self):
                return  # the owner (a closed window) is gone: nobody to tell
            self._bridges.discard(bridge)
            if exc is not None:
                log.info("background task failed", exc_info=exc)
                on_error(exc)
            else:
                on_result(result)

        def run() -> None:
            try:
                result = fn()
            except Exception as exc:  # handed to the error callback on the main thread
                _tell(bridge, None, exc)
            else:
                _tell(bridge, result, None)

        bridge.finished.connect(done)
        future = self._executor.submit(run)
        futures = self._futures  # not through self: the owner may be gone when it ends
        futures.add(future)
        future.add_done_callback(futures.discard)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until running jobs end (at exit); their callbacks still need events."""
        _done, pending = wait_for(list(self._futures), timeout=max(msecs, 0) / 1000)
        return not pending
