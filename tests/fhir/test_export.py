"""The FHIR R4 export of a demo clinic (store.fhir gathers, botox_chart.fhir builds): every bundle
parses with the fhir.resources R4B models and passes our own checks (tests/helpers/fhir_checks.py);
its counts match the database counted with raw SQL; drafts never leave; --since and one patient
filter; CPT 64615 only where the clinic bills in the US; exports are stable."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import select

from botox_chart import fhir
from botox_chart.note import render
from botox_chart.store import demo, sessions, transaction
from botox_chart.store.models import Clinician, TreatmentSession
from botox_chart.store.patients import PatientError
from tests.helpers.factories import (
    make_clinician,
    make_patient,
    make_signed_session,
    ready_chart,
)
from tests.helpers.fhir_checks import check_bundle, codings, resources, tally
from tests.note.samples import save_clinic

TODAY = date(2026, 11, 30)
CPT = "http://www.ama-assn.org/go/cpt"


@pytest.fixture
def clinic(any_engine: Engine) -> Engine:
    """A demo clinic, on SQLite and on PostgreSQL."""
    demo.generate(any_engine, patients=6, seed=3, today=TODAY)
    return any_engine


def treated_patient(engine: Engine) -> int:
    """The demo patient with the most signed sessions."""
    with engine.connect() as c:
        return int(
            c.execute(
                sa.text(
                    "SELECT patient_id FROM treatment_session WHERE status = 'signed' "
                    "GROUP BY patient_id ORDER BY count(*) DESC, patient_id LIMIT 1"
                )
            ).scalar_one()
        )


def add_draft(engine: Engine, patient_id: int) -> int:
    """A draft the injector has not signed, its outcome figures filled in and a lot of its own:
    none of it may leave the clinic."""
    chart = ready_chart(TODAY)
    chart.headache_days, chart.migraine_days = 12, 7
    chart.set_vial(0, lot_number="DRAFT01")
    with transaction(engine) as db:
        injector = db.exec(select(Clinician).where(Clinician.username == "dube")).one()
        row = sessions.create_draft(db, patient_id=patient_id, injector_id=injector.id, chart=chart)
        assert row.id is not None
        return row.id


def raw_counts(engine: Engine, patient_id: int, since: date | None = None) -> dict[str, int]:
    """What the database holds for the patient, counted with SQL of its own."""
    where = "s.status = 'signed' AND s.patient_id = :p" + (
        " AND s.date_of_service >= :since" if since else ""
    )
    values = {"p": patient_id, "since": since.isoformat() if since else None}
    with engine.connect() as c:
        signed = c.execute(
            sa.text(f"SELECT count(*) FROM treatment_session s WHERE {where}"), values
        ).scalar_one()
        lots = c.execute(
            sa.text(
                "SELECT count(*) FROM (SELECT DISTINCT upper(trim(v.lot_number)), v.lot_expiry "
                "FROM vial v "
                f"JOIN treatment_session s ON s.id = v.session_id WHERE {where} "
                "AND trim(v.lot_number) != '') AS lots"
            ),
            values,
        ).scalar_one()
        outcomes = c.execute(
            sa.text(
                "SELECT count(s.headache_days) + count(s.migraine_days) "
                f"FROM treatment_session s WHERE {where}"
            ),
            values,
        ).scalar_one()
    return {"signed": signed, "lots": lots, "observations": outcomes}


def test_a_demo_patients_bundle_parses_and_its_counts_match_the_database(clinic: Engine) -> None:
    patient_id = treated_patient(clinic)
    draft = add_draft(clinic, patient_id)
    found = render.fhir_bundle(clinic, patient_id=patient_id)

    check_bundle(found, draft_ids=[draft])
    assert b"DRAFT01" not in fhir.to_json(found)
    expected = raw_counts(clinic, patient_id)
    counted = tally(found)
    assert expected["signed"] >= 2
    assert counted["Patient"] == 1
    assert counted["Procedure"] == expected["signed"]
    assert counted["MedicationAdministration"] == expected["signed"]
    assert counted["Medication"] == expected["lots"]
    assert counted["Observation"] == expected["observations"] > 0
    assert counted["Practitioner"] >= 1


def test_every_procedure_is_completed_performed_by_its_signer_for_chronic_migraine(
    clinic: Engine,
) -> None:
    patient_id = treated_patient(clinic)
    found = render.fhir_bundle(clinic, patient_id=patient_id)
    practitioners = {f"urn:uuid:{p['id']}": p for p in resources(found, "Practitioner")}
    with transaction(clinic) as db:
        rows = list(
            db.exec(
                select(TreatmentSession).where(
                    TreatmentSession.patient_id == patient_id, TreatmentSession.status == "signed"
                )
            )
        )
        signers = {r.id: db.get(Clinician, r.signed_by_id) for r in rows}
    for row in rows:
        procedure = next(
            p
            for p in resources(found, "Procedure")
            if p["id"] == fhir.resource_id("session", row.id, "procedure")
        )
        assert procedure["status"] == "completed"
        assert procedure["performedDateTime"] == row.date_of_service.isoformat()
        actor = procedure["performer"][0]["actor"]
        signer = signers[row.id]
        assert signer is not None
        assert practitioners[actor["reference"]]["name"][0]["text"] == signer.name
        reason = procedure["reasonCode"][0]["coding"][0]
        assert reason["system"] == "http://hl7.org/fhir/sid/icd-10-cm"
        assert reason["code"] == row.diagnosis_code
    for administration in resources(found, "MedicationAdministration"):
        dosage = administration["dosage"]
        assert dosage["dose"]["code"] == "[USP'U]"
        assert dosage["route"]["coding"][0]["code"] == "78421000"
        assert administration["status"] == "completed"
    for medication in resources(found, "Medication"):
        assert medication["batch"]["lotNumber"] and medication["batch"]["expirationDate"]
    for observation in resources(found, "Observation"):
        period = observation["effectivePeriod"]
        assert period["start"] <= period["end"]
        assert observation["valueQuantity"]["code"] == "d"


def test_sides_are_body_structures_with_their_laterality(clinic: Engine) -> None:
    found = render.fhir_bundle(clinic, patient_id=treated_patient(clinic))
    qualifiers = {
        s["description"]: [c["code"] for q in s.get("locationQualifier", []) for c in q["coding"]]
        for s in resources(found, "BodyStructure")
    }
    assert qualifiers["Temporalis, left"] == ["7771000"]
    assert qualifiers["Temporalis, right"] == ["24028007"]
    assert qualifiers["Procerus, midline"] == []


def test_since_leaves_out_earlier_sessions_and_their_observations(clinic: Engine) -> None:
    patient_id = treated_patient(clinic)
    since = signed_dates(clinic, patient_id)[-2]
    found = render.fhir_bundle(clinic, patient_id=patient_id, since=since)

    check_bundle(found)
    expected = raw_counts(clinic, patient_id, since)
    assert tally(found)["Procedure"] == expected["signed"] == 2
    assert tally(found)["Observation"] == expected["observations"]
    assert tally(found)["Medication"] == expected["lots"]
    assert all(p["performedDateTime"] >= since.isoformat() for p in resources(found, "Procedure"))


def signed_dates(engine: Engine, patient_id: int) -> list[date]:
    """The patient's signed dates of service, oldest first."""
    with engine.connect() as c:
        found = c.execute(
            sa.text(
                "SELECT date_of_service FROM treatment_session WHERE patient_id = :p "
                "AND status = 'signed' ORDER BY date_of_service"
            ),
            {"p": patient_id},
        ).scalars()
        return [date.fromisoformat(str(day)) for day in found]


