"""Roles in the window: staff find, view and print; injectors chart and sign; physicians also
supervise. A command turned off for a role says why in its tooltip."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.store import sessions, transaction
from botox_chart.store.models import Clinician, Patient, Role
from botox_chart.ui.widgets.session_loading import signers
from tests.helpers.factories import make_patient, make_signed_session, ready_chart
from tests.helpers.fake_dialogs import FakeDialogs

CHARTING = (
    "new_session",
    "repeat_last",
    "apply_protocol",
    "mark_current",
    "units_up",
    "omit_current",
    "sign",
    "add_addendum",
    "delete_draft",
    "add_patient",
    "edit_patient",
)


@pytest.fixture
def team(engine: Engine, login: Any) -> dict[str, Clinician]:
    return {
        "admin": login("souza", Role.PHYSICIAN, name="Dr Ana Souza", admin=True),
        "injector": login("dube", Role.INJECTOR, name="Claire Dubé"),
        "staff": login("park", Role.STAFF, name="Jo Park"),
    }


@pytest.fixture
def patient(engine: Engine, team: dict[str, Clinician]) -> Patient:
    """A patient with a signed session and, later, an unsigned draft."""
    patient = make_patient(engine)
    make_signed_session(engine, patient, team["admin"], ready_chart(date(2026, 5, 4)))
    assert patient.id is not None
    with transaction(engine) as db:
        sessions.create_draft(
            db,
            patient_id=patient.id,
            injector_id=team["injector"].id,
            chart=ready_chart(date(2026, 8, 3)),
        )
    return patient


def draft_id(window: Any) -> int:
    model = window.sessions.model
    [draft] = [s for s in model.sessions() if s.status == "draft"]
    return int(draft.id)


def test_staff_can_find_view_and_print_but_not_chart_or_sign(
    qtbot: QtBot,
    open_window: Any,
    team: dict[str, Clinician],
    patient: Patient,
    dialogs: FakeDialogs,
    engine: Engine,
) -> None:
    window = open_window(dialogs, team["staff"])
    assert window.signed_in_label.text() == "Signed in: Jo Park (staff)"
    assert "charting needs an injector" in window.statusBar().currentMessage()
    window.patients.select(patient.id)
    window.sessions.select(draft_id(window))
    window.actions_.open_session.trigger()
    editor: Any = window.editor
    assert editor.session_id() == draft_id(window)

    for name in CHARTING:
        action = getattr(window.actions_, name)
        assert not action.isEnabled(), name
        assert "Not available: staff find, view and print" in action.toolTip(), name
        assert action.statusTip() == action.toolTip()
    assert editor.is_read_only() and editor.diagram().is_read_only()
    assert not editor.panel().sign_button.isVisible()
    assert "view only" in editor.panel().save_state_text()
    before = editor.chart()
    editor.apply_protocol()  # even called directly, nothing changes
    editor.mark_current()
    assert editor.chart() == before

    for name in ("print", "print_preview", "save_pdf", "record_preview", "find_patient"):
        assert getattr(window.actions_, name).isEnabled(), name
    window.actions_.print_preview.trigger()
    window.actions_.record_preview.trigger()
    assert window.printing.calls == [
        ("preview_sessions", [draft_id(window)]),
        ("preview_record", patient.id),
    ]
    assert dialogs.messages("error") == []


def test_staff_are_not_offered_the_last_draft_back(
    open_window: Any, team: dict[str, Clinician], patient: Patient, dialogs: FakeDialogs
) -> None:
    first = open_window(dialogs, team["injector"])
    first.patients.select(patient.id)
    first.close()

    again = FakeDialogs()
    second = open_window(again, team["staff"])

    assert again.messages("confirm") == []
    assert second.commands.editing() is None


def test_an_injector_charts_and_signs_and_tips_say_nothing_of_staff(
    open_window: Any, team: dict[str, Clinician], patient: Patient, dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs, team["injector"])
    window.patients.select(patient.id)
    window.sessions.select(draft_id(window))
    window.actions_.open_session.trigger()
    editor: Any = window.editor

    assert not editor.is_read_only()
    for name in ("apply_protocol", "sign", "units_up", "delete_draft", "repeat_last"):
        action = getattr(window.actions_, name)
        assert action.isEnabled(), name
        assert "Not available" not in action.toolTip(), name
    assert not window.actions_.add_addendum.isEnabled()  # a draft: no addendum yet


def test_switching_from_staff_to_an_injector_makes_the_chart_editable(
    open_window: Any, team: dict[str, Clinician], patient: Patient, dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs, team["staff"])
    window.sign_in.switch_user()
    window.sign_in_as(team["injector"])
    window.patients.select(patient.id)
    window.sessions.select(draft_id(window))
    window.actions_.open_session.trigger()

    editor: Any = window.editor
    assert not editor.is_read_only()
    assert window.actions_.sign.isEnabled()
    assert "Not available" not in window.actions_.sign.toolTip()


def test_only_physicians_are_offered_as_supervisor(
    engine: Engine, team: dict[str, Clinician], login: Any
) -> None:
    okoye = login("okoye", Role.PHYSICIAN, name="Dr Samuel Okoye")
    assert team["injector"].id is not None

    signer, physicians = signers(engine, team["injector"].id)

    assert signer == "Claire Dubé, RN"
    assert [name for _id, name in physicians] == ["Dr Ana Souza", "Dr Samuel Okoye"]
    assert okoye.id in [clinician_id for clinician_id, _name in physicians]
