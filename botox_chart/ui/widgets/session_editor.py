"""Charting one session: the head diagram, the session panel, undo, autosave, signing, addenda.

Every change is one undo command holding before/after snapshots of the chart (``ui.commands``) and
is autosaved as a draft (``draft_autosave``). A signed session is read-only; an addendum is the only
way to add to it. For staff (who find, view and print) every session opens read-only
(:meth:`SessionEditor.set_view_only`). What clicks on the diagram mean is decided in
``chart_intents``.

The main window owns the menus and shortcuts: it calls the public methods here, takes undo/redo
from :meth:`SessionEditor.undo_stack`, and may hand its actions to :meth:`SessionEditor.set_actions`
so the panel's buttons show the same shortcuts. Modal questions go through the ``Dialogs`` seam and
the editor's three dialogs through injectable prompts, so headless tests never block.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QLabel, QSplitter, QStackedLayout, QVBoxLayout, QWidget
from sqlalchemy.engine import Engine

from botox_chart.chart import Chart, ChartError, InjectionKind, format_units
from botox_chart.store import StorageError, transaction
from botox_chart.store import sessions as store
from botox_chart.store.clinicians import ClinicianError
from botox_chart.ui.commands import ChartChange
from botox_chart.ui.dialogs.addendum_dialog import AddendumPrompt, ask_addendum
from botox_chart.ui.dialogs.sign_dialog import SignPrompt, SignRequest, ask_sign
from botox_chart.ui.dialogs.site_dialog import SitePrompt, ask_custom_site
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.seams import Dialogs
from botox_chart.ui.widgets.chart_form import ChartEdit
from botox_chart.ui.widgets.chart_intents import ChartIntents
from botox_chart.ui.widgets.diagram_keys import omit_hint, remove_hint
from botox_chart.ui.widgets.draft_autosave import DraftAutosave
from botox_chart.ui.widgets.head_diagram import HeadDiagram, read_only_text, view_only_text
from botox_chart.ui.widgets.screen_form import all_clear_undo, record_all_clear
from botox_chart.ui.widgets.session_loading import LoadedSession, load_session, signers
from botox_chart.ui.widgets.session_panel import SessionPanel

SIGNED_MESSAGE = QT_TRANSLATE_NOOP(
    "SessionEditor",
    "This session is signed and cannot be changed: add an addendum instead (Session › Add "
    "addendum, Ctrl+Shift+D).",
)
VIEW_ONLY_MESSAGE = QT_TRANSLATE_NOOP(
    "SessionEditor",
    "Signed in as staff: sessions can be viewed and printed; charting, signing and addenda "
    "need an injector or a physician.",
)
NO_SESSION = QT_TRANSLATE_NOOP(
    "SessionEditor", "No session open. Start or open one from the patient's sessions."
)


class SessionEditor(QWidget):
    saved = Signal(int)
    """A draft was autosaved (session id)."""
    signedSession = Signal(int)
    statusMessage = Signal(str)
    readOnlyChanged = Signal(bool)
    """A session was opened, signed or closed, or view-only changed: is the editor read-only?"""

    def __init__(
        self,
        engine: Engine,
        dialogs: Dialogs,
        clinician: Callable[[], int | None],
        parent: QWidget | None = None,
        *,
        sign_prompt: SignPrompt = ask_sign,
        addendum_prompt: AddendumPrompt = ask_addendum,
        site_prompt: SitePrompt = ask_custom_site,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionEditor")
        self._engine = engine
        self._dialogs = dialogs
        self._clinician = clinician
        self._sign_prompt = sign_prompt
        self._addendum_prompt = addendum_prompt
        self._loaded: LoadedSession | None = None
        self._chart: Chart | None = None
        self._signed = False
        self._view_only = False
        self._view_only_why = self.tr(VIEW_ONLY_MESSAGE)
        self._read_only = False
        self._undo = QUndoStack(self)
        self._autosave = DraftAutosave(engine, dialogs, clinician, self)
        self._autosave.saved.connect(self.saved)
        self._autosave.stateChanged.connect(self._show_save_state)
        self._autosave.reloadRequested.connect(self.reload)
        self._intents = ChartIntents(self, dialogs, site_prompt, self)

        self._stack = QStackedLayout(self)
        self._placeholder = QLabel(self.tr(NO_SESSION))
        self._placeholder.setObjectName("placeholder")
        self._placeholder.setWordWrap(True)
        self._stack.addWidget(self._placeholder)
        self._splitter = QSplitter()
        self._splitter.setObjectName("sessionSplitter")
        self._splitter.setChildrenCollapsible(False)
        self._diagram_box = QWidget()
        self._diagram_box.setObjectName("diagramBox")
        QVBoxLayout(self._diagram_box).setContentsMargins(0, 0, 0, 0)
        self._diagram: HeadDiagram | None = None
        self._panel = SessionPanel()
        self._panel.edited.connect(self._on_panel_edit)
        self._panel.product.statusMessage.connect(self.status)
        self._panel.unitsTyped.connect(self._intents.units_typed)
        self._panel.retryRequested.connect(self._autosave.retry)
        self._splitter.addWidget(self._diagram_box)
        self._splitter.addWidget(self._panel)
        self._splitter.setStretchFactor(0, 3)
        self._splitter.setStretchFactor(1, 2)
        self._splitter.setSizes([600, 400])  # proportions: the diagram 60 %, the panel 40 %
        self._stack.addWidget(self._splitter)

        self._actions = self._make_actions()
        self.set_actions({})
        self._panel.current.add_action_buttons(
            self._actions["units_down"],
            self._actions["units_up"],
            self._actions["omit_current"],
            self._actions["remove_site"],
        )
        self._set_signed(False)

    # -- what the main window reads ----------------------------------------------------------

    def session_id(self) -> int | None:
        return self._loaded.session_id if self._loaded else None

    def chart(self) -> Chart | None:
        """A copy of the chart on screen (saved or not)."""
        return self._chart.copy() if self._chart else None

    def is_read_only(self) -> bool:
        """Nothing can be charted: the session is signed, or the editor is view-only."""
        return self._read_only

    def is_signed(self) -> bool:
        """The open session is signed (only an addendum can be added)."""
        return self._signed

    def is_view_only(self) -> bool:
        return self._view_only

    def read_only_message(self) -> str:
        """Why nothing can be charted now: signed (add an addendum), or staff (view only)."""
        return self._view_only_why if self._view_only else self.tr(SIGNED_MESSAGE)

    def explain_read_only(self) -> None:
        """An attempt to change a read-only chart: the status area says why, and what to do."""
        self.status(self.read_only_message())

    def set_view_only(self, view_only: bool, why: str | None = None) -> None:
        """Open every session read-only (staff, or ``why`` else: the database was replaced); the
        open session is saved and shown again."""
        self._view_only_why = why if why is not None else self.tr(VIEW_ONLY_MESSAGE)
        if view_only == self._view_only:
            return
        self._autosave.save_now()
        self._view_only = view_only
        if self._loaded is not None:
            self._load(self._loaded.session_id)
        else:
            self._set_signed(self._signed)

    def undo_stack(self) -> QUndoStack:
        return self._undo

    def as_widget(self) -> QWidget:
        return self

    def diagram(self) -> HeadDiagram | None:
        return self._diagram

    def panel(self) -> SessionPanel:
        return self._panel

    def editor_actions(self) -> dict[str, QAction]:
        """The editor's own actions (no shortcuts) behind the panel's buttons."""
        return dict(self._actions)

    def set_actions(self, actions: Mapping[str, QAction]) -> None:
        """Show the window's actions on the panel's buttons, so they show its shortcuts.

        apply_protocol, sign and add_addendum: the big buttons take these actions. units_up,
        units_down, omit_current, remove_site and consent_all_clear: the small buttons and the
        consent button keep their own behaviour and take the window's tooltips (which name the
        keys).
        """
        own = self._actions
        self._panel.set_button_actions(
            actions.get("apply_protocol", own["apply_protocol"]),
            actions.get("sign", own["sign"]),
            actions.get("add_addendum", own["add_addendum"]),
        )
        for name in ("units_up", "units_down", "omit_current", "remove_site"):
            if name in actions:
                own[name].setToolTip(actions[name].toolTip())
        if "consent_all_clear" in actions:
            self._panel.consent_screen.set_all_clear_tip(actions["consent_all_clear"].toolTip())

    # -- opening and closing -----------------------------------------------------------------

    def open_session(self, session_id: int) -> bool:
        """Show a stored session (read-only if signed); False if it could not be opened."""
        if self._loaded is not None and not self.close_session():
            return False
        opened = self._load(session_id)
        self._panel.show_top()
        return opened

    def close_session(self) -> bool:
        """Save what is pending and close; False if the user kept an unsaved session open."""
        if self._loaded is None:
            return True
        if not self._autosave.save_now() and not self._dialogs.confirm(
            self,
            self.tr("Close without saving?"),
            self.tr(
                "The latest changes to this draft are not saved. Close it anyway and lose them?"
            ),
        ):
            return False
        self._loaded = self._chart = None
        self._autosave.start(None, 0, None)
        self._undo.clear()
        self._stack.setCurrentWidget(self._placeholder)
        self._set_signed(False)
        return True

    def reload(self) -> None:
        """Read the session again from the store, dropping what was not saved."""
        if self._loaded is not None:
            self._load(self._loaded.session_id)

    def save_now(self) -> bool:
        """Store a change still waiting (typing pauses); True when nothing is left unsaved."""
        return self._autosave.save_now()

    # -- charting commands (menus and shortcuts) ---------------------------------------------

    def apply_protocol(self) -> None:
        """Every protocol site at its standard dose (PREEMPT 155 U); FTP/custom sites are kept."""
        chart = self.editable_chart()
        if chart is None:
            return
        name = chart.protocol.name
        if self.change(self.tr("Apply {name}").format(name=name), lambda c: c.apply_protocol()):
            total = format_units(chart.protocol.total_units)
            self.status(
                self.tr("Applied {name}: {total} U. Undo takes it back.").format(
                    name=name, total=total
                )
            )
        else:
            self.status(self.tr("{name} is already applied.").format(name=name))

    def focus_lot_for_scan(self) -> None:
        """The cursor in the lot field of the vial the next carton is for
        (``VialsForm.scan_target``: a vial without a lot, else one not scanned yet; a vial is
        added when every one was scanned), ready for the barcode scanner
        (docs/clinical-reference.md §11)."""
        chart = self.editable_chart()
        if chart is None:
            return
        target = self._panel.product.vials.scan_target(chart)
        if target is not None:
            index = target
        elif not self.change(self.tr("Add vial"), lambda c: c.add_vial()):
            return  # six vials already: the status bar says so
        else:
            index = len(chart.vials)
        vials = self._panel.product.vials
        self._panel.ensureWidgetVisible(vials.rows[index].lot)
        vials.focus_lot(index)
        self.status(
            self.tr("Scan the carton for vial {value}, or type its lot.").format(value=index + 1)
        )

    def record_consent_all_clear(self) -> None:
        """Consent obtained and no contraindications, as one undo step (the panel's button)."""
        if self.change(all_clear_undo(), record_all_clear):
            self.status(self.tr("Recorded consent and no contraindications. Undo takes it back."))

    def mark_current(self) -> None:
        """Toggle the selected protocol site between pending and injected."""
        key = self._current_key()
        if key is None or self._chart is None:
            return
        if self._chart.protocol.has_site(key):
            self._intents.site_activated(key)
        else:
            self._intents.injection_activated(key)

    def units_step(self, step: int) -> None:
        """The selected site's dose ±1 U (never below 1 U)."""
        key = self._current_key()
        if key is not None:
            self._intents.units_step(key, step)

    def next_site(self) -> None:
        if self._diagram is not None:
            self._diagram.focus_next()

    def previous_site(self) -> None:
        if self._diagram is not None:
            self._diagram.focus_previous()

    def omit_current(self) -> None:
        """O: omit the selected protocol site (asks why). An added site is removed with Delete."""
        key = self._current_key()
        if key is None or self._chart is None:
            return
        if self._chart.protocol.has_site(key):
            self._intents.omit(key)
        else:
            self.status(remove_hint())

    def remove_current(self) -> None:
        """Delete: remove the selected follow-the-pain or custom site (one undo step). A protocol
        site is omitted with O instead, with its reason."""
        key = self._current_key()
        if key is None or self._chart is None:
            return
        if self._chart.protocol.has_site(key):
            self.status(omit_hint())
        else:
            self._intents.remove(key)

    def sign(self) -> None:
        """The sign dialog (errors block, each warning ticked), then the store signs."""
        chart = self.editable_chart()
        if chart is None or self._loaded is None:
            return
        signer_id = self._clinician()
        if signer_id is None:
            self._dialogs.error(
                self, self.tr("Not signed"), self.tr("Choose who you are before signing.")
            )
            return
        if not self._autosave.save_now():
            self._dialogs.error(
                self,
                self.tr("Not signed"),
                self.tr("The latest changes are not saved yet; save them first."),
            )
            return
        today = date.today()
        try:
            signer, physicians = signers(self._engine, signer_id)
        except (StorageError, ClinicianError) as err:
            self._dialogs.error(self, self.tr("Not signed"), str(err))
            return
        request = SignRequest(
            chart.findings(today=today),
            physicians,
            signer,
            total=self.tr("{units} U at %n site(s)", "", len(chart.injections)).format(
                units=format_units(chart.total_units)
            ),
            lot=vial_lots(chart),
        )
        decision = self._sign_prompt(self, request)
        if decision is None:
            self.status(self.tr("Not signed."))
            return
        session_id = self._loaded.session_id
        try:
            with transaction(self._engine) as db:
                store.sign(
                    db,
                    session_id=session_id,
                    patient_id=self._loaded.patient_id,
                    clinician_id=signer_id,
                    acknowledged=decision.acknowledged,
                    supervisor_id=decision.supervisor_id,
                    today=today,
                    expected_version=self._autosave.version,
                )
        except (StorageError, store.SessionError) as err:
            self._dialogs.error(self, self.tr("Not signed"), str(err))
            return
        self._load(session_id)
        self._panel.show_top()
        self.status(self.tr("Signed. The session is now read-only; add to it with an addendum."))
        self.signedSession.emit(session_id)

    def add_addendum(self) -> None:
        """Add to a signed session (the only change a signed session accepts)."""
        if self._loaded is None:
            self.status(self.tr("No session is open."))
            return
        if self._view_only:
            self.status(self.read_only_message())
            return
        if not self._signed:
            self._dialogs.info(
                self,
                self.tr("Add addendum"),
                self.tr("Addenda are for signed sessions; edit this draft instead."),
            )
            return
        author = self._clinician()
        if author is None:
            self._dialogs.error(
                self, self.tr("Addendum not added"), self.tr("Choose who you are first.")
            )
            return
        text = self._addendum_prompt(self, self._loaded.heading)
        if not text or not text.strip():
            return
        session_id = self._loaded.session_id
        try:
            with transaction(self._engine) as db:
                store.add_addendum(db, session_id=session_id, author_id=author, text=text)
        except (StorageError, store.SessionError) as err:
            self._dialogs.error(self, self.tr("Addendum not added"), str(err))
            return
        self._load(session_id)
        self.status(self.tr("Addendum added."))

    # -- the one way the chart changes (also the IntentHost interface) -----------------------

    def editable_chart(self) -> Chart | None:
        """The chart, if a draft is open; otherwise says why nothing can change and gives None."""
        if self._chart is None:
            self.status(self.tr("No session is open."))
            return None
        if self._read_only:
            self.status(self.read_only_message())
            return None
        return self._chart

    def change(
        self,
        text: str,
        edit: ChartEdit,
        *,
        merge_key: str = "",
        on_error: Callable[[str], None] | None = None,
        typing: bool = False,
    ) -> bool:
        """Apply ``edit`` to a copy of the chart and push it as one undo step.

        False when the chart refused it (``on_error`` or the status bar says why) or nothing
        changed. ``merge_key`` merges consecutive edits of one field into one undo step;
        ``typing`` saves after a pause instead of at once.
        """
        chart = self.editable_chart()
        if chart is None:
            return False
        after = chart.copy()
        try:
            edit(after)
        except ChartError as err:
            (on_error or self.status)(str(err))
            self._refresh()  # put back any field still showing the refused value
            return False
        if after == chart:
            return False
        self._undo.push(ChartChange(text, chart, after, self._apply, merge_key, typing))
        return True

    def status(self, text: str) -> None:
        self.statusMessage.emit(text)

    def show_units_problem(self, text: str) -> None:
        self._panel.current.show_problem(text)

    def select_last_added(self) -> None:
        if self._chart is None or self._diagram is None:
            return
        extras = [i for i in self._chart.injections if i.kind is not InjectionKind.PROTOCOL]
        if extras:
            self._diagram.set_current(extras[-1].key)

    def _on_panel_edit(self, text: str, edit: ChartEdit, merge_key: str) -> None:
        self.change(text, edit, merge_key=merge_key, typing=bool(merge_key))

    def _apply(self, chart: Chart, save_soon: bool) -> None:
        """Show a chart from the undo stack and save it (every redo and undo lands here)."""
        self._chart = chart
        self._refresh()
        self._autosave.changed(chart, soon=save_soon)

    # -- loading and showing -----------------------------------------------------------------

    def _load(self, session_id: int) -> bool:
        try:
            loaded = load_session(self._engine, session_id)
        except (StorageError, store.SessionError) as err:
            self._dialogs.error(self, self.tr("Cannot open the session"), str(err))
            return False
        self._loaded, self._chart = loaded, loaded.chart
        self._undo.clear()
        self._ensure_diagram(loaded.chart)
        self._panel.set_heading(loaded.heading)
        self._panel.set_recent_lots(loaded.recent_lots)
        self._panel.product.set_product_gtins(loaded.product_gtins)
        self._panel.addenda.set_addenda(loaded.addenda)
        self._set_signed(loaded.signed)
        self._autosave.start(
            None if self._read_only else session_id, loaded.version, loaded.patient_id
        )
        self._stack.setCurrentWidget(self._splitter)
        self._refresh()
        if self._diagram is not None:
            self._diagram.setFocus()
        if loaded.integrity_problems:
            self._dialogs.error(
                self,
                self.tr("This record does not match its signature"),
                self.tr(
                    "It was changed outside botox-chart after it was signed. Its note says so on "
                    "every page; tell the clinic's administrator (botox-chart verify lists every "
                    "record affected).\n\n"
                )
                + "\n".join(loaded.integrity_problems),
            )
        return True

    def _ensure_diagram(self, chart: Chart) -> None:
        """One diagram per protocol: a session on another protocol gets a new one."""
        if self._diagram is not None and self._diagram.property("protocol") == chart.protocol.code:
            return
        if self._diagram is not None:
            self._diagram.deleteLater()
        diagram = HeadDiagram(chart.protocol, self._diagram_box)
        diagram.setProperty("protocol", chart.protocol.code)
        diagram.siteActivated.connect(self._intents.site_activated)
        diagram.injectionActivated.connect(self._intents.injection_activated)
        diagram.unitsStepRequested.connect(self._intents.units_step)
        diagram.emptyPointClicked.connect(self._intents.empty_point)
        diagram.omitRequested.connect(self._intents.omit)
        diagram.restoreRequested.connect(self._intents.restore)
        diagram.removeRequested.connect(self._intents.remove)
        diagram.wrongKey.connect(self.status)
        diagram.refused.connect(self.explain_read_only)
        diagram.currentChanged.connect(self._on_current_changed)
        layout = self._diagram_box.layout()
        assert layout is not None
        layout.addWidget(diagram)
        diagram.set_read_only(self._read_only, self._read_only_reason())
        self._diagram = diagram

    def _refresh(self) -> None:
        chart = self._chart
        if chart is None:
            return
        if self._diagram is not None:
            self._diagram.set_chart(chart)
        self._panel.set_chart(chart, chart.findings(today=date.today()))
        key = self._diagram.current_key() if self._diagram is not None else None
        self._panel.current.show_current(chart, key, self._read_only)

    def _on_current_changed(self, key: str) -> None:
        self._panel.current.show_current(self._chart, key or None, self._read_only)

    def _set_signed(self, signed: bool) -> None:
        """Show the open session as signed or not; view-only makes either read-only."""
        self._signed = signed
        read_only = signed or self._view_only
        changed = read_only != self._read_only
        self._read_only = read_only
        if self._diagram is not None:
            self._diagram.set_read_only(read_only, self._read_only_reason())
        self._panel.set_read_only(read_only)
        self._panel.addenda.setVisible(signed)
        for name in (
            "apply_protocol",
            "sign",
            "units_up",
            "units_down",
            "omit_current",
            "remove_site",
        ):
            self._actions[name].setEnabled(not read_only)
        self._actions["add_addendum"].setEnabled(signed and not self._view_only)
        self._panel.addendum_button.setVisible(signed and not self._view_only)
        if read_only:
            self._undo.clear()
        if changed:
            self.readOnlyChanged.emit(read_only)

    def _read_only_reason(self) -> str:
        if self._signed:
            return read_only_text()
        return view_only_text()

    def _show_save_state(self) -> None:
        loaded = self._loaded
        if loaded is None:
            return
        if loaded.signed:
            state = "tampered" if loaded.integrity_problems else "signed"
            self._panel.set_save_state(state, loaded.signed_text)
        elif self._view_only:
            self._panel.set_save_state("view_only", self.tr("Unsigned draft · view only (staff)"))
        else:
            self._panel.set_save_state(*self._autosave.state())

    def _current_key(self) -> str | None:
        if self.editable_chart() is None:
            return None
        key = self._diagram.current_key() if self._diagram is not None else None
        if key is None:
            self.status(self.tr("Select a site first: click it, or press → on the diagram."))
        return key

    def _make_actions(self) -> dict[str, QAction]:
        def action(text: str, tip: str, slot: Callable[[], None]) -> QAction:
            act = QAction(text, self)
            act.setToolTip(tip)
            act.triggered.connect(slot)
            return act

        return {
            "apply_protocol": action(
                self.tr("Apply protocol"),
                self.tr("Chart every standard site at its dose"),
                self.apply_protocol,
            ),
            "sign": action(
                self.tr("Sign…"), self.tr("Sign the session (it becomes final)"), self.sign
            ),
            "add_addendum": action(
                self.tr("Add addendum…"), self.tr("Add to the signed session"), self.add_addendum
            ),
            "units_down": action("−", self.tr("One unit less"), lambda: self.units_step(-1)),
            "units_up": action("+", self.tr("One unit more"), lambda: self.units_step(1)),
            "omit_current": action(
                self.tr("Omit…"),
                self.tr("Omit the selected protocol site, with a reason"),
                self.omit_current,
            ),
            "remove_site": action(
                self.tr("Remove"),
                self.tr("Remove the selected added (follow-the-pain or custom) site"),
                self.remove_current,
            ),
        }


def vial_lots(chart: Chart) -> str:
    """Each vial's lot and expiry, once per lot, for the sign dialog to check against the vials:
    "C1234AB, expires 2027-06-30; D7001XY, expires 2027-09-30"; "" when no lot is recorded."""
    shown: dict[str, str] = {}
    for vial in chart.vials:
        lot = vial.lot_number.strip()
        if lot and lot.casefold() not in shown:
            expiry = (
                QCoreApplication.translate("SessionEditor", ", expires {isoformat}").format(
                    isoformat=vial.lot_expiry.isoformat()
                )
                if vial.lot_expiry
                else ""
            )
            shown[lot.casefold()] = f"{lot}{expiry}"
    return "; ".join(shown.values())
