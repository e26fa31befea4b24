"""The addendum dialog: a correction or addition to a signed session, in free text.

Addenda are append-only: the text is stored as written, with author and time. The editor shows the
dialog through an injectable prompt (:func:`ask_addendum` by default) so tests never block.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from botox_chart.ui.seams import focus_returns

AddendumPrompt = Callable[[QWidget, str], str | None]
"""(parent, heading) → the addendum text, or None when the user cancels."""


class AddendumDialog(QDialog):
    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addendumDialog")
        self.setWindowTitle(self.tr("Add addendum"))
        self.setMinimumSize(440, 260)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "{heading}\nThe signed session is not changed: the addendum is added below it, "
                "with your name and the time."
            ).format(heading=heading)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self._text = QPlainTextEdit()
        self._text.setPlaceholderText(
            self.tr("e.g. Patient called on day 3: mild neck pain, resolving.")
        )
        self._text.setTabChangesFocus(True)
        self._text.textChanged.connect(self._update)
        layout.addWidget(self._text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self._add = QPushButton(self.tr("Add addendum"))
        self._add.setDefault(True)
        self._add.setProperty("role", "primary")
        buttons.addButton(self._add, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update()

    def editor(self) -> QPlainTextEdit:
        return self._text

    def add_button(self) -> QPushButton:
        return self._add

    def text(self) -> str:
        return self._text.toPlainText().strip()

    def accept(self) -> None:
        if self.text():
            super().accept()

    def _update(self) -> None:
        self._add.setEnabled(bool(self.text()))


def ask_addendum(parent: QWidget, heading: str) -> str | None:
    """The default :data:`AddendumPrompt`: the modal dialog."""
    dialog = AddendumDialog(heading, parent)
    try:
        with focus_returns(parent):
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.text() if accepted else None
    finally:
        dialog.deleteLater()
