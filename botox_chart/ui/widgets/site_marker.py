"""One injection site drawn on the head diagram: its state by shape and colour, its units as text.

An injector glances at the diagram while injecting, so a state must read at a glance and without
colour (colour-blind users, grey printouts of screenshots): pending is a hollow dashed circle,
injected a filled circle, omitted a grey circle crossed out, follow-the-pain a diamond and a custom
site a square. Shapes and colours come from botox_chart.markers, which the procedure note uses
too. Sizes are in the diagram's SVG user units (viewBox 0 0 400 500); the view scales them with
the art.
"""

from __future__ import annotations

import math
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from botox_chart.chart import format_units
from botox_chart.markers import CROSS, LOOKS, MarkerKind, Shape
from botox_chart.protocol import Side
from botox_chart.ui.language import QT_TRANSLATE_NOOP

PENDING = MarkerKind.PENDING
INJECTED = MarkerKind.INJECTED
OMITTED = MarkerKind.OMITTED
FOLLOW_THE_PAIN = MarkerKind.FOLLOW_THE_PAIN
CUSTOM = MarkerKind.CUSTOM
STATES = tuple(MarkerKind)

# A marker's own colours are those of the note (botox_chart.markers); these draw the interaction
# around it (the main-window developer owns the stylesheet).
FOCUS_RING = QColor("#1565c0")
FOCUS_GAP = QColor("#ffffff")
HOVER_RING = QColor(21, 101, 192, 110)
HALO = QColor(255, 255, 255, 230)

RADIUS = 13.0
"""Marker radius (26 units across) where neighbours leave room: a fingertip-sized target."""
MIN_RADIUS = 9.0
"""Crowded markers shrink to keep a gap, never below this."""
MARKER_GAP = 2.0
"""Space kept between neighbouring markers so two never touch or overlap."""
DIAMOND = 1.3
"""Half-diagonal of the follow-the-pain diamond, in radii (its area is close to the circle's)."""
SQUARE = 0.92
"""Half-side of the custom square, in radii."""
FOCUS_WIDTH = 4.0
FOCUS_SPACING = 2.5
"""White gap between a marker and its focus ring, so the ring reads on any fill."""
TEXT_SIZE = 14
"""Units label height in diagram units (about 11 px with the diagram in an 800 x 700 area)."""


