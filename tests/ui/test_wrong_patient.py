"""Wrong-patient guards: a command acts only on a patient the user can see, and names them; the
charted patient is named above the chart, marked when another patient's name reads alike; switching
user leaves nothing of the last clinician's patient on screen."""

from __future__ import annotations

from typing import cast

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.store.models import Clinician, Patient
from botox_chart.ui.main_window import MainWindow
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart
from tests.helpers.fake_dialogs import FakeDialogs
from tests.ui.conftest import PASSWORD, Login, OpenWindow
from tests.ui.test_sign_in import type_sign_in


@pytest.fixture
def elise(engine: Engine) -> Patient:
    return make_patient(engine, family_name="Gagnon", given_names="Élise")


@pytest.fixture
def on_elise(engine: Engine, open_window: OpenWindow, elise: Patient) -> MainWindow:
    """A physician's window with Gagnon, Élise chosen (and Roy, Olivia in the list too)."""
    make_patient(engine, family_name="Roy", given_names="Olivia")
    window = open_window(FakeDialogs(), make_clinician(engine))
    window.patients.select(cast(int, elise.id))
    return window


def search(qtbot: QtBot, window: object, text: str) -> None:
    box = window.patients.search  # type: ignore[attr-defined]
    box.clear()
    qtbot.keyClicks(box, text)


def test_a_search_that_hides_the_chosen_patient_leaves_no_command_acting_on_them(
    qtbot: QtBot, on_elise: MainWindow, elise: Patient
) -> None:
    window = on_elise
    a = window.actions_

    assert a.new_session.isEnabled()
    assert a.new_session.text().replace("&", "") == "New session for Gagnon, Élise"
    assert a.new_session.toolTip() == "New session for Gagnon, Élise (Ctrl+N)"
    assert a.new_session.iconText() == "New session"  # buttons stay short: the toolbar fits
    assert "Gagnon, Élise" in a.record_preview.text() and "Gagnon, Élise" in a.patient_audit.text()
    assert "Gagnon, Élise" in a.repeat_last.text().replace("&", "")

    search(qtbot, window, "olivia")  # the list now shows Olivia only

    assert window.patients.current_id() is None
    assert window.sessions.patient_id() is None  # Élise's sessions are off the screen too
    assert not a.new_session.isEnabled()
    assert a.new_session.text().replace("&", "") == "New session"
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert cast(FakeDialogs, window.dialogs).asked == []
    assert window.editor is None or window.commands.editing() is None

    search(qtbot, window, "")
    window.patients.focus_list()  # Down from the search chooses the first patient listed
    assert window.patients.current_id() == elise.id
    assert "Gagnon, Élise" in a.new_session.text()


def test_an_open_chart_stays_named_while_the_search_hides_its_patient(
    qtbot: QtBot, on_elise: MainWindow, elise: Patient
) -> None:
    window = on_elise
    window.actions_.new_session.trigger()
    assert window.commands.editing() is not None
    assert window.identity.isVisible()
    assert "Gagnon, Élise" in window.identity.who.text()
    assert elise.chart_number in window.identity.who.text()
    assert elise.date_of_birth.isoformat() in window.identity.who.text()

    search(qtbot, window, "olivia")

    assert window.commands.editing() is not None  # typing never closes the chart
    assert window.identity.isVisible() and "Gagnon, Élise" in window.identity.who.text()
    edit = window.actions_.edit_patient
    assert not edit.isEnabled()
    assert "search hides the selected patient" in edit.toolTip()
    assert not window.actions_.record_preview.isEnabled()

    window.actions_.close_session.trigger()
    assert not window.identity.isVisible()
    # With the chart closed, the patient the search hides is no longer chosen either.
    assert window.patients.current_id() is None
    assert window.sessions.patient_id() is None


def test_the_identity_bar_marks_a_patient_whose_name_reads_alike(
    qtbot: QtBot, engine: Engine, open_window: OpenWindow
) -> None:
    doctor = make_clinician(engine)
    elise = make_patient(engine, family_name="Gagnon", given_names="Élise")
    make_patient(engine, family_name="Gagnion", given_names="Elise", chart_number="C7")
    other = make_patient(engine, family_name="Roy", given_names="Olivia")
    window = open_window(FakeDialogs(), doctor)

    window.patients.select(cast(int, other.id))
    window.actions_.new_session.trigger()
    assert not window.identity.similar.isVisible()
    assert window.identity.property("lookAlike") is False

    window.patients.select(cast(int, elise.id))  # closes Olivia's chart
    window.actions_.new_session.trigger()
    assert window.identity.property("lookAlike") is True
    assert window.identity.similar.isVisible()
    assert "Gagnion, Elise (C7)" in window.identity.similar.text()


def test_switch_user_leaves_nothing_of_the_last_clinicians_patient(
    qtbot: QtBot, engine: Engine, open_window: OpenWindow, login: Login
) -> None:
    claire = login("claire")
    login("marc")
    patient = make_patient(engine, family_name="Gagnon", given_names="Élise")
    make_signed_session(engine, patient, cast(Clinician, claire), ready_chart())
    window = open_window(FakeDialogs(), claire)
    window.patients.select(cast(int, patient.id))
    search(qtbot, window, "gagnon")
    window.actions_.new_session.trigger()
    assert window.sessions.patient_id() == patient.id

    window.actions_.switch_user.trigger()
    # On the sign-in screen no menu names the last clinician's patient.
    menus = [action.text() + action.toolTip() for action in window.actions_.every()]
    assert not [text for text in menus if "Gagnon" in text]
    type_sign_in(qtbot, window, "marc", PASSWORD)

    assert window.sign_in.clinician() is not None
    assert window.sign_in.clinician().username == "marc"  # type: ignore[union-attr]
    assert window.patients.search.text() == ""
    assert window.patients.current_id() is None
    assert not window.patients.view.selectionModel().hasSelection()
    assert window.sessions.patient_id() is None
    assert window.sessions.model.rowCount() == 0
    assert not window.identity.isVisible()
    assert window.commands.editing() is None


def test_a_lock_leaves_no_patient_name_in_the_menus(qtbot: QtBot, on_elise: MainWindow) -> None:
    window = on_elise
    assert "Gagnon" in window.actions_.new_session.text()

    window.actions_.lock.trigger()

    menus = [action.text() + action.toolTip() for action in window.actions_.every()]
    assert not [text for text in menus if "Gagnon" in text]


def test_opening_the_database_again_leaves_no_chart_or_patient_behind(
    qtbot: QtBot, on_elise: MainWindow
) -> None:
    window = on_elise
    window.actions_.new_session.trigger()
    assert window.identity.isVisible()

    with qtbot.waitSignal(window.patientsLoaded, timeout=20_000):
        window.reload_database()

    assert not window.identity.isVisible() and window.identity.patient_id() is None
    assert window.patients.current_id() is None
    assert window.sessions.patient_id() is None
    assert window.right.currentIndex() == 0


def test_staff_are_not_told_they_cannot_chart_when_no_patient_is_chosen(
    qtbot: QtBot, engine: Engine, open_window: OpenWindow
) -> None:
    from botox_chart.store.models import Role

    staff = make_clinician(engine, "Jo Park", Role.STAFF)
    make_patient(engine)
    window = open_window(FakeDialogs(), staff)
    record = window.actions_.record_preview
    assert not record.isEnabled()
    assert "charting needs" not in record.toolTip()
