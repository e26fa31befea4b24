"""Every value is bounded where it enters the store, whoever sends it (issue 9, item 6).

A number outside its clinical range, a date outside 1900-2100, an id no database holds, and text
with control or bidi characters are refused with the store's own user error, naming the field; the
record is left as it was. The window's widgets keep to the same ranges (chart.py), but a script, an
import or an older client goes straight to these functions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy.engine import Engine

from botox_chart.chart import Chart, Dilution, Vial
from botox_chart.protocol import Point
from botox_chart.store import clinicians, patients, sessions, settings, transaction
from botox_chart.store.models import Patient
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart

BIG = 2**63


def first_injection(chart: Chart, **changes: object) -> None:
    chart.injections[0] = dataclasses.replace(chart.injections[0], **changes)  # type: ignore[arg-type]


def first_point(chart: Chart, **changes: object) -> None:
    first_injection(chart, point=dataclasses.replace(chart.injections[0].point, **changes))  # type: ignore[arg-type]


def set_field(name: str, value: object) -> Callable[[Chart], None]:
    return lambda chart: setattr(chart, name, value)


def dilution(**changes: object) -> Callable[[Chart], None]:
    return lambda chart: setattr(chart, "dilution", dataclasses.replace(Dilution(), **changes))  # type: ignore[arg-type]


REFUSED_CHARTS: dict[str, tuple[Callable[[Chart], None], str]] = {
    "NaN mL of saline": (dilution(diluent_ml=float("nan")), "Saline must be from 0.5 to 10 mL"),
    "infinite saline": (dilution(diluent_ml=Decimal("Infinity")), "Saline must be from 0.5"),
    "0.001 mL of saline": (dilution(diluent_ml=Decimal("0.001")), "Saline must be from 0.5"),
    "25 mL of saline": (dilution(diluent_ml=Decimal(25)), "Saline must be from 0.5 to 10 mL"),
    "saline to 0.001 mL": (dilution(diluent_ml=Decimal("2.001")), "measured to 0.01 mL"),
    "a 0 U vial": (dilution(vial_units=0), "Vial size must be a whole number"),
    "a 10**20 U vial": (dilution(vial_units=10**20), "Vial size must be a whole number"),
    "seven vials": (set_field("vials", [Vial()] * 7), "At most 6 vials"),
    "a 0 U vial opened": (set_field("vials", [Vial(units=0)]), "Vial 1: the size must be from 1"),
    "a huge vial opened": (set_field("vials", [Vial(), Vial(units=BIG)]), "Vial 2: the size"),
    "a vial of 100.5 U": (set_field("vials", [Vial(units=100.5)]), "whole number of units"),
    "drawn beyond the vial": (
        set_field("vials", [Vial(units=100, drawn=Decimal(101))]),
        "Vial 1: the units drawn must be from 0 to 100 U",
    ),
    "NaN drawn": (set_field("vials", [Vial(drawn=Decimal("NaN"))]), "drawn are not a number"),
    "10**18 headache days": (set_field("headache_days", 10**18), "Headache days must be"),
    "-1 headache days": (set_field("headache_days", -1), "Headache days must be"),
    "31 headache days": (set_field("headache_days", 31), "from 0 to 30"),
    "headache days True": (set_field("headache_days", True), "Headache days must be"),
    "-1 migraine days": (set_field("migraine_days", -1), "Migraine days must be"),
    "a window of 0 days": (set_field("outcome_window_days", 0), "outcome window .* 1 to 366"),
    "a window of 367 days": (set_field("outcome_window_days", 367), "outcome window .* 1 to 366"),
    "29 headache days in 28": (
        lambda c: (set_field("outcome_window_days", 28)(c), set_field("headache_days", 29)(c)),
        "Headache days must be a whole number from 0 to 28",
    ),
    "31 headache days without a window": (
        lambda c: (set_field("outcome_window_days", None)(c), set_field("headache_days", 31)(c)),
        "Headache days must be a whole number from 0 to 30",
    ),
    "diary longer than the window": (
        lambda c: (set_field("outcome_window_days", 90)(c), set_field("diary_days", 91)(c)),
        "Days with diary data must be a whole number from 0 to 90",
    ),
    "-1 acute-medication days": (set_field("acute_medication_days", -1), "Acute-medication days"),
    "window ending 2101": (set_field("outcome_window_end", date(2101, 1, 1)), "outcome window"),
    "window ending after the visit": (
        lambda c: set_field("outcome_window_end", c.date_of_service + timedelta(days=1))(c),
        "ends after the visit",
    ),
    "MIDAS 271": (
        set_field("midas_total", 271),
        "MIDAS total must be a whole number from 0 to 270",
    ),
    "HIT-6 35": (set_field("hit6_total", 35), "HIT-6 total must be a whole number from 36 to 78"),
    "HIT-6 79": (set_field("hit6_total", 79), "HIT-6 total must be a whole number from 36 to 78"),
    "served 9999-12-31": (set_field("date_of_service", date(9999, 12, 31)), "date of service"),
    "served 1899-12-31": (set_field("date_of_service", date(1899, 12, 31)), "date of service"),
    "expiring 2101": (set_field("vials", [Vial("C1", date(2101, 1, 1))]), "lot expiry date"),
    "NUL in the lot": (set_field("vials", [Vial("C12\x0034")]), "control character .* lot number"),
    "ESC in the product": (set_field("product", "Botox\x1b[2J"), "control character .* product"),
    "bidi override in notes": (set_field("notes", "ok \u202eevil"), "text-direction .* notes"),
    "bidi isolate in tolerance": (set_field("tolerance", "\u2066x\u2069"), "text-direction"),
    "line break in aftercare": (set_field("aftercare", "a\nb"), "line break .* aftercare"),
    "huge notes": (set_field("notes", "x" * 10_001), "Too much text in the notes"),
    "NaN units": (lambda c: first_injection(c, units=Decimal("NaN")), "not a number of units"),
    "infinite units": (lambda c: first_injection(c, units=float("inf")), "not a number of units"),
    "0 U": (lambda c: first_injection(c, units=Decimal(0)), "must be above 0 U"),
    "51 U at one site": (lambda c: first_injection(c, units=Decimal(51)), "50 U limit"),
    "0.05 U": (lambda c: first_injection(c, units=Decimal("0.05")), "charted to 0.1 U"),
    "NaN on the diagram": (lambda c: first_point(c, x=float("nan")), "not a sensible point"),
    "infinity on the diagram": (lambda c: first_point(c, y=float("-inf")), "sensible point"),
    "an unknown side": (lambda c: first_injection(c, side="up"), "side must be one of"),
    "an unknown view": (lambda c: first_injection(c, point=Point("top", 1, 1)), "view"),
}


@pytest.mark.parametrize("case", REFUSED_CHARTS, ids=list(REFUSED_CHARTS))
def test_a_chart_out_of_bounds_is_refused_naming_the_field(engine: Engine, case: str) -> None:
    change, message = REFUSED_CHARTS[case]
    doctor = make_clinician(engine)
    patient = make_patient(engine)
    chart = ready_chart()
    change(chart)
    with transaction(engine) as db, pytest.raises(sessions.SessionError, match=message):
        sessions.create_draft(db, patient_id=patient.id, injector_id=doctor.id, chart=chart)
    with transaction(engine) as db:
        assert sessions.summaries(db, patient_id=patient.id) == []


def test_a_refused_save_leaves_the_draft_as_it_was(engine: Engine) -> None:
    doctor = make_clinician(engine)
    patient = make_patient(engine)
    with transaction(engine) as db:
        row = sessions.create_draft(
            db, patient_id=patient.id, injector_id=doctor.id, chart=ready_chart()
        )
    chart = ready_chart()
    chart.headache_days = 10**18
    with transaction(engine) as db, pytest.raises(sessions.SessionError, match="Headache days"):
        sessions.save_draft(
            db,
            session_id=row.id,
            patient_id=patient.id,
            chart=chart,
            expected_version=row.version,
            clinician_id=doctor.id,
        )
    with transaction(engine) as db:
        assert sessions.load_chart(db, session_id=row.id).headache_days is None
        assert sessions.get(db, session_id=row.id).version == row.version


def test_values_at_the_edges_are_stored_exactly(any_engine: Engine) -> None:
    doctor = make_clinician(any_engine)
    patient = make_patient(any_engine)
    chart = ready_chart(date(2100, 12, 31))
    chart.vials = [Vial("C1234AB", date(2100, 12, 31), 200, Decimal("199.9"))] + [Vial()] * 5
    chart.dilution = Dilution(vial_units=200, diluent_ml=Decimal("0.5"))
    chart.headache_days, chart.migraine_days = 30, 0
    chart.notes = "Line one\n\tindented line two — Zoë, Łukasz, 李"
    first_injection(chart, units=Decimal(50))
    with transaction(any_engine) as db:
        row = sessions.create_draft(db, patient_id=patient.id, injector_id=doctor.id, chart=chart)
    with transaction(any_engine) as db:
        stored = sessions.load_chart(db, session_id=row.id)
    assert stored.date_of_service == stored.vials[0].lot_expiry == date(2100, 12, 31)
    assert stored.vials == chart.vials
    assert stored.dilution == chart.dilution
    assert (stored.headache_days, stored.migraine_days) == (30, 0)
    assert stored.notes == chart.notes
    assert stored.injections == chart.injections


def test_outcome_figures_at_their_edges_are_stored_exactly(any_engine: Engine) -> None:
    doctor = make_clinician(any_engine)
    patient = make_patient(any_engine)
    chart = ready_chart()
    chart.outcome_window_days, chart.outcome_window_end = 366, date(2026, 11, 1)
    chart.headache_days, chart.migraine_days = 366, 0
    chart.acute_medication_days, chart.diary_days = 366, 1
    chart.midas_total, chart.hit6_total = 270, 36
    with transaction(any_engine) as db:
        row = sessions.create_draft(db, patient_id=patient.id, injector_id=doctor.id, chart=chart)
    with transaction(any_engine) as db:
        stored = sessions.load_chart(db, session_id=row.id)
    outcome = (
        "outcome_window_days outcome_window_end headache_days migraine_days "
        "acute_medication_days diary_days midas_total hit6_total"
    ).split()
    assert [getattr(stored, name) for name in outcome] == [getattr(chart, n) for n in outcome]
    assert (stored.midas_total, stored.hit6_total, stored.diary_days) == (270, 36, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Correction\x00", "control character"),
        ("Correction \u202edetaerT", "text-direction"),
        ("x" * 10_001, "Too much text in the addendum"),
    ],
)
def test_an_addendum_out_of_bounds_is_refused(engine: Engine, text: str, message: str) -> None:
    doctor = make_clinician(engine)
    signed = make_signed_session(engine, make_patient(engine), doctor)
    with transaction(engine) as db, pytest.raises(sessions.SessionError, match=message):
        sessions.add_addendum(db, session_id=signed.id, author_id=doctor.id, text=text)
    with transaction(engine) as db:
        assert sessions.addenda(db, session_id=signed.id) == []
        kept = sessions.add_addendum(
            db, session_id=signed.id, author_id=doctor.id, text="Line one\nLine two"
        )
    assert kept.text == "Line one\nLine two"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("family_name", "Roy\x00", "control character .* family name"),
        ("given_names", "Luc\x1b[31m", "control character .* given name"),
        ("family_name", "\u202eyoR", "text-direction .* family name"),
        ("chart_number", "X1\u2068", "text-direction .* chart number"),
        # Invisible format characters (Cf): "000123" and "000123" + U+200B look alike but are
        # two chart numbers, so one patient could get two charts (the form and the import).
        ("chart_number", "000123\u200b", r"invisible character \(U\+200B\) .* chart number"),
        ("chart_number", "000\u2060123", r"invisible character \(U\+2060\) .* chart number"),
        ("chart_number", "00\u200d0123", r"invisible character \(U\+200D\) .* chart number"),
        ("family_name", "Tremb\u00adlay", r"invisible character \(U\+00AD\) .* family name"),
        ("given_names", "\ufeffMarie", r"invisible character \(U\+FEFF\) .* given name"),
        ("allergies", "Latex\nPenicillin", "line break .* allergies"),
        ("referring_physician", "Dr\u2028Who", "line break .* referring physician"),
        ("date_of_birth", date(1899, 12, 31), "date of birth must be from 1900-01-01"),
        ("referral_date", date(2101, 1, 1), "referral date must be from"),
    ],
)
def test_patient_details_out_of_bounds_are_refused(
    engine: Engine, field: str, value: object, message: str
) -> None:
    details = Patient(
        family_name="Roy", given_names="Luc", date_of_birth=date(1970, 1, 1), chart_number="X1"
    )
    setattr(details, field, value)
    doctor = make_clinician(engine)
    with transaction(engine) as db, pytest.raises(patients.PatientError, match=message):
        patients.add(db, patient=details, clinician_id=doctor.id)
    stored = make_patient(engine, family_name="Roy")
    changes = Patient.model_validate(stored.model_dump())
    setattr(changes, field, value)
    with transaction(engine) as db, pytest.raises(patients.PatientError, match=message):
        patients.update(db, patient_id=stored.id, changes=changes, clinician_id=doctor.id)
    with transaction(engine) as db:
        assert [p.family_name for p in patients.summaries(db)] == ["Roy"]
        assert patients.get(db, patient_id=stored.id).date_of_birth == date(1980, 5, 17)


@pytest.mark.parametrize(
    ("name", "credentials", "message"),
    [
        ("Dr Ana\x00 Souza", "MD", "control character .* clinician's name"),
        ("Dr Ana Souza", "MD\u202e", "text-direction .* credentials"),
        ("A" * 121, "MD", "clinician's name is too long"),
    ],
)
def test_clinician_details_out_of_bounds_are_refused(
    engine: Engine, name: str, credentials: str, message: str
) -> None:
    with transaction(engine) as db, pytest.raises(clinicians.ClinicianError, match=message):
        clinicians.add(db, name=name, credentials=credentials, by=None)
    with transaction(engine) as db:
        assert clinicians.active(db) == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "Clinic\x00"}, "control character .* clinic's name"),
        ({"phone": "555\u202e1234"}, "text-direction .* phone"),
        ({"phone": "555\n1234"}, "line break .* phone"),
        ({"address": "x" * 501}, "Too much text in the clinic's address"),
        ({"billing": "free"}, "Unknown billing scheme 'free'"),
    ],
)
def test_clinic_settings_out_of_bounds_are_refused(
    engine: Engine, changes: dict[str, str], message: str
) -> None:
    admin = make_clinician(engine, admin=True)
    wanted = dataclasses.replace(settings.ClinicSettings(), **changes)
    with transaction(engine) as db, pytest.raises(settings.SettingsError, match=message):
        settings.save(db, settings=wanted, clinician_id=admin.id)
    with transaction(engine) as db:
        assert settings.load(db) == settings.ClinicSettings()
        settings.save(
            db,
            settings=settings.ClinicSettings(address="1 Main St\nMontréal"),
            clinician_id=admin.id,
        )
        assert settings.load(db).address == "1 Main St\nMontréal"


@pytest.mark.parametrize("bad_id", [0, -1, BIG, 10**30])
def test_ids_no_database_holds_are_refused_on_every_database(
    any_engine: Engine, bad_id: int
) -> None:
    doctor = make_clinician(any_engine)
    make_patient(any_engine)
    with transaction(any_engine) as db:
        with pytest.raises(sessions.SessionError, match="ids are whole numbers from 1 to"):
            sessions.get(db, session_id=bad_id)
        with pytest.raises(patients.PatientError, match="ids are whole numbers from 1 to"):
            patients.get(db, patient_id=bad_id)
        with pytest.raises(clinicians.ClinicianError, match="ids are whole numbers from 1 to"):
            clinicians.get(db, clinician_id=bad_id)
        with pytest.raises(sessions.SessionError, match=f"There is no patient {bad_id}"):
            sessions.create_draft(db, patient_id=bad_id, injector_id=doctor.id)
        with pytest.raises(sessions.SessionError, match=f"there is no clinician {bad_id}"):
            sessions.create_draft(db, patient_id=1, injector_id=bad_id)
        assert sessions.summaries(db, patient_id=bad_id) == []


def test_search_text_is_bounded(any_engine: Engine) -> None:
    make_patient(any_engine, family_name="Tremblay")
    with transaction(any_engine) as db:
        with pytest.raises(sessions.SessionError, match=r"search text is too long \(60000"):
            sessions.summaries(db, patient_text="x" * 60_000)
        with pytest.raises(patients.PatientError, match="search text is too long"):
            patients.search(db, text="x" * 201)
        assert [p.family_name for p in patients.search(db, text="tremblay")] == ["Tremblay"]
