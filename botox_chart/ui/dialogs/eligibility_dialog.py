"""The eligibility assessment: the baseline period, its headache and migraine days per month, the
months with chronic migraine, the preventive treatments tried, medication overuse and the
referral, with NICE TA260's criteria shown met or missing as the clinician types.

Recorded at a patient's first treatment and reviewable later: a review opens with the newest
assessment filled in and records a new one (assessments are never changed, store.eligibility).
The criteria are advice, never a block. A refused save is shown inside the dialog and nothing
typed is lost.
"""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from botox_chart import eligibility as criteria
from botox_chart.store import StorageError, transaction
from botox_chart.store import eligibility as store_eligibility
from botox_chart.store.models import EligibilityAssessment, PreventiveTreatment
from botox_chart.ui.dialogs.sizing import fit_hints, on_screen, size_table_dialog
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.style import set_style_property

DATE_HINT = QT_TRANSLATE_NOOP("EligibilityDialog", "YYYY-MM-DD")
ANSWERS = (
    (QT_TRANSLATE_NOOP("EligibilityDialog", "Not recorded"), None),
    (QT_TRANSLATE_NOOP("EligibilityDialog", "Yes"), True),
    (QT_TRANSLATE_NOOP("EligibilityDialog", "No"), False),
)
COLUMNS = (
    QT_TRANSLATE_NOOP("EligibilityDialog", "Medicine"),
    QT_TRANSLATE_NOOP("EligibilityDialog", "Class"),
    QT_TRANSLATE_NOOP("EligibilityDialog", "Dose"),
    QT_TRANSLATE_NOOP("EligibilityDialog", "Duration"),
    QT_TRANSLATE_NOOP("EligibilityDialog", "Why stopped"),
)
NAME, CLASS, DOSE, DURATION, WHY = range(len(COLUMNS))


