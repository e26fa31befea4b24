"""The custom-site dialog: a site outside the protocol template (e.g. masseter) where one clicked.

Opened when a click on the diagram cannot be a follow-the-pain site; the dialog says why first, so
the explanation and the way forward are one step. The label follows the side and muscle until the
user types their own. The editor shows it through an injectable prompt (:func:`ask_custom_site`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from botox_chart.chart import ChartError, parse_units
from botox_chart.protocol import Side
from botox_chart.ui.dialogs.sizing import fit_hints, on_screen
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.seams import focus_returns
from botox_chart.ui.widgets.chart_form import line_edit

SIDES: tuple[tuple[Side, str], ...] = (
    ("right", QT_TRANSLATE_NOOP("SiteDialog", "Right")),
    ("left", QT_TRANSLATE_NOOP("SiteDialog", "Left")),
    ("midline", QT_TRANSLATE_NOOP("SiteDialog", "Midline")),
)


def site_name(side: Side, muscle: str) -> str:
    """A site's name from its side and muscle, as a label starts: "Right masseter"."""
    if side == "right":
        name = QCoreApplication.translate("SiteDialog", "right {muscle}")
    elif side == "left":
        name = QCoreApplication.translate("SiteDialog", "left {muscle}")
    else:
        name = "{muscle}"
    text = name.format(muscle=muscle.lower()).strip()
    return text[:1].upper() + text[1:]


EXTRA_MUSCLES = (
    QT_TRANSLATE_NOOP("SiteDialog", "Masseter"),
    QT_TRANSLATE_NOOP("SiteDialog", "Splenius capitis"),
    QT_TRANSLATE_NOOP("SiteDialog", "Sternocleidomastoid"),
    QT_TRANSLATE_NOOP("SiteDialog", "Levator scapulae"),
)
"""Muscles clinicians commonly add outside PREEMPT, offered beside the protocol's own."""


@dataclass(frozen=True)
class SiteRequest:
    explanation: str
    """Why this click is not a follow-the-pain site (shown at the top)."""
    side: Side
    muscle: str = ""
    """Suggested muscle name (the clicked region's), or empty."""
    muscles: Sequence[str] = ()
    """Muscle names offered in the list."""
    units: Decimal = Decimal(5)


@dataclass(frozen=True)
class CustomSite:
    label: str
    muscle: str
    side: Side
    units: Decimal


SitePrompt = Callable[[QWidget, SiteRequest], CustomSite | None]
"""Shows the custom-site dialog; None when the user cancels."""


class SiteDialog(QDialog):
    def __init__(self, request: SiteRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("siteDialog")
        self.setWindowTitle(self.tr("Add a custom site"))
        layout = QVBoxLayout(self)
        explanation = QLabel(request.explanation)
        explanation.setObjectName("siteExplanation")
        explanation.setWordWrap(True)
        layout.addWidget(explanation)

        form = QFormLayout()
        self._muscle = QComboBox()
        self._muscle.setEditable(True)
        names = list(dict.fromkeys([*request.muscles, *(self.tr(m) for m in EXTRA_MUSCLES)]))
        self._muscle.addItems(names)
        self._muscle.setEditText(request.muscle)
        line_edit(self._muscle).setPlaceholderText(self.tr("e.g. Masseter"))
        self._side = QComboBox()
        for side, name in SIDES:
            self._side.addItem(self.tr(name), side)
        self._side.setCurrentIndex(max(self._side.findData(request.side), 0))
        self._label = QLineEdit()
        self._label.setPlaceholderText(self.tr("e.g. Right masseter"))
        self._units = QLineEdit(str(request.units))
        self._units.setPlaceholderText(self.tr("e.g. 5"))
        form.addRow(self.tr("&Muscle:"), self._muscle)
        form.addRow(self.tr("&Side:"), self._side)
        form.addRow(self.tr("&Label:"), self._label)
        form.addRow(self.tr("&Units:"), self._units)
        layout.addLayout(form)
        self._problem = QLabel()
        self._problem.setWordWrap(True)
        self._problem.setProperty("severity", "error")
        layout.addWidget(self._problem)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self._add = QPushButton(self.tr("Add site"))
        self._add.setDefault(True)
        self._add.setProperty("role", "primary")
        buttons.addButton(self._add, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self._label_typed = False
        self._label.textEdited.connect(self._on_label_edited)
        self._muscle.editTextChanged.connect(self._update)
        self._side.currentIndexChanged.connect(self._update)
        self._units.textChanged.connect(self._update)
        self._update()
        # An explicit minimum (Qt's offscreen platform warns when a shown window's size hints
        # change), wide enough for every hint and label in the window's language.
        fit_hints(self)
        hint = self.minimumSizeHint()
        self.setMinimumSize(on_screen(max(420, hint.width()), hint.height()))
        (self._muscle if not request.muscle else self._units).setFocus()

    # -- for tests and the editor ------------------------------------------------------------

    def set_values(
        self, *, muscle: str | None = None, side: Side | None = None, units: str | None = None
    ) -> None:
        if muscle is not None:
            self._muscle.setEditText(muscle)
        if side is not None:
            self._side.setCurrentIndex(max(self._side.findData(side), 0))
        if units is not None:
            self._units.setText(units)

    def add_button(self) -> QPushButton:
        return self._add

    def problem(self) -> str:
        return self._problem.text()

    def site(self) -> CustomSite | None:
        """The site as entered, or None while something is missing or wrong."""
        label, muscle = self._label.text().strip(), self._muscle.currentText().strip()
        try:
            units = parse_units(self._units.text())
        except ChartError:
            return None
        if not label or not muscle:
            return None
        return CustomSite(label=label, muscle=muscle, side=self._current_side(), units=units)

    def accept(self) -> None:
        if self.site() is not None:
            super().accept()

    # -- internals -----------------------------------------------------------------------------

    def _current_side(self) -> Side:
        side: Side = self._side.currentData()
        return side

    def _on_label_edited(self, text: str) -> None:
        self._label_typed = bool(text.strip())
        self._update()

    def _update(self) -> None:
        muscle = self._muscle.currentText().strip()
        if not self._label_typed:
            self._label.setText(site_name(self._current_side(), muscle) if muscle else "")
        problem = ""
        try:
            parse_units(self._units.text())
        except ChartError as err:
            problem = str(err)
        if not muscle:
            problem = self.tr("Say which muscle the site is in.")
        elif not self._label.text().strip():
            problem = self.tr("Give the site a label.")
        self._problem.setText(problem)
        self._problem.setVisible(bool(problem))
        self._add.setEnabled(not problem)


def ask_custom_site(parent: QWidget, request: SiteRequest) -> CustomSite | None:
    """The default :data:`SitePrompt`: the modal dialog."""
    dialog = SiteDialog(request, parent)
    try:
        with focus_returns(parent):
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.site() if accepted else None
    finally:
        dialog.deleteLater()
