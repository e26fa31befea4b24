"""`botox-chart due`: the documented JSON rows, the default period (7 days, the overdue
included), --overdue, the readable table with its marks, and the worklist PDF (-o) and CSV
(--csv), audited as exports."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from botox_chart.store import audit, transaction
from tests.cli.test_cli import run
from tests.helpers.due_clinic import due_clinic
from tests.note.samples import pdftotext

TODAY = date.today()  # the command dates the list from the computer's clock


@pytest.fixture
def clinic(engine: Engine, cli_admin: int) -> dict[str, int]:
    """Session ids by family name (tests.helpers.due_clinic)."""
    return due_clinic(engine).sessions


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
        "Côté, Marie-Ève",
        "Stopped, Sam",
        "Late, Lou",
        "Today, Tia",
        "Tomorrow, Tom",
        "Referral, Rae",
    ]
    late = rows[2]
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
    assert (rows[1]["stopped"], rows[1]["days_overdue"]) == (True, 16)
    assert (rows[3]["days_overdue"], rows[4]["days_overdue"]) == (0, -1)
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

    assert [r["patient"] for r in rows] == [
        "Côté, Marie-Ève",
        "Stopped, Sam",
        "Late, Lou",
        "Referral, Rae",
    ]


def test_due_within_reaches_further(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, clinic: dict[str, int]
) -> None:
    rows = due_json(capsys, sqlite_url, "--within", "64")

    assert rows[-2]["patient"] == "Far, Fay" and rows[-2]["days_overdue"] == -64
    assert [r["patient"] for r in due_json(capsys, sqlite_url, "--within", "0")] == [
        "Côté, Marie-Ève",
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


def test_due_writes_the_worklist_pdf_and_the_csv_beside_the_listing_and_audits_both(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    engine: Engine,
    clinic: dict[str, int],
    tmp_path: Path,
) -> None:
    pdf, table = tmp_path / "monday.pdf", tmp_path / "monday.csv"

    code, out, err = run(
        capsys, "due", "-o", str(pdf), "--csv", str(table), "--json", "--db", sqlite_url
    )

    assert code == 0, err
    assert f"Wrote {pdf}" in err and f"Wrote {table}" in err  # stdout stays JSON
    listed = json.loads(out)
    text = " ".join(pdftotext(pdf).split())
    for row in listed:
        assert row["patient"] in text
    assert "+1 514-555-0120" in text and "514-555-0185" in text
    assert (TODAY - timedelta(days=120)).isoformat() in text
    assert (TODAY - timedelta(days=36)).isoformat() in text  # Côté's next due date
    raw = table.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with table.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(listed)
    assert (
        rows[0]["patient"] == "Côté, Marie-Ève" and rows[0]["phone"] == "'+1 514-555-0120"
    )  # kept as text
    assert rows[0]["next_due"] == (TODAY - timedelta(days=36)).isoformat()
    assert list(rows[0]) == list(listed[0])  # the JSON's fields, in its order
    with transaction(engine) as db:
        exports = [e for e in audit.events(db) if e.action == "export"]
    assert [(e.patient_id, e.changes) for e in exports] == [
        (None, {"document": "due list"}),
        (None, {"document": "due list (CSV)"}),
    ]


def test_due_refuses_an_existing_file_and_writes_neither(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, clinic: dict[str, int], tmp_path: Path
) -> None:
    pdf, table = tmp_path / "monday.pdf", tmp_path / "monday.csv"
    table.write_text("kept", encoding="utf-8")

    code, out, err = run(capsys, "due", "-o", str(pdf), "--csv", str(table), "--db", sqlite_url)

    assert code == 1 and out == ""
    assert err.startswith("botox-chart: ") and "Add --force" in err and len(err.splitlines()) == 1
    assert not pdf.exists() and table.read_text(encoding="utf-8") == "kept"

    code, out, err = run(
        capsys, "due", "-o", str(pdf), "--csv", str(pdf), "--force", "--db", sqlite_url
    )
    assert code == 1 and "same file" in err and not pdf.exists()

    code, out, _ = run(
        capsys, "due", "-o", str(pdf), "--csv", str(table), "--force", "--db", sqlite_url
    )
    assert code == 0 and "Late, Lou" in out and table.read_bytes().startswith(b"\xef\xbb\xbf")
