"""Diagnosis, product & dilution: ICD-10 code, product, DIN/NDC, the vials (each with its lot,
expiry, size and units drawn: ``vials_form``), saline, needle.

The concentration and the volume drawn per standard site are shown live as the dilution changes
(volume = units ÷ concentration; 100 U + 2 mL or 200 U + 4 mL give 5 U per 0.1 mL:
docs/clinical-reference.md §4). The saline is measured for the first vial's size; a vial of another
size is made up to the same concentration.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from botox_chart.chart import (
    DIAGNOSES,
    DILUENT_ML_RANGE,
    NEEDLES,
    Chart,
    units_text,
)
from botox_chart.i18n import number as local_number
from botox_chart.ui.widgets.chart_form import (
    ChartForm,
    DecimalSpinBox,
    compact,
    restyle,
    set_text,
    setter,
)
from botox_chart.ui.widgets.vials_form import VialsForm

STANDARD_SITE_UNITS = Decimal(5)


class ProductForm(ChartForm):
    statusMessage = Signal(str)
    """What a scanned carton did, for the window's status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Product && dilution"), parent)
        self.setObjectName("productGroup")
        form = QFormLayout(self)

        self.diagnosis = compact(QComboBox())
        self.diagnosis.setAccessibleName(self.tr("Diagnosis (ICD-10)"))
        for code, meaning in DIAGNOSES.items():
            self.diagnosis.addItem(code, code)
            self.diagnosis.setItemData(
                self.diagnosis.count() - 1, meaning, Qt.ItemDataRole.ToolTipRole
            )
        self.diagnosis.activated.connect(self._on_diagnosis)
        form.addRow(self.tr("&Diagnosis:"), self.diagnosis)

        self.product = QLineEdit()
        self.product.textEdited.connect(
            lambda text: self.emit_edit(self.tr("Edit product"), setter("product", text), "product")
        )
        form.addRow(self.tr("Product:"), self.product)
        self.din_ndc = QLineEdit()
        self.din_ndc.setPlaceholderText(self.tr("DIN (Canada) or NDC (US)"))
        self.din_ndc.textEdited.connect(
            lambda text: self.emit_edit(self.tr("Edit DIN/NDC"), setter("din_ndc", text), "din_ndc")
        )
        form.addRow(self.tr("DIN/NDC:"), self.din_ndc)

        self.vials = VialsForm()
        self.vials.edited.connect(self.emit_edit)
        self.vials.statusMessage.connect(self.statusMessage)
        form.addRow(self.vials)  # the whole width: each row says "Vial 1", "Vial 2"…

        self.diluent_ml = DecimalSpinBox()
        self.diluent_ml.setRange(float(DILUENT_ML_RANGE[0]), float(DILUENT_ML_RANGE[1]))
        self.diluent_ml.setSingleStep(0.5)
        self.diluent_ml.setDecimals(2)
        self.diluent_ml.setSuffix(" mL")
        self.diluent_ml.setMaximumWidth(self.diluent_ml.fontMetrics().horizontalAdvance("0") * 18)
        self.diluent_ml.valueChanged.connect(self._on_dilution)
        self._saline_label = QLabel(self.tr("Saline per 200 U vial:"))
        self._saline_label.setWordWrap(True)
        form.addRow(self._saline_label, self.diluent_ml)
        self._concentration = QLabel()
        self._concentration.setObjectName("concentration")
        self._concentration.setWordWrap(True)
        form.addRow("", self._concentration)

        self.needle = compact(QComboBox())
        self.needle.setEditable(True)
        self.needle.addItems(NEEDLES)
        self.bind_choice(self.needle, self.tr("Change needle"), "needle")
        form.addRow(self.tr("Needle:"), self.needle)
        self._chart: Chart | None = None

    def concentration_text(self) -> str:
        return self._concentration.text()

    def saline_text(self) -> str:
        """The saline's label, naming the vial size it is measured for."""
        return self._saline_label.text()

    def set_recent_lots(self, lots: list[tuple[str, date | None]]) -> None:
        self.vials.set_recent_lots(lots)

    def set_product_gtins(self, gtins: tuple[str, ...]) -> None:
        self.vials.set_product_gtins(gtins)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.vials.set_read_only(read_only)

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
        self.vials.show_chart(chart)
        self._saline_label.setText(
            self.tr("Saline per {vial_units} U vial:").format(vial_units=chart.dilution.vial_units)
        )
        if self.diluent_ml.value() != float(chart.dilution.diluent_ml):
            # only when it differs: setting the same value rewrites the text under the cursor
            # of someone typing "2.5" (after "2" it read "2.00", and the "." was refused)
            self.diluent_ml.setValue(float(chart.dilution.diluent_ml))
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
            self.tr(
                "{format_units} U per 0.1 mL · {format_units2} U site = {per_site} mL · "
                "{units_opened} U opened"
            ).format(
                format_units=units_text(dilution.units_per_tenth_ml),
                format_units2=units_text(STANDARD_SITE_UNITS),
                per_site=local_number(f"{per_site:.2f}"),
                units_opened=chart.units_opened,
            )
        )
        restyle(self._concentration, "severity", "")

    def _on_diagnosis(self, *_args: object) -> None:
        code = str(self.diagnosis.currentData())
        self.emit_edit(
            self.tr("Diagnosis {code}").format(code=code), setter("diagnosis_code", code)
        )

    def _on_dilution(self, *_args: object) -> None:
        diluent = Decimal(str(round(self.diluent_ml.value(), 2)))

        def change(chart: Chart) -> None:
            chart.dilution = dataclasses.replace(chart.dilution, diluent_ml=diluent)

        self.emit_edit(self.tr("Change saline"), change, "dilution")
