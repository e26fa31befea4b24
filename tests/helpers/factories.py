"""Factories that seed only what a test needs."""

from __future__ import annotations

from datetime import date
from itertools import count

from sqlalchemy.engine import Engine

from botox_chart import protocol
from botox_chart.chart import Chart
from botox_chart.store import clinicians, patients, sessions, transaction
from botox_chart.store.models import Clinician, Patient, Role, TreatmentSession

_numbers = count(1)


def make_patient(engine: Engine, **fields: object) -> Patient:
    values: dict[str, object] = {
        "family_name": "Tremblay",
        "given_names": "Marie",
        "date_of_birth": date(1980, 5, 17),
        "chart_number": f"C{next(_numbers):06d}",
    }
    values.update(fields)
    with transaction(engine) as db:
        return patients.add(db, patient=Patient(**values))  # type: ignore[arg-type]


def make_clinician(
    engine: Engine, name: str = "Dr Ana Souza", role: Role = Role.PHYSICIAN
) -> Clinician:
    with transaction(engine) as db:
        return clinicians.add(db, name=name, credentials="MD, FRCPC", role=role)


def ready_chart(day: date = date(2026, 11, 2)) -> Chart:
    """A standard 155 U chart with everything signing needs."""
    chart = Chart(protocol=protocol.load_named(), date_of_service=day)
    chart.apply_protocol()
    chart.lot_number = "C1234AB"
    chart.lot_expiry = date(2027, 6, 30)
    chart.consent = True
    chart.screen = dict.fromkeys(chart.screen, False)
    return chart


def make_signed_session(
    engine: Engine, patient: Patient, clinician: Clinician, chart: Chart | None = None
) -> TreatmentSession:
    chart = chart or ready_chart()
    assert patient.id is not None and clinician.id is not None
    with transaction(engine) as db:
        row = sessions.create_draft(
            db, patient_id=patient.id, injector_id=clinician.id, chart=chart
        )
        assert row.id is not None
        findings = sessions.load_chart(db, session_id=row.id).findings()
        return sessions.sign(
            db,
            session_id=row.id,
            patient_id=patient.id,
            clinician_id=clinician.id,
            acknowledged=[f.key for f in findings],
            today=chart.date_of_service,
        )
