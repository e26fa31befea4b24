"""Clinicians sign in as themselves: the first run creates an administrator, nothing of a patient
shows before a password is checked, a wrong password is refused in the screen (and after too many,
the screen says how long to wait), and the toolbar names who is signed in. Sign-in is typed here;
other tests use ``window.sign_in_as``."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.store import audit, clinicians, transaction
from botox_chart.store.models import Role
from botox_chart.store.throttle import local_time
from botox_chart.ui.dialogs.clinician_dialog import ClinicianDialog
from botox_chart.ui.main_window import MainWindow
from botox_chart.ui.window_state import settings_path
from tests.helpers.factories import fail_sign_ins, make_patient
from tests.helpers.fake_dialogs import FakeDialogs
from tests.ui.conftest import PASSWORD

PATIENT_ACTIONS = (
    "find_patient",
    "add_patient",
    "new_session",
    "print_preview",
    "record_preview",
    "patient_audit",
    "session_audit",
    "go_patients",
    "lock",
)


def type_sign_in(qtbot: QtBot, window: MainWindow, username: str, password: str) -> None:
    screen = window.sign_in_screen
    screen.username.clear()
    qtbot.keyClicks(screen.username, username)
    qtbot.keyClick(screen.username, Qt.Key.Key_Return)  # on to the password
    qtbot.keyClicks(screen.password, password)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)


def covered(window: MainWindow) -> bool:
    """The sign-in screen is up and no patient information is on screen."""
    return (
        window.pages.currentWidget() is window.sign_in_screen
        and window.sign_in_screen.isVisible()
        and not window.patients.isVisible()
        and not window.sessions.isVisible()
        and not window.right.isVisible()
        and not window.toolbar.isVisible()
    )


def test_a_first_run_creates_the_first_administrator_and_signs_them_in(
    qtbot: QtBot, open_window: Any, engine: Engine, dialogs: FakeDialogs
) -> None:
    make_patient(engine)
    window = open_window(dialogs)

    dialog = window.findChild(ClinicianDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Create the first administrator"
    assert covered(window)
    roles = [dialog.role.itemData(i) for i in range(dialog.role.count())]
    assert roles == ["injector", "physician"]  # the first administrator charts
    assert dialog.role.currentData() == "physician"
    qtbot.keyClicks(dialog.name, "Dr Ana Souza")
    qtbot.keyClicks(dialog.credentials, "MD")
    qtbot.keyClicks(dialog.username, "asouza")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.text() == "Create and &sign in"

    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.confirm, "short")
    save.click()
    assert dialog.isVisible() and "at least 8 characters" in dialog.error.text()
    assert dialog.password.text() == "" and dialog.name.text() == "Dr Ana Souza"

    qtbot.keyClicks(dialog.password, "long enough 1")
    qtbot.keyClicks(dialog.confirm, "long enough 2")
    save.click()
    assert "differ" in dialog.error.text()

    qtbot.keyClicks(dialog.password, "long enough 1")
    qtbot.keyClicks(dialog.confirm, "long enough 1")
    save.click()

    assert not dialog.isVisible()
    assert window.signed_in_label.text() == "Signed in: Dr Ana Souza, MD (physician)"
    assert not covered(window) and window.patients.isVisible()
    assert window.actions_.clinicians.isVisible() and window.actions_.clinic_settings.isVisible()
    assert dialogs.asked == []
    with transaction(engine) as db:
        [stored] = [c for c in clinicians.active(db) if c.is_admin]
        assert not clinicians.needs_first_administrator(db)
        actions = [e.action for e in audit.events(db)]
    assert stored.is_admin and stored.username == "asouza"
    assert stored.password_hash is not None and stored.password_hash.startswith("$argon2")
    assert "long enough" not in stored.password_hash
    assert actions[-1] == "create_clinician"  # signing in writes nothing


def test_a_closed_first_run_dialog_can_be_opened_again_from_the_screen(
    open_window: Any, engine: Engine, dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs)
    window.findChild(ClinicianDialog).reject()

    screen = window.sign_in_screen
    assert screen.create_button.isVisible() and not screen.password.isVisible()
    assert "create the first administrator" in screen.message.text()
    assert screen.title.text() == "Welcome to botox-chart"
    screen.create_button.click()

    assert any(d.isVisible() for d in window.findChildren(ClinicianDialog))


def test_nothing_of_a_patient_shows_before_sign_in(
    qtbot: QtBot, open_window: Any, engine: Engine, login: Any, dialogs: FakeDialogs
) -> None:
    login("dube", Role.INJECTOR, admin=True)
    patient = make_patient(engine)
    window = open_window(dialogs)
    window.patients.select(patient.id)

    assert covered(window)
    assert window.patients.model.rowCount() == 1  # loaded behind the screen
    for name in PATIENT_ACTIONS:
        assert not getattr(window.actions_, name).isEnabled(), name
    assert window.actions_.quit.isEnabled()
    assert window.sign_in_screen.username.hasFocus()


def test_a_wrong_password_is_refused_in_the_screen_and_the_right_one_admitted(
    qtbot: QtBot, open_window: Any, engine: Engine, login: Any, dialogs: FakeDialogs
) -> None:
    login("souza", Role.PHYSICIAN, admin=True)
    dube = login("dube", Role.INJECTOR, name="Claire Dubé")
    make_patient(engine)
    window = open_window(dialogs)
    screen = window.sign_in_screen

    type_sign_in(qtbot, window, "dube", "not the password")
    assert covered(window)
    assert screen.error.isVisible() and screen.error.text() == "Wrong user name or password."
    assert screen.password.text() == "" and screen.password.hasFocus()
    type_sign_in(qtbot, window, "nobody", PASSWORD)
    assert screen.error.text() == "Wrong user name or password."  # same words: no user hunting
    assert dialogs.asked == []  # said in the screen, not in message boxes

    type_sign_in(qtbot, window, "DUBE", PASSWORD)

    assert not covered(window)
    assert window.clinician_id() == dube.id
    assert window.signed_in_label.text() == "Signed in: Claire Dubé, RN (injector)"
    assert window.actions_.new_session.toolTip().startswith("Start a session")
    assert not window.actions_.clinicians.isVisible()  # not an administrator
    assert not window.actions_.clinic_settings.isVisible()
    with transaction(engine) as db:
        failed = [e.changes for e in audit.events(db)][-2:]
    assert [(e["username"], e["failures"]) for e in failed] == [("dube", 1), ("nobody", 1)]
    assert all(PASSWORD not in str(e) and "not the password" not in str(e) for e in failed)


def test_after_too_many_failures_the_screen_says_how_long_to_wait(
    qtbot: QtBot, open_window: Any, engine: Engine, login: Any, dialogs: FakeDialogs
) -> None:
    login("souza", Role.PHYSICIAN, admin=True)
    dube = login("dube", Role.INJECTOR, name="Claire Dubé")
    window = open_window(dialogs)
    screen = window.sign_in_screen
    fail_sign_ins(engine, "dube", 8, start=datetime.now(UTC) - timedelta(minutes=1))

    type_sign_in(qtbot, window, "dube", "guess")  # the 9th: checked, then a 16 s wait
    assert screen.error.text() == (
        "Wrong user name or password. Too many failed sign-ins for dube: try again in 16 seconds."
    )
    type_sign_in(qtbot, window, "dube", PASSWORD)  # too early: refused, not even checked
    assert covered(window) and screen.password.text() == "" and screen.password.hasFocus()
    assert re.fullmatch(
        r"Too many failed sign-ins for dube: try again in (1[0-6]|[1-9]) seconds?\.",
        screen.error.text(),
    )

    with transaction(engine) as db:  # the 10th, once the wait has passed, locks the account
        waited = datetime.now(UTC) + timedelta(seconds=16)
        with pytest.raises(clinicians.TooManyFailures) as locked:
            clinicians.authenticate(db, username="dube", password="guess", now=waited)
    type_sign_in(qtbot, window, "dube", PASSWORD)
    until = local_time(locked.value.until, datetime.now(UTC))
    assert screen.error.text() == (
        f"Too many failed sign-ins for dube: locked until {until}; an administrator can unlock "
        f"it sooner."
    )
    assert covered(window) and dialogs.asked == []

    with transaction(engine) as db:
        souza = next(c for c in clinicians.active(db) if c.username == "souza")
        clinicians.unlock(db, username="dube", by=souza.id)
    type_sign_in(qtbot, window, "dube", PASSWORD)
    assert not covered(window) and window.clinician_id() == dube.id


def test_the_last_user_name_is_remembered_never_the_password(
    qtbot: QtBot, open_window: Any, engine: Engine, login: Any, dialogs: FakeDialogs
) -> None:
    login("dube", admin=True)
    first = open_window(dialogs)
    type_sign_in(qtbot, first, "dube", PASSWORD)
    first.close()

    second = open_window(FakeDialogs())

    assert second.sign_in_screen.username.text() == "dube"
    assert second.sign_in_screen.password.text() == ""
    assert second.sign_in_screen.password.hasFocus()
    assert PASSWORD not in Path(settings_path()).read_text(encoding="utf-8")


def test_sign_out_and_switch_user_close_the_chart_and_cover_the_window(
    qtbot: QtBot, open_window: Any, engine: Engine, login: Any, dialogs: FakeDialogs
) -> None:
    dube = login("dube", admin=True)
    okoye = login("okoye", Role.PHYSICIAN)
    patient = make_patient(engine)
    window = open_window(dialogs)
    type_sign_in(qtbot, window, "dube", PASSWORD)
    window.patients.select(patient.id)
    window.actions_.new_session.trigger()
    editor: Any = window.editor
    assert editor.session_id() is not None

    window.actions_.sign_out.trigger()
    assert covered(window)
    assert editor.session_id() is None
    assert window.sign_in_screen.username.text() == "dube"
    assert window.clinician_id() is None

    type_sign_in(qtbot, window, "dube", PASSWORD)
    assert window.clinician_id() == dube.id
    window.actions_.switch_user.trigger()
    assert covered(window)
    assert window.sign_in_screen.username.text() == ""

    type_sign_in(qtbot, window, "okoye", PASSWORD)
    assert window.clinician_id() == okoye.id
    assert "(physician)" in window.signed_in_label.text()
