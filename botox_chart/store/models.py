"""The stored tables. Schema changes go through Alembic (``store/migrations``), never create_all.

Units are stored as whole tenths of a unit (``Tenths``) and volumes as hundredths of a mL, so doses
are exact on SQLite and PostgreSQL alike (SQLite has no decimal type).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import JSON, Column, Field, SQLModel

from botox_chart.i18n import _


def utcnow() -> datetime:
    return datetime.now(UTC)


class FieldTooLong(ValueError):
    """Text longer than its column allows (PostgreSQL would refuse it; SQLite would not);
    :attr:`field` is the column's name."""

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.field = field


def check_lengths(row: SQLModel, labels: dict[str, str]) -> None:
    """Refuse text longer than its column, naming the field in the user's words (``labels``:
    marked for translation, translated here)."""
    for name, info in type(row).model_fields.items():
        limit = next((m.max_length for m in info.metadata if hasattr(m, "max_length")), None)
        value = getattr(row, name)
        if limit is not None and isinstance(value, str) and len(value) > limit:
            label = _(labels[name]) if name in labels else name.replace("_", " ")
            raise FieldTooLong(
                _("The {label} is too long ({count} characters; at most {limit}).").format(
                    label=label, count=len(value), limit=limit
                ),
                field=name,
            )


class _ScaledDecimal(TypeDecorator[Decimal]):
    """A Decimal stored as an integer count of 1/scale (exact, portable, summable in SQL)."""

    impl = sa.Integer
    cache_ok = True
    scale = 10

    def process_bind_param(self, value: Decimal | None, dialect: Any) -> int | None:
        if value is None:
            return None
        scaled = Decimal(value) * self.scale
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more precision than 1/{self.scale}")
        return int(scaled)

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)) / self.scale


class Tenths(_ScaledDecimal):
    cache_ok = True
    scale = 10


class Hundredths(_ScaledDecimal):
    cache_ok = True
    scale = 100


class Role(StrEnum):
    INJECTOR = "injector"
    """Charts and signs."""
    PHYSICIAN = "physician"
    """Charts, signs and co-signs as supervisor."""
    STAFF = "staff"
    """Finds, views and prints."""


class Status(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"


AUTOINCREMENT: dict[str, Any] = {"sqlite_autoincrement": True}
"""Ids are never reused (a deleted draft's id never comes back for another patient's session):
AUTOINCREMENT on SQLite; PostgreSQL sequences never go back."""


class Patient(SQLModel, table=True):
    __table_args__ = AUTOINCREMENT

    id: int | None = Field(default=None, primary_key=True)
    family_name: str = Field(max_length=120, index=True)
    given_names: str = Field(max_length=120)
    date_of_birth: date
    chart_number: str = Field(max_length=40, unique=True)
    health_card: str = Field(default="", max_length=40)
    referring_physician: str = Field(default="", max_length=120)
    referral_date: date | None = None
    allergies: str = Field(default="", max_length=500)
    phone: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=254)
    preferred_language: str = Field(default="", max_length=40)
    treatment_stopped_on: date | None = None
    """The day treatment stopped (None: still treated); ``treatment_stopped_reason`` says why."""
    treatment_stopped_reason: str = Field(default="", max_length=500)
    search_key: str = Field(default="", max_length=300)
    """Name, chart number and birth date folded for search (patients.search_key): SQLite's LIKE
    ignores case for ASCII only, and staff type "cote" for Côté."""
    created_at: datetime = Field(default_factory=utcnow)

    @property
    def display_name(self) -> str:
        return f"{self.family_name}, {self.given_names}"


def clinician_name(name: str | None, credentials: str | None) -> str:
    """A clinician as lists and notes name them ("Dr Li Wei, MD"); "" for nobody (a query's
    outer join that found no clinician)."""
    if not name:
        return ""
    return f"{name}, {credentials}" if credentials else name


class Clinician(SQLModel, table=True):
    __table_args__ = AUTOINCREMENT

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    credentials: str = Field(default="", max_length=60)
    role: str = Field(default=Role.INJECTOR.value, max_length=20)
    active: bool = True
    username: str | None = Field(default=None, max_length=60, unique=True, index=True)
    password_hash: str | None = Field(default=None, max_length=200)
    """argon2id hash (clinicians.set_password); never the password itself."""
    is_admin: bool = False
    """May add clinicians and change clinic settings."""

    @property
    def display_name(self) -> str:
        return clinician_name(self.name, self.credentials)

    @property
    def can_sign(self) -> bool:
        return self.role in (Role.INJECTOR, Role.PHYSICIAN)


