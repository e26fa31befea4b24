"""Outcome: the visit's figures with their counting window, adverse events, tolerance, aftercare
and notes.

Headache, migraine and acute-medication days are recorded at every visit over a counting window
that ends on the visit (the last 30 days by default; a diary since the last visit may cover 84),
with how many days of it had diary data, and the MIDAS and HIT-6 totals the patient's forms give
(docs/clinical-reference.md §8). Each may be left blank: the spin boxes show "—" for not recorded.
Adverse events that may mean distant spread of the toxin are marked so they stand out
(docs/clinical-reference.md §9).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
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

from botox_chart.chart import (
    ADVERSE_EVENTS,
    HIT6_RANGE,
    MAX_OUTCOME_WINDOW_DAYS,
    MIDAS_RANGE,
    OUTCOME_WINDOW_DAYS,
    URGENT_ADVERSE_EVENTS,
    Chart,
)
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.widgets.chart_form import ChartForm, compact, line_edit, set_text, setter
from botox_chart.ui.widgets.check_columns import CheckColumns

TOLERANCE_CHOICES = (
    QT_TRANSLATE_NOOP("OutcomeForm", "Well tolerated"),
    QT_TRANSLATE_NOOP("OutcomeForm", "Tolerated with mild discomfort"),
    QT_TRANSLATE_NOOP("OutcomeForm", "Poorly tolerated"),
)
AFTERCARE_CHOICES = (
    QT_TRANSLATE_NOOP("OutcomeForm", "Standard aftercare advice given; next session in 12 weeks"),
    QT_TRANSLATE_NOOP("OutcomeForm", "Aftercare leaflet given"),
)


class OutcomeForm(ChartForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Outcome"), parent)
        self.setObjectName("outcomeGroup")
        self._chart: Chart | None = None
        form = QFormLayout(self)
        self.window_days = QSpinBox()  # always a length: no "not recorded" value
        self.window_days.setRange(1, MAX_OUTCOME_WINDOW_DAYS)
        self.window_days.setAccessibleName(self.tr("Counting window"))
        self.window_days.setSuffix(self.tr(" days"))
        self.window_days.setToolTip(
            self.tr(
                "The days the figures below count: the last 30 days asked at the visit, or the "
                "days of a diary. Compared per 28 days."
            )
        )
        self.window_days.valueChanged.connect(self._on_window)
        form.addRow(self.tr("Counting:"), self.window_days)
        self.window_end = QLineEdit()
        self.window_end.setObjectName("windowEnd")
        self.window_end.setAccessibleName(self.tr("Counting window ends"))
        self.window_end.setPlaceholderText(self.tr("the visit, or YYYY-MM-DD"))
        self.window_end.setToolTip(
            self.tr(
                "The last day the figures count: the visit, or a diary's last day (YYYY-MM-DD)."
            )
        )
        self.window_end.editingFinished.connect(self._on_window_end)
        form.addRow(self.tr("Ending on:"), self.window_end)
        self._window_problem = QLabel()
        self._window_problem.setObjectName("windowProblem")
        self._window_problem.setWordWrap(True)
        self._window_problem.setProperty("severity", "error")
        self._window_problem.hide()
        form.addRow("", self._window_problem)
        self.headache_days = _number_box(self.tr("Headache days"))
        self.migraine_days = _number_box(self.tr("Migraine days"))
        self.acute_days = _number_box(self.tr("Acute-medication days"))
        self.diary_days = _number_box(self.tr("Days with diary data"))
        for box, label, field, key in (
            (self.headache_days, self.tr("Headache days"), "headache_days", "hd"),
            (self.migraine_days, self.tr("Migraine days"), "migraine_days", "md"),
            (self.acute_days, self.tr("Acute-medication days"), "acute_medication_days", "amd"),
            (self.diary_days, self.tr("Diary days"), "diary_days", "dd"),
        ):
            box.valueChanged.connect(
                lambda v, box=box, label=label, field=field, key=key: self.emit_edit(
                    label, setter(field, _value(box, v)), key
                )
            )
        form.addRow(self.tr("Headache days:"), self.headache_days)
        form.addRow(self.tr("Migraine days:"), self.migraine_days)
        form.addRow(self.tr("Acute-medication days:"), self.acute_days)
        form.addRow(self.tr("Days with diary data:"), self.diary_days)
        self.midas = _number_box(self.tr("MIDAS total"), *MIDAS_RANGE)
        self.hit6 = _number_box(self.tr("HIT-6 total"), *HIT6_RANGE)
        for box, label, field, key in (
            (self.midas, self.tr("MIDAS total"), "midas_total", "midas"),
            (self.hit6, self.tr("HIT-6 total"), "hit6_total", "hit6"),
        ):
            box.setToolTip(
                self.tr("{label}, as the patient's form gives it; — = not recorded").format(
                    label=label
                )
            )
            box.valueChanged.connect(
                lambda v, box=box, label=label, field=field, key=key: self.emit_edit(
                    label, setter(field, _value(box, v)), key
                )
            )
        form.addRow(self.tr("MIDAS total:"), self.midas)
        form.addRow(self.tr("HIT-6 total:"), self.hit6)

        self._events: dict[str, QCheckBox] = {}
        for name in ADVERSE_EVENTS:
            event = QCheckBox(f"{name} ⚠" if name in URGENT_ADVERSE_EVENTS else name)
            event.setAccessibleName(name)
            if name in URGENT_ADVERSE_EVENTS:
                event.setProperty("severity", "warning")
                event.setToolTip(
                    self.tr("Possible distant spread of toxin: flagged for urgent review")
                )
            event.clicked.connect(lambda checked, n=name: self._on_event(n, checked))
            self._events[name] = event
        self.events = CheckColumns(list(self._events.values()))
        heading = QLabel(self.tr("Adverse events"))
        heading.setObjectName("sectionHeading")
        form.addRow(heading)
        form.addRow(self.events)
        self.other_event = QLineEdit()
        self.other_event.setPlaceholderText(self.tr("Other adverse event"))
        self.other_event.textEdited.connect(
            lambda text: self.emit_edit(
                self.tr("Other adverse event"), setter("adverse_event_other", text), "ae_other"
            )
        )
        form.addRow(self.tr("Other:"), self.other_event)

        self.tolerance = _choice_box(
            [self.tr(c) for c in TOLERANCE_CHOICES], self.tr("e.g. Well tolerated")
        )
        self.bind_choice(self.tolerance, self.tr("Tolerance"), "tolerance")
        form.addRow(self.tr("Tolerance:"), self.tolerance)
        self.aftercare = _choice_box(
            [self.tr(c) for c in AFTERCARE_CHOICES], self.tr("Aftercare advice given")
        )
        self.bind_choice(self.aftercare, self.tr("Aftercare"), "aftercare")
        form.addRow(self.tr("Aftercare:"), self.aftercare)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)
        self.notes.textChanged.connect(self._on_notes)
        form.addRow(self.tr("Notes:"), self.notes)

    def event_box(self, name: str) -> QCheckBox:
        return self._events[name]

    def show_chart(self, chart: Chart) -> None:
        self._chart = chart
        window = chart.outcome_window_days or OUTCOME_WINDOW_DAYS
        figures = (
            chart.headache_days,
            chart.migraine_days,
            chart.acute_medication_days,
            chart.diary_days,
        )
        # The window never shrinks below a figure it counts (that would change the figure).
        self.window_days.setMinimum(max([1, *(f for f in figures if f is not None)]))
        self.window_days.setValue(window)
        if not self.window_end.hasFocus() or not self.window_problem():
            set_text(
                self.window_end,
                chart.outcome_window_end.isoformat() if chart.outcome_window_end else "",
            )
        for days, value in (
            (self.headache_days, chart.headache_days),
            (self.migraine_days, chart.migraine_days),
            (self.acute_days, chart.acute_medication_days),
            (self.diary_days, chart.diary_days),
        ):
            days.setMaximum(window)
            days.setSuffix(self.tr(" of {window}").format(window=window))
            _show(days, value)
        _show(self.midas, chart.midas_total)
        _show(self.hit6, chart.hit6_total)
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

    def window_problem(self) -> str:
        return self._window_problem.text() if self._window_problem.isVisibleTo(self) else ""

    def _on_window_end(self) -> None:
        """A diary's own last day (blank: the window ends on the visit). A date that cannot be
        read is said here and changes nothing."""
        typed = self.window_end.text().strip()
        try:
            end = date.fromisoformat(typed) if typed else None
        except ValueError:
            self._window_problem.setText(
                self.tr("Type the last day as YYYY-MM-DD (not {value!r}).").format(value=typed[:20])
            )
            self._window_problem.show()
            return
        chart = self._chart
        if end is not None and chart is not None and end > chart.date_of_service:
            self._window_problem.setText(
                self.tr("The window cannot end after the visit ({isoformat}).").format(
                    isoformat=chart.date_of_service.isoformat()
                )
            )
            self._window_problem.show()
            return
        self._window_problem.hide()
        self._window_problem.setText("")
        self.emit_edit(
            self.tr("Counting window's last day"), setter("outcome_window_end", end), "wend"
        )

    def _on_window(self, days: int) -> None:
        """Another counting window: the figures it bounds are checked against it by the chart
        (a figure larger than the window is refused with a message, never cut)."""
        self.emit_edit(self.tr("Counting window"), setter("outcome_window_days", days), "window")

    def _on_event(self, name: str, checked: bool) -> None:
        def change(chart: Chart) -> None:
            events = [e for e in chart.adverse_events if e != name]
            if checked:
                events.append(name)
            # Keep the pick-list order, so the note reads the same whatever the click order.
            order = {e: n for n, e in enumerate(ADVERSE_EVENTS)}
            chart.adverse_events = sorted(events, key=lambda e: order.get(e, len(order)))

        self.emit_edit(
            (
                self.tr("Add adverse event {name}")
                if checked
                else self.tr("Remove adverse event {name}")
            ).format(name=name),
            change,
        )

    def _on_notes(self) -> None:
        self.emit_edit(self.tr("Notes"), setter("notes", self.notes.toPlainText()), "notes")


def _number_box(name: str, low: int = 0, high: int = OUTCOME_WINDOW_DAYS) -> QSpinBox:
    """A figure from ``low`` to ``high``, or "—" (not recorded) one step below ``low``."""
    box = QSpinBox()
    box.setRange(low - 1, high)
    box.setSpecialValueText("—")  # the minimum, one below ``low``
    box.setAccessibleName(name)
    box.setToolTip(
        QCoreApplication.translate("OutcomeForm", "{name}; — = not recorded").format(name=name)
    )
    box.setMaximumWidth(box.fontMetrics().horizontalAdvance("0") * 20)
    return box


def _value(box: QSpinBox, value: int) -> int | None:
    return None if value == box.minimum() else value


def _show(box: QSpinBox, value: int | None) -> None:
    box.setValue(box.minimum() if value is None else value)


def _choice_box(choices: list[str], placeholder: str) -> QComboBox:
    box = compact(QComboBox())
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItems(choices)
    box.setCurrentIndex(-1)
    line_edit(box).setPlaceholderText(placeholder)
    return box
