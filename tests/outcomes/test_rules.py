"""The continuation verdict on hand-built courses: every verdict and its boundaries.

The rules are docs/clinical-reference.md §8 (NICE TA260: at least 30% fewer headache days per 28
days at the visit of cycle 3, episodic below 15 a month for 3 consecutive months). Pure Python: no
database, no Qt.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from botox_chart import outcomes
from botox_chart.outcomes import RuleProfile, change_at, episodic_verdict, per_28, verdict
from tests.helpers.courses import FIRST_VISIT, INTERVAL, baseline, course, judged_at_3, visit


@pytest.fixture(scope="module")
def nice() -> RuleProfile:
    return outcomes.load_profile(outcomes.DEFAULT_PROFILE)


@pytest.fixture(scope="module")
def payer() -> RuleProfile:
    return outcomes.load_profile("payer-50")


# --- per 28 days --------------------------------------------------------------------------------


def test_figures_are_put_per_28_days_and_rounded_to_a_tenth() -> None:
    assert per_28(14, 28) == Decimal("14.0")
    assert per_28(15, 30) == Decimal("14.0")
    assert per_28(20, 30) == Decimal("18.7")  # 18.666...
    assert per_28(Decimal("22.5"), 28) == Decimal("22.5")
    assert per_28(None, 30) is None
    assert per_28(10, None) is None
    assert per_28(10, 0) is None


def test_a_change_is_rounded_toward_zero_so_it_never_shows_a_threshold_it_missed() -> None:
    twenty = baseline(20, window_days=28)
    assert outcomes.change_from(twenty, 14, 28) == Decimal("-30.0")
    assert outcomes.change_from(twenty, 1401, 2800) == Decimal("-29.9")  # 14.01 per 28: −29.95
    assert outcomes.change_from(twenty, 23, 28) == Decimal("15.0")
    assert outcomes.change_from(baseline(0), 5, 28) is None
    assert outcomes.change_from(None, 5, 28) is None
    assert outcomes.change_from(twenty, None, 28) is None


# --- the response rule --------------------------------------------------------------------------


def test_the_issue_example_is_below_the_threshold(nice: RuleProfile) -> None:
    found = verdict(judged_at_3(18, base=baseline(22)), nice)

    assert found.code == "stop-not-responding"
    assert found.reason == (
        "Headache days 22 → 18 per 28 days (−18.1%) after 2 cycles: below the 30% response "
        "threshold"
    )
    assert (found.baseline_per_28, found.judged_per_28) == (Decimal("22.0"), Decimal("18.0"))
    assert found.change_percent == Decimal("-18.1")
    assert found.profile == "nice-ta260"


def test_exactly_30_percent_fewer_is_a_response(nice: RuleProfile) -> None:
    found = verdict(judged_at_3(14), nice)

    assert found.code == "continue"
    assert found.change_percent == Decimal("-30.0")
    assert found.reason == (
        "Headache days 20 → 14 per 28 days (−30%) after 2 cycles: meets the 30% response threshold"
    )


def test_exactly_30_percent_fewer_in_30_day_windows_is_a_response(nice: RuleProfile) -> None:
    """20 and 14 days in 30 are 18.7 and 13.1 per 28 once rounded, 29.9% apart: the rule must use
    the exact rates."""
    found = verdict(judged_at_3(14, 30, base=baseline(20, 30)), nice)

    assert found.code == "continue"
    assert found.change_percent == Decimal("-30.0")


@pytest.mark.parametrize(
    ("base_days", "base_window", "days", "window"),
    [(11, 30, 19, 74), (17, 28, 20, 47)],  # 29.98% and 29.91% fewer
    ids=["29.98%", "29.91%"],
)
def test_just_under_30_percent_is_not_a_response(
    nice: RuleProfile, base_days: int, base_window: int, days: int, window: int
) -> None:
    found = verdict(judged_at_3(days, window, base=baseline(base_days, base_window)), nice)

    assert found.code == "stop-not-responding"
    assert found.change_percent == Decimal("-29.9")
    assert "(−29.9%)" in found.reason
    assert "below the 30% response threshold" in found.reason


def test_a_30_day_window_against_a_28_day_baseline_is_scaled_not_compared_raw(
    nice: RuleProfile,
) -> None:
    """15 days in 30 is 14 per 28: 30% fewer than 20 in 28, although 15 is only 25% below 20."""
    in_30 = verdict(judged_at_3(15, 30, base=baseline(20, 28)), nice)
    in_28 = verdict(judged_at_3(15, 28, base=baseline(20, 28)), nice)

    assert (in_30.code, in_30.judged_per_28) == ("continue", Decimal("14.0"))
    assert (in_28.code, in_28.judged_per_28) == ("stop-not-responding", Decimal("15.0"))


def test_a_30_day_baseline_against_a_28_day_visit_is_scaled_not_compared_raw(
    nice: RuleProfile,
) -> None:
    """20 in 30 is 18.7 per 28, and 14 in 28 only 25% below it, though 14 is 30% below 20."""
    found = verdict(judged_at_3(14, 28, base=baseline(20, 30)), nice)

    assert found.code == "stop-not-responding"
    assert found.change_percent == Decimal("-25.0")
    assert "18.7 → 14 per 28 days (−25%)" in found.reason


def test_no_figure_at_the_visit_of_cycle_3_is_insufficient_data(nice: RuleProfile) -> None:
    """A good figure at cycle 4 does not stand in for the missing one the rule is stated for."""
    missing = course(baseline(), visit(1, 20), visit(2, 12), visit(3, None), visit(4, 5))

    found = verdict(missing, nice)

    assert found.code == "insufficient-data"
    assert "No headache days were recorded at the visit of cycle 3" in found.reason
    assert (FIRST_VISIT + 2 * INTERVAL).isoformat() in found.reason


def test_a_figure_without_its_window_is_insufficient_data(nice: RuleProfile) -> None:
    found = verdict(judged_at_3(10, None), nice)

    assert found.code == "insufficient-data"
    assert "no counting window" in found.reason


@pytest.mark.parametrize("cycles", [0, 1, 3, 5])
def test_no_baseline_is_insufficient_data_at_every_cycle(nice: RuleProfile, cycles: int) -> None:
    found = verdict(course(None, *(visit(n, 5) for n in range(1, cycles + 1))), nice)

    assert found.code == "insufficient-data"
    assert found.reason.startswith("No baseline headache days are recorded")
    assert found.baseline_per_28 is None


def test_a_baseline_of_no_headache_days_is_insufficient_data(nice: RuleProfile) -> None:
    found = verdict(judged_at_3(0, base=baseline(0)), nice)

    assert found.code == "insufficient-data"
    assert "no reduction can be computed" in found.reason


@pytest.mark.parametrize("given", [0, 1, 2])
def test_before_the_visit_of_cycle_3_treatment_continues(nice: RuleProfile, given: int) -> None:
    """Even a figure worse than baseline at cycle 2 does not stop it: too early to judge."""
    early = course(baseline(), *(visit(n, 25) for n in range(1, given + 1)))

    found = verdict(early, nice)

    assert found.code == "continue"
    assert found.reason.startswith("Too early to judge: the response is judged at the visit of ")
    assert f"and {given} cycle" in found.reason


def test_a_responder_is_not_judged_again_at_later_visits(nice: RuleProfile) -> None:
    later = course(baseline(), visit(1, 20), visit(2, 16), visit(3, 12), visit(4, 19))

    found = verdict(later, nice)

    assert found.code == "continue"
    assert found.judged_per_28 == Decimal("12.0")


def test_the_payer_profile_asks_for_half_the_headache_days(
    nice: RuleProfile, payer: RuleProfile
) -> None:
    forty_percent = judged_at_3(12)

    assert verdict(forty_percent, nice).code == "continue"
    under_payer = verdict(forty_percent, payer)
    assert under_payer.code == "stop-not-responding"
    assert under_payer.profile == "payer-50"
    assert under_payer.reason.endswith("below the 50% response threshold")
    assert verdict(judged_at_3(10), payer).code == "continue"


# --- the episodic rule --------------------------------------------------------------------------


def since_last_visit(cycle: int, headache_days: int) -> outcomes.CycleOutcome:
    """A figure counted from a diary over the 84 days since the previous visit."""
    return visit(cycle, headache_days, 84)


def test_three_months_below_15_shown_by_the_records_stops_as_episodic(nice: RuleProfile) -> None:
    """Two 84-day windows end to end below 15 a month: 168 days, more than 3 months of 30."""
    episodic = course(
        baseline(),
        visit(1, 20),
        visit(2, 12),
        since_last_visit(3, 28),  # 10 a month
        since_last_visit(4, 33),  # 11.8 a month
    )

    found = verdict(episodic, nice)

    assert found.code == "stop-episodic"
    start = FIRST_VISIT + INTERVAL + timedelta(days=1)
    end = FIRST_VISIT + 3 * INTERVAL
    assert found.reason == (
        f"Fewer than 15 headache days a month for 3 consecutive months in the records from "
        f"{start.isoformat()} to {end.isoformat()} (168 days): the migraine has become episodic"
    )


def test_episodic_takes_precedence_over_the_response_and_needs_no_baseline(
    nice: RuleProfile,
) -> None:
    """16 → 12 days a month is only 25% fewer, but 3 months below 15 is episodic all the same."""
    partial = [visit(1, 16, 30), visit(2, 14, 30), visit(3, 36, 90)]

    assert verdict(course(baseline(16, 30), *partial), nice).code == "stop-episodic"
    assert verdict(course(None, *partial), nice).code == "stop-episodic"


@pytest.mark.parametrize(("window", "code"), [(89, "insufficient-data"), (90, "stop-episodic")])
def test_the_episodic_rule_needs_90_days_of_records(
    nice: RuleProfile, window: int, code: str
) -> None:
    found = episodic_verdict(course(baseline(), visit(1, None), visit(2, 10, window)), nice)

    assert found is not None
    assert found.code == code


def test_last_30_days_at_visits_12_weeks_apart_cannot_show_3_months(nice: RuleProfile) -> None:
    """The gaps between the windows leave the months unrecorded: the episodic rule cannot be
    judged, so the verdict is the response rule's, and its reason says what is missing."""
    monthly = course(
        baseline(), visit(1, 20, 30), visit(2, 8, 30), visit(3, 7, 30), visit(4, 6, 30)
    )

    episodic = episodic_verdict(monthly, nice)
    found = verdict(monthly, nice)

    assert episodic is not None and episodic.code == "insufficient-data"
    assert "(30 days), not the 90 days of 3 consecutive months" in episodic.reason
    assert found.code == "continue"
    assert found.reason.startswith("Headache days 20 → 6.5 per 28 days (−67.3%) after 2 cycles")
    assert "; the records show fewer than 15 headache days a month only from" in found.reason


