"""Test setup shared by every test: headless Qt, and app folders in a temp dir."""

from __future__ import annotations

import os

# Before anything imports Qt: no screen is needed, in CI or on a developer's machine.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _isolated_app_home(tmp_path_factory, monkeypatch):
    """Drafts, autosave and settings go to a temp folder, never the user's real ones."""
    home = tmp_path_factory.mktemp("nianbao-home")
    monkeypatch.setenv("NIANBAO_HOME", str(home))
    return home
