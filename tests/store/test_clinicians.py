"""Clinicians sign in as themselves; passwords are stored only as argon2 hashes."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from botox_chart.store import audit, clinicians, transaction
from botox_chart.store.models import Role


def test_a_clinician_signs_in_with_their_own_password(any_engine: Engine) -> None:
    with transaction(any_engine) as db:
        assert clinicians.needs_first_administrator(db)
        admin = clinicians.add(
            db,
            name="Dr Ana Souza",
            role=Role.PHYSICIAN,
            username="Souza",
            password="correct horse",
            is_admin=True,
            by=None,
        )
        assert not clinicians.needs_first_administrator(db)
        assert (
            clinicians.authenticate(db, username="souza ", password="correct horse").id == admin.id
        )
        assert [e.action for e in audit.events(db)] == ["create_clinician"]  # nothing written
        for username, password in (("souza", "wrong password"), ("nobody", "correct horse")):
            with pytest.raises(clinicians.ClinicianError, match="Wrong user name or password"):
                clinicians.authenticate(db, username=username, password=password)
        assert [e.action for e in audit.events(db)][-2:] == ["sign_in_failed"] * 2
    with any_engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT password_hash FROM clinician")).scalar_one()
    assert stored.startswith("$argon2id$") and "correct horse" not in stored


def test_user_names_are_unique_and_passwords_long_enough(any_engine: Engine) -> None:
    with transaction(any_engine) as db:
        admin = clinicians.add(
            db, name="Claire Dubé", username="cdube", password="12345678", is_admin=True, by=None
        )
        with pytest.raises(clinicians.ClinicianError, match="cdube is taken"):
            clinicians.add(db, name="Other", username="CDube", password="12345678", by=admin.id)
        with pytest.raises(clinicians.ClinicianError, match="at least 8 characters"):
            clinicians.add(db, name="Short", username="short", password="1234", by=admin.id)
        with pytest.raises(clinicians.ClinicianError, match="no spaces"):
            clinicians.add(
                db, name="Spaced", username="two words", password="12345678", by=admin.id
            )
        assert [c.name for c in clinicians.active(db)] == ["Claire Dubé"]


def test_a_changed_password_replaces_the_old_one(any_engine: Engine) -> None:
    with transaction(any_engine) as db:
        nurse = clinicians.add(
            db, name="Tomás Reyes", username="treyes", password="first one!", by=None
        )
        clinicians.set_password(db, clinician_id=nurse.id, password="second one!", by=nurse.id)
        with pytest.raises(clinicians.ClinicianError):
            clinicians.authenticate(db, username="treyes", password="first one!")
        assert clinicians.authenticate(db, username="treyes", password="second one!").id == nurse.id


def test_the_last_administrator_is_never_deactivated(any_engine: Engine) -> None:
    with transaction(any_engine) as db:
        admin = clinicians.add(
            db, name="Dr A", username="a", password="password1", is_admin=True, by=None
        )
        nurse = clinicians.add(db, name="Nurse B", username="b", password="password1", by=admin.id)
        with pytest.raises(clinicians.ClinicianError, match="only administrator"):
            clinicians.deactivate(db, clinician_id=admin.id, by=admin.id)
        clinicians.deactivate(db, clinician_id=nurse.id, by=admin.id)
        assert [c.name for c in clinicians.active(db)] == ["Dr A"]
        assert audit.events(db)[-1].action == "deactivate_clinician"
        assert audit.events(db)[-1].clinician_id == admin.id


def test_a_clinician_added_without_a_login_can_be_given_one(any_engine: Engine) -> None:
    with transaction(any_engine) as db:
        admin = clinicians.add(
            db, name="Dr A", username="a", password="password1", is_admin=True, by=None
        )
        old = clinicians.add(db, name="Dr Old", by=admin.id)
        clinicians.set_password(
            db, clinician_id=old.id, password="password1", username="Old", by=admin.id
        )
        assert clinicians.authenticate(db, username="old", password="password1").id == old.id
        with pytest.raises(clinicians.ClinicianError, match="already has a user name"):
            clinicians.set_password(
                db, clinician_id=old.id, password="password2", username="other", by=admin.id
            )


def test_an_inactive_clinician_cannot_sign_in(engine: Engine) -> None:
    with transaction(engine) as db:
        gone = clinicians.add(
            db, name="Left Clinic", username="gone", password="password1", by=None
        )
        gone.active = False
        db.commit()
        with pytest.raises(clinicians.ClinicianError, match="Wrong user name or password"):
            clinicians.authenticate(db, username="gone", password="password1")
