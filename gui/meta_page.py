"""基本信息: agency, report year, report kind, date, and what follows from them.

A year change that crosses into another format (2020 ↔ 2021) asks first, then
converts the report with `model.convert` as one undo step and says what could
not be carried over.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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

from gui import colors
from gui import strings as s
from gui.document import DocumentController
from model import limits
from model.formats import FORMATS, UnknownFormat, format_for_year
from model.issues import Issue, Severity, Validation
from model.report import KINDS, Change
from model.rules import format_date
from model.values import InvalidValue

# A new report starts at the first year an official format covers (2019); a draft
# keeps its own year, anywhere within model.limits, and the field shows it as it is.
MIN_YEAR = min(spec.first_year for spec in FORMATS.values())
MAX_YEAR = limits.MAX_YEAR
FORM_WIDTH = 760
_NO_DATE = QDate(2000, 1, 1)  # shown as 「未填写」: QDateEdit cannot be empty


_DEADLINE = "deadline"  # the note under 公布期限
_DEADLINE_RULE = "R14"


def _issues_by_note(validation: Validation) -> dict[str, list[Issue]]:
    """The issues each note of the page shows. The deadline rule's issues are
    about 公布期限, so they stand under it, not under 成文日期; its plain reminder
    (an info) is left out there, since the 公布期限 line says the same."""
    out: dict[str, list[Issue]] = {}
    for key, issues in validation.by_cell.items():
        for issue in issues:
            if issue.rule != _DEADLINE_RULE:
                out.setdefault(key, []).append(issue)
            elif issue.severity is not Severity.INFO:
                out.setdefault(_DEADLINE, []).append(issue)
    return out


class MetaPage(QWidget):
    loadPreviousRequested = Signal()  # 「载入上年报告…」 under a detached-report note

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._refreshing = False

        heading = QLabel(s.META_HEADING)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)

        self.agency = QLineEdit()
        self.agency.setPlaceholderText(s.META_AGENCY_HINT)
        self.agency.setMinimumWidth(360)
        self.year = QSpinBox()
        self.year.setRange(limits.MIN_YEAR, limits.MAX_YEAR)
        self.year.setSuffix(s.META_YEAR_SUFFIX)
        self.year.setKeyboardTracking(False)  # 「2021」 typed is one change, not four
        # A year guessed on import stays 「待确认」 until confirmed here or changed (R13).
        self.confirm_year = QPushButton(s.META_CONFIRM_YEAR)
        self.confirm_year.setToolTip(s.META_CONFIRM_YEAR_TIP)
        self.confirm_year.clicked.connect(lambda: self.controller.confirm_year())
        self.year_pending = QLabel(s.META_YEAR_PENDING)
        self.year_pending.setStyleSheet(
            f"color: {colors.issue_foreground(Severity.WARNING).name()}; font-weight: bold;"
        )
        year_row = QHBoxLayout()
        year_row.addWidget(self.year)
        year_row.addWidget(self.year_pending)
        year_row.addWidget(self.confirm_year)
        year_row.addStretch(1)
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(s.META_KIND_NAMES[kind], kind)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy年M月d日")
        self.date.setMinimumDate(_NO_DATE)
        self.date.setSpecialValueText(s.META_DATE_BLANK)
        self.date.calendarWidget().installEventFilter(self)
        self.today = QPushButton(s.META_DATE_TODAY)
        self.clear_date = QPushButton(s.META_DATE_CLEAR)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date)
        date_row.addWidget(self.today)
        date_row.addWidget(self.clear_date)
        date_row.addStretch(1)
        self.deadline = QLabel()
        self.format = QLabel()
        self.format.setWordWrap(True)

        # Said under the year when a year change detached last year's report, naming
        # the carried-in numbers to check, with a way to load the right report.
        self.previous_note = QLabel()
        self.previous_note.setWordWrap(True)
        self.previous_note.setStyleSheet(
            f"color: {colors.issue_foreground(Severity.WARNING).name()};"
        )
        self.previous_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.load_previous_button = QPushButton(s.META_LOAD_PREVIOUS)
        self.load_previous_button.clicked.connect(self.loadPreviousRequested)
        self.previous_box = QWidget()
        box_layout = QVBoxLayout(self.previous_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.previous_note)
        box_layout.addWidget(self.load_previous_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.previous_box.hide()
        # One line under each field for its problems, so they are read where they are fixed.
        self.notes: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(6)
        for key, label, field in (
            ("meta.agency", s.META_AGENCY, self.agency),
            ("meta.year", s.META_YEAR, year_row),
            ("meta.kind", s.META_KIND, self.kind),
            ("meta.date", s.META_DATE, date_row),
        ):
            form.addRow(label, field)
            note = QLabel()
            note.setWordWrap(True)
            note.hide()
            self.notes[key] = note
            form.addRow("", note)
            if key == "meta.year":
                form.addRow("", self.previous_box)
        note = QLabel()
        note.setWordWrap(True)
        note.hide()
        self.notes[_DEADLINE] = note
        deadline_column = QVBoxLayout()  # the note right under its line, not a row away
        deadline_column.setSpacing(2)
        deadline_column.addWidget(self.deadline)
        deadline_column.addWidget(note)
        form.addRow(s.META_DEADLINE, deadline_column)
        form.addRow(s.META_FORMAT, self.format)
        note = QLabel()
        note.setWordWrap(True)
        note.hide()
        self.notes["meta.format"] = note
        form.addRow("", note)

        # A form of readable width, not stretched across a wide window.
        body = QWidget()
        body.setLayout(form)
        body.setMaximumWidth(FORM_WIDTH)
        self.year.setMaximumWidth(140)
        self.kind.setMaximumWidth(200)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addWidget(body)
        layout.addStretch(1)

        self.agency.textEdited.connect(self._on_agency)
        self.agency.editingFinished.connect(self._on_agency_done)
        self.year.valueChanged.connect(self._on_year)
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.date.dateChanged.connect(self._on_date)
        self.today.clicked.connect(lambda: self.date.setDate(QDate.currentDate()))
        self.clear_date.clicked.connect(lambda: self.date.setDate(_NO_DATE))
        controller.reportChanged.connect(self._on_change)
        controller.reportReplaced.connect(self.refresh)
        controller.reportReplaced.connect(self.previous_box.hide)
        controller.validationChanged.connect(self.show_issues)
        controller.previousDetached.connect(self._on_previous_detached)
        controller.add_edit_source(self)
        self._agency_refusal: str | None = None
        self.refresh()
        self.show_issues(controller.validation)

    # ---- model → widgets --------------------------------------------------------------
    def refresh(self) -> None:
        report = self.controller.report
        meta = report.meta
        self._refreshing = True
        try:
            if self.agency.text() != meta.agency:
                self.agency.setText(meta.agency)
            # the model keeps the year within the limits; clamp all the same, as a
            # QSpinBox given a number beyond 32 bits raises instead of refusing it
            self.year.setValue(min(max(meta.year, limits.MIN_YEAR), limits.MAX_YEAR))
            self.kind.setCurrentIndex(max(0, self.kind.findData(meta.kind)))
            self.date.setDate(QDate(meta.date) if meta.date else _NO_DATE)
        finally:
            self._refreshing = False
        self.year_pending.setVisible(meta.year_pending)
        self.confirm_year.setVisible(meta.year_pending)
        spec = report.spec
        day = spec.deadline(meta.year, meta.kind)
        kind_name = s.META_KIND_NAMES.get(meta.kind, meta.kind)
        self.deadline.setText(
            s.META_DEADLINE_TEXT.format(date=format_date(day), kind=kind_name) if day else ""
        )
        self.format.setText(s.META_FORMAT_TEXT.format(name=spec.name, issued_by=spec.issued_by))

    def _on_change(self, change: Change) -> None:
        if change.what == "meta":
            self.refresh()
        elif change.what == "previous" and self.controller.report.previous is not None:
            self.previous_box.hide()  # undone, or another report loaded

    def _on_previous_detached(self, text: str) -> None:
        self.previous_note.setText(text)
        self.previous_box.show()

    def show_issues(self, validation: Validation) -> None:
        shown = _issues_by_note(validation)
        for key, note in self.notes.items():
            if key == "meta.agency" and self._agency_refusal is not None:
                continue  # the refusal stays in sight until the name is fixed
            issues = shown.get(key, [])
            if not issues:
                note.hide()
                continue
            worst = min(issues, key=lambda i: i.severity.rank)
            color = colors.issue_foreground(worst.severity).name()
            note.setText("\n".join(f"{i.severity.label}：{i.message}" for i in issues))
            note.setStyleSheet(f"color: {color};")
            note.show()

    # ---- edit source (gui.document.EditSource) -------------------------------------------
    def commit_edit(self) -> str | None:
        """The year typed but not yet confirmed (the field waits for Enter or a focus
        change, so that 「2021」 is one change) is taken now; a refused agency name
        stops the reader."""
        self.year.interpretText()  # emits valueChanged only for a new year
        if self._agency_refusal is not None:
            self.agency.setFocus(Qt.FocusReason.OtherFocusReason)
        return self._agency_refusal

    def pending_edit(self) -> None:
        """Fields reach the report as they change; a year waiting for Enter may
        switch the format, so it is left to the commit."""
        return None

    # ---- widgets → model --------------------------------------------------------------
    def _on_agency(self, text: str) -> None:
        try:
            self.controller.set_meta(agency=text)
        except InvalidValue as exc:  # too long (model.limits): kept in the field, said
            self._agency_refusal = str(exc)
            self._show_agency_refusal()
        else:
            if self._agency_refusal is not None:
                self._agency_refusal = None
                self.controller.note_refusal_cleared()
                self.show_issues(self.controller.validation)

    def _show_agency_refusal(self) -> None:
        note = self.notes["meta.agency"]
        note.setText(s.META_AGENCY_REFUSED.format(reason=self._agency_refusal))
        note.setStyleSheet(f"color: {colors.issue_foreground(Severity.ERROR).name()};")
        note.show()

    def _on_agency_done(self) -> None:
        text = self.agency.text()
        if text != text.strip():
            self.controller.set_meta(agency=text.strip())

    def _on_kind(self, _index: int) -> None:
        if not self._refreshing:
            self.controller.set_meta(kind=self.kind.currentData())

    def _on_date(self, date: QDate) -> None:
        if not self._refreshing:
            self.controller.set_meta(date=None if date == _NO_DATE else date.toPython())

    def _on_year(self, year: int) -> None:
        if self._refreshing:
            return
        report = self.controller.report
        if year == report.meta.year:
            return
        try:
            target = format_for_year(year)
        except UnknownFormat:
            self.refresh()
            return
        if target.id == report.spec.id:
            self.controller.set_meta(year=year)
            return
        self.convert_to(year)

    def convert_to(self, year: int) -> bool:
        """Ask, then move the report to the format `year` requires. False if declined."""
        from model.convert import convert_report

        target = format_for_year(year)
        answer = QMessageBox.question(
            self,
            s.META_YEAR_CHANGE_TITLE,
            s.META_YEAR_CHANGE.format(year=year, target=target.name, issued_by=target.issued_by),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.refresh()  # back to the report's year
            return False
        converted, notes = convert_report(self.controller.report, target.id, year)
        self.controller.replace_report(converted, s.META_CONVERT_UNDO.format(year=year))
        target_name = f"{target.name}（{target.issued_by}）"
        if notes:
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(s.META_CONVERT_NOTES_TITLE)
            box.setText(s.META_CONVERT_NOTES.format(target=target_name))
            box.setInformativeText("\n".join(f"• {n}" for n in notes[:12]))
            box.setDetailedText("\n".join(notes))
            box.exec()
        else:
            QMessageBox.information(
                self, s.META_CONVERT_NOTES_TITLE, s.META_CONVERT_CLEAN.format(target=target_name)
            )
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A blank date would open the calendar at the year 2000; show January of the
        # year after the report year instead, when reports are written.
        if (
            event.type() == QEvent.Type.Show
            and watched is self.date.calendarWidget()
            and self.controller.report.meta.date is None
        ):
            self.date.calendarWidget().setCurrentPage(self.controller.report.meta.year + 1, 1)
        return False

    def focus_field(self, key: str) -> None:
        widget = {
            "meta.agency": self.agency,
            "meta.year": self.year,
            "meta.format": self.year,
            "meta.kind": self.kind,
            "meta.date": self.date,
        }.get(key, self.agency)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
