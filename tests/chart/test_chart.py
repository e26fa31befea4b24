"""Charting rules: tailoring, totals, dilution and waste arithmetic, deviations and findings, and
where a new site goes so that it hides no marker."""

from __future__ import annotations

import dataclasses
import math
from datetime import date, timedelta
from decimal import Decimal

import pytest

from botox_chart import protocol
from botox_chart.chart import (
    MARKER_SEPARATION,
    Area,
    Chart,
    ChartError,
    Dilution,
    InjectionKind,
    Severity,
    SiteState,
    Vial,
    clear_point,
    format_units,
    parse_units,
)
from botox_chart.protocol import Point
from tests.helpers.factories import ready_chart

DAY = date(2026, 11, 2)
PREEMPT = protocol.load_named("preempt")
VIEW = Area(0.0, 26.0, 400.0, 446.0)
"""The band of each view the diagram shows (ui.widgets.head_diagram), in SVG units."""


@pytest.fixture
def chart() -> Chart:
    return Chart(protocol=protocol.load_named(), date_of_service=DAY)


def temporalis_point(side: str = "right") -> Point:
    """A point inside the temporalis region away from the template sites."""
    preempt = protocol.load_named()
    region = next(r for r in preempt.regions if r.muscle == "temporalis" and r.side == side)
    xs = [x for x, _ in region.points]
    ys = [y for _, y in region.points]
    candidates = [
        Point(region.view, x, y)
        for x in range(int(min(xs)), int(max(xs)), 4)
        for y in range(int(min(ys)), int(max(ys)), 4)
    ]
    sites = [p for s in preempt.sites_of("temporalis") for p in s.positions]
    return next(
        p
        for p in candidates
        if region.contains(p.x, p.y)
        and all(abs(p.x - s.x) + abs(p.y - s.y) > 30 for s in sites if s.view == p.view)
    )


def codes(findings: list) -> set[str]:  # type: ignore[type-arg]
    return {f.code for f in findings}


# -- protocol and tailoring ---------------------------------------------------------------------


def test_applying_the_protocol_charts_31_sites_at_5_units(chart: Chart) -> None:
    assert chart.total_units == 0
    chart.apply_protocol()
    totals = chart.totals()
    assert (totals.total, totals.sites) == (155, 31)
    assert totals.by_muscle["temporalis"] == 40
    assert totals.by_muscle_side[("temporalis", "right")] == 20
    assert totals.by_muscle_side[("procerus", "midline")] == 5
    assert chart.deviations() == []


def test_mark_unmark_and_omit_a_protocol_site(chart: Chart) -> None:
    assert chart.state_of("PRO") is SiteState.PENDING
    chart.mark("PRO")
    assert chart.state_of("PRO") is SiteState.INJECTED
    assert chart.total_units == 5
    with pytest.raises(ChartError, match="already charted"):
        chart.mark("PRO")
    chart.unmark("PRO")
    assert chart.state_of("PRO") is SiteState.PENDING
    with pytest.raises(ChartError, match="Say why"):
        chart.omit("FRO-R2", "  ")
    chart.apply_protocol()
    chart.omit("FRO-R2", "brow ptosis")
    assert chart.state_of("FRO-R2") is SiteState.OMITTED
    assert chart.total_units == 150
    assert "Right frontalis 2 (lateral) omitted (brow ptosis)" in chart.deviations()
    with pytest.raises(ChartError, match="not a site"):
        chart.mark("NOPE")


def test_marked_sites_stay_in_protocol_order(chart: Chart) -> None:
    chart.mark("TRA-L3")
    chart.mark("COR-R")
    chart.mark("TEM-R1")
    assert [i.site_code for i in chart.injections] == ["COR-R", "TEM-R1", "TRA-L3"]


def test_site_numbers_stay_put_when_a_site_is_omitted_and_added_sites_follow(
    chart: Chart,
) -> None:
    chart.apply_protocol()
    codes = [site.code for site in chart.protocol.sites]
    chart.omit("PRO", "brow ptosis")  # site 3
    numbers = chart.site_numbers()
    assert [numbers[code] for code in codes] == list(range(1, 32))
    assert (numbers["PRO"], numbers["FRO-R1"], numbers["TEM-R3"]) == (3, 4, 10)
    ftp = chart.add_follow_the_pain("temporalis", "right", temporalis_point())
    custom = chart.add_custom("Left masseter", "masseter", "left", Point("left", 150, 250), 10)
    chart.omit("COR-R", "scar")  # omitting or restoring later changes no added site's number
    chart.mark("PRO")  # restored after the extra sites were added
    numbers = chart.site_numbers()
    assert (numbers[ftp.key], numbers[custom.key]) == (32, 33)
    assert [numbers[code] for code in codes] == list(range(1, 32))


