"""Baseline for "window on screen": import PySide6, show an empty QMainWindow, run the event loop.

Run through ``benchmarks/probe.py`` like the app, so both are timed the same way.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare window")
    window.resize(1400, 900)
    try:
        import bench_probe  # present when run through benchmarks/probe.py
    except ImportError:
        bench_probe = None
    if bench_probe is not None:
        bench_probe.watch(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
