"""`botox-chart lot`: the documented JSON rows, the readable table, the range of dates, a lot
nobody used, the errors a user can make, the audit event of every listing, and -o FILE.pdf."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from botox_chart.store import audit, transaction
from tests.cli.test_cli import run
from tests.helpers.recall_clinic import LOT_A, LOT_B, RecallClinic, recall_clinic
from tests.note.samples import pdftotext

KEYS = {"session_id", "patient_id", "patient", "date", "status", "units_from_lot"}


@pytest.fixture
def clinic(engine: Engine, cli_admin: int) -> RecallClinic:
    return recall_clinic(engine)


def lot_json(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> list[dict[str, object]]:
    code, out, err = run(capsys, "lot", *argv, "--json", "--db", url)
    assert code == 0, err
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def recall_events(engine: Engine) -> list[dict[str, object]]:
    with transaction(engine) as db:
        return [
            e.changes
            for e in audit.events(db)
            if e.action == "export" and e.changes.get("document") == "lot recall"
        ]


def test_json_rows_have_exactly_the_documented_keys(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, clinic: RecallClinic
) -> None:
    rows = lot_json(capsys, sqlite_url, LOT_A.lower())
    assert all(set(r) == KEYS for r in rows)
    assert rows == [
        {
            "session_id": clinic.elise,
            "patient_id": clinic.elise_patient,
            "patient": "Côté, Élise",
            "date": "2026-10-05",
            "status": "signed",
            "units_from_lot": 100,
        },
        {
            "session_id": clinic.bao,
            "patient_id": clinic.bao_patient,
            "patient": "Nguyen, Bao",
            "date": "2026-11-02",
            "status": "draft",
            "units_from_lot": 155,
        },
    ]
    of_b = lot_json(capsys, sqlite_url, LOT_B, "--from", "2026-10-05", "--to", "2026-10-05")
    assert [(r["session_id"], r["units_from_lot"]) for r in of_b] == [(clinic.elise, 55)]


def test_the_table_lists_contact_units_and_the_totals(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, clinic: RecallClinic
) -> None:
    code, out, _ = run(capsys, "lot", f" {LOT_A.lower()}", "--db", sqlite_url)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"Lot {LOT_A}, all dates: 2 sessions, 2 patients, 255 U from the lot."
    (elise,) = [line for line in lines if "Côté, Élise" in line]
    assert "514-555-0101" in elise and "elise@example.org" in elise and "signed" in elise
    assert elise.endswith(" 100  Dr Li Wei, MD, FRCPC")
    (bao,) = [line for line in lines if "Nguyen, Bao" in line]
    assert "draft" in bao and "155" in bao


def test_a_lot_nobody_used_says_so_and_is_an_empty_json_list(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, clinic: RecallClinic, engine: Engine
) -> None:
    code, out, _ = run(capsys, "lot", "Z9999ZZ", "--db", sqlite_url)
    assert (code, out) == (0, "No session used lot Z9999ZZ.\n")
    assert lot_json(capsys, sqlite_url, "Z9999ZZ") == []
    # Nothing found is a listing all the same: it is in the audit trail.
    assert [e["sessions"] for e in recall_events(engine)] == [0, 0]


def test_every_listing_is_audited_with_the_lot_and_counts_never_a_name(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, clinic: RecallClinic, engine: Engine
) -> None:
    lot_json(capsys, sqlite_url, LOT_A, "--to", "2026-10-31")
    (event,) = recall_events(engine)
    assert event == {
        "document": "lot recall",
        "lot": LOT_A,
        "from": None,
        "to": "2026-10-31",
        "sessions": 1,
        "patients": 1,
    }
    assert "Côté" not in json.dumps(event, ensure_ascii=False)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--from", "2026-13-01"], "'2026-13-01' is not a date (YYYY-MM-DD)"),
        (["--to", "yesterday"], "'yesterday' is not a date (YYYY-MM-DD)"),
    ],
)
def test_a_bad_date_is_refused_by_the_parser(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, argv: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as refused:
        run(capsys, "lot", LOT_A, *argv, "--db", sqlite_url)
    assert refused.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["  "], "Give the lot number to recall."),
        (["X" * 5000], "A lot number has at most 40 characters (5000 given)."),
        ([LOT_A, "--from", "2026-11-02", "--to", "2026-11-01"], "ends (2026-11-01) before"),
    ],
)
def test_an_empty_lot_or_a_backward_range_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "lot", *argv, "--db", sqlite_url)
    assert (code, out) == (1, "")
    assert message in err and len(err.strip().splitlines()) == 1


def test_o_writes_the_recall_list_audited_and_readable(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    clinic: RecallClinic,
    engine: Engine,
    tmp_path: Path,
) -> None:
    pdf = tmp_path / "recall.pdf"
    code, out, err = run(capsys, "lot", LOT_A, "--json", "-o", str(pdf), "--db", sqlite_url)
    assert code == 0 and len(json.loads(out)) == 2  # the JSON stays alone on stdout
    assert err == f"Wrote {pdf}\n"
    page = pdftotext(pdf)
    for expected in (f"Recall: lot {LOT_A}", "Côté, Élise", "Nguyen, Bao", "DRAFT", "100 U"):
        assert expected in page
    # The listing and the file: two export events, both with the lot and the counts.
    assert [(e["lot"], e["sessions"]) for e in recall_events(engine)] == [(LOT_A, 2), (LOT_A, 2)]
    code, _, err = run(capsys, "lot", LOT_A, "-o", str(pdf), "--db", sqlite_url)
    assert code == 1 and "--force" in err
    assert len(recall_events(engine)) == 2  # refused before listing: nothing listed, no event


# -- botox-chart lots: the inventory ---------------------------------------------------------


def test_lots_json_counts_vials_units_drawn_and_wasted_per_lot(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, clinic: RecallClinic
) -> None:
    code, out, err = run(capsys, "lots", "--json", "--db", sqlite_url)
    assert code == 0, err
    # A: Élise's 100 U vial (all drawn) and Bao's 200 U vial (155 U drawn, 45 U left), a draft.
    # B: Élise's 100 U vial (55 U drawn) and Ann's 200 U vial (155 U drawn).
    assert json.loads(out) == [
        {
            "lot": LOT_A,
            "expiry": "2027-06-30",
            "vials": 2,
            "sessions": 2,
            "drafts": 1,
            "units_drawn": 255,
            "units_wasted": 45,
            "first_used": "2026-10-05",
            "last_used": "2026-11-02",
        },
        {
            "lot": LOT_B,
            "expiry": "2027-06-30",
            "vials": 2,
            "sessions": 2,
            "drafts": 0,
            "units_drawn": 210,
            "units_wasted": 90,
            "first_used": "2026-09-01",
            "last_used": "2026-10-05",
        },
    ]
    code, out, _ = run(capsys, "lots", "--db", sqlite_url)
    (a_line,) = [line for line in out.splitlines() if line.startswith(LOT_A)]
    assert a_line.split() == [
        LOT_A,
        "2027-06-30",
        "2",
        "2",
        "255",
        "45",
        "2026-10-05",
        "2026-11-02",
        "1",
        "draft",
    ]
