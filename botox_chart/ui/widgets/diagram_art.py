"""The artwork the injector charts on: the four views' drawings in one scene, in a 2 x 2 grid.

All four views (``resources/diagrams/*.svg``) sit in one scene, which gives bigger markers than a
row of four in a landscape window. Each row pairs a profile with the full view in which that side
of the patient is on the same side of the screen::

    Right side | Front        (front: patient's right on the viewer's left)
    Left side  | Back         (back:  patient's left on the viewer's left)

Positions are in each SVG's own units (those of the protocol file); :func:`view_origins` places
each view in the scene. The read-only banner sits above the grid (:class:`ReadOnlyBanner`).
``head_diagram.py`` puts the markers on top and handles the pointer and the keys.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QLinearGradient, QPainterPath, QPen
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from botox_chart import paths
from botox_chart.protocol import VIEWS, Point
from botox_chart.ui.language import QT_TRANSLATE_NOOP

SIDE_LETTERS = {
    "R": QT_TRANSLATE_NOOP("DiagramArt", "R"),
    "L": QT_TRANSLATE_NOOP("DiagramArt", "L"),
}
"""The art's marks of the patient's right and left (the SVGs hold the English letters)."""

VIEW_WIDTH = 400.0
"""Each SVG's viewBox width (0 0 400 500); site positions in the protocol file use these units."""
SHOWN_TOP = 26.0
SHOWN_BOTTOM = 446.0
"""The band of each SVG shown (user units): above it is empty, below it only chest and upper back,
with no site. Trimming it makes the markers about 15% bigger; the views' captions, cut off with
it, are drawn under each view instead."""
FADE_HEIGHT = 40.0
"""The trimmed art fades out over this height instead of ending in a hard edge."""
CAPTION_HEIGHT = 24.0
CAPTIONS = {
    "front": QT_TRANSLATE_NOOP("DiagramArt", "Front"),
    "right": QT_TRANSLATE_NOOP("DiagramArt", "Right side"),
    "left": QT_TRANSLATE_NOOP("DiagramArt", "Left side"),
    "back": QT_TRANSLATE_NOOP("DiagramArt", "Back"),
}
VIEW_CELLS: dict[str, tuple[int, int]] = {
    "right": (0, 0),
    "front": (1, 0),
    "left": (0, 1),
    "back": (1, 1),
}
"""(column, row) of each view in the grid (see the module docstring for why)."""
CELL_GAP = 12.0
SCENE_MARGIN = 4.0
BANNER_HEIGHT = 34.0
"""Room above the grid for the read-only banner, so it never covers the art."""
CELL_HEIGHT = SHOWN_BOTTOM - SHOWN_TOP + CAPTION_HEIGHT

BACKGROUND = QColor("#ffffff")
CAPTION_TEXT = QColor("#4a4a4a")
BANNER_FILL = QColor("#eceff1")
BANNER_TEXT = QColor("#455a64")


def view_origins() -> dict[str, QPointF]:
    """Where each view's (0, 0) is in the scene."""
    return {
        view: QPointF(col * (VIEW_WIDTH + CELL_GAP), row * (CELL_HEIGHT + CELL_GAP) - SHOWN_TOP)
        for view, (col, row) in VIEW_CELLS.items()
    }


def scene_point(origins: dict[str, QPointF], point: Point) -> QPointF:
    origin = origins[point.view]
    return QPointF(origin.x() + point.x, origin.y() + point.y)


def grid_rect() -> QRectF:
    """The four views and their captions, in scene units."""
    return QRectF(0, 0, 2 * VIEW_WIDTH + CELL_GAP, 2 * CELL_HEIGHT + CELL_GAP)


def view_at(origins: dict[str, QPointF], scene: QPointF) -> tuple[str, float, float] | None:
    """The view and SVG coordinates at a scene point, or None between or outside the views."""
    for view, origin in origins.items():
        x, y = scene.x() - origin.x(), scene.y() - origin.y()
        if 0 <= x <= VIEW_WIDTH and SHOWN_TOP <= y <= SHOWN_BOTTOM:
            return view, round(x, 1), round(y, 1)
    return None


def add_views(scene: QGraphicsScene, origins: dict[str, QPointF], font: QFont) -> None:
    """Each SVG, clipped to its shown band, with its caption underneath."""
    font = QFont(font)
    font.setPixelSize(15)
    for view in VIEWS:
        origin = origins[view]
        shown = QRectF(0, SHOWN_TOP, VIEW_WIDTH, SHOWN_BOTTOM - SHOWN_TOP)
        clip = QGraphicsRectItem(shown)
        clip.setPen(QPen(Qt.PenStyle.NoPen))
        clip.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
        clip.setPos(origin)
        art = QGraphicsSvgItem()
        art.setSharedRenderer(_renderer(view, scene))
        art.setParentItem(clip)
        fade = QGraphicsRectItem(0, SHOWN_BOTTOM - FADE_HEIGHT, VIEW_WIDTH, FADE_HEIGHT, clip)
        gradient = QLinearGradient(0, SHOWN_BOTTOM - FADE_HEIGHT, 0, SHOWN_BOTTOM)
        gradient.setColorAt(0, QColor(255, 255, 255, 0))
        gradient.setColorAt(1, BACKGROUND)
        fade.setBrush(QBrush(gradient))
        fade.setPen(QPen(Qt.PenStyle.NoPen))
        caption = QGraphicsSimpleTextItem(
            QCoreApplication.translate("DiagramArt", CAPTIONS[view])
            if view in CAPTIONS
            else view.title()
        )
        caption.setFont(font)
        caption.setBrush(QBrush(CAPTION_TEXT))
        width = caption.boundingRect().width()
        caption.setPos(origin + QPointF((VIEW_WIDTH - width) / 2, SHOWN_BOTTOM + 3))
        scene.addItem(clip)
        scene.addItem(caption)


class ReadOnlyBanner(QGraphicsPathItem):
    """Above the views on a read-only chart: why nothing can be charted ("Signed — read only")."""

    def __init__(self, font: QFont, words: str) -> None:
        super().__init__()
        self.text = QGraphicsSimpleTextItem()
        font = QFont(font)
        font.setPixelSize(17)
        font.setItalic(True)
        self.text.setFont(font)
        self.text.setBrush(QBrush(BANNER_TEXT))
        self.setBrush(QBrush(BANNER_FILL))
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.text.setParentItem(self)
        self.text.setPos(14, 4)
        self.setVisible(False)
        self.set_words(words)

    def set_words(self, words: str) -> None:
        """Say ``words``, centred over the grid."""
        self.text.setText(words)
        box = self.text.boundingRect().adjusted(-14, -4, 14, 4)
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, box.width(), box.height()), 8, 8)
        self.setPath(path)
        self.setPos(grid_rect().center().x() - box.width() / 2, -BANNER_HEIGHT + 1)


def _renderer(view: str, owner: QObject) -> QSvgRenderer:
    """A view's art, its right and left marks in the window's language (kept alive by ``owner``)."""
    svg = (paths.diagrams_dir() / f"{view}.svg").read_text(encoding="utf-8")

    def letter(found: re.Match[str]) -> str:
        mark = QCoreApplication.translate("DiagramArt", SIDE_LETTERS[found.group(1)])
        return f">{html.escape(mark)}</text>"

    svg = re.sub(r">(R|L)</text>", letter, svg)
    return QSvgRenderer(QByteArray(svg.encode("utf-8")), owner)
