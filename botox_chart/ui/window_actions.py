"""Every command of the main window as a QAction, with its shortcut shown in menus and tooltips.

docs/architecture.md §3: every action has a shortcut, one key per action, the same in menus, context
menus, the Help table and the README. Charting keys without a modifier (Space, N, P, +, -, O,
Delete) only act while the chart editor has the focus, so they never fire while typing a name in the
search box. In the chart O omits the current protocol site and Delete removes the current added
site; in the session list Ctrl+Delete deletes the selected draft (after asking). Undo and redo come
from the editor's undo stack (through a QUndoGroup) and are added by the window. An action turned
off for a reason the user may not guess (staff cannot chart) says why in its tooltip and status tip
(:func:`explain`).
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar


def make_action(
    parent: QObject,
    text: str,
    shortcuts: tuple[str, ...] = (),
    tip: str = "",
    *,
    scope: str = "",
) -> QAction:
    """An action whose tooltip names its shortcut; ``scope`` says where a bare key works."""
    action = QAction(text, parent)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    describe(action, tip, scope=scope)
    return action


def describe(action: QAction, tip: str = "", *, scope: str = "") -> None:
    """Tooltip and status tip: what the action does and its shortcut (e.g. "(Ctrl+N)")."""
    name = action.text().replace("&", "").removesuffix("…")
    text = tip or name
    key = shortcut_text(action)
    if key:
        where = f", {scope}" if scope else ""
        text = f"{text} ({key}{where})"
    action.setProperty("baseTip", text)
    action.setToolTip(text)
    action.setStatusTip(text)


def explain(action: QAction, enabled: bool, why: str = "") -> None:
    """Turn ``action`` on or off; when off for a reason (``why``), its tips say so."""
    action.setEnabled(enabled)
    base = str(action.property("baseTip") or action.toolTip())
    text = f"{base}. Not available: {why}" if why and not enabled else base
    if action.toolTip() != text:
        action.setToolTip(text)
        action.setStatusTip(text)


def name_target(action: QAction, template: str, target: str | None) -> None:
    """Name what ``action`` acts on in its menu text and tooltip ("&New session for {}" with
    "Gagnon, Élise"), or go back to its own when there is nothing (``target`` None). Buttons keep
    the short name (the action's icon text); the Help table keeps the action's own name
    (:func:`menu_shortcuts`). :func:`explain` after it adds why the action is off, if it is."""
    base = action.property("baseText")
    if base is None:
        base = action.text()
        action.setProperty("baseText", base)
        action.setProperty("ownTip", action.property("baseTip"))
        action.setIconText(str(base).replace("&", "").removesuffix("…"))
    text = template.format(target.replace("&", "&&")) if target else str(base)
    if action.text() != text:
        action.setText(text)
        key = shortcut_text(action)
        plain = text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")
        tip = f"{plain} ({key})" if key else plain
        base_tip = tip if target else str(action.property("ownTip"))
        action.setProperty("baseTip", base_tip)
        action.setToolTip(base_tip)
        action.setStatusTip(base_tip)


def shortcut_text(action: QAction) -> str:
    keys = action.shortcuts()
    return " or ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys[:2])


class WindowActions(QObject):
    """The window's actions; the window connects them and turns them on and off."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        a = make_action
        # File
        self.print_preview = a(
            self, "Print pre&view…", ("Ctrl+Shift+P",), "Preview the selected sessions' notes"
        )
        self.print = a(self, "&Print…", ("Ctrl+P",), "Print the selected sessions' notes")
        self.save_pdf = a(
            self, "Save as P&DF…", ("Ctrl+Shift+S",), "Save the selected sessions' notes as PDF"
        )
        self.record_preview = a(
            self, "Pre&view…", ("Ctrl+Shift+R",), "Preview the patient's treatment record"
        )
        self.record_print = a(self, "&Print…", (), "Print the patient's treatment record")
        self.record_pdf = a(self, "Save as P&DF…", (), "Save the patient's treatment record as PDF")
        self.letter_preview = a(
            self,
            "Pre&view…",
            (),
            "Preview the patient's continuation letter for an insurer or referring physician",
        )
        self.letter_print = a(
            self, "&Print…", ("Ctrl+Shift+T",), "Print the patient's continuation letter"
        )
        self.letter_pdf = a(
            self, "Save as P&DF…", (), "Save the patient's continuation letter as PDF"
        )
        self.outcomes_report = a(
            self,
            "Clinic &outcomes report…",
            (),
            "The share of patients with 30%, 50% and 75% fewer headache days after their 2nd "
            "and 3rd treatments",
        )
        self.import_patients = a(
            self,
            "&Import patients…",
            (),
            "Add the patients of a CSV file (a spreadsheet's patient list), previewed first",
        )
        self.clinicians = a(
            self,
            "Clini&cians…",
            (),
            "Add clinicians, reset a password, deactivate (administrators)",
        )
        self.clinic_settings = a(
            self, "Clinic &settings…", (), "Clinic name, address, billing, idle lock"
        )
        self.encrypt_database = a(
            self,
            "&Encrypt database…",
            (),
            "Encrypt a database made by the first release, and its backups (administrators)",
        )
        self.lock = a(
            self, "&Lock", ("Ctrl+L",), "Hide patient information until you type your password"
        )
        self.switch_user = a(
            self, "S&witch user…", (), "Sign out and let someone else sign in (the chart is saved)"
        )
        self.sign_out = a(self, "Sign &out", (), "Sign out (the open chart is saved and closed)")
        self.quit = a(self, "&Quit", ("Ctrl+Q",), "Close botox-chart")
        # Edit
        self.find_patient = a(self, "&Find patient", ("Ctrl+F",), "Go to the search box")
        # Session
        self.new_session = a(
            self, "&New session", ("Ctrl+N",), "Start a session for the selected patient"
        )
        self.repeat_last = a(
            self,
            "&Repeat last session",
            ("Ctrl+R",),
            "Start a session with the pattern of the patient's last signed session",
        )
        self.open_session = a(self, "&Open session", (), "Open the selected session (Enter)")
        self.close_session = a(self, "&Close session", ("Ctrl+W",), "Close the chart")
        self.apply_protocol = a(
            self, "Apply &protocol", ("Ctrl+Shift+A",), "Chart every standard site at 5 U (155 U)"
        )
        self.consent_all_clear = a(
            self,
            "Consent obtained · no contra&indications",
            ("Ctrl+Shift+C",),
            "Record consent and every contraindication absent, as one undo step",
        )
        self.scan_lot = a(
            self,
            "Scan a carton's &barcode",
            ("Ctrl+Shift+B",),
            "Put the cursor in the lot field of the first vial without a lot (a vial is added "
            "when every one has a lot), ready for the barcode scanner",
        )
        editor = "in the chart"
        self.mark_current = a(self, "&Mark current site", ("Space",), scope=editor)
        self.next_site = a(self, "Ne&xt site", ("N",), scope=editor)
        self.previous_site = a(self, "Pre&vious site", ("P",), scope=editor)
        self.units_up = a(self, "Units &up", ("+", "="), "One more step of units", scope=editor)
        self.units_down = a(self, "Units &down", ("-",), "One step fewer units", scope=editor)
        self.omit_current = a(
            self,
            "&Omit current site…",
            ("O",),
            "Omit the current protocol site, with a reason",
            scope=editor,
        )
        self.remove_site = a(
            self,
            "Re&move added site",
            ("Del",),
            "Remove the current follow-the-pain or custom site",
            scope=editor,
        )
        self.sign = a(
            self, "&Sign…", ("Ctrl+Return", "Ctrl+Enter"), "Sign the session (makes it final)"
        )
        self.add_addendum = a(self, "Add a&ddendum…", ("Ctrl+Shift+D",), "Add to a signed session")
        self.delete_draft = a(
            self,
            "Delete dra&ft…",
            ("Ctrl+Del",),
            "Delete the selected draft",
            scope="in the sessions",
        )
        self.session_audit = a(
            self,
            "Audi&t trail…",
            ("Ctrl+Shift+L",),
            "Who created, changed, signed, printed or exported this session, and when",
        )
        # Patient
        self.add_patient = a(self, "&Add patient…", ("Ctrl+Shift+N",))
        self.edit_patient = a(self, "&Edit patient…", ("Ctrl+E",))
        self.eligibility = a(
            self,
            "Eligibilit&y assessment…",
            ("Ctrl+Shift+E",),
            "Record or review the baseline and the preventives tried (NICE TA260 criteria)",
        )
        self.patient_audit = a(
            self,
            "Audi&t trail…",
            (),
            "Who created, changed, signed, printed or exported this patient's records, and when",
        )
        self.export_fhir = a(
            self,
            "Export for &EHR…",
            (),
            "Save the patient's signed sessions as a FHIR R4 bundle (JSON) for a referring "
            "physician's or a hospital's EHR",
        )
        self.due_list = a(
            self,
            "&Due list…",
            ("Ctrl+D",),
            "Patients due or overdue for treatment, with their phone: print, save or export "
            "the list to call",
        )
        self.lot_recall = a(
            self,
            "&Lot recall…",
            ("Ctrl+Shift+F",),
            "Find every patient who received a lot (signed sessions and drafts): print or save "
            "the list to contact them",
        )
        # View
        self.refresh = a(self, "&Refresh patient list", ("F5",), "Read the list again")
        self.go_patients = a(self, "Go to &patients", ("Ctrl+1",))
        self.go_sessions = a(self, "Go to &sessions", ("Ctrl+2",))
        self.go_chart = a(self, "Go to &chart", ("Ctrl+3",))
        # Help
        self.shortcuts = a(self, "&Keyboard shortcuts", ("F1",))
        self.about = a(self, "&About botox-chart", ())
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

    def always_available(self) -> list[QAction]:
        """What works while nobody is signed in or the window is locked: nothing that shows or
        changes patient information."""
        return [self.quit, self.shortcuts, self.about]

    def every(self) -> list[QAction]:
        """Every action of the window (undo and redo are the window's own)."""
        return [a for a in self.findChildren(QAction) if a.parent() is self]

    def editor_keys(self) -> list[QAction]:
        """Bare-key charting actions: added to the editor widget, acting only while it has focus."""
        keys = [
            self.mark_current,
            self.next_site,
            self.previous_site,
            self.units_up,
            self.units_down,
            self.omit_current,
            self.remove_site,
        ]
        for action in keys:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return keys

    def build_menus(self, bar: QMenuBar, undo: QAction, redo: QAction) -> None:
        file = bar.addMenu("&File")
        file.addActions([self.print_preview, self.print, self.save_pdf])
        record = file.addMenu("Patient &record")
        record.addActions([self.record_preview, self.record_print, self.record_pdf])
        letter = file.addMenu("Continuation &letter")
        letter.addActions([self.letter_preview, self.letter_print, self.letter_pdf])
        file.addAction(self.outcomes_report)
        file.addSeparator()
        file.addAction(self.import_patients)
        file.addSeparator()
        file.addActions([self.clinicians, self.clinic_settings, self.encrypt_database])
        file.addSeparator()
        file.addActions([self.lock, self.switch_user, self.sign_out])
        file.addSeparator()
        file.addAction(self.quit)

        edit = bar.addMenu("&Edit")
        edit.addActions([undo, redo])
        edit.addSeparator()
        edit.addAction(self.find_patient)

        session = bar.addMenu("&Session")
        session.addActions([self.new_session, self.repeat_last, self.open_session])
        session.addSeparator()
        session.addActions([self.apply_protocol, self.consent_all_clear, self.scan_lot])
        session.addActions([self.mark_current, self.next_site])
        session.addActions([self.previous_site, self.units_up, self.units_down])
        session.addActions([self.omit_current, self.remove_site])
        session.addSeparator()
        session.addActions([self.sign, self.add_addendum])
        session.addSeparator()
        session.addAction(self.session_audit)
        session.addSeparator()
        session.addActions([self.close_session, self.delete_draft])

        patient = bar.addMenu("&Patient")
        patient.addActions([self.add_patient, self.edit_patient, self.eligibility])
        patient.addAction(self.find_patient)
        patient.addAction(self.export_fhir)
        patient.addSeparator()
        patient.addAction(self.due_list)
        patient.addAction(self.lot_recall)
        patient.addSeparator()
        patient.addAction(self.patient_audit)

        view = bar.addMenu("&View")
        view.addActions([self.go_patients, self.go_sessions, self.go_chart])
        view.addSeparator()
        view.addAction(self.refresh)

        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.shortcuts, self.about])
        # Enter is handled by the session list itself; the menu still shows it.
        self.open_session.setText("&Open session\tEnter")


def menu_shortcuts(bar: QMenuBar) -> Iterator[tuple[str, str, str]]:
    """(menu, action, shortcut) for every menu entry with a shortcut: the Help table."""
    seen: set[QAction] = set()
    for menu_action in bar.actions():
        menu = menu_action.menu()
        if isinstance(menu, QMenu):
            yield from _menu_shortcuts(menu, menu.title().replace("&", ""), seen)


def _menu_shortcuts(menu: QMenu, title: str, seen: set[QAction]) -> Iterator[tuple[str, str, str]]:
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _menu_shortcuts(sub, f"{title} > {sub.title().replace('&', '')}", seen)
            continue
        text = str(action.property("baseText") or action.text())
        name, _, shown = text.replace("&", "").partition("\t")
        key = shortcut_text(action) or shown
        if key and action not in seen:
            seen.add(action)
            yield title, name.removesuffix("…"), key
