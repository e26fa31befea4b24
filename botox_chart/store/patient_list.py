"""The patient list read with the least work: one narrow query, plain rows, no SQLAlchemy.

The window shows every patient (10,000 in a clinic, 100,000 in a network) before anything else
of the store is loaded: :func:`read_before_opening` reads a SQLite database already at this
version's schema through a read-only SQLCipher connection, and :func:`summaries` turns the rows
of :data:`SUMMARY_SQL` into :class:`PatientSummary` values (``store.patients.summaries`` runs the
same query through the engine, for PostgreSQL and every reload). Opening the database for work
(``store.open_database``: the integrity check, the engine, migrations, the guard) follows; nothing
is written before it, and nobody signs in before it has passed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from botox_chart import paths
from botox_chart.store.errors import OUR_TABLES, SCHEMA_HEAD, StorageError

SUMMARY_SQL = (
    "SELECT id, family_name, given_names, date_of_birth, chart_number, search_key FROM patient"
)
"""The only columns the list shows or searches, in no order: the window sorts them in the user's
language (ui.name_order); an ORDER BY here would cost SQLite four times the read at 100,000."""


@dataclass(frozen=True, slots=True)
class PatientSummary:
    """A row of the patient list: enough to find and show a patient, loaded for 10,000 at once."""

    id: int
    family_name: str
    given_names: str
    date_of_birth: date
    chart_number: str
    search_key: str

    @property
    def display_name(self) -> str:
        return f"{self.family_name}, {self.given_names}"


def fold(text: str) -> str:
    """Lower case without accents: "Côté, É" → "cote, e", so search ignores both."""
    if text.isascii():  # the same result, without decomposing (most names: 100,000 at start)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")


def search_key(family_name: str, given_names: str, chart_number: str, date_of_birth: date) -> str:
    """What a search matches: "family, given", "given family", chart number and YYYY-MM-DD."""
    return fold(
        f"{family_name}, {given_names} | {given_names} {family_name} | {chart_number} | "
        f"{date_of_birth.isoformat()}"
    )


def summaries(rows: Iterable[tuple[Any, ...]]) -> list[PatientSummary]:
    """Rows of :data:`SUMMARY_SQL` as summaries (SQLite gives the date of birth as text)."""
    return [
        PatientSummary(
            int(row[0]),
            row[1],
            row[2],
            row[3] if isinstance(row[3], date) else date.fromisoformat(row[3]),
            row[4],
            row[5],
        )
        for row in rows
    ]


def read_before_opening(url: str | None, key: str | None = None) -> list[PatientSummary] | None:
    """Every patient of the SQLite database at ``url`` (None: the default), read-only and before
    SQLAlchemy is imported; None where this is not the plain case (not SQLite, a new file, a
    missing or wrong key, another program's database, a schema to migrate, any error): opening
    the database then says what is wrong, and the list is read after it."""
    database_url = paths.database_url(url)
    prefix = "sqlite:///"
    if not database_url.startswith(prefix) or "?" in database_url:
        return None
    path = Path(database_url.removeprefix(prefix))
    if not path.is_file() or path.name == ":memory:":
        return None
    from botox_chart.store import cipher

    try:
        if cipher.is_new(path):
            return None
        found = key if key is not None else cipher.key_of_file(path)
        connection = cipher.connect(path, key=found, read_only=True)
    except (cipher.Error, OSError, ValueError, StorageError):
        return None
    try:
        listed = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = {name for (name,) in listed}
        if not OUR_TABLES <= tables:
            return None
        versions = connection.execute("SELECT version_num FROM alembic_version")
        revisions = [row[0] for row in versions]
        if revisions != [SCHEMA_HEAD]:
            return None
        return summaries(connection.execute(SUMMARY_SQL))
    except (cipher.Error, ValueError, TypeError):
        return None
    finally:
        connection.close()
