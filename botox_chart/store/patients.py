"""Patients: add, edit, find. Injectors and physicians add and edit patients; staff find them
(the window's rule, checked here too: store.acting)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, col, select

from botox_chart import bounds
from botox_chart.i18n import N_, _
from botox_chart.store import acting, audit, chain
from botox_chart.store.models import (
    FieldTooLong,
    Patient,
    Status,
    TreatmentSession,
    check_lengths,
)
from botox_chart.store.patient_list import SUMMARY_SQL
from botox_chart.store.patient_list import PatientSummary as PatientSummary
from botox_chart.store.patient_list import fold as fold
from botox_chart.store.patient_list import search_key as search_key
from botox_chart.store.patient_list import summaries as summaries_of_rows

EDITABLE = (
    "family_name",
    "given_names",
    "date_of_birth",
    "chart_number",
    "health_card",
    "referring_physician",
    "referral_date",
    "allergies",
    "phone",
    "email",
    "preferred_language",
    "treatment_stopped_on",
    "treatment_stopped_reason",
)
"""The patient form's fields (the window's form; an import's columns are some of them)."""
TEXT = {
    "family_name": N_("the family name"),
    "given_names": N_("the given name"),
    "chart_number": N_("the chart number"),
    "health_card": N_("the health-card number"),
    "referring_physician": N_("the referring physician"),
    "allergies": N_("the allergies"),
    "phone": N_("the phone number"),
    "email": N_("the e-mail address"),
    "preferred_language": N_("the preferred language"),
    "treatment_stopped_reason": N_("the reason treatment stopped"),
}
"""A patient's text fields in the user's words (their lengths are the columns'), translated
where a message names them."""
LENGTH_LABELS = {
    "family_name": N_("family name"),
    "given_names": N_("given names"),
    "chart_number": N_("chart number"),
    "health_card": N_("health-card number"),
    "referring_physician": N_("referring physician"),
    "allergies": N_("allergies"),
    "phone": N_("phone number"),
    "email": N_("e-mail address"),
    "preferred_language": N_("preferred language"),
    "treatment_stopped_reason": N_("reason treatment stopped"),
}
"""The names check_lengths gives the fields (translated where it says them)."""
DATES = {
    "date_of_birth": N_("the date of birth"),
    "referral_date": N_("the referral date"),
    "treatment_stopped_on": N_("the date treatment stopped"),
}
"""The patient's dates in the user's words (translated where a message names them)."""


