"""Click to print preview: from Print preview of a signed session to the preview on screen.

``python -m benchmarks.preview --db URL --session ID [--rounds N]`` prints JSON. The real main
window is opened and signed in (``inprocess.open_window``); the background warm-up the app runs
once the list is in (``ui.app.warm_up``: the editor's and printing's imports) is let finish first,
as it has long before anyone clicks. Each round asks the window's print service for the session's
preview (what File › Print preview calls) and is timed until the preview dialog is exposed and its
events processed: the note rendered (reportlab), rasterised (PDFium) and painted. The first round
is reported apart (the diagram's drawing and the fonts are loaded then), then the median.
Goal: under 150 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from typing import Any


def measure(url: str, session_id: int, rounds: int) -> dict[str, Any]:
    from PySide6.QtTest import QTest

    from benchmarks.inprocess import open_window
    from botox_chart.ui.app import warm_up

    app, window, _dialogs = open_window(url)
    warm_up()
    printing = window.ensure_printing()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        dialog = printing.preview_sessions([session_id])
        if dialog is None:
            raise SystemExit(f"No preview for session {session_id}")
        QTest.qWaitForWindowExposed(dialog)
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
        dialog.close()
        app.processEvents()
    return {
        "first_ms": times[0],
        "median_ms": statistics.median(times[1:] or times),
        "samples_ms": [round(t, 1) for t in times],
    }


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
