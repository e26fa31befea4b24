"""Synthetic patients, clinicians and signed sessions, for trying the app, screenshots, benchmarks.

Realistic on purpose: schedules relative to ``today`` as a clinic has them (:data:`SCHEDULES`:
some patients due this week, some overdue, some referred and not yet treated, some not due yet),
past sessions 12–14 weeks apart and none in the future, patient-specific tailoring
(follow-the-pain sites, lateral frontalis omitted for brow ptosis, other dilutions), lots that
change every few months, headache days that fall with treatment and the occasional adverse event.
Rows go in with bulk inserts and explicit ids, so 10,000 patients with ~40,000 sessions take
seconds, not minutes.
"""

from __future__ import annotations

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
)
from botox_chart.protocol import Point, Side
from botox_chart.store import audit, chain, clinicians, records, roles
from botox_chart.store.engine import StorageError, describe
from botox_chart.store.models import (
    Clinician,
    InjectionRow,
    Patient,
    Role,
    Status,
    TreatmentSession,
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
            f"demo-data runs as the owner of {describe(engine)} (--db OWNER_URL): it moves the id "
            f"sequences, which the app role may not. Nothing was added."
        )
    rng = random.Random(seed)
    today = today or date.today()
    protocol = protocols.load_named()
    with Session(engine) as db:
        clinician_ids = _clinicians(db)
        db.commit()
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
        if progress:
            progress(start + batch)
    with engine.begin() as conn:
        _sync_sequences(conn)
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
    who = ", ".join(f"{username} ({role.value})" for _, _, role, username in CLINICIANS)
    return f"Sign in as {who}; password {DEMO_PASSWORD!r}. souza is the administrator."


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


def _next_ids(engine: Engine) -> _Ids:
    with engine.connect() as conn:

        def next_id(table: type[Any]) -> int:
            return int(conn.execute(sa.select(func.coalesce(func.max(table.id), 0))).scalar_one())

        return _Ids(
            patient=next_id(Patient) + 1,
            session=next_id(TreatmentSession) + 1,
            injection=next_id(InjectionRow) + 1,
        )


class _Rows:
    """One batch of rows, inserted with executemany (no ORM objects: 1.3 M injections for 10k)."""

    def __init__(self) -> None:
        self.patients: list[dict[str, Any]] = []
        self.sessions: list[dict[str, Any]] = []
        self.injections: list[tuple[Any, ...]] = []

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
                "allergies": rng.choice(("", "", "", "Penicillin", "Latex", "Sulfa")),
                "created_at": _utc(today - timedelta(days=2200)),
            }
        )
        ids.patient += 1

    def insert(self, conn: Connection) -> None:
        conn.execute(sa.insert(Patient.__table__), self.patients)  # type: ignore[attr-defined]
        # Sessions go in as drafts and are signed after their injections, as in the app: the
        # database refuses injections for a session that is already signed. Each is signed with
        # its digest, and a signing event in the audit chain, so demo data verifies like real.
        drafts = [{**row, "status": Status.DRAFT.value} for row in self.sessions]
        conn.execute(sa.insert(TreatmentSession.__table__), drafts)  # type: ignore[attr-defined]
        _insert_injections(conn, self.injections)
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

    def _digests(self, conn: Connection) -> dict[int, chain.RecordDigest]:
        injections: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for values in self.injections:
            row = dict(zip(INJECTION_COLUMNS, values, strict=True))
            row["units"] = Decimal(row["units"]) / 10
            injections[row["session_id"]].append(row)
        patients = {row["id"]: row for row in self.patients}
        people = records.people(conn, self.sessions)  # names at signing, as the app signs
        return {
            row["id"]: chain.record_digest(
                row, injections[row["id"]], patients[row["patient_id"]], names
            )
            for row, names in zip(self.sessions, people, strict=True)
        }


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
    for _ in range(count - 1):
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
    baseline = rng.randint(15, 28)
    injector = rng.choice(injector_ids)
    patient["referral_date"] = days[0] - timedelta(days=rng.randint(30, 120))
    for visit, day in enumerate(days):
        chart = Chart(protocol=protocol, date_of_service=day)
        pattern(chart)
        lot = max((lot for lot in lots if lot[0] <= day), default=lots[0])
        headache = max(2, baseline - visit * rng.randint(1, 4) - rng.randint(0, 3))
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
                "lot_number": lot[1],
                "lot_expiry": lot[2],
                "vial_units": chart.dilution.vial_units,
                "vial_count": chart.dilution.vial_count,
                "diluent": "0.9% sodium chloride, preservative-free",
                "diluent_ml": chart.dilution.diluent_ml,
                "needle": NEEDLE,
                "consent": True,
                "screen": dict.fromkeys(CONTRAINDICATIONS, False),
                "omissions": dict(chart.omissions),
                "headache_days": headache,
                "migraine_days": max(1, headache - rng.randint(2, 6)),
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
            chart.dilution = Dilution(vial_units=100, vial_count=2, diluent_ml=Decimal(2))
        if omit_frontalis:
            chart.omit("FRO-R2", "brow ptosis")
            chart.omit("FRO-L2", "brow ptosis")
        for muscle, side in ftp:
            region = _region(protocol, muscle, side)
            if region is not None:
                chart.add_follow_the_pain(muscle, side, region)

    return apply


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


def _sync_sequences(conn: Connection) -> None:
    """PostgreSQL: move the id sequences past the explicit ids inserted above."""
    if conn.dialect.name != "postgresql":
        return
    for table in ("patient", "treatment_session", "injection"):
        conn.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
        )


def _utc(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)
