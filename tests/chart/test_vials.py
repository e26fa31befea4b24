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


def test_a_carton_fills_an_empty_vial_or_the_same_lot() -> None:
    chart = ready_chart(DAY)
    chart.vials = [Vial(units=100)]
    assert chart.record_carton(0, " C6812AB ", EXPIRY) == 0
    assert chart.vials == [Vial("C6812AB", EXPIRY, 100)]
    assert chart.record_carton(0, "c6812ab", None) == 0  # the same carton again: no new vial
    assert chart.vials == [Vial("c6812ab", EXPIRY, 100)]


def test_a_second_carton_opens_a_second_vial_rather_than_overwriting_the_first() -> None:
    chart = ready_chart(DAY)
    chart.vials = [Vial("C6812AB", EXPIRY, 100, Decimal(100))]
    assert chart.record_carton(0, "D7001XY", date(2027, 9, 30)) == 1
    assert chart.vials == [
        Vial("C6812AB", EXPIRY, 100, Decimal(100)),
        Vial("D7001XY", date(2027, 9, 30), 100),
    ]
    assert chart.lots == ["C6812AB", "D7001XY"]


def test_a_carton_scanned_on_a_full_vial_fills_the_first_vial_without_a_lot() -> None:
    chart = ready_chart(DAY)
    chart.vials = [Vial("C6812AB", EXPIRY, 100), Vial(units=100)]
    assert chart.record_carton(0, "D7001XY", date(2027, 9, 30)) == 1
    assert len(chart.vials) == 2 and chart.vials[1].lot_number == "D7001XY"


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
