"""The real save dialog (``ui.seams.QtDialogs.save_file``) adds the document's suffix to a name
typed without it, itself, so its "replace?" question is about the file that will be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from botox_chart.ui.seams import QtDialogs


def type_name_when_shown(name: str) -> None:
    """Type ``name`` into the file dialog once it is up, and press Save (as a user would)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        assert field is not None
        field.setText(name)
        dialog.accept()

    QTimer.singleShot(20, answer)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's file dialog
def test_a_name_typed_without_the_suffix_comes_back_with_it(qtbot: QtBot, tmp_path: Path) -> None:
    type_name_when_shown("letter")

    chosen = QtDialogs().save_file(
        None, "Save the letter as PDF", tmp_path / "suggested.pdf", "PDF (*.pdf)", ".pdf"
    )

    assert chosen == tmp_path / "letter.pdf"
