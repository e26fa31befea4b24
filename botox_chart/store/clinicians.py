"""Clinicians: injectors and physicians who chart and sign, staff who find and print.

Each clinician signs in as themselves. Passwords are kept only as argon2id hashes (argon2-cffi's
defaults when the password is set); a wrong user name and a wrong password get the same message,
so the sign-in does not reveal who has an account. A successful sign-in writes nothing (a
read-only command leaves the database's bytes as they were); failures are counted and audited,
and too many in a row make the next attempts wait or lock the account (store.throttle) until the
time passes or an administrator unlocks it. Only administrators add, deactivate or set another
clinician's password (store.acting).
"""

from __future__ import annotations

import math
import socket
from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, NoReturn

from sqlmodel import Session, col, func, select

from botox_chart import bounds
from botox_chart.i18n import N_, _, ngettext
from botox_chart.store import acting, audit, throttle
from botox_chart.store import settings as clinic_settings
from botox_chart.store.models import Clinician, FieldTooLong, Role, check_lengths, utcnow

MIN_PASSWORD = 8
WRONG = N_("Wrong user name or password.")
WORKSTATION_LENGTH = 100
"""The longest workstation name kept in the audit (host names are at most 255 characters)."""
if TYPE_CHECKING:
    from argon2 import PasswordHasher


@cache
def _hasher() -> PasswordHasher:
    """argon2, loaded at the first sign-in or password change, not while the window starts."""
    from argon2 import PasswordHasher

    return PasswordHasher()


