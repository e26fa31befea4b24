"""The session panel in the window: "Consent & screen" comes before the totals and "Product &
dilution", so its one-click button is in sight without scrolling at 1400x900 and 1280x800; and at
the window's smallest size (also 2x scale on a 1400x900 screen) the panel keeps its width."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.store.models import Clinician, Patient
from botox_chart.ui.main_window import MainWindow
from botox_chart.ui.widgets.session_editor import SessionEditor
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart
from tests.helpers.fake_dialogs import FakeDialogs


@pytest.fixture
def doctor(engine: Engine) -> Clinician:
    return make_clinician(engine)


@pytest.fixture
def due(engine: Engine, doctor: Clinician) -> Patient:
    patient = make_patient(engine, family_name="Aalto", given_names="Due")
    chart = ready_chart(date.today() - timedelta(days=91))
    chart.set_vial(0, lot_expiry=date.today() + timedelta(days=365))
    make_signed_session(engine, patient, doctor, chart)
    return patient


def charting(open_window: Any, doctor: Clinician, due: Patient, qtbot: QtBot) -> MainWindow:
    """The window with a fresh draft repeated from the patient's last session (not consented)."""
    window: MainWindow = open_window(FakeDialogs(), doctor)
    assert due.id is not None
    window.patients.select(due.id)
    window.commands.repeat_last()
    assert window.commands.editing() is not None
    return window


def editor_of(window: MainWindow) -> SessionEditor:
    assert isinstance(window.editor, SessionEditor)
    return window.editor


def fully_visible(widget: QWidget) -> bool:
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def test_consent_and_screen_come_before_the_totals_and_the_product(
    open_window: Any, doctor: Clinician, due: Patient, qtbot: QtBot
) -> None:
    panel = editor_of(charting(open_window, doctor, due, qtbot)).panel()
    body = panel.widget()
    assert body is not None and body.layout() is not None
    order = [body.layout().indexOf(w) for w in (panel.current, panel.consent_screen)]
    order += [body.layout().indexOf(w) for w in (panel.totals, panel.product, panel.outcome)]
    assert order == sorted(order) and -1 not in order


@pytest.mark.parametrize("size", [(1400, 900), (1280, 800)])
def test_the_one_click_consent_is_in_sight_without_scrolling(
    open_window: Any, doctor: Clinician, due: Patient, qtbot: QtBot, size: tuple[int, int]
) -> None:
    window = charting(open_window, doctor, due, qtbot)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    panel = editor_of(window).panel()
    qtbot.wait(20)  # layouts settle

    assert panel.verticalScrollBar().value() == 0
    assert fully_visible(panel.consent_screen.all_clear)
    assert panel.consent_screen.all_clear.isEnabled()


def test_at_the_smallest_window_the_panel_keeps_its_width(
    open_window: Any, doctor: Clinician, due: Patient, qtbot: QtBot
) -> None:
    """640x440 is the window's minimum: what QT_SCALE_FACTOR=2 on a small screen leaves. With
    the patients pane dragged shut, the diagram gives way and the panel keeps its minimum."""
    window = charting(open_window, doctor, due, qtbot)
    vials = editor_of(window).panel().product.vials
    qtbot.mouseClick(vials.add_button, Qt.MouseButton.LeftButton)  # two vials: two rows each
    assert len(vials.rows) == 2
    window.resize(window.minimumSize())
    total = sum(window.splitter.sizes())
    window.splitter.setSizes([0, total])
    qtbot.wait(20)
    panel = editor_of(window).panel()

    assert window.width() <= 640
    diagram = editor_of(window).diagram()
    assert diagram is not None
    # Both fit at their minimum widths, with room to spare for other fonts and styles.
    room = window.right.width()
    assert diagram.minimumSizeHint().width() + panel.minimumSizeHint().width() + 40 < room
    assert panel.width() >= panel.minimumSizeHint().width()
    assert diagram.width() >= diagram.minimumSizeHint().width()
    right_edge = panel.mapTo(window, panel.rect().topRight()).x()
    assert right_edge < window.width()
    shown = QRect(panel.mapTo(window, panel.rect().topLeft()), panel.size())
    assert window.rect().contains(shown)
