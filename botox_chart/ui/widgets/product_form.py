"""Diagnosis, product & dilution: ICD-10 code, product, DIN/NDC, vials, saline, lot, needle.

The concentration and the volume drawn per standard site are shown live as the dilution changes
(volume = units ÷ concentration; 100 U + 2 mL or 200 U + 4 mL give 5 U per 0.1 mL:
docs/clinical-reference.md §4).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from botox_chart.chart import (
    DIAGNOSES,
    DILUENT_ML_RANGE,
    MAX_VIALS,
    NEEDLES,
    Chart,
    format_units,
)
from botox_chart.ui.widgets.chart_form import (
    ChartForm,
    compact,
    restyle,
    set_text,
    setter,
)
from botox_chart.ui.widgets.lot_picker import ExpiryError, LotPicker, format_expiry, parse_expiry

VIAL_SIZES = (100, 200)
STANDARD_SITE_UNITS = Decimal(5)


class ProductForm(ChartForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Product && dilution", parent)
        self.setObjectName("productGroup")
        form = QFormLayout(self)

        self.diagnosis = compact(QComboBox())
        self.diagnosis.setAccessibleName("Diagnosis (ICD-10)")
        for code, meaning in DIAGNOSES.items():
            self.diagnosis.addItem(code, code)
            self.diagnosis.setItemData(
                self.diagnosis.count() - 1, meaning, Qt.ItemDataRole.ToolTipRole
            )
        self.diagnosis.activated.connect(self._on_diagnosis)
        form.addRow("&Diagnosis:", self.diagnosis)

        self.product = QLineEdit()
        self.product.textEdited.connect(
            lambda text: self.emit_edit("Edit product", setter("product", text), "product")
        )
        form.addRow("Product:", self.product)
        self.din_ndc = QLineEdit()
        self.din_ndc.setPlaceholderText("DIN (Canada) or NDC (US)")
        self.din_ndc.textEdited.connect(
            lambda text: self.emit_edit("Edit DIN/NDC", setter("din_ndc", text), "din_ndc")
        )
        form.addRow("DIN/NDC:", self.din_ndc)

        vials = QHBoxLayout()
        self.vial_units = QComboBox()
        for size in VIAL_SIZES:
            self.vial_units.addItem(f"{size} U", size)
        self.vial_units.setAccessibleName("Vial size")
        self.vial_count = QSpinBox()
        self.vial_count.setRange(1, MAX_VIALS)
        self.vial_count.setPrefix("× ")
        self.vial_count.setAccessibleName("Vials opened")
        vials.addWidget(self.vial_units)
        vials.addWidget(self.vial_count)
        vials.addStretch(1)
        form.addRow("Vials:", vials)
        self.vial_units.activated.connect(self._on_dilution)
        self.vial_count.valueChanged.connect(self._on_dilution)

        self.diluent_ml = QDoubleSpinBox()
        self.diluent_ml.setRange(float(DILUENT_ML_RANGE[0]), float(DILUENT_ML_RANGE[1]))
        self.diluent_ml.setSingleStep(0.5)
        self.diluent_ml.setDecimals(2)
        self.diluent_ml.setSuffix(" mL per vial")
        self.diluent_ml.setMaximumWidth(self.diluent_ml.fontMetrics().horizontalAdvance("0") * 18)
        self.diluent_ml.valueChanged.connect(self._on_dilution)
        form.addRow("Saline:", self.diluent_ml)
        self._concentration = QLabel()
        self._concentration.setObjectName("concentration")
        self._concentration.setWordWrap(True)
        form.addRow("", self._concentration)

        self.lot = LotPicker()
        self.lot.lotTyped.connect(self._on_lot_typed)
        self.lot.lotPicked.connect(self._on_lot_picked)
        form.addRow("&Lot:", self.lot)
        self.expiry = QLineEdit()
        self.expiry.setObjectName("lotExpiry")
        self.expiry.setPlaceholderText("As on the vial, e.g. 2027-06")
        self.expiry.editingFinished.connect(self._on_expiry)
        form.addRow("Expiry:", self.expiry)
        self._expiry_problem = QLabel()
        self._expiry_problem.setWordWrap(True)
        self._expiry_problem.setProperty("severity", "error")
        self._expiry_problem.hide()
        form.addRow("", self._expiry_problem)

        self.needle = compact(QComboBox())
        self.needle.setEditable(True)
        self.needle.addItems(NEEDLES)
        self.bind_choice(self.needle, "Change needle", "needle")
        form.addRow("Needle:", self.needle)
        self._chart: Chart | None = None

    def concentration_text(self) -> str:
        return self._concentration.text()

    def expiry_problem(self) -> str:
        return self._expiry_problem.text() if self._expiry_problem.isVisibleTo(self) else ""

    def set_recent_lots(self, lots: list[tuple[str, date | None]]) -> None:
        self.lot.set_lots(lots)

    def show_chart(self, chart: Chart) -> None:
        self._chart = chart
        index = self.diagnosis.findData(chart.diagnosis_code)
        if index < 0:
            self.diagnosis.addItem(chart.diagnosis_code, chart.diagnosis_code)
            index = self.diagnosis.count() - 1
        self.diagnosis.setCurrentIndex(index)
        self.diagnosis.setToolTip(DIAGNOSES.get(chart.diagnosis_code, ""))
        set_text(self.product, chart.product)
        set_text(self.din_ndc, chart.din_ndc)
        index = self.vial_units.findData(chart.dilution.vial_units)
        if index < 0:
            self.vial_units.addItem(f"{chart.dilution.vial_units} U", chart.dilution.vial_units)
            index = self.vial_units.count() - 1
        self.vial_units.setCurrentIndex(index)
        self.vial_count.setValue(chart.dilution.vial_count)
        self.diluent_ml.setValue(float(chart.dilution.diluent_ml))
        self.lot.set_date_of_service(chart.date_of_service)
        self.lot.show_lot(chart.lot_number)
        if not self.expiry.hasFocus() or self.expiry_problem() == "":
            set_text(self.expiry, format_expiry(chart.lot_expiry))
        if self.needle.currentText() != chart.needle:
            self.needle.setEditText(chart.needle)
        self._show_concentration(chart)

    def _show_concentration(self, chart: Chart) -> None:
        dilution = chart.dilution
        problem = dilution.problem()
        if problem:
            self._concentration.setText(problem)
            restyle(self._concentration, "severity", "error")
            return
        per_site = dilution.volume_ml(STANDARD_SITE_UNITS)
        self._concentration.setText(
            f"{format_units(dilution.units_per_tenth_ml)} U per 0.1 mL · "
            f"{format_units(STANDARD_SITE_UNITS)} U site = {per_site:.2f} mL · "
            f"{dilution.units_opened} U opened"
        )
        restyle(self._concentration, "severity", "")

    def _on_diagnosis(self, *_args: object) -> None:
        code = str(self.diagnosis.currentData())
        self.emit_edit(f"Diagnosis {code}", setter("diagnosis_code", code))

    def _on_dilution(self, *_args: object) -> None:
        vial_units = int(self.vial_units.currentData())
        count = self.vial_count.value()
        diluent = Decimal(str(round(self.diluent_ml.value(), 2)))

        def change(chart: Chart) -> None:
            chart.dilution = dataclasses.replace(
                chart.dilution, vial_units=vial_units, vial_count=count, diluent_ml=diluent
            )

        self.emit_edit("Change dilution", change, "dilution")

    def _on_lot_typed(self, text: str) -> None:
        expiry = self.lot.expiry_of(text)

        def change(chart: Chart) -> None:
            chart.lot_number = text
            if expiry is not None:
                chart.lot_expiry = expiry

        self.emit_edit("Edit lot number", change, "lot_number")

    def _on_lot_picked(self, lot: str, expiry: date | None) -> None:
        def change(chart: Chart) -> None:
            chart.lot_number = lot
            if expiry is not None:
                chart.lot_expiry = expiry

        self.emit_edit(f"Pick lot {lot}", change)

    def _on_expiry(self) -> None:
        try:
            expiry = parse_expiry(self.expiry.text())
        except ExpiryError as err:
            self._expiry_problem.setText(str(err))
            self._expiry_problem.show()
            return
        self._expiry_problem.hide()
        self._expiry_problem.setText("")
        if self._chart is not None and expiry == self._chart.lot_expiry:
            set_text(self.expiry, format_expiry(expiry))
            return
        self.emit_edit("Set lot expiry", setter("lot_expiry", expiry))
