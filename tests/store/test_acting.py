"""Roles are enforced in the store (issue 10, item 5), whoever calls it: staff, a deactivated
clinician or nobody cannot chart, add or edit patients, sign or add addenda; only an
administrator manages clinicians and the clinic settings. A refusal is the module's own user
error, names who may, and leaves the database as it was."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from botox_chart.store import clinicians, patients, sessions, settings, transaction
from botox_chart.store.models import Clinician, Patient, Role
from tests.helpers.factories import make_signed_session, ready_chart

PASSWORD = "a good password"


@dataclass
class Clinic:
    admin: int
    doctor: int
    staff: int
    gone: int
    """A deactivated injector."""
    gone_admin: int
    """A deactivated administrator."""
    patient: int
    draft: int
    signed: int


@pytest.fixture
def clinic(any_engine: Engine) -> Clinic:
    with transaction(any_engine) as db:
        add = clinicians.add
        admin = add(
            db, name="Dr Admin", username="admin", password=PASSWORD, is_admin=True, by=None
        )
        assert admin.id is not None
        by = admin.id
        doctor = add(db, name="Dr Okoye", role=Role.PHYSICIAN, username="okoye", by=by)
        staff = add(db, name="Jo Park", role=Role.STAFF, username="park", password=PASSWORD, by=by)
        gone = add(db, name="Left Clinic", role=Role.INJECTOR, by=by)
        gone_admin = add(
            db, name="Old Admin", username="old", password=PASSWORD, is_admin=True, by=by
        )
        for leaving in (gone, gone_admin):
            assert leaving.id is not None
            clinicians.deactivate(db, clinician_id=leaving.id, by=by)
        assert doctor.id and staff.id and gone.id and gone_admin.id
        patient = patients.add(
            db,
            patient=Patient(
                family_name="Roy",
                given_names="Luc",
                date_of_birth=date(1970, 1, 1),
                chart_number="X1",
            ),
            clinician_id=doctor.id,
        )
    assert patient.id is not None
    doctor_row = clinicians_row(any_engine, doctor.id)
    signed = make_signed_session(any_engine, patient, doctor_row)
    with transaction(any_engine) as db:
        draft = sessions.create_draft(
            db, patient_id=patient.id, injector_id=doctor.id, chart=ready_chart()
        )
    assert signed.id is not None and draft.id is not None
    return Clinic(by, doctor.id, staff.id, gone.id, gone_admin.id, patient.id, draft.id, signed.id)


def clinicians_row(engine: Engine, clinician_id: int) -> Clinician:
    with transaction(engine) as db:
        return clinicians.get(db, clinician_id=clinician_id)


def counts(engine: Engine) -> dict[str, int]:
    tables = ("audit_event", "patient", "clinician", "treatment_session", "injection", "addendum")
    with engine.connect() as conn:
        return {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables}


Action = Callable[[Session, Clinic, "int | None"], object]

CHARTING: dict[str, tuple[Action, type[Exception], str]] = {
    "create_draft": (
        lambda db, c, who: sessions.create_draft(db, patient_id=c.patient, injector_id=who),
        sessions.SessionError,
        "start a session",
    ),
    "repeat_last": (
        lambda db, c, who: sessions.repeat_last(db, patient_id=c.patient, injector_id=who),
        sessions.SessionError,
        "start a session",
    ),
    "save_draft": (
        lambda db, c, who: sessions.save_draft(
            db,
            session_id=c.draft,
            patient_id=c.patient,
            chart=ready_chart(),
            expected_version=1,
            clinician_id=who,
        ),
        sessions.SessionError,
        "change a draft",
    ),
    "delete_draft": (
        lambda db, c, who: sessions.delete_draft(db, session_id=c.draft, clinician_id=who),
        sessions.SessionError,
        "delete a draft",
    ),
    "sign": (
        lambda db, c, who: sessions.sign(
            db, session_id=c.draft, patient_id=c.patient, clinician_id=who
        ),
        sessions.SessionError,
        "sign a session",
    ),
    "add_addendum": (
        lambda db, c, who: sessions.add_addendum(
            db, session_id=c.signed, author_id=who, text="Called back."
        ),
        sessions.SessionError,
        "add an addendum",
    ),
    "add a patient": (
        lambda db, c, who: patients.add(
            db,
            patient=Patient(
                family_name="Côté",
                given_names="Ève",
                date_of_birth=date(1980, 1, 1),
                chart_number="X2",
            ),
            clinician_id=who,
        ),
        patients.PatientError,
        "add a patient",
    ),
    "edit a patient": (
        lambda db, c, who: patients.update(
            db,
            patient_id=c.patient,
            changes=Patient(
                family_name="Roy",
                given_names="Lucien",
                date_of_birth=date(1970, 1, 1),
                chart_number="X1",
            ),
            clinician_id=who,
        ),
        patients.PatientError,
        "change a patient's details",
    ),
}

ADMINISTRATION: dict[str, tuple[Action, type[Exception], str]] = {
    "add a clinician": (
        lambda db, c, who: clinicians.add(db, name="Dr New", is_admin=True, by=who),
        clinicians.ClinicianError,
        "add a clinician",
    ),
    "deactivate": (
        lambda db, c, who: clinicians.deactivate(db, clinician_id=c.doctor, by=who),
        clinicians.ClinicianError,
        "deactivate a clinician",
    ),
    "set another's password": (
        lambda db, c, who: clinicians.set_password(
            db, clinician_id=c.admin, password="taken over!", by=who
        ),
        clinicians.ClinicianError,
        "set another clinician's password",
    ),
    "unlock": (
        lambda db, c, who: clinicians.unlock(db, username="okoye", by=who),
        clinicians.ClinicianError,
        "unlock a sign-in",
    ),
    "clinic settings": (
        lambda db, c, who: settings.save(
            db, settings=settings.ClinicSettings(name="Taken over"), clinician_id=who
        ),
        settings.SettingsError,
        "change the clinic settings",
    ),
}

WHO = {
    "staff": (lambda c: c.staff, "Jo Park is staff"),
    "deactivated": (lambda c: c.gone, "Left Clinic is deactivated"),
    "nobody": (lambda c: None, "nobody is signed in"),
    "unknown id": (lambda c: 999, "there is no clinician 999"),
}


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("action", CHARTING)
def test_only_an_active_injector_or_physician_charts(
    any_engine: Engine, clinic: Clinic, action: str, who: str
) -> None:
    call, error, doing = CHARTING[action]
    pick, why = WHO[who]
    before = counts(any_engine)
    with transaction(any_engine) as db, pytest.raises(error) as refused:
        call(db, clinic, pick(clinic))
    assert str(refused.value) == f"Only an injector or a physician can {doing} ({why})."
    assert counts(any_engine) == before
    with transaction(any_engine) as db:
        assert patients.get(db, patient_id=clinic.patient).given_names == "Luc"
        assert sessions.get(db, session_id=clinic.draft).version == 1


ADMIN_WHO = {
    "a physician": (lambda c: c.doctor, "Dr Okoye is not an administrator"),
    "staff": (lambda c: c.staff, "Jo Park is not an administrator"),
    "a deactivated administrator": (lambda c: c.gone_admin, "Old Admin is deactivated"),
    "nobody": (lambda c: None, "nobody is signed in"),
}


@pytest.mark.parametrize("who", ADMIN_WHO)
@pytest.mark.parametrize("action", ADMINISTRATION)
def test_only_an_active_administrator_manages_clinicians_and_settings(
    any_engine: Engine, clinic: Clinic, action: str, who: str
) -> None:
    call, error, doing = ADMINISTRATION[action]
    pick, why = ADMIN_WHO[who]
    before = counts(any_engine)
    with transaction(any_engine) as db, pytest.raises(error) as refused:
        call(db, clinic, pick(clinic))
    assert str(refused.value) == f"Only an administrator can {doing} ({why})."
    assert counts(any_engine) == before
    with transaction(any_engine) as db:
        assert clinicians.get(db, clinician_id=clinic.doctor).active
        assert settings.load(db) == settings.ClinicSettings()


def test_the_administrator_and_the_charting_clinicians_are_let_through(
    any_engine: Engine, clinic: Clinic
) -> None:
    with transaction(any_engine) as db:
        for call, _error, _doing in ADMINISTRATION.values():
            call(db, clinic, clinic.admin)
        assert settings.load(db).name == "Taken over"
        assert not clinicians.get(db, clinician_id=clinic.doctor).active
    with transaction(any_engine) as db:
        nurse = clinicians.add(db, name="Nurse", role=Role.INJECTOR, by=clinic.admin)
        assert nurse.id is not None
        edit, _error, _doing = CHARTING["edit a patient"]
        edit(db, clinic, nurse.id)
        assert patients.get(db, patient_id=clinic.patient).given_names == "Lucien"
        sessions.add_addendum(db, session_id=clinic.signed, author_id=nurse.id, text="Seen.")


def test_anyone_active_sets_their_own_password(any_engine: Engine, clinic: Clinic) -> None:
    with transaction(any_engine) as db:
        clinicians.set_password(
            db, clinician_id=clinic.staff, password="my own new one", by=clinic.staff
        )
        assert clinicians.authenticate(db, username="park", password="my own new one")
        with pytest.raises(clinicians.ClinicianError, match="Old Admin is deactivated"):
            clinicians.set_password(
                db, clinician_id=clinic.gone_admin, password="back again!", by=clinic.gone_admin
            )


def test_before_an_administrator_exists_clinicians_are_added_by_nobody(engine: Engine) -> None:
    """A first run (or demo data on a new database): nobody could sign in to add the first one."""
    with transaction(engine) as db:
        assert clinicians.needs_first_administrator(db)
        clinicians.add(db, name="Dr Before", by=None)
        clinicians.add(
            db, name="Dr First", username="first", password=PASSWORD, is_admin=True, by=None
        )
        assert not clinicians.needs_first_administrator(db)
        with pytest.raises(clinicians.ClinicianError, match="nobody is signed in"):
            clinicians.add(db, name="Dr After", by=None)
        assert [c.name for c in clinicians.active(db)] == ["Dr Before", "Dr First"]
