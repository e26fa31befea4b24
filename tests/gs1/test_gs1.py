"""Reading a carton's GS1 code as a keyboard-wedge scanner types it: each form scanners send, the
dates (day 00, the century window), the GTIN check digit, and codes that must be refused rather
than guessed at. docs/clinical-reference.md §11.

The GTIN is built the way US cartons build theirs from the NDC (0023-1145-01, Botox 100 U): "003" +
the 10-digit NDC + the mod-10 check digit.
"""

from __future__ import annotations

import string
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from botox_chart.gs1 import (
    CSET_82,
    SEPARATORS,
    Carton,
    Gs1Error,
    gtin_check_digit,
    looks_like_gs1,
    parse,
)

GTIN = "00300231145014"
TODAY = date(2026, 12, 2)
EXPECTED = Carton(
    gtin=GTIN, lot="C6812AB", expiry=date(2027, 8, 31), serial="12345", production=None
)


@pytest.mark.parametrize(
    "code",
    [
        "(01)00300231145014(17)270831(10)C6812AB(21)12345",
        "(01)00300231145014 (17)270831 (10)C6812AB (21)12345",  # as printed under the symbol
        "01003002311450141727083110C6812AB\x1d2112345",  # FNC1 as ASCII 29
        "0100300231145014172708312112345\x1d10C6812AB",  # serial first
        "01003002311450141727083110C6812AB|2112345",  # separator sent as "|"
        "01003002311450141727083110C6812AB~2112345",  # ... or as "~"
        "01003002311450141727083110C6812AB\u241d2112345",  # ... or as its symbol
        "]d201003002311450141727083110C6812AB\x1d2112345",  # DataMatrix prefix
        "]C1\x1d01003002311450141727083110C6812AB\x1d2112345",  # GS1-128, leading FNC1
        "  ]Q3(01)00300231145014(17)270831(10)C6812AB(21)12345\n",  # QR prefix, Enter at the end
    ],
)
def test_each_form_a_scanner_sends_reads_the_same_carton(code: str) -> None:
    assert looks_like_gs1(code)
    assert parse(code, today=TODAY) == EXPECTED


def test_a_lot_at_the_end_needs_no_separator() -> None:
    carton = parse("01003002311450141727083110C6812AB", today=TODAY)
    assert carton == Carton(GTIN, "C6812AB", date(2027, 8, 31), None, None)


def test_a_gtin_alone_is_a_carton_with_nothing_else() -> None:
    assert parse("0100300231145014", today=TODAY) == Carton(GTIN, None, None, None, None)
    assert parse("(01)00300231145014", today=TODAY) == Carton(GTIN, None, None, None, None)


def test_the_production_date_is_read_and_fixed_fields_come_in_any_order() -> None:
    carton = parse("1125011517270831010030023114501410C68", today=TODAY)
    assert carton == Carton(GTIN, "C68", date(2027, 8, 31), None, date(2025, 1, 15))


@pytest.mark.parametrize(
    ("yymmdd", "expiry"),
    [
        ("270800", date(2027, 8, 31)),
        ("270400", date(2027, 4, 30)),
        ("280200", date(2028, 2, 29)),  # leap year
        ("270200", date(2027, 2, 28)),
        ("271200", date(2027, 12, 31)),
        ("270815", date(2027, 8, 15)),
    ],
)
def test_day_00_means_the_last_day_of_the_month(yymmdd: str, expiry: date) -> None:
    assert parse(f"(01){GTIN}(17){yymmdd}", today=TODAY).expiry == expiry
    assert parse(f"01{GTIN}17{yymmdd}", today=TODAY).expiry == expiry


@pytest.mark.parametrize(
    ("today", "yymmdd", "expiry"),
    [
        (date(2026, 12, 2), "760101", date(2076, 1, 1)),  # 76 - 26 = 50: this century
        (date(2026, 12, 2), "770101", date(1977, 1, 1)),  # 51: the previous one
        (date(2026, 12, 2), "000101", date(2000, 1, 1)),
        (date(2080, 6, 1), "310101", date(2031, 1, 1)),  # -49: this century
        (date(2080, 6, 1), "300101", date(2130, 1, 1)),  # -50: the next one
        (date(2099, 12, 31), "000100", date(2100, 1, 31)),
        (date(2000, 1, 1), "990101", date(1999, 1, 1)),
    ],
)
def test_two_digit_years_follow_the_gs1_century_window(
    today: date, yymmdd: str, expiry: date
) -> None:
    assert parse(f"01{GTIN}17{yymmdd}", today=today).expiry == expiry


