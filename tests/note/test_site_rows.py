"""The site table and the diagram markers are built from the same rows, so they always agree."""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String

from botox_chart.markers import MarkerKind
from botox_chart.note import diagram, procedure
from tests.note.samples import follow_the_pain_chart, standard_chart, tailored_chart


def test_standard_rows_are_the_31_protocol_sites_numbered_in_protocol_order() -> None:
    chart = standard_chart()
    rows = procedure.site_rows(chart)
    assert [r.number for r in rows] == list(range(1, 32))
    assert [r.label for r in rows] == [s.label for s in chart.protocol.sites]
    assert {r.kind for r in rows} == {MarkerKind.INJECTED}
    assert sum(r.units or 0 for r in rows) == Decimal(155)
    assert all(r.volume_ml == Decimal("0.10") for r in rows)


def test_follow_the_pain_rows_follow_their_muscle_and_are_numbered_after_the_protocol() -> None:
    rows = procedure.site_rows(follow_the_pain_chart())
    muscles = [r.muscle for r in rows]
    # grouped: every muscle's rows are contiguous
    assert muscles == sorted(muscles, key=muscles.index)
    ftp = [r for r in rows if r.kind is MarkerKind.FOLLOW_THE_PAIN]
    assert [r.muscle for r in ftp] == ["Temporalis", "Temporalis", "Occipitalis", "Trapezius"]
    assert [r.number for r in ftp] == [32, 33, 34, 35]  # in the order they were added
    assert sorted(r.number for r in rows) == list(range(1, 36))
    assert sum(r.units or 0 for r in rows) == Decimal(180)


def test_omitted_sites_keep_their_number_and_are_listed_with_their_reason() -> None:
    rows = procedure.site_rows(tailored_chart())
    omitted = [r for r in rows if r.kind is MarkerKind.OMITTED]
    assert [(r.label, r.number, r.units, r.remark) for r in omitted] == [
        ("Procerus", 3, None, "omitted: brow ptosis"),
        ("Left frontalis 2 (lateral)", 7, None, "omitted: brow asymmetry"),
    ]
    protocol = [r.number for r in rows if r.kind in (MarkerKind.INJECTED, MarkerKind.OMITTED)]
    assert protocol == list(range(1, 32))
    added = [(r.label, r.number) for r in rows if r.number > 31]
    assert sorted(added, key=lambda a: a[1]) == [
        ("Left masseter", 32),  # added first
        ("Right temporalis (follow-the-pain)", 33),
    ]
    custom = [r for r in rows if r.kind is MarkerKind.CUSTOM]
    assert [(r.label, r.muscle, r.units, r.view) for r in custom] == [
        ("Left masseter", "Masseter", Decimal(10), "left")
    ]
    changed = next(r for r in rows if r.label == "Right corrugator")
    assert (changed.units, changed.remark) == (Decimal("2.5"), "standard 5 U")
    assert sum(r.units or 0 for r in rows) == tailored_chart().total_units == Decimal(160)


def strings(drawing: Drawing | Group) -> list[str]:
    found: list[str] = []
    for node in drawing.contents:
        if isinstance(node, String):
            found.append(node.text)
        elif isinstance(node, Group):
            found += strings(node)
    return found


def shapes(group: Group) -> set[type]:
    return {type(node) for node in group.contents}


def test_each_view_marks_its_own_sites_with_the_table_numbers() -> None:
    rows = procedure.site_rows(tailored_chart())
    marks = [r.mark() for r in rows]
    for view in ("front", "right", "left", "back"):
        drawing = diagram.view_drawing(view, marks, 180)
        expected = sorted(
            str(r.number) for r in rows if r.view == view and r.kind is not MarkerKind.OMITTED
        )
        numbers = sorted(t for t in strings(drawing) if t.isdigit())
        assert numbers == expected, view
        assert drawing.width == 180 and drawing.height == 225


def test_marker_shapes_tell_the_kinds_apart_without_colour() -> None:
    kinds = {kind: shapes(diagram.marker(kind, 10, 10, 1)) for kind, _label in diagram.LEGEND}
    assert Circle in kinds[MarkerKind.INJECTED]
    assert Polygon in kinds[MarkerKind.FOLLOW_THE_PAIN]
    assert Rect in kinds[MarkerKind.CUSTOM]
    assert kinds[MarkerKind.OMITTED] == {Circle, Line}
    assert len({frozenset(v) for v in kinds.values()}) == 4


def test_a_site_is_placed_where_its_svg_coordinates_say() -> None:
    mark = diagram.SiteMark("front", 200, 170, MarkerKind.INJECTED, 3)
    drawing = diagram.view_drawing("front", [mark], 300)  # 300 pt: svglib's own size
    (group,) = [g for g in drawing.contents if isinstance(g, Group) and String in shapes(g)]
    circle = next(n for n in group.contents if isinstance(n, Circle))
    assert (circle.cx, circle.cy) == (200 * 0.75, 375 - 170 * 0.75)
