"""botox_chart.recall: the units a session drew from a lot, the list's order and totals, and
the documented JSON row, with no database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from botox_chart.chart import Vial
from botox_chart.recall import SessionUse, recall


def use(
    session_id: int, day: date, vials: list[Vial], total: str = "155", **fields: str
) -> SessionUse:
    values = {"patient": f"Patient {session_id}", "status": "signed"} | fields
    return SessionUse(
        session_id=session_id,
        patient_id=session_id * 10,
        patient=values["patient"],
        chart_number=f"C{session_id}",
        phone="",
        email="",
        date=day,
        status=values["status"],
        injector="Dr Souza",
        total_units=Decimal(total),
        vials=tuple(vials),
    )


def test_units_recorded_drawn_are_counted_as_recorded_else_taken_in_order() -> None:
    recorded = use(1, date(2026, 10, 1), [Vial("B", None, 100, Decimal(40)), Vial("a", None, 200)])
    in_order = use(2, date(2026, 10, 2), [Vial("A", None, 100), Vial("B", None, 100)], "195")
    found = recall(" A ", [in_order, recorded])
    # 195 U: the first 100 U vial (A), then 95 U of the second. 40 U recorded from B leave
    # 115 U for A.
    assert [(r.session_id, r.units_from_lot) for r in found.rows] == [
        (1, Decimal(115)),
        (2, Decimal(100)),
    ]
    assert found.units == Decimal(215) and found.lot == "A"


def test_the_list_is_by_date_then_session_and_counts_patients_once() -> None:
    day = date(2026, 10, 1)
    a = [Vial("A", None, 200)]
    found = recall(
        "A",
        [
            use(3, day, a, patient="Abel, Ann"),
            use(1, date(2026, 11, 1), a, patient="Abel, Ann"),
            use(2, day, a, patient="Zed, Zoé"),
        ],
    )
    assert [r.session_id for r in found.rows] == [2, 3, 1]
    assert (found.sessions, found.patients) == (3, 3)


def test_the_json_row_has_exactly_the_documented_keys() -> None:
    draft = use(7, date(2026, 11, 2), [Vial("A", None, 100, Decimal("12.5"))], status="draft")
    (row,) = recall("A", [draft]).rows
    assert row.draft
    assert row.as_json() == {
        "session_id": 7,
        "patient_id": 70,
        "patient": "Patient 7",
        "date": "2026-11-02",
        "status": "draft",
        "units_from_lot": 12.5,
    }


def test_sessions_of_other_lots_or_outside_the_range_are_left_out() -> None:
    other = use(1, date(2026, 10, 1), [Vial("B", None, 200)])
    early = use(2, date(2026, 9, 30), [Vial("A", None, 200)])
    found = recall("A", [other, early], date_from=date(2026, 10, 1))
    assert found.rows == ()
    assert found.period == "from 2026-10-01"


@pytest.mark.parametrize(
    ("lot", "date_from", "date_to", "message"),
    [
        (" ", None, None, "lot number"),
        ("A", date(2026, 10, 2), date(2026, 10, 1), "ends"),
    ],
)
def test_an_empty_lot_or_a_backward_range_is_refused(
    lot: str, date_from: date | None, date_to: date | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        recall(lot, [], date_from=date_from, date_to=date_to)


def test_the_inventory_leaves_out_vials_without_a_lot_and_never_wastes_below_zero() -> None:
    from botox_chart.recall import lot_inventory

    uses = [
        use(
            1,
            date(2026, 10, 1),
            [Vial("a", date(2027, 1, 31), 100, Decimal(120)), Vial("", None, 100)],
        ),
        use(2, date(2026, 11, 1), [Vial(" A", date(2027, 3, 31), 200)], "155", status="draft"),
    ]
    (a,) = lot_inventory(uses)
    assert (a.lot, a.expiry, a.vials, a.sessions, a.drafts) == ("A", date(2027, 3, 31), 2, 2, 1)
    # 120 U recorded from a 100 U vial wastes nothing (not -20); 155 U of 200 U wastes 45 U.
    assert (a.units_drawn, a.units_wasted) == (Decimal(275), Decimal(45))
    assert (a.first_used, a.last_used) == (date(2026, 10, 1), date(2026, 11, 1))
