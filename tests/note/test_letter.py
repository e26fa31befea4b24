"""The continuation letter, rendered from plain values and read back as text: one page that names
the diagnosis, the criteria met and missing, every cycle and the verdict with its reason.
docs/clinical-reference.md §7 and docs/clinical-reference.md §8."""

from __future__ import annotations

from botox_chart import outcomes
from botox_chart.note import render
from tests.helpers.courses import baseline, course, visit
from tests.note.outcome_samples import TWELVE, assessment, letter, twelve_cycles
from tests.note.samples import page_texts


def read(pdf: bytes) -> tuple[int, str]:
    pages = page_texts(pdf)
    return len(pages), " ".join(" ".join(pages).split())


def test_a_twelve_cycle_letter_fits_one_page_and_names_every_cycle_and_the_verdict() -> None:
    data = letter(eligibility=assessment(preventives_tried=5))
    assert data.verdict.code == outcomes.CONTINUE

    pages, text = read(render.render_letter(data))

    assert pages == 1
    for element in (
        "Continuation of treatment",
        "Lakeshore Headache Clinic",
        "Øvergård, Zoë",
        "1980-05-17",
        "LH-004211",
        "Date 2027-11-15",
        "Ontario Blue Cross, prior authorization",
        "ICD-10 G43.719",
        "Chronic migraine without aura, intractable",
        "2024-12-09 to 2025-01-06",  # the baseline period
        "Erenumab",
        "CGRP antibody",
        "Continue treatment (continue)",
        data.verdict.reason,
        "VERDICT UNDER NICE TA260 (ENGLAND AND WALES)",
        "Dr Ana Silva, MD FRCPC",
        "Signature of the prescriber",
    ):
        assert element in text, element
    for cycle in twelve_cycles().cycles:
        assert f"{cycle.cycle} {cycle.date.isoformat()} 155 U" in text
    # the outcome per cycle: per 28 days and the change; cycle 5 has no figure
    assert "14 in 28 days 7 14 (−30%)" in text
    assert f"{TWELVE[-1]} (−60%)" in text
    assert "5 2025-12-08 155 U — — —" in text


def test_the_letter_says_which_nice_criteria_are_met_and_which_are_missing() -> None:
    data = letter(eligibility=assessment(preventives_tried=2, migraine_days=None))

    _, text = read(render.render_letter(data))

    assert "At least 15 headache days a month (22 days) ✓ Met" in text
    assert "At least 8 migraine days a month (not recorded) ✗ Missing" in text
    assert "At least 3 preventive medicines failed (2 tried) ✗ Missing" in text
    assert "Medication overuse managed (addressed) ✓ Met" in text


def test_the_letter_gives_the_verdict_of_the_chosen_profile() -> None:
    # 40% fewer at the visit of cycle 3: a response under NICE, not under the payer's 50%
    responding = course(baseline(20), visit(1, 20), visit(2, 14), visit(3, 12))
    nice = read(render.render_letter(letter(responding)))[1]
    payer = read(render.render_letter(letter(responding, profile="payer-50")))[1]

    assert "Continue treatment (continue)" in nice
    assert "Stop: not responding (stop-not-responding)" in payer
    assert "below the 50% response threshold" in payer
    assert "Payer example: 50% reduction".upper() in payer


def test_a_letter_with_no_eligibility_assessment_or_baseline_says_so() -> None:
    data = letter(course(None, visit(1, 20)))

    pages, text = read(render.render_letter(data))

    assert pages == 1
    assert "No eligibility assessment is recorded." in text
    assert "no baseline headache days are recorded" in text
    assert "Cannot judge: insufficient data (insufficient-data)" in text
