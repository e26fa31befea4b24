"""How the app grows with the clinic: the same measures at 10,000, 50,000 and 100,000 patients.

``.venv/bin/python benchmarks/run.py --scale [--sizes 10000,50000,100000] [--runs 3]`` prints a
table and saves ``results/scale.json``. For each size (demo data, built once and cached like the
main benchmark's, then copied and migrated):

- ready: ``botox-chart`` to the patient list painted, against the bare PySide6 + SQLModel window
  (``probe.py``, alternating, medians), with the moment the database is open for work (its
  integrity check passed: sign-in possible) and the peak memory against the bare window;
- search p90: per key typed in the patient search (``search.py``, in process);
- ``sessions --json``, ``due --json``, ``lot LOT --json`` (the most used lot) and ``report outcomes
  --json`` as whole processes (each opens the database, so each includes the integrity check);
- the integrity check alone (SQLite's quick_check through SQLCipher, in process), so the reader can
  tell the check's share of every command from the command's own work.

The growth factor is each measure's ratio to the one at the previous size. PostgreSQL is not
measured here yet (see the README's Performance section).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from benchmarks import dataset, display, launch

HERE = Path(__file__).resolve().parent
SIZES = (10_000, 50_000, 100_000)
COMMANDS = ("sessions", "due", "lot", "report")


def measure(
    sizes: tuple[int, ...], runs: int, seed: int, cache: Path, screen: display.Display
) -> list[dict[str, Any]]:
    rows = []
    for size in sizes:
        source = dataset.cached(size, seed, cache)
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as work:
            print(f"{size:,} patients: copying and migrating…", flush=True)
            data = dataset.working_copy(source, Path(work))
            rows.append(_one_size(data, Path(work), runs, screen))
            print(f"  {rows[-1]}", flush=True)
    return rows


def _one_size(
    data: dataset.Dataset, work: Path, runs: int, screen: display.Display
) -> dict[str, Any]:
    from benchmarks.run import BASELINES, _in_process

    app, bare, bare_window = [], [], []
    for n in range(runs):
        order = [
            ("app", ["botox-chart", "--db", data.url]),
            ("bare", [str(BASELINES / "bare_sqlmodel_window.py")]),
            ("window", [str(BASELINES / "bare_window.py")]),
        ]
        for name, program in order if n % 2 == 0 else order[::-1]:
            found = launch.probed(program, screen.env)
            {"app": app, "bare": bare, "window": bare_window}[name].append(found)
    ready = statistics.median(r.events["ready"].ms for r in app)
    bare_ready = statistics.median(r.events["ready"].ms for r in bare)
    peak = statistics.median(r.events["settled"].peak_kb / 1024 for r in app)
    bare_peak = statistics.median(r.events["settled"].peak_kb / 1024 for r in bare_window)
    search = _in_process("benchmarks.search", ["--db", data.url, "--rounds", "1"], screen)
    lot = _most_used_lot(data.path)
    cli = launch.console_script("botox-chart")
    commands = {
        "sessions": [*cli, "--db", data.url, "sessions", "--json"],
        "due": [*cli, "--db", data.url, "due", "--json"],
        "lot": [*cli, "--db", data.url, "lot", lot, "--json"],
        "report": [*cli, "--db", data.url, "report", "outcomes", "--json"],
    }
    timed = {name: _timed(command, screen) for name, command in commands.items()}
    return {
        "patients": data.patients,
        "sessions": data.sessions,
        "file_mb": round(data.path.stat().st_size / 2**20),
        "ready_ms": ready,
        "bare_ready_ms": bare_ready,
        "ready_ratio": ready / bare_ready,
        "opened_ms": statistics.median(r.events["opened"].ms for r in app),
        "peak_mb": peak,
        "bare_window_peak_mb": bare_peak,
        "memory_ratio": peak / bare_peak,
        "search_p90_ms": search["p90_ms"],
        "integrity_check_ms": integrity_check_ms(data.path),
        **{f"{name}_ms": ms for name, ms in timed.items()},
    }


def _timed(command: list[str], screen: display.Display) -> float | None:
    """A command's time; None when it ran past launch.TIMEOUT_S (and was stopped)."""
    try:
        return launch.timed(command, screen.env)
    except launch.LaunchError as err:
        print(f"  {command[3]}: {str(err).splitlines()[0]}", flush=True)
        return None


def _most_used_lot(path: Path) -> str:
    with closing(dataset.connect(path)) as db:
        row = db.execute(
            "SELECT lot_number FROM vial WHERE lot_number <> '' GROUP BY lot_number "
            "ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    return str(row[0])


def integrity_check_ms(path: Path) -> float:
    """The check every opening runs (store.engine), alone."""
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


def table(rows: list[dict[str, Any]]) -> str:
    """Measures down, sizes across, each with its growth over the size before."""
    head = f"{'Measure':<22}" + "".join(
        f"{r['patients']:>10,}p{'':>9}" if i == 0 else f"{r['patients']:>10,}p{'growth':>9}"
        for i, r in enumerate(rows)
    )
    lines = [head]
    for key, label, unit in MEASURES:
        cells = []
        for i, row in enumerate(rows):
            value, before = row[key], rows[i - 1][key] if i else None
            if value is None:
                cells.append(f"{'timed out':>11}{'':>9}")
                continue
            text = f"{value:.2f}x" if unit == "x" else f"{value:,.0f} {unit}"
            growth = "" if before is None or unit == "x" else f"{value / before:.2f}x"
            cells.append(f"{text:>11}{growth:>9}")
        lines.append(f"{label:<22}" + "".join(cells))
    sizes = ", ".join(
        f"{r['patients']:,} patients / {r['sessions']:,} sessions / {r['file_mb']:,} MB"
        for r in rows
    )
    return "\n".join([*lines, "", f"Data: {sizes} (SQLite, SQLCipher-encrypted)."])


def save(rows: list[dict[str, Any]], output: Path, context: dict[str, Any]) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps({**context, "sizes": rows}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit("run it as: benchmarks/run.py --scale")
