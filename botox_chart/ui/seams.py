"""Every modal question the app asks, behind one injectable object.

Widgets receive a :class:`Dialogs` through their constructor. The real one shows Qt dialogs; tests
hand in ``tests.helpers.fake_dialogs.FakeDialogs``, which answers from a script and records what was
asked, so no headless test ever blocks on a modal dialog.

The file, input and print dialogs are imported when first asked for (QtPrintSupport is a library
of its own): the window's first paint does not wait for them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


@contextmanager
def focus_returns(parent: QWidget | None) -> Iterator[None]:
    """Around a modal dialog: when it closes, ``parent``'s window is active again and the widget
    that had the focus has it back. Without this the focus can stay nowhere (a window manager that
    does not re-activate the window, or none at all), and the first Ctrl+Z after an omission's
    reason or a custom site is lost."""
    focus = QApplication.focusWidget()
    try:
        yield
    finally:
        window = parent.window() if parent is not None else None
        if window is not None and window.isVisible():
            window.activateWindow()
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


class Dialogs(Protocol):
    def error(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def info(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool: ...

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = ""
    ) -> str | None: ...

    def ask_secret(self, parent: QWidget | None, title: str, label: str) -> str | None:
        """A passphrase, typed hidden (None: cancelled)."""
        ...

    def save_file(
        self,
        parent: QWidget | None,
        title: str,
        suggested: Path,
        file_filter: str,
        default_suffix: str = "",
    ) -> Path | None:
        """A file name to save to (None: cancelled). ``default_suffix`` (".pdf") is added by the
        dialog to a name typed without it, before it asks whether to replace an existing file."""
        ...

    def open_file(self, parent: QWidget | None, title: str, file_filter: str) -> Path | None: ...

    def print_setup(self, parent: QWidget | None, printer: QPrinter) -> bool:
        """The system print dialog; True when the user chose to print."""
        ...


class QtDialogs:
    """The real dialogs."""

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        with focus_returns(parent):
            QMessageBox.critical(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        with focus_returns(parent):
            QMessageBox.information(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        with focus_returns(parent):
            answer = QMessageBox.question(
                parent,
                title,
                text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = ""
    ) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        with focus_returns(parent):
            value, ok = QInputDialog.getText(parent, title, label, text=text)
        return value if ok else None

    def ask_secret(self, parent: QWidget | None, title: str, label: str) -> str | None:
        import textwrap

        from PySide6.QtWidgets import QInputDialog, QLineEdit

        # The input dialog's label does not wrap: a long explanation would make it screen-wide.
        wrapped = "\n".join(textwrap.fill(line, 72) for line in label.split("\n"))
        with focus_returns(parent):
            value, ok = QInputDialog.getText(parent, title, wrapped, QLineEdit.EchoMode.Password)
        return value if ok else None

    def save_file(
        self,
        parent: QWidget | None,
        title: str,
        suggested: Path,
        file_filter: str,
        default_suffix: str = "",
    ) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(parent, title, str(suggested.parent), file_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(default_suffix.removeprefix("."))
        dialog.selectFile(str(suggested))
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return None
        chosen = dialog.selectedFiles()
        return Path(chosen[0]) if chosen and chosen[0] else None

    def open_file(self, parent: QWidget | None, title: str, file_filter: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(parent, title, "", file_filter)
        return Path(name) if name else None

    def print_setup(self, parent: QWidget | None, printer: QPrinter) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted
