"""Benchmark botox-chart against bare baselines: start-up, ready, search, note, memory, actions.

    .venv/bin/python benchmarks/run.py                # 10,000 patients, 9 runs: the numbers
    .venv/bin/python benchmarks/run.py --quick        # 200 patients, 2 runs: proves it works (CI)
    .venv/bin/python benchmarks/run.py --runs 9 --patients 20000

One command measures everything in one go and prints a table; the results, with the machine they
were measured on, go to ``benchmarks/results/latest.json`` (``results/quick.json`` with --quick).
The data is demo-data (built once per size and seed, cached in ``benchmarks/.cache/``). The app's
modules are byte-compiled first, as installing it does (``pip install`` writes the ``.pyc`` files;
a checkout run with ``PYTHONDONTWRITEBYTECODE=1`` would otherwise compile every module at every
start, which no installed app does, while the libraries and baselines are compiled already).
Programs run as real processes in a private Xvfb (or Qt's offscreen platform where there is none:
the output says so). The app and its baselines are started alternately, round after round, the
order flipping every round, so a busy machine slows both alike; medians are reported, and their
ratio.

1. Window on screen: ``botox-chart`` to its first painted main window, vs a bare PySide6 script
   showing an empty QMainWindow, both timed by ``probe.py``.           Goal: at most 2.0x.
2. Ready to use: to the patient list filled (``patientsLoaded``) and the event loop answering, vs a
   bare script importing PySide6 and SQLModel and showing an empty window.  Goal: at most 1.25x.
3. Search: per keystroke typed in the patient search, to the filtered list painted (``search.py``,
   in process, the real MainWindow).                                     Goal: at most 16 ms.
4. Note: ``botox-chart note ID -o f.pdf`` for a typical signed session, as a whole process, vs a
   bare reportlab script writing a one-page PDF with a 31-row table and a drawing.  Goal: 2.5x.
   And in the window, from Print preview to the preview on screen (``preview.py``). Goal: 150 ms.
5. Memory: peak RSS (VmHWM) of the app with the patients loaded and its background work done, vs
   the bare window.                                                      Goal: at most 2.5x.
6. Actions: clicks and key presses to chart a standard 155 U session from the patient list to
   signed (``charting_actions.py``): for a due patient (goal: at most 4) and for a first visit,
   a patient without sessions (goal: at most 5).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: benchmarks/ is not a package on sys.path yet
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import dataset, display, launch, machine, plot_scale, scale  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
BASELINES = HERE / "baselines"

FULL = {"patients": 10_000, "runs": 9, "warmup": 1, "search_rounds": 3}
QUICK = {"patients": 200, "runs": 2, "warmup": 0, "search_rounds": 1}

METRICS: dict[str, dict[str, Any]] = {
    "window_on_screen": {"label": "Window on screen", "unit": "ms", "goal": 2.0, "kind": "ratio"},
    "ready": {"label": "Ready to use", "unit": "ms", "goal": 1.25, "kind": "ratio"},
    "search": {"label": "Search, per key", "unit": "ms", "goal": 16.0, "kind": "value"},
    "note": {"label": "Note PDF (process)", "unit": "ms", "goal": 2.5, "kind": "ratio"},
    "preview": {"label": "Click to preview", "unit": "ms", "goal": 150.0, "kind": "value"},
    "memory": {"label": "Peak memory (RSS)", "unit": "MB", "goal": 2.5, "kind": "ratio"},
    "actions": {"label": "Actions, due patient", "unit": "actions", "goal": 4, "kind": "value"},
    "actions_first_visit": {
        "label": "Actions, first visit",
        "unit": "actions",
        "goal": 5,
        "kind": "value",
    },
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    launch.bench_environment()
    if args.scale:
        return _scale(args, argv or [])
    mode = QUICK if args.quick else FULL
    patients = args.patients or mode["patients"]
    runs = args.runs or mode["runs"]
    output = args.output or RESULTS / ("quick.json" if args.quick else "latest.json")
    if not args.quick and runs < 5:
        print(f"Warning: {runs} runs; medians of fewer than 5 mean little.")
    screen = display.start(args.platform)
    print(f"Display: {screen.description}", flush=True)
    started = datetime.now(UTC)
    load_before = os.getloadavg()
    try:
        bytecode = compile_app()
        print(f"Bytecode: {BYTECODE_NOTE}, in {bytecode['package']}", flush=True)
        source = dataset.cached(patients, args.seed, args.cache_dir)
        with tempfile.TemporaryDirectory(prefix="bench-") as work:
            data = dataset.working_copy(source, Path(work))
            print(
                f"Data: {data.patients:,} patients, {data.sessions:,} sessions; "
                f"note of session {data.note_session_id}",
                flush=True,
            )
            samples = _launches(data, Path(work), screen, runs, args.warmup, mode["warmup"])
            check_ms = scale.integrity_check_ms(data.path)
            print("Search…", flush=True)
            search = _in_process(
                "benchmarks.search",
                ["--db", data.url, "--rounds", str(mode["search_rounds"])],
                screen,
                data.data_dir,
            )
            print("Print preview…", flush=True)
            preview = _in_process(
                "benchmarks.preview",
                ["--db", data.url, "--session", str(data.note_session_id), "--rounds", "5"],
                screen,
                data.data_dir,
            )
            print("Charting flow…", flush=True)
            actions = _in_process(
                "benchmarks.charting_actions", ["--db", data.url], screen, data.data_dir
            )
    finally:
        screen.stop()
    result = {
        "schema": 1,
        "created": started.isoformat(timespec="seconds"),
        "command": " ".join([Path(sys.executable).name, "benchmarks/run.py", *(argv or [])]),
        "mode": "quick" if args.quick else "full",
        "runs": runs,
        "patients": data.patients,
        "sessions": data.sessions,
        "seed": args.seed,
        "display": {"platform": screen.platform, "description": screen.description},
        "bytecode": bytecode,
        "machine": machine.info(),
        "load_average_before": list(load_before),
        "git": machine.git_revision(ROOT),
        "metrics": _metrics(samples, search, actions, preview),
        "integrity_check_ms": check_ms,
    }
    print()
    print(table(result))
    print(
        f"The integrity check (SQLite quick_check through SQLCipher) alone takes {check_ms:.0f} ms "
        f"on this database: part of the first opening after the file changed (or a day after "
        f"its last check), after the list in the window; the launches above reuse one data "
        f"folder, as a workstation does, so the app's own writes are not checked again."
    )
    _save(result, output)
    print(f"\nSaved {output}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="benchmarks/run.py",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help="200 patients, 2 runs (for CI)")
    parser.add_argument(
        "--scale",
        action="store_true",
        help="the scale table (benchmarks/scale.py): ready, memory, search and four commands "
        "at each of --sizes; and its figure (benchmarks/plot_scale.py), "
        "docs/screenshots/scale.png, or FILE.png beside --output",
    )
    parser.add_argument(
        "--sizes",
        default=",".join(str(n) for n in scale.SIZES),
        metavar="N,N,...",
        help="patients for --scale (10000,50000,100000)",
    )
    parser.add_argument(
        "--databases",
        default=",".join(scale.DATABASES),
        metavar="NAME,...",
        help="databases for --scale: sqlite, postgresql or both (default); PostgreSQL is a "
        "server the benchmark starts on loopback",
    )
    parser.add_argument("--runs", type=int, metavar="N", help="rounds of launches (default 9)")
    parser.add_argument("--patients", type=int, metavar="N", help="demo patients (10,000)")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="demo-data seed (1)")
    parser.add_argument("--warmup", type=int, metavar="N", help="untimed rounds first (1; 0 quick)")
    parser.add_argument("--output", type=Path, metavar="FILE.json")
    parser.add_argument("--cache-dir", type=Path, default=dataset.CACHE, metavar="DIR")
    parser.add_argument(
        "--platform",
        choices=("auto", "xvfb", "offscreen"),
        default="auto",
        help="auto: Xvfb if installed, else Qt's offscreen platform",
    )
    return parser


BYTECODE_NOTE = "app modules byte-compiled ahead, as installing the app does"


def _scale(args: argparse.Namespace, argv: list[str]) -> int:
    sizes = tuple(int(n) for n in args.sizes.split(","))
    runs = args.runs or 3
    screen = display.start(args.platform)
    print(f"Display: {screen.description}", flush=True)
    started = datetime.now(UTC)
    databases = tuple(name.strip() for name in args.databases.split(",") if name.strip())
    unknown = set(databases) - set(scale.DATABASES)
    if unknown or not databases:
        raise SystemExit(f"--databases: one or both of {','.join(scale.DATABASES)}")
    try:
        compile_app()
        measured = scale.measure(sizes, runs, args.seed, args.cache_dir, screen, databases)
    finally:
        screen.stop()
    print()
    print(scale.tables(measured))
    output = args.output or RESULTS / "scale.json"
    context = {
        "created": started.isoformat(timespec="seconds"),
        "command": " ".join([Path(sys.executable).name, "benchmarks/run.py", *argv]),
        "runs": runs,
        "machine": machine.info(),
        "git": machine.git_revision(ROOT),
        "display": screen.description,
    }
    scale.save(measured, output, context)
    print(f"\nSaved {output}")
    # The README's figure goes with the committed table; a table saved elsewhere gets its own.
    figure = plot_scale.FIGURE if args.output is None else output.with_suffix(".png")
    try:
        plot_scale.plot(output, figure)
    except plot_scale.ScaleFileError as err:
        raise SystemExit(f"plot_scale: {err}") from None
    print(f"Saved {figure}")
    return 0


def compile_app() -> dict[str, Any]:
    """Byte-compile the app's package where its processes will import it from, as an install
    does. Stale ``.pyc`` files are rewritten, current ones kept."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("botox_chart")
    if spec is None or spec.origin is None:
        raise SystemExit("botox_chart is not importable")
    package = Path(spec.origin).parent
    if not compileall.compile_dir(package, quiet=1):
        raise SystemExit(f"could not byte-compile {package}")
    return {"compiled_ahead": True, "package": str(package)}


