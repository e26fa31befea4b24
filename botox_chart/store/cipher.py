"""Encryption at rest for SQLite databases: SQLCipher keys, where they come from, raw connections.

A new database is encrypted (SQLCipher 4, AES-256) with a random 256-bit key. Where the key comes
from, first match wins:

1. ``BOTOX_CHART_DB_KEY``: a passphrase (SQLCipher derives the key from it, PBKDF2 as SQLCipher 4
   does by default), or a recovery key (64 hexadecimal digits, spaces and dashes allowed), used as
   the raw key. For scripts, tests and clinics without a keyring.
2. The operating system's keyring (``keyring``: Keychain, Windows Credential Locker, Secret
   Service), one entry per database file, so clinicians never type it.
3. A passphrase typed into the window (no keyring and no environment variable).

The key of a new database is shown once as a *recovery key* to print and keep in the clinic's safe.
Backups are encrypted with the database's key. A database from the first release is plain until
``botox-chart encrypt`` converts it. Every SQLite connection the app makes (the engine's, and the
raw ones for checks, backups and restores) goes through :func:`connect` or :func:`apply_key`.
"""

from __future__ import annotations

import os
import re
import secrets
import weakref
from contextlib import closing
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as dbapi

from botox_chart import paths
from botox_chart.i18n import _
from botox_chart.store.errors import StorageError

KEY_ENV = "BOTOX_CHART_DB_KEY"
SERVICE = "botox-chart"
"""The keyring service name; the entry's user name is the database file's absolute path."""
PLAIN_HEADER = b"SQLite format 3\x00"
"""The first bytes of an unencrypted SQLite file (an encrypted one starts with random salt)."""
_RECOVERY = re.compile(r"^[0-9a-fA-F]{64}$")

DBAPI: Any = dbapi
"""The DB-API module (SQLCipher's build of sqlite3), for the engine's ``module=``."""
Error = dbapi.Error
DatabaseError = dbapi.DatabaseError
OperationalError = dbapi.OperationalError


class KeyMissing(StorageError):
    """An encrypted database, and no key for it (no keyring entry, no BOTOX_CHART_DB_KEY)."""


class WrongKey(StorageError):
    """The key does not open the database (or the file is not a database at all)."""


class NoKeyring(StorageError):
    """A new database needs a key, and there is neither a keyring nor BOTOX_CHART_DB_KEY."""


def new_key() -> str:
    """A random 256-bit raw key, in SQLCipher's ``x'…'`` form."""
    return f"x'{secrets.token_hex(32).upper()}'"


def normalise(text: str) -> str:
    """A key as typed or set: a recovery key becomes the raw key; anything else is a passphrase."""
    compact = re.sub(r"[\s-]", "", text)
    if compact.startswith(("x'", "X'")) and compact.endswith("'"):
        compact = compact[2:-1]
    if _RECOVERY.match(compact):
        return f"x'{compact.upper()}'"
    return text


def recovery_key(key: str) -> str:
    """The key as a person copies it: 16 groups of 4 hexadecimal digits (a passphrase as is)."""
    match = re.fullmatch(r"x'([0-9A-F]{64})'", key)
    if match is None:
        return key
    digits = match.group(1)
    return "-".join(digits[n : n + 4] for n in range(0, 64, 4))


def fingerprint(key: str) -> str:
    """A short, non-secret name for a key (which key a backup needs), never the key itself."""
    import hashlib

    return hashlib.sha256(f"botox-chart key:{key}".encode()).hexdigest()[:8].upper()


def is_plain(path: Path) -> bool:
    """True for an unencrypted SQLite file (a first-release database, or one not yet encrypted)."""
    try:
        with path.open("rb") as f:
            return f.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except OSError:
        return False


def is_new(path: Path) -> bool:
    """No database there yet (missing, or an empty file made private before SQLite writes it)."""
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True


def key_for_environment() -> str | None:
    """``BOTOX_CHART_DB_KEY``, normalised (None when unset)."""
    value = os.environ.get(KEY_ENV)
    return normalise(value) if value else None


def key_for(path: Path) -> str | None:
    """The key for this database file: the environment's, else the keyring's (None if neither)."""
    from_env = key_for_environment()
    if from_env is not None:
        return from_env
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        stored: str | None = keyring.get_password(SERVICE, _entry(path))
    except Exception:  # noqa: BLE001  (a keyring that fails is a keyring that is not there)
        return None
    return stored


