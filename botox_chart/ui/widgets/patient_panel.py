"""Find a patient: a search box over the patient list, filtered as the user types.

Keyboard: Down or Enter in the search box moves into the list; Up on the first row goes back to
the search box; Escape clears the search. Enter on a patient, or a double-click, asks to chart them
(:attr:`PatientPanel.patientActivated`). A search that hides the chosen patient leaves them chosen
only while their chart is open (typing never closes it); the window's commands then act on no
patient until the search shows them again (:meth:`PatientPanel.shown_current`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.models.patient_list import (
    CHART_NUMBER,
    DATE_OF_BIRTH,
    NAME,
    PATIENT_ID_ROLE,
    PatientListModel,
)

if TYPE_CHECKING:
    from botox_chart.store.patients import PatientSummary

SEARCH_HINT = QT_TRANSLATE_NOOP("PatientPanel", "Find: name, chart # or YYYY-MM-DD")


class PatientPanel(QWidget):
    """Search box, patient table and the patient actions' buttons."""

    patientChanged = Signal(object)
    """The chosen patient's id (int), or None."""
    searchChanged = Signal()
    """The search text changed: the chosen patient may now be hidden (:meth:`shown_current`)."""
    patientActivated = Signal(int)
    """Enter or a double-click on the selected patient: chart them. Only these two, never a single
    click (which some desktops' styles would report as "activated")."""

    def __init__(self, actions: Sequence[QAction] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientPanel")
        self._current: int | None = None

        self.title = QLabel(self.tr("Patients"))
        self.title.setObjectName("panelTitle")
        self.search = QLineEdit()
        self.search.setObjectName("patientSearch")
        self.search.setPlaceholderText(self.tr(SEARCH_HINT))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find patient"))
        self.title.setBuddy(self.search)

        self.model = PatientListModel(self)
        self.view = QTableView()
        self.view.setObjectName("patientList")
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Patients"))
        configure_table(self.view)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not ResizeToContents (which measures rows on every search).
        bold = QFont(header.font())
        bold.setBold(True)
        for column, sample in ((DATE_OF_BIRTH, "0000-00-00"), (CHART_NUMBER, "C0000000")):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                QFontMetrics(bold).horizontalAdvance(title),
                self.view.fontMetrics().horizontalAdvance(sample),
            )
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width + 28)

        self.count = QLabel("")
        self.count.setObjectName("patientCount")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        buttons = QHBoxLayout()
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._search)
        self.search.installEventFilter(self)
        self.view.installEventFilter(self)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.doubleClicked.connect(self._double_clicked)
        self.model.modelReset.connect(self._reselect)

    # -- contents -------------------------------------------------------------------------------

    def set_patients(self, patients: Sequence[PatientSummary]) -> None:
        self.model.set_patients(patients)
        self._fit_count()
        self._update_count()

    def upsert(self, patient: PatientSummary) -> None:
        """Show an added or edited patient, selected (the search is cleared if it hides them)."""
        self.model.upsert(patient)
        self.reveal(patient.id)
        self._fit_count()
        self._update_count()

    def current_id(self) -> int | None:
        return self._current

    def current(self) -> PatientSummary | None:
        return self.model.find(self._current) if self._current is not None else None

    def shown_current(self) -> PatientSummary | None:
        """The chosen patient if the list shows them (None when the search hides them): the only
        patient a command may act on, so it never acts on someone the user cannot see."""
        if self._current is None or self.model.row_of(self._current) is None:
            return None
        return self.model.find(self._current)

    def everyone(self) -> Sequence[PatientSummary]:
        """Every patient, whether or not the search shows them."""
        return self.model.everyone()

    def select(self, patient_id: int | None) -> bool:
        """Choose a patient (emits :attr:`patientChanged`); False if they are not in the list."""
        row = self.model.row_of(patient_id) if patient_id is not None else None
        if row is None:
            if patient_id is None:
                self.view.clearSelection()
                self._set_current(None)
            return False
        index = self.model.index(row, NAME)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._set_current(patient_id)
        return True

    def reveal(self, patient_id: int) -> bool:
        """Choose a patient, clearing a search that hides them; False if they are not in the
        list at all (added elsewhere since it was read: F5 reads it again)."""
        if self.model.find(patient_id) is None:
            return False
        if self.model.row_of(patient_id) is None:
            self.search.clear()
        return self.select(patient_id)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_list(self) -> None:
        if self.model.rowCount() and not self.view.selectionModel().hasSelection():
            self.view.setCurrentIndex(self.model.index(0, NAME))
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- behaviour ------------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()
        self.searchChanged.emit()

    def _fit_count(self) -> None:
        """Size the count for its longest text ("10,000 of 10,000 patients") once, so a keystroke
        changing it never lays the window out again (a fixed-size label asks for no layout)."""
        total = self.model.total()
        widest = self._count_text(total, total)
        self.count.ensurePolished()  # the stylesheet's font, even before the window is shown
        metrics = self.count.fontMetrics()
        margins = self.count.contentsMargins()
        self.count.setFixedSize(
            metrics.horizontalAdvance(widest) + margins.left() + margins.right() + 4,
            max(self.count.sizeHint().height(), metrics.height()),
        )

    def _update_count(self) -> None:
        total, shown = self.model.total(), self.model.rowCount()
        filtered = bool(self.model.filter_text().strip())
        self.count.setText(self._count_text(shown if filtered else None, total))

    def _count_text(self, shown: int | None, total: int) -> str:
        """ "1,234 patients", or "12 of 1,234 patients" while a search filters the list."""
        if shown is None:
            return self.tr("%Ln patient(s)", "", total)
        return self.tr("{shown} of %Ln patient(s)", "", total).format(
            shown=QLocale().toString(shown)
        )

    def _reselect(self) -> None:
        """After the list changed, show the chosen patient selected again if they are listed."""
        row = self.model.row_of(self._current) if self._current is not None else None
        if row is not None:
            blocker = self.view.selectionModel().blockSignals(True)
            self.view.setCurrentIndex(self.model.index(row, NAME))
            self.view.selectionModel().blockSignals(blocker)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._set_current(int(indexes[0].data(PATIENT_ID_ROLE)))

    def _set_current(self, patient_id: int | None) -> None:
        if patient_id != self._current:
            self._current = patient_id
            self.patientChanged.emit(patient_id)

    def _double_clicked(self, index: QModelIndex) -> None:
        # The first click chose the patient; if choosing was refused (a chart that could not be
        # saved keeps its own patient), the double-click asks nothing.
        if index.isValid() and index.data(PATIENT_ID_ROLE) == self._current:
            self._activate()

    def _activate(self) -> None:
        if self._current is not None:
            self.patientActivated.emit(self._current)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.focus_list()
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        elif watched is self.view:
            if key == Qt.Key.Key_Up and self.view.currentIndex().row() <= 0:
                self.focus_search()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                self._activate()
                return True
        return super().eventFilter(watched, event)


def configure_table(view: QTableView) -> None:
    """A fast, plain list: whole rows, one line each, all the same height (no per-row sizing)."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
