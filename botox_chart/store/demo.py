"""Synthetic patients, clinicians and signed sessions, for trying the app, screenshots, benchmarks.

Realistic on purpose: schedules relative to ``today`` as a clinic has them (:data:`SCHEDULES`:
some patients due this week, some overdue, some referred and not yet treated, some not due yet),
past sessions 12–14 weeks apart and none in the future, patient-specific tailoring
(follow-the-pain sites, lateral frontalis omitted for brow ptosis, other dilutions), lots that
change every few months, the occasional adverse event, and for every treated patient an
eligibility assessment and a course of outcomes of one of the kinds a clinic sees
(:data:`COURSES`: responders, partial responders, non-responders, patients who became episodic,
and figures left unrecorded). Rows go in with bulk inserts and explicit ids, so 10,000 patients
with ~40,000 sessions take seconds, not minutes.
"""

from __future__ import annotations

import dataclasses
import math
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, col, func, select

from botox_chart import protocol as protocols
from botox_chart.chart import (
    CONTRAINDICATIONS,
    NEEDLE,
    PRODUCT,
    RETREATMENT_DAYS,
    Chart,
    Dilution,
    Vial,
)
from botox_chart.i18n import _
from botox_chart.protocol import Point, Side
from botox_chart.store import audit, chain, clinicians, eligibility, records, roles, settings
from botox_chart.store.engine import StorageError, describe
from botox_chart.store.models import (
    Clinician,
    EligibilityAssessment,
    InjectionRow,
    Patient,
    PreventiveTreatment,
    Role,
    Status,
    TreatmentSession,
    VialRow,
)
from botox_chart.store.patients import search_key

CLEAR = 28.0
"""Diagram units between a demo follow-the-pain site and any template site (markers are ~26)."""

BATCH = 500
"""Patients per transaction: progress is reported and memory stays flat."""

GIVEN = (
    "Marie Jean Olivia Liam Noah Emma Chloé Zoë Mateo Amir Priya Wei Yuki Aisha Fatima Lucas "
    "Élodie François Łukasz Søren Ingrid Björn José María Sofía Ananya Arjun Mei Hiroshi Kwame "
    "Amara Olumide Siobhán Niamh Dmitri Ярослава Nikos Eleni Thabo Ayesha Omar Leila Camille "
    "Gabriel Hannah Ethan Grace Isabelle Samuel"
).split()
FAMILY = (
    "Tremblay Gagnon Roy Côté Bouchard Gauthier Morin Lavoie Fortin Gagné Ouellet Pelletier "
    "Bélanger Lévesque Bergeron Leblanc Smith Brown Wilson MacDonald Taylor Campbell Anderson "
    "Nguyen Chen Wang Li Singh Patel Sharma Kim Park Tanaka Sato Okafor Mensah Haddad Khan "
    "Rossi Ferrari García Martínez Silva Santos Kowalski Nowak Müller Schmidt Øvergård Żółć "
    "Papadopoulos Ivanova O'Brien Murphy Dubois Lefèvre"
).split()
REFERRERS = (
    "Dr P. Lambert",
    "Dr S. Osei",
    "Dr H. Nakamura",
    "Dr R. Fournier",
    "Dr K. Walsh",
)
CLINICIANS = (
    ("Dr Ana Souza", "MD, FRCPC (Neurology)", Role.PHYSICIAN, "souza"),
    ("Dr Samuel Okoye", "MD, FRCPC (Neurology)", Role.PHYSICIAN, "okoye"),
    ("Claire Dubé", "RN, nurse injector", Role.INJECTOR, "dube"),
    ("Tomás Reyes", "NP", Role.INJECTOR, "reyes"),
    ("Jo Park", "Reception", Role.STAFF, "park"),
)
DEMO_PRODUCT_GTIN = "09506000134352"
"""DEMO ONLY: the example GTIN of the GS1 General Specifications, set as the demo clinic's
product so a scan can be tried (a carton's code with this GTIN is accepted, any other refused).
Not Botox's GTIN: a clinic lists its own cartons' GTINs in Clinic settings."""
DEMO_PASSWORD = "demo-password"
"""Every demo clinician's password (demo databases only; README and demo-data say so)."""
ADVERSE = (
    ("Neck pain", 0.06),
    ("Injection-site pain", 0.05),
    ("Headache or migraine flare", 0.04),
    ("Neck stiffness", 0.03),
    ("Bruising/bleeding", 0.03),
    ("Eyebrow ptosis/asymmetry", 0.01),
)


