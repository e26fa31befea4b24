"""What every flat table model here shares: its column titles, and for lists of plain rows
(the due list, the lot recall), sorting on the rows' values."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class TitledTableModel(QAbstractTableModel):
    """A flat table whose columns are ``titles`` (set by each model beside its column constants)."""

    titles: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.titles)
        ):
            return self.tr(self.titles[section])
        return None


Row = TypeVar("Row")


class RowsTableModel(TitledTableModel, Generic[Row]):
    """A flat table of plain rows (frozen dataclasses), sorted on values, not on text: dates as
    dates, numbers as numbers. A row without a value in the sorted column stays below the others
    whichever way it is sorted; the selection follows its rows. Each model gives
    :meth:`sort_key` per column, and ``data()``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> Sequence[Row]:
        """The rows in the order shown."""
        return self._rows

    def row_at(self, index: Index) -> Row | None:
        valid = index.isValid() and 0 <= index.row() < len(self._rows)
        return self._rows[index.row()] if valid else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def sort_key(self, column: int) -> Callable[[Row], Any] | None:
        """The value a column sorts on (None in a row: no value); None: the column does not sort."""
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.sort_key(column)
        if key is None:
            return
        with_value = [r for r in self._rows if key(r) is not None]
        without = [r for r in self._rows if key(r) is None]
        self.layoutAboutToBeChanged.emit()
        with_value.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        before = self._rows
        self._rows = with_value + without
        # The selection and the current row follow their rows to their new places.
        where = {id(r): n for n, r in enumerate(self._rows)}
        old = self.persistentIndexList()
        new = [self.index(where[id(before[i.row()])], i.column()) for i in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
