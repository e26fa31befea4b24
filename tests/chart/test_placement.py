"""A new site is never placed on top of a marker: chart.clear_point moves it beside, the least
distance that keeps both markers visible, inside the diagram and where the caller allows."""

from __future__ import annotations

import math

import pytest

from botox_chart import protocol
from botox_chart.chart import MARKER_SEPARATION, Area, Chart, clear_point
from botox_chart.protocol import Point

PREEMPT = protocol.load_named("preempt")
VIEW = Area(0.0, 26.0, 400.0, 446.0)


def distance(a: Point, b: Point) -> float:
    return math.dist((a.x, a.y), (b.x, b.y))


def protocol_points(view: str) -> list[Point]:
    return [p for site in PREEMPT.sites for p in site.positions if p.view == view]


def test_a_point_on_a_marker_moves_just_clear_of_every_marker() -> None:
    taken = protocol_points("right")
    on_marker = next(p for p in taken if (p.x, p.y) == (210.0, 126.0))  # right temporalis 2

    placed = clear_point(on_marker, taken, area=VIEW)

    assert placed is not None and placed.view == "right"
    assert min(distance(placed, p) for p in taken) >= MARKER_SEPARATION
    assert distance(placed, on_marker) < MARKER_SEPARATION + 1.5  # beside it, not far off


def test_a_point_clear_of_every_marker_stays_where_it_was_asked() -> None:
    asked = Point("right", 110.0, 190.0)
    taken = protocol_points("right")
    assert min(distance(asked, p) for p in taken) >= MARKER_SEPARATION

    assert clear_point(asked, taken, area=VIEW) == asked


def test_only_markers_of_the_same_view_are_in_the_way() -> None:
    asked = Point("left", 210.0, 126.0)  # where right temporalis 2 is on the right-side view
    assert clear_point(asked, [Point("right", 210.0, 126.0)], area=VIEW) == asked


@pytest.mark.parametrize(("x", "y"), [(3.0, 200.0), (397.0, 200.0), (200.0, 28.0), (200.0, 444.0)])
def test_a_site_moved_off_a_marker_by_an_edge_stays_inside_the_diagram(x: float, y: float) -> None:
    marker = Point("front", x, y)

    placed = clear_point(marker, [marker], area=VIEW)

    assert placed is not None
    assert VIEW.contains(placed.x, placed.y)
    assert distance(placed, marker) >= MARKER_SEPARATION


def test_a_site_moved_stays_where_the_caller_allows_or_is_refused() -> None:
    marker = Point("front", 200.0, 200.0)
    below = clear_point(marker, [marker], area=VIEW, allowed=lambda p: p.y >= 200.0)
    assert below is not None and below.y >= 200.0

    far = 3 * MARKER_SEPARATION  # the search's reach
    assert clear_point(marker, [marker], area=VIEW, allowed=lambda p: p.y < 200 - far) is None


def test_a_follow_the_pain_site_moved_off_a_marker_stays_in_its_muscle() -> None:
    taken = protocol_points("back")
    for site in PREEMPT.sites_of("occipitalis"):
        (asked,) = site.positions
        region = PREEMPT.region_at(asked.view, asked.x, asked.y)
        assert region is not None

        placed = clear_point(
            asked,
            taken,
            area=VIEW,
            allowed=lambda p, r=region: PREEMPT.region_at(p.view, p.x, p.y) == r,
        )

        assert placed is not None, site.label
        assert PREEMPT.region_at(placed.view, placed.x, placed.y) == region
        assert min(distance(placed, p) for p in taken) >= MARKER_SEPARATION


def test_the_chart_lists_every_marked_point_omitted_sites_and_extra_sites_too() -> None:
    chart = Chart(protocol=PREEMPT)
    chart.omit("FRO-R2", "brow ptosis")
    chart.add_follow_the_pain("temporalis", "right", Point("right", 120.0, 150.0))

    marks = chart.marked_points()

    assert ("Right frontalis 2 (lateral)", Point("front", 145.0, 112.0)) in marks
    assert ("Right temporalis (follow-the-pain)", Point("right", 120.0, 150.0)) in marks
    assert len(marks) == sum(len(s.positions) for s in PREEMPT.sites) + 1
