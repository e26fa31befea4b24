"""File › Import patients…: the file chosen (a fake file dialog), a preview of what would be added,
skipped and refused with the spreadsheet's row numbers, nothing added before Import, the valid rows
only when the user presses the button that says so, and staff never offered it."""

from __future__ import annotations

import codecs
import logging
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.exchange import patient_import
from botox_chart.exchange.patient_csv import PatientList
from botox_chart.store import audit, patients, transaction
from botox_chart.store.models import Role
from botox_chart.ui.dialogs.patient_import_dialog import PatientImportDialog
from botox_chart.ui.main_window import MainWindow
from tests.helpers import raw
from tests.helpers.factories import make_patient
from tests.helpers.fake_dialogs import FakeDialogs
from tests.ui.conftest import LOAD_TIMEOUT_MS, Login, OpenWindow

HEADER = "family_name;given_names;date_of_birth;chart_number;email"


def a_list(tmp_path: Path) -> Path:
    path = tmp_path / "liste.csv"
    path.write_bytes(
        codecs.BOM_UTF8
        + "\r\n".join(
            [
                HEADER,
                "Côté;Élise;1980-05-17;I-1;",
                "王;小明;1975-01-02;I-2;",
                "Roy;Marie;17/05/1980;I-3;",  # row 4: refused
                "Déjà;Là;1970-01-01;OLD-1;",  # row 5: a patient's already
                "Смирнова;Наталья;1990-09-09;I-4;natalya.example.org",  # row 6: refused
            ]
        ).encode()
        + b"\r\n"
    )
    return path


def preview(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, path: Path
) -> PatientImportDialog:
    dialogs.files.append(path)
    window.actions_.import_patients.trigger()
    dialog = window.commands.import_dialog
    assert dialog is not None
    # Read off the window's thread: a busy bar until the preview is ready.
    assert dialog.busy.isVisible() and dialog.summary.text() == f"Reading {path.name}…"
    assert not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled() or dialog.error.isVisible())
    return dialog


def test_the_preview_lists_refused_rows_and_imports_the_valid_rows_only_when_asked(
    qtbot: QtBot, open_window: OpenWindow, login: Login, engine: Engine, tmp_path: Path
) -> None:
    make_patient(engine, family_name="Déjà", given_names="Là", chart_number="OLD-1")
    dialogs = FakeDialogs()
    window = open_window(dialogs, login("nurse"))
    assert window.actions_.import_patients.isEnabled()
    dialog = preview(qtbot, window, dialogs, a_list(tmp_path))

    assert dialogs.asked[-1][:2] == ("open_file", "Import patients")
    text = dialog.summary.text()
    assert "liste.csv: 5 rows." in text
    assert (
        "2 patients to add; 1 row skipped as duplicates (chart number, or name" in text
        and "2 rows refused" in text
    )
    assert dialog.listed_rows() == [
        ("4", "Refused", dialog.listed_rows()[0][2]),
        ("5", "Skipped", "Chart number OLD-1 is already a patient's."),
        ("6", "Refused", dialog.listed_rows()[2][2]),
    ]
    assert "'17/05/1980' is not a date" in dialog.listed_rows()[0][2]
    assert "e-mail address" in dialog.listed_rows()[2][2]
    assert dialog.import_button.text().replace("&", "") == "Import the 2 valid rows only"
    assert raw.patients(engine) == [("Déjà", "Là", "OLD-1")]  # nothing before Import

    with qtbot.waitSignal(dialog.imported, timeout=LOAD_TIMEOUT_MS) as done:
        dialog.import_button.click()
        assert dialog.busy.isVisible() and dialog.summary.text() == "Importing 2 patients…"
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert not cancel.isEnabled()  # one transaction: it finishes, it is not cut short
    assert done.args == [2]
    assert raw.patients(engine) == [
        ("Déjà", "Là", "OLD-1"),
        ("Côté", "Élise", "I-1"),
        ("王", "小明", "I-2"),
    ]
    qtbot.waitUntil(lambda: window.patients.model.rowCount() == 3, timeout=LOAD_TIMEOUT_MS)
    with transaction(engine) as db:
        (event,) = [e for e in audit.events(db) if e.action == "import"]
    assert "file" not in event.changes and event.changes["refused"] == 2


def test_cancel_adds_nobody(
    qtbot: QtBot, open_window: OpenWindow, login: Login, engine: Engine, tmp_path: Path
) -> None:
    dialogs = FakeDialogs()
    window = open_window(dialogs, login("nurse"))
    dialog = preview(qtbot, window, dialogs, a_list(tmp_path))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert raw.patients(engine) == []


