"""Slow work (exports, imports) off the UI thread, with callbacks on the main thread.

Hand the work a `report.snapshot()`, never the live report: the officer may keep
typing while it runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

log = logging.getLogger(__name__)


class _Bridge(QObject):
    # Emitted from the worker thread; the bridge lives in the main thread, so Qt
    # queues the call and the slots run there.
    finished = Signal(object, object)  # (result, exception or None)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], bridge: _Bridge) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._bridge = bridge

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to the error callback on the main thread
            self._bridge.finished.emit(None, exc)
        else:
            self._bridge.finished.emit(result, None)


class TaskRunner(QObject):
    """Runs callables in a thread pool; `on_result(result)` or `on_error(exc)` is
    called on the main thread when one ends."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one export at a time; files are not shared
        self._bridges: set[_Bridge] = set()

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

        bridge.finished.connect(done)
        self._pool.start(_Job(fn, bridge))

    def wait(self, msecs: int = 30000) -> bool:
        """Block until running jobs end (at exit); their callbacks still need events."""
        return self._pool.waitForDone(msecs)
