"""The first patient list: read before the database is opened for work, without writing a byte,
and only where that is the plain case (anything unusual goes through open_database's checks)."""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from botox_chart.store import patient_list, patients, transaction
from tests.helpers.factories import make_patient


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def checkpointed(engine: Engine, path: Path) -> None:
    """Everything in the database file itself, nothing in a WAL beside it."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)


def test_it_lists_every_patient_as_the_store_does_and_writes_nothing(
    engine: Engine, sqlite_url: str, tmp_path: Path
) -> None:
    for n, family in enumerate(["Roy", "Côté", "Tremblay", "Gagnon"]):
        make_patient(engine, family_name=family, chart_number=f"C{n}")
    with transaction(engine) as db:
        expected = patients.summaries(db)
    path = tmp_path / "test.db"
    checkpointed(engine, path)
    before = digest(path)

    listed = patient_list.read_before_opening(sqlite_url)

    assert listed is not None
    assert sorted(listed, key=lambda p: p.id) == sorted(expected, key=lambda p: p.id)
    assert sorted(p.family_name for p in listed) == ["Côté", "Gagnon", "Roy", "Tremblay"]
    assert all(isinstance(p.date_of_birth, date) for p in listed)
    assert digest(path) == before
    wal = path.with_name("test.db-wal")  # a WAL database's reader may create it, empty
    assert not wal.exists() or wal.stat().st_size == 0


def test_it_reads_the_encrypted_file_with_its_key_and_no_sqlalchemy(
    engine: Engine, sqlite_url: str, tmp_path: Path
) -> None:
    """The read runs where SQLAlchemy is not loaded (the window, before the engine)."""
    make_patient(engine, family_name="Lapointe")
    checkpointed(engine, tmp_path / "test.db")
    code = (
        "import sys; from botox_chart.store import patient_list; "
        f"rows = patient_list.read_before_opening({sqlite_url!r}); "
        "print(len(rows), 'sqlalchemy' in sys.modules)"
    )
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["1", "False"]


def test_a_wrong_key_or_a_new_file_is_left_to_open_database(
    engine: Engine, sqlite_url: str, tmp_path: Path
) -> None:
    make_patient(engine)
    checkpointed(engine, tmp_path / "test.db")
    assert patient_list.read_before_opening(sqlite_url, key="0" * 64) is None
    assert patient_list.read_before_opening(str(tmp_path / "new.db")) is None
    assert not (tmp_path / "new.db").exists()
    assert patient_list.read_before_opening("postgresql+psycopg://u@127.0.0.1:1/x") is None


def test_another_program_s_database_or_an_older_schema_is_left_to_open_database(
    tmp_path: Path, engine: Engine, sqlite_url: str
) -> None:
    other = tmp_path / "contacts.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE patient (id INTEGER)")
    assert patient_list.read_before_opening(str(other)) is None

    make_patient(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0010'")
    checkpointed(engine, tmp_path / "test.db")
    assert patient_list.read_before_opening(sqlite_url) is None


@pytest.mark.parametrize("url", ["sqlite:///:memory:", "sqlite:///{tmp}/x.db?mode=ro"])
def test_unusual_sqlite_urls_are_left_to_open_database(url: str, tmp_path: Path) -> None:
    assert patient_list.read_before_opening(url.format(tmp=tmp_path)) is None


def test_folding_a_plain_name_gives_what_the_full_folding_gives() -> None:
    """The ASCII shortcut (most names) and the full decomposition agree."""
    import unicodedata

    def full(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")

    for text in ["Tremblay, Marie", "O'BRIEN", "d00123", "MacDonald-Smith", "Côté", "ŁUKASZ", ""]:
        assert patient_list.fold(text) == full(text)
