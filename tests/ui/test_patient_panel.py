"""The patient panel: Enter or a double-click asks to chart a patient (a single click only selects),
and a keystroke in the search box never lays the window out again (the count keeps its size)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from botox_chart.store.patients import PatientSummary, search_key
from botox_chart.ui.widgets.patient_panel import PatientPanel


def summary(n: int, family: str, given: str) -> PatientSummary:
    born, chart = date(1970, 1, 1 + n % 28), f"C{n:06d}"
    return PatientSummary(n, family, given, born, chart, search_key(family, given, chart, born))


PATIENTS = [summary(n, family, "Marie") for n, family in enumerate(["Gagnon", "Roy", "Tremblay"])]
PATIENTS += [summary(100 + n, "Côté", f"Luc {n}") for n in range(1200)]


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[PatientPanel]:
    host = QWidget()  # in a parent layout, as in the window: what a relayout would reach
    qtbot.addWidget(host)
    panel = PatientPanel()
    layout = QVBoxLayout(host)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # the host's size is fixed
    layout.addWidget(panel)
    host.resize(420, 600)
    host.show()
    qtbot.waitExposed(host)
    panel.set_patients(sorted(PATIENTS, key=lambda p: (p.family_name, p.given_names)))
    yield panel
    del host


def row_center(panel: PatientPanel, patient_id: int) -> object:
    row = panel.model.row_of(patient_id)
    assert row is not None
    return panel.view.visualRect(panel.model.index(row, 0)).center()


def test_a_double_click_asks_to_chart_and_a_single_click_only_selects(
    qtbot: QtBot, panel: PatientPanel
) -> None:
    asked: list[int] = []
    panel.patientActivated.connect(asked.append)
    at = row_center(panel, 1)

    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert (panel.current_id(), asked) == (1, [])

    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert asked == [1]


def test_enter_on_the_selected_patient_asks_to_chart(qtbot: QtBot, panel: PatientPanel) -> None:
    asked: list[int] = []
    panel.patientActivated.connect(asked.append)
    panel.focus_search()
    qtbot.keyClicks(panel.search, "roy")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)  # into the list, first match selected
    assert asked == [] and panel.current_id() == 1

    qtbot.keyClick(panel.view, Qt.Key.Key_Return)

    assert asked == [1]


def test_typing_a_search_never_lays_the_window_out_again(qtbot: QtBot, panel: PatientPanel) -> None:
    class LayoutRequests(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.LayoutRequest:
                LayoutRequests.count += 1
            return False

    panel.focus_search()
    widths = {panel.count.width()}
    qtbot.keyClick(panel.search, "c")  # the box's clear button appears: a relayout, once
    qtbot.wait(50)
    requests = LayoutRequests()
    host = panel.parentWidget()
    assert host is not None
    host.installEventFilter(requests)
    panel.installEventFilter(requests)

    for char in "ote luc 11":
        qtbot.keyClick(panel.search, char)
        qtbot.wait(1)  # posted layout requests are delivered
        widths.add(panel.count.width())

    shown = panel.model.rowCount()
    assert 0 < shown < 1203
    assert panel.count.text() == f"{shown:,} of 1,203 patients"
    assert LayoutRequests.count == 0
    assert len(widths) == 1
    text_width = panel.count.fontMetrics().horizontalAdvance("1,203 of 1,203 patients")
    assert panel.count.width() >= text_width  # the longest count fits
