"""Sign-in throttling (issue 10): failed sign-ins in a row per user name, shared by every
workstation and the command line through the ``sign_in_throttle`` table.

The first :data:`FREE_FAILURES` failures cost nothing. After them, each attempt must wait since
the last failure: 1 s after the 5th, then 2, 4, 8… s, never more than :data:`MAX_DELAY`; an attempt
before then is refused without checking the password. The :data:`LOCK_AFTER`-th failure locks
the user name for the clinic's lockout minutes (settings.lockout_minutes), and so does each
failure after a lock ran out. A successful sign-in or an administrator's unlock deletes the row.

A user name nobody has is counted like any other, so the answers do not reveal who has an account.
Times are aware UTC datetimes, always passed in (``now``), so tests move a fake clock instead of
sleeping. Failures are counted in one UPDATE under the row's write lock, so two workstations
failing at once both count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from botox_chart import bounds
from botox_chart.store.models import SignInThrottle

FREE_FAILURES = 5
"""Failures in a row before attempts must wait."""
LOCK_AFTER = 10
"""Failures in a row that lock the user name."""
MAX_DELAY = timedelta(seconds=60)
KEY_LENGTH = 60
"""The longest stored key (a user name is at most 60 characters; a longer one typed is cut)."""

_TABLE = SignInThrottle.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Failures:
    """A user name's failed sign-ins in a row, and until when attempts are refused."""

    username: str
    failures: int
    last_failure_at: datetime
    locked_until: datetime | None

    def refused_until(self, now: datetime) -> datetime | None:
        """When the next attempt may be made, if it is later than ``now``; else None."""
        if self.locked_until is not None and now < self.locked_until:
            return self.locked_until
        if self.failures < FREE_FAILURES or self.failures >= LOCK_AFTER:
            return None  # free, or a lock that ran out: one attempt (a failure locks again)
        ready = self.last_failure_at + delay_after(self.failures)
        return ready if now < ready else None

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


def delay_after(failures: int) -> timedelta:
    """The wait after ``failures`` in a row: none before :data:`FREE_FAILURES`, then 1 s doubling
    with each failure, capped at :data:`MAX_DELAY`."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(timedelta(seconds=2 ** min(failures - FREE_FAILURES, 16)), MAX_DELAY)


def key(username: str) -> str:
    """The user name as it is counted: trimmed, lower case (as sign-in looks it up), unsafe
    characters escaped, at most :data:`KEY_LENGTH` characters."""
    return bounds.escape(username.strip().lower())[:KEY_LENGTH]


def utc(moment: datetime) -> datetime:
    """An aware UTC datetime (SQLite returns stored times without a zone; they are UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def local_time(moment: datetime, now: datetime) -> str:
    """``moment`` in the workstation's time zone, for a message: the time, and the date too when
    it is not today."""
    local = moment.astimezone()
    if local.date() == now.astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def get(db: Session, *, username: str) -> Failures | None:
    """The failures counted for this key (see :func:`key`), if any."""
    row = db.exec(select(SignInThrottle).where(col(SignInThrottle.username) == username)).first()
    return _failures(row) if row is not None else None


def every(db: Session) -> dict[str, Failures]:
    """Every user name with failures, by key (for the clinicians list)."""
    return {row.username: _failures(row) for row in db.exec(select(SignInThrottle))}


def count_failure(db: Session, *, username: str, now: datetime, lockout: timedelta) -> Failures:
    """One more failure for this key, in the session's transaction (the caller commits); the
    :data:`LOCK_AFTER`-th and every later one locks until ``now + lockout``."""
    now = utc(now)
    _insert_if_missing(db, username, now)
    db.execute(
        sa.update(_TABLE)
        .where(_TABLE.c.username == username)
        .values(failures=_TABLE.c.failures + 1, last_failure_at=now)
    )
    failures = db.execute(
        sa.select(_TABLE.c.failures).where(_TABLE.c.username == username)
    ).scalar_one()
    locked_until = None
    if failures >= LOCK_AFTER:
        locked_until = now + lockout
        db.execute(
            sa.update(_TABLE).where(_TABLE.c.username == username).values(locked_until=locked_until)
        )
    return Failures(username, int(failures), now, locked_until)


def clear(db: Session, *, username: str) -> bool:
    """Forget this key's failures (the caller commits); False if there were none."""
    result = db.execute(sa.delete(_TABLE).where(_TABLE.c.username == username))
    return bool(getattr(result, "rowcount", 0))


def _insert_if_missing(db: Session, username: str, now: datetime) -> None:
    """A row with no failures yet, unless it exists (another workstation may insert it at the
    same moment: the conflict is ignored, and the UPDATE that follows counts both)."""
    values = {"username": username, "failures": 0, "last_failure_at": now, "locked_until": None}
    dialect = db.get_bind().dialect.name
    if dialect == "postgresql":
        db.execute(postgresql.insert(_TABLE).values(values).on_conflict_do_nothing())
    elif dialect == "sqlite":
        db.execute(sqlite.insert(_TABLE).values(values).on_conflict_do_nothing())
    elif get(db, username=username) is None:
        db.execute(sa.insert(_TABLE).values(values))


def _failures(row: SignInThrottle) -> Failures:
    return Failures(
        username=row.username,
        failures=row.failures,
        last_failure_at=utc(row.last_failure_at),
        locked_until=utc(row.locked_until) if row.locked_until is not None else None,
    )
