"""Signed means final, in the database itself: raw SQL cannot change a signed session."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from botox_chart import paths
from botox_chart.store import migrate, open_database, sessions, transaction
from botox_chart.store.engine import make_engine, stored_revision
from tests.helpers import raw
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart

RAW_EDITS = [
    "UPDATE treatment_session SET lot_number = 'FORGED' WHERE id = :id",
    "UPDATE treatment_session SET status = 'draft' WHERE id = :id",
    "DELETE FROM treatment_session WHERE id = :id",
    "UPDATE injection SET units = 990 WHERE session_id = :id",
    "DELETE FROM injection WHERE session_id = :id",
    "INSERT INTO injection (session_id, position, key, kind, label, muscle, side, view, x, y, "
    "units) VALUES (:id, 99, 'X-9', 'custom', 'forged', 'masseter', 'left', 'left', 1, 1, 50)",
    "UPDATE vial SET lot_number = 'FORGED' WHERE session_id = :id",
    "UPDATE vial SET units_drawn = 10 WHERE session_id = :id",
    "DELETE FROM vial WHERE session_id = :id",
    "INSERT INTO vial (session_id, position, lot_number, units) VALUES (:id, 9, 'FORGED', 100)",
]


def signed_session(engine: Engine) -> int:
    row = make_signed_session(engine, make_patient(engine), make_clinician(engine))
    assert row.id is not None
    return row.id


def snapshot(engine: Engine, session_id: int) -> tuple[object, ...]:
    with engine.connect() as conn:
        session = conn.execute(
            sa.text("SELECT * FROM treatment_session WHERE id = :id"), {"id": session_id}
        ).all()
        injections = conn.execute(
            sa.text("SELECT * FROM injection WHERE session_id = :id ORDER BY id"),
            {"id": session_id},
        ).all()
        vials = conn.execute(
            sa.text("SELECT * FROM vial WHERE session_id = :id ORDER BY id"), {"id": session_id}
        ).all()
    return tuple(session), tuple(injections), tuple(vials)


@pytest.mark.parametrize("statement", RAW_EDITS)
def test_raw_sql_cannot_change_a_signed_session(any_engine: Engine, statement: str) -> None:
    session_id = signed_session(any_engine)
    before = snapshot(any_engine, session_id)
    with pytest.raises(sa.exc.DBAPIError, match="signed session is final"):
        with any_engine.begin() as conn:
            conn.execute(sa.text(statement), {"id": session_id})
    assert snapshot(any_engine, session_id) == before


def test_drafts_stay_editable_and_deletable(any_engine: Engine) -> None:
    doctor = make_clinician(any_engine)
    patient = make_patient(any_engine)
    with transaction(any_engine) as db:
        row = sessions.create_draft(
            db, patient_id=patient.id, injector_id=doctor.id, chart=ready_chart()
        )
    with any_engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE injection SET units = 75 WHERE session_id = :id"), {"id": row.id}
        )
        conn.execute(
            sa.text("UPDATE vial SET lot_number = 'C9999ZZ' WHERE session_id = :id"), {"id": row.id}
        )
        conn.execute(sa.text("DELETE FROM injection WHERE session_id = :id"), {"id": row.id})
        conn.execute(sa.text("DELETE FROM vial WHERE session_id = :id"), {"id": row.id})
        conn.execute(sa.text("DELETE FROM treatment_session WHERE id = :id"), {"id": row.id})


@pytest.mark.parametrize("table", ["addendum", "audit_event"])
def test_addenda_and_the_audit_trail_are_append_only(any_engine: Engine, table: str) -> None:
    session_id = signed_session(any_engine)
    doctor = make_clinician(any_engine, "Dr B")
    with transaction(any_engine) as db:
        sessions.add_addendum(db, session_id=session_id, author_id=doctor.id, text="Called back.")
    for statement in (f"UPDATE {table} SET session_id = NULL", f"DELETE FROM {table}"):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            with any_engine.begin() as conn:
                conn.execute(sa.text(statement))


def test_a_clinic_database_is_copied_then_upgraded_with_its_records(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    old = make_engine(f"sqlite:///{path}")
    migrate.upgrade(old, "0001")
    with old.begin() as conn:  # a clinic's records at the first schema
        conn.execute(sa.text("INSERT INTO setting (key, value) VALUES ('clinic', '\"mine\"')"))
        conn.execute(
            sa.text(
                "INSERT INTO clinician (id, name, credentials, role, active) "
                "VALUES (1, 'Dr A', 'MD', 'physician', 1)"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO patient (id, family_name, given_names, date_of_birth, "
                "chart_number, health_card, referring_physician, allergies, search_key, "
                "created_at) VALUES (1, 'Roy', 'Luc', '1970-01-01', 'C1', '', '', '', "
                "'roy, luc', '2026-01-01')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO treatment_session (id, patient_id, protocol_code, "
                "date_of_service, injector_id, product, din_ndc, lot_number, vial_units, "
                "vial_count, diluent, diluent_ml, needle, consent, adverse_event_other, "
                "tolerance, aftercare, notes, status, signed_by_id, version, created_at, "
                "updated_at) VALUES (1, 1, 'preempt', '2026-01-01', 1, '', '', 'L1', 200, 1, "
                "'', 400, '', 1, '', '', '', '', 'signed', 1, 2, '2026-01-01', '2026-01-01')"
            )
        )
    old.dispose()
    engine = open_database(str(path))
    assert stored_revision(engine) == migrate.head_revision()
    with transaction(engine) as db:
        assert sessions.get(db, session_id=1).injector_id == 1
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    engine.dispose()
    (copy,) = paths.backups_dir(path).glob("clinic-before-upgrade-0001-*.sqlite3")
    with raw.connect(copy) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert conn.execute("SELECT value FROM setting").fetchall() == [('"mine"',)]
    conn.close()


def test_every_migration_downgrades_and_upgrades_again(sqlite_url: str, database_key: str) -> None:
    open_database(sqlite_url).dispose()
    # An engine without the app's guard: the database loses its identity on the way down.
    engine = make_engine(sqlite_url, key=database_key)
    migrate_config = migrate.config(engine)
    from alembic import command

    command.downgrade(migrate_config, "base")
    assert stored_revision(engine) is None
    command.upgrade(migrate_config, "head")
    assert stored_revision(engine) == migrate.head_revision()
    engine.dispose()
