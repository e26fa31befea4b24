"""Each patient's course of treatment as the outcome model sees it (botox_chart.outcomes): the
baseline of their newest eligibility assessment and the figures recorded at each signed visit.

Read only; the stored values are passed on as they are (the model scales them per 28 days).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from botox_chart import bounds
from botox_chart.chart import DAYS_COUNTED, counted_window
from botox_chart.outcomes import Baseline, Course, CycleOutcome
from botox_chart.store import eligibility
from botox_chart.store.models import (
    EligibilityAssessment,
    InjectionRow,
    Patient,
    Status,
    TreatmentSession,
)

BASELINE_WINDOW_DAYS = DAYS_COUNTED
"""An assessment records days per month, a month being 30 days (docs/clinical-reference.md §8)."""


def course(db: Session, patient_id: int) -> Course:
    """The patient's course: the baseline of the assessment before their first treatment
    (:func:`baseline_assessment`; None without one) and their signed sessions in date order,
    numbered 1..n."""
    if not bounds.is_id(patient_id):
        return Course(patient_id=patient_id, baseline=None, cycles=())
    cycles = tuple(_cycles(db, patient_id=patient_id).get(patient_id, ()))
    found = baseline_assessment(db, patient_id, cycles)
    baseline = baseline_of(found.assessment) if found is not None else None
    return Course(patient_id=patient_id, baseline=baseline, cycles=cycles)


def baseline_assessment(
    db: Session, patient_id: int, cycles: Sequence[CycleOutcome] | None = None
) -> eligibility.Eligibility | None:
    """The eligibility assessment the patient's outcomes are compared with (and the letter and
    the first note print): the newest whose baseline period ended by the first treatment
    (store.eligibility.for_baseline). ``cycles``: the patient's, if already read."""
    if cycles is None:
        cycles = _cycles(db, patient_id=patient_id).get(patient_id, [])
    first = cycles[0].date if cycles else None
    history = eligibility.history(db, patient_id)
    chosen = eligibility.for_baseline([e.assessment for e in history], first)
    return next((e for e in history if e.assessment is chosen), None)


def clinic_courses(db: Session) -> list[Course]:
    """Every patient's course, by patient id, in three queries whatever the clinic's size."""
    assessments = eligibility.by_patient(db.connection())
    cycles = _cycles(db, patient_id=None)
    patient_ids = db.execute(sa.select(col(Patient.id)).order_by(col(Patient.id))).scalars()
    courses = []
    for pid in patient_ids:
        visits = tuple(cycles.get(pid, ()))
        chosen = eligibility.for_baseline(
            assessments.get(pid, []), visits[0].date if visits else None
        )
        courses.append(
            Course(
                patient_id=pid,
                baseline=baseline_of(chosen) if chosen is not None else None,
                cycles=visits,
            )
        )
    return courses


def baseline_of(assessment: EligibilityAssessment) -> Baseline:
    """An assessment's baseline as the outcome model compares with it (days a month of 30)."""
    return Baseline(
        date=assessment.baseline_end,
        headache_days=assessment.headache_days_per_month,
        migraine_days=assessment.migraine_days_per_month,
        window_days=BASELINE_WINDOW_DAYS,
    )


def _cycles(db: Session, *, patient_id: int | None) -> dict[int, list[CycleOutcome]]:
    """Patient id → their signed sessions as cycles, in one query (one patient's, or all)."""
    session = TreatmentSession
    columns: list[Any] = [
        col(session.id),
        col(session.patient_id),
        col(session.date_of_service),
        col(session.headache_days),
        col(session.migraine_days),
        col(session.acute_medication_days),
        col(session.outcome_window_days),
        col(session.outcome_window_end),
        col(session.diary_days),
    ]
    query = (
        sa.select(*columns, sa.func.sum(col(InjectionRow.units)))
        .outerjoin(InjectionRow, col(InjectionRow.session_id) == col(session.id))
        .where(col(session.status) == Status.SIGNED.value)
        .group_by(*columns)
        .order_by(col(session.patient_id), col(session.date_of_service), col(session.id))
    )
    if patient_id is not None:
        query = query.where(col(session.patient_id) == patient_id)
    found: dict[int, list[CycleOutcome]] = defaultdict(list)
    for row in db.execute(query):
        (sid, pid, day, headache, migraine, acute, window, window_end, diary, total) = row
        window = counted_window(window, headache, migraine)  # None: ends on the visit
        cycles = found[pid]
        cycles.append(
            CycleOutcome(
                session_id=sid,
                date=day,
                cycle=len(cycles) + 1,
                total_units=total if total is not None else Decimal(0),
                headache_days=headache,
                migraine_days=migraine,
                acute_medication_days=acute,
                window_days=window,
                window_end=window_end,
                diary_days=diary,
            )
        )
    return found
