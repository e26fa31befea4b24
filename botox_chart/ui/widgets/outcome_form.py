"""Outcome: headache-day figures, adverse events, tolerance, aftercare and notes.

Headache days are recorded at every visit (continuation rules need them,
docs/clinical-reference.md §8) but may be left blank; the spin boxes show "—" for not recorded.
Adverse events that may mean distant spread of the toxin are marked so they stand out
(docs/clinical-reference.md §9).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from botox_chart.chart import ADVERSE_EVENTS, DAYS_COUNTED, URGENT_ADVERSE_EVENTS, Chart
from botox_chart.ui.widgets.chart_form import ChartForm, compact, line_edit, set_text, setter
from botox_chart.ui.widgets.check_columns import CheckColumns

NOT_RECORDED = -1
TOLERANCE_CHOICES = ("Well tolerated", "Tolerated with mild discomfort", "Poorly tolerated")
AFTERCARE_CHOICES = (
    "Standard aftercare advice given; next session in 12 weeks",
    "Aftercare leaflet given",
)


class OutcomeForm(ChartForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Outcome", parent)
        self.setObjectName("outcomeGroup")
        form = QFormLayout(self)
        self.headache_days = _days_box("Headache days, last 30 days")
        self.migraine_days = _days_box("Migraine days, last 30 days")
        self.headache_days.valueChanged.connect(
            lambda v: self.emit_edit("Headache days", setter("headache_days", _days(v)), "hd")
        )
        self.migraine_days.valueChanged.connect(
            lambda v: self.emit_edit("Migraine days", setter("migraine_days", _days(v)), "md")
        )
        form.addRow("Headache days:", self.headache_days)
        form.addRow("Migraine days:", self.migraine_days)

        self._events: dict[str, QCheckBox] = {}
        for name in ADVERSE_EVENTS:
            box = QCheckBox(f"{name} ⚠" if name in URGENT_ADVERSE_EVENTS else name)
            box.setAccessibleName(name)
            if name in URGENT_ADVERSE_EVENTS:
                box.setProperty("severity", "warning")
                box.setToolTip("Possible distant spread of toxin: flagged for urgent review")
            box.clicked.connect(lambda checked, n=name: self._on_event(n, checked))
            self._events[name] = box
        self.events = CheckColumns(list(self._events.values()))
        heading = QLabel("Adverse events")
        heading.setObjectName("sectionHeading")
        form.addRow(heading)
        form.addRow(self.events)
        self.other_event = QLineEdit()
        self.other_event.setPlaceholderText("Other adverse event")
        self.other_event.textEdited.connect(
            lambda text: self.emit_edit(
                "Other adverse event", setter("adverse_event_other", text), "ae_other"
            )
        )
        form.addRow("Other:", self.other_event)

        self.tolerance = _choice_box(TOLERANCE_CHOICES, "e.g. Well tolerated")
        self.bind_choice(self.tolerance, "Tolerance", "tolerance")
        form.addRow("Tolerance:", self.tolerance)
        self.aftercare = _choice_box(AFTERCARE_CHOICES, "Aftercare advice given")
        self.bind_choice(self.aftercare, "Aftercare", "aftercare")
        form.addRow("Aftercare:", self.aftercare)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)
        self.notes.textChanged.connect(self._on_notes)
        form.addRow("Notes:", self.notes)

    def event_box(self, name: str) -> QCheckBox:
        return self._events[name]

    def show_chart(self, chart: Chart) -> None:
        self.headache_days.setValue(
            NOT_RECORDED if chart.headache_days is None else chart.headache_days
        )
        self.migraine_days.setValue(
            NOT_RECORDED if chart.migraine_days is None else chart.migraine_days
        )
        for name, box in self._events.items():
            box.setChecked(name in chart.adverse_events)
        set_text(self.other_event, chart.adverse_event_other)
        if self.tolerance.currentText() != chart.tolerance:
            self.tolerance.setEditText(chart.tolerance)
        if self.aftercare.currentText() != chart.aftercare:
            self.aftercare.setEditText(chart.aftercare)
        if self.notes.toPlainText() != chart.notes:
            self.notes.setPlainText(chart.notes)
            self.notes.moveCursor(self.notes.textCursor().MoveOperation.End)

    def _on_event(self, name: str, checked: bool) -> None:
        def change(chart: Chart) -> None:
            events = [e for e in chart.adverse_events if e != name]
            if checked:
                events.append(name)
            # Keep the pick-list order, so the note reads the same whatever the click order.
            order = {e: n for n, e in enumerate(ADVERSE_EVENTS)}
            chart.adverse_events = sorted(events, key=lambda e: order.get(e, len(order)))

        self.emit_edit(f"{'Add' if checked else 'Remove'} adverse event {name}", change)

    def _on_notes(self) -> None:
        self.emit_edit("Notes", setter("notes", self.notes.toPlainText()), "notes")


def _days_box(name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(NOT_RECORDED, DAYS_COUNTED)
    box.setSpecialValueText("—")
    box.setSuffix(f" of {DAYS_COUNTED}")
    box.setAccessibleName(name)
    box.setToolTip(f"{name}; — = not recorded")
    box.setMaximumWidth(box.fontMetrics().horizontalAdvance("0") * 14)
    return box


def _days(value: int) -> int | None:
    return None if value == NOT_RECORDED else value


def _choice_box(choices: tuple[str, ...], placeholder: str) -> QComboBox:
    box = compact(QComboBox())
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItems(choices)
    box.setCurrentIndex(-1)
    line_edit(box).setPlaceholderText(placeholder)
    return box
