"""The eligibility assessment (issue 12): the baseline a patient's outcomes are compared with, and
the preventive treatments tried before (docs/clinical-reference.md §7).

Append-only: a review records a new assessment, and the newest is the one that counts
(:func:`latest`); the database refuses changes to past ones (migration 0008). Injectors and
physicians record them (store.acting). Each is audited with its digest (store.chain), so
``botox-chart verify`` finds one changed outside the app.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from botox_chart import bounds
from botox_chart.chart import DAYS_COUNTED
from botox_chart.eligibility import PREVENTIVE_CLASSES
from botox_chart.i18n import N_, _
from botox_chart.store import acting, audit, chain
from botox_chart.store.models import (
    EligibilityAssessment,
    FieldTooLong,
    Patient,
    PreventiveTreatment,
    check_lengths,
    utcnow,
)

ACTION = "eligibility"
"""The audit action recording an assessment; its changes carry ``assessment_id`` and
``eligibility_digest``."""
MAX_MONTHS_CHRONIC = 1200
"""A hundred years: more is a typing slip."""

_ASSESSMENTS = EligibilityAssessment.__table__  # type: ignore[attr-defined]
_TREATMENTS = PreventiveTreatment.__table__  # type: ignore[attr-defined]


class EligibilityError(ValueError):
    """An assessment that cannot be recorded, in words for the user."""


@dataclass(frozen=True)
class Eligibility:
    """One stored assessment and the preventive treatments it lists, in its order."""

    assessment: EligibilityAssessment
    treatments: tuple[PreventiveTreatment, ...]


def record(
    db: Session,
    *,
    patient_id: int,
    assessment: EligibilityAssessment,
    treatments: Sequence[PreventiveTreatment],
    clinician_id: int | None,
) -> Eligibility:
    """Record a new assessment of ``patient_id`` by ``clinician_id`` (an active injector or
    physician), listing ``treatments`` in order. Its patient, author, time and the treatments'
    order are set here; the assessment and the treatments are validated first."""
    acting.charting(
        db, clinician_id, doing=_("record an eligibility assessment"), error=EligibilityError
    )
    assert clinician_id is not None  # acting.charting refuses nobody
    try:
        bounds.check_id(patient_id, N_("patient"))
    except bounds.OutOfBounds as err:
        raise EligibilityError(str(err)) from None
    if db.get(Patient, patient_id) is None:
        raise EligibilityError(_("There is no patient {id}.").format(id=patient_id))
    validate(assessment, treatments)
    row = EligibilityAssessment(
        **{
            **assessment.model_dump(exclude={"id"}),
            "patient_id": patient_id,
            "assessed_by": clinician_id,
            "assessed_at": utcnow(),
            "notes": assessment.notes.strip(),
        }
    )
    db.add(row)
    db.flush()
    assert row.id is not None
    listed = tuple(
        PreventiveTreatment(
            **{
                **t.model_dump(exclude={"id"}),
                "assessment_id": row.id,
                "position": n,
                "name": t.name.strip(),
            }
        )
        for n, t in enumerate(treatments)
    )
    db.add_all(listed)
    db.flush()
    digest = chain.eligibility_digest(row.model_dump(), [t.model_dump() for t in listed])
    audit.record(
        db,
        action=ACTION,
        clinician_id=clinician_id,
        patient_id=patient_id,
        changes={"assessment_id": row.id, "eligibility_digest": digest},
    )
    db.commit()
    db.refresh(row)
    for treatment in listed:
        db.refresh(treatment)
    return Eligibility(row, listed)


def validate(assessment: EligibilityAssessment, treatments: Sequence[PreventiveTreatment]) -> None:
    """What an assessment may hold: a baseline period that has ended, headache and migraine days
    per month of 30 days (docs/clinical-reference.md §8), hours in a day, a known drug class for
    each treatment tried, and bounded text."""
    try:
        start, end = assessment.baseline_start, assessment.baseline_end
        bounds.check_date(start, N_("the start of the baseline period"))
        bounds.check_date(end, N_("the end of the baseline period"))
        if start > end:
            raise EligibilityError(_("The baseline period ends before it starts."))
        if end > date.today():
            raise EligibilityError(_("The baseline period ends in the future."))
        headache = _tenths(assessment.headache_days_per_month, N_("headache days per month"))
        if headache is None:
            raise EligibilityError(_("The headache days per month are missing."))
        _within(headache, N_("headache days per month"), DAYS_COUNTED)
        migraine = _tenths(assessment.migraine_days_per_month, N_("migraine days per month"))
        if migraine is not None:
            _within(migraine, N_("migraine days per month"), DAYS_COUNTED)
            if migraine > headache:
                raise EligibilityError(
                    _(
                        "There are more migraine days ({migraine}) than headache days "
                        "({headache}) per month."
                    ).format(migraine=migraine, headache=headache)
                )
        hours = _tenths(assessment.hours_per_day, N_("hours per day"))
        if hours is not None:
            _within(hours, N_("hours per day"), 24)
        if assessment.months_chronic is not None:
            bounds.check_whole(
                assessment.months_chronic, "the months with chronic migraine", 0, MAX_MONTHS_CHRONIC
            )
        for name, label in (
            ("medication_overuse_addressed", N_("Medication overuse addressed")),
            ("referral_on_file", N_("Referral on file")),
        ):
            if getattr(assessment, name) not in (None, True, False):
                raise EligibilityError(
                    _("{label} is answered yes, no or not asked.").format(label=_(label))
                )
        bounds.check_text(
            assessment.notes, N_("the notes"), multiline=True, max_length=bounds.MAX_TEXT_LENGTH
        )
        for n, treatment in enumerate(treatments, start=1):
            _check_treatment(treatment, n)
    except (bounds.OutOfBounds, FieldTooLong) as err:
        raise EligibilityError(str(err)) from None


def latest(db: Session, patient_id: int) -> Eligibility | None:
    """The patient's newest assessment (the one that counts), or None."""
    found = _assessments(db, patient_id, newest_first=True, limit=1)
    return found[0] if found else None


