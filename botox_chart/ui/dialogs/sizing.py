"""Dialog sizes that fit the screen, also at QT_SCALE_FACTOR=2 on a small one.

A dialog sets an explicit minimum size before it is shown (Qt's offscreen platform warns when a
shown window's size hints change, and a layout-driven minimum keeps changing); larger tables also
get a comfortable starting size. Both are capped by the screen's available area.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

HINT_PADDING = 14
"""A line edit's frame and inner margins around its hint."""


def on_screen(width: int, height: int) -> QSize:
    """``width`` x ``height``, no larger than the primary screen's available area."""
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width, height = min(width, available.width()), min(height, available.height())
    return QSize(width, height)


def size_table_dialog(dialog: QWidget, *, chars: int, lines: int) -> None:
    """A table dialog: at least two thirds of ``chars`` x ``lines``, started at the full size."""
    metrics = dialog.fontMetrics()
    width, height = metrics.averageCharWidth() * chars, metrics.lineSpacing() * lines
    dialog.setMinimumSize(on_screen(width * 2 // 3, height * 2 // 3))
    dialog.resize(on_screen(width, height))


def fit_hints(dialog: QWidget) -> None:
    """Every field of ``dialog`` wide enough for its hint ("YYYY-MM-DD (optional)"), which some
    languages make much longer than English; call it before the dialog sets its minimum size."""
    for edit in dialog.findChildren(QLineEdit):
        hint = edit.placeholderText()
        if not hint:
            continue
        edit.ensurePolished()
        width = edit.fontMetrics().horizontalAdvance(hint) + HINT_PADDING
        combo = edit.parent()
        field = combo if isinstance(combo, QComboBox) else edit
        field.setMinimumWidth(max(field.minimumWidth(), width + (24 if field is combo else 0)))