class EligibilityDialog(QDialog):
    """Record an assessment of one patient; emits :attr:`saved` once it is stored."""

    saved = Signal()

    def __init__(
        self,
        engine: Engine,
        parent: QWidget | None,
        *,
        patient_id: int,
        patient_name: str,
        clinician_id: int | None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._patient_id = patient_id
        self._clinician_id = clinician_id
        self.setObjectName("eligibilityDialog")
        self.setWindowTitle(
            self.tr("Eligibility assessment: {patient_name}").format(patient_name=patient_name)
        )

        self.baseline_start = QLineEdit()
        self.baseline_end = QLineEdit()
        for field in (self.baseline_start, self.baseline_end):
            field.setPlaceholderText(self.tr(DATE_HINT))
        self.headache_days = QLineEdit()
        self.headache_days.setPlaceholderText(self.tr("per month (30 days), e.g. 22"))
        self.migraine_days = QLineEdit()
        self.migraine_days.setPlaceholderText(self.tr("per month; blank if not recorded"))
        self.months_chronic = QLineEdit()
        self.months_chronic.setPlaceholderText(self.tr("blank if not recorded"))
        self.hours_per_day = QLineEdit()
        self.hours_per_day.setPlaceholderText(self.tr("blank if not recorded"))
        self.overuse = _answer_box(self.tr("Medication overuse addressed"))
        self.referral = _answer_box(self.tr("Referral on file"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 2 + 12)

        self.treatments = QTableWidget(0, len(COLUMNS))
        self.treatments.setObjectName("preventives")
        self.treatments.setAccessibleName(self.tr("Preventive treatments tried"))
        self.treatments.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.treatments.horizontalHeader().setSectionResizeMode(WHY, QHeaderView.ResizeMode.Stretch)
        self.treatments.verticalHeader().hide()
        header = self.treatments.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(CLASS, self.fontMetrics().horizontalAdvance("M" * 17))
        rows = self.treatments.verticalHeader().defaultSectionSize()
        self.treatments.setMinimumHeight(rows * 4 + header.sizeHint().height() + 4)
        self.add_treatment = QPushButton(self.tr("&Add medicine"))
        self.add_treatment.clicked.connect(lambda: self.add_row())
        self.remove_treatment = QPushButton(self.tr("&Remove medicine"))
        self.remove_treatment.clicked.connect(self._remove_row)

        self.criteria = QLabel()
        self.criteria.setObjectName("eligibilityCriteria")
        self.criteria.setTextFormat(Qt.TextFormat.RichText)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        period = QHBoxLayout()
        period.addWidget(self.baseline_start)
        period.addWidget(QLabel("to"))
        period.addWidget(self.baseline_end)
        period_label = QLabel(self.tr("&Baseline period:"))
        period_label.setBuddy(self.baseline_start)
        form.addRow(period_label, period)
        form.addRow(self.tr("&Headache days per month:"), self.headache_days)
        form.addRow(self.tr("&Migraine days per month:"), self.migraine_days)
        form.addRow(self.tr("Months with &chronic migraine:"), self.months_chronic)
        form.addRow(self.tr("Hours &per day:"), self.hours_per_day)
        form.addRow(self.tr("Medication &overuse addressed:"), self.overuse)
        form.addRow(self.tr("Re&ferral on file:"), self.referral)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.add_treatment)
        buttons_row.addWidget(self.remove_treatment)
        buttons_row.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("Preventive treatments tried (each listed counts as tried):"))
        )
        layout.addWidget(self.treatments)
        layout.addLayout(buttons_row)
        layout.addWidget(QLabel(self.tr("Notes:")))
        layout.addWidget(self.notes)
        layout.addWidget(self.criteria)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        for field in (self.headache_days, self.migraine_days):
            field.textChanged.connect(self._show_criteria)
        self.overuse.currentIndexChanged.connect(self._show_criteria)
        self.treatments.model().rowsInserted.connect(self._show_criteria)
        self.treatments.model().rowsRemoved.connect(self._show_criteria)
        self.treatments.itemChanged.connect(self._show_criteria)  # a medicine's name typed
        self._load_latest()
        self._show_criteria()
        fit_hints(self)
        size_table_dialog(self, chars=110, lines=40)
        hint = self.sizeHint()  # never squeezed below what its fields need, where the screen allows
        self.setMinimumSize(on_screen(hint.width(), hint.height()))

    # -- rows -----------------------------------------------------------------------------------

    def add_row(self, treatment: PreventiveTreatment | None = None) -> None:
        row = self.treatments.rowCount()
        self.treatments.insertRow(row)
        drug_class = QComboBox()
        drug_class.addItems(criteria.PREVENTIVE_CLASSES)
        if treatment is not None:
            drug_class.setCurrentText(treatment.drug_class)
        self.treatments.setCellWidget(row, CLASS, drug_class)
        for column, text in (
            (NAME, treatment.name if treatment else ""),
            (DOSE, treatment.dose if treatment else ""),
            (DURATION, treatment.duration if treatment else ""),
            (WHY, treatment.why_stopped if treatment else ""),
        ):
            self.treatments.setItem(row, column, QTableWidgetItem(text))
        self.treatments.setCurrentCell(row, NAME)

    def _remove_row(self) -> None:
        row = self.treatments.currentRow()
        if row >= 0:
            self.treatments.removeRow(row)

    def listed(self) -> list[PreventiveTreatment]:
        """The treatments in the table (rows left without a medicine's name are skipped)."""
        found = []
        for row in range(self.treatments.rowCount()):
            name = self._cell(row, NAME)
            if not name:
                continue
            drug_class = self.treatments.cellWidget(row, CLASS)
            assert isinstance(drug_class, QComboBox)
            found.append(
                PreventiveTreatment(
                    name=name,
                    drug_class=drug_class.currentText(),
                    dose=self._cell(row, DOSE),
                    duration=self._cell(row, DURATION),
                    why_stopped=self._cell(row, WHY),
                )
            )
        return found

    def _cell(self, row: int, column: int) -> str:
        item = self.treatments.item(row, column)
        return item.text().strip() if item is not None else ""

    # -- saving ---------------------------------------------------------------------------------

    def assessment(self) -> EligibilityAssessment:
        """What the form holds; EligibilityError for a date or a number that cannot be read."""
        headache = _decimal(self.headache_days.text(), self.tr("headache days"))
        if headache is None:
            raise store_eligibility.EligibilityError(
                self.tr("The headache days per month are missing.")
            )
        return EligibilityAssessment(
            baseline_start=_date(
                self.baseline_start.text(), self.tr("the start of the baseline period")
            ),
            baseline_end=_date(self.baseline_end.text(), self.tr("the end of the baseline period")),
            headache_days_per_month=headache,
            migraine_days_per_month=_decimal(self.migraine_days.text(), self.tr("migraine days")),
            months_chronic=_whole(
                self.months_chronic.text(), self.tr("months with chronic migraine")
            ),
            hours_per_day=_decimal(self.hours_per_day.text(), self.tr("hours per day")),
            medication_overuse_addressed=self.overuse.currentData(),
            referral_on_file=self.referral.currentData(),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> None:
        try:
            assessment = self.assessment()
            with transaction(self._engine) as db:
                store_eligibility.record(
                    db,
                    patient_id=self._patient_id,
                    assessment=assessment,
                    treatments=self.listed(),
                    clinician_id=self._clinician_id,
                )
        except (store_eligibility.EligibilityError, StorageError) as err:
            self.error.setText(self.tr("Not recorded: {err}").format(err=err))
            self.error.show()
            return
        self.saved.emit()
        self.accept()

    # -- showing --------------------------------------------------------------------------------

    def _load_latest(self) -> None:
        """A review starts from the newest assessment (a new one is recorded on saving)."""
        try:
            with transaction(self._engine) as db:
                found = store_eligibility.latest(db, self._patient_id)
        except StorageError as err:
            self.error.setText(str(err))
            self.error.show()
            return
        if found is None:
            return
        row = found.assessment
        self.baseline_start.setText(row.baseline_start.isoformat())
        self.baseline_end.setText(row.baseline_end.isoformat())
        self.headache_days.setText(_text(row.headache_days_per_month))
        self.migraine_days.setText(_text(row.migraine_days_per_month))
        self.months_chronic.setText(_text(row.months_chronic))
        self.hours_per_day.setText(_text(row.hours_per_day))
        self.overuse.setCurrentIndex(
            max(self.overuse.findData(row.medication_overuse_addressed), 0)
        )
        self.referral.setCurrentIndex(max(self.referral.findData(row.referral_on_file), 0))
        self.notes.setPlainText(row.notes)
        for treatment in found.treatments:
            self.add_row(treatment)

    def _show_criteria(self) -> None:
        """NICE TA260's criteria for what the form holds now (advice, never a block)."""
        try:
            headache = _decimal(self.headache_days.text(), self.tr("headache days"))
            migraine = _decimal(self.migraine_days.text(), self.tr("migraine days"))
        except store_eligibility.EligibilityError:
            headache = migraine = None
        tried = tuple(
            criteria.Preventive(t.name, t.drug_class, t.dose, t.duration, t.why_stopped)
            for t in self.listed()
        )
        shown = criteria.eligibility_criteria(
            criteria.Assessment(
                baseline_start=date.today(),
                baseline_end=date.today(),
                headache_days_per_month=headache,
                migraine_days_per_month=migraine,
                months_with_chronic_migraine=None,
                hours_per_day=None,
                preventives=tried,
                medication_overuse_addressed=self.overuse.currentData(),
                referral_on_file=self.referral.currentData(),
            )
        )
        met, missing = self.tr("✓ met"), self.tr("✗ missing")
        rows = "".join(
            f"<br>{met if c.met else missing}: {html.escape(c.title)} ({html.escape(c.detail)})"
            for c in shown
        )
        self.criteria.setText(
            self.tr("<b>NICE TA260 criteria</b> (advice, not a block):{rows}").format(rows=rows)
        )
        set_style_property(
            self.criteria, "severity", "" if all(c.met for c in shown) else "warning"
        )


def _answer_box(name: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for label, value in ANSWERS:
        box.addItem(QCoreApplication.translate("EligibilityDialog", label), value)
    return box


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _date(text: str, label: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise store_eligibility.EligibilityError(
            QCoreApplication.translate(
                "EligibilityDialog", "Type {label} as {date_hint} (e.g. 2026-09-30)."
            ).format(
                label=label, date_hint=QCoreApplication.translate("EligibilityDialog", DATE_HINT)
            )
        ) from None


def _decimal(text: str, label: str) -> Decimal | None:
    if not text.strip():
        return None
    try:
        return Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise store_eligibility.EligibilityError(
            QCoreApplication.translate("EligibilityDialog", "The {label} must be a number.").format(
                label=label
            )
        ) from None


def _whole(text: str, label: str) -> int | None:
    if not text.strip():
        return None
    try:
        return int(text.strip())
    except ValueError:
        raise store_eligibility.EligibilityError(
            QCoreApplication.translate(
                "EligibilityDialog", "The {label} must be a whole number."
            ).format(label=label)
        ) from None
