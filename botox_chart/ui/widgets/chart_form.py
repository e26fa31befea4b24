"""The base of the session panel's groups: show a chart, and ask for changes to it.

A group never changes the chart itself. It emits ``edited(text, change, merge_key)``: ``change`` is
a function that applies the edit to a chart, and the session editor runs it on a copy and pushes the
before/after snapshots onto the undo stack. ``merge_key`` names the field being typed in, so
keystrokes in one field merge into one undo step ("" for changes that never merge).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from botox_chart.chart import Chart

ChartEdit = Callable[[Chart], object]
"""Applies one edit to the chart it is given (the editor's copy); may raise ChartError."""

INPUTS: tuple[type[QWidget], ...] = (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
)
"""What a read-only (signed) session disables; labels stay as they are, readable."""


def restyle(widget: QWidget, name: str, value: str) -> None:
    """Set a dynamic property the stylesheet selects on, and re-apply the style if it changed."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def setter(name: str, value: object) -> ChartEdit:
    """The edit that sets one chart field."""

    def change(chart: Chart) -> None:
        setattr(chart, name, value)

    return change


def set_text(edit: QLineEdit, text: str) -> None:
    """Show a value without moving the cursor of someone typing it (only if it differs)."""
    if edit.text() != text:
        edit.setText(text)


class DecimalSpinBox(QDoubleSpinBox):
    """A decimal field that takes a point or a comma as the decimal mark, whatever the window's
    language: in a French window Qt's own spin box ignores "." (2.5 would become 2 mL, and the
    dilution every note prints would be wrong). No thousands separators: the values are small."""

    def __init__(self) -> None:
        super().__init__()
        self.setGroupSeparatorShown(False)

    def _marked(self, text: str) -> str:
        point = self.locale().decimalPoint()
        return text.replace(".", point).replace(",", point)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return super().validate(self._marked(text), pos)

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(self._marked(text))


def compact(combo: QComboBox, characters: int = 12) -> QComboBox:
    """A combo box as wide as its column allows, not as wide as its longest item."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


def line_edit(combo: QComboBox) -> QLineEdit:
    """The text field of an editable combo box."""
    edit = combo.lineEdit()
    assert edit is not None, "the combo box is not editable"
    return edit


class ChartForm(QGroupBox):
    edited = Signal(str, object, str)
    """(undo text, ChartEdit, merge key)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._loading = False

    def set_chart(self, chart: Chart) -> None:
        """Show the chart's values (without emitting ``edited``)."""
        with self.loading():
            self.show_chart(chart)

    def show_chart(self, chart: Chart) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        """A signed session: the values stay readable, nothing can be changed."""
        for kind in INPUTS:
            for child in self.findChildren(kind):
                child.setEnabled(not read_only)

    @contextmanager
    def loading(self) -> Iterator[None]:
        self._loading = True
        try:
            yield
        finally:
            self._loading = False

    def bind_choice(self, combo: QComboBox, undo_text: str, field: str) -> None:
        """An editable combo box bound to a text field of the chart: typed, picked or completed.

        Inline completion fills the field without a keystroke, so Enter or leaving the field
        reports the text as shown.
        """

        def report(*_args: object) -> None:
            self.emit_edit(undo_text, setter(field, combo.currentText()), field)

        line_edit(combo).textEdited.connect(report)
        line_edit(combo).editingFinished.connect(report)
        combo.activated.connect(report)

    def emit_edit(self, text: str, change: ChartEdit, merge_key: str = "") -> None:
        if not self._loading:
            self.edited.emit(text, change, merge_key)
