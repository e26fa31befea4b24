"""A patient's treatment as a FHIR R4 Bundle for a referring physician's or a hospital's EHR.

Pure Python: the store gathers the signed sessions as plain values (:class:`Export`; drafts never
leave the clinic) and :func:`bundle` turns them into a ``collection`` Bundle, a dict ready for
JSON (:func:`to_json`). docs/clinical-reference.md §13 says what the bundle holds:

- a ``Patient`` per patient; a ``Practitioner`` per clinician who signed an exported session;
- per signed session a ``Procedure`` (chemodenervation, status completed, performed by the signer,
  the reason its ICD-10-CM code, its muscles and sides as ``bodySite`` entries pointing at
  ``BodyStructure`` resources that carry the laterality, each adverse event recorded as a
  ``complication`` in words, the aftercare as ``followUp``, the tolerance and each addendum, its
  author and time as recorded, as a ``note``), one ``MedicationAdministration`` (the
  total dose in UCUM ``[USP'U]``, intramuscular, the sites in words, the lots it used) and an
  ``Observation`` for each of its headache-day and migraine-day figures over their window;
- a ``Medication`` per lot, expiry and product, where R4 keeps the lot number and expiry
  (``batch``): one lot charted with two expiries is two Medications, never one silently merged.

Every resource has a ``urn:uuid`` full URL, made with uuid5 from the database ids (a session,
a patient, a clinician) or the lot, expiry and product, so exporting again gives the same ids,
and every reference points inside the bundle. The codes, each with its source, are data:
``resources/fhir/codes.toml`` (:func:`load_codes`); a concept without a checked code is text.
"""

from __future__ import annotations

import json
import tomllib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from botox_chart import paths
from botox_chart.chart import DIAGNOSES, Chart, lot_key
from botox_chart.outcomes import CycleOutcome, counting_window

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:botox-chart:fhir")
"""The namespace of every id the export makes (uuid5 of "patient/12", "session/40/procedure"...)."""
BODY_SITE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/bodySite"
"""R4's "BodyStructure Reference" extension: a bodySite concept pointing at a BodyStructure."""
OUTCOMES = ("headache_days", "migraine_days")
"""The outcome figures exported as Observations (docs/clinical-reference.md §8)."""


class FhirCodesError(ValueError):
    """The codes file is unreadable or lacks a field; the message names the file and the field."""


# --- what the store hands over -------------------------------------------------------------------


@dataclass(frozen=True)
class PatientData:
    id: int
    family_name: str
    given_names: str
    date_of_birth: date
    chart_number: str
    health_card: str = ""
    phone: str = ""
    email: str = ""
    preferred_language: str = ""


@dataclass(frozen=True)
class ClinicianData:
    id: int
    name: str
    """As the clinician's row says now (the Practitioner)."""
    credentials: str = ""


@dataclass(frozen=True)
class AddendumData:
    """A correction or addition to a signed session (the only way to correct one)."""

    at: datetime
    """When it was added (UTC; a time without a zone is taken as UTC, as the database stores)."""
    author: str
    """The author's name as the event that added it recorded the name."""
    text: str


@dataclass(frozen=True)
class SessionData:
    """One signed session: its chart, who signed it and the outcome recorded at it."""

    id: int
    patient_id: int
    chart: Chart
    signer_id: int | None
    signer_name: str
    """The signer's name (with credentials) as the signature recorded it (store.records)."""
    outcome: CycleOutcome | None = None
    """The figures recorded at this visit over their window (store.outcomes); None: none."""
    addenda: tuple[AddendumData, ...] = ()
    """Its addenda, oldest first."""


@dataclass(frozen=True)
class Export:
    """What one export holds: the patients, their signed sessions and the signers."""

    patients: tuple[PatientData, ...]
    sessions: tuple[SessionData, ...]
    clinicians: tuple[ClinicianData, ...] = ()
    us_billing: bool = False
    """The clinic bills in the US (Clinic settings > Billing): the Procedure carries CPT 64615."""


