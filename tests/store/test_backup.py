"""Backups: consistent copies while the app runs, rotation, and restore round trips."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from botox_chart import paths
from botox_chart.cli import main
from botox_chart.store import StorageError, backup, migrate, open_database, patients, transaction
from tests.helpers.factories import make_clinician, make_patient, make_signed_session


def names(engine: Engine) -> list[str]:
    with transaction(engine) as db:
        return [p.display_name for p in patients.summaries(db)]


def test_backup_while_a_transaction_is_open_is_consistent(engine: Engine, tmp_path: Path) -> None:
    make_patient(engine, family_name="Before")
    busy = sqlite3.connect(engine.url.database)  # another program mid-write
    busy.execute("BEGIN IMMEDIATE")
    busy.execute(
        "INSERT INTO patient (family_name, given_names, date_of_birth, chart_number, health_card, "
        "referring_physician, allergies, search_key, created_at) "
        "VALUES ('Uncommitted', 'X', '1970-01-01', 'U1', '', '', '', '', '2026-01-01')"
    )
    copy = backup.backup(engine, tmp_path / "copy.sqlite3")
    busy.rollback()
    busy.close()
    info = backup.inspect(copy)
    assert (info.patients, info.revision) == (1, migrate.head_revision())
    assert names(open_database(str(copy))) == ["Before, Marie"]


def test_backup_never_overwrites_a_file(engine: Engine, tmp_path: Path) -> None:
    target = tmp_path / "exists.sqlite3"
    target.write_bytes(b"keep me")
    with pytest.raises(StorageError, match="already exists"):
        backup.backup(engine, target)
    assert target.read_bytes() == b"keep me"


def test_automatic_backups_are_daily_and_rotate(engine: Engine) -> None:
    now = datetime.now()
    made = []
    for day in range(5):
        path = backup.auto_backup(engine, keep=3, now=now + timedelta(days=day))
        assert path is not None
        stamp = (now + timedelta(days=day)).timestamp()
        os.utime(path, (stamp, stamp))
        made.append(path)
        assert backup.auto_backup(engine, keep=3, now=now + timedelta(days=day, hours=1)) is None
    assert backup.automatic_backups() == made[-3:]


def test_restore_round_trip_keeps_the_replaced_data(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doctor = make_clinician(engine)
    make_signed_session(engine, make_patient(engine, family_name="Kept"), doctor)
    db = engine.url.database
    assert main(["backup", "-o", str(tmp_path / "b.sqlite3"), "--db", db]) == 0
    make_patient(engine, family_name="Later")
    assert names(engine) == ["Kept, Marie", "Later, Marie"]

    assert main(["restore", str(tmp_path / "b.sqlite3"), "--db", db]) == 1  # no terminal
    assert "needs confirmation" in capsys.readouterr().err
    assert main(["restore", str(tmp_path / "b.sqlite3"), "--yes", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "holds 1 patients and 1 sessions" in out
    assert names(open_database(db)) == ["Kept, Marie"]
    (safety,) = paths.backups_dir().glob("before-restore-*.sqlite3")
    assert names(open_database(str(safety))) == ["Kept, Marie", "Later, Marie"]


def test_restore_refuses_what_is_not_a_backup(engine: Engine, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    make_patient(engine, family_name="Safe")
    with pytest.raises(StorageError, match="not a botox-chart backup"):
        backup.restore(engine, junk)
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StorageError, match="not a botox-chart backup"):
        backup.restore(engine, other)
    assert names(engine) == ["Safe, Marie"]


def test_postgresql_is_backed_up_with_its_own_tools(pg_url: str) -> None:
    engine = open_database(pg_url)
    with pytest.raises(StorageError, match="pg_dump"):
        backup.backup(engine)
    engine.dispose()
