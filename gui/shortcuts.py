"""The window's shortcuts win over an editor's own keys, in one place.

Qt asks the widget with the focus first (a ShortcutOverride event): a QLineEdit
claims Ctrl+E (end of line), Ctrl+Z/Ctrl+Y (its private undo), a spin box and a
text editor claim others, and the window's action then never fires — Ctrl+E
(导出 Word) did nothing in the one-line field every draft opens in. Here the
window's own key sequences are taken back from any editor of the window: when a
widget of the window gets the focus, one event filter is put on it, and it
refuses the override for exactly those sequences, so the window's action runs.
Keys the window does not use (Ctrl+C, Ctrl+V, Ctrl+A, Home, End…) stay the
editor's. Editors in dialogs are left alone (their window is not ours).

One exception, as in Excel and WPS: a table cell being typed (an editor marked
with `keep_own_undo`) undoes and redoes its own typing first; only when it has
nothing left to undo (or redo) does Ctrl+Z (Ctrl+Y) reach the report's history.
So each Ctrl+Z goes one step back, first in the typing, then in the report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

# Redo is Ctrl+Y on every platform (as in Word and WPS), besides the platform's own key.
REDO_KEYS = ("Ctrl+Y", "Ctrl+Shift+Z")
_OWN_UNDO = "nianbaoOwnUndo"  # property of an editor that undoes its own typing first


def keep_own_undo(editor: QLineEdit) -> None:
    """Let `editor` (a cell being typed) take Ctrl+Z / Ctrl+Y while it has typing of
    its own to undo / redo (see the module's docstring)."""
    editor.setProperty(_OWN_UNDO, True)


def _own_undo_step(watched: QObject, event: QKeyEvent) -> bool:
    """Whether `event` is an undo or redo key the editor `watched` takes itself."""
    if not isinstance(watched, QLineEdit) or not watched.property(_OWN_UNDO):
        return False
    if event.matches(QKeySequence.StandardKey.Undo):
        return watched.isUndoAvailable()
    if _combination(event) in REDO_KEYS or event.matches(QKeySequence.StandardKey.Redo):
        return watched.isRedoAvailable()
    return False


def _combination(event: QKeyEvent) -> str:
    return QKeySequence(event.keyCombination()).toString(QKeySequence.SequenceFormat.PortableText)


class WindowShortcuts(QObject):
    """Gives `window`'s action shortcuts priority over its editors' own keys."""

    def __init__(self, window: QWidget, actions: Callable[[], Iterable[QAction]]) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions
        self._keys: frozenset[str] | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus)

    def keys(self) -> frozenset[str]:
        """The key sequences of the window's actions ("Ctrl+E", "F8"…)."""
        if self._keys is None:
            self._keys = frozenset(
                key.toString(QKeySequence.SequenceFormat.PortableText)
                for action in self._actions()
                for key in action.shortcuts()
                if not key.isEmpty()
            )
        return self._keys

    def refresh(self) -> None:
        """Read the actions' shortcuts again (after one changed)."""
        self._keys = None

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is self._window:
            new.installEventFilter(self)  # installing twice keeps one filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and _combination(event) in self.keys()
        ):
            if _own_undo_step(watched, event):
                event.accept()  # the cell's own typing goes back first
                return True
            event.ignore()  # not the editor's: the window's shortcut fires
            return True
        return False
