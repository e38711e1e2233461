"""文件 → 汇总多个报告: pick folders or files, run the roll-up off the UI thread,
see each file's status, save the summary draft and the summary workbook.

All the arithmetic and every decision (which reports are summed, why one is not)
is in model.aggregate; this dialog only lists, runs and saves.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import colors, file_dialogs
from gui import settings as cfg
from gui import strings as s
from gui.errors import show_error
from model.aggregate import (
    AggregateCancelled,
    AggregateResult,
    FoundFile,
    ReportStatus,
    aggregate,
    default_output_folder,
    find_files,
    format_name,
    path_key,
)

FIRST_YEAR = 2019  # the first year an official format covers
REFUSED_FG = QColor("#6b6b6b")


class _Worker(QObject):
    """Runs one job in a Python thread; results come back through signals of this
    object, which lives in the main thread, so Qt queues them there. A Python
    thread rather than a QThread: no Qt object's lifetime depends on the worker's."""

    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, job: Callable[[_Worker], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self.stop_requested = threading.Event()
        self._thread = threading.Thread(target=self._run, name="nianbao-aggregate", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait(self, ms: int) -> bool:
        """Block until the job has ended (at most `ms` milliseconds)."""
        self._thread.join(max(ms, 0) / 1000)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            try:
                result = self._job(self)
            except Exception as exc:  # shown to the user on the main thread
                self.failed.emit(exc)
            else:
                self.done.emit(result)
            self.finished.emit()
        except RuntimeError:  # the dialog was deleted while the job ran: nobody to tell
            pass


class AggregateDialog(QDialog):
    """The roll-up dialog. `openRequested(report)` asks the main window to open the
    summary report; the dialog itself never touches the main window."""

    summaryReady = Signal(object)  # the summary Report, after a run that summed some
    openRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None, settings: cfg.Settings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(s.AGG_TITLE)
        self.resize(1000, 600)
        self.settings = settings or cfg.Settings()
        self._found: list[FoundFile] = []  # every file found, with why it is skipped
        self._inputs: list[Path] = []  # what the officer added (folders and files)
        self._removed: set[str] = set()  # files the officer took off the list
        self._result: AggregateResult | None = None
        self._flags_confirmed = False  # the officer saw the count of flawed reports
        self._worker: _Worker | None = None
        self._build()
        self._update_buttons()

    # ---- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        intro = QLabel(s.AGG_INTRO)
        intro.setWordWrap(True)

        self.add_folder_button = QPushButton(s.AGG_ADD_FOLDER)
        self.add_files_button = QPushButton(s.AGG_ADD_FILES)
        self.remove_button = QPushButton(s.AGG_REMOVE)
        self.clear_button = QPushButton(s.AGG_CLEAR)
        self.add_folder_button.clicked.connect(self._pick_folder)
        self.add_files_button.clicked.connect(self._pick_files)
        self.remove_button.clicked.connect(self._remove_selected)
        self.clear_button.clicked.connect(self.clear)
        pick = QHBoxLayout()
        for b in (self.add_folder_button, self.add_files_button, self.remove_button):
            pick.addWidget(b)
        pick.addWidget(self.clear_button)
        pick.addStretch(1)

        self.table = QTableWidget(0, len(s.AGG_COLUMNS))
        self.table.setHorizontalHeaderLabels(list(s.AGG_COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(s.AGG_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.year_combo = QComboBox()
        self.year_combo.addItem(s.AGG_YEAR_AUTO, None)
        for year in range(dt.date.today().year, FIRST_YEAR - 1, -1):
            self.year_combo.addItem(s.AGG_YEAR_ITEM.format(year=year), year)
        self.agency_edit = QLineEdit()
        self.agency_edit.setPlaceholderText(s.AGG_AGENCY_PLACEHOLDER)
        self.agency_edit.setText(self.settings.get(cfg.AGG_AGENCY))  # the last one used
        self.government_check = QCheckBox(s.AGG_INCLUDE_GOVERNMENT)
        self.government_check.setToolTip(s.AGG_INCLUDE_GOVERNMENT_TIP)
        options = QHBoxLayout()
        options.addWidget(QLabel(s.AGG_YEAR))
        options.addWidget(self.year_combo)
        options.addSpacing(16)
        options.addWidget(QLabel(s.AGG_AGENCY))
        options.addWidget(self.agency_edit, 1)
        options.addSpacing(16)
        options.addWidget(self.government_check)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.run_button = QPushButton(s.AGG_RUN)
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(s.AGG_CANCEL)
        self.save_draft_button = QPushButton(s.AGG_SAVE_DRAFT)
        self.save_xlsx_button = QPushButton(s.AGG_SAVE_XLSX)
        self.open_button = QPushButton(s.AGG_OPEN)
        self.close_button = QPushButton(s.AGG_CLOSE)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_draft_button.clicked.connect(self._ask_save_draft)
        self.save_xlsx_button.clicked.connect(self._ask_save_xlsx)
        self.open_button.clicked.connect(self._open_summary)
        self.close_button.clicked.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.run_button)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        for b in (self.save_draft_button, self.save_xlsx_button, self.open_button):
            actions.addWidget(b)
        actions.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(pick)
        layout.addWidget(self.table, 1)
        layout.addLayout(options)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addLayout(actions)

    # ---- the list ----------------------------------------------------------------------
    @property
    def files(self) -> list[Path]:
        return [f.path for f in self._found]

    @property
    def result(self) -> AggregateResult | None:
        return self._result

    def add_paths(self, paths: list[str | Path]) -> None:
        """Add folders (every file in them, read or not, each with its reason) and
        files to the list."""
        new = [Path(p) for p in paths]
        self._removed -= {path_key(p) for p in new}  # added again: wanted again
        self._inputs += new
        found = self.scan()
        if [f.path for f in found] == self.files:
            return
        self._found = found
        self._set_result(None)

    def scan(self) -> list[FoundFile]:
        """What the inputs hold now (every run looks again: a late report copied
        into a folder is found), less the files the officer removed."""
        return [f for f in find_files(self._inputs) if path_key(f.path) not in self._removed]

    def clear(self) -> None:
        self._found = []
        self._inputs = []
        self._removed = set()
        self._set_result(None)

    @Slot()
    def _remove_selected(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        self._removed |= {path_key(f.path) for i, f in enumerate(self._found) if i in rows}
        self._found = [f for i, f in enumerate(self._found) if i not in rows]
        self._set_result(None)

    @Slot()
    def _pick_folder(self) -> None:
        folder = file_dialogs.pick_folder(self, s.AGG_PICK_FOLDER, self._start_folder())
        if folder:
            self.settings.set(cfg.AGG_INPUT_FOLDER, folder)
            self.add_paths([folder])

    @Slot()
    def _pick_files(self) -> None:
        paths = file_dialogs.open_files(
            self,
            s.AGG_PICK_FILES,
            self._start_folder(),
            f"{s.AGG_FILTER_REPORTS};;{s.FILTER_ALL}",
        )
        if paths:
            self.settings.set(cfg.AGG_INPUT_FOLDER, str(Path(paths[0]).parent))
            self.add_paths(paths)

    def _start_folder(self) -> str:
        """Where 添加文件夹/添加文件 open: the last folder picked (remembered between
        sessions), else the drafts folder — never the program's own folder."""
        from model.paths import drafts_dir

        last = self.settings.get(cfg.AGG_INPUT_FOLDER)
        if last and Path(last).is_dir():
            return last
        return str(drafts_dir())

    # ---- running -------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._worker is not None

    @Slot()
    def run(self) -> None:
        if self.running or not self._inputs:
            return
        year = self.year_combo.currentData()
        agency = self.agency_edit.text().strip()
        include_government = self.government_check.isChecked()
        self.settings.set(cfg.AGG_AGENCY, agency)
        scan = self.scan

        def job(worker: _Worker) -> tuple[list[FoundFile], AggregateResult]:
            files = scan()  # the folders as they are now: a late report counts
            result = aggregate(
                files,
                year=year,
                agency=agency,
                include_government=include_government,
                progress=worker.progress.emit,
                should_stop=worker.stop_requested.is_set,
            )
            return files, result

        self._set_result(None)
        self.progress.setRange(0, max(1, len(self._found)))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._start(job, self._finished, self._progress)

    @Slot()
    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.stop_requested.set()

    def _start(
        self,
        job: Callable[[_Worker], Any],
        on_done: Callable[[Any], None],
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> None:
        worker = _Worker(job, self)
        if on_progress is not None:
            worker.progress.connect(on_progress)
        worker.done.connect(on_done)
        worker.failed.connect(self._failed)
        worker.finished.connect(self._worker_ended)
        self._worker = worker
        self._update_buttons()
        worker.start()

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status_label.setText(
            s.AGG_RUNNING.format(done=done, total=total, name=Path(name).name)
        )

    @Slot(object)
    def _finished(self, done: tuple[list[FoundFile], AggregateResult]) -> None:
        self._found, result = done
        self._set_result(result)
        if result.over_limit:  # nothing to save: say which cells and which reports
            show_error(self, s.AGG_OVER_LIMIT_TITLE, result.over_limit_text())
        if result.summary is not None:
            self.summaryReady.emit(result.summary)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AggregateCancelled):
            self._set_result(None)
            self.status_label.setText(s.AGG_CANCELLED)
            return
        show_error(self, s.AGG_FAILED, str(exc) or type(exc).__name__)

    @Slot()
    def _worker_ended(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.deleteLater()
        self.progress.setVisible(False)
        self._update_buttons()

    def wait_idle(self, ms: int = 30000) -> None:
        """Block until a running job has ended (closing the dialog, tests)."""
        if self._worker is not None:
            self._worker.wait(ms)

    # ---- saving -----------------------------------------------------------------------------
    def default_folder(self, last: cfg.Setting[str] = cfg.AGG_DRAFT_FOLDER) -> Path:
        """Where a save of one kind (draft or workbook) is offered: the folder the
        officer last saved that kind in, else the drafts folder; in either case the
        nearest folder above it that is not one of the folders being summed: a
        summary saved among the reports would meet the next run (model.aggregate
        skips it, but the officer should not have to wonder)."""
        from model.paths import drafts_dir

        folder = self.settings.get(last)
        preferred = Path(folder) if folder and Path(folder).is_dir() else drafts_dir()
        return default_output_folder(self._inputs, preferred)

    def _default_path(self, pattern: str, last: cfg.Setting[str]) -> str:
        year = self._result.year if self._result else ""
        return str(self.default_folder(last) / pattern.format(year=year))

    def confirm_flags(self) -> bool:
        """Before the first save of a result: say how many summed reports had errors
        or blank cells (added as 0) and let the officer go back. True to save."""
        result = self._result
        if result is None or self._flags_confirmed:
            return True
        flags = result.flags()
        if not flags.errors and not flags.blanks:
            return True
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(s.AGG_FLAGS_TITLE)
        box.setText(s.AGG_FLAGS_QUESTION.format(errors=flags.errors, blanks=flags.blanks))
        box.setInformativeText(s.AGG_FLAGS_INFO)
        save = box.addButton(s.AGG_FLAGS_SAVE, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(s.AGG_FLAGS_BACK, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        self._flags_confirmed = box.clickedButton() is save
        return self._flags_confirmed

    @Slot()
    def _ask_save_draft(self) -> None:
        if not self.confirm_flags():
            return
        path = file_dialogs.save_file(
            self,
            s.AGG_SAVE_DRAFT_TITLE,
            self._default_path(s.AGG_DEFAULT_DRAFT, cfg.AGG_DRAFT_FOLDER),
            s.FILTER_DRAFT,
        )
        if path:
            self.save_draft(path)

    @Slot()
    def _ask_save_xlsx(self) -> None:
        if not self.confirm_flags():
            return
        path = file_dialogs.save_file(
            self,
            s.AGG_SAVE_XLSX_TITLE,
            self._default_path(s.AGG_DEFAULT_XLSX, cfg.AGG_XLSX_FOLDER),
            s.FILTER_XLSX,
        )
        if path:
            self.save_xlsx(path)

    def save_draft(self, path: str | Path) -> bool:
        from model.drafts import DraftError, save_draft

        if self._result is None or self._result.summary is None:
            return False
        path = _with_suffix(path, ".nianbao")
        try:
            save_draft(self._result.summary, path)
        except DraftError as exc:
            show_error(self, s.AGG_SAVE_FAILED, str(exc))
            return False
        self.settings.set(cfg.AGG_DRAFT_FOLDER, str(path.parent))
        self.status_label.setText(s.AGG_SAVED.format(path=path))
        return True

    def save_xlsx(self, path: str | Path) -> None:
        """Write the workbook off the UI thread (a thousand agencies take seconds)."""
        result = self._result
        if result is None or result.over_limit or self.running:
            return
        path = _with_suffix(path, ".xlsx")
        self.settings.set(cfg.AGG_XLSX_FOLDER, str(path.parent))

        def job(_worker: _Worker) -> Path:
            from exporters.summary_xlsx import export_summary_xlsx

            export_summary_xlsx(result, path)
            return path

        self.status_label.setText(s.AGG_EXPORTING)
        self._start(job, self._xlsx_saved)

    @Slot(object)
    def _xlsx_saved(self, path: Path) -> None:
        self.status_label.setText(s.AGG_SAVED.format(path=path))

    @Slot()
    def _open_summary(self) -> None:
        if self._result is not None and self._result.summary is not None:
            self.openRequested.emit(self._result.summary)
            self.accept()

    def done(self, code: int) -> None:
        # closing while a job runs: stop it and wait, so no thread outlives the dialog
        self.cancel()
        self.wait_idle()
        super().done(code)

    # ---- showing ------------------------------------------------------------------------------
    def _set_result(self, result: AggregateResult | None) -> None:
        self._result = result
        self._flags_confirmed = False
        statuses = {st.file: st for st in result.statuses} if result else {}
        self.table.setRowCount(len(self._found))
        for r, found in enumerate(self._found):
            self._fill_row(r, found, statuses.get(str(found.path)))
        if result is None:
            count = sum(1 for f in self._found if not f.skip)
            text = s.AGG_COUNT.format(n=len(self._found), reports=count) if self._found else ""
            self.status_label.setText(text)
        elif result.spec is None:
            self.status_label.setText(result.summary_line() + s.AGG_NOTHING)
        elif result.over_limit:
            self.status_label.setText(result.over_limit_text())
        else:
            flags = result.flags()
            scope = s.AGG_SCOPE.format(
                line=result.summary_line(), year=result.year, format=format_name(result.spec)
            )
            government = s.AGG_GOVERNMENT_LINE.format(n=flags.government)
            self.status_label.setText(
                scope
                + s.AGG_FLAGS_LINE.format(errors=flags.errors, blanks=flags.blanks)
                + (government if flags.government else "")
            )
        self._update_buttons()

    def _fill_row(self, r: int, found: FoundFile, st: ReportStatus | None) -> None:
        path = found.path
        if st is None:
            texts = [path.name, "", "", "", "", "", "", "", found.skip or s.AGG_WAITING]
        else:
            texts = [
                path.name,
                st.agency,
                st.kind_name,
                _num(st.errors),
                _num(st.warnings),
                _num(st.blanks),
                _date(st.date),
                st.late_text,
                st.note or (s.AGG_INCLUDED if st.included else ""),
            ]
        for c, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if c == 0:
                item.setToolTip(str(path))
            elif c == len(texts) - 1 and text:
                item.setToolTip(text)
            if st is not None:
                _paint(item, c, st)
            elif found.skip:
                item.setForeground(REFUSED_FG)
            self.table.setItem(r, c, item)

    def _update_buttons(self) -> None:
        running = self.running
        has_summary = self._result is not None and self._result.summary is not None
        self.run_button.setEnabled(bool(self._inputs) and not running)
        self.cancel_button.setEnabled(running)
        for b in (self.add_folder_button, self.add_files_button, self.clear_button):
            b.setEnabled(not running)
        self.remove_button.setEnabled(not running and bool(self.table.selectedIndexes()))
        self.save_draft_button.setEnabled(has_summary and not running)
        # a sum over the limit: nothing is saved, not even the workbook
        can_list = self._result is not None and not self._result.over_limit
        self.save_xlsx_button.setEnabled(can_list and not running)
        self.open_button.setEnabled(has_summary and not running)
        self.year_combo.setEnabled(not running)
        self.agency_edit.setEnabled(not running)
        self.government_check.setEnabled(not running)


def _paint(item: QTableWidgetItem, column: int, st: ReportStatus) -> None:
    if not st.included:
        item.setForeground(REFUSED_FG)
    if (column == 3 and st.errors) or (column == 5 and st.blanks):
        item.setBackground(colors.ERROR_BG)
    elif (column == 4 and st.warnings) or (column == 7 and st.late):
        item.setBackground(colors.WARNING_BG)
    elif column == 8 and not st.included:
        item.setBackground(colors.ERROR_BLANK_BG)


def _num(value: int | None) -> str:
    return "" if value is None else str(value)


def _date(value: dt.date | None) -> str:
    return (
        ""
        if value is None
        else s.AGG_DATE.format(year=value.year, month=value.month, day=value.day)
    )


def _with_suffix(path: str | Path, suffix: str) -> Path:
    path = Path(path)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


__all__ = ["AggregateDialog"]
