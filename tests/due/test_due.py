"""The due list: next due 84 days after the last signed session (docs/clinical-reference.md §6),
the rows of a period, and nobody with a draft or a stop dropped silently."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count

import pytest

from botox_chart.due import DueRow, PatientHistory, next_due, worklist

TODAY = date(2026, 12, 2)
_ids = count(1)


def history(name: str, days_ago: int | None, **fields: object) -> PatientHistory:
    """A patient last treated ``days_ago`` days before TODAY (None: never treated)."""
    values: dict[str, object] = {
        "patient_id": next(_ids),
        "patient": name,
        "chart_number": f"C-{name[:3]}",
        "phone": "514-555-0100",
        "last_session_id": None if days_ago is None else 7,
        "last_date": None if days_ago is None else TODAY - timedelta(days=days_ago),
        "injector": "Dr Ana Souza" if days_ago is not None else "",
        "draft_open": False,
        "stopped_on": None,
        "referral_date": None,
    }
    values.update(fields)
    return PatientHistory(**values)  # type: ignore[arg-type]


def names(rows: list[DueRow]) -> list[str]:
    return [r.patient for r in rows]


BOUNDARY = [
    history("Day83, Ana", 83),
    history("Day84, Ben", 84),
    history("Day85, Cy", 85),
]


def test_next_due_is_twelve_weeks_after_the_last_session() -> None:
    assert next_due(date(2026, 9, 9)) == date(2026, 12, 2)


def test_within_zero_days_lists_who_is_due_today_and_the_overdue() -> None:
    rows = worklist(BOUNDARY, TODAY, within=0)

    assert names(rows) == ["Day85, Cy", "Day84, Ben"]
    assert [(r.next_due, r.days_overdue) for r in rows] == [
        (TODAY - timedelta(days=1), 1),
        (TODAY, 0),
    ]


def test_within_one_day_reaches_the_patient_due_tomorrow() -> None:
    rows = worklist(BOUNDARY, TODAY, within=1)

    assert names(rows) == ["Day85, Cy", "Day84, Ben", "Day83, Ana"]
    assert rows[-1].days_overdue == -1


def test_overdue_excludes_the_patient_due_today() -> None:
    assert names(worklist(BOUNDARY, TODAY, overdue=True)) == ["Day85, Cy"]


def test_the_default_period_is_the_coming_week_with_the_overdue() -> None:
    patients = [history("Week, In", 84 - 7), history("Week, Out", 84 - 8), history("Late, Al", 200)]

    assert names(worklist(patients, TODAY)) == ["Late, Al", "Week, In"]


def test_a_stopped_patient_is_listed_and_marked() -> None:
    patients = [
        history("Stopped, Sue", 120, stopped_on=TODAY - timedelta(days=10)),
        history("Going, Gil", 120),
    ]

    rows = {r.patient: r for r in worklist(patients, TODAY, overdue=True)}

    assert rows["Stopped, Sue"].stopped and rows["Stopped, Sue"].days_overdue == 36
    assert not rows["Going, Gil"].stopped


def test_a_patient_with_an_open_draft_is_listed_and_marked() -> None:
    rows = worklist([history("Draft, Dee", 84, draft_open=True)], TODAY, within=0)

    assert [(r.patient, r.draft_open) for r in rows] == [("Draft, Dee", True)]


def test_a_referred_patient_never_treated_is_listed_in_every_period_without_dates() -> None:
    referred = history("New, Nia", None, referral_date=TODAY - timedelta(days=30))
    unreferred = history("Walk, In", None)
    patients = [referred, unreferred, history("Day85, Cy", 85)]

    for rows in (worklist(patients, TODAY, within=0), worklist(patients, TODAY, overdue=True)):
        assert names(rows) == ["Day85, Cy", "New, Nia"]
        new = rows[-1]
        assert new.never_treated
        assert (new.last_session_id, new.last_date, new.next_due, new.days_overdue) == (
            None,
            None,
            None,
            None,
        )


def test_rows_are_sorted_by_next_due_then_name() -> None:
    patients = [history("Roy, Zed", 90), history("Abel, Amy", 90), history("Moe, Max", 100)]

    assert names(worklist(patients, TODAY, within=0)) == ["Moe, Max", "Abel, Amy", "Roy, Zed"]


def test_a_period_must_be_one_or_the_other_and_not_end_before_today() -> None:
    with pytest.raises(ValueError):
        worklist(BOUNDARY, TODAY, within=3, overdue=True)
    with pytest.raises(ValueError):
        worklist(BOUNDARY, TODAY, within=-1)


def test_a_due_list_says_its_period_in_words() -> None:
    from botox_chart.due import due_list

    assert due_list(BOUNDARY, TODAY).period == (
        "due by 2026-12-09 (within 7 days), overdue included"
    )
    assert due_list(BOUNDARY, TODAY, within=14).period == (
        "due by 2026-12-16 (within 14 days), overdue included"
    )
    assert (
        due_list(BOUNDARY, TODAY, within=0).period == "due by 2026-12-02 (today), overdue included"
    )
    overdue = due_list(BOUNDARY, TODAY, overdue=True)
    assert overdue.period == "overdue as of 2026-12-02"
    assert [r.patient for r in overdue.rows] == ["Day85, Cy"]