def test_a_valid_file_says_how_many_it_imports(
    qtbot: QtBot, open_window: OpenWindow, login: Login, engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "ok.csv"
    path.write_text(f"{HEADER}\nA;B;1980-05-17;V-1;\nC;D;1981-05-17;V-2;c@d.org\n", "utf-8")
    dialogs = FakeDialogs()
    window = open_window(dialogs, login("nurse"))
    dialog = preview(qtbot, window, dialogs, path)
    assert dialog.import_button.text().replace("&", "") == "Import 2 patients"
    assert dialog.listed_rows() == [] and not dialog.table.isVisible()
    with qtbot.waitSignal(dialog.imported, timeout=LOAD_TIMEOUT_MS):
        dialog.import_button.click()
    assert [c for _f, _g, c in raw.patients(engine)] == ["V-1", "V-2"]


def test_a_file_that_is_not_utf8_is_explained_and_nothing_is_offered(
    qtbot: QtBot, open_window: OpenWindow, login: Login, engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "ansi.csv"
    path.write_bytes(f"{HEADER}\r\nCôté;Élise;1980-05-17;I-1;\r\n".encode("cp1252"))
    dialogs = FakeDialogs()
    window = open_window(dialogs, login("nurse"))
    dialog = preview(qtbot, window, dialogs, path)
    assert "not UTF-8" in dialog.error.text() and "CSV UTF-8" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    assert raw.patients(engine) == []


def test_staff_are_not_offered_the_import(
    qtbot: QtBot, open_window: OpenWindow, login: Login, tmp_path: Path
) -> None:
    dialogs = FakeDialogs()
    window = open_window(dialogs, login("desk", Role.STAFF))
    action = window.actions_.import_patients
    assert not action.isEnabled()
    assert "charting needs an injector or a physician" in action.toolTip()
    dialogs.files.append(a_list(tmp_path))
    window.commands.import_patients()  # even called directly
    assert window.commands.import_dialog is None
    assert not dialogs.asked


def test_cancel_while_reading_closes_at_once_and_drops_what_is_read(
    qtbot: QtBot,
    open_window: OpenWindow,
    login: Login,
    engine: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A slow read (a huge file, a network share): Cancel must not wait for it.
    release, finished = threading.Event(), threading.Event()
    real_read = patient_import.read

    def slow_read(path: Path) -> PatientList:
        release.wait(timeout=10)
        try:
            return real_read(path)
        finally:
            finished.set()

    monkeypatch.setattr(patient_import, "read", slow_read)
    dialogs = FakeDialogs()
    window = open_window(dialogs, login("nurse"))
    dialogs.files.append(a_list(tmp_path))
    window.actions_.import_patients.trigger()
    dialog = window.commands.import_dialog
    assert dialog is not None and dialog.busy.isVisible()
    with qtbot.waitSignal(dialog.finished, timeout=LOAD_TIMEOUT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not finished.is_set()  # closed while the file was still being read
    release.set()
    qtbot.waitUntil(finished.is_set, timeout=LOAD_TIMEOUT_MS)
    qtbot.wait(50)  # the dropped result is delivered to nobody
    assert raw.patients(engine) == []


def test_a_chart_number_taken_during_the_import_logs_no_patient_data(
    qtbot: QtBot,
    open_window: OpenWindow,
    login: Login,
    engine: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    dialogs = FakeDialogs()
    window = open_window(dialogs, login("nurse"))
    dialog = preview(qtbot, window, dialogs, a_list(tmp_path))
    real_check = patients.taken_chart_numbers

    def another_workstation_inserts_after_the_check(db: Any, numbers: Any) -> set[str]:
        taken = real_check(db, numbers)
        with engine.begin() as other:  # another workstation, between the check and the insert
            other.exec_driver_sql(
                "INSERT INTO patient (family_name, given_names, date_of_birth, chart_number, "
                "health_card, referring_physician, allergies, phone, email, preferred_language, "
                "treatment_stopped_reason, search_key, created_at) VALUES ('Quillfeather', "
                "'Wenonah', '1977-03-29', 'I-2', '', '', '', '', '', '', '', '', "
                "'2026-01-01 00:00:00')"
            )
        return taken

    monkeypatch.setattr(
        patients, "taken_chart_numbers", another_workstation_inserts_after_the_check
    )
    dialog.import_button.click()
    qtbot.waitUntil(dialog.error.isVisible, timeout=LOAD_TIMEOUT_MS)
    assert "Another workstation" in dialog.error.text()
    assert raw.patients(engine) == [("Quillfeather", "Wenonah", "I-2")]
    logged = caplog.text + "".join(str(r.exc_info) for r in caplog.records)
    for value in ("Côté", "Élise", "王", "小明", "1980-05-17", "1975-01-02", "I-1", "I-2"):
        assert value not in logged
