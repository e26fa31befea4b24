"""Checking that the records prove themselves: ``botox-chart verify`` and the window's check.

:func:`verify` walks the whole audit chain, recomputes every signed session's and addendum's digest,
and compares the chain with the anchors kept outside the database. :func:`session_problems` checks
one session (what the window does when it opens or prints a signed session). Each problem names
the session or event. A change the database refuses outright never gets this far.

What this proves: a signed record, an addendum or an audit event changed, removed or added by
editing the database file is found. It does not prove that nobody rewrote *every* copy (the
database, its anchor file and every backup's metadata) consistently: the chain is tamper-evident,
not tamper-proof.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from botox_chart.store import anchors, chain, records
from botox_chart.store.models import AuditChain, AuditEvent, TreatmentSession

_EVENTS = AuditEvent.__table__  # type: ignore[attr-defined]
_SESSIONS = TreatmentSession.__table__  # type: ignore[attr-defined]
_CHAIN = AuditChain.__table__  # type: ignore[attr-defined]
SIGNING = ("sign", "seal")
"""Events that vouch for a signed session's digest."""


@dataclass(frozen=True)
class Problem:
    kind: str
    detail: str
    session_id: int | None = None
    event_id: int | None = None


@dataclass
class Report:
    sessions_checked: int = 0
    events_checked: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "sessions_checked": self.sessions_checked,
            "events_checked": self.events_checked,
            "problems": [asdict(p) for p in self.problems],
        }


