"""Treatment sessions: drafts, saving a chart, signing, addenda, and the lists staff search.

A session is stored as a ``TreatmentSession`` row and its ``InjectionRow``s; :func:`load_chart` and
:func:`save_draft` convert between them and the :class:`~botox_chart.chart.Chart` the window edits.
Signed sessions are final: every function here that changes a session refuses a signed one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, TypeVar, cast

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, col, func, select

from botox_chart import bounds
from botox_chart import protocol as protocols
from botox_chart.chart import (
    RETREATMENT_DAYS,
    Chart,
    ChartError,
    Dilution,
    Finding,
    Injection,
    InjectionKind,
    Severity,
    Vial,
    format_units,
    lot_key,
)
from botox_chart.i18n import N_, _
from botox_chart.protocol import Point, Side
from botox_chart.store import acting, audit, records
from botox_chart.store.models import (
    Addendum,
    Clinician,
    FieldTooLong,
    InjectionRow,
    Patient,
    Status,
    TreatmentSession,
    VialRow,
    check_lengths,
    utcnow,
)
from botox_chart.store.patients import fold

CHART_FIELDS = (
    "date_of_service",
    "diagnosis_code",
    "product",
    "din_ndc",
    "vial_units",
    "vial_count",
    "diluent",
    "diluent_ml",
    "needle",
    "consent",
    "screen",
    "omissions",
    "headache_days",
    "migraine_days",
    "acute_medication_days",
    "outcome_window_days",
    "outcome_window_end",
    "diary_days",
    "midas_total",
    "hit6_total",
    "adverse_events",
    "adverse_event_other",
    "tolerance",
    "aftercare",
    "notes",
)

_Row = TypeVar("_Row", bound=SQLModel)


class SessionError(ValueError):
    """A session action that was refused, in words for the user."""


class SignedSessionError(SessionError):
    """The session is signed: it can only be added to with an addendum."""


class ConflictError(SessionError):
    """The draft was saved elsewhere (another workstation) since it was loaded."""


class WrongPatientError(ConflictError):
    """The session id no longer holds the patient the window shows: nothing is written."""


class SignRefused(SessionError):
    """Signing was refused: errors remain, or warnings were not acknowledged."""

    def __init__(self, message: str, findings: Sequence[Finding]) -> None:
        super().__init__(message)
        self.findings = list(findings)


@dataclass(frozen=True)
class SessionSummary:
    id: int
    patient_id: int
    patient: str
    chart_number: str
    date_of_service: date
    status: str
    total_units: Decimal
    sites: int
    lots: tuple[str, ...]
    """The lots of its vials, each once, in the order used."""
    injector: str

    @property
    def next_due(self) -> date:
        return self.date_of_service + timedelta(days=RETREATMENT_DAYS)


def get(db: Session, *, session_id: int) -> TreatmentSession:
    try:
        bounds.check_id(session_id, N_("session"))
    except bounds.OutOfBounds as err:
        raise SessionError(str(err)) from None
    row = db.get(TreatmentSession, session_id)
    if row is None:
        raise SessionError(_("There is no session {id}.").format(id=session_id))
    return row


def create_draft(
    db: Session,
    *,
    patient_id: int,
    injector_id: int | None,
    chart: Chart | None = None,
    protocol_code: str = protocols.DEFAULT_PROTOCOL,
) -> TreatmentSession:
    """A new draft for a patient, empty or holding ``chart`` (e.g. a repeated pattern), started
    by ``injector_id``, an active injector or physician.

    Its vials without a lot start with the clinic's most recent lot, if it has not expired:
    vials of one lot last a clinic weeks, so this is nearly always the vial in hand, and the
    injector confirms it when signing (the sign dialog shows it).
    """
    acting.charting(db, injector_id, doing=_("start a session"), error=SessionError)
    if _get_by_id(db, Patient, patient_id) is None:
        raise SessionError(_("There is no patient {id}.").format(id=patient_id))
    if chart is None:
        chart = Chart(protocol=protocols.load_named(protocol_code))
    if any(not v.lot_number for v in chart.vials):
        for lot, expiry in recent_lots(db, limit=1):
            if expiry is not None and expiry >= chart.date_of_service:
                chart.vials = [
                    v if v.lot_number else dataclasses.replace(v, lot_number=lot, lot_expiry=expiry)
                    for v in chart.vials
                ]
    row = TreatmentSession(
        patient_id=patient_id,
        injector_id=injector_id,
        protocol_code=chart.protocol.code,
        date_of_service=chart.date_of_service,
    )
    _write_chart(row, chart)
    db.add(row)
    db.flush()
    assert row.id is not None
    _write_injections(db, row.id, chart.injections)
    _write_vials(db, row.id, chart.vials)
    audit.record(
        db, action="create", clinician_id=injector_id, patient_id=patient_id, session_id=row.id
    )
    db.commit()
    db.refresh(row)
    return row


def load_chart(db: Session, *, session_id: int) -> Chart:
    """The chart of a stored session, with the patient's previous session date filled in."""
    row = get(db, session_id=session_id)
    injections = db.exec(
        select(InjectionRow)
        .where(InjectionRow.session_id == session_id)
        .order_by(col(InjectionRow.position))
    )
    chart = chart_from_row(row, list(injections), vials_of(db, [session_id]).get(session_id, []))
    previous = previous_session(db, session=row)
    chart.previous_session_date = previous.date_of_service if previous else None
    return chart


