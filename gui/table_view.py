"""The grid view of an official table, with spreadsheet keys.

Keys as in Excel and WPS:
- typing on a cell opens it in entry mode and replaces its value; Enter commits
  and moves down, Tab right (Shift+Tab left), the arrows commit and move. F2 (or a
  double click) edits the value in place, where Left/Right move in the text; F2
  again switches back. Esc drops what was typed.
- after a run of Tabs, Enter goes one row down to the column where the run began
  (numbers typed row by row from a ledger). Tab never wraps into the next row:
  past a row's last input it stops on the row's total (typing there is refused
  with a word), or on the last input when the row has no total; Enter goes on.
- on a printed label or heading, or a total, typing says why nothing is taken and
  the cursor stays; Tab and Enter go from there into the table: along the row
  from a row label, down the column from a column heading, to the next row's
  first input from a total at a row's end.
- Ctrl+Home and Ctrl+End go to the first and the last input cell.
- a refused text keeps the cell open with the text and the reason until it is
  fixed or dropped with Esc: the cursor cannot leave it meanwhile.
- moves skip printed labels; Tab and Enter pass over totals, arrows stop on them.
- Delete/Backspace clears the selected inputs, Ctrl+C copies the selection as
  tab-separated text, Ctrl+V pastes a block from Excel, WPS or a web page (see
  `gui.clipboard`; `table_model.PastePlan` for the policy).
Every committed change goes through the document controller as one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from gui import strings as s
from gui.clipboard import clipboard_block
from gui.document import PendingEdit
from gui.shortcuts import keep_own_undo
from gui.table_model import (
    CELL_ID_ROLE,
    GRID_ROLE,
    PastePlan,
    TableModel,
    paste_plan,
)
from model.spec import GridCell, Role, ValueKind
from model.values import format_value

_CA = QAbstractItemView.CursorAction
_PAD_X = 8  # horizontal text padding inside a cell, px
_PAD_Y = 2  # compact rows, as in a spreadsheet: table 三 fits a 1366×768 screen
_ROW_EXTRA = 3  # px a one-line row has beyond its text and padding (grid line, focus frame)
_MAX_REFUSALS_SHOWN = 3
_TALL_ROWS = 3  # a label spanning this many rows follows the scrolled view


LINE_BREAK = "\u2028"  # what Qt's item text layout breaks a line at ("\n" it does not)


def line_count(text: str, font: QFont, width: int) -> int:
    """Lines `text` takes when Qt's item view wraps it in `width` px: laid out the
    way the style lays it out (font metrics alone misjudge CJK fallback glyphs)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = 0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines += 1
    layout.endLayout()
    return lines


def balanced_lines(text: str, font: QFont, width: int) -> str:
    """A printed label that takes two lines or more, broken after a comma into two
    lines that each fit, the most even such break (「…第一项加第二项之和，」/
    「等于第三项加第四项之和）」) instead of wherever the width runs out (which
    leaves 「和）」 alone on a line). Unchanged when it fits on one line, has no
    comma, or no break at a comma fits."""
    if width <= 0 or LINE_BREAK in text or line_count(text, font, width) <= 1:
        return text
    fm = QFontMetrics(font)
    best: tuple[int, str] | None = None
    for i, ch in enumerate(text[:-1]):
        if ch not in "，、；：":
            continue
        first, second = text[: i + 1], text[i + 1 :]
        if line_count(first, font, width) > 1 or line_count(second, font, width) > 1:
            continue
        gap = abs(fm.horizontalAdvance(first) - fm.horizontalAdvance(second))
        if best is None or gap <= best[0]:
            best = (gap, first + LINE_BREAK + second)
    return best[1] if best else text


def _is_tall(g: GridCell) -> bool:
    return g.role is Role.LABEL and g.rowspan >= _TALL_ROWS and bool(g.text)


class GridDelegate(QStyledItemDelegate):
    """Draws vertical headers one character per line, and hands the editor's keys
    and focus changes to the view (`GridView.editor_key`, `editor_focus_out`), which
    gives them the spreadsheet feel."""

    def __init__(self, view: GridView) -> None:
        super().__init__(view)
        self._view = view

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        view = self._view
        sticky = option.widget is view and view.is_tall_label(index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else QApplication.style()
        if not sticky and not view.drawn_vertically(index):
            if index.data(CELL_ID_ROLE) is None:  # printed text: break lines evenly
                opt.text = balanced_lines(opt.text, opt.font, self._text_width(opt, style))
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
            return
        text, opt.text = opt.text, ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = view.label_text_rect(index) if sticky else opt.rect
        if rect.isEmpty():
            return
        painter.save()
        painter.setClipRect(opt.rect)
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(opt.palette.ColorRole.Text))
        if view.drawn_vertically(index):
            # one character per line, read top to bottom, as printed tables do
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "\n".join(text))
        else:
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(rect.adjusted(_PAD_X, 0, -_PAD_X, 0), int(flags), text)
        painter.restore()

    @staticmethod
    def _text_width(opt: QStyleOptionViewItem, style: QStyle) -> int:
        """The width Qt wraps an item's text in: the style's text rect less its margins."""
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, opt.widget) + 1
        return rect.width() - 2 * margin

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
            editor.setFrame(False)
            editor.setFont(self._view.font())  # the zoomed size: the style sheet stops inheritance
            keep_own_undo(editor)  # Ctrl+Z takes back the typing first, as in Excel
            editor.textEdited.connect(self._view.pendingChanged)  # autosave is due
        return editor

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if isinstance(editor, QLineEdit):
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if self._view.editor_key(editor, event):
                    return True
            elif event.type() == QEvent.Type.FocusOut and self._view.editor_focus_out(editor):
                return True  # refused: the editor stays open with its text
        return super().eventFilter(editor, event)