# --- the codes -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Code:
    """A concept: its words, and its coding when one was checked (``system`` is the URI)."""

    text: str
    system: str = ""
    code: str = ""
    display: str = ""
    unit: str = ""

    def concept(self) -> dict[str, Any]:
        """As a CodeableConcept: the coding (if any) and the text."""
        found: dict[str, Any] = {}
        if self.code:
            coding = {"system": self.system, "code": self.code}
            if self.display:
                coding["display"] = self.display
            found["coding"] = [coding]
        if self.text:
            found["text"] = self.text
        return found


@dataclass(frozen=True)
class Codes:
    procedure: Code
    cpt: Code
    diagnosis_system: str
    route: Code
    dose_unit: Code
    day_unit: Code
    laterality: Mapping[str, Code]
    chart_number: Code
    health_card: Code
    observations: Mapping[str, Code]


def codes_path() -> Path:
    return paths.resources_dir() / "fhir" / "codes.toml"


@cache
def load_codes(path: Path | None = None) -> Codes:
    """The export's codes (``resources/fhir/codes.toml``), checked: each coded concept names a
    known system, its code and its source. Raises FhirCodesError naming the file and field."""
    path = path or codes_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise FhirCodesError(f"{path}: cannot be read ({err})") from None
    reader = _CodeReader(path, raw)
    return Codes(
        procedure=reader.code("procedure", text_only=True),
        cpt=reader.code("procedure.us_billing"),
        diagnosis_system=reader.system_of("diagnosis"),
        route=reader.code("route"),
        dose_unit=reader.code("dose_unit"),
        day_unit=reader.code("day_unit"),
        laterality={side: reader.code(f"laterality.{side}") for side in ("left", "right")},
        chart_number=reader.code("chart_number"),
        health_card=reader.code("health_card", text_only=True),
        observations={
            name: reader.code(f"observations.{name}", text_only=True) for name in OUTCOMES
        },
    )


class _CodeReader:
    def __init__(self, path: Path, raw: Mapping[str, Any]) -> None:
        self.path = path
        self.raw = raw
        systems = raw.get("systems")
        if not isinstance(systems, dict) or not all(
            isinstance(v, str) and v.startswith(("http://", "https://", "urn:"))
            for v in systems.values()
        ):
            self.fail("systems", "is missing or names a system that is not a URI")
        self.systems: dict[str, str] = dict(systems or {})

    def fail(self, where: str, problem: str) -> Any:
        raise FhirCodesError(f"{self.path}: {where} {problem}")

    def table(self, dotted: str) -> Mapping[str, Any]:
        found: Any = self.raw
        for part in dotted.split("."):
            found = found.get(part) if isinstance(found, dict) else None
        if not isinstance(found, dict):
            self.fail(f"[{dotted}]", "is missing")
        return found  # type: ignore[no-any-return]

    def system_of(self, dotted: str) -> str:
        table = self.table(dotted)
        name = str(table.get("system", ""))
        if name not in self.systems:
            self.fail(f"{dotted}.system", f"must be one of {', '.join(self.systems)}")
        if not str(table.get("source", "")).strip():
            self.fail(f"{dotted}.source", "is missing: say where the code was checked")
        return self.systems[name]

    def code(self, dotted: str, *, text_only: bool = False) -> Code:
        table = self.table(dotted)
        text = str(table.get("text", ""))
        if text_only:
            if not text.strip():
                self.fail(f"{dotted}.text", "is missing")
            return Code(text=text)
        code = table.get("code")
        if not isinstance(code, str) or not code.strip():
            self.fail(f"{dotted}.code", "is missing")
        return Code(
            text=text,
            system=self.system_of(dotted),
            code=str(code),
            display=str(table.get("display", "")),
            unit=str(table.get("unit", "")),
        )


# --- the bundle ----------------------------------------------------------------------------------