COURSES: dict[str, tuple[int, tuple[int, int], tuple[float, float]]] = {
    # course: (weight, baseline headache days a month, share of them left from the third visit)
    "responder": (35, (24, 30), (0.38, 0.5)),  # 50% fewer or better
    "partial": (20, (20, 28), (0.55, 0.68)),  # 32-45% fewer
    "non_responder": (15, (16, 28), (0.85, 1.0)),  # under 15% fewer
    "episodic": (15, (15, 19), (0.3, 0.5)),  # fewer than 15 a month from the second visit on
    "missing": (15, (15, 28), (0.5, 0.8)),  # the third visit's figures were not recorded
}
"""The kinds of course demo patients follow (docs/clinical-reference.md §8: NICE judges the
figure at the third visit, the outcome of two cycles, against baseline)."""
FIRST_COURSES = tuple(COURSES)
"""The first treated patients' courses, so that a small demo shows each kind."""
PREVENTIVES = (
    ("Amitriptyline", "antidepressant", "10-50 mg nightly", "drowsiness, dry mouth"),
    ("Nortriptyline", "antidepressant", "25 mg nightly", "no benefit after 3 months"),
    ("Topiramate", "anticonvulsant", "50 mg twice daily", "word-finding difficulty"),
    ("Sodium valproate", "anticonvulsant", "500 mg twice daily", "weight gain"),
    ("Propranolol", "beta-blocker/antihypertensive", "80 mg daily", "fatigue, no benefit"),
    ("Candesartan", "beta-blocker/antihypertensive", "16 mg daily", "dizziness"),
    ("Erenumab", "CGRP antibody", "70 mg monthly", "not funded"),
    ("Melatonin", "other", "3 mg nightly", "no benefit"),
)
"""Preventive treatments tried before (name, class, dose, why stopped)."""

SCHEDULES: dict[str, tuple[int, tuple[int, int] | None]] = {
    # schedule: (weight, days since the last session, lowest and highest; None: no session yet)
    "due": (15, (RETREATMENT_DAYS, RETREATMENT_DAYS + 6)),  # due this week
    "overdue": (15, (RETREATMENT_DAYS + 7, 200)),
    "new": (10, None),  # referred, not treated yet
    "soon": (15, (70, RETREATMENT_DAYS - 1)),  # due within two weeks
    "not_due": (45, (7, 69)),  # treated recently
}
"""How long ago each patient was last treated. Retreatment is every 12 weeks
(chart.RETREATMENT_DAYS; sooner draws the early-retreatment warning)."""
FIRST_SCHEDULES = ("due", "overdue", "new", "not_due")
"""The first patients' schedules, so that even a demo of four patients shows each kind."""
INTERVAL_DAYS = (RETREATMENT_DAYS, RETREATMENT_DAYS + 14)
"""Days between two of a patient's sessions: never before 12 weeks, up to two weeks late."""


@dataclass(frozen=True)
class DemoResult:
    patients: int
    sessions: int
    clinicians: int


def is_empty(db: Session) -> bool:
    """No patient and no clinician yet: the only kind of database demo data goes into."""
    patients = db.exec(select(func.count(col(Patient.id)))).one()
    people = db.exec(select(func.count(col(Clinician.id)))).one()
    return not patients and not people


