"""Printing from the window: the printer and the preview get the pages of the very PDF the CLI
writes; every print and export is audited; nothing blocks on a real dialog (FakeDialogs), and the
"printer" is a PDF file."""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart import paths
from botox_chart.note import render
from botox_chart.store import StorageError, audit, transaction
from botox_chart.store.models import Patient, Role
from botox_chart.ui.dialogs.print_preview import PrintPreviewDialog
from botox_chart.ui.printing import Printing
from tests.helpers.factories import make_clinician, make_patient, make_signed_session
from tests.helpers.fake_dialogs import FakeDialogs
from tests.note.samples import DAY, page_texts, save_clinic, standard_chart, tailored_chart


class PdfPrinters:
    """Printers that print into PDF files, numbered in the order they are asked for."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: list[Path] = []
        self.printers: list[QPrinter] = []

    def __call__(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printers.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        path = self.folder / f"printed-{len(self.files) + 1}.pdf"
        printer.setOutputFileName(str(path))
        self.files.append(path)
        return printer


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def printers(tmp_path: Path) -> PdfPrinters:
    return PdfPrinters(tmp_path)


@pytest.fixture
def printing(
    engine: Engine, parent: QWidget, dialogs: FakeDialogs, printers: PdfPrinters
) -> Printing:
    return Printing(engine, parent, dialogs, printer_factory=printers, clinician_id=lambda: None)


@pytest.fixture
def patient(engine: Engine) -> Patient:
    return make_patient(engine, family_name="Żółć", given_names="Łukasz")


@pytest.fixture
def session_ids(engine: Engine, patient: Patient) -> list[int]:
    injector = make_clinician(engine, "Aisha Rahman", Role.INJECTOR)
    first = make_signed_session(engine, patient, injector, standard_chart())
    second = make_signed_session(engine, patient, injector, tailored_chart())
    assert first.id is not None and second.id is not None
    return [first.id, second.id]


def pages_in(path: Path) -> int:
    return len(pypdf.PdfReader(path).pages)


def page_size(path: Path) -> tuple[float, float]:
    box = pypdf.PdfReader(path).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def actions(engine: Engine, patient: Patient) -> list[tuple[str, int | None]]:
    with transaction(engine) as db:
        return [
            (e.action, e.session_id)
            for e in audit.events(db, patient_id=patient.id)
            if e.action in ("print", "export")
        ]


def test_printing_notes_prints_every_page_of_the_note_pdf(
    engine: Engine,
    printing: Printing,
    printers: PdfPrinters,
    dialogs: FakeDialogs,
    patient: Patient,
    session_ids: list[int],
) -> None:
    expected = len(page_texts(render.session_note_pdf(engine, session_ids=session_ids)))

    assert printing.print_sessions(session_ids) is True

    (printed,) = printers.files
    assert pages_in(printed) == expected
    assert page_size(printed) == (612, 792)  # US Letter, portrait, as the note is laid out
    assert [kind for kind, _title, _text in dialogs.asked] == ["print_setup"]
    assert actions(engine, patient) == [("print", session_ids[0]), ("print", session_ids[1])]


def test_a_clinic_on_a4_gets_a4_from_the_printer_for_notes_and_the_record(
    engine: Engine,
    printing: Printing,
    printers: PdfPrinters,
    patient: Patient,
    session_ids: list[int],
) -> None:
    save_clinic(engine, paper="a4")
    assert patient.id is not None

    assert printing.print_sessions(session_ids) is True
    assert printing.print_record(patient.id) is True

    note, record = printers.printers
    for printer, orientation in (
        (note, QPageLayout.Orientation.Portrait),
        (record, QPageLayout.Orientation.Landscape),
    ):
        assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
        assert printer.pageLayout().orientation() == orientation
    assert [page_size(path) for path in printers.files] == [(595, 842), (842, 595)]


def test_a_cancelled_print_dialog_prints_and_audits_nothing(
    engine: Engine,
    printing: Printing,
    printers: PdfPrinters,
    dialogs: FakeDialogs,
    patient: Patient,
    session_ids: list[int],
) -> None:
    dialogs.print_accepted = False
    assert printing.print_sessions(session_ids) is False
    assert not any(path.exists() for path in printers.files)
    assert actions(engine, patient) == []


def test_saving_notes_writes_the_pdf_where_the_user_chose(
    engine: Engine,
    printing: Printing,
    dialogs: FakeDialogs,
    patient: Patient,
    session_ids: list[int],
    tmp_path: Path,
) -> None:
    dialogs.files.append(tmp_path / "for the referring doctor")

    saved = printing.save_sessions_pdf(session_ids)

    assert saved == tmp_path / "for the referring doctor.pdf"
    text = "\n".join(page_texts(saved.read_bytes()))
    assert "Żółć, Łukasz" in text
    assert text.count("Procedure note") >= 2
    (kind, title, suggested) = dialogs.asked[0]
    assert (kind, title) == ("save_file", "Save 2 procedure notes as PDF")
    assert Path(suggested).name == f"Żółć_Łukasz_{DAY}_procedure-notes.pdf"
    assert actions(engine, patient) == [("export", session_ids[0]), ("export", session_ids[1])]


def test_save_suggests_the_patients_name_and_date_in_the_last_folder_used(
    engine: Engine,
    parent: QWidget,
    printing: Printing,
    dialogs: FakeDialogs,
    patient: Patient,
    tmp_path: Path,
) -> None:
    injector = make_clinician(engine, "Aisha Rahman", Role.INJECTOR)
    session = make_signed_session(engine, patient, injector, standard_chart(date(2026, 12, 1)))
    assert session.id is not None and patient.id is not None
    referrals = tmp_path / "referrals"
    referrals.mkdir()
    dialogs.files.append(referrals / "note.pdf")

    printing.save_sessions_pdf([session.id])
    # Another run of the app (a new print service) remembers the folder; so does the record.
    again = Printing(engine, parent, dialogs, clinician_id=lambda: None)
    again.save_sessions_pdf([session.id])
    again.save_record_pdf(patient.id)

    suggested = [Path(text) for kind, _title, text in dialogs.asked if kind == "save_file"]
    documents = paths.documents_dir()
    assert suggested == [
        documents / "Żółć_Łukasz_2026-12-01_procedure-note.pdf",
        referrals / "Żółć_Łukasz_2026-12-01_procedure-note.pdf",
        referrals / "Żółć_Łukasz_treatment-record.pdf",
    ]
    assert documents == tmp_path / "Documents"  # the tests' stand-in, never the user's own


def test_a_last_folder_that_has_gone_is_not_suggested(
    engine: Engine,
    printing: Printing,
    dialogs: FakeDialogs,
    patient: Patient,
    tmp_path: Path,
) -> None:
    assert patient.id is not None
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    dialogs.files.append(stick / "record.pdf")
    printing.save_record_pdf(patient.id)
    (stick / "record.pdf").unlink()
    stick.rmdir()

    printing.save_record_pdf(patient.id)

    assert dialogs.asked[-1][2] == str(paths.documents_dir() / "Żółć_Łukasz_treatment-record.pdf")


def test_cancelling_the_save_dialog_writes_nothing(
    engine: Engine, printing: Printing, patient: Patient, session_ids: list[int]
) -> None:
    assert printing.save_sessions_pdf(session_ids[:1]) is None
    assert actions(engine, patient) == []


def test_a_save_that_fails_says_why(
    printing: Printing, dialogs: FakeDialogs, session_ids: list[int], tmp_path: Path
) -> None:
    dialogs.files.append(tmp_path / "no such folder" / "note.pdf")
    assert printing.save_sessions_pdf(session_ids[:1]) is None
    (message,) = dialogs.messages("error")
    assert "Not saved" in message and "no such folder does not exist" in message


def test_a_file_the_save_dialog_asked_about_is_replaced(
    printing: Printing, dialogs: FakeDialogs, session_ids: list[int], tmp_path: Path
) -> None:
    target = tmp_path / "note.pdf"
    target.write_bytes(b"an older note")  # the file dialog asked "replace it?" and was told yes
    dialogs.files.append(target)
    assert printing.save_sessions_pdf(session_ids[:1]) == target
    assert "Procedure note" in page_texts(target.read_bytes())[0]


def test_the_save_dialog_is_asked_to_add_the_suffix_itself(
    printing: Printing, dialogs: FakeDialogs, session_ids: list[int], tmp_path: Path
) -> None:
    """The dialog adds ".pdf" before it asks whether to replace a file, so its question is about
    the file that will be written."""
    dialogs.files.append(tmp_path / "note.pdf")
    printing.save_sessions_pdf(session_ids[:1])
    assert dialogs.suffixes == [".pdf"]


def test_a_file_the_dialog_never_asked_about_is_not_replaced(
    engine: Engine,
    printing: Printing,
    dialogs: FakeDialogs,
    patient: Patient,
    session_ids: list[int],
    tmp_path: Path,
) -> None:
    """The user typed "letter" and the dialog asked nothing about "letter.pdf", which exists: it is
    left as it was, the user is told why, and nothing is recorded as having left."""
    existing = tmp_path / "letter.pdf"
    existing.write_bytes(b"the referral letter")
    dialogs.files.append(tmp_path / "letter")

    assert printing.save_sessions_pdf(session_ids[:1]) is None

    assert existing.read_bytes() == b"the referral letter"
    (message,) = dialogs.messages("error")
    assert message.startswith(f"Not saved: {existing} already exists.")
    assert actions(engine, patient) == []


def test_saving_over_the_database_is_refused(
    engine: Engine,
    printing: Printing,
    dialogs: FakeDialogs,
    patient: Patient,
    session_ids: list[int],
    tmp_path: Path,
) -> None:
    database = Path(str(engine.url.database))
    shortcut = tmp_path / "notes.pdf"
    shortcut.symlink_to(database)  # a name that looks like a PDF, pointing at the records
    engine.dispose()
    before = database.read_bytes()
    dialogs.files.append(shortcut)
    assert printing.save_sessions_pdf(session_ids[:1]) is None
    (message,) = dialogs.messages("error")
    assert message.startswith("Not saved.") and "that is the database" in message
    engine.dispose()
    assert database.read_bytes() == before
    assert actions(engine, patient) == []


def test_no_file_appears_when_the_export_cannot_be_audited(
    printing: Printing,
    dialogs: FakeDialogs,
    session_ids: list[int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise StorageError("The disk holding the database is full.")

    monkeypatch.setattr(audit, "record", disk_full)
    dialogs.files.append(tmp_path / "note.pdf")
    assert printing.save_sessions_pdf(session_ids[:1]) is None
    (message,) = dialogs.messages("error")
    assert message.startswith("Not saved: the export could not be written to the audit log")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".pdf", ".part"))]


def test_the_preview_shows_the_same_pages_and_prints_and_saves_them(
    qtbot: QtBot,
    engine: Engine,
    printing: Printing,
    printers: PdfPrinters,
    dialogs: FakeDialogs,
    patient: Patient,
    session_ids: list[int],
    tmp_path: Path,
) -> None:
    expected = len(page_texts(render.session_note_pdf(engine, session_ids=session_ids)))
    dialog = printing.preview_sessions(session_ids)
    assert isinstance(dialog, PrintPreviewDialog)
    qtbot.waitExposed(dialog)
    assert dialog.page_count() == expected
    assert dialog.page_label.text() == f"{expected} pages"
    assert not dialog.strip.grab().isNull()  # pages are drawn (lazily) without error

    width = dialog.strip.width()
    dialog.zoom_in.click()
    assert dialog.zoom() == 1.25 and dialog.zoom_label.text() == "125%"
    assert dialog.strip.width() > width
    for _ in range(10):
        dialog.zoom_out.click()
    assert dialog.zoom() == 0.5 and not dialog.zoom_out.isEnabled()
    dialog.fit_to_width()
    assert 0.5 <= dialog.zoom() <= 3.0

    dialog.print_button.click()
    (printed,) = printers.files
    assert pages_in(printed) == expected

    dialogs.files.append(tmp_path / "copy.pdf")
    dialog.save_button.click()
    saved_text = page_texts((tmp_path / "copy.pdf").read_bytes())
    assert len(saved_text) == expected
    assert actions(engine, patient).count(("print", session_ids[0])) == 1
    assert actions(engine, patient).count(("export", session_ids[1])) == 1
    dialog.close()


def test_the_treatment_record_previews_prints_landscape_and_saves(
    qtbot: QtBot,
    engine: Engine,
    printing: Printing,
    printers: PdfPrinters,
    dialogs: FakeDialogs,
    patient: Patient,
    session_ids: list[int],
    tmp_path: Path,
) -> None:
    assert patient.id is not None
    dialog = printing.preview_record(patient.id)
    assert isinstance(dialog, PrintPreviewDialog)
    assert dialog.page_count() == 1
    dialog.close()

    assert printing.print_record(patient.id) is True
    (printed,) = printers.files
    assert page_size(printed) == (792, 612)

    dialogs.files.append(tmp_path / "record.pdf")
    assert printing.save_record_pdf(patient.id) == tmp_path / "record.pdf"
    assert "Treatment record" in page_texts((tmp_path / "record.pdf").read_bytes())[0]
    assert actions(engine, patient) == [("print", None), ("export", None)]


def test_an_unknown_session_is_an_error_message_not_a_crash(
    printing: Printing, printers: PdfPrinters, dialogs: FakeDialogs
) -> None:
    assert printing.print_sessions([999]) is False
    assert printing.preview_sessions([999]) is None
    assert dialogs.messages("error") == ["There is no session 999.", "There is no session 999."]
    assert printers.files == []


def test_nothing_selected_does_nothing(printing: Printing, dialogs: FakeDialogs) -> None:
    assert printing.print_sessions([]) is False
    assert printing.save_sessions_pdf([]) is None
    assert printing.preview_sessions([]) is None
    assert dialogs.asked == []


def test_a_long_render_runs_off_the_gui_thread_behind_a_busy_cursor_and_progress(
    qtbot: QtBot,
    printing: Printing,
    parent: QWidget,
    session_ids: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    slow_lay_out = render.lay_out_session_notes
    threads: list[threading.Thread] = []

    def slow(read: render.SessionNotes) -> bytes:
        threads.append(threading.current_thread())
        time.sleep(0.8)
        return slow_lay_out(read)

    monkeypatch.setattr(render, "lay_out_session_notes", slow)
    seen: dict[str, object] = {}

    def look() -> None:
        cursor = QApplication.overrideCursor()
        seen["cursor"] = cursor.shape() if cursor is not None else None
        seen["progress"] = [p.isVisible() for p in parent.findChildren(QProgressDialog)]

    QTimer.singleShot(600, look)
    dialog = printing.preview_sessions(session_ids)

    assert threads and threads[0] is not threading.main_thread()
    assert seen["cursor"] == Qt.CursorShape.WaitCursor
    assert seen["progress"] == [True]
    assert QApplication.overrideCursor() is None
    assert isinstance(dialog, PrintPreviewDialog)
    dialog.close()


@pytest.mark.usefixtures("fonts_forgotten")
def test_a_name_no_font_has_is_a_warning_before_printing_and_printing_it_is_the_user_s_choice(
    engine: Engine,
    printing: Printing,
    printers: PdfPrinters,
    dialogs: FakeDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(paths.FONT_DIRS_ENV, str(tmp_path / "no fonts"))
    patient = make_patient(engine, family_name="王", given_names="小明")
    injector = make_clinician(engine, "Aisha Rahman", Role.INJECTOR)
    session = make_signed_session(engine, patient, injector, standard_chart())
    assert session.id is not None

    dialogs.confirms.append(False)
    assert printing.print_sessions([session.id]) is False
    (warning,) = dialogs.messages("confirm")
    assert "No font on this computer has the Chinese or Japanese characters" in warning
    assert "王" not in warning
    assert printers.files == []

    dialogs.confirms.append(True)
    assert printing.print_sessions([session.id]) is True
    (printed,) = printers.files
    assert pages_in(printed) >= 1
