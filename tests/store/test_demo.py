"""Demo schedules as a clinic has them on a given day: patients due this week, overdue, referred
and not yet treated, and recently treated; only signed sessions in the past, 12 weeks or more
apart (store.demo)."""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from botox_chart import outcomes as rules
from botox_chart.chart import RETREATMENT_DAYS
from botox_chart.store import demo, open_database, outcomes, transaction
from botox_chart.store.models import Clinician, Patient, TreatmentSession
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


def test_demo_courses_show_every_kind_of_outcome_and_repeat_under_a_seed(
    tmp_path: Path, engine: Engine
) -> None:
    demo.generate(engine, patients=60, seed=3, today=TODAY)
    with transaction(engine) as db:
        courses = outcomes.clinic_courses(db)
    # Judged as the window judges them: every verdict a clinic meets is in the demo.
    for name in ("nice-ta260", "payer-50"):
        profile = rules.load_profile(name)
        verdicts = Counter(rules.verdict(c, profile).code for c in courses)
        for code in ("continue", "stop-not-responding", "insufficient-data"):
            assert verdicts[code] >= 1, (name, verdicts)
    nice = rules.load_profile("nice-ta260")
    assert any(rules.verdict(c, nice).code == "stop-episodic" for c in courses)
    missing = [c for c in courses if len(c.cycles) >= 3 and c.cycles[2].headache_days is None]
    assert missing, "no course with a figure missing at the judging visit"
    treated = [c for c in courses if c.cycles]
    assert all(c.baseline is not None for c in treated)
    assert all(c.baseline.date < c.cycles[0].date for c in treated if c.baseline)
    windows = {c.window_days for course in treated for c in course.cycles}
    assert {28, 30} < windows  # 28-day diaries, 30-day recall, diaries since the last visit
    assert verify(engine).ok

    again = open_database(f"sqlite:///{tmp_path / 'again.sqlite3'}")
    demo.generate(again, patients=60, seed=3, today=TODAY)
    with transaction(again) as db:
        assert outcomes.clinic_courses(db) == courses
    again.dispose()


def test_the_demo_clinic_accepts_the_demo_gtin_only_when_no_gtin_is_set(engine: Engine) -> None:
    """A scan can be tried on demo data; a clinic's own product GTINs are never replaced."""
    from botox_chart.store import settings

    demo.generate(engine, patients=2, seed=7, today=TODAY)
    with transaction(engine) as db:
        assert settings.accepted_gtins(settings.load(db).product_gtins) == (demo.DEMO_PRODUCT_GTIN,)
        admin = db.exec(select(Clinician).where(Clinician.is_admin)).first()
        assert admin is not None
        own = dataclasses.replace(settings.load(db), product_gtins="10300231234562")
        settings.save(db, settings=own, clinician_id=admin.id)
    demo.generate(engine, patients=2, seed=8, today=TODAY)
    with transaction(engine) as db:
        assert settings.load(db).product_gtins == "10300231234562"
