"""What signed records say, read from the database for their digests (store.chain).

Signing, sealing (migration 0006), demo data and ``verify`` read a record the same way, so the
digest computed when a session is signed is the one ``verify`` recomputes later. Signed sessions
are read in chunks of consecutive ids: 40,000 sessions with 1.4 M injections stream in flat memory.

The names a signed note prints (injector, signer, supervisor; an addendum's author) are those at
signing, kept in the event that vouches for the record (:func:`signing_events`): a clinician's row
renamed later, through the app or not, changes neither the note nor the digest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from botox_chart.store import audit, chain
from botox_chart.store.models import (
    Addendum,
    AuditEvent,
    Clinician,
    InjectionRow,
    Patient,
    Status,
    TreatmentSession,
    VialRow,
)

_SESSIONS = TreatmentSession.__table__  # type: ignore[attr-defined]
_INJECTIONS = InjectionRow.__table__  # type: ignore[attr-defined]
_VIALS = VialRow.__table__  # type: ignore[attr-defined]
_PATIENTS = Patient.__table__  # type: ignore[attr-defined]
_ADDENDA = Addendum.__table__  # type: ignore[attr-defined]
_CLINICIANS = Clinician.__table__  # type: ignore[attr-defined]
_EVENTS = AuditEvent.__table__  # type: ignore[attr-defined]
CHUNK = 1000
SIGNING = ("sign", "seal")
"""Events that vouch for a signed session's digest (and carry its ``people``)."""
ROLES = {"injector": "injector_id", "signer": "signed_by_id", "supervisor": "supervisor_id"}
"""Each of chain.PEOPLE and the session column naming that clinician."""


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
    author: Any
    """The author's name the digest covers."""


def for_signing(
    connection: Connection, *, session_id: int, signing: Mapping[str, Any]
) -> chain.RecordDigest:
    """The digest a draft will have once signed with the ``signing`` values (signer, time…),
    with the names of its injector, signer and supervisor as they are now (its ``people``, which
    the signing event carries through ``as_changes``)."""
    row = (
        connection.execute(
            sa.select(*[_SESSIONS.c[name] for name in chain.RECORD_FIELDS]).where(
                _SESSIONS.c.id == session_id
            )
        )
        .mappings()
        .one()
    )
    values = {**row, **signing}
    injections = _injections(connection, [session_id])[session_id]
    vials = _vials(connection, [session_id])[session_id]
    patient = _identities(connection, [values["patient_id"]])[values["patient_id"]]
    return chain.record_digest(values, injections, patient, people(connection, [values])[0], vials)


def for_addendum(connection: Connection, addendum: Mapping[str, Any]) -> chain.AddendumDigest:
    """The digest of an addendum about to be stored, with its author's name as it is now."""
    author = _names(connection, [addendum["author_id"]]).get(addendum["author_id"], "")
    return chain.AddendumDigest(chain.addendum_digest(addendum, author=author), author)


def people(connection: Connection, sessions: Sequence[chain.Values]) -> list[dict[str, Any]]:
    """The names of each session's injector, signer and supervisor as they are now (for signing
    and sealing; a signed note prints them from its signing event, never from today's rows)."""
    ids = {s[column] for s in sessions for column in ROLES.values() if s[column] is not None}
    names = _names(connection, ids)
    return [
        {
            role: names.get(s[column]) if s[column] is not None else None
            for role, column in ROLES.items()
        }
        for s in sessions
    ]


def signing_events(
    connection: Connection, session_ids: Sequence[int]
) -> dict[int, Mapping[str, Any]]:
    """Session id → the changes of the newest event vouching for its signature (its digests and
    ``people``); sessions without one are left out."""
    found: dict[int, Mapping[str, Any]] = {}
    if not session_ids:
        return found
    for row in connection.execute(
        sa.select(_EVENTS.c.session_id, _EVENTS.c.changes)
        .where(_EVENTS.c.session_id.in_(list(session_ids)))
        .where(_EVENTS.c.action.in_(SIGNING))
        .order_by(_EVENTS.c.id)
    ):
        changes = row.changes
        if isinstance(changes, Mapping) and "record_digest" in changes:
            found[row.session_id] = changes
    return found


def addendum_authors(connection: Connection, *, session_ids: Sequence[int]) -> dict[int, Any]:
    """Addendum id → its author's name as the event that added it (or sealed it) recorded, for
    the addenda of ``session_ids``."""
    found: dict[int, Any] = {}
    wanted = list(session_ids)
    for start in range(0, len(wanted), CHUNK):
        for (changes,) in connection.execute(
            sa.select(_EVENTS.c.changes)
            .where(_EVENTS.c.session_id.in_(wanted[start : start + CHUNK]))
            .order_by(_EVENTS.c.id)
        ):
            if isinstance(changes, Mapping) and "addendum_id" in changes and "author" in changes:
                found[changes["addendum_id"]] = changes["author"]
    return found


