"""Clinicians: injectors and physicians who chart and sign, staff who find and print."""

from __future__ import annotations

from sqlmodel import Session, col, select

from botox_chart.store import audit
from botox_chart.store.models import Clinician, Role


class ClinicianError(ValueError):
    """Clinician details that cannot be stored, in words for the user."""


def add(db: Session, *, name: str, credentials: str = "", role: Role = Role.INJECTOR) -> Clinician:
    name = name.strip()
    if not name:
        raise ClinicianError("The clinician's name is missing.")
    clinician = Clinician(name=name, credentials=credentials.strip(), role=Role(role).value)
    db.add(clinician)
    db.flush()
    audit.record(db, action="create_clinician", changes={"clinician_id": clinician.id})
    db.commit()
    db.refresh(clinician)
    return clinician


def get(db: Session, *, clinician_id: int) -> Clinician:
    clinician = db.get(Clinician, clinician_id)
    if clinician is None:
        raise ClinicianError(f"There is no clinician {clinician_id}.")
    return clinician


def active(db: Session) -> list[Clinician]:
    return list(
        db.exec(select(Clinician).where(col(Clinician.active)).order_by(col(Clinician.name)))
    )