def vials_of(db: Session, session_ids: Sequence[int]) -> dict[int, list[VialRow]]:
    """Session id → its vial rows in order (sessions without vials are left out)."""
    found: dict[int, list[VialRow]] = {}
    for start in range(0, len(session_ids), LOTS_CHUNK):
        for vial in db.exec(
            select(VialRow)
            .where(col(VialRow.session_id).in_(session_ids[start : start + LOTS_CHUNK]))
            .order_by(col(VialRow.session_id), col(VialRow.position))
        ):
            found.setdefault(vial.session_id, []).append(vial)
    return found


def vial_of(row: VialRow) -> Vial:
    """The domain's vial of a stored vial row."""
    return Vial(
        lot_number=row.lot_number, lot_expiry=row.lot_expiry, units=row.units, drawn=row.units_drawn
    )


def chart_from_row(
    row: TreatmentSession, injections: Iterable[InjectionRow], vials: Iterable[VialRow]
) -> Chart:
    """The chart a stored session holds: its row, its injections and its vials, each in order."""
    protocol = protocols.load_named(row.protocol_code)
    screen = dict(row.screen or {})
    return Chart(
        protocol=protocol,
        date_of_service=row.date_of_service,
        diagnosis_code=row.diagnosis_code,
        injections=[
            Injection(
                key=i.key,
                kind=InjectionKind(i.kind),
                site_code=i.site_code,
                label=i.label,
                muscle=i.muscle,
                side=cast(Side, i.side),
                point=Point(view=i.view, x=i.x, y=i.y),
                units=i.units,
            )
            for i in injections
        ],
        omissions=dict(row.omissions or {}),
        dilution=Dilution(vial_units=row.vial_units, diluent_ml=row.diluent_ml),
        product=row.product,
        din_ndc=row.din_ndc,
        vials=[vial_of(v) for v in vials],
        diluent=row.diluent,
        needle=row.needle,
        consent=row.consent,
        screen=screen,
        headache_days=row.headache_days,
        migraine_days=row.migraine_days,
        acute_medication_days=row.acute_medication_days,
        outcome_window_days=row.outcome_window_days,
        outcome_window_end=row.outcome_window_end,
        diary_days=row.diary_days,
        midas_total=row.midas_total,
        hit6_total=row.hit6_total,
        adverse_events=list(row.adverse_events or []),
        adverse_event_other=row.adverse_event_other,
        tolerance=row.tolerance,
        aftercare=row.aftercare,
        notes=row.notes,
    )


