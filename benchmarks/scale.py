"""How the app grows with the clinic: the same measures at 10,000, 50,000 and 100,000 patients, on
SQLite and on PostgreSQL.

``.venv/bin/python benchmarks/run.py --scale [--sizes 10000,50000,100000] [--runs 3]
[--databases sqlite,postgresql]`` prints a table per database and saves ``results/scale.json``,
then draws it (``plot_scale.py``: peak memory and ready against their goals) into
``docs/screenshots/scale.png`` (beside the JSON when ``--output`` names another file).
For each size, on each database:

- SQLite: the demo data (built once and cached like the main benchmark's, then copied and
  migrated), encrypted with SQLCipher;
- PostgreSQL: a throwaway server the benchmark starts on 127.0.0.1 (``pgserver.py``: initdb's
  default settings, trust for loopback only, stopped and removed at the end) and a database of its
  own per size, loaded by demo-data as the owner (cached as a ``pg_dump -Fc`` file and restored from
  it next time), migrated, vacuumed and analyzed, and used as the app role, as a workstation does
  (``dataset.postgresql``). Without ``initdb`` and ``pg_ctl`` (PATH, /usr/lib/postgresql/*/bin)
  the benchmark says so and measures SQLite only;

and on each:

- ready: ``botox-chart`` to the patient list painted, against the bare PySide6 + SQLModel window
  (``probe.py``, alternating, medians), with the moment the database is open for work (sign-in
  possible) and the peak memory against the bare window
  (the app's process only: the PostgreSQL server's memory is not counted);
- search p90: per key typed in the patient search (``search.py``, in process);
- ``sessions --json``, ``due --json``, ``lot LOT --json`` (the most used lot) and ``report outcomes
  --json`` as whole processes, each opening the database;
- SQLite only: the integrity check alone (quick_check through SQLCipher, in process): what the
  first opening after the file changed adds (store.checked). Every launch at a size shares one
  data folder, as a workstation's launches do, and the copy was checked when it was made, so
  the measures above are of a workstation in use. PostgreSQL has no such check on opening: its
  rows leave the measure out, and the table shows "—".

The growth factor is each measure's ratio to the one at the previous size. A measure that ran past
``launch.TIMEOUT_S`` is ``null`` (the table says "timed out").
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import dataset, display, launch, pgserver

HERE = Path(__file__).resolve().parent
SIZES = (10_000, 50_000, 100_000)
COMMANDS = ("sessions", "due", "lot", "report")
DATABASES = ("sqlite", "postgresql")
DESCRIBED = {"sqlite": "SQLite, SQLCipher-encrypted", "postgresql": "PostgreSQL on loopback"}


@dataclass(frozen=True)
class Target:
    """One database at one size, ready to be measured."""

    url: str
    patients: int
    sessions: int
    size_mb: int
    lot: str
    integrity_check_ms: float | None
    """SQLite's check on opening, alone; None on PostgreSQL (no such check)."""
    data_dir: Path
    """The app's data folder for every launch at this size (dataset.Dataset.data_dir)."""


@dataclass
class Measured:
    rows: dict[str, list[dict[str, Any]]]
    """Per database (sqlite, postgresql), one row per size."""
    postgresql: dict[str, Any]
    """The server (``version``) or why PostgreSQL was not measured (``skipped``)."""


def measure(
    sizes: tuple[int, ...],
    runs: int,
    seed: int,
    cache: Path,
    screen: display.Display,
    databases: tuple[str, ...] = DATABASES,
) -> Measured:
    found = Measured({name: [] for name in databases}, {})
    with ExitStack() as stack:
        server = stack.enter_context(_server(found)) if "postgresql" in databases else None
        for size in sizes:
            if "sqlite" in databases:
                with _sqlite(size, seed, cache) as target:
                    found.rows["sqlite"].append(_one_size(target, runs, screen))
                print(f"  SQLite: {found.rows['sqlite'][-1]}", flush=True)
            if server is not None:
                with _postgresql(server, size, seed, cache) as target:
                    found.rows["postgresql"].append(_one_size(target, runs, screen))
                print(f"  PostgreSQL: {found.rows['postgresql'][-1]}", flush=True)
    return found