def history(db: Session, patient_id: int) -> list[Eligibility]:
    """Every assessment of the patient, oldest first."""
    return _assessments(db, patient_id, newest_first=False, limit=None)


def by_patient(connection: Connection) -> dict[int, list[EligibilityAssessment]]:
    """Patient id → their assessments oldest first (without their treatments), in one query: the
    clinic's baselines (store.outcomes)."""
    found: dict[int, list[EligibilityAssessment]] = defaultdict(list)
    for row in connection.execute(sa.select(_ASSESSMENTS).order_by(_ASSESSMENTS.c.id)):
        found[row.patient_id].append(EligibilityAssessment.model_validate(dict(row._mapping)))
    return found


def for_baseline(
    assessments: Sequence[EligibilityAssessment], first_treatment: date | None
) -> EligibilityAssessment | None:
    """The assessment whose baseline the outcomes are compared with: the newest of those whose
    baseline period ended by the first treatment (a correction of it counts; a later review,
    whose figures are those of a treated patient, does not). Before any treatment, the newest.
    None when only reviews after the first treatment exist: there is no baseline to compare."""
    usable = [
        a for a in assessments if first_treatment is None or a.baseline_end <= first_treatment
    ]
    return max(usable, key=lambda a: a.id or 0, default=None)


def digests(connection: Connection) -> Iterator[tuple[int, int, str]]:
    """(assessment id, patient id, digest of what it says now) for every assessment (verify)."""
    listed: dict[int, list[dict[str, object]]] = defaultdict(list)
    for row in connection.execute(sa.select(_TREATMENTS)).mappings():
        listed[row["assessment_id"]].append(dict(row))
    for row in connection.execute(sa.select(_ASSESSMENTS).order_by(_ASSESSMENTS.c.id)).mappings():
        yield row["id"], row["patient_id"], chain.eligibility_digest(row, listed[row["id"]])


def _assessments(
    db: Session, patient_id: int, *, newest_first: bool, limit: int | None
) -> list[Eligibility]:
    if not bounds.is_id(patient_id):
        return []
    order = col(EligibilityAssessment.id)
    query = (
        select(EligibilityAssessment)
        .where(EligibilityAssessment.patient_id == patient_id)
        .order_by(order.desc() if newest_first else order)
    )
    if limit is not None:
        query = query.limit(limit)
    found = list(db.exec(query))
    if not found:
        return []
    listed: dict[int | None, list[PreventiveTreatment]] = defaultdict(list)
    for treatment in db.exec(
        select(PreventiveTreatment)
        .where(col(PreventiveTreatment.assessment_id).in_([a.id for a in found]))
        .order_by(col(PreventiveTreatment.assessment_id), col(PreventiveTreatment.position))
    ):
        listed[treatment.assessment_id].append(treatment)
    return [Eligibility(a, tuple(listed[a.id])) for a in found if a.id is not None]


def _check_treatment(treatment: PreventiveTreatment, n: int) -> None:
    name = treatment.name.strip() if isinstance(treatment.name, str) else treatment.name
    if not isinstance(name, str) or not name:
        raise EligibilityError(_("Preventive treatment {n} has no name.").format(n=n))
    where = f"preventive treatment {n} ({name[:40]})"
    if treatment.drug_class not in PREVENTIVE_CLASSES:
        raise EligibilityError(
            f"The class of {where} must be one of: {', '.join(PREVENTIVE_CLASSES)} "
            f"(got {bounds.escape(str(treatment.drug_class))[:40]!r})."
        )
    for field, label in (
        ("name", "the name"),
        ("dose", "the dose"),
        ("duration", "the duration"),
        ("why_stopped", "why it was stopped"),
    ):
        bounds.check_text(getattr(treatment, field), f"{label} of {where}")
    check_lengths(
        treatment,
        {
            "name": f"name of {where}",
            "dose": f"dose of {where}",
            "duration": f"duration of {where}",
            "why_stopped": f"reason {where} was stopped",
        },
    )


def _tenths(value: object, label: str) -> Decimal | None:
    """A number of days or hours to a tenth, or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise EligibilityError(_("The {label} must be a number.").format(label=_(label)))
    try:
        number = Decimal(value)
        if not number.is_finite() or number != number.quantize(Decimal("0.1")):
            raise EligibilityError(
                _("The {label} are recorded to a tenth at most (got {value}).").format(
                    label=_(label), value=value
                )
            )
    except InvalidOperation:
        raise EligibilityError(_("The {label} must be a number.").format(label=_(label))) from None
    return number


def _within(value: Decimal, label: str, high: int) -> None:
    if not 0 <= value <= high:
        raise EligibilityError(
            _("The {label} must be from 0 to {high} (got {value}).").format(
                label=_(label), high=high, value=value
            )
        )
