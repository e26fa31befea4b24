"""benchmarks/run.py --quick runs end to end and writes every metric as a number.

No timing is asserted: CI machines vary, and the numbers are for people (benchmarks/results/).
Headless: Qt's offscreen platform, no Xvfb needed. About 15-25 s.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import pgserver, scale

ROOT = Path(__file__).resolve().parents[2]
METRICS = (
    "window_on_screen",
    "ready",
    "search",
    "note",
    "memory",
    "actions",
    "actions_first_visit",
    "preview",
)
RATIOS = ("window_on_screen", "ready", "note", "memory")


@pytest.mark.gui
def test_quick_mode_completes_and_reports_every_metric(tmp_path: Path) -> None:
    output = tmp_path / "quick.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--quick",
            "--platform",
            "offscreen",
            "--output",
            str(output),
            "--cache-dir",
            str(tmp_path / "cache"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "offscreen" in done.stdout  # the fallback is said, not hidden

    result = json.loads(output.read_text(encoding="utf-8"))
    assert result["mode"] == "quick"
    assert result["display"]["platform"] == "offscreen"
    for key in ("cpu", "cores", "ram_gb", "os", "python", "qt"):
        assert result["machine"][key], key
    assert set(result["metrics"]) == set(METRICS)
    for name in METRICS:
        metric = result["metrics"][name]
        assert _number(metric["app"]["median"]), name
        assert isinstance(metric["met"], bool), name
        assert _number(metric["goal"]), name
    for name in RATIOS:
        metric = result["metrics"][name]
        assert _number(metric["baseline"]["median"]), name
        assert _number(metric["ratio"]), name
        assert len(metric["app"]["samples"]) == result["runs"] == 2
    assert result["metrics"]["actions"]["detail"]["flows"], "the charting flow ran"
    assert _number(result["integrity_check_ms"])
    assert result["metrics"]["ready"]["app"]["opened_median"] >= 0


@pytest.mark.gui
def test_scale_mode_reports_every_measure_at_every_size_on_each_database(tmp_path: Path) -> None:
    """Both databases where PostgreSQL's binaries are installed (CI), else SQLite and why not."""
    output = tmp_path / "scale.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--scale",
            "--sizes",
            "30,60",
            "--runs",
            "1",
            "--platform",
            "offscreen",
            "--output",
            str(output),
            "--cache-dir",
            str(tmp_path / "cache"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=400,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(output.read_text(encoding="utf-8"))
    measured = ["sqlite"] if pgserver.find_bindir() is None else ["sqlite", "postgresql"]
    assert list(result["databases"]) == measured
    for database, rows in result["databases"].items():
        assert [row["patients"] for row in rows] == [30, 60]
        for row in rows:
            for key, _label, _unit in scale.MEASURES:
                if database == "postgresql" and key == "integrity_check_ms":
                    assert key not in row  # SQLite's check on opening; PostgreSQL has none
                    continue
                assert _number(row[key]), (database, key)
    assert "growth" in done.stdout
    assert "SQLite, SQLCipher-encrypted:" in done.stdout
    if "postgresql" in measured:
        assert result["postgresql"]["version"].startswith("PostgreSQL ")
        assert "PostgreSQL on loopback:" in done.stdout
        assert "PostgreSQL: stopped and removed." in done.stdout
    else:
        assert "measuring SQLite only" in done.stdout
        assert result["postgresql"]["skipped"]


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
