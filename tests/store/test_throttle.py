"""Sign-in throttling (issue 10, item 4): after 5 failed sign-ins in a row for a user name each
attempt waits longer, after 10 the account is locked for the clinic's lockout minutes, and an
administrator can unlock it. Every failure is audited without the password; a success writes
nothing. Time is passed in (``now``): no test sleeps."""

from __future__ import annotations

import hashlib
import json
import re
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from botox_chart.store import audit, clinicians, open_database, settings, throttle, transaction
from botox_chart.store.clinicians import ClinicianError, TooManyFailures
from botox_chart.store.engine import sqlite_path
from botox_chart.store.models import Clinician, Role
from botox_chart.store.verify import verify

T0 = datetime(2026, 12, 8, 14, 0, tzinfo=UTC)
PASSWORD = "the right one"
WRONG = "Wrong user name or password."


@pytest.fixture
def team(any_engine: Engine) -> dict[str, Clinician]:
    return make_team(any_engine)


def make_team(engine: Engine) -> dict[str, Clinician]:
    """An administrator and an injector who sign in."""
    with transaction(engine) as db:
        admin = clinicians.add(
            db,
            name="Dr Ana Souza",
            role=Role.PHYSICIAN,
            username="souza",
            password=PASSWORD,
            is_admin=True,
            by=None,
        )
        nurse = clinicians.add(
            db, name="Claire Dubé", username="dube", password=PASSWORD, by=admin.id
        )
    return {"admin": admin, "nurse": nurse}


def sign_in(
    engine: Engine, password: str, at: datetime, username: str = "dube"
) -> Clinician | ClinicianError:
    """One attempt at ``at``: the clinician, or the refusal."""
    try:
        with transaction(engine) as db:
            return clinicians.authenticate(
                db, username=username, password=password, now=at, workstation="exam-room-2"
            )
    except ClinicianError as err:
        return err


def second_workstation(engine: Engine) -> Engine:
    """Another engine on the same database, as a second workstation opens it."""
    path = sqlite_path(engine)
    return open_database(
        f"sqlite:///{path}" if path else engine.url.render_as_string(hide_password=False)
    )


def failures(engine: Engine, username: str = "dube") -> int:
    with transaction(engine) as db:
        counted = throttle.get(db, username=username)
    return counted.failures if counted is not None else 0


def failed_events(engine: Engine) -> list[dict[str, object]]:
    with transaction(engine) as db:
        return [e.changes for e in audit.events(db) if e.action == "sign_in_failed"]


def test_the_delay_doubles_from_the_fifth_failure_and_is_capped() -> None:
    assert [throttle.delay_after(n).total_seconds() for n in range(12)] == [
        *[0] * 5,
        *[1, 2, 4, 8, 16, 32, 60],
    ]
    assert throttle.delay_after(500) == throttle.MAX_DELAY == timedelta(seconds=60)


def test_five_failures_are_free_then_each_attempt_waits_longer_then_the_account_locks(
    any_engine: Engine, team: dict[str, Clinician]
) -> None:
    # A second workstation on the same database counts the same failures.
    other = second_workstation(any_engine)
    workstations = [any_engine, other]
    for n in range(4):
        refused = sign_in(workstations[n % 2], "wrong", T0)
        assert type(refused) is ClinicianError and str(refused) == WRONG
    refused = sign_in(any_engine, "wrong", T0)  # the 5th: checked, and now the next one waits
    assert isinstance(refused, TooManyFailures) and not refused.locked
    assert str(refused) == f"{WRONG} Too many failed sign-ins for dube: try again in 1 second."

    # Too early: refused without checking, even the right password, and not counted.
    early = sign_in(other, PASSWORD, T0 + timedelta(milliseconds=500))
    assert str(early) == "Too many failed sign-ins for dube: try again in 1 second."
    assert failures(any_engine) == 5 and len(failed_events(any_engine)) == 5

    at = T0 + timedelta(seconds=1)
    for n, delay in zip(range(6, 10), (2, 4, 8, 16), strict=True):
        refused = sign_in(workstations[n % 2], "wrong", at)
        assert isinstance(refused, TooManyFailures) and refused.until == at + timedelta(
            seconds=delay
        )
        assert str(refused).endswith(f"try again in {delay} seconds.")
        almost = sign_in(any_engine, PASSWORD, at + timedelta(seconds=delay - 0.5))
        assert str(almost) == "Too many failed sign-ins for dube: try again in 1 second."
        at += timedelta(seconds=delay)
    assert failures(any_engine) == 9

    locked = sign_in(other, "wrong", at)  # the 10th locks for the clinic's 15 minutes
    assert isinstance(locked, TooManyFailures) and locked.locked
    assert locked.until == at + timedelta(minutes=15)
    until = throttle.local_time(locked.until, at)
    assert str(locked) == (
        f"{WRONG} Too many failed sign-ins for dube: locked until {until}; an administrator can "
        f"unlock it sooner."
    )
    still = sign_in(any_engine, PASSWORD, at + timedelta(minutes=14, seconds=59))
    assert isinstance(still, TooManyFailures) and still.locked and str(still).startswith("Too many")
    assert failures(any_engine) == 10

    signed_in = sign_in(any_engine, PASSWORD, at + timedelta(minutes=15))
    assert isinstance(signed_in, Clinician) and signed_in.id == team["nurse"].id
    assert failures(any_engine) == 0  # a success starts the count again
    other.dispose()


