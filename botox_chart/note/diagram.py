"""The head-and-neck diagram of a note: the same SVG art as the window, drawn as PDF vectors.

Each site is marked where the protocol file (or the injector's click) put it, numbered to match the
site table. Shapes and colours are the window's (botox_chart.markers); shapes, not only colours,
tell protocol, follow-the-pain and custom sites apart, so the note still reads on a black-and-white
printer.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import reportlab
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, Shape, String
from reportlab.lib import colors

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


log = logging.getLogger(__name__)

ART_FORMAT = "1"
"""Part of the cached drawings' key: raise it when what ``_parse`` makes of an SVG changes."""


@cache
def _art(view: str) -> Drawing:
    """The drawing of a view's SVG: once per process, and parsed (svglib) once per version of the
    SVG: the vector drawing is kept in the cache folder under the SVG's hash, so a note printed
    from the command line loads it instead of importing svglib and parsing the SVG again."""
    path = paths.diagrams_dir() / f"{view}.svg"
    try:
        svg = path.read_bytes()
    except OSError:
        raise DiagramMissingError(
            f"{path} is missing or unreadable: reinstall botox-chart."
        ) from None
    key = hashlib.sha256(
        b"\0".join([svg, ART_FORMAT.encode(), reportlab.Version.encode(), fonts.REGULAR.encode()])
    ).hexdigest()[:24]
    cached = paths.cache_dir() / f"diagram-{view}-{key}.pickle"
    drawing = _load(cached)
    if drawing is None:
        drawing = _parse(path)
        _save(cached, drawing)
    return drawing


def _parse(path: Path) -> Drawing:
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(str(path))
    if drawing is None:
        raise DiagramMissingError(_missing(path))
    _in_note_font(drawing)
    return drawing


def _missing(path: Path) -> str:
    return f"{path} is missing or unreadable: reinstall botox-chart."


def _load(cached: Path) -> Drawing | None:
    """A drawing this app saved (the cache folder is the user's own, private like the data
    folder); None when there is none or it cannot be read (it is parsed again)."""
    try:
        with cached.open("rb") as file:
            if not paths.written_by_user_alone(os.fstat(file.fileno())):
                log.warning("The cached diagram %s is not this user's own; ignored", cached.name)
                return None
            drawing = pickle.load(file)  # noqa: S301 (our own private file, checked above)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 (a damaged or foreign cache file: redo the work)
        log.warning("The cached diagram %s could not be read; parsing the SVG again", cached.name)
        return None
    return drawing if isinstance(drawing, Drawing) else None


def _save(cached: Path, drawing: Drawing) -> None:
    """Written aside then renamed, so a reader never sees half a file; failing only costs time."""
    partial = cached.with_name(cached.name + ".partial")
    try:
        paths.private_file(partial)
        partial.write_bytes(pickle.dumps(drawing, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(cached)
    except OSError:
        log.warning("The diagram %s could not be cached", cached.name)


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
