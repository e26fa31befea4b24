"""Demo schedules as a clinic has them on a given day: patients due this week, overdue, referred
and not yet treated, and recently treated; only signed sessions in the past, 12 weeks or more
apart (store.demo)."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from botox_chart.chart import RETREATMENT_DAYS
from botox_chart.outcomes import Course, CycleOutcome
from botox_chart.store import demo, open_database, outcomes, transaction
from botox_chart.store.models import Patient, TreatmentSession
from botox_chart.store.verify import verify

TODAY = date(2026, 11, 30)


def schedules(engine: Engine) -> tuple[dict[int, list[TreatmentSession]], list[int]]:
    """Each patient's sessions, oldest first, and the ids of patients with none."""
    with transaction(engine) as db:
        patients = list(db.exec(select(Patient.id)))
        rows = list(db.exec(select(TreatmentSession).order_by(TreatmentSession.date_of_service)))
    by_patient: dict[int, list[TreatmentSession]] = defaultdict(list)
    for row in rows:
        by_patient[row.patient_id].append(row)
    return by_patient, [p for p in patients if p is not None and p not in by_patient]


@pytest.mark.parametrize("patients", [4, 40])
def test_demo_patients_are_due_overdue_new_and_not_due(engine: Engine, patients: int) -> None:
    demo.generate(engine, patients=patients, seed=7, today=TODAY)
    by_patient, new = schedules(engine)
    since_last = [(TODAY - rows[-1].date_of_service).days for rows in by_patient.values()]

    assert any(RETREATMENT_DAYS <= days <= 90 for days in since_last), "nobody due this week"
    assert any(91 <= days <= 200 for days in since_last), "nobody overdue"
    assert new, "no referred patient waiting for a first session"
    assert any(days < 70 for days in since_last), "nobody treated recently"
    for rows in by_patient.values():
        assert all(row.status == "signed" for row in rows)
        assert all(row.date_of_service <= TODAY for row in rows)
        assert all(row.signed_at is not None and row.signed_at.date() <= TODAY for row in rows)
        days = [row.date_of_service for row in rows]
        gaps = [(later - earlier).days for earlier, later in itertools.pairwise(days)]
        assert all(gap >= 84 for gap in gaps), gaps  # never sooner than 12 weeks
    with transaction(engine) as db:
        for patient_id in new:  # referred before today, by their family physician
            patient = db.get(Patient, patient_id)
            assert patient is not None and patient.referral_date is not None
            assert patient.referral_date < TODAY and patient.referring_physician


def kind_of(course: Course) -> str | None:
    """What a course shows at its third visit (the outcome of two cycles), in days a month."""
    if course.baseline is None or len(course.cycles) < 3:
        return None
    third = course.cycles[2]
    if third.headache_days is None or third.window_days is None:
        return "missing"

    def month(cycle: CycleOutcome) -> float:
        assert cycle.headache_days is not None and cycle.window_days is not None
        return cycle.headache_days * 30 / cycle.window_days

    if all(c.headache_days is not None and month(c) < 15 for c in course.cycles[1:]):
        return "episodic"
    change = (month(third) - float(course.baseline.headache_days)) / float(
        course.baseline.headache_days
    )
    return "responder" if change <= -0.5 else "partial" if change <= -0.3 else "non_responder"


def test_demo_courses_show_every_kind_of_outcome_and_repeat_under_a_seed(
    tmp_path: Path, engine: Engine
) -> None:
    demo.generate(engine, patients=60, seed=3, today=TODAY)
    with transaction(engine) as db:
        courses = outcomes.clinic_courses(db)
    kinds = Counter(kind_of(c) for c in courses)
    for kind in ("responder", "partial", "non_responder", "episodic", "missing"):
        assert kinds[kind] >= 1, kinds
    treated = [c for c in courses if c.cycles]
    assert all(c.baseline is not None for c in treated)
    assert all(c.baseline.date < c.cycles[0].date for c in treated if c.baseline)
    windows = {c.window_days for course in treated for c in course.cycles}
    assert windows == {28, 30}
    assert verify(engine).ok

    again = open_database(f"sqlite:///{tmp_path / 'again.sqlite3'}")
    demo.generate(again, patients=60, seed=3, today=TODAY)
    with transaction(again) as db:
        assert outcomes.clinic_courses(db) == courses
    again.dispose()
