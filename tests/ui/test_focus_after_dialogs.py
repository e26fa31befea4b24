"""After a dialog the charting keys work at once: the real dialogs (``ui.seams.QtDialogs``) give the
window and the widget that had the focus back when they close, so the first Ctrl+Z after typing an
omission's reason undoes the omission instead of going nowhere."""

from __future__ import annotations

from typing import Any, cast

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.chart import SiteState
from botox_chart.ui.seams import QtDialogs
from tests.helpers.factories import make_clinician, make_patient
from tests.ui.conftest import OpenWindow


def answer_when_shown(qtbot: QtBot, text: str) -> None:
    """Type ``text`` into the input dialog once it is up, and press OK (as a user would)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        field = dialog.findChild(QLineEdit)
        assert field is not None
        field.setText(text)
        # Like a window manager that does not give the window back: nothing has the focus.
        dialog.accept()
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()

    QTimer.singleShot(20, answer)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's input dialog
def test_after_the_omit_reason_the_diagram_has_the_focus_and_ctrl_z_undoes(
    qtbot: QtBot, engine: Engine, open_window: OpenWindow
) -> None:
    patient = make_patient(engine)
    window = open_window(QtDialogs(), make_clinician(engine))  # the real dialogs
    window.patients.select(cast(int, patient.id))
    window.actions_.new_session.trigger()
    window.actions_.apply_protocol.trigger()
    editor: Any = window.editor
    diagram = editor.diagram()
    qtbot.waitUntil(diagram.hasFocus)
    diagram.set_current("PRO")

    answer_when_shown(qtbot, "bruise")
    window.actions_.omit_current.trigger()
    assert editor.chart().state_of("PRO") is SiteState.OMITTED

    qtbot.waitUntil(diagram.hasFocus)
    assert window.isActiveWindow()
    qtbot.keyClick(QApplication.focusWidget(), "z", Qt.KeyboardModifier.ControlModifier)
    assert editor.chart().state_of("PRO") is SiteState.INJECTED
