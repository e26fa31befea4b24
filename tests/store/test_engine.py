"""Opening databases: migrations, SQLite settings, and files that must be left untouched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from botox_chart import paths
from botox_chart.store import StorageError, migrate, open_database, transaction
from botox_chart.store.engine import SCHEMA_HEAD, make_engine, stored_revision
from tests.helpers import raw


def test_the_schema_head_constant_is_the_newest_migration() -> None:
    assert SCHEMA_HEAD == migrate.head_revision()


def test_an_empty_database_is_migrated_to_head(sqlite_url: str) -> None:
    engine = open_database(sqlite_url)
    assert stored_revision(engine) == migrate.head_revision()
    tables = set(sa.inspect(engine).get_table_names())
    assert {"patient", "clinician", "treatment_session", "injection", "addendum"} <= tables
    assert {"audit_event", "setting", "alembic_version"} <= tables
    engine.dispose()
    # Opening again is a no-op, and no pre-upgrade copy of a new database was made.
    open_database(sqlite_url).dispose()
    assert not paths.backups_dir(Path(sqlite_url.removeprefix("sqlite:///")), create=False).exists()


def test_postgresql_is_migrated_to_head(pg_url: str) -> None:
    engine = open_database(pg_url)
    assert stored_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_sqlite_runs_with_foreign_keys_and_wal(engine: Engine) -> None:
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    with transaction(engine) as db, pytest.raises(sa.exc.IntegrityError):
        db.execute(
            sa.text(
                "INSERT INTO treatment_session (patient_id, protocol_code, date_of_service, "
                "product, din_ndc, lot_number, vial_units, vial_count, diluent, diluent_ml, "
                "needle, consent, adverse_event_other, tolerance, aftercare, notes, status, "
                "version, created_at, updated_at) VALUES (999, 'preempt', '2026-01-01', '', '', "
                "'', 200, 1, '', 400, '', 0, '', '', '', '', 'draft', 1, '2026-01-01', "
                "'2026-01-01')"
            )
        )


def test_default_database_lives_in_the_data_folder(isolated_data_dir: Path) -> None:
    assert paths.database_url() == f"sqlite:///{isolated_data_dir / 'botox-chart.sqlite3'}"
    engine = open_database()
    assert (isolated_data_dir / "botox-chart.sqlite3").is_file()
    engine.dispose()


def test_a_file_that_is_not_a_database_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"Patient list, do not delete\n" * 50)
    before = path.read_bytes()
    with pytest.raises(StorageError, match="not a botox-chart database"):
        open_database(str(path))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.glob("notes*")] == ["notes.sqlite3"]  # no -wal, no -journal


def test_a_corrupt_database_is_reported_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.sqlite3"
    open_database(str(path)).dispose()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the header survives, the schema page does not
    path.write_bytes(bytes(data))
    with pytest.raises(StorageError, match="damaged"):
        open_database(str(path))
    assert path.read_bytes() == bytes(data)


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    open_database(str(path)).dispose()
    with raw.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="newer version of botox-chart"):
        open_database(str(path))
    assert path.read_bytes() == before


def test_a_locked_database_is_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_key: str
) -> None:
    monkeypatch.setattr("botox_chart.store.engine.BUSY_TIMEOUT_MS", 100)
    path = tmp_path / "locked.sqlite3"
    open_database(str(path)).dispose()
    other = raw.connect(path)
    other.execute("BEGIN EXCLUSIVE")
    try:
        engine = make_engine(f"sqlite:///{path}", key=database_key)
        with pytest.raises(StorageError, match="locked by another program"):
            with transaction(engine) as db:
                db.execute(sa.text("INSERT INTO setting (key, value) VALUES ('x', '1')"))
                db.commit()
        engine.dispose()
    finally:
        other.rollback()
        other.close()


def test_bad_urls_and_missing_drivers_are_clear(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="not a database URL"):
        make_engine("://nowhere")
    with pytest.raises(StorageError, match="No database driver"):
        make_engine("nosuchdb://host/db")
    with pytest.raises(StorageError, match="is a folder"):
        open_database(str(tmp_path))


def test_a_full_disk_is_a_clear_message_and_stored_data_survives(
    tmp_path: Path, database_key: str
) -> None:
    path = tmp_path / "full.sqlite3"
    engine = open_database(str(path))
    with transaction(engine) as db:
        db.execute(sa.text("INSERT INTO setting (key, value) VALUES ('kept', '1')"))
        db.commit()
    engine.dispose()
    full = make_engine(f"sqlite:///{path}", key=database_key)

    @sa.event.listens_for(full, "connect")
    def no_room_to_grow(dbapi_connection: Any, _record: object) -> None:
        # SQLite reports exactly what a full disk reports (SQLITE_FULL) once the file may not grow.
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    with pytest.raises(StorageError, match="is full. Free some space"):
        with transaction(full) as db:
            db.execute(
                sa.text("INSERT INTO setting (key, value) VALUES (:k, :v)"),
                [{"k": f"k{n}", "v": "x" * 2000} for n in range(200)],
            )
            db.commit()
    full.dispose()
    with raw.connect(path) as conn:
        assert conn.execute("SELECT key FROM setting").fetchall() == [("kept",)]
    conn.close()


def test_a_read_only_database_is_a_clear_message(tmp_path: Path, database_key: str) -> None:
    path = tmp_path / "readonly.sqlite3"
    open_database(str(path)).dispose()
    before = path.read_bytes()
    # What a read-only folder or file gives a non-root user (CI runs as root, so ask SQLite).
    engine = make_engine(f"sqlite:///file:{path}?mode=ro&uri=true", key=database_key)
    with pytest.raises(StorageError, match="read-only"):
        with transaction(engine) as db:
            db.execute(sa.text("INSERT INTO setting (key, value) VALUES ('x', '1')"))
            db.commit()
    engine.dispose()
    assert path.read_bytes() == before
