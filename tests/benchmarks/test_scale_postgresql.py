"""The scale benchmark's PostgreSQL: a throwaway server on loopback, demo data as the app role,
and a table per database.

Skipped where no PostgreSQL binaries are installed (CI has them: .ci/run installs postgresql).
"""

from __future__ import annotations

import os
import pwd
from pathlib import Path

import pytest
import sqlalchemy as sa

from benchmarks import dataset, pgserver, scale
from botox_chart.store import open_database, roles

needs_binaries = pytest.mark.skipif(
    pgserver.find_bindir() is None, reason="no initdb and pg_ctl (PostgreSQL server binaries)"
)


def _answers(url: str) -> bool:
    engine = sa.create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect():
            return True
    except sa.exc.OperationalError:
        return False
    finally:
        engine.dispose()


@needs_binaries
def test_the_server_listens_on_loopback_only_and_is_gone_after_the_block() -> None:
    with pgserver.started() as server:
        url = server.url()
        engine = sa.create_engine(url)
        with engine.connect() as conn:
            assert conn.execute(sa.text("SHOW listen_addresses")).scalar_one() == "127.0.0.1"
            assert conn.execute(sa.text("SHOW unix_socket_directories")).scalar_one() == ""
            rules = conn.execute(
                sa.text("SELECT type, address, auth_method FROM pg_hba_file_rules")
            ).all()
        engine.dispose()
        assert rules == [("host", "127.0.0.1", "trust")]
        data = server.folder / "data"
        if os.geteuid() == 0:  # initdb refuses root: the server runs as postgres, as in CI
            assert pwd.getpwuid(data.stat().st_uid).pw_name == "postgres"
        assert server.version.startswith("PostgreSQL ")
    assert not server.folder.exists()
    assert not _answers(url)


@needs_binaries
def test_an_error_in_the_block_still_stops_and_removes_the_server() -> None:
    with pytest.raises(KeyboardInterrupt):
        with pgserver.started() as server:
            assert _answers(server.url())
            raise KeyboardInterrupt  # Ctrl+C in the middle of a measure
    assert not server.folder.exists()
    assert not _answers(server.url())


@needs_binaries
def test_demo_data_is_used_as_the_app_role_and_restored_from_its_dump(tmp_path: Path) -> None:
    with pgserver.started() as server:
        built = dataset.postgresql(server, 30, 1, tmp_path)
        (dump,) = tmp_path.glob("demo-30p-seed1.pg*.dump")
        assert built.patients == 30 and built.sessions > 30 and built.lot
        assert sa.make_url(built.url).username == dataset.APP_ROLE
        engine = open_database(built.url)
        assert roles.owner_warning(engine) is None  # a workstation's connection, not the owner's
        engine.dispose()
        dataset.drop(server, built.database)
        dumped = dump.stat().st_mtime_ns

        restored = dataset.postgresql(server, 30, 1, tmp_path)
        assert dump.stat().st_mtime_ns == dumped  # restored from the dump, not built again
        assert (restored.patients, restored.sessions, restored.lot) == (
            built.patients,
            built.sessions,
            built.lot,
        )


def _row(patients: int, ready: float | None, check: float | None) -> dict[str, object]:
    row: dict[str, object] = {key: 100.0 for key, _label, _unit in scale.MEASURES}
    row.update(patients=patients, sessions=patients * 4, size_mb=patients // 10, ready_ms=ready)
    if check is None:
        del row["integrity_check_ms"]
    else:
        row["integrity_check_ms"] = check
    return row


def test_the_table_shows_each_database_with_its_growth_and_dashes_what_does_not_apply() -> None:
    measured = scale.Measured(
        rows={
            "sqlite": [_row(30, 400.0, 50.0), _row(60, 800.0, 150.0)],
            "postgresql": [_row(30, 500.0, None), _row(60, None, None)],
        },
        postgresql={"version": "PostgreSQL 15"},
    )
    text = scale.tables(measured)
    assert text.startswith("SQLite, SQLCipher-encrypted:")
    sqlite, postgresql = text.split("PostgreSQL on loopback:")

    def line(table: str, label: str) -> list[str]:
        return next(row for row in table.splitlines() if row.startswith(label)).split()

    assert line(sqlite, "Integrity check")[2:] == ["50", "ms", "150", "ms", "3.00x"]
    assert line(sqlite, "Ready")[-1] == "2.00x"
    assert line(postgresql, "Integrity check")[2:] == ["—", "—"]  # PostgreSQL has no such check
    assert "Data: 30 patients" in postgresql and "(PostgreSQL on loopback)" in postgresql
    on_pg = postgresql.splitlines()
    assert "timed out" in next(line for line in on_pg if line.startswith("Ready"))


def test_the_table_says_why_postgresql_is_missing() -> None:
    measured = scale.Measured(
        rows={"sqlite": [_row(30, 400.0, 50.0)]},
        postgresql={"skipped": "no initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin"},
    )
    text = scale.tables(measured)
    assert "SQLite, SQLCipher-encrypted:" in text
    assert text.endswith(
        "PostgreSQL not measured: no initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin."
    )


def test_without_postgresql_binaries_it_says_so_and_measures_sqlite_only(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pgserver, "find_bindir", lambda: None)
    measured = scale.Measured({"sqlite": [], "postgresql": []}, {})
    with scale._server(measured) as server:
        assert server is None
    assert list(measured.rows) == ["sqlite"]
    assert "no initdb and pg_ctl" in measured.postgresql["skipped"]
    assert "measuring SQLite only" in capsys.readouterr().out
