"""The diagram's keys: what each key does while the diagram has the focus.

Arrows move between markers and never change a dose (a slip must not become a medication error);
Space or Enter marks the current site; + (or =) and - step its dose; O omits a protocol site and
Delete removes an added one. Ctrl, Alt and Meta combinations are left to the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent


def omit_hint() -> str:
    """Said when Delete is pressed on a protocol site."""
    return QCoreApplication.translate(
        "DiagramKeys",
        "Protocol sites are omitted, not removed: press O to omit this one (with a reason).",
    )


def remove_hint() -> str:
    """Said when O is pressed on an added site."""
    return QCoreApplication.translate(
        "DiagramKeys", "An added site is removed, not omitted: press Delete to remove it."
    )


_ALLOWED_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
_ACTIVATE_KEYS = {Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter}
_STEP_KEYS = {
    Qt.Key.Key_Plus: 1,
    Qt.Key.Key_Equal: 1,
    Qt.Key.Key_Minus: -1,
    Qt.Key.Key_Underscore: -1,
}
_NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down}
_PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up}


def key_action(event: QKeyEvent, *, has_current: bool) -> str | None:
    """What a key does on the diagram ("next", "activate", "+1", "omit"...), or None to let it
    pass on to the window. Keys that act on a marker need a current one (``has_current``)."""
    if event.modifiers() & ~_ALLOWED_MODIFIERS:
        return None  # Ctrl/Alt/Meta combinations belong to the window
    key = Qt.Key(event.key())
    if key in _NEXT_KEYS:
        return "next"
    if key in _PREVIOUS_KEYS:
        return "previous"
    if key == Qt.Key.Key_Home:
        return "first"
    if key == Qt.Key.Key_End:
        return "last"
    if not has_current:
        return None
    if key in _ACTIVATE_KEYS:
        return "activate"
    if key in _STEP_KEYS:
        return f"{_STEP_KEYS[key]:+d}"
    if key == Qt.Key.Key_Delete:
        return "remove"
    if key == Qt.Key.Key_O:
        return "omit"
    return None
