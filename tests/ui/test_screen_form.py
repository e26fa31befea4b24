"""Consent and the screen: the one-click "Consent obtained · no contraindications" records both
(the session editor makes it one undo step: tests/ui/test_window_commands.py), is off once done,
never overwrites a contraindication recorded present, and is gone from a signed session."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from botox_chart import protocol
from botox_chart.chart import CONTRAINDICATIONS, Chart, ChartError
from botox_chart.ui.widgets.screen_form import (
    PRESENT_TIP,
    ScreenForm,
    all_clear_undo,
    record_all_clear,
)


def new_chart() -> Chart:
    return Chart(protocol=protocol.load_named())


@pytest.fixture
def form(qtbot: QtBot) -> ScreenForm:
    form = ScreenForm()
    qtbot.addWidget(form)
    form.set_chart(new_chart())
    return form


def test_one_click_asks_for_consent_and_every_answer_absent_in_one_edit(
    qtbot: QtBot, form: ScreenForm
) -> None:
    edits: list[tuple[str, Any, str]] = []
    form.edited.connect(lambda *edit: edits.append(edit))
    assert form.all_clear.isEnabled()

    qtbot.mouseClick(form.all_clear, Qt.MouseButton.LeftButton)

    assert len(edits) == 1
    text, change, merge_key = edits[0]
    assert (text, merge_key) == (all_clear_undo(), "")
    chart = new_chart()
    change(chart)
    assert chart.consent
    assert chart.screen == dict.fromkeys(CONTRAINDICATIONS, False)


def test_it_is_off_once_done_and_on_again_when_undone(form: ScreenForm) -> None:
    chart = new_chart()
    record_all_clear(chart)
    form.set_chart(chart)
    assert not form.all_clear.isEnabled()

    form.set_chart(new_chart())
    assert form.all_clear.isEnabled()


def test_a_contraindication_recorded_present_is_never_overwritten(form: ScreenForm) -> None:
    chart = new_chart()
    chart.screen["Pregnancy or breastfeeding"] = True
    form.set_chart(chart)

    assert not form.all_clear.isEnabled()
    assert form.all_clear.toolTip() == PRESENT_TIP
    with pytest.raises(ChartError, match="Pregnancy or breastfeeding"):
        record_all_clear(chart)  # the shortcut (Ctrl+Shift+C) is refused the same way
    assert chart.screen["Pregnancy or breastfeeding"] is True and not chart.consent


def test_a_signed_session_shows_the_answers_without_the_button(form: ScreenForm) -> None:
    form.set_read_only(True)
    chart = new_chart()
    form.set_chart(chart)

    assert form.all_clear.isHidden()
    assert not form.all_clear.isEnabled()
    assert not form.consent.isEnabled()
