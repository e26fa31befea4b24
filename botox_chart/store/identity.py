"""Which database this is, so a window never writes into a database that replaced the one it opened.

Each database holds a random identity (``database_identity``); ``restore`` gives the restored
database a new one. :func:`guard` remembers the identity (and, for SQLite, which file) when the
database is opened, and checks both each time a connection is taken from the pool: after a restore,
or another file moved into the database's place, every read and write on the old engine is refused
with :class:`DatabaseReplaced` until the window reloads.
"""

from __future__ import annotations

import os
import uuid
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from botox_chart.i18n import _
from botox_chart.store.engine import StorageError, describe, sqlite_path
from botox_chart.store.models import DatabaseIdentity, utcnow

_TABLE = DatabaseIdentity.__table__  # type: ignore[attr-defined]
_SELECT = "SELECT uid FROM database_identity WHERE id = 1"
_WATCHERS: weakref.WeakKeyDictionary[Engine, list[Callable[[str], None]]] = (
    weakref.WeakKeyDictionary()
)


class DatabaseReplaced(StorageError):
    """The database was restored or swapped for another file since this program opened it."""


def new_uid() -> str:
    return uuid.uuid4().hex


def read(connection: Connection) -> str | None:
    return connection.execute(sa.select(_TABLE.c.uid).where(_TABLE.c.id == 1)).scalar_one_or_none()


def renew(connection: Connection) -> str:
    """Give the database a new identity (after it was restored from a backup)."""
    uid = new_uid()
    connection.execute(sa.delete(_TABLE))
    connection.execute(sa.insert(_TABLE).values(id=1, uid=uid, created_at=utcnow()))
    return uid


def guard(engine: Engine) -> None:
    """Refuse every later connection if the database stops being the one open now."""
    with engine.connect() as connection:
        expected = read(connection)
    path = sqlite_path(engine)
    file_id = _file_id(path) if path is not None else None
    where = describe(engine)

    def refuse() -> None:
        error = _replaced(where)
        for watcher in _WATCHERS.get(engine, ()):
            watcher(str(error))
        raise error

    def before_connecting(*_args: Any) -> None:
        # Before SQLite opens the path: a file moved into its place may lie beside the old
        # database's WAL, which opening it would replay into the wrong file.
        if path is not None and _file_id(path) != file_id:
            refuse()

    def check(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        before_connecting()
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(_SELECT)
            row = cursor.fetchone()
        finally:
            cursor.close()
        if (row[0] if row else None) != expected:
            refuse()

    event.listen(engine, "do_connect", before_connecting)
    event.listen(engine, "checkout", check)


def when_replaced(engine: Engine, watcher: Callable[[str], None]) -> None:
    """Call ``watcher`` with the message (from whichever thread noticed) each time the guard
    refuses a connection: the window turns read-only and offers a reload."""
    _WATCHERS.setdefault(engine, []).append(watcher)


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def _replaced(where: str) -> DatabaseReplaced:
    return DatabaseReplaced(
        _(
            "The database {database} was replaced (restored from a backup, or another file put "
            "in its place) after this window opened it. Nothing more was saved to it: reload to "
            "carry on with the database as it is now."
        ).format(database=where)
    )
