"""Which paper the clinic prints on: ISO A4 or US Letter.

A clinic chooses in its settings (``store.settings.ClinicSettings.paper``); until it does, the
paper is the one of the computer's locale: Letter in the countries that use it, A4 everywhere else
(and when the locale says nothing about a country, as the "C" locale). Plain values in and out:
no Qt, no reportlab, so the command line, the documents and the window agree.

The countries on Letter are those whose locales print on it in the GNU C library's locale data
(``/usr/share/i18n/locales``, the LC_PAPER height of 279 mm): the United States and Puerto Rico,
Canada, Mexico, the Philippines, and Bolivia, Chile, Colombia, Costa Rica, Guatemala, Nicaragua,
Panama, El Salvador and Venezuela. Unicode's CLDR adds Belize, which has no glibc locale.
"""

from __future__ import annotations

import locale
import os
import re

A4 = "a4"
LETTER = "letter"
FROM_LOCALE = ""
"""The setting's value until the clinic chooses: the paper of the computer's locale."""
CHOICES = (FROM_LOCALE, A4, LETTER)

SIZES: dict[str, tuple[float, float]] = {
    A4: (595.2755905511812, 841.8897637795277),
    LETTER: (612.0, 792.0),
}
"""Portrait width and height in points (1/72 in): A4 is 210 × 297 mm, Letter 8.5 × 11 in."""
NAMES = {A4: "A4", LETTER: "Letter"}
"""Each paper as people name it."""

LETTER_TERRITORIES = frozenset(
    {"US", "PR", "CA", "MX", "PH", "BO", "CL", "CO", "CR", "GT", "NI", "PA", "SV", "VE", "BZ"}
)
"""ISO 3166 codes of the countries on Letter (see the module's docstring)."""
LETTER_TERRITORY_NAMES = frozenset(
    {
        "united states",
        "puerto rico",
        "canada",
        "mexico",
        "philippines",
        "bolivia",
        "chile",
        "colombia",
        "costa rica",
        "guatemala",
        "nicaragua",
        "panama",
        "el salvador",
        "venezuela",
        "belize",
    }
)
"""The same countries by the English names Windows gives its locales ("English_United States")."""

_system_locale: str | None = None


def for_locale(name: str | None) -> str:
    """The paper of a locale (``fr_CA``, ``en-US``, ``es_MX.UTF-8``, ``English_United States``):
    :data:`LETTER` in the countries on Letter, :data:`A4` for every other or unknown locale (A4 is
    the international standard, ISO 216)."""
    territory = territory_of(name or "")
    if len(territory) == 2:
        return LETTER if territory.upper() in LETTER_TERRITORIES else A4
    return LETTER if territory.lower() in LETTER_TERRITORY_NAMES else A4


def territory_of(name: str) -> str:
    """The country part of a locale name: "CA" of ``fr_CA.UTF-8@euro``; "United States" of
    ``English_United States.1252``; "" when there is none (``C``, ``fr``)."""
    bare = re.split(r"[.@]", name.strip(), maxsplit=1)[0]
    parts = re.split(r"[_-]", bare, maxsplit=1)
    if len(parts) < 2:
        return ""
    rest = parts[1]
    if "-" in rest or "_" in rest:  # zh_Hant_TW, sr-Latn-RS: the country comes last
        rest = re.split(r"[_-]", rest)[-1]
    return rest


def resolve(setting: str, locale_name: str | None = None) -> str:
    """The paper to print on: the clinic's ``setting`` when it chose one, else the paper of
    ``locale_name`` (the computer's locale, :func:`system_locale`, when not given)."""
    if setting in (A4, LETTER):
        return setting
    return for_locale(system_locale() if locale_name is None else locale_name)


def size(paper: str, *, landscape: bool = False) -> tuple[float, float]:
    """The page's width and height in points."""
    width, height = SIZES[paper]
    return (height, width) if landscape else (width, height)


def use_system_locale(name: str) -> None:
    """The window says which locale the computer has (its platform's own, which a program started
    from the desktop does not find in the environment); :func:`system_locale` returns it."""
    global _system_locale
    _system_locale = name


def system_locale() -> str:
    """The computer's locale for paper: the window's (:func:`use_system_locale`), else the
    environment's (LC_ALL, then LC_PAPER, then LANG, as POSIX orders them), else Python's."""
    if _system_locale:
        return _system_locale
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = os.environ.get(variable, "").strip()
        if value:
            return value
    return locale.getlocale()[0] or ""