def save_draft(
    db: Session,
    *,
    session_id: int,
    patient_id: int,
    chart: Chart,
    expected_version: int,
    clinician_id: int | None,
) -> int:
    """Store the chart of a draft; returns the new version. ``clinician_id`` is an active
    injector or physician.

    Matched on the session id, the patient the window charts and the version it loaded: refuses
    a signed session, a session that is not this patient's, and a draft that another workstation
    saved since ``expected_version`` was loaded (a conflict, never a silent overwrite). The row
    and its injections change in one transaction.
    """
    acting.charting(db, clinician_id, doing=_("change a draft"), error=SessionError)
    row = get(db, session_id=session_id)
    _refuse_if_other_patient(row, patient_id)
    _refuse_if_signed(row)
    before = _chart_values(row)
    before_injections = _injection_values(db, session_id)
    before_vials = _vial_values(db, session_id)
    # The new values go on a transient row: the loaded one stays clean, so nothing is flushed
    # behind the versioned UPDATE below.
    draft = TreatmentSession(
        patient_id=row.patient_id,
        protocol_code=row.protocol_code,
        date_of_service=row.date_of_service,
    )
    _write_chart(draft, chart)
    values = _chart_values(draft)
    # Optimistic lock: the UPDATE matches only the version this window loaded.
    result = db.execute(
        sa.update(TreatmentSession)
        .where(col(TreatmentSession.id) == session_id)
        .where(col(TreatmentSession.patient_id) == patient_id)
        .where(col(TreatmentSession.version) == expected_version)
        .where(col(TreatmentSession.status) == Status.DRAFT.value)
        .values(**values, updated_at=utcnow(), version=expected_version + 1)
        .execution_options(synchronize_session=False)
    )
    if cast(Any, result).rowcount != 1:
        db.rollback()
        raise _conflict()
    db.execute(sa.delete(InjectionRow).where(col(InjectionRow.session_id) == session_id))
    _write_injections(db, session_id, chart.injections)
    db.execute(sa.delete(VialRow).where(col(VialRow.session_id) == session_id))
    _write_vials(db, session_id, chart.vials)
    changes = audit.changed_fields(before, values)
    after_injections = [_injection_value(i) for i in chart.injections]
    if after_injections != before_injections:
        changes["injections"] = [before_injections, after_injections]
    after_vials = [_vial_value(v) for v in chart.vials]
    if after_vials != before_vials:
        changes["vials"] = [before_vials, after_vials]
    if changes:
        audit.record(
            db,
            action="update",
            clinician_id=clinician_id,
            patient_id=row.patient_id,
            session_id=session_id,
            changes=changes,
        )
    db.commit()
    db.expire_all()
    return expected_version + 1


