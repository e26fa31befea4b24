"""The benchmark's database: demo data built once per size and seed, then copied for each run.

``botox-chart demo-data`` builds ``.cache/demo-<patients>p-seed<seed>.sqlite3`` (10,000 patients and
~40,000 signed sessions take about half a minute). Each run works on a copy, migrated to this
version's schema before anything is timed, so notes' audit events and charted sessions never touch
the cache, and no launch pays for a migration.
"""

from __future__ import annotations

import os
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.launch import console_script

CACHE = Path(__file__).resolve().parent / ".cache"


@dataclass(frozen=True)
class Dataset:
    url: str
    path: Path
    patients: int
    sessions: int
    note_session_id: int
    """A typical signed session: the newest with the 31 standard sites."""


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
    subprocess.run(
        [
            *console_script("botox-chart"),
            "--db",
            str(partial),
            "demo-data",
            "--patients",
            str(patients),
            "--seed",
            str(seed),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "BOTOX_CHART_DATA_DIR": str(cache / "data")},
    )
    _copy(partial, path)
    for stale in (partial, *_sidecars(partial)):
        stale.unlink(missing_ok=True)
    return path


def working_copy(source: Path, folder: Path) -> Dataset:
    """A migrated copy of ``source`` in ``folder``, with the facts the benchmarks need."""
    from botox_chart.store import open_database  # migrates; a pre-upgrade copy goes to backups/

    target = folder / "bench.sqlite3"
    _copy(source, target)
    url = f"sqlite:///{target}"
    previous = os.environ.get("BOTOX_CHART_DATA_DIR")
    os.environ["BOTOX_CHART_DATA_DIR"] = str(folder / "data")
    try:
        open_database(url).dispose()
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
    return Dataset(url, target, patients, sessions, int(row[0]))


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
