"""The treatment record's outcome: a per-cycle column (headache days per 28 days and the change
from baseline), the trend chart and the verdict, laid out from plain values.
docs/clinical-reference.md §8."""

from __future__ import annotations

from botox_chart import outcomes
from botox_chart.note import render
from botox_chart.note.data import RecordEntry, TreatmentRecord
from botox_chart.outcomes import Course
from botox_chart.store.models import Status
from tests.helpers.courses import baseline, course, visit
from tests.helpers.factories import ready_chart
from tests.note.outcome_samples import CLINIC, patient
from tests.note.samples import page_texts


def entries(the_course: Course, *, draft: bool = False) -> tuple[RecordEntry, ...]:
    """A signed session for each cycle of the course (and a draft after them)."""
    found = []
    for cycle in the_course.cycles:
        chart = ready_chart(cycle.date)
        chart.headache_days = cycle.headache_days
        chart.migraine_days = cycle.migraine_days
        found.append(RecordEntry(cycle.session_id, Status.SIGNED.value, chart, "Dr Ana Silva, MD"))
    if draft:
        last = the_course.cycles[-1]
        found.append(
            RecordEntry(999, Status.DRAFT.value, ready_chart(last.date), "Dr Ana Silva, MD")
        )
    return tuple(found)


def record(the_course: Course | None, *, draft: bool = False) -> TreatmentRecord:
    shown = the_course or course(baseline(20), visit(1, 20), visit(2, 15))
    if the_course is None:
        return TreatmentRecord(patient(), CLINIC, entries(shown, draft=draft))
    profile = outcomes.load_profile()
    return TreatmentRecord(
        patient(),
        CLINIC,
        entries(shown, draft=draft),
        course=the_course,
        profile=profile,
        verdict=outcomes.verdict(the_course, profile),
    )


def rows(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf, layout=True))


def folded(pdf: bytes) -> str:
    return " ".join(" ".join(page_texts(pdf)).split())


def test_each_signed_session_shows_its_outcome_per_28_days_and_the_change() -> None:
    # 20 days in 28 at baseline; 15 days in the last 30 at cycle 2 is 14 per 28: exactly 30% fewer
    shown = course(baseline(20), visit(1, 20), visit(2, 15, 30), visit(3, None), visit(4, 10))
    pdf = render.render_record(record(shown, draft=True))
    table = rows(pdf)

    assert "Per 28 days" in table
    # session id → its row (the helper numbers the session of cycle n 100 + n)
    lines = {line.split()[1]: line for line in table.splitlines() if "C1234AB" in line}
    assert lines["101"].split()[-3:] == ["20", "(0%)", "None"]
    assert "14 (−30%)" in lines["102"]
    assert "10 (−50%)" in lines["104"]
    assert lines["103"].split()[-4:] == ["/", "—", "—", "None"]  # no figure at cycle 3
    assert lines["999"].split()[-2:] == ["—", "None"]  # a draft is no cycle of the course


def test_the_record_shows_the_trend_chart_and_the_verdict_with_its_reason() -> None:
    shown = course(baseline(20), visit(1, 20), visit(2, 16), visit(3, 16))
    verdict = outcomes.verdict(shown, outcomes.load_profile())
    assert verdict.code == outcomes.STOP_NOT_RESPONDING

    text = folded(render.render_record(record(shown)))

    assert "Outcome per cycle" in text
    assert "Headache days Migraine days Baseline Response threshold (nice-ta260)" in text
    assert "Baseline 20" in text and "30% fewer: 14" in text
    assert "Stop: not responding (stop-not-responding)" in text
    assert verdict.reason in text
    assert "20 at baseline → 16 (−20%) on 2025-06-23" in text


def test_a_record_without_the_course_keeps_its_old_columns_and_no_verdict() -> None:
    text = folded(render.render_record(record(None)))

    assert "Per 28 days" not in text
    assert "Outcome per cycle" not in text
    assert "Headache days / 30 days (first → latest)".upper() in text