def test_without_a_patient_every_treated_patient_is_exported_and_no_other(clinic: Engine) -> None:
    one = treated_patient(clinic)
    draft = add_draft(clinic, one)
    found = render.fhir_bundle(clinic)

    check_bundle(found, draft_ids=[draft])
    with clinic.connect() as c:
        treated = c.execute(
            sa.text(
                "SELECT count(DISTINCT patient_id) FROM treatment_session WHERE status = 'signed'"
            )
        ).scalar_one()
        signed = c.execute(
            sa.text("SELECT count(*) FROM treatment_session WHERE status = 'signed'")
        ).scalar_one()
    assert tally(found)["Patient"] == treated
    assert tally(found)["Procedure"] == tally(found)["MedicationAdministration"] == signed


def test_one_patients_bundle_holds_no_other_patient(clinic: Engine) -> None:
    patient_id = treated_patient(clinic)
    found = render.fhir_bundle(clinic, patient_id=patient_id)
    patient_url = f"urn:uuid:{fhir.resource_id('patient', patient_id)}"
    for kind in ("Procedure", "MedicationAdministration", "Observation"):
        assert {r["subject"]["reference"] for r in resources(found, kind)} == {patient_url}


def test_cpt_64615_only_where_the_clinic_bills_in_the_us(clinic: Engine) -> None:
    patient_id = treated_patient(clinic)
    elsewhere = render.fhir_bundle(clinic, patient_id=patient_id)
    assert not [c for c in codings(elsewhere) if c["system"] == CPT]

    save_clinic(clinic, billing="us")
    billed = render.fhir_bundle(clinic, patient_id=patient_id)
    check_bundle(billed)
    for procedure in resources(billed, "Procedure"):
        assert procedure["code"]["coding"] == [
            {"system": CPT, "code": "64615", "display": procedure["code"]["coding"][0]["display"]}
        ]


