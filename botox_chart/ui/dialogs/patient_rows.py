"""The table of a clinic list (the due list, a lot recall): one row per patient or session, and
Enter or a double-click on a row chooses its patient in the main window; and the buttons that hand
the list shown to the print service."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QPushButton, QTableView, QWidget

from botox_chart.ui.widgets.patient_panel import configure_table


class PatientRowsView(QTableView):
    """A table whose rows each name a patient (their id under ``id_role``), sorted on the model's
    values (first by ``sorted_by``), every column as wide as its contents (a name is never cut)
    and ``stretch`` (else the last) taking the rest."""

    patientChosen = Signal(int)
    """Enter or a double-click on a row: choose this patient in the main window."""

    def __init__(
        self,
        model: QAbstractItemModel,
        id_role: int,
        *,
        name: str,
        accessible_name: str,
        sorted_by: int,
        stretch: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._id_role = id_role
        self.setObjectName(name)
        self.setAccessibleName(accessible_name)
        self.setModel(model)
        configure_table(self)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if stretch is None:
            header.setStretchLastSection(True)
        else:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(sorted_by, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.doubleClicked.connect(self._double_clicked)

    def chosen_id(self) -> int | None:
        """The patient of the current row, if any."""
        index = self.currentIndex()
        return int(index.data(self._id_role)) if index.isValid() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._choose()
            event.accept()  # not the dialog's default button
            return
        super().keyPressEvent(event)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self._choose()

    def _choose(self) -> None:
        patient_id = self.chosen_id()
        if patient_id is not None:
            self.patientChosen.emit(patient_id)


def hand_over_buttons(
    specs: Sequence[tuple[str, str, Callable[[Any], object]]],
    hand_over: Callable[[Callable[[Any], object]], None],
) -> list[QPushButton]:
    """One button per (text, tool tip, print-service action); a click hands the list shown to
    the action. Never a default button: Enter in the list chooses a patient, never prints."""
    buttons = []
    for text, tip, act in specs:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False, act=act: hand_over(act))
        buttons.append(button)
    return buttons
