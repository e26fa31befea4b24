"""The selected patient's header in the session list panel: the phone to call them on, and a
stop of treatment shown first, where nobody books them by mistake."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from botox_chart.store.models import Patient
from botox_chart.ui.widgets.session_list import SessionListPanel


def a_patient(**fields: object) -> Patient:
    values: dict[str, object] = {
        "id": 1,
        "family_name": "Roy",
        "given_names": "Luc",
        "date_of_birth": date(1970, 1, 1),
        "chart_number": "C1",
    }
    values.update(fields)
    return Patient(**values)  # type: ignore[arg-type]


def test_the_details_show_the_phone_and_a_stop_of_treatment(qtbot: QtBot) -> None:
    panel = SessionListPanel()
    qtbot.addWidget(panel)
    stopped = a_patient(
        phone="514-555-0199",
        treatment_stopped_on=date(2026, 6, 1),
        treatment_stopped_reason="patient choice",
    )
    panel.show_patient(stopped, [], today=date(2026, 12, 1))

    assert "Phone 514-555-0199" in panel.details.text().replace("\u00a0", " ")
    assert panel.stopped.isVisibleTo(panel)
    assert panel.stopped.text() == "Treatment stopped on 2026-06-01 (patient choice)"
    assert panel.stopped.property("severity") == "warning"

    panel.show_patient(a_patient(id=2), [], today=date(2026, 12, 1))
    assert not panel.stopped.isVisibleTo(panel)
    assert "Phone" not in panel.details.text()
    panel.show_patient(None, [])
    assert not panel.stopped.isVisibleTo(panel)
