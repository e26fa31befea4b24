"""Autosave while typing: steady typing reaches the database without a pause, and a focus change
or the app losing focus saves at once (issue 9: a kill during typing must lose seconds at most).

What is stored is read from the file with a second connection (raw sqlite3), as a crash would
leave it. No test asserts a speed: each waits for the row, or makes the timers too long to matter.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.store import sessions as store
from botox_chart.store import transaction
from botox_chart.store.models import Role
from botox_chart.ui.widgets import draft_autosave
from botox_chart.ui.widgets.session_editor import SessionEditor
from tests.helpers import raw
from tests.helpers.editor_prompts import Prompts
from tests.helpers.factories import make_clinician, make_patient
from tests.helpers.fake_dialogs import FakeDialogs

TYPED = "Tolerated well; mild ache at the right trapezius sites, no bruising."
"""Typed a key every 200 ms: never a pause long enough for the pause timer."""


class Charting:
    """An editor on a fresh draft, hosted in a window as the main window hosts it."""

    def __init__(self, qtbot: QtBot, engine: Engine, db_file: Path) -> None:
        self.db_file = db_file
        patient = make_patient(engine)
        injector = make_clinician(engine, name="Nadia Roy", role=Role.INJECTOR)
        assert patient.id is not None
        with transaction(engine) as db:
            row = store.create_draft(db, patient_id=patient.id, injector_id=injector.id)
        assert row.id is not None
        self.session_id = row.id
        self.window = QWidget()
        qtbot.addWidget(self.window)
        self.window.resize(1280, 800)
        prompts = Prompts(qtbot)
        self.editor = SessionEditor(
            engine,
            FakeDialogs(),
            lambda: injector.id,
            self.window,
            sign_prompt=prompts.sign,
            addendum_prompt=prompts.addendum,
            site_prompt=prompts.site,
        )
        self.editor.resize(1280, 800)
        self.window.show()
        self.window.activateWindow()
        qtbot.waitUntil(self.window.isActiveWindow, timeout=5000)
        assert self.editor.open_session(self.session_id)
        self.notes = self.editor.panel().outcome.notes
        self.notes.setFocus()
        qtbot.waitUntil(self.notes.hasFocus, timeout=5000)

    def stored_notes(self) -> str:
        """The notes in the file now, read by another connection."""
        with closing(raw.connect(self.db_file)) as conn:
            row = conn.execute(
                "SELECT notes FROM treatment_session WHERE id = ?", (self.session_id,)
            ).fetchone()
        return str(row[0])


@pytest.fixture
def charting(qtbot: QtBot, engine: Engine, tmp_path: Path) -> Callable[[], Charting]:
    return lambda: Charting(qtbot, engine, tmp_path / "test.db")


@pytest.fixture
def timers_too_long_to_matter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither the pause nor the deadline fires during the test: any save is the focus's doing."""
    monkeypatch.setattr(draft_autosave, "TYPING_SAVE_DELAY_MS", 600_000)
    monkeypatch.setattr(draft_autosave, "TYPING_SAVE_DEADLINE_MS", 600_000)


def test_steady_typing_reaches_the_database_before_it_stops(
    qtbot: QtBot, charting: Callable[[], Charting]
) -> None:
    chart = charting()
    typed: list[str] = []
    keys = QTimer()
    keys.setInterval(200)

    def type_a_key() -> None:
        if len(typed) == len(TYPED):
            keys.stop()
            return
        typed.append(TYPED[len(typed)])
        qtbot.keyClicks(chart.notes, typed[-1])

    keys.timeout.connect(type_a_key)
    keys.start()
    qtbot.waitUntil(lambda: chart.stored_notes() != "", timeout=20_000)
    still_typing = keys.isActive()
    saved = chart.stored_notes()
    keys.stop()

    assert still_typing, "saved only once the typing stopped"
    assert "".join(typed).startswith(saved)
    # Saving while typing does not split what was typed into several undo steps.
    assert chart.editor.undo_stack().count() == 1


@pytest.mark.usefixtures("timers_too_long_to_matter")
def test_moving_the_focus_saves_the_typing_at_once(
    qtbot: QtBot, charting: Callable[[], Charting]
) -> None:
    chart = charting()
    qtbot.keyClicks(chart.notes, "Mild bruising")
    assert chart.stored_notes() == ""  # waiting for a pause
    assert chart.editor.panel().save_state_text() == "Draft · saving…"

    chart.editor.panel().outcome.tolerance.setFocus()
    qtbot.waitUntil(lambda: chart.stored_notes() == "Mild bruising", timeout=5000)
    assert chart.editor.panel().save_state_text() == "Draft · all changes saved"


@pytest.mark.usefixtures("timers_too_long_to_matter")
def test_another_window_taking_the_focus_saves_the_typing(
    qtbot: QtBot, charting: Callable[[], Charting]
) -> None:
    chart = charting()
    qtbot.keyClicks(chart.notes, "Called the family physician")
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: chart.stored_notes() == "Called the family physician", timeout=5000)


@pytest.mark.usefixtures("timers_too_long_to_matter")
def test_the_app_losing_the_focus_saves_the_typing(
    qtbot: QtBot, qapp: QApplication, charting: Callable[[], Charting]
) -> None:
    chart = charting()
    qtbot.keyClicks(chart.notes, "Aftercare explained")
    # What the platform reports when the user switches to another program.
    qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert chart.stored_notes() == "Aftercare explained"


def test_a_focus_change_with_nothing_typed_saves_nothing(
    qtbot: QtBot, charting: Callable[[], Charting]
) -> None:
    chart = charting()
    with qtbot.assertNotEmitted(chart.editor.saved, wait=100):
        chart.editor.panel().outcome.tolerance.setFocus()
