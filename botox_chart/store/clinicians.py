"""Clinicians: injectors and physicians who chart and sign, staff who find and print.

Each clinician signs in as themselves. Passwords are kept only as argon2id hashes (argon2-cffi's
defaults, re-hashed when those defaults strengthen); a wrong user name and a wrong password get the
same message, so the sign-in does not reveal who has an account.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from sqlmodel import Session, col, func, select

from botox_chart import bounds
from botox_chart.store import audit
from botox_chart.store.models import Clinician, FieldTooLong, Role, check_lengths

MIN_PASSWORD = 8
if TYPE_CHECKING:
    from argon2 import PasswordHasher


@cache
def _hasher() -> PasswordHasher:
    """argon2, loaded at the first sign-in or password change, not while the window starts."""
    from argon2 import PasswordHasher

    return PasswordHasher()


class ClinicianError(ValueError):
    """Clinician details that cannot be stored, or a refused sign-in, in words for the user."""


def add(
    db: Session,
    *,
    name: str,
    credentials: str = "",
    role: Role = Role.INJECTOR,
    username: str | None = None,
    password: str | None = None,
    is_admin: bool = False,
    by: int | None = None,
) -> Clinician:
    """A new clinician; with ``username`` and ``password`` they can sign in."""
    name = name.strip()
    if not name:
        raise ClinicianError("The clinician's name is missing.")
    clinician = Clinician(
        name=name, credentials=credentials.strip(), role=Role(role).value, is_admin=is_admin
    )
    try:
        bounds.check_text(clinician.name, "the clinician's name")
        bounds.check_text(clinician.credentials, "the credentials")
        check_lengths(clinician, {"name": "clinician's name"})
    except (bounds.OutOfBounds, FieldTooLong) as err:
        raise ClinicianError(str(err)) from None
    if username is not None:
        clinician.username = _username(db, username)
    if password is not None:
        clinician.password_hash = _hash(password)
    db.add(clinician)
    db.flush()
    audit.record(
        db,
        action="create_clinician",
        clinician_id=by,
        changes={"clinician_id": clinician.id, "role": clinician.role, "admin": is_admin},
    )
    db.commit()
    db.refresh(clinician)
    return clinician


def set_password(
    db: Session,
    *,
    clinician_id: int,
    password: str,
    username: str | None = None,
    by: int | None = None,
) -> None:
    """A new password; with ``username``, also the user name of a clinician who has none yet."""
    clinician = get(db, clinician_id=clinician_id)
    if username is not None:
        if clinician.username:
            raise ClinicianError(f"{clinician.display_name} already has a user name.")
        clinician.username = _username(db, username)
    clinician.password_hash = _hash(password)
    changes: dict[str, object] = {"clinician_id": clinician_id}
    if username is not None:
        changes["username_set"] = True
    audit.record(db, action="set_password", clinician_id=by, changes=changes)
    db.commit()


def deactivate(db: Session, *, clinician_id: int, by: int | None = None) -> None:
    """A clinician who left: no more sign-in or supervising; their records keep their name.

    The last administrator who can sign in is never deactivated: the clinic would be locked out
    of adding clinicians and changing settings.
    """
    clinician = get(db, clinician_id=clinician_id)
    if clinician.is_admin and clinician.password_hash and clinician.active:
        others = db.exec(
            select(func.count(col(Clinician.id))).where(
                col(Clinician.is_admin),
                col(Clinician.active),
                col(Clinician.password_hash).is_not(None),
                col(Clinician.id) != clinician_id,
            )
        ).one()
        if not others:
            raise ClinicianError(
                f"{clinician.display_name} is the only administrator: make another one first."
            )
    clinician.active = False
    audit.record(
        db, action="deactivate_clinician", clinician_id=by, changes={"clinician_id": clinician_id}
    )
    db.commit()


def authenticate(db: Session, *, username: str, password: str) -> Clinician:
    """The active clinician with this user name and password, or ClinicianError."""
    refused = ClinicianError("Wrong user name or password.")
    clinician = db.exec(
        select(Clinician).where(func.lower(Clinician.username) == username.strip().lower())
    ).first()
    if clinician is None or not clinician.active or not clinician.password_hash:
        _hasher().hash("spend the same time as a real check")
        raise refused
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        _hasher().verify(clinician.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise refused from None
    if _hasher().check_needs_rehash(clinician.password_hash):
        clinician.password_hash = _hash(password)
        db.commit()
    audit.record(db, action="sign_in", clinician_id=clinician.id)
    db.commit()
    return clinician


def needs_first_administrator(db: Session) -> bool:
    """True until an administrator who can sign in exists (the first run asks for one)."""
    query = select(func.count(col(Clinician.id))).where(
        col(Clinician.is_admin), col(Clinician.password_hash).is_not(None), col(Clinician.active)
    )
    return int(db.exec(query).one()) == 0


def get(db: Session, *, clinician_id: int) -> Clinician:
    try:
        bounds.check_id(clinician_id, "clinician")
    except bounds.OutOfBounds as err:
        raise ClinicianError(str(err)) from None
    clinician = db.get(Clinician, clinician_id)
    if clinician is None:
        raise ClinicianError(f"There is no clinician {clinician_id}.")
    return clinician


def active(db: Session) -> list[Clinician]:
    return list(
        db.exec(select(Clinician).where(col(Clinician.active)).order_by(col(Clinician.name)))
    )


def _username(db: Session, username: str) -> str:
    username = username.strip().lower()
    if (
        not username
        or len(username) > 60
        or any(c.isspace() for c in username)
        or bounds.unsafe_character(username)
    ):
        raise ClinicianError("A user name is 1-60 characters with no spaces or control characters.")
    clash = db.exec(select(Clinician.id).where(Clinician.username == username)).first()
    if clash is not None:
        raise ClinicianError(f"The user name {username} is taken.")
    return username


def _hash(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ClinicianError(f"A password needs at least {MIN_PASSWORD} characters.")
    return _hasher().hash(password)