def confirm_paste_conflicts(parent: QWidget, conflicts: list[str]) -> bool:
    """Ask whether to paste the rest of a block some of whose numbers have no input
    cell to land on (named in `conflicts`). Cancel is the default."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(s.PASTE_CONFLICT_TITLE)
    box.setText(s.PASTE_CONFLICT_TEXT.format(n=len(conflicts), details=_listed(conflicts)))
    rest = box.addButton(s.PASTE_CONFLICT_REST, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(s.PASTE_CONFLICT_CANCEL, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is rest


def _listed(items: list[str]) -> str:
    shown = "\n".join(items[:_MAX_REFUSALS_SHOWN])
    more = len(items) - _MAX_REFUSALS_SHOWN
    return shown + (s.PASTE_MORE_REFUSED.format(n=more) if more > 0 else "")


def cover_span_edges(view: QTableView, model: TableModel) -> None:
    """Paint over the 1 px strips of grid line Qt leaves at the top of merged cells
    in the first row and at the left of those in the first column (it keeps them
    for the grid line of a hidden header: with ours hidden they show as ticks)."""
    painter = QPainter(view.viewport())
    selection = view.selectionModel()
    for row, col, rowspan, colspan in model.spans():
        if row != 0 and col != 0:
            continue
        index = model.index(row, col)
        if selection is not None and selection.isSelected(index):
            continue
        rect = view.visualRect(index)
        if rect.isEmpty():
            continue
        colour = index.data(Qt.ItemDataRole.BackgroundRole)
        if row == 0 and colspan > 1 and rect.top() == 0:
            painter.fillRect(QRect(rect.left() + 1, 0, rect.width() - 2, 1), colour)
        if col == 0 and rowspan > 1 and rect.left() == 0:
            painter.fillRect(QRect(0, rect.top() + 1, 1, rect.height() - 2), colour)
    painter.end()


class _FrozenHeader(QTableView):
    """The frozen header rows' view (see `GridView._make_frozen_header`)."""

    def mousePressEvent(self, event) -> None:
        super().mousePressEvent(event)
        grid = self.parentWidget()
        if grid is not None:  # keys typed next go to the grid, which says what they do
            grid.setFocus(Qt.FocusReason.MouseFocusReason)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        model = self.model()
        if isinstance(model, TableModel):
            cover_span_edges(self, model)