# -- launches ------------------------------------------------------------------------------------


def _launches(
    data: dataset.Dataset,
    work: Path,
    screen: display.Display,
    runs: int,
    warmup: int | None,
    default_warmup: int,
) -> dict[str, list[Any]]:
    """Every process launch, alternating app and baselines; order reversed every other round."""
    app = launch.console_script("botox-chart")
    note = [
        *app,
        "--db",
        data.url,
        "note",
        str(data.note_session_id),
        "-o",
        str(work / "n.pdf"),
        "--force",
    ]
    bare_note = [sys.executable, str(BASELINES / "bare_note.py"), str(work / "bare.pdf")]
    env = screen.env
    programs: list[tuple[str, Callable[[], Any]]] = [
        ("app", lambda: launch.probed(["botox-chart", "--db", data.url], env, data.data_dir)),
        ("bare_window", lambda: launch.probed([str(BASELINES / "bare_window.py")], env)),
        (
            "bare_sqlmodel_window",
            lambda: launch.probed([str(BASELINES / "bare_sqlmodel_window.py")], env),
        ),
        ("note", lambda: launch.timed(note, env, data.data_dir)),
        ("bare_note", lambda: launch.timed(bare_note, env)),
    ]
    samples: dict[str, list[Any]] = {name: [] for name, _ in programs}
    warmup = default_warmup if warmup is None else warmup
    for n in range(warmup + runs):
        order = programs if n % 2 == 0 else programs[::-1]
        counted = n >= warmup
        print(
            f"Round {n + 1 - warmup}/{runs}…" if counted else f"Warm-up {n + 1}/{warmup}…",
            flush=True,
        )
        for name, start in order:
            outcome = start()
            if counted:
                samples[name].append(outcome)
    return samples


