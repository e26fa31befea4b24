"""Rule profiles as data: the shipped ones state their source's thresholds, a clinic's own file is
found in the data folder, and a file that cannot be used is refused naming the file and the field.
docs/clinical-reference.md §8.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from botox_chart import outcomes, paths
from botox_chart.outcomes import ProfileError
from tests.helpers.courses import judged_at_3

VALID = """\
title = "Acme Health: 40% reduction"
citation = "Acme Health medical policy 123 (example)"
response_threshold_percent = 40
judged_at_cycle = 3
"""


def clinic_profile(name: str, text: str) -> Path:
    """A profile the way a clinic adds one: a file in the data folder's rules/ folder."""
    folder = paths.clinic_rules_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_default_profile_is_nice_ta260_with_its_thresholds() -> None:
    nice = outcomes.load_profile()

    assert outcomes.DEFAULT_PROFILE == nice.name == "nice-ta260"
    assert nice.response_threshold_percent == 30
    assert nice.judged_at_cycle == 3
    assert (nice.episodic_below_days_per_month, nice.episodic_months) == (Decimal(15), 3)
    assert "TA260" in nice.citation and "1.2" in nice.citation


def test_the_payer_profile_asks_for_50_percent_and_has_no_episodic_rule() -> None:
    payer = outcomes.load_profile("payer-50")

    assert payer.response_threshold_percent == 50
    assert payer.judged_at_cycle == 3
    assert (payer.episodic_below_days_per_month, payer.episodic_months) == (None, None)
    assert "not a specific payer's policy" in payer.citation


def test_a_clinic_adds_its_payer_profile_by_dropping_a_file_in_the_data_folder() -> None:
    assert "acme-health" not in outcomes.available_profiles()
    clinic_profile("acme-health", VALID)

    acme = outcomes.load_profile("acme-health")

    assert outcomes.available_profiles() == ["acme-health", "nice-ta260", "payer-50"]
    assert (acme.name, acme.title) == ("acme-health", "Acme Health: 40% reduction")
    assert outcomes.verdict(judged_at_3(12), acme).code == "continue"  # 40% fewer
    assert outcomes.verdict(judged_at_3(13), acme).code == "stop-not-responding"


def test_a_clinic_file_with_a_shipped_profiles_name_is_never_read() -> None:
    """A copy of nice-ta260.toml not yet renamed cannot change NICE's thresholds (nor stop the
    verdict showing): the shipped file is read, and the copy is named for the clinic to rename."""
    path = clinic_profile("nice-ta260", VALID.replace("40", "10"))

    nice = outcomes.load_profile("nice-ta260")

    assert nice.response_threshold_percent == 30
    assert outcomes.shadowed() == [path]


def test_an_unknown_profile_name_lists_the_ones_there_are() -> None:
    with pytest.raises(ProfileError, match=r"no rule profile named 'bupa'.*nice-ta260, payer-50"):
        outcomes.load_profile("bupa")


@pytest.mark.parametrize(
    ("text", "field", "problem"),
    [
        (VALID.replace('title = "Acme Health: 40% reduction"\n', ""), "title", "is missing"),
        (VALID.replace("judged_at_cycle = 3", "judged_at_cycle = '3'"), "judged_at_cycle", "whole"),
        (VALID.replace("judged_at_cycle = 3", "judged_at_cycle = 1"), "judged_at_cycle", "from 2"),
        (VALID.replace("= 40", "= '40'"), "response_threshold_percent", "must be a number"),
        (VALID.replace("= 40", "= true"), "response_threshold_percent", "must be a number"),
        (VALID.replace("= 40", "= 0"), "response_threshold_percent", "above 0 and at most 100"),
        (VALID.replace("= 40", "= 100.5"), "response_threshold_percent", "above 0 and at most 1"),
        (VALID.replace("= 40", "= -30"), "response_threshold_percent", "above 0 and at most 100"),
        (VALID.replace("= 40", "= 33.33"), "response_threshold_percent", "one decimal place"),
        (VALID.replace("= 40", "= nan"), "response_threshold_percent", "above 0"),
        (VALID + "threshold = 50\n", "threshold", "is not a known key"),
        (VALID + "episodic_months = 3\n", "episodic_below_days_per_month", "is missing"),
        (
            VALID + "episodic_below_days_per_month = 31\nepisodic_months = 3\n",
            "episodic_below_days_per_month",
            "at most 30 days",
        ),
        (VALID.replace('"Acme Health medical policy 123 (example)"', '" "'), "citation", "empty"),
        (VALID + "title = 'again'\n", "not valid TOML", ""),
    ],
    ids=[
        "missing",
        "wrong-type",
        "cycle-1",
        "string",
        "bool",
        "zero",
        "above-100",
        "negative",
        "two-decimals",
        "nan",
        "unknown-key",
        "half-episodic",
        "episodic-over-30",
        "blank",
        "bad-toml",
    ],
)
def test_a_bad_profile_file_is_refused_naming_the_file_and_the_field(
    text: str, field: str, problem: str
) -> None:
    path = clinic_profile("acme-health", text)

    with pytest.raises(ProfileError) as raised:
        outcomes.load_profile("acme-health")

    message = str(raised.value)
    assert message.startswith(f"{path}: ")
    assert field in message
    assert problem in message


def test_threshold_bounds_are_inclusive_of_100_and_a_tenth() -> None:
    clinic_profile("all", VALID.replace("= 40", "= 100"))
    clinic_profile("tenth", VALID.replace("= 40", "= 0.1"))

    assert outcomes.load_profile("all").response_threshold_percent == 100
    assert outcomes.load_profile("tenth").response_threshold_percent == Decimal("0.1")


def test_a_file_name_that_cannot_be_a_profile_name_is_refused() -> None:
    path = clinic_profile("Acme Health", VALID)

    with pytest.raises(ProfileError) as raised:
        outcomes.load_profile("Acme Health")

    assert str(raised.value).startswith(f"{path}: the file name is the profile's name")