def test_follow_the_pain_in_temporalis_adds_5_units(chart: Chart) -> None:
    chart.apply_protocol()
    injection = chart.add_follow_the_pain("temporalis", "right", temporalis_point())
    assert injection.kind is InjectionKind.FOLLOW_THE_PAIN
    assert injection.units == 5
    assert chart.total_units == 160
    assert "+5 U FTP right temporalis" in chart.deviations()


def test_follow_the_pain_is_refused_in_a_muscle_without_an_allowance(chart: Chart) -> None:
    chart.apply_protocol()
    with pytest.raises(ChartError, match="Cervical paraspinal has no follow-the-pain"):
        chart.add_follow_the_pain("cervical_paraspinal", "right", Point("back", 220, 250))
    with pytest.raises(ChartError, match="custom site"):
        chart.add_follow_the_pain("masseter", "left", Point("left", 150, 300))
    assert chart.total_units == 155


def test_follow_the_pain_allowance_caps_sites_and_units(chart: Chart) -> None:
    chart.apply_protocol()
    # Temporalis: up to +10 U at +2 sites (docs/clinical-reference.md §2).
    chart.add_follow_the_pain("temporalis", "right", Point("right", 150, 110))
    with pytest.raises(ChartError, match=r"would make \+12.5 U; the allowance is \+10 U"):
        chart.add_follow_the_pain("temporalis", "left", Point("left", 250, 110), units="7.5")
    chart.add_follow_the_pain("temporalis", "left", Point("left", 250, 110))
    with pytest.raises(ChartError, match="already has 2 follow-the-pain sites"):
        chart.add_follow_the_pain("temporalis", "left", Point("left", 240, 100), units=1)
    assert chart.total_units == 165


def test_custom_site_anywhere_with_label_and_muscle(chart: Chart) -> None:
    injection = chart.add_custom("Left masseter", "Masseter", "left", Point("left", 150, 300), 10)
    assert (injection.kind, injection.muscle, injection.units) == (
        InjectionKind.CUSTOM,
        "masseter",
        10,
    )
    assert "Custom site: Left masseter, 10 U" in chart.deviations()
    with pytest.raises(ChartError, match="label"):
        chart.add_custom(" ", "masseter", "left", Point("left", 150, 300), 10)


def test_changing_and_removing_doses(chart: Chart) -> None:
    chart.apply_protocol()
    chart.set_units("TEM-R1", "7.5")
    assert chart.total_units == Decimal("157.5")
    assert "Right temporalis 1: 7.5 U instead of 5 U" in chart.deviations()
    chart.remove("TEM-R1")
    assert chart.state_of("TEM-R1") is SiteState.PENDING
    with pytest.raises(ChartError, match="No injection"):
        chart.set_units("TEM-R1", 5)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("abc", "'abc' is not a number of units"),
        ("", "is not a number of units"),
        ("0", "must be above 0 U"),
        ("-5", "must be above 0 U"),
        ("nan", "is not a number"),
        ("5.25", "charted to 0.1 U"),
        ("500", "above the 50 U limit"),
        (True, "is not a number"),
    ],
)
def test_malformed_doses_are_refused_and_nothing_changes(
    chart: Chart, typed: object, message: str
) -> None:
    chart.apply_protocol()
    with pytest.raises(ChartError, match=message):
        chart.set_units("PRO", typed)
    assert chart.injection("PRO").units == 5
    assert chart.total_units == 155


def test_parse_units_accepts_what_a_clinician_types() -> None:
    assert parse_units("5") == 5
    assert parse_units(" 7,5 U") == Decimal("7.5")
    assert parse_units(2.5) == Decimal("2.5")
    assert format_units(Decimal("5.0")) == "5"
    assert format_units(Decimal("50")) == "50"
    assert format_units(Decimal("7.50")) == "7.5"


