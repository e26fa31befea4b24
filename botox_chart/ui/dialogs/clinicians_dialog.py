"""Clinicians (administrators only): the clinic's active clinicians; add one, reset a password,
unlock one locked out by failed sign-ins, deactivate one who left.

A deactivated clinician can no longer sign in or be chosen as supervisor; their name stays on every
session and audit entry they made. An administrator cannot deactivate themselves, so the clinic is
never left without one.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from botox_chart.store import StorageError, transaction
from botox_chart.store import clinicians as store_clinicians
from botox_chart.store.clinicians import ClinicianError
from botox_chart.store.models import Clinician
from botox_chart.ui.dialogs.clinician_dialog import ClinicianDialog
from botox_chart.ui.dialogs.password_dialog import PasswordDialog
from botox_chart.ui.dialogs.sizing import size_table_dialog
from botox_chart.ui.models.clinician_list import ClinicianListModel
from botox_chart.ui.seams import Dialogs


class CliniciansDialog(QDialog):
    """The list and its three commands; the list is read again after each change."""

    def __init__(
        self,
        engine: Engine,
        parent: QWidget | None,
        dialogs: Dialogs,
        *,
        admin_id: int | None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._dialogs = dialogs
        self._admin_id = admin_id
        self.setObjectName("cliniciansDialog")
        self.setWindowTitle(self.tr("Clinicians"))

        self.model = ClinicianListModel(self)
        self.view = QTableView()
        self.view.setObjectName("clinicianList")
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Clinicians"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        # Every column as wide as its text (a small screen scrolls sideways); the last fills.
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.setToolTip(
            self.tr("Add an injector, physician or staff member with a login")
        )
        self.add_button.clicked.connect(self.add)
        self.password_button = QPushButton(self.tr("&Reset password…"))
        self.password_button.clicked.connect(self.reset_password)
        self.unlock_button = QPushButton(self.tr("&Unlock sign-in"))
        self.unlock_button.setToolTip(
            self.tr(
                "Forget the failed sign-ins of the selected clinician: they can sign in at once"
            )
        )
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.deactivate_button = QPushButton(self.tr("&Deactivate…"))
        self.deactivate_button.clicked.connect(self.deactivate_selected)
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.password_button)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.deactivate_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        intro = QLabel(
            self.tr(
                "Everyone who can sign in. Injectors chart and sign; physicians also supervise; "
                "staff find, view and print. Administrators add clinicians and change clinic "
                "settings."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(close)
        size_table_dialog(self, chars=100, lines=24)

        self.view.selectionModel().selectionChanged.connect(self._update)
        self.reload()

    def selected(self) -> Clinician | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.clinician(rows[0].row()) if rows else None

    def reload(self, select: int | None = None) -> None:
        failures = {}
        try:
            with transaction(self._engine) as db:
                rows = store_clinicians.active(db)
                failures = store_clinicians.failed_sign_ins(db)
        except StorageError as err:
            self._dialogs.error(self, self.tr("Clinicians"), str(err))
            rows = []
        self.model.set_clinicians(rows, failures, now=datetime.now(UTC))
        row = self.model.row_of(select) if select is not None else None
        if row is not None:
            self.view.selectRow(row)
        self._update()

    def add(self) -> None:
        dialog = ClinicianDialog(self._engine, self, by=self._admin_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.clinicianAdded.connect(lambda c: self.reload(select=c.id))
        dialog.open()

    def reset_password(self) -> None:
        clinician = self.selected()
        if clinician is None:
            return
        dialog = PasswordDialog(self._engine, clinician, self, by=self._admin_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.passwordSet.connect(lambda clinician_id: self.reload(select=clinician_id))
        dialog.open()

    def unlock_selected(self) -> None:
        """Lift a lock (or a wait) after failed sign-ins; the store audits it."""
        clinician = self.selected()
        if clinician is None or not clinician.username:
            return
        try:
            with transaction(self._engine) as db:
                store_clinicians.unlock(db, username=clinician.username, by=self._admin_id)
        except (StorageError, ClinicianError) as err:
            self._dialogs.error(self, self.tr("Unlock sign-in"), str(err))
            return
        self.reload(select=clinician.id)
        self.hint.setText(self.tr("{name} can sign in again.").format(name=clinician.display_name))

    def deactivate_selected(self) -> None:
        clinician = self.selected()
        if clinician is None or clinician.id is None or clinician.id == self._admin_id:
            return
        if not self._dialogs.confirm(
            self,
            self.tr("Deactivate clinician"),
            self.tr(
                "Deactivate {name}? They can no longer sign in or supervise; their name stays on "
                "the sessions they charted and signed."
            ).format(name=clinician.display_name),
        ):
            return
        try:
            with transaction(self._engine) as db:
                store_clinicians.deactivate(db, clinician_id=clinician.id, by=self._admin_id)
        except (StorageError, ClinicianError) as err:
            self._dialogs.error(self, self.tr("Deactivate clinician"), str(err))
            return
        self.reload()

    def _update(self) -> None:
        clinician = self.selected()
        rows = self.view.selectionModel().selectedRows()
        failed = self.model.failures(rows[0].row()) if rows else None
        self.unlock_button.setEnabled(failed is not None)
        self.password_button.setEnabled(clinician is not None)
        self.password_button.setText(
            self.tr("Give &sign-in…")
            if clinician is not None and not clinician.username
            else self.tr("&Reset password…")
        )
        self.deactivate_button.setEnabled(clinician is not None and clinician.id != self._admin_id)
        if clinician is None:
            self.hint.setText(
                self.tr("Select a clinician to reset their password or deactivate them.")
            )
        elif clinician.id == self._admin_id:
            self.hint.setText(self.tr("You cannot deactivate yourself: another administrator can."))
        elif not clinician.username:
            self.hint.setText(
                self.tr(
                    "{name} has no user name, so cannot sign in yet: Give sign-in… sets one with a "
                    "password."
                ).format(name=clinician.display_name)
            )
        elif failed is not None:
            self.hint.setText(
                self.tr(
                    "{name}: %n failed sign-in(s) in a row. Unlock sign-in lets them sign in at "
                    "once (check it was them first).",
                    "",
                    failed.failures,
                ).format(name=clinician.display_name)
            )
        else:
            self.hint.setText("")
