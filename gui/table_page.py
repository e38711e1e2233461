"""The page of one table section (二, 三, 四): title, 补零, messages and the grid."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import colors
from gui import strings as s
from gui.document import DocumentController, PendingEdit
from gui.table_model import TableModel, where_text
from gui.table_view import GridView
from model.spec import TableSpec

NOTE_SECONDS = 12


class MessageBar(QFrame):
    """An inline, dismissible message: a refusal (red-ish) or a note (blue-ish)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip(s.MESSAGE_CLOSE)
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 4, 6)
        layout.addWidget(self._label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.refused = False
        self.lasting = False
        # Notes (补零 done, paste done) fade after a while; refusals stay until
        # the officer dismisses them or the next edit succeeds.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTE_SECONDS * 1000)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def text(self) -> str:
        return self._label.text() if self.isVisibleTo(self.parentWidget()) else ""

    def show_message(self, text: str, refused: bool, lasting: bool = False) -> None:
        """A refusal or a lasting note stays until dismissed or resolved; a note
        fades after NOTE_SECONDS."""
        self.refused = refused
        self.lasting = lasting
        bg, border = (
            (colors.MESSAGE_REFUSED_BG, colors.MESSAGE_REFUSED_BORDER)
            if refused
            else (colors.MESSAGE_INFO_BG, colors.MESSAGE_INFO_BORDER)
        )
        self.setStyleSheet(
            f"#messageBar {{ background: {bg}; border: 1px solid {border}; border-radius: 4px; }}"
        )
        self._label.setText(text)
        self.show()
        if refused or lasting:
            self._timer.stop()
        else:
            self._timer.start()


class ElidedLabel(QLabel):
    """One line of text, cut at the end with 「…」 when the page is narrow; the whole
    text is its tooltip."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = text
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        shown = self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideRight, max(self.width(), 10)
        )
        if shown != self.text():
            self.setText(shown)


class TablePage(QWidget):
    """Section 二, 三 or 四 as the official table, editable like a spreadsheet."""

    def __init__(
        self,
        controller: DocumentController,
        table_spec: TableSpec,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._table_id = table_spec.id
        self.model = TableModel(controller, table_spec.id, self)
        self.view = GridView(self.model, self)

        self._title = QLabel(self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self._title.setFont(font)
        self._title.setWordWrap(False)
        self.zero_button = QPushButton(s.ZERO_TABLE_BUTTON, self)
        self.zero_button.setToolTip(s.ZERO_TABLE_TIP)
        self.zero_button.clicked.connect(self.fill_zero)
        # Title and 补零 on one line, the key hint and the colour legend on one below:
        # every line above the grid is a row of table 三 less on a 1366×768 screen.
        top = QHBoxLayout()
        top.addWidget(self._title, 1)
        top.addWidget(self.zero_button, 0, Qt.AlignmentFlag.AlignVCenter)

        self.hint = ElidedLabel(s.TABLE_HINT, self)
        self.hint.setStyleSheet("color: #555;")
        hints = QHBoxLayout()
        hints.addWidget(self.hint, 1)
        hints.addLayout(_legend(self))

        self.message_bar = MessageBar(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(hints)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.view, 1)
        layout.addStretch(0)

        self.view.message.connect(self.show_message)
        self.view.refusalResolved.connect(self._on_refusal_resolved)
        self.view.pendingChanged.connect(self._on_pending_changed)
        controller.undo_stack.indexChanged.connect(self._on_history_moved)
        controller.reportReplaced.connect(self._update_title)
        controller.add_edit_source(self)
        self._recovered_note = False  # the note of a recovered entry is shown
        self._update_title()

    @property
    def table_id(self) -> str:
        return self._table_id

    def set_zoom(self, percent: int) -> None:
        """视图 → 放大/缩小: the grid at `percent` of its normal size."""
        self.view.set_zoom(percent)

    def focus_cell(self, cell_id: str) -> bool:
        """Select, scroll to and focus a cell of this table (False if not in it)."""
        return self.view.focus_cell(cell_id)

    def take_focus(self) -> None:
        """Chosen in the navigator: typing goes into the grid, on its current cell."""
        self.view.take_focus()

    def select_cells(self, cell_ids: list[str]) -> bool:
        """Select, scroll to and focus cells of this table (after undo or redo)."""
        return self.view.select_cells(cell_ids)

    # ---- edit source (gui.document.EditSource) -------------------------------------------
    def commit_edit(self) -> str | None:
        return self.view.commit_editor()

    def pending_edit(self) -> PendingEdit | None:
        return self.view.pending_editor()

    def reopen_pending(self, pending: PendingEdit) -> bool:
        """A recovered entry that was being typed when the program stopped: back in
        its cell's editor, not committed, with a note naming the confirmed value it
        would replace (Enter takes it, Esc keeps that value). False if the cell is
        not an input of this table."""
        if not self.view.reopen_pending(pending.key, pending.text):
            return False
        spec = self._controller.report.cell(pending.key)
        self.show_message(
            s.RECOVER_PENDING_CELL.format(
                where=where_text(spec),
                text=pending.text,
                old=s.RECOVER_PENDING_OLD.format(value=pending.replaces)
                if pending.replaces
                else s.RECOVER_PENDING_BLANK,
            ),
            refused=False,
            lasting=True,
        )
        self._recovered_note = True
        return True

    def _on_pending_changed(self) -> None:
        self._controller.note_pending()
        if self._recovered_note and self.view.open_editor() is None:
            # the recovered entry was taken (Enter) or dropped (Esc): its note is done
            self._recovered_note = False
            if self.message_bar.lasting:
                self.message_bar.hide()

    def fill_zero(self) -> int:
        """补零 for this table: every blank input becomes 0, one undo step. A blank
        cell whose last entry was refused is left blank and named."""
        if self._controller.commit_edits() is not None:
            return 0  # a refused entry is held: it is said where it was typed
        n = self._controller.fill_blanks_with_zero(self._table_id)
        skipped = zero_skipped_text(self._controller, self._table_id)
        text = s.ZERO_TABLE_DONE.format(n=n) if n else s.ZERO_TABLE_NONE
        self.show_message(text + skipped, bool(skipped))
        return n

    def show_message(self, text: str, refused: bool = False, lasting: bool = False) -> None:
        self.message_bar.show_message(text, refused, lasting)

    def message(self) -> str:
        """The message shown, '' when none (for tests and the status bar)."""
        return self.message_bar.text()

    def _on_refusal_resolved(self) -> None:
        # the refused text was fixed or dropped (Esc): its message has done its job
        if self.message_bar.refused:
            self.message_bar.hide()
        self._controller.note_refusal_cleared()

    def _on_history_moved(self, _index: int) -> None:
        """An edit, undo or redo: a note about an earlier step (「已粘贴 6 个单元格」, a
        paste refused) is no longer true; a refusal held in an open cell stays."""
        if self.message_bar.lasting or self.view.holding_refusal:
            return
        self.message_bar.hide()

    def _update_title(self) -> None:
        spec = self._controller.report.spec
        table = spec.table_by_id[self._table_id]
        self._title.setText(spec.section_by_id[table.section].heading)


def zero_skipped_text(controller: DocumentController, table_id: str | None) -> str:
    """What 补零 left blank because the officer's last entry there was refused."""
    skipped = controller.refused_blanks(table_id)
    if not skipped:
        return ""
    report = controller.report
    cells = "；".join(
        s.ZERO_SKIPPED_CELL.format(where=where_text(report.cell(cid)), text=text)
        for cid, text in list(skipped.items())[:3]
    )
    more = len(skipped) - 3
    if more > 0:
        cells += s.PASTE_MORE_REFUSED.format(n=more).strip()
    return s.ZERO_SKIPPED_REFUSED.format(n=len(skipped), cells=cells)


def _legend(parent: QWidget) -> QHBoxLayout:
    """Small colour swatches saying what the cell colours mean."""
    layout = QHBoxLayout()
    layout.setSpacing(4)
    swatches = (
        (colors.COMPUTED_BG, s.LEGEND_COMPUTED),
        (colors.ERROR_BG, s.LEGEND_ERROR),
        (colors.WARNING_BG, s.LEGEND_WARNING),
        (colors.INFO_BG, s.LEGEND_INFO),
    )
    for colour, text in swatches:
        swatch = QLabel(parent)
        swatch.setFixedSize(14, 14)
        swatch.setStyleSheet(
            f"background: {colour.name()}; border: 1px solid {colors.GRID_LINE.name()};"
        )
        label = QLabel(text, parent)
        label.setStyleSheet("color: #555;")
        layout.addWidget(swatch)
        layout.addWidget(label)
        layout.addSpacing(8)
    return layout
