"""The audit trail of one session (Session > Audit trail…) or one patient (Patient > Audit trail…):
every create, change, signature, addendum, print, export and deleted draft, oldest first.

Read-only: the trail is written by the store in the same transaction as each change, and nothing
here can alter it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from botox_chart.store import audit, transaction
from botox_chart.store.models import Clinician, Patient, TreatmentSession
from botox_chart.ui.dialogs.sizing import size_table_dialog
from botox_chart.ui.models.audit_model import (
    ACTION,
    CHANGES,
    RECORD,
    WHEN,
    WHO,
    AuditModel,
    AuditRow,
    audit_rows,
)


@dataclass(frozen=True)
class AuditTrail:
    heading: str
    """Whose trail: the patient (and the session's date)."""
    rows: list[AuditRow]


def load_trail(
    engine: Engine, *, session_id: int | None = None, patient_id: int | None = None
) -> AuditTrail:
    """A session's or a patient's events in words (StorageError for the user)."""
    if (session_id is None) == (patient_id is None):
        raise ValueError("Give a session or a patient.")
    with transaction(engine) as db:
        if session_id is not None:
            session = db.get(TreatmentSession, session_id)
            patient_id = session.patient_id if session is not None else None
            events = audit.events(db, session_id=session_id)
            dates = {session_id: session.date_of_service} if session is not None else {}
        else:
            events = audit.events(db, patient_id=patient_id)
            rows = db.execute(
                sa.select(col(TreatmentSession.id), col(TreatmentSession.date_of_service)).where(
                    col(TreatmentSession.patient_id) == patient_id
                )
            )
            dates = {int(sid): day for sid, day in rows}
        names = {c.id: c.display_name for c in db.exec(select(Clinician)) if c.id is not None}
        patient = db.get(Patient, patient_id) if patient_id is not None else None
    who = (
        f"{patient.display_name} · {patient.chart_number}"
        if patient
        else QCoreApplication.translate("AuditDialog", "Unknown patient")
    )
    if session_id is not None:
        day = dates.get(session_id)
        heading = QCoreApplication.translate("AuditDialog", "Session of {value} · {who}").format(
            value=day.isoformat() if isinstance(day, date) else "?", who=who
        )
    else:
        heading = who
    return AuditTrail(heading, audit_rows(events, names, dates))


class AuditDialog(QDialog):
    """A table of the trail with its heading; ``per_session`` hides the Record column."""

    def __init__(self, trail: AuditTrail, parent: QWidget | None = None, *, per_session: bool):
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Audit trail"))
        self.heading = QLabel(trail.heading)
        self.heading.setObjectName("sessionHeading")
        self.heading.setWordWrap(True)
        what = (
            self.tr("this session") if per_session else self.tr("this patient and their sessions")
        )
        self.count = QLabel(
            self.tr(
                "%n event(s) for {what}, oldest first. Times are local.", "", len(trail.rows)
            ).format(what=what)
        )
        self.count.setObjectName("patientCount")
        self.count.setWordWrap(True)
        self.model = AuditModel(self)
        self.model.set_rows(trail.rows)
        self.view = QTableView()
        self.view.setObjectName("auditTable")
        self.view.setAccessibleName(self.tr("Audit trail"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for column in (WHEN, WHO, ACTION, RECORD):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHANGES, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnHidden(RECORD, per_session)
        if trail.rows:
            self.view.scrollToBottom()  # the latest events are the ones usually looked for

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        size_table_dialog(self, chars=150, lines=30)
