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
