"""The scale table as a picture: peak memory and time to ready, at each size, on each database.

    .venv/bin/python benchmarks/plot_scale.py [--input benchmarks/results/scale.json]
                                              [--output docs/screenshots/scale.png]

Reads what ``benchmarks/run.py --scale`` saved (``scale.save``: ``"databases": {"sqlite": [rows],
"postgresql": [rows]}``) and draws one 900×420 PNG with two panels, for readers who will not read
the JSON: peak memory in MB against the goal (2.5× the bare window's peak, the median over the
rows), and the time to the patient list painted as a ratio to the bare PySide6 + SQLModel window,
against its goal (1.25×; 1.5× at 100,000 patients). A measure that timed out (``null``) has no
point: the panel says "timed out" at its size instead. ``run.py --scale`` draws it after saving.

Qt's QPainter on a QImage (offscreen platform, the app's bundled DejaVu Sans): no plotting library.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
INPUT = HERE / "results" / "scale.json"
FIGURE = ROOT / "docs" / "screenshots" / "scale.png"
FONT = ROOT / "resources" / "fonts" / "DejaVuSans.ttf"
WIDTH, HEIGHT = 900, 420

MEMORY_GOAL = 2.5
"""Peak memory at most this times the bare window's (benchmarks/run.py METRICS["memory"])."""
READY_GOAL, READY_GOAL_AT_100K = 1.25, 1.5
"""Ready at most 1.25× the bare window; 1.5× at 100,000 patients (README, Performance)."""

NAMES = {"sqlite": "SQLite (encrypted)", "postgresql": "PostgreSQL"}
COLOURS = {"sqlite": "#0072B2", "postgresql": "#D55E00"}  # Okabe-Ito: told apart by everyone
OTHER_COLOURS = ("#009E73", "#CC79A7", "#E69F00")
INK, GRID, GOAL = "#1A1A1A", "#DDDDDD", "#555555"


_APP: list[Any] = []
"""The QGuiApplication made here when the caller has none, kept alive while drawing."""


class ScaleFileError(Exception):
    """The input cannot be drawn: missing, not JSON, or not what run.py --scale saves."""


@dataclass(frozen=True)
class Series:
    database: str
    """The key in scale.json: sqlite, postgresql."""
    points: tuple[tuple[int, float | None], ...]
    """(patients, value) at each size measured; None where the measure timed out."""


@dataclass(frozen=True)
class Panel:
    title: str
    axis: str
    series: tuple[Series, ...]
    goal: tuple[tuple[int, float], ...]
    """The goal at each size measured (drawn as a dashed step line)."""
    goal_label: str
    value_label: Callable[[float], str]


