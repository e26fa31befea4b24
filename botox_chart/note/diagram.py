"""The head-and-neck diagram of a note: the same SVG art as the window, drawn as PDF vectors.

Each site is marked where the protocol file (or the injector's click) put it, numbered to match the
site table. Shapes and colours are the window's (botox_chart.markers); shapes, not only colours,
tell protocol, follow-the-pain and custom sites apart, so the note still reads on a black-and-white
printer.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, Shape, String
from reportlab.lib import colors
from svglib.svglib import svg2rlg

from botox_chart import paths
from botox_chart.i18n import N_, _, language
from botox_chart.markers import CROSS, LOOKS, MarkerKind
from botox_chart.markers import Shape as MarkerShape
from botox_chart.note import fonts

SVGLIB_SCALE = 0.75
"""svglib draws the 400 x 500 viewBox of resources/diagrams/*.svg as 300 x 375 pt (px → pt)."""

MARKER_SIZE = 4.6
"""Half the width of a marker, in points on the page: big enough for a two-digit number."""


LEGEND = (
    (MarkerKind.INJECTED, N_("Protocol site")),
    (MarkerKind.FOLLOW_THE_PAIN, N_("Follow-the-pain site")),
    (MarkerKind.CUSTOM, N_("Custom site")),
    (MarkerKind.OMITTED, N_("Omitted / not injected")),
)


def colour(hex_value: str) -> colors.Color:
    """A colour of botox_chart.markers as reportlab draws it."""
    return colors.HexColor(hex_value)


@dataclass(frozen=True)
class SiteMark:
    """One marker: a point in the view's SVG user units, its kind and its number in the table."""

    view: str
    x: float
    y: float
    kind: MarkerKind
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
    _in_note_font(drawing)
    return drawing


def _in_note_font(node: Shape) -> None:
    """The art's labels (R, L, Front...) in the embedded DejaVu Sans, not the SVG's Helvetica,
    which the PDF would name without embedding."""
    if isinstance(node, String):
        node.fontName = fonts.BOLD if "Bold" in node.fontName else fonts.REGULAR
    for child in getattr(node, "contents", ()):
        _in_note_font(child)


ART_LABELS = (N_("R"), N_("L"), N_("Front"), N_("Back"), N_("Right side"), N_("Left side"))
"""The words of the diagram art (resources/diagrams/*.svg), printed in the document's language."""


def _translated(node: Shape) -> Shape:
    """The art with its labels in the document's language; the cached art is left as it is."""
    if isinstance(node, String):
        said = copy.copy(node)
        said.text = _(node.text)
        return said
    if isinstance(node, Group):
        group = copy.copy(node)
        group.contents = [_translated(child) for child in node.contents]
        return group
    return node


def view_drawing(view: str, marks: Iterable[SiteMark], width: float) -> Drawing:
    """One view at ``width`` points wide with its markers (omitted ones under the numbered)."""
    art = _art(view) if language() == "en" else _translated(_art(view))
    scale = width / art.width
    height = art.height * scale
    drawing = Drawing(width, height)
    drawing.add(Group(*art.contents, transform=(scale, 0, 0, scale, 0, 0)))
    ordered = sorted(marks, key=lambda m: (m.kind is not MarkerKind.OMITTED, m.number or 0))
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
    kind: MarkerKind, x: float, y: float, number: int | None = None, *, radius: float = MARKER_SIZE
) -> Group:
    """The marker of a site kind centred on (x, y), with its number inside (not when omitted)."""
    r = radius
    look = LOOKS[kind]
    fill, outline = colour(look.fill), colour(look.outline)
    line = 0.6
    shapes: list[Shape]
    if look.shape is MarkerShape.DIAMOND:
        d = r * 1.25
        points = [x, y + d, x + d, y, x, y - d, x - d, y]
        shapes = [Polygon(points, fillColor=fill, strokeColor=outline, strokeWidth=line)]
    elif look.shape is MarkerShape.SQUARE:
        d = r * 0.95
        shapes = [
            Rect(x - d, y - d, 2 * d, 2 * d, fillColor=fill, strokeColor=outline, strokeWidth=line)
        ]
    else:
        dashes = [1.2, 0.8] if look.shape is MarkerShape.DASHED_CIRCLE else None
        shapes = [
            Circle(
                x,
                y,
                r,
                fillColor=fill,
                fillOpacity=look.fill_opacity,
                strokeColor=outline,
                strokeWidth=line,
                strokeDashArray=dashes,
            )
        ]
    if look.shape is MarkerShape.CROSSED_CIRCLE:
        d = r * 0.58
        cross = colour(CROSS)
        shapes += [
            Line(x - d, y - d, x + d, y + d, strokeColor=cross, strokeWidth=1.0),
            Line(x - d, y + d, x + d, y - d, strokeColor=cross, strokeWidth=1.0),
        ]
    elif number is not None:
        size = r * (1.22 if number < 10 else 1.08)
        shapes.append(
            String(
                x,
                y - size * 0.36,
                str(number),
                fontName=fonts.BOLD,
                fontSize=size,
                fillColor=colour(look.text),
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
                _(label),
                fontName=fonts.REGULAR,
                fontSize=font_size,
            )
        )
    return drawing
