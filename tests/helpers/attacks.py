"""The attacker's moves on a database file, from outside the app (raw SQL through
tests/helpers/raw.py): rewriting rows with REPLACE, and re-signing a rewritten session with the
digest code."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from botox_chart.store import chain, cipher, records
from botox_chart.store.engine import sqlite_path
from tests.helpers import raw as raw_file


def raw(engine: Engine) -> Any:
    """The attacker's connection to the engine's file, rows readable by column name."""
    path = sqlite_path(engine)
    assert path is not None
    connection = raw_file.connect(path)
    connection.row_factory = cipher.DBAPI.Row
    return connection


def event_id(engine: Engine, action: str, session_id: int) -> int:
    """The id of the session's one event of this action."""
    with engine.connect() as conn:
        return int(
            conn.execute(
                sa.text("SELECT id FROM audit_event WHERE action = :a AND session_id = :s"),
                {"a": action, "s": session_id},
            ).scalar_one()
        )


def replace_row(engine: Engine, table: str, row_id: int, **values: object) -> None:
    """REPLACE a row with some values changed (the delete inside it fires no trigger)."""
    assignments = ", ".join(f"{name} = ?" for name in values)
    with raw(engine) as conn:
        conn.execute(f"CREATE TEMP TABLE t AS SELECT * FROM {table} WHERE id = ?", (row_id,))
        conn.execute(f"UPDATE t SET {assignments}", tuple(values.values()))
        conn.execute(f"INSERT OR REPLACE INTO {table} SELECT * FROM t")
        conn.execute("DROP TABLE t")
    conn.close()


def re_sign(engine: Engine, session_id: int) -> None:
    """What someone who knows the digest code does after rewriting a signed session: recompute
    its digests, store them on the row and in its sign event, and recompute that event's own
    digest over its existing ``prev_digest``. Nothing else in the chain is touched."""
    with engine.connect() as conn:
        signing = records.signing_events(conn, [session_id])[session_id]
        (record,) = records.signed(
            conn, session_ids=[session_id], signed_people={session_id: signing["people"]}
        )
    replace_row(engine, "treatment_session", session_id, record_digest=record.computed.record)
    target = event_id(engine, "sign", session_id)
    with raw(engine) as conn:
        values = dict(conn.execute("SELECT * FROM audit_event WHERE id = ?", (target,)).fetchone())
        values["changes"] = {**json.loads(values["changes"]), **record.computed.as_changes()}
        digest = chain.event_digest(values, values["prev_digest"])
    conn.close()
    replace_row(engine, "audit_event", target, changes=json.dumps(values["changes"]), digest=digest)
