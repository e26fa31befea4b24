"""Store round trips, signing and conflicts, on a per-test SQLite file and on real PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from botox_chart.chart import Chart, Dilution, InjectionKind, SiteState, Vial
from botox_chart.protocol import Point
from botox_chart.store import audit, sessions, transaction
from botox_chart.store.models import Role, Status
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart

DAY = date(2026, 11, 2)


def tailored_chart():  # type: ignore[no-untyped-def]
    chart = ready_chart(DAY)
    chart.omit("FRO-R2", "brow ptosis")
    chart.set_units("TRA-L1", "7.5")
    chart.add_follow_the_pain("temporalis", "right", Point("right", 150.5, 110.25))
    chart.add_custom("Left masseter", "masseter", "left", Point("left", 150, 300), 10)
    chart.dilution = Dilution(vial_units=100, diluent_ml=Decimal("2.5"))
    chart.vials = [
        Vial("C1234AB", date(2027, 6, 30), 100, Decimal(100)),
        Vial("D5678CD", date(2027, 9, 30), 100),
    ]
    chart.headache_days = 18
    chart.migraine_days = 11
    chart.adverse_events = ["Neck pain"]
    chart.adverse_event_other = "mild dizziness"
    chart.notes = "Zoë tolerated well."
    chart.diagnosis_code = "G43.E19"
    return chart


def test_a_tailored_chart_round_trips(any_engine: Engine) -> None:
    doctor = make_clinician(any_engine)
    patient = make_patient(any_engine, given_names="Zoë", family_name="Øvergård")
    chart = tailored_chart()
    with transaction(any_engine) as db:
        row = sessions.create_draft(db, patient_id=patient.id, injector_id=doctor.id, chart=chart)
    with transaction(any_engine) as db:
        loaded = sessions.load_chart(db, session_id=row.id)
    assert loaded.injections == chart.injections
    assert loaded.vials == chart.vials
    assert loaded.dilution == chart.dilution
    assert loaded.omissions == {"FRO-R2": "brow ptosis"}
    assert loaded.state_of("FRO-R2") is SiteState.OMITTED
    assert loaded.total_units == chart.total_units == Decimal("167.5")
    assert loaded.dilution == chart.dilution
    assert loaded.units_wasted == Decimal("32.5")
    assert loaded.injection("FTP-1").kind is InjectionKind.FOLLOW_THE_PAIN
    assert loaded.injection("FTP-1").point == Point("right", 150.5, 110.25)
    assert (loaded.headache_days, loaded.migraine_days) == (18, 11)
    assert loaded.adverse_events == ["Neck pain"]
    assert loaded.notes == "Zoë tolerated well."
    assert loaded.deviations() == chart.deviations()
    assert loaded.screen == chart.screen
    assert loaded.diagnosis_code == "G43.E19"


def test_save_draft_stores_changes_and_refuses_a_stale_version(any_engine: Engine) -> None:
    doctor = make_clinician(any_engine)
    patient = make_patient(any_engine)
    with transaction(any_engine) as db:
        row = sessions.create_draft(db, patient_id=patient.id, injector_id=doctor.id)
    mine = ready_chart(DAY)
    theirs = ready_chart(DAY)
    theirs.omit("PRO", "scar")
    with transaction(any_engine) as db:
        version = sessions.save_draft(
            db,
            session_id=row.id,
            patient_id=row.patient_id,
            chart=theirs,
            expected_version=1,
            clinician_id=doctor.id,
        )
    assert version == 2
    with transaction(any_engine) as db, pytest.raises(sessions.ConflictError, match="another"):
        sessions.save_draft(
            db,
            session_id=row.id,
            patient_id=row.patient_id,
            chart=mine,
            expected_version=1,
            clinician_id=doctor.id,
        )
    with transaction(any_engine) as db:
        stored = sessions.load_chart(db, session_id=row.id)
    assert stored.state_of("PRO") is SiteState.OMITTED
    assert stored.total_units == 150


def test_signing_requires_no_errors_and_acknowledged_warnings(any_engine: Engine) -> None:
    patient = make_patient(any_engine)
    nurse = make_clinician(any_engine, "Claire Dubé", Role.INJECTOR)
    staff = make_clinician(any_engine, "Jo Park", Role.STAFF)
    chart = ready_chart(DAY)
    chart.vials = [Vial(lot_expiry=date(2027, 6, 30))]
    with transaction(any_engine) as db:
        row = sessions.create_draft(db, patient_id=patient.id, injector_id=nurse.id, chart=chart)
        with pytest.raises(sessions.SignRefused, match="lot number is missing") as refused:
            sessions.sign(
                db, session_id=row.id, patient_id=row.patient_id, clinician_id=nurse.id, today=DAY
            )
        assert [f.code for f in refused.value.findings] == ["lot_missing"]
        chart.vials = [Vial("C1234AB", date(2027, 6, 30))]
        chart.adverse_events = ["Dysphagia"]
        sessions.save_draft(
            db,
            session_id=row.id,
            patient_id=row.patient_id,
            chart=chart,
            expected_version=row.version,
            clinician_id=nurse.id,
        )
        with pytest.raises(sessions.SignRefused, match="Acknowledge") as refused:
            sessions.sign(
                db, session_id=row.id, patient_id=row.patient_id, clinician_id=nurse.id, today=DAY
            )
        warning_keys = [f.key for f in refused.value.findings]
        with pytest.raises(sessions.SessionError, match="Only an injector or a physician"):
            sessions.sign(
                db,
                session_id=row.id,
                patient_id=row.patient_id,
                clinician_id=staff.id,
                acknowledged=warning_keys,
            )
        signed = sessions.sign(
            db,
            session_id=row.id,
            patient_id=row.patient_id,
            clinician_id=nurse.id,
            acknowledged=warning_keys,
            today=DAY,
        )
    assert signed.status == Status.SIGNED
    assert signed.signed_by_id == nurse.id and signed.signed_at is not None
    assert signed.acknowledged == warning_keys


def test_signing_content_changed_on_another_workstation_is_refused(any_engine: Engine) -> None:
    patient = make_patient(any_engine)
    doctor = make_clinician(any_engine)
    with transaction(any_engine) as db:
        row = sessions.create_draft(
            db, patient_id=patient.id, injector_id=doctor.id, chart=ready_chart(DAY)
        )
    seen = row.version  # what the signer's window shows
    elsewhere = ready_chart(DAY)
    elsewhere.set_units("TRA-R1", 10)
    with transaction(any_engine) as db:
        sessions.save_draft(
            db,
            session_id=row.id,
            patient_id=row.patient_id,
            chart=elsewhere,
            expected_version=seen,
            clinician_id=doctor.id,
        )
    with transaction(any_engine) as db, pytest.raises(sessions.ConflictError):
        sessions.sign(
            db,
            session_id=row.id,
            patient_id=row.patient_id,
            clinician_id=doctor.id,
            today=DAY,
            expected_version=seen,
        )
    with transaction(any_engine) as db:
        assert sessions.get(db, session_id=row.id).status == Status.DRAFT
        signed = sessions.sign(
            db,
            session_id=row.id,
            patient_id=row.patient_id,
            clinician_id=doctor.id,
            today=DAY,
            expected_version=seen + 1,
        )
    assert signed.status == Status.SIGNED and signed.version == seen + 2


def test_a_signed_session_cannot_be_changed_or_deleted_only_added_to(any_engine: Engine) -> None:
    patient = make_patient(any_engine)
    doctor = make_clinician(any_engine)
    row = make_signed_session(any_engine, patient, doctor)
    changed = ready_chart(DAY)
    changed.omit("PRO", "changed my mind")
    with transaction(any_engine) as db:
        with pytest.raises(sessions.SignedSessionError, match="Add an addendum"):
            sessions.save_draft(
                db,
                session_id=row.id,
                patient_id=row.patient_id,
                chart=changed,
                expected_version=row.version,
                clinician_id=doctor.id,
            )
        with pytest.raises(sessions.SignedSessionError):
            sessions.delete_draft(db, session_id=row.id, clinician_id=doctor.id)
        with pytest.raises(sessions.SignedSessionError):
            sessions.sign(db, session_id=row.id, patient_id=row.patient_id, clinician_id=doctor.id)
        sessions.add_addendum(
            db, session_id=row.id, author_id=doctor.id, text="Patient called: mild neck pain."
        )
    with transaction(any_engine) as db:
        assert sessions.load_chart(db, session_id=row.id).total_units == 155
        (addendum,) = sessions.addenda(db, session_id=row.id)
        assert addendum.text == "Patient called: mild neck pain."
        actions = [e.action for e in audit.events(db, session_id=row.id)]
    assert actions == ["create", "sign", "addendum"]


def test_interval_warning_uses_the_patients_previous_signed_session(any_engine: Engine) -> None:
    patient = make_patient(any_engine)
    doctor = make_clinician(any_engine)
    make_signed_session(any_engine, patient, doctor, ready_chart(DAY - timedelta(days=70)))
    with transaction(any_engine) as db:
        row = sessions.create_draft(
            db, patient_id=patient.id, injector_id=doctor.id, chart=ready_chart(DAY)
        )
        chart = sessions.load_chart(db, session_id=row.id)
    assert chart.previous_session_date == DAY - timedelta(days=70)
    assert [f.code for f in chart.findings()] == ["interval_short"]


def test_repeat_last_session_reproduces_the_pattern(any_engine: Engine) -> None:
    patient = make_patient(any_engine)
    doctor = make_clinician(any_engine)
    previous = tailored_chart()
    make_signed_session(any_engine, patient, doctor, previous)
    with transaction(any_engine) as db:
        row = sessions.repeat_last(
            db, patient_id=patient.id, injector_id=doctor.id, today=DAY + timedelta(days=90)
        )
        repeated = sessions.load_chart(db, session_id=row.id)
    assert [(i.key, i.units, i.point) for i in repeated.injections] == [
        (i.key, i.units, i.point) for i in previous.injections
    ]
    assert repeated.omissions == previous.omissions
    assert repeated.diagnosis_code == "G43.E19"
    # The vial sizes repeat; the lot is the clinic's latest, confirmed at signing.
    assert [(v.lot_number, v.units, v.drawn) for v in repeated.vials] == [
        ("D5678CD", 100, None),
        ("D5678CD", 100, None),
    ]
    assert not repeated.consent
    assert repeated.date_of_service == DAY + timedelta(days=90)


def test_a_new_draft_counts_outcomes_over_the_30_days_to_its_visit(any_engine: Engine) -> None:
    """The window ends on the visit (no end stored), so moving the date of service moves it."""
    doctor = make_clinician(any_engine)
    patient = make_patient(any_engine)
    with transaction(any_engine) as db:
        empty = sessions.create_draft(db, patient_id=patient.id, injector_id=doctor.id)
        charted = sessions.create_draft(
            db, patient_id=make_patient(any_engine).id, injector_id=doctor.id, chart=ready_chart()
        )
    assert (empty.outcome_window_days, empty.outcome_window_end) == (30, None)
    assert (charted.outcome_window_days, charted.outcome_window_end) == (30, None)


def test_repeat_last_session_does_not_copy_its_outcomes(any_engine: Engine) -> None:
    patient = make_patient(any_engine)
    doctor = make_clinician(any_engine)
    previous = tailored_chart()
    previous.outcome_window_days, previous.outcome_window_end = 28, DAY - timedelta(days=1)
    previous.acute_medication_days, previous.diary_days = 6, 25
    previous.midas_total, previous.hit6_total = 40, 60
    make_signed_session(any_engine, patient, doctor, previous)
    later = DAY + timedelta(days=90)
    with transaction(any_engine) as db:
        row = sessions.repeat_last(db, patient_id=patient.id, injector_id=doctor.id, today=later)
        repeated = sessions.load_chart(db, session_id=row.id)
    assert (repeated.outcome_window_days, repeated.outcome_window_end) == (30, None)  # the visit
    figures = (
        repeated.headache_days,
        repeated.migraine_days,
        repeated.acute_medication_days,
        repeated.diary_days,
        repeated.midas_total,
        repeated.hit6_total,
    )
    assert figures == (None,) * 6


def test_a_new_draft_starts_with_the_clinics_latest_unexpired_lot(any_engine: Engine) -> None:
    doctor = make_clinician(any_engine)
    first = make_patient(any_engine)
    with transaction(any_engine) as db:
        empty = sessions.create_draft(db, patient_id=first.id, injector_id=doctor.id)
    assert lots_of(any_engine, empty.id) == [("", None)]  # no lot used yet
    make_signed_session(any_engine, first, doctor, ready_chart(DAY))
    with transaction(any_engine) as db:
        later = Chart(protocol=ready_chart().protocol, date_of_service=DAY + timedelta(days=90))
        row = sessions.create_draft(db, patient_id=first.id, injector_id=doctor.id, chart=later)
    assert lots_of(any_engine, row.id) == [("C1234AB", date(2027, 6, 30))]
    with transaction(any_engine) as db:
        expired = Chart(protocol=ready_chart().protocol, date_of_service=date(2027, 7, 1))
        row = sessions.create_draft(db, patient_id=first.id, injector_id=doctor.id, chart=expired)
    assert lots_of(any_engine, row.id) == [("", None)]  # C1234AB expired on 2027-06-30


def lots_of(engine: Engine, session_id: int | None) -> list[tuple[str, date | None]]:
    with transaction(engine) as db:
        return [
            (v.lot_number, v.lot_expiry)
            for v in sessions.load_chart(db, session_id=session_id).vials
        ]


def test_repeat_without_a_signed_session_is_a_clear_error(any_engine: Engine) -> None:
    doctor = make_clinician(any_engine)
    patient = make_patient(any_engine)
    with transaction(any_engine) as db, pytest.raises(sessions.SessionError, match="no signed"):
        sessions.repeat_last(db, patient_id=patient.id, injector_id=doctor.id)


def test_delete_draft_removes_it_and_records_the_deletion(any_engine: Engine) -> None:
    doctor = make_clinician(any_engine)
    patient = make_patient(any_engine)
    with transaction(any_engine) as db:
        row = sessions.create_draft(
            db, patient_id=patient.id, injector_id=doctor.id, chart=ready_chart()
        )
        sessions.delete_draft(db, session_id=row.id, clinician_id=doctor.id)
        assert sessions.summaries(db, patient_id=patient.id) == []
        assert [e.action for e in audit.events(db, session_id=row.id)] == [
            "create",
            "delete_draft",
        ]
        count = db.execute(sa.text("SELECT COUNT(*) FROM injection")).scalar_one()
    assert count == 0


def test_summaries_and_recent_lots(any_engine: Engine) -> None:
    patient = make_patient(any_engine, family_name="Côté", given_names="Élodie")
    other = make_patient(any_engine, family_name="Smith")
    doctor = make_clinician(any_engine)
    make_signed_session(any_engine, patient, doctor, tailored_chart())
    make_signed_session(any_engine, other, doctor)
    with transaction(any_engine) as db:
        (found,) = sessions.summaries(db, patient_text="côté, é")
        lots = sessions.recent_lots(db)
    assert found.patient == "Côté, Élodie"
    assert found.total_units == Decimal("167.5")
    assert found.sites == 32  # 31 - 1 omitted + 1 FTP + 1 custom
    assert found.status == "signed"
    assert found.next_due == DAY + timedelta(days=84)
    assert found.lots == ("C1234AB", "D5678CD")
    # Used the same day: the later expiry is the newer lot, the one in hand.
    assert lots == [("D5678CD", date(2027, 9, 30)), ("C1234AB", date(2027, 6, 30))]


def test_unknown_ids_are_clear_errors(any_engine: Engine) -> None:
    doctor = make_clinician(any_engine)
    with transaction(any_engine) as db:
        with pytest.raises(sessions.SessionError, match="no session 999"):
            sessions.load_chart(db, session_id=999)
        with pytest.raises(sessions.SessionError, match="no patient 999"):
            sessions.create_draft(db, patient_id=999, injector_id=doctor.id)
