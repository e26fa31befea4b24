"""Consent and the contraindication screen.

Each contraindication is unanswered until the injector says absent or present (an unanswered screen
is a warning at signing, not a silent "absent"). Most patients have none, so "None present" answers
the whole screen in one click.
"""

from __future__ import annotations

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

from botox_chart.chart import CONTRAINDICATIONS, Chart
from botox_chart.ui.widgets.chart_form import ChartForm


class ScreenForm(ChartForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Consent && screen", parent)
        self.setObjectName("screenGroup")
        layout = QVBoxLayout(self)
        self.consent = QCheckBox("Consent obtained")
        self.consent.setObjectName("consent")
        self.consent.clicked.connect(self._on_consent)
        layout.addWidget(self.consent)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(0, 1)
        heading = QLabel("Contraindications")
        heading.setObjectName("tableHeader")
        grid.addWidget(heading, 0, 0)
        self.none_present = QPushButton("None present")
        self.none_present.setObjectName("nonePresent")
        self.none_present.setToolTip("Answer every contraindication as absent")
        self.none_present.clicked.connect(self._on_none_present)
        grid.addWidget(self.none_present, 0, 1, 1, 2)
        self._answers: dict[str, tuple[QButtonGroup, QRadioButton, QRadioButton]] = {}
        for row, name in enumerate(CONTRAINDICATIONS, start=1):
            label = QLabel(name)
            label.setWordWrap(True)
            absent = QRadioButton("Absent")
            present = QRadioButton("Present")
            absent.setAccessibleName(f"{name}: absent")
            present.setAccessibleName(f"{name}: present")
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

    def show_chart(self, chart: Chart) -> None:
        self.consent.setChecked(chart.consent)
        for name, (group, absent, present) in self._answers.items():
            value = chart.screen.get(name)
            # An exclusive group cannot show "no answer" unless exclusivity is lifted meanwhile.
            group.setExclusive(False)
            absent.setChecked(value is False)
            present.setChecked(value is True)
            group.setExclusive(True)

    def _on_consent(self, checked: bool) -> None:
        self.emit_edit(
            "Record consent" if checked else "Clear consent",
            lambda c: setattr(c, "consent", checked),
        )

    def _on_answer(self, name: str, present: bool) -> None:
        def change(chart: Chart) -> None:
            chart.screen[name] = present

        self.emit_edit(f"Screen: {name} {'present' if present else 'absent'}", change)

    def _on_none_present(self) -> None:
        def change(chart: Chart) -> None:
            screen: dict[str, bool | None] = dict.fromkeys(chart.screen, False)
            chart.screen = screen | dict.fromkeys(CONTRAINDICATIONS, False)

        self.emit_edit("No contraindications present", change)
