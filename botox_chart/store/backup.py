"""Backups of the SQLite database: on demand, automatic and rotating, and restoring one.

Copies use SQLite's online backup API, so they are consistent while the app is charting. PostgreSQL
is backed up with the server's own tools (pg_dump), as the README says: a server database has no
file and no backups folder, so the daily backup skips it and ``backup``/``restore`` refuse it.

Each database file has its own backups folder beside it, ``backups/<file name>/``
(``paths.backups_dir``): ``--db ~/clinic/demo.sqlite3`` is backed up into
``~/clinic/backups/demo.sqlite3/``. The daily backup, its rotation, an unnamed ``backup``, the
copy saved before a restore and the copy before a schema upgrade all go there, so one database's
backup never stands in for another's. Earlier versions put every database's backups into the
data folder's shared ``backups`` folder (``paths.shared_backups_dir``); those stay where they are,
are never rotated or deleted, and are still restored with ``restore FILE`` (any path) and found
by :func:`backups_of`.

A damaged database is never backed up: the integrity check runs before every copy, and again on the
copy. Each backup has a companion ``.json`` file with the audit chain's head at the time (one more
copy of it outside the database, store.anchors) and the check's result; rotation always keeps the
newest backup that passed it. A restore gives the restored database a new identity, so a window
still open on the old one cannot write into it (store.identity), starts a new anchor file, and
records the restore in the audit trail.
"""

from __future__ import annotations

import json
import os
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from botox_chart import output, paths
from botox_chart.i18n import _
from botox_chart.store import anchors, audit, cipher, identity
from botox_chart.store.engine import (
    StorageError,
    check_integrity,
    describe,
    make_engine,
    open_database,
    sqlite_path,
)

