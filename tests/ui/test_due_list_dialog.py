"""Patient › Due list… (Ctrl+D): the rows and marks around the 84-day boundary, the periods,
sorting on values, Enter choosing the patient in the main window, and printing, saving and
exporting the very list shown (audited)."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.due import PatientHistory, due_list
from botox_chart.store import audit, transaction
from botox_chart.store.models import Role
from botox_chart.ui.dialogs.due_list_dialog import DueListDialog, load_due_list
from botox_chart.ui.models.due_list import HEADERS, MARKS, OVERDUE, PATIENT, DueListModel
from botox_chart.ui.printing import Printing
from tests.helpers.due_clinic import OVERDUE_NAME, OVERDUE_PHONE, DueClinic, due_clinic
from tests.helpers.fake_dialogs import FakeDialogs
from tests.note.samples import pdftotext
from tests.ui.test_printing import PdfPrinters, page_size


def column(dialog: DueListDialog, number: int) -> list[str]:
    model = dialog.model
    return [str(model.index(row, number).data()) for row in range(model.rowCount())]


def cell(dialog: DueListDialog, name: str, number: int) -> str:
    row = column(dialog, PATIENT).index(name)
    return str(dialog.model.index(row, number).data())


@pytest.fixture
def clinic(engine: Engine) -> DueClinic:
    return due_clinic(engine)


def open_due_list(window: Any) -> DueListDialog:
    window.actions_.due_list.trigger()
    dialog = window.commands.records.due_dialog
    assert isinstance(dialog, DueListDialog) and dialog.isVisible()
    return dialog


def test_reception_sees_this_weeks_list_with_marks_and_other_periods(
    open_window: Any, login: Any, clinic: DueClinic
) -> None:
    window = open_window(FakeDialogs(), login("reception", Role.STAFF))
    assert window.actions_.due_list.isEnabled()
    assert "Ctrl+D" in window.actions_.due_list.toolTip()

    dialog = open_due_list(window)

    assert column(dialog, PATIENT) == [
        OVERDUE_NAME,
        "Stopped, Sam",
        "Late, Lou",
        "Today, Tia",
        "Tomorrow, Tom",
        "Referral, Rae",
    ]
    assert [cell(dialog, n, OVERDUE) for n in ("Late, Lou", "Today, Tia", "Tomorrow, Tom")] == [
        "1 day",
        "due today",
        "in 1 day",
    ]
    assert cell(dialog, "Late, Lou", MARKS) == "draft open"
    assert cell(dialog, "Stopped, Sam", MARKS) == "stopped"
    assert cell(dialog, "Referral, Rae", MARKS) == "never treated"
    assert cell(dialog, OVERDUE_NAME, HEADERS.index("Phone")) == OVERDUE_PHONE
    assert cell(dialog, "Today, Tia", HEADERS.index("Next due")) == clinic.today.isoformat()
    assert cell(dialog, "Today, Tia", HEADERS.index("Injector")).startswith("Li Wei")
    assert "6 patients" in dialog.summary.text()

    dialog.period.setCurrentIndex(2)  # overdue only
    assert column(dialog, PATIENT) == [OVERDUE_NAME, "Stopped, Sam", "Late, Lou", "Referral, Rae"]
    dialog.period.setCurrentIndex(1)  # the next 2 weeks: Far (due in 64 days) is still not due
    assert "Far, Fay" not in column(dialog, PATIENT) and len(column(dialog, PATIENT)) == 6


def test_sorting_by_days_overdue_sorts_numbers_and_keeps_the_never_treated_last(
    open_window: Any, login: Any, clinic: DueClinic
) -> None:
    dialog = open_due_list(open_window(FakeDialogs(), login("reception", Role.STAFF)))

    dialog.view.sortByColumn(OVERDUE, Qt.SortOrder.AscendingOrder)
    assert column(dialog, PATIENT) == [
        "Tomorrow, Tom",
        "Today, Tia",
        "Late, Lou",
        "Stopped, Sam",
        OVERDUE_NAME,
        "Referral, Rae",
    ]
    dialog.view.sortByColumn(OVERDUE, Qt.SortOrder.DescendingOrder)
    assert column(dialog, PATIENT)[:3] == [OVERDUE_NAME, "Stopped, Sam", "Late, Lou"]
    assert column(dialog, PATIENT)[-1] == "Referral, Rae"


def test_the_model_keeps_qts_contract_before_and_after_sorting(
    qtmodeltester: Any, engine: Engine, clinic: DueClinic
) -> None:
    model = DueListModel()
    model.set_list(load_due_list(engine, within=7, overdue=False))
    qtmodeltester.check(model)
    model.sort(PATIENT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    assert model.index(0, PATIENT).data() == "Tomorrow, Tom"


def test_days_overdue_sort_as_numbers_not_as_text() -> None:
    today = date(2026, 12, 7)
    histories = [
        PatientHistory(
            patient_id=n,
            patient=name,
            chart_number=f"C{n}",
            phone="",
            last_session_id=n,
            last_date=today - timedelta(days=days),
            injector="",
            draft_open=False,
            stopped_on=None,
            referral_date=None,
        )
        for n, (name, days) in enumerate((("Nine, N", 93), ("Ten, T", 94), ("Hundred, H", 184)))
    ]
    model = DueListModel()
    found = due_list(histories, today)
    model.set_list(found)

    model.sort(OVERDUE, Qt.SortOrder.DescendingOrder)

    texts = [model.index(row, OVERDUE).data() for row in range(model.rowCount())]
    assert texts == ["100 days", "10 days", "9 days"]


def test_enter_on_a_row_chooses_the_patient_in_the_main_window(
    qtbot: QtBot, open_window: Any, login: Any, clinic: DueClinic
) -> None:
    window = open_window(FakeDialogs(), login("reception", Role.STAFF))
    window.patients.search.setText("Far")  # the search hides everyone else
    dialog = open_due_list(window)
    dialog.view.sortByColumn(OVERDUE, Qt.SortOrder.DescendingOrder)
    dialog.view.setCurrentIndex(dialog.model.index(2, PATIENT))  # Late, Lou
    dialog.view.setFocus()

    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)

    assert window.patients.current_id() == clinic.patients["Late"]
    assert window.patients.shown_current() is not None
    assert window.patients.search.text() == ""
    assert dialog.isVisible()  # the list stays open for the next call

    row = column(dialog, PATIENT).index("Referral, Rae")
    where = dialog.view.visualRect(dialog.model.index(row, PATIENT)).center()
    viewport = dialog.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=where)  # Qt's double-click: a
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=where)  # press, then another
    assert window.patients.current_id() == clinic.patients["Referral"]


def test_print_hands_the_list_shown_to_the_print_service(
    open_window: Any, login: Any, clinic: DueClinic
) -> None:
    window = open_window(FakeDialogs(), login("reception", Role.STAFF))
    dialog = open_due_list(window)
    dialog.period.setCurrentIndex(2)

    dialog.print_button.click()

    ((name, found),) = window.printing.calls
    assert name == "print_due_list" and found is dialog.found and found.overdue


def test_save_as_pdf_and_export_csv_write_the_list_and_audit_the_exports(
    qtbot: QtBot, engine: Engine, clinic: DueClinic, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs = FakeDialogs()
    dialogs.files.extend([tmp_path / "monday", tmp_path / "monday.csv"])
    printing = Printing(
        engine, parent, dialogs, printer_factory=PdfPrinters(tmp_path), clinician_id=lambda: None
    )
    dialog = DueListDialog(
        lambda within, overdue: load_due_list(engine, within=within, overdue=overdue),
        printing,
        parent,
    )
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.pdf_button.click()
    dialog.csv_button.click()

    saving = [text for kind, _title, text in dialogs.asked if kind == "save_file"]
    assert saving[0].endswith(f"due-list_{clinic.today.isoformat()}.pdf")
    assert saving[1].endswith(f"due-list_{clinic.today.isoformat()}.csv")
    text = " ".join(pdftotext(tmp_path / "monday.pdf").split())
    for name in column(dialog, PATIENT):
        assert name in text
    assert OVERDUE_PHONE in text and clinic.today.isoformat() in text
    with (tmp_path / "monday.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["patient"] for r in rows] == column(dialog, PATIENT)
    assert (tmp_path / "monday.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with transaction(engine) as db:
        exports = [e.changes for e in audit.events(db) if e.action == "export"]
    assert exports == [{"document": "due list"}, {"document": "due list (CSV)"}]


def test_print_prints_the_landscape_worklist_and_audits_it(
    qtbot: QtBot, engine: Engine, clinic: DueClinic, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    printers = PdfPrinters(tmp_path)
    printing = Printing(engine, parent, FakeDialogs(), printer_factory=printers)
    dialog = DueListDialog(
        lambda within, overdue: load_due_list(engine, within=within, overdue=overdue),
        printing,
        parent,
    )
    qtbot.addWidget(dialog)

    dialog.print_button.click()

    (printed,) = printers.files
    assert page_size(printed) == (792, 612)  # Letter, landscape, as the worklist is laid out
    with transaction(engine) as db:
        printed_events = [e.changes for e in audit.events(db) if e.action == "print"]
    assert printed_events == [{"document": "due list"}]


def test_reopening_after_the_database_is_opened_again_lists_the_new_one(
    qtbot: QtBot, open_window: Any, login: Any, clinic: DueClinic
) -> None:
    window = open_window(FakeDialogs(), login("reception", Role.STAFF))
    first = open_due_list(window)
    window.actions_.due_list.trigger()
    assert window.commands.records.due_dialog is first  # brought forward, read again

    with qtbot.waitSignal(window.patientsLoaded, timeout=20_000):
        window.reload_database()
    window.sign_in_as(login("frontdesk", Role.STAFF))
    second = open_due_list(window)

    assert second is not first and column(second, PATIENT)[0] == OVERDUE_NAME
