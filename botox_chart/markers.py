"""How each kind of injection site is marked, on screen and on paper: one palette, one shape each.

The window (ui/widgets/site_marker.py, as QColor) and the procedure note (note/diagram.py, as
reportlab colours) both read these values, so a follow-the-pain site is the same purple diamond on
the screen and on the note a colleague reads. Colours are "#rrggbb" strings so that neither Qt nor
reportlab is needed here. Shapes, not only colours, tell the kinds apart, so a marker still reads
for a colour-blind user and on a black-and-white printer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class MarkerKind(StrEnum):
    """What a marker says about a site (the values are those of chart.SiteState where shared)."""

    PENDING = "pending"
    """A protocol site not injected yet."""
    INJECTED = "injected"
    """A protocol site injected."""
    OMITTED = "omitted"
    """A protocol site left out on purpose (on a note: also one never injected)."""
    FOLLOW_THE_PAIN = "follow_the_pain"
    CUSTOM = "custom"


class Shape(StrEnum):
    CIRCLE = "circle"
    DASHED_CIRCLE = "dashed_circle"
    CROSSED_CIRCLE = "crossed_circle"
    DIAMOND = "diamond"
    SQUARE = "square"


@dataclass(frozen=True)
class Look:
    """A marker's shape, fill, outline and the colour of the number or units written on it."""

    shape: Shape
    fill: str
    outline: str
    text: str
    fill_opacity: float = 1.0


INK = "#263238"
"""Text on light markers (pending, omitted)."""
ON_FILL_TEXT = "#ffffff"
"""Text on dark markers (injected, follow-the-pain, custom)."""
CROSS = "#555555"
"""The cross over an omitted site."""

LOOKS: dict[MarkerKind, Look] = {
    MarkerKind.PENDING: Look(Shape.DASHED_CIRCLE, "#ffffff", "#37474f", INK, fill_opacity=0.88),
    MarkerKind.INJECTED: Look(Shape.CIRCLE, "#1b7a43", "#0d4d29", ON_FILL_TEXT),
    MarkerKind.OMITTED: Look(Shape.CROSSED_CIRCLE, "#e3e3e3", "#8a8a8a", INK),
    MarkerKind.FOLLOW_THE_PAIN: Look(Shape.DIAMOND, "#7b1fa2", "#4a0d66", ON_FILL_TEXT),
    MarkerKind.CUSTOM: Look(Shape.SQUARE, "#a84f00", "#6b3200", ON_FILL_TEXT),
}
"""Every kind's look: green circle, purple diamond, orange square, grey crossed circle."""