def signed(
    connection: Connection,
    *,
    session_ids: Sequence[int] | None = None,
    signed_people: Mapping[int, Any] | None = None,
    fields: Sequence[str] = chain.RECORD_FIELDS,
    with_vials: bool = True,
) -> Iterator[SignedRecord]:
    """Every signed session (or those of ``session_ids``), with its stored and computed digest.

    The computed digest covers the names in ``signed_people`` (session id → the ``people`` of the
    event vouching for it: ``verify``); without it, the names as they are now (sealing). ``fields``
    are the session's columns read, and ``with_vials`` whether vial rows exist: a migration before
    0008 or 0010 reads what its schema has."""
    columns = [_SESSIONS.c[name] for name in fields] + [_SESSIONS.c.record_digest]
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
        vials = _vials(connection, ids) if with_vials else None
        patients = _identities(connection, {row["patient_id"] for row in rows})
        names: dict[int, Any]
        if signed_people is None:
            names = dict(zip(ids, people(connection, rows), strict=True))
        else:
            names = {sid: signed_people.get(sid) for sid in ids}
        for row in rows:
            yield SignedRecord(
                session_id=row["id"],
                patient_id=row["patient_id"],
                stored=row["record_digest"],
                computed=chain.record_digest(
                    row,
                    injections[row["id"]],
                    patients.get(row["patient_id"], _NO_PATIENT),
                    names[row["id"]],
                    None if vials is None else vials[row["id"]],
                ),
            )
        after = ids[-1]


def addenda(
    connection: Connection,
    *,
    session_id: int | None = None,
    authors: Mapping[int, Any] | None = None,
) -> Iterator[AddendumRecord]:
    """Every addendum (or one session's), with its stored and computed digest: over the author's
    name in ``authors`` (addendum id → the name its event recorded: ``verify``), or without it the
    name as it is now (sealing)."""
    query = sa.select(
        _ADDENDA.c.id, *[_ADDENDA.c[name] for name in chain.ADDENDUM_FIELDS], _ADDENDA.c.digest
    )
    if session_id is not None:
        query = query.where(_ADDENDA.c.session_id == session_id)
    rows = list(connection.execute(query.order_by(_ADDENDA.c.id)).mappings())
    if authors is None:
        names = _names(connection, {row["author_id"] for row in rows})
        authors = {row["id"]: names.get(row["author_id"], "") for row in rows}
    for row in rows:
        yield AddendumRecord(
            addendum_id=row["id"],
            session_id=row["session_id"],
            stored=row["digest"],
            computed=chain.addendum_digest(row, author=authors.get(row["id"])),
            author=authors.get(row["id"]),
        )


def seal_signed(connection: Connection, *, fields: Sequence[str], with_vials: bool) -> None:
    """Seal every signed session and addendum as it stands: store its digest and append a
    ``seal`` event carrying it (migration 0006, for the first release's rows, reading the
    session ``fields`` and the vial rows its schema has)."""
    sessions = list(signed(connection, fields=fields, with_vials=with_vials))
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
            "changes": {
                "addendum_id": a.addendum_id,
                **chain.AddendumDigest(a.computed, str(a.author)).as_changes(),
            },
        }
        for a in notes
    ]
    if events:
        audit.append(connection, events)


_NO_PATIENT = dict.fromkeys(chain.IDENTITY_FIELDS)
"""The identity of a session whose patient row is missing (verify reports it)."""


def _vials(connection: Connection, session_ids: Sequence[int]) -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = defaultdict(list)
    columns = [_VIALS.c.session_id, _VIALS.c.position] + [_VIALS.c[n] for n in chain.VIAL_FIELDS]
    for row in connection.execute(
        sa.select(*columns)
        .where(_VIALS.c.session_id.in_(list(session_ids)))
        .order_by(_VIALS.c.session_id, _VIALS.c.position)
    ).mappings():
        found[row["session_id"]].append(row)
    return found


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


_DISPLAY_NAME: Any = vars(Clinician)["display_name"].fget
"""``Clinician.display_name`` applied to a plain row: no ORM object, whose mappers may not be
configured yet inside a migration (0006 seals the first release's rows)."""


def _names(connection: Connection, clinician_ids: Any) -> dict[int, str]:
    """Clinician id → display name (``Clinician.display_name``: name, credentials)."""
    wanted = list(clinician_ids)
    if not wanted:
        return {}
    return {
        row.id: str(_DISPLAY_NAME(row))
        for row in connection.execute(
            sa.select(_CLINICIANS.c.id, _CLINICIANS.c.name, _CLINICIANS.c.credentials).where(
                _CLINICIANS.c.id.in_(wanted)
            )
        )
    }


def _identities(connection: Connection, patient_ids: Any) -> dict[int, chain.Values]:
    columns = [_PATIENTS.c.id] + [_PATIENTS.c[name] for name in chain.IDENTITY_FIELDS]
    return {
        row["id"]: row
        for row in connection.execute(
            sa.select(*columns).where(_PATIENTS.c.id.in_(list(patient_ids)))
        ).mappings()
    }