def generate(
    engine: Engine,
    *,
    patients: int,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> DemoResult:
    """Add ``patients`` synthetic patients with signed sessions (and demo clinicians)."""
    if not roles.may_move_id_sequences(engine):  # _sync_sequences, after rows with their own ids
        raise StorageError(
            _(
                "demo-data runs as the owner of {database} (--db OWNER_URL): it moves the id "
                "sequences, which the app role may not. Nothing was added."
            ).format(database=describe(engine))
        )
    rng = random.Random(seed)
    today = today or date.today()
    protocol = protocols.load_named()
    with Session(engine) as db:
        clinician_ids = _clinicians(db)
        db.commit()
        clinic = settings.load(db)
        if not clinic.product_gtins:
            product = dataclasses.replace(clinic, product_gtins=DEMO_PRODUCT_GTIN)
            settings.save(db, settings=product, clinician_id=clinician_ids[0])
    injector_ids = clinician_ids[:4]
    lots = _lots(rng, today)
    ids = _next_ids(engine)
    sessions_added = 0
    for start in range(0, patients, BATCH):
        batch = min(BATCH, patients - start)
        rows = _Rows()
        for n in range(start, start + batch):
            rows.patient(ids, n, rng, today)
            days = session_days(rng, n, today)
            sessions_added += _sessions(rows, ids, rng, protocol, today, days, lots, injector_ids)
        with engine.begin() as conn:
            rows.insert(conn)
            if start // BATCH in _ANALYZED_AFTER:
                _analyze(conn)
        if progress:
            progress(start + batch)
    with engine.begin() as conn:
        _sync_sequences(conn)
        _analyze(conn)
    with Session(engine) as db:
        audit.record(db, action="demo_data", changes={"patients": patients, "seed": seed})
        db.commit()
    return DemoResult(patients=patients, sessions=sessions_added, clinicians=len(clinician_ids))


def _clinicians(db: Session) -> list[int]:
    """The demo clinicians: souza, the administrator, first (on a new database nobody could
    sign in to add her), then the others added by her."""
    ids = []
    admin_id: int | None = None
    for name, credentials, role, username in CLINICIANS:
        found = db.exec(select(Clinician).where(Clinician.username == username)).first()
        if found is None:
            found = clinicians.add(
                db,
                name=name,
                credentials=credentials,
                role=role,
                username=username,
                password=DEMO_PASSWORD,
                is_admin=username == "souza",
                by=admin_id,
            )
        assert found.id is not None
        if found.is_admin and admin_id is None:
            admin_id = found.id
        ids.append(found.id)
    return ids


def sign_in_help() -> str:
    """How to sign in as the demo clinicians."""
    who = ", ".join(f"{username} ({_(role.value)})" for *_name, role, username in CLINICIANS)
    return _("Sign in as {who}; password {password}. souza is the administrator.").format(
        who=who, password=repr(DEMO_PASSWORD)
    )


def _lots(rng: random.Random, today: date) -> list[tuple[date, str, date]]:
    """(in use from, lot number, expiry): a new lot roughly every two months, back six years."""
    lots = []
    day = today - timedelta(days=6 * 365)
    while day <= today:
        number = f"C{rng.randint(1000, 9999)}C{rng.randint(2, 4)}"
        lots.append((day, number, day + timedelta(days=rng.randint(300, 720))))
        day += timedelta(days=rng.randint(45, 75))
    return lots


@dataclass
class _Ids:
    patient: int
    session: int
    injection: int
    assessment: int
    treatment: int
    treated: int = 0
    """Treated patients so far: the first ones follow each course of FIRST_COURSES in turn."""


def _next_ids(engine: Engine) -> _Ids:
    with engine.connect() as conn:

        def next_id(table: type[Any]) -> int:
            return int(conn.execute(sa.select(func.coalesce(func.max(table.id), 0))).scalar_one())

        return _Ids(
            patient=next_id(Patient) + 1,
            session=next_id(TreatmentSession) + 1,
            injection=next_id(InjectionRow) + 1,
            assessment=next_id(EligibilityAssessment) + 1,
            treatment=next_id(PreventiveTreatment) + 1,
        )


AREA_CODES = ("416", "514", "613", "604", "403")
"""Five Canadian area codes for the demo's phone numbers."""


class _Rows:
    """One batch of rows, inserted with executemany (no ORM objects: 1.3 M injections for 10k)."""

    def __init__(self) -> None:
        self.patients: list[dict[str, Any]] = []
        self.sessions: list[dict[str, Any]] = []
        self.injections: list[tuple[Any, ...]] = []
        self.vials: list[dict[str, Any]] = []
        self.assessments: list[dict[str, Any]] = []
        self.treatments: list[dict[str, Any]] = []

    def patient(self, ids: _Ids, n: int, rng: random.Random, today: date) -> None:
        born = date(rng.randint(1948, 2004), rng.randint(1, 12), rng.randint(1, 28))
        family, given, chart_number = rng.choice(FAMILY), rng.choice(GIVEN), f"D{ids.patient:06d}"
        self.patients.append(
            {
                "id": ids.patient,
                "family_name": family,
                "given_names": given,
                "date_of_birth": born,
                "chart_number": chart_number,
                "search_key": search_key(family, given, chart_number, born),
                "health_card": f"{rng.randint(1000, 9999)} {rng.randint(100, 999)} "
                f"{rng.randint(100, 999)}",
                "referring_physician": rng.choice(REFERRERS),
                "referral_date": None,
                # Fictional numbers (555-0100 to 555-0199) and the reserved example.com, from the
                # patient's id: no draw from ``rng``, so the rest of the demo stays as it was.
                "phone": f"{AREA_CODES[ids.patient % 5]}-555-01{ids.patient % 100:02d}",
                "email": f"patient{ids.patient}@example.com" if ids.patient % 3 else "",
                "allergies": rng.choice(("", "", "", "Penicillin", "Latex", "Sulfa")),
                "created_at": _utc(today - timedelta(days=2200)),
            }
        )
        ids.patient += 1

    def assessment(
        self,
        ids: _Ids,
        rng: random.Random,
        patient_id: int,
        first_visit: date,
        clinician_id: int,
        headache: int,
    ) -> int:
        """The eligibility assessment at the first treatment, over the month before it; returns
        its headache days a month."""
        end = first_visit - timedelta(days=rng.randint(1, 10))
        self.assessments.append(
            {
                "id": ids.assessment,
                "patient_id": patient_id,
                "assessed_at": datetime.combine(first_visit, time(9), tzinfo=UTC),
                "assessed_by": clinician_id,
                "baseline_start": end - timedelta(days=29),
                "baseline_end": end,
                "headache_days_per_month": Decimal(headache),
                "migraine_days_per_month": Decimal(rng.randint(8, headache)),
                "months_chronic": rng.randint(4, 120),
                "hours_per_day": Decimal(rng.randint(40, 180)) / 10,
                "medication_overuse_addressed": rng.choice((True, True, True, False, None)),
                "referral_on_file": rng.choice((True, True, True, True, None)),
                "notes": "",
            }
        )
        for position, (name, drug_class, dose, why) in enumerate(
            rng.sample(PREVENTIVES, k=rng.randint(2, 4))
        ):
            self.treatments.append(
                {
                    "id": ids.treatment,
                    "assessment_id": ids.assessment,
                    "position": position,
                    "name": name,
                    "drug_class": drug_class,
                    "dose": dose,
                    "duration": f"{rng.randint(2, 12)} months",
                    "why_stopped": why,
                }
            )
            ids.treatment += 1
        ids.assessment += 1
        return headache

    def insert(self, conn: Connection) -> None:
        conn.execute(sa.insert(Patient.__table__), self.patients)  # type: ignore[attr-defined]
        # Sessions go in as drafts and are signed after their injections, as in the app: the
        # database refuses injections for a session that is already signed. Each is signed with
        # its digest, and a signing event in the audit chain, so demo data verifies like real.
        drafts = [{**row, "status": Status.DRAFT.value} for row in self.sessions]
        conn.execute(sa.insert(TreatmentSession.__table__), drafts)  # type: ignore[attr-defined]
        _insert_injections(conn, self.injections)
        conn.execute(sa.insert(_VIALS), self.vials)
        digests = self._digests(conn)
        conn.execute(
            sa.update(TreatmentSession)
            .where(col(TreatmentSession.id) == sa.bindparam("sid"))
            .values(status=Status.SIGNED.value, record_digest=sa.bindparam("digest")),
            [{"sid": row["id"], "digest": digests[row["id"]].record} for row in self.sessions],
        )
        audit.append(
            conn,
            [
                {
                    "action": "sign",
                    "at": row["signed_at"],
                    "clinician_id": row["signed_by_id"],
                    "patient_id": row["patient_id"],
                    "session_id": row["id"],
                    "changes": {"acknowledged": [], **digests[row["id"]].as_changes()},
                }
                for row in self.sessions
            ],
        )
        self._insert_assessments(conn)

    def _insert_assessments(self, conn: Connection) -> None:
        """The eligibility assessments and their treatments, each audited with its digest as
        store.eligibility.record does."""
        if not self.assessments:
            return
        conn.execute(sa.insert(_ASSESSMENTS), self.assessments)
        conn.execute(sa.insert(_TREATMENTS), self.treatments)
        listed: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in self.treatments:
            listed[row["assessment_id"]].append(row)
        audit.append(
            conn,
            [
                {
                    "action": eligibility.ACTION,
                    "at": row["assessed_at"],
                    "clinician_id": row["assessed_by"],
                    "patient_id": row["patient_id"],
                    "changes": {
                        "assessment_id": row["id"],
                        "eligibility_digest": chain.eligibility_digest(row, listed[row["id"]]),
                    },
                }
                for row in self.assessments
            ],
        )

    def _digests(self, conn: Connection) -> dict[int, chain.RecordDigest]:
        injections: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for values in self.injections:
            row = dict(zip(INJECTION_COLUMNS, values, strict=True))
            row["units"] = Decimal(row["units"]) / 10
            injections[row["session_id"]].append(row)
        vials: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for vial in self.vials:
            vials[vial["session_id"]].append(vial)
        patients = {row["id"]: row for row in self.patients}
        people = records.people(conn, self.sessions)  # names at signing, as the app signs
        return {
            row["id"]: chain.record_digest(
                row, injections[row["id"]], patients[row["patient_id"]], names, vials[row["id"]]
            )
            for row, names in zip(self.sessions, people, strict=True)
        }


_ASSESSMENTS = EligibilityAssessment.__table__  # type: ignore[attr-defined]
_VIALS = VialRow.__table__  # type: ignore[attr-defined]
_TREATMENTS = PreventiveTreatment.__table__  # type: ignore[attr-defined]

INJECTION_COLUMNS = (
    "id",
    "session_id",
    "position",
    "key",
    "kind",
    "site_code",
    "label",
    "muscle",
    "side",
    "view",
    "x",
    "y",
    "units",
)


def _insert_injections(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    """1.4 M rows for 10k patients: straight to the driver (COPY on PostgreSQL), units in tenths."""
    columns = ", ".join(INJECTION_COLUMNS)
    if conn.dialect.name == "postgresql":
        cursor = conn.connection.cursor()
        with cursor.copy(f"COPY injection ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.close()
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    marks = ", ".join([mark] * len(INJECTION_COLUMNS))
    conn.exec_driver_sql(f"INSERT INTO injection ({columns}) VALUES ({marks})", rows)


def session_days(rng: random.Random, n: int, today: date) -> list[date]:
    """The dates of the ``n``-th demo patient's sessions, oldest first (none: a new referral)."""
    if n < len(FIRST_SCHEDULES):
        schedule = FIRST_SCHEDULES[n]
    else:
        (schedule,) = rng.choices(list(SCHEDULES), weights=[w for w, _ in SCHEDULES.values()])
    since = SCHEDULES[schedule][1]
    if since is None:
        return []
    count = rng.choices((1, 2, 3, 4, 5, 6, 7), weights=(6, 10, 14, 20, 20, 16, 14))[0]
    days = [today - timedelta(days=rng.randint(*since))]
    for _day in range(count - 1):
        days.append(days[-1] - timedelta(days=rng.randint(*INTERVAL_DAYS)))
    days.reverse()
    return days


def _sessions(
    rows: _Rows,
    ids: _Ids,
    rng: random.Random,
    protocol: protocols.Protocol,
    today: date,
    days: list[date],
    lots: list[tuple[date, str, date]],
    injector_ids: list[int],
) -> int:
    patient = rows.patients[-1]
    if not days:  # referred recently, first session still to come
        added = today - timedelta(days=rng.randint(1, 45))
        patient["created_at"] = _utc(added)
        patient["referral_date"] = added - timedelta(days=rng.randint(3, 14))
        return 0
    pattern = _pattern(rng, protocol)
    injector = rng.choice(injector_ids)
    patient["referral_date"] = days[0] - timedelta(days=rng.randint(30, 120))
    course = _course(rng, ids)
    baseline = rows.assessment(ids, rng, patient["id"], days[0], injector, course.baseline)
    for visit, day in enumerate(days):
        chart = Chart(protocol=protocol, date_of_service=day)
        pattern(chart)
        chart.vials = _vials(rng, chart, lots, day)
        since = (day - days[visit - 1]).days if visit else None
        figures = course.figures(rng, visit, baseline, since)
        events = [name for name, p in ADVERSE if rng.random() < p]
        signed = datetime.combine(day, time(rng.randint(9, 16), rng.randint(0, 59)), tzinfo=UTC)
        rows.sessions.append(
            {
                "id": ids.session,
                "patient_id": patient["id"],
                "protocol_code": protocol.code,
                "date_of_service": day,
                "diagnosis_code": chart.diagnosis_code,
                "injector_id": injector,
                "supervisor_id": None,
                "product": PRODUCT,
                "din_ndc": "02243721",
                "lot_number": "",
                "lot_expiry": None,
                "vial_units": chart.dilution.vial_units,
                "vial_count": len(chart.vials),
                "diluent": "0.9% sodium chloride, preservative-free",
                "diluent_ml": chart.dilution.diluent_ml,
                "needle": NEEDLE,
                "consent": True,
                "screen": dict.fromkeys(CONTRAINDICATIONS, False),
                "omissions": dict(chart.omissions),
                **figures,
                "outcome_window_end": day,
                "adverse_events": events,
                "adverse_event_other": "",
                "tolerance": "Tolerated well" if not events else "Tolerated; see adverse events",
                "aftercare": "Usual aftercare advice given.",
                "notes": "",
                "acknowledged": [],
                "status": Status.SIGNED.value,
                "signed_by_id": injector,
                "signed_at": signed,
                "version": 2,
                "created_at": signed - timedelta(minutes=20),
                "updated_at": signed,
            }
        )
        rows.vials.extend(
            {
                "session_id": ids.session,
                "position": position,
                "lot_number": vial.lot_number,
                "lot_expiry": vial.lot_expiry,
                "units": vial.units,
                "units_drawn": vial.drawn,
            }
            for position, vial in enumerate(chart.vials)
        )
        for position, injection in enumerate(chart.injections):
            rows.injections.append(
                (
                    ids.injection,
                    ids.session,
                    position,
                    injection.key,
                    injection.kind.value,
                    injection.site_code,
                    injection.label,
                    injection.muscle,
                    injection.side,
                    injection.point.view,
                    injection.point.x,
                    injection.point.y,
                    int(injection.units * 10),
                )
            )
            ids.injection += 1
        ids.session += 1
    return len(days)


@dataclass(frozen=True)
class _Course:
    """One patient's course (:data:`COURSES`) and how they report it."""

    kind: str
    baseline: int
    """Headache days a month before treatment."""
    left: float
    """The share of them left from the third visit on."""
    diary: bool
    """Keeps a 28-day diary (else says how many days in the last 30)."""
    midas: bool
    hit6: bool

    def figures(
        self, rng: random.Random, visit: int, baseline: int, since: int | None
    ) -> dict[str, Any]:
        """The outcome columns recorded at the ``visit``-th visit (0: the first treatment, whose
        figures are those of the month before it; ``since``: days since the visit before).
        A patient who became episodic brings a diary of every day since the last visit, so the
        records show the 3 months the episodic rule needs (docs/clinical-reference.md §8)."""
        if visit == 0:
            share = 1.0
        elif visit == 1 and self.kind != "episodic":
            share = (1 + self.left) / 2  # on the way
        else:
            share = self.left
        month = baseline * share + rng.uniform(-1, 1)
        if self.kind == "episodic" and visit >= 1:
            month = min(month, 14)  # fewer than 15 a month, visit after visit
        window = 28 if self.diary else 30
        if self.kind == "episodic" and visit >= 1 and since is not None:
            window = min(since, 366)
        headache = max(0, min(window, round(month * window / 30)))
        migraine: int | None = max(0, headache - rng.randint(1, 6))
        if rng.random() < 0.05:
            migraine = None  # not asked that day
        values: dict[str, Any] = {
            "headache_days": headache,
            "migraine_days": migraine,
            "acute_medication_days": round(headache * rng.uniform(0.3, 0.8)),
            "outcome_window_days": window,
            "diary_days": rng.randint(window - 8, window) if self.diary or window > 30 else None,
            "midas_total": min(270, round(headache * rng.uniform(1.5, 4))) if self.midas else None,
            "hit6_total": max(36, min(78, 46 + headache + rng.randint(-3, 3)))
            if self.hit6
            else None,
        }
        if self.kind == "missing" and visit == 2:
            for name in ("headache_days", "migraine_days", "acute_medication_days"):
                values[name] = None
        return values


def _course(rng: random.Random, ids: _Ids) -> _Course:
    if ids.treated < len(FIRST_COURSES):
        kind = FIRST_COURSES[ids.treated]
    else:
        (kind,) = rng.choices(list(COURSES), weights=[w for w, _b, _l in COURSES.values()])
    ids.treated += 1
    _weight, baseline, left = COURSES[kind]
    return _Course(
        kind=kind,
        baseline=rng.randint(*baseline),
        left=rng.uniform(*left),
        diary=rng.random() < 0.3,
        midas=rng.random() < 0.4,
        hit6=rng.random() < 0.4,
    )


def _pattern(rng: random.Random, protocol: protocols.Protocol) -> Callable[[Chart], None]:
    """A patient's own tailoring, repeated at each visit (as "repeat last session" does)."""
    ftp: list[tuple[str, Side]] = []
    if rng.random() < 0.45:
        for muscle in rng.sample(("temporalis", "occipitalis", "trapezius"), k=rng.randint(1, 2)):
            ftp.append((muscle, rng.choice(("left", "right"))))
    omit_frontalis = rng.random() < 0.06
    high_dilution = rng.random() < 0.25

    def apply(chart: Chart) -> None:
        chart.apply_protocol()
        if high_dilution:
            chart.dilution = Dilution(vial_units=100, diluent_ml=Decimal(2))
            chart.vials = [Vial(units=100), Vial(units=100)]
        if omit_frontalis:
            chart.omit("FRO-R2", "brow ptosis")
            chart.omit("FRO-L2", "brow ptosis")
        for muscle, side in ftp:
            region = _region(protocol, muscle, side)
            if region is not None:
                chart.add_follow_the_pain(muscle, side, region)

    return apply


def _vials(
    rng: random.Random, chart: Chart, lots: list[tuple[date, str, date]], day: date
) -> list[Vial]:
    """The vials of a demo session, of the lot in use that day; a session of two vials now and
    then finishes the previous lot's last vial first (so recalls find sessions with two lots),
    and records the units drawn from each."""
    in_use = [lot for lot in lots if lot[0] <= day] or lots[:1]
    _since, number, expiry = in_use[-1]
    if len(chart.vials) == 1:
        return [Vial(number, expiry, chart.vials[0].units)]
    first = (number, expiry)
    if len(in_use) > 1 and in_use[-2][2] >= day and rng.random() < 0.3:
        first = in_use[-2][1:]
    drawn = chart.drawn()
    return [
        Vial(lot, until, vial.units, units)
        for (lot, until), vial, units in zip(
            [first] + [(number, expiry)] * (len(chart.vials) - 1), chart.vials, drawn, strict=True
        )
    ]


@cache  # a grid search: once per muscle and side, not once per session
def _region(protocol: protocols.Protocol, muscle: str, side: Side) -> Point | None:
    """A point in the muscle's region, as near its own sites as a marker's width allows.

    A follow-the-pain site is where it hurts among the standard sites, and its marker must not
    cover one of theirs on the diagram or the note.
    """
    for region in protocol.regions:
        if region.muscle != muscle or region.side != side:
            continue
        sites = [p for s in protocol.sites for p in s.positions if p.view == region.view]
        xs = [x for x, _ in region.points]
        ys = [y for _, y in region.points]
        inside = [
            Point(region.view, float(x), float(y))
            for x in range(int(min(xs)), int(max(xs)) + 1, 2)
            for y in range(int(min(ys)), int(max(ys)) + 1, 2)
            if region.contains(x, y)
        ]
        own = [p for s in protocol.sites_of(muscle) if s.side == side for p in s.positions]
        cx = sum(p.x for p in own) / len(own)
        cy = sum(p.y for p in own) / len(own)
        clear = [
            p for p in inside if min(math.dist((p.x, p.y), (q.x, q.y)) for q in sites) >= CLEAR
        ]
        if clear:
            return min(clear, key=lambda p: math.dist((p.x, p.y), (cx, cy)))
    return None


_ANALYZED_AFTER = frozenset(2**k - 1 for k in range(20))
"""Batches (0, 1, 3, 7, ...) after which PostgreSQL's statistics are refreshed: every time the
tables have doubled, so its planner never works from sizes more than twice too small."""
_LOADED = (
    "patient",
    "treatment_session",
    "injection",
    "vial",
    "audit_event",
    "eligibility_assessment",
    "preventive_treatment",
)


def _analyze(conn: Connection) -> None:
    """PostgreSQL: refresh the planner's statistics of the tables demo data fills.

    The check that no injection or vial goes into a signed session (migration 0005) joins each
    batch's rows to the sessions. Planned from a new database's statistics (a few signed sessions)
    it compared every row with every signed session: 64,000 x 2,000 comparisons for the second
    batch, growing with every batch, most of demo-data's time. Bulk loads analyze as they grow,
    as autovacuum would have had the time to; the check itself is unchanged.
    """
    if conn.dialect.name != "postgresql":
        return
    conn.execute(sa.text(f"ANALYZE {', '.join(_LOADED)}"))


def _sync_sequences(conn: Connection) -> None:
    """PostgreSQL: move the id sequences past the explicit ids inserted above."""
    if conn.dialect.name != "postgresql":
        return
    for table in (
        "patient",
        "treatment_session",
        "injection",
        "eligibility_assessment",
        "preventive_treatment",
    ):
        conn.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
        )


def _utc(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)
