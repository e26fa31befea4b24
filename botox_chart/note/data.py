"""What a note prints, read from the store in one transaction into frozen values.

The layout code never touches the database: it gets a :class:`SessionNote` or a
:class:`TreatmentRecord` (the patient is the stored row, read and detached, never written), so a
note can be laid out (and tested) from values alone.

A signed session prints the names of its injector, signer and supervisor (and each addendum its
author's) as the signature recorded them (store.records), never today's clinician rows: those are
read for drafts only. Each signed session is checked against its signature (store.verify) for the
note and for the treatment record, which say so when it does not match.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlmodel import Session, col, select

from botox_chart import outcomes
from botox_chart.chart import Chart
from botox_chart.eligibility import Assessment, Preventive
from botox_chart.outcomes import Course, RuleProfile, Verdict
from botox_chart.store import chain, eligibility, patients, records, sessions, verify
from botox_chart.store import outcomes as store_outcomes
from botox_chart.store import settings as clinic_settings
from botox_chart.store.models import Clinician, InjectionRow, Patient, Status, TreatmentSession
from botox_chart.store.settings import ClinicSettings


@dataclass(frozen=True)
class AddendumInfo:
    at: datetime
    """Local time."""
    author: str
    text: str


@dataclass(frozen=True)
class SessionNote:
    session_id: int
    status: str
    chart: Chart
    patient: Patient
    clinic: ClinicSettings
    injector: str
    signer: str
    supervisor: str
    signed_at: datetime | None
    """Local time."""
    acknowledged: tuple[str, ...]
    """The warnings the signer acknowledged, in words."""
    addenda: tuple[AddendumInfo, ...]
    baseline: outcomes.Baseline | None
    """The baseline of the patient's eligibility assessment (the headache days compared with)."""
    eligibility: Assessment | None
    """The assessment the outcomes are compared with (the first note prints its criteria)."""
    first_treatment: bool
    """No signed session came before this one: the note prints the eligibility."""
    fingerprint: str = ""
    """The short form of the signed record's digest (store.chain), printed on every page."""
    integrity_problems: tuple[str, ...] = ()
    """What ``verify`` finds wrong with this signed session (empty: it matches its signature)."""

    @property
    def signed(self) -> bool:
        return self.status == Status.SIGNED.value


@dataclass(frozen=True)
class RecordEntry:
    session_id: int
    status: str
    chart: Chart
    injector: str
    integrity_problems: tuple[str, ...] = ()
    """What ``verify`` finds wrong with this signed session (empty: it matches its signature)."""
    addenda: tuple[AddendumInfo, ...] = ()
    """Added after signing, oldest first: corrections and later news (a day-3 call: neck pain)."""


@dataclass(frozen=True)
class TreatmentRecord:
    patient: Patient
    clinic: ClinicSettings
    entries: tuple[RecordEntry, ...]
    """Every session, oldest first."""
    course: Course | None = None
    """The outcome of each signed session's cycle (botox_chart.outcomes); None: not read, and the
    record prints no outcome column, trend chart or verdict."""
    profile: RuleProfile | None = None
    """The rule profile the verdict and the chart's threshold line are judged under (the
    default, nice-ta260)."""
    verdict: Verdict | None = None
    """``outcomes.verdict(course, profile)``."""


@dataclass(frozen=True)
class LetterData:
    """What the continuation letter to an insurer or referring physician prints (note.letter)."""

    clinic: ClinicSettings
    patient: Patient
    written_on: date
    """The letter's date."""
    diagnosis_code: str
    """The ICD-10 code of the latest session (chart.DIAGNOSES gives its meaning)."""
    eligibility: Assessment | None
    """The eligibility assessment at the first treatment (None: none recorded)."""
    course: Course
    profile: RuleProfile
    """The rule profile chosen for this letter (the payer's, or nice-ta260)."""
    verdict: Verdict
    """``outcomes.verdict(course, profile)``."""
    prescriber: str
    """The signing prescriber's name with credentials ("Dr Ana Silva, MD FRCPC")."""
    addressee: str = ""
    """Who the letter is to ("Blue Shield, prior authorization"); empty: "To whom it may
    concern"."""