def test_repeat_copies_the_tailored_pattern_but_not_the_day(chart: Chart) -> None:
    previous = ready_chart(DAY - timedelta(days=90))
    previous.omit("PRO", "patient preference")
    previous.set_units("TRA-R1", 10)
    previous.add_follow_the_pain("temporalis", "right", temporalis_point())
    previous.dilution = Dilution(vial_units=100, diluent_ml=Decimal(2))
    previous.vials = [Vial("C1234AB", DAY, 100, Decimal(100)), Vial("C5678CD", DAY, 100)]
    chart.repeat(previous)
    assert [(i.key, i.units) for i in chart.injections] == [
        (i.key, i.units) for i in previous.injections
    ]
    assert chart.omissions == {"PRO": "patient preference"}
    assert chart.dilution == previous.dilution
    assert chart.vials == [Vial(units=100), Vial(units=100)]  # the sizes, not the lots
    assert chart.lots == [] and not chart.consent
    assert chart.date_of_service == DAY


def test_copy_is_independent(chart: Chart) -> None:
    chart.apply_protocol()
    snapshot = chart.copy()
    chart.omit("PRO", "scar")
    chart.screen["Pregnancy or breastfeeding"] = True
    assert snapshot.state_of("PRO") is SiteState.INJECTED
    assert snapshot.screen["Pregnancy or breastfeeding"] is None


# -- dilution, volume (docs/clinical-reference.md §4), waste (docs/clinical-reference.md §5) -----


def test_standard_dilutions_give_5_units_per_tenth_ml() -> None:
    for dilution in (
        Dilution(vial_units=100, diluent_ml=Decimal(2)),
        Dilution(vial_units=200, diluent_ml=Decimal(4)),
    ):
        assert dilution.units_per_tenth_ml == 5
        assert dilution.volume_ml(Decimal(5)) == Decimal("0.10")
        assert dilution.volume_ml(Decimal(155)) == Decimal("3.10")


def test_other_dilutions_are_allowed_and_volume_follows() -> None:
    dilution = Dilution(vial_units=100, diluent_ml=Decimal(1))
    assert dilution.units_per_tenth_ml == 10
    assert dilution.volume_ml(Decimal(5)) == Decimal("0.05")
    assert Dilution(vial_units=100, diluent_ml=Decimal(4)).volume_ml(Decimal(5)) == Decimal("0.20")


def test_waste_155_from_200_is_45_and_195_is_5(chart: Chart) -> None:
    chart.apply_protocol()
    assert chart.units_wasted == 45
    for muscle, side, units in (
        ("temporalis", "right", 10),
        ("occipitalis", "left", 10),
        ("trapezius", "right", 10),
        ("trapezius", "left", 10),
    ):
        view = "right" if muscle == "temporalis" else "back"
        x = {"temporalis": 150, "occipitalis": 160, "trapezius": 70}[muscle]
        chart.add_follow_the_pain(muscle, side, Point(view, x, 300.0 + units), units=units)
    assert chart.total_units == 195
    assert chart.units_wasted == 5


def test_two_100_unit_vials_waste_the_same_as_one_200(chart: Chart) -> None:
    chart.apply_protocol()
    one = chart.units_wasted
    chart.set_vials([Vial(units=100), Vial(units=100)])
    assert chart.dilution == Dilution(vial_units=100, diluent_ml=Decimal(2))
    assert chart.units_wasted == one == 45
    assert chart.volume_ml(Decimal(5)) == Decimal("0.10")


def test_invalid_dilution_is_an_error_not_a_crash(chart: Chart) -> None:
    chart.apply_protocol()
    chart.dilution = Dilution(vial_units=200, diluent_ml=Decimal(0))
    assert chart.volume_ml(Decimal(5)) is None
    assert "dilution_invalid" in codes(chart.findings())


# -- findings -----------------------------------------------------------------------------------


def test_a_ready_standard_chart_has_no_findings() -> None:
    assert ready_chart(DAY).findings(today=DAY) == []


def test_empty_chart_cannot_be_signed(chart: Chart) -> None:
    found = chart.findings()
    assert {"no_injections", "lot_missing", "lot_expiry_missing", "consent_missing"} <= codes(found)
    assert all(f.severity is Severity.ERROR for f in found if f.code != "screen_incomplete")


