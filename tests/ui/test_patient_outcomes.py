"""Does it work for this patient? Choosing a patient shows their outcome trend and the verdict
under NICE TA260 and under the clinic's payer profile, in words, as advice."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
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


def test_an_eligibility_assessment_recorded_in_the_window_sets_the_baseline(
    qtbot: QtBot, engine: Engine, open_window: OpenWindow
) -> None:
    from botox_chart.store import eligibility
    from botox_chart.ui.dialogs.eligibility_dialog import EligibilityDialog

    doctor = make_clinician(engine)
    patient = make_patient(engine, family_name="Gagnon", given_names="Élise")
    treat(engine, patient, doctor, [20, None, 14])
    window = open_window(FakeDialogs(), doctor)
    window.patients.select(cast(int, patient.id))
    assert "not enough data" in window.sessions.outcomes.verdict_texts()[0]  # no baseline yet

    window.actions_.eligibility.trigger()
    dialog = window.findChild(EligibilityDialog)
    assert dialog is not None and dialog.isVisible()
    assert "✗ missing" in dialog.criteria.text()
    dialog.baseline_start.setText("2025-09-01")
    dialog.baseline_end.setText("2025-13-40")
    dialog.headache_days.setText("22,5")  # a French keyboard's decimal comma
    dialog.save()
    assert dialog.isVisible() and "YYYY-MM-DD" in dialog.error.text()  # nothing stored
    dialog.baseline_end.setText("2025-09-30")
    dialog.migraine_days.setText("14")
    for name in ("Amitriptyline", "Topiramate", "Propranolol"):
        dialog.add_row()
        dialog.treatments.item(dialog.treatments.rowCount() - 1, 0).setText(name)
    assert dialog.criteria.text().count("✓ met") == 3  # 22.5 days, 14 migraine, 3 tried
    dialog.save()

    assert not dialog.isVisible()
    with transaction(engine) as db:
        found = eligibility.latest(db, cast(int, patient.id))
    assert found is not None and str(found.assessment.headache_days_per_month) == "22.5"
    assert [t.name for t in found.treatments] == ["Amitriptyline", "Topiramate", "Propranolol"]
    nice = window.sessions.outcomes.verdict_texts()[0]
    assert "continue" in nice  # 14 in 28 against 22.5 in 30: more than 30% fewer


def test_staff_print_the_letter_of_the_patient_shown_and_the_clinic_report(
    qtbot: QtBot, engine: Engine, open_window: OpenWindow
) -> None:
    from botox_chart.store.models import Role

    staff = make_clinician(engine, "Jo Park", Role.STAFF)
    patient = make_patient(engine, family_name="Gagnon", given_names="Élise")
    window = open_window(FakeDialogs(), staff)
    a = window.actions_
    assert a.outcomes_report.isEnabled() and not a.letter_preview.isEnabled()
    assert not a.eligibility.isEnabled()  # staff do not chart

    window.patients.select(cast(int, patient.id))  # 1
    assert "Gagnon, Élise" in a.letter_preview.text()
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_T, control_shift)  # 2: printed, after the print dialog
    a.letter_preview.trigger()
    a.outcomes_report.trigger()

    printing = window.printing
    assert printing.calls == [
        ("print_letter", patient.id),
        ("preview_letter", patient.id),
        ("preview_outcomes_report", None),
    ]
