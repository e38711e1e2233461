"""The desktop window: a thin Qt layer over `model/`."""

from __future__ import annotations

import ctypes
import sys


def _pin_bool_singletons() -> None:
    """Work around a reference-counting bug of PySide6 6.12 on CPython < 3.12.

    ``SignalInstance.emit()`` returns ``True`` without owning a reference, so every
    ``signal.emit(...)`` made from Python permanently drops one reference to
    ``True``. After a few thousand emits (a few hundred cell edits) CPython
    aborts with "bool_dealloc: deallocating True or False". From 3.12 on, True and
    False are immortal and nothing needs doing; before that, give both singletons
    so many extra references that they cannot run out. Extra references to a
    singleton that lives as long as the interpreter cost nothing.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (True, False):
        # ob_refcnt is the first field of every CPython object
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_pin_bool_singletons()
