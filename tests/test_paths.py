"""App folders: NIANBAO_HOME puts everything under one folder; defaults follow
the platform's conventions and are created on demand."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from model import paths


def test_nianbao_home_overrides_every_folder(tmp_path, monkeypatch):
    home = tmp_path / "家"
    monkeypatch.setenv("NIANBAO_HOME", str(home))
    assert paths.app_home() == home
    assert paths.drafts_dir() == home / "drafts"
    assert paths.autosave_dir() == home / "autosave"
    assert paths.settings_dir() == home / "settings"
    assert paths.log_dir() == home / "logs"
    for sub in ("drafts", "autosave", "settings", "logs"):
        assert (home / sub).is_dir()


def test_conftest_points_tests_at_a_temp_home(_isolated_app_home):
    assert paths.app_home() == Path(_isolated_app_home)
    assert paths.drafts_dir().parent == Path(_isolated_app_home)


def test_defaults_use_platformdirs_when_no_override(tmp_path, monkeypatch):
    monkeypatch.delenv("NIANBAO_HOME", raising=False)
    fake = {
        "user_data_dir": tmp_path / "data",
        "user_documents_dir": tmp_path / "docs",
        "user_config_dir": tmp_path / "config",
        "user_log_dir": tmp_path / "log",
    }
    calls: list[tuple[str, tuple]] = []
    for name, target in fake.items():

        def fn(*args, _target=target, _name=name, **kwargs):
            calls.append((_name, args))
            return str(_target)

        monkeypatch.setattr(platformdirs, name, fn)
    assert paths.app_home() == tmp_path / "data"
    assert paths.drafts_dir() == tmp_path / "docs" / "年报草稿"
    assert paths.autosave_dir() == tmp_path / "data" / "autosave"
    assert paths.settings_dir() == tmp_path / "config"
    assert paths.log_dir() == tmp_path / "log"
    assert (tmp_path / "docs" / "年报草稿").is_dir()
    assert ("user_data_dir", ("Nianbao",)) in calls


def test_blank_override_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("NIANBAO_HOME", "  ")
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "d"))
    assert paths.app_home() == tmp_path / "d"
