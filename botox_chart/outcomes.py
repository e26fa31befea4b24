"""Is the treatment working? Outcomes per cycle, the continuation rules and the clinic's figures.

Pure Python: the store builds a :class:`Course` (the baseline and the signed sessions' figures) and
this module judges it, so the rules are tested on hand-built courses with no database and no Qt.
docs/clinical-reference.md §8 is the clinical side of everything here.

- **Per 28 days, never raw counts.** A visit records the headache days of a counting window of any
  length (the last 30 days, the 84 days since the last visit...). Figures are compared per 28 days
  (the trials' unit) and the stored raw values never change: 15 days in 30 and 14 days in 28 are
  the same rate.
- **Rule profiles are data**: ``resources/rules/<name>.toml`` (shipped: ``nice-ta260``, the
  default, and ``payer-50``) and ``rules/<name>.toml`` in the data folder (a clinic's own, added
  without editing the install). :func:`load_profile` validates a file and names the file and the
  field of any mistake.
- **The verdict** (:func:`verdict`) is advice shown to the clinician, never a block: ``continue``,
  ``stop-not-responding``, ``stop-episodic`` or ``insufficient-data``, with the numbers it used and
  a one-sentence reason.
- **The clinic report** (:func:`report`): the share of patients with 30%, 50% and 75% fewer
  headache days per 28 days after their 2nd and 3rd treatments.
"""

from __future__ import annotations

import datetime
import math
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

from botox_chart import paths
from botox_chart.i18n import _, ngettext
from botox_chart.i18n import date as local_date
from botox_chart.i18n import number as local_number
from botox_chart.i18n import percent as local_percent

DEFAULT_PROFILE = "nice-ta260"
PER_28 = 28
"""The trials' unit: figures are compared per 28 days."""
MONTH_DAYS = 30
"""A "month" in a rule ("fewer than 15 headache days per month", "3 consecutive months")."""

VerdictCode = Literal["continue", "stop-not-responding", "stop-episodic", "insufficient-data"]
CONTINUE: VerdictCode = "continue"
STOP_NOT_RESPONDING: VerdictCode = "stop-not-responding"
STOP_EPISODIC: VerdictCode = "stop-episodic"
INSUFFICIENT_DATA: VerdictCode = "insufficient-data"

_TENTH = Decimal("0.1")


# --- the course of one patient ------------------------------------------------------------------


@dataclass(frozen=True)
class Baseline:
    """The headache days before treatment (from the eligibility assessment)."""

    date: date
    """End of the baseline period."""
    headache_days: Decimal
    """Days with headache in the window."""
    migraine_days: Decimal | None
    window_days: int
    """Length of the counting window in days (a "month" is 30)."""


@dataclass(frozen=True)
class CycleOutcome:
    """One signed treatment session and the figures recorded at it."""

    session_id: int
    date: date
    """Date of service of the visit."""
    cycle: int
    """1 for the first treatment, 2 for the second..."""
    total_units: Decimal
    headache_days: int | None
    """Recorded AT this visit: the outcome of the cycles before it."""
    migraine_days: int | None
    acute_medication_days: int | None
    window_days: int | None
    """Counting window of those figures (None: not recorded)."""
    window_end: datetime.date | None
    """Last day of the window (None: the visit date)."""
    diary_days: int | None
    """Days in the window with diary data (None: not said). Kept, not used to scale the figure."""


@dataclass(frozen=True)
class Course:
    """One patient's treatment: the baseline and the signed sessions, in date order."""

    patient_id: int
    baseline: Baseline | None
    cycles: tuple[CycleOutcome, ...]


def per_28(days: int | Decimal | None, window_days: int | None) -> Decimal | None:
    """``days`` counted in a window of ``window_days`` days, as days per 28 days, rounded to 0.1
    (half up); None when either is unknown or the window is empty."""
    exact = _exact_per_28(days, window_days)
    return None if exact is None else _tenths_half_up(exact)


def change_at(baseline: Baseline | None, cycle: CycleOutcome) -> Decimal | None:
    """The change in headache days per 28 days recorded at ``cycle``'s visit against baseline, in
    percent, from the exact rates (the figure of the outcome JSON, the letter and the verdict)."""
    return change_from(baseline, cycle.headache_days, cycle.window_days)


