"""From the patient list to a signed session in four actions, through the real window.

The goal of four actions is docs/architecture.md §3.

Enter or a double-click on a patient opens their draft, else repeats their last signed session,
else starts a new one; one click records consent and a clear screen as one undo step; Ctrl+Enter
opens the sign dialog and Enter signs (Sign is the default button). The sign dialog is the real
one, shown and answered from the keyboard, through the editor's injectable prompt, so nothing
blocks on ``exec()``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine
from sqlmodel import select

from botox_chart.store import clinicians, sessions, transaction
from botox_chart.store.models import Clinician, Patient, Role, TreatmentSession
from botox_chart.ui.dialogs.sign_dialog import SignDecision, SignDialog, SignRequest
from botox_chart.ui.main_window import MainWindow
from botox_chart.ui.widgets.session_editor import SIGNED_MESSAGE, SessionEditor
from tests.helpers.factories import (
    administrator_id,
    charting_clinician_id,
    make_clinician,
    make_patient,
    make_signed_session,
    ready_chart,
)
from tests.helpers.fake_dialogs import FakeDialogs
from tests.ui.conftest import LOAD_TIMEOUT_MS, FakeClock, FakePrinting
from tests.ui.test_head_diagram import at, click


def due_chart() -> Any:
    """A standard session 13 weeks ago, with a lot that has not expired."""
    chart = ready_chart(date.today() - timedelta(days=91))
    chart.set_vial(0, lot_number="C7700AB", lot_expiry=date.today() + timedelta(days=365))
    return chart


@pytest.fixture
def doctor(engine: Engine) -> Clinician:
    return make_clinician(engine)


@pytest.fixture
def due(engine: Engine, doctor: Clinician) -> Patient:
    """A patient due today: one standard signed session 13 weeks ago."""
    patient = make_patient(engine, family_name="Aalto", given_names="Due")
    make_signed_session(engine, patient, doctor, due_chart())
    return patient


@pytest.fixture
def sign_with_enter(qtbot: QtBot) -> Callable[[QWidget, SignRequest], SignDecision | None]:
    """The sign prompt: the real dialog, shown and active, answered with one Enter key."""

    def prompt(parent: QWidget, request: SignRequest) -> SignDecision | None:
        dialog = SignDialog(request, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        focused = QApplication.focusWidget()
        assert focused is not None and dialog.isAncestorOf(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Return)
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        return dialog.decision() if accepted else None

    return prompt


@pytest.fixture
def window(
    qtbot: QtBot,
    sqlite_url: str,
    engine: Engine,
    doctor: Clinician,
    clock: FakeClock,
    sign_with_enter: Callable[[QWidget, SignRequest], SignDecision | None],
) -> Callable[[], MainWindow]:
    def open_() -> MainWindow:
        def editor_factory(engine: Engine, dialogs: Any, clinician: Any, parent: QWidget) -> Any:
            return SessionEditor(engine, dialogs, clinician, parent, sign_prompt=sign_with_enter)

        window = MainWindow(
            FakeDialogs(), editor_factory=editor_factory, printing_factory=FakePrinting, clock=clock
        )
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.patientsLoaded, timeout=LOAD_TIMEOUT_MS):
            window.open_database(sqlite_url)
        window.sign_in_as(doctor)
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return open_


def double_click(qtbot: QtBot, window: MainWindow, patient: Patient) -> None:
    """What a mouse sends: a click, then the double-click press and its release."""
    view = window.patients.view
    row = window.patients.model.row_of(cast(int, patient.id))
    assert row is not None
    at = view.visualRect(window.patients.model.index(row, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=at)


def rows(engine: Engine, patient: Patient) -> list[TreatmentSession]:
    with transaction(engine) as db:
        query = select(TreatmentSession).where(TreatmentSession.patient_id == patient.id)
        return list(db.exec(query))


def editor_of(window: MainWindow) -> SessionEditor:
    assert isinstance(window.editor, SessionEditor)
    return window.editor


def test_four_actions_from_the_patient_list_to_a_signed_session(
    qtbot: QtBot, window: Callable[[], MainWindow], engine: Engine, due: Patient
) -> None:
    win = window()
    assert win.editor is None  # built on first use, not while the window starts

    double_click(qtbot, win, due)  # 1
    editor = editor_of(win)
    draft = editor.chart()
    assert draft is not None
    assert len(draft.injections) == 31  # the last session's pattern, repeated
    assert draft.lots == ["C7700AB"]  # the clinic's latest unexpired lot
    assert [r.status for r in rows(engine, due)].count("draft") == 1

    qtbot.mouseClick(editor.panel().consent_screen.all_clear, Qt.MouseButton.LeftButton)  # 2
    focused = QApplication.focusWidget()
    assert focused is not None and win.isAncestorOf(focused)
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(focused, Qt.Key.Key_Return, ctrl)  # 3; the prompt presses Enter: 4

    assert editor.is_signed(), (win.statusBar().currentMessage(), win.dialogs.asked)
    assert sorted(r.status for r in rows(engine, due)) == ["signed", "signed"]


def test_one_click_records_consent_and_the_screen_as_one_undo_step(
    qtbot: QtBot, window: Callable[[], MainWindow], due: Patient
) -> None:
    win = window()
    double_click(qtbot, win, due)
    editor = editor_of(win)
    before = editor.chart()
    assert before is not None and not before.consent and None in before.screen.values()
    steps = editor.undo_stack().count()

    qtbot.mouseClick(editor.panel().consent_screen.all_clear, Qt.MouseButton.LeftButton)

    after = editor.chart()
    assert after is not None and after.consent and set(after.screen.values()) == {False}
    assert editor.undo_stack().count() == steps + 1
    assert not editor.panel().consent_screen.all_clear.isEnabled()  # done
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo: both
    undone = editor.chart()
    assert undone is not None and not undone.consent and None in undone.screen.values()
    assert editor.panel().consent_screen.all_clear.isEnabled()


def test_enter_on_a_patient_with_a_draft_opens_the_draft(
    qtbot: QtBot, window: Callable[[], MainWindow], engine: Engine, due: Patient
) -> None:
    assert due.id is not None
    with transaction(engine) as db:
        draft = sessions.create_draft(db, patient_id=due.id, injector_id=charting_clinician_id(db))
    win = window()
    win.patients.select(due.id)
    win.patients.focus_list()

    qtbot.keyClick(win.patients.view, Qt.Key.Key_Return)

    assert win.commands.editing() == draft.id
    assert [r.status for r in rows(engine, due)].count("draft") == 1  # no second draft
    assert win.editor is not None and win.editor.isAncestorOf(QApplication.focusWidget())


def test_a_patient_without_sessions_gets_a_new_session(
    qtbot: QtBot, window: Callable[[], MainWindow], engine: Engine
) -> None:
    newcomer = make_patient(engine, family_name="Bergeron", given_names="Lise")
    win = window()

    double_click(qtbot, win, newcomer)

    chart = editor_of(win).chart()
    assert chart is not None and chart.injections == []  # apply the protocol next (Ctrl+Shift+A)
    assert [r.status for r in rows(engine, newcomer)] == ["draft"]


def test_a_single_click_only_selects(
    qtbot: QtBot, window: Callable[[], MainWindow], engine: Engine, due: Patient
) -> None:
    win = window()
    view = win.patients.view
    row = win.patients.model.row_of(cast(int, due.id))
    assert row is not None
    at = view.visualRect(win.patients.model.index(row, 0)).center()

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)

    assert win.patients.current_id() == due.id
    assert win.commands.editing() is None
    assert [r.status for r in rows(engine, due)] == ["signed"]


def test_staff_go_on_to_the_sessions_and_start_nothing(
    qtbot: QtBot, window: Callable[[], MainWindow], engine: Engine, due: Patient
) -> None:
    with transaction(engine) as db:
        staff = clinicians.add(
            db, name="Jo Park", credentials="", role=Role.STAFF, by=administrator_id(db)
        )
    win = window()
    win.sign_in.switch_user()
    win.sign_in_as(staff)

    double_click(qtbot, win, due)

    assert win.commands.editing() is None
    assert [r.status for r in rows(engine, due)] == ["signed"]
    assert win.sessions.view.hasFocus()


# -- a signed session cannot change, and the window says so ------------------------------------


@pytest.fixture
def signed_open(
    qtbot: QtBot, window: Callable[[], MainWindow], engine: Engine, doctor: Clinician, due: Patient
) -> MainWindow:
    """The window with the due patient's signed session open, the focus on its diagram."""
    win = window()
    signed = make_signed_session(engine, due, doctor, due_chart())
    win.patients.select(cast(int, due.id))
    win.commands.open_session(cast(int, signed.id))
    editor = cast(SessionEditor, win.editor)
    assert editor.is_signed()
    diagram = editor.diagram()
    assert diagram is not None
    qtbot.waitUntil(diagram.hasFocus)
    win.statusBar().clearMessage()
    return win


