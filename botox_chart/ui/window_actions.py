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

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from botox_chart import i18n


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
    text = (
        QCoreApplication.translate("WindowActions", "{base}. Not available: {why}").format(
            base=base, why=why
        )
        if why and not enabled
        else base
    )
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
        if action.property("shortName") is None:
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


def short_name(action: QAction, name: str) -> None:
    """What the action's buttons (toolbar, panels) say, where its menu text would not fit: a
    language's words may be longer than the English ones."""
    action.setIconText(name)
    action.setProperty("shortName", name)


def shortcut_text(action: QAction) -> str:
    keys = action.shortcuts()
    return QCoreApplication.translate("WindowActions", " or ").join(
        k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys[:2]
    )


class WindowActions(QObject):
    """The window's actions; the window connects them and turns them on and off."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        a = make_action
        # File
        self.print_preview = a(
            self,
            self.tr("Print pre&view…"),
            ("Ctrl+Shift+P",),
            self.tr("Preview the selected sessions' notes"),
        )
        self.print = a(
            self, self.tr("&Print…"), ("Ctrl+P",), self.tr("Print the selected sessions' notes")
        )
        self.save_pdf = a(
            self,
            self.tr("Save as P&DF…"),
            ("Ctrl+Shift+S",),
            self.tr("Save the selected sessions' notes as PDF"),
        )
        self.record_preview = a(
            self,
            self.tr("Pre&view…"),
            ("Ctrl+Shift+R",),
            self.tr("Preview the patient's treatment record"),
        )
        self.record_print = a(
            self, self.tr("&Print…"), (), self.tr("Print the patient's treatment record")
        )
        self.record_pdf = a(
            self,
            self.tr("Save as P&DF…"),
            (),
            self.tr("Save the patient's treatment record as PDF"),
        )
        self.letter_preview = a(
            self,
            self.tr("Pre&view…"),
            (),
            self.tr(
                "Preview the patient's continuation letter for an insurer or referring physician"
            ),
        )
        self.letter_print = a(
            self,
            self.tr("&Print…"),
            ("Ctrl+Shift+T",),
            self.tr("Print the patient's continuation letter"),
        )
        self.letter_pdf = a(
            self,
            self.tr("Save as P&DF…"),
            (),
            self.tr("Save the patient's continuation letter as PDF"),
        )
        self.outcomes_report = a(
            self,
            self.tr("Clinic &outcomes report…"),
            (),
            self.tr(
                "The share of patients with 30%, 50% and 75% fewer headache days after their 2nd "
                "and 3rd treatments"
            ),
        )
        self.import_patients = a(
            self,
            self.tr("&Import patients…"),
            (),
            self.tr(
                "Add the patients of a CSV file (a spreadsheet's patient list), previewed first"
            ),
        )
        self.clinicians = a(
            self,
            self.tr("Clini&cians…"),
            (),
            self.tr("Add clinicians, reset a password, deactivate (administrators)"),
        )
        self.clinic_settings = a(
            self,
            self.tr("Clinic &settings…"),
            (),
            self.tr("Clinic name, address, billing, idle lock"),
        )
        self.encrypt_database = a(
            self,
            self.tr("&Encrypt database…"),
            (),
            self.tr(
                "Encrypt a database made by the first release, and its backups (administrators)"
            ),
        )
        self.lock = a(
            self,
            self.tr("&Lock"),
            ("Ctrl+L",),
            self.tr("Hide patient information until you type your password"),
        )
        self.switch_user = a(
            self,
            self.tr("S&witch user…"),
            (),
            self.tr("Sign out and let someone else sign in (the chart is saved)"),
        )
        self.sign_out = a(
            self, self.tr("Sign &out"), (), self.tr("Sign out (the open chart is saved and closed)")
        )
        self.quit = a(self, self.tr("&Quit"), ("Ctrl+Q",), self.tr("Close botox-chart"))
        # Edit
        self.find_patient = a(
            self, self.tr("&Find patient"), ("Ctrl+F",), self.tr("Go to the search box")
        )
        # Session
        self.new_session = a(
            self,
            self.tr("&New session"),
            ("Ctrl+N",),
            self.tr("Start a session for the selected patient"),
        )
        self.repeat_last = a(
            self,
            self.tr("&Repeat last session"),
            ("Ctrl+R",),
            self.tr("Start a session with the pattern of the patient's last signed session"),
        )
        self.open_session = a(
            self, self.tr("&Open session"), (), self.tr("Open the selected session (Enter)")
        )
        self.close_session = a(
            self, self.tr("&Close session"), ("Ctrl+W",), self.tr("Close the chart")
        )
        self.apply_protocol = a(
            self,
            self.tr("Apply &protocol"),
            ("Ctrl+Shift+A",),
            self.tr("Chart every standard site at 5 U (155 U)"),
        )
        self.consent_all_clear = a(
            self,
            self.tr("Consent obtained · no contra&indications"),
            ("Ctrl+Shift+C",),
            self.tr("Record consent and every contraindication absent, as one undo step"),
        )
        self.scan_lot = a(
            self,
            self.tr("Scan a carton's &barcode"),
            ("Ctrl+Shift+B",),
            self.tr(
                "Put the cursor in the lot field of the first vial without a lot (a vial is added "
                "when every one has a lot), ready for the barcode scanner"
            ),
        )
        editor = self.tr("in the chart")
        self.mark_current = a(self, self.tr("&Mark current site"), ("Space",), scope=editor)
        self.next_site = a(self, self.tr("Ne&xt site"), ("N",), scope=editor)
        self.previous_site = a(self, self.tr("Pre&vious site"), ("P",), scope=editor)
        self.units_up = a(
            self, self.tr("Units &up"), ("+", "="), self.tr("One more step of units"), scope=editor
        )
        self.units_down = a(
            self, self.tr("Units &down"), ("-",), self.tr("One step fewer units"), scope=editor
        )
        self.omit_current = a(
            self,
            self.tr("&Omit current site…"),
            ("O",),
            self.tr("Omit the current protocol site, with a reason"),
            scope=editor,
        )
        self.remove_site = a(
            self,
            self.tr("Re&move added site"),
            ("Del",),
            self.tr("Remove the current follow-the-pain or custom site"),
            scope=editor,
        )
        self.sign = a(
            self,
            self.tr("&Sign…"),
            ("Ctrl+Return", "Ctrl+Enter"),
            self.tr("Sign the session (makes it final)"),
        )
        self.add_addendum = a(
            self, self.tr("Add a&ddendum…"), ("Ctrl+Shift+D",), self.tr("Add to a signed session")
        )
        self.delete_draft = a(
            self,
            self.tr("Delete dra&ft…"),
            ("Ctrl+Del",),
            self.tr("Delete the selected draft"),
            scope=self.tr("in the sessions"),
        )
        self.session_audit = a(
            self,
            self.tr("Audi&t trail…"),
            ("Ctrl+Shift+L",),
            self.tr("Who created, changed, signed, printed or exported this session, and when"),
        )
        # Patient
        self.add_patient = a(self, self.tr("&Add patient…"), ("Ctrl+Shift+N",))
        self.edit_patient = a(self, self.tr("&Edit patient…"), ("Ctrl+E",))
        self.eligibility = a(
            self,
            self.tr("Eligibilit&y assessment…"),
            ("Ctrl+Shift+E",),
            self.tr(
                "Record or review the baseline and the preventives tried (NICE TA260 criteria)"
            ),
        )
        self.patient_audit = a(
            self,
            self.tr("Audi&t trail…"),
            (),
            self.tr(
                "Who created, changed, signed, printed or exported this patient's records, and when"
            ),
        )
        self.export_fhir = a(
            self,
            self.tr("Export for &EHR…"),
            (),
            self.tr(
                "Save the patient's signed sessions as a FHIR R4 bundle (JSON) for a referring "
                "physician's or a hospital's EHR"
            ),
        )
        self.due_list = a(
            self,
            self.tr("&Due list…"),
            ("Ctrl+D",),
            self.tr(
                "Patients due or overdue for treatment, with their phone: print, save or export "
                "the list to call"
            ),
        )
        self.lot_recall = a(
            self,
            self.tr("&Lot recall…"),
            ("Ctrl+Shift+F",),
            self.tr(
                "Find every patient who received a lot (signed sessions and drafts): print or save "
                "the list to contact them"
            ),
        )
        # View
        self.refresh = a(
            self, self.tr("&Refresh patient list"), ("F5",), self.tr("Read the list again")
        )
        self.go_patients = a(self, self.tr("Go to &patients"), ("Ctrl+1",))
        self.go_sessions = a(self, self.tr("Go to &sessions"), ("Ctrl+2",))
        self.go_chart = a(self, self.tr("Go to &chart"), ("Ctrl+3",))
        # Help
        self.language_group = QActionGroup(self)
        self.languages: dict[str, QAction] = {}
        """View › Language: "" follows the computer; the others are named in their own language."""
        for code, name in (("", self.tr("Same as this &computer")), *i18n.NAMES.items()):
            action = a(self, name, (), self.tr("The window's language, from the next start"))
            action.setCheckable(True)
            action.setData(code)
            self.language_group.addAction(action)
            self.languages[code] = action
        self.shortcuts = a(self, self.tr("&Keyboard shortcuts"), ("F1",))
        self.about = a(self, self.tr("&About botox-chart"), ())
        # The buttons' words (toolbar, panels), short enough for every language.
        short_name(self.print_preview, self.tr("Print preview", "button"))
        short_name(self.new_session, self.tr("New session", "button"))
        short_name(self.repeat_last, self.tr("Repeat last session", "button"))
        short_name(self.sign_out, self.tr("Sign out", "button"))
        short_name(self.add_patient, self.tr("Add patient", "button"))
        short_name(self.edit_patient, self.tr("Edit patient", "button"))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

    def always_available(self) -> list[QAction]:
        """What works while nobody is signed in or the window is locked: nothing that shows or
        changes patient information."""
        return [self.quit, self.shortcuts, self.about, *self.languages.values()]

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
        file = bar.addMenu(self.tr("&File"))
        file.addActions([self.print_preview, self.print, self.save_pdf])
        record = file.addMenu(self.tr("Patient &record"))
        record.addActions([self.record_preview, self.record_print, self.record_pdf])
        letter = file.addMenu(self.tr("Continuation &letter"))
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

        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([undo, redo])
        edit.addSeparator()
        edit.addAction(self.find_patient)

        session = bar.addMenu(self.tr("&Session"))
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

        patient = bar.addMenu(self.tr("&Patient"))
        patient.addActions([self.add_patient, self.edit_patient, self.eligibility])
        patient.addAction(self.find_patient)
        patient.addAction(self.export_fhir)
        patient.addSeparator()
        patient.addAction(self.due_list)
        patient.addAction(self.lot_recall)
        patient.addSeparator()
        patient.addAction(self.patient_audit)

        view = bar.addMenu(self.tr("&View"))
        view.addActions([self.go_patients, self.go_sessions, self.go_chart])
        view.addSeparator()
        view.addAction(self.refresh)
        view.addSeparator()
        language = view.addMenu(self.tr("&Language"))
        language.addActions(list(self.languages.values()))

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.shortcuts, self.about])
        # Enter is handled by the session list itself; the menu still shows it.
        self.open_session.setText(self.tr("&Open session\tEnter"))


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
