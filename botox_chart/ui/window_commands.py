"""What the window's charting commands do: choose and find patients, add and edit them, and start,
repeat, open, close and delete their sessions, through the session editor (``chart_editor.py``).

The window (``main_window.py``) owns the widgets; this object connects the charting actions to
the store and the editor, and owns the paperwork (``window_records.py``) and the administration
(``window_admin.py``) commands. Which command is on at each moment is ``window_availability.py``'s
job. Store calls go through ``WindowHost.attempt`` so a refusal or a storage problem becomes a
message, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt

from botox_chart.ui import window_availability
from botox_chart.ui.window_admin import AdminCommands
from botox_chart.ui.window_availability import STAFF_WHY
from botox_chart.ui.window_host import show_status
from botox_chart.ui.window_records import RecordCommands

if TYPE_CHECKING:
    from botox_chart.outcomes import RuleProfile, Trend, Verdict
    from botox_chart.store.models import Clinician
    from botox_chart.store.patients import PatientSummary
    from botox_chart.store.sessions import SessionSummary
    from botox_chart.ui.chart_editor import ChartEditor
    from botox_chart.ui.dialogs.patient_import_dialog import PatientImportDialog
    from botox_chart.ui.window_host import WindowHost


class WindowCommands(QObject):
    """The window's charting commands, connected to its actions and panels."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.as_widget())
        self.w = window
        self._session_patient: int | None = None
        self.import_dialog: PatientImportDialog | None = None
        """The last import previewed (tests look at it)."""
        self.records = RecordCommands(
            window, editing=self.editing, shown_patient=self.shown_patient
        )
        self.admin = AdminCommands(window)
        a = window.actions_
        connections: list[tuple[Any, Callable[[], object]]] = [
            (a.lock, lambda: window.sign_in.lock()),
            (a.switch_user, lambda: window.sign_in.switch_user()),
            (a.sign_out, lambda: window.sign_in.sign_out()),
            (a.quit, window.as_widget().close),
            (a.find_patient, lambda: self._reveal(window.patients.focus_search)),
            (a.new_session, self.new_session),
            (a.repeat_last, self.repeat_last),
            (a.open_session, self.open_selected),
            (a.close_session, self.close_session),
            (a.delete_draft, self.delete_draft),
            (a.add_patient, self.add_patient),
            (a.import_patients, self.import_patients),
            (a.edit_patient, self.edit_patient),
            (a.eligibility, self.eligibility),
            (a.refresh, self.refresh_patients),
            (a.go_patients, lambda: self._reveal(window.patients.focus_list)),
            (a.go_sessions, lambda: self._reveal(window.sessions.focus_list)),
            (a.go_chart, self.focus_chart),
            (a.apply_protocol, lambda: self._edit(lambda e: e.apply_protocol())),
            (
                a.consent_all_clear,
                lambda: self._edit(lambda e: e.record_consent_all_clear()),
            ),
            (a.scan_lot, lambda: self._edit(lambda e: e.focus_lot_for_scan())),
            (a.mark_current, lambda: self._edit(lambda e: e.mark_current())),
            (a.next_site, lambda: self._browse(lambda e: e.next_site())),
            (a.previous_site, lambda: self._browse(lambda e: e.previous_site())),
            (a.units_up, lambda: self._edit(lambda e: e.units_step(1))),
            (a.units_down, lambda: self._edit(lambda e: e.units_step(-1))),
            (a.omit_current, lambda: self._edit(lambda e: e.omit_current())),
            (a.remove_site, lambda: self._edit(lambda e: e.remove_current())),
            (a.sign, lambda: self._edit(lambda e: e.sign())),
            (a.add_addendum, lambda: self._edit(lambda e: e.add_addendum(), signed=True)),
        ]
        for action, slot in connections:
            action.triggered.connect(slot)
        window.patients.patientChanged.connect(self.patient_changed)
        window.patients.searchChanged.connect(self._search_changed)
        window.patients.patientActivated.connect(self.chart_patient)
        window.sessions.sessionActivated.connect(self.open_session)
        window.sessions.selectionChanged.connect(self.update_actions)

    def connect_editor(self, editor: ChartEditor) -> None:
        """Listen to the editor, and give it the window's actions so its buttons show the keys."""
        editor.saved.connect(self.session_saved)
        editor.signedSession.connect(self.session_signed)
        editor.statusMessage.connect(self.show_status)
        editor.readOnlyChanged.connect(lambda _read_only: self.update_actions())
        a = self.w.actions_
        editor.set_actions(
            {
                "apply_protocol": a.apply_protocol,
                "consent_all_clear": a.consent_all_clear,
                "sign": a.sign,
                "add_addendum": a.add_addendum,
                "units_up": a.units_up,
                "units_down": a.units_down,
                "omit_current": a.omit_current,
                "remove_site": a.remove_site,
            }
        )

    def _reveal(self, focus: Callable[[], None]) -> None:
        self.w.show_patients_pane()
        focus()

    def editor(self) -> ChartEditor | None:
        return self.w.editor

    def editing(self) -> int | None:
        """The session open in the editor, if any."""
        editor = self.editor()
        return editor.session_id() if editor is not None else None

    def show_status(self, message: str) -> None:
        show_status(self.w, message)

    # -- patients -------------------------------------------------------------------------------

    def patient_changed(self, patient_id: int | None) -> None:
        """Another patient: their sessions are shown, and the other patient's chart is closed."""
        if self._session_patient is not None and self._session_patient != patient_id:
            if not self.close_session():
                # The user kept a chart that could not be saved: stay on its patient.
                self.w.patients.select(self._session_patient)
                return
        self.w.state.set_last_patient_id(patient_id)
        self.refresh_patient()

    def shown_patient(self) -> PatientSummary | None:
        """The patient the commands act on: the chosen one, only while the list shows them."""
        return self.w.patients.shown_current()

    def _search_changed(self) -> None:
        """A search that hides the chosen patient un-chooses them (their sessions leave the
        screen), unless their chart is open: typing never closes a chart, and the identity bar
        above it keeps saying whose it is."""
        current = self.w.patients.current_id()
        if (
            current is not None
            and self.w.patients.shown_current() is None
            and current != self._session_patient
        ):
            self.w.patients.select(None)
        self.update_actions()

    def reset(self) -> None:
        """The database is opened again (a new editor follows): no chart, no patient chosen."""
        self._session_patient = None
        self.w.identity.clear()
        self.w.right.setCurrentIndex(0)
        self.forget_patient()

    def forget_patient(self) -> None:
        """Signed out or switching user: nothing of the last clinician's work stays for the next
        (no search text, no patient chosen, no session list; the chart was closed)."""
        self.w.patients.search.clear()
        self.w.patients.select(None)
        self.w.sessions.show_patient(None, [])
        self.w.state.set_last_patient_id(None)
        self.update_actions()

    def refresh_patient(self) -> None:
        """Show the chosen patient's details and sessions."""
        patient_id, engine = self.w.patients.current_id(), self.w.engine
        if patient_id is None or engine is None:
            self.w.sessions.show_patient(None, [])
            self.update_actions()
            return
        from botox_chart.store import patients, sessions, transaction

        def load() -> tuple[Any, list[SessionSummary], Outcomes]:
            with transaction(engine) as db:
                patient = patients.get(db, patient_id=patient_id)
                return (
                    patient,
                    sessions.summaries(db, patient_id=patient_id),
                    outcomes_of(db, patient_id),
                )

        found = self.w.attempt("Patient", load)
        if found is not None:
            patient, rows, shown = found
            self.w.sessions.show_patient(patient, rows)
            self.w.sessions.show_outcomes(*shown)
        self.update_actions()

    def refresh_sessions(self) -> None:
        patient_id, engine = self.w.sessions.patient_id(), self.w.engine
        if patient_id is None or engine is None:
            return
        from botox_chart.store import sessions, transaction

        def load() -> tuple[list[SessionSummary], Outcomes]:
            with transaction(engine) as db:
                return sessions.summaries(db, patient_id=patient_id), outcomes_of(db, patient_id)

        found = self.w.attempt("Sessions", load)
        if found is not None:
            rows, shown = found
            self.w.sessions.set_sessions(rows)
            self.w.sessions.show_outcomes(*shown)
        self.update_actions()

    def refresh_patients(self) -> None:
        if self.w.replaced:
            self.w.reload_database()
        elif self.w.engine is not None:
            self.w.statusBar().showMessage("Loading patients…")
            self.w.loader.reload(self.w.engine)

    def add_patient(self) -> None:
        self._patient_dialog(None)

    def edit_patient(self) -> None:
        patient = self.shown_patient()
        if patient is not None:
            self._patient_dialog(patient.id)

    def eligibility(self) -> None:
        """Record or review the chosen patient's eligibility assessment (injectors, physicians)."""
        patient, engine = self.shown_patient(), self.w.engine
        if patient is None or engine is None or not self._may_chart():
            return
        from botox_chart.ui.dialogs.eligibility_dialog import EligibilityDialog

        dialog = EligibilityDialog(
            engine,
            self.w.as_widget(),
            patient_id=patient.id,
            patient_name=patient.display_name,
            clinician_id=self.w.clinician_id(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._eligibility_saved)
        dialog.open()

    def _eligibility_saved(self) -> None:
        self.refresh_patient()  # the baseline changed: the trend and the verdicts too
        self.show_status("Eligibility assessment recorded.")

    def _patient_dialog(self, patient_id: int | None) -> None:
        if self.w.engine is None or not self._may_chart():
            return
        from botox_chart.ui.dialogs.patient_dialog import PatientDialog

        dialog = PatientDialog(
            self.w.engine,
            self.w.as_widget(),
            patient_id=patient_id,
            clinician_id=self.w.clinician_id(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.patientSaved.connect(self._patient_saved)
        dialog.open()

    def import_patients(self) -> None:
        """File › Import patients…: choose a CSV file, preview what it adds, then import."""
        engine = self.w.engine
        if engine is None or not self._may_chart():
            return
        path = self.w.dialogs.open_file(
            self.w.as_widget(), "Import patients", "CSV files (*.csv *.txt);;All files (*)"
        )
        if path is None:
            return
        from botox_chart.ui.dialogs.patient_import_dialog import PatientImportDialog

        dialog = PatientImportDialog(
            engine, path, clinician_id=self.w.clinician_id(), parent=self.w.as_widget()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._patients_imported)
        self.import_dialog = dialog
        dialog.open()

    def _patients_imported(self, added: int) -> None:
        self.refresh_patients()
        self.show_status(f"Imported {added:,} patient{'s' * (added != 1)}.")

    def _patient_saved(self, patient: PatientSummary) -> None:
        editing = self.w.patients.current_id() == patient.id
        self.w.patients.upsert(patient)
        if editing:
            self.refresh_patient()
        if self.w.identity.patient_id() == patient.id:
            self._show_identity(patient.id)
        self.show_status(f"Saved {patient.display_name}.")

    # -- who charts -----------------------------------------------------------------------------

    def _may_chart(self) -> bool:
        """The signed-in clinician charts and signs (an injector or a physician, not staff)."""
        clinician = self.w.clinician()
        return self.w.sign_in.is_open() and clinician is not None and clinician.can_sign

    def welcome(self, clinician: Clinician | None) -> str:
        if clinician is None:
            return ""
        if clinician.can_sign:
            return f"Signed in as {clinician.display_name}."
        return f"Signed in as {clinician.display_name}: {STAFF_WHY}."

    def resume_editing(self) -> None:
        """After a sign-in or an unlock: undo and the focus go back to the chart, if one is open
        (else to the search box: the first thing anyone does is find a patient)."""
        editor = self.editor()
        if editor is not None and editor.session_id() is not None:
            self.w.undo_group.setActiveStack(editor.undo_stack())
            self.focus_chart()
        else:
            self.w.patients.search.setFocus()

    # -- sessions -------------------------------------------------------------------------------

    def chart_patient(self, patient_id: int) -> None:
        """Enter or a double-click on a patient: one action from the list to a chart.

        Their unsigned draft opens if they have one; else their last signed session is repeated;
        else a new session starts. Staff, who do not chart, go on to the patient's sessions.
        """
        shown = self.shown_patient()
        if shown is None or patient_id != shown.id:
            return
        if not self._may_chart():
            self.w.sessions.focus_list()
            return
        found = self._open_draft("Open draft", patient_id)
        if found is not None:
            draft_id, _day = found
            if self.editing() == draft_id:
                self.focus_chart()
            else:
                self.open_session(draft_id)
            return
        if self.w.sessions.patient_id() != patient_id:
            self.refresh_patient()
        signed_before = any(s.status == "signed" for s in self.w.sessions.model.sessions())
        self._start_session(repeat=signed_before)

    def new_session(self) -> None:
        self._start_session(repeat=False)

    def repeat_last(self) -> None:
        self._start_session(repeat=True)

    def _start_session(self, *, repeat: bool) -> None:
        """A new draft (empty, or the last signed session's pattern), opened in the editor."""
        patient, engine = self.shown_patient(), self.w.engine
        if patient is None or engine is None or not self._may_chart():
            return
        from botox_chart.store import sessions, transaction

        title = "Repeat last session" if repeat else "New session"
        found = self._open_draft(title, patient.id)
        if found is not None:
            draft_id, day = found
            if self.w.dialogs.confirm(
                self.w.as_widget(),
                "Unsigned draft",
                f"{patient.display_name} already has an unsigned draft from {day}; a patient "
                f"has one draft at a time. Open it?",
            ):
                self.open_session(draft_id)
            return
        injector = self.w.clinician_id()

        def create() -> int | None:
            with transaction(engine) as db:
                if repeat:
                    row = sessions.repeat_last(db, patient_id=patient.id, injector_id=injector)
                else:
                    row = sessions.create_draft(db, patient_id=patient.id, injector_id=injector)
                return row.id

        session_id = self.w.attempt(title, create)
        if session_id is not None:
            self.refresh_sessions()
            self.open_session(session_id)
            self.show_status(
                "Repeated the last signed session's pattern." if repeat else "New session started."
            )

    def open_selected(self) -> None:
        session_id = self.w.sessions.current_id()
        if session_id is not None:
            self.open_session(session_id)

    def open_session(self, session_id: int) -> None:
        """Show a session in the editor (its own patient is selected first if need be)."""
        engine = self.w.engine
        if engine is None or self.w.ensure_editor() is None:
            return
        editor = self.editor()
        assert editor is not None
        from botox_chart.store import sessions, transaction

        def patient_of() -> int:
            with transaction(engine) as db:
                return sessions.get(db, session_id=session_id).patient_id

        patient_id = self.w.attempt("Open session", patient_of)
        if patient_id is None:
            return
        if patient_id != self.w.patients.current_id():
            self.w.patients.select(patient_id)
            if self.w.patients.current_id() != patient_id:
                return
        if not editor.open_session(session_id):
            self.update_actions()
            return
        self._session_patient = patient_id
        self._show_identity(patient_id)
        stack = editor.undo_stack()
        if stack not in self.w.undo_group.stacks():
            self.w.undo_group.addStack(stack)
        self.w.undo_group.setActiveStack(stack)
        self.w.right.setCurrentIndex(1)
        self.w.sessions.select(session_id)
        self.focus_chart()
        self.update_actions()
        self.w.sessionOpened.emit(session_id)

    def close_session(self) -> bool:
        """Close the chart (it saves what is pending); False if the user chose to keep it."""
        editor = self.editor()
        if editor is not None and editor.session_id() is not None and not editor.close_session():
            return False
        self._session_patient = None
        self.w.identity.clear()
        self.w.right.setCurrentIndex(0)
        self._search_changed()  # a patient the search hid stays chosen no longer
        return True

    def _show_identity(self, patient_id: int) -> None:
        """Name the charted patient above the chart, marked when another name reads alike."""
        from botox_chart.store.patients import look_alikes

        patient = self.w.patients.model.find(patient_id)
        if patient is None:
            self.w.identity.clear()
            return
        self.w.identity.show_patient(patient, look_alikes(patient, self.w.patients.everyone()))

    def focus_chart(self) -> None:
        """Focus the diagram, where the charting keys (Space, arrows, +, -) act."""
        editor = self.w.editor
        if editor is None or editor.session_id() is None:
            return
        target = editor.diagram() or editor.as_widget()
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def offer_draft(self) -> None:
        """On start: the last patient's unsigned draft is offered back (nothing is ever lost)."""
        patient, engine = self.w.patients.current(), self.w.engine
        if patient is None or engine is None:
            return
        found = self._open_draft("Resume draft", patient.id)
        if found is None:
            return
        session_id, day = found
        if self.w.dialogs.confirm(
            self.w.as_widget(),
            "Resume draft",
            f"{patient.display_name} has an unsigned draft. Resume the draft from {day}?",
        ):
            self.open_session(session_id)

    def _open_draft(self, title: str, patient_id: int) -> tuple[int, str] | None:
        """The patient's unsigned draft: (session id, date of service)."""
        engine = self.w.engine
        if engine is None:
            return None
        from botox_chart.store import sessions, transaction

        def find() -> tuple[int, str] | None:
            with transaction(engine) as db:
                row = sessions.open_draft(db, patient_id=patient_id)
                return (row.id, row.date_of_service.isoformat()) if row and row.id else None

        return self.w.attempt(title, find)

    def delete_draft(self) -> None:
        selected = self._current_session()
        engine = self.w.engine
        if selected is None or selected.status != "draft" or engine is None:
            return
        if not self._may_chart():
            return
        day = selected.date_of_service.isoformat()
        if not self.w.dialogs.confirm(
            self.w.as_widget(),
            "Delete draft",
            f"Delete the unsigned draft of {day} for {selected.patient}? This cannot be undone.",
        ):
            return
        if self.editing() == selected.id:
            self.close_session()
        from botox_chart.store import sessions, transaction

        def delete() -> bool:
            with transaction(engine) as db:
                sessions.delete_draft(
                    db, session_id=selected.id, clinician_id=self.w.clinician_id()
                )
            return True

        if self.w.attempt("Delete draft", delete):
            self.refresh_sessions()
            self.show_status(f"Deleted the draft of {day}.")

    def session_saved(self, session_id: int) -> None:
        """Every charting change is autosaved: the draft's row is updated from the chart in
        memory, so charting never waits for the session list to be read again."""
        editor = self.editor()
        chart = editor.chart() if editor is not None else None
        if chart is None or not self.w.sessions.update_draft(
            session_id,
            date_of_service=chart.date_of_service,
            total_units=chart.total_units,
            sites=len(chart.injections),
        ):
            self.refresh_sessions()

    def session_signed(self, _session_id: int) -> None:
        self.refresh_sessions()
        self.update_actions()

    def _current_session(self) -> SessionSummary | None:
        session_id = self.w.sessions.current_id()
        row = self.w.sessions.model.row_of(session_id) if session_id is not None else None
        return self.w.sessions.model.session(row) if row is not None else None

    def _browse(self, command: Callable[[ChartEditor], None]) -> None:
        """Move between the open chart's sites (signed or not: moving changes nothing)."""
        editor = self.editor()
        if editor is not None and editor.session_id() is not None:
            command(editor)

    def _edit(self, command: Callable[[ChartEditor], None], *, signed: bool = False) -> None:
        """Pass a charting command to the editor when a session of the right kind is open."""
        editor = self.editor()
        if editor is None or editor.session_id() is None or editor.is_signed() != signed:
            return
        if not self._may_chart():
            return
        command(editor)

    # -- availability ---------------------------------------------------------------------------

    def update_actions(self) -> None:
        """Turn each command on only when it can do something now (``window_availability``)."""
        has_db = self.w.engine is not None
        window_availability.update_actions(
            self.w,
            shown=self.shown_patient() if has_db else None,
            current=self._current_session(),
            printable=bool(self.records.print_ids()),
            auditable=self.records.audit_session_id() is not None,
        )


Outcomes = tuple["Trend", list[tuple["RuleProfile", "Verdict"]], str]
"""The trend, each profile's verdict, and a problem with the payer's profile ("" if none)."""


def outcomes_of(db: Any, patient_id: int) -> Outcomes:
    """A patient's outcome trend (under NICE TA260) and the verdict under NICE and under the
    clinic's payer profile, if it has one (read in the caller's transaction). A payer profile
    whose file can no longer be read is named in the problem; NICE's verdict still shows."""
    from botox_chart import outcomes
    from botox_chart.store import outcomes as store_outcomes
    from botox_chart.store import settings as clinic_settings

    course = store_outcomes.course(db, patient_id)
    names = [outcomes.DEFAULT_PROFILE]
    payer = clinic_settings.load(db).payer_profile
    if payer and payer != outcomes.DEFAULT_PROFILE:
        names.append(payer)
    profiles, problem = [], ""
    for name in names:
        try:
            profiles.append(outcomes.load_profile(name))
        except outcomes.ProfileError as err:
            problem = f"The payer's rule cannot be judged: {err}"
    return (
        outcomes.trend(course, profiles[0]),
        [(profile, outcomes.verdict(course, profile)) for profile in profiles],
        problem,
    )
