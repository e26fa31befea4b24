"""Outcomes per treatment cycle (issue 12): the pure model, no Qt, no database, no reportlab.

A patient's :class:`Course` is the baseline of the eligibility assessment and the outcome figures
recorded at each signed visit (docs/clinical-reference.md §8).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Baseline:
    date: date  # end of the baseline period (eligibility assessment)
    headache_days: Decimal  # days with headache in the window
    migraine_days: Decimal | None
    window_days: int  # length of the counting window in days (a "month" is 30)


@dataclass(frozen=True)
class CycleOutcome:
    session_id: int
    date: date  # date of service of the visit
    cycle: int  # 1 for the first treatment, 2 for the second...
    total_units: Decimal
    headache_days: int | None  # recorded AT this visit (the outcome of the cycles before it)
    migraine_days: int | None
    acute_medication_days: int | None
    window_days: int | None  # counting window of those figures (None: not recorded)
    window_end: _dt.date | None  # last day of the window (usually the visit date)
    # (``_dt.date``: in this class body, ``date`` names the field above.)
    diary_days: int | None  # days in the window with diary data (None: not said)


@dataclass(frozen=True)
class Course:
    patient_id: int
    baseline: Baseline | None
    cycles: tuple[CycleOutcome, ...]  # signed sessions only, in date order
