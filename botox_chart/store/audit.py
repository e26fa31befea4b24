"""The audit trail: who did what to which record, and when. Written in the same transaction as the
change it records, so a change and its audit entry are stored together or not at all."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from botox_chart.store.models import AuditEvent


def record(
    db: Session,
    *,
    action: str,
    clinician_id: int | None = None,
    patient_id: int | None = None,
    session_id: int | None = None,
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    event = AuditEvent(
        action=action,
        clinician_id=clinician_id,
        patient_id=patient_id,
        session_id=session_id,
        changes=changes or {},
    )
    db.add(event)
    return event


def events(
    db: Session, *, patient_id: int | None = None, session_id: int | None = None
) -> list[AuditEvent]:
    query = select(AuditEvent)
    if patient_id is not None:
        query = query.where(AuditEvent.patient_id == patient_id)
    if session_id is not None:
        query = query.where(AuditEvent.session_id == session_id)
    return list(db.exec(query.order_by(col(AuditEvent.at), col(AuditEvent.id))))


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Field → [old, new] for the fields that differ (values made JSON-safe as text)."""
    return {
        name: [_plain(before.get(name)), _plain(after.get(name))]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)