@contextmanager
def _server(found: Measured) -> Iterator[pgserver.Server | None]:
    """The throwaway server, or None (said, and recorded in ``found``) when there can be none."""
    reason = ""
    bindir = pgserver.find_bindir()
    if bindir is None:
        reason = "no initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin"
    else:
        try:
            import psycopg  # noqa: F401  (the app's PostgreSQL driver: pip install ".[postgresql]")
        except ImportError:
            reason = 'the PostgreSQL driver is not installed (pip install ".[postgresql]")'
    if reason:
        print(f"PostgreSQL: {reason}; measuring SQLite only.", flush=True)
        found.postgresql = {"skipped": reason}
        found.rows.pop("postgresql", None)
        yield None
        return
    with pgserver.started(bindir) as server:
        print(f"PostgreSQL: {server.version}, started on 127.0.0.1:{server.port}", flush=True)
        found.postgresql = {"version": server.version}
        yield server
    print("PostgreSQL: stopped and removed.", flush=True)


@contextmanager
def _sqlite(size: int, seed: int, cache: Path) -> Iterator[Target]:
    source = dataset.cached(size, seed, cache)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as work:
        print(f"{size:,} patients, SQLite: copying and migrating…", flush=True)
        data = dataset.working_copy(source, Path(work))
        yield Target(
            url=data.url,
            patients=data.patients,
            sessions=data.sessions,
            size_mb=round(data.path.stat().st_size / 2**20),
            lot=_most_used_lot(data.path),
            integrity_check_ms=integrity_check_ms(data.path),
            data_dir=data.data_dir,
        )


@contextmanager
def _postgresql(server: pgserver.Server, size: int, seed: int, cache: Path) -> Iterator[Target]:
    print(f"{size:,} patients, PostgreSQL: loading…", flush=True)
    data = dataset.postgresql(server, size, seed, cache)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-scale-pg-") as work:
            data_dir = Path(work) / "data"
            yield Target(
                data.url, data.patients, data.sessions, data.size_mb, data.lot, None, data_dir
            )
    finally:
        dataset.drop(server, data.database)  # one size on the server at a time


def _one_size(target: Target, runs: int, screen: display.Display) -> dict[str, Any]:
    from benchmarks.run import BASELINES, _in_process

    app: list[launch.Launch] = []
    bare: list[launch.Launch] = []
    bare_window: list[launch.Launch] = []
    for n in range(runs):
        order = [
            ("app", ["botox-chart", "--db", target.url]),
            ("bare", [str(BASELINES / "bare_sqlmodel_window.py")]),
            ("window", [str(BASELINES / "bare_window.py")]),
        ]
        for name, program in order if n % 2 == 0 else order[::-1]:
            found = launch.probed(program, screen.env, target.data_dir if name == "app" else None)
            {"app": app, "bare": bare, "window": bare_window}[name].append(found)
    ready = statistics.median(r.events["ready"].ms for r in app)
    bare_ready = statistics.median(r.events["ready"].ms for r in bare)
    peak = statistics.median(r.events["settled"].peak_kb / 1024 for r in app)
    bare_peak = statistics.median(r.events["settled"].peak_kb / 1024 for r in bare_window)
    search = _in_process(
        "benchmarks.search", ["--db", target.url, "--rounds", "1"], screen, target.data_dir
    )
    cli = launch.console_script("botox-chart")
    commands = {
        "sessions": [*cli, "--db", target.url, "sessions", "--json"],
        "due": [*cli, "--db", target.url, "due", "--json"],
        "lot": [*cli, "--db", target.url, "lot", target.lot, "--json"],
        "report": [*cli, "--db", target.url, "report", "outcomes", "--json"],
    }
    timed = {name: _timed(command, screen, target.data_dir) for name, command in commands.items()}
    check = (
        {}
        if target.integrity_check_ms is None
        else {"integrity_check_ms": target.integrity_check_ms}
    )
    return {
        "patients": target.patients,
        "sessions": target.sessions,
        "size_mb": target.size_mb,
        "ready_ms": ready,
        "bare_ready_ms": bare_ready,
        "ready_ratio": ready / bare_ready,
        "opened_ms": statistics.median(r.events["opened"].ms for r in app),
        "peak_mb": peak,
        "bare_window_peak_mb": bare_peak,
        "memory_ratio": peak / bare_peak,
        "search_p90_ms": search["p90_ms"],
        **check,
        **{f"{name}_ms": ms for name, ms in timed.items()},
    }


