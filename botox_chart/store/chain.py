"""Digests that make signed records and the audit trail prove themselves.

Pure functions, no database: the same code computes a digest when a session is signed, when demo
data or a migration seals rows, and when ``botox-chart verify`` checks them later.

- A **record digest** covers everything a signed session says: its fields, its injections in
  chart order, the signer and the time, the names of the injector, signer and supervisor as they
  were at signing (``people``: the note prints these, not today's clinician rows), and the patient
  identity its note prints. It is kept in two parts, the content and the identity, so ``verify``
  can tell a rewritten record from a patient's details corrected through the app (an audited
  change).
- An **addendum digest** covers an addendum's session, author (id and name), time and text.
- An **eligibility digest** covers an eligibility assessment and the preventive treatments it
  lists; the event recording the assessment carries it.
- Every **audit event** carries the digest of its content together with the digest of the event
  before it (``prev``): changing or removing any past event breaks every later link. Signing and
  adding an addendum each append an event holding the record's or addendum's digest, so the chain
  vouches for them too.

The field lists are fixed (format 1), not read from the tables: a column added later must not
change the digest of a session signed before it. The outcome fields added by migration 0008
(:data:`OUTCOME_FIELDS`) are covered when they hold a value, so every session signed before them
(where they are all empty) keeps its digest, and setting or clearing one changes it. The vial rows
of migration 0010 (:data:`VIAL_FIELDS`) are covered when they say more than the session's own lot
columns: the rows 0010 made for a session signed before it say exactly those (its lot, expiry and
vial size, once per vial counted, units drawn not recorded), so its digest holds, while any other
vial rows, and every vial of a session charted since (whose lot columns are empty), are covered.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

Values = Mapping[Any, Any]
"""A row's values: a dict, or a row read back from the database."""

FORMAT = 1
GENESIS = "0" * 64
"""The ``prev`` of the first event."""

SESSION_FIELDS = (
    "id",
    "patient_id",
    "protocol_code",
    "date_of_service",
    "diagnosis_code",
    "product",
    "din_ndc",
    "lot_number",
    "lot_expiry",
    "vial_units",
    "vial_count",
    "diluent",
    "diluent_ml",
    "needle",
    "consent",
    "screen",
    "omissions",
    "headache_days",
    "migraine_days",
    "adverse_events",
    "adverse_event_other",
    "tolerance",
    "aftercare",
    "notes",
    "acknowledged",
    "injector_id",
    "supervisor_id",
    "signed_by_id",
    "signed_at",
)
"""Everything a signed session said before migration 0008, except its injections and the
patient's identity."""
OUTCOME_FIELDS = (
    "acute_medication_days",
    "outcome_window_days",
    "outcome_window_end",
    "diary_days",
    "midas_total",
    "hit6_total",
)
"""The outcome figures of migration 0008: part of the record's content when not empty."""
RECORD_FIELDS = SESSION_FIELDS + OUTCOME_FIELDS
"""Every column a record digest reads."""

