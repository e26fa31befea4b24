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
from botox_chart.i18n import N_, _
from botox_chart.store.models import Clinician

ROLES = (N_("injector"), N_("physician"), N_("staff"))
"""The roles (store.models.Role) as a refusal names them, translated there."""


def charting(
    db: Session, clinician_id: int | None, *, doing: str, error: type[Exception]
) -> Clinician:
    """The active injector or physician with this id; ``error`` saying who may ``doing`` (words
    in the reader's language) if not."""
    clinician, why = _active(db, clinician_id)
    if clinician is not None and not why and not clinician.can_sign:
        why = _("{name} is {role}").format(name=clinician.display_name, role=_(clinician.role))
    if clinician is None or why:
        raise error(
            _("Only an injector or a physician can {doing} ({why}).").format(doing=doing, why=why)
        )
    return clinician


def administrator(
    db: Session, clinician_id: int | None, *, doing: str, error: type[Exception]
) -> Clinician:
    """The active administrator with this id; ``error`` saying who may ``doing`` (words in the
    reader's language) if not."""
    clinician, why = _active(db, clinician_id)
    if clinician is not None and not why and not clinician.is_admin:
        why = _("{name} is not an administrator").format(name=clinician.display_name)
    if clinician is None or why:
        raise error(_("Only an administrator can {doing} ({why}).").format(doing=doing, why=why))
    return clinician


def _active(db: Session, clinician_id: int | None) -> tuple[Clinician | None, str]:
    """The clinician, or why there is none to act: nobody, no such id, or deactivated."""
    if clinician_id is None:
        return None, _("nobody is signed in")
    clinician = db.get(Clinician, clinician_id) if bounds.is_id(clinician_id) else None
    if clinician is None:
        return None, _("there is no clinician {id}").format(id=clinician_id)
    if not clinician.active:
        return clinician, _("{name} is deactivated").format(name=clinician.display_name)
    return clinician, ""
