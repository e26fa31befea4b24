"""Notes laid out ahead of Print preview (ui/notes_ahead.py): the preview is quick because the
selected signed session's note is ready, and it never shows a note older than the record: after
an addendum, an edited patient, another selection or other settings, it shows the record as it
is now. The pages are read back from the preview's own Save as PDF (the bytes it shows)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.chart import Chart
from botox_chart.note import render
from botox_chart.note.render import SessionNotes
from botox_chart.store import patients, sessions, transaction
from botox_chart.store.models import Clinician, Patient, Role
from botox_chart.ui.dialogs.print_preview import PrintPreviewDialog
from botox_chart.ui.main_window import MainWindow
from botox_chart.ui.printing import Printing
from botox_chart.ui.window_records import PREPARE_AFTER_MS
from tests.helpers.factories import make_clinician, make_patient, make_signed_session
from tests.helpers.fake_dialogs import FakeDialogs
from tests.note.samples import page_texts, save_clinic, standard_chart, tailored_chart


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def printing(engine: Engine, qtbot: QtBot, dialogs: FakeDialogs) -> Printing:
    parent = QWidget()
    qtbot.addWidget(parent)
    return Printing(engine, parent, dialogs, clinician_id=lambda: None)


@pytest.fixture
def injector(engine: Engine) -> Clinician:
    return make_clinician(engine, "Aisha Rahman", Role.INJECTOR)


@pytest.fixture
def patient(engine: Engine) -> Patient:
    return make_patient(engine, family_name="Lindqvist", given_names="Maja")


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> list[SessionNotes]:
    """Every layout of procedure notes, in order (what was laid out, not what was shown)."""
    done: list[SessionNotes] = []
    lay_out = render.lay_out_session_notes

    def counted(read: SessionNotes) -> bytes:
        done.append(read)
        return lay_out(read)

    monkeypatch.setattr(render, "lay_out_session_notes", counted)
    return done


def signed(
    engine: Engine, patient: Patient, injector: Clinician, chart_of: Callable[[], Chart]
) -> int:
    row = make_signed_session(engine, patient, injector, chart_of())
    assert row.id is not None
    return row.id


def laid_out_ahead(qtbot: QtBot) -> None:
    qtbot.waitUntil(
        lambda: not any(t.name == "notes-ahead" for t in threading.enumerate()), timeout=30_000
    )


@dataclass
class Desk:
    """The print service on a database with one patient and an injector, and what it shows."""

    qtbot: QtBot
    engine: Engine
    printing: Printing
    dialogs: FakeDialogs
    patient: Patient
    injector: Clinician
    folder: Path

    def signed(self, chart_of: Callable[[], Chart] = standard_chart) -> int:
        return signed(self.engine, self.patient, self.injector, chart_of)

    def select(self, session_id: int) -> None:
        """What selecting the session in the list does: its note laid out, in the background."""
        self.printing.prepare_sessions([session_id])
        laid_out_ahead(self.qtbot)

    def previewed(self, session_id: int) -> str:
        """What the preview shows, as the text of the PDF it saves."""
        dialog = self.printing.preview_sessions([session_id])
        assert isinstance(dialog, PrintPreviewDialog)
        self.qtbot.waitExposed(dialog)
        saved = self.folder / f"preview-{len(self.dialogs.asked)}.pdf"
        self.dialogs.files.append(saved)
        dialog.save_button.click()
        dialog.close()
        return " ".join(" ".join(page_texts(saved.read_bytes())).split())


@pytest.fixture
def desk(
    qtbot: QtBot,
    engine: Engine,
    printing: Printing,
    dialogs: FakeDialogs,
    patient: Patient,
    injector: Clinician,
    tmp_path: Path,
) -> Desk:
    return Desk(qtbot, engine, printing, dialogs, patient, injector, tmp_path)


def test_the_selected_note_is_laid_out_before_the_click_and_shown_without_laying_out_again(
    desk: Desk, layouts: list[SessionNotes]
) -> None:
    session_id = desk.signed()

    desk.select(session_id)
    assert len(layouts) == 1
    text = desk.previewed(session_id)

    assert len(layouts) == 1  # the click used the pages laid out ahead
    assert "Lindqvist" in text and "155" in text
    assert desk.dialogs.messages("error") == []


def test_an_addendum_after_the_selection_is_in_the_preview(
    desk: Desk, layouts: list[SessionNotes]
) -> None:
    session_id = desk.signed()
    desk.select(session_id)
    assert desk.injector.id is not None
    with transaction(desk.engine) as db:
        sessions.add_addendum(
            db,
            session_id=session_id,
            author_id=desk.injector.id,
            text="Day-3 call: neck pain settling",
        )

    text = desk.previewed(session_id)

    assert "Day-3 call: neck pain settling" in text
    assert len(layouts) == 2


def test_a_patient_edited_after_the_selection_prints_under_the_new_name(desk: Desk) -> None:
    session_id = desk.signed()
    desk.select(session_id)
    assert desk.patient.id is not None
    with transaction(desk.engine) as db:
        stored = patients.get(db, patient_id=desk.patient.id)
        changes = Patient.model_validate(stored.model_dump())
        changes.family_name = "Lindqvist-Berg"
        patients.update(
            db, patient_id=desk.patient.id, changes=changes, clinician_id=desk.injector.id
        )

    assert "Lindqvist-Berg" in desk.previewed(session_id)


def test_another_session_than_the_one_laid_out_previews_its_own_note(desk: Desk) -> None:
    standard = desk.signed(standard_chart)
    tailored = desk.signed(tailored_chart)
    pages = page_texts(render.session_note_pdf(desk.engine, session_ids=[tailored]))
    expected = " ".join(" ".join(pages).split())
    desk.select(standard)

    text = desk.previewed(tailored)

    # The same pages but the minute printed in the footer, which may have turned meanwhile.
    assert text.split("Printed")[0] == expected.split("Printed")[0]
    assert text != desk.previewed(standard)


def test_a_language_and_paper_changed_after_the_selection_are_in_the_preview(
    desk: Desk,
) -> None:
    save_clinic(desk.engine, language="en", paper="letter")
    session_id = desk.signed()
    desk.select(session_id)
    save_clinic(desk.engine, language="fr", paper="a4")

    dialog = desk.printing.preview_sessions([session_id])
    assert isinstance(dialog, PrintPreviewDialog)
    size = dialog.strip.page_rects()[0].size()
    dialog.close()
    text = desk.previewed(session_id)

    assert "Note d’intervention" in text and "Procedure note" not in text
    assert size.height() / size.width() == pytest.approx(297 / 210, rel=0.01)  # A4


def test_a_failure_while_laying_out_ahead_is_reported_at_the_click_and_logs_no_detail(
    qtbot: QtBot,
    printing: Printing,
    dialogs: FakeDialogs,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="botox_chart")
    printing.prepare_sessions([999])  # no such session: nothing is laid out ahead
    laid_out_ahead(qtbot)

    assert printing.preview_sessions([999]) is None
    (said,) = dialogs.messages("error")
    assert "999" in said  # the click says what is wrong
    assert [r.getMessage() for r in caplog.records] == ["Notes not laid out ahead: SessionError"]


# -- in the window: selecting signed sessions lays their notes out ------------------------------


@pytest.fixture
def window(
    qtbot: QtBot,
    sqlite_url: str,
    engine: Engine,
    dialogs: FakeDialogs,
    injector: Clinician,
    patient: Patient,
) -> MainWindow:
    """The real window and its real printing, signed in, the patient listed."""
    shown = MainWindow(dialogs)
    qtbot.addWidget(shown)
    shown.show()
    with qtbot.waitSignal(shown.patientsLoaded, timeout=60_000):
        shown.open_database(sqlite_url)
    shown.sign_in_as(injector)
    qtbot.waitUntil(shown.isActiveWindow, timeout=60_000)
    return shown


def shown_preview(qtbot: QtBot, window: MainWindow) -> PrintPreviewDialog:
    window.actions_.print_preview.trigger()
    dialog = window.findChild(PrintPreviewDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def saved_text(dialog: PrintPreviewDialog, dialogs: FakeDialogs, path: Path) -> str:
    dialogs.files.append(path)
    dialog.save_button.click()
    dialog.close()
    dialog.deleteLater()
    return " ".join(" ".join(page_texts(path.read_bytes())).split())


def test_print_preview_in_the_window_shows_the_session_selected_last_laid_out_ahead(
    qtbot: QtBot,
    window: MainWindow,
    engine: Engine,
    patient: Patient,
    injector: Clinician,
    dialogs: FakeDialogs,
    layouts: list[SessionNotes],
    tmp_path: Path,
) -> None:
    may = signed(engine, patient, injector, lambda: standard_chart(date(2026, 5, 4)))
    august = signed(engine, patient, injector, lambda: standard_chart(date(2026, 8, 3)))
    assert patient.id is not None
    window.patients.select(patient.id)

    window.sessions.select(may)
    qtbot.waitUntil(lambda: len(layouts) == 1, timeout=30_000)
    laid_out_ahead(qtbot)
    window.sessions.select(august)
    qtbot.waitUntil(lambda: len(layouts) == 2, timeout=30_000)
    laid_out_ahead(qtbot)
    text = saved_text(shown_preview(qtbot, window), dialogs, tmp_path / "august.pdf")

    assert len(layouts) == 2  # shown as laid out ahead
    assert [n.session_id for n in layouts[-1].notes] == [august]
    assert "2026-08-03" in text and "2026-05-04" not in text
    assert dialogs.messages("error") == []


def test_a_draft_selected_is_not_laid_out_ahead_and_previews_as_it_is_now(
    qtbot: QtBot, window: MainWindow, patient: Patient, layouts: list[SessionNotes], tmp_path: Path
) -> None:
    assert patient.id is not None
    window.patients.select(patient.id)
    window.actions_.new_session.trigger()
    draft = window.commands.editing()
    assert draft is not None
    window.sessions.select(draft)
    qtbot.wait(PREPARE_AFTER_MS * 3)
    laid_out_ahead(qtbot)

    assert layouts == []
    text = saved_text(shown_preview(qtbot, window), window.dialogs, tmp_path / "draft.pdf")
    assert len(layouts) == 1
    assert "Lindqvist" in text
