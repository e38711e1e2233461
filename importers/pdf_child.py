"""Reading a file in a child process that cannot outlive its time or memory.

pdfminer (and LibreOffice, see importers/doc.py) can be driven into unbounded
work by a hostile file: a content stream that inflates to gigabytes, a character
map that expands to millions of entries, a form drawn 10^11 times. Our own
bounds (model.limits) stop the kinds we know; this is the bound for the rest.
`run_in_child` runs a module-level function in a fresh process (multiprocessing,
"spawn": nothing of the caller's state, threads or Qt is inherited) and

- limits its address space to MAX_IMPORT_MEMORY (``resource.setrlimit`` on Linux
  and other Unixes that enforce it; not on Windows, where only time is bounded);
- ends it once MAX_IMPORT_SECONDS have passed (from the caller's start);
- gives the child the caller's model.limits (tests and callers may change them);
- collects what the libraries log, and hands it to the log of the program
  (logger ``nianbao``) at INFO level: nothing reaches the officer's console.

The function's result (picklable) is returned; an ImportRefused it raises is
raised again here; running out of time or memory, or a child that dies, is an
ImportRefused with the caller's message. Never a traceback.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from importers import ImportRefused
from model import limits

log = logging.getLogger("nianbao.importers")
_GRACE_SECONDS = 0.5  # beyond the limit, for the child to say so itself
_LOG_RECORDS = 50  # library messages handed back per file


@dataclass(frozen=True)
class ChildMessages:
    """The Chinese refusals for a child that ran out of time or memory, or died."""

    too_slow: str
    too_much_memory: str
    failed: str


def run_in_child(module: str, function: str, args: tuple, messages: ChildMessages):
    """`module.function(*args)` in a bounded child process (see the module's
    docstring). Raises ImportRefused."""
    started = time.monotonic()
    deadline = time.time() + limits.MAX_IMPORT_SECONDS
    values = {k: v for k, v in vars(limits).items() if k.isupper()}
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_child_main,
        args=(sender, module, function, args, values, deadline),
        daemon=True,
    )
    try:
        process.start()
    except OSError as exc:
        raise ImportRefused(messages.failed) from exc
    sender.close()
    try:
        left = limits.MAX_IMPORT_SECONDS + _GRACE_SECONDS - (time.monotonic() - started)
        if not receiver.poll(max(left, 0)):
            raise ImportRefused(messages.too_slow)
        try:
            kind, payload, records = receiver.recv()
        except (EOFError, OSError) as exc:
            process.join(1)
            raise ImportRefused(messages.failed) from exc
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
    for record in records:
        log.info("%s", record)
    if kind == "ok":
        return payload
    if kind == "refused":
        raise ImportRefused(payload)
    if kind == "memory":
        raise ImportRefused(messages.too_much_memory)
    log.info("reading in a child process failed: %s", payload)
    raise ImportRefused(messages.failed)


def _child_main(sender, module: str, function: str, args: tuple, values: dict, deadline: float):
    """The child's entry point: bound itself, run the function, send the outcome."""
    records: list[str] = []
    _limit_memory(values.get("MAX_IMPORT_MEMORY", limits.MAX_IMPORT_MEMORY))
    for key, value in values.items():
        setattr(limits, key, value)
    _collect_logs(records)
    import importlib
    import warnings

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            target: Callable = getattr(importlib.import_module(module), function)
            result = target(*args, deadline=deadline)
        records.extend(str(w.message) for w in caught[:_LOG_RECORDS])
        outcome = ("ok", result, records[:_LOG_RECORDS])
    except ImportRefused as exc:
        outcome = ("refused", str(exc), records[:_LOG_RECORDS])
    except MemoryError:
        outcome = ("memory", "", [])
    except BaseException as exc:  # reported as a failed read, never as a traceback
        outcome = ("error", f"{type(exc).__name__}: {exc}"[:500], records[:_LOG_RECORDS])
    try:
        sender.send(outcome)
    except MemoryError:
        sender.send(("memory", "", []))
    except Exception as exc:  # the result could not be sent (pickling)
        sender.send(("error", f"{type(exc).__name__}: {exc}"[:500], []))
    finally:
        sender.close()


def _limit_memory(max_bytes: int) -> None:
    """Limit this process's address space, where the system enforces it."""
    if os.name != "posix":
        return
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))
    except (ImportError, ValueError, OSError):  # macOS may refuse; time still bounds it
        pass


def _collect_logs(records: list[str]) -> None:
    """Library messages (pdfminer's warnings about odd files) are collected for
    the program's log, never printed."""

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if len(records) < _LOG_RECORDS:
                with contextlib.suppress(Exception):  # a message that cannot be formatted
                    records.append(f"{record.name}: {record.getMessage()}"[:300])

    root = logging.getLogger()
    root.handlers[:] = [_Collect(logging.INFO)]
    root.setLevel(logging.INFO)
