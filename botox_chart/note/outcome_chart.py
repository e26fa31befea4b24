"""The trend chart of a patient's course: headache and migraine days per 28 days at each cycle.

A vector reportlab ``Drawing`` for the treatment record (and any PDF that wants it): the figure
recorded at each visit (the outcome of the cycles before it), the baseline as a horizontal line
and the rule profile's response threshold (baseline × (1 − threshold)) as a dotted one, so a
clinician sees at a glance whether the line of headache days is under the threshold at the visit
the profile judges (shaded). Headache and migraine days differ by mark and line style, not only by
colour, so the chart reads on a black-and-white printer; a visit with no figure is a gap in the
line. docs/clinical-reference.md §8.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal

from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Group,
    Line,
    PolyLine,
    Rect,
    Shape,
    String,
    mmult,
    rotate,
    translate,
)
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from botox_chart.i18n import _
from botox_chart.i18n import date as local_date
from botox_chart.i18n import percent as local_percent
from botox_chart.note import fonts, layout
from botox_chart.outcomes import PER_28, Course, RuleProfile, figure, trend

HEADACHE = layout.ACCENT
MIGRAINE = colors.HexColor("#9a4d00")
THRESHOLD = layout.ALERT
BASELINE = layout.INK
HEADACHE_DASH: list[float] | None = None
"""Headache days: a solid line with filled round marks."""
MIGRAINE_DASH = [3.5, 2.0]
"""Migraine days: a dashed line with open square marks."""
THRESHOLD_DASH = [1.0, 2.0]
"""The response threshold: dotted."""

FONT_SIZE = 6.5
LEGEND_HEIGHT = 14.0
LEFT = 30.0
"""Room for the day ticks and the axis title."""
RIGHT = 78.0
"""Room for the labels of the baseline and threshold lines."""
BOTTOM = 32.0
"""Room for the cycle numbers and their dates."""
MARK = 2.6
TICK_DAYS = 7
"""A tick every week of the 28 days."""


def trend_drawing(course: Course, profile: RuleProfile, width: float, height: float) -> Drawing:
    """``course`` charted under ``profile`` in a ``width`` × ``height`` point drawing.

    Named shapes, for whoever inspects the drawing: ``plot`` (the plot area's frame), ``baseline``
    and ``threshold`` (the two horizontal lines; absent without a usable baseline).
    """
    fonts.register()
    drawing = Drawing(width, height)
    plot_x, plot_y = LEFT, BOTTOM
    plot_w, plot_h = width - LEFT - RIGHT, height - BOTTOM - LEGEND_HEIGHT - 4
    cycles = course.cycles
    drawn = trend(course, profile)  # the same figures the window's chart draws
    headache = [p.headache_per_28 for p in drawn.points]
    migraine = [p.migraine_per_28 for p in drawn.points]
    base_28 = drawn.baseline_headache_per_28
    level = drawn.threshold_per_28
    if base_28 is not None and base_28 <= 0:
        base_28 = None
    known = [v for v in (*headache, *migraine, base_28) if v is not None]
    top = max(PER_28, math.ceil(max(known, default=0) / TICK_DAYS) * TICK_DAYS)

    def y_of(days: Decimal | float) -> float:
        return plot_y + plot_h * float(days) / top

    slot = plot_w / max(len(cycles), 1)

    def x_of(index: int) -> float:
        return plot_x + slot * (index + 0.5)

    judged = next((i for i, c in enumerate(cycles) if c.cycle == profile.judged_at_cycle), None)
    if judged is not None:
        drawing.add(
            Rect(
                x_of(judged) - slot / 2,
                plot_y,
                slot,
                plot_h,
                fillColor=layout.SHADE,
                strokeColor=None,
            )
        )
        drawing.add(
            _text(x_of(judged), plot_y + plot_h - 8, _("judged"), anchor="middle", grey=True)
        )
    _axes(drawing, plot_x, plot_y, plot_w, plot_h, top, y_of)
    _cycle_labels(drawing, course, x_of, slot, plot_y)
    if base_28 is not None and level is not None:
        line_end = plot_x + plot_w
        drawing.add(
            Line(
                plot_x, y_of(base_28), line_end, y_of(base_28), strokeColor=BASELINE, strokeWidth=1
            ),
            name="baseline",
        )
        drawing.add(
            _text(
                line_end + 3, y_of(base_28) - 2, _("Baseline {days}").format(days=figure(base_28))
            )
        )
        share = profile.response_threshold_percent
        drawing.add(
            Line(
                plot_x,
                y_of(level),
                line_end,
                y_of(level),
                strokeColor=THRESHOLD,
                strokeWidth=1.1,
                strokeDashArray=THRESHOLD_DASH,
            ),
            name="threshold",
        )
        drawing.add(
            _text(
                line_end + 3,
                y_of(level) - 2,
                _("{share} fewer: {days}").format(
                    share=local_percent(figure(share)), days=figure(level)
                ),
            )
        )
    _series(drawing, migraine, x_of, y_of, MIGRAINE, MIGRAINE_DASH, _square, labels=False)
    _series(drawing, headache, x_of, y_of, HEADACHE, HEADACHE_DASH, _dot, labels=True)
    if not cycles:
        drawing.add(
            _text(
                plot_x + plot_w / 2,
                plot_y + plot_h / 2,
                _("No treatment recorded"),
                anchor="middle",
            )
        )
    _legend(drawing, profile, base_28 is not None, height - LEGEND_HEIGHT + 3)
    return drawing


def _text(
    x: float, y: float, words: str, *, anchor: str = "start", grey: bool = False, bold: bool = False
) -> String:
    return String(
        x,
        y,
        words,
        fontName=fonts.BOLD if bold else fonts.REGULAR,
        fontSize=FONT_SIZE,
        fillColor=layout.MUTED if grey else layout.INK,
        textAnchor=anchor,
    )


def _axes(
    drawing: Drawing,
    x: float,
    y: float,
    w: float,
    h: float,
    top: int,
    y_of: Callable[[float], float],
) -> None:
    for days in range(0, top + 1, TICK_DAYS):
        at = y_of(days)
        drawing.add(Line(x, at, x + w, at, strokeColor=layout.RULE, strokeWidth=0.4))
        drawing.add(_text(x - 3, at - 2, str(days), anchor="end", grey=True))
    drawing.add(
        Rect(x, y, w, h, fillColor=None, strokeColor=layout.MUTED, strokeWidth=0.6), name="plot"
    )
    title = String(
        0,
        0,
        _("days per 28 days"),
        fontName=fonts.REGULAR,
        fontSize=FONT_SIZE,
        fillColor=layout.MUTED,
        textAnchor="middle",
    )
    drawing.add(Group(title, transform=mmult(translate(8, y + h / 2), rotate(90))))


def _cycle_labels(
    drawing: Drawing, course: Course, x_of: Callable[[int], float], slot: float, plot_y: float
) -> None:
    """Under each cycle: its number and its date (on two staggered rows when the slots are too
    narrow for a date each)."""
    drawing.add(_text(LEFT - 3, plot_y - 9, _("Cycle"), anchor="end", grey=True))
    for index, cycle in enumerate(course.cycles):
        x = x_of(index)
        drawing.add(_text(x, plot_y - 9, str(cycle.cycle), anchor="middle", bold=True))
        if cycle.headache_days is None or cycle.window_days is None:
            drawing.add(_text(x, plot_y + 4, _("no figure"), anchor="middle", grey=True))
        day = local_date(cycle.date, numeric=True)
        staggered = stringWidth(day, fonts.REGULAR, FONT_SIZE) + 3 > slot
        below = 25 if staggered and index % 2 else 17
        drawing.add(_text(x, plot_y - below, day, anchor="middle", grey=True))


def _dot(x: float, y: float, colour: colors.Color) -> Shape:
    return Circle(x, y, MARK, fillColor=colour, strokeColor=colour, strokeWidth=0.6)


def _square(x: float, y: float, colour: colors.Color) -> Shape:
    d = MARK * 0.95
    return Rect(
        x - d, y - d, 2 * d, 2 * d, fillColor=colors.white, strokeColor=colour, strokeWidth=1
    )


def _series(
    drawing: Drawing,
    values: Sequence[Decimal | None],
    x_of: Callable[[int], float],
    y_of: Callable[[Decimal | float], float],
    colour: colors.Color,
    dashes: list[float] | None,
    mark: Callable[[float, float, colors.Color], Shape],
    *,
    labels: bool,
) -> None:
    """A line through the known values, broken where a value is missing, and a mark on each."""
    run: list[float] = []
    for index, value in enumerate([*values, None]):
        if value is not None:
            run += [x_of(index), y_of(value)]
            continue
        if len(run) >= 4:
            drawing.add(PolyLine(run, strokeColor=colour, strokeWidth=1.4, strokeDashArray=dashes))
        run = []
    for index, value in enumerate(values):
        if value is None:
            continue
        drawing.add(mark(x_of(index), y_of(value), colour))
        if labels:
            drawing.add(
                _text(
                    x_of(index), y_of(value) + MARK + 2, figure(value), anchor="middle", bold=True
                )
            )


def _legend(drawing: Drawing, profile: RuleProfile, with_baseline: bool, y: float) -> None:
    x = LEFT
    entries: list[tuple[str, Callable[[float], list[Shape]]]] = [
        (
            _("Headache days"),
            lambda at: [
                Line(at, y + 2, at + 16, y + 2, strokeColor=HEADACHE, strokeWidth=1.4),
                _dot(at + 8, y + 2, HEADACHE),
            ],
        ),
        (
            _("Migraine days"),
            lambda at: [
                Line(
                    at,
                    y + 2,
                    at + 16,
                    y + 2,
                    strokeColor=MIGRAINE,
                    strokeWidth=1.4,
                    strokeDashArray=MIGRAINE_DASH,
                ),
                _square(at + 8, y + 2, MIGRAINE),
            ],
        ),
    ]
    if with_baseline:
        entries += [
            (_("Baseline"), lambda at: [Line(at, y + 2, at + 16, y + 2, strokeColor=BASELINE)]),
            (
                _("Response threshold ({profile})").format(profile=profile.name),
                lambda at: [
                    Line(
                        at,
                        y + 2,
                        at + 16,
                        y + 2,
                        strokeColor=THRESHOLD,
                        strokeWidth=1.1,
                        strokeDashArray=THRESHOLD_DASH,
                    )
                ],
            ),
        ]
    else:
        entries.append((_("No baseline recorded: no threshold"), lambda at: []))
    for label, sample in entries:
        for shape in sample(x):
            drawing.add(shape)
        drawing.add(_text(x + 20, y, label))
        x += 20 + stringWidth(label, fonts.REGULAR, FONT_SIZE) + 12
