"""The benchmark's database: demo data built once per size and seed, then copied for each run.

``botox-chart demo-data`` builds ``.cache/demo-<patients>p-seed<seed>.sqlite3`` (10,000 patients and
~40,000 signed sessions take about half a minute). Each run works on a copy, migrated to this
version's schema before anything is timed, so notes' audit events and charted sessions never touch
the cache, and no launch pays for a migration.

On PostgreSQL (:func:`postgresql`, the scale benchmark's throwaway server) demo-data loads into a
database of its own as the owner, as the README's "Several workstations" does; the database is
kept as ``.cache/demo-<patients>p-seed<seed>.pg<major>.dump`` (``pg_dump -Fc``) and restored from it
next time. ``botox-chart migrate`` then upgrades the schema and makes the app role, and the
database is vacuumed and analyzed, as a clinic's is by autovacuum; the app connects as the app role.
"""

from __future__ import annotations

import os
import subprocess
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.launch import console_script

if TYPE_CHECKING:
    from benchmarks.pgserver import Server

CACHE = Path(__file__).resolve().parent / ".cache"


@dataclass(frozen=True)
class Dataset:
    url: str
    path: Path
    patients: int
    sessions: int
    note_session_id: int
    """A typical signed session: the newest with the 31 standard sites."""
    data_dir: Path
    """The app's data folder for every launch on this copy, kept between launches as a
    workstation keeps its own: the diagrams' cache, and the record of the file's last integrity
    check (store.checked), are there from the second launch on, as on a clinic's computer."""