class TreatmentSession(SQLModel, table=True):
    """One treatment visit: what was injected, with what, and its outcome."""

    __tablename__ = "treatment_session"
    __table_args__ = AUTOINCREMENT

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    protocol_code: str = Field(max_length=40)
    date_of_service: date = Field(index=True)
    diagnosis_code: str = Field(default="G43.709", max_length=10)
    injector_id: int | None = Field(default=None, foreign_key="clinician.id")
    supervisor_id: int | None = Field(default=None, foreign_key="clinician.id")
    product: str = Field(default="", max_length=120)
    din_ndc: str = Field(default="", max_length=40)
    lot_number: str = Field(default="", max_length=40, index=True)
    lot_expiry: date | None = None
    """The lot of sessions charted before migration 0010 ("" since: each vial row has its lot);
    kept because their record digests cover it."""
    vial_units: int = 200
    """The vial size the saline (``diluent_ml``) is measured for."""
    vial_count: int = 1
    """Vials opened: the number of vial rows since migration 0010."""
    diluent: str = Field(default="", max_length=120)
    diluent_ml: Decimal = Field(default=Decimal(4), sa_column=Column(Hundredths, nullable=False))
    needle: str = Field(default="", max_length=60)
    consent: bool = False
    screen: dict[str, bool | None] = Field(default_factory=dict, sa_column=Column(JSON))
    omissions: dict[str, str] = Field(default_factory=dict, sa_column=Column(JSON))
    headache_days: int | None = None
    migraine_days: int | None = None
    acute_medication_days: int | None = None
    """Outcome figures recorded at this visit over their counting window (issue 12): days with
    headache, migraine and acute medication, and the days of the window with diary data."""
    outcome_window_days: int | None = None
    """Length of the counting window; None on sessions recorded before windows were stored (their
    form asked about the last 30 days: docs/clinical-reference.md §8)."""
    outcome_window_end: date | None = None
    diary_days: int | None = None
    midas_total: int | None = None
    """The MIDAS total the patient's form gives (0-270); the questionnaire itself is not stored."""
    hit6_total: int | None = None
    """The HIT-6 total (36-78)."""
    adverse_events: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    adverse_event_other: str = ""
    tolerance: str = ""
    aftercare: str = ""
    notes: str = ""
    acknowledged: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    """Warnings the signer acknowledged (Finding.key)."""
    status: str = Field(default=Status.DRAFT.value, max_length=10, index=True)
    signed_by_id: int | None = Field(default=None, foreign_key="clinician.id")
    signed_at: datetime | None = None
    version: int = 1
    """Bumped by every save: a second workstation's stale save is a conflict, not an overwrite."""
    record_digest: str | None = Field(default=None, max_length=64)
    """SHA-256 of everything the signed record says (store.chain), set by signing; its first
    characters are the fingerprint printed on every page of the note."""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class InjectionRow(SQLModel, table=True):
    __tablename__ = "injection"
    __table_args__ = AUTOINCREMENT

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="treatment_session.id", index=True)
    position: int
    """Order in the chart (protocol order, then extra sites as added)."""
    key: str = Field(max_length=20)
    kind: str = Field(max_length=20)
    site_code: str | None = Field(default=None, max_length=20)
    label: str = Field(max_length=120)
    muscle: str = Field(max_length=60)
    side: str = Field(max_length=10)
    view: str = Field(max_length=10)
    x: float
    y: float
    units: Decimal = Field(sa_column=Column(Tenths, nullable=False))


class VialRow(SQLModel, table=True):
    """A vial opened in a session (migration 0010): its lot, expiry, size and the units drawn.
    Final with its session once signed, like the injections."""

    __tablename__ = "vial"
    __table_args__ = AUTOINCREMENT

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="treatment_session.id", index=True)
    position: int
    """Order in the session (the order the vials were used)."""
    lot_number: str = Field(default="", max_length=40, index=True)
    lot_expiry: date | None = None
    units: int
    """The vial's size."""
    units_drawn: Decimal | None = Field(default=None, sa_column=Column(Tenths, nullable=True))
    """None when not recorded (sessions before migration 0010; chart.Chart.drawn)."""


class Addendum(SQLModel, table=True):
    """A correction or addition to a signed session: append-only, authored and time-stamped."""

    __table_args__ = AUTOINCREMENT

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="treatment_session.id", index=True)
    author_id: int = Field(foreign_key="clinician.id")
    created_at: datetime = Field(default_factory=utcnow)
    text: str
    digest: str | None = Field(default=None, max_length=64)
    """SHA-256 of the addendum (store.chain), linked into the audit chain by its event."""


