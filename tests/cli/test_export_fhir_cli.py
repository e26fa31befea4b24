"""`botox-chart export fhir`: the file a referring physician's EHR receives, as a user runs it:
it parses as FHIR, names in every script arrive as typed (UTF-8, never \\u-escaped), an existing
file or the database is never written over without --force, the file is private, and each export
is in the audit trail with its counts and no name."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from botox_chart.store import audit, sessions, transaction
from botox_chart.store.models import Role
from tests.cli.test_cli import run
from tests.helpers import raw
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart
from tests.helpers.fhir_checks import check_bundle, resources, tally

NAMES = [
    ("Żółć", "Łukasz"),
    ("Παπαδόπουλος", "Νίκος"),
    ("Иванова", "Анна"),
    ("王", "小明"),
    ("محمد", "عمر"),
    ("כהן", "דוד"),
    ("शर्मा", "अनीता"),
]


@pytest.fixture
def treated(engine: Engine, cli_admin: int) -> dict[str, int]:
    """Patients named in several scripts, each with two signed sessions 12 weeks apart."""
    injector = make_clinician(engine, "Aisha Rahman", Role.INJECTOR)
    found = {}
    for family, given in NAMES:
        patient = make_patient(engine, family_name=family, given_names=given)
        make_signed_session(engine, patient, injector, ready_chart(date(2026, 6, 1)))
        make_signed_session(engine, patient, injector, ready_chart(date(2026, 8, 24)))
        assert patient.id is not None
        found[family] = patient.id
    return found


def exports(engine: Engine) -> list[tuple[int | None, dict[str, object]]]:
    with transaction(engine) as db:
        return [
            (e.patient_id, e.changes)
            for e in audit.events(db)
            if e.action == "export" and e.changes.get("document") == "FHIR bundle"
        ]


def test_a_patients_bundle_is_written_parses_and_is_audited_without_a_name(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    engine: Engine,
    treated: dict[str, int],
    tmp_path: Path,
) -> None:
    patient_id = treated["Żółć"]
    target = tmp_path / "bundle.json"
    code, out, err = run(
        capsys,
        "export",
        "fhir",
        "--patient",
        str(patient_id),
        "-o",
        str(target),
        "--db",
        sqlite_url,
    )

    assert code == 0, err
    assert out == f"Wrote {target}: 1 patient, 2 signed sessions, 1 lot, 0 observations.\n"
    found = json.loads(target.read_text(encoding="utf-8"))
    check_bundle(found)
    assert tally(found)["Procedure"] == 2
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    [(audited_patient, changes)] = exports(engine)
    assert audited_patient == patient_id
    assert changes["resources"] == dict(sorted(tally(found).items()))
    assert "Żółć" not in json.dumps(changes, ensure_ascii=False)


def test_names_in_every_script_arrive_as_typed(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    treated: dict[str, int],
    tmp_path: Path,
) -> None:
    target = tmp_path / "clinic.json"
    code, _out, err = run(capsys, "export", "fhir", "-o", str(target), "--db", sqlite_url)

    assert code == 0, err
    raw = target.read_bytes()
    assert b"\\u" not in raw
    found = json.loads(raw.decode("utf-8"))
    check_bundle(found)
    names = {
        (p["name"][0]["family"], p["name"][0]["given"][0]) for p in resources(found, "Patient")
    }
    assert names == set(NAMES)
    for family, given in NAMES:
        assert family.encode() in raw and given.encode() in raw


def test_since_keeps_the_later_sessions_only(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    treated: dict[str, int],
    tmp_path: Path,
) -> None:
    target = tmp_path / "since.json"
    code, out, err = run(
        capsys, "export", "fhir", "--since", "2026-07-01", "-o", str(target), "--db", sqlite_url
    )
    assert code == 0, err
    found = json.loads(target.read_text(encoding="utf-8"))
    check_bundle(found)
    assert tally(found)["Procedure"] == len(NAMES)
    assert {p["performedDateTime"] for p in resources(found, "Procedure")} == {"2026-08-24"}


def test_an_existing_file_is_refused_and_left_as_it_was_unless_forced(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    engine: Engine,
    treated: dict[str, int],
    tmp_path: Path,
) -> None:
    target = tmp_path / "bundle.json"
    target.write_text("the referral letter", encoding="utf-8")
    argv = (
        "export",
        "fhir",
        "--patient",
        str(treated["王"]),
        "-o",
        str(target),
        "--db",
        sqlite_url,
    )

    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert "already exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "the referral letter"
    assert exports(engine) == []

    code, _out, err = run(capsys, *argv, "--force")
    assert code == 0, err
    check_bundle(json.loads(target.read_text(encoding="utf-8")))


def test_the_database_is_never_written_over(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    engine: Engine,
    treated: dict[str, int],
    tmp_path: Path,
) -> None:
    database = tmp_path / "test.db"
    before = database.read_bytes()
    code, _out, err = run(
        capsys, "export", "fhir", "-o", str(database), "--force", "--db", sqlite_url
    )
    assert code == 1 and "never written over" in err
    assert database.read_bytes() == before


def test_an_unknown_patient_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, treated: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "x.json"
    argv = ("export", "fhir", "--patient", "999", "-o", str(target), "--db", sqlite_url)
    code, _out, err = run(capsys, *argv)
    assert (code, err) == (1, "botox-chart: There is no patient 999.\n")
    assert not target.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [(("--patient", "abc"), "is not a whole number"), (("--since", "2026-13-01"), "not a date")],
)
def test_a_bad_patient_or_date_is_refused_by_the_parser(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: tuple[str, ...], message: str
) -> None:
    with pytest.raises(SystemExit):
        run(capsys, "export", "fhir", *argv, "-o", str(tmp_path / "x.json"))
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


def audited_exports(engine: Engine) -> list[tuple[int, int | None, dict[str, object]]]:
    """(event id, patient id, what it says) of every export event, by raw SQL."""
    connection = raw.connect(raw.database_file(engine))
    try:
        return [
            (event_id, patient_id, json.loads(changes))
            for event_id, patient_id, changes in connection.execute(
                "SELECT id, patient_id, changes FROM audit_event WHERE action = 'export' "
                "ORDER BY id"
            )
        ]
    finally:
        connection.close()


def test_a_clinic_wide_export_names_each_exported_patient_in_the_audit_trail(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    engine: Engine,
    treated: dict[str, int],
    tmp_path: Path,
) -> None:
    """Which patients' records left is in the trail, one event each (an id, no name), tied to the
    export's own event; a patient with a draft only left nothing and is not named."""
    drafted = make_patient(engine, family_name="Brouillon", given_names="Jeanne")
    injector = make_clinician(engine, "Ben Okafor", Role.INJECTOR)
    with transaction(engine) as db:
        sessions.create_draft(
            db, patient_id=drafted.id, injector_id=injector.id, chart=ready_chart(date(2026, 9, 1))
        )
    target = tmp_path / "clinic.json"

    code, _out, err = run(capsys, "export", "fhir", "-o", str(target), "--db", sqlite_url)

    assert code == 0, err
    events = audited_exports(engine)
    [(export_id, _none, whole)] = [e for e in events if e[1] is None]
    assert whole["document"] == "FHIR bundle"
    per_patient = {pid: changes for _id, pid, changes in events if pid is not None}
    assert set(per_patient) == set(treated.values())
    assert drafted.id not in per_patient
    for changes in per_patient.values():
        assert changes == {"document": "FHIR bundle", "export_event": export_id}
    said = json.dumps(events, ensure_ascii=False)
    assert not any(family in said or given in said for family, given in NAMES)