def test_windows_that_meet_through_their_end_dates_cover_the_months(nice: RuleProfile) -> None:
    """Two 45-day windows: apart when each ends at its visit, end to end when the earlier one is
    said to end the day before the later one begins."""
    third = FIRST_VISIT + 2 * INTERVAL
    apart = course(baseline(), visit(1, 20), visit(2, 10, 45), visit(3, 10, 45))
    joined = course(
        baseline(),
        visit(1, 20),
        visit(2, 10, 45, window_end=third - timedelta(days=45)),
        visit(3, 10, 45),
    )

    assert verdict(apart, nice).code == "continue"
    assert verdict(joined, nice).code == "stop-episodic"


def test_the_figure_before_any_treatment_does_not_count_towards_episodic(
    nice: RuleProfile,
) -> None:
    """The visit of cycle 1 counts days before treatment began: 60 days below 15 there, joined to
    60 more after it, is not "has changed to episodic" for 3 months."""
    second = FIRST_VISIT + INTERVAL
    early = course(
        baseline(),
        visit(1, 20, 60, window_end=second - timedelta(days=60)),  # before any treatment
        visit(2, 20, 60),  # 10 a month over the 60 days to the second visit
    )

    found = episodic_verdict(early, nice)

    assert found is not None
    assert found.code == "insufficient-data"


