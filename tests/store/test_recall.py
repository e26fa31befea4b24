"""store.recall: the sessions that used a lot, found through the lot's index on SQLite and
PostgreSQL, with the units each drew from it (the chart's rule) and whom to contact."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.engine import Engine

from botox_chart import recall
from botox_chart.store import migrate, open_database, transaction
from botox_chart.store.engine import SCHEMA_HEAD, stored_revision
from botox_chart.store.recall import lot_lookup, sessions_using
from botox_chart.store.verify import verify
from tests.helpers.recall_clinic import LOT_A, LOT_B, recall_clinic
from tests.store.test_vials import first_release_at


def listed(
    engine: Engine, lot: str, date_from: date | None = None, date_to: date | None = None
) -> recall.Recall:
    with transaction(engine) as db:
        uses = sessions_using(db, lot, date_from=date_from, date_to=date_to)
    return recall.recall(lot, uses, date_from=date_from, date_to=date_to)


def test_a_session_of_two_lots_is_recalled_by_each_with_the_units_from_it(
    any_engine: Engine,
) -> None:
    clinic = recall_clinic(any_engine)
    of_a = listed(any_engine, LOT_A)
    of_b = listed(any_engine, LOT_B)
    # Élise's 155 U: the first 100 U vial (lot A) emptied, 55 U from the second (lot B).
    assert [(r.session_id, r.units_from_lot) for r in of_a.rows] == [
        (clinic.elise, Decimal(100)),
        (clinic.bao, Decimal(155)),
    ]
    assert [(r.session_id, r.units_from_lot) for r in of_b.rows] == [
        (clinic.ann, Decimal(155)),
        (clinic.elise, Decimal(55)),
    ]
    assert (of_a.sessions, of_a.patients, of_a.units) == (2, 2, Decimal(255))


def test_a_draft_is_listed_marked_draft_with_its_patient_s_contact(any_engine: Engine) -> None:
    clinic = recall_clinic(any_engine)
    rows = {r.session_id: r for r in listed(any_engine, LOT_A).rows}
    assert rows[clinic.bao].status == "draft" and rows[clinic.bao].draft
    assert rows[clinic.elise].status == "signed"
    elise = rows[clinic.elise]
    assert (elise.patient, elise.phone, elise.email) == (
        "Côté, Élise",
        "514-555-0101",
        "elise@example.org",
    )
    assert elise.chart_number.startswith("C")
    assert elise.injector == "Dr Li Wei, MD, FRCPC"
    assert elise.date == date(2026, 10, 5)


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected"),
    [
        (date(2026, 10, 5), date(2026, 11, 2), ["elise", "bao"]),  # both ends inclusive
        (date(2026, 10, 6), None, ["bao"]),
        (None, date(2026, 11, 1), ["elise"]),
        (date(2026, 11, 3), None, []),
    ],
)
def test_the_range_of_dates_includes_both_ends(
    any_engine: Engine, date_from: date | None, date_to: date | None, expected: list[str]
) -> None:
    clinic = recall_clinic(any_engine)
    found = listed(any_engine, LOT_A, date_from, date_to)
    assert [r.session_id for r in found.rows] == [getattr(clinic, name) for name in expected]


@pytest.mark.parametrize("typed", ["c6812ab", "  C6812ab ", "C6812AB"])
def test_the_lot_matches_whatever_its_case_and_spaces(any_engine: Engine, typed: str) -> None:
    clinic = recall_clinic(any_engine)
    found = listed(any_engine, typed)
    assert [r.session_id for r in found.rows] == [clinic.elise, clinic.bao]
    assert found.lot == LOT_A  # as cartons print it


@pytest.mark.parametrize("lot", ["Z9999ZZ", "C6812A", "C6812ABX"])
def test_a_lot_nobody_used_finds_nothing(any_engine: Engine, lot: str) -> None:
    recall_clinic(any_engine)
    assert listed(any_engine, lot).rows == ()


def test_an_empty_lot_or_a_range_ending_before_it_starts_is_refused(engine: Engine) -> None:
    with transaction(engine) as db, pytest.raises(ValueError, match="lot number"):
        sessions_using(db, "  ")
    with transaction(engine) as db, pytest.raises(ValueError, match="ends"):
        sessions_using(db, LOT_A, date_from=date(2026, 11, 2), date_to=date(2026, 11, 1))


def lookup_plan(engine: Engine) -> str:
    """The database's plan for a recall's lookup of a lot."""
    dialect = engine.dialect.name
    compiled = lot_lookup(dialect, LOT_A).compile(engine, compile_kwargs={"literal_binds": True})
    with engine.connect() as conn:
        if dialect == "sqlite":
            plan = " ".join(str(r) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
        else:
            conn.exec_driver_sql("SET enable_seqscan = off")
            plan = " ".join(str(r) for r in conn.exec_driver_sql(f"EXPLAIN {compiled}"))
    return plan


def test_the_lookup_uses_the_lot_index(any_engine: Engine) -> None:
    """The database's own plan for the lookup names migration 0011's index, so a recall stays
    one index probe on a clinic of thousands of sessions."""
    recall_clinic(any_engine)
    assert "ix_vial_lot_key" in lookup_plan(any_engine)


@pytest.mark.parametrize(
    "database", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_a_database_of_migration_0010_is_indexed_and_its_lots_are_recalled(
    request: pytest.FixtureRequest, database: str
) -> None:
    """Migration 0011 only adds the index: the rows 0010 made (signed and draft) are recalled
    by a lot typed in lower case, and every signed record still verifies."""
    url = request.getfixturevalue("sqlite_url" if database == "sqlite" else "pg_url")
    old = first_release_at(url, "0009")
    migrate.upgrade(old, "0010")
    old.dispose()
    engine = open_database(url)
    assert stored_revision(engine) == migrate.head_revision() == SCHEMA_HEAD
    assert "ix_vial_lot_key" in lookup_plan(engine)
    of_l1 = listed(engine, "l1")
    of_l2 = listed(engine, " l2")
    print(
        [(r.session_id, r.status, r.units_from_lot) for r in of_l1.rows],
        [(r.session_id, r.status, r.units_from_lot) for r in of_l2.rows],
    )
    assert [(r.session_id, r.status) for r in of_l1.rows] == [(1, "signed")]
    assert [(r.session_id, r.status) for r in of_l2.rows] == [(2, "draft")]
    assert verify(engine).ok
    engine.dispose()


def test_the_lots_in_use_are_read_from_every_vial_row(any_engine: Engine) -> None:
    from botox_chart.store.recall import lots

    recall_clinic(any_engine)
    with transaction(any_engine) as db:
        found = {s.lot: s for s in lots(db)}
    assert set(found) == {LOT_A, LOT_B}  # lot A typed in lower case by Bao's nurse counts once
    assert (found[LOT_A].vials, found[LOT_A].units_drawn, found[LOT_A].units_wasted) == (
        2,
        Decimal(255),
        Decimal(45),
    )
    assert (found[LOT_B].vials, found[LOT_B].units_drawn, found[LOT_B].units_wasted) == (
        2,
        Decimal(210),
        Decimal(90),
    )
