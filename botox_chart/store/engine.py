"""Opening a database: the engine factory, schema migration, and storage errors in the user's words.

Engines come from :func:`make_engine`, never at import. :func:`open_database` checks that a SQLite
file really is a botox-chart database and is not damaged before anything writes to it, copies it
aside before a migration, upgrades the schema to this version's head with Alembic, and guards the
engine against the database being replaced while it is open (store.identity).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from botox_chart import paths
from botox_chart.i18n import N_, _, ngettext
from botox_chart.store import checked
from botox_chart.store.errors import OUR_TABLES, SCHEMA_HEAD, DamagedDatabase, StorageError

__all__ = ["SCHEMA_HEAD", "DamagedDatabase", "StorageError", "make_engine", "open_database"]

BUSY_TIMEOUT_MS = 5000


LOCKED = N_(
    "The database {database} is locked by another program. Close it (or wait) and try again."
)


def make_engine(url: str, *, key: str | None = None) -> Engine:
    """An engine for a SQLAlchemy URL; SQLite gets foreign keys, WAL and a busy timeout, and with
    ``key`` SQLCipher encryption (store.cipher): the key is the first thing set on a connection."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as err:
        raise StorageError(
            _("{url} is not a database URL or file path.").format(url=repr(url))
        ) from err
    try:
        if parsed.get_backend_name() == "sqlite":
            from botox_chart.store import cipher

            # SQLCipher's SQLite for every database file, encrypted or not: two SQLite libraries
            # in one process do not share their file locks, and one closing a file would drop the
            # other's locks (SQLite's "multiple copies" corruption).
            engine = sa.create_engine(
                parsed,
                module=cipher.DBAPI,
                hide_parameters=True,  # an error's message never carries a patient's values
                connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
            )
            event.listen(engine, "connect", _keyed(key))
            event.listen(engine, "connect", _sqlite_on_connect)
            cipher.remember_engine_key(engine, key)
        else:
            engine = sa.create_engine(parsed, pool_pre_ping=True, hide_parameters=True)
    except (NoSuchModuleError, ModuleNotFoundError) as err:
        raise StorageError(
            _(
                "No database driver for {driver}. For PostgreSQL install "
                "botox-chart[postgresql] and use postgresql+psycopg://user@host/dbname."
            ).format(driver=repr(parsed.drivername))
        ) from err
    return engine


