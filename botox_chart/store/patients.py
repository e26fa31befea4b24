"""Patients: add, edit, find. Injectors and physicians add and edit patients; staff find them
(the window's rule, checked here too: store.acting)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, col, select

from botox_chart import bounds
from botox_chart.store import acting, audit, chain
from botox_chart.store.models import FieldTooLong, Patient, check_lengths

EDITABLE = (
    "family_name",
    "given_names",
    "date_of_birth",
    "chart_number",
    "health_card",
    "referring_physician",
    "referral_date",
    "allergies",
)
TEXT = {
    "family_name": "the family name",
    "given_names": "the given name",
    "chart_number": "the chart number",
    "health_card": "the health-card number",
    "referring_physician": "the referring physician",
    "allergies": "the allergies",
}
"""A patient's text fields in the user's words (their lengths are the columns')."""


class PatientError(ValueError):
    """Patient details that cannot be stored, in words for the user."""


@dataclass(frozen=True)
class PatientSummary:
    """A row of the patient list: enough to find and show a patient, loaded for 10,000 at once."""

    id: int
    family_name: str
    given_names: str
    date_of_birth: date
    chart_number: str
    search_key: str

    @property
    def display_name(self) -> str:
        return f"{self.family_name}, {self.given_names}"


def fold(text: str) -> str:
    """Lower case without accents: "Côté, É" → "cote, e", so search ignores both."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")


def search_key(family_name: str, given_names: str, chart_number: str, date_of_birth: date) -> str:
    """What a search matches: "family, given", "given family", chart number and YYYY-MM-DD."""
    return fold(
        f"{family_name}, {given_names} | {given_names} {family_name} | {chart_number} | "
        f"{date_of_birth.isoformat()}"
    )


def validate(patient: Patient) -> None:
    """Patient details the record can hold: bounded text and dates, the identity complete."""
    born = patient.date_of_birth
    try:
        for name, label in TEXT.items():
            bounds.check_text(getattr(patient, name), label)
        check_lengths(
            patient, {"chart_number": "chart number", "health_card": "health-card number"}
        )
        if bounds.is_date(born) and born > date.today():
            raise PatientError("The date of birth is in the future.")
        bounds.check_date(born, "the date of birth")
        if patient.referral_date is not None:
            bounds.check_date(patient.referral_date, "the referral date")
    except (FieldTooLong, bounds.OutOfBounds) as err:
        raise PatientError(str(err)) from None
    if not patient.family_name.strip():
        raise PatientError("The family name is missing.")
    if not patient.given_names.strip():
        raise PatientError("The given name is missing.")
    if not patient.chart_number.strip():
        raise PatientError("The chart number is missing.")
    if patient.referral_date is not None and patient.referral_date < patient.date_of_birth:
        raise PatientError("The referral date is before the date of birth.")


def add(db: Session, *, patient: Patient, clinician_id: int | None) -> Patient:
    """A new patient, added by ``clinician_id`` (an active injector or physician)."""
    acting.charting(db, clinician_id, doing="add a patient", error=PatientError)
    _strip(patient)
    validate(patient)
    _require_unique_chart_number(db, patient)
    db.add(patient)
    db.flush()
    audit.record(db, action="create", clinician_id=clinician_id, patient_id=patient.id)
    db.commit()
    db.refresh(patient)
    return patient


def update(db: Session, *, patient_id: int, changes: Patient, clinician_id: int | None) -> Patient:
    """Change a patient's details (by an active injector or physician)."""
    acting.charting(db, clinician_id, doing="change a patient's details", error=PatientError)
    patient = get(db, patient_id=patient_id)
    _strip(changes)
    validate(changes)
    changes.id = patient_id
    _require_unique_chart_number(db, changes)
    before = {name: getattr(patient, name) for name in EDITABLE}
    for name in (*EDITABLE, "search_key"):
        setattr(patient, name, getattr(changes, name))
    after = {name: getattr(patient, name) for name in EDITABLE}
    # The audit keeps which fields changed, not their values: they identify the patient.
    changed = sorted(audit.changed_fields(before, after))
    if changed:
        documented: dict[str, object] = {"fields": changed}
        if set(changed) & set(chain.IDENTITY_FIELDS):
            documented["identity_digest"] = chain.identity_digest(patient.model_dump())
        audit.record(
            db,
            action="update",
            clinician_id=clinician_id,
            patient_id=patient_id,
            changes=documented,
        )
    db.commit()
    db.refresh(patient)
    return patient


def get(db: Session, *, patient_id: int) -> Patient:
    try:
        bounds.check_id(patient_id, "patient")
    except bounds.OutOfBounds as err:
        raise PatientError(str(err)) from None
    patient = db.get(Patient, patient_id)
    if patient is None:
        raise PatientError(f"There is no patient {patient_id}.")
    return patient


def summaries(db: Session) -> list[PatientSummary]:
    """Every patient, sorted by name: the patient list filters these in memory as the user types."""
    rows = db.execute(
        sa.select(
            col(Patient.id),
            col(Patient.family_name),
            col(Patient.given_names),
            col(Patient.date_of_birth),
            col(Patient.chart_number),
            col(Patient.search_key),
        ).order_by(col(Patient.family_name), col(Patient.given_names), col(Patient.id))
    )
    return [PatientSummary(*row) for row in rows]


def search(db: Session, *, text: str, limit: int = 200) -> list[Patient]:
    """Patients whose name, chart number or date of birth (YYYY-MM-DD) contains ``text``."""
    try:
        bounds.check_search(text)
    except bounds.OutOfBounds as err:
        raise PatientError(str(err)) from None
    needle = f"%{fold(text.strip())}%"
    query = (
        select(Patient)
        .where(col(Patient.search_key).like(needle))
        .order_by(col(Patient.family_name), col(Patient.given_names))
        .limit(limit)
    )
    return list(db.exec(query))


def _strip(patient: Patient) -> None:
    for name in ("family_name", "given_names", "chart_number", "health_card"):
        setattr(patient, name, getattr(patient, name).strip())
    patient.search_key = search_key(
        patient.family_name, patient.given_names, patient.chart_number, patient.date_of_birth
    )


def _require_unique_chart_number(db: Session, patient: Patient) -> None:
    query = select(Patient.id).where(Patient.chart_number == patient.chart_number)
    clash = db.exec(query).first()
    if clash is not None and clash != patient.id:
        raise PatientError(f"Chart number {patient.chart_number} belongs to another patient.")
