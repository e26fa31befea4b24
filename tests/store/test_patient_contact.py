"""A patient's contact and recall fields (migration 0009): phone, e-mail, preferred language and
the day treatment stopped with its reason. Checked by the store however they arrive, kept out of
the audit's values and of the signed records' identity, and added to databases already in use."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from botox_chart.store import audit, migrate, open_database, patients, transaction
from botox_chart.store.engine import make_engine, stored_revision
from botox_chart.store.models import Patient
from botox_chart.store.verify import verify
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart
from tests.helpers.first_release import FIRST_RELEASE_ROWS

YESTERDAY = date.today() - timedelta(days=1)


def details(**fields: object) -> Patient:
    values: dict[str, object] = {
        "family_name": "Roy",
        "given_names": "Luc",
        "date_of_birth": date(1970, 1, 1),
        "chart_number": "X1",
    }
    values.update(fields)
    return Patient(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "fields",
    [
        {"phone": "+1 514-555-0199 ext. 12"},
        {"email": "marie.tremblay+clinic@example.qc.ca"},
        {"preferred_language": "French"},
        {"treatment_stopped_on": YESTERDAY, "treatment_stopped_reason": "patient choice"},
        {"phone": "5" * 40, "email": "a@" + "b" * 252, "preferred_language": "L" * 40},
    ],
)
def test_good_contact_and_stop_details_are_stored(
    engine: Engine, fields: dict[str, object]
) -> None:
    doctor = make_clinician(engine)
    with transaction(engine) as db:
        added = patients.add(db, patient=details(**fields), clinician_id=doctor.id)
        stored = patients.get(db, patient_id=added.id)
        assert {name: getattr(stored, name) for name in fields} == fields


def test_contact_text_is_stored_without_surrounding_spaces(engine: Engine) -> None:
    doctor = make_clinician(engine)
    with transaction(engine) as db:
        added = patients.add(
            db,
            patient=details(phone=" 514-555-0199 ", email=" luc@example.com\t"),
            clinician_id=doctor.id,
        )
        assert (added.phone, added.email) == ("514-555-0199", "luc@example.com")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"phone": "5" * 41}, "phone number is too long"),
        ({"phone": "514\x00555"}, "in the phone number"),
        ({"email": "luc.example.com"}, "needs one @"),
        ({"email": "luc@@example.com"}, "needs one @"),
        ({"email": "luc@home@example.com"}, "needs one @"),
        ({"email": "@example.com"}, "needs one @"),
        ({"email": "luc@"}, "needs one @"),
        ({"email": "luc roy@example.com"}, "space in the e-mail address"),
        ({"email": "luc@exa\x07mple.com"}, "in the e-mail address"),
        ({"email": "a@" + "b" * 253}, "e-mail address is too long"),
        ({"preferred_language": "L" * 41}, "preferred language is too long"),
        ({"preferred_language": "Fr\u202eench"}, "in the preferred language"),
        ({"treatment_stopped_on": YESTERDAY}, "Give the reason treatment stopped"),
        ({"treatment_stopped_on": YESTERDAY, "treatment_stopped_reason": "  "}, "Give the reason"),
        ({"treatment_stopped_reason": "patient choice"}, "date treatment stopped is missing"),
        (
            {
                "treatment_stopped_on": date.today() + timedelta(days=1),
                "treatment_stopped_reason": "x",
            },
            "date treatment stopped is in the future",
        ),
        (
            {"treatment_stopped_on": date(1969, 12, 31), "treatment_stopped_reason": "x"},
            "before the date of birth",
        ),
        (
            {"treatment_stopped_on": YESTERDAY, "treatment_stopped_reason": "r" * 501},
            "reason treatment stopped is too long",
        ),
    ],
)
def test_bad_contact_and_stop_details_are_refused(
    engine: Engine, fields: dict[str, object], message: str
) -> None:
    doctor = make_clinician(engine)
    with transaction(engine) as db, pytest.raises(patients.PatientError, match=message):
        patients.add(db, patient=details(**fields), clinician_id=doctor.id)
    with transaction(engine) as db:
        assert patients.summaries(db) == []


def test_treatment_cannot_stop_before_the_first_signed_session(engine: Engine) -> None:
    doctor = make_clinician(engine)
    patient = make_patient(engine)
    make_signed_session(engine, patient, doctor, ready_chart(date(2026, 3, 2)))
    make_signed_session(engine, patient, doctor, ready_chart(date(2026, 6, 1)))
    changes = Patient.model_validate(patient.model_dump())
    changes.treatment_stopped_reason = "stopping rule met"
    changes.treatment_stopped_on = date(2026, 3, 1)
    with (
        transaction(engine) as db,
        pytest.raises(
            patients.PatientError, match=r"before the patient's first treatment \(2026-03-02\)"
        ),
    ):
        patients.update(db, patient_id=patient.id, changes=changes, clinician_id=doctor.id)
    changes.treatment_stopped_on = date(2026, 3, 2)
    with transaction(engine) as db:
        patients.update(db, patient_id=patient.id, changes=changes, clinician_id=doctor.id)
        assert patients.get(db, patient_id=patient.id).treatment_stopped_on == date(2026, 3, 2)


def test_the_audit_names_changed_contact_fields_without_their_values(engine: Engine) -> None:
    doctor = make_clinician(engine)
    patient = make_patient(engine)
    make_signed_session(engine, patient, doctor)
    changes = Patient.model_validate(patient.model_dump())
    changes.phone = "514-555-0199"
    changes.email = "marie@example.com"
    changes.treatment_stopped_on = date(2026, 11, 2)
    changes.treatment_stopped_reason = "patient choice"
    with transaction(engine) as db:
        patients.update(db, patient_id=patient.id, changes=changes, clinician_id=doctor.id)
        update = audit.events(db, patient_id=patient.id)[-1]
    # Not printed on the note, so not identity (store.chain.IDENTITY_FIELDS): no new digest.
    assert update.changes == {
        "fields": ["email", "phone", "treatment_stopped_on", "treatment_stopped_reason"]
    }
    for value in ("555-0199", "marie@", "2026-11-02", "patient choice"):
        assert value not in str(update.changes)
    assert verify(engine).ok


@pytest.mark.parametrize(
    "column", ["phone", "email", "preferred_language", "treatment_stopped_reason"]
)
def test_raw_sql_cannot_leave_a_contact_field_null(any_engine: Engine, column: str) -> None:
    patient = make_patient(any_engine)
    with pytest.raises(sa.exc.IntegrityError), any_engine.begin() as conn:
        conn.execute(sa.text(f"UPDATE patient SET {column} = NULL WHERE id = {patient.id}"))


@pytest.mark.parametrize(
    ("column", "limit"),
    [("phone", 40), ("email", 254), ("preferred_language", 40), ("treatment_stopped_reason", 500)],
)
def test_raw_sql_cannot_store_a_contact_field_longer_than_its_column(
    any_engine: Engine, column: str, limit: int
) -> None:
    if any_engine.dialect.name == "sqlite":
        pytest.skip("SQLite does not enforce VARCHAR lengths: the store does (check_lengths)")
    patient = make_patient(any_engine)
    with pytest.raises(sa.exc.DataError), any_engine.begin() as conn:
        conn.execute(
            sa.text(f"UPDATE patient SET {column} = :value WHERE id = {patient.id}"),
            {"value": "x" * (limit + 1)},
        )


def test_a_database_at_0008_with_real_rows_is_upgraded_and_still_verifies(
    tmp_path: Path,
) -> None:
    path = tmp_path / "clinic.sqlite3"
    old = make_engine(f"sqlite:///{path}")
    migrate.upgrade(old, "0005")
    with old.begin() as conn:
        for statement in FIRST_RELEASE_ROWS:
            conn.execute(sa.text(statement))
    migrate.upgrade(old, "0008")
    with old.begin() as conn:
        before = conn.execute(sa.text("SELECT * FROM patient")).mappings().one()
        sealed = conn.execute(sa.text("SELECT record_digest FROM treatment_session")).scalar_one()
    old.dispose()

    engine = open_database(str(path))
    assert stored_revision(engine) == migrate.head_revision()
    with engine.connect() as conn:
        after = conn.execute(sa.text("SELECT * FROM patient")).mappings().one()
        digest = conn.execute(sa.text("SELECT record_digest FROM treatment_session")).scalar_one()
    assert {name: after[name] for name in before} == dict(before)
    assert {
        name: after[name]
        for name in (
            "phone",
            "email",
            "preferred_language",
            "treatment_stopped_on",
            "treatment_stopped_reason",
        )
    } == {
        "phone": "",
        "email": "",
        "preferred_language": "",
        "treatment_stopped_on": None,
        "treatment_stopped_reason": "",
    }
    assert digest == sealed
    report = verify(engine)
    assert report.ok, report.problems
    assert report.sessions_checked == 1

    # The first release's patient (first treated 2026-01-01) gets a phone and a stop.
    with transaction(engine) as db:
        changes = Patient.model_validate(patients.get(db, patient_id=1).model_dump())
        changes.phone = "514-555-0199"
        changes.treatment_stopped_on = date(2026, 1, 1)
        changes.treatment_stopped_reason = "stopping rule met"
        patients.update(db, patient_id=1, changes=changes, clinician_id=1)
    with transaction(engine) as db:
        stored = patients.get(db, patient_id=1)
        assert (stored.phone, stored.treatment_stopped_on) == ("514-555-0199", date(2026, 1, 1))
    assert verify(engine).ok
    engine.dispose()


def test_0009_goes_down_to_0008_and_up_again(any_engine: Engine) -> None:
    from alembic import command

    patient = make_patient(any_engine, phone="514-555-0199")
    config = migrate.config(any_engine)
    command.downgrade(config, "0008")
    with any_engine.connect() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("patient")}
    assert "phone" not in columns and "treatment_stopped_on" not in columns
    command.upgrade(config, "head")
    with transaction(any_engine) as db:
        stored = patients.get(db, patient_id=patient.id)
        assert (stored.family_name, stored.phone) == (patient.family_name, "")