def change_from(
    baseline: Baseline | None, headache_days: int | None, window_days: int | None
) -> Decimal | None:
    """The change of ``headache_days`` counted over ``window_days`` against baseline, in percent,
    from the exact rates (a visit's figure before it is signed, as the procedure note prints)."""
    baseline_rate = _baseline_rate(baseline)
    value_rate = _exact_per_28(headache_days, window_days)
    if baseline_rate is None or value_rate is None:
        return None
    return _change(baseline_rate, value_rate)


def _change(baseline_rate: Fraction, value_rate: Fraction) -> Decimal | None:
    if baseline_rate <= 0:
        return None
    change = (value_rate - baseline_rate) * 100 / baseline_rate
    return Decimal(int(change * 10)).scaleb(-1)  # int() truncates toward zero


def _baseline_rate(baseline: Baseline | None) -> Fraction | None:
    """The baseline's exact headache days per 28 days."""
    return None if baseline is None else _exact_per_28(baseline.headache_days, baseline.window_days)


def _exact_per_28(days: int | Decimal | None, window_days: int | None) -> Fraction | None:
    """Exact, as a fraction: 14 days in 30 is 196/15 per 28, with no rounding to add up."""
    if days is None or window_days is None or window_days <= 0:
        return None
    return Fraction(days) * PER_28 / window_days


def _tenths_half_up(value: Fraction) -> Decimal:
    tenths = math.floor(abs(value) * 10 + Fraction(1, 2))
    return Decimal(tenths if value >= 0 else -tenths).scaleb(-1)


# --- the trend, as the window and the record draw it -------------------------------------------


@dataclass(frozen=True)
class TrendPoint:
    """One visit's figures per 28 days (None: not recorded)."""

    cycle: int
    date: date
    headache_per_28: Decimal | None
    migraine_per_28: Decimal | None
    change_percent: Decimal | None
    """Headache days against baseline (:func:`change_at`)."""


@dataclass(frozen=True)
class Trend:
    """What a trend chart draws: each visit's figures, the baseline, and the line a response must
    reach under a profile (the baseline reduced by the profile's threshold)."""

    points: tuple[TrendPoint, ...]
    baseline_headache_per_28: Decimal | None
    baseline_migraine_per_28: Decimal | None
    threshold_per_28: Decimal | None

    def highest(self) -> Decimal:
        """The largest figure drawn (0 when nothing was recorded): the chart's scale."""
        values = [
            v
            for v in (
                self.baseline_headache_per_28,
                self.baseline_migraine_per_28,
                *(p.headache_per_28 for p in self.points),
                *(p.migraine_per_28 for p in self.points),
            )
            if v is not None
        ]
        return max(values, default=Decimal(0))


def trend(course: Course, profile: RuleProfile) -> Trend:
    """The course as a chart shows it, per 28 days, with ``profile``'s response line."""
    baseline = course.baseline
    headache = per_28(baseline.headache_days, baseline.window_days) if baseline else None
    migraine = per_28(baseline.migraine_days, baseline.window_days) if baseline else None
    rate = _baseline_rate(baseline)
    threshold = (
        _tenths_half_up(rate * (100 - Fraction(profile.response_threshold_percent)) / 100)
        if rate is not None
        else None
    )
    points = tuple(
        TrendPoint(
            cycle=c.cycle,
            date=c.date,
            headache_per_28=per_28(c.headache_days, c.window_days),
            migraine_per_28=per_28(c.migraine_days, c.window_days),
            change_percent=change_at(baseline, c),
        )
        for c in course.cycles
    )
    return Trend(points, headache, migraine, threshold)


# --- rule profiles ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleProfile:
    """A continuation rule, loaded from ``resources/rules/<name>.toml`` (or the clinic's folder)."""

    name: str
    """The file stem, e.g. "nice-ta260"."""
    title: str
    response_threshold_percent: Decimal
    """Fewer headache days per 28 days, in percent, that count as a response (30 for NICE)."""
    judged_at_cycle: int
    """The visit whose figure is judged: 3 for NICE (the visit of cycle 3 = outcome of 2 cycles)."""
    episodic_below_days_per_month: Decimal | None
    """NICE: 15 (episodic = fewer than 15 headache days per 30 days); None: no episodic rule."""
    episodic_months: int | None
    """NICE: 3 consecutive months (of 30 days)."""
    citation: str


