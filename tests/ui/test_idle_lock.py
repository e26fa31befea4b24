"""The idle lock: after the clinic's idle time without input the window saves the draft, hides
every patient detail (and its dialogs) and opens again only with the signed-in clinician's
password, or for someone else through Switch user. Time is a fake clock moved on by the test."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.store import sessions, settings, transaction
from botox_chart.store.models import Clinician, Patient, Role
from botox_chart.store.settings import ClinicSettings
from botox_chart.ui.dialogs.patient_dialog import PatientDialog
from botox_chart.ui.idle_lock import idle_minutes
from botox_chart.ui.main_window import MainWindow
from tests.helpers.factories import an_administrator, make_patient
from tests.helpers.fake_dialogs import FakeDialogs
from tests.ui.conftest import PASSWORD, FakeClock


@pytest.fixture
def injector(login: Any) -> Clinician:
    return login("dube", Role.INJECTOR, name="Claire Dubé", admin=True)


@pytest.fixture
def patient(engine: Engine) -> Patient:
    return make_patient(engine)


def unlock(qtbot: QtBot, window: MainWindow, password: str) -> None:
    screen = window.sign_in_screen
    qtbot.keyClicks(screen.password, password)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)


def charting(window: MainWindow, patient: Patient) -> Any:
    window.patients.select(patient.id)
    window.actions_.new_session.trigger()
    editor: Any = window.editor
    assert editor.session_id() is not None
    return editor


def test_the_lock_hides_patient_data_saves_the_draft_and_opens_with_the_password(
    qtbot: QtBot,
    open_window: Any,
    injector: Clinician,
    patient: Patient,
    clock: FakeClock,
    dialogs: FakeDialogs,
    engine: Engine,
) -> None:
    window = open_window(dialogs, injector)
    editor = charting(window, patient)
    # Typing waits for a pause before it is saved: the lock must not lose it.
    editor.change("Notes", lambda c: setattr(c, "notes", "tolerated well"), typing=True)
    assert editor.panel().save_state_text() != "Saved"

    clock.advance(5)
    assert window.sign_in.idle.check()

    assert window.pages.currentWidget() is window.sign_in_screen
    assert not window.patients.isVisible() and not window.right.isVisible()
    assert not window.toolbar.isVisible()
    assert not window.actions_.print.isEnabled() and not window.actions_.new_session.isEnabled()
    assert window.undo_group.activeStack() is None
    assert window.statusBar().currentMessage() == "Locked"
    screen = window.sign_in_screen
    assert screen.username.text() == "dube" and screen.username.isReadOnly()
    assert "Claire Dubé, RN: enter your password" in screen.message.text()
    assert screen.message.text().startswith("Locked after a pause")
    assert screen.title.text() == "Locked"
    with transaction(engine) as db:
        saved = sessions.load_chart(db, session_id=editor.session_id())
    assert saved.notes == "tolerated well"

    unlock(qtbot, window, "wrong password")
    assert window.pages.currentWidget() is screen
    assert screen.error.text() == "Wrong user name or password."

    unlock(qtbot, window, PASSWORD)

    assert window.pages.currentWidget() is window.splitter and window.right.isVisible()
    assert editor.chart().notes == "tolerated well"  # the same chart, still open
    assert window.undo_group.activeStack() is editor.undo_stack()
    assert window.sign_in.idle.is_watching()
    assert dialogs.asked == []


def test_a_lock_by_hand_says_who_locked_not_a_pause(
    qtbot: QtBot, open_window: Any, injector: Clinician, dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs, injector)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    message = window.sign_in_screen.message.text()
    assert window.sign_in.is_locked()
    assert message.startswith("Locked by Claire Dubé, RN")
    assert "pause" not in message


def test_input_puts_the_lock_off_and_the_clinic_sets_the_time(
    qtbot: QtBot,
    open_window: Any,
    injector: Clinician,
    patient: Patient,
    clock: FakeClock,
    dialogs: FakeDialogs,
    engine: Engine,
) -> None:
    with transaction(engine) as db:
        settings.save(
            db,
            settings=ClinicSettings(idle_lock_minutes="2"),
            clinician_id=an_administrator(engine),
        )
    window = open_window(dialogs, injector)
    assert window.sign_in.idle.minutes() == 2

    clock.advance(1.5)
    qtbot.keyClicks(window.patients.search, "t")  # someone is working
    clock.advance(1.5)
    assert not window.sign_in.idle.check()
    assert window.pages.currentWidget() is window.splitter

    clock.advance(0.5)
    assert window.sign_in.idle.check()
    assert window.pages.currentWidget() is window.sign_in_screen


def test_idle_minutes_are_kept_to_a_sane_range() -> None:
    assert idle_minutes("5") == 5
    assert idle_minutes(" 30 ") == 30
    assert idle_minutes("0") == 1
    assert idle_minutes("-4") == 1
    assert idle_minutes("500") == 120
    assert idle_minutes("") == 5
    assert idle_minutes("ten") == 5


def test_ctrl_l_locks_now_and_dialogs_come_back_after_the_unlock(
    qtbot: QtBot,
    open_window: Any,
    injector: Clinician,
    patient: Patient,
    dialogs: FakeDialogs,
) -> None:
    window = open_window(dialogs, injector)
    window.patients.select(patient.id)
    window.actions_.edit_patient.trigger()
    dialog = window.findChild(PatientDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.allergies.setText("Latex")

    window.sign_in.lock()  # what Ctrl+L does (the key is tested with the other shortcuts)

    assert not dialog.isVisible()
    assert window.pages.currentWidget() is window.sign_in_screen
    unlock(qtbot, window, PASSWORD)
    assert dialog.isVisible()
    assert dialog.allergies.text() == "Latex"  # nothing typed is lost
    dialog.reject()


def test_switch_user_from_the_lock_closes_the_chart_for_someone_else(
    qtbot: QtBot,
    open_window: Any,
    injector: Clinician,
    patient: Patient,
    dialogs: FakeDialogs,
    login: Any,
    clock: FakeClock,
) -> None:
    okoye = login("okoye", Role.PHYSICIAN, name="Dr Samuel Okoye")
    window = open_window(dialogs, injector)
    editor = charting(window, patient)
    window.patients.select(patient.id)
    window.actions_.edit_patient.trigger()
    clock.advance(6)
    window.sign_in.idle.check()

    window.sign_in_screen.switch_button.click()

    screen = window.sign_in_screen
    assert window.pages.currentWidget() is screen
    assert screen.username.text() == "" and not screen.username.isReadOnly()
    assert editor.session_id() is None  # closed, saved
    assert not any(d.isVisible() for d in window.findChildren(PatientDialog))
    qtbot.keyClicks(screen.username, "okoye")
    qtbot.keyClicks(screen.password, PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert window.clinician_id() == okoye.id
    assert window.pages.currentWidget() is window.splitter


def test_nothing_locks_while_nobody_is_signed_in(
    open_window: Any, injector: Clinician, clock: FakeClock, dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs)

    clock.advance(60)

    assert not window.sign_in.idle.check()
    assert not window.sign_in_screen.is_locked()
