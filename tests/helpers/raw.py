"""The attacker's (or the inspector's) connection: a plain DB-API connection to a database file,
none of the app's settings, keyed with the tests' database key when the file is encrypted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from botox_chart.store import cipher


def connect(path: Path | str, *, key: str | None = None) -> Any:
    """Open ``path`` as a person with the file and its recovery key would (sqlite3's API), with
    the SQLite shell's defaults: recursive triggers off, so REPLACE does not fire delete
    triggers. (SQLCipher's library, as the app uses: two SQLite libraries in one process must not
    share a file.)"""
    path = Path(path)
    if cipher.is_plain(path) or cipher.is_new(path):
        connection = cipher.connect(path, key=None)
    else:
        connection = cipher.connect(path, key=key if key is not None else cipher.key_for(path))
    connection.execute("PRAGMA recursive_triggers = OFF")
    return connection


def database_file(engine: Any) -> Path:
    """The file of a SQLite engine (its backups folder is beside it: paths.backups_dir)."""
    from botox_chart.store.engine import sqlite_path

    path = sqlite_path(engine)
    assert path is not None, "a SQLite database"
    return path


def patients(engine: Any) -> list[tuple[str, str, str]]:
    """(family name, given names, chart number) of every patient, in the order they were added,
    read with plain SQL from outside the app."""
    connection = connect(database_file(engine))
    try:
        rows = connection.execute(
            "SELECT family_name, given_names, chart_number FROM patient ORDER BY id"
        ).fetchall()
    finally:
        connection.close()
    return [(str(f), str(g), str(c)) for f, g, c in rows]


def demo_file(path: Path, *, patients: int, seed: int) -> Path:
    """A demo clinic in one SQLite file (its -wal checkpointed into it), as a disk holds it: what
    the tests that damage a file start from."""
    from datetime import date

    from botox_chart.store import demo, open_database

    engine = open_database(str(path))
    demo.generate(engine, patients=patients, seed=seed, today=date(2026, 11, 30))
    engine.dispose()
    with connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path
