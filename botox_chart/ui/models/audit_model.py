"""The audit trail as a table: when (local time), who, what they did, to which record, and what
changed.

Events come from ``store.audit.events``; :func:`audit_rows` turns them into words. Only field
names and non-identifying values are shown (the store keeps no patient-identifying values in the
audit): a patient's edit says which fields changed, a chart change lists the fields and a short
summary of the sites ("+TEM-R5 5 U, COR-L 5 → 6 U; 155 → 165 U").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from botox_chart.chart import format_units
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.models.table import TitledTableModel
from botox_chart.ui.role_names import role_name

if TYPE_CHECKING:
    from botox_chart.store.models import AuditEvent

WHEN, WHO, ACTION, RECORD, CHANGES = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("AuditModel", "When"),
    QT_TRANSLATE_NOOP("AuditModel", "Who"),
    QT_TRANSLATE_NOOP("AuditModel", "Action"),
    QT_TRANSLATE_NOOP("AuditModel", "Record"),
    QT_TRANSLATE_NOOP("AuditModel", "What changed"),
)

EVENT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""The :class:`AuditRow` of the row."""
ACTION_CODE_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""The stored action code ("sign", "update", …)."""

ACTIONS = {
    "create": QT_TRANSLATE_NOOP("AuditModel", "Created"),
    "update": QT_TRANSLATE_NOOP("AuditModel", "Changed"),
    "sign": QT_TRANSLATE_NOOP("AuditModel", "Signed"),
    "addendum": QT_TRANSLATE_NOOP("AuditModel", "Addendum"),
    "eligibility": QT_TRANSLATE_NOOP("AuditModel", "Eligibility assessment"),
    "print": QT_TRANSLATE_NOOP("AuditModel", "Printed"),
    "export": QT_TRANSLATE_NOOP("AuditModel", "Exported"),
    "import": QT_TRANSLATE_NOOP("AuditModel", "Imported"),
    "delete_draft": QT_TRANSLATE_NOOP("AuditModel", "Deleted draft"),
    "sign_in": QT_TRANSLATE_NOOP("AuditModel", "Signed in"),
    "sign_in_failed": QT_TRANSLATE_NOOP("AuditModel", "Sign-in failed"),
    "unlock_sign_in": QT_TRANSLATE_NOOP("AuditModel", "Unlocked sign-in"),
    "create_clinician": QT_TRANSLATE_NOOP("AuditModel", "Added clinician"),
    "deactivate_clinician": QT_TRANSLATE_NOOP("AuditModel", "Deactivated clinician"),
    "set_password": QT_TRANSLATE_NOOP("AuditModel", "Set a password"),
    "settings": QT_TRANSLATE_NOOP("AuditModel", "Changed clinic settings"),
    "demo_data": QT_TRANSLATE_NOOP("AuditModel", "Demo data"),
}
SITE_DETAIL_LIMIT = 4
"""A chart change lists up to this many site changes one by one; more are counted."""

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    """In local time."""
    clinician: str
    action: str
    """The stored code."""
    record: str
    changes: str

    @property
    def action_text(self) -> str:
        return action_words(self.action)


def action_words(action: str) -> str:
    if action in ACTIONS:
        return QCoreApplication.translate("AuditModel", ACTIONS[action])
    return action.replace("_", " ").capitalize()


def local_time(at: datetime) -> datetime:
    """Stored times are UTC (SQLite returns them without a zone); shown in the local zone."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return aware.astimezone()


def audit_rows(
    events: Sequence[AuditEvent],
    clinicians: Mapping[int, str],
    sessions: Mapping[int, date] | None = None,
) -> list[AuditRow]:
    """Rows for the table: ``clinicians`` names by id; ``sessions`` dates of service by id."""
    sessions = sessions or {}
    rows = []
    for event in events:
        who = clinicians.get(event.clinician_id, "?") if event.clinician_id else "—"
        rows.append(
            AuditRow(
                at=local_time(event.at),
                clinician=who,
                action=event.action,
                record=_record(event, sessions),
                changes=describe_changes(event.action, event.changes or {}),
            )
        )
    return rows


def _record(event: AuditEvent, sessions: Mapping[int, date]) -> str:
    if event.session_id is None:
        return (
            QCoreApplication.translate("AuditModel", "Patient")
            if event.patient_id is not None
            else QCoreApplication.translate("AuditModel", "Clinic")
        )
    day = sessions.get(event.session_id)
    if day is None:
        stored = (event.changes or {}).get("date_of_service")
        day_text = stored if isinstance(stored, str) else ""
    else:
        day_text = day.isoformat()
    return (
        QCoreApplication.translate("AuditModel", "Session {day_text}")
        .format(day_text=day_text)
        .strip()
    )


def describe_changes(action: str, changes: Mapping[str, Any]) -> str:
    """What changed, in words: field names, never patient-identifying values."""
    text = _describe(action, changes)
    return text[:1].upper() + text[1:]