class ProfileError(ValueError):
    """A profile file that cannot be used, in words for the user: the file and the field."""


_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_REQUIRED = ("title", "citation", "response_threshold_percent", "judged_at_cycle")
_EPISODIC = ("episodic_below_days_per_month", "episodic_months")
_KEYS = (*_REQUIRED, *_EPISODIC)


def available_profiles() -> list[str]:
    """The names of the shipped profiles and the clinic's, sorted."""
    shipped, clinic = _profile_files()
    return sorted(set(shipped) | set(clinic))


def load_profile(name: str = DEFAULT_PROFILE) -> RuleProfile:
    """The profile called ``name``: ``resources/rules/<name>.toml`` shipped with the app, or
    ``rules/<name>.toml`` in the data folder (:func:`botox_chart.paths.clinic_rules_dir`).

    Read every time (a clinic may drop a file in while the app runs). A shipped profile's name
    always means the shipped file: a clinic's file of the same name (a copy not yet renamed) is
    never read, so "nice-ta260" means NICE's thresholds on every letter (:func:`shadowed` names
    such files, for the clinic to rename).
    """
    shipped, clinic = _profile_files()
    path = shipped.get(name) or clinic.get(name)
    if path is None:
        have = ", ".join(available_profiles()) or "none"
        raise ProfileError(
            f"no rule profile named {name!r} in {paths.rules_dir()} or "
            f"{paths.clinic_rules_dir()} (have: {have})"
        )
    return read_profile(path)


def read_profile(path: Path) -> RuleProfile:
    """Read and validate one profile file; every mistake is a ProfileError naming the file and
    the field."""
    if not _NAME.fullmatch(path.stem):
        raise ProfileError(
            f"{path}: the file name is the profile's name and must be lowercase letters, digits "
            "and single hyphens (as in nice-ta260.toml)"
        )
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ProfileError(f"{path}: cannot read the rule profile ({err.strerror})") from err
    except UnicodeDecodeError as err:
        raise ProfileError(f"{path}: not UTF-8 text ({err.reason})") from err
    except tomllib.TOMLDecodeError as err:
        raise ProfileError(f"{path}: not valid TOML ({err})") from err
    return _parse_profile(raw, path)


def shadowed() -> list[Path]:
    """The clinic's profile files that have a shipped profile's name (never read: rename them)."""
    shipped, clinic = _profile_files()
    return [path for name, path in clinic.items() if name in shipped]


def _profile_files() -> tuple[dict[str, Path], dict[str, Path]]:
    def found(folder: Path) -> dict[str, Path]:
        if not folder.is_dir():
            return {}
        return {p.stem: p for p in sorted(folder.glob("*.toml")) if p.is_file()}

    return found(paths.rules_dir()), found(paths.clinic_rules_dir())


