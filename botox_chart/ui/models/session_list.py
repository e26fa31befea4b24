"""The selected patient's sessions, newest first: date, units, status, next due date, injector.

Only the newest session's next due date can be overdue (a later session replaces the ones before
it); it reads "OVERDUE" in the text, not only in a colour, and the model says so through
:data:`OVERDUE_ROLE` for the panel's "next due" label.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.models.table import TitledTableModel

if TYPE_CHECKING:
    from botox_chart.store.sessions import SessionSummary

DATE, UNITS, STATUS, NEXT_DUE, INJECTOR = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("SessionListModel", "Date"),
    QT_TRANSLATE_NOOP("SessionListModel", "Units"),
    QT_TRANSLATE_NOOP("SessionListModel", "Status"),
    QT_TRANSLATE_NOOP("SessionListModel", "Next due"),
    QT_TRANSLATE_NOOP("SessionListModel", "Injector"),
)

SESSION_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""The session's database id (int)."""
STATUS_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""``"draft"`` or ``"signed"``."""
OVERDUE_ROLE = int(Qt.ItemDataRole.UserRole) + 3
"""True on the newest session when its next due date has passed."""
SUMMARY_ROLE = int(Qt.ItemDataRole.UserRole) + 4
"""The whole ``SessionSummary``."""

_Index = QModelIndex | QPersistentModelIndex


class SessionListModel(TitledTableModel):
    """One patient's sessions."""

    titles = HEADERS

    def __init__(self, parent: QObject | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._sessions: list[SessionSummary] = []
        self._today = today

    def set_sessions(self, sessions: Sequence[SessionSummary], today: date | None = None) -> None:
        self.beginResetModel()
        self._sessions = list(sessions)
        if today is not None:
            self._today = today
        self.endResetModel()

    def clear(self) -> None:
        self.set_sessions([])

    def session(self, row: int) -> SessionSummary:
        return self._sessions[row]

    def sessions(self) -> list[SessionSummary]:
        return list(self._sessions)

    def row_of(self, session_id: int) -> int | None:
        return next((n for n, s in enumerate(self._sessions) if s.id == session_id), None)

    def update_draft(
        self, session_id: int, *, date_of_service: date, total_units: Decimal, sites: int
    ) -> bool:
        """Show a draft's new date and totals in place (after an autosave: no query, no reset).

        False if the session is not listed, or moved in date order (the caller reloads then).
        """
        row = self.row_of(session_id)
        if row is None:
            return False
        old = self._sessions[row]
        new = dataclasses.replace(
            old, date_of_service=date_of_service, total_units=total_units, sites=sites
        )
        if new == old:
            return True
        dates = [s.date_of_service for s in self._sessions]
        dates[row] = date_of_service
        if dates != sorted(dates, reverse=True):
            return False
        self._sessions[row] = new
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        return True

    def is_overdue(self, row: int) -> bool:
        """The newest session is signed and its next due date has passed."""
        if row != 0 or not self._sessions:
            return False
        newest = self._sessions[0]
        return newest.status == "signed" and newest.next_due < (self._today or date.today())

    # -- Qt model -------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._sessions)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sessions):
            return None
        row, column = index.row(), index.column()
        session = self._sessions[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column, session, tooltip=role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == UNITS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (
            (column == NEXT_DUE and self.is_overdue(row))
            or (column == STATUS and session.status == "draft")
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == SESSION_ID_ROLE:
            return session.id
        if role == STATUS_ROLE:
            return session.status
        if role == OVERDUE_ROLE:
            return self.is_overdue(row)
        if role == SUMMARY_ROLE:
            return session
        return None

    def _text(self, row: int, column: int, session: SessionSummary, *, tooltip: bool) -> Any:
        if column == DATE:
            return session.date_of_service.isoformat()
        if column == UNITS:
            # Here, not at import: chart (and protocol, tomllib) stay off the first paint's path.
            from botox_chart.chart import format_units

            units = f"{format_units(session.total_units)} U"
            return (
                self.tr("{units} at %n site(s)", "", session.sites).format(units=units)
                if tooltip
                else units
            )
        if column == STATUS:
            if session.status == "draft":
                return self.tr("Unsigned draft") if tooltip else self.tr("Draft")
            return self.tr("Signed")
        if column == NEXT_DUE:
            if session.status != "signed":
                return self.tr("Not signed yet") if tooltip else ""
            due = session.next_due.isoformat()
            if self.is_overdue(row):
                return (
                    self.tr("Overdue: was due {due}").format(due=due)
                    if tooltip
                    else self.tr("{due} OVERDUE").format(due=due)
                )
            return self.tr("Due on or after {due} (12 weeks)").format(due=due) if tooltip else due
        if column == INJECTOR:
            return session.injector
        return None
