"""Backups of the SQLite database: on demand, automatic and rotating, and restoring one.

Copies use SQLite's online backup API, so they are consistent while the app is charting. PostgreSQL
is backed up with the server's own tools (pg_dump), as the README says.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import Engine

from botox_chart import paths
from botox_chart.store import migrate
from botox_chart.store.engine import SQLITE_HEADER, StorageError, describe, sqlite_path

AUTO_PREFIX = "auto-"
KEEP_ENV = "BOTOX_CHART_BACKUP_KEEP"
DEFAULT_KEEP = 14
"""Automatic backups kept (one a day: two weeks)."""
AUTO_EVERY = timedelta(hours=24)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str | None
    patients: int
    sessions: int
    newest_session: str | None


def backup(engine: Engine, target: Path | None = None) -> Path:
    """A consistent copy of the database (safe while the app runs); returns its path."""
    source = _require_sqlite(engine)
    if target is None:
        target = paths.backups_dir() / f"botox-chart-{_stamp()}.sqlite3"
    if target.exists():
        raise StorageError(f"{target} already exists; choose another file name.")
    _copy(source, target)
    return target


def auto_backup(
    engine: Engine, *, keep: int | None = None, now: datetime | None = None
) -> Path | None:
    """A daily rotating backup in the data folder: made if the newest is over a day old."""
    if sqlite_path(engine) is None:
        return None
    keep = keep if keep is not None else _keep_from_env()
    now = now or datetime.now()
    existing = automatic_backups()
    if existing and now - _modified(existing[-1]) < AUTO_EVERY:
        return None
    target = paths.backups_dir() / f"{AUTO_PREFIX}{now.strftime('%Y%m%d-%H%M%S')}.sqlite3"
    _copy(_require_sqlite(engine), target)
    for old in automatic_backups()[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return target


def automatic_backups() -> list[Path]:
    """Automatic backups, oldest first."""
    return sorted(paths.backups_dir().glob(f"{AUTO_PREFIX}*.sqlite3"))


def inspect(path: Path) -> BackupInfo:
    """What a backup file holds, after checking it is a sound botox-chart database."""
    _require_database_file(path)
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise StorageError(f"{path} is damaged (integrity check failed).")
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            patients = conn.execute("SELECT COUNT(*) FROM patient").fetchone()[0]
            sessions = conn.execute("SELECT COUNT(*) FROM treatment_session").fetchone()[0]
            newest = conn.execute("SELECT MAX(date_of_service) FROM treatment_session").fetchone()
        conn.close()
    except sqlite3.DatabaseError as err:
        raise StorageError(f"{path} is not a botox-chart backup ({err}).") from err
    if not migrate.is_known(revision):
        raise StorageError(f"{path} was made by a newer version of botox-chart.")
    return BackupInfo(path, revision, patients, sessions, newest[0])


def restore(engine: Engine, source: Path) -> Path:
    """Replace the database's contents with a backup; the current data is saved first.

    Returns the path of that safety copy. The caller has asked the user to confirm.
    """
    target = _require_sqlite(engine)
    inspect(source)
    safety = paths.backups_dir() / f"before-restore-{_stamp()}.sqlite3"
    if target.exists():
        _copy(target, safety)
    engine.dispose()
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return safety


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        with (
            sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src,
            sqlite3.connect(partial) as dst,
        ):
            src.backup(dst)
        src.close()
        dst.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as err:
        partial.unlink(missing_ok=True)
        raise StorageError(f"Could not write the backup {target}: {err}") from err


def _require_sqlite(engine: Engine) -> Path:
    path = sqlite_path(engine)
    if path is None:
        raise StorageError(
            f"{describe(engine)} is a server database: back it up with the server's own tools "
            f"(for PostgreSQL: pg_dump -Fc DBNAME > backup.dump; see the README)."
        )
    return path


def _require_database_file(path: Path) -> None:
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as err:
        raise StorageError(f"Cannot read {path}: {err.strerror}.") from err
    if header != SQLITE_HEADER:
        raise StorageError(f"{path} is not a botox-chart backup (not a SQLite file).")


def _keep_from_env() -> int:
    try:
        return max(1, int(os.environ.get(KEEP_ENV, DEFAULT_KEEP)))
    except ValueError:
        return DEFAULT_KEEP


def _modified(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime)


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")
