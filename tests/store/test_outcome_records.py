"""The outcome figures of a visit (migration 0008) are part of the signed record: the database
refuses to change them once signed, the record digest covers them, and every record signed before
them keeps its digest and still verifies."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from botox_chart.store import chain, cipher, eligibility, migrate, open_database, transaction
from botox_chart.store import outcomes as store_outcomes
from botox_chart.store.engine import make_engine, stored_revision
from botox_chart.store.verify import verify
from tests.helpers import raw
from tests.helpers.attacks import raw as attacker
from tests.helpers.factories import (
    an_assessment,
    make_clinician,
    make_patient,
    make_signed_session,
    ready_chart,
)
from tests.helpers.first_release import FIRST_RELEASE_ROWS, first_release_at

SESSION = {
    "id": 7,
    "patient_id": 3,
    "protocol_code": "preempt",
    "date_of_service": date(2026, 11, 2),
    "diagnosis_code": "G43.709",
    "product": "Botox",
    "din_ndc": "02243721",
    "lot_number": "C1234AB",
    "lot_expiry": date(2027, 6, 30),
    "vial_units": 200,
    "vial_count": 1,
    "diluent": "saline",
    "diluent_ml": Decimal(4),
    "needle": "30G",
    "consent": True,
    "screen": {"pregnancy": False},
    "omissions": {},
    "headache_days": 18,
    "migraine_days": 11,
    "adverse_events": [],
    "adverse_event_other": "",
    "tolerance": "Tolerated well",
    "aftercare": "",
    "notes": "",
    "acknowledged": [],
    "injector_id": 1,
    "supervisor_id": None,
    "signed_by_id": 1,
    "signed_at": datetime(2026, 11, 2, 10, 30, tzinfo=UTC),
}
INJECTIONS = [
    {
        "position": 0,
        "key": "PRO",
        "kind": "protocol",
        "site_code": "PRO",
        "label": "Procerus",
        "muscle": "procerus",
        "side": "midline",
        "view": "front",
        "x": 120.5,
        "y": 80.0,
        "units": Decimal(5),
    }
]
PATIENT = {
    "family_name": "Roy",
    "given_names": "Luc",
    "date_of_birth": date(1970, 1, 1),
    "chart_number": "C1",
    "health_card": "",
    "referring_physician": "",
    "referral_date": None,
    "allergies": "",
}
PEOPLE = {"injector": "Dr A, MD", "signer": "Dr A, MD", "supervisor": None}
BEFORE_OUTCOMES = "fe084843aa0fd29b0d2aab68e2c88ec844abd586bba71000ec52f886ed295f60"
"""The digest of SESSION as the release before migration 0008 computed it (its chain.py)."""
NO_OUTCOMES = dict.fromkeys(chain.OUTCOME_FIELDS)


def test_a_record_without_outcome_figures_keeps_the_digest_it_was_signed_with() -> None:
    assert chain.record_digest(SESSION, INJECTIONS, PATIENT, PEOPLE, None).record == BEFORE_OUTCOMES
    read_now = {**SESSION, **NO_OUTCOMES}  # read back after 0008: the new columns are empty
    assert (
        chain.record_digest(read_now, INJECTIONS, PATIENT, PEOPLE, None).record == BEFORE_OUTCOMES
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("acute_medication_days", 4),
        ("outcome_window_days", 28),
        ("outcome_window_end", date(2026, 11, 1)),
        ("diary_days", 0),
        ("midas_total", 0),
        ("hit6_total", 36),
    ],
)
def test_the_digest_covers_each_outcome_figure(name: str, value: object) -> None:
    with_figure = {**SESSION, **NO_OUTCOMES, name: value}
    digest = chain.record_digest(with_figure, INJECTIONS, PATIENT, PEOPLE, None).record
    assert digest != BEFORE_OUTCOMES
    other = {**with_figure, name: value + 1 if isinstance(value, int) else date(2026, 11, 2)}
    assert chain.record_digest(other, INJECTIONS, PATIENT, PEOPLE, None).record != digest


def signed_with_outcomes(engine: Engine) -> int:
    chart = ready_chart()
    chart.headache_days, chart.migraine_days, chart.acute_medication_days = 12, 6, 5
    chart.outcome_window_days, chart.diary_days = 28, 26
    chart.midas_total, chart.hit6_total = 30, 58
    row = make_signed_session(engine, make_patient(engine), make_clinician(engine), chart)
    assert row.id is not None
    return row.id


OUTCOME_EDITS = [
    "UPDATE treatment_session SET acute_medication_days = 0 WHERE id = :id",
    "UPDATE treatment_session SET outcome_window_days = 30 WHERE id = :id",
    "UPDATE treatment_session SET outcome_window_end = '2026-01-01' WHERE id = :id",
    "UPDATE treatment_session SET diary_days = NULL WHERE id = :id",
    "UPDATE treatment_session SET midas_total = 0, hit6_total = 36 WHERE id = :id",
]


@pytest.mark.parametrize("statement", OUTCOME_EDITS)
def test_raw_sql_cannot_change_a_signed_sessions_outcomes(
    any_engine: Engine, statement: str
) -> None:
    session_id = signed_with_outcomes(any_engine)
    with pytest.raises(sa.exc.DBAPIError, match="signed session is final"):
        with any_engine.begin() as conn:
            conn.execute(sa.text(statement), {"id": session_id})
    with transaction(any_engine) as db:
        (cycle,) = store_outcomes.course(db, make_patient_id(any_engine, session_id)).cycles
    assert (cycle.acute_medication_days, cycle.window_days, cycle.diary_days) == (5, 28, 26)
    assert verify(any_engine).ok


def make_patient_id(engine: Engine, session_id: int) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                sa.text("SELECT patient_id FROM treatment_session WHERE id = :id"),
                {"id": session_id},
            ).scalar_one()
        )


def test_the_file_refuses_outcome_edits_and_verify_finds_them_past_the_trigger(
    engine: Engine,
) -> None:
    session_id = signed_with_outcomes(engine)
    with attacker(engine) as conn:
        with pytest.raises(cipher.DatabaseError, match="signed session is final"):
            conn.execute("UPDATE treatment_session SET hit6_total = 40 WHERE id = ?", (session_id,))
        conn.executescript(
            "DROP TRIGGER signed_session_no_update; "
            "UPDATE treatment_session SET headache_days = 3, midas_total = 0 "
            f"WHERE id = {session_id};"
        )
    conn.close()
    assert [p.kind for p in verify(engine).problems] == ["record_changed"]


def test_a_database_at_0007_with_signed_records_is_upgraded_and_still_verifies(
    tmp_path: Path,
) -> None:
    path = tmp_path / "clinic.sqlite3"
    old = make_engine(f"sqlite:///{path}")
    migrate.upgrade(old, "0005")
    with old.begin() as conn:
        for statement in FIRST_RELEASE_ROWS:
            conn.execute(sa.text(statement))
    migrate.upgrade(old, "0007")  # 0006 seals the signed session with the previous format
    with old.begin() as conn:
        sealed = conn.execute(sa.text("SELECT record_digest FROM treatment_session")).scalar_one()
        # A draft left open at 0007: it gets the new columns, empty.
        conn.execute(
            sa.text(
                "INSERT INTO treatment_session (id, patient_id, protocol_code, date_of_service, "
                "product, din_ndc, lot_number, vial_units, vial_count, diluent, diluent_ml, "
                "needle, consent, adverse_event_other, tolerance, aftercare, notes, status, "
                "version, created_at, updated_at, diagnosis_code) VALUES (2, 1, 'preempt', "
                "'2026-04-01', '', '', '', 200, 1, '', 400, '', 0, '', '', '', '', 'draft', 1, "
                "'2026-04-01', '2026-04-01', 'G43.709')"
            )
        )
    old.dispose()

    engine = open_database(str(path))
    assert stored_revision(engine) == migrate.head_revision()
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT id, record_digest, outcome_window_days FROM treatment_session")
        ).all()
    assert sorted(rows) == [(1, sealed, None), (2, None, None)]
    report = verify(engine)
    assert report.ok, report.problems
    assert report.sessions_checked == 1
    with transaction(engine) as db:
        course = store_outcomes.course(db, 1)
        assert course.baseline is None and [c.session_id for c in course.cycles] == [1]
        # No figure was recorded at that visit, so no window either.
        assert (course.cycles[0].window_days, course.cycles[0].window_end) == (None, None)
        eligibility.record(
            db, patient_id=1, assessment=an_assessment(), treatments=[], clinician_id=1
        )
    assert verify(engine).ok
    with raw.connect(path) as conn:
        with pytest.raises(cipher.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM eligibility_assessment")
    conn.close()
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def first_release(request: pytest.FixtureRequest, sqlite_url: str) -> Iterator[Engine]:
    """A first-release database with a signed session (id 1), migrated to the head."""
    url = sqlite_url if request.param == "sqlite" else request.getfixturevalue("pg_url")
    engine = first_release_at(url, "head")
    yield engine
    engine.dispose()


def test_0008_goes_down_to_0007_and_up_again_keeping_signed_records(
    first_release: Engine,
) -> None:
    """Sessions signed before vial rows (0010 made theirs from their lot columns); a database
    holding one signed since cannot go below 0010 (tests/store/test_vials.py)."""
    from alembic import command

    any_engine, session_id = first_release, 1
    config = migrate.config(any_engine)
    command.downgrade(config, "0007")
    with any_engine.connect() as conn:
        tables = set(sa.inspect(conn).get_table_names())
        columns = {c["name"] for c in sa.inspect(conn).get_columns("treatment_session")}
    assert "eligibility_assessment" not in tables and "hit6_total" not in columns
    command.upgrade(config, "head")
    assert stored_revision(any_engine) == migrate.head_revision()
    with pytest.raises(sa.exc.DBAPIError, match="signed session is final"):
        with any_engine.begin() as conn:
            conn.execute(
                sa.text("UPDATE treatment_session SET notes = 'x' WHERE id = :id"),
                {"id": session_id},
            )
