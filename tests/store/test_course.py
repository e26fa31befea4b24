"""A patient's course as the outcome model reads it (store.outcomes): the baseline of the newest
eligibility assessment and the signed visits in date order, numbered from 1."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from botox_chart.outcomes import Baseline, Course, CycleOutcome
from botox_chart.store import outcomes, sessions, transaction
from tests.helpers.factories import (
    an_assessment,
    make_assessment,
    make_clinician,
    make_patient,
    make_signed_session,
    ready_chart,
)

FIRST = date(2026, 1, 5)


def visit(day: date, headache: int | None, migraine: int | None, **figures: object):  # type: ignore[no-untyped-def]
    chart = ready_chart(day)
    chart.headache_days, chart.migraine_days = headache, migraine
    chart.outcome_window_end = day
    for name, value in figures.items():
        setattr(chart, name, value)
    return chart


def test_the_course_of_a_hand_built_patient(any_engine: Engine) -> None:
    doctor = make_clinician(any_engine)
    patient = make_patient(any_engine)
    assert patient.id is not None
    december = {"baseline_start": date(2025, 12, 1), "baseline_end": date(2025, 12, 30)}
    first_take = an_assessment(headache_days_per_month=Decimal(25), **december)
    make_assessment(any_engine, patient, doctor, first_take)
    # Its correction, before the first treatment too: 22 and 14 a month.
    make_assessment(any_engine, patient, doctor, an_assessment(**december))
    second, third = FIRST + timedelta(days=84), FIRST + timedelta(days=170)
    # Signed out of date order: the course is in date order all the same.
    late = make_signed_session(
        any_engine,
        patient,
        doctor,
        visit(third, 9, 4, outcome_window_days=28, acute_medication_days=3, diary_days=28),
    )
    tailored = visit(FIRST, None, None)
    tailored.set_units("TRA-L1", "7.5")
    first = make_signed_session(any_engine, patient, doctor, tailored)
    middle = make_signed_session(
        any_engine, patient, doctor, visit(second, 15, 8, midas_total=40, hit6_total=60)
    )
    with transaction(any_engine) as db:  # a draft is not a cycle
        sessions.create_draft(
            db,
            patient_id=patient.id,
            injector_id=doctor.id,
            chart=visit(third + timedelta(84), 5, 2),
        )
        course = outcomes.course(db, patient.id)

    assert course == Course(
        patient_id=patient.id,
        baseline=Baseline(
            date=date(2025, 12, 30),
            headache_days=Decimal(22),
            migraine_days=Decimal(14),
            window_days=30,
        ),
        cycles=(
            CycleOutcome(
                session_id=first.id or 0,
                date=FIRST,
                cycle=1,
                total_units=Decimal("157.5"),
                headache_days=None,
                migraine_days=None,
                acute_medication_days=None,
                window_days=30,
                window_end=FIRST,
                diary_days=None,
            ),
            CycleOutcome(
                session_id=middle.id or 0,
                date=second,
                cycle=2,
                total_units=Decimal(155),
                headache_days=15,
                migraine_days=8,
                acute_medication_days=None,
                window_days=30,
                window_end=second,
                diary_days=None,
            ),
            CycleOutcome(
                session_id=late.id or 0,
                date=third,
                cycle=3,
                total_units=Decimal(155),
                headache_days=9,
                migraine_days=4,
                acute_medication_days=3,
                window_days=28,
                window_end=third,
                diary_days=28,
            ),
        ),
    )


def test_figures_recorded_without_a_window_count_the_last_30_days(engine: Engine) -> None:
    """Sessions signed before windows were stored asked about the last 30 days
    (docs/clinical-reference.md §8)."""
    doctor = make_clinician(engine)
    patient = make_patient(engine)
    assert patient.id is not None
    with_figures = visit(FIRST, 18, 11, outcome_window_days=None, outcome_window_end=None)
    without = visit(FIRST + timedelta(days=90), None, None, outcome_window_days=None)
    without.outcome_window_end = None
    make_signed_session(engine, patient, doctor, with_figures)
    make_signed_session(engine, patient, doctor, without)
    with transaction(engine) as db:
        course = outcomes.course(db, patient.id)
    assert course.baseline is None
    # 30 days, ending on the visit (no end stored: the engine counts back from the visit).
    assert [(c.headache_days, c.window_days, c.window_end) for c in course.cycles] == [
        (18, 30, None),
        (None, None, None),
    ]
    assert course.cycles[0].date == FIRST


def test_a_patient_with_nothing_yet_has_an_empty_course(engine: Engine) -> None:
    patient = make_patient(engine)
    assert patient.id is not None
    with transaction(engine) as db:
        assert outcomes.course(db, patient.id) == Course(patient.id, None, ())
        assert outcomes.course(db, 2**70) == Course(2**70, None, ())


@pytest.mark.parametrize("patients", [2, 6])
def test_the_clinics_courses_take_the_same_few_queries_for_any_number_of_patients(
    any_engine: Engine, patients: int
) -> None:
    doctor = make_clinician(any_engine)
    made = [make_patient(any_engine) for _ in range(patients)]
    for n, patient in enumerate(made):
        if n % 2 == 0:
            make_assessment(any_engine, patient, doctor)
        for k in range(n % 3):
            make_signed_session(
                any_engine, patient, doctor, visit(FIRST + timedelta(days=90 * k), 20 - k, 10)
            )
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    with transaction(any_engine) as db:
        expected = [outcomes.course(db, p.id or 0) for p in made]
        sa.event.listen(any_engine, "before_cursor_execute", count)
        try:
            found = outcomes.clinic_courses(db)
        finally:
            sa.event.remove(any_engine, "before_cursor_execute", count)
    assert found == expected
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 3
    assert [len(c.cycles) for c in found] == [n % 3 for n in range(patients)]


def test_a_review_after_the_first_treatment_does_not_replace_the_baseline(engine: Engine) -> None:
    """A review records a treated patient's figures: the outcomes are still compared with the
    assessment before the first treatment (a correction of that one counts)."""
    doctor = make_clinician(engine)
    patient = make_patient(engine)
    assert patient.id is not None
    before = an_assessment(baseline_start=date(2025, 12, 1), baseline_end=date(2025, 12, 30))
    make_assessment(engine, patient, doctor, before)  # 22 a month
    make_signed_session(engine, patient, doctor, visit(FIRST, 18, 11))
    review = an_assessment(
        baseline_start=date(2026, 2, 1),
        baseline_end=date(2026, 2, 28),
        headache_days_per_month=Decimal(9),
        migraine_days_per_month=Decimal(5),
    )
    make_assessment(engine, patient, doctor, review)
    with transaction(engine) as db:
        assert outcomes.course(db, patient.id).baseline.headache_days == 22  # type: ignore[union-attr]
        (clinic,) = outcomes.clinic_courses(db)
    assert clinic.baseline is not None and clinic.baseline.headache_days == 22

    corrected = an_assessment(
        baseline_start=date(2025, 12, 1),
        baseline_end=date(2025, 12, 30),
        headache_days_per_month=Decimal(24),
    )
    make_assessment(engine, patient, doctor, corrected)
    with transaction(engine) as db:
        assert outcomes.course(db, patient.id).baseline.headache_days == 24  # type: ignore[union-attr]
