"""Who is acting: the store checks the clinician behind every change itself (issue 10), so a
script, the command line or a widget that forgot a check cannot chart as staff.

The rules are the window's (``ui/window_commands.py``): injectors and physicians chart (patients,
drafts, signing, addenda); staff find, view and print; administrators manage clinicians and the
clinic settings. A deactivated clinician does nothing. Each store module raises the refusal as
its own user error (SessionError, PatientError, …), so callers show it like any other.
"""

from __future__ import annotations

from sqlmodel import Session

from botox_chart import bounds
from botox_chart.store.models import Clinician

CHARTING = "an injector or a physician"
ADMINISTRATOR = "an administrator"


def charting(
    db: Session, clinician_id: int | None, *, doing: str, error: type[Exception]
) -> Clinician:
    """The active injector or physician with this id; ``error`` saying who may ``doing`` if not."""
    clinician, why = _active(db, clinician_id)
    if clinician is not None and not why and not clinician.can_sign:
        why = f"{clinician.display_name} is {clinician.role}"
    if clinician is None or why:
        raise error(f"Only {CHARTING} can {doing} ({why}).")
    return clinician


def administrator(
    db: Session, clinician_id: int | None, *, doing: str, error: type[Exception]
) -> Clinician:
    """The active administrator with this id; ``error`` saying who may ``doing`` if not."""
    clinician, why = _active(db, clinician_id)
    if clinician is not None and not why and not clinician.is_admin:
        why = f"{clinician.display_name} is not an administrator"
    if clinician is None or why:
        raise error(f"Only {ADMINISTRATOR} can {doing} ({why}).")
    return clinician


def _active(db: Session, clinician_id: int | None) -> tuple[Clinician | None, str]:
    """The clinician, or why there is none to act: nobody, no such id, or deactivated."""
    if clinician_id is None:
        return None, "nobody is signed in"
    clinician = db.get(Clinician, clinician_id) if bounds.is_id(clinician_id) else None
    if clinician is None:
        return None, f"there is no clinician {clinician_id}"
    if not clinician.active:
        return clinician, f"{clinician.display_name} is deactivated"
    return clinician, ""
