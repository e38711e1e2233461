"""Shared setup of the window tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_real_file_dialog(monkeypatch):
    """A real file dialog waits for a person: a test that reaches one (because it
    patched the wrong function) would hang the suite. It fails at once instead;
    tests answer through gui.file_dialogs' functions."""
    from PySide6.QtWidgets import QFileDialog

    def refuse(self, *_args, **_kwargs):
        raise AssertionError("a test opened a real file dialog: patch gui.file_dialogs")

    monkeypatch.setattr(QFileDialog, "exec", refuse)
    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *_a, **_k: refuse(None)))
