"""Add a clinician who signs in as themselves: name, credentials, role, user name and password.

Two uses: a first run asks to "Create the first administrator" (a physician or injector who is an
administrator, signed in as soon as they are stored), and an administrator adds the clinic's
injectors, physicians and staff from the Clinicians dialog. Refusals (a taken user name, a short
password, passwords that differ) are shown in the dialog; nothing typed but the passwords is lost.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from botox_chart.store import StorageError, transaction
from botox_chart.store import clinicians as store_clinicians
from botox_chart.store.clinicians import MIN_PASSWORD, ClinicianError
from botox_chart.store.models import Clinician, Role
from botox_chart.ui.dialogs.sizing import fit_hints
from botox_chart.ui.language import QT_TRANSLATE_NOOP

ROLES = (
    (Role.INJECTOR, QT_TRANSLATE_NOOP("ClinicianDialog", "Injector (charts and signs)")),
    (Role.PHYSICIAN, QT_TRANSLATE_NOOP("ClinicianDialog", "Physician (charts, signs, supervises)")),
    (Role.STAFF, QT_TRANSLATE_NOOP("ClinicianDialog", "Staff (finds, views and prints)")),
)

FIRST_RUN_TEXT = QT_TRANSLATE_NOOP(
    "ClinicianDialog",
    "Sessions are charted and signed by clinicians who sign in as themselves. Create the first "
    "administrator: they sign in now and add the clinic's other clinicians (File > Clinicians).",
)


class ClinicianDialog(QDialog):
    """The clinician form; emits :attr:`clinicianAdded` with the stored clinician."""

    clinicianAdded = Signal(object)
    """The Clinician just stored (on a first run: also signed in, with the password typed)."""

    def __init__(
        self,
        engine: Engine,
        parent: QWidget | None = None,
        *,
        first: bool = False,
        by: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._first = first
        self._by = by
        self.added: Clinician | None = None
        self.setObjectName("clinicianDialog")
        self.setWindowTitle(
            self.tr("Create the first administrator") if first else self.tr("Add clinician")
        )

        self.name = QLineEdit()
        self.name.setMaxLength(120)
        self.name.setPlaceholderText(self.tr("e.g. Dr Ana Souza"))
        self.credentials = QLineEdit()
        self.credentials.setMaxLength(60)
        self.credentials.setPlaceholderText(self.tr("e.g. MD, FRCPC or RN"))
        self.role = QComboBox()
        for role, label in ROLES:
            if not (first and role is Role.STAFF):  # the first administrator charts
                self.role.addItem(self.tr(label), role.value)
        if first:
            self.role.setCurrentIndex(self.role.findData(Role.PHYSICIAN.value))
        self.username = QLineEdit()
        self.username.setMaxLength(60)
        self.username.setPlaceholderText(self.tr("e.g. asouza (no spaces)"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("at least {min_password} characters").format(min_password=MIN_PASSWORD)
        )
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin = QCheckBox(self.tr("&Administrator (adds clinicians, changes clinic settings)"))
        self.admin.setChecked(first)
        self.admin.setVisible(not first)

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Credentials"), self.credentials)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("Con&firm password"), self.confirm)
        if not first:
            form.addRow("", self.admin)

        layout = QVBoxLayout(self)
        if first:
            intro = QLabel(self.tr(FIRST_RUN_TEXT))
            intro.setWordWrap(True)
            layout.addWidget(intro)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setProperty("severity", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        if first:
            save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
            save.setText(self.tr("Create and &sign in"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # An explicit minimum (not one the layout keeps changing); an error message grows the
        # dialog through adjustSize() instead.
        fit_hints(self)
        self.setMinimumSize(
            max(self.minimumSizeHint().width(), self.fontMetrics().averageCharWidth() * 60),
            self.minimumSizeHint().height(),
        )

    def save(self) -> None:
        """Store the clinician (on a first run, sign them in); a refusal stays in the dialog."""
        if self.password.text() != self.confirm.text():
            self._refuse(
                self.tr("The two passwords differ. Type the same password twice."), field="password"
            )
            return
        username, password = self.username.text(), self.password.text()
        try:
            with transaction(self._engine) as db:
                self.added = store_clinicians.add(
                    db,
                    name=self.name.text(),
                    credentials=self.credentials.text(),
                    role=Role(self.role.currentData()),
                    username=username,
                    password=password,
                    is_admin=self._first or self.admin.isChecked(),
                    by=self._by,
                )
            if self._first:
                with transaction(self._engine) as db:
                    self.added = store_clinicians.authenticate(
                        db, username=username, password=password
                    )
        except ClinicianError as err:
            self._refuse(str(err), field=err.field)
            return
        except StorageError as err:
            self._refuse(str(err))
            return
        self.clinicianAdded.emit(self.added)
        self.accept()

    def _refuse(self, text: str, *, field: str | None = None) -> None:
        """Show ``text``; focus ``field`` (the store's name for the field at fault), else the
        name."""
        self.error.setText(text)
        self.error.show()
        self.password.clear()
        self.confirm.clear()
        self.adjustSize()
        fields = {
            "credentials": self.credentials,
            "username": self.username,
            "password": self.password,
        }
        fields.get(field or "", self.name).setFocus()
