"""The window and absurd input: a draft beyond the limits is refused with the loader's
Chinese message (the window once crashed on a year of 99999999999), and the year
field shows any year within model.limits as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui import main_window
from gui.document import DocumentController
from gui.meta_page import MetaPage
from model import limits
from model.report import Report
from tests.gui.shell import make_window

CASES = Path(__file__).resolve().parents[3] / "shared" / "cases" / "hostile"


@pytest.mark.parametrize(
    ("case", "said"),
    [
        ("hostile-D27-year-huge.nianbao", "报告年度「99999999999」"),
        # 「1e999999999」 is no amount at all (read as the form reads a typed amount)
        ("hostile-D20-money-huge-exponent.nianbao", "「1e999999999」不是数字"),
    ],
)
def test_a_draft_beyond_the_limits_is_refused_not_a_crash(qtbot, monkeypatch, case, said):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        main_window, "show_error", lambda _p, title, text: shown.append((title, text))
    )
    window = make_window(qtbot, monkeypatch)
    assert window.open_file(str(CASES / case)) is False
    assert len(shown) == 1 and said in shown[0][1]
    assert not window.has_document


@pytest.mark.parametrize("year", [limits.MIN_YEAR, 2023, limits.MAX_YEAR])
def test_the_year_field_shows_every_year_within_the_limits_as_it_is(qtbot, year):
    controller = DocumentController(Report("2021", year, "某局"))
    page = MetaPage(controller)
    qtbot.addWidget(page)
    assert page.year.value() == year
    assert (page.year.minimum(), page.year.maximum()) == (limits.MIN_YEAR, limits.MAX_YEAR)


def test_the_importers_door_is_the_windows_door(qtbot, monkeypatch, tmp_path):
    """A Word file whose content fails deep inside a library: a Chinese refusal."""
    import zipfile

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        main_window, "show_error", lambda _p, title, text: shown.append((title, text))
    )
    bad = tmp_path / "坏.docx"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("word/document.xml", "<a><b></a>")
    window = make_window(qtbot, monkeypatch)
    window.open_file(str(bad))
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "坏.docx" in shown[0][1] and "损坏" in shown[0][1]
