"""What may enter the record: numbers in clinical ranges, dates a clinic can mean, ids a database
can hold, and text without invisible control characters.

Pure Python, like ``chart.py``. The store checks every chart, patient, clinician, addendum and
clinic setting against these rules before writing it, however it arrived (the window, the command
line, a script), so a value outside them is never stored. A refusal is an :class:`OutOfBounds` whose
message names the field in the user's words; each store module raises it again as its own user
error. The clinical ranges live with the chart's rules (``chart.py``); the widgets use the same
constants.
"""

from __future__ import annotations

import math
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from typing import TypeGuard

from botox_chart.chart import (
    DAYS_COUNTED,
    HIT6_RANGE,
    MAX_OUTCOME_WINDOW_DAYS,
    MAX_VIAL_UNITS,
    MAX_VIALS,
    MIDAS_RANGE,
    Chart,
    ChartError,
    Injection,
    InjectionKind,
    parse_units,
)
from botox_chart.i18n import N_, _
from botox_chart.protocol import SIDES, VIEWS

EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)
"""Dates of service, birth, referral and lot expiry: outside these a date is a typing slip (and
9999-12-31 leaves no room for the next-due date printed on the note)."""
MAX_ID = 2**63 - 1
"""The largest id a database holds (SQLite INTEGER, PostgreSQL BIGINT)."""
MAX_SEARCH_LENGTH = 200
"""Search text: longer than any name and chart number together (SQLite refuses LIKE patterns
beyond 50,000 bytes)."""
MAX_LINE_LENGTH = 500
"""One line of free text with no column limit of its own (tolerance, aftercare, a reason)."""
MAX_TEXT_LENGTH = 10_000
"""Several lines of free text (notes, an addendum, an address): pages of a procedure note."""
MAX_COORDINATE = 10_000.0
"""Diagram coordinates are in the SVGs' units (a view is 400 x 500); far beyond is a bad value."""
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: invisible, they reorder what follows ("Smith" can show as
"htimS"), so a record would not read as it is stored."""
LINE_BREAKS = "\n\t"
"""Allowed in multi-line text only."""
NAME_JOINERS = frozenset("\u200c\u200d")
"""The zero-width non-joiner and joiner: Persian, Urdu and Indic scripts write them inside names
(they choose a letter's joined or separate form), so a name may hold them; a chart number
may not."""


class OutOfBounds(ValueError):
    """A value outside what the record may hold; the message names the field for the user."""


def unsafe_character(text: str, *, multiline: bool = False) -> str | None:
    """The first character that is never stored nor printed as is, or None.

    Control characters (newline and tab are allowed in multi-line text), line and paragraph
    separators, bidi embeddings, overrides and isolates, and half surrogate pairs (they cannot be
    written as UTF-8).
    """
    for char in text:
        if multiline and char in LINE_BREAKS:
            continue
        if char in BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp"):
            return char
    return None


def escape(text: str) -> str:
    """Text for one line of a terminal: every unsafe character (newlines too) shown escaped."""
    return "".join(repr(char)[1:-1] if unsafe_character(char) else char for char in text)


def check_text(
    value: object, label: str, *, multiline: bool = False, max_length: int | None = None
) -> None:
    """Text without unsafe characters and, with ``max_length``, not longer than that
    (``label``, marked with ``N_``, is translated here)."""
    label = _(label)
    if not isinstance(value, str):
        raise OutOfBounds(_("{label} must be text.").format(label=_capital(label)))
    char = unsafe_character(value, multiline=multiline)
    if char is not None:
        raise OutOfBounds(
            _("There is {kind} ({code}) in {label}; remove it.").format(
                kind=_kind(char), code=f"U+{ord(char):04X}", label=label
            )
        )
    if max_length is not None and len(value) > max_length:
        raise OutOfBounds(
            _("Too much text in {label} ({count} characters; at most {limit}).").format(
                label=label, count=len(value), limit=max_length
            )
        )


def check_visible(value: str, label: str, *, joiners: bool = False) -> None:
    """A name or a chart number without an invisible format character (Unicode category Cf: a
    zero-width space, a soft hyphen, a word joiner, a byte-order mark), which would make two
    values that read alike different, so a patient could be charted twice (with ``joiners``, the
    :data:`NAME_JOINERS` a name may hold). Control characters: :func:`check_text`."""
    for char in value:
        if unicodedata.category(char) == "Cf" and not (joiners and char in NAME_JOINERS):
            raise OutOfBounds(
                f"There is an invisible character (U+{ord(char):04X}) in {label}; remove it."
            )


def is_date(value: object) -> TypeGuard[date]:
    """A calendar date, not a date and time (which would not read back equal)."""
    return isinstance(value, date) and not isinstance(value, datetime)


def check_date(value: object, label: str) -> None:
    """A calendar date from 1900-01-01 to 2100-12-31 (``label``, marked with ``N_``, is
    translated here)."""
    label = _capital(_(label))
    if not is_date(value):
        raise OutOfBounds(_("{label} must be a date.").format(label=label))
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise OutOfBounds(
            _("{label} must be from {earliest} to {latest} (got {value}).").format(
                label=label,
                earliest=EARLIEST_DATE.isoformat(),
                latest=LATEST_DATE.isoformat(),
                value=value.isoformat(),
            )
        )


def check_whole(value: object, label: str, low: int, high: int) -> None:
    """A whole number (not True/False, not 5.0) from ``low`` to ``high``."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise OutOfBounds(
            f"{_capital(label)} must be a whole number from {low} to {high}{_got(value)}."
        )