def _in_process(
    module: str, args: list[str], screen: display.Display, data_dir: Path | None = None
) -> dict[str, Any]:
    with launch.data_folder(data_dir) as data:
        env = launch.child_env(screen.env, data)
        done = subprocess.run(
            [sys.executable, "-m", module, *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=launch.TIMEOUT_S * 2,
            check=False,
        )
    if done.returncode != 0:
        raise SystemExit(f"{module} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- results -------------------------------------------------------------------------------------


def _summary(values: list[float]) -> dict[str, Any]:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "samples": [round(v, 2) for v in values],
    }


def _ratio(app: list[float], base: list[float]) -> dict[str, Any]:
    """Ratio of the medians; the median of each round's own ratio (app vs its neighbour); and of
    the fastest runs (least disturbed by other work on a shared machine)."""
    return {
        "ratio": statistics.median(app) / statistics.median(base),
        "paired_ratio_median": statistics.median(a / b for a, b in zip(app, base, strict=True)),
        "best_ratio": min(app) / min(base),
    }


def _metrics(
    samples: dict[str, list[Any]],
    search: dict[str, Any],
    actions: dict[str, Any],
    preview: dict[str, Any],
) -> dict[str, Any]:
    def event(name: str, what: str) -> list[float]:
        return [run.events[what].ms for run in samples[name]]

    def peak_mb(name: str) -> list[float]:
        return [run.events["settled"].peak_kb / 1024 for run in samples[name]]

    painted, bare_painted = event("app", "painted"), event("bare_window", "painted")
    ready, bare_ready = event("app", "ready"), event("bare_sqlmodel_window", "ready")
    note, bare_note = [float(v) for v in samples["note"]], [float(v) for v in samples["bare_note"]]
    memory, bare_memory = peak_mb("app"), peak_mb("bare_window")
    found: dict[str, Any] = {
        "window_on_screen": {
            "app": _summary(painted),
            "baseline": {"program": "baselines/bare_window.py", **_summary(bare_painted)},
            **_ratio(painted, bare_painted),
        },
        "ready": {
            "app": {
                **_summary(ready),
                "opened_median": statistics.median(event("app", "opened")),
            },
            "baseline": {"program": "baselines/bare_sqlmodel_window.py", **_summary(bare_ready)},
            **_ratio(ready, bare_ready),
        },
        "search": {
            "app": {
                "median": search["median_ms"],
                "p90": search["p90_ms"],
                "max": search["max_ms"],
            },
            "value": search["median_ms"],
            "detail": search,
        },
        "preview": {
            "app": {"median": preview["median_ms"], "first": preview["first_ms"]},
            "value": preview["median_ms"],
            "detail": preview,
        },
        "note": {
            "app": _summary(note),
            "baseline": {"program": "baselines/bare_note.py", **_summary(bare_note)},
            **_ratio(note, bare_note),
        },
        "memory": {
            "app": {
                **_summary(memory),
                "rss_at_ready_median": statistics.median(
                    run.events["ready"].rss_kb / 1024 for run in samples["app"]
                ),
            },
            "baseline": {"program": "baselines/bare_window.py", **_summary(bare_memory)},
            "vs_bare_sqlmodel_window": statistics.median(memory)
            / statistics.median(peak_mb("bare_sqlmodel_window")),
            **_ratio(memory, bare_memory),
        },
    }
    by_variant = {flow["variant"]: flow["actions"] for flow in actions["flows"]}
    for name, variant in (("actions", "repeat_last"), ("actions_first_visit", "first_visit")):
        found[name] = {
            "app": {"median": by_variant[variant]},
            "value": by_variant[variant],
            "detail": actions,
        }
    for name, spec in METRICS.items():
        metric = found[name]
        measured = metric["ratio"] if spec["kind"] == "ratio" else metric["value"]
        metric.update(
            label=spec["label"],
            unit=spec["unit"],
            goal=spec["goal"],
            goal_kind=spec["kind"],
            met=measured <= spec["goal"],
            over_goal=measured / spec["goal"] - 1,
        )
    return found


def table(result: dict[str, Any]) -> str:
    lines = [
        f"botox-chart benchmarks: {result['patients']:,} patients, {result['sessions']:,} "
        f"sessions; medians of {result['runs']} runs; {result['display']['description']}",
        _machine_line(result["machine"]),
        *([f"{BYTECODE_NOTE[0].upper()}{BYTECODE_NOTE[1:]}."] if "bytecode" in result else []),
        "",
        f"{'Metric':<20}{'App':>12}{'Baseline':>12}{'Ratio':>8}{'Goal':>10}  Result",
    ]
    for name, spec in METRICS.items():
        metric = result["metrics"][name]
        unit = spec["unit"] if spec["unit"] != "actions" else ""
        app = _number(metric["app"]["median"], unit)
        base = _number(metric["baseline"]["median"], unit) if "baseline" in metric else "—"
        ratio = f"{metric['ratio']:.2f}x" if "ratio" in metric else "—"
        goal = (
            f"≤ {spec['goal']}x" if spec["kind"] == "ratio" else f"≤ {_number(spec['goal'], unit)}"
        )
        verdict = "met" if metric["met"] else f"MISSED by {metric['over_goal']:.0%}"
        lines.append(f"{spec['label']:<20}{app:>12}{base:>12}{ratio:>8}{goal:>10}  {verdict}")
    return "\n".join(lines + ["", *notes(result["metrics"])])


def notes(metrics: dict[str, Any]) -> list[str]:
    """The details a reader needs to trust (or question) the table."""
    search, memory = metrics["search"], metrics["memory"]
    flow = metrics["actions"]["detail"]["flows"]
    preview = metrics["preview"]["detail"]
    return [
        f"Print preview in the window, {preview['rest_ms']} ms after selecting the session: "
        f"first {preview['first_ms']:.0f} ms (reportlab, PDFium, the fonts and the diagram's "
        f"drawing load with the first patient), then median {preview['median_ms']:.0f} ms "
        f"({', '.join(f'{t:.0f}' for t in preview['samples_ms'])}); clicked at once after the "
        f"selection {preview['immediate_median_ms']:.0f} ms, and laid out only after the click "
        f"{preview['unprepared_median_ms']:.0f} ms.",
        f"Ready: the list is on screen at {metrics['ready']['app']['median']:.0f} ms; the "
        f"database is open for work (integrity check passed, sign-in possible) at "
        f"{metrics['ready']['app']['opened_median']:.0f} ms.",
        f"Search: {search['detail']['keystrokes']} keys over {search['detail']['patients']:,} "
        f"patients; p90 {search['app']['p90']:.1f} ms, max {search['app']['max']:.1f} ms; "
        f"list repainted on {search['detail']['painted_keystrokes']} of them.",
        f"Memory: {memory['app']['rss_at_ready_median']:.0f} MB when ready, peak "
        f"{memory['app']['median']:.0f} MB once background work is done; "
        f"{memory['vs_bare_sqlmodel_window']:.2f}x the bare PySide6 + SQLModel window.",
        "Ratios, paired (median of each round's app/baseline) and best (fastest/fastest): "
        + ", ".join(
            f"{name} {m['paired_ratio_median']:.2f}x and {m['best_ratio']:.2f}x"
            for name, m in (
                ("window", metrics["window_on_screen"]),
                ("ready", metrics["ready"]),
                ("note", metrics["note"]),
            )
        )
        + ".",
        *(
            f"Actions ({f['variant']}, window {f['window']}): " + "; ".join(f["steps"]) + "."
            for f in flow
        ),
    ]


def _machine_line(info: dict[str, Any]) -> str:
    return (
        f"{info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB RAM; {info['os']}; "
        f"Python {info['python']}, Qt {info['qt']} (PySide6 {info['pyside6']})"
    )


def _number(value: float, unit: str) -> str:
    if unit == "ms" and value < 100:
        return f"{value:.1f} ms"
    if unit == "":
        return f"{value:g}"
    return f"{value:.0f} {unit}"


def _save(result: dict[str, Any], output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".tmp")
    partial.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.replace(output)


if __name__ == "__main__":
    started = time.monotonic()
    code = main(sys.argv[1:])
    print(f"({time.monotonic() - started:.0f} s)")
    sys.exit(code)