def resource_id(*parts: object) -> str:
    """A stable id: uuid5 of the parts ("session", 40, "procedure") in the export's namespace."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def full_url(resource: Mapping[str, Any]) -> str:
    return f"urn:uuid:{resource['id']}"


def bundle(export: Export, codes: Codes | None = None) -> dict[str, Any]:
    """The ``collection`` Bundle of ``export`` (see the module), entries in a stable order."""
    codes = codes or load_codes()
    builder = _Builder(codes, export)
    for patient in sorted(export.patients, key=lambda p: p.id):
        builder.add(_patient(patient, codes))
    for session in sorted(
        export.sessions, key=lambda s: (s.patient_id, s.chart.date_of_service, s.id)
    ):
        builder.session(session)
    entries = builder.entries()
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"fullUrl": full_url(r), "resource": r} for r in entries],
    }


def to_json(found: Mapping[str, Any]) -> bytes:
    """The bundle as UTF-8 JSON, names in every script as typed (never \\u-escaped)."""
    return (json.dumps(found, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def counts(found: Mapping[str, Any]) -> dict[str, int]:
    """How many resources of each type the bundle holds (what the audit trail says, no names)."""
    tally: dict[str, int] = {}
    for entry in found.get("entry", ()):
        kind = entry["resource"]["resourceType"]
        tally[kind] = tally.get(kind, 0) + 1
    return dict(sorted(tally.items()))


class _Builder:
    """Collects the resources of the sessions: each lot's Medication, each signer's Practitioner
    and each patient's BodyStructures once, however many sessions use them."""

    def __init__(self, codes: Codes, export: Export) -> None:
        self.codes = codes
        self.export = export
        self.clinicians = {c.id: c for c in export.clinicians}
        self.patients: list[dict[str, Any]] = []
        self.practitioners: dict[int, dict[str, Any]] = {}
        self.medications: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.body_structures: dict[tuple[int, str, str], dict[str, Any]] = {}
        self.events: list[dict[str, Any]] = []

    def add(self, patient: dict[str, Any]) -> None:
        self.patients.append(patient)

    def entries(self) -> list[dict[str, Any]]:
        return [
            *self.patients,
            *(self.practitioners[k] for k in sorted(self.practitioners)),
            *(self.medications[k] for k in sorted(self.medications)),
            *(self.body_structures[k] for k in sorted(self.body_structures)),
            *self.events,
        ]

    def session(self, session: SessionData) -> None:
        chart = session.chart
        patient_ref = _ref(resource_id("patient", session.patient_id))
        performer = self.practitioner(session)
        procedure_id = resource_id("session", session.id, "procedure")
        procedure: dict[str, Any] = {
            "resourceType": "Procedure",
            "id": procedure_id,
            "status": "completed",
            "code": self._procedure_code(),
            "subject": patient_ref,
            "performedDateTime": chart.date_of_service.isoformat(),
        }
        if performer is not None:
            procedure["performer"] = [{"actor": performer}]
        procedure["reasonCode"] = [self._diagnosis(chart.diagnosis_code)]
        sites = _muscle_sides(chart)
        if sites:
            procedure["bodySite"] = [
                {
                    "extension": [
                        {
                            "url": BODY_SITE_EXTENSION,
                            "valueReference": self.body_structure(session.patient_id, chart, m, s),
                        }
                    ],
                    "text": f"{_muscle_name(chart, m)}, {s}: "
                    f"{n} site{'s' * (n != 1)}, {_units(units)} U",
                }
                for (m, s), (n, units) in sites.items()
            ]
        complications = _complications(chart)
        if complications:
            procedure["complication"] = complications
        if chart.aftercare.strip():
            procedure["followUp"] = [{"text": chart.aftercare.strip()}]
        notes = _notes(session)
        if notes:
            procedure["note"] = notes
        self.events.append(procedure)
        self.events.append(self._administration(session, procedure_id, patient_ref, performer))
        self.events.extend(self._observations(session, patient_ref))

    def _procedure_code(self) -> dict[str, Any]:
        concept = self.codes.procedure.concept()
        if self.export.us_billing:
            concept = {**self.codes.cpt.concept(), "text": self.codes.procedure.text}
        return concept

    def _diagnosis(self, code: str) -> dict[str, Any]:
        meaning = DIAGNOSES.get(code)
        if meaning is None:  # not a code the app knows: exported as charted, in words
            return {"text": f"Diagnosis code {code} (as charted)" if code else "Not charted"}
        return {
            "coding": [{"system": self.codes.diagnosis_system, "code": code, "display": meaning}],
            "text": meaning,
        }

    def practitioner(self, session: SessionData) -> dict[str, Any] | None:
        if session.signer_id is None:
            return None
        pid = resource_id("clinician", session.signer_id)
        if session.signer_id not in self.practitioners:
            clinician = self.clinicians.get(session.signer_id)
            name = clinician.name if clinician is not None else session.signer_name
            practitioner: dict[str, Any] = {
                "resourceType": "Practitioner",
                "id": pid,
                "name": [{"text": name}],
            }
            if clinician is not None and clinician.credentials:
                practitioner["qualification"] = [{"code": {"text": clinician.credentials}}]
            self.practitioners[session.signer_id] = practitioner
        reference = _ref(pid)
        if session.signer_name:
            reference["display"] = session.signer_name
        return reference

    def medication(self, chart: Chart, lot: str, expiry: date | None) -> dict[str, str]:
        """The Medication of a lot, its expiry and product: each distinct triple is its own, so
        conflicting charting (one lot, two expiries) reaches the EHR as charted."""
        product = chart.product or "onabotulinumtoxinA"
        text = f"{product}, DIN/NDC {chart.din_ndc}" if chart.din_ndc else product
        key = (lot_key(lot), expiry.isoformat() if expiry is not None else "", text)
        mid = resource_id("lot", *key)
        if key not in self.medications:
            batch: dict[str, Any] = {"lotNumber": lot.strip()}
            if expiry is not None:
                batch["expirationDate"] = expiry.isoformat()
            self.medications[key] = {
                "resourceType": "Medication",
                "id": mid,
                "code": {"text": text},
                "batch": batch,
            }
        return _ref(mid)

    def body_structure(
        self, patient_id: int, chart: Chart, muscle: str, side: str
    ) -> dict[str, str]:
        key = (patient_id, muscle, side)
        bid = resource_id("patient", patient_id, "body", muscle, side)
        if key not in self.body_structures:
            name = _muscle_name(chart, muscle)
            structure: dict[str, Any] = {
                "resourceType": "BodyStructure",
                "id": bid,
                "description": f"{name}, {side}",
                "location": {"text": f"{name} muscle"},
                "patient": _ref(resource_id("patient", patient_id)),
            }
            laterality = self.codes.laterality.get(side)
            if laterality is not None:
                structure["locationQualifier"] = [laterality.concept()]
            self.body_structures[key] = structure
        return _ref(bid)

    def _administration(
        self,
        session: SessionData,
        procedure_id: str,
        patient_ref: dict[str, str],
        performer: dict[str, Any] | None,
    ) -> dict[str, Any]:
        chart = session.chart
        lots: dict[tuple[str, date | None], dict[str, str]] = {}
        for vial in chart.vials:
            key = (lot_key(vial.lot_number), vial.lot_expiry)
            if vial.lot_number.strip() and key not in lots:
                lots[key] = self.medication(chart, vial.lot_number, vial.lot_expiry)
        administration: dict[str, Any] = {
            "resourceType": "MedicationAdministration",
            "id": resource_id("session", session.id, "administration"),
            "partOf": [_ref(procedure_id)],
            "status": "completed",
        }
        references = list(lots.values())
        if references:
            administration["medicationReference"] = references[0]
        else:
            administration["medicationCodeableConcept"] = {"text": chart.product}
        administration["subject"] = patient_ref
        if len(references) > 1:  # R4 names one medication: every lot of the session is here too
            administration["supportingInformation"] = references
        administration["effectiveDateTime"] = chart.date_of_service.isoformat()
        if performer is not None:
            administration["performer"] = [{"actor": performer}]
        unit = self.codes.dose_unit
        sites = _muscle_sides(chart)
        administration["dosage"] = {
            "text": f"{_units(chart.total_units)} U intramuscularly at {len(chart.injections)} "
            f"site{'s' * (len(chart.injections) != 1)}",
            "site": {
                "text": "; ".join(
                    f"{_muscle_name(chart, m)} {s} {_units(units)} U"
                    for (m, s), (_n, units) in sites.items()
                )
            },
            "route": self.codes.route.concept(),
            "dose": {
                "value": _number(chart.total_units),
                "unit": unit.unit,
                "system": unit.system,
                "code": unit.code,
            },
        }
        return administration

    def _observations(
        self, session: SessionData, patient_ref: dict[str, str]
    ) -> list[dict[str, Any]]:
        cycle = session.outcome
        window = counting_window(cycle) if cycle is not None else None
        if cycle is None or window is None:
            return []
        found = []
        unit = self.codes.day_unit
        for name in OUTCOMES:
            value = getattr(cycle, name)
            if value is None:
                continue
            found.append(
                {
                    "resourceType": "Observation",
                    "id": resource_id("session", session.id, "observation", name),
                    "status": "final",
                    "code": self.codes.observations[name].concept(),
                    "subject": patient_ref,
                    "effectivePeriod": {
                        "start": window[0].isoformat(),
                        "end": window[1].isoformat(),
                    },
                    "valueQuantity": {
                        "value": value,
                        "unit": unit.unit,
                        "system": unit.system,
                        "code": unit.code,
                    },
                }
            )
        return found


