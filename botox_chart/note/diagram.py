"""The head-and-neck diagram of a note: the same SVG art as the window, drawn as PDF vectors.

Each site is marked where the protocol file (or the injector's click) put it, numbered to match the
site table. Marker shapes, not only colours, tell protocol, follow-the-pain and custom sites apart,
so the note still reads on a black-and-white printer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, Shape, String
from reportlab.lib import colors
from svglib.svglib import svg2rlg

from botox_chart import paths
from botox_chart.note import fonts

SVGLIB_SCALE = 0.75
"""svglib draws the 400 x 500 viewBox of resources/diagrams/*.svg as 300 x 375 pt (px → pt)."""

MARKER_SIZE = 4.6
"""Half the width of a marker, in points on the page: big enough for a two-digit number."""


class MarkKind(StrEnum):
    PROTOCOL = "protocol"
    FOLLOW_THE_PAIN = "follow_the_pain"
    CUSTOM = "custom"
    OMITTED = "omitted"
    """Omitted or not injected: a grey cross, no number."""


COLOURS = {
    MarkKind.PROTOCOL: colors.HexColor("#1f4e79"),
    MarkKind.FOLLOW_THE_PAIN: colors.HexColor("#c0500a"),
    MarkKind.CUSTOM: colors.HexColor("#5b2a86"),
    MarkKind.OMITTED: colors.HexColor("#8a8a8a"),
}

LEGEND = (
    (MarkKind.PROTOCOL, "Protocol site"),
    (MarkKind.FOLLOW_THE_PAIN, "Follow-the-pain site"),
    (MarkKind.CUSTOM, "Custom site"),
    (MarkKind.OMITTED, "Omitted / not injected"),
)


@dataclass(frozen=True)
class SiteMark:
    """One marker: a point in the view's SVG user units, its kind and its number in the table."""

    view: str
    x: float
    y: float
    kind: MarkKind
    number: int | None = None


class DiagramMissingError(RuntimeError):
    """A diagram SVG is missing or unreadable: the installation is incomplete."""


@cache
def _art(view: str) -> Drawing:
    """The parsed SVG of a view (parsed once; the shapes are shared, never changed)."""
    path = paths.diagrams_dir() / f"{view}.svg"
    drawing = svg2rlg(str(path)) if path.is_file() else None
    if drawing is None:
        raise DiagramMissingError(f"{path} is missing or unreadable: reinstall botox-chart.")
    return drawing


def view_drawing(view: str, marks: Iterable[SiteMark], width: float) -> Drawing:
    """One view at ``width`` points wide with its markers (omitted ones under the numbered)."""
    art = _art(view)
    scale = width / art.width
    height = art.height * scale
    drawing = Drawing(width, height)
    drawing.add(Group(*art.contents, transform=(scale, 0, 0, scale, 0, 0)))
    ordered = sorted(marks, key=lambda m: (m.kind is not MarkKind.OMITTED, m.number or 0))
    for mark in ordered:
        if mark.view != view:
            continue
        # SVG y grows downwards; PDF y grows upwards.
        x = mark.x * SVGLIB_SCALE * scale
        y = height - mark.y * SVGLIB_SCALE * scale
        drawing.add(marker(mark.kind, x, y, mark.number))
    drawing.add(Rect(0, 0, width, height, fillColor=None, strokeColor=colors.HexColor("#d0ccc8")))
    return drawing


def marker(
    kind: MarkKind, x: float, y: float, number: int | None = None, *, radius: float = MARKER_SIZE
) -> Group:
    """The marker of a site kind centred on (x, y), with its number inside."""
    r = radius
    fill = COLOURS[kind]
    white = colors.white
    shapes: list[Shape]
    if kind is MarkKind.OMITTED:
        d = r * 0.75
        shapes = [
            Line(x - d, y - d, x + d, y + d, strokeColor=fill, strokeWidth=1.5),
            Line(x - d, y + d, x + d, y - d, strokeColor=fill, strokeWidth=1.5),
        ]
    elif kind is MarkKind.FOLLOW_THE_PAIN:
        d = r * 1.25
        points = [x, y + d, x + d, y, x, y - d, x - d, y]
        shapes = [Polygon(points, fillColor=fill, strokeColor=white, strokeWidth=0.6)]
    elif kind is MarkKind.CUSTOM:
        d = r * 0.95
        shapes = [
            Rect(x - d, y - d, 2 * d, 2 * d, fillColor=fill, strokeColor=white, strokeWidth=0.6)
        ]
    else:
        shapes = [Circle(x, y, r, fillColor=fill, strokeColor=white, strokeWidth=0.6)]
    if number is not None and kind is not MarkKind.OMITTED:
        size = r * (1.22 if number < 10 else 1.08)
        shapes.append(
            String(
                x,
                y - size * 0.36,
                str(number),
                fontName=fonts.BOLD,
                fontSize=size,
                fillColor=white,
                textAnchor="middle",
            )
        )
    return Group(*shapes)


def legend_drawing(width: float, *, font_size: float = 7.5) -> Drawing:
    """The key to the marker shapes, one kind per line."""
    line = MARKER_SIZE * 2 + 5
    drawing = Drawing(width, line * len(LEGEND))
    for n, (kind, label) in enumerate(LEGEND):
        y = drawing.height - line * (n + 0.5)
        drawing.add(marker(kind, MARKER_SIZE + 2, y))
        drawing.add(
            String(
                MARKER_SIZE * 2 + 8,
                y - font_size * 0.35,
                label,
                fontName=fonts.REGULAR,
                fontSize=font_size,
            )
        )
    return drawing
