"""Read the GS1 code on a carton, as a keyboard-wedge barcode scanner types it into a text field.

A GS1 DataMatrix or GS1-128 code is a run of element strings, each an application identifier (AI)
and its value. This module reads the ones a medicine carton carries: (01) GTIN, 14 digits with a
mod-10 check digit; (17) expiry and (11) production date, YYMMDD; (10) batch/lot and (21) serial
number, 1 to 20 characters of GS1 character set 82, each ended by the group separator (FNC1, sent
as ASCII 29) unless it is the last field. Sources: GS1 General Specifications, section 3 (the
definitions of AIs 01, 10, 11, 17 and 21), its table of element strings with predefined length, and
section 7.12 (the century of a two-digit year); docs/clinical-reference.md §11.

Scanners send the code in three forms, all read here:

- the human-readable form, ``(01)00300231234565(17)270831(10)C6812AB(21)12345``, spaces between
  fields allowed: a field ends at the next ``(`` + two to four digits + ``)``, so a lot that itself
  holds such a group cannot be read in this form;
- the raw form with the group separator as ASCII 29, or as a character that can never be part of a
  value (any of :data:`SEPARATORS`, outside character set 82), which some scanners are set to send
  instead: a variable field ends at the separator or at the end (a scanner that sends one
  separator sends them all, so a code holding one is trusted to hold each);
- the raw form with no separator at all (a keyboard wedge often drops ASCII 29). Fixed-length fields
  still split by their length, but a variable field (lot, serial) can only run to the end: "10C68
  2112345" is either the lot "C682112345" or the lot "C68" and the serial "12345". The rule here: a
  variable field with no separator runs to the end of the code, and the code is refused as
  ambiguous when a tail of that value can itself be read as fields not yet seen, each well formed
  (the serial "12345" above; a GTIN with its check digit; a date with a real month), since the
  scanner may have dropped a separator there. The nurse then types the lot, or sets the scanner to
  send the separator.

A symbology prefix (``]d2`` GS1 DataMatrix, ``]C1`` GS1-128, ``]Q3`` GS1 QR Code) and surrounding
whitespace are ignored. Other AIs are skipped only when the predefined-length table fixes their
length; any other AI is refused, naming it, rather than guessed at.

Pure Python (no Qt, no store), for the lot field: :func:`looks_like_gs1` tells a scanned code from
a typed lot, :func:`parse` reads it.
"""

from __future__ import annotations

import calendar
import re
import string
from dataclasses import dataclass
from datetime import date

GROUP_SEPARATOR = "\x1d"
"""FNC1 as scanners send it: ASCII 29."""

SEPARATORS = frozenset(GROUP_SEPARATOR + "\u241d#$@[\\]^`{|}~")
"""What a scanner may send for the group separator: ASCII 29, its visible symbol, or a printable
character outside GS1 character set 82, which no value can hold, so reading it as a separator is
never ambiguous."""

CSET_82 = frozenset(string.ascii_letters + string.digits + "!\"%&'()*+,-./:;<=>?_")
"""GS1 character set 82: the characters a lot or serial number may hold."""

SYMBOLOGY_PREFIXES = ("]d2", "]C1", "]Q3")
"""The symbology identifiers of GS1 DataMatrix, GS1-128 and GS1 QR Code."""

VARIABLE_MAX = 20
"""The longest lot (10) or serial number (21)."""

GTIN, LOT, PRODUCTION, EXPIRY, SERIAL = "01", "10", "11", "17", "21"

READ_LENGTHS = {GTIN: 14, PRODUCTION: 6, EXPIRY: 6}
"""The fixed-length AIs this module reads, and their value's length."""

VARIABLE = (LOT, SERIAL)

SKIPPED = {
    "00": 18,  # SSCC
    "02": 14,  # GTIN of contained trade items
    "12": 6,  # due date
    "13": 6,  # packaging date
    "15": 6,  # best before date
    "16": 6,  # sell by date
    "20": 2,  # product variant
    # measures (net weight, length, area…): 31nn to 36nn
    **{
        f"3{kind}{digit}{decimals}": 6
        for kind in "123456"
        for digit in "0123456789"
        for decimals in "0123456789"
    },
    **{f"41{digit}": 13 for digit in "01234567"},  # GLNs (410 to 417)
}
"""AIs that carry nothing the chart needs but whose length the predefined-length table fixes, so
they are skipped. Their values must be digits."""

_FIXED = {**READ_LENGTHS, **SKIPPED}

NAMES = {
    GTIN: "GTIN",
    LOT: "lot",
    PRODUCTION: "production date",
    EXPIRY: "expiry",
    SERIAL: "serial number",
}

_BRACKETED_AI = re.compile(r"\((\d{2,4})\)")


class Gs1Error(ValueError):
    """A scanned code that cannot be read as a carton's GS1 code; the message is for the nurse."""


@dataclass(frozen=True)
class Carton:
    """What a carton's code says: product (GTIN), lot, expiry, serial number, production date."""

    gtin: str
    lot: str | None
    expiry: date | None
    serial: str | None
    production: date | None


