"""Closing the window vouches for what it wrote (store.checked): the next opening of the file,
by the window or a command, does not read every page again, unless another program wrote."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from botox_chart.store import open_database
from tests.helpers import raw
from tests.helpers.factories import make_clinician
from tests.ui.conftest import FakeDialogs, OpenWindow


def test_after_the_window_closes_its_own_writes_are_not_checked_again(
    open_window: OpenWindow,
    dialogs: FakeDialogs,
    engine: Engine,
    sqlite_url: str,
    full_checks: list[Path],
) -> None:
    clinician = make_clinician(engine)
    engine.dispose()
    window = open_window(dialogs, clinician)  # signing in writes to the audit trail
    opening = len(full_checks)
    assert opening >= 1

    window.close()
    open_database(sqlite_url).dispose()
    assert len(full_checks) == opening


def test_a_write_by_another_program_while_the_window_was_open_is_checked(
    open_window: OpenWindow,
    dialogs: FakeDialogs,
    engine: Engine,
    sqlite_url: str,
    full_checks: list[Path],
) -> None:
    clinician = make_clinician(engine)
    database = raw.database_file(engine)
    engine.dispose()
    window = open_window(dialogs, clinician)
    opening = len(full_checks)
    other = raw.connect(database)
    other.execute("CREATE TABLE scratch (x)")
    other.commit()
    other.close()

    window.close()
    open_database(sqlite_url).dispose()
    assert len(full_checks) == opening + 1
