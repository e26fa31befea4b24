"""Patient › Lot recall… (Ctrl+Shift+F): the lot typed in lower case finds the sessions of both
lots' patients, drafts marked; Enter on a row chooses the patient in the main window; sorting is
on values; each search is audited; Print/Save as PDF hand the list shown to the print service,
and the real service writes it audited with the lot and counts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.store import audit, transaction
from botox_chart.ui.dialogs.lot_recall_dialog import LotRecallDialog
from botox_chart.ui.main_window import MainWindow
from botox_chart.ui.models.lot_recall import PATIENT, STATUS, UNITS
from botox_chart.ui.printing import Printing
from tests.helpers.fake_dialogs import FakeDialogs
from tests.helpers.recall_clinic import LOT_A, LOT_B, RecallClinic, recall_clinic
from tests.note.samples import pdftotext
from tests.ui.conftest import FakePrinting, Login, OpenWindow


def recall_events(engine: Engine) -> list[dict[str, object]]:
    with transaction(engine) as db:
        return [
            e.changes
            for e in audit.events(db)
            if e.action == "export" and e.changes.get("document") == "lot recall"
        ]


def open_recall(
    qtbot: QtBot, open_window: OpenWindow, login: Login, engine: Engine
) -> tuple[RecallClinic, LotRecallDialog, MainWindow]:
    clinic = recall_clinic(engine)
    nurse = login("nurse")
    window = open_window(FakeDialogs(), nurse)
    assert window.actions_.lot_recall.shortcut().toString() == "Ctrl+Shift+F"
    window.actions_.lot_recall.trigger()
    dialog = window.commands.records.recall_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return clinic, dialog, window


def test_a_lot_typed_in_lower_case_finds_its_sessions_and_enter_chooses_the_patient(
    qtbot: QtBot, open_window: OpenWindow, login: Login, engine: Engine
) -> None:
    clinic, dialog, window = open_recall(qtbot, open_window, login, engine)
    assert LOT_A in dialog.lot.completer().model().stringList()  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.lot, f" {LOT_A.lower()}")
    qtbot.keyClick(dialog.lot, Qt.Key.Key_Return)  # Enter in the lot field searches

    model = dialog.model
    assert [r.session_id for r in model.rows()] == [clinic.elise, clinic.bao]
    assert model.index(0, PATIENT).data() == "Côté, Élise"
    assert model.index(0, UNITS).data() == "100 U"
    assert model.index(1, STATUS).data() == "DRAFT"
    assert "2 sessions, 2 patients, 255 U" in dialog.summary.text()
    assert "1 not signed (DRAFT)" in dialog.summary.text()
    assert [(e["lot"], e["sessions"]) for e in recall_events(engine)] == [(LOT_A, 2)]
    with transaction(engine) as db:
        (event,) = [e for e in audit.events(db) if e.changes.get("document") == "lot recall"]
    assert event.clinician_id == window.clinician_id() and event.patient_id is None

    # The table has the focus on the first row: Enter chooses Élise in the main window.
    assert dialog.focusWidget() is dialog.view
    qtbot.keyClick(dialog.view, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert window.patients.current_id() == clinic.bao_patient
    qtbot.keyClick(dialog.view, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Enter)
    assert window.patients.current_id() == clinic.elise_patient


def test_sorting_is_on_values_and_the_range_narrows_the_list(
    qtbot: QtBot, qtmodeltester: Any, open_window: OpenWindow, login: Login, engine: Engine
) -> None:
    clinic, dialog, _window = open_recall(qtbot, open_window, login, engine)
    dialog.lot.setText(LOT_B)
    dialog.search_button.click()
    qtmodeltester.check(dialog.model)
    dialog.view.sortByColumn(UNITS, Qt.SortOrder.AscendingOrder)
    assert [r.units_from_lot for r in dialog.model.rows()] == [Decimal(55), Decimal(155)]
    assert dialog.model.index(0, PATIENT).data() == "Côté, Élise"
    qtmodeltester.check(dialog.model)

    dialog.use_from.setChecked(True)
    dialog.date_from.setDate(QDate(2026, 10, 5))  # inclusive: Élise's day
    dialog.search_button.click()
    assert [r.session_id for r in dialog.model.rows()] == [clinic.elise]

    dialog.use_to.setChecked(True)
    dialog.date_to.setDate(QDate(2026, 10, 4))
    dialog.search_button.click()
    assert "ends (2026-10-04) before it starts (2026-10-05)" in dialog.summary.text()
    assert len(recall_events(engine)) == 2  # the refused search read nothing

    dialog.lot.setText("Z9999ZZ")
    dialog.use_to.setChecked(False)
    dialog.search_button.click()
    assert dialog.model.rowCount() == 0
    assert dialog.summary.text() == "No session used lot Z9999ZZ (from 2026-10-05)."


def test_print_and_save_hand_the_list_shown_to_the_print_service(
    qtbot: QtBot, open_window: OpenWindow, login: Login, engine: Engine
) -> None:
    _clinic, dialog, window = open_recall(qtbot, open_window, login, engine)
    assert not dialog.print_button.isEnabled()  # nothing searched yet
    dialog.lot.setText(LOT_A)
    dialog.search_button.click()
    dialog.print_button.click()
    dialog.pdf_button.click()
    printing = window.printing
    assert isinstance(printing, FakePrinting)
    assert printing.calls == [
        ("print_lot_recall_list", dialog.found),
        ("save_lot_recall_pdf", dialog.found),
    ]


def test_the_saved_list_is_the_recall_pdf_and_its_export_is_audited(
    qtbot: QtBot, engine: Engine, tmp_path: Path
) -> None:
    from botox_chart.ui.dialogs.lot_recall_dialog import load_recall

    clinic = recall_clinic(engine)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs = FakeDialogs()
    dialogs.files.append(tmp_path / "recall")  # ".pdf" is added
    printing = Printing(engine, parent, dialogs, clinician_id=lambda: None)
    found = load_recall(engine, LOT_B, None, None, clinician_id=None)

    saved = printing.save_lot_recall_pdf(found)

    assert saved == tmp_path / "recall.pdf"
    suggested = Path(dialogs.asked[-1][2]).name
    assert suggested.startswith(f"lot-recall_{LOT_B}_") and suggested.endswith(".pdf")
    text = pdftotext(saved)
    assert "Smith, Ann" in text and "Côté, Élise" in text and "55 U" in text
    assert [(e["lot"], e["sessions"]) for e in recall_events(engine)] == [(LOT_B, 2), (LOT_B, 2)]
    assert clinic.ann in [r.session_id for r in found.rows]
