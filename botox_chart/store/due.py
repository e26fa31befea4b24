"""What the due list (botox_chart.due) knows of each patient, read in one query whatever the
clinic's size: the latest signed session and its injector, whether a draft is open, the phone,
the treatment stop and the referral. Read only."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, col

from botox_chart.due import PatientHistory
from botox_chart.store.models import Clinician, Patient, Status, TreatmentSession, clinician_name


def histories(db: Session) -> list[PatientHistory]:
    """Every patient's history for the due list, by patient id."""
    session = TreatmentSession
    ranked = (
        sa.select(
            col(session.id).label("session_id"),
            col(session.patient_id).label("patient_id"),
            col(session.date_of_service).label("date_of_service"),
            col(session.injector_id).label("injector_id"),
            sa.func.row_number()
            .over(
                partition_by=col(session.patient_id),
                order_by=(col(session.date_of_service).desc(), col(session.id).desc()),
            )
            .label("newest_first"),
        )
        .where(col(session.status) == Status.SIGNED.value)
        .subquery()
    )
    draft_open = (
        sa.select(col(session.id))
        .where(
            col(session.patient_id) == col(Patient.id),
            col(session.status) == Status.DRAFT.value,
        )
        .exists()
    )
    query = (
        sa.select(
            col(Patient.id),
            col(Patient.family_name),
            col(Patient.given_names),
            col(Patient.chart_number),
            col(Patient.phone),
            col(Patient.treatment_stopped_on),
            col(Patient.referral_date),
            ranked.c.session_id,
            ranked.c.date_of_service,
            col(Clinician.name),
            col(Clinician.credentials),
            draft_open,
        )
        .outerjoin(
            ranked,
            sa.and_(ranked.c.patient_id == col(Patient.id), ranked.c.newest_first == 1),
        )
        .outerjoin(Clinician, col(Clinician.id) == ranked.c.injector_id)
        .order_by(col(Patient.id))
    )
    return [
        PatientHistory(
            patient_id=pid,
            patient=f"{family}, {given}",
            chart_number=chart_number,
            phone=phone,
            last_session_id=session_id,
            last_date=last,
            injector=clinician_name(name, credentials),
            draft_open=bool(has_draft),
            stopped_on=stopped_on,
            referral_date=referral,
        )
        for (
            pid,
            family,
            given,
            chart_number,
            phone,
            stopped_on,
            referral,
            session_id,
            last,
            name,
            credentials,
            has_draft,
        ) in db.execute(query)
    ]
