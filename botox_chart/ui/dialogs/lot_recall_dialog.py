"""Patient › Lot recall… (Ctrl+Shift+F): who received a lot, to contact them if it is recalled.

The lot (completed from the clinic's recent lots; case and spaces ignored) and an optional range
of dates of service; Search lists every session, signed or draft, that used the lot
(``store.recall.recall_list``: each search is an audited export). Print…, Preview… and Save as
PDF… hand the list shown to the window's print service, so the paper says what the screen showed.
Enter or a double-click on a row chooses that patient in the main window. The dialog is not
modal: staff keep it open while they work through the calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from botox_chart.chart import format_units
from botox_chart.recall import Recall, check_lot, check_period
from botox_chart.ui.dialogs.patient_rows import PatientRowsView, hand_over_buttons
from botox_chart.ui.dialogs.sizing import fit_hints, size_table_dialog
from botox_chart.ui.models.lot_recall import DATE, PATIENT, PATIENT_ID_ROLE, LotRecallModel
from botox_chart.ui.widgets.chart_form import restyle

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from botox_chart.ui.window_host import PrintService

Load = Callable[[str, date | None, date | None], Recall | None]
"""Reads the recall list of a lot over a range; None when the database refused (already said)."""


def load_recall(
    engine: Engine,
    lot: str,
    date_from: date | None,
    date_to: date | None,
    *,
    clinician_id: int | None,
) -> Recall:
    """The recall list of ``lot``, its listing audited and committed before it is shown."""
    from botox_chart.store import transaction
    from botox_chart.store.recall import recall_list

    with transaction(engine) as db:
        found = recall_list(
            db, lot, clinician_id=clinician_id, date_from=date_from, date_to=date_to
        )
        db.commit()
    return found


class LotRecallDialog(QDialog):
    """The lot and dates, the table, and the buttons that print and save the list."""

    patientChosen = Signal(int)
    """Enter or a double-click on a row: choose this patient in the main window."""

    def __init__(
        self,
        load: Load,
        printing: PrintService,
        recent_lots: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lotRecallDialog")
        self.setWindowTitle(self.tr("Lot recall"))
        self._load = load
        self.found: Recall | None = None

        self.lot = QLineEdit()
        self.lot.setAccessibleName(self.tr("Lot number"))
        self.lot.setPlaceholderText(self.tr("Lot number, as on the carton"))
        completer = QCompleter(list(recent_lots), self.lot)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.lot.setCompleter(completer)
        lot_label = QLabel(self.tr("&Lot:"))
        lot_label.setBuddy(self.lot)
        today = QDate.currentDate()
        self.use_from, self.date_from = QCheckBox(self.tr("&From")), _date_edit(today.addYears(-1))
        self.use_to, self.date_to = QCheckBox(self.tr("&To")), _date_edit(today)
        for check, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            check.setToolTip(
                self.tr("Only sessions on or after / on or before this date of service")
            )
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
        self.search_button = QPushButton(self.tr("&Search"))
        self.search_button.setDefault(True)  # Enter in the lot field searches
        self.search_button.clicked.connect(self.search)
        self.summary = QLabel(self.tr("Type a lot number and press Enter."))
        self.summary.setObjectName("recallSummary")
        self.summary.setWordWrap(True)

        self.model = LotRecallModel(self)
        self.view = PatientRowsView(
            self.model,
            PATIENT_ID_ROLE,
            name="recallTable",
            accessible_name=self.tr("Sessions that used the lot"),
            sorted_by=DATE,
        )
        self.view.patientChosen.connect(self.patientChosen)

        self.preview_button, self.print_button, self.pdf_button = hand_over_buttons(
            (
                (
                    self.tr("Pre&view…"),
                    self.tr("See the printed list first"),
                    printing.preview_lot_recall_list,
                ),
                (
                    self.tr("&Print…"),
                    self.tr("Print the recall list, with a Contacted column"),
                    printing.print_lot_recall_list,
                ),
                (
                    self.tr("Save as P&DF…"),
                    self.tr("Save the recall list as a PDF"),
                    printing.save_lot_recall_pdf,
                ),
            ),
            self._hand_over,
        )
        self._print_buttons = (self.preview_button, self.print_button, self.pdf_button)
        for button in self._print_buttons:
            button.setEnabled(False)  # until a search has found something
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(lot_label)
        top.addWidget(self.lot, 2)
        for widget in (self.use_from, self.date_from, self.use_to, self.date_to):
            top.addWidget(widget)
        top.addWidget(self.search_button)
        buttons = QHBoxLayout()
        for button in self._print_buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        fit_hints(self)
        size_table_dialog(self, chars=150, lines=28)
        self.lot.setFocus(Qt.FocusReason.OtherFocusReason)

    def period(self) -> tuple[date | None, date | None]:
        """The range chosen (None: that end is open)."""
        start = self.date_from.date().toPython() if self.use_from.isChecked() else None
        end = self.date_to.date().toPython() if self.use_to.isChecked() else None
        return start, end  # type: ignore[return-value]  # QDate.toPython gives a date

    def search(self) -> None:
        """List the sessions that used the lot typed (each search is audited)."""
        date_from, date_to = self.period()
        try:
            lot = check_lot(self.lot.text())
            check_period(date_from, date_to)
        except ValueError as err:
            self._say(str(err), error=True)
            return
        found = self._load(lot, date_from, date_to)
        self.found = found
        self.model.set_rows(found.rows if found is not None else ())
        header = self.view.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        for button in self._print_buttons:
            button.setEnabled(found is not None)
        if found is None:
            self._say(self.tr("The list could not be read."), error=True)
            return
        if not found.rows:
            self._say(
                self.tr("No session used lot {lot} ({period}).").format(
                    lot=found.lot, period=found.period
                )
            )
            return
        drafts = sum(r.draft for r in found.rows)
        self._say(
            self.tr("Lot {lot}, {period}: {sessions}, {patients}, {units} U from the lot").format(
                lot=found.lot,
                period=found.period,
                sessions=self.tr("%n session(s)", "", found.sessions),
                patients=self.tr("%n patient(s)", "", found.patients),
                units=format_units(found.units),
            )
            + (self.tr("; %n not signed (DRAFT)", "", drafts) if drafts else "")
            + self.tr(". Enter or a double-click chooses the patient in the main window.")
        )
        self.view.setCurrentIndex(self.model.index(0, PATIENT))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen_id(self) -> int | None:
        return self.view.chosen_id()

    def _say(self, message: str, *, error: bool = False) -> None:
        self.summary.setText(message)
        restyle(self.summary, "state", "error" if error else "")

    def _hand_over(self, act: Callable[[Recall], object]) -> None:
        if self.found is not None:
            act(self.found)


def _date_edit(day: QDate) -> QDateEdit:
    edit = QDateEdit(day)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit
