"""The patient's outcome trend: each visit's headache days per 28 days drawn where they belong,
a missing figure left out (not drawn as zero), and each profile's verdict said in words."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from botox_chart import outcomes
from botox_chart.ui.widgets.outcome_trend import HEADACHE, OutcomeTrend
from tests.helpers.courses import baseline, course, visit


def _near(image: object, x: float, y: float, color: object) -> bool:
    """Some pixel within 2 px of (x, y) has ``color``."""
    return any(
        image.pixelColor(int(x) + dx, int(y) + dy) == color  # type: ignore[attr-defined]
        for dx in range(-2, 3)
        for dy in range(-2, 3)
    )


def test_the_chart_marks_each_recorded_visit_and_leaves_a_gap_for_a_missing_one(
    qtbot: QtBot,
) -> None:
    nice = outcomes.load_profile(outcomes.DEFAULT_PROFILE)
    payer = outcomes.load_profile("payer-50")
    shown = course(baseline(22), visit(1, 22), visit(2, None), visit(3, 14))
    widget = OutcomeTrend()
    qtbot.addWidget(widget)
    widget.resize(400, 220)
    widget.show_course(
        outcomes.trend(shown, nice), [(p, outcomes.verdict(shown, p)) for p in (nice, payer)]
    )
    chart = widget.chart
    chart.resize(400, 140)
    image = chart.grab().toImage()
    plot = chart.plot_rect()
    points = outcomes.trend(shown, nice).points
    step = plot.width() / len(points)
    for n, point in enumerate(points):
        x = plot.left() + step * (n + 0.5)
        if point.headache_per_28 is None:
            assert not _near(image, x, chart.value_y(outcomes.Decimal(0), plot), HEADACHE)
        else:
            assert _near(image, x, chart.value_y(point.headache_per_28, plot), HEADACHE)

    texts = widget.verdict_texts()
    assert "NICE" in texts[0] and "continue" in texts[0] and "−36" in texts[0]
    assert "stop: not responding" in texts[1]  # 36% fewer is below the payer's 50%
