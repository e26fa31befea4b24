"""Is this patient eligible? The eligibility assessment at the first treatment, as plain values,
and which of NICE TA260's criteria it meets.

Pure Python, like botox_chart.outcomes: the store reads an assessment into an :class:`Assessment`
and :func:`eligibility_criteria` says which criteria are met and which are missing, so the window,
the first note and the continuation letter print the same list. The criteria are advice, never a
block: the clinician may treat a patient who misses one. docs/clinical-reference.md §7.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from botox_chart.i18n import N_, _, ngettext
from botox_chart.outcomes import figure

HEADACHE_DAYS_PER_MONTH = 15
"""Chronic migraine: headache on at least 15 days a month."""
MIGRAINE_DAYS_PER_MONTH = 8
"""...with migraine features on at least 8 of them."""
FAILED_PREVENTIVES = 3
"""NICE TA260: the migraine has not responded to at least 3 preventive medicines."""

PREVENTIVE_CLASSES = (
    N_("antidepressant"),
    N_("anticonvulsant"),
    N_("beta-blocker/antihypertensive"),
    N_("CGRP antibody"),
    N_("other"),
)
"""Stored in English; a document prints ``i18n._(value)``."""


@dataclass(frozen=True)
class Preventive:
    """One preventive medicine the patient tried before botulinum toxin."""

    name: str
    drug_class: str
    """One of :data:`PREVENTIVE_CLASSES`."""
    dose: str
    duration: str
    """As the clinician wrote it: "3 months", "6 weeks"."""
    why_stopped: str
    """"no benefit", "side effects"... Every treatment listed counts as tried and failed."""


@dataclass(frozen=True)
class Assessment:
    """The eligibility assessment: the baseline period and what was tried before."""

    baseline_start: date
    baseline_end: date
    headache_days_per_month: Decimal | None
    migraine_days_per_month: Decimal | None
    months_with_chronic_migraine: int | None
    hours_per_day: Decimal | None
    preventives: tuple[Preventive, ...]
    medication_overuse_addressed: bool | None
    """True: managed (or none); False: not managed; None: not recorded."""
    referral_on_file: bool | None
    """None: not recorded."""


@dataclass(frozen=True)
class Criterion:
    """One published criterion and whether the assessment shows it."""

    title: str
    """"At least 15 headache days a month"."""
    met: bool
    detail: str
    """What the assessment says: "22 days", "2 tried", "not recorded"."""


def eligibility_criteria(assessment: Assessment) -> tuple[Criterion, ...]:
    """NICE TA260's criteria, in order, each met or missing with what the assessment says: at
    least 15 headache days a month, at least 8 of them migraine days, at least 3 failed
    preventives, medication overuse managed. A figure not recorded is missing, not met."""
    headache = assessment.headache_days_per_month
    migraine = assessment.migraine_days_per_month
    # The same medicine listed twice (two doses, two attempts) is one medicine tried.
    tried = len({" ".join(p.name.casefold().split()) for p in assessment.preventives})
    overuse = assessment.medication_overuse_addressed
    return (
        Criterion(
            _("At least {days} headache days a month").format(days=HEADACHE_DAYS_PER_MONTH),
            headache is not None and headache >= HEADACHE_DAYS_PER_MONTH,
            _days(headache),
        ),
        Criterion(
            _("At least {days} migraine days a month").format(days=MIGRAINE_DAYS_PER_MONTH),
            migraine is not None and migraine >= MIGRAINE_DAYS_PER_MONTH,
            _days(migraine),
        ),
        Criterion(
            _("At least {count} preventive medicines failed").format(count=FAILED_PREVENTIVES),
            tried >= FAILED_PREVENTIVES,
            ngettext("{count} tried", "{count} tried", tried).format(count=tried),
        ),
        Criterion(
            _("Medication overuse managed"),
            overuse is True,
            {True: _("addressed"), False: _("not addressed"), None: _("not recorded")}[overuse],
        ),
    )


def _days(value: Decimal | None) -> str:
    """ "22 days", "not recorded"."""
    if value is None:
        return _("not recorded")
    whole = int(value) if value == int(value) else 2
    return ngettext("{days} day", "{days} days", whole).format(days=figure(value))
