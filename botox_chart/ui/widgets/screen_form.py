"""Consent and the contraindication screen.

Each contraindication is unanswered until the injector says absent or present (an unanswered screen
is a warning at signing, not a silent "absent"). Most patients consent and have none, so one button
records both, "Consent obtained · no contraindications", as one undo step (it is off once done,
and never turns a contraindication recorded present into absent). "None present" answers the
screen alone, and the consent box and each answer can still be set one by one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from botox_chart.chart import CONTRAINDICATIONS, Chart, ChartError
from botox_chart.i18n import _
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.widgets.chart_form import ChartForm

ALL_CLEAR_TEXT = QT_TRANSLATE_NOOP("ScreenForm", "Consent obtained · no contraindications")


def all_clear_undo() -> str:
    """The undo step of "consent obtained, no contraindications" (the button and Ctrl+Shift+C)."""
    return QCoreApplication.translate("ScreenForm", "Consent obtained, no contraindications")


ALL_CLEAR_TIP = QT_TRANSLATE_NOOP(
    "ScreenForm", "Record consent and answer every contraindication absent, as one undo step"
)
PRESENT_TIP = QT_TRANSLATE_NOOP(
    "ScreenForm", "A contraindication is recorded present: answer the screen one by one"
)


def record_all_clear(chart: Chart) -> None:
    """Consent obtained and every contraindication absent (the edit behind the one button).

    Refused (ChartError) when a contraindication is recorded present: one click must never
    overwrite what the injector found.
    """
    present = [name for name, value in chart.screen.items() if value]
    if present:
        raise ChartError(
            QCoreApplication.translate(
                "ScreenForm",
                "Recorded present: {present}. Change that answer by hand if it is wrong.",
            ).format(present=", ".join(present))
        )
    chart.consent = True
    screen: dict[str, bool | None] = dict.fromkeys(chart.screen, False)
    chart.screen = screen | dict.fromkeys(CONTRAINDICATIONS, False)


def is_all_clear(chart: Chart) -> bool:
    return chart.consent and all(value is False for value in chart.screen.values())


class ScreenForm(ChartForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Consent && screen"), parent)
        self.setObjectName("screenGroup")
        self._read_only = False
        self._all_clear_tip = self.tr(ALL_CLEAR_TIP)
        layout = QVBoxLayout(self)
        self.all_clear = QPushButton(self.tr(ALL_CLEAR_TEXT))
        self.all_clear.setObjectName("consentAllClear")
        self.all_clear.setProperty("role", "primary")
        self.all_clear.setToolTip(self._all_clear_tip)
        self.all_clear.clicked.connect(self._on_all_clear)
        layout.addWidget(self.all_clear)

        self.consent = QCheckBox(self.tr("Consent obtained"))
        self.consent.setObjectName("consent")
        self.consent.clicked.connect(self._on_consent)
        layout.addWidget(self.consent)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(0, 1)
        heading = QLabel(self.tr("Contraindications"))
        heading.setObjectName("tableHeader")
        grid.addWidget(heading, 0, 0)
        self.none_present = QPushButton(self.tr("None present"))
        self.none_present.setObjectName("nonePresent")
        self.none_present.setToolTip(self.tr("Answer every contraindication as absent"))
        self.none_present.clicked.connect(self._on_none_present)
        grid.addWidget(self.none_present, 0, 1, 1, 2)
        self._answers: dict[str, tuple[QButtonGroup, QRadioButton, QRadioButton]] = {}
        for row, name in enumerate(CONTRAINDICATIONS, start=1):
            label = QLabel(_(name))
            label.setWordWrap(True)
            absent = QRadioButton(self.tr("Absent"))
            present = QRadioButton(self.tr("Present"))
            absent.setAccessibleName(self.tr("{name}: absent").format(name=_(name)))
            present.setAccessibleName(self.tr("{name}: present").format(name=_(name)))
            present.setProperty("severity", "warning")
            group = QButtonGroup(self)
            group.addButton(absent)
            group.addButton(present)
            absent.clicked.connect(lambda _c=False, n=name: self._on_answer(n, False))
            present.clicked.connect(lambda _c=False, n=name: self._on_answer(n, True))
            grid.addWidget(label, row, 0)
            grid.addWidget(absent, row, 1)
            grid.addWidget(present, row, 2)
            self._answers[name] = (group, absent, present)
        layout.addLayout(grid)

    def answer_buttons(self, name: str) -> tuple[QRadioButton, QRadioButton]:
        """(absent, present) for one contraindication."""
        _group, absent, present = self._answers[name]
        return absent, present

    def set_all_clear_tip(self, tip: str) -> None:
        """The one-click button's tooltip (the window's, which names the shortcut)."""
        self._all_clear_tip = tip
        if self.all_clear.toolTip() != self.tr(PRESENT_TIP):
            self.all_clear.setToolTip(tip)

    def set_read_only(self, read_only: bool) -> None:
        """A signed session shows the answers; the one-click button is an action, so it goes."""
        self._read_only = read_only
        super().set_read_only(read_only)
        self.all_clear.setVisible(not read_only)

    def show_chart(self, chart: Chart) -> None:
        self.consent.setChecked(chart.consent)
        for name, (group, absent, present) in self._answers.items():
            value = chart.screen.get(name)
            # An exclusive group cannot show "no answer" unless exclusivity is lifted meanwhile.
            group.setExclusive(False)
            absent.setChecked(value is False)
            present.setChecked(value is True)
            group.setExclusive(True)
        found_present = any(chart.screen.values())
        self.all_clear.setEnabled(
            not self._read_only and not found_present and not is_all_clear(chart)
        )
        self.all_clear.setToolTip(self.tr(PRESENT_TIP) if found_present else self._all_clear_tip)

    def _on_all_clear(self) -> None:
        self.emit_edit(all_clear_undo(), record_all_clear)

    def _on_consent(self, checked: bool) -> None:
        self.emit_edit(
            self.tr("Record consent") if checked else self.tr("Clear consent"),
            lambda c: setattr(c, "consent", checked),
        )

    def _on_answer(self, name: str, present: bool) -> None:
        def change(chart: Chart) -> None:
            chart.screen[name] = present

        self.emit_edit(
            (
                self.tr("Screen: {name} present") if present else self.tr("Screen: {name} absent")
            ).format(name=name),
            change,
        )

    def _on_none_present(self) -> None:
        def change(chart: Chart) -> None:
            screen: dict[str, bool | None] = dict.fromkeys(chart.screen, False)
            chart.screen = screen | dict.fromkeys(CONTRAINDICATIONS, False)

        self.emit_edit(self.tr("No contraindications present"), change)