class PatientError(ValueError):
    """Patient details that cannot be stored, in words for the user; :attr:`field` is the
    form's field at fault (a name of :data:`EDITABLE`), when there is one, so the window marks
    it whatever language the message is in."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@contextmanager
def _about(field: str | None) -> Iterator[None]:
    """A value out of bounds or too long, raised again as a PatientError naming its field
    (``field``, else the one the error names)."""
    try:
        yield
    except (FieldTooLong, bounds.OutOfBounds) as err:
        raise PatientError(str(err), field=field or getattr(err, "field", None)) from None


DATE_HINT = N_("YYYY-MM-DD")
_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})", re.ASCII)


def parse_date(text: str, field: str, *, required: bool) -> date | None:
    """A date as the patient form takes it: YYYY-MM-DD (or the same digits without dashes,
    YYYYMMDD); anything else (17/05/1980, 1980-W20) is refused naming ``field`` (one of
    :data:`DATES`) and the way to write it. None for a blank optional date."""
    text = text.strip()
    what = _(DATES[field])
    what = what[:1].upper() + what[1:]
    if not text:
        if required:
            raise PatientError(
                _("{what} is missing ({date_hint}).").format(what=what, date_hint=_(DATE_HINT)),
                field=field,
            )
        return None
    match = _DATE.fullmatch(text)
    try:
        if match is None or (len(text) == 9):  # one dash of two
            raise ValueError(text)
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise PatientError(
            _("{what} {text} is not a date: write it {date_hint}, e.g. 1980-05-17.").format(
                what=what, text=repr(text), date_hint=_(DATE_HINT)
            ),
            field=field,
        ) from None


def from_texts(texts: Mapping[str, str]) -> Patient:
    """A patient from the form's texts (:data:`EDITABLE`; a field not given is blank): the
    dates read by :func:`parse_date`. Raises PatientError for a date; the rest is checked by
    :func:`validate` when the patient is stored."""

    def text(name: str) -> str:
        return texts.get(name) or ""

    born = parse_date(text("date_of_birth"), "date_of_birth", required=True)
    assert born is not None
    return Patient(
        family_name=text("family_name"),
        given_names=text("given_names"),
        date_of_birth=born,
        chart_number=text("chart_number"),
        health_card=text("health_card"),
        referring_physician=text("referring_physician").strip(),
        referral_date=parse_date(text("referral_date"), "referral_date", required=False),
        allergies=text("allergies").strip(),
        phone=text("phone"),
        email=text("email"),
        preferred_language=text("preferred_language"),
        treatment_stopped_on=parse_date(
            text("treatment_stopped_on"), "treatment_stopped_on", required=False
        ),
        treatment_stopped_reason=text("treatment_stopped_reason"),
    )


def checked(patient: Patient) -> Patient:
    """``patient`` trimmed as stored and validated (:func:`validate`), as :func:`add` stores it;
    raises PatientError."""
    _strip(patient)
    validate(patient)
    return patient


def validate(patient: Patient) -> None:
    """Patient details the record can hold: bounded text and dates, the identity complete, an
    e-mail address that looks like one, and a stop of treatment with its reason."""
    born = patient.date_of_birth
    for name, label in TEXT.items():
        with _about(name):
            bounds.check_text(getattr(patient, name), label)
    for name in ("family_name", "given_names"):
        with _about(name):
            bounds.check_visible(getattr(patient, name), TEXT[name], joiners=True)
    with _about("chart_number"):
        bounds.check_visible(patient.chart_number, TEXT["chart_number"])
    with _about(None):
        check_lengths(patient, LENGTH_LABELS)
    if bounds.is_date(born) and born > date.today():
        raise PatientError(_("The date of birth is in the future."), field="date_of_birth")
    for name, label in DATES.items():
        if name == "date_of_birth" or getattr(patient, name) is not None:
            with _about(name):
                bounds.check_date(getattr(patient, name), label)
    if not patient.family_name.strip():
        raise PatientError(_("The family name is missing."), field="family_name")
    if not patient.given_names.strip():
        raise PatientError(_("The given name is missing."), field="given_names")
    if not patient.chart_number.strip():
        raise PatientError(_("The chart number is missing."), field="chart_number")
    if patient.referral_date is not None and patient.referral_date < patient.date_of_birth:
        raise PatientError(
            _("The referral date is before the date of birth."), field="referral_date"
        )
    _check_email(patient.email)
    _check_stop(patient)


def _check_email(email: str) -> None:
    """Loosely: one "@" with text on each side, no spaces (control characters: check_text)."""
    if not email:
        return
    if any(c.isspace() for c in email):
        raise PatientError(_("There is a space in the e-mail address; remove it."), field="email")
    local, at, domain = email.partition("@")
    if not at or "@" in domain or not local or not domain:
        raise PatientError(
            _(
                "The e-mail address {email} needs one @ between a name and a domain, "
                "e.g. marie@example.com."
            ).format(email=repr(email)),
            field="email",
        )


def _check_stop(patient: Patient) -> None:
    stopped = patient.treatment_stopped_on
    reason = patient.treatment_stopped_reason
    if stopped is None:
        if reason:
            raise PatientError(
                _(
                    "The date treatment stopped is missing: give it, or clear the reason if "
                    "treatment goes on."
                ),
                field="treatment_stopped_on",
            )
        return
    if not reason:
        raise PatientError(
            _("Give the reason treatment stopped (e.g. stopping rule met, patient choice)."),
            field="treatment_stopped_reason",
        )
    if stopped > date.today():
        raise PatientError(
            _("The date treatment stopped is in the future."), field="treatment_stopped_on"
        )
    if stopped < patient.date_of_birth:
        raise PatientError(
            _("The date treatment stopped is before the date of birth."),
            field="treatment_stopped_on",
        )


def _check_stop_after_first_treatment(db: Session, patient: Patient) -> None:
    """Treatment cannot stop before the first signed session of the patient."""
    if patient.treatment_stopped_on is None or patient.id is None:
        return
    first = db.exec(
        select(sa.func.min(TreatmentSession.date_of_service)).where(
            TreatmentSession.patient_id == patient.id,
            TreatmentSession.status == Status.SIGNED.value,
        )
    ).one()
    if first is not None and patient.treatment_stopped_on < first:
        raise PatientError(
            _(
                "The date treatment stopped ({stopped}) is before the patient's first "
                "treatment ({first})."
            ).format(stopped=patient.treatment_stopped_on.isoformat(), first=first.isoformat()),
            field="treatment_stopped_on",
        )


def add(db: Session, *, patient: Patient, clinician_id: int | None) -> Patient:
    """A new patient, added by ``clinician_id`` (an active injector or physician)."""
    acting.charting(db, clinician_id, doing=_("add a patient"), error=PatientError)
    checked(patient)
    _require_unique_chart_number(db, patient)
    db.add(patient)
    db.flush()
    audit.record(db, action="create", clinician_id=clinician_id, patient_id=patient.id)
    db.commit()
    db.refresh(patient)
    return patient


def add_many(
    db: Session,
    *,
    patients: Sequence[Patient],
    clinician_id: int | None,
    imported: Mapping[str, object],
) -> list[int]:
    """Import ``patients`` (each :func:`checked` already) by ``clinician_id``, an active injector
    or physician, in ``db``'s transaction (the caller commits): each patient's creation is
    audited as :func:`add` does, and the import as one event saying ``imported`` (counts and the
    file's size and digest: never a name, not even the file's).
    Raises PatientError, before adding anything, when a chart number is taken; a chart number
    taken by another workstation after that check fails the flush (IntegrityError: the caller,
    exchange.patient_import.apply, turns it into a PatientError without the row's values)."""
    acting.charting(db, clinician_id, doing=_("add patients"), error=PatientError)
    taken = taken_chart_numbers(db, [p.chart_number for p in patients])
    if taken:
        raise PatientError(
            _("Chart number {number} belongs to another patient.").format(number=sorted(taken)[0]),
            field="chart_number",
        )
    db.add_all(patients)
    db.flush()
    audit.record_many(
        db,
        [
            *(
                {"action": "create", "clinician_id": clinician_id, "patient_id": p.id}
                for p in patients
            ),
            {"action": "import", "clinician_id": clinician_id, "changes": dict(imported)},
        ],
    )
    return [p.id for p in patients if p.id is not None]


def taken_chart_numbers(db: Session, chart_numbers: Sequence[str]) -> set[str]:
    """Which of ``chart_numbers`` already belong to a patient (read in chunks)."""
    taken: set[str] = set()
    wanted = sorted(set(chart_numbers))
    for start in range(0, len(wanted), CHUNK):
        taken.update(
            db.exec(
                select(Patient.chart_number).where(
                    col(Patient.chart_number).in_(wanted[start : start + CHUNK])
                )
            )
        )
    return taken


CHUNK = 1000
"""Values per IN (...) list: far below SQLite's and PostgreSQL's limits on parameters."""


def identity(patient: Patient | PatientSummary) -> tuple[str, str, date]:
    """What makes two charts look like one person's: the family and given names folded as the
    search folds them (case, accents, hyphens and spaces aside) and the date of birth."""
    return (
        _name_parts(patient.family_name),
        _name_parts(patient.given_names),
        patient.date_of_birth,
    )


def charts_by_identity(db: Session, births: Iterable[date]) -> dict[tuple[str, str, date], str]:
    """The chart number of each patient born on one of ``births``, by :func:`identity` (the
    first chart when two patients share one; read in chunks)."""
    found: dict[tuple[str, str, date], str] = {}
    wanted = sorted(set(births))
    for start in range(0, len(wanted), CHUNK):
        rows = db.exec(
            select(
                col(Patient.family_name),
                col(Patient.given_names),
                col(Patient.date_of_birth),
                col(Patient.chart_number),
            )
            .where(col(Patient.date_of_birth).in_(wanted[start : start + CHUNK]))
            .order_by(col(Patient.id))
        )
        for family, given, born, chart in rows:
            found.setdefault((_name_parts(family), _name_parts(given), born), chart)
    return found


def update(db: Session, *, patient_id: int, changes: Patient, clinician_id: int | None) -> Patient:
    """Change a patient's details (by an active injector or physician)."""
    acting.charting(db, clinician_id, doing=_("change a patient's details"), error=PatientError)
    patient = get(db, patient_id=patient_id)
    _strip(changes)
    validate(changes)
    changes.id = patient_id
    _require_unique_chart_number(db, changes)
    _check_stop_after_first_treatment(db, changes)
    before = {name: getattr(patient, name) for name in EDITABLE}
    for name in (*EDITABLE, "search_key"):
        setattr(patient, name, getattr(changes, name))
    after = {name: getattr(patient, name) for name in EDITABLE}
    # The audit keeps which fields changed, not their values: they identify the patient or are
    # their private details (a phone number, why treatment stopped).
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
        bounds.check_id(patient_id, N_("patient"))
    except bounds.OutOfBounds as err:
        raise PatientError(str(err)) from None
    patient = db.get(Patient, patient_id)
    if patient is None:
        raise PatientError(_("There is no patient {id}.").format(id=patient_id))
    return patient


def summaries(db: Session) -> list[PatientSummary]:
    """Every patient, sorted by name: the patient list filters these in memory as the user types.
    The same narrow query as the window's first list (store.patient_list), no ORM objects."""
    ordered = f"{SUMMARY_SQL} ORDER BY family_name, given_names, id"
    return summaries_of_rows(db.connection().exec_driver_sql(ordered))


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
    for name in (
        "family_name",
        "given_names",
        "chart_number",
        "health_card",
        "phone",
        "email",
        "preferred_language",
        "treatment_stopped_reason",
    ):
        setattr(patient, name, getattr(patient, name).strip())
    patient.search_key = search_key(
        patient.family_name, patient.given_names, patient.chart_number, patient.date_of_birth
    )


def _require_unique_chart_number(db: Session, patient: Patient) -> None:
    query = select(Patient.id).where(Patient.chart_number == patient.chart_number)
    clash = db.exec(query).first()
    if clash is not None and clash != patient.id:
        raise PatientError(
            _("Chart number {number} belongs to another patient.").format(
                number=patient.chart_number
            ),
            field="chart_number",
        )


def look_alikes(patient: PatientSummary, others: Iterable[PatientSummary]) -> list[PatientSummary]:
    """Other patients whose name could be taken for ``patient``'s when read aloud or in a hurry:
    the same name (accents and case aside), the family and given names swapped, the same family
    name with the same first given name ("Marie" and "Marie-Claude"), or one name the same and the
    other one typing slip apart (a letter added, dropped, changed or two swapped: "Gagnon" and
    "Gagnion"). The chart shows a mark for them (a wrong-patient guard), so it errs towards
    showing it."""
    family, given = _name_parts(patient.family_name), _name_parts(patient.given_names)
    found = []
    for other in others:
        if other.id == patient.id:
            continue
        o_family, o_given = _name_parts(other.family_name), _name_parts(other.given_names)
        if (
            (family == o_given and given == o_family)
            or (family == o_family and _first_word(given) == _first_word(o_given))
            or (family == o_family and _one_slip(given, o_given))
            or (given == o_given and _one_slip(family, o_family))
        ):
            found.append(other)
    return found


def _name_parts(name: str) -> str:
    """A name as compared: folded, hyphens as spaces, single spaces."""
    return " ".join(fold(name).replace("-", " ").split())


def _first_word(name: str) -> str:
    return name.split(" ", 1)[0]


def _one_slip(a: str, b: str) -> bool:
    """``a`` and ``b`` are equal or one edit apart (insert, delete, substitute, or swap two
    neighbouring letters): optimal string alignment distance ≤ 1, without the full table."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    if len(a) == len(b):
        return a[1:] == b[1:] or (len(a) >= 2 and a[0] == b[1] and a[1] == b[0] and a[2:] == b[2:])
    return a[1:] == b or b[1:] == a
