"""Let Ctrl+Z / Ctrl+Y in a text field reach the window's undo actions.

Qt's line and text editors claim the undo keys for their own, private history;
the report's one history (the undo stack) would then never see them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
# Redo is Ctrl+Y on every platform (as in Word and WPS), besides the platform's own key.
REDO_KEYS = ("Ctrl+Y", "Ctrl+Shift+Z")


class _PassUndo(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                any(event.matches(k) for k in _KEYS)
                or any(QKeySequence(event.keyCombination()) == QKeySequence(k) for k in REDO_KEYS)
            )
        ):
            event.ignore()  # not the editor's: the window's shortcut fires
            return True
        return False


_filter: _PassUndo | None = None


def pass_undo_shortcuts(widget: QWidget) -> None:
    global _filter
    if _filter is None:
        _filter = _PassUndo()
    widget.installEventFilter(_filter)
    if hasattr(widget, "setUndoRedoEnabled"):
        widget.setUndoRedoEnabled(False)  # QPlainTextEdit: its own history is unused
