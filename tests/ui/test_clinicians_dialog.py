"""Clinicians… (administrators only): add a clinician who can then sign in, reset a password,
unlock someone locked out by failed sign-ins, deactivate someone who left; the list model keeps
Qt's contract."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.store import audit, clinicians, transaction
from botox_chart.store.clinicians import ClinicianError
from botox_chart.store.models import Clinician, Role
from botox_chart.store.throttle import local_time
from botox_chart.ui.dialogs.clinician_dialog import ClinicianDialog
from botox_chart.ui.dialogs.clinicians_dialog import CliniciansDialog
from botox_chart.ui.dialogs.password_dialog import PasswordDialog
from botox_chart.ui.models import clinician_list
from botox_chart.ui.models.clinician_list import ClinicianListModel
from tests.helpers.factories import fail_sign_ins, make_clinician
from tests.helpers.fake_dialogs import FakeDialogs
from tests.ui.conftest import PASSWORD


@pytest.fixture
def admin(login: Any) -> Clinician:
    return login("souza", Role.PHYSICIAN, name="Dr Ana Souza", admin=True)


def open_clinicians(window: Any) -> CliniciansDialog:
    window.actions_.clinicians.trigger()
    dialog = window.findChild(CliniciansDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def names(dialog: CliniciansDialog) -> list[str]:
    model = dialog.model
    return [model.index(r, clinician_list.NAME).data() for r in range(model.rowCount())]


def select(dialog: CliniciansDialog, name: str) -> None:
    dialog.view.selectRow(names(dialog).index(name))


def test_an_administrator_adds_an_injector_who_can_then_sign_in(
    qtbot: QtBot, open_window: Any, admin: Clinician, dialogs: FakeDialogs, engine: Engine
) -> None:
    window = open_window(dialogs, admin)
    dialog = open_clinicians(window)
    assert names(dialog) == ["Dr Ana Souza"]

    dialog.add_button.click()
    form = dialog.findChild(ClinicianDialog)
    assert form is not None and form.isVisible()
    assert form.windowTitle() == "Add clinician"
    form.name.setText("Claire Dubé")
    qtbot.keyClicks(form.credentials, "RN")
    form.role.setCurrentIndex(form.role.findData("injector"))
    qtbot.keyClicks(form.username, "souza")  # taken
    qtbot.keyClicks(form.password, "claire-pass")
    qtbot.keyClicks(form.confirm, "claire-pass")
    save = form.buttons.button(QDialogButtonBox.StandardButton.Save)
    save.click()
    assert "taken" in form.error.text() and form.focusWidget() is form.username
    form.username.setText("dube")
    qtbot.keyClicks(form.password, "claire-pass")
    qtbot.keyClicks(form.confirm, "claire-pass")
    save.click()

    assert not form.isVisible()
    assert names(dialog) == ["Claire Dubé, RN", "Dr Ana Souza"]
    assert dialog.selected() is not None and dialog.selected().username == "dube"
    model = dialog.model
    assert model.index(0, clinician_list.ROLE).data() == "Injector"
    assert model.index(1, clinician_list.ROLE).data() == "Physician, administrator"
    with transaction(engine) as db:
        added = audit.events(db)[-1]
    assert added.action == "create_clinician" and added.clinician_id == admin.id
    dialog.reject()

    window.sign_in.switch_user()
    screen = window.sign_in_screen
    qtbot.keyClicks(screen.username, "dube")
    qtbot.keyClicks(screen.password, "claire-pass")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert window.signed_in_label.text() == "Signed in: Claire Dubé, RN (injector)"


def test_reset_a_password(
    qtbot: QtBot,
    open_window: Any,
    admin: Clinician,
    login: Any,
    dialogs: FakeDialogs,
    engine: Engine,
) -> None:
    login("dube", name="Claire Dubé")
    window = open_window(dialogs, admin)
    dialog = open_clinicians(window)
    select(dialog, "Claire Dubé, RN")

    dialog.password_button.click()
    form = dialog.findChild(PasswordDialog)
    assert form is not None and form.isVisible()
    qtbot.keyClicks(form.password, "new")
    qtbot.keyClicks(form.confirm, "new")
    form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "at least 8 characters" in form.error.text()
    qtbot.keyClicks(form.password, "a new password")
    qtbot.keyClicks(form.confirm, "a new password")
    form.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert not form.isVisible()
    with transaction(engine) as db:
        assert clinicians.authenticate(db, username="dube", password="a new password")
        with pytest.raises(ClinicianError):
            clinicians.authenticate(db, username="dube", password=PASSWORD)
    dialog.reject()


def test_deactivate_someone_who_left_but_never_yourself(
    open_window: Any, admin: Clinician, login: Any, dialogs: FakeDialogs, engine: Engine
) -> None:
    dube = login("dube", name="Claire Dubé")
    window = open_window(dialogs, admin)
    dialog = open_clinicians(window)
    select(dialog, "Dr Ana Souza")
    assert not dialog.deactivate_button.isEnabled()
    assert "cannot deactivate yourself" in dialog.hint.text()

    select(dialog, "Claire Dubé, RN")
    dialogs.confirms.append(False)
    dialog.deactivate_button.click()
    assert names(dialog) == ["Claire Dubé, RN", "Dr Ana Souza"]
    dialogs.confirms.append(True)
    dialog.deactivate_button.click()

    assert names(dialog) == ["Dr Ana Souza"]
    assert "Deactivate Claire Dubé, RN?" in dialogs.messages("confirm")[-1]
    with transaction(engine) as db:
        assert not clinicians.get(db, clinician_id=dube.id).active
        assert audit.events(db)[-1].action == "deactivate_clinician"
        with pytest.raises(ClinicianError):
            clinicians.authenticate(db, username="dube", password=PASSWORD)
    dialog.reject()


def test_an_administrator_unlocks_a_clinician_locked_out_by_failed_sign_ins(
    qtbot: QtBot,
    open_window: Any,
    admin: Clinician,
    login: Any,
    dialogs: FakeDialogs,
    engine: Engine,
) -> None:
    login("dube", name="Claire Dubé")
    login("park", Role.STAFF, name="Jo Park")
    fail_sign_ins(engine, "dube", 10)
    fail_sign_ins(engine, "park", 2)
    with transaction(engine) as db:
        locked_until = clinicians.failed_sign_ins(db)["dube"].locked_until
    assert locked_until is not None
    window = open_window(dialogs, admin)
    dialog = open_clinicians(window)
    sign_in = {
        name: dialog.model.index(row, clinician_list.SIGN_IN).data()
        for row, name in enumerate(names(dialog))
    }
    assert sign_in == {
        "Claire Dubé, RN": f"Locked until {local_time(locked_until, datetime.now(UTC))}",
        "Dr Ana Souza": "Yes",
        "Jo Park": "Yes (2 failed sign-ins)",
    }
    select(dialog, "Dr Ana Souza")
    assert not dialog.unlock_button.isEnabled()
    select(dialog, "Claire Dubé, RN")
    assert dialog.unlock_button.isEnabled()
    assert "10 failed sign-ins in a row" in dialog.hint.text()

    dialog.unlock_button.click()

    assert dialog.hint.text() == "Claire Dubé, RN can sign in again."
    assert dialog.selected() is not None and dialog.selected().username == "dube"
    row = names(dialog).index("Claire Dubé, RN")
    assert dialog.model.index(row, clinician_list.SIGN_IN).data() == "Yes"
    assert not dialog.unlock_button.isEnabled()
    with transaction(engine) as db:
        unlocked = audit.events(db)[-1]
        assert (unlocked.action, unlocked.clinician_id) == ("unlock_sign_in", admin.id)
        assert clinicians.authenticate(db, username="dube", password=PASSWORD)
    dialog.reject()


def test_a_clinician_without_a_login_is_given_one(
    qtbot: QtBot, open_window: Any, admin: Clinician, dialogs: FakeDialogs, engine: Engine
) -> None:
    old = make_clinician(engine, name="Dr Old Account")
    window = open_window(dialogs, admin)
    dialog = open_clinicians(window)
    select(dialog, "Dr Old Account, MD, FRCPC")

    row = names(dialog).index("Dr Old Account, MD, FRCPC")
    assert dialog.model.index(row, clinician_list.SIGN_IN).data() == "Cannot sign in yet"
    assert "has no user name" in dialog.hint.text()
    assert dialog.password_button.text() == "Give &sign-in…"
    dialog.password_button.click()
    form = dialog.findChild(PasswordDialog)
    assert form is not None and form.username is not None
    qtbot.keyClicks(form.username, "oldacct")
    qtbot.keyClicks(form.password, "a good password")
    qtbot.keyClicks(form.confirm, "a good password")
    form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not form.isVisible()
    with transaction(engine) as db:
        signed_in = clinicians.authenticate(db, username="oldacct", password="a good password")
    assert signed_in.id == old.id
    dialog.reject()


def test_only_administrators_see_clinicians_and_clinic_settings(
    open_window: Any, admin: Clinician, login: Any, dialogs: FakeDialogs
) -> None:
    dube = login("dube")
    window = open_window(dialogs, dube)

    assert not window.actions_.clinicians.isVisible()
    assert not window.actions_.clinic_settings.isVisible()
    window.commands.admin.manage_clinicians()  # even called directly
    assert window.findChild(CliniciansDialog) is None


def test_clinician_list_model_keeps_the_qt_model_contract(
    qtmodeltester: Any, engine: Engine, admin: Clinician, login: Any
) -> None:
    login("park", Role.STAFF)
    make_clinician(engine, name="Dr Old Account")
    model = ClinicianListModel()
    with transaction(engine) as db:
        model.set_clinicians(clinicians.active(db))
    qtmodeltester.check(model)
    assert model.index(0, clinician_list.NAME).data(clinician_list.CLINICIAN_ID_ROLE) is not None
