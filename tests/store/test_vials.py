"""A row per vial (migration 0010): every lot of a session is stored, signed ones stay final and
sealed, and a database of the release before keeps every row and every digest."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from botox_chart.chart import Dilution, Vial
from botox_chart.store import chain, migrate, open_database, sessions, transaction
from botox_chart.store.engine import stored_revision
from botox_chart.store.models import AuditEvent
from botox_chart.store.verify import verify
from tests.helpers.attacks import raw as attacker
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart
from tests.helpers.first_release import first_release_at
from tests.store.test_outcome_records import BEFORE_OUTCOMES, INJECTIONS, PATIENT, PEOPLE, SESSION

TWO_LOTS = [
    Vial("C1234AB", date(2027, 6, 30), 100, Decimal(100)),
    Vial("D5678CD", date(2027, 9, 30), 100),
]

# -- the digest ------------------------------------------------------------------------------


def vial_row(position: int, **values: object) -> dict[str, object]:
    row: dict[str, object] = {
        "position": position,
        "lot_number": SESSION["lot_number"],
        "lot_expiry": SESSION["lot_expiry"],
        "units": SESSION["vial_units"],
        "units_drawn": None,
    }
    return {**row, **values}


def test_the_rows_migration_0010_makes_keep_the_digest_a_session_was_signed_with() -> None:
    made = [vial_row(0)]  # SESSION counted one 200 U vial of C1234AB
    assert chain.record_digest(SESSION, INJECTIONS, PATIENT, PEOPLE, made).record == (
        BEFORE_OUTCOMES
    )


@pytest.mark.parametrize(
    "vials",
    [
        [],  # the vial row deleted
        [vial_row(0, lot_number="FAKE123")],
        [vial_row(0, lot_expiry=date(2030, 1, 1))],
        [vial_row(0, units=100)],
        [vial_row(0, units_drawn=Decimal(155))],
        [vial_row(0), vial_row(1)],  # a vial added
    ],
    ids=["deleted", "lot", "expiry", "size", "drawn", "added"],
)
def test_the_digest_covers_every_vial_row_that_says_more(vials: list[dict[str, object]]) -> None:
    assert chain.record_digest(SESSION, INJECTIONS, PATIENT, PEOPLE, vials).record != (
        BEFORE_OUTCOMES
    )


def test_the_digest_follows_the_order_of_the_vials() -> None:
    charted = {**SESSION, "lot_number": "", "lot_expiry": None, "vial_count": 2}
    first = [vial_row(0, lot_number="A1"), vial_row(1, lot_number="B2")]
    swapped = [vial_row(0, lot_number="B2"), vial_row(1, lot_number="A1")]
    digest = chain.record_digest(charted, INJECTIONS, PATIENT, PEOPLE, first).record
    assert chain.record_digest(charted, INJECTIONS, PATIENT, PEOPLE, swapped).record != digest
    assert chain.record_digest(charted, INJECTIONS, PATIENT, PEOPLE, first[::-1]).record == digest


# -- stored and sealed -----------------------------------------------------------------------


def test_two_vials_of_two_lots_are_signed_listed_and_verified(any_engine: Engine) -> None:
    chart = ready_chart()
    chart.vials = list(TWO_LOTS)
    chart.dilution = Dilution(vial_units=100, diluent_ml=Decimal(2))
    row = make_signed_session(
        any_engine, make_patient(any_engine), make_clinician(any_engine), chart
    )
    session_id = row.id
    with transaction(any_engine) as db:
        loaded = sessions.load_chart(db, session_id=session_id)
        (listed,) = sessions.summaries(db)
    assert loaded.vials == TWO_LOTS
    assert loaded.drawn() == [Decimal(100), Decimal(55)]
    assert loaded.units_wasted == Decimal(45)
    assert listed.lots == ("C1234AB", "D5678CD")
    assert verify(any_engine).ok
    # The attacker drops the trigger, so only the digest is left to tell.
    forge = f"UPDATE vial SET lot_number = 'FAKE123' WHERE session_id = {session_id}"
    if any_engine.dialect.name == "sqlite":
        with attacker(any_engine) as conn:
            conn.execute("DROP TRIGGER signed_vial_no_update")
            conn.execute(forge)
        conn.close()
    else:
        with any_engine.begin() as pg:
            pg.execute(sa.text("DROP TRIGGER signed_vial_is_final ON vial"))
            pg.execute(sa.text(forge))
    problems = verify(any_engine).problems
    assert [p.kind for p in problems] == ["record_changed"]
    assert problems[0].session_id == session_id


def test_a_draft_s_vials_change_with_it_and_the_audit_trail_says_how(any_engine: Engine) -> None:
    doctor = make_clinician(any_engine)
    patient = make_patient(any_engine)
    with transaction(any_engine) as db:
        row = sessions.create_draft(
            db, patient_id=patient.id, injector_id=doctor.id, chart=ready_chart()
        )
        draft_id, version = row.id, row.version
        chart = sessions.load_chart(db, session_id=draft_id)
        chart.vials = list(TWO_LOTS)
        sessions.save_draft(
            db,
            session_id=draft_id,
            patient_id=patient.id,
            chart=chart,
            expected_version=version,
            clinician_id=doctor.id,
        )
        event = db.exec(
            sa.select(AuditEvent).where(AuditEvent.action == "update")  # type: ignore[arg-type]
        ).one()[0]
    assert event.changes["vials"] == [
        ["C1234AB (2027-06-30) 200 U"],
        ["C1234AB (2027-06-30) 100 U, 100 U drawn", "D5678CD (2027-09-30) 100 U"],
    ]
    with transaction(any_engine) as db:
        sessions.delete_draft(db, session_id=draft_id, clinician_id=doctor.id)
    with any_engine.connect() as conn:
        assert conn.execute(sa.text("SELECT COUNT(*) FROM vial")).scalar_one() == 0


def test_sessions_json_lists_every_lot(
    engine: Engine, cli_admin: int, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from botox_chart import cli

    chart = ready_chart()
    chart.vials = list(TWO_LOTS)
    make_signed_session(engine, make_patient(engine), make_clinician(engine), chart)
    assert cli.main(["sessions", "--json", "--db", str(engine.url.database)]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["lots"] == ["C1234AB", "D5678CD"]
    assert listed["lot_number"] == "C1234AB"


# -- the migration -----------------------------------------------------------------------------


def test_the_release_before_is_upgraded_with_a_vial_row_per_vial_it_counted(
    tmp_path: pytest.TempPathFactory,
) -> None:
    path = f"{tmp_path}/clinic.sqlite3"
    old = first_release_at(f"sqlite:///{path}", "0009")
    with old.connect() as conn:
        signed_before = conn.execute(sa.text("SELECT * FROM treatment_session WHERE id = 1")).one()
    old.dispose()

    engine = open_database(path)
    assert stored_revision(engine) == migrate.head_revision()
    with engine.connect() as conn:
        vials = conn.execute(
            sa.text(
                "SELECT session_id, position, lot_number, lot_expiry, units, units_drawn "
                "FROM vial ORDER BY session_id, position"
            )
        ).all()
        signed_after = conn.execute(sa.text("SELECT * FROM treatment_session WHERE id = 1")).one()
        draft = conn.execute(
            sa.text("SELECT lot_number, lot_expiry FROM treatment_session WHERE id = 2")
        ).one()
    assert [tuple(v) for v in vials] == [
        (1, 0, "L1", None, 200, None),
        (2, 0, "L2", "2027-01-31", 100, None),
        (2, 1, "L2", "2027-01-31", 100, None),
    ]
    assert signed_after == signed_before  # the signed row is untouched…
    report = verify(engine)
    assert report.ok, report.problems  # …and its digest holds over its vial rows
    assert tuple(draft) == ("", None)  # the draft's lot moved to its vial rows
    with transaction(engine) as db:
        chart = sessions.load_chart(db, session_id=2)
        (listed, old_signed) = sessions.summaries(db)
    assert chart.lots == ["L2"] and chart.units_opened == 200
    assert (listed.lots, old_signed.lots) == (("L2",), ("L1",))
    with attacker(engine) as conn, pytest.raises(Exception, match="signed session is final"):
        conn.execute(
            "INSERT INTO vial (session_id, position, lot_number, units) VALUES (1, 1, 'X', 100)"
        )
    engine.dispose()


@pytest.mark.postgres
def test_the_release_before_is_upgraded_on_postgresql(pg_url: str) -> None:
    old = first_release_at(pg_url, "0009")
    old.dispose()
    engine = open_database(pg_url)
    with engine.connect() as conn:
        vials = conn.execute(
            sa.text("SELECT session_id, lot_number, units FROM vial ORDER BY session_id, position")
        ).all()
    assert [tuple(v) for v in vials] == [(1, "L1", 200), (2, "L2", 100), (2, "L2", 100)]
    assert verify(engine).ok
    engine.dispose()


def test_a_database_with_sessions_signed_per_vial_refuses_to_go_back_below_0010(
    any_engine: Engine,
) -> None:
    chart = ready_chart()
    chart.vials = list(TWO_LOTS)
    make_signed_session(any_engine, make_patient(any_engine), make_clinician(any_engine), chart)
    from alembic import command

    with pytest.raises(RuntimeError, match="Cannot downgrade below 0010"):
        command.downgrade(migrate.config(any_engine), "0009")
    with any_engine.connect() as conn:
        assert conn.execute(sa.text("SELECT COUNT(*) FROM vial")).scalar_one() == 2


@pytest.mark.postgres
def test_truncating_the_vials_past_the_triggers_is_caught_by_verify(pg_url: str) -> None:
    """TRUNCATE fires no row trigger: the owner can empty the table, and the digests tell."""
    engine = open_database(pg_url)
    chart = ready_chart()
    chart.vials = list(TWO_LOTS)
    make_signed_session(engine, make_patient(engine), make_clinician(engine), chart)
    with engine.begin() as conn:
        conn.execute(sa.text("TRUNCATE vial"))
    assert [p.kind for p in verify(engine).problems] == ["record_changed"]
    engine.dispose()
