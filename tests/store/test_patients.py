"""Patients and clinicians in the store."""

from __future__ import annotations

from datetime import date
from unittest.mock import ANY

import pytest
from sqlalchemy.engine import Engine

from botox_chart.store import audit, clinicians, patients, transaction
from botox_chart.store.models import Patient, Role
from tests.helpers.factories import make_clinician, make_patient


def test_add_find_and_edit_a_patient(any_engine: Engine) -> None:
    doctor = make_clinician(any_engine)
    added = make_patient(any_engine, family_name="Żółć", given_names="Łukasz", chart_number="A-17")
    make_patient(any_engine, family_name="Smith", given_names="Grace")
    with transaction(any_engine) as db:
        assert [p.id for p in patients.search(db, text="żółć")] == [added.id]
        assert [p.id for p in patients.search(db, text="A-17")] == [added.id]
        assert [p.id for p in patients.search(db, text="1980-05-17")] != []
        names = [s.display_name for s in patients.summaries(db)]
        assert names == ["Smith, Grace", "Żółć, Łukasz"]
        changes = Patient.model_validate(added.model_dump())
        changes.allergies = "Latex"
        patients.update(db, patient_id=added.id, changes=changes, clinician_id=doctor.id)
        assert patients.get(db, patient_id=added.id).allergies == "Latex"
        (create, update) = audit.events(db, patient_id=added.id)
    # Allergies are printed on the note: the event carries the new identity digest (store.chain).
    assert update.changes == {"fields": ["allergies"], "identity_digest": ANY}
    assert create.clinician_id == update.clinician_id == doctor.id
    assert "Latex" not in str(update.changes)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("family_name", " ", "family name is missing"),
        ("chart_number", "", "chart number is missing"),
        ("date_of_birth", date(2999, 1, 1), "in the future"),
        ("referral_date", date(1950, 1, 1), "before the date of birth"),
    ],
)
def test_invalid_patient_details_are_refused(
    engine: Engine, field: str, value: object, message: str
) -> None:
    doctor = make_clinician(engine)
    details = Patient(
        family_name="Roy", given_names="Luc", date_of_birth=date(1970, 1, 1), chart_number="X1"
    )
    setattr(details, field, value)
    with transaction(engine) as db, pytest.raises(patients.PatientError, match=message):
        patients.add(db, patient=details, clinician_id=doctor.id)
    with transaction(engine) as db:
        assert patients.summaries(db) == []


def test_a_name_may_hold_the_joiners_persian_and_indic_scripts_write(engine: Engine) -> None:
    added = make_patient(engine, family_name="می\u200cخواهم", given_names="क्\u200dष")
    assert added.family_name == "می\u200cخواهم"


def test_a_chart_number_belongs_to_one_patient(any_engine: Engine) -> None:
    make_patient(any_engine, chart_number="C42")
    with pytest.raises(patients.PatientError, match="C42 belongs to another patient"):
        make_patient(any_engine, chart_number="C42")


def test_clinicians(any_engine: Engine) -> None:
    with transaction(any_engine) as db:
        nurse = clinicians.add(
            db, name="Claire Dubé", credentials="RN", role=Role.INJECTOR, by=None
        )
        clinicians.add(db, name="Jo Park", role=Role.STAFF, by=None)
        assert [c.name for c in clinicians.active(db)] == ["Claire Dubé", "Jo Park"]
        assert nurse.can_sign and nurse.display_name == "Claire Dubé, RN"
        with pytest.raises(clinicians.ClinicianError, match="name is missing"):
            clinicians.add(db, name="  ", by=None)


def _summary(patient_id: int, family: str, given: str) -> patients.PatientSummary:
    born = date(1970, 1, 1)
    return patients.PatientSummary(
        patient_id,
        family,
        given,
        born,
        f"C{patient_id}",
        patients.search_key(family, given, "", born),
    )


@pytest.mark.parametrize(
    ("family", "given"),
    [
        ("GAGNON", "elise"),  # the same name, case and accents aside
        ("Gagnon", "Élise-Anne"),  # the same first given name
        ("Gagnion", "Élise"),  # one letter added
        ("Gangon", "Élise"),  # two letters swapped
        ("Gagnon", "Elyse"),  # one letter changed
        ("Élise", "Gagnon"),  # family and given names swapped
    ],
)
def test_a_name_that_reads_like_the_patients_is_a_look_alike(family: str, given: str) -> None:
    charted = _summary(1, "Gagnon", "Élise")
    other = _summary(2, family, given)
    assert patients.look_alikes(charted, [charted, other]) == [other]


@pytest.mark.parametrize(
    ("family", "given"),
    [
        ("Gagnon", "Marie"),  # same family, another given name
        ("Tremblay", "Élise"),  # same given name, another family
        ("Gagnonne", "Élise"),  # two letters more
        ("Gagnon", "Emma"),
    ],
)
def test_a_different_name_is_not_a_look_alike(family: str, given: str) -> None:
    charted = _summary(1, "Gagnon", "Élise")
    assert patients.look_alikes(charted, [_summary(2, family, given)]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1980-05-17", date(1980, 5, 17)), (" 19800517 ", date(1980, 5, 17)), ("", None)],
)
def test_the_form_reads_a_date_as_iso_or_its_eight_digits(text: str, expected: date | None) -> None:
    assert patients.parse_date(text, "referral_date", required=False) == expected


@pytest.mark.parametrize(
    "text", ["17/05/1980", "05/17/1980", "1980-W20-6", "1980-5-17", "1980-0517", "1980-05-17T00:00"]
)
def test_the_form_refuses_every_other_way_of_writing_a_date(text: str) -> None:
    """The patient form and a patient list's import read dates by this one rule."""
    with pytest.raises(patients.PatientError, match="is not a date: write it YYYY-MM-DD"):
        patients.parse_date(text, "date_of_birth", required=True)
