"""The bundle builder on hand-made plain values (no database, no Qt): two lots in one session,
the same lot typed in two cases, a custom site, a diagnosis code outside the table, a figure
recorded before windows were stored, and every bundle parses and resolves."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from botox_chart import fhir
from botox_chart.chart import Chart, Vial
from botox_chart.outcomes import CycleOutcome
from tests.helpers.factories import ready_chart
from tests.helpers.fhir_checks import check_bundle, resources, tally
from tests.note.samples import tailored_chart

PATIENT = fhir.PatientData(
    id=7,
    family_name="Nguyễn",
    given_names="Thị Hồng",
    date_of_birth=date(1975, 3, 9),
    chart_number="C000007",
    health_card="1234 567 890",
)
SIGNER = fhir.ClinicianData(id=3, name="Dr Ana Souza", credentials="MD")


def session(
    sid: int, chart: Chart, outcome: CycleOutcome | None = None, patient_id: int = 7
) -> fhir.SessionData:
    return fhir.SessionData(
        id=sid,
        patient_id=patient_id,
        chart=chart,
        signer_id=SIGNER.id,
        signer_name="Dr Ana Souza, MD",
        outcome=outcome,
    )


def export(*sessions: fhir.SessionData, us: bool = False) -> dict[str, object]:
    return fhir.bundle(
        fhir.Export(patients=(PATIENT,), sessions=sessions, clinicians=(SIGNER,), us_billing=us)
    )


def two_lots(day: date) -> Chart:
    chart = ready_chart(day)
    chart.set_vials(
        [Vial("C1234AB", date(2027, 6, 30), 100), Vial("D5678", date(2027, 9, 30), 100)]
    )
    return chart


def test_a_session_of_two_lots_names_both_and_a_lot_is_one_medication_in_any_case() -> None:
    later = ready_chart(date(2026, 9, 1))
    later.set_vials([Vial(" c1234ab ", date(2027, 6, 30), 200)])
    found = export(session(1, two_lots(date(2026, 6, 1))), session(2, later))

    check_bundle(found)
    lots = {m["batch"]["lotNumber"] for m in resources(found, "Medication")}
    assert lots == {"C1234AB", "D5678"}
    first, second = resources(found, "MedicationAdministration")
    assert len(first["supportingInformation"]) == 2
    assert first["medicationReference"] == first["supportingInformation"][0]
    assert second["medicationReference"] == first["medicationReference"]
    assert "supportingInformation" not in second


def test_a_custom_site_is_a_body_structure_in_words() -> None:
    found = export(session(1, tailored_chart()))
    check_bundle(found)
    masseter = next(
        s for s in resources(found, "BodyStructure") if s["location"]["text"] == "Masseter muscle"
    )
    assert masseter["description"] == "Masseter, left"
    assert masseter["locationQualifier"][0]["coding"][0]["code"] == "7771000"
    [administration] = resources(found, "MedicationAdministration")
    assert administration["dosage"]["dose"]["value"] == 160


def test_a_diagnosis_outside_the_table_is_sent_in_words_only() -> None:
    chart = ready_chart()
    chart.diagnosis_code = "G43.909"
    found = export(session(1, chart))
    check_bundle(found)
    [procedure] = resources(found, "Procedure")
    assert procedure["reasonCode"] == [{"text": "Diagnosis code G43.909 (as charted)"}]


def test_figures_without_a_stored_window_count_the_30_days_to_the_visit() -> None:
    day = date(2026, 6, 1)
    outcome = CycleOutcome(
        session_id=1,
        date=day,
        cycle=1,
        total_units=Decimal(155),
        headache_days=20,
        migraine_days=None,
        acute_medication_days=None,
        window_days=30,
        window_end=None,
        diary_days=None,
    )
    found = export(session(1, ready_chart(day), outcome))
    check_bundle(found)
    [observation] = resources(found, "Observation")
    assert observation["effectivePeriod"] == {"start": "2026-05-03", "end": "2026-06-01"}
    assert observation["valueQuantity"]["value"] == 20
    assert observation["code"] == {"text": "Headache days in the counting window"}


def test_only_the_signer_is_a_practitioner_and_one_practitioner_signs_many() -> None:
    found = export(session(1, ready_chart(date(2026, 6, 1))), session(2, ready_chart()))
    check_bundle(found)
    assert tally(found)["Practitioner"] == 1
    [practitioner] = resources(found, "Practitioner")
    assert practitioner["name"] == [{"text": "Dr Ana Souza"}]
    assert practitioner["qualification"] == [{"code": {"text": "MD"}}]


def test_the_health_card_is_an_identifier_in_words_and_the_chart_number_a_record_number() -> None:
    found = export()
    check_bundle(found)
    [patient] = resources(found, "Patient")
    chart, card = patient["identifier"]
    assert chart["type"]["coding"][0]["code"] == "MR" and chart["value"] == "C000007"
    assert card == {"type": {"text": "Health card number"}, "value": "1234 567 890"}
    assert patient["name"] == [{"family": "Nguyễn", "given": ["Thị Hồng"]}]


def test_addenda_adverse_events_tolerance_and_aftercare_reach_the_procedure() -> None:
    """An addendum is the only correction of a signed record, and a flagged adverse event
    (docs/clinical-reference.md §9) is what the neurologist most needs: neither may be dropped."""
    chart = ready_chart(date(2026, 6, 1))
    chart.adverse_events = ["Dysphagia", "Diplopia/blurred vision"]
    chart.adverse_event_other = "Neck stiffness for two days"
    chart.tolerance = "Well tolerated"
    chart.aftercare = "Call the clinic if swallowing worsens"
    correction = fhir.AddendumData(
        at=datetime(2026, 6, 2, 14, 30, 5),
        author="Dr Léa Côté, MD",
        text="Lot corrected: C9999ZZ, not C1234AB.",
    )
    found = export(fhir.SessionData(**{**vars(session(1, chart)), "addenda": (correction,)}))

    check_bundle(found)
    (procedure,) = resources(found, "Procedure")
    assert procedure["complication"] == [
        {"text": "Dysphagia"},
        {"text": "Diplopia/blurred vision"},
        {"text": "Neck stiffness for two days"},
    ]
    assert procedure["followUp"] == [{"text": "Call the clinic if swallowing worsens"}]
    assert procedure["note"] == [
        {"text": "Tolerance: Well tolerated"},
        {
            "authorString": "Dr Léa Côté, MD",
            "time": "2026-06-02T14:30:05+00:00",
            "text": "Lot corrected: C9999ZZ, not C1234AB.",
        },
    ]


def test_a_quiet_session_has_no_complication_follow_up_or_note() -> None:
    found = export(session(1, ready_chart(date(2026, 6, 1))))

    (procedure,) = resources(found, "Procedure")
    assert not {"complication", "followUp", "note"} & procedure.keys()


def test_one_lot_charted_with_two_expiries_is_two_medications() -> None:
    """Conflicting charting reaches the EHR as charted, not merged into the first expiry seen."""
    later = ready_chart(date(2026, 9, 1))
    later.set_vials([Vial("C1234AB", date(2027, 12, 31), 200)])
    found = export(session(1, two_lots(date(2026, 6, 1))), session(2, later))

    check_bundle(found)
    batches = sorted(
        (m["batch"]["lotNumber"], m["batch"]["expirationDate"])
        for m in resources(found, "Medication")
    )
    assert batches == [
        ("C1234AB", "2027-06-30"),
        ("C1234AB", "2027-12-31"),
        ("D5678", "2027-09-30"),
    ]
    first, second = resources(found, "MedicationAdministration")
    assert second["medicationReference"] != first["medicationReference"]
