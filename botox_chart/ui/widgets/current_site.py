"""The site selected on the diagram, with its dose typed or stepped.

Doses step by 1 U from the diagram or the −/+ buttons; anything else (2.5 U) is typed here. A dose
that cannot be read shows why beside the field and changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from botox_chart.chart import Chart, ChartError, SiteState, format_units
from botox_chart.i18n import _
from botox_chart.ui.widgets.chart_form import restyle


class CurrentSite(QGroupBox):
    unitsTyped = Signal(str, str)
    """(marker key, the text typed) when the user presses Enter or leaves the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Selected site"), parent)
        self.setObjectName("currentSiteGroup")
        layout = QVBoxLayout(self)
        self._site = QLabel(self.tr("Nothing selected: click a site or press →"))
        self._site.setObjectName("currentSite")
        self._site.setWordWrap(True)
        layout.addWidget(self._site)
        row = QHBoxLayout()
        units_label = QLabel(self.tr("&Units:"))
        self.units = QLineEdit()
        self.units.setObjectName("currentUnits")
        self.units.setPlaceholderText(self.tr("e.g. 5"))
        # Room for the hint (longer in some languages) and a dose such as 12.5.
        self.units.ensurePolished()
        metrics = self.units.fontMetrics()
        hint = max(
            metrics.horizontalAdvance(self.units.placeholderText()),
            metrics.horizontalAdvance("000.0"),
        )
        self.units.setFixedWidth(hint + 24)
        units_label.setBuddy(self.units)
        self.units.editingFinished.connect(self._on_units)
        self._buttons = QHBoxLayout()
        row.addWidget(units_label)
        row.addWidget(self.units)
        row.addLayout(self._buttons)
        row.addStretch(1)
        layout.addLayout(row)
        self._problem = QLabel()
        self._problem.setObjectName("unitsProblem")
        self._problem.setWordWrap(True)
        self._problem.setProperty("severity", "error")
        self._problem.hide()
        layout.addWidget(self._problem)
        self._key: str | None = None
        self._shown_units = ""

    def add_action_buttons(self, *actions: QAction) -> None:
        """−/+, omit, remove: buttons for the editor's actions (their tooltips show the keys)."""
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            self._buttons.addWidget(button)

    def key(self) -> str | None:
        return self._key

    def site_text(self) -> str:
        return self._site.text()

    def problem(self) -> str:
        return self._problem.text() if not self._problem.isHidden() else ""

    def show_problem(self, text: str) -> None:
        self._problem.setText(text)
        self._problem.setVisible(bool(text))

    def show_current(self, chart: Chart | None, key: str | None, read_only: bool) -> None:
        changed = key != self._key
        self._key = key
        if changed:
            self.show_problem("")
        if chart is None or not key:
            self._site.setText(self.tr("Nothing selected: click a site or press →"))
            self._set_units("", force=True)
            self.units.setEnabled(False)
            restyle(self._site, "state", "")
            return
        units = ""
        number = chart.site_numbers().get(key)
        if chart.protocol.has_site(key):
            site = chart.protocol.site(key)
            state = chart.state_of(key)
            injection = chart.injection_at(key)
            if state is SiteState.OMITTED:
                words = self.tr("omitted ({value})").format(value=chart.omissions[key])
            elif injection is not None:
                units = format_units(injection.units)
                words = self.tr("injected, {units} U").format(units=units)
            else:
                words = self.tr("not charted yet (standard {format_units} U)").format(
                    format_units=format_units(site.units)
                )
            self._site.setText(
                self.tr("Site {number}: {label} ({key}): {words}").format(
                    number=number, label=_(site.label), key=key, words=words
                )
            )
            restyle(self._site, "state", state.value)
            self.units.setEnabled(not read_only and state is not SiteState.OMITTED)
        else:
            try:
                injection = chart.injection(key)
            except ChartError:
                self.show_current(chart, None, read_only)
                return
            units = format_units(injection.units)
            self._site.setText(
                self.tr("Site {number}: {label}: {units} U").format(
                    number=number, label=_(injection.label), units=units
                )
            )
            restyle(self._site, "state", SiteState.INJECTED.value)
            self.units.setEnabled(not read_only)
        self._set_units(units, force=changed)

    def _set_units(self, units: str, *, force: bool) -> None:
        # Keep what is being typed unless the dose really changed underneath it.
        if force or not self.units.hasFocus() or units != self._shown_units:
            self.units.setText(units)
        self._shown_units = units

    def _on_units(self) -> None:
        text = self.units.text().strip()
        if self._key is None or text == self._shown_units:
            return
        self.unitsTyped.emit(self._key, text)
