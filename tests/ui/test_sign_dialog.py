"""The sign dialog from the keyboard: Enter signs once nothing is left to fix or tick, and never
before (Sign is the dialog's default button whatever field has the focus)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from botox_chart.ui.dialogs.sign_dialog import SignDialog, SignRequest
from tests.helpers.factories import ready_chart


def shown(qtbot: QtBot, request: SignRequest) -> tuple[SignDialog, QWidget]:
    """The dialog on screen and active, as exec() shows it; and the widget with the focus."""
    dialog = SignDialog(request)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    focused = QApplication.focusWidget()
    assert focused is not None and dialog.isAncestorOf(focused)
    return dialog, focused


def test_enter_signs_when_nothing_needs_acknowledging(qtbot: QtBot) -> None:
    request = SignRequest(
        ready_chart().findings(),
        [(7, "Dr Ana Souza, MD")],
        "Nadia Roy",
        total="155 U at 31 sites",
        lot="C1234AB, expires 2027-06-30",
    )
    dialog, focused = shown(qtbot, request)
    assert dialog.sign_button().isDefault()

    qtbot.keyClick(focused, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.decision().acknowledged == frozenset()


def test_enter_does_nothing_until_every_warning_is_ticked(qtbot: QtBot) -> None:
    chart = ready_chart()
    chart.screen["Pregnancy or breastfeeding"] = None
    dialog, _focused = shown(qtbot, SignRequest(chart.findings(), [], "Nadia Roy"))
    (check,) = dialog.warning_checks()
    assert check.hasFocus()  # the first thing to decide

    qtbot.keyClick(check, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted

    qtbot.keyClick(check, Qt.Key.Key_Space)  # ticked
    qtbot.keyClick(check, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.decision().acknowledged == frozenset({chart.findings()[0].key})


def test_enter_never_signs_over_an_error(qtbot: QtBot) -> None:
    chart = ready_chart()
    chart.consent = False
    dialog, focused = shown(qtbot, SignRequest(chart.findings(), [], "Nadia Roy"))

    qtbot.keyClick(focused, Qt.Key.Key_Return)

    assert dialog.isVisible() and not dialog.sign_button().isEnabled()