def test_expired_lot_is_an_error() -> None:
    chart = ready_chart(DAY)
    chart.set_vial(0, lot_expiry=DAY - timedelta(days=1))
    (finding,) = chart.findings()
    assert finding.severity is Severity.ERROR
    assert finding.code == "lot_expired"
    assert "C1234AB expired on 2026-11-01" in finding.message


def test_interval_under_84_days_is_a_warning() -> None:
    chart = ready_chart(DAY)
    chart.previous_session_date = DAY - timedelta(days=83)
    (finding,) = chart.findings()
    assert (finding.severity, finding.code) == (Severity.WARNING, "interval_short")
    assert "Only 83 days" in finding.message
    chart.previous_session_date = DAY - timedelta(days=84)
    assert chart.findings() == []


def test_exceeding_the_maximum_is_an_error() -> None:
    chart = ready_chart(DAY)
    chart.set_units("TRA-R1", 45)  # 155 - 5 + 45 = 195: at the limit
    assert "max_total_exceeded" not in codes(chart.findings())
    chart.set_units("TRA-L1", 10)
    found = {f.code: f for f in chart.findings()}
    assert found["max_total_exceeded"].severity is Severity.ERROR
    assert "200 U is above the protocol maximum of 195 U" in found["max_total_exceeded"].message
    assert found["muscle_allowance_exceeded"].severity is Severity.WARNING


def test_follow_the_pain_units_raised_past_the_allowance_is_an_error() -> None:
    chart = ready_chart(DAY)
    injection = chart.add_follow_the_pain("temporalis", "right", temporalis_point())
    chart.set_units(injection.key, 15)
    found = {f.code: f for f in chart.findings()}
    assert found["follow_the_pain_exceeded"].severity is Severity.ERROR
    assert "+15 U" in found["follow_the_pain_exceeded"].message


def test_vials_must_hold_the_units_injected() -> None:
    chart = ready_chart(DAY)
    chart.set_vial(0, units=100)
    found = {f.code: f for f in chart.findings()}
    assert "155 U charted but the opened vials hold 100 U" in found["vials_insufficient"].message


def test_duplicate_site_charted_twice_and_two_injections_at_one_point() -> None:
    chart = ready_chart(DAY)
    chart.injections.append(chart.injection("PRO"))
    assert "duplicate_site" in codes(chart.findings())
    chart = ready_chart(DAY)
    site = chart.injection("TEM-R2").point
    chart.add_custom("Extra temple", "temporalis", "right", Point(site.view, site.x + 2, site.y), 5)
    (finding,) = [f for f in chart.findings() if f.code == "duplicate_site"]
    assert finding.severity is Severity.WARNING


def test_non_positive_units_from_stored_data_block_signing() -> None:
    chart = ready_chart(DAY)
    chart.injections[0] = dataclasses.replace(chart.injections[0], units=Decimal(0))
    assert "units_not_positive" in codes(chart.findings())


def test_pending_sites_screen_and_urgent_adverse_events_are_warnings() -> None:
    chart = ready_chart(DAY)
    chart.unmark("CPS-L1")
    chart.screen["Pregnancy or breastfeeding"] = None
    chart.adverse_events = ["Neck pain", "Dysphagia"]
    found = {f.code: f for f in chart.findings()}
    assert found["sites_pending"].severity is Severity.WARNING
    assert "Left cervical paraspinal 1" in found["sites_pending"].message
    assert "Pregnancy or breastfeeding" in found["screen_incomplete"].message
    assert "Dysphagia" in found["urgent_adverse_event"].message
    assert "Neck pain" not in found["urgent_adverse_event"].message
    chart.screen["Pregnancy or breastfeeding"] = True
    assert "contraindication_present" in codes(chart.findings())


def test_diagnosis_defaults_to_g43_709_and_an_unknown_code_is_a_warning() -> None:
    chart = ready_chart(DAY)
    assert chart.diagnosis_code == "G43.709"
    chart.diagnosis_code = "G44.2"
    (finding,) = chart.findings()
    assert (finding.severity, finding.code) == (Severity.WARNING, "diagnosis_unusual")
    assert "G44.2 is not a chronic migraine code" in finding.message


def test_next_due_is_12_weeks_later() -> None:
    assert ready_chart(DAY).next_due == date(2027, 1, 25)


# -- placing a new site beside the markers, never on one -----------------------------------------


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
