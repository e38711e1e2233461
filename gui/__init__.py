"""The desktop window: a thin Qt layer over `model/`."""

from __future__ import annotations

import ctypes
import sys


def _pin_singletons() -> None:
    """Work around reference-counting bugs of PySide6 6.12 on CPython < 3.12.

    Every call of a Qt method that returns nothing (``setText``, ``setEnabled``,
    a delegate's ``paint``…) drops one reference to ``None``, and every
    ``signal.emit(...)`` drops one reference to ``True``. After some thousands of
    calls (a few minutes of work) CPython aborts with "none_dealloc" or
    "bool_dealloc". From 3.12 on these singletons are immortal and nothing needs
    doing; before that, give them so many extra references that they cannot run
    out. Extra references to objects that live as long as the interpreter cost
    nothing.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_pin_singletons()
