"""What a FHIR export holds, read from the database as plain values (botox_chart.fhir builds the
bundle from them): the patients, their SIGNED sessions (drafts never leave the clinic), each with
its chart, the signer's name as the signature recorded it, the outcome recorded at it and its
addenda (each author's name as the event that added it recorded it), the
signers and whether the clinic bills in the US. Read only; the export's audit event says what
left in counts (:func:`audit_changes`), never a name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from botox_chart import fhir
from botox_chart.outcomes import CycleOutcome
from botox_chart.store import chain, patients, records, sessions
from botox_chart.store import outcomes as store_outcomes
from botox_chart.store import settings as clinic_settings
from botox_chart.store.models import (
    Addendum,
    Clinician,
    InjectionRow,
    Patient,
    Status,
    TreatmentSession,
)

DOCUMENT = "FHIR bundle"
"""What the audit trail says left the database."""


def export_data(
    db: Session, *, patient_id: int | None = None, since: date | None = None
) -> fhir.Export:
    """One patient's signed sessions (``patient_id``; PatientError if there is no such patient),
    or every patient's who has one; with ``since``, only sessions on or after that date."""
    query = select(TreatmentSession).where(TreatmentSession.status == Status.SIGNED.value)
    if patient_id is not None:
        patients.get(db, patient_id=patient_id)  # "There is no patient N."
        query = query.where(TreatmentSession.patient_id == patient_id)
    if since is not None:
        query = query.where(col(TreatmentSession.date_of_service) >= since)
    rows = list(
        db.exec(
            query.order_by(
                col(TreatmentSession.patient_id),
                col(TreatmentSession.date_of_service),
                col(TreatmentSession.id),
            )
        )
    )
    ids = [r.id for r in rows if r.id is not None]
    injections = _injections(db, ids)
    vials = sessions.vials_of(db, ids)
    signed = records.signing_events(db.connection(), ids)
    addenda = _addenda(db, ids)
    patient_ids = sorted({r.patient_id for r in rows} | ({patient_id} if patient_id else set()))
    outcomes = _outcomes(db, patient_ids, single=patient_id is not None)
    found = []
    for row in rows:
        assert row.id is not None
        people = chain.snapshot(signed[row.id].get("people")) if row.id in signed else {}
        found.append(
            fhir.SessionData(
                id=row.id,
                patient_id=row.patient_id,
                chart=sessions.chart_from_row(
                    row, injections.get(row.id, []), vials.get(row.id, [])
                ),
                signer_id=row.signed_by_id,
                signer_name=str(people.get("signer") or ""),
                outcome=outcomes.get(row.id),
                addenda=tuple(addenda.get(row.id, ())),
            )
        )
    return fhir.Export(
        patients=_patients(db, patient_ids),
        sessions=tuple(found),
        clinicians=_clinicians(db, {r.signed_by_id for r in rows if r.signed_by_id is not None}),
        us_billing=clinic_settings.load(db).billing == "us",
    )


def audit_changes(found: Mapping[str, Any], *, since: date | None = None) -> dict[str, object]:
    """What the export's audit event says: the document, the date it starts from and how many of
    each resource left (no name, no file name)."""
    return {
        "document": DOCUMENT,
        "since": since.isoformat() if since is not None else None,
        "resources": fhir.counts(found),
    }


def _injections(db: Session, ids: Sequence[int]) -> dict[int, list[InjectionRow]]:
    found: dict[int, list[InjectionRow]] = {}
    for start in range(0, len(ids), sessions.LOTS_CHUNK):
        for injection in db.exec(
            select(InjectionRow)
            .where(col(InjectionRow.session_id).in_(ids[start : start + sessions.LOTS_CHUNK]))
            .order_by(col(InjectionRow.session_id), col(InjectionRow.position))
        ):
            found.setdefault(injection.session_id, []).append(injection)
    return found


def exported_patients(db: Session, found: Mapping[str, Any]) -> list[int]:
    """The ids of the patients whose Patient resource is in the bundle ``found`` (each has a
    stable id made from the database's id): what a clinic-wide export's audit trail names."""
    wanted = {
        entry["resource"]["id"]
        for entry in found.get("entry", ())
        if entry["resource"]["resourceType"] == "Patient"
    }
    if not wanted:
        return []
    return [
        pid
        for pid in db.exec(select(col(Patient.id)).order_by(col(Patient.id)))
        if pid is not None and fhir.resource_id("patient", pid) in wanted
    ]


def _addenda(db: Session, ids: Sequence[int]) -> dict[int, list[fhir.AddendumData]]:
    """Session id → its addenda, oldest first, each author named as the event that added it
    recorded (or, without such an event, as the clinician is named now)."""
    authors = records.addendum_authors(db.connection(), session_ids=ids)
    rows: list[Addendum] = []
    for start in range(0, len(ids), sessions.LOTS_CHUNK):
        rows.extend(
            db.exec(
                select(Addendum).where(
                    col(Addendum.session_id).in_(ids[start : start + sessions.LOTS_CHUNK])
                )
            )
        )
    missing = {a.author_id for a in rows if a.id not in authors}
    current = (
        {
            c.id: c.display_name
            for c in db.exec(select(Clinician).where(col(Clinician.id).in_(missing)))
        }
        if missing
        else {}
    )
    found: dict[int, list[fhir.AddendumData]] = {}
    for a in sorted(rows, key=lambda a: (a.session_id, a.created_at, a.id or 0)):
        author = authors[a.id] if a.id in authors else current.get(a.author_id, "")
        found.setdefault(a.session_id, []).append(
            fhir.AddendumData(at=a.created_at, author=str(author or ""), text=a.text)
        )
    return found


def _outcomes(db: Session, patient_ids: Sequence[int], *, single: bool) -> dict[int, CycleOutcome]:
    """Session id → the figures recorded at it (store.outcomes reads them, windows and all)."""
    if single:
        courses = [store_outcomes.course(db, pid) for pid in patient_ids]
    else:
        wanted = set(patient_ids)
        courses = [c for c in store_outcomes.clinic_courses(db) if c.patient_id in wanted]
    return {cycle.session_id: cycle for course in courses for cycle in course.cycles}


def _patients(db: Session, ids: Sequence[int]) -> tuple[fhir.PatientData, ...]:
    found = []
    for start in range(0, len(ids), sessions.LOTS_CHUNK):
        for p in db.exec(
            select(Patient).where(col(Patient.id).in_(ids[start : start + sessions.LOTS_CHUNK]))
        ):
            assert p.id is not None
            found.append(
                fhir.PatientData(
                    id=p.id,
                    family_name=p.family_name,
                    given_names=p.given_names,
                    date_of_birth=p.date_of_birth,
                    chart_number=p.chart_number,
                    health_card=p.health_card,
                    phone=p.phone,
                    email=p.email,
                    preferred_language=p.preferred_language,
                )
            )
    return tuple(sorted(found, key=lambda p: p.id))


def _clinicians(db: Session, ids: set[int]) -> tuple[fhir.ClinicianData, ...]:
    if not ids:
        return ()
    rows = db.execute(
        sa.select(col(Clinician.id), col(Clinician.name), col(Clinician.credentials)).where(
            col(Clinician.id).in_(ids)
        )
    )
    return tuple(
        fhir.ClinicianData(id=cid, name=name, credentials=credentials or "")
        for cid, name, credentials in sorted(rows)
    )