def test_exporting_again_gives_the_same_bytes(clinic: Engine) -> None:
    patient_id = treated_patient(clinic)
    first = fhir.to_json(render.fhir_bundle(clinic, patient_id=patient_id))
    assert fhir.to_json(render.fhir_bundle(clinic, patient_id=patient_id)) == first


def test_a_patient_without_signed_sessions_is_exported_alone(clinic: Engine) -> None:
    with clinic.connect() as c:
        untreated = c.execute(
            sa.text(
                "SELECT id FROM patient WHERE id NOT IN (SELECT patient_id FROM treatment_session)"
            )
        ).scalar()
    assert untreated is not None
    draft = add_draft(clinic, untreated)
    found = render.fhir_bundle(clinic, patient_id=untreated)
    check_bundle(found, draft_ids=[draft])
    assert tally(found) == {"Patient": 1}


def test_an_unknown_patient_is_refused(clinic: Engine) -> None:
    with pytest.raises(PatientError, match="no patient 999"):
        render.fhir_bundle(clinic, patient_id=999)


def test_a_codes_file_without_a_source_is_refused(tmp_path: Path) -> None:
    text = fhir.codes_path().read_text(encoding="utf-8")
    broken = tmp_path / "codes.toml"
    broken.write_text(
        text.replace('source = "HL7 FHIR R4 value set SNOMED CT Route Codes', 'note = "HL7', 1),
        encoding="utf-8",
    )
    with pytest.raises(fhir.FhirCodesError, match=r"route\.source"):
        fhir.load_codes(broken)


def test_an_addendum_and_an_adverse_event_leave_with_the_session(any_engine: Engine) -> None:
    """The addendum correcting a signed session reaches the EHR with its author as the audit
    trail recorded the name; the adverse event flagged at the session too
    (docs/clinical-reference.md §9)."""
    clinician = make_clinician(any_engine, "Dr Léa Côté")
    patient = make_patient(any_engine)
    chart = ready_chart(TODAY)
    chart.adverse_events = ["Dysphagia"]
    row = make_signed_session(any_engine, patient, clinician, chart)
    with transaction(any_engine) as db:
        sessions.add_addendum(
            db, session_id=row.id, author_id=clinician.id, text="Lot was C7777XY, not C1234AB."
        )
    with any_engine.connect() as c:
        recorded = [
            (json.loads(changes) if isinstance(changes, str) else changes)["author"]
            for (changes,) in c.execute(
                sa.select(sa.column("changes"))
                .select_from(sa.table("audit_event"))
                .where(sa.column("action") == "addendum")
            )
        ]

    found = render.fhir_bundle(any_engine, patient_id=patient.id)

    check_bundle(found)
    (procedure,) = resources(found, "Procedure")
    assert procedure["complication"] == [{"text": "Dysphagia"}]
    (note,) = procedure["note"]
    assert note["text"] == "Lot was C7777XY, not C1234AB."
    assert recorded and note["authorString"] == recorded[0] and "Léa Côté" in recorded[0]
    assert datetime.fromisoformat(note["time"]).utcoffset() == timedelta(0)
