"""Eligibility assessments (issue 12, item 1): recorded by those who chart, validated, append-only
in the database itself, and vouched for by the audit chain."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from botox_chart.store import audit, chain, cipher, eligibility, transaction
from botox_chart.store.models import PreventiveTreatment, Role
from botox_chart.store.verify import verify
from tests.helpers.attacks import raw as attacker
from tests.helpers.factories import (
    an_assessment,
    make_assessment,
    make_clinician,
    make_patient,
    three_preventives,
)


def test_an_assessment_is_stored_with_its_treatments_and_a_review_adds_another(
    any_engine: Engine,
) -> None:
    doctor = make_clinician(any_engine)
    patient = make_patient(any_engine)
    first = make_assessment(any_engine, patient, doctor)
    review = make_assessment(
        any_engine,
        patient,
        doctor,
        an_assessment(headache_days_per_month=Decimal("16.5"), migraine_days_per_month=None),
        [PreventiveTreatment(name="Erenumab", drug_class="CGRP antibody", dose="70 mg monthly")],
    )
    assert patient.id is not None
    with transaction(any_engine) as db:
        latest = eligibility.latest(db, patient.id)
        history = eligibility.history(db, patient.id)
        assert eligibility.latest(db, make_patient(any_engine).id or 0) is None
    assert latest is not None and latest.assessment.id == review.assessment.id
    assert (
        latest.assessment.headache_days_per_month,
        latest.assessment.migraine_days_per_month,
    ) == (
        Decimal("16.5"),
        None,
    )
    assert [t.name for t in latest.treatments] == ["Erenumab"]
    assert [e.assessment.id for e in history] == [first.assessment.id, review.assessment.id]
    stored = history[0]
    assert [(t.position, t.name, t.drug_class) for t in stored.treatments] == [
        (0, "Amitriptyline", "antidepressant"),
        (1, "Topiramate", "anticonvulsant"),
        (2, "Propranolol", "beta-blocker/antihypertensive"),
    ]
    a = stored.assessment
    assert (a.patient_id, a.assessed_by, a.baseline_end, a.hours_per_day) == (
        patient.id,
        doctor.id,
        date(2025, 9, 30),
        Decimal("6.5"),
    )
    assert (a.medication_overuse_addressed, a.referral_on_file, a.months_chronic) == (
        True,
        True,
        18,
    )


def test_staff_cannot_record_an_assessment(engine: Engine) -> None:
    patient = make_patient(engine)
    clerk = make_clinician(engine, "Jo Park", Role.STAFF)
    with pytest.raises(eligibility.EligibilityError, match="Only an injector or a physician"):
        make_assessment(engine, patient, clerk)
    with transaction(engine) as db:
        assert eligibility.history(db, patient.id or 0) == []


REFUSED = {
    "no such patient": ({}, None, "There is no patient"),
    "baseline ends before it starts": (
        {"baseline_start": date(2026, 10, 1)},
        None,
        "ends before it starts",
    ),
    "baseline in the future": (
        {"baseline_end": date.today() + timedelta(days=1)},
        None,
        "ends in the future",
    ),
    "baseline in 1850": ({"baseline_start": date(1850, 1, 1)}, None, "start of the baseline"),
    "31 headache days a month": (
        {"headache_days_per_month": Decimal(31)},
        None,
        "headache days per month must be from 0 to 30",
    ),
    "no headache days": ({"headache_days_per_month": None}, None, "headache days .* missing"),
    "hundredths of a day": (
        {"headache_days_per_month": Decimal("20.25")},
        None,
        "to a tenth at most",
    ),
    "more migraine than headache days": (
        {"migraine_days_per_month": Decimal(23)},
        None,
        "more migraine days",
    ),
    "25 hours a day": ({"hours_per_day": Decimal(25)}, None, "hours per day must be from 0 to 24"),
    "negative months": ({"months_chronic": -1}, None, "months with chronic migraine"),
    "a bidi override in the notes": ({"notes": "ok \u202e"}, None, "text-direction .* notes"),
    "an unknown drug class": (
        {},
        [PreventiveTreatment(name="Candesartan", drug_class="ARB")],
        "class of preventive treatment 1 \\(Candesartan\\) must be one of",
    ),
    "a treatment without a name": (
        {},
        [PreventiveTreatment(name="  ", drug_class="other")],
        "Preventive treatment 1 has no name",
    ),
    "a dose too long": (
        {},
        [PreventiveTreatment(name="Topiramate", drug_class="anticonvulsant", dose="x" * 121)],
        "dose of preventive treatment 1 .* too long",
    ),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_an_assessment_out_of_bounds_is_refused_in_words(engine: Engine, case: str) -> None:
    fields, treatments, message = REFUSED[case]
    doctor = make_clinician(engine)
    patient = make_patient(engine)
    patient_id = 999 if case == "no such patient" else patient.id
    assert patient_id is not None
    with transaction(engine) as db, pytest.raises(eligibility.EligibilityError, match=message):
        eligibility.record(
            db,
            patient_id=patient_id,
            assessment=an_assessment(**fields),
            treatments=three_preventives() if treatments is None else treatments,
            clinician_id=doctor.id,
        )
    with transaction(engine) as db:
        assert eligibility.history(db, patient.id or 0) == []


RAW_EDITS = [
    "UPDATE eligibility_assessment SET headache_days_per_month = 300",
    "UPDATE eligibility_assessment SET patient_id = patient_id",
    "DELETE FROM eligibility_assessment",
    "UPDATE preventive_treatment SET drug_class = 'other'",
    "DELETE FROM preventive_treatment",
]


@pytest.mark.parametrize("statement", RAW_EDITS)
def test_raw_sql_cannot_change_or_delete_an_assessment(any_engine: Engine, statement: str) -> None:
    make_assessment(any_engine, make_patient(any_engine), make_clinician(any_engine))
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        with any_engine.begin() as conn:
            conn.execute(sa.text(statement))
    assert verify(any_engine).ok


def test_the_file_refuses_an_attacker_too(engine: Engine) -> None:
    make_assessment(engine, make_patient(engine), make_clinician(engine))
    with attacker(engine) as conn:
        for statement in RAW_EDITS:
            with pytest.raises(cipher.DatabaseError, match="append-only"):
                conn.execute(statement)
    conn.close()


def test_the_audit_chain_carries_the_assessments_digest(engine: Engine) -> None:
    doctor = make_clinician(engine)
    patient = make_patient(engine)
    stored = make_assessment(engine, patient, doctor)
    with transaction(engine) as db:
        (event,) = [e for e in audit.events(db, patient_id=patient.id) if e.action == "eligibility"]
    assert event.clinician_id == doctor.id
    assert event.changes == {
        "assessment_id": stored.assessment.id,
        "eligibility_digest": chain.eligibility_digest(
            stored.assessment.model_dump(), [t.model_dump() for t in stored.treatments]
        ),
    }


TAMPERING = {
    "a baseline rewritten": (
        "DROP TRIGGER eligibility_assessment_no_update; "
        "UPDATE eligibility_assessment SET headache_days_per_month = 300;",
        ["eligibility_changed"],
    ),
    "a preventive treatment rewritten": (
        "DROP TRIGGER preventive_treatment_no_update; "
        "UPDATE preventive_treatment SET why_stopped = 'not tried' WHERE position = 1;",
        ["eligibility_changed"],
    ),
    "a preventive treatment removed": (
        "DROP TRIGGER preventive_treatment_no_delete; DELETE FROM preventive_treatment "
        "WHERE position = 2;",
        ["eligibility_changed"],
    ),
    "an assessment deleted": (
        "DROP TRIGGER preventive_treatment_no_delete; "
        "DROP TRIGGER eligibility_assessment_no_delete; "
        "DELETE FROM preventive_treatment; DELETE FROM eligibility_assessment;",
        ["eligibility_deleted"],
    ),
    "an assessment added outside the app": (
        "INSERT INTO eligibility_assessment (patient_id, assessed_at, assessed_by, baseline_start, "
        "baseline_end, headache_days_per_month, notes) SELECT patient_id, assessed_at, "
        "assessed_by, baseline_start, baseline_end, 250, '' FROM eligibility_assessment;",
        ["eligibility_unlinked"],
    ),
}


@pytest.mark.parametrize("case", TAMPERING, ids=list(TAMPERING))
def test_verify_finds_an_assessment_changed_outside_the_app(engine: Engine, case: str) -> None:
    script, kinds = TAMPERING[case]
    make_assessment(engine, make_patient(engine), make_clinician(engine))
    assert verify(engine).ok
    with attacker(engine) as conn:
        conn.executescript(script)
    conn.close()
    assert [p.kind for p in verify(engine).problems] == kinds