def looks_like_gs1(text: str) -> bool:
    """Is ``text`` a scanned GS1 code rather than a typed lot number?

    Yes when it has a symbology prefix, a group separator (ASCII 29 or its symbol), a bracketed AI
    at the start, a separator character after leading digits, or fixed-length fields at the start
    that include a GTIN (01 + 14 digits). "C6812AB" and "Lot #C68" are lots. A code this says yes
    to may still be refused by :func:`parse` (a wrong check digit, say): the nurse then sees why.
    """
    body = text.strip()
    if re.match(r"\][A-Za-z]\d", body) or GROUP_SEPARATOR in body or "\u241d" in body:
        return True
    if _BRACKETED_AI.match(body):
        return True
    if body[:2].isdigit() and any(char in SEPARATORS for char in body):
        return True
    return GTIN in _leading_fixed_ais(body)


def _leading_fixed_ais(body: str) -> set[str]:
    """The fixed-length AIs read one after another from the start of a raw code, up to the first
    field that is not one."""
    found: set[str] = set()
    at = 0
    while True:
        ai = next((body[at : at + w] for w in (2, 3, 4) if body[at : at + w] in _FIXED), None)
        if ai is None:
            return found
        value = body[at + len(ai) : at + len(ai) + _FIXED[ai]]
        if len(value) != _FIXED[ai] or not value.isdigit():
            return found
        found.add(ai)
        at += len(ai) + len(value)


def parse(text: str, *, today: date) -> Carton:
    """The carton ``text`` describes; ``today`` places two-digit years (GS1 section 7.12).

    Raises :class:`Gs1Error` when the code is not a carton's GS1 code, has no GTIN, a wrong GTIN
    check digit, an impossible date, an AI this module does not read, or a lot and serial number
    that cannot be told apart.
    """
    body = _strip(text)
    fields = _bracketed_fields(body) if body.startswith("(") else _raw_fields(body)
    values: dict[str, str] = {}
    for ai, value in fields:
        if ai in values:
            raise Gs1Error(f"This code holds the {NAMES[ai]} ({ai}) twice: {_shown(text)}")
        values[ai] = value
    if GTIN not in values:
        raise Gs1Error(f"This code has no GTIN (01), so it does not name a product: {_shown(text)}")
    _check_gtin(values[GTIN])
    return Carton(
        gtin=values[GTIN],
        lot=values.get(LOT),
        expiry=_date(values[EXPIRY], "expiry", today) if EXPIRY in values else None,
        serial=values.get(SERIAL),
        production=_date(values[PRODUCTION], "production date", today)
        if PRODUCTION in values
        else None,
    )


def gtin_check_digit(first_13: str) -> int:
    """The GS1 mod-10 check digit of a GTIN's first 13 digits: weights 3, 1, 3… from the right."""
    total = sum(int(digit) * (3 if i % 2 == 0 else 1) for i, digit in enumerate(reversed(first_13)))
    return (10 - total % 10) % 10


def _strip(text: str) -> str:
    body = text.strip()
    if body.startswith("]"):
        prefix = body[:3]
        if prefix not in SYMBOLOGY_PREFIXES:
            raise Gs1Error(
                "This is not a GS1 carton code: the scanner read a barcode of another kind "
                f"({prefix})"
            )
        body = body[3:].strip()
    body = body.lstrip("".join(SEPARATORS))  # FNC1 in first position: some scanners send it
    if not body:
        raise Gs1Error("This is not a GS1 carton code: it is empty")
    return body


def _bracketed_fields(body: str) -> list[tuple[str, str]]:
    """The human-readable form: "(AI)value" after "(AI)value"."""
    parts = _BRACKETED_AI.split(body)
    if parts[0].strip():
        raise Gs1Error(f"This is not a GS1 carton code: {_shown(body)}")
    fields: list[tuple[str, str]] = []
    for ai, raw in zip(parts[1::2], parts[2::2], strict=True):
        value = raw.strip().rstrip("".join(SEPARATORS))
        if ai in _FIXED:
            length = _FIXED[ai]
            if len(value) != length or not value.isdigit():
                raise Gs1Error(
                    f"The {_name(ai)} ({ai}) must be {length} digits, not {_shown(value)}"
                )
        elif ai in VARIABLE:
            _check_variable(ai, value)
        else:
            raise Gs1Error(
                f"This code holds application identifier ({ai}), which the app does not read"
            )
        if ai in NAMES:
            fields.append((ai, value))
    return fields


