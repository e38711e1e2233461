"""Dialogs of the window: 新建, the unsaved-changes question, after an export, 关于.

The questions are small functions so that tests can replace them.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui import file_dialogs
from gui import strings as s
from gui.meta_page import MAX_YEAR, MIN_YEAR
from model.formats import UnknownFormat, format_for_year
from model.report import KINDS, Report
from model.values import InvalidValue


class NewReportDialog(QDialog):
    """Asks year, agency and kind, optionally 「基于上年报告」; `report` after accept."""

    def __init__(
        self, parent: QWidget | None = None, recent: list[str] | None = None, folder: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(s.NEW_TITLE)
        self.report: Report | None = None
        self.previous_report: Report | None = None
        self._folder = folder

        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(max(MIN_YEAR, dt.date.today().year - 1))  # filed for last year
        self.year.setSuffix(s.META_YEAR_SUFFIX)  # 「2025 年」, as on the 基本信息 page
        self.agency = QLineEdit()
        self.agency.setPlaceholderText(s.META_AGENCY_HINT)
        self.agency.setMinimumWidth(320)
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(s.META_KIND_NAMES[kind], kind)
        self.format = QLabel()
        self.format.setWordWrap(True)
        self.format.setStyleSheet("color: #555;")

        self.base = QCheckBox(s.NEW_BASE)
        self.base.setToolTip(s.NEW_BASE_TIP)
        self.base_path = QComboBox()
        self.base_path.setEditable(True)
        self.base_path.setMinimumWidth(320)
        self.base_path.lineEdit().setPlaceholderText(s.NEW_BASE_HINT)
        for path in recent or []:
            self.base_path.addItem(Path(path).name, path)
        self.base_path.setCurrentIndex(-1)
        self.base_pick = QPushButton(s.NEW_BASE_PICK)
        base_row = QHBoxLayout()
        base_row.addWidget(self.base_path, 1)
        base_row.addWidget(self.base_pick)
        self.base_note = QLabel(s.NEW_BASE_TIP)
        self.base_note.setWordWrap(True)
        self.base_note.setStyleSheet("color: #555;")

        form = QFormLayout()
        form.addRow(s.NEW_YEAR, self.year)
        form.addRow(s.NEW_AGENCY, self.agency)
        form.addRow(s.NEW_KIND, self.kind)
        form.addRow(s.NEW_FORMAT, self.format)
        form.addRow(self.base)
        form.addRow(base_row)
        form.addRow(self.base_note)

        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(s.NEW_CREATE)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.year.valueChanged.connect(self._update_format)
        self.base.toggled.connect(self._update_base)
        self.base_pick.clicked.connect(self._pick_base)
        self.base_path.activated.connect(lambda _i: self._base_chosen(self._base_file()))
        self._update_format()
        self._update_base()
        self.agency.setFocus()  # the year is already last year's: the name is what to type

    def _update_format(self) -> None:
        try:
            spec = format_for_year(self.year.value())
        except UnknownFormat:
            self.format.setText(s.NEW_NO_FORMAT.format(year=self.year.value()))
            return
        self.format.setText(s.META_FORMAT_TEXT.format(name=spec.name, issued_by=spec.issued_by))

    def _update_base(self) -> None:
        on = self.base.isChecked()
        for widget in (self.base_path, self.base_pick, self.base_note):
            widget.setEnabled(on)

    def _base_file(self) -> str:
        index = self.base_path.currentIndex()
        text = self.base_path.currentText().strip()
        if index >= 0 and self.base_path.itemText(index) == text:
            return str(self.base_path.itemData(index))
        return text

    def _pick_base(self) -> None:
        path = file_dialogs.open_file(
            self, s.DLG_PREVIOUS, self._folder, f"{s.FILTER_DRAFT};;{s.FILTER_ALL}"
        )
        if path:
            self.base_path.addItem(Path(path).name, path)
            self.base_path.setCurrentIndex(self.base_path.count() - 1)
            self._base_chosen(path)

    def _base_chosen(self, path: str) -> None:
        """Take year, agency and kind from last year's draft, as a starting point."""
        previous = self._load_previous(path)
        if previous is None:
            return
        self.year.setValue(previous.meta.year + 1)
        if not self.agency.text().strip():
            self.agency.setText(previous.meta.agency)
        self.kind.setCurrentIndex(max(0, self.kind.findData(previous.meta.kind)))

    def _load_previous(self, path: str) -> Report | None:
        from model.drafts import DraftError, load_draft

        try:
            report = load_draft(path)
        except DraftError as exc:
            self.error.setText(str(exc))
            return None
        self.error.setText("")
        return report

    def accept(self) -> None:
        year = self.year.value()
        agency = self.agency.text().strip()
        kind = self.kind.currentData()
        try:
            spec = format_for_year(year)
        except UnknownFormat:
            self.error.setText(s.NEW_NO_FORMAT.format(year=year))
            return
        if self.base.isChecked():
            path = self._base_file()
            if not path:
                self.error.setText(s.NEW_NEED_BASE)
                return
            previous = self._load_previous(path)
            if previous is None:
                return
            from model.carryover import start_from_previous

            try:
                report = start_from_previous(previous, year)
            except (ValueError, UnknownFormat) as exc:
                self.error.setText(str(exc))
                return
            try:
                report.set_meta(agency=agency or report.meta.agency, kind=kind)
            except InvalidValue as exc:  # control characters in the name (model.texts)
                self.error.setText(str(exc))
                self.agency.setFocus()
                return
            if not report.meta.agency:
                self.error.setText(s.NEW_NEED_AGENCY)
                return
            self.previous_report = previous
        else:
            if not agency:
                self.error.setText(s.NEW_NEED_AGENCY)
                self.agency.setFocus()
                return
            try:
                report = Report(spec, year, agency=agency, kind=kind)
            except InvalidValue as exc:
                self.error.setText(str(exc))
                self.agency.setFocus()
                return
        report.revision = 0
        self.report = report
        super().accept()


