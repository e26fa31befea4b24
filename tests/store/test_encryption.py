"""Encryption at rest: new databases and their backups are unreadable without the key, the key
lives in the keyring (or BOTOX_CHART_DB_KEY), a wrong or missing key changes nothing, and a
first-release plain database is converted without losing a row or leaving a plain copy."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import keyring
import pytest
import sqlalchemy as sa

from botox_chart import cli, paths
from botox_chart.store import backup, cipher, demo, encryption, migrate, open_database
from botox_chart.store.engine import make_engine
from botox_chart.store.verify import verify
from tests.helpers import raw
from tests.helpers.factories import make_patient
from tests.helpers.first_release import FIRST_RELEASE_ROWS
from tests.helpers.memory_keyring import MemoryKeyring


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """This computer has a keyring, and BOTOX_CHART_DB_KEY is not set (a clinician's laptop)."""
    monkeypatch.delenv(cipher.KEY_ENV)
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_hold(folder: Path, text: str) -> list[Path]:
    needle = text.encode()
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_a_new_database_and_its_backups_hold_no_readable_patient_data(
    memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    shown: list[str] = []
    path = tmp_path / "clinic.sqlite3"
    engine = open_database(str(path), on_new_key=shown.append)
    demo.generate(engine, patients=15, seed=6, today=date(2026, 11, 30))
    backup.backup(engine, tmp_path / "copy.sqlite3")
    backup.auto_backup(engine)
    engine.dispose()

    (recovery,) = shown  # shown once, at creation
    assert list(memory_keyring.entries.values()) == [cipher.normalise(recovery)]
    for name in ("Tremblay", "Gagnon", "D000001", "demo_data"):
        assert files_hold(tmp_path, name) == []
    assert not cipher.is_plain(path)
    # The keyring opens it again, and the recovery key opens it without the keyring.
    assert verify(open_database(str(path))).ok
    keyring.set_keyring(MemoryKeyring())
    with pytest.raises(cipher.KeyMissing, match="no key for it was found"):
        open_database(str(path))
    assert open_database(str(path), key=cipher.normalise(recovery)) is not None


def test_no_keyring_and_no_key_asks_instead_of_writing_plain(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(cipher.KEY_ENV)
    path = tmp_path / "clinic.sqlite3"
    with pytest.raises(cipher.NoKeyring, match="no keyring"):
        open_database(str(path))
    assert not path.exists() or path.stat().st_size == 0


def test_a_passphrase_from_the_environment_encrypts_and_a_wrong_one_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(cipher.KEY_ENV, "correct horse battery staple")
    path = tmp_path / "clinic.sqlite3"
    assert cli.main(["demo-data", "--patients", "2", "--db", str(path)]) == 0
    assert files_hold(tmp_path, "demo-password") == []
    capsys.readouterr()
    # The -shm file is SQLite's shared index of the WAL, rebuilt by any reader: not the data.
    before = {
        p.name: digest(p) for p in tmp_path.iterdir() if p.is_file() and p.suffix != ".sqlite3-shm"
    }

    monkeypatch.setenv(cipher.KEY_ENV, "wrong horse")
    assert cli.main(["sessions", "--db", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "could not be opened with its key" in err
    assert len(err.strip().splitlines()) == 1  # SQLCipher's own error log stays quiet
    after = {p.name: digest(p) for p in tmp_path.iterdir() if p.is_file()}
    assert {name: value for name, value in after.items() if name in before} == before


def test_a_first_release_database_is_encrypted_without_losing_a_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "clinic.sqlite3"
    old = make_engine(f"sqlite:///{path}")  # a plain database, as the first release made them
    migrate.upgrade(old, "0005")
    with old.begin() as conn:
        for statement in FIRST_RELEASE_ROWS:
            conn.execute(sa.text(statement))
        conn.execute(
            sa.text("UPDATE clinician SET username = 'souza', password_hash = :h WHERE id = 1"),
            {"h": _hash(demo.DEMO_PASSWORD)},
        )
    old.dispose()
    engine = open_database(str(path))  # upgraded, still plain
    assert cipher.is_plain(path)
    backup.auto_backup(engine)  # a plain backup in the data folder too
    with engine.connect() as conn:
        counts = {
            t: conn.exec_driver_sql(f"SELECT COUNT(*) FROM {t}").scalar()
            for t in ("patient", "treatment_session", "injection", "addendum", "audit_event")
        }
        signed = conn.exec_driver_sql(
            "SELECT record_digest FROM treatment_session WHERE id = 1"
        ).scalar()
    engine.dispose()
    assert files_hold(tmp_path, "Fine.")  # the session's note, readable in the plain file

    assert cli.main(["encrypt", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Recovery key" in out and "and 2 backups" in out  # the daily one, the pre-upgrade copy

    assert not cipher.is_plain(path)
    assert files_hold(tmp_path, "Fine.") == []  # no plain copy left, backups included
    assert all(not cipher.is_plain(p) for p in paths.backups_dir(path).glob("*.sqlite3"))
    engine = open_database(str(path))
    with engine.connect() as conn:
        assert {t: conn.exec_driver_sql(f"SELECT COUNT(*) FROM {t}").scalar() for t in counts} == {
            t: n + (1 if t == "audit_event" else 0) for t, n in counts.items()
        }
        assert (
            conn.exec_driver_sql(
                "SELECT record_digest FROM treatment_session WHERE id = 1"
            ).scalar()
            == signed
        )
    report = verify(engine)
    assert report.ok, report.problems
    engine.dispose()


def test_rekey_changes_the_key_of_the_database_and_its_backups(
    memory_keyring: MemoryKeyring, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "clinic.sqlite3"
    shown: list[str] = []
    engine = open_database(str(path), on_new_key=shown.append)
    demo.generate(engine, patients=3, seed=1, today=date(2026, 11, 30))
    copy = backup.backup(engine, tmp_path / "b.sqlite3")
    auto = backup.auto_backup(engine)
    assert auto is not None
    old = cipher.normalise(shown[0])

    change = encryption.rekey(engine)

    new = cipher.normalise(change.recovery_key)
    assert new != old and list(memory_keyring.entries.values()) == [new]
    assert change.backups == (auto,)  # the data folder's backups follow the database
    for encrypted, key in ((path, new), (auto, new), (copy, old)):
        connection = raw.connect(encrypted, key=key)
        assert connection.execute("SELECT COUNT(*) FROM patient").fetchone()[0] == 3
        connection.close()
    with pytest.raises(cipher.DatabaseError):
        raw.connect(path, key=old).execute("SELECT COUNT(*) FROM patient")
    assert verify(open_database(str(path))).ok


def _hash(password: str) -> str:
    from argon2 import PasswordHasher

    return PasswordHasher().hash(password)


def test_rekey_converts_this_database_s_backups_and_never_another_s(
    tmp_path: Path, database_key: str
) -> None:
    """Both databases under the same key (BOTOX_CHART_DB_KEY): re-keying one converts its own
    backups folder and what an earlier version left of it in the shared folder (a backup named by
    its companion file, a copy before an upgrade by its identity), never the other's backups."""
    clinic = open_database(str(tmp_path / "clinic.sqlite3"))
    other = open_database(str(tmp_path / "other.sqlite3"))
    make_patient(clinic)
    shared = paths.private_folder(paths.shared_backups_dir())
    earlier = backup.backup(clinic, shared / "botox-chart-20260101-090000.sqlite3")
    before_upgrade = shared / "clinic-before-upgrade-0005-20260101-090000.sqlite3"
    with (
        closing(cipher.connect(tmp_path / "clinic.sqlite3", key=database_key)) as source,
        closing(cipher.connect(before_upgrade, key=database_key)) as copy,
    ):
        source.backup(copy)
    theirs = backup.backup(other, shared / "botox-chart-20260102-090000.sqlite3")
    their_daily = backup.auto_backup(other)
    own_daily = backup.auto_backup(clinic)
    other.dispose()

    change = encryption.rekey(clinic)

    assert set(change.backups) == {own_daily, earlier, before_upgrade}
    new = cipher.normalise(change.recovery_key)
    for path, key, patients in (
        (own_daily, new, 1),
        (earlier, new, 1),
        (before_upgrade, new, 1),
        (theirs, database_key, 0),
        (their_daily, database_key, 0),
    ):
        connection = raw.connect(path, key=key)
        assert connection.execute("SELECT COUNT(*) FROM patient").fetchone()[0] == patients
        connection.close()
