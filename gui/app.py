"""Starting the window: the QApplication, Chinese for Qt's own dialogs, error
hooks, and `--screenshot` (render offscreen, write a PNG, exit).

Start-up is kept short (issue 8): what the first frame does not need waits until
that frame is painted: the application icon (loading the SVG icon engine takes
about a tenth of a second) and the check for work left by a crash.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from gui import strings as s

SCREENSHOT_PAGE = "三"  # a table page shows the most of the window
# For the documentation's other pictures: 「基本信息」, 「一」…「六」, 「start」, or
# 「help:usage」, 「help:rules」, 「help:formats」, 「help:keys」 (the help window).
SCREENSHOT_PAGE_ENV = "NIANBAO_SCREENSHOT_PAGE"
SCREENSHOT_SIZE = (1280, 820)
# bench/bench_startup.py: print when the window with its report is shown, then quit
EXIT_WHEN_SHOWN = "NIANBAO_EXIT_WHEN_SHOWN"
SHOWN_MARK = "shown at "
# If the first paint never comes (a minimised start), run the deferred work anyway.
FIRST_FRAME_FALLBACK_MS = 1500


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


def _app_icon() -> object:
    from PySide6.QtGui import QIcon

    from model.sample import resources_dir

    return QIcon(str(resources_dir() / "icons" / "nianbao.svg"))


def set_app_icon(app: object) -> None:
    """The icon of every window and dialog (title bar, task bar)."""
    app.setWindowIcon(_app_icon())  # type: ignore[attr-defined]


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
    if not getattr(app, "_nianbao_font", False):
        from gui.ui_font import apply_ui_font

        apply_ui_font(app)  # before any window: every widget inherits it
        app._nianbao_font = True  # type: ignore[attr-defined]
    return app


def take_screenshot(window: object, file: str | None, out: str) -> int:
    """Open `file` (or the sample report), show a table page with the problems
    panel, and save the window as a PNG."""
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow
    from importers import SUFFIXES, ImportRefused, importer_for
    from model.drafts import DraftError, load_draft
    from model.sample import load_sample

    assert isinstance(window, MainWindow)
    try:
        if file and Path(file).suffix.lower() in SUFFIXES:  # a report file: read it
            importer = importer_for(Path(file))
            assert importer is not None
            report = importer(Path(file)).report
            file = None  # not a draft: shown without a draft's path
        else:
            report = load_draft(file) if file else load_sample()
    except (DraftError, ImportRefused) as exc:
        print(s.SCREENSHOT_FAILED.format(reason=exc), file=sys.stderr)
        return 2
    page = os.environ.get(SCREENSHOT_PAGE_ENV, "").strip() or SCREENSHOT_PAGE
    help_page = page.partition(":")[2] if page.startswith("help") else None
    if page != "start":
        if file:
            window.open_report(report, str(Path(file).resolve()))
        else:
            window.open_sample()  # as 打开示例报告 does: clean, 「示例报告（未修改）」
        window.select_page(SCREENSHOT_PAGE if help_page is not None else page)
        window.problems.show()
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    shown: object = window
    if help_page is not None:  # 「help:rules」: the help window on that page
        window.show_help(help_page or "usage")
        shown = window._help
    for _ in range(5):  # layouts and the first paint settle over a few event rounds
        QApplication.processEvents()
    ok = shown.grab().save(out, "PNG")  # type: ignore[attr-defined]
    window.autosaver.close()
    if not ok:
        print(s.SCREENSHOT_FAILED.format(reason=out), file=sys.stderr)
        return 3
    return 0


def run(file: str | None = None, screenshot: str | None = None) -> int:
    """`main.py [FILE]` and `main.py --screenshot OUT.png [FILE]`."""
    # Start-up allocates a great many long-lived objects (Qt types and enums, the
    # format specs, widgets) and no garbage worth collecting: the cyclic collector
    # would only walk them again and again. It resumes after the first frame.
    gc.disable()
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gui import errors

    errors.setup_logging()  # first, so start-up decisions (input method) are logged
    app = create_app()

    from gui.main_window import MainWindow, start_recovery_check

    errors.install()
    window = MainWindow(with_start_page=not file or bool(screenshot))
    if screenshot:
        gc.enable()
        return take_screenshot(window, file, screenshot)
    window.show()
    if file:
        window.open_file(file)  # shows the start page itself if the file cannot be opened

    def after_first_frame() -> None:
        # What start-up made lives as long as the window: move it out of the
        # collector's sight instead of walking it all once more. (Start-up leaves
        # a few hundred objects of cyclic garbage; they stay, a few KB.)
        gc.freeze()
        gc.enable()
        if os.environ.get(EXIT_WHEN_SHOWN) == "1":
            # The moment the window stood painted, on the clock the benchmark shares.
            print(f"{SHOWN_MARK}{time.monotonic():.6f}", flush=True)
            app.quit()  # type: ignore[attr-defined]
            return
        set_app_icon(app)
        start_recovery_check(window)

    when_first_painted(window, after_first_frame)
    return int(app.exec())  # type: ignore[attr-defined]


def when_first_painted(window: object, then: Callable[[], None]) -> None:
    """Call `then` once, right after the page on screen (the report's page, or the
    start page) has been painted for the first time (or after FIRST_FRAME_FALLBACK_MS
    if it never is). The probe is the window's child ``firstPaintProbe``; its
    ``painted`` attribute tells whether a paint, not the fallback, triggered it."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    page = window.central.currentWidget()
    if page is window.splitter:
        page = window.page_stack.currentWidget() or window

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__(window)
            self.setObjectName("firstPaintProbe")
            self.painted = False
            self.done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.painted:
                self.painted = True
                # The rest of this frame is painted before the timer fires.
                QTimer.singleShot(0, self.fire)
            return False

        def fire(self) -> None:
            if self.done:
                return
            self.done = True
            page.removeEventFilter(self)
            then()

    probe = FirstPaint()
    # On the page itself, not the application: no Python call for every event of
    # every widget while the first frame is laid out and painted.
    page.installEventFilter(probe)
    QTimer.singleShot(FIRST_FRAME_FALLBACK_MS, probe.fire)
