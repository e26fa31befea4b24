"""Fixtures of the note tests: a patient and an injector whose names need more than Latin-1."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine

from botox_chart.store.models import Clinician, Patient, Role
from tests.helpers.factories import make_clinician, make_patient


@pytest.fixture
def patient(engine: Engine) -> Patient:
    return make_patient(
        engine,
        family_name="Øvergård",
        given_names="Zoë",
        chart_number="LH-004211",
        health_card="1234-567-890-AB",
        referring_physician="Dr Łukasz Żółć",
        referral_date=date(2025, 1, 10),
        allergies="Penicillin",
    )


@pytest.fixture
def injector(engine: Engine) -> Clinician:
    return make_clinician(engine, "Ярослава Коваленко", Role.PHYSICIAN)
