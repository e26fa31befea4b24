"""The audit trail: who did what to which record, and when. Written in the same transaction as the
change it records, so a change and its audit entry are stored together or not at all.

Every event is a link in a digest chain (store.chain): it carries the digest of the event before
it, and its own. Appending takes the chain's head row first (``audit_chain``), so two workstations
append in turn and the chain never forks; the head is also kept outside the database
(store.anchors) once the transaction commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from botox_chart.i18n import _
from botox_chart.store import anchors, chain
from botox_chart.store.engine import StorageError
from botox_chart.store.models import AuditChain, AuditEvent, utcnow

_EVENTS = AuditEvent.__table__  # type: ignore[attr-defined]
_CHAIN = AuditChain.__table__  # type: ignore[attr-defined]


class ChainHeadMissing(StorageError):
    """The audit chain's head row is gone: the database was edited outside the app. A storage
    error, so the command line and the window say so in words (nothing is written until it is
    dealt with)."""


def record(
    db: Session,
    *,
    action: str,
    clinician_id: int | None = None,
    patient_id: int | None = None,
    session_id: int | None = None,
    changes: dict[str, Any] | None = None,
) -> int:
    """Append an event to the chain in the session's transaction; returns its id. The head is
    anchored outside the database when the transaction commits."""
    event = {
        "action": action,
        "clinician_id": clinician_id,
        "patient_id": patient_id,
        "session_id": session_id,
        "changes": changes or {},
    }
    return record_many(db, [event])


def record_many(db: Session, events: Sequence[dict[str, Any]]) -> int:
    """Append several events (as :func:`record` takes them: action, clinician_id, patient_id,
    session_id, changes) in one go, in the session's transaction; returns the last one's id. The
    head is anchored once, when the transaction commits (an import of thousands of patients)."""
    db.flush()
    event_id, digest = append(db.connection(), events)
    last = events[-1]
    anchors.on_commit(
        db,
        event_id=event_id,
        digest=digest,
        action=last["action"],
        session_id=last.get("session_id"),
    )
    return event_id


def append(connection: Connection, events: Sequence[dict[str, Any]]) -> tuple[int, str]:
    """Append events (in order) to the chain; returns the last one's id and digest.

    Used one at a time by :func:`record`, and in bulk by demo data and the migration that sealed
    the first release's rows.
    """
    locked = connection.execute(
        sa.update(_CHAIN).where(_CHAIN.c.id == 1).values(events=_CHAIN.c.events + len(events))
    )
    if locked.rowcount != 1:
        raise ChainHeadMissing(
            _(
                "The audit trail's head is missing: the database was changed outside "
                "botox-chart. Run botox-chart verify."
            )
        )
    head = connection.execute(sa.select(_CHAIN.c.head).where(_CHAIN.c.id == 1)).scalar_one()
    rows = []
    for event in events:
        values = {
            "at": event.get("at") or utcnow(),
            "action": event["action"],
            "clinician_id": event.get("clinician_id"),
            "patient_id": event.get("patient_id"),
            "session_id": event.get("session_id"),
            "changes": _plain(event.get("changes") or {}),
        }
        digest = chain.event_digest(values, head)
        rows.append({**values, "prev_digest": head, "digest": digest})
        head = digest
    connection.execute(sa.insert(_EVENTS), rows)
    connection.execute(sa.update(_CHAIN).where(_CHAIN.c.id == 1).values(head=head))
    # The head row is held until commit: the newest event is this transaction's own.
    last = connection.execute(sa.select(sa.func.max(_EVENTS.c.id))).scalar_one()
    return int(last), head


def events(
    db: Session, *, patient_id: int | None = None, session_id: int | None = None
) -> list[AuditEvent]:
    query = select(AuditEvent)
    if patient_id is not None:
        query = query.where(AuditEvent.patient_id == patient_id)
    if session_id is not None:
        query = query.where(AuditEvent.session_id == session_id)
    return list(db.exec(query.order_by(col(AuditEvent.at), col(AuditEvent.id))))


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Field → [old, new] for the fields that differ (values made JSON-safe as text)."""
    return {
        name: [_plain(before.get(name)), _plain(after.get(name))]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)