def local_time(moment: datetime) -> datetime:
    """A stored time in the computer's time zone (SQLite returns UTC times without a zone)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def load_session_notes(db: Session, *, session_ids: Sequence[int]) -> list[SessionNote]:
    clinic = clinic_settings.load(db)
    return [_load_session_note(db, session_id=sid, clinic=clinic) for sid in session_ids]


def _load_session_note(db: Session, *, session_id: int, clinic: ClinicSettings) -> SessionNote:
    row = sessions.get(db, session_id=session_id)
    chart = sessions.load_chart(db, session_id=session_id)
    patient = patients.get(db, patient_id=row.patient_id)
    signed = row.status == Status.SIGNED.value
    people = _people(db, [row])[session_id]
    assessed = store_outcomes.baseline_assessment(db, row.patient_id)
    return SessionNote(
        session_id=session_id,
        status=row.status,
        chart=chart,
        patient=patient,
        clinic=clinic,
        injector=people["injector"],
        signer=people["signer"],
        supervisor=people["supervisor"],
        signed_at=local_time(row.signed_at) if row.signed_at else None,
        acknowledged=tuple(key.split(":", 1)[-1] for key in row.acknowledged or ()),
        addenda=_addenda(db, session_id),
        baseline=store_outcomes.baseline_of(assessed.assessment) if assessed is not None else None,
        eligibility=assessment_of(assessed) if assessed is not None else None,
        first_treatment=_first_treatment(db, row),
        fingerprint=chain.fingerprint(row.record_digest) if row.record_digest else "",
        integrity_problems=_integrity_problems(db, session_id) if signed else (),
    )


def _addenda(db: Session, session_id: int) -> tuple[AddendumInfo, ...]:
    """A session's addenda, oldest first, each with its author as the event that added it
    recorded the name."""
    authors = records.addendum_authors(db.connection(), session_ids=[session_id])
    return tuple(
        AddendumInfo(
            at=local_time(a.created_at),
            author=_text(authors[a.id]) if a.id in authors else people_name(db, a.author_id),
            text=a.text,
        )
        for a in sessions.addenda(db, session_id=session_id)
    )


def _integrity_problems(db: Session, session_id: int) -> tuple[str, ...]:
    return tuple(p.detail for p in verify.session_problems(db.connection(), session_id=session_id))


def load_record(db: Session, *, patient_id: int) -> TreatmentRecord:
    patient = patients.get(db, patient_id=patient_id)
    rows = list(
        db.exec(
            select(TreatmentSession)
            .where(TreatmentSession.patient_id == patient_id)
            .order_by(col(TreatmentSession.date_of_service), col(TreatmentSession.id))
        )
    )
    ids = [r.id for r in rows if r.id is not None]
    injections: dict[int, list[InjectionRow]] = {sid: [] for sid in ids}
    if ids:
        for injection in db.exec(
            select(InjectionRow)
            .where(col(InjectionRow.session_id).in_(ids))
            .order_by(col(InjectionRow.session_id), col(InjectionRow.position))
        ):
            injections[injection.session_id].append(injection)
    vials = sessions.vials_of(db, ids)
    people = _people(db, rows)
    entries = tuple(
        RecordEntry(
            session_id=r.id,
            status=r.status,
            chart=sessions.chart_from_row(r, injections[r.id], vials.get(r.id, [])),
            injector=people[r.id]["injector"],
            integrity_problems=_integrity_problems(db, r.id)
            if r.status == Status.SIGNED.value
            else (),
            addenda=_addenda(db, r.id) if r.status == Status.SIGNED.value else (),
        )
        for r in rows
        if r.id is not None
    )
    course = store_outcomes.course(db, patient_id)
    profile = outcomes.load_profile(outcomes.DEFAULT_PROFILE)
    return TreatmentRecord(
        patient=patient,
        clinic=clinic_settings.load(db),
        entries=entries,
        course=course,
        profile=profile,
        verdict=outcomes.verdict(course, profile),
    )


def letter_profile(db: Session, name: str | None = None) -> RuleProfile:
    """The profile a letter judges under: ``name``, else the clinic's payer profile, else NICE
    TA260. Raises ProfileError for one that does not exist or cannot be read."""
    chosen = name or clinic_settings.load(db).payer_profile or outcomes.DEFAULT_PROFILE
    return outcomes.load_profile(chosen)


def load_letter(
    db: Session, *, patient_id: int, profile: RuleProfile, written_on: date, addressee: str = ""
) -> LetterData:
    """What the continuation letter prints for a patient under ``profile``. Raises PatientError
    for an unknown patient. The prescriber is the physician who supervised the latest signed
    session, else who signed it (the letter is about their prescribing)."""
    patient = patients.get(db, patient_id=patient_id)
    course = store_outcomes.course(db, patient_id)
    latest = db.exec(
        select(TreatmentSession)
        .where(
            TreatmentSession.patient_id == patient_id,
            TreatmentSession.status == Status.SIGNED.value,
        )
        .order_by(col(TreatmentSession.date_of_service).desc(), col(TreatmentSession.id).desc())
    ).first()
    prescriber = ""
    if latest is not None:
        who = db.get(Clinician, latest.supervisor_id or latest.signed_by_id or 0)
        prescriber = who.display_name if who is not None else ""
    found = store_outcomes.baseline_assessment(db, patient_id, course.cycles)
    return LetterData(
        clinic=clinic_settings.load(db),
        patient=patient,
        written_on=written_on,
        diagnosis_code=latest.diagnosis_code if latest is not None else "",
        eligibility=assessment_of(found) if found is not None else None,
        course=course,
        profile=profile,
        verdict=outcomes.verdict(course, profile),
        prescriber=prescriber,
        addressee=addressee,
    )


def assessment_of(found: eligibility.Eligibility) -> Assessment:
    """A stored eligibility assessment as the plain values the letter and the window read."""
    row = found.assessment
    return Assessment(
        baseline_start=row.baseline_start,
        baseline_end=row.baseline_end,
        headache_days_per_month=row.headache_days_per_month,
        migraine_days_per_month=row.migraine_days_per_month,
        months_with_chronic_migraine=row.months_chronic,
        hours_per_day=row.hours_per_day,
        preventives=tuple(
            Preventive(t.name, t.drug_class, t.dose, t.duration, t.why_stopped)
            for t in found.treatments
        ),
        medication_overuse_addressed=row.medication_overuse_addressed,
        referral_on_file=row.referral_on_file,
    )


def people_name(db: Session, clinician_id: int | None) -> str:
    clinician = db.get(Clinician, clinician_id) if clinician_id is not None else None
    return clinician.display_name if clinician is not None else ""


def _people(db: Session, rows: Sequence[TreatmentSession]) -> dict[int | None, dict[str, str]]:
    """Session id → the name (with credentials) of each of its people (store.chain.PEOPLE): a
    signed session's as its signature recorded them, a draft's as they are now."""
    snapshots = records.signing_events(
        db.connection(),
        [r.id for r in rows if r.id is not None and r.status == Status.SIGNED.value],
    )
    current = _clinicians(
        db, (i for r in rows for i in (r.injector_id, r.signed_by_id, r.supervisor_id))
    )
    found: dict[int | None, dict[str, str]] = {}
    for r in rows:
        if r.id in snapshots:
            signed = chain.snapshot(snapshots[r.id].get("people"))
            found[r.id] = {role: _text(name) for role, name in signed.items()}
        else:  # a draft (or a session signed outside the app: its note says so)
            found[r.id] = {
                role: current.get(getattr(r, column), "") for role, column in records.ROLES.items()
            }
    return found


def _text(name: Any) -> str:
    """A name from a signing event ("" for none)."""
    return "" if name is None else str(name)


def _clinicians(db: Session, ids: Iterable[int | None]) -> dict[int | None, str]:
    """Clinician id → name with credentials, as the clinician's row says now."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    found = db.exec(select(Clinician).where(col(Clinician.id).in_(wanted)))
    return {c.id: c.display_name for c in found}


def _first_treatment(db: Session, row: TreatmentSession) -> bool:
    """No signed session of the patient comes before ``row``."""
    earlier = db.exec(
        select(TreatmentSession.id)
        .where(TreatmentSession.patient_id == row.patient_id)
        .where(TreatmentSession.status == Status.SIGNED.value)
        .where(col(TreatmentSession.id) != row.id)
        .where(col(TreatmentSession.date_of_service) <= row.date_of_service)
        .limit(1)
    ).first()
    return earlier is None


def age_on(born: date, day: date) -> int:
    """Age in whole years on ``day`` (printed beside the date of birth)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
