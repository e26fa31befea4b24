"""The selected patient: who they are (name, birth date, chart #, phone, allergies), whether
treatment stopped, when they are due, and their sessions, newest first. Several sessions can be
selected together for printing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from botox_chart.ui.models.session_list import (
    DATE,
    INJECTOR,
    SESSION_ID_ROLE,
    SessionListModel,
)
from botox_chart.ui.style import set_style_property
from botox_chart.ui.widgets.outcome_trend import OutcomeTrend
from botox_chart.ui.widgets.patient_panel import configure_table

if TYPE_CHECKING:
    from botox_chart.outcomes import RuleProfile, Trend, Verdict
    from botox_chart.store.models import Patient
    from botox_chart.store.sessions import SessionSummary

SELECT_ROW = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows


class SessionListPanel(QWidget):
    """Patient header, next-due line and the session table with its action buttons."""

    sessionActivated = Signal(int)
    """Enter or double-click on a session: open it in the editor."""
    selectionChanged = Signal()

    def __init__(self, actions: Sequence[QAction] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionListPanel")
        self._patient_id: int | None = None

        self.name = QLabel(self.tr("No patient selected"))
        self.name.setObjectName("patientName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel("")
        self.details.setObjectName("patientDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stopped = QLabel("")
        self.stopped.setObjectName("treatmentStopped")
        self.stopped.setWordWrap(True)
        self.stopped.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_style_property(self.stopped, "severity", "warning")
        self.allergies = QLabel("")
        self.allergies.setObjectName("allergies")
        self.allergies.setWordWrap(True)
        self.next_due = QLabel("")
        self.next_due.setObjectName("nextDue")

        self.model = SessionListModel(self)
        self.view = QTableView()
        self.view.setObjectName("sessionList")
        self.view.setAccessibleName(self.tr("Sessions"))
        self.view.setModel(self.model)
        configure_table(self.view)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(INJECTOR, QHeaderView.ResizeMode.Stretch)

        buttons = QHBoxLayout()
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name)
        # Right under the name: whoever calls or books the patient reads it before anything else.
        layout.addWidget(self.stopped)
        layout.addWidget(self.details)
        layout.addWidget(self.allergies)
        layout.addWidget(self.next_due)
        self.outcomes = OutcomeTrend()
        layout.addWidget(self.outcomes)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.view.activated.connect(self._activated)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.selectionChanged.emit())
        self.show_patient(None, [])

    def show_patient(
        self, patient: Patient | None, sessions: Sequence[SessionSummary], today: date | None = None
    ) -> None:
        """Show a patient and their sessions (None: nobody selected)."""
        today = today or date.today()
        self._patient_id = patient.id if patient is not None else None
        self.model.set_sessions(sessions, today=today)
        if patient is None:
            self.name.setText(self.tr("No patient selected"))
            self.details.setText(self.tr("Find a patient on the left, or add one (Ctrl+Shift+N)."))
            self.allergies.hide()
            self.stopped.hide()
            self.next_due.hide()
            self.show_outcomes(None, [])
            return
        self.name.setText(patient.display_name)
        self.details.setText(_details(patient, today))
        if patient.treatment_stopped_on is not None:
            self.stopped.setText(
                self.tr("Treatment stopped on {isoformat} ({treatment_stopped_reason})").format(
                    isoformat=patient.treatment_stopped_on.isoformat(),
                    treatment_stopped_reason=patient.treatment_stopped_reason,
                )
            )
        self.stopped.setVisible(patient.treatment_stopped_on is not None)
        self.allergies.show()
        if patient.allergies.strip():
            self.allergies.setText(
                self.tr("Allergies: {allergies}").format(allergies=patient.allergies)
            )
            set_style_property(self.allergies, "severity", "warning")
        else:
            self.allergies.setText(self.tr("Allergies: none recorded"))
            set_style_property(self.allergies, "severity", None)
        self._show_next_due(today)

    def show_outcomes(
        self,
        trend: Trend | None,
        verdicts: Sequence[tuple[RuleProfile, Verdict]],
        problem: str = "",
    ) -> None:
        """The patient's outcome trend and each profile's verdict (hidden with no patient)."""
        self.outcomes.show_course(trend, verdicts, problem)
        self.outcomes.setVisible(trend is not None)

    def set_sessions(self, sessions: Sequence[SessionSummary], today: date | None = None) -> None:
        """Refresh the sessions of the patient shown (after a save, sign or delete)."""
        selected = self.selected_ids()
        today = today or date.today()
        self.model.set_sessions(sessions, today=today)
        self._show_next_due(today)
        for session_id in selected:
            self.select(session_id, clear=False)

    def update_draft(
        self, session_id: int, *, date_of_service: date, total_units: Decimal, sites: int
    ) -> bool:
        """Show an autosaved draft's date and totals without reading the store again."""
        return self.model.update_draft(
            session_id, date_of_service=date_of_service, total_units=total_units, sites=sites
        )

    def patient_id(self) -> int | None:
        return self._patient_id

    def selected_ids(self) -> list[int]:
        """The sessions selected, newest first."""
        return [session.id for session in self.selected_sessions()]

    def selected_sessions(self) -> list[SessionSummary]:
        """The sessions selected, newest first, as listed (date, status, totals)."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.session(row) for row in rows]

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return int(index.data(SESSION_ID_ROLE))

    def select(self, session_id: int, *, clear: bool = True) -> None:
        row = self.model.row_of(session_id)
        if row is None:
            return
        flags = SELECT_ROW
        if clear:
            self.view.clearSelection()
        index = self.model.index(row, DATE)
        self.view.selectionModel().setCurrentIndex(index, flags)

    def focus_list(self) -> None:
        if self.model.rowCount() and not self.view.selectionModel().hasSelection():
            self.select(self.model.session(0).id)
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_next_due(self, today: date) -> None:
        signed = [s for s in self.model.sessions() if s.status == "signed"]
        if not self.model.rowCount():
            self.next_due.setText(self.tr("No sessions yet."))
            set_style_property(self.next_due, "severity", None)
        elif self.model.is_overdue(0):
            due = signed[0].next_due
            days = (today - due).days
            self.next_due.setText(
                self.tr("Next due {date}: OVERDUE by %n day(s)", "", days).format(
                    date=due.isoformat()
                )
            )
            set_style_property(self.next_due, "severity", "error")
        elif signed and self.model.session(0).status == "signed":
            self.next_due.setText(
                self.tr("Next due {isoformat} (12 weeks)").format(
                    isoformat=signed[0].next_due.isoformat()
                )
            )
            set_style_property(self.next_due, "severity", None)
        else:
            self.next_due.setText(self.tr("A draft is open: sign it to set the next due date."))
            set_style_property(self.next_due, "severity", "warning")
        self.next_due.show()

    def _activated(self) -> None:
        session_id = self.current_id()
        if session_id is not None:
            self.sessionActivated.emit(session_id)


def _details(patient: Patient, today: date) -> str:
    born = patient.date_of_birth
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    parts = [
        QCoreApplication.translate("SessionList", "Born {isoformat} ({age})").format(
            isoformat=born.isoformat(), age=age
        ),
        QCoreApplication.translate("SessionList", "Chart # {chart_number}").format(
            chart_number=patient.chart_number
        ),
    ]
    if patient.phone:
        parts.append(
            QCoreApplication.translate("SessionList", "Phone {phone}").format(phone=patient.phone)
        )
    if patient.health_card:
        parts.append(
            QCoreApplication.translate("SessionList", "Health card {health_card}").format(
                health_card=patient.health_card
            )
        )
    if patient.referring_physician:
        referral = QCoreApplication.translate(
            "SessionList", "Referred by {referring_physician}"
        ).format(referring_physician=patient.referring_physician)
        if patient.referral_date:
            referral += QCoreApplication.translate("SessionList", " on {date}").format(
                date=patient.referral_date.isoformat()
            )
        parts.append(referral)
    # Wrap between the parts, never inside one (a health card number split over two lines).
    return " · ".join(part.replace(" ", "\u00a0") for part in parts)
