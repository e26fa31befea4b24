"""Baseline for "ready to use": import PySide6 and SQLModel, show an empty QMainWindow.

The least a PySide6 app on SQLModel pays before it can show anything; run through
``benchmarks/probe.py`` like the app.
"""

from __future__ import annotations

import sys

import sqlmodel  # noqa: F401  (the import is the point: its cost is part of the baseline)
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare window with SQLModel")
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
