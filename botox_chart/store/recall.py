"""The sessions that used a lot, for a recall (botox_chart.recall).

:func:`sessions_using` only reads; :func:`recall_list` is what the command line and the window
call: the list, with an "export" event in the audit trail saying which lot was listed and how
many sessions and patients it named (never a name: the trail is read by administrators).

The lot is looked up through the index migration 0011 made on the lot as compared (trimmed, a-z
upper-cased: chart.lot_key), so a recall reads only the matching vial rows whatever the clinic's
size. Each session found comes with its patient's contact, its injector, its total units charted
and all its vials, so the pure module counts the units from the lot by the chart's one rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, func

from botox_chart.chart import lot_key
from botox_chart.recall import (
    LotSummary,
    Recall,
    SessionUse,
    check_lot,
    check_period,
    lot_inventory,
    recall,
)
from botox_chart.store import audit
from botox_chart.store.models import (
    Clinician,
    InjectionRow,
    Patient,
    TreatmentSession,
    VialRow,
    clinician_name,
)
from botox_chart.store.sessions import LOTS_CHUNK, vial_of, vials_of


def lot_key_of(dialect: str) -> ColumnElement[str]:
    """``vial.lot_number`` as a recall compares it, written exactly as migration 0011's index
    (``upper(trim(lot_number))``; in the "C" collation on PostgreSQL, where ``upper()`` folds only
    a-z as SQLite's does and as chart.lot_key does)."""
    trimmed = func.trim(col(VialRow.lot_number))
    if dialect == "postgresql":
        return func.upper(sa.collate(trimmed, "C"))
    return func.upper(trimmed)


def lot_lookup(dialect: str, wanted: str) -> sa.Select[int]:
    """The ids of the sessions with a vial whose lot key (chart.lot_key) is ``wanted``: a probe
    of migration 0011's index."""
    return sa.select(col(VialRow.session_id)).where(lot_key_of(dialect) == wanted).distinct()


def sessions_using(
    db: Session,
    lot: str,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[SessionUse]:
    """Every session, signed or draft, with a vial of ``lot`` (compared as chart.lot_key) and a
    date of service in the range (both ends inclusive, either optional), by session id.
    Raises ValueError for an empty lot or a range that ends before it starts."""
    wanted = lot_key(check_lot(lot))
    check_period(date_from, date_to)
    using = lot_lookup(db.get_bind().dialect.name, wanted).subquery()
    return _uses(db, using, date_from=date_from, date_to=date_to)


def every_use(db: Session) -> list[SessionUse]:
    """Every session with its vials, signed or draft (the lots inventory), by session id."""
    return _uses(db, None)


def _uses(
    db: Session,
    using: sa.Subquery | None,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[SessionUse]:
    """The sessions whose id ``using`` lists (None: every session) in the range, as SessionUse."""
    session = TreatmentSession
    query = (
        sa.select(
            col(session.id),
            col(session.patient_id),
            col(Patient.family_name),
            col(Patient.given_names),
            col(Patient.chart_number),
            col(Patient.phone),
            col(Patient.email),
            col(session.date_of_service),
            col(session.status),
            col(Clinician.name),
            col(Clinician.credentials),
        )
        .join(Patient, col(Patient.id) == col(session.patient_id))
        .outerjoin(Clinician, col(Clinician.id) == col(session.injector_id))
        .order_by(col(session.id))
    )
    if using is not None:
        query = query.join(using, using.c.session_id == col(session.id))
    if date_from is not None:
        query = query.where(col(session.date_of_service) >= date_from)
    if date_to is not None:
        query = query.where(col(session.date_of_service) <= date_to)
    found = list(db.execute(query))
    ids = [row[0] for row in found]
    totals = _total_units(db, ids)
    vials = vials_of(db, ids)
    return [
        SessionUse(
            session_id=sid,
            patient_id=pid,
            patient=f"{family}, {given}",
            chart_number=chart_number,
            phone=phone,
            email=email,
            date=day,
            status=status,
            injector=clinician_name(name, credentials),
            total_units=totals.get(sid, Decimal(0)),
            vials=tuple(vial_of(v) for v in vials.get(sid, [])),
        )
        for (
            sid,
            pid,
            family,
            given,
            chart_number,
            phone,
            email,
            day,
            status,
            name,
            credentials,
        ) in found
    ]


def lots(db: Session) -> list[LotSummary]:
    """The lots the clinic's vials name, most recently used first (botox_chart.recall)."""
    return lot_inventory(every_use(db))


RECALL_DOCUMENT = "lot recall"
"""What the audit trail says left the database when a recall is listed or written."""


def recall_list(
    db: Session,
    lot: str,
    *,
    clinician_id: int | None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> Recall:
    """The recall list of ``lot`` (:func:`sessions_using`, botox_chart.recall.recall), audited
    as an export by ``clinician_id`` in ``db``'s transaction (the caller commits: a list is shown
    only once its event is stored). Raises ValueError as :func:`sessions_using`."""
    found = recall(
        lot,
        sessions_using(db, lot, date_from=date_from, date_to=date_to),
        date_from=date_from,
        date_to=date_to,
    )
    audit.record(db, action="export", clinician_id=clinician_id, changes=audit_changes(found))
    return found


def audit_changes(found: Recall) -> dict[str, object]:
    """What an audit event says of a recall list: the document, the lot, the range and the
    counts (no patient's name)."""
    return {
        "document": RECALL_DOCUMENT,
        "lot": found.lot,
        "from": found.date_from.isoformat() if found.date_from else None,
        "to": found.date_to.isoformat() if found.date_to else None,
        "sessions": found.sessions,
        "patients": found.patients,
    }


def _total_units(db: Session, session_ids: Sequence[int]) -> dict[int, Decimal]:
    """Session id → units charted (its injections' sum), read in chunks like its vials."""
    found: dict[int, Decimal] = {}
    for start in range(0, len(session_ids), LOTS_CHUNK):
        chunk = session_ids[start : start + LOTS_CHUNK]
        for sid, units in db.execute(
            sa.select(col(InjectionRow.session_id), func.sum(col(InjectionRow.units)))
            .where(col(InjectionRow.session_id).in_(chunk))
            .group_by(col(InjectionRow.session_id))
        ):
            found[sid] = Decimal(units)
    return found
