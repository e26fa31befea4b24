"""Lists of people in the window follow the locale's order of names, accents folded as search folds
them: "Ávila" before "Dubois", "Łukasz" among the L's, never every accented capital after Z."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QLocale
from sqlalchemy.engine import Engine

from botox_chart.store.models import Clinician, Role
from botox_chart.store.patients import PatientSummary, search_key
from botox_chart.ui.models import clinician_list, patient_list
from botox_chart.ui.models.clinician_list import ClinicianListModel
from botox_chart.ui.models.patient_list import PatientListModel
from botox_chart.ui.name_order import NameOrder
from botox_chart.ui.widgets.session_loading import signers
from tests.helpers.factories import make_clinician, make_patient
from tests.helpers.fake_dialogs import FakeDialogs
from tests.ui.conftest import OpenWindow

COLLATED = ["Ávila, Rosa", "Dubois, José", "Élodie, Anne", "Łukasz, Piotr", "Zola, Émile"]


def shown(model: Any, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def summary(n: int, family: str, given: str) -> PatientSummary:
    born = date(1970, 1, 1)
    return PatientSummary(n, family, given, born, f"C{n}", search_key(family, given, f"C{n}", born))


def test_the_patient_list_shows_names_in_collated_order(
    engine: Engine, open_window: OpenWindow, dialogs: FakeDialogs
) -> None:
    doctor = make_clinician(engine)
    # Added in the database's (code point) order, which puts every accented capital after Z.
    for name in ("Dubois, José", "Zola, Émile", "Ávila, Rosa", "Élodie, Anne", "Łukasz, Piotr"):
        family, given = name.split(", ")
        make_patient(engine, family_name=family, given_names=given)

    window = open_window(dialogs, doctor)

    assert shown(window.patients.model, patient_list.NAME) == COLLATED


def test_an_added_patient_with_an_accent_takes_their_collated_place(qapp: Any) -> None:
    model = PatientListModel()
    model.set_patients([summary(1, "Dubois", "José"), summary(2, "Zola", "Émile")])

    model.upsert(summary(3, "Émond", "Lucie"))
    model.upsert(summary(4, "dubé", "Claire"))

    assert shown(model, patient_list.NAME) == [
        "dubé, Claire",
        "Dubois, José",
        "Émond, Lucie",
        "Zola, Émile",
    ]


def test_the_same_family_name_sorts_by_given_names_with_case_and_accents_ignored(
    qapp: Any,
) -> None:
    model = PatientListModel()
    model.set_patients(
        [summary(1, "Côté", "Zoé"), summary(2, "COTE", "Éric"), summary(3, "Cote", "anne")]
    )

    assert shown(model, patient_list.NAME) == ["Cote, anne", "COTE, Éric", "Côté, Zoé"]


def test_names_follow_the_locales_collation(qapp: Any) -> None:
    # The locale decides what folding leaves: in Czech, "ch" is a letter of its own, after "h".
    czech, english = NameOrder(QLocale("cs_CZ")), NameOrder(QLocale("en_CA"))
    names = ["Chalupa", "Horák"]

    assert sorted(names, key=english.key) == ["Chalupa", "Horák"]
    assert sorted(names, key=czech.key) == ["Horák", "Chalupa"]


def test_the_clinicians_list_shows_names_in_collated_order(qapp: Any) -> None:
    people = [
        Clinician(id=n, name=name, role=Role.INJECTOR.value)
        for n, name in enumerate(("Zoé Roy", "Élise Gagnon", "Amir Haddad", "Łucja Nowak"), 1)
    ]
    model = ClinicianListModel()

    model.set_clinicians(people, now=datetime.now(UTC))

    names = shown(model, clinician_list.NAME)
    assert names == ["Amir Haddad", "Élise Gagnon", "Łucja Nowak", "Zoé Roy"]


def test_supervising_physicians_are_offered_in_collated_order(engine: Engine) -> None:
    signer = make_clinician(engine, "Nadia Roy")
    for name in ("Zoé Roy", "Élise Gagnon", "Amir Haddad"):
        make_clinician(engine, name)

    _signer, physicians = signers(engine, signer.id or 0)

    assert [name.split(",")[0] for _id, name in physicians] == [
        "Amir Haddad",
        "Élise Gagnon",
        "Zoé Roy",
    ]
