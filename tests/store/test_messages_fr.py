"""The store's refusals read in the reader's language (docs/architecture.md §5): a French window
or ``--lang fr`` shows them in French, with the words of the patient form, and the field at fault
is named by the error whatever the language; what the store records stays as it was."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.engine import Engine

from botox_chart import i18n
from botox_chart.store import audit, clinicians, patients, settings, transaction
from botox_chart.store.clinicians import ClinicianError, TooManyFailures
from botox_chart.store.models import Patient, Role
from botox_chart.store.patients import PatientError
from botox_chart.store.settings import SettingsError
from tests.helpers.factories import make_clinician, make_patient

T0 = datetime(2026, 12, 8, 14, 0, tzinfo=UTC)


def _patient(**changes: object) -> Patient:
    details = Patient(
        family_name="Roy", given_names="Luc", date_of_birth=date(1970, 1, 1), chart_number="X1"
    )
    for name, value in changes.items():
        setattr(details, name, value)
    return details


@pytest.mark.parametrize(
    ("changes", "french", "field"),
    [
        ({"family_name": " "}, "Le nom de famille est manquant.", "family_name"),
        ({"chart_number": ""}, "Le numéro de dossier est manquant.", "chart_number"),
        (
            {"referral_date": date(1950, 1, 1)},
            "La date de la demande de consultation précède la date de naissance.",
            "referral_date",
        ),
        (
            {"email": "marie.example.com"},
            "L’adresse courriel 'marie.example.com' doit avoir un @ entre un nom et un domaine, "
            "p. ex. marie@exemple.ca.",
            "email",
        ),
        (
            {"phone": "514\x07555"},
            "Il y a un caractère de contrôle (U+0007) dans le numéro de téléphone ; retirez-le.",
            "phone",
        ),
        (
            {"treatment_stopped_reason": "choix du patient"},
            "La date d’arrêt du traitement est manquante : indiquez-la, ou effacez le motif si "
            "le traitement se poursuit.",
            "treatment_stopped_on",
        ),
    ],
)
def test_a_refused_patient_reads_in_french_and_names_its_field(
    engine: Engine, changes: dict[str, object], french: str, field: str
) -> None:
    doctor = make_clinician(engine)
    with i18n.using("fr"), transaction(engine) as db, pytest.raises(PatientError) as refused:
        patients.add(db, patient=_patient(**changes), clinician_id=doctor.id)
    assert str(refused.value) == french
    assert refused.value.field == field
    with transaction(engine) as db:
        assert patients.summaries(db) == []


def test_the_same_refusal_stays_english_outside_a_french_scope(engine: Engine) -> None:
    doctor = make_clinician(engine)
    with transaction(engine) as db, pytest.raises(PatientError) as refused:
        patients.add(db, patient=_patient(family_name=" "), clinician_id=doctor.id)
    assert str(refused.value) == "The family name is missing."
    assert refused.value.field == "family_name"


def test_a_date_the_form_cannot_read_and_a_taken_chart_number_in_french(engine: Engine) -> None:
    doctor = make_clinician(engine)
    make_patient(engine, chart_number="A-17")
    with i18n.using("fr"):
        with pytest.raises(PatientError) as unread:
            patients.from_texts({"date_of_birth": "17/05/1980"})
        with transaction(engine) as db, pytest.raises(PatientError) as taken:
            patients.add(db, patient=_patient(chart_number="A-17"), clinician_id=doctor.id)
    assert str(unread.value) == (
        "La date de naissance '17/05/1980' n’est pas une date : écrivez-la sous la forme "
        "AAAA-MM-JJ, p. ex. 1980-05-17."
    )
    assert unread.value.field == "date_of_birth"
    assert str(taken.value) == "Le numéro de dossier A-17 appartient à un(e) autre patient(e)."
    assert taken.value.field == "chart_number"


def test_a_clinician_who_may_not_chart_is_told_in_french(engine: Engine) -> None:
    admin = make_clinician(engine, admin=True)
    with transaction(engine) as db:
        desk = clinicians.add(db, name="Marc Roy", role=Role.STAFF, by=admin.id)
    with i18n.using("fr"), transaction(engine) as db, pytest.raises(PatientError) as refused:
        patients.add(db, patient=_patient(), clinician_id=desk.id)
    assert str(refused.value) == (
        "Seul un injecteur ou un médecin peut ajouter un(e) patient(e) "
        "(Marc Roy est membre du personnel)."
    )
    assert refused.value.field is None


def test_a_refused_clinic_setting_reads_in_french(engine: Engine) -> None:
    admin = make_clinician(engine, admin=True)
    with transaction(engine) as db:
        current = settings.load(db)
    with i18n.using("fr"):
        with transaction(engine) as db, pytest.raises(SettingsError) as gtin:
            settings.save(
                db, settings=replace(current, product_gtins="00300230001234"), clinician_id=admin.id
            )
        with transaction(engine) as db, pytest.raises(SettingsError) as too_long:
            settings.save(db, settings=replace(current, phone="5" * 41), clinician_id=admin.id)
    assert str(gtin.value) == (
        "00300230001234 n’est pas un GTIN : son chiffre de contrôle est erroné "
        "(une faute de frappe?)."
    )
    assert str(too_long.value) == (
        "Trop de texte dans le numéro de téléphone de la clinique (41 caractères ; au plus 40)."
    )


def test_a_refused_sign_in_and_password_read_in_french_and_the_audit_stays_as_recorded(
    engine: Engine,
) -> None:
    admin = make_clinician(engine, admin=True)
    with transaction(engine) as db:
        nurse = clinicians.add(
            db, name="Claire Dubé", username="dube", password="the right one", by=admin.id
        )
    refusals: list[ClinicianError] = []
    with i18n.using("fr"):
        for _attempt in range(5):
            try:
                with transaction(engine) as db:
                    clinicians.authenticate(
                        db, username="dube", password="wrong", now=T0, workstation="salle-2"
                    )
            except ClinicianError as err:
                refusals.append(err)
        with transaction(engine) as db, pytest.raises(ClinicianError) as short:
            clinicians.set_password(db, clinician_id=nurse.id, password="court", by=nurse.id)
    assert str(refusals[0]) == "Nom d’utilisateur ou mot de passe erroné."
    assert isinstance(refusals[-1], TooManyFailures)
    assert str(refusals[-1]) == (
        "Nom d’utilisateur ou mot de passe erroné. Trop de connexions échouées pour dube : "
        "réessayez dans 1 seconde."
    )
    assert str(short.value) == "Un mot de passe doit compter au moins 8 caractères."
    with transaction(engine) as db:
        failed = [e for e in audit.events(db) if e.action == "sign_in_failed"]
    assert len(failed) == 5
    assert all(set(e.changes) == {"username", "workstation", "failures"} for e in failed)
