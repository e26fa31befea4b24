"""Checking that the records prove themselves: ``botox-chart verify`` and the window's check.

:func:`verify` walks the whole audit chain, recomputes every signed session's, addendum's and
eligibility assessment's digest, and compares the chain with the copies of its head kept outside
the database: the anchor file (store.anchors) and the companion file of every backup in the
database's backups folder (and in the shared folder earlier versions used) (store.backup).
:func:`session_problems` checks one session (what the window does when it opens or prints a signed
session, and what the note and the treatment record print): its digest, the events vouching for it,
and that the chain goes on from each of them. Each problem names the session or event. A change the
database refuses outright never gets this far.

What this proves: a signed record, an addendum, an eligibility assessment or an audit event
changed, removed or added by editing the database file is found. It does not prove that nobody
rewrote *every* copy (the database, its anchor file and every backup's metadata) consistently:
the chain is tamper-evident, not tamper-proof.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from botox_chart import paths
from botox_chart.store import anchors, backup, chain, eligibility, identity, records
from botox_chart.store.engine import sqlite_path
from botox_chart.store.models import AuditChain, AuditEvent, TreatmentSession

_EVENTS = AuditEvent.__table__  # type: ignore[attr-defined]
_SESSIONS = TreatmentSession.__table__  # type: ignore[attr-defined]
_CHAIN = AuditChain.__table__  # type: ignore[attr-defined]
SIGNING = records.SIGNING
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
    warnings: list[str] = field(default_factory=list)
    """What limits the check without being a sign of tampering (e.g. no anchors kept on this
    workstation for a server database); ``ok`` does not depend on them."""

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "sessions_checked": self.sessions_checked,
            "events_checked": self.events_checked,
            "problems": [asdict(p) for p in self.problems],
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class _Outside:
    """The copies of the chain's head kept outside the database, read before the walk."""

    path: Path
    found: list[anchors.Anchor]
    """The anchor file's anchors."""
    bad_lines: list[int]
    replaced: bool
    """The anchor file's path is a link, device, pipe or folder."""
    backups: list[tuple[Path, int, str]]
    """(companion file, head event id, head digest) of each backup of this database."""
    is_backup: bool
    """The database is itself a backup (its companion file beside it): it has no anchor file."""

    def wanted(self) -> set[int]:
        """The events whose digests the walk keeps: those anchored somewhere."""
        return {a.event_id for a in self.found} | {event_id for _n, event_id, _d in self.backups}