# ---- questions -------------------------------------------------------------------------------
class SaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_save_changes(parent: QWidget | None, name: str, question: str = "") -> SaveChoice:
    """保存 / 不保存 / 取消 before the current report is closed. `question` says what
    closes it and why (「打开另一个文件前，是否保存对“…”的修改？」)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(s.UNSAVED_TITLE)
    box.setText(question or s.UNSAVED_TEXT.format(name=name))
    box.setInformativeText(s.UNSAVED_LOST if question else s.UNSAVED_INFO)
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.button(QMessageBox.StandardButton.Discard).setText(s.UNSAVED_DISCARD)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SaveChoice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return SaveChoice.DISCARD
    return SaveChoice.CANCEL


def ask_changed_on_disk(parent: QWidget | None, name: str) -> str | None:
    """The draft was saved by someone else since it was opened here: "save_as"
    (the default), "overwrite", or None (取消)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(s.CHANGED_ON_DISK_TITLE)
    box.setText(s.CHANGED_ON_DISK.format(name=name))
    box.setInformativeText(s.CHANGED_ON_DISK_INFO)
    save_as = box.addButton(s.CHANGED_ON_DISK_SAVE_AS, QMessageBox.ButtonRole.AcceptRole)
    overwrite = box.addButton(s.CHANGED_ON_DISK_OVERWRITE, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return "save_as" if clicked is save_as else "overwrite" if clicked is overwrite else None


class OpenChoice(Enum):
    FILE = "file"
    FOLDER = "folder"
    NOTHING = "nothing"


EXPORT_WARNINGS_SHOWN = 8  # listed in the box; more go under 显示详情


def export_done_box(
    parent: QWidget | None, path: str, warnings: list[str]
) -> tuple[QMessageBox, dict[OpenChoice, object]]:
    """The box saying an export is done, with its buttons by choice. Each warning is
    said once: in the box, or (beyond the first few) only under 显示详情."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(s.EXPORT_DONE_TITLE)
    box.setText(s.EXPORT_DONE.format(path=path))
    shown, rest = warnings[:EXPORT_WARNINGS_SHOWN], warnings[EXPORT_WARNINGS_SHOWN:]
    if shown:
        box.setInformativeText(s.EXPORT_WARNINGS + "\n" + "\n".join(f"• {w}" for w in shown))
    if rest:
        box.setDetailedText("\n".join(f"• {w}" for w in rest))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    open_file = box.addButton(s.EXPORT_OPEN_FILE, QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton(s.EXPORT_OPEN_FOLDER, QMessageBox.ButtonRole.ActionRole)
    close = box.addButton(s.EXPORT_CLOSE, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_file)
    box.setEscapeButton(close)
    buttons = {
        OpenChoice.FILE: open_file,
        OpenChoice.FOLDER: open_folder,
        OpenChoice.NOTHING: close,
    }
    return box, buttons


def ask_open_exported(parent: QWidget | None, path: str, warnings: list[str]) -> OpenChoice:
    """After an export: open the file, its folder, or nothing."""
    box, buttons = export_done_box(parent, path, warnings)
    open_file, open_folder = buttons[OpenChoice.FILE], buttons[OpenChoice.FOLDER]
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_file:
        return OpenChoice.FILE
    if clicked is open_folder:
        return OpenChoice.FOLDER
    return OpenChoice.NOTHING


def ask_export_with_errors(parent: QWidget | None, errors: int, printing: bool = False) -> bool:
    """Warn, not block: the officer may export (or print) a draft with errors on purpose."""
    answer = QMessageBox.warning(
        parent,
        s.EXPORT_ERRORS_TITLE,
        (s.PRINT_ERRORS if printing else s.EXPORT_ERRORS).format(errors=errors),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_recover(parent: QWidget | None, name: str, time: str) -> bool | None:
    """恢复 (True) / 丢弃 (False) / close the box (None: ask again next time)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(s.RECOVER_TITLE)
    box.setText(s.RECOVER_TEXT.format(name=name, time=time))
    box.setInformativeText(s.RECOVER_INFO)
    recover = box.addButton(s.RECOVER_BUTTON, QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(s.RECOVER_DISCARD, QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(recover)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    if clicked is recover:
        return True
    if clicked is discard:
        return False
    return None


def ask_print_without_suite(parent: QWidget | None) -> bool:
    """No office suite to make the PDF: say how to print the exported Word file.
    True when the officer chose 导出 Word… from here."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(s.PRINT_NO_SUITE_TITLE)
    box.setText(s.PRINT_NO_SUITE)
    box.setInformativeText(s.PRINT_NO_SUITE_INFO)
    export = box.addButton(s.PRINT_EXPORT_DOCX, QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton(s.EXPORT_CLOSE, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(export)
    box.setEscapeButton(close)
    box.exec()
    return box.clickedButton() is export


def ask_print_without_viewer(parent: QWidget | None) -> bool:
    """The PDF to print was made but no program opened it: say how to print instead.
    True when the officer chose 导出 PDF… (to keep a copy to print elsewhere)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(s.PRINT_NO_VIEWER_TITLE)
    box.setText(s.PRINT_NO_VIEWER)
    box.setInformativeText(s.PRINT_NO_VIEWER_INFO)
    export = box.addButton(s.PRINT_EXPORT_PDF, QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton(s.EXPORT_CLOSE, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(export)
    box.setEscapeButton(close)
    box.exec()
    return box.clickedButton() is export


def show_about(parent: QWidget | None, version: str) -> None:
    QMessageBox.about(parent, s.ABOUT_TITLE, s.ABOUT_TEXT.format(version=version))
