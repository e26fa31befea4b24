"""The window and the procedure note mark each kind of site alike (botox_chart.markers)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from reportlab.graphics.shapes import Circle, Group, Polygon, Rect, Shape

from botox_chart.markers import LOOKS, MarkerKind
from botox_chart.note import diagram
from botox_chart.ui.widgets.site_marker import SiteMarker


def _filled(group: Group) -> Shape:
    """The marker's body (the shape with a fill), not its cross or number."""
    return next(n for n in group.contents if isinstance(n, Circle | Polygon | Rect))


def _paper(kind: MarkerKind) -> tuple[str, str]:
    """Fill and outline of ``kind`` as the note's diagram draws it (hex, as reportlab has it)."""
    mark = diagram.SiteMark("front", 200, 170, kind, 7)
    drawing = diagram.view_drawing("front", [mark], 180)
    art, group, _border = drawing.contents
    body = _filled(group)
    return body.fillColor.hexval().replace("0x", "#"), body.strokeColor.hexval().replace("0x", "#")


def _key(kind: MarkerKind) -> str:
    """The fill of ``kind`` in the note's key beside the diagram."""
    groups = [g for g in diagram.legend_drawing(120).contents if isinstance(g, Group)]
    kinds = [k for k, _label in diagram.LEGEND]
    return str(_filled(groups[kinds.index(kind)]).fillColor.hexval().replace("0x", "#"))


def test_screen_and_note_take_each_kinds_colours_from_one_definition(qtbot: QtBot) -> None:
    seen: dict[MarkerKind, str] = {}
    for kind, _label in diagram.LEGEND:
        screen_fill, screen_outline, _text = SiteMarker("K", kind).colours()
        paper_fill, paper_outline = _paper(kind)
        look = LOOKS[kind]
        assert screen_fill.name() == paper_fill == _key(kind) == look.fill, kind
        assert screen_outline.name() == paper_outline == look.outline, kind
        seen[kind] = paper_fill
    # What a colleague reading the note and the injector at the screen both see:
    assert seen[MarkerKind.FOLLOW_THE_PAIN] == "#7b1fa2"  # purple diamond
    assert seen[MarkerKind.CUSTOM] == "#a84f00"  # orange square
    assert isinstance(_filled(_group(MarkerKind.FOLLOW_THE_PAIN)), Polygon)
    assert isinstance(_filled(_group(MarkerKind.CUSTOM)), Rect)


def _group(kind: MarkerKind) -> Group:
    return diagram.marker(kind, 10, 10, 1)