@dataclass
class _Chain:
    """What the walk over the audit chain learnt, for the record checks after it."""

    wanted: set[int] = field(default_factory=set)
    """The events whose digests are kept (anchored outside the database)."""
    digests: dict[int, str] = field(default_factory=dict)
    signing: dict[int, list[tuple[int, dict[str, Any]]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    addenda: dict[int, tuple[int, int | None, str, Any]] = field(default_factory=dict)
    """addendum id → (event id, session id, digest, author's name)."""
    assessments: dict[int, tuple[int, int | None, str]] = field(default_factory=dict)
    """eligibility assessment id → (event id, patient id, digest) of the event recording it."""
    identities: dict[int, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    """patient id → (event id, identity digest) of each audited correction of the identity."""
    last: tuple[int, str] | None = None
    anchorable: int | None = None
    """The newest event that is not a draft's autosave: the app anchors it when it commits."""
    count: int = 0

    def people(self) -> dict[int, Any]:
        """Session id → the names its (newest) vouching event snapshotted at signing."""
        return {sid: found[-1][1].get("people") for sid, found in self.signing.items()}

    def authors(self) -> dict[int, Any]:
        """Addendum id → its author's name as the event adding it recorded."""
        return {aid: link[3] for aid, link in self.addenda.items()}


def verify(engine: Engine, *, progress: Callable[[str], None] | None = None) -> Report:
    """Check every audit link, signed session, addendum and eligibility assessment, and the
    copies of the chain's head kept outside the database (anchors, backups' companion files)."""
    report = Report()
    with engine.connect() as connection:
        outside = _read_outside(engine, connection)
        if progress:
            progress("audit trail")
        walked = _walk_chain(connection, report, wanted=outside.wanted())
        if progress:
            progress("signed sessions")
        _check_sessions(
            connection,
            report,
            walked,
            records.signed(connection, signed_people=walked.people()),
        )
        _check_addenda(report, walked, records.addenda(connection, authors=walked.authors()))
        _check_assessments(report, walked, eligibility.digests(connection))
    _check_anchors(engine, report, walked, outside)
    _check_backups(report, walked, outside)
    return report


def session_problems(connection: Connection, *, session_id: int) -> list[Problem]:
    """Problems with one signed session: its digest, the events vouching for it (each must be
    followed by the chain: the next event links to it, or the chain's head is it), its addenda."""
    report = Report()
    walked = _Chain()
    rows = connection.execute(
        sa.select(*_event_columns())
        .where(_EVENTS.c.session_id == session_id)
        .order_by(_EVENTS.c.id)
    ).mappings()
    vouching: list[Any] = []
    for row in rows:
        if chain.event_digest(row, row["prev_digest"] or "") != row["digest"]:
            report.problems.append(_event_changed(row))
        _learn(walked, row)
        if _vouches(row):
            vouching.append(row)
    for row in vouching:
        problem = _unfollowed(connection, row)
        if problem is not None:
            report.problems.append(problem)
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
        records.signed(connection, session_ids=[session_id], signed_people=walked.people()),
        [session_id],
    )
    _check_addenda(
        report,
        walked,
        records.addenda(connection, session_id=session_id, authors=walked.authors()),
    )
    return report.problems


def _vouches(row: Any) -> bool:
    """Whether an event vouches for a signed record: a signature, a seal or an addendum."""
    changes = _changes(row)
    signs = row["action"] in SIGNING and "record_digest" in changes
    return signs or ("addendum_id" in changes and "addendum_digest" in changes)


def _unfollowed(connection: Connection, row: Any) -> Problem | None:
    """A problem if the chain does not go on from this event: the next event's ``prev_digest``,
    or the chain's head when it is the newest, must be its digest. An event rewritten with its
    own digest recomputed still links to the one before it, but no longer to the one after."""
    following = connection.execute(
        sa.select(_EVENTS.c.id, _EVENTS.c.prev_digest)
        .where(_EVENTS.c.id > row["id"])
        .order_by(_EVENTS.c.id)
        .limit(1)
    ).first()
    what = f"audit event {row['id']} ({row['action']} of session {row['session_id']})"
    if following is None:
        head = connection.execute(
            sa.select(_CHAIN.c.head).where(_CHAIN.c.id == 1)
        ).scalar_one_or_none()
        if head == row["digest"]:
            return None
        detail = (
            f"The audit chain does not end where it should: {what} is the newest event, but the "
            f"chain's head is not its digest. It was rewritten, or the events after it removed."
        )
    elif following.prev_digest == row["digest"]:
        return None
    else:
        detail = (
            f"The audit chain is broken after {what}: event {following.id} does not follow it. "
            f"It was rewritten, or an event after it was removed."
        )
    return Problem("chain_broken", detail, session_id=row["session_id"], event_id=row["id"])


def _event_columns() -> list[Any]:
    names = ("id", *chain.EVENT_FIELDS, "prev_digest", "digest")
    return [_EVENTS.c[name] for name in names]


def _walk_chain(connection: Connection, report: Report, *, wanted: set[int]) -> _Chain:
    walked = _Chain(wanted=wanted)
    expected_prev = chain.GENESIS
    previous: Any = None
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
                if previous is not None:  # the event before the break may be the rewritten one
                    report.problems.append(
                        Problem(
                            "chain_broken",
                            f"Audit event {previous['id']} ({previous['action']}) is not followed "
                            f"by the event after it ({event_id}): it was rewritten, or an event "
                            f"after it was removed or inserted.",
                            session_id=previous["session_id"],
                            event_id=previous["id"],
                        )
                    )
            if chain.event_digest(row, row["prev_digest"] or "") != row["digest"]:
                report.problems.append(_event_changed(row))
            expected_prev = row["digest"] or ""
            if event_id in walked.wanted:
                walked.digests[event_id] = expected_prev
            if not anchors.is_autosave(row["action"], row["session_id"]):
                walked.anchorable = event_id
            walked.last = (event_id, expected_prev)
            walked.count += 1
            previous = {k: row[k] for k in ("id", "action", "session_id")}
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


def _changes(row: Any) -> dict[str, Any]:
    """An event's changes (nothing, if a change outside the app left something else there)."""
    changes = row["changes"]
    return changes if isinstance(changes, dict) else {}


def _learn(walked: _Chain, row: Any) -> None:
    changes = _changes(row)
    if row["action"] in SIGNING and "record_digest" in changes and row["session_id"] is not None:
        walked.signing[row["session_id"]].append((row["id"], changes))
    if (
        "addendum_digest" in changes
        and isinstance(changes.get("addendum_id"), int)
        and not isinstance(changes["addendum_id"], bool)
    ):
        walked.addenda[changes["addendum_id"]] = (
            row["id"],
            row["session_id"],
            str(changes["addendum_digest"]),
            changes.get("author"),
        )
    assessment_id = changes.get("assessment_id")
    if (
        row["action"] == eligibility.ACTION
        and isinstance(assessment_id, int)
        and not isinstance(assessment_id, bool)
    ):
        walked.assessments[assessment_id] = (
            row["id"],
            row["patient_id"],
            str(changes.get("eligibility_digest")),
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
        report.problems += _check_session(record, walked)
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


def _check_session(record: records.SignedRecord, walked: _Chain) -> list[Problem]:
    sid = record.session_id
    vouching = walked.signing.get(sid)
    if not vouching:
        return [
            Problem(
                "signed_outside_app",
                f"Session {sid} is marked signed, but no signature for it is in the audit chain: "
                f"it was set to signed outside botox-chart.",
                session_id=sid,
            )
        ]
    event_id, changes = vouching[-1]
    if len(vouching) > 1:
        return [
            Problem(
                "signed_twice",
                f"Session {sid} has {len(vouching)} signatures in the audit chain.",
                session_id=sid,
                event_id=event_id,
            )
        ]
    problems = []
    computed = record.computed
    if computed.content != changes.get("content_digest"):
        problems.append(
            Problem(
                "record_changed",
                f"Session {sid} no longer matches what was signed (audit event {event_id}): its "
                f"fields, injection sites, vials and lots or the names signed on it were changed "
                f"after signing.",
                session_id=sid,
                event_id=event_id,
            )
        )
    if computed.identity != changes.get("identity_digest"):
        corrections = [d for e, d in walked.identities.get(record.patient_id, []) if e > event_id]
        if not corrections or corrections[-1] != computed.identity:
            problems.append(
                Problem(
                    "identity_changed",
                    f"The patient's details on session {sid} were changed outside botox-chart "
                    f"after signing (they are not those of the last audited correction).",
                    session_id=sid,
                    event_id=event_id,
                )
            )
    # Always: an audited correction of the patient changes what is printed, never the digest
    # stored at signing.
    if record.stored != changes.get("record_digest"):
        problems.append(
            Problem(
                "digest_changed",
                f"Session {sid}'s stored signature digest was changed.",
                session_id=sid,
                event_id=event_id,
            )
        )
    return problems


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
    for addendum_id, (event_id, session_id, _digest, _author) in sorted(walked.addenda.items()):
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


def _check_assessments(
    report: Report, walked: _Chain, found: Iterable[tuple[int, int, str]]
) -> None:
    """Each eligibility assessment (with its preventive treatments) against the event that
    recorded it; an event whose assessment is gone."""
    seen: set[int] = set()
    for assessment_id, patient_id, computed in found:
        seen.add(assessment_id)
        link = walked.assessments.get(assessment_id)
        if link is None:
            report.problems.append(
                Problem(
                    "eligibility_unlinked",
                    f"Eligibility assessment {assessment_id} is not in the audit chain: it was "
                    f"added outside botox-chart.",
                )
            )
        elif link[2] != computed or link[1] != patient_id:
            report.problems.append(
                Problem(
                    "eligibility_changed",
                    f"Eligibility assessment {assessment_id} (or a preventive treatment it lists) "
                    f"was changed after it was recorded (audit event {link[0]}).",
                    event_id=link[0],
                )
            )
    for assessment_id, (event_id, _patient, _digest) in sorted(walked.assessments.items()):
        if assessment_id not in seen:
            report.problems.append(
                Problem(
                    "eligibility_deleted",
                    f"Eligibility assessment {assessment_id} (audit event {event_id}) was deleted.",
                    event_id=event_id,
                )
            )


def _read_outside(engine: Engine, connection: Connection) -> _Outside:
    """The anchor file and the backups' companion files, read before the walk so that it keeps
    the digests of the anchored events only."""
    path = anchors.path_for(engine)
    try:
        found, bad = anchors.read(path)
        replaced = False
    except anchors.NotAFile:
        found, bad, replaced = [], [], True
    except OSError:
        found, bad, replaced = [], [], False  # unreadable: reported as missing
    database = sqlite_path(engine)
    companions: list[Path] = []
    if database is not None:  # a server database has no backups folder (pg_dump's are its own)
        # Its own folder, and the shared one earlier versions used (another database's companion
        # files there are left out by _backup_heads).
        for folder in (paths.backups_dir(database, create=False), paths.shared_backups_dir()):
            with contextlib.suppress(OSError):  # unreadable: nothing to compare with
                companions += sorted(folder.glob(f"*{backup.METADATA_SUFFIX}"))
    own = backup.metadata_path(database) if database is not None else None
    if own is not None and own.is_file() and own not in companions:
        companions.append(own)
    heads = _backup_heads(companions, identity.read(connection))
    is_backup = any(companion == own for companion, _e, _d in heads)
    return _Outside(path, found, bad, replaced, heads, is_backup=is_backup)


def _backup_heads(companions: Iterable[Path], uid: str | None) -> list[tuple[Path, int, str]]:
    """The head recorded by each of these companion files that belongs to a backup of this
    database (``database_id``, when the file records it)."""
    heads = []
    for companion in companions:
        if not companion.is_file():
            continue  # a pipe or a folder with the name of a companion file is never read
        document = backup.metadata(companion.with_name(companion.stem))
        if document is None:
            continue
        database_id = document.get("database_id")
        if database_id is not None and uid not in (database_id, document.get("backup_id")):
            continue  # a backup of another database (or of this one before a restore)
        event_id, digest = document.get("head_event_id"), document.get("head_digest")
        if isinstance(event_id, int) and isinstance(digest, str):
            heads.append((companion, event_id, digest))
    return heads


def _check_anchors(engine: Engine, report: Report, walked: _Chain, outside: _Outside) -> None:
    path = outside.path
    server = sqlite_path(engine) is None
    if outside.replaced:
        report.problems.append(
            Problem(
                "anchor_file_replaced",
                f"{path.name} is not a regular file (a link, device, pipe or folder was put in its "
                f"place): the anchors kept outside the database cannot be read.",
            )
        )
    elif not outside.found and not outside.bad_lines and walked.count:
        if server:
            report.warnings.append(
                f"No anchors on this workstation for this database ({path}): its audit chain is "
                f"checked against itself and the backups only. Each workstation keeps its own "
                f"anchors of a server database."
            )
        elif not outside.is_backup:
            report.problems.append(
                Problem(
                    "anchors_missing",
                    f"The anchor file {path.name} is missing or empty, though the audit trail has "
                    f"{walked.count} events: it was deleted or emptied.",
                )
            )
    for line in outside.bad_lines:
        report.problems.append(
            Problem("anchor_damaged", f"Line {line} of {path.name} is not an anchor.")
        )
    for anchor in outside.found:
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
    newest = max((a.event_id for a in outside.found), default=None)
    if not server and newest is not None and walked.anchorable is not None:
        if newest < walked.anchorable:
            report.warnings.append(
                f"{path.name} ends at audit event {newest}, but events up to "
                f"{walked.anchorable} should be anchored: the program stopped before anchoring "
                f"them, or lines were removed from the file."
            )


def _check_backups(report: Report, walked: _Chain, outside: _Outside) -> None:
    for companion, event_id, digest in outside.backups:
        found = walked.digests.get(event_id)
        if found == digest:
            continue
        state = "is missing" if found is None else "has another digest"
        report.problems.append(
            Problem(
                "backup_anchor_mismatch",
                f"Audit event {event_id}, the last one in the backup whose companion file is "
                f"{companion.name}, {state} in this database: the audit trail was cut short or "
                f"rewritten since that backup.",
                event_id=event_id,
            )
        )