class GridView(QTableView):
    """A QTableView that draws the whole official table, headers included."""

    message = Signal(str, bool)  # (Chinese text, refused?) for the page's message area
    refusalResolved = Signal()  # the refused text was fixed or dropped
    pendingChanged = Signal()  # the open editor's text changed, or the editor closed

    def __init__(self, model: TableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editing: QPersistentModelIndex | None = None  # the cell an editor is open on
        self._entry_mode = True  # opened by typing: arrows commit and move (F2: in place)
        self._held = False  # the open editor holds a refused text
        self._tab_column: int | None = None  # where the current run of Tabs began
        self._tabbing = False
        self.setModel(model)
        self._model = model
        self._fitting = False
        self._base_point_size: float | None = None  # before any zoom
        self._vertical: set[tuple[int, int]] = set()  # headers drawn vertically now
        self._tall: set[tuple[int, int]] = set()  # labels spanning many rows
        self.setItemDelegate(GridDelegate(self))
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setMinimumSectionSize(8)
        self.verticalHeader().setMinimumSectionSize(8)
        self.setWordWrap(True)
        self.setCornerButtonEnabled(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setStyleSheet(
            "QTableView { gridline-color: #9aa0a6; }"
            "QTableView::item { padding-left: 4px; padding-right: 4px; }"
            "QTableView::item:selected { background: #bcd6f5; color: black; }"
        )
        model.modelReset.connect(self._on_reset)
        self._frozen = self._make_frozen_header()
        self._apply_layout()

    # ---- layout -------------------------------------------------------------------------
    def set_zoom(self, percent: int) -> None:
        """Show the table at `percent` of the interface font's size (视图 → 放大/缩小);
        columns and rows are fitted to the new size."""
        if self._base_point_size is None:
            self._base_point_size = self.font().pointSizeF()
        font = QFont(self.font())
        font.setPointSizeF(self._base_point_size * percent / 100)
        self.setFont(font)
        self._frozen.setFont(font)
        for editor in self.viewport().findChildren(QLineEdit):  # a cell being typed
            editor.setFont(font)
        self.fit()

    def _on_reset(self) -> None:
        self.clearSpans()
        self._frozen.clearSpans()
        self._apply_layout()

    def _apply_layout(self) -> None:
        for row, col, rowspan, colspan in self._model.spans():
            self.setSpan(row, col, rowspan, colspan)
            self._frozen.setSpan(row, col, rowspan, colspan)
        self.fit()

    def _make_frozen_header(self) -> QTableView:
        """A second view over the same model, laid over the top of this one and
        showing only the printed header rows, so the column headings stay in sight
        while the officer scrolls down a long table (as 「冻结窗格」 does)."""
        frozen = _FrozenHeader(self)
        frozen.setModel(self._model)
        frozen.setSelectionModel(self.selectionModel())
        frozen.setItemDelegate(GridDelegate(self))
        frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        frozen.horizontalHeader().hide()
        frozen.verticalHeader().hide()
        frozen.horizontalHeader().setMinimumSectionSize(8)
        frozen.verticalHeader().setMinimumSectionSize(8)
        frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        frozen.setWordWrap(True)
        frozen.setFrameShape(QFrame.Shape.NoFrame)
        frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        frozen.setAutoScroll(False)  # it shares the selection: never chase the cursor
        frozen.viewport().installEventFilter(self)  # its wheel scrolls this view
        frozen.setStyleSheet(self.styleSheet())
        self.horizontalScrollBar().valueChanged.connect(frozen.horizontalScrollBar().setValue)
        frozen.hide()
        return frozen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        frozen = getattr(self, "_frozen", None)  # events arrive while __init__ runs
        wheel = event.type() == QEvent.Type.Wheel
        if wheel and frozen is not None and watched is frozen.viewport():
            QApplication.sendEvent(self.viewport(), event)
            return True
        return super().eventFilter(watched, event)

    def _frozen_height(self) -> int:
        return sum(self.rowHeight(r) for r in range(self._model.table.header_rows))

    def _place_frozen(self) -> None:
        frozen = self._frozen
        height = self._frozen_height()
        if height == 0:
            frozen.hide()
            return
        for col in range(self._model.columnCount()):
            frozen.setColumnWidth(col, self.columnWidth(col))
        for row in range(self._model.rowCount()):
            frozen.setRowHeight(row, self.rowHeight(row))
        viewport = self.viewport().geometry()
        frozen.setGeometry(viewport.x(), viewport.y(), viewport.width(), height)
        frozen.horizontalScrollBar().setValue(self.horizontalScrollBar().value())
        frozen.verticalScrollBar().setValue(0)
        frozen.show()
        frozen.raise_()

    def _min_widths(self) -> list[int]:
        """Per column, the width below which its own printed text breaks badly:
        a one-column header on one line (「社会公益组织」), a tall group label
        (「三、本年度办理结果」) one character per line, a row label in a few lines, each
        capped so nothing gets huge. Narrower windows scroll sideways instead."""
        table = self._model.table
        bold = self.font()
        bold.setBold(True)
        fm_bold = QFontMetrics(bold)
        em = fm_bold.horizontalAdvance("国")
        mins = [2 * em] * table.n_cols
        for g in table.grid:
            if g.colspan != 1 or not g.text or g.vertical:
                continue
            if g.role is Role.HEADER:
                want = min(fm_bold.horizontalAdvance(g.text), 7 * em)
            elif _is_tall(g):  # drawn one character per line when narrow
                continue
            elif g.role is Role.LABEL:  # a row label: a few lines at most
                want = min(fm_bold.horizontalAdvance(g.text), 9 * em)
            else:
                continue
            mins[g.col] = max(mins[g.col], want + 2 * _PAD_X + 2)
        return mins

    def _column_widths(self, available: int) -> list[int]:
        """The spec's relative widths over `available` px, raising too-narrow
        columns to their minimum and taking the difference from the others."""
        weights = list(self._model.table.col_widths)
        mins = self._min_widths()
        fixed: dict[int, int] = {}
        while True:
            free = [i for i in range(len(weights)) if i not in fixed]
            room = available - sum(fixed.values())
            total = sum(weights[i] for i in free) or 1.0
            widths = {i: int(room * weights[i] / total) for i in free}
            short = [i for i in free if widths[i] < mins[i]]
            if not short or not free:
                break
            for i in short:
                fixed[i] = mins[i]
        out = [fixed.get(i, widths.get(i, 0)) for i in range(len(weights))]
        return [max(w, m) for w, m in zip(out, mins, strict=True)]

    def fit(self) -> None:
        """Column widths from the spec's relative widths over the visible width
        (never narrower than readable), then row heights to fit the wrapped text;
        the view is never taller than the table, so no empty grid shows below it."""
        if self._fitting:
            return
        self._fitting = True
        try:
            widths = self._column_widths(self.viewport().width())
            if widths and sum(widths) < self.viewport().width():
                widths[-1] += self.viewport().width() - sum(widths)  # no gap at the right
            for col, width in enumerate(widths):
                self.setColumnWidth(col, width)
            self._tall = {(g.row, g.col) for g in self._model.table.grid if _is_tall(g)}
            self._vertical = self._too_narrow_for_horizontal(widths)
            for row, height in enumerate(self._row_heights(widths)):
                self.setRowHeight(row, height)
            scrollbar = self.horizontalScrollBar()
            extra = scrollbar.sizeHint().height() if sum(widths) > self.viewport().width() else 0
            self.setMaximumHeight(self.table_height() + extra)
            self._place_frozen()
        finally:
            self._fitting = False

    def _too_narrow_for_horizontal(self, widths: list[int]) -> set[tuple[int, int]]:
        """Headers the spec allows to set vertically (四's 结果维持…) are drawn so only
        when their column is too narrow for one horizontal line: upright text reads
        better on screen whenever there is room."""
        bold = self.font()
        bold.setBold(True)
        fm = QFontMetrics(bold)
        fm_plain = QFontMetrics(self.font())
        out = set()
        for g in self._model.table.grid:
            width = sum(widths[g.col : g.col + g.colspan]) - 2 * _PAD_X
            # A tall group label in a narrow column (「三、本年度办理结果」) reads
            # best one character per line, as in printed reports, not broken
            # into two lines of odd lengths.
            header = g.vertical and fm.horizontalAdvance(g.text) > width
            label = _is_tall(g) and fm_plain.horizontalAdvance(g.text) > width
            if header or label:
                out.add((g.row, g.col))
        return out

    def drawn_vertically(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return (index.row(), index.column()) in self._vertical

    def is_tall_label(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        """A group label spanning many rows (「三、本年度办理结果」, 「（三）不予公开」):
        its text follows the visible part of the span while scrolling."""
        return (index.row(), index.column()) in self._tall

    def body_area(self) -> QRect:
        """The part of the viewport not covered by the frozen header rows."""
        area = self.viewport().rect()
        frozen = 0 if self._frozen.isHidden() else self._frozen_height()
        return area.adjusted(0, frozen, 0, 0)

    def label_text_rect(self, index: QModelIndex | QPersistentModelIndex) -> QRect:
        """Where a tall label's text is drawn, in viewport coordinates: centred in
        the part of its span that is in sight, so it is readable on the first
        screen and at any scroll position (Qt would centre it in the whole span,
        possibly far below the visible area). Never leaves the span."""
        cell = self.visualRect(self._model.index(index.row(), index.column()))
        visible = cell.intersected(self.body_area())
        if visible.isEmpty():
            return QRect()
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        fm = QFontMetrics(self.font())
        if self.drawn_vertically(index):
            needed = fm.boundingRect(
                QRect(0, 0, 1000, 100000), int(Qt.AlignmentFlag.AlignLeft), "\n".join(text)
            ).height()
        else:
            needed = fm.boundingRect(
                QRect(0, 0, max(cell.width() - 2 * _PAD_X, 10), 100000),
                int(Qt.TextFlag.TextWordWrap),
                text,
            ).height()
        height = min(needed + 2 * _PAD_Y, cell.height())
        top = visible.center().y() - height // 2
        top = max(cell.top(), min(top, cell.bottom() + 1 - height))
        return QRect(cell.left(), top, cell.width(), height)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if dy and self._tall:  # tall labels move with the visible part: repaint them
            self.viewport().update()

    def _row_heights(self, widths: list[int]) -> list[int]:
        model = self._model
        table = model.table
        fm_plain = QFontMetrics(self.font())
        bold = self.font()
        bold.setBold(True)
        fm_bold = QFontMetrics(bold)
        base = fm_plain.height() + 2 * _PAD_Y + _ROW_EXTRA
        heights = [base] * table.n_rows
        multi: list[tuple[int, int, int]] = []  # (first row, rowspan, needed height)
        for g in table.grid:
            fm = fm_bold if g.role in (Role.HEADER, Role.CAPTION) else fm_plain
            if (g.row, g.col) in self._vertical:
                # measure the real glyphs: CJK fallback fonts are taller than the
                # primary font's line spacing says
                rect = fm.boundingRect(
                    QRect(0, 0, 1000, 100000), int(Qt.AlignmentFlag.AlignLeft), "\n".join(g.text)
                )
                needed = rect.height() + 2 * _PAD_Y
            elif g.text:
                width = sum(widths[g.col : g.col + g.colspan]) - 2 * _PAD_X
                rect = fm.boundingRect(
                    QRect(0, 0, max(width, 10), 100000),
                    int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft),
                    g.text,
                )
                needed = rect.height() + 2 * _PAD_Y
            else:
                continue
            if g.rowspan == 1:
                heights[g.row] = max(heights[g.row], needed)
            else:
                multi.append((g.row, g.rowspan, needed))
        for first, span, needed in multi:
            have = sum(heights[first : first + span])
            if have < needed:
                extra = needed - have
                for r in range(first, first + span):
                    heights[r] += extra // span + (1 if r - first < extra % span else 0)
        return heights

    def table_height(self) -> int:
        return sum(self.rowHeight(r) for r in range(self._model.rowCount())) + 2 * self.frameWidth()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()
        # a message shown above the table (a refusal) takes room from it: the cell
        # being typed in stays in sight
        if self._editing is not None and self._editing.isValid():
            self.scrollTo(self._model.index(self._editing.row(), self._editing.column()))

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        cover_span_edges(self, self._model)

    def viewportEvent(self, event: QEvent) -> bool:
        handled = super().viewportEvent(event)
        # The viewport also changes width when the vertical scroll bar comes or
        # goes (the view grew to the whole table): fit the columns to it again,
        # or an empty strip is left at the right of the table.
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return handled

    # ---- moving -----------------------------------------------------------------------
    def moveCursor(self, action: _CA, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        moves = {
            _CA.MoveUp: (-1, 0),
            _CA.MoveDown: (1, 0),
            _CA.MoveLeft: (0, -1),
            _CA.MoveRight: (0, 1),
            _CA.MoveNext: (0, 1),
            _CA.MovePrevious: (0, -1),
        }
        if action not in moves:  # Home, End, PageUp, PageDown
            return self._nearest_value(super().moveCursor(action, modifiers), action)
        current = self.currentIndex()
        if not current.isValid():
            return self._first_value()
        if action in (_CA.MoveNext, _CA.MovePrevious):
            return self._tab_target(current, forward=action == _CA.MoveNext)
        # arrows stop on totals too, so they can be selected and copied
        target = self._neighbour(current, *moves[action], wrap=False)
        return target if target.isValid() else current

    def _tab_target(self, current: QModelIndex, forward: bool) -> QModelIndex:
        """Tab (Shift+Tab): the next input to the right (left) in the row, passing
        over totals between inputs, as Excel's 「只选定未锁定的单元格」 does. Past the
        row's last input, onto the row's total when it has one (typing there is
        refused with a word), else stay: never into the next row, where typing
        would overwrite a number the officer does not see (Enter goes on). From a
        label or heading, into the table (`_into_table`)."""
        if not self._model.is_value(current):
            return self._into_table(current, forward)
        step = 1 if forward else -1
        target = self._neighbour(current, 0, step, wrap=False, inputs_only=True)
        if target.isValid():
            return target
        if forward:
            total = self._neighbour(current, 0, 1, wrap=False)
            if total.isValid():
                return total
        return current

    def _into_table(self, index: QModelIndex, forward: bool) -> QModelIndex:
        """The input cell Tab or Enter goes to from a printed label or heading: along
        the row from a row label (its first input; Shift: stay), down the column
        from a column heading (the first input under it; Shift: stay). When there
        is none (the corner caption), the table's first input."""
        model = self._model
        here = model.grid.anchor(index.row(), index.column())
        if here is None:
            return self._first_value()
        if not forward:
            return index
        if here.row < model.table.header_rows:  # a column heading: down its columns
            for col in range(here.col, here.col + here.colspan):
                below = self._below_in_column(index, col)
                if below.isValid():
                    return below
            return self._first_value()
        target = self._neighbour(index, 0, 1, wrap=False, inputs_only=True)
        return target if target.isValid() else self._first_input_below(index)

    def _first_input_below(self, index: QModelIndex) -> QModelIndex:
        """The first input cell (leftmost) in the rows below the cell at `index`."""
        model = self._model
        here = model.grid.anchor(index.row(), index.column())
        start = here.row + here.rowspan if here is not None else index.row() + 1
        for g in sorted(model.table.grid, key=lambda g: (g.row, g.col)):
            if g.row >= start and g.cell and model.is_input(model.index(g.row, g.col)):
                return model.index(g.row, g.col)
        return QModelIndex()

    def _last_value(self) -> QModelIndex:
        for g in sorted(self._model.table.grid, key=lambda g: (g.row, g.col), reverse=True):
            if g.cell and self._model.is_input(self._model.index(g.row, g.col)):
                return self._model.index(g.row, g.col)
        return QModelIndex()

    def _neighbour(
        self, index: QModelIndex, dr: int, dc: int, wrap: bool, inputs_only: bool = False
    ) -> QModelIndex:
        """The next value cell from `index` in a direction, skipping labels and the
        positions a merged cell covers (and totals, with `inputs_only`). With
        `wrap`, continue on the next row."""
        model = self._model
        grid = model.grid
        table = model.table
        here = grid.anchor(index.row(), index.column())
        if here is None:
            return QModelIndex()
        r, c = here.row, here.col
        # step out of the current cell's own span first
        if dr > 0:
            r = here.row + here.rowspan - 1
        if dc > 0:
            c = here.col + here.colspan - 1
        while True:
            r, c = r + dr, c + dc
            if wrap and c >= table.n_cols:
                r, c = r + 1, 0
            elif wrap and c < 0:
                r, c = r - 1, table.n_cols - 1
            if not (0 <= r < table.n_rows and 0 <= c < table.n_cols):
                return QModelIndex()
            g = grid.covering(r, c)
            if g is None or g is here or g.cell is None:
                continue
            target = model.index(g.row, g.col)
            if inputs_only and not model.is_input(target):
                continue
            return target

    def _nearest_value(self, target: QModelIndex, action: _CA) -> QModelIndex:
        """Qt's Home/End/Page moves may land on a printed label: go on to the
        nearest value cell in the row (rightwards for Home, leftwards for End)."""
        if not target.isValid() or self._model.is_value(target):
            return target
        step = -1 if action == _CA.MoveEnd else 1
        for dc in (step, -step):
            found = self._neighbour(target, 0, dc, wrap=False)
            if found.isValid():
                return found
        return self.currentIndex()

    def _first_value(self) -> QModelIndex:
        for g in sorted(self._model.table.grid, key=lambda g: (g.row, g.col)):
            if g.cell and self._model.is_input(self._model.index(g.row, g.col)):
                return self._model.index(g.row, g.col)
        return QModelIndex()

    def step(self, action: _CA) -> None:
        """Move the current cell as a key would (used after an editor commits).
        Tab and Shift+Tab continue a run of Tabs (see `enter_step`)."""
        current = self.currentIndex()
        tab = action in (_CA.MoveNext, _CA.MovePrevious)
        target = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
        if tab and self._tab_column is None and current.isValid():
            # a run begins where the officer starts typing: the cell Tab left, or
            # the one it entered when it left a label
            origin = current if self._model.is_value(current) else target
            here = self._model.grid.anchor(origin.row(), origin.column())
            self._tab_column = here.col if here is not None else origin.column()
        if action == _CA.MoveNext and target == current and self._model.is_input(current):
            self.message.emit(s.TAB_ROW_END, False)  # typing on overwrites this cell
        if target.isValid():
            self._tabbing = tab
            try:
                self.setCurrentIndex(target)
            finally:
                self._tabbing = False

    def enter_step(self, up: bool = False) -> None:
        """Enter (Shift+Enter): down (up) to the next cell to fill in, over the
        （七）总计 row as Tab goes over the 总计 column; stay at the table's end.
        After a run of Tabs, Enter goes down to the column where the run began
        (Excel's habit for typing a ledger row by row)."""
        current = self.currentIndex()
        start, self._tab_column = self._tab_column, None
        if not current.isValid():
            self.step(_CA.MoveUp if up else _CA.MoveDown)
            return
        if not self._model.is_value(current):  # a label or heading: into the table
            target = self._into_table(current, not up)
            if target.isValid():
                self.setCurrentIndex(target)
            return
        target = QModelIndex()
        if start is not None and not up:
            target = self._below_in_column(current, start)
        if not target.isValid():
            target = self._neighbour(current, -1 if up else 1, 0, wrap=False, inputs_only=True)
        if not target.isValid() and not up and not self._model.is_input(current):
            target = self._first_input_below(current)  # from a row's total: the next row
        if target.isValid():
            self.setCurrentIndex(target)

    def _below_in_column(self, index: QModelIndex, col: int) -> QModelIndex:
        """The first input cell in grid column `col` below the row(s) of `index`."""
        grid = self._model.grid
        here = grid.anchor(index.row(), index.column())
        if here is None:
            return QModelIndex()
        for r in range(here.row + here.rowspan, self._model.table.n_rows):
            g = grid.covering(r, col)
            if g is None or g.cell is None or g.row != r:
                continue
            target = self._model.index(g.row, g.col)
            if self._model.is_input(target):
                return target
        return QModelIndex()

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        if not self._tabbing:
            self._tab_column = None  # any other move ends a run of Tabs

    # ---- editing ------------------------------------------------------------------------
    def edit(self, index, trigger=None, event=None) -> bool:  # type: ignore[override]
        if trigger is None:  # the one-argument overload: Qt calls back with a trigger
            return super().edit(index)
        opened = super().edit(index, trigger, event)
        if opened and self.state() == QAbstractItemView.State.EditingState:
            if self._editing is None or QModelIndex(self._editing) != index:
                T = QAbstractItemView.EditTrigger
                self._entry_mode = trigger not in (T.DoubleClicked, T.EditKeyPressed)
            self._editing = QPersistentModelIndex(index)
        return opened

    @property
    def entry_mode(self) -> bool:
        """True while typing replaces a value (arrows commit and move); False in
        place (F2 or a double click: Left/Right move in the text)."""
        return self._entry_mode

    @property
    def holding_refusal(self) -> bool:
        return self._held and self.open_editor() is not None

    def open_editor(self) -> QLineEdit | None:
        """The cell editor, while one is open."""
        if self.state() != QAbstractItemView.State.EditingState or self._editing is None:
            return None
        editor = self._open_editor()
        return editor if isinstance(editor, QLineEdit) else None

    def commit_editor(self) -> str | None:
        """Commit an open cell editor. None when none was open or its text was taken
        (the editor closes); else the refusal, and the editor stays open with the
        text and the focus (the message stays until it is fixed or dropped)."""
        editor = self.open_editor()
        if editor is None:
            return None
        refusal = self._commit(editor)
        if refusal is None:
            self._close(editor)
        return refusal

    def pending_editor(self) -> PendingEdit | None:
        """What the open editor holds that differs from the cell's confirmed value
        (None when nothing): autosave keeps it beside its copy, never in it."""
        editor = self.open_editor()
        index = QModelIndex(self._editing) if self._editing is not None else QModelIndex()
        spec = self._model.cell_spec(index)
        if editor is None or spec is None or spec.computed:
            return None
        confirmed = index.data(Qt.ItemDataRole.EditRole)
        if editor.text() == ("" if confirmed is None else str(confirmed)):
            return None
        shown = index.data(Qt.ItemDataRole.DisplayRole)
        return PendingEdit(spec.id, editor.text(), "" if shown is None else str(shown))

    def reopen_pending(self, cell_id: str, text: str) -> bool:
        """Put `text` back into a cell's editor as typed and not committed (a
        recovered entry): Enter takes it, Esc drops it. False if no such input."""
        index = self._model.index_of(cell_id)
        if not index.isValid() or not self._model.is_input(index):
            return False
        self.focus_cell(cell_id)
        T = QAbstractItemView.EditTrigger
        if not self.edit(index, T.AnyKeyPressed, None):
            return False
        editor = self.open_editor()
        if editor is None:
            return False
        editor.setText(text)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.pendingChanged.emit()
        return True

    def cancel_editor(self) -> None:
        """Esc: drop what was typed (and a refusal held with it)."""
        editor = self.open_editor()
        if editor is not None:
            self._close(editor)

    def _commit(self, editor: QLineEdit) -> str | None:
        index = QModelIndex(self._editing) if self._editing is not None else QModelIndex()
        refusal = self._model.commit_text(index, editor.text())
        if refusal is not None:
            self._held = True
            self.message.emit(refusal, True)
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            return refusal
        self._resolve()
        return None

    def _close(self, editor: QWidget) -> None:
        self._resolve()
        self._editing = None
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.pendingChanged.emit()

    def _resolve(self) -> None:
        if self._held:
            self._held = False
            self.refusalResolved.emit()

    def editor_key(self, editor: QLineEdit, event: QKeyEvent) -> bool:
        """A key pressed in the cell editor; True when handled here."""
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        moves = {
            Qt.Key.Key_Tab: _CA.MoveNext,
            Qt.Key.Key_Backtab: _CA.MovePrevious,
            Qt.Key.Key_Up: _CA.MoveUp,
            Qt.Key.Key_Down: _CA.MoveDown,
        }
        if self._entry_mode:
            moves |= {Qt.Key.Key_Left: _CA.MoveLeft, Qt.Key.Key_Right: _CA.MoveRight}
        if key == Qt.Key.Key_Tab and shift:
            key = Qt.Key.Key_Backtab
        if key == Qt.Key.Key_Escape:
            self.cancel_editor()
            return True
        if key == Qt.Key.Key_F2:
            self._entry_mode = not self._entry_mode
            return True
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            if not self._entry_mode:  # in place: to the start or end of the text
                if key == Qt.Key.Key_Home:
                    editor.home(False)
                else:
                    editor.end(False)
                return True
            # typing replaces the value: Ctrl+Home/End commit and go, as Excel does
            if self._commit(editor) is not None:
                return True
            self._close(editor)
            self.go_to_end(last=key == Qt.Key.Key_End)
            return True
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if not enter and key not in moves:
            return False
        if self._commit(editor) is not None:
            return True  # refused: stay in the cell with the text
        self._close(editor)
        if enter:
            self.enter_step(up=shift)
        else:
            self.step(moves[key])
        return True

    def editor_focus_out(self, editor: QLineEdit) -> bool:
        """The editor lost the focus (a click elsewhere, a page switch). Commit;
        True (keep the editor open) when the text is refused."""
        if self.open_editor() is not editor:
            return False
        if self._commit(editor) is not None:
            return True
        self._close(editor)
        return True

    def commitData(self, editor: QWidget) -> None:
        # Qt commits by itself when the current cell changes while editing: the
        # same path as ours, so a refusal is held there too.
        if isinstance(editor, QLineEdit) and editor is self.open_editor():
            self._commit(editor)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if self._held and hint != QAbstractItemDelegate.EndEditHint.RevertModelCache:
            # A refused text is not dropped by a move: back to its cell.
            if self._editing is not None and self._editing.isValid():
                held = QModelIndex(self._editing)
                QTimer.singleShot(0, self, lambda: self._back_to(held))
            return
        self._close(editor)

    def _back_to(self, index: QModelIndex) -> None:
        if index.isValid() and self.currentIndex() != index:
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        editor = self.open_editor()
        if editor is not None:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def mousePressEvent(self, event) -> None:
        editor = self.open_editor()
        if editor is not None and self._held:
            editor.setFocus(Qt.FocusReason.MouseFocusReason)  # fix it, or Esc, first
            return
        super().mousePressEvent(event)

    def select_cells(self, cell_ids: list[str]) -> bool:
        """Select the given cells of this table (the first becomes current), scroll
        to them and focus the grid. False when none is in this table."""
        indexes = [self._model.index_of(cid) for cid in cell_ids]
        indexes = [i for i in indexes if i.isValid()]
        if not indexes:
            return False
        selection = QItemSelection()
        for index in indexes:
            selection.select(index, index)
        model = self.selectionModel()
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        model.setCurrentIndex(indexes[0], QItemSelectionModel.SelectionFlag.NoUpdate)
        self.scrollTo(indexes[0], QAbstractItemView.ScrollHint.EnsureVisible)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        target = QPersistentModelIndex(indexes[0])
        QTimer.singleShot(0, self, lambda: self._scroll_to(target))
        return True

    def focus_cell(self, cell_id: str) -> bool:
        """Select, scroll to and focus a value cell. False if the table has no such cell."""
        index = self._model.index_of(cell_id)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        # A page shown just now is laid out (and its rows re-fitted) after this
        # call returns: scroll once more when that is done.
        target = QPersistentModelIndex(index)
        QTimer.singleShot(0, self, lambda: self._scroll_to(target))
        return True

    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        super().scrollTo(index, hint)
        # a body cell must not end up hidden under the frozen header rows
        if index.isValid() and index.row() >= self._model.table.header_rows:
            top = self.visualRect(index).top()
            covered = self._frozen_height() - top
            if covered > 0:
                bar = self.verticalScrollBar()
                bar.setValue(bar.value() - covered)

    def _scroll_to(self, target: QPersistentModelIndex) -> None:
        if target.isValid():
            self.scrollTo(self._model.index(target.row(), target.column()))

    # ---- keys ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        if event.matches(QKeySequence.StandardKey.Cut):
            self.copy_selection()
            self.clear_selection()
            return
        editing = self.state() == QAbstractItemView.State.EditingState
        key = event.key()
        if not editing and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.step(_CA.MovePrevious if key == Qt.Key.Key_Backtab else _CA.MoveNext)
            return
        if not editing and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_step(up=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        if not editing and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_selection()
            return
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if not editing and ctrl and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.go_to_end(last=key == Qt.Key.Key_End)
            return
        if not editing and event.text().strip() and not ctrl and not self._current_is_input():
            # Typing where nothing can be typed: say why, stay, and never let Qt's
            # keyboard search move the cursor to some cell the officer does not see.
            self.message.emit(self._not_typable_text(), True)
            return
        super().keyPressEvent(event)

    def _not_typable_text(self) -> str:
        index = self.currentIndex()
        if self._model.is_value(index):
            return s.TYPING_ON_COMPUTED
        if not index.isValid():
            return s.TYPING_NO_CELL
        here = self._model.grid.anchor(index.row(), index.column())
        heading = here is not None and here.row < self._model.table.header_rows
        return s.TYPING_ON_HEADING if heading else s.TYPING_ON_LABEL

    def take_focus(self) -> None:
        """The page was chosen (navigator, Ctrl+PgDown): keys go to the grid, on its
        current cell, or the first input when none is current yet (a cell being
        typed in keeps its editor)."""
        editor = self.open_editor()
        if editor is not None:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self._model.is_value(self.currentIndex()):
            first = self._first_value()
            if first.isValid():
                self.setCurrentIndex(first)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to_end(self, last: bool) -> None:
        """Ctrl+Home / Ctrl+End: the first or the last input cell of the table."""
        target = self._last_value() if last else self._first_value()
        if target.isValid():
            self.setCurrentIndex(target)
            self.scrollTo(target)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        # An input method in full-width mode commits 「１」 as an input-method event,
        # not a key press; Qt then opens the editor but drops the text. Start the
        # edit ourselves so the first character is not lost.
        committed = event.commitString()
        if (
            self.state() != QAbstractItemView.State.EditingState
            and committed
            and not event.preeditString()
            and self._current_is_input()
            and self.edit(self.currentIndex(), QAbstractItemView.EditTrigger.AllEditTriggers, None)
        ):
            editor = self.indexWidget(self.currentIndex()) or self._open_editor()
            if isinstance(editor, QLineEdit):
                editor.setText(committed)
                self.pendingChanged.emit()
                return
        super().inputMethodEvent(event)

    def _open_editor(self) -> QWidget | None:
        editors = [e for e in self.viewport().findChildren(QLineEdit) if e.isVisible()]
        return editors[0] if editors else None

    def _current_is_input(self) -> bool:
        return self._model.is_input(self.currentIndex())

    # ---- clearing, copying, pasting ------------------------------------------------------
    def selected_cell_ids(self) -> list[str]:
        ids = []
        for index in sorted(self.selectedIndexes(), key=lambda i: (i.row(), i.column())):
            cid = self._model.cell_id(index)
            if cid:
                ids.append(cid)
        return ids

    def clear_selection(self) -> int:
        """Blank the selected inputs as one undo step; totals are left alone."""
        ids = [cid for cid in self.selected_cell_ids() if not self._spec(cid).computed]
        return self._model.controller.clear_cells(ids)

    def copy_selection(self) -> str:
        """The selection's bounding block as tab-separated text (values as plain
        numbers, without units, so Excel reads them as numbers)."""
        indexes = [i for i in self.selectedIndexes() if self._model.is_value(i)]
        if not indexes:
            return ""
        rows = [i.row() for i in indexes]
        cols = [i.column() for i in indexes]
        picked = {(i.row(), i.column()) for i in indexes}
        report = self._model.controller.report
        lines = []
        for r in range(min(rows), max(rows) + 1):
            fields = []
            for c in range(min(cols), max(cols) + 1):
                cid = self._model.cell_id(self._model.index(r, c)) if (r, c) in picked else None
                fields.append(format_value(report.value(cid)) if cid else "")
            lines.append("\t".join(fields))
        text = "\n".join(lines)
        QApplication.clipboard().setText(text)
        return text

    def paste(self, text: str | None = None, html: str | None = None) -> int:
        """Paste a block from the current cell: the clipboard's text (Excel, WPS), or
        its HTML table when the text is missing or has another shape (a web page;
        `gui.clipboard.clipboard_block`). All or nothing:
        unreadable values refuse the paste; values that would land on totals,
        labels or outside the table are named and the officer decides. Returns
        cells changed."""
        if text is None and html is None:
            mime = QApplication.clipboard().mimeData()
            text = mime.text() if mime is not None and mime.hasText() else ""
            html = mime.html() if mime is not None and mime.hasHtml() else ""
        block = clipboard_block(text or "", html or "")
        if block is None:
            self.message.emit(s.PASTE_NOTHING, True)
            return 0
        current = self.currentIndex()
        if not current.isValid():
            self.message.emit(s.PASTE_NO_CURRENT, True)
            return 0
        controller = self._model.controller
        report = controller.report
        single = len(block) == 1 and len(block[0]) == 1
        targets = [cid for cid in self.selected_cell_ids() if not self._spec(cid).computed]
        if single and len(targets) > 1:
            # one value onto a selection fills every selected input, as in Excel
            plan = PastePlan(rows=1, cols=1)
            for cid in targets:
                g = self._model.grid.of_cell(cid)
                assert g is not None
                sub = paste_plan(self._model.grid, report, g.row, g.col, block)
                plan.values.update(sub.values)
                plan.refusals.extend(sub.refusals[:1])
        else:
            plan = paste_plan(self._model.grid, report, current.row(), current.column(), block)
        if plan.refusals:
            self.message.emit(
                s.PASTE_REFUSED.format(n=len(plan.refusals), details=_listed(plan.refusals)),
                True,
            )
            return 0
        if plan.conflicts and not confirm_paste_conflicts(self, plan.conflicts):
            self.message.emit(s.PASTE_CANCELLED.format(details=_listed(plan.conflicts)), True)
            return 0
        changed = controller.set_cells(plan.values, s.CMD_PASTE.format(n=len(plan.values)))
        notes = [s.PASTE_DONE.format(n=changed)]
        if plan.matching_totals:
            notes.append(s.PASTE_TOTALS_AGREE.format(n=plan.matching_totals))
        if plan.conflicts:
            notes.append(
                s.PASTE_CONFLICT_DONE.format(n=len(plan.conflicts), details=_listed(plan.conflicts))
            )
        self.message.emit("".join(notes), bool(plan.conflicts))
        self._select_block(current, plan.rows, plan.cols, single and len(targets) > 1)
        return changed

    def _select_block(self, start: QModelIndex, rows: int, cols: int, keep: bool) -> None:
        if keep or rows == 0 or cols == 0:
            return
        model = self._model
        last_row = min(start.row() + rows, model.rowCount()) - 1
        last_col = min(start.column() + cols, model.columnCount()) - 1
        selection = QItemSelection(start, model.index(last_row, last_col))
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.selectionModel().setCurrentIndex(start, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _spec(self, cell_id: str):
        return self._model.controller.report.cell(cell_id)

    # ---- context menu ---------------------------------------------------------------
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(self.indexAt(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, index: QModelIndex) -> QMenu:
        """Copy, paste, clear; for a money cell with a choice of units, the units."""
        menu = QMenu(self)
        copy = menu.addAction(s.MENU_COPY)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.triggered.connect(self.copy_selection)
        paste = menu.addAction(s.MENU_PASTE)
        paste.setShortcut(QKeySequence.StandardKey.Paste)
        paste.triggered.connect(lambda: self.paste())
        clear = menu.addAction(s.MENU_CLEAR)
        clear.setShortcut(QKeySequence.StandardKey.Delete)
        clear.triggered.connect(self.clear_selection)
        spec = self._model.cell_spec(index)
        if spec is not None and spec.kind is ValueKind.MONEY and len(spec.units) > 1:
            menu.addSeparator()
            current = self._model.controller.report.unit(spec.id)
            for unit in spec.units:
                action = QAction(s.MENU_UNIT.format(unit=unit), menu)
                action.setCheckable(True)
                action.setChecked(unit == current)
                action.triggered.connect(
                    lambda _=False, cid=spec.id, u=unit: self._model.controller.set_unit(cid, u)
                )
                menu.addAction(action)
        return menu

    def grid_role(self, index: QModelIndex | QPersistentModelIndex) -> Role | None:
        return index.data(GRID_ROLE)