def sign(
    db: Session,
    *,
    session_id: int,
    patient_id: int,
    clinician_id: int,
    acknowledged: Iterable[str] = (),
    supervisor_id: int | None = None,
    today: date | None = None,
    expected_version: int | None = None,
) -> TreatmentSession:
    """Sign a draft: no errors may remain and every warning must be acknowledged.

    The session must be ``patient_id``'s. With ``expected_version`` (the version the signer's
    window shows), a draft changed on another workstation since is refused: nobody signs content
    they have not seen. Signing stores the record's digest (store.chain) on the row and in the
    audit chain, in the same transaction. The signer is an active injector or physician.
    """
    acting.charting(db, clinician_id, doing=_("sign a session"), error=SessionError)
    row = get(db, session_id=session_id)
    _refuse_if_other_patient(row, patient_id)
    _refuse_if_signed(row)
    version = row.version if expected_version is None else expected_version
    if row.version != version:
        raise _conflict()
    if supervisor_id is not None:
        supervisor = _get_by_id(db, Clinician, supervisor_id)
        if supervisor is None or supervisor.role != "physician":
            raise SessionError(_("The supervising clinician must be a physician."))
    findings = load_chart(db, session_id=session_id).findings(today=today or date.today())
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        raise SignRefused(
            _("Cannot sign: {findings}").format(findings=" ".join(f.message for f in errors)),
            errors,
        )
    acknowledged = set(acknowledged)
    unacknowledged = [f for f in findings if f.key not in acknowledged]
    if unacknowledged:
        raise SignRefused(
            _("Acknowledge before signing: {findings}").format(
                findings=" ".join(f.message for f in unacknowledged)
            ),
            unacknowledged,
        )
    signing: dict[str, Any] = {
        "signed_by_id": clinician_id,
        "signed_at": utcnow(),
        "supervisor_id": supervisor_id,
        "acknowledged": sorted(f.key for f in findings),
        "injector_id": row.injector_id or clinician_id,
    }
    digest = records.for_signing(db.connection(), session_id=session_id, signing=signing)
    # Signed in one versioned UPDATE: a save that lands between the checks above and here makes
    # it match nothing, and signing is refused rather than covering content nobody read (or
    # storing a digest of content that is not what was signed).
    result = db.execute(
        sa.update(TreatmentSession)
        .where(col(TreatmentSession.id) == session_id)
        .where(col(TreatmentSession.patient_id) == patient_id)
        .where(col(TreatmentSession.version) == version)
        .where(col(TreatmentSession.status) == Status.DRAFT.value)
        .values(
            status=Status.SIGNED.value,
            record_digest=digest.record,
            version=version + 1,
            **signing,
        )
        .execution_options(synchronize_session=False)
    )
    if cast(Any, result).rowcount != 1:
        db.rollback()
        raise _conflict()
    db.expire(row)
    audit.record(
        db,
        action="sign",
        clinician_id=clinician_id,
        patient_id=row.patient_id,
        session_id=session_id,
        changes={"acknowledged": signing["acknowledged"], **digest.as_changes()},
    )
    db.commit()
    db.refresh(row)
    return row


def add_addendum(db: Session, *, session_id: int, author_id: int, text: str) -> Addendum:
    """Add to a signed session without changing it: append-only, authored (by an active injector
    or physician), time-stamped."""
    acting.charting(db, author_id, doing=_("add an addendum"), error=SessionError)
    row = get(db, session_id=session_id)
    if row.status != Status.SIGNED.value:
        raise SessionError(_("Addenda are for signed sessions; edit the draft instead."))
    text = text.strip()
    if not text:
        raise SessionError(_("The addendum is empty."))
    try:
        bounds.check_text(
            text, N_("the addendum"), multiline=True, max_length=bounds.MAX_TEXT_LENGTH
        )
    except bounds.OutOfBounds as err:
        raise SessionError(str(err)) from None
    addendum = Addendum(session_id=session_id, author_id=author_id, text=text)
    vouched = records.for_addendum(db.connection(), addendum.model_dump())  # digest, author name
    addendum.digest = vouched.digest
    db.add(addendum)
    db.flush()
    audit.record(
        db,
        action="addendum",
        clinician_id=author_id,
        patient_id=row.patient_id,
        session_id=session_id,
        changes={"addendum_id": addendum.id, **vouched.as_changes()},
    )
    db.commit()
    db.refresh(addendum)
    return addendum


def addenda(db: Session, *, session_id: int) -> list[Addendum]:
    return list(
        db.exec(
            select(Addendum)
            .where(Addendum.session_id == session_id)
            .order_by(col(Addendum.created_at), col(Addendum.id))
        )
    )


def delete_draft(db: Session, *, session_id: int, clinician_id: int | None) -> None:
    """Delete a draft (never a signed session; by an active injector or physician); the deletion
    itself is audited."""
    acting.charting(db, clinician_id, doing=_("delete a draft"), error=SessionError)
    row = get(db, session_id=session_id)
    _refuse_if_signed(row)
    db.execute(sa.delete(InjectionRow).where(col(InjectionRow.session_id) == session_id))
    db.execute(sa.delete(VialRow).where(col(VialRow.session_id) == session_id))
    patient_id, day = row.patient_id, row.date_of_service.isoformat()
    db.delete(row)
    # The audit chain's head is taken last, as in every store function: two workstations never
    # hold it and a session row in opposite orders (a deadlock on PostgreSQL).
    audit.record(
        db,
        action="delete_draft",
        clinician_id=clinician_id,
        patient_id=patient_id,
        session_id=session_id,
        changes={"date_of_service": day},
    )
    db.commit()