def _keyed(key: str | None) -> Any:
    def apply(dbapi_connection: Any, _record: Any) -> None:
        from botox_chart.store import cipher

        cipher.apply_key(dbapi_connection, key)

    return apply


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # INSERT OR REPLACE deletes the row it replaces: with recursive triggers that delete fires the
    # triggers that keep signed rows final, so REPLACE cannot rewrite a signed session.
    cursor.execute("PRAGMA recursive_triggers=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def sqlite_path(engine: Engine) -> Path | None:
    """The file behind a SQLite engine (None for other databases and in-memory SQLite)."""
    if engine.url.get_backend_name() != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return Path(database)


def open_database(
    url: str | None = None,
    *,
    check: bool = True,
    key: str | None = None,
    on_new_key: Callable[[str], None] | None = None,
) -> Engine:
    """The engine for ``url`` (or the default), checked and migrated to this version's schema.

    A SQLite file is looked at read-only first: its key is tried (store.cipher; ``key`` if given,
    else the environment's or the keyring's), another program's database is refused, and with
    ``check`` (every command that reads patient data, and the window) a damaged one raises
    :class:`DamagedDatabase` before anything is written to it. A new SQLite database is encrypted:
    with a new random key stored in the keyring, whose recovery key ``on_new_key`` gets to show.
    """
    database_url = paths.database_url(url)
    path = sqlite_path(make_engine(database_url))
    verified: tuple[checked.State | None, float] | None = None
    if path is not None:
        _check_sqlite_file(path)
        from botox_chart.store import cipher

        key = _sqlite_key(path, key, on_new_key)
        if not cipher.is_new(path):
            verified = _inspect_once_per_change(path, key=key, integrity=check)
    engine = make_engine(database_url, key=key)
    if path is not None and verified is not None:
        checked.watch(engine, path, *verified)
    try:
        current = stored_revision(engine)
        if current != SCHEMA_HEAD:
            from botox_chart.store import migrate

            if current is not None and not migrate.is_known(current):
                raise StorageError(
                    _(
                        "The database {database} was written by a newer version of "
                        "botox-chart (schema {schema}). Install that version to open it; "
                        "the file was not changed."
                    ).format(database=describe(engine), schema=current)
                )
            if path is not None and current is not None:
                if check:
                    check_integrity(engine)  # the opening may have trusted its record
                copy_before_migration(path, current, key=key)
            migrate.upgrade(engine)
        from botox_chart.store import identity

        identity.guard(engine)
    except DBAPIError as err:
        engine.dispose()
        if lacks_privilege(err):
            role = engine.url.username or "this role"
            raise StorageError(
                _(
                    "The role {role} may not open or upgrade {database} for this version of "
                    "botox-chart (schema {schema}): {reason}. The database's owner runs "
                    "botox-chart migrate --db OWNER_URL --app-role {role}; nothing was changed."
                ).format(
                    role=role,
                    database=describe(engine),
                    schema=SCHEMA_HEAD,
                    reason=str(err.orig).strip().splitlines()[0],
                )
            ) from err
        raise storage_error(err, engine) from err
    return engine


def _sqlite_key(
    path: Path, key: str | None, on_new_key: Callable[[str], None] | None
) -> str | None:
    """The key to open (or create) this SQLite file with; None for a plain one."""
    from botox_chart.store import cipher

    if not cipher.is_new(path):
        if cipher.is_plain(path):
            return None
        return key if key is not None else cipher.key_of_file(path)
    if key is not None:
        return key
    found = cipher.key_for(path)
    if found is not None:
        return found
    created = cipher.new_key()
    if not cipher.remember(path, created):
        raise cipher.NoKeyring(
            _(
                "A new database is encrypted, and this computer has no keyring to keep its key: "
                "set {variable} to a passphrase (or open it in the window, which asks for one)."
            ).format(variable=cipher.KEY_ENV)
        )
    if on_new_key is not None:
        on_new_key(cipher.recovery_key(created))
    return created


def encryption_warning(engine: Engine) -> str | None:
    """A plain (unencrypted) SQLite database: what to do about it."""
    from botox_chart.store import cipher

    path = sqlite_path(engine)
    if path is None or not cipher.is_plain(path):
        return None
    return _(
        "The database {path} is not encrypted: anyone who gets the file can read it. Encrypt it "
        "with File › Encrypt database, or botox-chart encrypt."
    ).format(path=path)


def check_integrity(engine: Engine) -> None:
    """SQLite's quick check of the whole file, whenever it last passed (before a backup);
    DamagedDatabase if it fails. A server database checks itself."""
    from botox_chart.store import cipher

    path = sqlite_path(engine)
    if path is not None:
        before = checked.state(path)
        _inspect_sqlite_file(path, key=cipher.key_of(engine, path), integrity=True)
        if checked.state(path) == before:
            checked.remember(path, before)


def _inspect_once_per_change(
    path: Path, *, key: str | None, integrity: bool
) -> tuple[checked.State | None, float] | None:
    """The look before opening; with ``integrity`` the quick check too, unless the file is as it
    was when it last passed (store.checked). The state the file was vouched for in, and when it
    was checked; None without ``integrity``."""
    if integrity:
        found = checked.last_check(path)
        if found is not None:
            _inspect_sqlite_file(path, key=key, integrity=False)
            if checked.state(path) == found[0]:
                return found
            # changed while it was looked at: checked now
    before = checked.state(path)
    _inspect_sqlite_file(path, key=key, integrity=integrity)
    if not integrity:
        return None
    now = checked.now()
    if checked.state(path) == before:
        checked.remember(path, before, checked_at=now)
    return before, now


def _inspect_sqlite_file(path: Path, *, key: str | None, integrity: bool) -> None:
    """Read-only look at a SQLite file before the engine writes to it (WAL mode, migrations)."""
    from botox_chart.store import cipher

    try:
        connection = cipher.connect(path, key=key, read_only=True)
    except cipher.Error as err:
        raise StorageError(
            _("Cannot open {path}: {reason}.").format(path=path, reason=err)
        ) from err
    try:
        try:
            rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            tables = {name for (name,) in rows}
        except cipher.DatabaseError as err:
            if key is not None and "not a database" in str(err):
                raise cipher.WrongKey(
                    _(
                        "The database {path} could not be opened with its key: the key is wrong, "
                        "or the file is damaged or not a botox-chart database. It was left "
                        "untouched; with the wrong key, set {variable} to its recovery key."
                    ).format(path=path, variable=cipher.KEY_ENV)
                ) from err
            raise
        others = tables - {"sqlite_sequence"}
        if others and not OUR_TABLES <= tables:
            raise StorageError(
                ngettext(
                    "{path} is another program's database (its {count} table is not "
                    "botox-chart's). It was left untouched; choose another file.",
                    "{path} is another program's database (its {count} tables are not "
                    "botox-chart's). It was left untouched; choose another file.",
                    len(others),
                ).format(path=path, count=len(others))
            )
        if others:
            _refuse_newer(path, connection.execute("SELECT version_num FROM alembic_version"))
        if integrity:
            problems = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                raise DamagedDatabase(
                    _(
                        "The database {path} is damaged (integrity check: {problem}). It was "
                        "not changed; restore a backup (botox-chart restore FILE)."
                    ).format(path=path, problem=problems[0])
                )
    except cipher.DatabaseError as err:
        if isinstance(err, cipher.OperationalError) and "locked" in str(err).lower():
            raise StorageError(_(LOCKED).format(database=path)) from err
        raise DamagedDatabase(
            _(
                "The database {path} is damaged ({reason}). It was not changed; restore a backup "
                "(botox-chart restore FILE)."
            ).format(path=path, reason=err)
        ) from err
    finally:
        connection.close()


def _refuse_newer(path: Path, rows: Any) -> None:
    """A schema this version does not know: refused before anything writes (not even WAL mode)."""
    revisions = [row[0] for row in rows]
    current = revisions[0] if revisions else None
    if current is None or current == SCHEMA_HEAD:
        return
    from botox_chart.store import migrate

    if not migrate.is_known(current):
        raise StorageError(
            _(
                "The database {path} was written by a newer version of botox-chart (schema "
                "{schema}), or by another program. Install that version to open it; the file "
                "was not changed."
            ).format(path=path, schema=current)
        )


def stored_revision(engine: Engine) -> str | None:
    """The schema revision a database is at (None for an empty one), read without Alembic."""
    with engine.connect() as connection:
        if not sa.inspect(connection).has_table("alembic_version"):
            return None
        rows = connection.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    return rows[0][0] if rows else None


def _check_sqlite_file(path: Path) -> None:
    if path.exists():
        if path.is_dir():
            raise StorageError(_("{path} is a folder, not a database file.").format(path=path))
        try:
            with path.open("rb"):
                pass  # plain or encrypted, the key decides (_inspect_sqlite_file)
        except OSError as err:
            raise StorageError(
                _("Cannot read {path}: {reason}.").format(path=path, reason=err.strerror)
            ) from err
    # Private files (issue 10, paths.private_database): a new file is made 0600 (its folder 0700)
    # before SQLite opens it, so its -wal and -shm are 0600 too; one in the data folder is
    # tightened.
    try:
        paths.private_database(path)
    except OSError as err:
        raise StorageError(
            _("Cannot create {path}: {reason}.").format(
                path=err.filename or path, reason=err.strerror
            )
        ) from err


def copy_before_migration(path: Path, revision: str, *, key: str | None = None) -> Path:
    """A copy of the file in its backups folder (encrypted with its key), taken before its schema
    is upgraded."""
    from contextlib import closing

    from botox_chart.store import cipher

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = paths.backups_dir(path) / f"{path.stem}-before-upgrade-{revision}-{stamp}{path.suffix}"
    paths.private_file(target)  # 0600 (issue 10), whatever the mode of the file it copies
    with (
        closing(cipher.connect(path, key=key)) as source,
        closing(cipher.connect(target, key=key)) as copy,
    ):
        source.backup(copy)
    return target


def describe(engine: Engine) -> str:
    """Where the data is, without a password."""
    path = sqlite_path(engine)
    return str(path) if path is not None else engine.url.render_as_string(hide_password=True)


def lacks_privilege(err: DBAPIError) -> bool:
    """PostgreSQL refused for want of a privilege (SQLSTATE 42501: permission denied, must be
    owner): the app role meets a schema or privileges that ``botox-chart migrate`` has not set."""
    return getattr(err.orig, "sqlstate", None) == "42501"


def storage_error(err: DBAPIError, engine: Engine) -> StorageError:
    """A database error from the user's environment, in words; anything else is a bug: re-raised."""
    text = str(err.orig).lower()
    where = describe(engine)
    if lacks_privilege(err):
        return StorageError(
            _(
                "The role {role} may not do this in {database}: {reason}. If botox-chart was "
                "just upgraded, the database's owner runs botox-chart migrate --db OWNER_URL "
                "--app-role {role}."
            ).format(
                role=engine.url.username,
                database=where,
                reason=str(err.orig).strip().splitlines()[0],
            )
        )
    if "locked" in text or "busy" in text:
        return StorageError(_(LOCKED).format(database=where))
    if "disk is full" in text or "disk full" in text or "no space" in text:
        return StorageError(
            _("The disk holding {database} is full. Free some space and try again.").format(
                database=where
            )
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError(
            _(
                "The database {database} is damaged. It was left untouched; restore a backup "
                "(botox-chart restore FILE)."
            ).format(database=where)
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StorageError(
            _("Cannot write to {database}: the file or its folder is read-only or missing.").format(
                database=where
            )
        )
    if "could not connect" in text or "connection" in text or "password" in text:
        return StorageError(
            _("Cannot connect to {database}: {reason}").format(
                database=where, reason=str(err.orig).strip().splitlines()[0]
            )
        )
    if "does not exist" in text and "database" in text:
        return StorageError(
            _("The database {database} does not exist. Create it first.").format(database=where)
        )
    raise err