def _describe(action: str, changes: Mapping[str, Any]) -> str:
    if action == "update" and "fields" in changes:  # a patient's details
        fields = changes.get("fields") or []
        return (
            QCoreApplication.translate("AuditModel", "Fields: ")
            + ", ".join(_field(str(f)) for f in fields)
            if fields
            else ""
        )
    if action == "update":
        parts = []
        names = [_field(name) for name in changes if name != "injections"]
        if names:
            parts.append(", ".join(names))
        injections = changes.get("injections")
        if isinstance(injections, list) and len(injections) == 2:
            parts.append(
                QCoreApplication.translate("AuditModel", "sites: ")
                + injection_summary(injections[0] or [], injections[1] or [])
            )
        return "; ".join(parts)
    if action == "sign":
        count = len(changes.get("acknowledged") or [])
        if not count:
            return ""
        return AuditWords().acknowledged(count)
    if action in ("print", "export"):
        return str(changes.get("document", ""))
    if action == "import":
        words = AuditWords()
        # Imports audited before this release said the file's name; later ones never do (it may
        # hold a patient's name): the counts only.
        template = (
            QCoreApplication.translate(
                "AuditModel", "{document} {file}: {added}, {skipped}, {refused}"
            )
            if changes.get("file")
            else QCoreApplication.translate(
                "AuditModel", "{document}: {added}, {skipped}, {refused}"
            )
        )
        return template.format(
            document=changes.get("document", ""),
            file=changes.get("file", ""),
            added=words.added(int(changes.get("added", 0))),
            skipped=words.duplicates_skipped(int(changes.get("duplicates", 0))),
            refused=words.refused(int(changes.get("refused", 0))),
        ).strip()
    if action == "delete_draft":
        day = changes.get("date_of_service")
        return (
            QCoreApplication.translate("AuditModel", "Draft of {day}").format(day=day)
            if day
            else ""
        )
    if action == "create_clinician":
        role = role_name(str(changes.get("role", "")))
        return (
            QCoreApplication.translate("AuditModel", "{role}, administrator").format(role=role)
            if changes.get("admin")
            else role
        )
    if action == "settings":
        return ", ".join(_field(name) for name in changes)
    if action == "demo_data":
        patients = changes.get("patients")
        return AuditWords().patients(patients) if isinstance(patients, int) else ""
    return ""


class AuditWords(QObject):
    """The audit's counted words (pyside6-lupdate reads plural forms only from ``self.tr``)."""

    def acknowledged(self, count: int) -> str:
        return self.tr("%n warning(s) acknowledged", "", count)

    def patients(self, count: int) -> str:
        return self.tr("%n patient(s)", "", count)

    def added(self, count: int) -> str:
        return self.tr("%n added", "", count)

    def removed(self, count: int) -> str:
        return self.tr("%n removed", "", count)

    def changed(self, count: int) -> str:
        return self.tr("%n changed", "", count)

    def duplicates_skipped(self, count: int) -> str:
        return self.tr("%n duplicate(s) skipped", "", count)

    def refused(self, count: int) -> str:
        return self.tr("%n refused", "", count)


def injection_summary(before: Sequence[str], after: Sequence[str]) -> str:
    """Site changes from the audit's "KEY N U" lists: added, removed, changed, and the total."""
    old, new = _sites(before), _sites(after)
    added = [f"+{key} {_units(new[key])} U" for key in new if key not in old]
    removed = [f"−{key}" for key in old if key not in new]
    changed = [
        f"{key} {_units(old[key])} → {_units(new[key])} U"
        for key in new
        if key in old and old[key] != new[key]
    ]
    items = added + removed + changed
    if len(items) <= SITE_DETAIL_LIMIT:
        listed = ", ".join(items)
    else:
        words = AuditWords()
        counts = [
            words.added(len(added)) if added else "",
            words.removed(len(removed)) if removed else "",
            words.changed(len(changed)) if changed else "",
        ]
        listed = ", ".join(c for c in counts if c)
    total_before, total_after = sum(old.values(), Decimal(0)), sum(new.values(), Decimal(0))
    if total_before != total_after:
        listed += f" ({_units(total_before)} → {_units(total_after)} U)"
    return listed.strip() or QCoreApplication.translate("AuditModel", "no change")


def _sites(values: Sequence[str]) -> dict[str, Decimal]:
    sites: dict[str, Decimal] = {}
    for value in values:
        key, _, rest = str(value).partition(" ")
        try:
            sites[key] = Decimal(rest.removesuffix(" U").strip())
        except InvalidOperation:
            sites[key] = Decimal(0)
    return sites


def _units(value: Decimal) -> str:
    return format_units(value)


def _field(name: str) -> str:
    return name.replace("_", " ")


class AuditModel(TitledTableModel):
    """Audit rows, oldest first (the order things happened)."""

    titles = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRow] = []

    def set_rows(self, rows: Sequence[AuditRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, row: int) -> AuditRow:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(column, row)
        if role == EVENT_ROLE:
            return row
        if role == ACTION_CODE_ROLE:
            return row.action
        return None

    def _text(self, column: int, row: AuditRow) -> str | None:
        if column == WHEN:
            return row.at.strftime("%Y-%m-%d %H:%M:%S")
        if column == WHO:
            return row.clinician
        if column == ACTION:
            return row.action_text
        if column == RECORD:
            return row.record
        if column == CHANGES:
            return row.changes
        return None
