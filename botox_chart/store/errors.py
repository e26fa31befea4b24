"""What opening a database needs before SQLAlchemy is imported: storage errors and the schema head.

Kept apart from ``store.engine`` so the raw SQLite connections (``store.cipher``) and the first
patient list (``store.patient_list``) load without SQLAlchemy (about 250 ms and 40 MB).
"""

from __future__ import annotations

SCHEMA_HEAD = "0012"
"""The newest migration. A database already there opens without importing Alembic (about
150 ms and 16 MB on every start and every printed note); tests/store/test_engine.py keeps it equal
to the migrations' head."""

OUR_TABLES = frozenset({"alembic_version", "clinician", "patient", "treatment_session"})
"""A botox-chart database has all of these from its first schema on: anything else with tables is
another program's (an Alembic database of another app has alembic_version too)."""


class StorageError(Exception):
    """A problem in the user's environment (not a bug), with a message the user can act on."""


class DamagedDatabase(StorageError):
    """The integrity check failed: the database is not opened, written or backed up."""
