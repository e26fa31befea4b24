"""The vials of a session as the window edits them: opening, removing and resizing vials keeps the
saline measured for the first vial at the same concentration (docs/clinical-reference.md §4), a
scanned carton fills the right vial (docs/clinical-reference.md §11), units drawn as typed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from botox_chart.chart import MAX_VIALS, ChartError, Dilution, Vial, parse_drawn
from tests.helpers.factories import ready_chart

DAY = date(2026, 11, 2)
EXPIRY = date(2027, 8, 31)


def test_a_first_vial_of_another_size_keeps_the_concentration() -> None:
    chart = ready_chart(DAY)
    assert chart.dilution == Dilution(vial_units=200, diluent_ml=Decimal(4))
    chart.set_vial(0, units=100)
    assert chart.dilution == Dilution(vial_units=100, diluent_ml=Decimal(2))
    assert chart.dilution.units_per_tenth_ml == 5
    chart.add_vial()  # a second 100 U vial: the saline is still per first vial
    chart.set_vial(1, units=200)
    assert chart.dilution.vial_units == 100
    chart.remove_vial(0)  # the 200 U vial is first now
    assert chart.dilution == Dilution(vial_units=200, diluent_ml=Decimal(4))


def test_an_unusual_dilution_keeps_its_concentration_too() -> None:
    chart = ready_chart(DAY)
    chart.dilution = Dilution(vial_units=200, diluent_ml=Decimal("2.5"))  # 8 U per 0.1 mL
    chart.set_vial(0, units=50)
    assert chart.dilution == Dilution(vial_units=50, diluent_ml=Decimal("0.63"))  # 0.625 rounded


def test_a_session_keeps_one_vial_and_at_most_six() -> None:
    chart = ready_chart(DAY)
    with pytest.raises(ChartError, match="at least one vial"):
        chart.remove_vial(0)
    for _ in range(MAX_VIALS - 1):
        chart.add_vial()
    with pytest.raises(ChartError, match=f"At most {MAX_VIALS} vials"):
        chart.add_vial()
    with pytest.raises(ChartError, match="no vial 9"):
        chart.set_vial(8, lot_number="X")
    assert len(chart.vials) == MAX_VIALS


def test_an_added_vial_has_the_last_ones_size_and_no_lot() -> None:
    chart = ready_chart(DAY)
    chart.set_vial(0, units=100)
    assert chart.add_vial() == 1
    assert chart.vials[1] == Vial(units=100)
    assert [f.message for f in chart.findings(today=DAY) if f.code == "lot_missing"] == [
        "Vial 2: the lot number is missing."
    ]


def test_a_carton_fills_its_vial() -> None:
    chart = ready_chart(DAY)
    chart.vials = [Vial(units=100)]
    chart.record_carton(0, " C6812AB ", EXPIRY)
    assert chart.vials == [Vial("C6812AB", EXPIRY, 100)]
    chart.record_carton(0, "c6812ab", None)  # no expiry in the code: the vial's stays
    assert chart.vials == [Vial("c6812ab", EXPIRY, 100)]


def test_the_carton_in_hand_replaces_the_lot_a_draft_began_with() -> None:
    """A draft starts with the clinic's last lot; the carton scanned says what the vial is, and
    no vial is added (an extra vial would count all its units as wasted)."""
    chart = ready_chart(DAY)
    chart.vials = [Vial("OLD1234", date(2027, 1, 31), 200)]
    chart.record_carton(0, "D7001XY", date(2027, 9, 30))
    assert chart.vials == [Vial("D7001XY", date(2027, 9, 30), 200)]
    assert chart.lots == ["D7001XY"]


def test_a_vial_nothing_is_drawn_from_is_a_warning() -> None:
    chart = ready_chart(DAY)  # 155 U
    chart.vials = [Vial("C6812AB", EXPIRY, 200), Vial("C6812AB", EXPIRY, 200)]
    unused = [f.message for f in chart.findings(today=DAY) if f.code == "vial_unused"]
    assert unused == [
        "Vial 2: nothing is drawn from it, so all of it is counted as wasted; remove it if it was "
        "not opened."
    ]
    chart.vials = [Vial("C6812AB", EXPIRY, 100), Vial("C6812AB", EXPIRY, 100)]
    assert not [f for f in chart.findings(today=DAY) if f.code == "vial_unused"]


@pytest.mark.parametrize(
    ("typed", "units"),
    [("", None), ("  ", None), ("78", Decimal(78)), ("77.5 U", Decimal("77.5")), ("0", 0)],
)
def test_units_drawn_as_typed(typed: str, units: Decimal | None) -> None:
    assert parse_drawn(typed) == units


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("lots", "not a number of units drawn"),
        ("-5", "0 to 200 U"),
        ("201", "0 to 200 U"),
        ("nan", "0 to 200 U"),
        ("7.25", "to 0.1 U"),
    ],
)
def test_units_drawn_that_are_not_a_quantity_are_refused(typed: str, message: str) -> None:
    with pytest.raises(ChartError, match=message):
        parse_drawn(typed)


def test_a_lot_typed_in_two_cases_is_one_lot() -> None:
    chart = ready_chart(DAY)
    chart.vials = [Vial("C6812AB", EXPIRY, 100), Vial(" c6812ab ", EXPIRY, 100)]
    assert chart.lots == ["C6812AB"]
    assert not [f for f in chart.findings(today=DAY) if f.code == "lot_expiry_conflict"]
    chart.vials = [Vial("C6812AB", EXPIRY, 100), Vial("c6812ab", date(2028, 1, 31), 100)]
    conflicts = [f.message for f in chart.findings(today=DAY) if f.code == "lot_expiry_conflict"]
    assert conflicts == ["Lot C6812AB is charted with two expiry dates."]