def remember(path: Path, key: str) -> bool:
    """Store the key in the keyring for this file; False when there is no usable keyring."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(SERVICE, _entry(path), key)
    except Exception:  # noqa: BLE001
        return False
    return True


def has_keyring() -> bool:
    return _keyring() is not None


_ENGINE_KEYS: weakref.WeakKeyDictionary[Any, str | None] = weakref.WeakKeyDictionary()
"""Each SQLite engine's key (a passphrase typed in the window is in neither the keyring nor the
environment): the raw connections of checks and backups use the key the engine was opened with."""


def remember_engine_key(engine: Any, key: str | None) -> None:
    _ENGINE_KEYS[engine] = key


def key_of(engine: Any, path: Path) -> str | None:
    """The key of the database behind ``engine`` (None: plain)."""
    if engine in _ENGINE_KEYS and not (is_plain(path) or is_new(path)):
        return _ENGINE_KEYS[engine]
    return key_of_file(path)


def key_of_file(path: Path) -> str | None:
    """The key a raw connection to this existing file needs (None: it is plain)."""
    if is_plain(path) or is_new(path):
        return None
    key = key_for(path)
    if key is None:
        raise KeyMissing(
            _(
                "{path} is encrypted (or is not a database at all), and no key for it was found: "
                "no keyring entry, and {variable} is not set. Set {variable} to its recovery key. "
                "It was left untouched."
            ).format(path=path, variable=KEY_ENV)
        )
    return key


def connect(path: Path, *, key: str | None, read_only: bool = False, timeout: float = 5) -> Any:
    """A DB-API connection to a SQLite file, keyed (SQLCipher) or plain."""
    target = f"file:{path}?mode=ro" if read_only else f"file:{path}"
    connection = dbapi.connect(target, uri=True, timeout=timeout, check_same_thread=False)
    apply_key(connection, key)
    return connection


def apply_key(connection: Any, key: str | None) -> None:
    """Key a fresh connection (first statement on it); SQLCipher's own error log stays quiet, so
    a wrong key is one line from us, not three from the library on stderr."""
    cursor = connection.cursor()
    try:
        cursor.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            cursor.execute(f"PRAGMA key = {quote(key)}")
    finally:
        cursor.close()


def quote(key: str) -> str:
    """A key as a SQL string literal (a raw key ``x'…'`` keeps its inner quotes, doubled)."""
    return "'" + key.replace("'", "''") + "'"


def _entry(path: Path) -> str:
    return str(path.resolve())


def _keyring() -> Any | None:
    """The OS keyring, or None where there is none (a server, CI, a bare container)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001
        return None
    if isinstance(backend, fail.Keyring):
        return None
    priority = getattr(backend, "priority", 1)
    if isinstance(priority, int | float) and priority <= 0:
        return None
    return keyring


def encrypt_file(path: Path, key: str) -> None:
    """Convert a plain SQLite file to an encrypted one in place: exported into a new file beside
    it, checked (integrity, and every table's row count), then put in its place; no plain copy
    is left (its -wal and -shm are removed). Nothing else may have the file open."""
    with closing(connect(path, key=None)) as plain:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = _row_counts(plain)
    converted = path.with_name(f".{path.name}.encrypting")
    converted.unlink(missing_ok=True)
    paths.private_file(converted)  # 0600 (issue 10): it becomes the database
    try:
        with closing(connect(path, key=None)) as plain:
            plain.execute(f"ATTACH DATABASE {quote(str(converted))} AS encrypted KEY {quote(key)}")
            plain.execute("SELECT sqlcipher_export('encrypted')")
            plain.execute("DETACH DATABASE encrypted")
        with closing(connect(converted, key=key)) as check:
            integrity = check.execute("PRAGMA integrity_check").fetchone()[0]
            if integrity != "ok" or _row_counts(check) != counts:
                raise StorageError(
                    _(
                        "Encrypting {path} was stopped: the encrypted copy did not check out "
                        "({problem}). The database was left as it was."
                    ).format(path=path, problem=integrity)
                )
        os.replace(converted, path)
    finally:
        converted.unlink(missing_ok=True)
    for companion in ("-wal", "-shm"):
        Path(f"{path}{companion}").unlink(missing_ok=True)


def rekey_file(path: Path, old: str, new: str) -> None:
    """Encrypt a database file under a new key (SQLCipher's PRAGMA rekey, in place)."""
    with closing(connect(path, key=old)) as connection:
        connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        connection.execute(f"PRAGMA rekey = {quote(new)}")
    with closing(connect(path, key=new, read_only=True)) as check:
        check.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()


def _row_counts(connection: Any) -> dict[str, int]:
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
