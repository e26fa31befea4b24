"""The patient and session list models: Qt's model contract, search, and what each cell says."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt

from botox_chart.store.patients import PatientSummary, search_key
from botox_chart.store.sessions import SessionSummary
from botox_chart.ui.models import patient_list, session_list
from botox_chart.ui.models.patient_list import PatientListModel
from botox_chart.ui.models.session_list import SessionListModel

FAMILIES = ("Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Smith")
GIVENS = ("Marie", "Jean", "Élodie", "Luc", "Chloé", "Olivier", "Sarah", "Amir", "Wei")


def summary(n: int, family: str, given: str, born: date, chart: str) -> PatientSummary:
    return PatientSummary(n, family, given, born, chart, search_key(family, given, chart, born))


def many_patients(count: int = 10_000) -> list[PatientSummary]:
    rng = random.Random(4)
    rows = [
        summary(
            n,
            rng.choice(FAMILIES),
            rng.choice(GIVENS),
            date(1940, 1, 1) + timedelta(days=rng.randrange(25_000)),
            f"C{n:06d}",
        )
        for n in range(1, count + 1)
    ]
    rows.append(summary(count + 1, "Pelletier-Hébert", "Anne-Sophie", date(1977, 3, 9), "Q-77"))
    return rows


def names(model: PatientListModel) -> list[str]:
    return [model.index(row, patient_list.NAME).data() for row in range(model.rowCount())]


@pytest.fixture
def patients_model(qapp: Any) -> PatientListModel:
    model = PatientListModel()
    model.set_patients(many_patients())
    return model


def test_patient_model_keeps_qt_model_contract(qtmodeltester: Any) -> None:
    model = PatientListModel()
    model.set_patients(many_patients(50))
    qtmodeltester.check(model)
    model.set_filter("tremblay")
    qtmodeltester.check(model)


def test_patient_model_shows_name_birth_date_and_chart_number(qapp: Any) -> None:
    model = PatientListModel()
    model.set_patients([summary(7, "Côté", "Élodie", date(1985, 2, 3), "C000007")])

    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Name",
        "Date of birth",
        "Chart #",
    ]
    assert model.index(0, patient_list.NAME).data() == "Côté, Élodie"
    assert model.index(0, patient_list.DATE_OF_BIRTH).data() == "1985-02-03"
    assert model.index(0, patient_list.CHART_NUMBER).data() == "C000007"
    assert model.index(0, patient_list.NAME).data(patient_list.PATIENT_ID_ROLE) == 7


def test_search_finds_a_name_fragment_among_10000(patients_model: PatientListModel) -> None:
    patients_model.set_filter("pellet")

    assert names(patients_model) == ["Pelletier-Hébert, Anne-Sophie"]


def test_search_finds_family_comma_given(patients_model: PatientListModel) -> None:
    patients_model.set_filter("pelletier-hebert, anne")

    assert names(patients_model) == ["Pelletier-Hébert, Anne-Sophie"]


def test_search_narrows_as_the_user_types_and_widens_on_backspace(
    patients_model: PatientListModel,
) -> None:
    patients_model.set_filter("côté")
    cote = patients_model.rowCount()
    patients_model.set_filter("côté, él")
    both = patients_model.rowCount()
    patients_model.set_filter("côté")

    assert 0 < both < cote < 10_000
    assert patients_model.rowCount() == cote
    patients_model.set_filter("cote, elodie")  # accents and case do not matter
    assert patients_model.rowCount() == both
    assert set(names(patients_model)) == {"Côté, Élodie"}


def test_search_finds_a_chart_number(patients_model: PatientListModel) -> None:
    patients_model.set_filter("C004321")

    assert [
        patients_model.index(r, patient_list.CHART_NUMBER).data()
        for r in range(patients_model.rowCount())
    ] == ["C004321"]


def test_search_finds_a_date_of_birth(patients_model: PatientListModel) -> None:
    patients_model.set_filter("1977-03-09")

    assert "Pelletier-Hébert, Anne-Sophie" in names(patients_model)
    assert all(
        patients_model.index(r, patient_list.DATE_OF_BIRTH).data() == "1977-03-09"
        for r in range(patients_model.rowCount())
    )


def test_clearing_the_search_shows_everyone(patients_model: PatientListModel) -> None:
    patients_model.set_filter("zzzz")
    assert patients_model.rowCount() == 0
    patients_model.set_filter("")
    assert patients_model.rowCount() == 10_001


def test_an_added_patient_takes_their_place_in_name_order(qapp: Any) -> None:
    model = PatientListModel()
    model.set_patients(
        [
            summary(1, "Abbott", "Ann", date(1970, 1, 1), "A1"),
            summary(2, "Young", "Yves", date(1970, 1, 1), "Y1"),
        ]
    )
    model.upsert(summary(3, "Morin", "Luc", date(1970, 1, 1), "M1"))
    model.upsert(summary(2, "Young", "Yvette", date(1970, 1, 1), "Y1"))

    assert names(model) == ["Abbott, Ann", "Morin, Luc", "Young, Yvette"]
    assert model.row_of(3) == 1


def session(
    n: int, day: date, status: str = "signed", units: str = "155", sites: int = 31
) -> SessionSummary:
    return SessionSummary(
        id=n,
        patient_id=1,
        patient="Tremblay, Marie",
        chart_number="C1",
        date_of_service=day,
        status=status,
        total_units=Decimal(units),
        sites=sites,
        lots=("C1234AB",),
        injector="Dr Ana Souza",
    )


def test_session_model_keeps_qt_model_contract(qtmodeltester: Any) -> None:
    model = SessionListModel(today=date(2026, 11, 2))
    model.set_sessions([session(2, date(2026, 8, 1)), session(1, date(2026, 5, 1))])
    qtmodeltester.check(model)


def test_session_rows_say_date_units_status_next_due_and_injector(qapp: Any) -> None:
    model = SessionListModel()
    model.set_sessions(
        [
            session(3, date(2026, 10, 30), status="draft", units="0", sites=0),
            session(2, date(2026, 8, 1), units="175", sites=35),
        ],
        today=date(2026, 11, 2),
    )

    def row(r: int) -> list[str]:
        return [model.index(r, c).data() for c in range(model.columnCount())]

    assert row(0) == ["2026-10-30", "0 U", "Draft", "", "Dr Ana Souza"]
    assert row(1) == ["2026-08-01", "175 U", "Signed", "2026-10-24", "Dr Ana Souza"]
    assert model.index(1, session_list.UNITS).data(Qt.ItemDataRole.ToolTipRole) == (
        "175 U at 35 sites"
    )
    assert model.index(0, 0).data(session_list.SESSION_ID_ROLE) == 3
    assert model.index(0, 0).data(session_list.STATUS_ROLE) == "draft"


def test_only_the_newest_signed_session_can_be_overdue(qapp: Any) -> None:
    model = SessionListModel()
    model.set_sessions(
        [session(2, date(2026, 5, 1)), session(1, date(2026, 2, 1))], today=date(2026, 11, 2)
    )

    assert model.index(0, session_list.NEXT_DUE).data() == "2026-07-24 OVERDUE"
    assert model.index(0, session_list.NEXT_DUE).data(session_list.OVERDUE_ROLE) is True
    assert model.index(1, session_list.NEXT_DUE).data() == "2026-04-26"
    assert model.index(1, session_list.NEXT_DUE).data(session_list.OVERDUE_ROLE) is False


def test_a_session_not_yet_due_is_not_overdue(qapp: Any) -> None:
    model = SessionListModel()
    model.set_sessions([session(1, date(2026, 10, 1))], today=date(2026, 11, 2))

    assert model.index(0, session_list.NEXT_DUE).data() == "2026-12-24"
    assert not model.is_overdue(0)


def test_family_comma_given_matches_the_start_of_the_given_name(qapp: Any) -> None:
    model = PatientListModel()
    born = date(1970, 1, 1)
    model.set_patients(
        [
            summary(1, "Gagnon", "Emma", born, "G1"),
            summary(2, "Gagnon", "Marie", born, "G2"),
            summary(3, "Gagnonne", "Mathieu", born, "G3"),
        ]
    )

    model.set_filter("gagnon, ma")
    assert names(model) == ["Gagnon, Marie"]
    model.set_filter("gagnon,")
    assert names(model) == ["Gagnon, Emma", "Gagnon, Marie"]
    model.set_filter("gagnon ma")  # no comma: words anywhere
    assert names(model) == ["Gagnon, Emma", "Gagnon, Marie", "Gagnonne, Mathieu"]


def test_an_autosaved_draft_is_updated_in_place(qapp: Any, qtbot: Any) -> None:
    model = SessionListModel()
    model.set_sessions(
        [session(3, date(2026, 11, 2), status="draft", units="0", sites=0)],
        today=date(2026, 11, 2),
    )

    with qtbot.waitSignal(model.dataChanged):
        assert model.update_draft(
            3, date_of_service=date(2026, 11, 2), total_units=Decimal("160"), sites=32
        )

    assert model.index(0, session_list.UNITS).data() == "160 U"
    assert not model.update_draft(
        99, date_of_service=date(2026, 11, 2), total_units=Decimal(0), sites=0
    )


def test_every_patient_is_listed_in_the_language_s_name_order_with_equal_names_by_id(
    qapp: Any,
) -> None:
    """However the rows arrive (the first list is read in no order), the list is the collator's
    order of names, equal names by id: as one full sort of every row would put them."""
    from botox_chart.ui.name_order import NameOrder

    rows = many_patients(3_000)
    random.Random(7).shuffle(rows)
    model = PatientListModel()
    model.set_patients(rows)

    order = NameOrder()
    expected = sorted(
        sorted(rows, key=lambda p: p.id), key=lambda p: order.key(p.family_name, p.given_names)
    )
    shown = [model.patient(row).id for row in range(model.rowCount())]
    assert shown == [p.id for p in expected]
    assert model.total() == len(rows)
