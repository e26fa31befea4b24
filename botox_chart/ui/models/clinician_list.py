"""The clinic's active clinicians for the Clinicians dialog: name, role, user name, sign-in.

A clinician without a password (e.g. one added before sign-in existed) is listed as such, so an
administrator sees who still needs one; so is one with failed sign-ins in a row, or locked out after
too many (store.throttle), whom an administrator can unlock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from botox_chart.store.throttle import local_time
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.models.table import TitledTableModel
from botox_chart.ui.name_order import NameOrder
from botox_chart.ui.role_names import role_name

if TYPE_CHECKING:
    from botox_chart.store.models import Clinician
    from botox_chart.store.throttle import Failures

NAME, ROLE, USERNAME, SIGN_IN = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("ClinicianListModel", "Name"),
    QT_TRANSLATE_NOOP("ClinicianListModel", "Role"),
    QT_TRANSLATE_NOOP("ClinicianListModel", "User name"),
    QT_TRANSLATE_NOOP("ClinicianListModel", "Sign-in"),
)

CLINICIAN_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""The clinician's database id (int)."""
CLINICIAN_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""The whole ``Clinician``."""

_Index = QModelIndex | QPersistentModelIndex


def role_text(clinician: Clinician) -> str:
    """ "Physician", "Injector, administrator"."""
    name = role_name(clinician.role)
    text = name[:1].upper() + name[1:]
    return (
        QCoreApplication.translate("ClinicianListModel", "{text}, administrator").format(text=text)
        if clinician.is_admin
        else text
    )


class ClinicianListModel(TitledTableModel):
    titles = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clinicians: list[Clinician] = []
        self._failures: Mapping[str, Failures] = {}
        self._now = datetime.now(UTC)

    def set_clinicians(
        self,
        clinicians: Sequence[Clinician],
        failures: Mapping[str, Failures] | None = None,
        *,
        now: datetime | None = None,
    ) -> None:
        """The list in name order, with failed sign-ins by user name (``now``: when they were
        read)."""
        order = NameOrder()
        self.beginResetModel()
        self._clinicians = sorted(clinicians, key=lambda c: order.key(c.name))
        self._failures = dict(failures or {})
        self._now = now or datetime.now(UTC)
        self.endResetModel()

    def clinician(self, row: int) -> Clinician:
        return self._clinicians[row]

    def failures(self, row: int) -> Failures | None:
        """The clinician's failed sign-ins in a row, if any (an administrator can unlock)."""
        username = self._clinicians[row].username
        return self._failures.get(username.lower()) if username else None

    def row_of(self, clinician_id: int) -> int | None:
        return next((n for n, c in enumerate(self._clinicians) if c.id == clinician_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._clinicians)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._clinicians):
            return None
        clinician = self._clinicians[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.column(), clinician)
        if role == CLINICIAN_ID_ROLE:
            return clinician.id
        if role == CLINICIAN_ROLE:
            return clinician
        return None

    def _text(self, column: int, clinician: Clinician) -> str | None:
        if column == NAME:
            return clinician.display_name
        if column == ROLE:
            return role_text(clinician)
        if column == USERNAME:
            return clinician.username or "—"
        if column == SIGN_IN:
            if not clinician.username or not clinician.password_hash:
                return self.tr("Cannot sign in yet")
            failed = self._failures.get(clinician.username.lower())
            if failed is None:
                return self.tr("Yes")
            if failed.locked(self._now):
                assert failed.locked_until is not None
                return self.tr("Locked until {local_time}").format(
                    local_time=local_time(failed.locked_until, self._now)
                )
            return self.tr("Yes (%n failed sign-in(s))", "", failed.failures)
        return None
