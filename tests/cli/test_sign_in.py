"""The command line signs in for every command that reads or writes patient data, as the window
does: without credentials, with wrong ones, or as staff where an administrator is needed, nothing
is read and nothing is written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from botox_chart import cli
from botox_chart.store import audit, clinicians, transaction
from botox_chart.store.models import Role
from tests.helpers.factories import make_patient, make_signed_session

READERS = [
    ["sessions"],
    ["sessions", "--json"],
    ["note", "{session}", "-o", "{out}/n.pdf"],
    ["record", "{patient}", "-o", "{out}/r.pdf"],
    ["backup", "-o", "{out}/b.sqlite3"],
    ["verify"],
    ["restore", "{out}/missing.sqlite3", "--yes"],
    ["encrypt"],
    ["rekey"],
]
ADMIN_ONLY = [["restore", "{out}/b.sqlite3", "--yes"], ["encrypt"], ["rekey"]]


@pytest.fixture
def clinic(engine: Engine, cli_admin: int, tmp_path: Path) -> dict[str, object]:
    """A signed session, a staff member with a password, and a folder for outputs."""
    with transaction(engine) as db:
        doctor = clinicians.get(db, clinician_id=cli_admin)
        clinicians.add(
            db,
            name="Jo Park",
            role=Role.STAFF,
            username="park",
            password="staff-password",
            by=cli_admin,
        )
    patient = make_patient(engine)
    session = make_signed_session(engine, patient, doctor)
    out = tmp_path / "out"
    out.mkdir()
    return {"session": session.id, "patient": patient.id, "out": out}


def argv(command: list[str], clinic: dict[str, object], sqlite_url: str) -> list[str]:
    return [part.format(**clinic) for part in command] + ["--db", sqlite_url]


def file_digest(url: str) -> str:
    path = Path(url.removeprefix("sqlite:///"))
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "command", READERS, ids=lambda c: c[0] + ("-json" if "--json" in c else "")
)
def test_no_credentials_no_data(
    command: list[str],
    clinic: dict[str, object],
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv(cli.USER_ENV)
    monkeypatch.delenv(cli.PASSWORD_ENV)
    assert cli.main(argv(command, clinic, sqlite_url)) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("botox-chart: Sign in first")
    assert len(err.strip().splitlines()) == 1
    assert list(clinic["out"].iterdir()) == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "command", READERS, ids=lambda c: c[0] + ("-json" if "--json" in c else "")
)
def test_wrong_password_no_data(
    command: list[str],
    clinic: dict[str, object],
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(cli.PASSWORD_ENV, "not the password")
    assert cli.main(argv(command, clinic, sqlite_url)) == 1
    out, err = capsys.readouterr()
    assert out == "" and "Wrong user name or password" in err
    assert "not the password" not in err
    assert list(clinic["out"].iterdir()) == []  # type: ignore[attr-defined]


def test_a_user_name_without_a_terminal_is_told_how_to_script_it(
    clinic: dict[str, object],
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv(cli.PASSWORD_ENV)
    assert cli.main(["sessions", "--user", "souza", "--db", sqlite_url]) == 1
    err = capsys.readouterr().err
    assert "needs the password" in err and cli.PASSWORD_ENV in err


def test_a_typed_password_signs_in(
    clinic: dict[str, object],
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv(cli.USER_ENV)
    monkeypatch.delenv(cli.PASSWORD_ENV)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    asked: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or "staff-password")
    assert cli.main(["sessions", "--user", "park", "--db", sqlite_url]) == 0
    assert asked == ["Password for park: "]
    assert "Tremblay" in capsys.readouterr().out


@pytest.mark.parametrize("command", ADMIN_ONLY, ids=lambda c: c[0])
def test_staff_may_not_restore_encrypt_or_rekey(
    command: list[str],
    clinic: dict[str, object],
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(cli.USER_ENV, "park")
    monkeypatch.setenv(cli.PASSWORD_ENV, "staff-password")
    before = file_digest(sqlite_url)
    assert cli.main(argv(command, clinic, sqlite_url)) == 1
    assert "Only an administrator can" in capsys.readouterr().err
    assert file_digest(sqlite_url) == before


def test_staff_read_and_print_and_the_export_is_theirs(
    engine: Engine,
    clinic: dict[str, object],
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(cli.USER_ENV, "park")
    monkeypatch.setenv(cli.PASSWORD_ENV, "staff-password")
    assert cli.main(argv(["note", "{session}", "-o", "{out}/n.pdf"], clinic, sqlite_url)) == 0
    with transaction(engine) as db:
        export = audit.events(db)[-1]
        park = clinicians.active(db)[-1]
    assert export.action == "export" and export.clinician_id == park.id
    assert park.username == "park"


def test_a_listing_leaves_the_database_file_unchanged(
    clinic: dict[str, object], sqlite_url: str, engine: Engine
) -> None:
    engine.dispose()
    before = file_digest(sqlite_url)
    assert cli.main(["sessions", "--json", "--db", sqlite_url]) == 0
    assert cli.main(["verify", "--db", sqlite_url]) == 0
    assert file_digest(sqlite_url) == before


def test_user_names_someone_else_than_the_environment_asks_for_their_password(
    clinic: dict[str, object],
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The environment's password is souza's: --user park never signs in with it."""
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert cli.main(["sessions", "--user", "park", "--db", sqlite_url]) == 1
    assert "Signing in as park needs the password" in capsys.readouterr().err