def status(win: MainWindow) -> str:
    return win.statusBar().currentMessage()


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Plus, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_O, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_a_charting_key_on_a_signed_session_says_why_and_points_at_the_addendum(
    qtbot: QtBot, signed_open: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    editor = cast(SessionEditor, signed_open.editor)
    diagram = editor.diagram()
    assert diagram is not None
    diagram.set_current("PRO")
    before = editor.chart()

    qtbot.keyClick(diagram, key, modifiers)

    assert status(signed_open) == SIGNED_MESSAGE
    assert "Add addendum" in SIGNED_MESSAGE and "Ctrl+Shift+D" in SIGNED_MESSAGE
    assert editor.chart() == before
    assert signed_open.dialogs.asked == []  # type: ignore[attr-defined]


def test_a_click_on_a_signed_chart_says_why(qtbot: QtBot, signed_open: MainWindow) -> None:
    editor = cast(SessionEditor, signed_open.editor)
    diagram = editor.diagram()
    assert diagram is not None
    before = editor.chart()

    click(qtbot, diagram, at(diagram, "TEM-R2"))

    assert status(signed_open) == SIGNED_MESSAGE
    assert editor.chart() == before


def test_a_key_elsewhere_is_not_taken_for_a_charting_attempt(
    qtbot: QtBot, signed_open: MainWindow
) -> None:
    signed_open.patients.focus_search()
    qtbot.keyClicks(signed_open.patients.search, "o+ ")
    assert status(signed_open) != SIGNED_MESSAGE
    assert signed_open.patients.search.text() == "o+ "


def test_signing_leaves_the_signed_by_line_in_view(
    qtbot: QtBot, window: Callable[[], MainWindow], due: Patient
) -> None:
    win = window()
    win.resize(1000, 640)  # a short window: the panel scrolls
    win.patients.select(cast(int, due.id))
    double_click(qtbot, win, due)
    editor = cast(SessionEditor, win.editor)
    panel: Any = editor.panel()
    win.actions_.consent_all_clear.trigger()
    panel.verticalScrollBar().setValue(panel.verticalScrollBar().maximum())
    assert panel.verticalScrollBar().value() > 0

    win.actions_.sign.trigger()

    assert editor.is_signed()
    assert panel.save_state_text().startswith("Signed")
    label = panel.findChild(type(win.signed_in_label), "saveState")
    qtbot.waitUntil(lambda: not label.visibleRegion().isEmpty())


def test_moving_between_sites_of_a_signed_session_is_not_refused(
    qtbot: QtBot, signed_open: MainWindow
) -> None:
    editor = cast(SessionEditor, signed_open.editor)
    diagram = editor.diagram()
    assert diagram is not None
    diagram.set_current("PRO")

    qtbot.keyClick(diagram, Qt.Key.Key_N)

    assert diagram.current_key() not in (None, "PRO")
    assert status(signed_open) != SIGNED_MESSAGE
