"""A clinic around the 84-day boundary for the due list's tests (CLI, worklist PDF and CSV, window):
due yesterday with a draft open, due today, due tomorrow, long overdue with an accented name,
stopped, due in 64 days, and a referral never treated. Dated from the computer's clock, as the
command and the window date the list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.engine import Engine

from botox_chart.chart import Vial
from botox_chart.store import patients, sessions, transaction
from botox_chart.store.models import Clinician, Patient
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart


@dataclass(frozen=True)
class DueClinic:
    today: date
    sessions: dict[str, int]
    """The last signed session's id, by family name."""
    patients: dict[str, int]
    """Every patient's id, by family name (the referral too)."""


OVERDUE_NAME = "Côté, Marie-Ève"
OVERDUE_PHONE = "+1 514-555-0120"


def treated(
    engine: Engine, doctor: Clinician, name: str, days_ago: int, today: date, **fields: object
) -> tuple[int, int]:
    """A patient given a signed session ``days_ago`` days ago: (patient id, session id)."""
    family, given = name.split(", ")
    patient = make_patient(engine, family_name=family, given_names=given, **fields)
    chart = ready_chart(today - timedelta(days=days_ago))
    chart.vials = [Vial("C1234AB", today + timedelta(days=365))]
    row = make_signed_session(engine, patient, doctor, chart)
    assert row.id is not None and patient.id is not None
    return patient.id, row.id


def due_clinic(engine: Engine) -> DueClinic:
    """Late (85 days ago, a draft open), Today (84), Tomorrow (83), Côté (120, overdue),
    Stopped (100, treatment stopped since), Far (20); Referral is referred, never treated."""
    today = date.today()
    doctor = make_clinician(engine, "Li Wei")
    found = {
        "Late": treated(engine, doctor, "Late, Lou", 85, today, phone="514-555-0185"),
        "Today": treated(engine, doctor, "Today, Tia", 84, today),
        "Tomorrow": treated(engine, doctor, "Tomorrow, Tom", 83, today),
        "Côté": treated(engine, doctor, OVERDUE_NAME, 120, today, phone=OVERDUE_PHONE),
        "Stopped": treated(engine, doctor, "Stopped, Sam", 100, today),
        "Far": treated(engine, doctor, "Far, Fay", 20, today),
    }
    with transaction(engine) as db:
        sessions.create_draft(db, patient_id=found["Late"][0], injector_id=doctor.id)
        stopped = patients.get(db, patient_id=found["Stopped"][0])
        changes = Patient.model_validate(stopped.model_dump())
        changes.treatment_stopped_on = today - timedelta(days=10)
        changes.treatment_stopped_reason = "stopping rule met"
        patients.update(db, patient_id=stopped.id, changes=changes, clinician_id=doctor.id)
    referral = make_patient(engine, family_name="Referral", given_names="Rae", referral_date=today)
    assert referral.id is not None
    return DueClinic(
        today=today,
        sessions={name: ids[1] for name, ids in found.items()},
        patients={**{name: ids[0] for name, ids in found.items()}, "Referral": referral.id},
    )
