"""Plain values for the outcome documents (the letter, the record's outcome column, the clinic
report): no database, as the layout code gets them from note.data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from botox_chart import outcomes
from botox_chart.eligibility import Assessment, Preventive
from botox_chart.note.data import LetterData
from botox_chart.outcomes import Course
from botox_chart.store.models import Patient
from botox_chart.store.settings import ClinicSettings
from tests.helpers.courses import FIRST_VISIT, baseline, course, visit

CLINIC = ClinicSettings(
    name="Lakeshore Headache Clinic",
    address="1200 Bay Street, Suite 410\nToronto ON M5R 2A5",
    phone="416-555-0142",
)
LETTER_DAY = date(2027, 11, 15)


def patient() -> Patient:
    return Patient(
        id=7,
        family_name="Øvergård",
        given_names="Zoë",
        date_of_birth=date(1980, 5, 17),
        chart_number="LH-004211",
        health_card="1234-567-890-AB",
        referring_physician="Dr Łukasz Żółć",
        referral_date=date(2024, 11, 10),
    )


TWELVE = (20, 16, 14, 13, None, 12, 11, 10, 10, 9, 9, 8)
"""Headache days in 28 days recorded at the visits of cycles 1 to 12 (none at cycle 5)."""


def twelve_cycles() -> Course:
    """Baseline 20 days in 28; 14 at the visit of cycle 3 (30% fewer: a response under NICE)."""
    return course(baseline(20), *(visit(n, days) for n, days in enumerate(TWELVE, start=1)))


def preventives(count: int) -> tuple[Preventive, ...]:
    tried = (
        Preventive("Amitriptyline", "antidepressant", "25 mg nightly", "4 months", "no benefit"),
        Preventive("Topiramate", "anticonvulsant", "50 mg twice daily", "3 months", "side effects"),
        Preventive(
            "Propranolol", "beta-blocker/antihypertensive", "80 mg daily", "3 months", "no benefit"
        ),
        Preventive(
            "Candesartan", "beta-blocker/antihypertensive", "16 mg daily", "3 months", "no benefit"
        ),
        Preventive("Erenumab", "CGRP antibody", "140 mg monthly", "6 months", "no benefit"),
    )
    return tried[:count]


def assessment(*, preventives_tried: int = 4, migraine_days: str | None = "12") -> Assessment:
    return Assessment(
        baseline_start=date(2024, 12, 9),
        baseline_end=FIRST_VISIT,
        headache_days_per_month=Decimal(22),
        migraine_days_per_month=None if migraine_days is None else Decimal(migraine_days),
        months_with_chronic_migraine=18,
        hours_per_day=Decimal(6),
        preventives=preventives(preventives_tried),
        medication_overuse_addressed=True,
        referral_on_file=True,
    )


def letter(
    the_course: Course | None = None,
    *,
    profile: str = outcomes.DEFAULT_PROFILE,
    eligibility: Assessment | None = None,
) -> LetterData:
    chosen = outcomes.load_profile(profile)
    the_course = the_course if the_course is not None else twelve_cycles()
    return LetterData(
        clinic=CLINIC,
        patient=patient(),
        written_on=LETTER_DAY,
        diagnosis_code="G43.719",
        eligibility=eligibility,
        course=the_course,
        profile=chosen,
        verdict=outcomes.verdict(the_course, chosen),
        prescriber="Dr Ana Silva, MD FRCPC",
        addressee="Ontario Blue Cross, prior authorization",
    )
