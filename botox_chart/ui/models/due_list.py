"""The due list as a table (Patient › Due list…): one row per patient of ``due.DueList``, sortable
by any column.

Sorting is the model's own, on the values rather than the text: dates as dates, days overdue as
numbers, names in the user's language's order (ui.name_order). A patient never treated has no
dates and stays below the others whichever way a date column is sorted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from botox_chart.due import DueList, DueRow, overdue_text
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.models.table import Index, RowsTableModel
from botox_chart.ui.name_order import NameOrder

PATIENT, CHART_NUMBER, LAST_DATE, NEXT_DUE, OVERDUE, INJECTOR, PHONE, MARKS = range(8)
HEADERS = (
    QT_TRANSLATE_NOOP("DueListModel", "Patient"),
    QT_TRANSLATE_NOOP("DueListModel", "Chart #"),
    QT_TRANSLATE_NOOP("DueListModel", "Last treated"),
    QT_TRANSLATE_NOOP("DueListModel", "Next due"),
    QT_TRANSLATE_NOOP("DueListModel", "Overdue"),
    QT_TRANSLATE_NOOP("DueListModel", "Injector"),
    QT_TRANSLATE_NOOP("DueListModel", "Phone"),
    QT_TRANSLATE_NOOP("DueListModel", "Marks"),
)

PATIENT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""The patient's database id (int)."""
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""The whole :class:`~botox_chart.due.DueRow`."""


class DueListModel(RowsTableModel[DueRow]):
    """The rows of a due list, in the list's order until the user sorts a column."""

    titles = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._order = NameOrder()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_list(self, found: DueList) -> None:
        self.set_rows(found.rows)

    def row_of(self, patient_id: int) -> int | None:
        return next((n for n, r in enumerate(self.rows()) if r.patient_id == patient_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_at(index)
        if r is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _text(r, index.column())
        if role == Qt.ItemDataRole.FontRole and index.column() in (PATIENT, OVERDUE, PHONE):
            late = r.days_overdue is not None and r.days_overdue > 0
            return self._bold if index.column() != OVERDUE or late else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == OVERDUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PATIENT_ID_ROLE:
            return r.patient_id
        if role == ROW_ROLE:
            return r
        return None

    def sort_key(self, column: int) -> Callable[[DueRow], Any] | None:
        """Sorted on the column's values; rows without one (never treated) stay last."""
        keys: dict[int, Callable[[DueRow], Any]] = {
            PATIENT: lambda r: self._order.key(*r.patient.split(", ", 1)),
            CHART_NUMBER: lambda r: r.chart_number.casefold(),
            LAST_DATE: lambda r: r.last_date,
            NEXT_DUE: lambda r: r.next_due,
            OVERDUE: lambda r: r.days_overdue,
            INJECTOR: lambda r: r.injector.casefold() or None,
            PHONE: lambda r: r.phone or None,
            MARKS: lambda r: ", ".join(r.marks) or None,
        }
        return keys.get(column)


def _text(r: DueRow, column: int) -> str:
    if column == PATIENT:
        return r.patient
    if column == CHART_NUMBER:
        return r.chart_number
    if column == LAST_DATE:
        return r.last_date.isoformat() if r.last_date else "—"
    if column == NEXT_DUE:
        return r.next_due.isoformat() if r.next_due else "—"
    if column == OVERDUE:
        return overdue_text(r.days_overdue)
    if column == INJECTOR:
        return r.injector
    if column == PHONE:
        return r.phone
    if column == MARKS:
        return ", ".join(r.marks)
    return ""
