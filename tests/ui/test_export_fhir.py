"""Patient › Export for EHR… through the real window and its print service: the save dialog
suggests the patient's name and today's date, the file written is the patient's FHIR bundle
(signed sessions only), it is audited as an export with its counts and no name, and the command
names the patient and is off once the search hides them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.store import audit, sessions, transaction
from botox_chart.store.models import Clinician, Patient, Role
from botox_chart.ui.main_window import MainWindow
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart
from tests.helpers.fake_dialogs import FakeDialogs
from tests.helpers.fhir_checks import check_bundle, tally
from tests.ui.conftest import LOAD_TIMEOUT_MS, FakeClock


@pytest.fixture
def doctor(engine: Engine) -> Clinician:
    return make_clinician(engine, "Dr Ana Souza", Role.PHYSICIAN)


@pytest.fixture
def patient(engine: Engine, doctor: Clinician) -> Patient:
    """Two signed sessions and an open draft."""
    patient = make_patient(engine, family_name="Côté", given_names="Marie-Ève")
    make_signed_session(engine, patient, doctor, ready_chart(date(2026, 6, 1)))
    make_signed_session(engine, patient, doctor, ready_chart(date(2026, 8, 24)))
    with transaction(engine) as db:
        assert patient.id is not None and doctor.id is not None
        draft = sessions.create_draft(
            db, patient_id=patient.id, injector_id=doctor.id, chart=ready_chart(date(2026, 11, 16))
        )
    patient.__dict__["draft_id"] = draft.id
    return patient


@pytest.fixture
def window(
    qtbot: QtBot,
    sqlite_url: str,
    engine: Engine,
    doctor: Clinician,
    patient: Patient,
    clock: FakeClock,
) -> tuple[MainWindow, FakeDialogs]:
    """The window with its real print service on the patient's clinic, the doctor signed in."""
    dialogs = FakeDialogs()
    window = MainWindow(dialogs, clock=clock)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.patientsLoaded, timeout=LOAD_TIMEOUT_MS):
        window.open_database(sqlite_url)
    window.sign_in_as(doctor)
    qtbot.waitUntil(window.isActiveWindow, timeout=LOAD_TIMEOUT_MS)
    return window, dialogs


def test_export_for_ehr_writes_the_patients_bundle_and_audits_it(
    window: tuple[MainWindow, FakeDialogs],
    engine: Engine,
    patient: Patient,
    doctor: Clinician,
    tmp_path: Path,
) -> None:
    main, dialogs = window
    assert patient.id is not None
    assert main.patients.reveal(patient.id)
    action = main.actions_.export_fhir
    assert action.isEnabled()
    assert action.text() == "Export Côté, Marie-Ève for &EHR…"
    dialogs.files.append(tmp_path / "for-the-neurologist")

    action.trigger()

    [(kind, title, suggested)] = [a for a in dialogs.asked if a[0] == "save_file"]
    assert title == "Save FHIR bundle as JSON"
    assert Path(suggested).name == f"Côté_Marie-Ève_{date.today().isoformat()}_fhir-bundle.json"
    written = tmp_path / "for-the-neurologist.json"
    found = json.loads(written.read_text(encoding="utf-8"))
    check_bundle(found, draft_ids=[patient.__dict__["draft_id"]])
    assert tally(found)["Procedure"] == tally(found)["MedicationAdministration"] == 2
    assert not dialogs.messages("error")
    with transaction(engine) as db:
        [event] = [e for e in audit.events(db, patient_id=patient.id) if e.action == "export"]
    assert event.clinician_id == doctor.id
    assert event.changes["document"] == "FHIR bundle"
    assert event.changes["resources"]["Procedure"] == 2
    assert "Côté" not in json.dumps(event.changes, ensure_ascii=False)


def test_a_cancelled_save_writes_and_audits_nothing(
    window: tuple[MainWindow, FakeDialogs], engine: Engine, patient: Patient, tmp_path: Path
) -> None:
    main, dialogs = window
    assert patient.id is not None and main.patients.reveal(patient.id)
    main.actions_.export_fhir.trigger()  # no file chosen: the dialog was cancelled
    assert list(tmp_path.glob("*.json")) == []
    with transaction(engine) as db:
        assert not [e for e in audit.events(db) if e.action == "export"]


def test_export_is_off_while_the_search_hides_the_patient(
    qtbot: QtBot, window: tuple[MainWindow, FakeDialogs], patient: Patient
) -> None:
    main, _dialogs = window
    assert patient.id is not None and main.patients.reveal(patient.id)
    assert main.actions_.export_fhir.isEnabled()
    main.patients.search.setText("zzz-nobody")
    qtbot.waitUntil(lambda: not main.actions_.export_fhir.isEnabled())
    assert main.actions_.export_fhir.text() == "Export for &EHR…"  # names nobody now