def test_15_days_a_month_is_not_episodic(nice: RuleProfile) -> None:
    found = episodic_verdict(course(baseline(), visit(1, 20), visit(2, 45, 90)), nice)

    assert found is not None
    assert found.code == "continue"
    assert "not fewer than 15 a month" in found.reason


def test_a_month_not_below_15_within_the_three_breaks_the_run(nice: RuleProfile) -> None:
    broken = course(
        baseline(),
        visit(1, 20),
        visit(2, 16, 30, window_end=FIRST_VISIT + 2 * INTERVAL - timedelta(days=60)),
        visit(3, 20, 60),  # 10 a month for 60 days, the month before at 16
    )

    found = episodic_verdict(broken, nice)

    assert found is not None
    assert found.code == "continue"
    assert "not episodic for 3 consecutive months" in found.reason


def test_a_profile_without_an_episodic_rule_judges_the_response_only(payer: RuleProfile) -> None:
    episodic = course(baseline(16, 30), visit(1, 16, 30), visit(2, 14, 30), visit(3, 36, 90))

    assert episodic_verdict(episodic, payer) is None
    assert verdict(episodic, payer).code == "stop-not-responding"


# --- properties ---------------------------------------------------------------------------------

days_in_window = st.integers(min_value=1, max_value=120).flatmap(
    lambda window: st.tuples(st.integers(min_value=0, max_value=window), st.just(window))
)


