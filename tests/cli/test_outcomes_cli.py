"""The outcome commands: a patient's course and verdict (the documented JSON shape), the
continuation letter (audited like every export), and the clinic outcomes report."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from botox_chart.store import audit, transaction
from botox_chart.store.models import Clinician, Patient
from tests.cli.test_cli import run
from tests.helpers.factories import (
    make_assessment,
    make_clinician,
    make_patient,
    make_signed_session,
    ready_chart,
)
from tests.note.samples import page_texts, pdftotext

FIRST = date(2026, 1, 12)


def treat(engine: Engine, patient: Patient, doctor: Clinician, figures: list[int | None]) -> None:
    """Signed sessions 12 weeks apart, each recording ``figures[n]`` headache days in the last
    28 days (None: not recorded)."""
    for n, days in enumerate(figures):
        chart = ready_chart(FIRST + timedelta(weeks=12 * n))
        chart.headache_days = days
        chart.migraine_days = None if days is None else days // 2
        chart.outcome_window_days = 28
        make_signed_session(engine, patient, doctor, chart)


@pytest.fixture
def course(engine: Engine, cli_admin: int) -> Patient:
    """A baseline of 22 headache days a month (30 days) and three visits: 20, -, 14 in 28 days."""
    doctor = make_clinician(engine)
    patient = make_patient(engine, family_name="Gagnon", given_names="Élise")
    make_assessment(engine, patient, doctor)
    treat(engine, patient, doctor, [20, None, 14])
    return patient


def test_outcomes_json_has_the_documented_shape(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, course: Patient
) -> None:
    code, out, _ = run(capsys, "outcomes", str(course.id), "--json", "--db", sqlite_url)

    assert code == 0
    document = json.loads(out)
    assert set(document) == {"patient_id", "profile", "baseline", "cycles", "verdict", "reason"}
    assert document["patient_id"] == course.id and document["profile"] == "nice-ta260"
    assert document["baseline"] == {
        "date": "2025-09-30",
        "headache_days": 22,
        "migraine_days": 14,
        "window_days": 30,
    }
    first, missing, third = document["cycles"]
    assert set(first) == {
        "session_id",
        "date",
        "cycle",
        "total_units",
        "headache_days",
        "migraine_days",
        "window_days",
        "headache_days_per_28",
        "change_percent",
    }
    assert (first["cycle"], first["date"], first["total_units"]) == (1, "2026-01-12", 155)
    assert (first["headache_days"], first["window_days"]) == (20, 28)
    assert first["headache_days_per_28"] == 20
    assert first["change_percent"] == pytest.approx(-2.5)  # 22 in 30 is 20.5 per 28
    assert missing["headache_days"] is None and missing["change_percent"] is None
    assert third["cycle"] == 3 and third["change_percent"] == pytest.approx(-31.8)
    assert document["verdict"] == "continue"
    assert "after 2 cycles" in document["reason"]


def test_the_profile_decides_the_verdict_and_an_unknown_one_is_one_line(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, course: Patient
) -> None:
    code, out, _ = run(
        capsys, "outcomes", str(course.id), "--json", "--profile", "payer-50", "--db", sqlite_url
    )
    assert code == 0 and json.loads(out)["verdict"] == "stop-not-responding"

    code, out, err = run(
        capsys, "outcomes", str(course.id), "--profile", "nobody", "--db", sqlite_url
    )
    assert code == 1 and out == ""
    assert err.startswith("botox-chart: ") and "nobody" in err and len(err.splitlines()) == 1


def test_the_letter_names_the_verdict_and_every_cycle_and_is_audited(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    engine: Engine,
    course: Patient,
    tmp_path: Path,
) -> None:
    target = tmp_path / "letter.pdf"
    code, out, _ = run(capsys, "letter", str(course.id), "-o", str(target), "--db", sqlite_url)

    assert code == 0 and str(target) in out
    pages = page_texts(target.read_bytes(), layout=True)
    assert len(pages) == 1
    text = pages[0]
    for day in ("2026-01-12", "2026-04-06", "2026-06-29"):
        assert day in text
    folded = " ".join(pdftotext(target).split())  # as poppler reads it, the way a nurse sees it
    assert "Continue treatment" in folded
    assert "after 2 cycles: meets the 30% response threshold" in folded
    assert "Gagnon" in text and "G43" in text
    with transaction(engine) as db:
        exports = [e for e in audit.events(db) if e.action == "export"]
    assert [(e.patient_id, e.changes) for e in exports] == [
        (course.id, {"document": "continuation letter"})
    ]


def test_the_outcomes_report_counts_the_clinic(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    engine: Engine,
    course: Patient,
    tmp_path: Path,
) -> None:
    doctor = make_clinician(engine, "Dr Ken Okoye")
    poor = make_patient(engine, family_name="Roy", given_names="Olivia")
    make_assessment(engine, poor, doctor)
    treat(engine, poor, doctor, [21, 20, 19])
    make_patient(engine, family_name="Nouveau", given_names="Sans")  # no baseline, no treatment
    target = tmp_path / "report.pdf"

    code, out, _ = run(
        capsys, "report", "outcomes", "--json", "-o", str(target), "--db", sqlite_url
    )

    assert code == 0
    document = json.loads(out)
    assert document["patients"] == 3
    after_2nd = document["milestones"][0]
    assert (after_2nd["after_treatments"], after_2nd["at_cycle"]) == (2, 3)
    assert after_2nd["judged"] == 2  # Gagnon (−31.8%) and Roy (−13%)
    assert after_2nd["excluded"]["no_baseline"] == 1
    thirty = after_2nd["responders"][0]
    assert (thirty["threshold_percent"], thirty["patients"], thirty["percent"]) == (30, 1, 50)
    assert "50%" in page_texts(target.read_bytes())[0]
