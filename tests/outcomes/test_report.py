"""The clinic outcomes report on a hand-built clinic: the shares with 30%, 50% and 75% fewer
headache days per 28 days after the 2nd treatment (the visit of cycle 3) and after the 3rd (the
visit of cycle 4), and who is left out for missing data. docs/clinical-reference.md §8.
"""

from __future__ import annotations

from decimal import Decimal

from botox_chart import outcomes
from botox_chart.outcomes import Milestone
from tests.helpers.courses import baseline, course, visit


def shares(milestone: Milestone) -> list[tuple[int, int, Decimal | None]]:
    return [(r.threshold_percent, r.patients, r.percent) for r in milestone.responders]


def clinic() -> list[outcomes.Course]:
    """Nine patients, baseline 20 headache days in 28 unless said."""
    return [
        # 30% fewer after 2 treatments, 50% after 3
        course(baseline(), visit(1, 20), visit(2, 16), visit(3, 14), visit(4, 10), patient_id=1),
        # 50%, then 75%
        course(baseline(), visit(1, 20), visit(2, 14), visit(3, 10), visit(4, 5), patient_id=2),
        # 75%, then 80%
        course(baseline(), visit(1, 20), visit(2, 9), visit(3, 5), visit(4, 4), patient_id=3),
        # 25% both times: not a responder
        course(baseline(), visit(1, 20), visit(2, 17), visit(3, 15), visit(4, 15), patient_id=4),
        # exactly 30% in 30-day windows; no 4th visit yet
        course(
            baseline(20, 30), visit(1, 20, 30), visit(2, 16, 30), visit(3, 14, 30), patient_id=5
        ),
        # no baseline
        course(None, visit(1, 20), visit(2, 10), visit(3, 5), visit(4, 5), patient_id=6),
        # only 2 treatments so far
        course(baseline(), visit(1, 20), visit(2, 10), patient_id=7),
        # no figure at the visit of cycle 3, 50% fewer at cycle 4
        course(baseline(), visit(1, 20), visit(2, 12), visit(3, None), visit(4, 10), patient_id=8),
        # a baseline of 0 headache days cannot give a reduction
        course(baseline(0), visit(1, 0), visit(2, 0), visit(3, 0), visit(4, 0), patient_id=9),
    ]


def test_after_the_2nd_treatment_the_figure_at_the_visit_of_cycle_3_counts() -> None:
    after_2nd, _ = outcomes.report(clinic()).milestones

    assert (after_2nd.after_treatments, after_2nd.at_cycle) == (2, 3)
    assert after_2nd.judged == 5  # patients 1 to 5
    assert shares(after_2nd) == [
        (30, 4, Decimal("80.0")),  # 1, 2, 3, 5: 30% counts
        (50, 2, Decimal("40.0")),  # 2, 3
        (75, 1, Decimal("20.0")),  # 3
    ]
    assert (after_2nd.no_baseline, after_2nd.too_few_treatments, after_2nd.no_figure) == (2, 1, 1)
    assert after_2nd.excluded == 4


def test_after_the_3rd_treatment_the_figure_at_the_visit_of_cycle_4_counts() -> None:
    report = outcomes.report(clinic())
    _, after_3rd = report.milestones

    assert report.patients == 9
    assert (after_3rd.after_treatments, after_3rd.at_cycle) == (3, 4)
    assert after_3rd.judged == 5  # 1, 2, 3, 4, 8
    assert shares(after_3rd) == [
        (30, 4, Decimal("80.0")),  # 1, 2, 3, 8
        (50, 4, Decimal("80.0")),
        (75, 2, Decimal("40.0")),  # 2, 3
    ]
    assert (after_3rd.no_baseline, after_3rd.too_few_treatments, after_3rd.no_figure) == (2, 2, 0)


def test_shares_are_rounded_to_a_tenth_of_a_percent() -> None:
    three = [
        course(baseline(), visit(1, 20), visit(2, 15), visit(3, f, 28), patient_id=n)
        for n, f in enumerate((10, 10, 18), start=1)
    ]

    after_2nd, _ = outcomes.report(three).milestones

    assert shares(after_2nd)[:2] == [(30, 2, Decimal("66.7")), (50, 2, Decimal("66.7"))]
    assert shares(after_2nd)[2] == (75, 0, Decimal("0.0"))


def test_a_clinic_with_nobody_to_judge_has_no_percentages() -> None:
    report = outcomes.report([course(None, visit(1, 20))])

    for milestone in report.milestones:
        assert milestone.judged == 0
        assert [r.percent for r in milestone.responders] == [None, None, None]
        assert milestone.excluded == 1
