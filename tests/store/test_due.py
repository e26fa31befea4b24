"""What the due list reads of each patient (store.due): the latest signed session and its
injector, an open draft, the phone, the stop and the referral, in one query for the clinic."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from botox_chart.store import patients, sessions, transaction
from botox_chart.store.due import histories
from botox_chart.store.models import Patient, Role
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart


def test_each_patient_is_read_with_their_latest_signed_session(any_engine: Engine) -> None:
    engine = any_engine  # SQLite and PostgreSQL
    souza = make_clinician(engine)
    wei = make_clinician(engine, "Li Wei", Role.INJECTOR)
    gagnon = make_patient(engine, family_name="Gagnon", given_names="Élise", phone="514-555-0101")
    make_signed_session(engine, gagnon, souza, ready_chart(date(2026, 3, 2)))
    latest = make_signed_session(engine, gagnon, wei, ready_chart(date(2026, 6, 1)))
    with transaction(engine) as db:  # a draft dated later is not a treatment given
        sessions.create_draft(
            db, patient_id=gagnon.id, injector_id=souza.id, chart=ready_chart(date(2026, 9, 1))
        )
    roy = make_patient(engine, family_name="Roy", given_names="Paul")
    make_signed_session(engine, roy, souza, ready_chart(date(2026, 5, 4)))
    changes = Patient.model_validate(roy.model_dump())
    changes.treatment_stopped_on = date(2026, 8, 3)
    changes.treatment_stopped_reason = "patient choice"
    with transaction(engine) as db:
        patients.update(db, patient_id=roy.id, changes=changes, clinician_id=souza.id)
    nia = make_patient(
        engine, family_name="Nadeau", given_names="Nia", referral_date=date(2026, 10, 1)
    )

    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    with transaction(engine) as db:
        sa.event.listen(engine, "before_cursor_execute", count)
        try:
            found = {h.patient: h for h in histories(db)}
        finally:
            sa.event.remove(engine, "before_cursor_execute", count)

    assert len(statements) == 1, statements  # one query, whatever the clinic's size
    first = found["Gagnon, Élise"]
    assert (first.last_session_id, first.last_date, first.injector) == (
        latest.id,
        date(2026, 6, 1),
        "Li Wei, MD, FRCPC",
    )
    assert first.draft_open and first.phone == "514-555-0101" and first.stopped_on is None
    stopped = found["Roy, Paul"]
    assert (stopped.last_date, stopped.stopped_on, stopped.draft_open) == (
        date(2026, 5, 4),
        date(2026, 8, 3),
        False,
    )
    new = found["Nadeau, Nia"]
    assert new.patient_id == nia.id
    assert (new.last_session_id, new.last_date, new.injector, new.referral_date) == (
        None,
        None,
        "",
        date(2026, 10, 1),
    )
