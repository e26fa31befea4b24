"""The procedure note and outcomes: the first treatment's note prints the eligibility (NICE TA260
criteria met or missing, the preventives tried); every note compares the visit's headache days
with the assessment's baseline per 28 days."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.engine import Engine

from botox_chart.store.models import Clinician, Patient
from tests.helpers.factories import make_assessment
from tests.note.samples import DAY, standard_chart
from tests.note.test_render import note_text, signed


def test_the_first_notes_prints_the_eligibility_and_the_next_does_not(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    make_assessment(engine, patient, injector)  # 22 a month, 14 migraine, 3 preventives
    first = standard_chart(DAY - timedelta(weeks=12))
    first.headache_days, first.outcome_window_days = 20, 30
    second = standard_chart(DAY)
    second.headache_days, second.outcome_window_days = 14, 28

    first_note = note_text(engine, signed(engine, patient, injector, first))
    later_note = note_text(engine, signed(engine, patient, injector, second))

    assert "Eligibility (first treatment)" in first_note
    assert "At least 15 headache days a month (22 days)" in first_note
    assert "Amitriptyline" in first_note and "Topiramate" in first_note
    assert "Eligibility (first treatment)" not in later_note
    # 14 in 28 days against 22 in 30 (20.5 per 28): 31.8% fewer, however the windows differ.
    assert "14 in the 28 days to" in later_note
    assert "14 per 28 days; baseline 20.5" in later_note and "−31.8%" in later_note


def test_a_first_note_without_an_assessment_says_so(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    text = note_text(engine, signed(engine, patient, injector, standard_chart()))
    assert "No eligibility assessment recorded" in text


def test_a_session_recorded_before_windows_were_stored_prints_its_figures(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    chart = standard_chart()
    chart.headache_days, chart.outcome_window_days = 18, None  # as sessions before migration 0008

    text = note_text(engine, signed(engine, patient, injector, chart))

    assert "18 in the 30 days to 2026-11-02" in text