@dataclass
class _Chain:
    """What the walk over the audit chain learnt, for the record checks after it."""

    digests: dict[int, str] = field(default_factory=dict)
    signing: dict[int, list[tuple[int, dict[str, Any]]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    addenda: dict[int, tuple[int, int | None, str]] = field(default_factory=dict)
    """addendum id → (event id, session id, digest)."""
    identities: dict[int, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    """patient id → (event id, identity digest) of each audited correction of the identity."""
    last: tuple[int, str] | None = None
    count: int = 0


def verify(engine: Engine, *, progress: Callable[[str], None] | None = None) -> Report:
    """Check every audit link, signed session and addendum, and the anchors."""
    report = Report()
    with engine.connect() as connection:
        if progress:
            progress("audit trail")
        walked = _walk_chain(connection, report)
        if progress:
            progress("signed sessions")
        _check_sessions(connection, report, walked, records.signed(connection))
        _check_addenda(report, walked, records.addenda(connection))
    _check_anchors(engine, report, walked)
    return report


def session_problems(connection: Connection, *, session_id: int) -> list[Problem]:
    """Problems with one signed session: its digest, the events vouching for it, its addenda."""
    report = Report()
    walked = _Chain()
    rows = connection.execute(
        sa.select(*_event_columns())
        .where(_EVENTS.c.session_id == session_id)
        .order_by(_EVENTS.c.id)
    ).mappings()
    for row in rows:
        if chain.event_digest(row, row["prev_digest"] or "") != row["digest"]:
            report.problems.append(_event_changed(row))
        _learn(walked, row)
    patient_id = connection.execute(
        sa.select(_SESSIONS.c.patient_id).where(_SESSIONS.c.id == session_id)
    ).scalar_one_or_none()
    if patient_id is not None:
        for row in connection.execute(
            sa.select(*_event_columns())
            .where(_EVENTS.c.patient_id == patient_id)
            .where(_EVENTS.c.session_id.is_(None))
        ).mappings():
            _learn(walked, row)
    _check_sessions(
        connection,
        report,
        walked,
        records.signed(connection, session_ids=[session_id]),
        [session_id],
    )
    _check_addenda(report, walked, records.addenda(connection, session_id=session_id))
    return report.problems


def _event_columns() -> list[Any]:
    names = ("id", *chain.EVENT_FIELDS, "prev_digest", "digest")
    return [_EVENTS.c[name] for name in names]


def _walk_chain(connection: Connection, report: Report) -> _Chain:
    walked = _Chain()
    expected_prev = chain.GENESIS
    after = 0
    while True:
        rows = list(
            connection.execute(
                sa.select(*_event_columns())
                .where(_EVENTS.c.id > after)
                .order_by(_EVENTS.c.id)
                .limit(records.CHUNK * 5)
            ).mappings()
        )
        if not rows:
            break
        for row in rows:
            event_id = row["id"]
            if row["prev_digest"] != expected_prev:
                report.problems.append(
                    Problem(
                        "chain_broken",
                        f"Audit event {event_id} does not follow the event before it: an event "
                        f"was removed, inserted or rewritten there.",
                        session_id=row["session_id"],
                        event_id=event_id,
                    )
                )
            if chain.event_digest(row, row["prev_digest"] or "") != row["digest"]:
                report.problems.append(_event_changed(row))
            expected_prev = row["digest"] or ""
            walked.digests[event_id] = expected_prev
            walked.last = (event_id, expected_prev)
            walked.count += 1
            _learn(walked, row)
        after = rows[-1]["id"]
    report.events_checked = walked.count
    head = connection.execute(
        sa.select(_CHAIN.c.events, _CHAIN.c.head).where(_CHAIN.c.id == 1)
    ).first()
    newest = walked.last[1] if walked.last else chain.GENESIS
    if head is None or head.head != newest or head.events != walked.count:
        report.problems.append(
            Problem(
                "chain_head",
                f"The audit chain's head does not match its {walked.count} events: events were "
                f"removed or added outside botox-chart.",
            )
        )
    return walked


def _learn(walked: _Chain, row: Any) -> None:
    changes = row["changes"] or {}
    if row["action"] in SIGNING and "record_digest" in changes and row["session_id"] is not None:
        walked.signing[row["session_id"]].append((row["id"], changes))
    if "addendum_id" in changes and "addendum_digest" in changes:
        walked.addenda[int(changes["addendum_id"])] = (
            row["id"],
            row["session_id"],
            str(changes["addendum_digest"]),
        )
    if row["action"] == "update" and row["patient_id"] is not None and "identity_digest" in changes:
        walked.identities[row["patient_id"]].append((row["id"], str(changes["identity_digest"])))


def _event_changed(row: Any) -> Problem:
    return Problem(
        "event_changed",
        f"Audit event {row['id']} ({row['action']}) was changed after it was written.",
        session_id=row["session_id"],
        event_id=row["id"],
    )


def _check_sessions(
    connection: Connection,
    report: Report,
    walked: _Chain,
    signed: Iterable[records.SignedRecord],
    expected: Iterable[int] | None = None,
) -> None:
    seen: set[int] = set()
    for record in signed:
        seen.add(record.session_id)
        report.sessions_checked += 1
        problem = _check_session(record, walked)
        if problem is not None:
            report.problems.append(problem)
    vouched = set(walked.signing) if expected is None else set(walked.signing) & set(expected)
    for session_id in sorted(vouched - seen):
        status = connection.execute(
            sa.select(_SESSIONS.c.status).where(_SESSIONS.c.id == session_id)
        ).scalar_one_or_none()
        state = "was deleted" if status is None else f"is now a {status}"
        report.problems.append(
            Problem(
                "signed_session_missing",
                f"Session {session_id} was signed (audit event "
                f"{walked.signing[session_id][-1][0]}) but {state}.",
                session_id=session_id,
                event_id=walked.signing[session_id][-1][0],
            )
        )


def _check_session(record: records.SignedRecord, walked: _Chain) -> Problem | None:
    sid = record.session_id
    vouching = walked.signing.get(sid)
    if not vouching:
        return Problem(
            "signed_outside_app",
            f"Session {sid} is marked signed, but no signature for it is in the audit chain: it "
            f"was set to signed outside botox-chart.",
            session_id=sid,
        )
    event_id, changes = vouching[-1]
    if len(vouching) > 1:
        return Problem(
            "signed_twice",
            f"Session {sid} has {len(vouching)} signatures in the audit chain.",
            session_id=sid,
            event_id=event_id,
        )
    computed = record.computed
    if computed.content != changes.get("content_digest"):
        return Problem(
            "record_changed",
            f"Session {sid} no longer matches what was signed (audit event {event_id}): its "
            f"fields or injection sites were changed after signing.",
            session_id=sid,
            event_id=event_id,
        )
    if computed.identity != changes.get("identity_digest"):
        corrections = [d for e, d in walked.identities.get(record.patient_id, []) if e > event_id]
        if not corrections or corrections[-1] != computed.identity:
            return Problem(
                "identity_changed",
                f"The patient named on session {sid} was changed outside botox-chart after "
                f"signing (it is not the identity of the last audited correction).",
                session_id=sid,
                event_id=event_id,
            )
    elif record.stored != changes.get("record_digest"):
        return Problem(
            "digest_changed",
            f"Session {sid}'s stored signature digest was changed.",
            session_id=sid,
            event_id=event_id,
        )
    return None


def _check_addenda(report: Report, walked: _Chain, found: Iterable[records.AddendumRecord]) -> None:
    seen: set[int] = set()
    for addendum in found:
        seen.add(addendum.addendum_id)
        link = walked.addenda.get(addendum.addendum_id)
        if link is None:
            report.problems.append(
                Problem(
                    "addendum_unlinked",
                    f"Addendum {addendum.addendum_id} to session {addendum.session_id} is not in "
                    f"the audit chain: it was added outside botox-chart.",
                    session_id=addendum.session_id,
                )
            )
        elif link[2] != addendum.computed or link[1] != addendum.session_id:
            report.problems.append(
                Problem(
                    "addendum_changed",
                    f"Addendum {addendum.addendum_id} to session {addendum.session_id} was changed "
                    f"after it was added (audit event {link[0]}).",
                    session_id=addendum.session_id,
                    event_id=link[0],
                )
            )
    for addendum_id, (event_id, session_id, _digest) in sorted(walked.addenda.items()):
        if addendum_id not in seen:
            report.problems.append(
                Problem(
                    "addendum_deleted",
                    f"Addendum {addendum_id} to session {session_id} (audit event {event_id}) "
                    f"was deleted.",
                    session_id=session_id,
                    event_id=event_id,
                )
            )


def _check_anchors(engine: Engine, report: Report, walked: _Chain) -> None:
    path = anchors.path_for(engine)
    found, bad = anchors.read(path)
    for line in bad:
        report.problems.append(
            Problem("anchor_damaged", f"Line {line} of {path.name} is not an anchor.")
        )
    for anchor in found:
        digest = walked.digests.get(anchor.event_id)
        if digest is None:
            report.problems.append(
                Problem(
                    "anchor_missing",
                    f"Audit event {anchor.event_id}, anchored in {path.name} at {anchor.at}, is "
                    f"missing: the audit trail was cut short.",
                    event_id=anchor.event_id,
                )
            )
        elif digest != anchor.digest:
            report.problems.append(
                Problem(
                    "anchor_mismatch",
                    f"Audit event {anchor.event_id} differs from its anchor in {path.name} "
                    f"({anchor.at}): the audit trail was rewritten.",
                    event_id=anchor.event_id,
                )
            )
