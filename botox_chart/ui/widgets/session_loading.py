"""What the session editor reads from the store to show a session: one transaction, plain values.

Kept apart from the widget so the editor's Qt code stays about showing and editing, and the
queries (chart, version, heading, recent lots, addenda, who may co-sign) sit in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from botox_chart.chart import Chart
from botox_chart.store import chain, clinicians, sessions, settings, transaction, verify
from botox_chart.store.models import Clinician, Patient, Role, Status
from botox_chart.ui.name_order import NameOrder


@dataclass(frozen=True)
class LoadedSession:
    session_id: int
    patient_id: int
    chart: Chart
    version: int
    signed: bool
    heading: str
    """Patient, chart number, date of service: who and when, at the top of the panel."""
    signed_text: str
    recent_lots: list[tuple[str, date | None]]
    product_gtins: tuple[str, ...]
    """The clinic's product GTINs a scanned carton is checked against (none: not checked)."""
    addenda: list[tuple[datetime, str, str]]
    """(created at, author, text)."""
    integrity_problems: tuple[str, ...] = ()
    """A signed session that does not match its signature: what ``verify`` says is wrong."""


def load_session(engine: Engine, session_id: int) -> LoadedSession:
    """Everything the editor shows; StorageError / SessionError for the user."""
    with transaction(engine) as db:
        row = sessions.get(db, session_id=session_id)
        chart = sessions.load_chart(db, session_id=session_id)
        patient = db.get(Patient, row.patient_id)
        names = {c.id: c.display_name for c in db.exec(select(Clinician))}
        addenda = [
            (a.created_at, names.get(a.author_id, "?"), a.text)
            for a in sessions.addenda(db, session_id=session_id)
        ]
        lots = sessions.recent_lots(db)
        gtins = _product_gtins(db)
        problems = (
            tuple(p.detail for p in verify.session_problems(db.connection(), session_id=session_id))
            if row.status == Status.SIGNED.value
            else ()
        )
    who = (
        f"{patient.display_name} · {patient.chart_number}"
        if patient
        else QCoreApplication.translate("SessionLoading", "Unknown patient")
    )
    heading = f"{who} · {chart.date_of_service.isoformat()}"
    signed = row.status == Status.SIGNED.value
    signed_text = ""
    if signed:
        when = row.signed_at.strftime("%Y-%m-%d %H:%M") if row.signed_at else ""
        signed_text = (
            QCoreApplication.translate("SessionLoading", "Signed {when} by {name}")
            .format(when=when, name=names.get(row.signed_by_id, "?"))
            .replace("  ", " ")
        )
        if row.supervisor_id is not None:
            signed_text += QCoreApplication.translate(
                "SessionLoading", ", supervised by {name}"
            ).format(name=names.get(row.supervisor_id, "?"))
        if row.record_digest:
            signed_text += QCoreApplication.translate(
                "SessionLoading", " · fingerprint {fingerprint}"
            ).format(fingerprint=chain.fingerprint(row.record_digest))
        signed_text += (
            QCoreApplication.translate("SessionLoading", " · read-only")
            if not problems
            else QCoreApplication.translate("SessionLoading", " · DOES NOT MATCH ITS SIGNATURE")
        )
    assert row.id is not None
    return LoadedSession(
        session_id=row.id,
        patient_id=row.patient_id,
        chart=chart,
        version=row.version,
        signed=signed,
        heading=heading,
        signed_text=signed_text,
        recent_lots=lots,
        product_gtins=gtins,
        addenda=addenda,
        integrity_problems=problems,
    )


def _product_gtins(db: Session) -> tuple[str, ...]:
    """The clinic's product GTINs; a stored list that is no longer valid checks every GTIN it
    still holds (each checked when saved, so this is a database edited by hand)."""
    stored = settings.load(db).product_gtins
    try:
        return settings.accepted_gtins(stored)
    except settings.SettingsError:
        return tuple(g for g in stored.replace(",", " ").split() if g.isdigit())


def signers(engine: Engine, signer_id: int) -> tuple[str, list[tuple[int, str]]]:
    """The signer's name, and the other active physicians who may co-sign as supervisor (in the
    locale's order of names)."""
    with transaction(engine) as db:
        signer = clinicians.get(db, clinician_id=signer_id)
        others = [
            c
            for c in clinicians.active(db)
            if c.role == Role.PHYSICIAN.value and c.id is not None and c.id != signer_id
        ]
    order = NameOrder()
    others.sort(key=lambda c: order.key(c.name))
    return signer.display_name, [(c.id, c.display_name) for c in others if c.id is not None]
