"""Which of the window's commands is on at each moment, for whom, and why a key did nothing.

Staff find, view and print; injectors and physicians also chart and sign. A command that acts on
a patient acts only on one the patient list shows, and names them ("New session for Gagnon,
Élise"); while the search hides the chosen patient it is off and says why. A charting key pressed
on a read-only chart (signed, or staff) says why in the status area instead of doing nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from botox_chart.ui.window_actions import explain, name_target
from botox_chart.ui.window_host import show_status

if TYPE_CHECKING:
    from botox_chart.store.patients import PatientSummary
    from botox_chart.store.sessions import SessionSummary
    from botox_chart.ui.window_host import WindowHost

STAFF_WHY = "staff find, view and print; charting needs an injector or a physician"
HIDDEN_WHY = "the search hides the selected patient (Esc clears it)"
NAME_CHARS = 28
"""Actions name their patient ("New session for Gagnon, Élise"), shortened past this length."""


def update_actions(
    w: WindowHost,
    *,
    shown: PatientSummary | None,
    current: SessionSummary | None,
    printable: bool,
    auditable: bool,
) -> None:
    """Turn each command on only when it can do something now, for who is signed in.

    ``shown``: the chosen patient if the list shows them; ``current``: the session selected in
    the list; ``printable``/``auditable``: a session to print or to show the audit trail of.
    """
    a = w.actions_
    clinician = w.clinician() if w.sign_in.is_open() else None
    for action in (a.clinicians, a.clinic_settings, a.encrypt_database):
        action.setVisible(clinician is not None and clinician.is_admin)
    if clinician is None or w.replaced:  # signed out, locked, or the database is gone
        name_patient(w, None)  # no patient's name stays in a menu on the sign-in screen
        always = a.always_available()
        for action in a.every():
            action.setEnabled(action in always or (w.replaced and action is a.refresh))
        return
    has_db = w.engine is not None
    patient = has_db and shown is not None
    charts = clinician.can_sign
    why = "" if charts else STAFF_WHY
    hidden = has_db and shown is None and w.patients.current_id() is not None
    name_patient(w, shown)
    editor = w.editor
    editing = editor is not None and editor.session_id() is not None
    signed = editing and editor is not None and editor.is_signed()
    for action in (a.lock, a.switch_user, a.sign_out, a.quit, a.shortcuts, a.about):
        action.setEnabled(True)
    for action in (a.find_patient, a.go_patients, a.go_sessions, a.go_chart):
        action.setEnabled(True)
    a.refresh.setEnabled(has_db)
    for action in (a.clinicians, a.clinic_settings, a.encrypt_database):
        action.setEnabled(has_db and clinician.is_admin)
    explain(a.add_patient, has_db and charts, why)
    explain(a.import_patients, has_db and charts, why)  # the same people add patients
    hidden_why = HIDDEN_WHY if hidden else ""
    explain(a.edit_patient, patient and charts, why or hidden_why)
    explain(a.new_session, patient and charts, why or hidden_why)
    signed_before = any(s.status == "signed" for s in w.sessions.model.sessions())
    explain(a.repeat_last, patient and charts and signed_before, why or hidden_why)
    a.open_session.setEnabled(current is not None)
    a.close_session.setEnabled(editing)
    explain(a.delete_draft, current is not None and current.status == "draft" and charts, why)
    for action in charting_actions(w):
        explain(action, editing and not signed and charts, why)
    for action in (a.next_site, a.previous_site):  # moving between sites changes nothing
        action.setEnabled(editing)
    explain(a.add_addendum, signed and charts, why)
    for action in (a.print_preview, a.print, a.save_pdf):
        action.setEnabled(has_db and printable)
    for action in (
        a.record_preview,
        a.record_print,
        a.record_pdf,
        a.patient_audit,
        a.letter_preview,
        a.letter_print,
        a.letter_pdf,
        a.export_fhir,
    ):
        explain(action, patient, hidden_why)
    explain(a.eligibility, patient and charts, why or hidden_why)
    a.outcomes_report.setEnabled(has_db)
    a.due_list.setEnabled(has_db)
    a.lot_recall.setEnabled(has_db)
    a.session_audit.setEnabled(has_db and auditable)


def name_patient(w: WindowHost, patient: PatientSummary | None) -> None:
    """Name ``patient`` in every command that acts on them (their own names when None)."""
    name = _short(patient.display_name) if patient is not None else None
    a = w.actions_
    for action, template in (
        (a.new_session, "&New session for {}"),
        (a.repeat_last, "&Repeat last session for {}"),
        (a.edit_patient, "&Edit patient {}…"),
        (a.record_preview, "Pre&view the record of {}…"),
        (a.record_print, "&Print the record of {}…"),
        (a.record_pdf, "Save the record of {} as P&DF…"),
        (a.patient_audit, "Audi&t trail of {}…"),
        (a.letter_preview, "Pre&view the letter for {}…"),
        (a.letter_print, "&Print the letter for {}…"),
        (a.letter_pdf, "Save the letter for {} as P&DF…"),
        (a.eligibility, "Eligibilit&y assessment of {}…"),
        (a.export_fhir, "Export {} for &EHR…"),
    ):
        name_target(action, template, name)


def charting_actions(w: WindowHost) -> list[QAction]:
    """The commands that change an open draft (off on a signed or view-only chart)."""
    a = w.actions_
    return [
        a.apply_protocol,
        a.consent_all_clear,
        a.scan_lot,
        a.mark_current,
        a.units_up,
        a.units_down,
        a.omit_current,
        a.remove_site,
        a.sign,
    ]


def explain_refused_key(w: WindowHost, event: QKeyEvent) -> bool:
    """A charting key (Ctrl+Z, Ctrl+Shift+A, +, O…) pressed on a read-only chart did nothing (its
    action is off): say why in the status area and point at Add addendum. True if it was one; bare
    keys count only while the focus is in the chart."""
    editor = w.editor
    if editor is None or editor.session_id() is None or not editor.is_read_only():
        return False
    changing = [*charting_actions(w), w.undo_action, w.redo_action]
    pressed = QKeySequence(event.keyCombination())
    exact = QKeySequence.SequenceMatch.ExactMatch
    if not any(pressed.matches(k) == exact for act in changing for k in act.shortcuts()):
        return False
    modified = event.modifiers() & (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.MetaModifier
    )
    widget, focus = editor.as_widget(), QApplication.focusWidget()
    if not modified and (focus is None or not (focus is widget or widget.isAncestorOf(focus))):
        return False
    show_status(w, editor.read_only_message())
    return True


def _short(name: str) -> str:
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1].rstrip() + "…"