def test_a_wrong_check_digit_is_refused_naming_the_right_one() -> None:
    with pytest.raises(Gs1Error, match=r"The GTIN's check digit is wrong \(00300231145015: .*4\)"):
        parse("(01)00300231145015(17)270831(10)C6812AB", today=TODAY)


@pytest.mark.parametrize("expiry", ["271332", "270230", "270001", "270931", "290229"])
def test_an_expiry_that_is_not_a_date_is_refused(expiry: str) -> None:
    with pytest.raises(Gs1Error, match=f"^The expiry {expiry} is not a date$"):
        parse(f"01{GTIN}17{expiry}10C68", today=TODAY)


def test_a_production_date_that_is_not_a_date_is_refused() -> None:
    with pytest.raises(Gs1Error, match="^The production date 251301 is not a date$"):
        parse(f"01{GTIN}11251301", today=TODAY)


@pytest.mark.parametrize(
    ("code", "hidden"),
    [
        (f"01{GTIN}1727083110C6812AB2112345", "21"),  # the lot runs into the serial
        (f"01{GTIN}17270831211234510C6812AB", "10"),  # the serial runs into the lot
        (f"10C6812AB01{GTIN}", "01"),  # the lot runs into the GTIN
        (f"01{GTIN}10C6812AB17270831", "17"),  # ... or into the expiry
    ],
)
def test_fields_run_together_without_a_separator_are_refused(code: str, hidden: str) -> None:
    with pytest.raises(Gs1Error, match=rf"\({hidden}\): the scanner sent no separator"):
        parse(code, today=TODAY)


def test_a_value_that_only_looks_like_an_ai_is_not_refused() -> None:
    """The serial holds "11" + 6 digits, but 876543 is not a date; and "10" once a lot is read
    cannot start a second lot."""
    carton = parse(f"01{GTIN}10C68\x1d21431187654310", today=TODAY)
    assert carton.serial == "431187654310"
    carton = parse(f"01{GTIN}21ABC\x1d10C5210C3", today=TODAY)
    assert carton.lot == "C5210C3"
    assert parse(f"01{GTIN}21431187654310", today=TODAY).serial == "431187654310"


def test_with_a_separator_the_fields_split_there_even_if_a_value_holds_an_ai() -> None:
    carton = parse(f"01{GTIN}10C5210C3\x1d2121ABC", today=TODAY)
    assert (carton.lot, carton.serial) == ("C5210C3", "21ABC")


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (f"(01){GTIN}(714)ABC123", r"application identifier \(714\)"),
        (f"(01){GTIN}(8003)12345", r"application identifier \(8003\)"),
        (f"01{GTIN}71ABC123", r"starting \(71\)"),
        (f"01{GTIN}240ABC", r"starting \(24\)"),
    ],
)
def test_an_ai_of_unknown_length_is_refused_naming_it(code: str, message: str) -> None:
    with pytest.raises(Gs1Error, match=message):
        parse(code, today=TODAY)


def test_ais_of_predefined_length_are_skipped() -> None:
    """A net weight (3103), a product variant (20) and a best-before date (15) say nothing the
    chart needs, but their length is fixed by the standard, so the fields after them are read."""
    carton = parse(f"01{GTIN}31030005002001152701011727083110C68", today=TODAY)
    assert carton == Carton(GTIN, "C68", date(2027, 8, 31), None, None)
    carton = parse(f"(01){GTIN}(3103)000500(20)01(17)270831(10)C68", today=TODAY)
    assert carton == Carton(GTIN, "C68", date(2027, 8, 31), None, None)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("C6812AB", "^This is not a GS1 carton code"),
        ("   ", "^This is not a GS1 carton code"),
        (f"]d101{GTIN}", r"^This is not a GS1 carton code.*\(\]d1\)"),  # DataMatrix, not GS1
        ("(17)270831(10)C68", r"no GTIN \(01\)"),
        (f"01{GTIN}1727083117280101", r"expiry \(17\) twice"),
        (f"(01){GTIN}(17)2708", r"The expiry \(17\) must be 6 digits"),
        (f"01{GTIN[:10]}", r"The GTIN \(01\) must be 14 digits"),
        (f"01{GTIN}10" + "A" * 21, "longer than 20 characters"),
        (f"(01){GTIN}(10)", r"The lot \(10\) in this code is empty"),
        (f"(01){GTIN}(10)C68 AB", "holds characters a GS1 code cannot"),
    ],
)
def test_what_is_not_a_carton_code_is_refused_with_a_message(code: str, message: str) -> None:
    with pytest.raises(Gs1Error, match=message):
        parse(code, today=TODAY)


