"""benchmarks/plot_scale.py draws the scale table as a figure for the README, and says plainly
when it has nothing to draw; run.py --scale draws it after saving the table."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from benchmarks import display, plot_scale, run, scale

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "plot_scale.py"


def _row(patients: int, peak: float, bare: float, ready: float | None) -> dict[str, Any]:
    return {
        "patients": patients,
        "peak_mb": peak,
        "bare_window_peak_mb": bare,
        "memory_ratio": peak / bare,
        "ready_ms": None if ready is None else ready * 900,
        "bare_ready_ms": 900.0,
        "ready_ratio": ready,
    }


DATABASES = {
    "sqlite": [
        _row(10_000, 181.0, 56.0, 0.6),
        _row(50_000, 211.0, 57.0, 1.8),
        _row(100_000, 252.0, 58.0, 4.1),
    ],
    "postgresql": [
        _row(10_000, 162.0, 55.0, 0.9),
        _row(50_000, 175.0, 56.5, None),  # ready timed out at 50,000
        _row(100_000, 190.0, 57.5, 1.4),
    ],
}


def _scale_json(folder: Path) -> Path:
    path = folder / "scale.json"
    path.write_text(json.dumps({"runs": 2, "databases": DATABASES}), encoding="utf-8")
    return path


def _plot(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=ROOT,
        env=env,  # as from a terminal without a display
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _ink(image: QImage, left: int, right: int, colour: str | None = None) -> int:
    """Pixels between columns ``left`` and ``right`` that are dark (or near ``colour``)."""
    wanted = QColor(colour) if colour else None
    found = 0
    for x in range(left, right, 2):
        for y in range(0, image.height(), 2):
            pixel = image.pixelColor(x, y)
            if wanted is None:
                found += pixel.lightness() < 80
            else:
                found += (
                    abs(pixel.red() - wanted.red())
                    + abs(pixel.green() - wanted.green())
                    + abs(pixel.blue() - wanted.blue())
                    < 40
                )
    return found


def test_the_figure_is_written_with_both_panels_drawn(tmp_path: Path, qapp: QApplication) -> None:
    figure = tmp_path / "figures" / "scale.png"
    done = _plot("--input", str(_scale_json(tmp_path)), "--output", str(figure))
    assert done.returncode == 0, done.stderr
    assert str(figure) in done.stdout

    image = QImage(str(figure))
    assert (image.width(), image.height()) == (plot_scale.WIDTH, plot_scale.HEIGHT) == (900, 420)
    assert image.pixelColor(2, 2) == QColor("white")
    half = image.width() // 2
    for left, right in ((0, half), (half, image.width())):
        assert _ink(image, left, right) > 300  # titles, axes, ticks
        for database in ("sqlite", "postgresql"):
            assert _ink(image, left, right, plot_scale.COLOURS[database]) > 50, database


def test_null_points_are_left_out_and_the_goals_come_from_the_bare_window() -> None:
    memory, ready = plot_scale.panels(DATABASES)
    assert [s.database for s in memory.series] == ["sqlite", "postgresql"]
    postgresql = dict(ready.series[1].points)
    assert postgresql == {10_000: 0.9, 50_000: None, 100_000: 1.4}
    # Memory: 2.5x the median bare window over every row (56, 57, 58, 55, 56.5, 57.5 -> 56.75).
    assert memory.goal == ((10_000, 141.875), (50_000, 141.875), (100_000, 141.875))
    assert "goal (2.5× bare window)" in memory.goal_label and "142 MB" in memory.goal_label
    assert ready.goal == ((10_000, 1.25), (50_000, 1.25), (100_000, 1.5))
    assert [memory.value_label(162.0), ready.value_label(0.92)] == ["162 MB", "0.9×"]
    assert [plot_scale.patients_label(n) for n in (10_000, 50_000, 100_000, 30)] == [
        "10k",
        "50k",
        "100k",
        "30",
    ]


def test_a_missing_input_is_one_clear_line_and_exit_status_1(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "scale.json"
    done = _plot("--input", str(missing), "--output", str(tmp_path / "scale.png"))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"plot_scale: {missing}: no such file (benchmarks/run.py --scale writes it)"
    ]
    assert not (tmp_path / "scale.png").exists()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ('{"sizes": [{"patients": 10000, "file_mb": 205}]}', "an older format?"),
        ("{not json", "cannot read it as JSON"),
        ('{"databases": {"sqlite": []}}', "no database has any measured size"),
    ],
)
def test_a_file_it_cannot_draw_is_said_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, said: str
) -> None:
    path = tmp_path / "scale.json"
    path.write_text(content, encoding="utf-8")
    assert plot_scale.main(["--input", str(path), "--output", str(tmp_path / "s.png")]) == 1
    error = capsys.readouterr().err
    assert said in error and error.count("\n") == 1
    assert not (tmp_path / "s.png").exists()


def test_run_scale_draws_the_figure_beside_the_table_it_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    def measured(*_args: object) -> scale.Measured:
        return scale.Measured(DATABASES, {"version": "PostgreSQL 15"})

    monkeypatch.setattr(scale, "measure", measured)
    monkeypatch.setattr(scale, "tables", lambda _measured: "")
    monkeypatch.setattr(run, "compile_app", dict)
    monkeypatch.setattr(run.launch, "bench_environment", lambda: None)
    monkeypatch.setattr(display, "start", lambda _how: display.offscreen("test"))
    output = tmp_path / "results" / "scale.json"
    assert run.main(["--scale", "--output", str(output)]) == 0
    assert json.loads(output.read_text(encoding="utf-8"))["databases"] == DATABASES
    assert QImage(str(output.with_suffix(".png"))).width() == plot_scale.WIDTH
