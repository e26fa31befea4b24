"""Migration 0012's indexes: the lists of sessions total each session from the index alone, the
patient list's order walks an index, and a database of 0011 gains them with every record intact."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from botox_chart.store import migrate, open_database, transaction
from botox_chart.store import sessions as store_sessions
from botox_chart.store.engine import SCHEMA_HEAD, stored_revision
from botox_chart.store.patient_list import SUMMARY_SQL
from botox_chart.store.verify import verify
from tests.helpers.first_release import first_release_at
from tests.helpers.recall_clinic import recall_clinic

TOTALS = (
    "SELECT s.id, (SELECT sum(i.units) FROM injection i WHERE i.session_id = s.id), "
    "(SELECT count(i.id) FROM injection i WHERE i.session_id = s.id) FROM treatment_session s"
)
"""The correlated totals of store.sessions.summaries, as the database runs them."""


def plan(engine: Engine, sql: str) -> str:
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            return " ".join(str(r) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
        conn.exec_driver_sql("SET enable_seqscan = off")
        return " ".join(str(r) for r in conn.exec_driver_sql(f"EXPLAIN {sql}"))


def test_session_totals_and_the_patient_order_use_the_indexes(any_engine: Engine) -> None:
    recall_clinic(any_engine)
    assert "ix_injection_session_units" in plan(any_engine, TOTALS)
    ordered = f"{SUMMARY_SQL} ORDER BY family_name, given_names, id"
    assert "ix_patient_name" in plan(any_engine, ordered)
    with transaction(any_engine) as db:
        listed = store_sessions.summaries(db)
    assert listed and all(s.sites > 0 for s in listed if s.total_units > 0)


@pytest.mark.parametrize(
    "database", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_a_database_of_0011_gains_the_indexes_and_its_records_still_verify(
    request: pytest.FixtureRequest, database: str
) -> None:
    url = request.getfixturevalue("sqlite_url" if database == "sqlite" else "pg_url")
    old = first_release_at(url, "0009")
    migrate.upgrade(old, "0011")
    with transaction(old) as db:
        before = [(s.id, s.total_units, s.sites) for s in store_sessions.summaries(db)]
    old.dispose()

    engine = open_database(url)

    assert stored_revision(engine) == SCHEMA_HEAD == "0012"
    assert "ix_injection_session_units" in plan(engine, TOTALS)
    with transaction(engine) as db:
        assert [(s.id, s.total_units, s.sites) for s in store_sessions.summaries(db)] == before
    assert verify(engine).ok
    engine.dispose()