def _patient(patient: PatientData, codes: Codes) -> dict[str, Any]:
    identifiers: list[dict[str, Any]] = [
        {"type": codes.chart_number.concept(), "value": patient.chart_number}
    ]
    if patient.health_card.strip():
        identifiers.append({"type": codes.health_card.concept(), "value": patient.health_card})
    found: dict[str, Any] = {
        "resourceType": "Patient",
        "id": resource_id("patient", patient.id),
        "identifier": identifiers,
        "name": [{"family": patient.family_name, "given": [patient.given_names]}],
    }
    telecom = [
        {"system": system, "value": value}
        for system, value in (("phone", patient.phone), ("email", patient.email))
        if value.strip()
    ]
    if telecom:
        found["telecom"] = telecom
    found["birthDate"] = patient.date_of_birth.isoformat()
    if patient.preferred_language.strip():
        found["communication"] = [{"language": {"text": patient.preferred_language}}]
    return found


def _complications(chart: Chart) -> list[dict[str, Any]]:
    """Each adverse event recorded at the session, in words as charted
    (docs/clinical-reference.md §9): no code was checked for them, so none is sent."""
    found = [{"text": event} for event in chart.adverse_events if event.strip()]
    if chart.adverse_event_other.strip():
        found.append({"text": chart.adverse_event_other.strip()})
    return found


