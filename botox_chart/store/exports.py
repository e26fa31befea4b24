"""What the clinic's spreadsheets read from the database (botox_chart.exchange): one line per
injection charted, with its session's patient, lots, injector and status. Reads only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Session, col

from botox_chart.store.models import (
    Clinician,
    InjectionRow,
    Patient,
    TreatmentSession,
    clinician_name,
)
from botox_chart.store.sessions import lots_of


@dataclass(frozen=True)
class InjectionLine:
    session_id: int
    patient_id: int
    """Not written to the file: the audit trail records whose injections left."""
    chart_number: str
    date: date
    site: str
    """The site as the chart names it (e.g. "Corrugator, left")."""
    muscle: str
    side: str
    units: Decimal
    lots: tuple[str, ...]
    """The session's lots, each once, in the order its vials were used."""
    injector: str
    status: str
    """``draft`` or ``signed``."""


def injection_lines(
    db: Session, *, date_from: date | None = None, date_to: date | None = None
) -> list[InjectionLine]:
    """Every injection of the sessions (signed and drafts) with a date of service in the range
    (both ends inclusive, either optional), by date, session and the chart's order."""
    session = TreatmentSession
    query = (
        sa.select(
            col(session.id),
            col(session.patient_id),
            col(Patient.chart_number),
            col(session.date_of_service),
            col(InjectionRow.label),
            col(InjectionRow.muscle),
            col(InjectionRow.side),
            col(InjectionRow.units),
            col(session.lot_number),
            col(Clinician.name),
            col(Clinician.credentials),
            col(session.status),
        )
        .join(session, col(session.id) == col(InjectionRow.session_id))
        .join(Patient, col(Patient.id) == col(session.patient_id))
        .outerjoin(Clinician, col(Clinician.id) == col(session.injector_id))
        .order_by(col(session.date_of_service), col(session.id), col(InjectionRow.position))
    )
    if date_from is not None:
        query = query.where(col(session.date_of_service) >= date_from)
    if date_to is not None:
        query = query.where(col(session.date_of_service) <= date_to)
    found = list(db.execute(query))
    lots = lots_of(db, sorted({row[0] for row in found}))
    return [
        InjectionLine(
            session_id=sid,
            patient_id=patient_id,
            chart_number=chart_number,
            date=day,
            site=label,
            muscle=muscle,
            side=side,
            units=units,
            # Sessions charted before vials had rows (migration 0010) keep their lot on the row.
            lots=lots.get(sid) or ((old_lot.strip(),) if old_lot.strip() else ()),
            injector=clinician_name(name, credentials),
            status=status,
        )
        for (
            sid,
            patient_id,
            chart_number,
            day,
            label,
            muscle,
            side,
            units,
            old_lot,
            name,
            credentials,
            status,
        ) in found
    ]
