"""Hand-built courses for the outcome tests: a baseline and visits 12 weeks apart."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from botox_chart.outcomes import Baseline, Course, CycleOutcome

FIRST_VISIT = date(2025, 1, 6)
INTERVAL = timedelta(weeks=12)


def baseline(headache_days: int | str | None = 20, window_days: int = 28) -> Baseline | None:
    if headache_days is None:
        return None
    return Baseline(
        date=FIRST_VISIT - timedelta(days=1),
        headache_days=Decimal(headache_days),
        migraine_days=Decimal(10),
        window_days=window_days,
    )


def visit(
    cycle: int,
    headache_days: int | None,
    window_days: int | None = 28,
    *,
    window_end: date | None = None,
) -> CycleOutcome:
    """The visit of ``cycle`` (its date 12 weeks after the one before) and the figure recorded at
    it, counted over the ``window_days`` days up to the visit unless ``window_end`` says."""
    return CycleOutcome(
        session_id=100 + cycle,
        date=FIRST_VISIT + INTERVAL * (cycle - 1),
        cycle=cycle,
        total_units=Decimal(155),
        headache_days=headache_days,
        migraine_days=None if headache_days is None else headache_days // 2,
        acute_medication_days=None,
        window_days=window_days,
        window_end=window_end,
        diary_days=None,
    )


def course(base: Baseline | None, *visits: CycleOutcome, patient_id: int = 1) -> Course:
    return Course(patient_id=patient_id, baseline=base, cycles=tuple(visits))


def judged_at_3(
    at_3: int | None,
    window_days: int | None = 28,
    base: Baseline | None = None,
    patient_id: int = 1,
) -> Course:
    """A course with a baseline (20 days in 28 unless given) and the visits of cycles 1 to 3, the
    figure ``at_3`` recorded at the third."""
    return course(
        base if base is not None else baseline(),
        visit(1, 20),
        visit(2, 18),
        visit(3, at_3, window_days),
        patient_id=patient_id,
    )
