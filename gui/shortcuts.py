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
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

# Redo is Ctrl+Y on every platform (as in Word and WPS), besides the platform's own key.
REDO_KEYS = ("Ctrl+Y", "Ctrl+Shift+Z")


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
            event.ignore()  # not the editor's: the window's shortcut fires
            return True
        return False
