"""一, 五, 六: a plain text editor per narrative section.

Beside the editor: what the section should report (the spec's prompt), a count
of characters and paragraphs, for 一 the suggested outline, for 六 (2021) the
信息处理费 fields that write the customary sentence, and last year's text as a
read-only reference (never copied into this year's report by itself).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QFocusEvent, QFont, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui import colors
from gui import strings as s
from gui.document import DocumentController
from gui.issue_note import IssueNote
from model.fees import (
    FEE_AMOUNT,
    FEE_COUNT,
    fee_sentence,
    parse_amount,
    parse_count,
    place_fee_sentence,
)
from model.issues import Severity, Validation
from model.report import Change
from model.spec import Section
from model.values import InvalidValue, normalise_text

TEXT_SCALE = 1.15  # the texts a little larger than the interface: long reading and writing


# ---- pure helpers (no widgets) ---------------------------------------------------------
def count_text(text: str) -> tuple[int, int]:
    """(characters without whitespace, non-empty paragraphs)."""
    chars = sum(1 for ch in text if not ch.isspace())
    paras = sum(1 for line in text.splitlines() if line.strip())
    return chars, paras


# ---- the editor ----------------------------------------------------------------------------
class TextEditor(QPlainTextEdit):
    """The section's editor. Its text goes to the report with each keystroke and the
    report's one history undoes it (the editor keeps none); here the editor tells
    where an undo step ends: a paste or drop is a step of its own, and leaving the
    editor ends the step being typed."""

    def __init__(self, end_step: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._end_step = end_step
        self.whole_edit = False  # True while a paste or drop is being inserted

    def insertFromMimeData(self, source: QMimeData) -> None:
        self.whole_edit = True
        try:
            super().insertFromMimeData(source)
        finally:
            self.whole_edit = False

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._end_step()
        super().focusOutEvent(event)


# ---- the page ------------------------------------------------------------------------------
class TextPage(QWidget):
    def __init__(
        self, controller: DocumentController, section: Section, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        assert section.text is not None
        self.controller = controller
        self.section = section
        self.key = f"text.{section.id}"
        self._applying = False
        self._inserting = False  # an inserted outline is one undo step
        self._fee_typing = False  # a fee field is writing its own keystroke to the report
        self._undoing_fee = False  # the report's fee changed elsewhere (undo, redo, open)
        text_spec = section.text

        heading = QLabel(section.heading)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        prompt = QLabel(s.TEXT_PROMPT + text_spec.prompt)
        prompt.setWordWrap(True)
        prompt.setStyleSheet("color: #555;")
        self.note = IssueNote()  # scrolls past a few lines: the editor keeps its room
        # A text the report refused (over model.limits): said until it is fixed.
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(f"color: {colors.issue_foreground(Severity.ERROR).name()};")
        self.refusal.hide()
        self._refusals: dict[QWidget, str] = {}  # editor or fee field -> why refused

        self.editor = TextEditor(controller.end_text_step)
        self.editor.setPlaceholderText(s.TEXT_PLACEHOLDER)
        self.editor.setTabChangesFocus(True)
        # The report's one history takes Ctrl+Z (gui/shortcuts.py): the editor keeps none.
        self.editor.setUndoRedoEnabled(False)
        self._text_point_size = self.editor.font().pointSizeF() * TEXT_SCALE
        self.count = QLabel()

        tools = QHBoxLayout()
        self.outline_button: QPushButton | None = None
        if text_spec.outline:
            self.outline_button = QPushButton(s.TEXT_OUTLINE)
            self.outline_button.setToolTip(
                s.TEXT_OUTLINE_TIP.format(items="、".join(text_spec.outline))
            )
            self.outline_button.clicked.connect(self.insert_outline)
            tools.addWidget(self.outline_button)
        tools.addStretch(1)
        tools.addWidget(self.count)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addLayout(tools)
        left_layout.addWidget(self.editor, 1)
        self.fee_box: QGroupBox | None = None
        if text_spec.fee_statement:
            left_layout.addWidget(self._build_fee_box())

        # Last year's text: a reference, read-only, copied only on request.
        self.previous_box = QWidget()
        prev_layout = QVBoxLayout(self.previous_box)
        prev_layout.setContentsMargins(0, 0, 0, 0)
        self.previous_label = QLabel()
        self.previous_label.setStyleSheet("color: #555;")
        self.previous_text = QPlainTextEdit()
        self.previous_text.setReadOnly(True)
        self.previous_text.setStyleSheet("QPlainTextEdit { background: #f6f6f4; }")
        self.copy_button = QPushButton(s.TEXT_COPY_SELECTED)
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_selected)
        self.previous_text.copyAvailable.connect(self.copy_button.setEnabled)
        prev_layout.addWidget(self.previous_label)
        prev_layout.addWidget(self.previous_text, 1)
        prev_layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignRight)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.previous_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading)
        layout.addWidget(prompt)
        layout.addWidget(self.note)
        layout.addWidget(self.refusal)
        layout.addWidget(splitter, 1)

        self.editor.textChanged.connect(self._on_edit)
        controller.reportChanged.connect(self._on_change)
        controller.reportReplaced.connect(self.refresh)
        controller.validationChanged.connect(self.show_issues)
        controller.add_edit_source(self)
        self.set_zoom(100)
        self.refresh()
        self.show_issues(controller.validation)

    # ---- edit source (gui.document.EditSource) -------------------------------------------
    def commit_edit(self) -> str | None:
        """Text reaches the report with each keystroke; what is left is a text the
        report refused (too long, a fee that is not a number): say it, stay there."""
        for widget, reason in self._refusals.items():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return reason
        return None

    def pending_edit(self) -> None:
        """Nothing typed here waits for a commit: text reaches the report as typed (a
        refused text stays in the editor, with its reason)."""
        return None

    def _refuse(self, widget: QWidget, reason: str | None) -> None:
        if reason is None:
            if self._refusals.pop(widget, None) is not None:
                self.controller.note_refusal_cleared()
        else:
            self._refusals[widget] = reason
        self.refusal.setText("\n".join(self._refusals.values()))
        self.refusal.setVisible(bool(self._refusals))

    def _build_fee_box(self) -> QGroupBox:
        box = QGroupBox(s.TEXT_FEE_GROUP)
        self.fee_count = QLineEdit()
        self.fee_count.setMaximumWidth(120)
        self.fee_amount = QLineEdit()
        self.fee_amount.setMaximumWidth(160)
        self.fee_preview = QLabel()
        self.fee_preview.setWordWrap(True)
        self.fee_insert = QPushButton(s.TEXT_FEE_INSERT)
        self.fee_insert.clicked.connect(self.insert_fee_sentence)
        row = QHBoxLayout()
        form = QFormLayout()
        form.addRow(s.TEXT_FEE_COUNT, self.fee_count)
        form.addRow(s.TEXT_FEE_AMOUNT, self.fee_amount)
        row.addLayout(form)
        right = QVBoxLayout()
        right.addWidget(self.fee_preview)
        right.addWidget(self.fee_insert, 0, Qt.AlignmentFlag.AlignLeft)
        row.addLayout(right, 1)
        box.setLayout(row)
        self.fee_count.textEdited.connect(self._on_fee_count)
        self.fee_amount.textEdited.connect(self._on_fee_amount)
        self.fee_box = box
        return box

    # ---- model → widgets ------------------------------------------------------------------
    def refresh(self) -> None:
        report = self.controller.report
        text = report.texts.get(self.section.id, "")
        if self.editor.toPlainText() != text:
            self._applying = True
            try:
                pos = self.editor.textCursor().position()
                self.editor.setPlainText(text)
                cursor = self.editor.textCursor()
                cursor.setPosition(min(pos, len(text)))
                self.editor.setTextCursor(cursor)
            finally:
                self._applying = False
        self._update_count()
        self._refresh_previous()
        if self.fee_box is not None:
            self._refresh_fee()

    def _refresh_previous(self) -> None:
        previous = self.controller.report.previous
        text = previous.texts.get(self.section.id, "") if previous else ""
        self.previous_box.setVisible(bool(text.strip()))
        if previous and text.strip():
            self.previous_label.setText(s.TEXT_PREVIOUS.format(year=previous.year))
            if self.previous_text.toPlainText() != text:
                self.previous_text.setPlainText(text)

    def _fee_typing_in(self, field: QLineEdit) -> bool:
        """A field holding refused text the officer is still to fix: the report says
        blank there, and the field keeps what was typed (an undo still rewrites it)."""
        return field in self._refusals and not self._undoing_fee

    def _refresh_fee(self) -> None:
        extras = self.controller.report.extras
        count, amount = extras.get(FEE_COUNT), extras.get(FEE_AMOUNT)
        # Rewrite a field only when it says something else than the report (undo, open):
        # never while it holds what the officer is typing, refused text included.
        if not (self._fee_typing_in(self.fee_count)):
            shown_count = normalise_text(self.fee_count.text())
            if shown_count != ("" if count is None else str(count)):
                self.fee_count.setText("" if count is None else str(count))
                self._refuse(self.fee_count, None)
        if not self._fee_typing_in(self.fee_amount):
            try:
                shown_amount = parse_amount(self.fee_amount.text())
            except ValueError:
                shown_amount = None
            if shown_amount != amount or (amount is None and self.fee_amount.text().strip()):
                self.fee_amount.setText("" if amount is None else format(amount, "f"))
                self._refuse(self.fee_amount, None)
        sentence = fee_sentence(count, amount)
        self.fee_preview.setText(s.TEXT_FEE_PREVIEW + sentence if sentence else s.TEXT_FEE_HINT)
        self.fee_insert.setEnabled(sentence is not None)

    def _on_change(self, change: Change) -> None:
        if change.what == "text" and self.section.id in change.keys:
            self.refresh()
        elif change.what == "previous":
            self._refresh_previous()
        elif change.what == "extra" and self.fee_box is not None and not self._fee_typing:
            # a change from elsewhere (undo, redo, open): the fields follow the report
            self._undoing_fee = True
            try:
                self._refresh_fee()
            finally:
                self._undoing_fee = False

    def _update_count(self) -> None:
        chars, paras = count_text(self.editor.toPlainText())
        self.count.setText(s.TEXT_COUNT.format(chars=chars, paras=paras))

    def show_issues(self, validation: Validation) -> None:
        self.note.set_issues(validation.by_cell.get(self.key, []))

    # ---- widgets → model ------------------------------------------------------------------
    def _on_edit(self) -> None:
        self._update_count()
        if self._applying:
            return
        try:
            self.controller.set_text(
                self.section.id, self.editor.toPlainText(), whole=self._whole_edit()
            )
        except InvalidValue as exc:  # over the length limit: kept here, said, not saved
            self._refuse(self.editor, str(exc))
        else:
            self._refuse(self.editor, None)

    def _whole_edit(self) -> bool:
        """Whether the edit under way is a step of its own (a paste, the outline)."""
        return self.editor.whole_edit or self._inserting

    def insert_outline(self) -> None:
        """Each suggested sub-heading on a line of its own, at the cursor (one undo step)."""
        outline = self.section.text.outline if self.section.text else ()
        cursor = self.editor.textCursor()
        prefix = "" if cursor.atBlockStart() else "\n"
        self._inserting = True
        try:
            cursor.insertText(prefix + "\n".join(outline) + "\n")
        finally:
            self._inserting = False
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def copy_selected(self) -> None:
        selected = self.previous_text.textCursor().selectedText().replace("\u2029", "\n")
        if selected:
            QGuiApplication.clipboard().setText(selected)
            window = self.window()
            bar = getattr(window, "statusBar", None)
            if callable(bar):
                bar().showMessage(s.STATUS_COPIED, 4000)

    def _on_fee_count(self, text: str) -> None:
        self._fee_edited(self.fee_count, FEE_COUNT, parse_count, text)

    def _on_fee_amount(self, text: str) -> None:
        self._fee_edited(self.fee_amount, FEE_AMOUNT, parse_amount, text)

    def _fee_edited(
        self, field: QLineEdit, key: str, parse: Callable[[str], Any], text: str
    ) -> None:
        """A keystroke in a fee field. A refused text leaves the report's value blank,
        not the last number that parsed on the way (「56」 of 「56 7」): the sentence
        cannot be made, autosave keeps no number the officer did not mean, and the
        field keeps the refused text and its message until it is fixed."""
        try:
            value, refusal, reason = parse(text), None, ""
        except ValueError as exc:
            value, refusal, reason = None, s.TEXT_FEE_REFUSED.format(reason=exc), str(exc)
        self._refuse(field, refusal)
        self._fee_typing = True
        try:
            self.controller.set_extra(key, value, s.TEXT_FEE_GROUP)
        finally:
            self._fee_typing = False
        self._refresh_fee()
        if refusal is not None:
            self.fee_preview.setText(reason)

    def insert_fee_sentence(self) -> None:
        extras = self.controller.report.extras
        sentence = fee_sentence(extras.get(FEE_COUNT), extras.get(FEE_AMOUNT))
        if sentence is None:
            return
        text = place_fee_sentence(self.editor.toPlainText(), sentence)
        self.controller.set_text(self.section.id, text, whole=True)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)

    def set_zoom(self, percent: int) -> None:
        """视图 → 放大/缩小: this year's and last year's text at `percent` of normal."""
        for editor in (self.editor, self.previous_text):
            font = QFont(editor.font())
            font.setPointSizeF(self._text_point_size * percent / 100)
            editor.setFont(font)

    def focus_editor(self, at: int | None = None) -> None:
        """Focus the editor; with `at`, put the cursor at that character and scroll
        to it (undo and redo show where the text changed)."""
        if at is not None:
            cursor = self.editor.textCursor()
            cursor.setPosition(max(0, min(at, len(self.editor.toPlainText()))))
            self.editor.setTextCursor(cursor)
            self.editor.ensureCursorVisible()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