def previous_session(db: Session, *, session: TreatmentSession) -> TreatmentSession | None:
    """The patient's latest signed session on or before this one's date (not this one)."""
    query = (
        select(TreatmentSession)
        .where(TreatmentSession.patient_id == session.patient_id)
        .where(TreatmentSession.status == Status.SIGNED.value)
        .where(col(TreatmentSession.date_of_service) <= session.date_of_service)
        .order_by(col(TreatmentSession.date_of_service).desc(), col(TreatmentSession.id).desc())
    )
    if session.id is not None:
        query = query.where(TreatmentSession.id != session.id)
    return db.exec(query.limit(1)).first()


def last_signed(db: Session, *, patient_id: int) -> TreatmentSession | None:
    return db.exec(
        select(TreatmentSession)
        .where(TreatmentSession.patient_id == patient_id)
        .where(TreatmentSession.status == Status.SIGNED.value)
        .order_by(col(TreatmentSession.date_of_service).desc(), col(TreatmentSession.id).desc())
        .limit(1)
    ).first()


def open_draft(db: Session, *, patient_id: int) -> TreatmentSession | None:
    """The patient's unsigned draft, if one was left open (e.g. after a crash)."""
    return db.exec(
        select(TreatmentSession)
        .where(TreatmentSession.patient_id == patient_id)
        .where(TreatmentSession.status == Status.DRAFT.value)
        .order_by(col(TreatmentSession.updated_at).desc())
        .limit(1)
    ).first()


def repeat_last(
    db: Session, *, patient_id: int, injector_id: int | None, today: date | None = None
) -> TreatmentSession:
    """A new draft with the pattern of the patient's last signed session (started by an active
    injector or physician)."""
    acting.charting(db, injector_id, doing=_("start a session"), error=SessionError)
    last = last_signed(db, patient_id=patient_id)
    if last is None or last.id is None:
        raise SessionError(_("This patient has no signed session to repeat."))
    previous = load_chart(db, session_id=last.id)
    chart = Chart(protocol=previous.protocol, date_of_service=today or date.today())
    try:
        chart.repeat(previous)
    except ChartError as err:
        raise SessionError(str(err)) from err
    return create_draft(db, patient_id=patient_id, injector_id=injector_id, chart=chart)


def summaries(
    db: Session,
    *,
    patient_id: int | None = None,
    patient_text: str | None = None,
    limit: int | None = None,
) -> list[SessionSummary]:
    """Sessions with their totals, newest first, for a patient or matching a name/chart number.

    Totals are correlated subqueries on the indexed injection.session_id, so one patient's list
    reads only that patient's injections (a grouped subquery summed all 1.4 M demo rows per click).
    """
    of_session = col(InjectionRow.session_id) == col(TreatmentSession.id)
    units = sa.select(func.sum(col(InjectionRow.units))).where(of_session).scalar_subquery()
    sites = sa.select(func.count(col(InjectionRow.id))).where(of_session).scalar_subquery()
    query = (
        sa.select(
            col(TreatmentSession.id),
            col(TreatmentSession.patient_id),
            col(Patient.family_name),
            col(Patient.given_names),
            col(Patient.chart_number),
            col(TreatmentSession.date_of_service),
            col(TreatmentSession.status),
            units,
            sites,
            col(Clinician.name),
        )
        .join(Patient, col(Patient.id) == col(TreatmentSession.patient_id))
        .outerjoin(Clinician, col(Clinician.id) == col(TreatmentSession.injector_id))
        .order_by(col(TreatmentSession.date_of_service).desc(), col(TreatmentSession.id).desc())
    )
    if patient_id is not None:
        query = query.where(col(TreatmentSession.patient_id) == patient_id)
    if patient_id is not None and not bounds.is_id(patient_id):
        return []
    if patient_text:
        try:
            bounds.check_search(patient_text)
        except bounds.OutOfBounds as err:
            raise SessionError(str(err)) from None
        query = query.where(col(Patient.search_key).like(f"%{fold(patient_text.strip())}%"))
    if limit is not None:
        query = query.limit(limit)
    found = list(db.execute(query))
    lots = lots_of(db, [row[0] for row in found])
    return [
        SessionSummary(
            id=sid,
            patient_id=pid,
            patient=f"{family}, {given}",
            chart_number=chart_number,
            date_of_service=day,
            status=status,
            total_units=units if units is not None else Decimal(0),
            sites=int(sites or 0),
            lots=lots.get(sid, ()),
            injector=injector or "",
        )
        for (
            sid,
            pid,
            family,
            given,
            chart_number,
            day,
            status,
            units,
            sites,
            injector,
        ) in found
    ]


