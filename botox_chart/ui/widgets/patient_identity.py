"""Whose chart this is: the charted patient's name, date of birth and chart number, above the
diagram for as long as their session is open, whatever the patient list shows (a search may hide
them there). When another patient's name reads like theirs (``store.patients.look_alikes``) the bar
turns amber and names the other patient, so the injector checks the wristband before charting.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from botox_chart.ui.style import set_style_property

if TYPE_CHECKING:
    from botox_chart.store.patients import PatientSummary

LOOK_ALIKES_NAMED = 2
"""How many look-alike patients the bar names; the tooltip lists them all."""


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class PatientIdentity(QWidget):
    """One line: "Gagnon, Élise · born 1968-04-12 (58 y) · chart # C0001234", and a look-alike
    mark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientIdentity")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(self.tr("Charted patient"))
        self.who = QLabel()
        self.who.setObjectName("identityName")
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.similar = QLabel()
        self.similar.setObjectName("identityLookAlike")
        self.similar.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.who, 1)
        layout.addWidget(self.similar)
        self._patient_id: int | None = None
        self.hide()

    def patient_id(self) -> int | None:
        return self._patient_id

    def show_patient(
        self,
        patient: PatientSummary,
        look_alikes: Sequence[PatientSummary] = (),
        *,
        today: date | None = None,
    ) -> None:
        today = today or date.today()
        self._patient_id = patient.id
        born = patient.date_of_birth
        self.who.setText(
            self.tr("<b>{escape}</b> · born {isoformat} ({age_on} y) · chart # {escape2}").format(
                escape=html.escape(patient.display_name),
                isoformat=born.isoformat(),
                age_on=age_on(born, today),
                escape2=html.escape(patient.chart_number),
            )
        )
        plain = self.tr("{name}, born {isoformat}, chart {chart_number}").format(
            name=patient.display_name, isoformat=born.isoformat(), chart_number=patient.chart_number
        )
        self.who.setAccessibleName(plain)
        set_style_property(self, "lookAlike", bool(look_alikes))
        if look_alikes:
            named = "; ".join(
                f"{p.display_name} ({p.chart_number})" for p in look_alikes[:LOOK_ALIKES_NAMED]
            )
            more = len(look_alikes) - LOOK_ALIKES_NAMED
            named += self.tr(" and %n more", "", more) if more > 0 else ""
            self.similar.setText(self.tr("⚠ Similar name: {named}").format(named=named))
            self.similar.setToolTip(
                self.tr(
                    "Another patient's name reads like this one. Check the date of birth and chart "
                    "number with the patient before charting.\n"
                )
                + "\n".join(
                    self.tr("{name}, born {born}, chart {chart_number}").format(
                        name=p.display_name,
                        born=p.date_of_birth.isoformat(),
                        chart_number=p.chart_number,
                    )
                    for p in look_alikes
                )
            )
            self.similar.show()
        else:
            self.similar.clear()
            self.similar.setToolTip("")
            self.similar.hide()
        self.show()

    def clear(self) -> None:
        self._patient_id = None
        self.who.clear()
        self.similar.clear()
        self.similar.hide()
        self.hide()
