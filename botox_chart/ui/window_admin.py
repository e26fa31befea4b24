"""The window's administration and help: clinicians and clinic settings (administrators), the
database's encryption, the keyboard shortcuts table (F1) and About."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from botox_chart.ui import language
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.window_host import show_status

if TYPE_CHECKING:
    from botox_chart.ui.window_host import WindowHost

NEXT_START = {
    "en": QT_TRANSLATE_NOOP(
        "AdminCommands", "The window will be in English the next time botox-chart starts."
    ),
    "fr": QT_TRANSLATE_NOOP(
        "AdminCommands", "The window will be in French the next time botox-chart starts."
    ),
}
"""What View › Language says, in the window's language and in the one chosen."""


class AdminCommands(QObject):
    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.as_widget())
        self.w = window
        a = window.actions_
        a.clinicians.triggered.connect(self.manage_clinicians)
        a.clinic_settings.triggered.connect(self.clinic_settings)
        a.encrypt_database.triggered.connect(lambda: window.keys.encrypt_database())
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        chosen = window.state.language() or ""
        a.languages.get(chosen, a.languages[""]).setChecked(True)
        a.language_group.triggered.connect(lambda action: self.choose_language(action.data()))

    def _is_admin(self) -> bool:
        clinician = self.w.clinician()
        return self.w.sign_in.is_open() and clinician is not None and clinician.is_admin

    def manage_clinicians(self) -> None:
        """The Clinicians dialog (administrators): add, reset a password, deactivate."""
        if self.w.engine is None or not self._is_admin():
            return
        from botox_chart.ui.dialogs.clinicians_dialog import CliniciansDialog

        dialog = CliniciansDialog(
            self.w.engine, self.w.as_widget(), self.w.dialogs, admin_id=self.w.clinician_id()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def clinic_settings(self) -> None:
        if self.w.engine is None or not self._is_admin():
            return
        from botox_chart.ui.dialogs.clinic_settings import ClinicSettingsDialog

        dialog = ClinicSettingsDialog(
            self.w.engine, self.w.as_widget(), self.w.dialogs, clinician_id=self.w.clinician_id()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _settings: self.w.sign_in.settings_changed())
        dialog.open()

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td>{html.escape(menu)}</td><td>{html.escape(name)}</td>"
            f"<td><b>{html.escape(key)}</b></td></tr>"
            for menu, name, key in self.w.shortcuts_table()
        )
        self.w.dialogs.info(
            self.w.as_widget(),
            self.tr("Keyboard shortcuts"),
            self.tr("<table cellpadding='3'>{rows}</table>").format(rows=rows),
        )

    def choose_language(self, code: str) -> None:
        """View › Language: remembered for the next start (the window is built in one language),
        and said so in the window's language and, when it differs, in the one chosen."""
        chosen = code or None
        if chosen == self.w.state.language():
            return
        self.w.state.set_language(chosen)
        self.w.state.sync()
        now, after = language.current(), language.ui_language(chosen)
        text = language.translate_in(now, "AdminCommands", NEXT_START[after])
        if after != now:
            text += "\n\n" + language.translate_in(after, "AdminCommands", NEXT_START[after])
        self.w.dialogs.info(self.w.as_widget(), self.tr("Language"), text)
        show_status(self.w, text.split("\n")[0])

    def show_about(self) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("botox-chart")
        except PackageNotFoundError:
            number = self.tr("(development)")
        where = self.w.location.text() or self.tr("not open")
        self.w.dialogs.info(
            self.w.as_widget(),
            self.tr("About botox-chart"),
            self.tr(
                "botox-chart {number}\nCharting onabotulinumtoxinA injections for chronic "
                "migraine (PREEMPT).\n\nDatabase: {where}"
            ).format(number=number, where=where),
        )
