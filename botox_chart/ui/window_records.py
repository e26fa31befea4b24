"""The window's paperwork: preview, print and save procedure notes, treatment records and
continuation letters, a patient's FHIR bundle for an EHR (Patient › Export for EHR…), the clinic
outcomes report, the due list (Patient › Due list…), the lot recall (Patient › Lot recall…), and
the audit trail of a session or a patient.

Notes print for the sessions selected in the list, else the one being charted; the record, the
letter and the patient's audit trail are of the chosen patient, only while the list shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer

from botox_chart.ui.window_host import show_status

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from botox_chart.store.patients import PatientSummary
    from botox_chart.ui.dialogs.due_list_dialog import DueListDialog
    from botox_chart.ui.dialogs.lot_recall_dialog import LotRecallDialog
    from botox_chart.ui.window_host import PrintService, WindowHost


PREPARE_AFTER_MS = 120
"""Notes are laid out ahead once the selection has rested this long: moving through the list
with the arrow keys lays out only where the user stops."""


class RecordCommands(QObject):
    """Printing and audit trails; ``editing`` and ``shown_patient`` come from the charting
    commands (the session open in the editor, the patient the list shows)."""

    def __init__(
        self,
        window: WindowHost,
        *,
        editing: Callable[[], int | None],
        shown_patient: Callable[[], PatientSummary | None],
    ) -> None:
        super().__init__(window.as_widget())
        self.w = window
        self._editing = editing
        self._shown_patient = shown_patient
        self.due_dialog: DueListDialog | None = None
        self._due_engine: Engine | None = None
        """The database the open due list reads (reloading the database makes a new list)."""
        self.recall_dialog: LotRecallDialog | None = None
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(PREPARE_AFTER_MS)
        self._prepare_timer.timeout.connect(self.prepare_notes)
        window.sessions.selectionChanged.connect(self._prepare_timer.start)
        window.patients.patientChanged.connect(self._warm_printing)
        a = window.actions_
        a.print_preview.triggered.connect(lambda: self.print_sessions(lambda p: p.preview_sessions))
        a.print.triggered.connect(lambda: self.print_sessions(lambda p: p.print_sessions))
        a.save_pdf.triggered.connect(lambda: self.print_sessions(lambda p: p.save_sessions_pdf))
        a.record_preview.triggered.connect(lambda: self.print_record(lambda p: p.preview_record))
        a.record_print.triggered.connect(lambda: self.print_record(lambda p: p.print_record))
        a.record_pdf.triggered.connect(lambda: self.print_record(lambda p: p.save_record_pdf))
        a.letter_preview.triggered.connect(lambda: self.print_record(lambda p: p.preview_letter))
        a.letter_print.triggered.connect(lambda: self.print_record(lambda p: p.print_letter))
        a.letter_pdf.triggered.connect(lambda: self.print_record(lambda p: p.save_letter_pdf))
        a.export_fhir.triggered.connect(self.export_fhir)
        a.outcomes_report.triggered.connect(self.outcomes_report)
        a.due_list.triggered.connect(self.due_list)
        a.lot_recall.triggered.connect(self.lot_recall)
        a.session_audit.triggered.connect(self.session_audit)
        a.patient_audit.triggered.connect(self.patient_audit)

    def print_ids(self) -> list[int]:
        """The sessions selected in the list, else the one in the editor."""
        selected = self.w.sessions.selected_ids()
        if selected:
            return selected
        editing = self._editing()
        return [editing] if editing is not None else []

    def prepare_notes(self) -> None:
        """Lay out the notes of the selected sessions ahead of Print preview, when every one is
        signed (a draft changes as it is charted)."""
        selected = self.w.sessions.selected_sessions()
        if not selected or any(s.status != "signed" for s in selected):
            return
        if self.w.engine is None or not self.w.sign_in.is_open():
            return
        printing = self.w.ensure_printing()
        if printing is not None:
            printing.prepare_sessions([s.id for s in selected])

    def _warm_printing(self, _patient: object = None) -> None:
        """A patient is chosen: their notes may be printed soon, so printing loads (once)."""
        if self.w.engine is not None and self.w.sign_in.is_open():
            printing = self.w.ensure_printing()
            if printing is not None:
                printing.warm()

    def print_sessions(self, how: Callable[[PrintService], Callable[[Sequence[int]], Any]]) -> None:
        self._prepare_timer.stop()  # the click reads and lays out these notes itself
        ids = self.print_ids()
        printing = self.w.ensure_printing() if ids else None
        if printing is not None:
            self.w.attempt(self.tr("Print"), lambda: how(printing)(ids))

    def print_record(self, how: Callable[[PrintService], Callable[[int], Any]]) -> None:
        patient = self._shown_patient()
        printing = self.w.ensure_printing() if patient is not None else None
        if patient is not None and printing is not None:
            self.w.attempt(self.tr("Patient record"), lambda: how(printing)(patient.id))

    def export_fhir(self) -> None:
        """Save the chosen patient's signed sessions as a FHIR bundle (Patient › Export for EHR)."""
        patient = self._shown_patient()
        printing = self.w.ensure_printing() if patient is not None else None
        if patient is not None and printing is not None:
            self.w.attempt(self.tr("Export for EHR"), lambda: printing.save_fhir_bundle(patient.id))

    def outcomes_report(self) -> None:
        printing = self.w.ensure_printing()
        if printing is not None:
            self.w.attempt(self.tr("Clinic outcomes report"), printing.preview_outcomes_report)

    def due_list(self) -> None:
        """Open the due list (or bring it forward, read again, if it is open)."""
        engine = self.w.engine
        if engine is None or not self.w.sign_in.is_open():
            return
        from shiboken6 import isValid

        from botox_chart.ui.dialogs.due_list_dialog import DueListDialog, load_due_list

        dialog = (
            self.due_dialog if self.due_dialog is not None and isValid(self.due_dialog) else None
        )
        if dialog is not None and self._due_engine is engine:
            dialog.reload()
            dialog.show()
            dialog.activateWindow()  # a dialog of the window: it stays above it
            return
        if dialog is not None:  # the database was opened again: a list of the one open now
            dialog.close()
        printing = self.w.ensure_printing()
        if printing is None:
            return
        dialog = DueListDialog(
            lambda within, overdue: self.w.attempt(
                self.tr("Due list"), lambda: load_due_list(engine, within=within, overdue=overdue)
            ),
            printing,
            self.w.as_widget(),
        )
        dialog.patientChosen.connect(self.choose_patient)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.due_dialog, self._due_engine = dialog, engine
        dialog.show()

    def lot_recall(self) -> None:
        """Open a lot recall of the database open now (closing one of a database opened before)."""
        engine = self.w.engine
        if engine is None or not self.w.sign_in.is_open():
            return
        from shiboken6 import isValid

        from botox_chart.store import transaction
        from botox_chart.store.sessions import recent_lots
        from botox_chart.ui.dialogs.lot_recall_dialog import LotRecallDialog, load_recall

        if self.recall_dialog is not None and isValid(self.recall_dialog):
            self.recall_dialog.close()
        printing = self.w.ensure_printing()
        if printing is None:
            return

        def read_lots() -> list[str]:
            with transaction(engine) as db:
                return [lot for lot, _expiry in recent_lots(db, limit=50)]

        dialog = LotRecallDialog(
            # Audited as whoever is signed in when the search runs (the lock may change them).
            lambda lot, start, end: self.w.attempt(
                self.tr("Lot recall"),
                lambda: load_recall(engine, lot, start, end, clinician_id=self.w.clinician_id()),
            ),
            printing,
            self.w.attempt(self.tr("Lot recall"), read_lots) or [],
            self.w.as_widget(),
        )
        dialog.patientChosen.connect(self.choose_patient)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.recall_dialog = dialog
        dialog.show()

    def choose_patient(self, patient_id: int) -> None:
        """A row of a clinic list: that patient, chosen in the patient list (a search hiding
        them is cleared)."""
        self.w.show_patients_pane()
        if not self.w.patients.reveal(patient_id):
            show_status(
                self.w, self.tr("That patient is not in the patient list yet: View › Refresh (F5).")
            )

    def audit_session_id(self) -> int | None:
        """The session selected in the list, else the one in the editor."""
        selected = self.w.sessions.current_id()
        return selected if selected is not None else self._editing()

    def session_audit(self) -> None:
        session_id = self.audit_session_id()
        if session_id is not None:
            self._audit_dialog(session_id=session_id)

    def patient_audit(self) -> None:
        patient = self._shown_patient()
        if patient is not None:
            self._audit_dialog(patient_id=patient.id)

    def _audit_dialog(
        self, *, session_id: int | None = None, patient_id: int | None = None
    ) -> None:
        engine = self.w.engine
        if engine is None or not self.w.sign_in.is_open():
            return
        from botox_chart.ui.dialogs.audit_dialog import AuditDialog, load_trail

        trail = self.w.attempt(
            self.tr("Audit trail"),
            lambda: load_trail(engine, session_id=session_id, patient_id=patient_id),
        )
        if trail is None:
            return
        dialog = AuditDialog(trail, self.w.as_widget(), per_session=session_id is not None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
