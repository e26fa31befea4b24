"""The table of a clinic list (the due list, a lot recall): one row per patient or session, and
Enter or a double-click on a row chooses its patient in the main window."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTableView, QWidget


class PatientRowsView(QTableView):
    """A table whose rows each name a patient (their id under ``id_role``)."""

    patientChosen = Signal(int)
    """Enter or a double-click on a row: choose this patient in the main window."""

    def __init__(self, id_role: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._id_role = id_role
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