def load(path: Path) -> dict[str, list[dict[str, Any]]]:
    """The rows per database in a scale.json, or ScaleFileError saying what is wrong."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScaleFileError(
            f"{path}: no such file (benchmarks/run.py --scale writes it)"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ScaleFileError(f"{path}: cannot read it as JSON ({err})") from None
    databases = document.get("databases") if isinstance(document, dict) else None
    if not isinstance(databases, dict) or not all(
        isinstance(rows, list) and all(isinstance(r, dict) and "patients" in r for r in rows)
        for rows in databases.values()
    ):
        raise ScaleFileError(
            f'{path}: no "databases" with rows of "patients" (an older format?); '
            "run benchmarks/run.py --scale again"
        )
    found = {name: rows for name, rows in databases.items() if rows}
    if not found:
        raise ScaleFileError(f"{path}: no database has any measured size")
    return found


def panels(databases: dict[str, list[dict[str, Any]]]) -> tuple[Panel, Panel]:
    """Peak memory (MB) and ready (× the bare window), each with its goal at every size."""
    rows = [row for found in databases.values() for row in found]
    sizes = sorted({int(row["patients"]) for row in rows})
    bare = [row["bare_window_peak_mb"] for row in rows if row.get("bare_window_peak_mb")]
    memory_goal = MEMORY_GOAL * statistics.median(bare) if bare else None

    def series(key: str) -> tuple[Series, ...]:
        return tuple(
            Series(name, tuple((int(row["patients"]), row.get(key)) for row in found))
            for name, found in databases.items()
        )

    memory = Panel(
        title="Peak memory",
        axis="Peak memory (MB)",
        series=series("peak_mb"),
        goal=() if memory_goal is None else tuple((n, memory_goal) for n in sizes),
        goal_label=f"goal ({MEMORY_GOAL:g}× bare window): {memory_goal or 0:.0f} MB",
        value_label=lambda mb: f"{mb:.0f} MB",
    )
    ready = Panel(
        title="Time to the patient list",
        axis="Time ÷ the bare window's (×)",
        series=series("ready_ratio"),
        goal=tuple((n, READY_GOAL_AT_100K if n >= 100_000 else READY_GOAL) for n in sizes),
        goal_label=f"goal ({READY_GOAL:g}× bare window; {READY_GOAL_AT_100K:g}× at 100k)",
        value_label=lambda ratio: f"{ratio:.1f}×",
    )
    return memory, ready


def patients_label(patients: int) -> str:
    """10000 -> "10k", 2500 -> "2.5k", 30 -> "30"."""
    return f"{patients / 1000:g}k" if patients >= 1000 else str(patients)


def nice_top(value: float) -> tuple[float, float]:
    """An axis top at or above ``value`` and its tick step: 4 to 6 round ticks."""
    value = value if value > 0 else 1.0
    magnitude = 10 ** math.floor(math.log10(value / 5))
    step = next(magnitude * f for f in (1, 2, 2.5, 5, 10) if magnitude * f >= value / 5)
    return step * math.ceil(value / step), step


def plot(source: Path, target: Path) -> Path:
    """Draw ``source`` (a scale.json) into ``target`` (a PNG); ScaleFileError if it cannot."""
    figure = panels(load(source))
    image = draw(figure)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise ScaleFileError(f"{target}: could not write the PNG")
    return target


# -- drawing (Qt) --------------------------------------------------------------------------------


def draw(figure: tuple[Panel, ...]) -> Any:
    """A WIDTH×HEIGHT QImage: the panels side by side, a legend under them."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QImage, QPainter

    if QGuiApplication.instance() is None:  # drawing only: no display needed, none touched
        _APP.append(QGuiApplication(["plot_scale", "-platform", "offscreen"]))
    loaded = QFontDatabase.addApplicationFont(str(FONT))
    families = QFontDatabase.applicationFontFamilies(loaded) if loaded >= 0 else []
    family = families[0] if families else "DejaVu Sans"

    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        legend_height = 34
        width = WIDTH / len(figure)
        for i, panel in enumerate(figure):
            _panel(painter, family, panel, QRectF(i * width, 0, width, HEIGHT - legend_height))
        databases = list(dict.fromkeys(s.database for p in figure for s in p.series))
        _legend(painter, family, databases, QRectF(0, HEIGHT - legend_height, WIDTH, 28))
    finally:
        painter.end()
    return image


def _colour(database: str, order: list[str]) -> str:
    if database in COLOURS:
        return COLOURS[database]
    others = [name for name in order if name not in COLOURS]
    return OTHER_COLOURS[others.index(database) % len(OTHER_COLOURS)]


