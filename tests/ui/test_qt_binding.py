"""The Qt binding must not corrupt the interpreter (PySide6 6.12.0 did: pyproject pins it out)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QPen
from PySide6.QtWidgets import QApplication


def test_calls_returning_nothing_keep_none_alive(qapp: QApplication) -> None:
    pen = QPen()
    before = sys.getrefcount(None)
    for _ in range(2000):
        pen.setWidth(1)
    # A leaky binding takes one reference per call; a sound one leaves the count about the same.
    assert sys.getrefcount(None) > before - 100
