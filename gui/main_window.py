"""The main window: navigator, pages, problems dock, menus, files and exports.

The window owns one DocumentController for its whole life; opening a report
hands the controller another Report. Every action that reads the report (save,
export, close, open, new, a page switch, a jump from the problems list, undo and
redo, compare, roll-up, 补零) first has the controller commit what is being typed
(`reads_report`); a refused text stops it, shown where it was typed.

Pages are built from the report's format spec, each the first time it is shown
(so the window appears without building six pages nobody looks at yet), and
rebuilt only when the format changes.
Dialogs, exporters and importers are imported where they are used.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolBar,
    QWidget,
)

from gui import settings as cfg
from gui import strings as s
from gui.autosave import AUTOSAVE_CEILING_MS, AUTOSAVE_PAUSE_MS, Autosaver, Orphan, find_orphans
from gui.document import DocumentController, PendingEdit, Refusal
from gui.errors import show_error
from gui.meta_page import MetaPage
from gui.navigator import META, Navigator
from gui.problems import ProblemsDock, summary_text
from gui.shortcuts import REDO_KEYS, WindowShortcuts
from gui.start_page import StartPage
from gui.tasks import TaskRunner
from model.issues import Validation
from model.report import Change, Report
from model.rules import section_of
from model.spec import FormatSpec

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1280, 820)
SCREEN_SHARE = 0.92  # of the screen's free area, for the first window on a small screen
NAV_WIDTH = 300  # the navigator beside the pages on a wide screen
NAV_WIDTH_SMALL = 200  # at most this on a screen narrower than NAV_WIDE_FROM
NAV_WIDE_FROM = 1200  # window width (px) from which the navigator takes NAV_WIDTH
NAV_MIN_WIDTH = 150
PROBLEMS_HEIGHT = 120  # about five issues: table 三 keeps most of a 1366×768 screen
ZOOM_STEP = 10  # percent per Ctrl+= / Ctrl+-
ZOOM_RANGE = (60, 200)


def reads_report(method: Callable[..., Any]) -> Callable[..., Any]:
    """For a window action that reads the report: the open editor commits first; if
    its text is refused the action does not run (returns False) and the refusal
    is shown where the text was typed."""

    @functools.wraps(method)
    def wrapper(self: MainWindow, *args: Any, **kwargs: Any) -> Any:
        if not self.commit_edits():
            return False
        return method(self, *args, **kwargs)

    return wrapper


class Pages(Mapping[str, QWidget]):
    """The pages of one format by navigator key (「基本信息」, 一…六); each page is
    built the first time it is looked up, so opening a report builds only the
    page on screen."""

    def __init__(self, keys: tuple[str, ...] = (), build: Callable[[str], QWidget] | None = None):
        self._keys = keys
        self._build = build
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is None:
            if key not in self._keys or self._build is None:
                raise KeyError(key)
            page = self._built[key] = self._build(key)
        return page

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def built(self) -> list[QWidget]:
        """The pages made so far (a page not yet shown does not exist)."""
        return list(self._built.values())

    def built_keys(self) -> list[str]:
        return list(self._built)


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: cfg.Settings | None = None,
        autosave_delay_ms: int = AUTOSAVE_PAUSE_MS,
        with_start_page: bool = True,
        autosave_ceiling_ms: int = AUTOSAVE_CEILING_MS,
    ) -> None:
        """`with_start_page=False`: the caller opens a file next (`main.py FILE`), so
        the start page is not built unless that fails (start-up time, issue 8)."""
        super().__init__()
        self.settings = settings or cfg.Settings()
        self.controller = DocumentController(parent=self)
        self.has_document = False
        self._disk_stamp: tuple[int, int] | None = None  # the draft file as opened or saved
        self.tasks = TaskRunner(self)
        self.autosaver = Autosaver(
            self._unsaved_copy,
            lambda: self.controller.path,
            self,
            autosave_delay_ms,
            ceiling_ms=autosave_ceiling_ms,
            get_pending=self._pending_edits,
        )
        self._shown_key: str | None = None  # the page on screen
        self._refusal_shown = ""  # the refusal the status bar says, until it is resolved
        self._recorded: list[Change] | None = None  # changes made by an undo or redo
        self._autosaved_at: dt.datetime | None = None
        self._fonts_checked = False
        self._opened_sample = False  # the built-in sample, unchanged since it opened
        self._built_spec: str | None = None
        self.pages = Pages()

        # ---- central: start page (built when first shown), or navigator + pages ----
        self._start_page: StartPage | None = None
        self.navigator = Navigator()
        self.navigator.setMinimumWidth(NAV_MIN_WIDTH)
        self.page_stack = QStackedWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.page_stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([NAV_WIDTH, DEFAULT_SIZE[0] - NAV_WIDTH])
        self.splitter.setChildrenCollapsible(False)
        self.central = QStackedWidget()
        self.central.addWidget(self.splitter)
        self.setCentralWidget(self.central)

        self.problems = self._build_problems_dock()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.shortcuts = WindowShortcuts(self, lambda: (a for _m, a in self.menu_actions()))
        self._zoom = self._clamped_zoom(self.settings.get(cfg.ZOOM))
        self._print_folder: str | None = None
        self._help: Any = None  # the help window, made when first asked for

        # ---- signals ----
        c = self.controller
        c.reportReplaced.connect(self._on_replaced)
        c.reportChanged.connect(self._on_changed)
        c.validationChanged.connect(self._on_validation)
        c.cleanChanged.connect(self._on_clean)
        c.previousDetached.connect(lambda text: self.statusBar().showMessage(text, 15000))
        c.commitRefused.connect(self._show_refusal)
        c.pendingChanged.connect(self._on_pending_changed)
        c.refusalCleared.connect(self._clear_refusal)
        self.autosaver.saved.connect(self._on_autosaved)
        self.autosaver.failed.connect(self._on_autosave_failed)
        self.navigator.pageSelected.connect(self._on_page_selected)
        # a page picked with the mouse or Enter takes the keys, as Excel's sheet tabs do
        self.navigator.itemClicked.connect(self._focus_page)
        self.navigator.itemActivated.connect(self._focus_page)

        self._restore_geometry()
        if with_start_page:
            self.show_start()
        else:
            self._set_no_document()

    # ---- building ---------------------------------------------------------------------------
    @property
    def start_page(self) -> StartPage:
        if self._start_page is None:
            page = self._start_page = StartPage()
            page.newRequested.connect(self.new_report)
            page.openRequested.connect(lambda: self.open_file())
            page.sampleRequested.connect(self.open_sample)
            page.recentActivated.connect(self.open_file)
            self.central.insertWidget(0, page)
        return self._start_page

    def _build_problems_dock(self) -> ProblemsDock:
        dock = ProblemsDock(self.controller, self)
        dock.issueActivated.connect(self.go_to)
        dock.collapsedChanged.connect(self._on_problems_collapsed)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.resizeDocks([dock], [PROBLEMS_HEIGHT], Qt.Orientation.Vertical)
        return dock

    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: QStyle.StandardPixmap | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        P = QStyle.StandardPixmap
        self.act_new = self._action(s.ACT_NEW, self.new_report, K.New, P.SP_FileIcon)
        self.act_open = self._action(
            s.ACT_OPEN, lambda: self.open_file(), K.Open, P.SP_DialogOpenButton
        )
        self.act_save = self._action(s.ACT_SAVE, self.save, K.Save, P.SP_DialogSaveButton)
        # the same keys on Windows and on UOS/Kylin (the platforms' own lists differ)
        self.act_save_as = self._action(s.ACT_SAVE_AS, self.save_as, "Ctrl+Shift+S")
        self.act_export_docx = self._action(
            s.ACT_EXPORT_DOCX, lambda: self.export("docx"), "Ctrl+E", P.SP_FileDialogDetailedView
        )
        self.act_export_pdf = self._action(s.ACT_EXPORT_PDF, lambda: self.export("pdf"))
        self.act_export_xlsx = self._action(
            s.ACT_EXPORT_XLSX, lambda: self.export("xlsx"), "Ctrl+Shift+E", P.SP_FileDialogListView
        )
        self.act_export_html = self._action(s.ACT_EXPORT_HTML, lambda: self.export("html"))
        self.act_import_docx = self._action(s.ACT_IMPORT_DOCX, lambda: self.import_file("docx"))
        self.act_import_xlsx = self._action(s.ACT_IMPORT_XLSX, lambda: self.import_file("xlsx"))
        self.act_load_previous = self._action(s.ACT_LOAD_PREVIOUS, self.load_previous)
        self.act_compare = self._action(s.ACT_COMPARE, self.compare_with_previous)
        self.act_aggregate = self._action(s.ACT_AGGREGATE, self.aggregate)
        self.act_print = self._action(s.ACT_PRINT, self.print_report, K.Print, tip=s.TIP_PRINT)
        self.act_close = self._action(s.ACT_CLOSE, self.close_report, tip=s.TIP_CLOSE)
        self.act_close.setShortcuts([QKeySequence("Ctrl+W"), QKeySequence("Ctrl+F4")])
        self.act_quit = self._action(s.ACT_QUIT, self.close, "Ctrl+Q")

        # Undo and redo read the report too: their own actions, following the stack
        stack = self.controller.undo_stack
        self.act_undo = self._action(s.UNDO_PREFIX, self.undo, K.Undo, P.SP_ArrowBack)
        self.act_redo = self._action(s.REDO_PREFIX, self.redo, None, P.SP_ArrowForward)
        self.act_redo.setShortcuts([QKeySequence(k) for k in REDO_KEYS])
        for action, prefix, can, text in (
            (self.act_undo, s.UNDO_PREFIX, stack.canUndoChanged, stack.undoTextChanged),
            (self.act_redo, s.REDO_PREFIX, stack.canRedoChanged, stack.redoTextChanged),
        ):
            action.setEnabled(False)
            can.connect(action.setEnabled)
            text.connect(lambda t, a=action, p=prefix: a.setText(f"{p}{t}" if t else p))
        self.act_zero_table = self._action(
            s.ACT_ZERO_TABLE, self.fill_zero_table, tip=s.TIP_ZERO_TABLE
        )
        self.act_zero_all = self._action(s.ACT_ZERO_ALL, self.fill_zero_all, tip=s.TIP_ZERO_ALL)
        self.act_about = self._action(s.ACT_ABOUT, self.about)
        self.act_help_usage = self._action(s.ACT_HELP_USAGE, lambda: self.show_help("usage"), "F1")
        self.act_help_rules = self._action(s.ACT_HELP_RULES, lambda: self.show_help("rules"))
        self.act_help_formats = self._action(s.ACT_HELP_FORMATS, lambda: self.show_help("formats"))
        self.act_help_keys = self._action(s.ACT_HELP_KEYS, lambda: self.show_help("keys"))
        self.act_zoom_in = self._action(s.ACT_ZOOM_IN, lambda: self.step_zoom(1))
        self.act_zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.act_zoom_out = self._action(s.ACT_ZOOM_OUT, lambda: self.step_zoom(-1), "Ctrl+-")
        self.act_zoom_reset = self._action(s.ACT_ZOOM_RESET, lambda: self.set_zoom(100), "Ctrl+0")
        self.act_collapse_problems = self._action(
            s.ACT_COLLAPSE_PROBLEMS,
            lambda: self.problems.set_collapsed(self.act_collapse_problems.isChecked()),
        )
        self.act_collapse_problems.setCheckable(True)
        self.act_next_page = self._action(s.ACT_NEXT_PAGE, lambda: self.step_page(1), "Ctrl+PgDown")
        self.act_previous_page = self._action(
            s.ACT_PREVIOUS_PAGE, lambda: self.step_page(-1), "Ctrl+PgUp"
        )
        self.document_actions = (
            self.act_save,
            self.act_save_as,
            self.act_export_docx,
            self.act_export_pdf,
            self.act_export_xlsx,
            self.act_export_html,
            self.act_print,
            self.act_close,
            self.act_load_previous,
            self.act_compare,
            self.act_zero_table,
            self.act_zero_all,
            self.act_next_page,
            self.act_previous_page,
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(s.MENU_FILE)
        file.addAction(self.act_new)
        file.addAction(self.act_open)
        self.recent_menu = file.addMenu(s.MENU_RECENT)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file.addSeparator()
        file.addAction(self.act_save)
        file.addAction(self.act_save_as)
        file.addSeparator()
        file.addAction(self.act_export_docx)
        file.addAction(self.act_export_pdf)
        file.addAction(self.act_export_xlsx)
        file.addAction(self.act_export_html)
        file.addAction(self.act_print)
        file.addSeparator()
        file.addAction(self.act_import_docx)
        file.addAction(self.act_import_xlsx)
        file.addSeparator()
        file.addAction(self.act_load_previous)
        file.addAction(self.act_compare)
        file.addAction(self.act_aggregate)
        file.addSeparator()
        file.addAction(self.act_close)
        file.addAction(self.act_quit)

        edit = bar.addMenu(s.MENU_EDIT)
        edit.addAction(self.act_undo)
        edit.addAction(self.act_redo)
        edit.addSeparator()
        edit.addAction(self.act_zero_table)
        edit.addAction(self.act_zero_all)

        view = bar.addMenu(s.MENU_VIEW)
        view.addAction(self.act_previous_page)
        view.addAction(self.act_next_page)
        view.addSeparator()
        view.addAction(self.act_zoom_in)
        view.addAction(self.act_zoom_out)
        view.addAction(self.act_zoom_reset)
        view.addSeparator()
        toggle = self.problems.toggleViewAction()
        toggle.setText(s.ACT_PROBLEMS)
        toggle.setShortcut(QKeySequence("F8"))
        view.addAction(toggle)
        view.addAction(self.act_collapse_problems)

        help_menu = bar.addMenu(s.MENU_HELP)
        help_menu.addAction(self.act_help_usage)
        help_menu.addAction(self.act_help_rules)
        help_menu.addAction(self.act_help_formats)
        help_menu.addAction(self.act_help_keys)
        help_menu.addSeparator()
        help_menu.addAction(self.act_about)

    def menu_actions(self) -> list[tuple[str, QAction]]:
        """Every action of the menus with its menu's title (「文件」), in menu order:
        what the keyboard help lists and whose keys win over editors' own."""
        out: list[tuple[str, QAction]] = []

        def walk(title: str, actions: list[QAction]) -> None:
            for action in actions:
                menu = action.menu()
                if menu is not None:
                    walk(title, menu.actions())
                elif not action.isSeparator():
                    out.append((title, action))

        for top in self.menuBar().actions():
            menu = top.menu()
            if menu is not None:
                walk(plain_text(top.text()), menu.actions())
        return out

    def _build_toolbar(self) -> None:
        bar = QToolBar(s.TOOLBAR, self)
        bar.setObjectName("toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(20, 20))  # a slimmer bar leaves table 三 more rows
        for action, text in (
            (self.act_new, s.TB_NEW),
            (self.act_open, s.TB_OPEN),
            (self.act_save, s.TB_SAVE),
            (None, ""),
            (self.act_undo, s.TB_UNDO),
            (self.act_redo, s.TB_REDO),
            (None, ""),
            (self.act_export_docx, s.TB_EXPORT_DOCX),
            (self.act_export_xlsx, s.TB_EXPORT_XLSX),
        ):
            if action is None:
                bar.addSeparator()
                continue
            action.setIconText(text)  # short labels; the menus keep the full ones
            bar.addAction(action)
        self.addToolBar(bar)
        self.toolbar = bar

    def _build_status_bar(self) -> None:
        self.issues_label = QLabel()
        self.save_label = QLabel()
        for label in (self.issues_label, self.save_label):
            label.setContentsMargins(8, 0, 8, 0)
        bar = self.statusBar()
        bar.addPermanentWidget(self.issues_label)
        bar.addPermanentWidget(self.save_label)

    # ---- pages -------------------------------------------------------------------------------
    def _build_pages(self) -> None:
        """One page per navigator entry, for the current report's format; each is
        made when first shown (see `Pages`)."""
        current = self.navigator.current_key() or META
        for page in self.pages.built():
            self.page_stack.removeWidget(page)
            page.deleteLater()
        spec = self.controller.report.spec
        keys = (META, *(section.id for section in spec.sections))
        self.pages = Pages(keys, lambda key: self._make_page(spec, key))
        self._built_spec = spec.id
        self.navigator.blockSignals(True)
        self.navigator.set_spec(spec)
        self.navigator.blockSignals(False)
        self.navigator.update_badges(self.controller.validation)
        self.select_page(current if current in self.pages else META)

    def _make_page(self, spec: FormatSpec, key: str) -> QWidget:
        page: QWidget
        if key == META:
            page = MetaPage(self.controller)
            page.loadPreviousRequested.connect(self.load_previous)
        else:
            section = spec.section_by_id[key]
            if section.table:
                from gui.table_page import TablePage

                page = TablePage(self.controller, spec.table_by_id[section.table])
            else:
                from gui.text_page import TextPage

                page = TextPage(self.controller, section)
        self.page_stack.addWidget(page)
        if hasattr(page, "set_zoom"):
            page.set_zoom(self._zoom)
        return page

    @property
    def meta_page(self) -> MetaPage:
        page = self.pages[META]
        assert isinstance(page, MetaPage)
        return page

    def _is_table_page(self, key: str | None) -> bool:
        """Whether `key` names a page of the open format that shows a table."""
        if not self.has_document or key not in self.pages:
            return False
        section = self.controller.report.spec.section_by_id.get(key or "")
        return section is not None and section.table is not None

    def select_page(self, key: str) -> None:
        self.navigator.blockSignals(True)
        self.navigator.select(key)
        self.navigator.blockSignals(False)
        self._show_page(key)

    def step_page(self, step: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: the next or previous entry of the navigator."""
        row = self.navigator.currentRow() + step
        if 0 <= row < self.navigator.count():
            self.navigator.setCurrentRow(row)
            self._focus_page()

    def _focus_page(self, *_item: object) -> None:
        """The page on screen takes the keyboard: a table on its current cell, a
        text page in its editor (typing after a page switch goes somewhere)."""
        page = self.pages.get(self._shown_key or "") if self.has_document else None
        if page is None or page is not self.page_stack.currentWidget():
            return
        if hasattr(page, "take_focus"):
            page.take_focus()
        elif hasattr(page, "focus_editor"):
            page.focus_editor()

    def _on_page_selected(self, key: str) -> None:
        """The navigator moved: leave the page only once its editor has committed."""
        if key != self._shown_key and not self.commit_edits():
            shown = self._shown_key
            if shown is not None:  # back to the refusing page, highlight included:
                self._mark_in_navigator(shown)
                # a click selects its item after this returns: undo that too
                QTimer.singleShot(0, self, lambda: self._mark_in_navigator(shown))
            return
        self._show_page(key)

    def _mark_in_navigator(self, key: str) -> None:
        """Make `key` the navigator's current and only highlighted entry, quietly."""
        self.navigator.blockSignals(True)
        self.navigator.select(key)
        self.navigator.blockSignals(False)

    def current_page_key(self) -> str | None:
        return self.navigator.current_key()

    def _show_page(self, key: str) -> None:
        self.controller.end_text_step()  # typing on another page is another undo step
        page = self.pages.get(key)
        if page is not None:
            self.page_stack.setCurrentWidget(page)
            self._shown_key = key
        self.act_zero_table.setEnabled(page is not None and self._is_table_page(key))

    @reads_report
    def go_to(self, key: str) -> None:
        """Show the page of a cell or field id and put the cursor on it."""
        if not self.has_document:
            return
        page_key = section_of(key, self.controller.report.spec)
        if page_key is None or page_key not in self.pages:
            return
        from gui.table_page import TablePage
        from gui.text_page import TextPage

        self.select_page(page_key)
        page = self.pages[page_key]
        if isinstance(page, MetaPage):
            page.focus_field(key)
        elif isinstance(page, TextPage):
            page.focus_editor()
        elif isinstance(page, TablePage):
            page.focus_cell(key)

    # ---- what is being typed ------------------------------------------------------------------
    def commit_edits(self) -> bool:
        """Have every editor commit what is being typed (the document controller asks
        them). False when a text is refused: its page is shown, its editor keeps the
        text and the focus, the reason is in the page and the status bar."""
        if not self.has_document:
            return True
        return self.controller.commit_edits() is None  # a refusal: `_show_refusal`

    def _show_refusal(self, refusal: Refusal) -> None:
        """An editor kept a refused text (whatever asked it to commit): show its page
        and say why in the status bar too."""
        for key in self.pages:
            if key in self.pages.built_keys() and self.pages[key] is refusal.source:
                if key != self._shown_key:
                    self.select_page(key)
                break
        self._refusal_shown = refusal.text
        self.statusBar().showMessage(refusal.text, 10000)

    def _clear_refusal(self) -> None:
        """The refused text was fixed or dropped: the status bar stops saying why."""
        if self._refusal_shown and self.statusBar().currentMessage() == self._refusal_shown:
            self.statusBar().clearMessage()
        self._refusal_shown = ""

    # ---- undo and redo -----------------------------------------------------------------------
    @reads_report
    def undo(self) -> bool:
        """Undo one step and show what it changed (its cells selected, or its page)."""
        return self._step_history(self.controller.undo)

    @reads_report
    def redo(self) -> bool:
        return self._step_history(self.controller.redo)

    def _step_history(self, step: Callable[[], None]) -> bool:
        texts = dict(self.controller.report.texts)
        self._recorded = []
        try:
            step()
            changes = self._recorded
        finally:
            self._recorded = None
        self._reveal(changes, texts)
        return True

    def _reveal(self, changes: list[Change], texts_before: dict[str, str]) -> None:
        """Select and scroll to what an undo or redo changed."""
        if not self.has_document or not changes:
            return
        from gui.table_page import TablePage
        from gui.text_page import TextPage

        spec = self.controller.report.spec
        for change in changes:
            if change.what in ("value", "unit", "printed") and change.keys:
                key = section_of(change.keys[0], spec)
                if key in self.pages:
                    self.select_page(key)
                    page = self.pages[key]
                    if isinstance(page, TablePage):
                        page.select_cells([k for k in change.keys if k.startswith(page.table_id)])
                return
            if change.what == "text" and change.keys and change.keys[0] in self.pages:
                section = change.keys[0]
                self.select_page(section)
                page = self.pages[section]
                if isinstance(page, TextPage):
                    new = self.controller.report.texts.get(section, "")
                    page.focus_editor(_first_difference(texts_before.get(section, ""), new))
                return
            if change.what == "extra":
                section = next((x.id for x in spec.text_sections if x.text.fee_statement), None)
                if section in self.pages:
                    self.select_page(section)
                return
            if change.what == "meta" and change.keys:
                self.select_page(META)
                self.meta_page.focus_field(f"meta.{change.keys[0]}")
                return
        self.select_page(META)  # a whole report replaced (format conversion, import)

    # ---- document state ----------------------------------------------------------------------
    def show_start(self) -> None:
        self._set_no_document()
        self.start_page.set_recent(self.settings.recent_files())
        self.central.setCurrentWidget(self.start_page)

    def _set_no_document(self) -> None:
        self.has_document = False
        # the closed report's history goes with it: 撤销/重做 have nothing to act on
        self.controller.undo_stack.clear()
        self.problems.hide()
        for action in self.document_actions:
            action.setEnabled(False)
        self._update_title()
        self._update_status()

    def open_report(
        self, report: Report, path: str | None = None, previous: Report | None = None
    ) -> None:
        """Make `report` the open document (the caller asked about unsaved work)."""
        self.autosaver.discard()
        self.has_document = True
        self._opened_sample = False
        self.controller.set_report(report, path)
        self._remember_disk_stamp(path)
        if previous is not self.controller.previous_report:  # each costs a validation
            self.controller.set_previous_report(previous)
        if self._built_spec != report.spec.id or not self.pages:
            self._build_pages()
        self.central.setCurrentWidget(self.splitter)
        if self.settings.get(cfg.PROBLEMS_VISIBLE):
            self.problems.show()
        self.problems.set_collapsed(self.settings.get(cfg.PROBLEMS_COLLAPSED))
        for action in self.document_actions:
            action.setEnabled(True)
        self._show_page(self.current_page_key() or META)
        self._update_title()
        self._update_status()

    def _remember_disk_stamp(self, path: str | None) -> None:
        from model.drafts import file_stamp

        self._disk_stamp = file_stamp(path) if path else None

    def _unsaved_copy(self) -> Report | None:
        """For autosave: a copy of the report as confirmed, while something is unsaved
        or being typed (what is typed goes beside it: `_pending_edits`)."""
        if not self.has_document:
            return None
        if self.controller.is_clean() and not self.controller.pending_edits():
            return None
        return self.controller.snapshot()

    def _pending_edits(self) -> list[PendingEdit]:
        return self.controller.pending_edits() if self.has_document else []

    def _on_pending_changed(self) -> None:
        # typing into a cell of a just-saved report starts the autosave ceiling too
        if self.has_document:
            self.autosaver.schedule()

    def _on_replaced(self) -> None:
        if self.has_document and self._built_spec != self.controller.report.spec.id:
            self._build_pages()
        if self._recorded is not None:
            self._recorded.append(Change("replaced", ()))
        self._touched()

    def _on_changed(self, change: Change) -> None:
        if self._recorded is not None:
            self._recorded.append(change)
        if change.what == "meta":
            self._update_title()
        self._touched()

    def _touched(self) -> None:
        self._autosaved_at = None
        if self.has_document:
            # Report signals come from inside the undo command, before the stack's
            # clean state is updated: decide whether to write when the timer fires.
            self.autosaver.schedule()
        self._update_title()
        self._update_status()

    def _on_validation(self, validation: Validation) -> None:
        self.navigator.update_badges(validation)
        self._update_status()

    def _on_clean(self, clean: bool) -> None:
        if clean:
            self.autosaver.discard()
            self._autosaved_at = None
        self._update_title()
        self._update_status()

    def _on_autosave_failed(self, reason: str) -> None:
        # Typing goes on; the officer learns that only a manual save protects the work now.
        self.statusBar().showMessage(s.STATUS_AUTOSAVE_FAILED.format(reason=reason), 15000)

    def _on_autosaved(self, when: dt.datetime) -> None:
        self._autosaved_at = when
        self._update_status()

    def _update_title(self) -> None:
        if not self.has_document:
            self.setWindowTitle(s.WINDOW_TITLE_EMPTY)
            self.setWindowModified(False)
            return
        meta = self.controller.report.meta
        self.setWindowTitle(
            s.WINDOW_TITLE_DOC.format(agency=meta.agency.strip() or s.NO_AGENCY, year=meta.year)
        )
        self.setWindowModified(not self.controller.is_clean())

    def _update_status(self) -> None:
        if not self.has_document:
            self.issues_label.setText("")
            self.save_label.setText("")
            return
        # the problems panel's own words: every severity counted, 提示 included
        self.issues_label.setText(summary_text(self.controller.validation))
        if self.controller.is_clean() and self.controller.path:
            self.save_label.setText(s.STATUS_SAVED)
        elif self.controller.is_clean() and self._opened_sample:
            self.save_label.setText(s.STATUS_SAMPLE)
        elif self._autosaved_at is not None:
            self.save_label.setText(
                s.STATUS_AUTOSAVED.format(time=self._autosaved_at.strftime("%H:%M"))
            )
        else:
            self.save_label.setText(s.STATUS_UNSAVED)

    def document_name(self) -> str:
        if self.controller.path:
            return Path(self.controller.path).stem
        return self.default_file_name()

    def default_file_name(self) -> str:
        """「<机关><年度>年政府信息公开工作年度报告」, safe as a file name everywhere."""
        meta = self.controller.report.meta
        name = s.DEFAULT_FILE_NAME.format(agency=meta.agency.strip(), year=meta.year)
        return re.sub(r'[\\/:*?"<>|\s]+', "_", name)

    # ---- files -------------------------------------------------------------------------------
    def confirm_close_document(self, why: str = "") -> bool:
        """Ask about unsaved changes; True when the current report may be closed.
        `why` is the question naming what closes it (s.UNSAVED_BEFORE_…, with a
        {name} field); without it, a plain 「关闭前」 question."""
        if not self.has_document or self.controller.is_clean():
            return True
        from gui import dialogs

        name = self.document_name()
        question = why.format(name=name) if why else ""
        choice = dialogs.ask_save_changes(self, name, question)
        if choice is dialogs.SaveChoice.SAVE:
            return self.save()
        return choice is dialogs.SaveChoice.DISCARD

    def _folder(self) -> str:
        if self.controller.path:
            return str(Path(self.controller.path).parent)
        last = self.settings.get(cfg.LAST_FOLDER)
        if last and Path(last).is_dir():
            return last
        from model.paths import drafts_dir

        return str(drafts_dir())

    @reads_report
    def new_report(self) -> None:
        if not self.confirm_close_document(s.UNSAVED_BEFORE_NEW):
            return
        from gui import dialogs

        dialog = dialogs.NewReportDialog(self, self.settings.recent_files(), self._folder())
        if dialog.exec() and dialog.report is not None:
            self.navigator.blockSignals(True)
            self.navigator.setCurrentRow(-1)
            self.navigator.blockSignals(False)
            self.open_report(dialog.report, None, dialog.previous_report)
            self.select_page(META)

    @reads_report
    def open_file(self, path: str | None = None) -> bool:
        if not self.confirm_close_document(s.UNSAVED_BEFORE_OPEN):
            return False
        if path is None:
            from gui import file_dialogs

            path = file_dialogs.open_file(
                self, s.DLG_OPEN, self._folder(), f"{s.FILTER_OPENABLE};;{s.FILTER_ALL}"
            )
            if not path:
                return False
        if Path(path).suffix.lower() != ".nianbao":  # a draft opens without the importers
            from importers import importer_for

            if importer_for(Path(path)) is not None:
                self._start_import(Path(path).suffix.lower()[1:], path)
                return True
        from model.drafts import DraftError, load_draft

        try:
            report = load_draft(path)
        except DraftError as exc:
            if not Path(path).exists():
                self.settings.remove_recent(path)
            if not self.has_document:
                self.show_start()  # with the recent list as it is now
            reason = str(exc)
            if Path(path).suffix.lower() != ".nianbao" and Path(path).is_file():
                from importers import strings as import_strings  # no importer reads it

                reason = import_strings.UNSUPPORTED_TYPE.format(name=Path(path).name)
            show_error(self, s.OPEN_FAILED_TITLE, reason)
            return False
        self.settings.add_recent(path)
        self.open_report(report, str(Path(path).resolve()))
        return True

    @reads_report
    def open_sample(self) -> None:
        if not self.confirm_close_document(s.UNSAVED_BEFORE_SAMPLE):
            return
        from model.drafts import DraftError
        from model.sample import load_sample

        try:
            report = load_sample()
        except DraftError as exc:
            show_error(self, s.OPEN_FAILED_TITLE, s.SAMPLE_FAILED.format(reason=exc))
            return
        self.open_report(report, None)
        self._opened_sample = True  # opens clean: nothing of the officer's is unsaved
        self._update_status()
        self.select_page("三")

    @reads_report
    def close_report(self) -> bool:
        """关闭报告: back to the start page (with 打开示例报告 and the recent drafts),
        after the question about unsaved changes."""
        if not self.has_document or not self.confirm_close_document(s.UNSAVED_BEFORE_CLOSE):
            return False
        self.settings.set(cfg.PROBLEMS_VISIBLE, self.problems.isVisible())
        self.autosaver.discard()
        self._opened_sample = False
        self.show_start()
        return True

    @reads_report
    def save(self) -> bool:
        if not self.has_document:
            return False
        if not self.controller.path:
            return self.save_as()
        if not self._same_on_disk():
            from gui import dialogs

            choice = dialogs.ask_changed_on_disk(self, Path(self.controller.path).name)
            if choice is None:
                return False
            if choice == "save_as":
                return self.save_as()
        return self.write_draft(self.controller.path)

    def _same_on_disk(self) -> bool:
        """Whether the draft file is as this window opened or last saved it (another
        window or program may have saved it since: two windows on one draft)."""
        from model.drafts import file_stamp

        path = self.controller.path
        return not path or self._disk_stamp is None or file_stamp(path) == self._disk_stamp

    @reads_report
    def save_as(self) -> bool:
        if not self.has_document:
            return False
        default = str(Path(self._folder()) / (self.document_name() + s.DRAFT_SUFFIX))
        from gui import file_dialogs

        path = file_dialogs.save_file(self, s.DLG_SAVE_AS, default, s.FILTER_DRAFT)
        if not path:
            return False
        if not path.lower().endswith(s.DRAFT_SUFFIX):
            path += s.DRAFT_SUFFIX
        return self.write_draft(path)

    def write_draft(self, path: str) -> bool:
        from model.drafts import DraftError, save_draft

        try:
            save_draft(self.controller.report, path)
        except DraftError as exc:
            show_error(self, s.SAVE_FAILED_TITLE, str(exc))
            return False
        path = str(Path(path).resolve())
        self.controller.mark_saved(path)
        self._remember_disk_stamp(path)
        self.settings.add_recent(path)
        self.autosaver.discard()
        self._update_title()
        self._update_status()
        self.statusBar().showMessage(s.STATUS_SAVED + "：" + path, 5000)
        return True

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self.settings.recent_files()
        if not recent:
            menu.addAction(s.RECENT_EMPTY).setEnabled(False)
            return
        for i, path in enumerate(recent, 1):
            action = menu.addAction(f"&{i % 10} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_file(p))
        menu.addSeparator()
        menu.addAction(s.RECENT_CLEAR).triggered.connect(self.settings.clear_recent)

    # ---- last year ---------------------------------------------------------------------------
    def _pick_previous(self) -> Report | None:
        """Ask for last year's draft; None when cancelled, unreadable or of another
        year than the one before the report's (said to the officer)."""
        from gui import file_dialogs
        from model.carryover import check_previous
        from model.drafts import DraftError, load_draft

        path = file_dialogs.open_file(
            self, s.DLG_PREVIOUS, self._folder(), f"{s.FILTER_DRAFT};;{s.FILTER_ALL}"
        )
        if not path:
            return None
        try:
            previous = load_draft(path)
            check_previous(self.controller.report.meta.year, previous.meta.year)
        except DraftError as exc:
            show_error(self, s.OPEN_FAILED_TITLE, str(exc))
            return None
        except ValueError as exc:
            show_error(self, s.PREVIOUS_WRONG_TITLE, str(exc))
            return None
        return previous

    @reads_report
    def load_previous(self) -> None:
        previous = self._pick_previous()
        if previous is not None:
            self.controller.set_previous_report(previous)
            self.controller.keep_previous(previous)
            self.statusBar().showMessage(s.PREVIOUS_LOADED.format(year=previous.meta.year), 6000)

    @reads_report
    def compare_with_previous(self) -> None:
        from gui.compare_dialog import CompareDialog
        from model.compare import report_from_previous

        previous = self.controller.previous_report
        if previous is None and self.controller.report.previous is not None:
            # the draft already holds last year's figures (carried over or loaded before)
            previous = report_from_previous(self.controller.report.previous)
        if previous is None:
            previous = self._pick_previous()
            if previous is None:
                return
            self.controller.set_previous_report(previous)
            self.controller.keep_previous(previous)
        CompareDialog(previous, self.controller.report, self).exec()

    @reads_report
    def aggregate(self) -> None:
        from gui.aggregate_dialog import AggregateDialog

        dialog = AggregateDialog(self, self.settings)
        dialog.openRequested.connect(self._open_summary)
        dialog.exec()

    def _open_summary(self, summary: Report) -> None:
        """The roll-up's 「打开汇总报告」: the summary opens as new, unsaved work."""
        if self.confirm_close_document(s.UNSAVED_BEFORE_SUMMARY):
            self._open_as_unsaved(summary, None, s.CMD_OPEN_SUMMARY)

    # ---- edit --------------------------------------------------------------------------------
    @reads_report
    def fill_zero_table(self) -> None:
        key = self.current_page_key()
        if self._is_table_page(key):
            page = self.pages[key or ""]
            page.fill_zero()  # type: ignore[attr-defined]
        else:
            self.statusBar().showMessage(s.ZERO_NO_TABLE, 6000)

    @reads_report
    def fill_zero_all(self) -> None:
        from gui.table_page import zero_skipped_text

        n = self.controller.fill_blanks_with_zero(None)
        text = s.ZERO_ALL_DONE.format(n=n) if n else s.ZERO_NOTHING
        self.statusBar().showMessage(text + zero_skipped_text(self.controller, None), 15000)

    # ---- export and import -------------------------------------------------------------------
    @reads_report
    def export(self, kind: str, path: str | None = None) -> bool:
        """Ask where, then write the Word or Excel file in the background."""
        if not self.has_document:
            return False
        if self.tasks.busy:
            self.statusBar().showMessage(s.EXPORT_BUSY, 4000)
            return False
        from gui import export_flow

        if kind == "pdf" and not export_flow.confirm_pdf_suite(self):
            return False
        if not self._confirm_contents():
            return False
        validation = self.controller.validation
        exporter = export_flow.exporter(kind)
        if path is None:
            title, filt = export_flow.DIALOG[kind]
            default = str(Path(self._folder()) / f"{self.default_file_name()}.{kind}")
            from gui import file_dialogs

            path = file_dialogs.save_file(self, title, default, filt)
            if not path:
                return False
            if not path.lower().endswith("." + kind):
                path += "." + kind
        snapshot = self.controller.report.snapshot()
        target = path
        # Missing official fonts are named once per session, with the first Word export.
        check_fonts = kind in ("docx", "pdf") and not self._fonts_checked
        self._fonts_checked = self._fonts_checked or check_fonts

        def work() -> list[str]:
            notes = list(exporter(snapshot, target, validation) or [])
            if check_fonts:
                from exporters.font_check import font_warning

                if warning := font_warning(pdf=kind == "pdf"):
                    notes.append(warning)
            return notes

        self.statusBar().showMessage(s.STATUS_EXPORTING.format(name=Path(target).name))
        self.tasks.start(
            work,
            lambda warnings: self._exported(target, list(warnings or [])),
            lambda exc: self._export_failed(target, exc),
        )
        return True

    def _confirm_contents(self, printing: bool = False) -> bool:
        """The questions every export and 打印 ask about what is printed, in one
        place: blanks (补零后导出 / 按原样导出) and errors, worded for 打印 when
        `printing`. True to go on."""
        from gui import dialogs, export_flow

        if not export_flow.confirm_blanks(self, self.controller, printing):
            return False
        validation = self.controller.validation
        return not validation.has_errors or dialogs.ask_export_with_errors(
            self, validation.errors, printing
        )

    def _exported(self, path: str, warnings: list[str]) -> None:
        self.statusBar().showMessage(s.STATUS_EXPORTED.format(name=Path(path).name), 8000)
        from gui import dialogs
        from gui.open_path import open_path

        choice = dialogs.ask_open_exported(self, path, warnings)
        if choice is dialogs.OpenChoice.FILE:
            open_path(self, path)
        elif choice is dialogs.OpenChoice.FOLDER:
            open_path(self, str(Path(path).parent), file=path)

    def _export_failed(self, path: str, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        log.warning("export to %s failed: %r", path, exc)
        show_error(self, s.EXPORT_FAILED_TITLE, s.EXPORT_FAILED.format(path=path, reason=exc))

    @reads_report
    def import_file(self, kind: str, path: str | None = None) -> bool:
        if not self.confirm_close_document(s.UNSAVED_BEFORE_IMPORT):
            return False
        if path is None:
            title = s.DLG_IMPORT_DOCX if kind == "docx" else s.DLG_IMPORT_XLSX
            filt = s.FILTER_PUBLISHED if kind == "docx" else s.FILTER_XLSX
            from gui import file_dialogs

            path = file_dialogs.open_file(self, title, self._folder(), filt)
            if not path:
                return False
        return self._start_import(kind, path)

    def _start_import(self, kind: str, path: str) -> bool:
        """Import `path` in the background with the importer for its type (`kind`
        only says which dialog chose it)."""
        from importers import importer_for

        importer = importer_for(Path(path))
        if importer is None:  # a file of another type picked through 「所有文件」
            from importers import strings as import_strings

            show_error(
                self,
                s.IMPORT_FAILED_TITLE,
                import_strings.UNSUPPORTED_TYPE.format(name=Path(path).name),
            )
            return False
        self.statusBar().showMessage(s.STATUS_IMPORTING.format(name=Path(path).name))
        self.tasks.start(
            lambda: importer(path),
            lambda result: self._imported(path, result),
            lambda exc: self._import_failed(path, exc),
        )
        return True

    def _imported(self, path: str, result: Any) -> None:
        self.statusBar().clearMessage()
        name = Path(path).name
        self._open_as_unsaved(result.report, None, s.IMPORT_UNDO_TEXT.format(name=name))
        if result.notes:
            from importers.notes import NoteLevel, by_level

            notes = by_level(result.notes)  # 注意 first: what was not imported as printed
            lines = [s.IMPORT_NOTE_LINE.format(level=level.label, note=n) for level, n in notes]
            box = QMessageBox(self)
            attention = any(level is NoteLevel.ATTENTION for level, _n in notes)
            box.setIcon(QMessageBox.Icon.Warning if attention else QMessageBox.Icon.Information)
            box.setWindowTitle(s.IMPORT_NOTES_TITLE)
            box.setText(s.IMPORT_NOTES.format(name=name))
            box.setInformativeText("\n".join(f"• {line}" for line in lines[:10]))
            box.setDetailedText("\n".join(lines))
            box.exec()
        else:
            QMessageBox.information(self, s.IMPORT_NOTES_TITLE, s.IMPORT_CLEAN.format(name=name))

    def _import_failed(self, path: str, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        if not self.has_document:
            self.show_start()
        show_error(self, s.IMPORT_FAILED_TITLE, str(exc) or repr(exc))

    def _open_as_unsaved(
        self, report: Report, base: Report | None, text: str, path: str | None = None
    ) -> None:
        """Open `report` as unsaved work on top of `base` (the saved file, or an empty
        report of the same kind): closing asks to save, and undo leads back to base."""
        if base is None:
            meta = report.meta
            base = Report(report.spec, meta.year, meta.agency, meta.kind, meta.date)
        self.open_report(base, path)
        self.controller.replace_report(report, text)

    # ---- print -------------------------------------------------------------------------------
    @reads_report
    def print_report(self) -> bool:
        """打印: the report as a PDF (exporters/pdf.py) in a temp folder, opened in the
        system's viewer to print from. Without an office suite no PDF can be made:
        say how to print the exported Word file instead."""
        if not self.has_document:
            return False
        if self.tasks.busy:
            self.statusBar().showMessage(s.EXPORT_BUSY, 4000)
            return False
        from exporters.pdf import suite_name
        from gui import dialogs

        if suite_name() is None:
            if dialogs.ask_print_without_suite(self):
                return self.export("docx")
            return False
        if not self._confirm_contents(printing=True):  # the questions of 导出 PDF
            return False
        import tempfile

        if self._print_folder is None or not Path(self._print_folder).is_dir():
            self._print_folder = tempfile.mkdtemp(prefix="nianbao-print-")
        target = str(Path(self._print_folder) / f"{self.default_file_name()}.pdf")
        snapshot = self.controller.report.snapshot()

        def work() -> None:
            from exporters.pdf import export_pdf

            export_pdf(snapshot, target)

        self.statusBar().showMessage(s.STATUS_PRINTING)
        self.tasks.start(
            work,
            lambda _result: self._print_ready(target),
            lambda exc: self._export_failed(target, exc),
        )
        return True

    def _print_ready(self, path: str) -> None:
        """The PDF is made: open it in the viewer. The status bar says 「请在阅读器中
        打印」 only once the viewer has it; without one, a box says how to print
        instead (the PDF is a temporary copy: its path is no use to the officer)."""
        from gui import dialogs
        from gui.open_path import open_path

        self.statusBar().showMessage(s.STATUS_PRINT_OPENING)

        def opened() -> None:
            self.statusBar().showMessage(s.STATUS_PRINT_READY, 15000)

        def failed() -> None:
            self.statusBar().showMessage(s.STATUS_PRINT_NO_VIEWER, 15000)
            if dialogs.ask_print_without_viewer(self):
                self.export("pdf")

        open_path(self, path, opened=opened, failed=failed)

    # ---- help ----------------------------------------------------------------------------------
    def show_help(self, page: str = "usage") -> None:
        """帮助: 使用说明, 校验规则说明, 官方格式, 键盘操作 in one window beside the report."""
        from gui.help_dialog import HelpDialog

        if self._help is None:
            self._help = HelpDialog(self)
        self._help.show_page(page)
        self._help.show()
        self._help.raise_()
        self._help.activateWindow()

    # ---- zoom ----------------------------------------------------------------------------------
    @staticmethod
    def _clamped_zoom(percent: int) -> int:
        low, high = ZOOM_RANGE
        return max(low, min(high, int(percent)))

    @property
    def zoom(self) -> int:
        """How large tables and texts are shown, in percent of the normal size."""
        return self._zoom

    def step_zoom(self, steps: int) -> None:
        self.set_zoom(self._zoom + steps * ZOOM_STEP)

    def set_zoom(self, percent: int) -> None:
        """Show tables and texts at `percent` (remembered for the next start)."""
        percent = self._clamped_zoom(percent)
        self._zoom = percent
        self.settings.set(cfg.ZOOM, percent)
        for page in self.pages.built():
            if hasattr(page, "set_zoom"):
                page.set_zoom(percent)
        self.statusBar().showMessage(s.STATUS_ZOOM.format(percent=percent), 3000)

    def _on_problems_collapsed(self, collapsed: bool) -> None:
        self.act_collapse_problems.setChecked(collapsed)
        if self.has_document:
            self.settings.set(cfg.PROBLEMS_COLLAPSED, collapsed)
        if not collapsed:
            self.resizeDocks([self.problems], [PROBLEMS_HEIGHT], Qt.Orientation.Vertical)

    # ---- recovery ----------------------------------------------------------------------------
    def check_recovery(self) -> bool:
        """Offer autosaved work left by a session that crashed. True if recovered."""
        from gui import dialogs

        orphans = find_orphans(self.autosaver.folder, exclude=self.autosaver.session)
        recovered = False
        for orphan in orphans:
            if recovered:
                orphan.release()  # one at a time; the rest is offered next start
                continue
            when = orphan.saved.strftime("%Y-%m-%d %H:%M") if orphan.saved else "—"
            answer = dialogs.ask_recover(self, orphan.label or orphan.draft.name, when)
            if answer is True and not self.confirm_close_document(s.UNSAVED_BEFORE_RECOVER):
                answer = None  # keep it for later rather than lose the open work
            if answer is True:
                recovered = self.recover(orphan)
            elif answer is False:
                orphan.remove()
            else:
                orphan.release()
        return recovered

    def recover(self, orphan: Orphan) -> bool:
        from model.drafts import DraftError, load_draft

        try:
            report = orphan.load()
        except DraftError as exc:
            orphan.release()
            show_error(
                self, s.RECOVER_TITLE, s.RECOVER_FAILED.format(path=orphan.draft, reason=exc)
            )
            return False
        # Open what was last saved, then put the recovered work on top as one undoable
        # step: the window shows unsaved changes and undo returns to the saved file.
        base: Report | None = None
        source = orphan.source if orphan.source and Path(orphan.source).is_file() else None
        if source:
            try:
                base = load_draft(source)
            except DraftError:
                source, base = None, None
        self._open_as_unsaved(report, base, s.RECOVER_UNDO_TEXT, source)
        changed = _first_changed_page(base, report)
        if changed and not orphan.pending:  # back where the officer was typing
            self.select_page(changed)
        self._show_pending(orphan.pending)
        self.autosaver.save_now()
        orphan.remove()
        return True

    def _show_pending(self, pending: tuple[PendingEdit, ...]) -> None:
        """What was being typed when the program stopped, never put into the report
        by itself: the first entry goes back into its cell's editor (Enter takes it,
        Esc keeps the confirmed value); any other is listed with its confirmed value."""
        from gui.table_model import where_text
        from gui.table_page import TablePage

        report = self.controller.report
        left: list[PendingEdit] = []
        reopened = False  # one editor open at a time: the first entry only
        for entry in pending:
            key = section_of(entry.key, report.spec)
            page = self.pages.get(key or "")
            if not reopened and isinstance(page, TablePage):
                self.select_page(key or "")
                reopened = page.reopen_pending(entry)
                if reopened:
                    continue
            left.append(entry)
        if not left:
            return
        items = "\n".join(
            s.RECOVER_PENDING_ITEM.format(
                where=where_text(report.cell(p.key)) if p.key in report.spec.cell_by_id else p.key,
                text=p.text,
                old=s.RECOVER_PENDING_OLD.format(value=p.replaces)
                if p.replaces
                else s.RECOVER_PENDING_BLANK,
            )
            for p in left
        )
        QMessageBox.information(
            self, s.RECOVER_PENDING_TITLE, s.RECOVER_PENDING_LIST.format(items=items)
        )

    # ---- window ------------------------------------------------------------------------------
    def about(self) -> None:
        from gui import dialogs
        from model.drafts import APP_VERSION

        dialogs.show_about(self, APP_VERSION)

    def _restore_geometry(self) -> None:
        self.resize(initial_size(DEFAULT_SIZE, self.screen().availableGeometry().size()))
        geometry = self.settings.get(cfg.GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        state = self.settings.get(cfg.WINDOW_STATE)
        if state:
            self.restoreState(QByteArray(state))
        # the navigator's width: as the officer left it, else by the window's width
        # (followed as the window is resized, until the officer drags the divider)
        splitter = self.settings.get(cfg.NAV_SPLITTER)
        self._nav_by_width = not splitter or not self.splitter.restoreState(QByteArray(splitter))
        self._fit_navigator()
        self.splitter.splitterMoved.connect(self._navigator_dragged)

    def _fit_navigator(self) -> None:
        if getattr(self, "_nav_by_width", False):
            nav = navigator_width(self.width())
            self.splitter.setSizes([nav, max(1, self.width() - nav)])

    def _navigator_dragged(self, *_args: object) -> None:
        self._nav_by_width = False  # the officer's width from now on

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_navigator()

    def _save_geometry(self) -> None:
        with self.settings.batch():
            self.settings.set(cfg.GEOMETRY, bytes(self.saveGeometry().data()))
            self.settings.set(cfg.WINDOW_STATE, bytes(self.saveState().data()))
            self.settings.set(cfg.NAV_SPLITTER, bytes(self.splitter.saveState().data()))
            if self.has_document:
                self.settings.set(cfg.PROBLEMS_VISIBLE, self.problems.isVisible())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.commit_edits() or not self.confirm_close_document(s.UNSAVED_BEFORE_QUIT):
            event.ignore()
            return
        self._save_geometry()
        self.tasks.wait()
        self.autosaver.close()
        if self._print_folder is not None:  # a viewer may still hold the file: best effort
            import shutil

            shutil.rmtree(self._print_folder, ignore_errors=True)
        event.accept()


def plain_text(text: str) -> str:
    """A menu or action text without its accelerator mark or dots: 「文件」, 「新建」."""
    return re.sub(r"\(&\w\)|&", "", text).rstrip("…").strip()


def _first_difference(before: str, after: str) -> int:
    """Where two texts start to differ (the cursor's place after an undo)."""
    n = min(len(before), len(after))
    for i in range(n):
        if before[i] != after[i]:
            return i
    return n


def initial_size(preferred: tuple[int, int], available: QSize) -> QSize:
    """The first window's size: `preferred`, but never larger than most of the screen
    (a 1366×768 office laptop would otherwise lose the status bar under the taskbar)."""
    return QSize(
        min(preferred[0], int(available.width() * SCREEN_SHARE)),
        min(preferred[1], int(available.height() * SCREEN_SHARE)),
    )


def navigator_width(window_width: int) -> int:
    """The navigator's first width (px) in a window `window_width` wide: NAV_WIDTH on
    a wide screen; on a small one a fifth of the window, at most NAV_WIDTH_SMALL, so
    table 三 keeps its 总计 column in sight at 1024×768. The officer can drag it."""
    if window_width >= NAV_WIDE_FROM:
        return NAV_WIDTH
    return max(NAV_MIN_WIDTH, min(NAV_WIDTH_SMALL, window_width // 5))


def start_recovery_check(window: MainWindow) -> None:
    """After the window is on screen, offer what a crash left behind."""
    QTimer.singleShot(0, window.check_recovery)


def _first_changed_page(base: Report | None, report: Report) -> str | None:
    """The page of the first thing `report` holds otherwise than `base` (the file
    as last saved; None: a report never saved): a text section, the table of a
    value, or 基本信息 — where a recovered report opens."""
    if base is None or base.spec.id != report.spec.id:
        return None
    for section_id, text in report.texts.items():
        if base.texts.get(section_id) != text:
            return section_id
    old, new = base.values(), report.values()
    for cell in report.spec.inputs:
        if old.get(cell.id) != new.get(cell.id):
            return section_of(cell.id, report.spec)
    return META if base.meta != report.meta else None