def lots_of(db: Session, session_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """Session id → the lots of its vials, each once, in the order used (read in chunks, so a
    list of 44,000 sessions stays a few queries)."""
    found: dict[int, dict[str, str]] = {}
    for start in range(0, len(session_ids), LOTS_CHUNK):
        chunk = session_ids[start : start + LOTS_CHUNK]
        for sid, lot in db.execute(
            sa.select(col(VialRow.session_id), col(VialRow.lot_number))
            .where(col(VialRow.session_id).in_(chunk))
            .where(col(VialRow.lot_number) != "")
            .order_by(col(VialRow.session_id), col(VialRow.position))
        ):
            found.setdefault(sid, {}).setdefault(lot_key(lot), lot.strip())
    return {sid: tuple(lots.values()) for sid, lots in found.items()}


LOTS_CHUNK = 1000


def recent_lots(db: Session, *, limit: int = 8) -> list[tuple[str, date | None]]:
    """The clinic's most recently used lots with their expiry, newest first (for the lot picker)."""
    last_used = func.max(col(TreatmentSession.date_of_service))
    expiry = func.max(col(VialRow.lot_expiry))
    rows = db.execute(
        sa.select(col(VialRow.lot_number), expiry, last_used)
        .join(TreatmentSession, col(TreatmentSession.id) == col(VialRow.session_id))
        .where(col(VialRow.lot_number) != "")
        .group_by(col(VialRow.lot_number))
        # Lots used the same day: the later expiry is the newer lot, the one in hand.
        .order_by(last_used.desc(), expiry.desc(), col(VialRow.lot_number))
        .limit(limit)
    )
    return [(lot, expiry) for lot, expiry, _used in rows]


# -- conversion ----------------------------------------------------------------------------------


def _write_chart(row: TreatmentSession, chart: Chart) -> None:
    """Copy the chart onto the row; values out of bounds, and text too long for its column, are
    refused first."""
    try:
        bounds.check_chart(chart)
    except bounds.OutOfBounds as err:
        raise SessionError(str(err)) from None
    for injection in chart.injections:
        if len(injection.label) > 120 or len(injection.muscle) > 60:
            raise SessionError(
                _("The site label {label}… is too long.").format(label=repr(injection.label[:40]))
            )
    _copy_chart(row, chart)
    try:
        check_lengths(row, {"din_ndc": N_("DIN/NDC")})
        for vial in _vial_rows(0, chart.vials):
            check_lengths(vial, {"lot_number": N_("lot number")})
    except FieldTooLong as err:
        raise SessionError(str(err)) from None


def _copy_chart(row: TreatmentSession, chart: Chart) -> None:
    row.protocol_code = chart.protocol.code
    row.date_of_service = chart.date_of_service
    row.diagnosis_code = chart.diagnosis_code
    row.product = chart.product
    row.din_ndc = chart.din_ndc
    # The lot is on each vial row; the session's lot columns hold the lot of sessions charted
    # before vial rows (migration 0010) and stay empty.
    row.vial_units = chart.dilution.vial_units
    row.vial_count = len(chart.vials)
    row.diluent = chart.diluent
    row.diluent_ml = chart.dilution.diluent_ml
    row.needle = chart.needle
    row.consent = chart.consent
    row.screen = dict(chart.screen)
    row.omissions = dict(chart.omissions)
    row.headache_days = chart.headache_days
    row.migraine_days = chart.migraine_days
    row.acute_medication_days = chart.acute_medication_days
    row.outcome_window_days = chart.outcome_window_days
    # A window without a last day ends on the visit: the figures asked count the days up to it.
    row.outcome_window_end = chart.outcome_window_end  # None: the window ends on the visit
    row.diary_days = chart.diary_days
    row.midas_total = chart.midas_total
    row.hit6_total = chart.hit6_total
    row.adverse_events = list(chart.adverse_events)
    row.adverse_event_other = chart.adverse_event_other
    row.tolerance = chart.tolerance
    row.aftercare = chart.aftercare
    row.notes = chart.notes


def _write_injections(db: Session, session_id: int, injections: Iterable[Injection]) -> None:
    db.add_all(
        InjectionRow(session_id=session_id, position=n, **_injection_columns(i))
        for n, i in enumerate(injections)
    )


def _write_vials(db: Session, session_id: int, vials: Iterable[Vial]) -> None:
    db.add_all(_vial_rows(session_id, vials))


def _vial_rows(session_id: int, vials: Iterable[Vial]) -> list[VialRow]:
    return [
        VialRow(
            session_id=session_id,
            position=n,
            lot_number=v.lot_number.strip(),
            lot_expiry=v.lot_expiry,
            units=v.units,
            units_drawn=v.drawn,
        )
        for n, v in enumerate(vials)
    ]


def _vial_value(v: Vial) -> str:
    """A vial as the audit trail records a change: lot, expiry, size, units drawn."""
    drawn = "" if v.drawn is None else f", {format_units(v.drawn)} U drawn"
    expiry = v.lot_expiry.isoformat() if v.lot_expiry else "no expiry"
    return f"{v.lot_number.strip() or 'no lot'} ({expiry}) {v.units} U{drawn}"


def _vial_values(db: Session, session_id: int) -> list[str]:
    return [_vial_value(vial_of(r)) for r in vials_of(db, [session_id]).get(session_id, [])]


def _injection_columns(i: Injection) -> dict[str, Any]:
    return {
        "key": i.key,
        "kind": i.kind.value,
        "site_code": i.site_code,
        "label": i.label,
        "muscle": i.muscle,
        "side": i.side,
        "view": i.point.view,
        "x": i.point.x,
        "y": i.point.y,
        "units": i.units,
    }


def _chart_values(row: TreatmentSession) -> dict[str, Any]:
    return {name: getattr(row, name) for name in CHART_FIELDS}


def _injection_value(i: Injection) -> str:
    return f"{i.key} {format_units(i.units)} U"


def _injection_values(db: Session, session_id: int) -> list[str]:
    rows = db.execute(
        sa.select(col(InjectionRow.key), col(InjectionRow.units))
        .where(col(InjectionRow.session_id) == session_id)
        .order_by(col(InjectionRow.position))
    )
    return [f"{key} {format_units(units)} U" for key, units in rows]


def _conflict() -> ConflictError:
    return ConflictError(
        _(
            "This draft was changed on another workstation since you opened it. "
            "Reload it to see those changes; nothing of yours was saved over them."
        )
    )


def _refuse_if_other_patient(row: TreatmentSession, patient_id: int) -> None:
    if row.patient_id != patient_id:
        raise WrongPatientError(
            _(
                "Session {id} is not this patient's: the draft this window charts was deleted or "
                "the database was restored. Nothing was saved; reload the patient."
            ).format(id=row.id)
        )


def _get_by_id(db: Session, model: type[_Row], row_id: object) -> _Row | None:
    """The row with this id; None for an id no database holds (SQLite overflows on 2**63)."""
    return db.get(model, row_id) if bounds.is_id(row_id) else None


def _refuse_if_signed(row: TreatmentSession) -> None:
    if row.status == Status.SIGNED.value:
        if row.signed_at is None:
            said = _("This session was signed and cannot be changed. Add an addendum instead.")
        else:
            said = _(
                "This session was signed ({signed}) and cannot be changed. Add an addendum instead."
            ).format(signed=row.signed_at.strftime("%Y-%m-%d %H:%M"))
        raise SignedSessionError(said)
