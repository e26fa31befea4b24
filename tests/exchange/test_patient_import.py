"""exchange.patient_import on SQLite and PostgreSQL: the plan writes nothing, the import is one
transaction whose audit events keep the chain whole, and a chart number taken between the preview
and the import refuses it all."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import select

from botox_chart.exchange import patient_import
from botox_chart.exchange.patient_csv import parse
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