def _timed(command: list[str], screen: display.Display, data_dir: Path) -> float | None:
    """A command's time; None when it ran past launch.TIMEOUT_S (and was stopped)."""
    try:
        return launch.timed(command, screen.env, data_dir)
    except launch.LaunchError as err:
        print(f"  {command[3]}: {str(err).splitlines()[0]}", flush=True)
        return None


def _most_used_lot(path: Path) -> str:
    with closing(dataset.connect(path)) as db:
        row = db.execute(dataset.MOST_USED_LOT).fetchone()
    return str(row[0])


def integrity_check_ms(path: Path) -> float:
    """The check an opening runs when the file changed since its last check (store.checked),
    alone."""
    with closing(dataset.connect(path)) as db:
        started = time.monotonic()
        db.execute("PRAGMA quick_check(5)").fetchall()
        return (time.monotonic() - started) * 1000


MEASURES = (
    ("ready_ms", "Ready (list painted)", "ms"),
    ("ready_ratio", "  vs bare window", "x"),
    ("opened_ms", "Open for work", "ms"),
    ("integrity_check_ms", "Integrity check", "ms"),
    ("peak_mb", "Peak memory", "MB"),
    ("memory_ratio", "  vs bare window", "x"),
    ("search_p90_ms", "Search p90 per key", "ms"),
    ("sessions_ms", "sessions --json", "ms"),
    ("due_ms", "due --json", "ms"),
    ("lot_ms", "lot LOT --json", "ms"),
    ("report_ms", "report outcomes", "ms"),
)


def tables(measured: Measured) -> str:
    """A table per database measured, and why PostgreSQL is missing if it is."""
    found = [table(rows, name) for name, rows in measured.rows.items() if rows]
    if "skipped" in measured.postgresql:
        found.append(f"PostgreSQL not measured: {measured.postgresql['skipped']}.")
    return "\n\n".join(found)


def table(rows: list[dict[str, Any]], database: str) -> str:
    """Measures down, sizes across, each with its growth over the size before; "—" where a
    measure does not apply to the database, "timed out" where it ran too long."""
    head = f"{'Measure':<22}" + "".join(
        f"{r['patients']:>10,}p{'':>9}" if i == 0 else f"{r['patients']:>10,}p{'growth':>9}"
        for i, r in enumerate(rows)
    )
    lines = [f"{DESCRIBED[database]}:", head]
    for key, label, unit in MEASURES:
        cells = []
        for i, row in enumerate(rows):
            if key not in row:
                cells.append(f"{'—':>11}{'':>9}")
                continue
            value, before = row[key], rows[i - 1].get(key) if i else None
            if value is None:
                cells.append(f"{'timed out':>11}{'':>9}")
                continue
            text = f"{value:.2f}x" if unit == "x" else f"{value:,.0f} {unit}"
            growth = "" if before is None or unit == "x" else f"{value / before:.2f}x"
            cells.append(f"{text:>11}{growth:>9}")
        lines.append(f"{label:<22}" + "".join(cells))
    sizes = ", ".join(
        f"{r['patients']:,} patients / {r['sessions']:,} sessions / {r['size_mb']:,} MB"
        for r in rows
    )
    return "\n".join([*lines, "", f"Data: {sizes} ({DESCRIBED[database]})."])


def save(measured: Measured, output: Path, context: dict[str, Any]) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    document = {**context, "postgresql": measured.postgresql, "databases": measured.rows}
    output.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit("run it as: benchmarks/run.py --scale")
