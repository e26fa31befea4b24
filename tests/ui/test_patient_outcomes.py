"""Does it work for this patient? Choosing a patient shows their outcome trend and the verdict
under NICE TA260 and under the clinic's payer profile, in words, as advice."""

from __future__ import annotations

from typing import cast

from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.store import settings, transaction
from botox_chart.store.settings import ClinicSettings
from tests.cli.test_outcomes_cli import treat
from tests.helpers.factories import an_administrator, make_assessment, make_clinician, make_patient
from tests.helpers.fake_dialogs import FakeDialogs
from tests.ui.conftest import OpenWindow


def test_choosing_a_patient_shows_their_trend_and_each_profiles_verdict(
    qtbot: QtBot, engine: Engine, open_window: OpenWindow
) -> None:
    doctor = make_clinician(engine)
    patient = make_patient(engine, family_name="Gagnon", given_names="Élise")
    make_assessment(engine, patient, doctor)  # 22 headache days a month
    treat(engine, patient, doctor, [20, None, 14])  # 14 in 28 at the third visit: −31.8%
    with transaction(engine) as db:
        settings.save(
            db,
            settings=ClinicSettings(payer_profile="payer-50"),
            clinician_id=an_administrator(engine),
        )
    window = open_window(FakeDialogs(), doctor)
    panel = window.sessions

    window.patients.select(cast(int, patient.id))

    assert panel.outcomes.isVisibleTo(window)
    trend = panel.outcomes.chart.trend()
    assert trend is not None
    assert [p.cycle for p in trend.points] == [1, 2, 3]
    nice, payer = panel.outcomes.verdict_texts()
    assert "NICE TA260" in nice and "continue" in nice and "−31.8%" in nice
    assert "stop: not responding" in payer and "50%" in payer

    window.patients.select(None)
    assert not panel.outcomes.isVisibleTo(window)
