"""Search latency: from a key press in the patient search box to the filtered list painted.

``python -m benchmarks.search --db URL [--rounds N]`` prints JSON. The real main window is opened
on the database (``inprocess.open_window``); each query is typed one key at a time with
``QTest.keyClicks`` into the search box, and each key is timed from before the key event to after
``processEvents()`` has run the filter (``PatientListModel.set_filter``), the model reset and the
repaint it posts. A paint of the list's viewport during each key is counted, as evidence the time
includes painting. The box is cleared (untimed) between queries.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from typing import Any

QUERIES = ("tremblay", "nguyen", "kowalski", "o'brien", "gagnon marie", "côté", "d00123")
"""Names (accents, an apostrophe, two words) and a chart-number prefix, as typed at the desk."""


def type_key(widget: Any, char: str) -> None:
    """One key press and release typing ``char``, as a keyboard would send it.

    QTest's own typing only knows ASCII; an accented letter is sent as its Latin-1 key with its
    text, like a French keyboard's "é" key.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    if char.isascii():
        QTest.keyClicks(widget, char)
        return
    key = Qt.Key(ord(char.upper())) if ord(char) < 256 else Qt.Key.Key_unknown
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def measure(url: str, rounds: int, queries: tuple[str, ...] = QUERIES) -> dict[str, Any]:
    from PySide6.QtCore import QEvent, QObject

    from benchmarks.inprocess import open_window

    app, window, dialogs = open_window(url)
    panel = window.patients
    total = panel.model.total()

    class PaintCounter(QObject):
        paints = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                PaintCounter.paints += 1
            return False

    counter = PaintCounter()
    panel.view.viewport().installEventFilter(counter)
    panel.focus_search()
    times: list[float] = []
    painted = 0
    per_query: dict[str, list[float]] = {}
    rows_left: dict[str, int] = {}
    for _round in range(rounds):
        for query in queries:
            panel.search.clear()
            app.processEvents()
            for char in query:
                before = PaintCounter.paints
                start = time.perf_counter()
                type_key(panel.search, char)
                app.processEvents()
                elapsed = (time.perf_counter() - start) * 1000
                times.append(elapsed)
                per_query.setdefault(query, []).append(elapsed)
                painted += PaintCounter.paints > before
            rows_left[query] = panel.model.rowCount()
            if panel.search.text() != query:
                raise SystemExit(f"typed {query!r} but the box shows {panel.search.text()!r}")
    if dialogs.errors():
        raise SystemExit(f"the app reported: {dialogs.errors()}")
    window.close()
    ordered = sorted(times)
    return {
        "patients": total,
        "keystrokes": len(times),
        "median_ms": statistics.median(times),
        "p90_ms": ordered[int(0.9 * (len(ordered) - 1))],
        "max_ms": ordered[-1],
        "painted_keystrokes": painted,
        "per_query_median_ms": {q: statistics.median(v) for q, v in per_query.items()},
        "rows_left": rows_left,
        "samples_ms": [round(t, 3) for t in times],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, metavar="URL")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    json.dump(measure(args.db, args.rounds), sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
