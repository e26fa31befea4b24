"""Local storage: SQLModel tables, engine, Alembic migrations, queries and the audit log.

Use :func:`transaction` for every unit of work: it hands out a SQLModel session and turns errors
from the user's environment (locked, full, damaged, read-only) into :class:`StorageError`.

Importing this package imports no SQLAlchemy: the window lists the patients first
(``store.patient_list``) and opens the engine after, so ``make_engine`` and ``open_database`` are
loaded on first use.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from botox_chart.store.errors import StorageError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from botox_chart.store.engine import make_engine, open_database

__all__ = ["StorageError", "make_engine", "open_database", "transaction"]


def __getattr__(name: str) -> Any:
    """``make_engine`` and ``open_database``, imported (with SQLAlchemy) when first asked for."""
    if name in ("make_engine", "open_database"):
        from botox_chart.store import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A database session, rolled back on any error; environment errors raise StorageError."""
    from sqlalchemy.exc import DBAPIError
    from sqlmodel import Session

    from botox_chart.store.engine import storage_error

    with Session(engine, expire_on_commit=False) as db:
        try:
            yield db
        except DBAPIError as err:
            db.rollback()
            raise storage_error(err, engine) from err
        except BaseException:
            db.rollback()
            raise