@given(days_in_window, days_in_window, st.integers(min_value=2, max_value=4))
def test_the_same_rate_over_a_longer_window_gives_the_same_change(
    base: tuple[int, int], at_3: tuple[int, int], factor: int
) -> None:
    (base_days, base_window), (days, window) = base, at_3
    short = change_at(baseline(base_days, base_window), visit(3, days, window))
    scaled = change_at(baseline(base_days, base_window), visit(3, days * factor, window * factor))

    assert short == scaled


@given(days_in_window, days_in_window)
def test_the_response_verdict_is_the_exact_reduction_against_the_threshold(
    base: tuple[int, int], at_3: tuple[int, int]
) -> None:
    nice = outcomes.load_profile()
    (base_days, base_window), (days, window) = base, at_3
    # cycle 3 only, so no run of windows can show the episodic rule
    found = verdict(course(baseline(base_days, base_window), visit(3, days, window)), nice)

    if days * 30 < 15 * window and window >= 90:
        expected = "stop-episodic"
    elif base_days == 0:
        expected = "insufficient-data"
    else:
        reduction = (1 - Fraction(days * base_window, window * base_days)) * 100
        expected = "continue" if reduction >= 30 else "stop-not-responding"
    assert found.code == expected
    assert found.reason and "\n" not in found.reason


def test_the_trend_draws_each_visit_per_28_days_and_the_response_line() -> None:
    drawn = outcomes.trend(
        course(baseline(20, window_days=30), visit(1, 18, 30), visit(2, None), visit(3, 14, 30)),
        outcomes.load_profile(outcomes.DEFAULT_PROFILE),
    )

    assert drawn.baseline_headache_per_28 == Decimal("18.7")  # 20 in 30 days
    assert drawn.threshold_per_28 == Decimal("13.1")  # 30% fewer
    assert [p.headache_per_28 for p in drawn.points] == [Decimal("16.8"), None, Decimal("13.1")]
    assert drawn.points[2].change_percent == Decimal("-30.0")
    assert drawn.points[1].change_percent is None  # a gap, not a zero
    assert drawn.highest() == Decimal("18.7")
