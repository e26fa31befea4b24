"""Check boxes in columns: as many as the width allows, and the height that needs."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget
from pytestqt.qtbot import QtBot

from botox_chart.ui.widgets.check_columns import CheckColumns


def test_columns_follow_the_width_and_the_height_follows_the_columns(qtbot: QtBot) -> None:
    boxes = [QCheckBox(f"Adverse event number {n}") for n in range(5)]
    window = QWidget()  # shown inside a window, as in the session panel
    qtbot.addWidget(window)
    grid = CheckColumns(boxes, parent=window)
    window.show()
    cell = boxes[0].sizeHint()
    one = grid.heightForWidth(cell.width())
    two = grid.heightForWidth(cell.width() * 3)
    assert one > two  # five rows against three

    grid.resize(cell.width() * 3, two)
    assert grid.columns() == 2
    assert boxes[3].x() > boxes[0].x()  # filled top to bottom, then the next column
    grid.resize(cell.width(), one)
    assert grid.columns() == 1
    assert {box.x() for box in boxes} == {0}
    assert grid.minimumSizeHint().width() == cell.width()
