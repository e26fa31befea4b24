"""Patient › Due list… (Ctrl+D): who to call for their next treatment, printed in a few actions.

The period is this week (the default), the next 2 weeks (both with the overdue) or the overdue
only; patients referred and never treated are always listed, and an open draft or a stopped
treatment is marked, never left out (botox_chart.due). The rows are ``due.due_list`` over
``store.due.histories``, read once per period; Print…, Save as PDF… and Export CSV… hand that same
list to the window's print service, so the paper says what the screen showed. Enter or a
double-click on a row chooses that patient in the main window. The dialog is not modal: reception
keeps it open while working through the calls (the idle lock hides it like every other window).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from botox_chart.due import DueList
from botox_chart.ui.dialogs.patient_rows import PatientRowsView, hand_over_buttons
from botox_chart.ui.dialogs.sizing import size_table_dialog
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.models.due_list import (
    MARKS,
    NEXT_DUE,
    PATIENT,
    PATIENT_ID_ROLE,
    DueListModel,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from botox_chart.ui.window_host import PrintService

PERIODS: tuple[tuple[str, int | None, bool], ...] = (
    (
        QT_TRANSLATE_NOOP("DueListDialog", "This week (due within 7 days, overdue included)"),
        7,
        False,
    ),
    (
        QT_TRANSLATE_NOOP("DueListDialog", "Next 2 weeks (due within 14 days, overdue included)"),
        14,
        False,
    ),
    (QT_TRANSLATE_NOOP("DueListDialog", "Overdue only"), None, True),
)
"""(label, within days, overdue only) of each period offered; the first is the default."""

Load = Callable[[int | None, bool], DueList | None]
"""Reads the list of a period (within, overdue); None when the database refused (already said)."""


def load_due_list(
    engine: Engine, *, within: int | None, overdue: bool, today: date | None = None
) -> DueList:
    """The due list of a period on ``today`` (the computer's date), in one query."""
    from botox_chart import due
    from botox_chart.store import transaction
    from botox_chart.store.due import histories

    with transaction(engine) as db:
        found = histories(db)
    return due.due_list(found, today or date.today(), within=within, overdue=overdue)


class DueListDialog(QDialog):
    """The period, the table, and the buttons that print, save and export it."""

    patientChosen = Signal(int)
    """Enter or a double-click on a row: choose this patient in the main window."""

    def __init__(self, load: Load, printing: PrintService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueListDialog")
        self.setWindowTitle(self.tr("Due list"))
        self._load = load
        self._printing = printing
        self.found: DueList | None = None

        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        for label, _within, _overdue in PERIODS:
            self.period.addItem(self.tr(label))
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.period)
        self.summary = QLabel()
        self.summary.setObjectName("patientCount")
        self.summary.setWordWrap(True)

        self.model = DueListModel(self)
        # The list's own order (next due date, the never treated last) until a column is clicked;
        # the marks take the width left.
        self.view = PatientRowsView(
            self.model,
            PATIENT_ID_ROLE,
            name="dueTable",
            accessible_name=self.tr("Patients due"),
            sorted_by=NEXT_DUE,
            stretch=MARKS,
        )
        self.view.patientChosen.connect(self.patientChosen)

        self.preview_button, self.print_button, self.pdf_button, self.csv_button = (
            hand_over_buttons(
                (
                    (
                        self.tr("Pre&view…"),
                        self.tr("See the printed list first"),
                        printing.preview_due_list,
                    ),
                    (
                        self.tr("&Print…"),
                        self.tr("Print the list to call, with Called and Notes columns"),
                        printing.print_due_list,
                    ),
                    (
                        self.tr("Save as P&DF…"),
                        self.tr("Save the printable list as a PDF"),
                        printing.save_due_list_pdf,
                    ),
                    (
                        self.tr("Export &CSV…"),
                        self.tr("Save the list as CSV for a spreadsheet"),
                        printing.save_due_list_csv,
                    ),
                ),
                self._hand_over,
            )
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(period_label)
        top.addWidget(self.period, 1)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.pdf_button, self.csv_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        size_table_dialog(self, chars=150, lines=28)

        self.period.currentIndexChanged.connect(self.reload)
        self.reload()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def reload(self) -> None:
        """Read the chosen period's list again (the database may have changed)."""
        _label, within, overdue = PERIODS[max(self.period.currentIndex(), 0)]
        found = self._load(within, overdue)
        self.found = found
        self.model.set_list(
            found or DueList(today=date.today(), within=within, overdue=overdue, rows=())
        )
        header = self.view.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if found is None:
            self.summary.setText(self.tr("The list could not be read."))
        else:
            count = len(found.rows)
            self.summary.setText(
                self.tr(
                    "%n patient(s) {period}; referrals never treated are always listed. "
                    "Enter or a double-click chooses the patient in the main window.",
                    "",
                    count,
                ).format(period=found.period)
            )
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, PATIENT))
        for button in (self.preview_button, self.print_button, self.pdf_button, self.csv_button):
            button.setEnabled(found is not None)

    def chosen_id(self) -> int | None:
        return self.view.chosen_id()

    def _hand_over(self, act: Callable[[DueList], object]) -> None:
        if self.found is not None:
            act(self.found)