class EligibilityAssessment(SQLModel, table=True):
    """The eligibility assessment at a patient's first treatment, or a later review (issue 12):
    the baseline period and what was tried before. Append-only: a review adds a new assessment
    (store.eligibility); the database refuses updates and deletes (migration 0008)."""

    __tablename__ = "eligibility_assessment"
    __table_args__ = AUTOINCREMENT

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int | None = Field(
        default=None, foreign_key="patient.id", index=True, nullable=False
    )
    """Set by store.eligibility.record, like the author and the time."""
    assessed_at: datetime = Field(default_factory=utcnow)
    assessed_by: int | None = Field(default=None, foreign_key="clinician.id", nullable=False)
    baseline_start: date
    baseline_end: date
    headache_days_per_month: Decimal = Field(sa_column=Column(Tenths, nullable=False))
    """Per month of 30 days over the baseline period (docs/clinical-reference.md §8)."""
    migraine_days_per_month: Decimal | None = Field(
        default=None, sa_column=Column(Tenths, nullable=True)
    )
    months_chronic: int | None = None
    """Months with chronic migraine (15 or more headache days a month)."""
    hours_per_day: Decimal | None = Field(default=None, sa_column=Column(Tenths, nullable=True))
    medication_overuse_addressed: bool | None = None
    referral_on_file: bool | None = None
    notes: str = ""


class PreventiveTreatment(SQLModel, table=True):
    """A preventive treatment tried before, as listed by one eligibility assessment
    (append-only, like its assessment)."""

    __tablename__ = "preventive_treatment"
    __table_args__ = AUTOINCREMENT

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int | None = Field(
        default=None, foreign_key="eligibility_assessment.id", index=True, nullable=False
    )
    """Set by store.eligibility.record, like the position."""
    position: int = 0
    """Order in the assessment's list."""
    name: str = Field(max_length=120)
    drug_class: str = Field(max_length=40)
    """One of botox_chart.eligibility.PREVENTIVE_CLASSES."""
    dose: str = Field(default="", max_length=120)
    duration: str = Field(default="", max_length=120)
    why_stopped: str = Field(default="", max_length=500)


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    __table_args__ = AUTOINCREMENT

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    clinician_id: int | None = Field(default=None, foreign_key="clinician.id")
    action: str = Field(max_length=30)
    patient_id: int | None = Field(default=None, index=True)
    session_id: int | None = Field(default=None, index=True)
    changes: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    """Field names changed and, for non-identifying fields, their old and new values."""
    prev_digest: str | None = Field(default=None, max_length=64)
    """The digest of the event before this one: rewriting or removing any past event breaks every
    later link (store.chain)."""
    digest: str | None = Field(default=None, max_length=64)
    """SHA-256 of this event's content and ``prev_digest``."""


class AuditChain(SQLModel, table=True):
    """The head of the audit chain, one row. Appending updates it first, so appends from several
    workstations take turns (a row lock on PostgreSQL, the write lock on SQLite) and never fork."""

    __tablename__ = "audit_chain"

    id: int = Field(default=1, primary_key=True)
    events: int = 0
    head: str = Field(max_length=64)


class DatabaseIdentity(SQLModel, table=True):
    """One row naming this database; a restore gives it a new one, so a window opened on the
    database before cannot write into what replaced it (store.identity)."""

    __tablename__ = "database_identity"

    id: int = Field(default=1, primary_key=True)
    uid: str = Field(max_length=32)
    created_at: datetime = Field(default_factory=utcnow)


class Setting(SQLModel, table=True):
    """Clinic settings (name, address, billing codes), one JSON value per key."""

    key: str = Field(primary_key=True, max_length=60)
    value: Any = Field(default=None, sa_column=Column(JSON))


class SignInThrottle(SQLModel, table=True):
    """Failed sign-ins in a row for one user name (store.throttle), kept in the database so every
    workstation and the command line count them together. A successful sign-in or an
    administrator's unlock deletes the row; a user name nobody has is counted like any other."""

    __tablename__ = "sign_in_throttle"

    username: str = Field(primary_key=True, max_length=60)
    """The user name as it is looked up (trimmed, lower case, unsafe characters escaped)."""
    failures: int = 0
    last_failure_at: datetime = Field(default_factory=utcnow)
    locked_until: datetime | None = None
