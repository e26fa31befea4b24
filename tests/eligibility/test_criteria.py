"""NICE TA260's eligibility criteria on hand-built assessments: each met or missing, with what the
assessment says, at and just below every threshold. docs/clinical-reference.md §7."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from botox_chart.eligibility import Assessment, Preventive, eligibility_criteria

TRIED = Preventive("Topiramate", "anticonvulsant", "50 mg", "3 months", "no benefit")


def assessment(**changes: object) -> Assessment:
    """Meets every criterion unless changed: 15 headache days, 8 migraine days, 3 preventives."""
    eligible = Assessment(
        baseline_start=date(2025, 1, 1),
        baseline_end=date(2025, 3, 31),
        headache_days_per_month=Decimal(15),
        migraine_days_per_month=Decimal(8),
        months_with_chronic_migraine=6,
        hours_per_day=Decimal(4),
        preventives=(TRIED, replace(TRIED, name="Propranolol"), replace(TRIED, name="Flunarizine")),
        medication_overuse_addressed=True,
        referral_on_file=True,
    )
    return replace(eligible, **changes)  # type: ignore[arg-type]


def verdicts(found: Assessment) -> list[tuple[bool, str]]:
    return [(c.met, c.detail) for c in eligibility_criteria(found)]


def test_at_every_threshold_each_criterion_is_met() -> None:
    assert verdicts(assessment()) == [
        (True, "15 days"),
        (True, "8 days"),
        (True, "3 tried"),
        (True, "addressed"),
    ]


@pytest.mark.parametrize(
    ("changes", "index", "detail"),
    [
        ({"headache_days_per_month": Decimal("14.9")}, 0, "14.9 days"),
        ({"migraine_days_per_month": Decimal(7)}, 1, "7 days"),
        ({"preventives": (TRIED, replace(TRIED, name="Propranolol"))}, 2, "2 tried"),
        ({"medication_overuse_addressed": False}, 3, "not addressed"),
    ],
)
def test_just_below_a_threshold_that_criterion_is_missing(
    changes: dict[str, object], index: int, detail: str
) -> None:
    found = verdicts(assessment(**changes))

    assert found[index] == (False, detail)
    assert all(met for n, (met, _) in enumerate(found) if n != index)


def test_a_figure_not_recorded_is_missing_not_met() -> None:
    found = verdicts(
        assessment(
            headache_days_per_month=None,
            migraine_days_per_month=None,
            medication_overuse_addressed=None,
        )
    )

    assert found[0] == (False, "not recorded")
    assert found[1] == (False, "not recorded")
    assert found[3] == (False, "not recorded")


def test_the_same_medicine_listed_twice_counts_once() -> None:
    twice = Preventive("topiramate", "anticonvulsant", "100 mg", "2 months", "no benefit")
    found = assessment(preventives=(TRIED, twice, TRIED))

    (failed,) = [c for c in eligibility_criteria(found) if "preventive" in c.title]

    assert not failed.met and failed.detail == "1 tried"