def test_gs1_error_is_a_value_error() -> None:
    assert issubclass(Gs1Error, ValueError)


@pytest.mark.parametrize(
    "typed", ["C6812AB", "c6812ab", "2112345", "Lot #C6812AB", "01234", "", "(C68)"]
)
def test_a_typed_lot_does_not_look_like_a_scan(typed: str) -> None:
    assert not looks_like_gs1(typed)


# Round trips: random valid fields written in each form are read back.

DIGITS = st.text(string.digits, min_size=13, max_size=13)
LOT_CHARACTERS = sorted(CSET_82)
UNBRACKETED = sorted(CSET_82 - {"(", ")"})
"""The bracketed form cannot carry "(" in a value: "(21)" inside a lot would start a field."""
WITHOUT_ONE = sorted(CSET_82 - {"1"})
"""Every AI read here (01, 10, 11, 17, 21) holds a 1, so a value without one hides no field, and a
code with no separator stays unambiguous."""


@st.composite
def cartons(draw: st.DrawFn, alphabet: list[str]) -> tuple[Carton, date, dict[str, str]]:
    """A carton, the day it is scanned, and its fields as written (AI → value)."""
    today = draw(st.dates(date(1990, 1, 1), date(2200, 12, 31)))
    first_13 = draw(DIGITS)
    gtin = first_13 + str(gtin_check_digit(first_13))
    fields = {"01": gtin}
    expiry = production = None
    if draw(st.booleans()):
        expiry = draw(st.dates(date(today.year - 49, 1, 1), date(today.year + 50, 12, 31)))
        fields["17"] = expiry.strftime("%y%m%d")
        if (expiry + timedelta(days=1)).day == 1 and draw(st.booleans()):
            fields["17"] = expiry.strftime("%y%m00")
    if draw(st.booleans()):
        production = draw(st.dates(date(today.year - 49, 1, 1), today))
        fields["11"] = production.strftime("%y%m%d")
    variable = st.text(st.sampled_from(alphabet), min_size=1, max_size=20)
    lot = draw(st.none() | variable)
    serial = draw(st.none() | variable)
    if lot is not None:
        fields["10"] = lot
    if serial is not None:
        fields["21"] = serial
    return Carton(gtin, lot, expiry, serial, production), today, fields


Drawn = tuple[Carton, date, dict[str, str]]
PREFIXES = st.sampled_from(["", "]d2", "]C1", "]Q3", "  ", "]d2\x1d"])


@given(cartons(UNBRACKETED), st.data())
def test_the_bracketed_form_round_trips(drawn: Drawn, data: st.DataObject) -> None:
    carton, today, fields = drawn
    order = data.draw(st.permutations(list(fields)))
    code = data.draw(PREFIXES) + "".join(f"({ai}){fields[ai]}" for ai in order) + "\n"
    assert looks_like_gs1(code)
    assert parse(code, today=today) == carton


@given(cartons(LOT_CHARACTERS), st.data())
def test_the_raw_form_with_separators_round_trips(drawn: Drawn, data: st.DataObject) -> None:
    """Any order; a separator (ASCII 29 or a stand-in) after each variable field but the last, and
    perhaps after fixed ones too."""
    carton, today, fields = drawn
    order = data.draw(st.permutations(list(fields)))
    separator = data.draw(st.sampled_from(sorted(SEPARATORS)))
    after_fixed = data.draw(st.booleans())
    code = ""
    for i, ai in enumerate(order):
        code += ai + fields[ai]
        if i < len(order) - 1 and (ai in ("10", "21") or after_fixed):
            code += separator
    assume(separator in code or not {"10", "21"} & set(fields))  # else it is the form below
    code = data.draw(PREFIXES) + code
    assert looks_like_gs1(code)
    assert parse(code, today=today) == carton


@given(cartons(WITHOUT_ONE), st.data())
def test_the_raw_form_without_separators_round_trips(drawn: Drawn, data: st.DataObject) -> None:
    """No separator: the fixed fields in any order, then at most one variable field, last."""
    carton, today, fields = drawn
    fixed = data.draw(st.permutations([ai for ai in fields if ai not in ("10", "21")]))
    last = data.draw(st.sampled_from([None, *(ai for ai in ("10", "21") if ai in fields)]))
    code = "".join(ai + fields[ai] for ai in fixed) + (last + fields[last] if last else "")
    expected = Carton(
        carton.gtin,
        carton.lot if last == "10" else None,
        carton.expiry,
        carton.serial if last == "21" else None,
        carton.production,
    )
    code = data.draw(PREFIXES) + code
    assert looks_like_gs1(code)
    assert parse(code, today=today) == expected
