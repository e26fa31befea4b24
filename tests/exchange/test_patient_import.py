"""exchange.patient_import on SQLite and PostgreSQL: the plan writes nothing, the import is one
transaction whose audit events keep the chain whole, and a chart number taken between the preview
and the import refuses it all."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import select

from botox_chart.exchange import patient_import
from botox_chart.exchange.patient_csv import parse
from botox_chart.store import patients as store_patients
from botox_chart.store import transaction, verify
from botox_chart.store.models import AuditEvent, Patient, Role
from botox_chart.store.patients import PatientError
from tests.helpers.factories import make_clinician, make_patient

LIST = (
    "family_name,given_names,date_of_birth,chart_number\n"
    "Côté,Élise,1980-05-17,E-1\n"
    "王,小明,1975-01-02,E-2\n"
    "Смирнова,Наталья,1990-09-09,E-3\n"
    "Dup,Row,1990-09-09,E-1\n"
).encode()


def counts(engine: Engine) -> tuple[int, int]:
    with engine.connect() as connection:
        patients = connection.execute(sa.select(sa.func.count()).select_from(Patient)).scalar()
        events = connection.execute(sa.select(sa.func.count()).select_from(AuditEvent)).scalar()
    return int(patients or 0), int(events or 0)


def test_plan_writes_nothing_and_apply_adds_in_one_audited_transaction(
    any_engine: Engine,
) -> None:
    nurse = make_clinician(any_engine, "Nurse", Role.INJECTOR)
    before = counts(any_engine)
    planned = patient_import.plan(
        any_engine, parse(LIST), file_name="list.csv", clinician_id=nurse.id
    )
    assert counts(any_engine) == before
    assert [row for row, _p in planned.to_add] == [2, 3, 4]
    assert [(d.row, d.reason) for d in planned.duplicates] == [
        (5, "Chart number E-1 is row 2's too.")
    ]

    assert patient_import.apply(any_engine, planned, clinician_id=nurse.id) == 3
    patients, events = counts(any_engine)
    assert patients == before[0] + 3
    assert events == before[1] + 3 + 1  # each creation, and the import
    with transaction(any_engine) as db:
        names = sorted(db.exec(select(Patient.family_name)))
    assert names == sorted(["Côté", "王", "Смирнова"])
    assert verify.verify(any_engine).ok


def test_a_chart_number_taken_after_the_preview_refuses_the_whole_import(
    any_engine: Engine,
) -> None:
    nurse = make_clinician(any_engine, "Nurse", Role.INJECTOR)
    planned = patient_import.plan(
        any_engine, parse(LIST), file_name="list.csv", clinician_id=nurse.id
    )
    make_patient(any_engine, chart_number="E-3")  # another workstation, meanwhile
    before = counts(any_engine)
    with pytest.raises(PatientError, match="Chart number E-3 belongs to another patient"):
        patient_import.apply(any_engine, planned, clinician_id=nurse.id)
    assert counts(any_engine) == before


def test_refused_rows_import_nothing_unless_partial(any_engine: Engine) -> None:
    nurse = make_clinician(any_engine, "Nurse", Role.INJECTOR)
    data = LIST + b"Bad,Date,1990/09/09,E-9\n"
    planned = patient_import.plan(any_engine, parse(data), file_name="l.csv", clinician_id=nurse.id)
    assert [(r.row, r.reason[:40]) for r in planned.refused] == [
        (6, "The date of birth '1990/09/09' is not a ")
    ]
    before = counts(any_engine)
    with pytest.raises(patient_import.ImportRefused, match="Nothing was imported: 1 row"):
        patient_import.apply(any_engine, planned, clinician_id=nurse.id)
    assert counts(any_engine) == before
    assert patient_import.apply(any_engine, planned, clinician_id=nurse.id, partial=True) == 3


def test_staff_may_not_import(any_engine: Engine) -> None:
    desk = make_clinician(any_engine, "Desk", Role.STAFF)
    with pytest.raises(patient_import.ImportRefused, match="Only an injector or a physician"):
        patient_import.plan(any_engine, parse(LIST), file_name="l.csv", clinician_id=desk.id)


def test_a_list_saved_again_without_leading_zeros_adds_nobody_and_names_the_charts(
    any_engine: Engine,
) -> None:
    # The clinic's list was imported with chart numbers 000123 and 000124; Excel saved it again
    # as 123 and 124. Same people: listed as possible duplicates of their charts, not added.
    nurse = make_clinician(any_engine, "Nurse", Role.INJECTOR)
    for family, given, chart, born in (
        ("Côté", "Élise", "000123", date(1980, 5, 17)),
        ("Gagnon", "Marie-Claude", "000124", date(1975, 1, 2)),
    ):
        make_patient(
            any_engine,
            family_name=family,
            given_names=given,
            chart_number=chart,
            date_of_birth=born,
        )
    data = (
        "family_name,given_names,date_of_birth,chart_number\n"
        "COTE,elise,1980-05-17,123\n"  # case and accents aside
        "Gagnon, Marie Claude ,1975-01-02,124\n"  # the hyphen and spaces aside
        "Côté,Élise,1980-05-18,125\n"  # another birth date: another person
        "Nguyen,Anh,1990-09-09,126\n"
        "nguyen,ANH,1990-09-09,0126\n"  # an earlier row's person
    ).encode()
    before = counts(any_engine)
    planned = patient_import.plan(any_engine, parse(data), file_name="l.csv", clinician_id=nurse.id)
    assert [row for row, _p in planned.to_add] == [4, 5]
    assert [(d.row, d.chart_number) for d in planned.duplicates] == [
        (2, "000123"),
        (3, "000124"),
        (6, "126"),
    ]
    assert planned.duplicates[0].reason.startswith("Possible duplicate of chart 000123")
    assert "(row 5)" in planned.duplicates[2].reason
    assert planned.valid
    assert patient_import.apply(any_engine, planned, clinician_id=nurse.id) == 2
    assert counts(any_engine)[0] == before[0] + 2


def test_a_chart_number_inserted_between_the_check_and_the_insert_is_a_clear_refusal(
    any_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The race the check cannot close: another workstation inserts right after add_many's
    # check. The database's unique constraint refuses; the error says so without any value.
    nurse = make_clinician(any_engine, "Nurse", Role.INJECTOR)
    planned = patient_import.plan(
        any_engine, parse(LIST), file_name="list.csv", clinician_id=nurse.id
    )
    make_patient(any_engine, family_name="Quillfeather", chart_number="E-3")
    monkeypatch.setattr(store_patients, "taken_chart_numbers", lambda db, numbers: set())
    before = counts(any_engine)
    with pytest.raises(PatientError) as refused:
        patient_import.apply(any_engine, planned, clinician_id=nurse.id)
    assert "Another workstation" in str(refused.value)
    assert refused.value.__cause__ is None and refused.value.__suppress_context__
    for value in ("E-3", "Côté", "Смирнова", "1990-09-09"):
        assert value not in str(refused.value)
    assert counts(any_engine) == before


def test_the_import_is_audited_with_counts_and_a_digest_never_the_file_name(
    any_engine: Engine,
) -> None:
    nurse = make_clinician(any_engine, "Nurse", Role.INJECTOR)
    planned = patient_import.plan(
        any_engine, parse(LIST), file_name="Côté Élise referral.csv", clinician_id=nurse.id
    )
    patient_import.apply(any_engine, planned, clinician_id=nurse.id)
    with transaction(any_engine) as db:
        event = db.exec(select(AuditEvent).where(AuditEvent.action == "import")).one()
    said = json.dumps(event.changes, ensure_ascii=False)
    assert "Côté" not in said and "referral" not in said and ".csv" not in said
    assert event.changes["bytes"] == len(LIST)
    assert event.changes["sha256"] == hashlib.sha256(LIST).hexdigest()[:16]
    assert event.changes["added"] == 3


def test_a_named_pipe_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "patients.csv"
    os.mkfifo(fifo)  # opening it would wait for a writer forever
    with pytest.raises(patient_import.ImportRefused, match="is not a file"):
        patient_import.read(fifo)


def test_a_chart_number_with_an_invisible_character_is_refused_not_a_new_chart(
    engine: Engine,
) -> None:
    # "E-1" + U+200B reads as E-1 but would not match it: refused by the form's own rule.
    nurse = make_clinician(engine, "Nurse", Role.INJECTOR)
    data = LIST + "Zed,Zoé,1991-01-01,E-1\u200b\n".encode()
    planned = patient_import.plan(engine, parse(data), file_name="l.csv", clinician_id=nurse.id)
    assert [(r.row, "U+200B" in r.reason) for r in planned.refused] == [(6, True)]
