"""Add or edit a patient: demographics, referral, allergies, contact details and, when treatment
stopped, the day and the reason (a blank date: still treated).

A refused save (a missing name, a chart number that belongs to someone else, a locked database)
is shown inside the dialog, the field at fault is marked, and nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
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
from botox_chart.store import patients as store_patients
from botox_chart.store.models import Patient
from botox_chart.store.patients import PatientError, PatientSummary
from botox_chart.ui.dialogs.sizing import fit_hints
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.style import set_style_property

DATE_HINT = QT_TRANSLATE_NOOP("PatientDialog", "YYYY-MM-DD")
"""store_patients.DATE_HINT (what the store's rules read), as the window's language writes it."""


class PatientDialog(QDialog):
    """The patient form; emits :attr:`patientSaved` with the stored patient's summary."""

    patientSaved = Signal(object)
    """PatientSummary of the patient just added or changed."""

    def __init__(
        self,
        engine: Engine,
        parent: QWidget | None = None,
        *,
        patient_id: int | None = None,
        clinician_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._patient_id = patient_id
        self._clinician_id = clinician_id
        self.saved: PatientSummary | None = None
        self.setObjectName("patientDialog")
        self.setWindowTitle(self.tr("Edit patient") if patient_id else self.tr("Add patient"))

        self.family_name = QLineEdit()
        self.given_names = QLineEdit()
        self.date_of_birth = QLineEdit()
        self.date_of_birth.setPlaceholderText(self.tr(DATE_HINT))
        self.chart_number = QLineEdit()
        self.health_card = QLineEdit()
        self.referring_physician = QLineEdit()
        self.referral_date = QLineEdit()
        self.referral_date.setPlaceholderText(
            self.tr("{date_hint} (optional)").format(date_hint=self.tr(DATE_HINT))
        )
        self.allergies = QLineEdit()
        self.allergies.setPlaceholderText(self.tr("e.g. NKDA, latex"))
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("e.g. marie@example.com"))
        self.preferred_language = QLineEdit()
        self.preferred_language.setPlaceholderText(self.tr("e.g. French"))
        self.treatment_stopped_on = QLineEdit()
        self.treatment_stopped_on.setPlaceholderText(
            self.tr("{date_hint} (blank: still treated)").format(date_hint=self.tr(DATE_HINT))
        )
        self.treatment_stopped_reason = QLineEdit()
        self.treatment_stopped_reason.setPlaceholderText(
            self.tr("e.g. stopping rule met, patient choice")
        )
        for field, limit in (
            (self.family_name, 120),
            (self.given_names, 120),
            (self.chart_number, 40),
            (self.health_card, 40),
            (self.referring_physician, 120),
            (self.allergies, 500),
            (self.phone, 40),
            (self.email, 254),
            (self.preferred_language, 40),
            (self.treatment_stopped_reason, 500),
        ):
            field.setMaxLength(limit)

        form = QFormLayout()
        form.addRow(self.tr("&Family name"), self.family_name)
        form.addRow(self.tr("&Given names"), self.given_names)
        form.addRow(self.tr("Date of &birth"), self.date_of_birth)
        form.addRow(self.tr("&Chart number"), self.chart_number)
        form.addRow(self.tr("&Health card"), self.health_card)
        form.addRow(self.tr("&Referring physician"), self.referring_physician)
        form.addRow(self.tr("Referral &date"), self.referral_date)
        form.addRow(self.tr("&Allergies"), self.allergies)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("&E-mail"), self.email)
        form.addRow(self.tr("Preferred &language"), self.preferred_language)
        form.addRow(self.tr("&Treatment stopped on"), self.treatment_stopped_on)
        form.addRow(self.tr("Reason treatment st&opped"), self.treatment_stopped_reason)

        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setProperty("severity", "error")
        self.error.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # An explicit minimum (not one the layout keeps changing); an error message grows the
        # dialog through adjustSize() instead.
        fit_hints(self)
        self.setMinimumSize(
            max(self.minimumSizeHint().width(), self.fontMetrics().averageCharWidth() * 60),
            self.minimumSizeHint().height(),
        )

        if patient_id is not None:
            self._load(patient_id)

    def _load(self, patient_id: int) -> None:
        with transaction(self._engine) as db:
            patient = store_patients.get(db, patient_id=patient_id)
        self.family_name.setText(patient.family_name)
        self.given_names.setText(patient.given_names)
        self.date_of_birth.setText(patient.date_of_birth.isoformat())
        self.chart_number.setText(patient.chart_number)
        self.health_card.setText(patient.health_card)
        self.referring_physician.setText(patient.referring_physician)
        self.referral_date.setText(
            patient.referral_date.isoformat() if patient.referral_date else ""
        )
        self.allergies.setText(patient.allergies)
        self.phone.setText(patient.phone)
        self.email.setText(patient.email)
        self.preferred_language.setText(patient.preferred_language)
        self.treatment_stopped_on.setText(
            patient.treatment_stopped_on.isoformat() if patient.treatment_stopped_on else ""
        )
        self.treatment_stopped_reason.setText(patient.treatment_stopped_reason)

    def save(self) -> None:
        """Store the patient; on a refusal keep the dialog open with the reason shown."""
        self._clear_marks()
        try:
            patient = self._patient()
            with transaction(self._engine) as db:
                if self._patient_id is None:
                    stored = store_patients.add(
                        db, patient=patient, clinician_id=self._clinician_id
                    )
                else:
                    stored = store_patients.update(
                        db,
                        patient_id=self._patient_id,
                        changes=patient,
                        clinician_id=self._clinician_id,
                    )
        except PatientError as err:
            self._show_error(str(err), field=err.field)
            return
        except StorageError as err:
            self._show_error(str(err))
            return
        assert stored.id is not None
        self.saved = PatientSummary(
            id=stored.id,
            family_name=stored.family_name,
            given_names=stored.given_names,
            date_of_birth=stored.date_of_birth,
            chart_number=stored.chart_number,
            search_key=stored.search_key,
        )
        self.patientSaved.emit(self.saved)
        self.accept()

    def _patient(self) -> Patient:
        """The patient the form says, read by the store's rules (an import reads its rows alike)."""
        return store_patients.from_texts(
            {name: getattr(self, name).text() for name in store_patients.EDITABLE}
        )

    def _show_error(self, message: str, *, field: str | None = None) -> None:
        """Show ``message``; mark and focus ``field`` (the store's name for the field at
        fault, the attribute of this form's line edit of that name)."""
        self.error.setText(message)
        self.error.show()
        self.adjustSize()
        edit = getattr(self, field, None) if field in store_patients.EDITABLE else None
        if isinstance(edit, QLineEdit):
            set_style_property(edit, "severity", "error")
            edit.setFocus()
            edit.selectAll()

    def _clear_marks(self) -> None:
        for field in self.findChildren(QLineEdit):
            set_style_property(field, "severity", None)
