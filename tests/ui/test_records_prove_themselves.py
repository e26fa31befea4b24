"""The window and records that prove themselves: a tampered signed session is said to be so, and a
database replaced under the window is never written (the window turns read-only and reloads)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.store import open_database, sessions, transaction
from botox_chart.store.engine import sqlite_path
from tests.helpers import raw
from tests.helpers.factories import (
    charting_clinician_id,
    make_clinician,
    make_patient,
    make_signed_session,
)
from tests.helpers.fake_dialogs import FakeDialogs
from tests.ui.conftest import LOAD_TIMEOUT_MS


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_signed_session_changed_outside_the_app_is_said_to_be_so(
    open_window: Any, engine: Engine, dialogs: FakeDialogs
) -> None:
    doctor = make_clinician(engine)
    patient = make_patient(engine)
    intact = make_signed_session(engine, patient, doctor)
    tampered = make_signed_session(engine, patient, doctor)
    path = sqlite_path(engine)
    assert path is not None
    with raw.connect(path) as conn:
        conn.executescript(
            f"""CREATE TEMP TABLE t AS SELECT * FROM treatment_session WHERE id = {tampered.id};
            UPDATE t SET lot_number = 'FAKE123';
            INSERT OR REPLACE INTO treatment_session SELECT * FROM t;"""
        )
    conn.close()
    window = open_window(dialogs, doctor)
    editor: Any = window.editor if window.editor is not None else window.ensure_editor()

    assert editor.open_session(intact.id)
    assert "fingerprint" in editor.panel().save_state_text()
    assert "DOES NOT MATCH" not in editor.panel().save_state_text()
    assert dialogs.messages("error") == []

    assert editor.open_session(tampered.id)
    assert "DOES NOT MATCH ITS SIGNATURE" in editor.panel().save_state_text()
    (message,) = dialogs.messages("error")
    assert f"Session {tampered.id} no longer matches what was signed" in message


def test_a_database_replaced_under_the_window_is_never_written(
    qtbot: QtBot, open_window: Any, engine: Engine, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    """Another file is moved into the database's place (as a restore by hand would): the open
    draft's next save is refused, the window turns read-only, and a reload shows the new file."""
    doctor = make_clinician(engine)
    patient = make_patient(engine)
    path = sqlite_path(engine)
    assert path is not None
    window = open_window(dialogs, doctor)
    window.patients.select(patient.id)
    window.actions_.new_session.trigger()
    editor: Any = window.editor
    draft_id = editor.session_id()
    assert draft_id is not None

    other = tmp_path / "other.sqlite3"
    elsewhere = open_database(str(other))
    with transaction(elsewhere) as db:  # the other file has a draft with the same id
        someone = make_patient(elsewhere, family_name="Gagnon")
        assert someone.id is not None
        row = sessions.create_draft(
            db, patient_id=someone.id, injector_id=charting_clinician_id(db)
        )
    elsewhere.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{other}{suffix}").unlink(missing_ok=True)
    os.replace(other, path)
    for suffix in ("-wal", "-shm"):  # the old file's, as botox-chart restore removes them too
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    before = file_digest(path)

    dialogs.confirms.append(False)  # not yet: the user reads the message first
    editor.apply_protocol()

    qtbot.waitUntil(lambda: window.replaced, timeout=LOAD_TIMEOUT_MS)
    assert "was replaced" in window.banner.text()
    assert "was replaced" in dialogs.messages("confirm")[-1]
    assert not window.actions_.new_session.isEnabled()
    assert window.actions_.refresh.isEnabled()
    assert file_digest(path) == before

    with qtbot.waitSignal(window.patientsLoaded, timeout=LOAD_TIMEOUT_MS):
        window.actions_.refresh.trigger()  # View › Refresh reloads the database
    assert not window.replaced and window.banner.text() == ""
    assert window.editor is None and window.sign_in.clinician() is None
    assert window.patients.model.rowCount() == 1
    # The file put in place holds what it held: the stale window wrote nothing into it.
    check = open_database(str(path))
    with transaction(check) as db:
        assert sessions.get(db, session_id=row.id).patient_id == someone.id
        assert sessions.load_chart(db, session_id=row.id).total_units == 0
    check.dispose()


def test_a_damaged_database_shows_a_banner_and_is_neither_written_nor_backed_up(
    qtbot: QtBot, tmp_path: Path, dialogs: FakeDialogs
) -> None:
    import random

    from botox_chart import paths
    from botox_chart.store import demo
    from botox_chart.ui.main_window import MainWindow

    path = tmp_path / "clinic.sqlite3"
    engine = open_database(str(path))
    demo.generate(engine, patients=40, seed=4)
    engine.dispose()
    with raw.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with path.open("r+b") as f:
        f.seek(path.stat().st_size // 2)
        f.write(random.Random(5).randbytes(8192))
    before = file_digest(path)

    window = MainWindow(dialogs)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.databaseFailed, timeout=LOAD_TIMEOUT_MS):
        window.open_database(str(path))

    assert "is damaged" in window.banner.text() and window.banner.isVisible()
    assert window.engine is None
    window.loader.wait()
    assert file_digest(path) == before
    assert not paths.backups_dir(path, create=False).exists()