def _raw_fields(body: str) -> list[tuple[str, str]]:
    """The raw form: element strings run together, variable ones ended by a separator or the end."""
    separated = any(char in SEPARATORS for char in body)
    fields: list[tuple[str, str]] = []
    seen: set[str] = set()
    at = 0
    while at < len(body):
        if body[at] in SEPARATORS:  # a separator after a fixed-length field is allowed
            at += 1
            continue
        ai = _raw_ai(body, at)
        start = at + len(ai)
        if ai in VARIABLE:
            end = next((i for i in range(start, len(body)) if body[i] in SEPARATORS), len(body))
            value = body[start:end]
            if not separated:
                _refuse_if_ambiguous(ai, value, seen | {ai})
            _check_variable(ai, value)
        else:
            length = _FIXED[ai]
            end = start + length
            value = body[start:end]
            if len(value) != length or not value.isdigit():
                raise Gs1Error(
                    f"The {_name(ai)} ({ai}) must be {length} digits, not {_shown(value)}"
                )
        if ai in NAMES:
            fields.append((ai, value))
        seen.add(ai)
        at = end
    return fields


def _raw_ai(body: str, at: int) -> str:
    """The AI that starts at ``at``: 2 digits, or the 3 or 4 of a skipped AI."""
    head = body[at : at + 2]
    if len(head) < 2 or not head.isdigit():
        raise Gs1Error(f"This is not a GS1 carton code: {_shown(body)}")
    if head in READ_LENGTHS or head in VARIABLE or head in SKIPPED:
        return head
    for width in (3, 4):
        if body[at : at + width] in SKIPPED:
            return body[at : at + width]
    raise Gs1Error(
        f"This code holds an application identifier starting ({head}), which the app does not read"
    )


def _check_variable(ai: str, value: str) -> None:
    if not value:
        raise Gs1Error(f"The {NAMES[ai]} ({ai}) in this code is empty")
    if len(value) > VARIABLE_MAX:
        raise Gs1Error(
            f"The {NAMES[ai]} ({ai}) {_shown(value)} is longer than {VARIABLE_MAX} characters: "
            "the scanner may have run two fields together; type the lot instead"
        )
    bad = sorted({char for char in value if char not in CSET_82})
    if bad:
        raise Gs1Error(
            f"The {NAMES[ai]} ({ai}) {_shown(value)} holds characters a GS1 code cannot: {bad!r}"
        )


def _refuse_if_ambiguous(ai: str, value: str, seen: set[str]) -> None:
    """No separator in the code: refuse a variable field whose tail could itself be read as the
    fields not yet seen, since the scanner may have dropped a separator there."""
    for i in range(1, len(value)):
        if _could_be_fields(value[i:], seen):
            hidden = value[i : i + 2]
            raise Gs1Error(
                f"The {NAMES[ai]} ({ai}) {_shown(value)} may end at {_shown(value[i:])}, "
                f"the {NAMES[hidden]} ({hidden}): the scanner sent no separator, so the fields "
                "cannot be told apart. Type the lot, or set the scanner to send the separator"
            )


def _could_be_fields(text: str, seen: set[str]) -> bool:
    """Could ``text`` be read, to its end, as AIs this module reads that are not in ``seen``, each
    value well formed (a GTIN with its check digit, a date with a month and a day)?"""
    if not text:
        return True
    ai, rest = text[:2], text[2:]
    if ai in seen:
        return False
    if ai in VARIABLE:
        longest = min(VARIABLE_MAX, len(rest))
        return any(
            all(char in CSET_82 for char in rest[:end])
            and _could_be_fields(rest[end:], seen | {ai})
            for end in range(1, longest + 1)
        )
    if ai not in READ_LENGTHS:
        return False
    value = rest[: READ_LENGTHS[ai]]
    if len(value) != READ_LENGTHS[ai] or not value.isdigit():
        return False
    if ai == GTIN:
        well_formed = gtin_check_digit(value[:13]) == int(value[13])
    else:
        well_formed = 1 <= int(value[2:4]) <= 12 and int(value[4:]) <= 31
    return well_formed and _could_be_fields(rest[len(value) :], seen | {ai})


def _check_gtin(gtin: str) -> None:
    expected = gtin_check_digit(gtin[:13])
    if int(gtin[13]) != expected:
        raise Gs1Error(
            f"The GTIN's check digit is wrong ({gtin}: the last digit should be {expected}); "
            "scan again"
        )


def _date(yymmdd: str, what: str, today: date) -> date:
    """A GS1 YYMMDD date: the century by GS1 section 7.12, day 00 the last day of the month."""
    yy, month, day = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    century = today.year - today.year % 100
    difference = yy - today.year % 100
    if difference >= 51:
        century -= 100
    elif difference <= -50:
        century += 100
    year = century + yy
    if not 1 <= month <= 12:
        raise Gs1Error(f"The {what} {yymmdd} is not a date")
    if day == 0:
        day = calendar.monthrange(year, month)[1]
    try:
        return date(year, month, day)
    except ValueError:
        raise Gs1Error(f"The {what} {yymmdd} is not a date") from None


def _name(ai: str) -> str:
    return NAMES.get(ai, "field")


def _shown(text: str) -> str:
    """``text`` as a message shows it: the separator visible, at most 60 characters."""
    shown = text.replace(GROUP_SEPARATOR, "<GS>")
    return repr(shown if len(shown) <= 60 else shown[:57] + "...")
