"""Autosave and signing are atomic: a charting process killed with SIGKILL loses nothing it
reported saved, and leaves a sound database.

Each run kills BOTOX_CHART_KILLS child processes (default 20, what CI runs); run the full check
with ``BOTOX_CHART_KILLS=100 pytest -m slow`` (README, "Your data").
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from botox_chart.store import open_database, sessions, transaction
from botox_chart.store.models import Status
from botox_chart.store.verify import verify
from tests.helpers import raw
from tests.helpers.factories import make_clinician, make_patient
from tests.helpers.kill_harness import SIGN_AT, chart_for

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("BOTOX_CHART_KILLS", "20"))


def start_draft(engine: Engine) -> tuple[int, int]:
    patient = make_patient(engine)
    doctor = make_clinician(engine)
    with transaction(engine) as db:
        row = sessions.create_draft(db, patient_id=patient.id, injector_id=doctor.id)
    assert row.id is not None and doctor.id is not None
    return row.id, doctor.id


def run_and_kill(url: str, session_id: int, clinician_id: int, after: float) -> list[str]:
    """Start the harness, SIGKILL it ``after`` seconds after it is ready; the lines it printed."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.helpers.kill_harness",
            url,
            str(session_id),
            str(clinician_id),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    first = child.stdout.readline().strip()
    time.sleep(after)
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate()
    assert first == "ready", err
    assert child.returncode in (-signal.SIGKILL, 0), err
    return out.splitlines()


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(KILLS))
def test_a_killed_charting_process_loses_nothing_it_reported_saved(
    tmp_path: Path, seed: int
) -> None:
    path = tmp_path / "kill.sqlite3"
    engine = open_database(str(path))
    session_id, clinician_id = start_draft(engine)
    engine.dispose()
    # The 40 saves and the signature take about 0.2-0.4 s: most kills land mid-charting.
    after = random.Random(seed).uniform(0.0, 0.4)
    lines = run_and_kill(f"sqlite:///{path}", session_id, clinician_id, after)

    with raw.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    engine = open_database(str(path))
    with transaction(engine) as db:
        row = sessions.get(db, session_id=session_id)
        stored = sessions.load_chart(db, session_id=session_id)
    report = verify(engine)  # the audit chain and its anchors hold whenever the kill landed
    engine.dispose()
    assert report.ok, report.problems

    saved = [int(line.split()[1]) for line in lines if line.startswith("saved")]
    if "signed" in lines or row.status == Status.SIGNED:
        # Signing happens only after the last save, and is all or nothing.
        assert row.status == Status.SIGNED and row.signed_at is not None
        assert stored.notes == f"step {SIGN_AT - 1}"
        assert stored.injections == chart_for(SIGN_AT - 1).injections
        return
    assert row.signed_at is None
    if not saved and stored.notes == "":
        assert stored.injections == [] and row.version == 1  # killed before its first save
        return
    # The last reported save is there, or the one after it (committed, killed before printing).
    step = int(stored.notes.removeprefix("step "))
    assert step in ([saved[-1], saved[-1] + 1] if saved else [0])
    assert stored.injections == chart_for(step).injections
    assert row.version == step + 2
