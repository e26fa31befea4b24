"""Factories that seed only what a test needs.

The store checks who acts (store.acting): a patient is added by an injector or a physician, a
clinician by an administrator (or by nobody, before the clinic has an administrator who can sign
in). The factories pass the first such clinician the test made, or add a "Registrar" injector
when a test has made none.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from itertools import count

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from botox_chart import protocol
from botox_chart.chart import Chart, Vial
from botox_chart.store import clinicians, eligibility, patients, sessions, transaction
from botox_chart.store.models import (
    Clinician,
    EligibilityAssessment,
    Patient,
    PreventiveTreatment,
    Role,
    TreatmentSession,
)

_numbers = count(1)


def make_patient(engine: Engine, *, by: Clinician | None = None, **fields: object) -> Patient:
    """A patient, added by ``by`` or the first injector or physician (see the module's note)."""
    values: dict[str, object] = {
        "family_name": "Tremblay",
        "given_names": "Marie",
        "date_of_birth": date(1980, 5, 17),
        "chart_number": f"C{next(_numbers):06d}",
    }
    values.update(fields)
    with transaction(engine) as db:
        clinician_id = by.id if by is not None else charting_clinician_id(db)
        return patients.add(
            db,
            patient=Patient(**values),  # type: ignore[arg-type]
            clinician_id=clinician_id,
        )


def make_clinician(
    engine: Engine, name: str = "Dr Ana Souza", role: Role = Role.PHYSICIAN, *, admin: bool = False
) -> Clinician:
    """A clinician without a login (tests sign them in with ``window.sign_in_as``)."""
    with transaction(engine) as db:
        return clinicians.add(
            db,
            name=name,
            credentials="MD, FRCPC",
            role=role,
            is_admin=admin,
            by=administrator_id(db),
        )


def an_administrator(engine: Engine) -> int:
    """The first active administrator; an "Office Administrator" (staff) is added if there is
    none (to change the clinic settings)."""
    with transaction(engine) as db:
        found = administrator_id(db)
    if found is None:
        found = make_clinician(engine, "Office Administrator", Role.STAFF, admin=True).id
    assert found is not None
    return found


def administrator_id(db: Session) -> int | None:
    """The first active administrator, who adds clinicians; None before there is one."""
    return db.exec(
        select(Clinician.id)
        .where(col(Clinician.active), col(Clinician.is_admin))
        .order_by(col(Clinician.id))
    ).first()


def charting_clinician_id(db: Session) -> int:
    """The first active injector or physician; a "Registrar" injector is added if there is none."""
    found = db.exec(
        select(Clinician.id)
        .where(col(Clinician.active), col(Clinician.role).in_([Role.INJECTOR, Role.PHYSICIAN]))
        .order_by(col(Clinician.id))
    ).first()
    if found is not None:
        return found
    registrar = clinicians.add(db, name="Registrar", role=Role.INJECTOR, by=administrator_id(db))
    assert registrar.id is not None
    return registrar.id


def fail_sign_ins(
    engine: Engine, username: str, times: int, *, start: datetime | None = None
) -> datetime:
    """Wrong passwords ``times`` in a row from ``start`` (now by default), each after the wait
    the one before imposed; returns the last one's time."""
    at = last = start or datetime.now(UTC)
    for _ in range(times):
        with transaction(engine) as db, pytest.raises(clinicians.ClinicianError) as refused:
            clinicians.authenticate(db, username=username, password="wrong", now=at)
        last = at
        if isinstance(refused.value, clinicians.TooManyFailures):
            at = max(at, refused.value.until)
    return last


def ready_chart(day: date = date(2026, 11, 2)) -> Chart:
    """A standard 155 U chart with everything signing needs."""
    chart = Chart(protocol=protocol.load_named(), date_of_service=day)
    chart.apply_protocol()
    chart.vials = [Vial("C1234AB", date(2027, 6, 30), 200)]
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


def an_assessment(**fields: object) -> EligibilityAssessment:
    """A chronic-migraine baseline (22 headache days, 14 migraine days a month over 2025-09,
    before the sessions the tests chart)."""
    values: dict[str, object] = {
        "baseline_start": date(2025, 9, 1),
        "baseline_end": date(2025, 9, 30),
        "headache_days_per_month": Decimal(22),
        "migraine_days_per_month": Decimal(14),
        "months_chronic": 18,
        "hours_per_day": Decimal("6.5"),
        "medication_overuse_addressed": True,
        "referral_on_file": True,
        "notes": "Diary kept.",
    }
    values.update(fields)
    return EligibilityAssessment(**values)  # type: ignore[arg-type]


def three_preventives() -> list[PreventiveTreatment]:
    return [
        PreventiveTreatment(
            name="Amitriptyline",
            drug_class="antidepressant",
            dose="25 mg nightly",
            duration="4 months",
            why_stopped="drowsiness",
        ),
        PreventiveTreatment(
            name="Topiramate",
            drug_class="anticonvulsant",
            dose="50 mg bid",
            why_stopped="no effect",
        ),
        PreventiveTreatment(name="Propranolol", drug_class="beta-blocker/antihypertensive"),
    ]


def make_assessment(
    engine: Engine,
    patient: Patient,
    clinician: Clinician,
    assessment: EligibilityAssessment | None = None,
    treatments: Sequence[PreventiveTreatment] | None = None,
) -> eligibility.Eligibility:
    assert patient.id is not None
    with transaction(engine) as db:
        return eligibility.record(
            db,
            patient_id=patient.id,
            assessment=assessment or an_assessment(),
            treatments=three_preventives() if treatments is None else treatments,
            clinician_id=clinician.id,
        )