def test_after_a_lock_runs_out_one_more_failure_locks_again_for_the_clinics_minutes(
    any_engine: Engine, team: dict[str, Clinician]
) -> None:
    with transaction(any_engine) as db:
        settings.save(
            db,
            settings=settings.ClinicSettings(lockout_minutes="30"),
            clinician_id=team["admin"].id,
        )
    at = T0
    for _ in range(10):
        refused = sign_in(any_engine, "wrong", at)
        at = max(at, getattr(refused, "until", at))
    assert isinstance(refused, TooManyFailures) and refused.until == at
    assert at - T0 == timedelta(seconds=31, minutes=30)  # 1+2+4+8+16 s of waits, then 30 min

    again = sign_in(any_engine, "wrong", at)
    assert isinstance(again, TooManyFailures) and again.locked
    assert again.until == at + timedelta(minutes=30)
    assert failures(any_engine) == 11


def test_the_lockout_setting_is_kept_within_a_minute_and_a_day() -> None:
    assert settings.ClinicSettings().lockout_minutes == "15"
    for text, minutes in (("15", 15), ("0", 1), ("-5", 1), ("99999", 1440), ("soon", 15), ("", 15)):
        assert settings.lockout_minutes(text) == minutes


def test_a_success_resets_the_count(any_engine: Engine, team: dict[str, Clinician]) -> None:
    for _ in range(4):
        sign_in(any_engine, "wrong", T0)
    assert isinstance(sign_in(any_engine, PASSWORD, T0), Clinician)
    for _ in range(4):
        refused = sign_in(any_engine, "wrong", T0)
        assert type(refused) is ClinicianError  # 4 in a row, not 8
    assert failures(any_engine) == 4


def test_a_user_name_nobody_has_is_throttled_and_audited_alike(
    any_engine: Engine, team: dict[str, Clinician]
) -> None:
    for _ in range(4):
        assert str(sign_in(any_engine, PASSWORD, T0, username="Nobody")) == WRONG
    refused = sign_in(any_engine, PASSWORD, T0, username="nobody ")
    assert str(refused) == f"{WRONG} Too many failed sign-ins for nobody: try again in 1 second."
    assert failures(any_engine, "nobody") == 5 and failures(any_engine, "dube") == 0
    assert [e["username"] for e in failed_events(any_engine)] == ["Nobody"] * 4 + ["nobody "]


def test_failures_are_audited_with_the_user_name_and_workstation_never_the_password(
    any_engine: Engine, team: dict[str, Clinician]
) -> None:
    secret = "Hunter2-my-secret"
    sign_in(any_engine, secret, T0, username="DUBE")
    with transaction(any_engine) as db:
        with pytest.raises(ClinicianError):
            clinicians.authenticate(db, username="dube", password=secret + "2", now=T0)
        events = [e for e in audit.events(db) if e.action == "sign_in_failed"]
    assert [e.changes for e in events] == [
        {"username": "DUBE", "workstation": "exam-room-2", "failures": 1},
        {"username": "dube", "workstation": socket.gethostname()[:100], "failures": 2},
    ]
    assert all(e.clinician_id is None for e in events)  # nobody is known to have acted
    with any_engine.connect() as conn:
        stored = [
            json.dumps(list(row), default=str)
            for table in ("audit_event", "sign_in_throttle", "setting")
            for row in conn.execute(sa.text(f"SELECT * FROM {table}"))
        ]
    assert stored and not any(secret in row for row in stored)


def test_odd_user_names_are_counted_escaped_and_bounded(
    any_engine: Engine, team: dict[str, Clinician]
) -> None:
    for typed in ("dube\x00", "\u202eebud", "x" * 300):
        assert str(sign_in(any_engine, PASSWORD, T0, username=typed)) == WRONG
    with transaction(any_engine) as db:
        counted = sorted(throttle.every(db))
    assert counted == sorted(["dube\\x00", "\\u202eebud", "x" * 60])
    assert [e["username"] for e in failed_events(any_engine)] == [
        "dube\\x00",
        "\\u202eebud",
        "x" * 60,
    ]


