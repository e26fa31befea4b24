"""The window's administration and help: clinicians and clinic settings (administrators), the
database's encryption, the keyboard shortcuts table (F1) and About."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

if TYPE_CHECKING:
    from botox_chart.ui.window_host import WindowHost


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
            self.w.as_widget(), "Keyboard shortcuts", f"<table cellpadding='3'>{rows}</table>"
        )

    def show_about(self) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("botox-chart")
        except PackageNotFoundError:
            number = "(development)"
        where = self.w.location.text() or "not open"
        self.w.dialogs.info(
            self.w.as_widget(),
            "About botox-chart",
            f"botox-chart {number}\nCharting onabotulinumtoxinA injections for chronic migraine "
            f"(PREEMPT).\n\nDatabase: {where}",
        )
