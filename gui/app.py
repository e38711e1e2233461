"""Starting the window: the QApplication, Chinese for Qt's own dialogs, error
hooks, and `--screenshot` (render offscreen, write a PNG, exit)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from gui import strings as s

SCREENSHOT_PAGE = "三"  # a table page shows the most of the window
# For the documentation's other pictures: 「基本信息」, 「一」…「六」, or 「start」.
SCREENSHOT_PAGE_ENV = "NIANBAO_SCREENSHOT_PAGE"
SCREENSHOT_SIZE = (1280, 820)


def _translations_loaded(app: object) -> list[object]:
    """Install Qt's own zh_CN catalogues (buttons 「确定」「取消」, file dialogs…)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    kept = []
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)  # type: ignore[arg-type]
        if translator.load(name, folder):
            app.installTranslator(translator)  # type: ignore[attr-defined]
            kept.append(translator)
    return kept


def create_app() -> object:
    """The QApplication, made once per process (tests may have made it already)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        from gui.ime import apply_input_method_fallback

        apply_input_method_fallback()  # Chinese typing on fcitx desktops (UOS, Kylin)
        # 150 % stays 150 % instead of being rounded to 200 %.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv[:1])
    app.setApplicationName(s.APP_NAME)
    app.setApplicationDisplayName(s.APP_NAME)
    app.setOrganizationName(s.ORG_NAME)
    if not getattr(app, "_nianbao_translators", None):
        app._nianbao_translators = _translations_loaded(app)  # type: ignore[attr-defined]
    return app


def take_screenshot(window: object, file: str | None, out: str) -> int:
    """Open `file` (or the sample report), show a table page with the problems
    panel, and save the window as a PNG."""
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow
    from model.drafts import DraftError, load_draft
    from model.sample import load_sample

    assert isinstance(window, MainWindow)
    try:
        report = load_draft(file) if file else load_sample()
    except DraftError as exc:
        print(s.SCREENSHOT_FAILED.format(reason=exc), file=sys.stderr)
        return 2
    page = os.environ.get(SCREENSHOT_PAGE_ENV, "").strip() or SCREENSHOT_PAGE
    if page != "start":
        window.open_report(report, str(Path(file).resolve()) if file else None)
        window.select_page(page)
        window.problems.show()
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    for _ in range(5):  # layouts and the first paint settle over a few event rounds
        QApplication.processEvents()
    ok = window.grab().save(out, "PNG")
    window.autosaver.close()
    if not ok:
        print(s.SCREENSHOT_FAILED.format(reason=out), file=sys.stderr)
        return 3
    return 0


def run(file: str | None = None, screenshot: str | None = None) -> int:
    """`main.py [FILE]` and `main.py --screenshot OUT.png [FILE]`."""
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_app()

    from gui import errors
    from gui.main_window import MainWindow, start_recovery_check

    errors.install()
    window = MainWindow()
    if screenshot:
        return take_screenshot(window, file, screenshot)
    window.show()
    if file:
        window.open_file(file)
    start_recovery_check(window)
    return int(app.exec())  # type: ignore[attr-defined]
