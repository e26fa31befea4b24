"""Encrypting a first-release (plain) database, and changing a database's key: the database and
the backups the app keeps of it, together, so no plain copy and no copy under a forgotten key is
left behind. Its backups are those in its own backups folder and those of it an earlier version
left in the data folder's shared one (store.backup.backups_of); another database's backups are
never touched. Both are audited (with the keys' fingerprints, never the keys).

Nothing else may have the database open meanwhile: the command line says so, and a window that
still had it open notices the new file (store.identity) and reloads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from botox_chart import output
from botox_chart.i18n import _
from botox_chart.store import audit, backup, cipher
from botox_chart.store.engine import StorageError, check_integrity, open_database, sqlite_path


@dataclass(frozen=True)
class KeyChange:
    recovery_key: str
    """To print and keep in the clinic's safe (shown once)."""
    in_keyring: bool
    """False: the key came from, or must go into, BOTOX_CHART_DB_KEY."""
    backups: tuple[Path, ...]
    """The database's backups that were converted with it."""
    skipped: tuple[Path, ...] = ()
    """Backups under some other key, left as they were."""


def encrypt(
    engine: Engine, *, clinician_id: int | None = None, key: str | None = None
) -> KeyChange:
    """Encrypt a plain SQLite database (and its plain backups) with ``key`` (a passphrase typed in
    the window), else the environment's key, else a new random key kept in the keyring."""
    path = _sqlite_file(engine)
    if not cipher.is_plain(path):
        raise StorageError(_("The database {path} is already encrypted.").format(path=path))
    key, in_keyring = (key, False) if key is not None else _key_to_use(path)
    check_integrity(engine)  # rewrites the file and every backup: never a damaged one
    engine.dispose()
    copies = backup.backups_of(path, key=None)
    cipher.encrypt_file(path, key)
    converted = []
    for copy in copies:
        if cipher.is_plain(copy):
            cipher.encrypt_file(copy, key)
            _mark(copy, key)
            converted.append(copy)
    _audit(path, "encrypt", clinician_id, {"key": cipher.fingerprint(key)}, key=key)
    return KeyChange(cipher.recovery_key(key), in_keyring, tuple(converted))


def rekey(engine: Engine, *, clinician_id: int | None = None) -> KeyChange:
    """Encrypt the database (and its backups under the same key) under a new random key."""
    path = _sqlite_file(engine)
    if cipher.is_plain(path):
        raise StorageError(
            _(
                "The database {path} is not encrypted: encrypt it first (botox-chart encrypt)."
            ).format(path=path)
        )
    old = cipher.key_of(engine, path)
    assert old is not None
    new = cipher.new_key()
    check_integrity(engine)  # rewrites the file and every backup: never a damaged one
    engine.dispose()
    copies = backup.backups_of(path, key=old)
    cipher.rekey_file(path, old, new)
    in_keyring = cipher.remember(path, new)
    converted, skipped = [], []
    for copy in copies:
        if cipher.is_plain(copy):
            continue
        try:
            cipher.rekey_file(copy, old, new)
        except cipher.DatabaseError:
            skipped.append(copy)
            continue
        _mark(copy, new)
        converted.append(copy)
    _audit(
        path,
        "rekey",
        clinician_id,
        {"from_key": cipher.fingerprint(old), "key": cipher.fingerprint(new)},
        key=new,
    )
    return KeyChange(cipher.recovery_key(new), in_keyring, tuple(converted), tuple(skipped))


def _sqlite_file(engine: Engine) -> Path:
    path = sqlite_path(engine)
    if path is None:
        raise StorageError(
            _(
                "Encryption here is for a SQLite database file; a PostgreSQL server encrypts its "
                "disk itself (see the README)."
            )
        )
    return path


def _key_to_use(path: Path) -> tuple[str, bool]:
    from_environment = cipher.key_for_environment()
    if from_environment is not None:
        return from_environment, False
    key = cipher.new_key()
    if not cipher.remember(path, key):
        raise cipher.NoKeyring(
            _(
                "This computer has no keyring to keep the database's key: set {variable} to a "
                "passphrase (or a recovery key) and run this again. Nothing was changed."
            ).format(variable=cipher.KEY_ENV)
        )
    return key, True


def _mark(copy: Path, key: str) -> None:
    """Keep a converted backup's companion file true (which key it now needs)."""
    found = backup.metadata(copy)
    if found is None:
        return
    found.update(encrypted=True, key=cipher.fingerprint(key))
    output.write_bytes(backup.metadata_path(copy), json.dumps(found, indent=1).encode(), force=True)


def _audit(
    path: Path,
    action: str,
    clinician_id: int | None,
    changes: dict[str, object],
    *,
    key: str | None = None,
) -> None:
    reopened = open_database(str(path), key=key)
    try:
        with Session(reopened) as db:
            audit.record(db, action=action, clinician_id=clinician_id, changes=changes)
            db.commit()
    finally:
        reopened.dispose()
