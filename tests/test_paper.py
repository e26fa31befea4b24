"""Which paper a clinic prints on: its setting, else the computer's locale (botox_chart.paper)."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from botox_chart import paper
from botox_chart.store import settings, transaction
from botox_chart.store.settings import ClinicSettings, SettingsError
from tests.helpers.factories import an_administrator


@pytest.mark.parametrize(
    "name",
    [
        "en_US",
        "fr_CA",
        "en_CA",
        "en_US.UTF-8",
        "fr_CA.UTF-8",
        "en-US",
        "es_MX",
        "es_US",
        "en_PH",
        "fil_PH",
        "es_CL",
        "es_CO",
        "es_PR",
        "English_United States.1252",
        "French_Canada.1252",
        "Spanish_Mexico",
    ],
)
def test_north_america_and_the_other_letter_countries_print_on_letter(name: str) -> None:
    assert paper.for_locale(name) == paper.LETTER


@pytest.mark.parametrize(
    "name",
    [
        "fr_FR",
        "en_GB",
        "de_DE",
        "fr_FR.UTF-8",
        "de_DE@euro",
        "en_AU",
        "es_ES",
        "es_AR",
        "pt_BR",
        "ja_JP",
        "zh_Hant_TW",
        "sr-Latn-RS",
        "English_United Kingdom.1252",
        "French_France",
    ],
)
def test_every_other_country_prints_on_a4(name: str) -> None:
    assert paper.for_locale(name) == paper.A4


@pytest.mark.parametrize("name", ["", None, "C", "POSIX", "C.UTF-8", "fr", "en", "xx_ZZ", "_"])
def test_a_locale_that_names_no_known_country_prints_on_a4_the_international_standard(
    name: str | None,
) -> None:
    assert paper.for_locale(name) == paper.A4


def test_the_clinic_setting_wins_over_the_locale() -> None:
    assert paper.resolve(paper.A4, "en_US") == paper.A4
    assert paper.resolve(paper.LETTER, "fr_FR") == paper.LETTER
    assert paper.resolve(paper.FROM_LOCALE, "fr_CA") == paper.LETTER
    assert paper.resolve(paper.FROM_LOCALE, "fr_FR") == paper.A4


def test_sizes_are_a4_and_letter_in_points() -> None:
    assert paper.size(paper.LETTER) == (612, 792)
    assert paper.size(paper.LETTER, landscape=True) == (792, 612)
    width, height = paper.size(paper.A4)
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)


def test_without_the_window_the_locale_comes_from_the_environment_in_posix_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(paper, "_system_locale", None)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.setenv("LC_PAPER", "fr_CA.UTF-8")
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert paper.system_locale() == "de_DE.UTF-8"
    monkeypatch.delenv("LC_ALL")
    assert paper.system_locale() == "fr_CA.UTF-8"
    assert paper.resolve(paper.FROM_LOCALE) == paper.LETTER
    monkeypatch.delenv("LC_PAPER")
    assert paper.system_locale() == "en_GB.UTF-8"
    assert paper.resolve(paper.FROM_LOCALE) == paper.A4


def test_the_locale_the_window_gives_is_the_one_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    paper.use_system_locale("fr_FR")
    assert paper.system_locale() == "fr_FR"
    assert paper.resolve(paper.FROM_LOCALE) == paper.A4


def test_the_clinic_setting_is_stored_and_an_unknown_paper_refused(engine: Engine) -> None:
    admin = an_administrator(engine)
    with transaction(engine) as db:
        settings.save(db, settings=ClinicSettings(paper=paper.A4), clinician_id=admin)
    with transaction(engine) as db:
        assert settings.load(db).paper == paper.A4
        with pytest.raises(SettingsError, match="A4 or Letter"):
            settings.save(db, settings=ClinicSettings(paper="legal"), clinician_id=admin)
    with transaction(engine) as db:
        assert settings.load(db).paper == paper.A4


def test_settings_stored_before_there_was_a_paper_follow_the_locale(engine: Engine) -> None:
    """Clinic settings are JSON: a clinic's settings from an earlier release have no paper."""
    from botox_chart.store.models import Setting

    with transaction(engine) as db:
        db.add(Setting(key=settings.KEY, value={"name": "Clinique du Plateau"}))
        db.commit()
    with transaction(engine) as db:
        loaded = settings.load(db)
    assert (loaded.name, loaded.paper) == ("Clinique du Plateau", paper.FROM_LOCALE)
