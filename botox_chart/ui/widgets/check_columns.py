"""Check boxes in as many columns as the width allows (up to a maximum), filled top to bottom.

The session panel can be narrow (beside the diagram, in a window shared with the patient list): a
fixed two-column grid of long labels would be clipped there, one column is needlessly tall in a
wide panel. The widget reports its height for a given width, so the scrolling panel around it
makes room for the rows it needs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QWidget

H_GAP = 12
V_GAP = 2


class CheckColumns(QWidget):
    def __init__(
        self, boxes: Sequence[QCheckBox], max_columns: int = 2, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._boxes = list(boxes)
        self._max_columns = max_columns
        for box in self._boxes:
            box.setParent(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._columns = 0

    def columns(self) -> int:
        """How many columns are shown now."""
        return self._columns

    def _cell(self) -> QSize:
        width = max((b.sizeHint().width() for b in self._boxes), default=0)
        height = max((b.sizeHint().height() for b in self._boxes), default=0)
        return QSize(width, height)

    def _columns_for(self, width: int) -> int:
        cell = self._cell().width() + H_GAP
        return max(1, min(self._max_columns, (width + H_GAP) // max(cell, 1)))

    def _height(self, columns: int) -> int:
        rows = math.ceil(len(self._boxes) / columns) if self._boxes else 0
        return rows * self._cell().height() + max(rows - 1, 0) * V_GAP

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height(self._columns_for(width))

    def sizeHint(self) -> QSize:
        columns = self._max_columns
        width = columns * self._cell().width() + (columns - 1) * H_GAP
        return QSize(width, self._height(columns))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._cell().width(), self._height(self._max_columns))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(event.size().width())

    def _place(self, width: int) -> None:
        columns = self._columns_for(width)
        cell = self._cell()
        rows = math.ceil(len(self._boxes) / columns) if self._boxes else 0
        for n, box in enumerate(self._boxes):
            column, row = divmod(n, rows)
            box.setGeometry(
                column * (cell.width() + H_GAP),
                row * (cell.height() + V_GAP),
                cell.width(),
                cell.height(),
            )
        if columns != self._columns:
            self._columns = columns
            self.updateGeometry()