def is_id(value: object) -> bool:
    """A whole number a database can hold as an id (1 to 2**63 - 1)."""
    return not isinstance(value, bool) and isinstance(value, int) and 1 <= value <= MAX_ID


def check_id(value: object, what: str) -> None:
    """An id a database can hold; ``what`` is the record, e.g. "session" (marked with ``N_``,
    translated here)."""
    if not is_id(value):
        raise OutOfBounds(
            _("There is no {what} {value}: ids are whole numbers from 1 to {largest}.").format(
                what=_(what), value=_short(value), largest=MAX_ID
            )
        )


def check_search(text: str) -> None:
    """Search text of a sensible length."""
    if len(text) > MAX_SEARCH_LENGTH:
        raise OutOfBounds(
            _("The search text is too long ({count} characters; at most {limit}).").format(
                count=len(text), limit=MAX_SEARCH_LENGTH
            )
        )


CHART_TEXT = {
    "diagnosis_code": N_("the diagnosis code"),
    "product": N_("the product"),
    "din_ndc": N_("the DIN/NDC"),
    "diluent": N_("the diluent"),
    "needle": N_("the needle"),
    "adverse_event_other": N_("the other adverse event"),
    "tolerance": N_("the tolerance"),
    "aftercare": N_("the aftercare"),
}
"""One-line text of a chart (their column limits are checked as they are stored)."""


def check_vials(chart: Chart) -> None:
    """The vials: at most MAX_VIALS, each a whole size up to MAX_VIAL_UNITS with a one-line lot,
    a sensible expiry and units drawn (if recorded) that fit the vial
    (docs/clinical-reference.md §4)."""
    if len(chart.vials) > MAX_VIALS:
        raise OutOfBounds(f"At most {MAX_VIALS} vials are opened in one session.")
    for n, vial in enumerate(chart.vials, start=1):
        if not isinstance(vial.units, int) or isinstance(vial.units, bool):
            raise OutOfBounds(f"Vial {n}: the size is a whole number of units.")
        if not 1 <= vial.units <= MAX_VIAL_UNITS:
            raise OutOfBounds(f"Vial {n}: the size must be from 1 to {MAX_VIAL_UNITS} U.")
        check_text(vial.lot_number, f"vial {n}'s lot number", max_length=MAX_LINE_LENGTH)
        if vial.lot_expiry is not None:
            check_date(vial.lot_expiry, f"vial {n}'s lot expiry date")
        if vial.drawn is not None:
            drawn = vial.drawn
            if not isinstance(drawn, Decimal) or not drawn.is_finite():
                raise OutOfBounds(f"Vial {n}: the units drawn are not a number.")
            if not 0 <= drawn <= vial.units or drawn != drawn.quantize(Decimal("0.1")):
                raise OutOfBounds(
                    f"Vial {n}: the units drawn must be from 0 to {vial.units} U, to 0.1 U."
                )


