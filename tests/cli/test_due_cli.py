"""`botox-chart due`: the documented JSON rows, the default period (7 days, the overdue
included), --overdue, and the readable table with its marks."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy.engine import Engine

from botox_chart.chart import Vial
from botox_chart.store import patients, sessions, transaction
from botox_chart.store.models import Clinician, Patient
from tests.cli.test_cli import run
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart

TODAY = date.today()  # the command dates the list from the computer's clock


def treated(engine: Engine, doctor: Clinician, name: str, days_ago: int, **fields: object) -> int:
    """A patient given a signed session ``days_ago`` days ago; returns the session's id."""
    family, given = name.split(", ")
    patient = make_patient(engine, family_name=family, given_names=given, **fields)
    chart = ready_chart(TODAY - timedelta(days=days_ago))
    chart.vials = [Vial("C1234AB", TODAY + timedelta(days=365))]
    row = make_signed_session(engine, patient, doctor, chart)
    assert row.id is not None
    return row.id


@pytest.fixture
def clinic(engine: Engine, cli_admin: int) -> dict[str, int]:
    """Session ids: Late (85 days ago, with a draft open), Today (84), Tomorrow (83),
    Stopped (100, treatment stopped since), Far (20); Referral is referred, never treated."""
    doctor = make_clinician(engine, "Li Wei")
    ids = {
        "Late": treated(engine, doctor, "Late, Lou", 85, phone="514-555-0185"),
        "Today": treated(engine, doctor, "Today, Tia", 84),
        "Tomorrow": treated(engine, doctor, "Tomorrow, Tom", 83),
        "Stopped": treated(engine, doctor, "Stopped, Sam", 100),
        "Far": treated(engine, doctor, "Far, Fay", 20),
    }
    with transaction(engine) as db:
        late = sessions.get(db, session_id=ids["Late"])
        sessions.create_draft(db, patient_id=late.patient_id, injector_id=doctor.id)
        stopped = patients.get(
            db, patient_id=sessions.get(db, session_id=ids["Stopped"]).patient_id
        )
        changes = Patient.model_validate(stopped.model_dump())
        changes.treatment_stopped_on = TODAY - timedelta(days=10)
        changes.treatment_stopped_reason = "stopping rule met"
        patients.update(db, patient_id=stopped.id, changes=changes, clinician_id=doctor.id)
    make_patient(engine, family_name="Referral", given_names="Rae", referral_date=TODAY)
    return ids


def due_json(
    capsys: pytest.CaptureFixture[str], url: str, *options: str
) -> list[dict[str, object]]:
    code, out, err = run(capsys, "due", *options, "--json", "--db", url)
    assert code == 0, err
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def test_due_json_rows_have_the_documented_shape(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, clinic: dict[str, int]
) -> None:
    rows = due_json(capsys, sqlite_url)

    assert [r["patient"] for r in rows] == [
        "Stopped, Sam",
        "Late, Lou",
        "Today, Tia",
        "Tomorrow, Tom",
        "Referral, Rae",
    ]
    late = rows[1]
    assert late == {
        "patient_id": late["patient_id"],
        "patient": "Late, Lou",
        "chart_number": late["chart_number"],
        "last_session_id": clinic["Late"],
        "last_date": (TODAY - timedelta(days=85)).isoformat(),
        "next_due": (TODAY - timedelta(days=1)).isoformat(),
        "days_overdue": 1,
        "phone": "514-555-0185",
        "draft_open": True,
        "stopped": False,
    }
    assert isinstance(late["patient_id"], int) and late["chart_number"]
    assert (rows[0]["stopped"], rows[0]["days_overdue"]) == (True, 16)
    assert (rows[2]["days_overdue"], rows[3]["days_overdue"]) == (0, -1)
    never = rows[-1]
    assert {k: never[k] for k in ("last_session_id", "last_date", "next_due", "days_overdue")} == {
        "last_session_id": None,
        "last_date": None,
        "next_due": None,
        "days_overdue": None,
    }
    assert (never["draft_open"], never["stopped"]) == (False, False)


def test_due_overdue_leaves_out_who_is_due_today(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, clinic: dict[str, int]
) -> None:
    rows = due_json(capsys, sqlite_url, "--overdue")

    assert [r["patient"] for r in rows] == ["Stopped, Sam", "Late, Lou", "Referral, Rae"]


def test_due_within_reaches_further(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, clinic: dict[str, int]
) -> None:
    rows = due_json(capsys, sqlite_url, "--within", "64")

    assert rows[-2]["patient"] == "Far, Fay" and rows[-2]["days_overdue"] == -64
    assert [r["patient"] for r in due_json(capsys, sqlite_url, "--within", "0")] == [
        "Stopped, Sam",
        "Late, Lou",
        "Today, Tia",
        "Referral, Rae",
    ]


def test_due_table_shows_the_phone_injector_and_marks(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, clinic: dict[str, int]
) -> None:
    code, out, _ = run(capsys, "due", "--db", sqlite_url)

    assert code == 0
    names = ("Late, Lou", "Stopped, Sam", "Referral, Rae", "Today, Tia")
    lines = {name: line for line in out.splitlines() for name in names if name in line}
    assert "514-555-0185" in lines["Late, Lou"] and "Li Wei" in lines["Late, Lou"]
    assert lines["Late, Lou"].endswith("draft open")
    assert lines["Stopped, Sam"].endswith("stopped")
    assert lines["Referral, Rae"].endswith("never treated")
    assert lines["Today, Tia"].startswith(f"{TODAY.isoformat()}        0  ")
