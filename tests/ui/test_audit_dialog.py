"""The audit trail in the window: per session (Session > Audit trail…) and per patient (Patient >
Audit trail…), in words, local time, and never a patient-identifying value."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.note import render
from botox_chart.store import patients, sessions, transaction
from botox_chart.store.models import AuditEvent, Clinician, Patient, Role
from botox_chart.ui.dialogs.audit_dialog import AuditDialog, load_trail
from botox_chart.ui.models import audit_model
from botox_chart.ui.models.audit_model import (
    ACTION,
    CHANGES,
    RECORD,
    WHO,
    AuditModel,
    audit_rows,
    describe_changes,
    injection_summary,
)
from tests.helpers.factories import make_patient, ready_chart
from tests.helpers.fake_dialogs import FakeDialogs


@pytest.fixture
def souza(login: Any) -> Clinician:
    return login("souza", Role.PHYSICIAN, name="Dr Ana Souza", admin=True)


@pytest.fixture
def history(engine: Engine, souza: Clinician) -> dict[str, Any]:
    """A session created, changed, signed, added to and printed; a draft made and deleted; the
    patient's allergies and family name edited."""
    patient = make_patient(engine, family_name="Tremblay", given_names="Marie")
    assert patient.id is not None and souza.id is not None
    with transaction(engine) as db:
        row = sessions.create_draft(db, patient_id=patient.id, injector_id=souza.id)
        assert row.id is not None
        sessions.save_draft(
            db,
            session_id=row.id,
            patient_id=patient.id,
            chart=ready_chart(date(2026, 11, 2)),
            expected_version=row.version,
            clinician_id=souza.id,
        )
        findings = sessions.load_chart(db, session_id=row.id).findings(today=date(2026, 11, 2))
        sessions.sign(
            db,
            session_id=row.id,
            patient_id=patient.id,
            clinician_id=souza.id,
            acknowledged=[f.key for f in findings],
            today=date(2026, 11, 2),
        )
        sessions.add_addendum(db, session_id=row.id, author_id=souza.id, text="No bruising.")
    render.record_release(engine, action="print", session_ids=[row.id], clinician_id=souza.id)
    with transaction(engine) as db:
        draft = sessions.create_draft(db, patient_id=patient.id, injector_id=souza.id)
        assert draft.id is not None
        sessions.delete_draft(db, session_id=draft.id, clinician_id=souza.id)
        changes = Patient(
            family_name="Tremblay-Roy",
            given_names=patient.given_names,
            date_of_birth=patient.date_of_birth,
            chart_number=patient.chart_number,
            allergies="Latex",
        )
        patients.update(db, patient_id=patient.id, changes=changes, clinician_id=souza.id)
    return {"patient": patient, "session_id": row.id}


def column(dialog: AuditDialog, col: int) -> list[str]:
    model = dialog.model
    return [model.index(row, col).data() for row in range(model.rowCount())]


def test_a_sessions_trail_lists_create_change_sign_addendum_and_print(
    qtbot: QtBot,
    open_window: Any,
    souza: Clinician,
    history: dict[str, Any],
    dialogs: FakeDialogs,
) -> None:
    window = open_window(dialogs, souza)
    window.patients.select(history["patient"].id)
    window.sessions.select(history["session_id"])

    window.actions_.session_audit.trigger()

    dialog = window.findChild(AuditDialog)
    assert dialog is not None and dialog.isVisible()
    assert column(dialog, ACTION) == ["Created", "Changed", "Signed", "Addendum", "Printed"]
    assert set(column(dialog, WHO)) == {"Dr Ana Souza"}
    assert dialog.view.isColumnHidden(RECORD)
    changed = column(dialog, CHANGES)[1]
    assert changed.startswith("Consent, date of service, screen, vials")
    assert changed.endswith("; sites: 31 added (0 → 155 U)")
    assert column(dialog, CHANGES)[4] == "Procedure note"
    assert "Session of 2026-11-02" in dialog.heading.text()
    assert "5 events for this session" in dialog.count.text()
    dialog.reject()


