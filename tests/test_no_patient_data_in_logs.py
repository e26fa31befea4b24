"""Application logs are for support: no patient's name, birth date or chart number may reach them,
whatever the app does or fails to do."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from botox_chart.cli import main
from botox_chart.note import render
from botox_chart.store import backup, patients, sessions, transaction
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart

IDENTITY = ("Quillfeather", "Wenonah", "1977-03-29", "QX-99731", "9988 776 655")


def test_a_whole_flow_logs_nothing_that_identifies_the_patient(
    engine: Engine,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    cli_admin: int,
) -> None:
    caplog.set_level(logging.DEBUG, logger="botox_chart")
    patient = make_patient(
        engine,
        family_name=IDENTITY[0],
        given_names=IDENTITY[1],
        date_of_birth=date(1977, 3, 29),
        chart_number=IDENTITY[3],
        health_card=IDENTITY[4],
    )
    doctor = make_clinician(engine)
    row = make_signed_session(engine, patient, doctor)
    with transaction(engine) as db:
        sessions.add_addendum(db, session_id=row.id, author_id=doctor.id, text="Called back.")
        draft = sessions.create_draft(db, patient_id=patient.id, injector_id=doctor.id)
        sessions.save_draft(
            db,
            session_id=draft.id,
            patient_id=patient.id,
            chart=ready_chart(),
            expected_version=1,
            clinician_id=doctor.id,
        )
        with pytest.raises(patients.PatientError):  # a refusal on the way
            patients.add(
                db,
                patient=patients.Patient(**{**patient.model_dump(), "id": None}),
                clinician_id=doctor.id,
            )
    render.write_session_note(engine, session_id=row.id, path=tmp_path / "note.pdf")
    render.write_treatment_record(engine, patient_id=patient.id, path=tmp_path / "record.pdf")
    backup.backup(engine, tmp_path / "copy.sqlite3")
    db_url = str(engine.url.database)
    main(["note", "999999", "--db", db_url])  # an error path too
    main(["sessions", "--db", db_url])
    # A patient list imported (one row a duplicate of the patient, one refused), then exported.
    imported = tmp_path / "list.csv"
    imported.write_text(
        "family_name,given_names,date_of_birth,chart_number,health_card\n"
        f"{IDENTITY[0]},{IDENTITY[1]},{IDENTITY[2]},{IDENTITY[3]},{IDENTITY[4]}\n"
        f"{IDENTITY[0]}x,{IDENTITY[1]},29/03/1977,{IDENTITY[3]}x,\n"
        f"{IDENTITY[0]}y,{IDENTITY[1]},{IDENTITY[2]},{IDENTITY[3]}y,\n",
        encoding="utf-8",
    )
    assert main(["patients", "import", str(imported), "--partial", "--db", db_url]) == 1
    assert main(["export", "csv", "-o", str(tmp_path / "injections.csv"), "--db", db_url]) == 0
    with transaction(engine) as db:
        assert patients.search(db, text=f"{IDENTITY[3]}y")  # the import did run
    capsys.readouterr()

    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    for value in IDENTITY:
        assert value not in logged


def test_a_database_error_never_carries_the_values_it_was_given(engine: Engine) -> None:
    # SQLAlchemy puts a statement's parameters in its errors' messages (and so in any log or
    # crash report of them) unless the engine hides them: every engine the app makes does.
    import sqlalchemy as sa

    patients_table = sa.table(
        "patient", sa.column("family_name"), sa.column("given_names"), sa.column("chart_number")
    )
    with pytest.raises(sa.exc.DBAPIError) as failed, engine.begin() as connection:
        connection.execute(
            sa.insert(patients_table).values(
                family_name=IDENTITY[0], given_names=IDENTITY[1], chart_number=IDENTITY[3]
            )
        )
    assert "hidden due to hide_parameters" in str(failed.value)
    assert not any(value in str(failed.value) for value in IDENTITY)