def check_chart(chart: Chart) -> None:
    """Everything a chart says, within the bounds of the record (its findings are another matter:
    a draft may be incomplete, but never hold an impossible value)."""
    check_date(chart.date_of_service, N_("the date of service"))
    problem = chart.dilution.problem()
    if problem:
        raise OutOfBounds(problem)
    check_vials(chart)
    check_outcomes(chart)
    for name, label in CHART_TEXT.items():
        check_text(getattr(chart, name), label, max_length=MAX_LINE_LENGTH)
    check_text(chart.notes, N_("the notes"), multiline=True, max_length=MAX_TEXT_LENGTH)
    for code, reason in chart.omissions.items():
        check_text(code, N_("an omitted site's code"), max_length=MAX_LINE_LENGTH)
        check_text(reason, N_("the reason a site was omitted"), max_length=MAX_LINE_LENGTH)
    if not isinstance(chart.consent, bool):
        raise OutOfBounds("Consent is recorded as yes or no.")
    for name, present in chart.screen.items():
        check_text(name, N_("a contraindication"), max_length=MAX_LINE_LENGTH)
        if present is not None and not isinstance(present, bool):
            raise OutOfBounds("A contraindication is answered yes, no or not asked.")
    for event in chart.adverse_events:
        check_text(event, N_("an adverse event"), max_length=MAX_LINE_LENGTH)
    for injection in chart.injections:
        check_injection(injection)


def check_outcomes(chart: Chart) -> None:
    """The outcome figures of a visit: a window of 1 to 366 days ending on a date a clinic can
    mean, days from 0 to the window's length (30 without one), and questionnaire totals in their
    ranges (docs/clinical-reference.md §8)."""
    window = chart.outcome_window_days
    if window is not None:
        check_whole(window, "the outcome window (days)", 1, MAX_OUTCOME_WINDOW_DAYS)
    if chart.outcome_window_end is not None:
        check_date(chart.outcome_window_end, N_("the last day of the outcome window"))
        if chart.outcome_window_end > chart.date_of_service:
            raise OutOfBounds(
                "The counting window ends after the visit: its figures would count days to come."
            )
    counted = window if window is not None else DAYS_COUNTED
    for days, label in (
        (chart.headache_days, "headache days"),
        (chart.migraine_days, "migraine days"),
        (chart.acute_medication_days, "acute-medication days"),
        (chart.diary_days, "days with diary data"),
    ):
        if days is not None:
            check_whole(days, label, 0, counted)
    for total, label, (low, high) in (
        (chart.midas_total, "the MIDAS total", MIDAS_RANGE),
        (chart.hit6_total, "the HIT-6 total", HIT6_RANGE),
    ):
        if total is not None:
            check_whole(total, label, low, high)


def check_injection(injection: Injection) -> None:
    """A charted site: its words, where it is on the diagram, and a sensible dose."""
    check_text(injection.label, N_("a site label"), max_length=MAX_LINE_LENGTH)
    where = injection.label[:40]
    check_text(injection.key, f"the key of {where}", max_length=MAX_LINE_LENGTH)
    check_text(injection.muscle, f"the muscle of {where}", max_length=MAX_LINE_LENGTH)
    if injection.site_code is not None:
        check_text(injection.site_code, f"the site code of {where}", max_length=MAX_LINE_LENGTH)
    if not isinstance(injection.kind, InjectionKind):
        raise OutOfBounds(f"{where}: a site is a protocol, follow-the-pain or custom site.")
    if injection.side not in SIDES:
        raise OutOfBounds(f"{where}: the side must be one of {', '.join(SIDES)}.")
    point = injection.point
    if point.view not in VIEWS:
        raise OutOfBounds(f"{where}: the diagram view must be one of {', '.join(VIEWS)}.")
    for coordinate in (point.x, point.y):
        if (
            isinstance(coordinate, bool)
            or not isinstance(coordinate, int | float)
            or not math.isfinite(coordinate)
            or abs(coordinate) > MAX_COORDINATE
        ):
            raise OutOfBounds(f"{where}: its place on the diagram is not a sensible point.")
    units: object = injection.units
    try:
        if isinstance(units, bool) or not isinstance(units, Decimal | int | float):
            raise ChartError(f"{_short(units)} is not a number of units.")
        parse_units(Decimal(units))  # exactly the value that would be stored
    except ChartError as err:
        raise OutOfBounds(f"{where}: {err}") from None


def _kind(char: str) -> str:
    if char in BIDI_CONTROLS:
        return _("an invisible text-direction character")
    if char in "\n\r\u2028\u2029":
        return _("a line break")
    if unicodedata.category(char) == "Cs":
        return _("half of a character")
    return _("a control character")


def _capital(label: str) -> str:
    return label[:1].upper() + label[1:]


def _short(value: object) -> str:
    """A value for a message: short, on one line (a 5,000-digit int is not even printable)."""
    if isinstance(value, int) and value.bit_length() > 128:
        return "a very large number"
    text = repr(value) if not isinstance(value, int) else str(value)
    return escape(text if len(text) <= 40 else text[:37] + "...")


def _got(value: object) -> str:
    return f" (got {_short(value)})" if isinstance(value, int | float | Decimal) else ""