def test_a_patients_trail_has_their_record_and_every_session_without_identifying_values(
    open_window: Any, souza: Clinician, history: dict[str, Any], dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs, souza)
    window.patients.select(history["patient"].id)

    window.actions_.patient_audit.trigger()

    dialog = window.findChild(AuditDialog)
    assert dialog is not None and not dialog.view.isColumnHidden(RECORD)
    actions = column(dialog, ACTION)
    assert actions[0] == "Created" and column(dialog, RECORD)[0] == "Patient"
    assert actions[1:] == [
        "Created",
        "Changed",
        "Signed",
        "Addendum",
        "Printed",
        "Created",
        "Deleted draft",
        "Changed",
    ]
    assert column(dialog, RECORD)[1] == "Session 2026-11-02"
    assert column(dialog, CHANGES)[-1] == "Fields: allergies, family name"
    every_cell = " ".join(
        str(dialog.model.index(r, c).data())
        for r in range(dialog.model.rowCount())
        for c in range(dialog.model.columnCount())
    )
    assert "Latex" not in every_cell and "Tremblay" not in every_cell
    dialog.reject()


def test_the_audit_trail_needs_a_patient_or_session_and_an_open_window(
    open_window: Any, souza: Clinician, history: dict[str, Any], dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs, souza)
    assert not window.actions_.patient_audit.isEnabled()  # no patient chosen yet
    assert not window.actions_.session_audit.isEnabled()
    window.patients.select(history["patient"].id)
    window.sessions.select(history["session_id"])
    assert window.actions_.patient_audit.isEnabled()
    assert window.actions_.session_audit.isEnabled()

    window.sign_in.lock()

    assert not window.actions_.patient_audit.isEnabled()
    assert not window.actions_.session_audit.isEnabled()


def test_audit_model_keeps_the_qt_model_contract(
    qtmodeltester: Any, engine: Engine, history: dict[str, Any]
) -> None:
    trail = load_trail(engine, patient_id=history["patient"].id)
    model = AuditModel()
    model.set_rows(trail.rows)
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_times_are_shown_in_local_time(qapp: Any) -> None:
    at = datetime(2026, 11, 2, 15, 30, 5)  # stored UTC, read back without a zone (SQLite)
    event = AuditEvent(at=at, action="sign", clinician_id=1, session_id=4, patient_id=2)
    [row] = audit_rows([event], {1: "Dr Ana Souza"}, {4: date(2026, 11, 2)})
    model = AuditModel()
    model.set_rows([row])

    expected = at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert model.index(0, audit_model.WHEN).data() == expected
    assert model.index(0, ACTION).data() == "Signed"
    assert model.index(0, ACTION).data(audit_model.ACTION_CODE_ROLE) == "sign"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "When"


def test_changes_in_words() -> None:
    assert describe_changes("update", {"fields": ["family_name"]}) == "Fields: family name"
    assert describe_changes("update", {"lot_number": ["A", "B"]}) == "Lot number"
    assert describe_changes("sign", {"acknowledged": ["interval"]}) == "1 warning acknowledged"
    assert describe_changes("delete_draft", {"date_of_service": "2026-11-02"}) == (
        "Draft of 2026-11-02"
    )
    assert describe_changes("export", {"document": "treatment record"}) == "Treatment record"
    assert describe_changes("create_clinician", {"role": "staff"}) == "Staff"
    imported = {"document": "patients CSV", "file": "list.csv", "rows": 9, "added": 6}
    assert describe_changes("import", {**imported, "duplicates": 2, "refused": 1}) == (
        "Patients CSV list.csv: 6 added, 2 duplicates skipped, 1 refused"
    )
    # Since imports stopped recording the file's name (it may hold a patient's): counts only.
    counted = {"document": "patients CSV", "bytes": 120, "sha256": "ab12", "rows": 9, "added": 6}
    assert describe_changes("import", {**counted, "duplicates": 2, "refused": 1}) == (
        "Patients CSV: 6 added, 2 duplicates skipped, 1 refused"
    )
    assert audit_model.action_words("import") == "Imported"
    assert audit_model.action_words("something_new") == "Something new"
    assert injection_summary(["COR-R 5 U", "PRO 5 U"], ["COR-R 6 U", "TEM-R5 5 U"]) == (
        "+TEM-R5 5 U, −PRO, COR-R 5 → 6 U (10 → 11 U)"
    )
    assert injection_summary(["A 5 U"], ["A 5 U"]) == "no change"