def _parse_profile(raw: Mapping[str, Any], path: Path) -> RuleProfile:
    def fail(field: str, problem: str) -> ProfileError:
        return ProfileError(f"{path}: {field} {problem}")

    for key in raw:
        if key not in _KEYS:
            raise fail(key, f"is not a known key (known: {', '.join(_KEYS)})")
    for key in _REQUIRED:
        if key not in raw:
            raise fail(key, "is missing")

    def text(key: str) -> str:
        value = raw[key]
        if not isinstance(value, str) or not value.strip():
            raise fail(key, f"must be a non-empty string (got {value!r})")
        return value.strip()

    def whole(key: str, low: int, high: int) -> int:
        value = raw[key]
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail(key, f"must be a whole number (got {value!r})")
        if not low <= value <= high:
            raise fail(key, f"must be from {low} to {high} (got {value})")
        return value

    def number(key: str, what: str, high: int) -> Decimal:
        value = raw[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise fail(key, f"must be a number (got {value!r})")
        try:
            decimal = Decimal(str(value))
        except InvalidOperation as err:  # pragma: no cover - TOML numbers are finite or inf/nan
            raise fail(key, f"must be a number (got {value!r})") from err
        if not decimal.is_finite() or not 0 < decimal <= high:
            raise fail(key, f"must be above 0 and at most {high} {what} (got {value})")
        if decimal != decimal.quantize(_TENTH):
            raise fail(key, f"must have at most one decimal place (got {value})")
        return decimal

    episodic = [key for key in _EPISODIC if key in raw]
    if len(episodic) == 1:
        (missing,) = set(_EPISODIC) - set(episodic)
        raise fail(missing, f"is missing (the episodic rule needs it beside {episodic[0]})")
    return RuleProfile(
        name=path.stem,
        title=text("title"),
        response_threshold_percent=number("response_threshold_percent", "percent", 100),
        judged_at_cycle=whole("judged_at_cycle", 2, 20),
        episodic_below_days_per_month=(
            number("episodic_below_days_per_month", "days", MONTH_DAYS) if episodic else None
        ),
        episodic_months=whole("episodic_months", 1, 12) if episodic else None,
        citation=text("citation"),
    )


# --- the verdict --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """What a rule profile says of one patient's course, with the numbers it used."""

    code: str
    """"continue" | "stop-not-responding" | "stop-episodic" | "insufficient-data"."""
    reason: str
    """One sentence, e.g. "Headache days 22 → 18 per 28 days (−18.1%) after 2 cycles: below the
    30% response threshold"."""
    profile: str
    baseline_per_28: Decimal | None
    judged_per_28: Decimal | None
    """The figure the deciding rule judged: at the judging visit for the response rule, the
    latest recorded one for the episodic rule."""
    change_percent: Decimal | None
    """The change at the judged visit against baseline, in percent (:func:`change_at`: from the
    exact rates, rounded toward zero)."""


def verdict(course: Course, profile: RuleProfile) -> Verdict:
    """The continuation verdict for ``course`` under ``profile``, decided in this order:

    1. **Episodic shown → stop-episodic** (the profile's episodic rule, see
       :func:`episodic_verdict`): it takes precedence over every other verdict, since it describes
       the patient's condition now. It needs no baseline.
    2. **No usable baseline → insufficient-data**, at any cycle: without it no reduction can ever
       be judged, so the clinician is told at once (a baseline of 0 days counts as unusable).
    3. **Before the judging visit → continue**, "too early to judge": NICE's rule judges the figure
       recorded at the visit of cycle ``judged_at_cycle`` (3: the outcome of 2 cycles), and
       treatment goes on until then. A clinician expects "continue" here, not a warning.
    4. **No figure at the judging visit → insufficient-data** (no headache days, or no counting
       window to put them per 28 days). A later visit's figure does not stand in for it: the rule
       is stated for that visit.
    5. **The response rule**: the reduction in headache days per 28 days at the judging visit
       against baseline, to 0.1% rounded toward zero, at or above the threshold → continue (30.0%
       is a response under NICE, 29.9% is not); below it → stop-not-responding. Once judged, later
       visits do not re-judge it; only the episodic rule can then say stop.

    The episodic rule has its own verdict (:func:`episodic_verdict`); when it says
    insufficient-data (the records do not cover ``episodic_months`` consecutive months) the overall
    verdict is the response rule's, and when the latest figure is already below the episodic
    level its reason says so, so the clinician knows what would show it.
    """
    episodic = _episodic(course, profile)
    if episodic is not None and episodic.verdict.code == STOP_EPISODIC:
        return episodic.verdict
    response = _response(course, profile)
    if episodic is not None and episodic.verdict.code == INSUFFICIENT_DATA and episodic.below_now:
        detail = episodic.verdict.reason
        return _with_reason(response, f"{response.reason}; {detail[0].lower()}{detail[1:]}")
    return response


def _response(course: Course, profile: RuleProfile) -> Verdict:
    threshold = _("{percent} response threshold").format(
        percent=local_percent(figure(profile.response_threshold_percent))
    )
    after = profile.judged_at_cycle - 1
    judged_visit = _("the visit of cycle {cycle} (after {cycles})").format(
        cycle=profile.judged_at_cycle, cycles=_cycles(after)
    )
    baseline = course.baseline
    exact_baseline = _baseline_rate(baseline)
    baseline_28 = None if exact_baseline is None else _tenths_half_up(exact_baseline)

    def made(code: VerdictCode, reason: str, judged: CycleOutcome | None = None) -> Verdict:
        judged_28 = None if judged is None else per_28(judged.headache_days, judged.window_days)
        change = None if judged is None else change_at(baseline, judged)
        return Verdict(code, reason, profile.name, baseline_28, judged_28, change)

    if baseline is None:
        return made(
            INSUFFICIENT_DATA,
            _(
                "No baseline headache days are recorded (eligibility assessment), so the response "
                "cannot be judged against the {threshold}"
            ).format(threshold=threshold),
        )
    if exact_baseline is None or exact_baseline <= 0:
        return made(
            INSUFFICIENT_DATA,
            _(
                "The baseline is {days} headache days in {window} days, so no reduction can be "
                "computed"
            ).format(days=figure(baseline.headache_days), window=baseline.window_days),
        )
    judged = next((c for c in course.cycles if c.cycle == profile.judged_at_cycle), None)
    given = max((c.cycle for c in course.cycles), default=0)
    if judged is None and given < profile.judged_at_cycle:
        return made(
            CONTINUE,
            ngettext(
                "Too early to judge: the response is judged at {visit} and {count} cycle has "
                "been given so far",
                "Too early to judge: the response is judged at {visit} and {count} cycles have "
                "been given so far",
                given,
            ).format(visit=judged_visit, count=given),
        )
    if judged is None:
        return made(
            INSUFFICIENT_DATA,
            _(
                "No session is recorded as cycle {cycle}, so the response after {cycles} cannot "
                "be judged"
            ).format(cycle=profile.judged_at_cycle, cycles=_cycles(after)),
        )
    if judged.headache_days is None:
        return made(
            INSUFFICIENT_DATA,
            _(
                "No headache days were recorded at {visit} on {date}, so the response cannot be "
                "judged"
            ).format(visit=judged_visit, date=local_date(judged.date)),
        )
    if judged.window_days is None or judged.window_days <= 0:
        return made(
            INSUFFICIENT_DATA,
            _(
                "The headache days recorded at {visit} on {date} have no counting window, so "
                "they cannot be compared per 28 days"
            ).format(visit=judged_visit, date=local_date(judged.date)),
        )
    change = change_at(baseline, judged)
    assert change is not None  # baseline and figure are both known and the baseline is above 0
    judged_28 = per_28(judged.headache_days, judged.window_days)
    figures = _("Headache days {before} → {after} per 28 days ({change}) after {cycles}").format(
        before=figure(baseline_28),
        after=figure(judged_28),
        change=signed_percent(change),
        cycles=_cycles(after),
    )
    if -change >= profile.response_threshold_percent:
        return made(
            CONTINUE,
            _("{figures}: meets the {threshold}").format(figures=figures, threshold=threshold),
            judged,
        )
    return made(
        STOP_NOT_RESPONDING,
        _("{figures}: below the {threshold}").format(figures=figures, threshold=threshold),
        judged,
    )


@dataclass(frozen=True)
class _EpisodicResult:
    verdict: Verdict
    below_now: bool
    """Whether the latest recorded figure is below the episodic level."""


def episodic_verdict(course: Course, profile: RuleProfile) -> Verdict | None:
    """The profile's episodic rule alone (None when the profile has none):

    - **stop-episodic** when the records show ``episodic_months`` consecutive months (of 30 days)
      below ``episodic_below_days_per_month`` headache days per 30 days: counting back from the
      latest visit with a figure, the counting windows of successive visits that are contiguous
      or overlapping and each below the level must together cover at least months × 30 days;
    - **continue** (not episodic) when the latest figure is not below the level, or an earlier
      window within those months is not;
    - **insufficient-data** when the records cannot show the months: no figure with its window,
      or the windows below the level cover less (a gap between two visits' windows ends the run;
      the usual "last 30 days" asked at visits 12 weeks apart leave such gaps, so only longer
      windows, e.g. the days since the last visit from a diary, can show 3 months).

    A visit with no figure neither breaks nor extends the run; the baseline is never part of it.
    """
    result = _episodic(course, profile)
    return None if result is None else result.verdict


def _episodic(course: Course, profile: RuleProfile) -> _EpisodicResult | None:
    level = profile.episodic_below_days_per_month
    months = profile.episodic_months
    if level is None or months is None:
        return None
    baseline = course.baseline
    baseline_28 = None if baseline is None else per_28(baseline.headache_days, baseline.window_days)
    needed = months * MONTH_DAYS
    rule = ngettext(
        "{days} headache days a month for {months} consecutive month",
        "{days} headache days a month for {months} consecutive months",
        months,
    ).format(days=figure(level), months=months)
    # The figure at the visit of cycle 1 counts days before any treatment: it cannot show that
    # the migraine has *changed* to episodic.
    recorded = [
        c
        for c in course.cycles
        if c.cycle >= 2 and c.headache_days is not None and counting_window(c) is not None
    ]

    def made(code: VerdictCode, reason: str, below_now: bool) -> _EpisodicResult:
        latest = recorded[-1] if recorded else None
        judged = None if latest is None else per_28(latest.headache_days, latest.window_days)
        change = None if latest is None else change_at(baseline, latest)
        return _EpisodicResult(
            Verdict(code, reason, profile.name, baseline_28, judged, change), below_now
        )

    if not recorded:
        return made(
            INSUFFICIENT_DATA,
            _(
                "No visit has headache days with a counting window, so the records cannot show "
                "fewer than {rule}"
            ).format(rule=rule),
            False,
        )

    def below(cycle: CycleOutcome) -> bool:
        assert cycle.headache_days is not None and cycle.window_days is not None
        return Decimal(cycle.headache_days) * MONTH_DAYS < level * cycle.window_days

    latest = recorded[-1]
    if not below(latest):
        return made(
            CONTINUE,
            _(
                "Headache days {days} in {window} days at the visit of {date}: not fewer than "
                "{level} a month, so not episodic"
            ).format(
                days=latest.headache_days,
                window=latest.window_days,
                date=local_date(latest.date),
                level=figure(level),
            ),
            False,
        )
    start, end = counting_window(latest) or (latest.date, latest.date)
    for cycle in reversed(recorded[:-1]):
        if (end - start).days + 1 >= needed:
            break
        window_start, window_end = counting_window(cycle) or (cycle.date, cycle.date)
        if window_end < start - timedelta(days=1):
            break  # a gap: the months are not consecutive in the records
        if not below(cycle):
            return made(
                CONTINUE,
                _(
                    "Headache days {days} in {window} days at the visit of {date}: not fewer "
                    "than {level} a month within the last {months} months, so not episodic for "
                    "{months} consecutive months"
                ).format(
                    days=cycle.headache_days,
                    window=cycle.window_days,
                    date=local_date(cycle.date),
                    level=figure(level),
                    months=months,
                ),
                True,
            )
        start = min(start, window_start)
    covered = (end - start).days + 1
    span = _("from {start} to {end}").format(start=local_date(start), end=local_date(end))
    if covered >= needed:
        return made(
            STOP_EPISODIC,
            _(
                "Fewer than {rule} in the records {span} ({days} days): the migraine has become "
                "episodic"
            ).format(rule=rule, span=span, days=covered),
            True,
        )
    return made(
        INSUFFICIENT_DATA,
        _(
            "The records show fewer than {level} headache days a month only {span} ({days} "
            "days), not the {needed} days of {months} consecutive months the episodic rule needs"
        ).format(level=figure(level), span=span, days=covered, needed=needed, months=months),
        True,
    )


def counting_window(cycle: CycleOutcome) -> tuple[date, date] | None:
    """First and last day of a visit's counting window (inclusive); it ends on the visit unless
    the window says otherwise."""
    if cycle.window_days is None or cycle.window_days <= 0:
        return None
    end = cycle.window_end or cycle.date
    return end - timedelta(days=cycle.window_days - 1), end


def _with_reason(found: Verdict, reason: str) -> Verdict:
    return Verdict(
        found.code,
        reason,
        found.profile,
        found.baseline_per_28,
        found.judged_per_28,
        found.change_percent,
    )


def figure(value: Decimal | None) -> str:
    """A figure as people write it: 22, 18.5 (never 22.0 or 2.2E+1); 18,5 in French."""
    if value is None:
        return "?"
    tenth = value.quantize(_TENTH, ROUND_HALF_UP)
    exact = tenth.to_integral_value() if tenth == tenth.to_integral_value() else tenth
    return local_number(exact)


def signed_percent(change: Decimal) -> str:
    """A change as the verdict, the record and the letter print it: "\u221218.1%", "+4%", "0%"."""
    if change < 0:
        return f"\u2212{local_percent(figure(-change))}"
    return f"+{local_percent(figure(change))}" if change > 0 else local_percent(0)


def _cycles(count: int) -> str:
    return ngettext("{count} cycle", "{count} cycles", count).format(count=count)


# --- the clinic report --------------------------------------------------------------------------

REPORT_THRESHOLDS = (30, 50, 75)
"""Fewer headache days per 28 days, in percent, that the report counts."""
REPORT_AFTER_TREATMENTS = (2, 3)
"""After the 2nd treatment = the figure recorded at the visit of cycle 3 (as NICE judges it);
after the 3rd = at the visit of cycle 4."""


@dataclass(frozen=True)
class ResponderCount:
    threshold_percent: int
    """At least this many percent fewer headache days per 28 days than at baseline."""
    patients: int
    percent: Decimal | None
    """Share of the patients judged, to 0.1 (None when none could be judged)."""


@dataclass(frozen=True)
class Milestone:
    """The clinic's figures after one number of treatments."""

    after_treatments: int
    at_cycle: int
    """The visit whose figure counts: after the 2nd treatment is the visit of cycle 3."""
    judged: int
    """Patients with a baseline and a figure at that visit: the denominator."""
    responders: tuple[ResponderCount, ...]
    """One per threshold of REPORT_THRESHOLDS; cumulative (a 75% responder counts under 30%)."""
    no_baseline: int
    """Excluded: no baseline, or a baseline of 0 headache days."""
    too_few_treatments: int
    """Excluded: has a baseline but no visit of that cycle yet."""
    no_figure: int
    """Excluded: the visit exists but has no headache days or no counting window."""

    @property
    def excluded(self) -> int:
        return self.no_baseline + self.too_few_treatments + self.no_figure


@dataclass(frozen=True)
class OutcomesReport:
    patients: int
    milestones: tuple[Milestone, ...]
    """After the 2nd treatment, then after the 3rd."""


def report(courses: Sequence[Course]) -> OutcomesReport:
    """Across ``courses`` (one per patient), the share with ≥30%, ≥50% and ≥75% fewer headache
    days per 28 days than at baseline after their 2nd and 3rd treatments, and how many were left
    out for missing data (each patient counted once, under the first reason: no baseline, then too
    few treatments, then no figure at that visit). Reductions are :func:`change_at`'s, the
    verdict's, so a patient at exactly 30% counts as a 30% responder."""
    return OutcomesReport(
        patients=len(courses),
        milestones=tuple(_milestone(courses, after) for after in REPORT_AFTER_TREATMENTS),
    )


def _milestone(courses: Sequence[Course], after: int) -> Milestone:
    at_cycle = after + 1
    no_baseline = too_few = no_figure = 0
    reductions: list[Decimal] = []
    for course in courses:
        baseline = course.baseline
        exact = _baseline_rate(baseline)
        visit = next((c for c in course.cycles if c.cycle == at_cycle), None)
        if exact is None or exact <= 0:
            no_baseline += 1
        elif visit is None:
            too_few += 1
        else:
            change = change_at(baseline, visit)
            if change is None:
                no_figure += 1
            else:
                reductions.append(-change)
    judged = len(reductions)
    responders = []
    for threshold in REPORT_THRESHOLDS:
        count = sum(1 for reduction in reductions if reduction >= threshold)
        share = (
            None if not judged else (Decimal(count) * 100 / judged).quantize(_TENTH, ROUND_HALF_UP)
        )
        responders.append(ResponderCount(threshold, count, share))
    return Milestone(
        after_treatments=after,
        at_cycle=at_cycle,
        judged=judged,
        responders=tuple(responders),
        no_baseline=no_baseline,
        too_few_treatments=too_few,
        no_figure=no_figure,
    )