AUTO_PREFIX = "auto-"
KEEP_ENV = "BOTOX_CHART_BACKUP_KEEP"
DEFAULT_KEEP = 14
"""Automatic backups kept (one a day: two weeks)."""
AUTO_EVERY = timedelta(hours=24)
METADATA_SUFFIX = ".json"
"""A backup's companion file: the audit chain's head when it was made, and its check's result."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str | None
    patients: int
    sessions: int
    newest_session: str | None


def backup(
    engine: Engine, target: str | os.PathLike[str] | None = None, *, force: bool = False
) -> Path:
    """A consistent copy of the database (safe while the app runs); returns its path.

    Raises OutputRefused for the database itself, a folder, device or pipe, and an existing file
    unless ``force``.
    """
    source = _require_sqlite(engine)
    if target is None:
        target = paths.backups_dir(source) / f"botox-chart-{_stamp()}.sqlite3"
    output.check_target(target, force=force, database=source)
    output.check_target(metadata_path(Path(target)), force=force, database=source)
    check_integrity(engine)
    return _copy(source, target, force=force, key=cipher.key_of(engine, source))


def auto_backup(
    engine: Engine, *, keep: int | None = None, now: datetime | None = None
) -> Path | None:
    """The database's daily rotating backup, in its own backups folder: made if the newest there
    is over a day old (another database's backups do not count). None for a server database."""
    source = sqlite_path(engine)
    if source is None:
        return None
    keep = keep if keep is not None else _keep_from_env()
    now = now or datetime.now()
    existing = automatic_backups(source)
    if existing and now - _modified(existing[-1]) < AUTO_EVERY:
        return None
    target = paths.backups_dir(source) / f"{AUTO_PREFIX}{now.strftime('%Y%m%d-%H%M%S')}.sqlite3"
    check_integrity(engine)
    _copy_aside(source, target, key=cipher.key_of(engine, source))
    _rotate(source, keep)
    return target


def _rotate(database: Path, keep: int) -> None:
    """Delete the database's oldest automatic backups beyond ``keep``, never the newest that
    passed its integrity check (whatever else is newer)."""
    backups = automatic_backups(database)
    kept = set(backups[-keep:])
    sound = [path for path in backups if passed_check(path)]
    if sound:
        kept.add(sound[-1])
    for old in backups:
        if old not in kept:
            old.unlink(missing_ok=True)
            metadata_path(old).unlink(missing_ok=True)


def metadata_path(backup_file: Path) -> Path:
    return backup_file.with_name(backup_file.name + METADATA_SUFFIX)


def metadata(backup_file: Path) -> dict[str, Any] | None:
    """A backup's companion file (None if it has none or it cannot be read)."""
    try:
        data = json.loads(metadata_path(backup_file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def passed_check(backup_file: Path) -> bool:
    found = metadata(backup_file)
    return found is not None and found.get("integrity") == "ok"


def automatic_backups(database: Path) -> list[Path]:
    """The database's automatic backups, oldest first."""
    return sorted(paths.backups_dir(database, create=False).glob(f"{AUTO_PREFIX}*.sqlite3"))


def backups_of(database: Path, *, key: str | None) -> list[Path]:
    """Every backup file of this database the app knows of: first those in its own
    folder, and those an earlier version left in the shared folder that were made of it (their
    companion file names it, or the copy itself has its identity, e.g. a copy before an upgrade).
    ``key`` is the database's (None: plain); a copy it cannot open is not claimed."""
    own = sorted(paths.backups_dir(database, create=False).glob("*.sqlite3"))
    shared = paths.shared_backups_dir()
    uid = _identity_of(database, key)
    if uid is None:
        return own
    earlier = []
    for candidate in sorted(shared.glob("*.sqlite3")):
        if not candidate.is_file():
            continue
        found = metadata(candidate)
        if found is not None and found.get("database_id") is not None:
            mine = found["database_id"] == uid
        else:
            mine = _identity_of(candidate, None if cipher.is_plain(candidate) else key) == uid
        if mine:
            earlier.append(candidate)
    return own + earlier


def _identity_of(path: Path, key: str | None) -> str | None:
    """The identity a database file (or a raw copy of one) carries; None if it has none or
    cannot be opened with ``key``."""
    try:
        with closing(cipher.connect(path, key=key, read_only=True)) as conn:
            row = conn.execute("SELECT uid FROM database_identity WHERE id = 1").fetchone()
    except (cipher.Error, OSError):
        return None
    return row[0] if row else None


def inspect(
    path: Path, *, database: Path | None = None, database_key: str | None = None
) -> BackupInfo:
    """What a backup file holds, after checking it is a sound botox-chart database. An encrypted
    backup is opened with the key of ``database`` (the one it is a backup of)."""
    key = _backup_key(path, database, database_key)
    try:
        with closing(cipher.connect(path, key=key, read_only=True)) as conn:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise StorageError(
                    _("{path} is damaged (integrity check failed).").format(path=path)
                )
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            patients = conn.execute("SELECT COUNT(*) FROM patient").fetchone()[0]
            sessions = conn.execute("SELECT COUNT(*) FROM treatment_session").fetchone()[0]
            newest = conn.execute("SELECT MAX(date_of_service) FROM treatment_session").fetchone()
            _check_head(path, conn)
    except cipher.DatabaseError as err:
        if key is not None:
            said = _(
                "{path} is not a botox-chart backup (or it is encrypted with another key): "
                "{reason}."
            )
        else:
            said = _("{path} is not a botox-chart backup: {reason}.")
        raise StorageError(said.format(path=path, reason=err)) from err
    from botox_chart.store import migrate  # Alembic: only to read a backup, never on every start

    if not migrate.is_known(revision):
        raise StorageError(
            _("{path} was made by a newer version of botox-chart.").format(path=path)
        )
    return BackupInfo(path, revision, patients, sessions, newest[0])


def _backup_key(path: Path, database: Path | None, known: str | None = None) -> str | None:
    try:
        with path.open("rb"):
            pass
    except OSError as err:
        raise StorageError(
            _("Cannot read {path}: {reason}.").format(path=path, reason=err.strerror)
        ) from err
    if cipher.is_plain(path):
        return None
    if known is not None:
        return known
    key = cipher.key_for(database) if database is not None else cipher.key_for(path)
    if key is None:
        raise cipher.KeyMissing(
            _(
                "{path} is encrypted (or is not a backup at all), and no key for it was found: "
                "set {variable} to the recovery key of the database it was made from."
            ).format(path=path, variable=cipher.KEY_ENV)
        )
    return key


def _check_head(path: Path, conn: Any) -> None:
    """A backup whose audit trail no longer ends where its companion file says was changed."""
    found = metadata(path)
    if not found or not found.get("head_digest"):
        return
    head = conn.execute("SELECT id, digest FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    if head is None or (head[0], head[1]) != (found.get("head_event_id"), found["head_digest"]):
        raise StorageError(
            _(
                "{path} was changed after it was made (its audit trail does not end where its "
                "companion file {companion} says). It was not used."
            ).format(path=path, companion=metadata_path(path).name)
        )


def restore(engine: Engine, source: Path) -> Path:
    """Replace the database's contents with a backup; the current data is saved first.

    Returns the path of that safety copy. The caller has asked the user to confirm.
    """
    target = _require_sqlite(engine)
    current_key = cipher.key_of(engine, target)
    inspect(source, database=target, database_key=current_key)
    key = _backup_key(source, target, current_key)
    safety = paths.backups_dir(target) / f"before-restore-{_stamp()}.sqlite3"
    if target.exists():
        _copy_aside(target, safety, key=current_key)
    engine.dispose()
    # A fresh file put in the database's place (as encrypted as the backup is): a window still
    # open on the old one notices (store.identity) and never writes into this one.
    incoming = target.with_name(f".{target.name}.restoring")
    incoming.unlink(missing_ok=True)
    paths.private_file(incoming)  # 0600 (issue 10): it becomes the database, -wal and -shm alike
    with (
        closing(cipher.connect(source, key=key, read_only=True)) as src,
        closing(cipher.connect(incoming, key=key)) as dst,
    ):
        src.backup(dst)
    for companion in ("-wal", "-shm"):
        Path(f"{target}{companion}").unlink(missing_ok=True)
    os.replace(incoming, target)
    # The anchors of the database just replaced stay with its safety copy; the restored one
    # starts its own from the head it had when it was backed up.
    anchor_file = anchors.path_for(make_engine(f"sqlite:///{target}"))
    if anchor_file.exists():
        os.replace(anchor_file, safety.with_name(safety.name + anchors.SUFFIX))
    restored = open_database(str(target))
    try:
        with Session(restored) as db:
            identity.renew(db.connection())
            audit.record(db, action="restore", changes={"safety_copy": safety.name})
            db.commit()
    finally:
        restored.dispose()
    return safety


def _copy(
    source: Path, target: str | os.PathLike[str], *, force: bool = False, key: str | None
) -> Path:
    """Copy with SQLite's backup API into a private temporary file beside ``target``, then publish
    it (botox_chart.output: never over the database, a non-regular file, or unforced a file)."""

    def fill(_descriptor: int, temporary: Path) -> None:
        with (
            closing(cipher.connect(source, key=key, read_only=True)) as src,
            closing(cipher.connect(temporary, key=key)) as dst,
        ):
            src.backup(dst)
            # The copy gets an identity of its own: put back by hand over the live file (not
            # through restore), a window open on the database still notices (store.identity).
            renewed = dst.execute(
                "UPDATE database_identity SET uid = ? WHERE id = 1", (identity.new_uid(),)
            )
            if renewed.rowcount:
                dst.commit()
            # One self-contained file: no -wal or -shm beside a backup (restore turns WAL on).
            dst.execute("PRAGMA journal_mode = DELETE")

    try:
        written = output.write_with(target, fill, force=force, database=source)
        _write_metadata(written, force=force, database=source, key=key)
    except (cipher.Error, OSError) as err:
        raise StorageError(
            _("Could not write the backup {path}: {reason}").format(path=target, reason=err)
        ) from err
    return written


def _write_metadata(backup_file: Path, *, force: bool, database: Path, key: str | None) -> None:
    """The companion file: the copy's own integrity check and audit-chain head."""
    with closing(cipher.connect(backup_file, key=key, read_only=True)) as copy:
        integrity = copy.execute("PRAGMA quick_check(1)").fetchone()[0]
        head = copy.execute(
            "SELECT id, digest FROM audit_event ORDER BY id DESC LIMIT 1"
        ).fetchone()
        revision = copy.execute("SELECT version_num FROM alembic_version").fetchone()
        own = copy.execute("SELECT uid FROM database_identity WHERE id = 1").fetchone()
    with closing(cipher.connect(database, key=key, read_only=True)) as origin:
        uid = origin.execute("SELECT uid FROM database_identity WHERE id = 1").fetchone()
    document = {
        "made_at": datetime.now(UTC).isoformat(),
        "integrity": integrity,
        "schema": revision[0] if revision else None,
        "database_id": uid[0] if uid else None,
        "backup_id": own[0] if own else None,
        "head_event_id": head[0] if head else None,
        "head_digest": head[1] if head else None,
        "encrypted": key is not None,
        "key": cipher.fingerprint(key) if key is not None else None,
    }
    if integrity != "ok":
        backup_file.unlink(missing_ok=True)
        raise StorageError(
            _("The copy {path} failed its integrity check ({problem}).").format(
                path=backup_file, problem=integrity
            )
        )
    output.write_bytes(
        metadata_path(backup_file),
        json.dumps(document, indent=1).encode(),
        force=force,
        database=database,
    )


def _copy_aside(source: Path, target: Path, *, key: str | None) -> None:
    """A copy the app names itself (automatic, before a restore): a refusal is a storage error."""
    try:
        _copy(source, target, key=key)
    except output.OutputRefused as err:
        raise StorageError(_("Could not write the backup {reason}").format(reason=err)) from err


def _require_sqlite(engine: Engine) -> Path:
    path = sqlite_path(engine)
    if path is None:
        raise StorageError(
            _(
                "{database} is a server database: back it up with the server's own tools "
                "(for PostgreSQL: pg_dump -Fc DBNAME > backup.dump; see the README)."
            ).format(database=describe(engine))
        )
    return path


def _keep_from_env() -> int:
    try:
        return max(1, int(os.environ.get(KEEP_ENV, DEFAULT_KEEP)))
    except ValueError:
        return DEFAULT_KEEP


def _modified(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime)


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")