def test_an_administrator_unlocks_and_nobody_else_can(
    any_engine: Engine, team: dict[str, Clinician]
) -> None:
    at = T0
    for _ in range(10):
        refused = sign_in(any_engine, "wrong", at)
        at = max(at, getattr(refused, "until", at))
    assert isinstance(sign_in(any_engine, PASSWORD, T0 + timedelta(minutes=1)), TooManyFailures)
    with transaction(any_engine) as db:
        with pytest.raises(ClinicianError, match="Only an administrator can unlock a sign-in"):
            clinicians.unlock(db, username="dube", by=team["nurse"].id)
        with pytest.raises(ClinicianError, match=r"administrator .*nobody is signed in"):
            clinicians.unlock(db, username="dube", by=None)
        assert clinicians.unlock(db, username="Dube", by=team["admin"].id)
        assert not clinicians.unlock(db, username="dube", by=team["admin"].id)  # nothing left
        unlocked = [e for e in audit.events(db) if e.action == "unlock_sign_in"]
    assert [(e.clinician_id, e.changes) for e in unlocked] == [
        (team["admin"].id, {"username": "dube"})
    ]
    assert isinstance(sign_in(any_engine, PASSWORD, T0 + timedelta(minutes=1)), Clinician)


def test_failed_sign_ins_are_listed_for_the_clinicians_dialog(
    any_engine: Engine, team: dict[str, Clinician]
) -> None:
    for _ in range(3):
        sign_in(any_engine, "wrong", T0)
    with transaction(any_engine) as db:
        listed = clinicians.failed_sign_ins(db)
    assert list(listed) == ["dube"]
    assert listed["dube"].failures == 3 and listed["dube"].last_failure_at == T0
    assert not listed["dube"].locked(T0) and listed["dube"].refused_until(T0) is None


def test_a_successful_sign_in_leaves_the_database_files_unchanged(engine: Engine) -> None:
    make_team(engine)
    path = sqlite_path(engine)
    assert path is not None
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digests(path)

    for _ in range(3):
        with transaction(engine) as db:
            assert clinicians.authenticate(db, username="dube", password=PASSWORD).id

    assert digests(path) == before


def test_a_success_after_failures_only_clears_the_count(engine: Engine) -> None:
    make_team(engine)
    sign_in(engine, "wrong", T0)
    with transaction(engine) as db:
        events = len(audit.events(db))
    assert isinstance(sign_in(engine, PASSWORD, T0), Clinician)
    with transaction(engine) as db:
        assert len(audit.events(db)) == events
        assert throttle.every(db) == {}


def digests(path: Path) -> dict[str, str]:
    """SHA-256 of the database file and of its WAL (where committed writes land first)."""
    found = {}
    for file in (path, path.with_name(path.name + "-wal")):
        if file.exists():
            found[file.name] = hashlib.sha256(file.read_bytes()).hexdigest()
    return found


def test_the_wait_is_said_in_whole_seconds_rounded_up() -> None:
    def said(seconds: float) -> str:
        until = T0 + timedelta(seconds=seconds)
        return str(TooManyFailures("dube", until=until, now=T0, locked=False))

    assert said(0.1).endswith("try again in 1 second.")
    assert said(1).endswith("try again in 1 second.")
    assert said(41.2).endswith("try again in 42 seconds.")
    locked = TooManyFailures("dube", until=T0 + timedelta(days=1), now=T0, locked=True)
    assert re.search(r"locked until \d{4}-\d\d-\d\d \d\d:\d\d;", str(locked))  # another day


def test_failures_and_unlocks_are_links_of_the_audit_chain(
    any_engine: Engine, team: dict[str, Clinician]
) -> None:
    at = T0
    for _ in range(10):
        refused = sign_in(any_engine, "wrong", at)
        at = max(at, getattr(refused, "until", at))
    with transaction(any_engine) as db:
        clinicians.unlock(db, username="dube", by=team["admin"].id)
    report = verify(any_engine)
    assert report.ok, report.problems


def test_a_new_password_set_by_an_administrator_lifts_the_lock(
    any_engine: Engine, team: dict[str, Clinician]
) -> None:
    at = T0
    for _ in range(10):
        refused = sign_in(any_engine, "wrong", at)
        at = max(at, getattr(refused, "until", at))
    nurse = team["nurse"].id
    assert nurse is not None
    with transaction(any_engine) as db:
        clinicians.set_password(db, clinician_id=nurse, password="a fresh one", by=team["admin"].id)
        reset = audit.events(db)[-1]
    assert reset.action == "set_password" and reset.changes["sign_in_unlocked"] is True
    assert isinstance(sign_in(any_engine, "a fresh one", at), Clinician)
