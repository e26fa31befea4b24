"""Add a clinician (name, credentials, role): asked on a first run, since charting needs one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
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
from botox_chart.store.clinicians import ClinicianError
from botox_chart.store.models import Clinician, Role

ROLES = (
    (Role.INJECTOR, "Injector (charts and signs)"),
    (Role.PHYSICIAN, "Physician (charts, signs, supervises)"),
    (Role.STAFF, "Staff (finds and prints)"),
)

FIRST_RUN_TEXT = (
    "Sessions are charted and signed in a clinician's name. Add the first clinician "
    "(more can be added later from Edit > Add clinician)."
)


class ClinicianDialog(QDialog):
    """The clinician form; emits :attr:`clinicianAdded` with the stored clinician."""

    clinicianAdded = Signal(object)
    """The Clinician just stored."""

    def __init__(self, engine: Engine, parent: QWidget | None = None, *, first: bool = False):
        super().__init__(parent)
        self._engine = engine
        self.added: Clinician | None = None
        self.setObjectName("clinicianDialog")
        self.setWindowTitle("Add the first clinician" if first else "Add clinician")

        self.name = QLineEdit()
        self.name.setMaxLength(120)
        self.name.setPlaceholderText("e.g. Dr Ana Souza")
        self.credentials = QLineEdit()
        self.credentials.setMaxLength(60)
        self.credentials.setPlaceholderText("e.g. MD, FRCPC or RN")
        self.role = QComboBox()
        for role, label in ROLES:
            self.role.addItem(label, role.value)

        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Credentials", self.credentials)
        form.addRow("&Role", self.role)

        layout = QVBoxLayout(self)
        if first:
            intro = QLabel(FIRST_RUN_TEXT)
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
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # An explicit minimum (not one the layout keeps changing); an error message grows the
        # dialog through adjustSize() instead.
        self.setMinimumSize(
            max(self.minimumSizeHint().width(), self.fontMetrics().averageCharWidth() * 55),
            self.minimumSizeHint().height(),
        )

    def save(self) -> None:
        try:
            with transaction(self._engine) as db:
                self.added = store_clinicians.add(
                    db,
                    name=self.name.text(),
                    credentials=self.credentials.text(),
                    role=Role(self.role.currentData()),
                )
        except (ClinicianError, StorageError) as err:
            self.error.setText(str(err))
            self.error.show()
            self.adjustSize()
            self.name.setFocus()
            return
        self.clinicianAdded.emit(self.added)
        self.accept()
