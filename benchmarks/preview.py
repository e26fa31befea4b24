"""Click to print preview: from Print preview of a signed session to the preview on screen.

``python -m benchmarks.preview --db URL --session ID [--rounds N]`` prints JSON. The real main
window is opened and signed in (``inprocess.open_window``); the background warm-up the app runs
once the list is in (``ui.app.warm_up``) is let finish first, as it has long before anyone clicks.
Then, as a user does, the session's patient is chosen (:data:`REST_MS` pass), and each round
selects a signed session of that patient in the session list (the benchmark's session and
another one, in turn, so no round finds the previous round's pages), rests :data:`REST_MS` (the
pointer moving to the toolbar) and triggers File › Print preview, timed until the preview
dialog is exposed and its events processed: the note read, laid out (reportlab; ahead of the
click when the selection rested long enough, ``ui/notes_ahead.py``), rasterised (PDFium) and
painted. The first round is reported apart (reportlab, PDFium, the fonts and the diagram's
drawing load with the first patient and selection), then the median. Two more series say what
the rest buys: the click at once after the selection (``immediate``), and the print service
asked directly for a session nobody selected (``unprepared``: the whole layout after the click).
The peak memory after the previews is reported too (``peak_mb_after``, with printing loaded,
which the app's start-up leaves out).
Goal: under 150 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from typing import Any

REST_MS = 500
"""From selecting the session to the click on Print preview."""


def measure(url: str, session_id: int, rounds: int) -> dict[str, Any]:
    from PySide6.QtTest import QTest

    from benchmarks.inprocess import open_window
    from benchmarks.probe import memory_kb
    from botox_chart.ui.app import warm_up

    app, window, dialogs = open_window(url)
    warm_up()
    sessions = _signed_sessions_of_patient(window, url, session_id)
    other = next((s for s in sessions if s != session_id), None)
    if other is None:
        raise SystemExit(f"The patient of session {session_id} has no other signed session")
    pair = (session_id, other)

    def click(rest_ms: int, target: int) -> float:
        window.sessions.select(target)
        _rest(rest_ms)
        started = time.perf_counter()
        window.actions_.print_preview.trigger()
        dialog = _preview_dialog(app)
        QTest.qWaitForWindowExposed(dialog)
        app.processEvents()
        elapsed = (time.perf_counter() - started) * 1000
        dialog.close()
        app.processEvents()
        return elapsed

    rested = [click(REST_MS, pair[n % 2]) for n in range(rounds)]
    immediate = [click(0, pair[n % 2]) for n in range(rounds)]
    window.sessions.select(other)  # the benchmark's session is not the one selected
    _rest(REST_MS)
    printing = window.ensure_printing()
    unprepared = []
    for n in range(rounds):
        started = time.perf_counter()
        dialog = printing.preview_sessions([pair[n % 2]])
        if dialog is None:
            raise SystemExit(f"No preview for session {pair[n % 2]}")
        QTest.qWaitForWindowExposed(dialog)
        app.processEvents()
        unprepared.append((time.perf_counter() - started) * 1000)
        dialog.close()
        app.processEvents()
    if dialogs.errors():
        raise SystemExit(f"the app reported: {dialogs.errors()}")
    peak_kb, rss_kb = memory_kb()
    return {
        "peak_mb_after": peak_kb / 1024,
        "rss_mb_after": rss_kb / 1024,
        "rest_ms": REST_MS,
        "first_ms": rested[0],
        "median_ms": statistics.median(rested[1:] or rested),
        "samples_ms": [round(t, 1) for t in rested],
        "immediate_median_ms": statistics.median(immediate),
        "immediate_samples_ms": [round(t, 1) for t in immediate],
        "unprepared_median_ms": statistics.median(unprepared),
        "unprepared_samples_ms": [round(t, 1) for t in unprepared],
    }


def _rest(ms: int) -> None:
    """Let ``ms`` pass in the event loop, as between a user's two clicks. (Not QTest.qWait: it
    keeps Python's lock while it waits, so no background thread would run meanwhile.)"""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _signed_sessions_of_patient(window: Any, url: str, session_id: int) -> list[int]:
    """Choose the patient of ``session_id`` in the window; their signed sessions, listed."""
    from botox_chart.store import sessions, transaction

    engine = window.engine
    with transaction(engine) as db:
        patient_id = sessions.get(db, session_id=session_id).patient_id
    if not window.patients.select(patient_id):
        raise SystemExit(f"The patient of session {session_id} is not in the list ({url})")
    _rest(REST_MS)  # the user looks at the patient's sessions before choosing one
    listed = window.sessions.model.sessions()
    return [s.id for s in listed if s.status == "signed"]


def _preview_dialog(app: Any) -> Any:
    from botox_chart.ui.dialogs.print_preview import PrintPreviewDialog

    shown = [w for w in app.topLevelWidgets() if isinstance(w, PrintPreviewDialog)]
    shown = [w for w in shown if w.isVisible()]
    if len(shown) != 1:
        raise SystemExit(f"Print preview showed {len(shown)} preview dialogs")
    return shown[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, metavar="URL")
    parser.add_argument("--session", required=True, type=int, metavar="ID")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    json.dump(measure(args.db, args.session, args.rounds), sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
