"""The patient dialog's contact and recall fields: phone, e-mail, preferred language and the day
treatment stopped with its reason, saved to the store and refused inside the dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.store import patients, transaction
from botox_chart.ui.dialogs.patient_dialog import PatientDialog
from tests.helpers.factories import make_clinician, make_patient


def open_dialog(qtbot: QtBot, engine: Engine, **kwargs: object) -> PatientDialog:
    dialog = PatientDialog(engine, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(dialog: PatientDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_the_dialog_saves_contact_details_and_a_stop_of_treatment(
    qtbot: QtBot, engine: Engine
) -> None:
    doctor = make_clinician(engine)
    patient = make_patient(engine, family_name="Gagnon", given_names="Luc")
    dialog = open_dialog(qtbot, engine, patient_id=patient.id, clinician_id=doctor.id)
    qtbot.keyClicks(dialog.phone, "514-555-0199")
    qtbot.keyClicks(dialog.email, "luc@example.com")
    qtbot.keyClicks(dialog.preferred_language, "French")
    qtbot.keyClicks(dialog.treatment_stopped_on, "2026-06-01")
    qtbot.keyClicks(dialog.treatment_stopped_reason, "stopping rule met")
    save(dialog)

    assert not dialog.isVisible()
    with transaction(engine) as db:
        stored = patients.get(db, patient_id=patient.id)
    assert (
        stored.phone,
        stored.email,
        stored.preferred_language,
        stored.treatment_stopped_on,
        stored.treatment_stopped_reason,
    ) == ("514-555-0199", "luc@example.com", "French", date(2026, 6, 1), "stopping rule met")

    again = open_dialog(qtbot, engine, patient_id=patient.id, clinician_id=doctor.id)
    assert again.phone.text() == "514-555-0199"
    assert again.treatment_stopped_on.text() == "2026-06-01"
    assert again.treatment_stopped_reason.text() == "stopping rule met"


def test_a_stop_date_without_a_reason_is_shown_in_the_dialog_and_nothing_is_stored(
    qtbot: QtBot, engine: Engine
) -> None:
    doctor = make_clinician(engine)
    patient = make_patient(engine)
    dialog = open_dialog(qtbot, engine, patient_id=patient.id, clinician_id=doctor.id)
    qtbot.keyClicks(dialog.phone, "514-555-0199")
    qtbot.keyClicks(dialog.treatment_stopped_on, "2026-06-01")
    save(dialog)

    assert dialog.isVisible() and dialog.error.isVisible()
    assert "Give the reason treatment stopped" in dialog.error.text()
    assert dialog.treatment_stopped_reason.property("severity") == "error"
    assert dialog.treatment_stopped_on.text() == "2026-06-01"  # nothing typed is lost
    with transaction(engine) as db:
        stored = patients.get(db, patient_id=patient.id)
    assert (stored.phone, stored.treatment_stopped_on) == ("", None)


def test_a_bad_e_mail_address_marks_its_field(qtbot: QtBot, engine: Engine) -> None:
    doctor = make_clinician(engine)
    dialog = open_dialog(qtbot, engine, clinician_id=doctor.id)
    qtbot.keyClicks(dialog.family_name, "Roy")
    qtbot.keyClicks(dialog.given_names, "Luc")
    qtbot.keyClicks(dialog.date_of_birth, "1970-01-01")
    qtbot.keyClicks(dialog.chart_number, "C900003")
    qtbot.keyClicks(dialog.email, "luc.example.com")
    save(dialog)

    assert "needs one @" in dialog.error.text()
    assert dialog.email.property("severity") == "error"
    with transaction(engine) as db:
        assert patients.summaries(db) == []
