"""Charts in a loop, saying "ready", then "saved STEP" after each save returns (a child process).

tests/store/test_kill_safety.py kills this process with SIGKILL at random moments and checks that
every save it reported is in the database. ``chart_for(step)`` is deterministic, so the test can
rebuild what each step stored.

Usage: python -m tests.helpers.kill_harness DB_URL SESSION_ID PATIENT_ID CLINICIAN_ID
"""

from __future__ import annotations

import sys
from datetime import date

from botox_chart.chart import Chart
from botox_chart.store import open_database, sessions, transaction
from tests.helpers.factories import ready_chart

SIGN_AT = 40
"""After this many saves the session is signed (so some kills land in or after signing)."""


def chart_for(step: int) -> Chart:
    chart = ready_chart(date(2026, 11, 2))
    site = chart.protocol.sites[step % len(chart.protocol.sites)]
    chart.set_units(site.code, (step % 9) + 1)
    if step % 3 == 0:
        chart.omit("PRO", f"step {step}")
    chart.notes = f"step {step}"
    return chart


def main(url: str, session_id: int, clinician_id: int) -> None:
    engine = open_database(url)
    print("ready", flush=True)
    version = 1
    with transaction(engine) as db:
        patient_id = sessions.get(db, session_id=session_id).patient_id
    for step in range(SIGN_AT):
        with transaction(engine) as db:
            version = sessions.save_draft(
                db,
                session_id=session_id,
                patient_id=patient_id,
                chart=chart_for(step),
                expected_version=version,
                clinician_id=clinician_id,
            )
        print(f"saved {step}", flush=True)
    with transaction(engine) as db:
        findings = sessions.load_chart(db, session_id=session_id).findings()
        sessions.sign(
            db,
            session_id=session_id,
            patient_id=patient_id,
            clinician_id=clinician_id,
            acknowledged=[f.key for f in findings],
            today=date(2026, 11, 2),
        )
    print("signed", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