INJECTION_FIELDS = (
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
VIAL_FIELDS = ("lot_number", "lot_expiry", "units", "units_drawn")
"""A vial row, in its session's order (its ``position``)."""
IDENTITY_FIELDS = (
    "family_name",
    "given_names",
    "date_of_birth",
    "chart_number",
    "health_card",
    "referring_physician",
    "referral_date",
    "allergies",
)
"""Everything the note and the treatment record print about the patient."""
PEOPLE = ("injector", "signer", "supervisor")
"""The names a signed note prints, snapshotted at signing: role → display name (or None)."""
ADDENDUM_FIELDS = ("session_id", "author_id", "created_at", "text")
"""Its id is not known before it is stored (and rows are append-only): the event that links the
addendum into the chain carries the id and the author's name beside this digest."""
ASSESSMENT_FIELDS = (
    "id",
    "patient_id",
    "assessed_at",
    "assessed_by",
    "baseline_start",
    "baseline_end",
    "headache_days_per_month",
    "migraine_days_per_month",
    "months_chronic",
    "hours_per_day",
    "medication_overuse_addressed",
    "referral_on_file",
    "notes",
)
"""Everything an eligibility assessment says, except the preventive treatments it lists."""
TREATMENT_FIELDS = ("position", "name", "drug_class", "dose", "duration", "why_stopped")
"""A preventive treatment tried, as an assessment lists it."""
EVENT_FIELDS = ("action", "at", "clinician_id", "patient_id", "session_id", "changes")


@dataclass(frozen=True)
class RecordDigest:
    content: str
    """The session's own fields and injections."""
    identity: str
    """The patient identity the note prints."""
    people: dict[str, str | None]
    """The names the note prints (:data:`PEOPLE`), as they were at signing; part of ``content``."""

    @property
    def record(self) -> str:
        """Both together: the session's digest, stored on the row and printed as its
        fingerprint."""
        return _sha256(f"{FORMAT}:{self.content}:{self.identity}")

    def as_changes(self) -> dict[str, Any]:
        """What the signing event carries (and the chain so vouches for)."""
        return {
            "format": FORMAT,
            "record_digest": self.record,
            "content_digest": self.content,
            "identity_digest": self.identity,
            "people": self.people,
        }


@dataclass(frozen=True)
class AddendumDigest:
    digest: str
    author: str
    """The author's name as it was when the addendum was added (the note prints it)."""

    def as_changes(self) -> dict[str, Any]:
        """What the event linking the addendum into the chain carries (beside its id)."""
        return {"addendum_digest": self.digest, "author": self.author}


def record_digest(
    session: Values,
    injections: Iterable[Values],
    patient: Values,
    people: Values | None,
    vials: Iterable[Values] | None,
) -> RecordDigest:
    """The digest of a signed session from its values (read from the database, or about to be
    written to it: both give the same digest), its vial rows (None before migration 0010 made
    them) and the names snapshotted at signing (``verify`` takes them from the event that vouches
    for the session)."""
    names = snapshot(people)
    content: dict[str, Any] = {
        "format": FORMAT,
        "session": canonical(_session_values(session)),
        "people": canonical(names),
        # One list per site in INJECTION_FIELDS order: a session holds 31-39 of them, and
        # ``verify`` digests every signed session, so they skip the general canonical walk.
        "injections": [
            [
                i["position"],
                i["key"],
                i["kind"],
                i["site_code"],
                i["label"],
                i["muscle"],
                i["side"],
                i["view"],
                repr(float(i["x"])),
                repr(float(i["y"])),
                _decimal(Decimal(i["units"])),
            ]
            for i in sorted(injections, key=lambda row: int(row["position"]))
        ],
    }
    said = None if vials is None else _vials_said(session, vials)
    if said is not None:
        content["vials"] = said
    return RecordDigest(
        content=_hash_json(content), identity=identity_digest(patient), people=names
    )


def snapshot(people: Values | None) -> dict[str, str | None]:
    """The :data:`PEOPLE` of a record, each a name or None (anything else read back from a
    changed event is kept as it is, so its digest differs)."""
    found = people if isinstance(people, Mapping) else {}
    return {role: found.get(role) for role in PEOPLE}


def identity_digest(patient: Values) -> str:
    """The digest of the identity a note prints; an audited correction of the patient's record
    carries the new one, so ``verify`` can tell it from a change made outside the app."""
    return digest_of({"format": FORMAT, "patient": _pick(patient, IDENTITY_FIELDS)})


def addendum_digest(addendum: Values, *, author: Any) -> str:
    """The digest of an addendum and its author's name (as it was when it was added)."""
    return digest_of(
        {"format": FORMAT, "addendum": _pick(addendum, ADDENDUM_FIELDS), "author": author}
    )


def eligibility_digest(assessment: Values, treatments: Iterable[Values]) -> str:
    """The digest of an eligibility assessment and its preventive treatments in list order; the
    event that records the assessment carries it, so the chain vouches for it."""
    listed = sorted(treatments, key=lambda row: int(row["position"]))
    return digest_of(
        {
            "format": FORMAT,
            "assessment": _pick(assessment, ASSESSMENT_FIELDS),
            "treatments": [_pick(t, TREATMENT_FIELDS) for t in listed],
        }
    )


def event_digest(event: Values, prev: str) -> str:
    """The digest of an audit event, linked to the one before it."""
    return digest_of({"format": FORMAT, "event": _pick(event, EVENT_FIELDS), "prev": prev})


def fingerprint(digest: str) -> str:
    """The short form printed on a note and shown in the window: ``3F2A 91BC 07DE``."""
    head = digest[:12].upper()
    return " ".join(head[n : n + 4] for n in range(0, len(head), 4))


def digest_of(document: Any) -> str:
    """SHA-256 of a canonical JSON text: sorted keys, no spaces, values normalised."""
    return _hash_json(canonical(document))


def _hash_json(document: Any) -> str:
    """SHA-256 of a document already in canonical form."""
    return _sha256(json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False))


def canonical(value: Any) -> Any:
    """A value as JSON-ready text or number, identical whether it came from Python or back from
    SQLite or PostgreSQL: times in UTC, decimals without trailing zeros, coordinates as floats."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Decimal):
        return _decimal(value)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    if hasattr(value, "value"):  # an Enum
        return canonical(value.value)
    raise TypeError(f"no canonical form for {type(value).__name__}")


def _decimal(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _session_values(session: Values) -> dict[str, Any]:
    """The session's :data:`SESSION_FIELDS`, and those of its :data:`OUTCOME_FIELDS` that hold a
    value (a session read before migration 0008 has none of them)."""
    values = _pick(session, SESSION_FIELDS)
    for name in OUTCOME_FIELDS:
        value = session.get(name)
        if value is not None:
            values[name] = value
    return values


def _vials_said(session: Values, vials: Iterable[Values]) -> list[Any] | None:
    """The session's vial rows in order, or None when they say only what its lot columns say
    (the rows migration 0010 made for a session charted before it)."""
    listed = [
        canonical(_pick(v, VIAL_FIELDS))
        for v in sorted(vials, key=lambda row: int(row["position"]))
    ]
    from_columns = canonical(
        {
            "lot_number": session["lot_number"],
            "lot_expiry": session["lot_expiry"],
            "units": session["vial_units"],
            "units_drawn": None,
        }
    )
    count = session["vial_count"]
    if isinstance(count, int) and listed == [from_columns] * count:
        return None
    return listed


def _pick(values: Values, fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: values[name] for name in fields}


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
