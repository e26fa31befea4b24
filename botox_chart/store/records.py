"""What signed records say, read from the database for their digests (store.chain).

Signing, sealing (migration 0006), demo data and ``verify`` read a record the same way, so the
digest computed when a session is signed is the one ``verify`` recomputes later. Signed sessions
are read in chunks of consecutive ids: 40,000 sessions with 1.4 M injections stream in flat memory.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from botox_chart.store import audit, chain
from botox_chart.store.models import Addendum, InjectionRow, Patient, Status, TreatmentSession

_SESSIONS = TreatmentSession.__table__  # type: ignore[attr-defined]
_INJECTIONS = InjectionRow.__table__  # type: ignore[attr-defined]
_PATIENTS = Patient.__table__  # type: ignore[attr-defined]
_ADDENDA = Addendum.__table__  # type: ignore[attr-defined]
CHUNK = 1000


@dataclass(frozen=True)
class SignedRecord:
    session_id: int
    patient_id: int
    stored: str | None
    """The digest stored on the row when it was signed."""
    computed: chain.RecordDigest
    """The digest of what the row and its injections say now."""


@dataclass(frozen=True)
class AddendumRecord:
    addendum_id: int
    session_id: int
    stored: str | None
    computed: str


def for_signing(
    connection: Connection, *, session_id: int, signing: Mapping[str, Any]
) -> chain.RecordDigest:
    """The digest a draft will have once signed with the ``signing`` values (signer, time…)."""
    row = (
        connection.execute(
            sa.select(*[_SESSIONS.c[name] for name in chain.SESSION_FIELDS]).where(
                _SESSIONS.c.id == session_id
            )
        )
        .mappings()
        .one()
    )
    values = {**row, **signing}
    injections = _injections(connection, [session_id])[session_id]
    patient = _identities(connection, [values["patient_id"]])[values["patient_id"]]
    return chain.record_digest(values, injections, patient)


def signed(
    connection: Connection, *, session_ids: Sequence[int] | None = None
) -> Iterator[SignedRecord]:
    """Every signed session (or those of ``session_ids``), with its stored and computed digest."""
    columns = [_SESSIONS.c[name] for name in chain.SESSION_FIELDS] + [_SESSIONS.c.record_digest]
    after = 0
    while True:
        query = (
            sa.select(*columns)
            .where(_SESSIONS.c.status == Status.SIGNED.value)
            .where(_SESSIONS.c.id > after)
            .order_by(_SESSIONS.c.id)
            .limit(CHUNK)
        )
        if session_ids is not None:
            query = query.where(_SESSIONS.c.id.in_(list(session_ids)))
        rows = list(connection.execute(query).mappings())
        if not rows:
            return
        ids = [row["id"] for row in rows]
        injections = _injections(connection, ids)
        patients = _identities(connection, {row["patient_id"] for row in rows})
        for row in rows:
            yield SignedRecord(
                session_id=row["id"],
                patient_id=row["patient_id"],
                stored=row["record_digest"],
                computed=chain.record_digest(
                    row, injections[row["id"]], patients.get(row["patient_id"], _NO_PATIENT)
                ),
            )
        after = ids[-1]


def addenda(connection: Connection, *, session_id: int | None = None) -> Iterator[AddendumRecord]:
    """Every addendum (or one session's), with its stored and computed digest."""
    query = sa.select(
        _ADDENDA.c.id, *[_ADDENDA.c[name] for name in chain.ADDENDUM_FIELDS], _ADDENDA.c.digest
    )
    if session_id is not None:
        query = query.where(_ADDENDA.c.session_id == session_id)
    for row in connection.execute(query.order_by(_ADDENDA.c.id)).mappings():
        yield AddendumRecord(
            addendum_id=row["id"],
            session_id=row["session_id"],
            stored=row["digest"],
            computed=chain.addendum_digest(row),
        )


def seal_signed(connection: Connection) -> None:
    """Seal every signed session and addendum as it stands: store its digest and append a
    ``seal`` event carrying it (migration 0006, for the first release's rows)."""
    sessions = list(signed(connection))
    if sessions:
        connection.execute(
            _SESSIONS.update()
            .where(_SESSIONS.c.id == sa.bindparam("sid"))
            .values(record_digest=sa.bindparam("digest")),
            [{"sid": r.session_id, "digest": r.computed.record} for r in sessions],
        )
    notes = list(addenda(connection))
    if notes:
        connection.execute(
            _ADDENDA.update()
            .where(_ADDENDA.c.id == sa.bindparam("aid"))
            .values(digest=sa.bindparam("digest")),
            [{"aid": a.addendum_id, "digest": a.computed} for a in notes],
        )
    events = [
        {
            "action": "seal",
            "patient_id": r.patient_id,
            "session_id": r.session_id,
            "changes": r.computed.as_changes(),
        }
        for r in sessions
    ] + [
        {
            "action": "seal",
            "session_id": a.session_id,
            "changes": {"addendum_id": a.addendum_id, "addendum_digest": a.computed},
        }
        for a in notes
    ]
    if events:
        audit.append(connection, events)


_NO_PATIENT = dict.fromkeys(chain.IDENTITY_FIELDS)
"""The identity of a session whose patient row is missing (verify reports it)."""


def _injections(connection: Connection, session_ids: Sequence[int]) -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = defaultdict(list)
    columns = [_INJECTIONS.c.session_id] + [_INJECTIONS.c[n] for n in chain.INJECTION_FIELDS]
    for row in connection.execute(
        sa.select(*columns)
        .where(_INJECTIONS.c.session_id.in_(list(session_ids)))
        .order_by(_INJECTIONS.c.session_id, _INJECTIONS.c.position)
    ).mappings():
        found[row["session_id"]].append(row)
    return found


def _identities(connection: Connection, patient_ids: Any) -> dict[int, chain.Values]:
    columns = [_PATIENTS.c.id] + [_PATIENTS.c[name] for name in chain.IDENTITY_FIELDS]
    return {
        row["id"]: row
        for row in connection.execute(
            sa.select(*columns).where(_PATIENTS.c.id.in_(list(patient_ids)))
        ).mappings()
    }
