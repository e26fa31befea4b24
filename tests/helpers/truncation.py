"""Texts the window shows cut short: a label, button, check box, tab, group box title, column
title or hint narrower than its words, or words elided ("Claire Dubé, RN, n… (physician)").

Each widget's text is measured with its own font metrics (after the stylesheet's polish) and
compared with the room its size and contents rectangle give it; a word-wrapped label must have the
height its words need at its width. Only widgets shown on screen count: a page of a stack that is
not shown, a hidden banner, or rows scrolled out of a view are not cut short.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

SLACK = 1
"""Pixels of rounding allowed."""
HEADER_PADDING = 12
"""A column title's padding left and right (style.qss: QHeaderView::section)."""
HINT_PADDING = 6
"""A line edit's inner margins around its placeholder text."""
COMBO_ARROW = 24
"""A combo box's drop-down arrow and frame."""


def truncated(root: QWidget) -> list[str]:
    """Every text cut short in ``root`` and the widgets shown inside it, described."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        widget.ensurePolished()
        if isinstance(widget, QLabel):
            problems += _label(widget)
        elif isinstance(widget, QAbstractButton):
            problems += _button(widget)
        elif isinstance(widget, QGroupBox):
            problems += _group_box(widget)
        elif isinstance(widget, QTabBar):
            problems += _tabs(widget)
        elif isinstance(widget, QHeaderView):
            problems += _header(widget)
        elif isinstance(widget, QLineEdit):
            problems += _hint(widget)
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            problems += _combo(widget)
    return problems


def elided(text: str) -> bool:
    """Words shortened with "…" (an ellipsis ending a text, "Print…", "Saving…", is not one)."""
    return "…" in text.rstrip().removesuffix("…").split("\t")[0]


def _name(widget: QWidget, text: str) -> str:
    return f"{type(widget).__name__} {widget.objectName() or ''} {text!r}".replace("  ", " ")


def _shown(text: str) -> str:
    """A label's or button's text as drawn: "&Units" shows "Units", "&&" an ampersand."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label(label: QLabel) -> list[str]:
    text = label.text()
    if not text or label.pixmap() is not None and not label.pixmap().isNull():
        return []
    if elided(text):
        return [f"{_name(label, text)} is elided"]
    room = label.contentsRect()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return [f"{_name(label, text)} needs {needed} px of height, has {label.height()}"]
        return []
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if rich:
        width = label.sizeHint().width()
        if width > label.width() + SLACK:
            return [f"{_name(label, text)} needs {width} px, has {label.width()}"]
        return []
    plain = _shown(text) if label.buddy() is not None else text
    metrics = label.fontMetrics()
    width = max(metrics.horizontalAdvance(line) for line in plain.split("\n"))
    width += 2 * label.margin() + max(label.indent(), 0)
    if width > room.width() + SLACK:
        return [f"{_name(label, text)} needs {width} px, has {room.width()}"]
    return []


def _button(button: QAbstractButton) -> list[str]:
    text = button.text()
    if not text:
        return []
    if elided(text):
        return [f"{_name(button, text)} is elided"]
    metrics = button.fontMetrics()
    words = metrics.horizontalAdvance(_shown(text).split("\t")[0])
    needed = max(button.sizeHint().width(), words)
    if needed > button.width() + SLACK:
        return [f"{_name(button, text)} needs {needed} px, has {button.width()}"]
    return []


def _group_box(box: QGroupBox) -> list[str]:
    title = _shown(box.title())
    if not title:
        return []
    width = box.fontMetrics().horizontalAdvance(title) + 16  # the title's inset and padding
    if width > box.width() + SLACK:
        return [f"{_name(box, title)} needs {width} px, has {box.width()}"]
    return []


def _tabs(bar: QTabBar) -> list[str]:
    problems = []
    metrics = bar.fontMetrics()
    for index in range(bar.count()):
        text = bar.tabText(index)
        needed = metrics.horizontalAdvance(_shown(text)) + 16  # the tab's padding
        if elided(text) or bar.tabRect(index).width() + SLACK < needed:
            problems.append(f"tab {text!r} needs {needed} px, has {bar.tabRect(index).width()}")
    return problems


def _header(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    font = QFont(header.font())
    font.setBold(True)  # style.qss: QHeaderView::section { font-weight: 600 }
    metrics = QFontMetrics(font)
    problems = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        if header.sectionResizeMode(section) == QHeaderView.ResizeMode.ResizeToContents:
            continue  # Qt sized it to its title and cells with the style's own measure
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        needed = metrics.horizontalAdvance(text) + HEADER_PADDING
        size = header.sectionSize(section)
        if text and needed > size + SLACK:
            problems.append(f"column {text!r} needs {needed} px, has {size}")
    return problems


def _hint(edit: QLineEdit) -> list[str]:
    hint = edit.placeholderText()
    if edit.text() or not hint:
        return []
    needed = edit.fontMetrics().horizontalAdvance(hint) + HINT_PADDING
    room = edit.contentsRect().width()
    if needed > room + SLACK:
        return [f"{_name(edit, hint)} hint needs {needed} px, has {room}"]
    return []


def _combo(combo: QComboBox) -> list[str]:
    text = combo.currentText()
    if not text:
        return []
    needed = combo.fontMetrics().horizontalAdvance(text) + COMBO_ARROW
    if needed > combo.width() + SLACK:
        return [f"{_name(combo, text)} needs {needed} px, has {combo.width()}"]
    return []