class SiteMarker(QGraphicsItem):
    """A marker for one protocol site position, follow-the-pain or custom injection.

    The view owns all interaction (hit-testing by the nearest centre, so crowded markers split the
    space between them fairly); the marker only draws itself.
    """

    def __init__(self, key: str, state: str = PENDING) -> None:
        super().__init__()
        self.key = key
        self._state = state
        self._text = ""
        self._radius = RADIUS
        self._current = False
        self._hovered = False
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(10)
        # Repainting the art around a marker must not re-run paint(): keep a device-pixel cache.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    # -- what it shows ---------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    @property
    def text(self) -> str:
        return self._text

    @property
    def radius(self) -> float:
        return self._radius

    def outer_radius(self) -> float:
        """How far the drawn shape reaches from the centre (the diamond's tips, the square's
        corners), used to keep neighbours apart."""
        return self.shape_reach(self._state, self._radius)

    @staticmethod
    def shape_reach(state: str, radius: float) -> float:
        shape = LOOKS[MarkerKind(state)].shape
        if shape is Shape.DIAMOND:
            return radius * DIAMOND
        if shape is Shape.SQUARE:
            return radius * SQUARE * math.sqrt(2)
        return radius

    def update_look(self, state: str, text: str, tooltip: str) -> None:
        """Update state, label and tooltip, repainting only when something changed."""
        if state not in STATES:
            raise ValueError(f"unknown marker state {state!r}")
        if tooltip != self.toolTip():
            self.setToolTip(tooltip)
        if (state, text) != (self._state, self._text):
            if state != self._state:
                self.prepareGeometryChange()
            self._state, self._text = state, text
            self.update()

    def set_radius(self, radius: float) -> None:
        if radius != self._radius:
            self.prepareGeometryChange()
            self._radius = radius

    def set_current(self, current: bool) -> None:
        if current != self._current:
            self._current = current
            self.setZValue(20 if current else 10)
            self.update()

    def set_hovered(self, hovered: bool) -> None:
        if hovered != self._hovered:
            self._hovered = hovered
            self.update()

    @property
    def is_current(self) -> bool:
        return self._current

    # -- QGraphicsItem -----------------------------------------------------------------------

    def _ring_radius(self) -> float:
        return self.outer_radius() + FOCUS_SPACING + FOCUS_WIDTH / 2

    def boundingRect(self) -> QRectF:
        reach = self._ring_radius() + FOCUS_WIDTH
        return QRectF(-reach, -reach, 2 * reach, 2 * reach)

    def shape(self) -> QPainterPath:
        return self._outline()

    def _outline(self) -> QPainterPath:
        r = self._radius
        path = QPainterPath()
        shape = LOOKS[MarkerKind(self._state)].shape
        if shape is Shape.DIAMOND:
            k = r * DIAMOND
            path.moveTo(0, -k)
            path.lineTo(k, 0)
            path.lineTo(0, k)
            path.lineTo(-k, 0)
            path.closeSubpath()
        elif shape is Shape.SQUARE:
            s = r * SQUARE
            path.addRoundedRect(QRectF(-s, -s, 2 * s, 2 * s), 2.0, 2.0)
        else:
            path.addEllipse(QPointF(0, 0), r, r)
        return path

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        center = QPointF(0, 0)
        if self._current:
            ring = self._ring_radius()
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(FOCUS_GAP, FOCUS_SPACING + 1.0))
            painter.drawEllipse(center, ring - FOCUS_WIDTH / 2, ring - FOCUS_WIDTH / 2)
            painter.setPen(QPen(FOCUS_RING, FOCUS_WIDTH))
            painter.drawEllipse(center, ring, ring)
        elif self._hovered:
            ring = self._ring_radius() - 1.0
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(HOVER_RING, 3.0))
            painter.drawEllipse(center, ring, ring)

        fill, outline, text_colour = self.colours()
        bold = self._state not in (PENDING, OMITTED)
        outline_path = self._outline()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(HALO, 4.0))  # a white edge lifts the marker off the line art
        painter.drawPath(outline_path)
        shape = LOOKS[MarkerKind(self._state)].shape
        dashed = shape is Shape.DASHED_CIRCLE
        pen = QPen(outline, 2.0 if dashed else 1.5)
        if dashed:
            pen.setDashPattern([3.0, 1.8])
        painter.setPen(pen)
        painter.setBrush(QBrush(fill))
        painter.drawPath(outline_path)

        if shape is Shape.CROSSED_CIRCLE:
            arm = self._radius * 0.58
            cross = QPen(QColor(CROSS), 2.6)
            cross.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(cross)
            painter.drawLine(QPointF(-arm, -arm), QPointF(arm, arm))
            painter.drawLine(QPointF(-arm, arm), QPointF(arm, -arm))
        if self._text:
            self._paint_text(painter, text_colour, bold)

    def colours(self) -> tuple[QColor, QColor, QColor]:
        """Fill, outline and text colour of the marker's state (botox_chart.markers)."""
        look = LOOKS[MarkerKind(self._state)]
        fill = QColor(look.fill)
        fill.setAlphaF(look.fill_opacity)
        return fill, QColor(look.outline), QColor(look.text)

    def _paint_text(self, painter: QPainter, colour: QColor, bold: bool) -> None:
        font = QFont(painter.font())
        font.setPixelSize(TEXT_SIZE)
        font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.DemiBold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        width = QFontMetricsF(font).horizontalAdvance(self._text)
        room = self._radius * 1.75  # what fits inside the smallest shape (the circle)
        painter.save()
        if width > room:  # "12.5" shrinks to fit rather than spilling out of the marker
            factor = room / width
            painter.scale(factor, factor)
        else:
            factor = 1.0
        r = self._radius / factor
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(QRectF(-2 * r, -r, 4 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, self._text)
        painter.restore()


def fit_radii(markers: list[SiteMarker]) -> None:
    """Full size where there is room; crowded neighbours shrink so they never overlap.

    PREEMPT's neck sites are about 20 units apart, so those four are drawn at ~18 units across;
    everything else keeps the full size. A new site is never placed on top of another marker
    (``chart.clear_point``); should two still come closer than MIN_RADIUS allows (a protocol file
    placing them so), they may overlap, and the nearest centre still decides a click.
    """
    for marker in markers:
        reach = SiteMarker.shape_reach(marker.state, 1.0)
        radius = RADIUS
        for other in markers:
            if other is not marker:
                room = (_distance(marker.pos(), other.pos()) - MARKER_GAP) / (
                    reach + SiteMarker.shape_reach(other.state, 1.0)
                )
                radius = min(radius, room)
        marker.set_radius(max(MIN_RADIUS, radius))


def nearest(markers: list[SiteMarker], point: QPointF, slop: float) -> SiteMarker | None:
    """The marker whose centre is nearest ``point`` (scene units), if within its edge + slop.

    Nearest-centre rather than topmost-shape: crowded markers split the space between them
    fairly, and a fingertip a little off the edge still hits.
    """
    best: SiteMarker | None = None
    best_distance = math.inf
    for marker in markers:
        distance = _distance(point, marker.pos())
        if distance <= marker.outer_radius() + slop and distance < best_distance:
            best, best_distance = marker, distance
    return best


_SIDE_WORDS: dict[Side, str] = {
    "right": QT_TRANSLATE_NOOP("SiteMarker", "right side"),
    "left": QT_TRANSLATE_NOOP("SiteMarker", "left side"),
    "midline": QT_TRANSLATE_NOOP("SiteMarker", "midline"),
}
_STATUS = {
    PENDING: QT_TRANSLATE_NOOP("SiteMarker", "Pending: not injected yet"),
    INJECTED: QT_TRANSLATE_NOOP("SiteMarker", "Injected"),
    OMITTED: QT_TRANSLATE_NOOP("SiteMarker", "Omitted"),
    FOLLOW_THE_PAIN: QT_TRANSLATE_NOOP("SiteMarker", "Follow-the-pain site (injected)"),
    CUSTOM: QT_TRANSLATE_NOOP("SiteMarker", "Custom site (injected)"),
}


def tooltip_text(
    *,
    number: int,
    label: str,
    muscle: str,
    side: Side,
    units: Decimal,
    volume_ml: Decimal | None,
    state: str,
    reason: str = "",
) -> str:
    """Number, name, muscle, side, units, volume and state, as the injector would say them.

    ``number`` is the site's number on the note too (Chart.site_numbers).

    ``volume_ml`` is None while the session's dilution is incomplete.
    """
    volume = (
        f"{format(volume_ml.normalize(), 'f')} mL"
        if volume_ml is not None
        else QCoreApplication.translate("SiteMarker", "? mL (dilution incomplete)")
    )
    status = QCoreApplication.translate("SiteMarker", _STATUS[MarkerKind(state)])
    if reason:
        status += f": {reason}"
    side_words = QCoreApplication.translate("SiteMarker", _SIDE_WORDS[side])
    return "\n".join(
        (
            QCoreApplication.translate("SiteMarker", "Site {number}: {label}").format(
                number=number, label=label
            ),
            f"{muscle} · {side_words}",
            f"{format_units(units)} U · {volume}",
            status,
        )
    )


def _distance(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())