class ClinicianError(ValueError):
    """Clinician details that cannot be stored, or a refused sign-in, in words for the user;
    :attr:`field` is the clinician's field at fault ("name", "credentials", "username",
    "password"), when there is one, so a form marks it in any language."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class TooManyFailures(ClinicianError):
    """Too many failed sign-ins in a row for a user name: attempts are refused until
    :attr:`until` (:attr:`locked`: the account is locked, which an administrator can lift)."""

    def __init__(
        self, username: str, *, until: datetime, now: datetime, locked: bool, wrong: bool = False
    ) -> None:
        self.username = username
        self.until = until
        self.locked = locked
        if locked:
            said = _(
                "Too many failed sign-ins for {user}: locked until {time}; an administrator can "
                "unlock it sooner."
            ).format(user=username, time=throttle.local_time(until, now))
        else:
            seconds = max(1, math.ceil((until - now).total_seconds()))
            said = ngettext(
                "Too many failed sign-ins for {user}: try again in {count} second.",
                "Too many failed sign-ins for {user}: try again in {count} seconds.",
                seconds,
            ).format(user=username, count=seconds)
        super().__init__(f"{_(WRONG)} {said}" if wrong else said)


def add(
    db: Session,
    *,
    name: str,
    credentials: str = "",
    role: Role = Role.INJECTOR,
    username: str | None = None,
    password: str | None = None,
    is_admin: bool = False,
    by: int | None,
) -> Clinician:
    """A new clinician; with ``username`` and ``password`` they can sign in.

    ``by`` is the administrator adding them. Only while the clinic has no administrator who can
    sign in (a first run, demo data on a new database) is ``by`` None: nobody could sign in to add
    the first one.
    """
    if by is not None or not needs_first_administrator(db):
        acting.administrator(db, by, doing=_("add a clinician"), error=ClinicianError)
    name = name.strip()
    if not name:
        raise ClinicianError(_("The clinician's name is missing."), field="name")
    clinician = Clinician(
        name=name, credentials=credentials.strip(), role=Role(role).value, is_admin=is_admin
    )
    for field, label in (
        ("name", N_("the clinician's name")),
        ("credentials", N_("the credentials")),
    ):
        try:
            bounds.check_text(getattr(clinician, field), label)
        except bounds.OutOfBounds as err:
            raise ClinicianError(str(err), field=field) from None
    try:
        check_lengths(clinician, {"name": N_("clinician's name"), "credentials": N_("credentials")})
    except FieldTooLong as err:
        raise ClinicianError(str(err), field=err.field) from None
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
    by: int | None,
) -> None:
    """A new password; with ``username``, also the user name of a clinician who has none yet.

    ``by`` sets their own password, or is an administrator setting someone else's. A new
    password also lifts a lock after failed sign-ins (an administrator resets a forgotten password
    so that its owner can sign in now).
    """
    if by is None or by != clinician_id:
        acting.administrator(
            db, by, doing=_("set another clinician's password"), error=ClinicianError
        )
    clinician = get(db, clinician_id=clinician_id)
    if by == clinician_id and not clinician.active:
        raise ClinicianError(_("{name} is deactivated.").format(name=clinician.display_name))
    if username is not None:
        if clinician.username:
            raise ClinicianError(
                _("{name} already has a user name.").format(name=clinician.display_name),
                field="username",
            )
        clinician.username = _username(db, username)
    clinician.password_hash = _hash(password)
    changes: dict[str, object] = {"clinician_id": clinician_id}
    if username is not None:
        changes["username_set"] = True
    if clinician.username and throttle.clear(db, username=throttle.key(clinician.username)):
        changes["sign_in_unlocked"] = True
    audit.record(db, action="set_password", clinician_id=by, changes=changes)
    db.commit()


def deactivate(db: Session, *, clinician_id: int, by: int | None) -> None:
    """A clinician who left: no more sign-in or supervising; their records keep their name.

    Administrators only (``by``). The last administrator who can sign in is never deactivated:
    the clinic would be locked out of adding clinicians and changing settings.
    """
    acting.administrator(db, by, doing=_("deactivate a clinician"), error=ClinicianError)
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
                _("{name} is the only administrator: make another one first.").format(
                    name=clinician.display_name
                )
            )
    clinician.active = False
    audit.record(
        db, action="deactivate_clinician", clinician_id=by, changes={"clinician_id": clinician_id}
    )
    db.commit()


def authenticate(
    db: Session,
    *,
    username: str,
    password: str,
    now: datetime | None = None,
    workstation: str | None = None,
) -> Clinician:
    """The active clinician with this user name and password, or ClinicianError.

    A success writes nothing, except forgetting earlier failures of this user name. A failure is
    counted (store.throttle) and audited (``sign_in_failed``: the user name as typed and the
    workstation, never the password), a user name nobody has alike. After too many failures in a
    row an attempt is refused without checking the password: :class:`TooManyFailures` says how
    long to wait. ``now`` (aware; the current time by default) and ``workstation`` (this
    computer's name by default) are for tests and the command line.
    """
    now = throttle.utc(now if now is not None else utcnow())
    name = throttle.key(username)
    counted = throttle.get(db, username=name)
    if counted is not None:
        until = counted.refused_until(now)
        if until is not None:
            raise TooManyFailures(name, until=until, now=now, locked=counted.locked(now))
    wanted = username.strip().lower()
    clinician = None
    if len(wanted) <= throttle.KEY_LENGTH and bounds.unsafe_character(wanted) is None:
        clinician = db.exec(
            select(Clinician).where(func.lower(Clinician.username) == wanted)
        ).first()
    if clinician is None or not clinician.active or not clinician.password_hash:
        _hasher().hash("spend the same time as a real check")
        _failed(db, typed=username, name=name, now=now, workstation=workstation)
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        _hasher().verify(clinician.password_hash, password)
    except (VerificationError, InvalidHashError):
        _failed(db, typed=username, name=name, now=now, workstation=workstation)
    # No re-hash with newer argon2 defaults here: it would write on a sign-in. The hash takes
    # the defaults of the day whenever the password is set.
    if counted is not None:
        throttle.clear(db, username=name)
        db.commit()
    return clinician


def unlock(db: Session, *, username: str, by: int | None) -> bool:
    """Forget a user name's failed sign-ins, lifting a lock or a wait (administrators only,
    audited); False when there were none."""
    acting.administrator(db, by, doing=_("unlock a sign-in"), error=ClinicianError)
    name = throttle.key(username)
    cleared = throttle.clear(db, username=name)
    if cleared:
        audit.record(db, action="unlock_sign_in", clinician_id=by, changes={"username": name})
    db.commit()
    return cleared


def failed_sign_ins(db: Session) -> dict[str, throttle.Failures]:
    """Failed sign-ins in a row, by user name (as stored: lower case), for the clinicians list."""
    return throttle.every(db)


def _failed(
    db: Session, *, typed: str, name: str, now: datetime, workstation: str | None
) -> NoReturn:
    """Count and audit a failed sign-in, commit, and refuse: with the wait when there is one."""
    minutes = clinic_settings.lockout_minutes(clinic_settings.load(db).lockout_minutes)
    counted = throttle.count_failure(db, username=name, now=now, lockout=timedelta(minutes=minutes))
    host = workstation if workstation is not None else socket.gethostname()
    changes: dict[str, object] = {
        "username": bounds.escape(typed)[: throttle.KEY_LENGTH],
        "workstation": bounds.escape(host)[:WORKSTATION_LENGTH],
        "failures": counted.failures,
    }
    if counted.locked_until is not None:
        changes["locked_until"] = counted.locked_until.isoformat()
    audit.record(db, action="sign_in_failed", changes=changes)
    db.commit()
    until = counted.refused_until(now)
    if until is None:
        raise ClinicianError(_(WRONG))
    raise TooManyFailures(name, until=until, now=now, locked=counted.locked(now), wrong=True)


def needs_first_administrator(db: Session) -> bool:
    """True until an administrator who can sign in exists (the first run asks for one)."""
    query = select(func.count(col(Clinician.id))).where(
        col(Clinician.is_admin), col(Clinician.password_hash).is_not(None), col(Clinician.active)
    )
    return int(db.exec(query).one()) == 0


def get(db: Session, *, clinician_id: int) -> Clinician:
    try:
        bounds.check_id(clinician_id, N_("clinician"))
    except bounds.OutOfBounds as err:
        raise ClinicianError(str(err)) from None
    clinician = db.get(Clinician, clinician_id)
    if clinician is None:
        raise ClinicianError(_("There is no clinician {id}.").format(id=clinician_id))
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
        raise ClinicianError(
            _("A user name is 1-60 characters with no spaces or control characters."),
            field="username",
        )
    clash = db.exec(select(Clinician.id).where(Clinician.username == username)).first()
    if clash is not None:
        raise ClinicianError(
            _("The user name {user} is taken.").format(user=username), field="username"
        )
    return username


def _hash(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ClinicianError(
            ngettext(
                "A password needs at least {count} character.",
                "A password needs at least {count} characters.",
                MIN_PASSWORD,
            ).format(count=MIN_PASSWORD),
            field="password",
        )
    return _hasher().hash(password)
