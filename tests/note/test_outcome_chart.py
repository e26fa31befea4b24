"""The trend chart of a course, inspected as shapes: the baseline and threshold lines at the right
heights, headache and migraine days told apart by line style, a missing figure as a gap.
docs/clinical-reference.md §8."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String

from botox_chart import outcomes
from botox_chart.note.outcome_chart import HEADACHE, MIGRAINE, trend_drawing
from tests.helpers.courses import baseline, course, visit

WIDTH, HEIGHT = 420.0, 170.0


def height_in_plot(drawing: Drawing, line: Line) -> float:
    """Where ``line`` sits in the plot, as a share of the plot's height (0 bottom, 1 top)."""
    plot = drawing.plot
    assert isinstance(plot, Rect)
    assert line.y1 == line.y2, "a horizontal line"
    return (line.y1 - plot.y) / plot.height


def polylines(drawing: Drawing, colour: object) -> list[PolyLine]:
    return [s for s in drawing.contents if isinstance(s, PolyLine) and s.strokeColor == colour]


def words(drawing: Drawing) -> list[str]:
    return [s.text for s in drawing.getContents() if isinstance(s, String)]


def test_the_baseline_and_the_nice_threshold_are_drawn_at_their_days_per_28() -> None:
    # 20 headache days in 28 at baseline; NICE: 30% fewer is 14 per 28 days; the axis is 0..28
    chart = trend_drawing(
        course(baseline(20), visit(1, 20), visit(2, 15), visit(3, 12)),
        outcomes.load_profile(),
        WIDTH,
        HEIGHT,
    )

    assert abs(height_in_plot(chart, chart.baseline) - 20 / 28) < 1e-9
    assert abs(height_in_plot(chart, chart.threshold) - 14 / 28) < 1e-9
    assert "Baseline 20" in words(chart)
    assert "30% fewer: 14" in words(chart)


def test_the_threshold_follows_the_profile_and_the_baseline_is_per_28_days() -> None:
    # 30 days in a 30-day window is 28 per 28 days; the payer's 50% threshold is 14
    chart = trend_drawing(
        course(baseline(30, 30), visit(1, 30, 30)),
        outcomes.load_profile("payer-50"),
        WIDTH,
        HEIGHT,
    )

    assert abs(height_in_plot(chart, chart.baseline) - 1.0) < 1e-9
    assert abs(height_in_plot(chart, chart.threshold) - 0.5) < 1e-9
    assert "50% fewer: 14" in words(chart)


def test_headache_and_migraine_days_differ_by_line_style_not_colour_alone() -> None:
    chart = trend_drawing(
        course(baseline(20), visit(1, 20), visit(2, 16)), outcomes.load_profile(), WIDTH, HEIGHT
    )

    (headache,) = polylines(chart, HEADACHE)
    (migraine,) = polylines(chart, MIGRAINE)
    assert not headache.strokeDashArray
    assert migraine.strokeDashArray
    assert {"Headache days", "Migraine days"} <= set(words(chart))


def test_a_visit_with_no_figure_is_a_gap_in_the_line() -> None:
    chart = trend_drawing(
        course(
            baseline(20), visit(1, 20), visit(2, 16), visit(3, None), visit(4, 12), visit(5, 10)
        ),
        outcomes.load_profile(),
        WIDTH,
        HEIGHT,
    )

    runs = polylines(chart, HEADACHE)
    assert [len(run.points) // 2 for run in runs] == [2, 2]  # cycles 1-2, then 4-5
    left_end, right_start = runs[0].points[-2], runs[1].points[0]
    assert left_end < right_start
    assert "no figure" in words(chart)
    assert [w for w in words(chart) if w.startswith("2025-")] == [
        v.date.isoformat() for v in (visit(n, 0) for n in range(1, 6))
    ]


def test_without_a_baseline_there_is_no_baseline_or_threshold_line() -> None:
    chart = trend_drawing(course(None, visit(1, 20)), outcomes.load_profile(), WIDTH, HEIGHT)

    assert not hasattr(chart, "baseline")
    assert not hasattr(chart, "threshold")
    assert "No baseline recorded: no threshold" in words(chart)
