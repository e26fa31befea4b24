"""The addenda of a signed session, oldest first: each with its author and time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget


class AddendaList(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Addenda"), parent)
        self.setObjectName("addendaGroup")
        self._layout = QVBoxLayout(self)
        self._empty = QLabel(self.tr("No addenda."))
        self._empty.setObjectName("placeholder")
        self._layout.addWidget(self._empty)
        self._rows: list[QLabel] = []

    def texts(self) -> list[str]:
        return [row.text() for row in self._rows]

    def set_addenda(self, addenda: Sequence[tuple[datetime, str, str]]) -> None:
        """(created at, author, text) of each addendum."""
        for row in self._rows:
            self._layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._rows = []
        for when, author, text in addenda:
            row = QLabel(f"{_local(when)} · {author}\n{text}")
            row.setObjectName("addendum")
            row.setWordWrap(True)
            row.setTextFormat(Qt.TextFormat.PlainText)
            row.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._layout.addWidget(row)
            self._rows.append(row)
        self._empty.setVisible(not self._rows)


def _local(when: datetime) -> str:
    """Stored in UTC (SQLite may return it naive); shown in local time."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")
