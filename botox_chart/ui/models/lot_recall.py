"""The lot recall list as a table (Patient › Lot recall…): one row per session of
``recall.Recall``, sortable on any column's values (dates as dates, units as numbers, names in
the user's language's order)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from botox_chart.chart import format_units
from botox_chart.recall import RecallRow
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.models.table import RowsTableModel
from botox_chart.ui.name_order import NameOrder

DATE, PATIENT, CHART_NUMBER, PHONE, EMAIL, STATUS, UNITS, INJECTOR = range(8)
HEADERS = (
    QT_TRANSLATE_NOOP("LotRecallModel", "Date"),
    QT_TRANSLATE_NOOP("LotRecallModel", "Patient"),
    QT_TRANSLATE_NOOP("LotRecallModel", "Chart #"),
    QT_TRANSLATE_NOOP("LotRecallModel", "Phone"),
    QT_TRANSLATE_NOOP("LotRecallModel", "E-mail"),
    QT_TRANSLATE_NOOP("LotRecallModel", "Status"),
    QT_TRANSLATE_NOOP("LotRecallModel", "Units"),
    QT_TRANSLATE_NOOP("LotRecallModel", "Injector"),
)

PATIENT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""The patient's database id (int)."""

_Index = QModelIndex | QPersistentModelIndex


class LotRecallModel(RowsTableModel[RecallRow]):
    """The sessions that used a lot, oldest first until the user sorts a column."""

    titles = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._order = NameOrder()
        self._bold = QFont()
        self._bold.setBold(True)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_at(index)
        if r is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _text(r, column)
        if role == Qt.ItemDataRole.FontRole and (
            column == PATIENT or (column == STATUS and r.draft)
        ):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column == UNITS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PATIENT_ID_ROLE:
            return r.patient_id
        return None

    def sort_key(self, column: int) -> Callable[[RecallRow], Any] | None:
        keys: dict[int, Callable[[RecallRow], Any]] = {
            DATE: lambda r: (r.date, r.session_id),
            PATIENT: lambda r: self._order.key(*r.patient.split(", ", 1)),
            CHART_NUMBER: lambda r: r.chart_number.casefold() or None,
            PHONE: lambda r: r.phone or None,
            EMAIL: lambda r: r.email.casefold() or None,
            STATUS: lambda r: r.status,
            UNITS: lambda r: r.units_from_lot,
            INJECTOR: lambda r: r.injector.casefold() or None,
        }
        return keys.get(column)


def _text(r: RecallRow, column: int) -> str:
    values = {
        DATE: r.date.isoformat(),
        PATIENT: r.patient,
        CHART_NUMBER: r.chart_number,
        PHONE: r.phone,
        EMAIL: r.email,
        STATUS: (
            QCoreApplication.translate("LotRecallModel", "DRAFT")
            if r.draft
            else QCoreApplication.translate("LotRecallModel", "signed")
        ),
        UNITS: f"{format_units(r.units_from_lot)} U",
        INJECTOR: r.injector,
    }
    return values.get(column, "")