def _font(family: str, pixels: int, bold: bool = False) -> Any:
    from PySide6.QtGui import QFont

    font = QFont(family)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _panel(painter: Any, family: str, panel: Panel, area: Any) -> None:
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFontMetricsF, QPainterPath, QPen

    order = [s.database for s in panel.series]
    plot = QRectF(area.left() + 78, area.top() + 66, area.width() - 106, area.height() - 124)
    painter.setPen(QColor(INK))
    painter.setFont(_font(family, 17, bold=True))
    painter.drawText(
        QRectF(area.left(), area.top() + 6, area.width(), 24),
        Qt.AlignmentFlag.AlignCenter,
        panel.title,
    )

    sizes = sorted({n for s in panel.series for n, _ in s.points} | {n for n, _ in panel.goal})
    values = [v for s in panel.series for _, v in s.points if v is not None]
    values += [v for _, v in panel.goal]
    top, step = nice_top(max(values, default=1.0) * 1.15)
    right = max(sizes) * 1.08

    def x(patients: float) -> float:
        return float(plot.left() + plot.width() * patients / right)

    def y(value: float) -> float:
        return float(plot.bottom() - plot.height() * value / top)

    # Grid and y ticks.
    painter.setFont(_font(family, 13))
    tick = 0.0
    while tick <= top + step / 1000:
        painter.setPen(QPen(QColor(GRID), 1))
        painter.drawLine(QPointF(plot.left(), y(tick)), QPointF(plot.right(), y(tick)))
        painter.setPen(QColor(INK))
        text = f"{tick:g}"
        painter.drawText(
            QRectF(plot.left() - 52, y(tick) - 10, 46, 20),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        tick += step
    # Axes, x ticks at the sizes measured.
    painter.setPen(QPen(QColor(INK), 1.5))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    painter.drawLine(plot.bottomLeft(), plot.topLeft())
    for n in sizes:
        painter.drawLine(QPointF(x(n), plot.bottom()), QPointF(x(n), plot.bottom() + 5))
        painter.drawText(
            QRectF(x(n) - 40, plot.bottom() + 6, 80, 20),
            Qt.AlignmentFlag.AlignCenter,
            patients_label(n),
        )
    painter.setFont(_font(family, 14))
    painter.drawText(
        QRectF(plot.left(), plot.bottom() + 28, plot.width(), 22),
        Qt.AlignmentFlag.AlignCenter,
        "Patients in the database",
    )
    painter.save()
    painter.translate(area.left() + 16, plot.center().y())
    painter.rotate(-90)
    painter.drawText(
        QRectF(-plot.height() / 2 - 40, -11, plot.height() + 80, 22),
        Qt.AlignmentFlag.AlignCenter,
        panel.axis,
    )
    painter.restore()

    # The goal: a dashed step line, each size's goal around it.
    if panel.goal:
        path = QPainterPath()
        edges = [0.0] + [(a + b) / 2 for (a, _), (b, _) in pairwise(panel.goal)]
        edges.append(right)
        for i, (_, goal) in enumerate(panel.goal):
            start, end = QPointF(x(edges[i]), y(goal)), QPointF(x(edges[i + 1]), y(goal))
            if i == 0:
                path.moveTo(start)
            else:
                path.lineTo(start)
            path.lineTo(end)
        painter.setPen(QPen(QColor(GOAL), 2, Qt.PenStyle.DashLine))
        painter.drawPath(path)
        # Said under the title, with the line's look, where no point or label can cover it.
        painter.setFont(_font(family, 14))
        metrics = QFontMetricsF(painter.font())
        left = area.center().x() - (36 + metrics.horizontalAdvance(panel.goal_label)) / 2
        middle = area.top() + 43
        painter.drawLine(QPointF(left, middle), QPointF(left + 28, middle))
        painter.setPen(QColor(GOAL))
        painter.drawText(
            QRectF(left + 36, middle - 10, area.width(), 20),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            panel.goal_label,
        )

    # Each database: a line through the sizes measured, broken where one timed out.
    painter.setFont(_font(family, 13, bold=True))
    for s in panel.series:
        colour = QColor(_colour(s.database, order))
        painter.setPen(QPen(colour, 3))
        for (a, va), (b, vb) in pairwise(s.points):
            if va is not None and vb is not None:
                painter.drawLine(QPointF(x(a), y(va)), QPointF(x(b), y(vb)))
        painter.setBrush(colour)
        for n, v in s.points:
            if v is not None:
                painter.drawEllipse(QPointF(x(n), y(v)), 5, 5)
        painter.setBrush(Qt.BrushStyle.NoBrush)
    # Value labels: at each size, the highest value's above its point, the others below.
    for n in sizes:
        here = [(v, s) for s in panel.series for m, v in s.points if m == n and v is not None]
        here.sort(key=lambda found: -found[0])
        for rank, (v, s) in enumerate(here):
            painter.setPen(QColor(_colour(s.database, order)))
            box = QRectF(x(n) - 45, y(v) - 27 if rank == 0 else y(v) + 7, 90, 20)
            _label(painter, box, panel.value_label(v))
        missing = [s for s in panel.series for m, v in s.points if m == n and v is None]
        for rank, s in enumerate(missing):
            painter.setPen(QColor(_colour(s.database, order)))
            box = QRectF(x(n) - 45, plot.top() + 2 + rank * 18, 90, 18)
            _label(painter, box, "timed out")


def _label(painter: Any, box: Any, text: str) -> None:
    """Text centred in ``box`` on white, so a line passing behind it cannot strike it out."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor

    used = painter.boundingRect(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.fillRect(used.adjusted(-2, 0, 2, 0), QColor("white"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def _legend(painter: Any, family: str, databases: list[str], area: Any) -> None:
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFontMetricsF, QPen

    font = _font(family, 14)
    metrics = QFontMetricsF(font)
    entries = [
        (NAMES.get(name, name), QPen(QColor(_colour(name, databases)), 3)) for name in databases
    ]
    swatch, gap = 30, 28
    total = sum(swatch + 8 + metrics.horizontalAdvance(text) for text, _ in entries)
    left = area.center().x() - (total + gap * (len(entries) - 1)) / 2
    painter.setFont(font)
    for text, pen in entries:
        middle = area.center().y()
        painter.setPen(pen)
        painter.drawLine(QPointF(left, middle), QPointF(left + swatch, middle))
        painter.setPen(QColor(INK))
        advance = metrics.horizontalAdvance(text)
        painter.drawText(
            QRectF(left + swatch + 8, area.top(), advance + 2, area.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        left += swatch + 8 + advance + gap


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="benchmarks/plot_scale.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--input", type=Path, default=INPUT, metavar="SCALE.json")
    parser.add_argument("--output", type=Path, default=FIGURE, metavar="FIGURE.png")
    args = parser.parse_args(argv)
    try:
        written = plot(args.input, args.output)
    except ScaleFileError as err:
        print(f"plot_scale: {err}", file=sys.stderr)
        return 1
    print(f"Saved {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