def cached(patients: int, seed: int, cache: Path = CACHE) -> Path:
    """The demo database of this size and seed, built on first use."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"demo-{patients}p-seed{seed}.sqlite3"
    if path.exists():
        return path
    partial = path.with_name(path.name + ".partial")
    for stale in (partial, *_sidecars(partial)):
        stale.unlink(missing_ok=True)
    print(f"Building {path.name} ({patients:,} patients, seed {seed}); it is cached…", flush=True)
    _demo_data(str(partial), patients, seed, cache)
    _copy(partial, path)
    for stale in (partial, *_sidecars(partial)):
        stale.unlink(missing_ok=True)
    return path


def _demo_data(url: str, patients: int, seed: int, cache: Path) -> None:
    started = time.monotonic()
    _botox_chart(
        ["--db", url, "demo-data", "--patients", str(patients), "--seed", str(seed)], cache
    )
    seconds = time.monotonic() - started
    print(f"  demo-data: {seconds:.0f} s, {patients / seconds:,.0f} patients/s", flush=True)


def _botox_chart(args: list[str], cache: Path) -> None:
    """Run a botox-chart command; its output is shown only if it fails (on PostgreSQL, the owner's
    warning that it owns the tables is expected: loading and migrating are the owner's work)."""
    done = subprocess.run(
        [*console_script("botox-chart"), *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "BOTOX_CHART_DATA_DIR": str(cache / "data")},
    )
    if done.returncode != 0:
        raise SystemExit(
            f"botox-chart {args[2]} failed ({done.returncode}):\n{done.stderr[-3000:]}"
        )


def working_copy(source: Path, folder: Path) -> Dataset:
    """A migrated copy of ``source`` in ``folder``, with the facts the benchmarks need."""
    from botox_chart.store import open_database  # migrates; a pre-upgrade copy goes to backups/

    target = folder / "bench.sqlite3"
    _copy(source, target)
    url = f"sqlite:///{target}"
    from botox_chart.store import checked

    data_dir = folder / "data"
    previous = os.environ.get("BOTOX_CHART_DATA_DIR")
    os.environ["BOTOX_CHART_DATA_DIR"] = str(data_dir)
    try:
        checked.close(open_database(url))  # checked once, as its first opening on a workstation
    finally:
        if previous is None:
            os.environ.pop("BOTOX_CHART_DATA_DIR", None)
        else:
            os.environ["BOTOX_CHART_DATA_DIR"] = previous
    with closing(connect(target)) as db:
        patients = db.execute("SELECT count(*) FROM patient").fetchone()[0]
        sessions = db.execute("SELECT count(*) FROM treatment_session").fetchone()[0]
        row = db.execute(
            "SELECT s.id FROM treatment_session s JOIN injection i ON i.session_id = s.id "
            "WHERE s.status = 'signed' GROUP BY s.id HAVING count(i.id) = 31 "
            "ORDER BY s.date_of_service DESC, s.id DESC LIMIT 1"
        ).fetchone()
    if row is None:
        raise SystemExit(f"{source} holds no signed session with the 31 standard sites")
    return Dataset(url, target, patients, sessions, int(row[0]), data_dir)


def _copy(source: Path, target: Path) -> None:
    """A consistent copy (SQLite's backup API), whatever is left in a WAL file; encrypted with the
    same key."""
    target.unlink(missing_ok=True)
    with closing(connect(source)) as src, closing(connect(target)) as dst:
        src.backup(dst)


def connect(path: Path) -> Any:
    """A connection with the app's SQLite (SQLCipher's) and the benchmark's key."""
    from botox_chart.store import cipher

    return cipher.connect(path, key=None if cipher.is_plain(path) else cipher.key_for(path))


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


OWNER, APP_ROLE = "botox_owner", "botox_app"
"""The PostgreSQL roles: the tables' owner (loads the demo, migrates) and the app's."""


@dataclass(frozen=True)
class PgDataset:
    url: str
    """The app role's URL: what a workstation connects with."""
    owner_url: str
    database: str
    patients: int
    sessions: int
    size_mb: int
    lot: str
    """The most used lot number (for ``lot LOT``)."""


def postgresql(server: Server, patients: int, seed: int, cache: Path = CACHE) -> PgDataset:
    """A new database on ``server`` with the demo data of this size and seed, migrated, vacuumed
    and analyzed; restored from the cache's dump, or built by demo-data and dumped there."""
    import sqlalchemy as sa

    cache.mkdir(parents=True, exist_ok=True)
    major = server.version.split()[1].split(".")[0]
    dump = cache / f"demo-{patients}p-seed{seed}.pg{major}.dump"
    database = f"bench_{patients}p_seed{seed}"
    drop(server, database)
    admin = sa.create_engine(server.url(), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            if not conn.execute(
                sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": OWNER}
            ).first():
                conn.execute(sa.text(f"CREATE ROLE {OWNER} LOGIN CREATEROLE"))
            conn.execute(sa.text(f"CREATE DATABASE {database} OWNER {OWNER}"))
    finally:
        admin.dispose()
    owner_url = server.url(database, OWNER)
    started = time.monotonic()
    if dump.exists():
        print(f"Restoring {dump.name} into PostgreSQL…", flush=True)
        server.tool(
            "pg_restore",
            *server.libpq(database, OWNER),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            str(dump),
        )
        print(f"  restored in {time.monotonic() - started:.0f} s", flush=True)
    else:
        print(
            f"Building {dump.name} ({patients:,} patients, seed {seed}); it is cached…", flush=True
        )
        _demo_data(owner_url, patients, seed, cache)
        partial = dump.with_name(dump.name + ".partial")
        dumping = time.monotonic()
        server.tool("pg_dump", *server.libpq(database, OWNER), "-Fc", "-f", str(partial))
        partial.replace(dump)
        print(f"  dumped in {time.monotonic() - dumping:.0f} s", flush=True)
    _botox_chart(["--db", owner_url, "migrate", "--app-role", APP_ROLE], cache)
    owner = sa.create_engine(owner_url, isolation_level="AUTOCOMMIT")
    try:
        with owner.connect() as conn:
            vacuuming = time.monotonic()
            conn.execute(sa.text("VACUUM (ANALYZE)"))
            print(f"  migrated; vacuumed in {time.monotonic() - vacuuming:.0f} s", flush=True)
            patients_found = conn.execute(sa.text("SELECT count(*) FROM patient")).scalar_one()
            sessions = conn.execute(sa.text("SELECT count(*) FROM treatment_session")).scalar_one()
            size = conn.execute(sa.text("SELECT pg_database_size(current_database())")).scalar_one()
            lot = conn.execute(sa.text(MOST_USED_LOT)).scalar_one()
    finally:
        owner.dispose()
    return PgDataset(
        url=server.url(database, APP_ROLE),
        owner_url=owner_url,
        database=database,
        patients=int(patients_found),
        sessions=int(sessions),
        size_mb=round(int(size) / 2**20),
        lot=str(lot),
    )


def drop(server: Server, database: str) -> None:
    """Remove a benchmark database from the server (its connections closed)."""
    import sqlalchemy as sa

    admin = sa.create_engine(server.url(), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
    finally:
        admin.dispose()


MOST_USED_LOT = (
    "SELECT lot_number FROM vial WHERE lot_number <> '' GROUP BY lot_number "
    "ORDER BY count(*) DESC, lot_number LIMIT 1"
)
"""The lot ``lot LOT --json`` recalls at every size: the one most vials came from."""
