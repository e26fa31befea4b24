"""PostgreSQL across a network without TLS is warned about (issue 10); on this computer, not."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine, make_url

from botox_chart.cli import main
from botox_chart.store import clinicians, open_database, tls, transaction
from botox_chart.store.tls import url_tls_warning

NO_ENV: dict[str, str] = {}
PASSWORD = "correct horse battery"


def warning(url: str, environ: dict[str, str] | None = None) -> str | None:
    return url_tls_warning(make_url(url), environ=NO_ENV if environ is None else environ)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://app@localhost/botox",
        "postgresql+psycopg://app@LOCALHOST:5433/botox",
        "postgresql+psycopg://app@127.0.0.1:54329/postgres",  # the CI server
        "postgresql+psycopg://app@127.8.9.10/botox",
        "postgresql+psycopg://app@[::1]:5432/botox",
        "postgresql+psycopg://app@/botox",  # no host: the default Unix socket
        "postgresql+psycopg://app@/botox?host=/var/run/postgresql",
        "postgresql+psycopg://app@%2Fvar%2Frun%2Fpostgresql/botox",
        "postgresql+psycopg://app@/botox?host=localhost:5432&host=127.0.0.1:5433",
        "sqlite:////tmp/clinic.sqlite3",
    ],
)
def test_a_server_on_this_computer_needs_no_tls(url: str) -> None:
    assert warning(url) is None


@pytest.mark.parametrize("mode", ["require", "verify-ca", "verify-full"])
def test_a_remote_server_with_tls_required_is_fine(mode: str) -> None:
    assert warning(f"postgresql+psycopg://app:secret@db.clinic.lan/botox?sslmode={mode}") is None
    assert warning("postgresql+psycopg://app@10.0.0.5/botox", {"PGSSLMODE": mode}) is None


@pytest.mark.parametrize(
    ("url", "mode"),
    [
        ("postgresql+psycopg://app:secret@db.clinic.lan/botox", "prefer"),  # libpq's default
        ("postgresql+psycopg://app@db.clinic.lan/botox?sslmode=disable", "disable"),
        ("postgresql+psycopg://app@192.168.1.20:5432/botox?sslmode=allow", "allow"),
        ("postgresql+psycopg://app@[2001:db8::7]/botox?sslmode=prefer", "prefer"),
        ("postgresql+psycopg://app@/botox?host=localhost&host=db.clinic.lan", "prefer"),
    ],
)
def test_a_remote_server_without_tls_required_is_warned_about(url: str, mode: str) -> None:
    said = warning(url)
    assert said is not None
    assert said.startswith("Connected to the PostgreSQL server ")
    assert f"sslmode={mode}" in said and "sslmode=require" in said and "README" in said
    assert "secret" not in said and "localhost" not in said


def test_libpq_environment_variables_count_as_libpq_counts_them() -> None:
    socket = "postgresql+psycopg://app@/botox"
    assert warning(socket, {"PGHOST": "db.clinic.lan"}) is not None
    assert warning(socket, {"PGHOST": "/tmp"}) is None
    assert warning(socket, {"PGHOST": "db.clinic.lan", "PGSSLMODE": "require"}) is None
    # The URL's own values come first; hostaddr (no name lookup) is where libpq connects.
    remote = "postgresql+psycopg://app@db.clinic.lan/botox"
    assert warning(f"{remote}?sslmode=disable", {"PGSSLMODE": "require"}) is not None
    assert warning(f"{remote}?hostaddr=127.0.0.1") is None
    assert warning("postgresql+psycopg://app@localhost/botox", {"PGHOSTADDR": "10.0.0.5"})
    assert warning(f"{remote}?sslrootcert=system") is None  # libpq 16: verify-full


def test_sqlite_is_never_warned_about(engine: Engine) -> None:
    assert tls.tls_warning(engine) is None


def test_the_command_line_prints_the_warning_once(
    engine: Engine,
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A remote server cannot be reached from a test: the wiring, with the function replaced."""
    with transaction(engine) as db:  # whom the command line signs in as (issue 10, item 3)
        clinicians.add(db, name="Dr A", username="drA", password=PASSWORD, is_admin=True, by=None)
    monkeypatch.setenv("BOTOX_CHART_USER", "drA")
    monkeypatch.setenv("BOTOX_CHART_PASSWORD", PASSWORD)
    monkeypatch.setattr(tls, "tls_warning", lambda _engine: "No TLS to db.clinic.lan.")
    assert main(["sessions", "--db", sqlite_url]) == 0
    err = capsys.readouterr().err
    assert err.splitlines() == ["botox-chart: warning: No TLS to db.clinic.lan."]


@pytest.mark.postgres
def test_no_warning_for_the_ci_server(pg_url: str) -> None:
    engine = open_database(pg_url)
    try:
        assert tls.tls_warning(engine) is None
    finally:
        engine.dispose()
