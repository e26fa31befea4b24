"""Local storage: SQLModel tables, engine, Alembic migrations, queries and the audit log.

Use :func:`transaction` for every unit of work: it hands out a SQLModel session and turns errors
from the user's environment (locked, full, damaged, read-only) into :class:`StorageError`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from botox_chart.store.engine import StorageError, make_engine, open_database, storage_error

__all__ = ["StorageError", "make_engine", "open_database", "transaction"]


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A database session, rolled back on any error; environment errors raise StorageError."""
    with Session(engine, expire_on_commit=False) as db:
        try:
            yield db
        except DBAPIError as err:
            db.rollback()
            raise storage_error(err, engine) from err
        except BaseException:
            db.rollback()
            raise
