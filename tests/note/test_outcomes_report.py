"""The clinic outcomes report PDF on a hand-built clinic: the shares and counts of responders after
the 2nd and 3rd treatments and who was left out, as the page prints them.
docs/clinical-reference.md §8."""

from __future__ import annotations

from datetime import date

from botox_chart import outcomes
from botox_chart.note import render
from tests.helpers.courses import baseline, course, visit
from tests.note.outcome_samples import CLINIC
from tests.note.samples import page_texts

DAY = date(2027, 11, 15)


def clinic() -> list[outcomes.Course]:
    """Six patients, baseline 20 headache days in 28 unless said."""
    return [
        # 30% fewer after the 2nd treatment, 50% after the 3rd
        course(baseline(), visit(1, 20), visit(2, 16), visit(3, 14), visit(4, 10), patient_id=1),
        # 75%, then 80%
        course(baseline(), visit(1, 20), visit(2, 9), visit(3, 5), visit(4, 4), patient_id=2),
        # 20% fewer, then 10%: not a responder
        course(baseline(), visit(1, 20), visit(2, 17), visit(3, 16), visit(4, 18), patient_id=3),
        # no baseline
        course(None, visit(1, 20), visit(2, 10), visit(3, 5), patient_id=4),
        # only 2 treatments so far
        course(baseline(), visit(1, 20), visit(2, 10), patient_id=5),
        # no figure at the visit of cycle 3; none at cycle 4 either
        course(
            baseline(), visit(1, 20), visit(2, 12), visit(3, None), visit(4, None), patient_id=6
        ),
    ]


def rows(pdf: bytes) -> list[str]:
    """Each printed line with its spacing folded."""
    return [
        " ".join(line.split())
        for page in page_texts(pdf, layout=True)
        for line in page.splitlines()
    ]


def test_the_report_prints_the_shares_counts_and_exclusions_after_the_2nd_and_3rd() -> None:
    pdf = render.render_outcomes_report(outcomes.report(clinic()), clinic=CLINIC, day=DAY)
    lines = rows(pdf)

    assert len(page_texts(pdf)) == 1
    text = " ".join(lines)
    assert "Lakeshore Headache Clinic" in text and "Date 2027-11-15" in text
    assert "6 patients." in text
    # judged after the 2nd: patients 1, 2, 3; after the 3rd: the same three
    assert "Patients judged 3 3" in lines
    assert "At least 30% fewer headache days 66.7% (2 of 3) 66.7% (2 of 3)" in lines
    assert "At least 50% fewer headache days 33.3% (1 of 3) 66.7% (2 of 3)" in lines
    assert "At least 75% fewer headache days 33.3% (1 of 3) 33.3% (1 of 3)" in lines
    assert "No baseline (or a baseline of 0 headache days) 1 1" in lines
    assert "Fewer treatments so far (no visit of that cycle yet) 1 1" in lines
    assert "No headache days (or no counting window) at that visit 1 1" in lines
    assert "Left out 3 3" in lines


def test_a_clinic_with_no_patient_judged_prints_no_share() -> None:
    pdf = render.render_outcomes_report(
        outcomes.report([course(None, visit(1, 20))]), clinic=CLINIC, day=DAY
    )

    assert "At least 30% fewer headache days — (0 of 0) — (0 of 0)" in rows(pdf)
