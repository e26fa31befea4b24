"""`botox-chart export csv`: one row per injection in the range, as a spreadsheet opens it, written
only through the safe output path and audited."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from botox_chart.chart import Vial
from botox_chart.exchange import injections_csv
from botox_chart.store import audit, sessions, transaction
from tests.cli.test_cli import run
from tests.helpers import raw
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart

FORMULA_CHART = '=HYPERLINK("http://x","y")'


@pytest.fixture
def clinic(engine: Engine, cli_admin: int) -> dict[str, int]:
    """Three signed sessions (October, November with two lots, December) and a November draft."""
    doctor = make_clinician(engine, "Dr Li Wei")
    elise = make_patient(engine, family_name="Côté", given_names="Élise", chart_number="C-1")
    formula = make_patient(engine, family_name="Roy", chart_number=FORMULA_CHART)
    october = make_signed_session(engine, elise, doctor, ready_chart(date(2026, 10, 5)))
    two_lots = ready_chart(date(2026, 11, 2))
    two_lots.vials = [
        Vial("C1234AB", date(2027, 6, 30), 100),
        Vial("D5678CD", date(2027, 8, 31), 100),
    ]
    november = make_signed_session(engine, formula, doctor, two_lots)
    december = make_signed_session(engine, elise, doctor, ready_chart(date(2026, 12, 1)))
    with transaction(engine) as db:
        draft = sessions.create_draft(
            db,
            patient_id=formula.id,
            injector_id=doctor.id,
            chart=ready_chart(date(2026, 11, 20)),
        )
    assert october.id and november.id and december.id and draft.id
    return {
        "october": october.id,
        "november": november.id,
        "december": december.id,
        "draft": draft.id,
    }


def injections_between(engine: Engine, start: str | None, end: str | None) -> int:
    """Injections with a date of service in the range, counted with raw SQL from outside."""
    connection = raw.connect(raw.database_file(engine))
    try:
        return int(
            connection.execute(
                "SELECT count(*) FROM injection JOIN treatment_session s ON s.id = session_id "
                "WHERE s.date_of_service >= ? AND s.date_of_service <= ?",
                (start or "0000-00-00", end or "9999-99-99"),
            ).fetchone()[0]
        )
    finally:
        connection.close()


def read_rows(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: spreadsheets read the accents
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (None, None),
        ("2026-11-01", None),
        (None, "2026-11-02"),
        ("2026-11-02", "2026-11-20"),  # both ends included
        ("2026-11-03", "2026-11-19"),  # nothing
    ],
)
def test_one_row_per_injection_in_the_range(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    engine: Engine,
    clinic: dict[str, int],
    tmp_path: Path,
    start: str | None,
    end: str | None,
) -> None:
    target = tmp_path / "injections.csv"
    bounds = [*(["--from", start] if start else []), *(["--to", end] if end else [])]
    code, out, err = run(capsys, "export", "csv", *bounds, "-o", str(target), "--db", sqlite_url)

    assert (code, err) == (0, "")
    rows = read_rows(target)
    expected = injections_between(engine, start, end)
    assert len(rows) == expected
    assert out == f"Wrote {expected} injection{'s' * (expected != 1)} to {target}\n"
    for row in rows:
        assert (start or "") <= row["date"] <= (end or "9999")


@pytest.fixture
def every_row(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, clinic: dict[str, int], tmp_path: Path
) -> list[dict[str, str]]:
    """The rows of ``export csv`` without a range."""
    target = tmp_path / "all.csv"
    assert run(capsys, "export", "csv", "-o", str(target), "--db", sqlite_url)[0] == 0
    return read_rows(target)


def test_the_columns_iso_dates_lots_and_status(
    clinic: dict[str, int], every_row: list[dict[str, str]]
) -> None:
    rows = every_row
    assert list(rows[0]) == list(injections_csv.FIELDS)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    first = rows[0]
    assert first == {
        "session_id": str(clinic["october"]),
        "chart_number": "C-1",
        "date": "2026-10-05",
        "site": first["site"],
        "muscle": "corrugator",
        "side": first["side"],
        "units": "5",
        "lots": "C1234AB",
        "injector": "Dr Li Wei, MD, FRCPC",
        "status": "signed",
    }
    assert first["site"] and first["side"] in ("left", "right", "midline")
    november = [r for r in rows if r["session_id"] == str(clinic["november"])]
    assert len(november) == 31 and {r["lots"] for r in november} == {"C1234AB; D5678CD"}
    assert {r["status"] for r in rows if r["session_id"] == str(clinic["draft"])} == {"draft"}


def test_a_cell_a_spreadsheet_would_run_stays_text(every_row: list[dict[str, str]]) -> None:
    charts = {r["chart_number"] for r in every_row}
    assert charts == {"C-1", "'" + FORMULA_CHART}
    assert not any(c.startswith(("=", "+", "-", "@")) for c in charts)


def test_an_existing_file_is_refused_unless_forced_and_the_file_is_private(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    engine: Engine,
    clinic: dict[str, int],
    tmp_path: Path,
) -> None:
    target = tmp_path / "kept.csv"
    target.write_text("the clinic's own sheet")
    code, out, err = run(capsys, "export", "csv", "-o", str(target), "--db", sqlite_url)
    assert (code, out) == (1, "")
    assert err == (
        f"botox-chart: {target}: already exists; it was left unchanged. Add --force to write "
        "over it.\n"
    )
    assert target.read_text() == "the clinic's own sheet"
    assert run(capsys, "export", "csv", "-o", str(target), "--force", "--db", sqlite_url)[0] == 0
    assert len(read_rows(target)) == injections_between(engine, None, None)
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_database_is_never_the_output(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, engine: Engine, clinic: dict[str, int]
) -> None:
    """Refused before anything is written: the file is still the database, its records as they
    were (the command's own sign-in is audited, so the file's bytes may differ)."""
    database = raw.database_file(engine)
    before = records(database)
    code, _out, err = run(
        capsys, "export", "csv", "-o", str(database), "--force", "--db", sqlite_url
    )
    assert code == 1 and "never written over" in err
    engine.dispose()
    assert records(database) == before


def records(database: Path) -> tuple[list[Any], ...]:
    """Every patient, session and injection, read from outside the app."""
    connection = raw.connect(database)
    try:
        return tuple(
            connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()  # noqa: S608
            for table in ("patient", "treatment_session", "injection")
        )
    finally:
        connection.close()


def test_each_export_is_audited_with_the_range_and_counts(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    engine: Engine,
    clinic: dict[str, int],
    tmp_path: Path,
) -> None:
    target = tmp_path / "nov.csv"
    argv = ["--from", "2026-11-01", "--to", "2026-11-30", "-o", str(target)]
    assert run(capsys, "export", "csv", *argv, "--db", sqlite_url)[0] == 0
    with transaction(engine) as db:
        (event,) = [
            e
            for e in audit.events(db)
            if e.changes.get("document") == "injections CSV" and e.patient_id is None
        ]
    assert event.action == "export"
    assert event.changes == {
        "document": "injections CSV",
        "from": "2026-11-01",
        "to": "2026-11-30",
        "sessions": 2,
        "injections": injections_between(engine, "2026-11-01", "2026-11-30"),
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--from", "2026-12-01", "--to", "2026-11-01"], "The range ends (2026-11-01) before"),
    ],
)
def test_a_range_that_ends_before_it_starts_is_refused(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    cli_admin: int,
    tmp_path: Path,
    argv: list[str],
    message: str,
) -> None:
    target = tmp_path / "x.csv"
    code, out, err = run(capsys, "export", "csv", *argv, "-o", str(target), "--db", sqlite_url)
    assert (code, out) == (1, "") and message in err
    assert not target.exists()


def test_a_date_that_is_not_iso_is_refused_by_the_parser(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as refused:
        run(capsys, "export", "csv", "--from", "01/11/2026", "-o", str(tmp_path / "x.csv"))
    assert refused.value.code == 2
    assert "'01/11/2026' is not a date (YYYY-MM-DD)" in capsys.readouterr().err


def test_an_export_names_each_patient_whose_injections_left(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    engine: Engine,
    clinic: dict[str, int],
    tmp_path: Path,
) -> None:
    """November holds one patient's signed session and draft: that patient alone is named in the
    trail (an id, no name), tied to the export's own event; the other stayed."""
    target = tmp_path / "nov.csv"
    argv = ["--from", "2026-11-01", "--to", "2026-11-30", "-o", str(target)]
    assert run(capsys, "export", "csv", *argv, "--db", sqlite_url)[0] == 0

    connection = raw.connect(raw.database_file(engine))
    try:
        events = list(
            connection.execute(
                "SELECT id, patient_id, changes FROM audit_event WHERE action = 'export' "
                "ORDER BY id"
            )
        )
        november = connection.execute(
            "SELECT patient_id FROM treatment_session WHERE id = ?", (clinic["november"],)
        ).fetchone()[0]
    finally:
        connection.close()
    [export_id] = [event_id for event_id, pid, _ in events if pid is None]
    assert [(pid, json.loads(changes)) for _id, pid, changes in events if pid is not None] == [
        (november, {"document": "injections CSV", "export_event": export_id})
    ]
    assert "Roy" not in str(events)
