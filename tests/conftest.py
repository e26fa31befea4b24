"""Shared fixtures: every test gets its own data folder and database; Qt runs offscreen.

No test touches the user's real data or Documents folder: ``isolated_data_dir`` (autouse) points
``botox_chart.paths`` at ``tmp_path``. ``BOTOX_CHART_TEST_PG`` names a PostgreSQL server URL (set by
``.ci/run``); the ``postgres`` marker's tests are skipped without it, except in CI where a missing
server fails the run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import settings  # noqa: E402

from botox_chart import paths  # noqa: E402
from botox_chart.store import open_database  # noqa: E402

PG_ENV = "BOTOX_CHART_TEST_PG"
TEST_KEY = "0123456789ABCDEF" * 4
"""The recovery key of every test database (tests/helpers/raw.py opens them from outside)."""

# CI explores the same examples every run (a red CI blocks landing, so it must not depend on luck);
# developers' runs explore new ones and keep failures in .hypothesis/ to replay.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(data))
    monkeypatch.setenv(paths.DOCUMENTS_DIR_ENV, str(tmp_path / "Documents"))
    monkeypatch.delenv(paths.DB_ENV, raising=False)
    return data


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English whatever the computer's locale (a French workstation would
    otherwise print its clinic's documents in French), and leaves the process in English."""
    from botox_chart import i18n

    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.activate("en")
    yield
    i18n.activate("en")


@pytest.fixture(autouse=True)
def letter_locale(monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs as on a computer in the United States, so documents default to Letter
    whatever the machine's own locale (botox_chart.paper); tests of the paper change it."""
    from botox_chart import paper

    monkeypatch.setattr(paper, "_system_locale", "en_US")
    return "en_US"


@pytest.fixture(autouse=True)
def command_line_user(monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The command line signs in as the demo administrator (``demo-data`` databases have it;
    ``cli_admin`` adds it to a test's own database). Tests of signing in change or remove these."""
    from botox_chart import cli
    from botox_chart.store import demo

    monkeypatch.setenv(cli.USER_ENV, "souza")
    monkeypatch.setenv(cli.PASSWORD_ENV, demo.DEMO_PASSWORD)
    return "souza", demo.DEMO_PASSWORD


@pytest.fixture
def cli_admin(engine: Engine, command_line_user: tuple[str, str]) -> int:
    """The command line's administrator in the test database (the ``engine`` fixture's)."""
    from botox_chart.store import clinicians, transaction
    from botox_chart.store.models import Role

    username, password = command_line_user
    with transaction(engine) as db:
        admin = clinicians.add(
            db,
            name="Dr Ana Souza",
            credentials="MD",
            role=Role.PHYSICIAN,
            username=username,
            password=password,
            is_admin=True,
            by=None,  # the first administrator: nobody could sign in to add them
        )
    assert admin.id is not None
    return admin.id


@pytest.fixture(autouse=True)
def database_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Every test database is encrypted with this key (a recovery key, so no slow key derivation),
    and no test ever reaches the real keyring: tests of the keyring path install their own."""
    import keyring
    from keyring.backends import fail

    from botox_chart.store import cipher

    monkeypatch.setenv(cipher.KEY_ENV, TEST_KEY)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield cipher.normalise(TEST_KEY)
    keyring.set_keyring(previous)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests that use a QApplication (qtbot, qapp) ``gui``: ``-m "not gui"`` skips them."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures:
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def fonts_forgotten() -> Iterator[None]:
    """The PDFs' fonts looked up again in the test and after it: for a test that changes where
    they are (``paths.FONT_DIRS_ENV``)."""
    from botox_chart.note import scripts

    scripts.forget_fonts()
    yield
    scripts.forget_fonts()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def engine(sqlite_url: str) -> Iterator[Engine]:
    """A fresh, migrated SQLite database file for this test."""
    eng = open_database(sqlite_url)
    yield eng
    eng.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the server named by BOTOX_CHART_TEST_PG."""
    server = os.environ.get(PG_ENV)
    if not server:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set: .ci/run must start PostgreSQL")
        pytest.skip(f"{PG_ENV} not set (no PostgreSQL server)")
    name = f"botox_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_engine(request: pytest.FixtureRequest, sqlite_url: str) -> Iterator[Engine]:
    """The same store test on SQLite and on a real PostgreSQL server."""
    url = sqlite_url if request.param == "sqlite" else request.getfixturevalue("pg_url")
    eng = open_database(url)
    yield eng
    eng.dispose()


@pytest.fixture
def full_checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The SQLite files whose every page the integrity check read, in order (store.checked)."""
    from botox_chart.store import engine as engine_module

    seen: list[Path] = []
    inspect = engine_module._inspect_sqlite_file

    def counting(path: Path, *, key: str | None, integrity: bool) -> None:
        if integrity:
            seen.append(path)
        inspect(path, key=key, integrity=integrity)

    monkeypatch.setattr(engine_module, "_inspect_sqlite_file", counting)
    return seen