def _notes(session: SessionData) -> list[dict[str, Any]]:
    """The tolerance as charted, then each addendum with its author and time as recorded."""
    found: list[dict[str, Any]] = []
    if session.chart.tolerance.strip():
        found.append({"text": f"Tolerance: {session.chart.tolerance.strip()}"})
    for addendum in session.addenda:
        at = addendum.at if addendum.at.tzinfo is not None else addendum.at.replace(tzinfo=UTC)
        note: dict[str, Any] = {"authorString": addendum.author} if addendum.author else {}
        note["time"] = at.astimezone(UTC).isoformat(timespec="seconds")
        note["text"] = addendum.text
        found.append(note)
    return found


def _muscle_sides(chart: Chart) -> dict[tuple[str, str], tuple[int, Decimal]]:
    """(muscle, side) → sites and units, in the chart's order."""
    found: dict[tuple[str, str], tuple[int, Decimal]] = {}
    for injection in chart.injections:
        key = (injection.muscle, injection.side)
        sites, units = found.get(key, (0, Decimal(0)))
        found[key] = (sites + 1, units + injection.units)
    return found


def _muscle_name(chart: Chart, muscle: str) -> str:
    named = {m.code: m.name for m in chart.protocol.muscles}
    return named.get(muscle, muscle.replace("_", " ").capitalize())


def _ref(resource_id_: str) -> dict[str, str]:
    return {"reference": f"urn:uuid:{resource_id_}"}


def _number(value: Decimal) -> int | float:
    return int(value) if value == int(value) else float(value)


def _units(value: Decimal) -> str:
    return str(_number(value))
