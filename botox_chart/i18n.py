"""The reader's language for everything below the window: chart findings, notes, records, letters,
lists and the command line's messages (docs/architecture.md §5).

One gettext catalogue per language (``resources/locale/<lang>/LC_MESSAGES/botox_chart.mo``,
built from the ``.po`` beside it by ``scripts/translations.py``); English is the source text, so
English needs no catalogue and prints exactly what the code says.

Two scopes, because a clinic may print a French note from an English window:

- :func:`activate` sets the process's language (the window's and the command line's messages);
- :func:`using` renders one piece of work in a language, whatever the process's: a
  :class:`contextvars.ContextVar` holds it, so it covers every function the work calls without a
  translator passed down each of them, and it holds only for the thread (or task) that entered
  it: a note rendered in French on a worker thread leaves the window's messages in English.

Dates and numbers are written for the reader too (:func:`date`, :func:`number`, :func:`percent`):
English keeps the ISO dates and plain decimals the app always printed; French follows Babel's
``fr_CA`` (« 3 décembre 2026 », « 2,5 mL », « 30 % »). Stored data and JSON/CSV stay ISO: only
text meant for a person passes through here.
"""

from __future__ import annotations

import contextvars
import functools
import gettext
import locale
import os
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date as Date
from datetime import datetime as DateTime
from decimal import Decimal, InvalidOperation

from botox_chart import paths

DOMAIN = "botox_chart"
LANGUAGES = ("en", "fr")
"""The languages the app speaks (the window, documents and messages); English is the source."""
NAMES = {"en": "English", "fr": "Français"}
"""Each language by its own name (menus and settings show them so, in any language)."""
BABEL_LOCALE = {"en": "en_CA", "fr": "fr_CA"}
"""The Babel locale each language's dates and numbers follow (Québec French for French)."""

_process = "en"
_scoped: contextvars.ContextVar[str | None] = contextvars.ContextVar("language", default=None)


def locale_dir() -> str:
    return str(paths.resources_dir() / "locale")


def known(language: str | None) -> str | None:
    """ "fr", "fr_CA", "fr-CA.UTF-8" → "fr"; None for a language the app does not speak."""
    if not language:
        return None
    code = language.replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def system_language() -> str:
    """The language of the computer's locale, as GNU gettext chooses it: the first of
    ``LANGUAGE``'s list (``fr_CA:fr:en``) the app speaks, unless the locale is C; else the locale
    (LC_ALL, LC_MESSAGES, LANG, then Python's); English when it is none the app speaks."""
    named = next(
        (os.environ[n] for n in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(n)), ""
    )
    found = named or locale.getlocale()[0] or ""
    if found.split(".")[0] not in ("C", "POSIX", ""):
        for wanted in os.environ.get("LANGUAGE", "").split(":"):
            if known(wanted):
                return known(wanted) or "en"
    return known(found) or "en"


def activate(language: str) -> None:
    """Set the process's language (ValueError for one the app does not speak)."""
    global _process
    _process = _checked(language)


def language() -> str:
    """The language in force: the innermost :func:`using`, else the process's."""
    return _scoped.get() or _process


@contextmanager
def using(language: str | None) -> Iterator[str]:
    """Render what is inside in ``language`` (None: the process's), in this thread only."""
    token = _scoped.set(_checked(language) if language else None)
    try:
        yield _scoped.get() or _process
    finally:
        _scoped.reset(token)


def _checked(language: str) -> str:
    found = known(language)
    if found is None:
        raise ValueError(f"Unknown language {language!r}: one of {', '.join(LANGUAGES)}.")
    return found


@functools.cache
def _catalogue(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=locale_dir(), languages=[language])


def _(message: str) -> str:
    """``message`` in the language in force; text the catalogue does not hold (a name, a lot, a
    reason typed by a clinician) as it is."""
    if not message:
        return message  # gettext("") is the catalogue's header, never a translation
    return _catalogue(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for ``n`` things, by the language's plural rule (French: 0 and 1
    take the singular)."""
    return _catalogue(language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` as it reads in ``context`` (e.g. "column": a text table's short heading,
    where a document's label of the same English words is longer in French)."""
    if not message:
        return message
    return _catalogue(language()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark a message for the catalogue without translating it yet (a constant translated where
    it is shown, such as a stored pick-list value)."""
    return message


def date(day: Date, *, numeric: bool = False) -> str:
    """A date as the reader writes it: English ISO (2026-12-03); French « 3 décembre 2026 », or
    fr_CA's numeric form (2026-12-03) for table columns (``numeric``)."""
    if language() == "en" or numeric:
        return day.isoformat()
    from babel.dates import format_date  # imported when needed: the CLI starts fast

    return format_date(day, "long", locale=BABEL_LOCALE["fr"])


def date_time(moment: DateTime) -> str:
    """A date and time with its zone: English 2026-12-03 14:05 EST; French 3 décembre 2026
    14 h 05 EST."""
    zone = moment.strftime("%Z")
    if language() == "en":
        return f"{moment.strftime('%Y-%m-%d %H:%M')} {zone}".strip()
    from babel.dates import format_time

    clock = format_time(moment, "short", locale=BABEL_LOCALE["fr"])
    return f"{date(moment.date())} {clock} {zone}".strip()


def number(value: Decimal | int | float | str) -> str:
    """A number as the reader writes it, with the decimals it was given: English as is (2.5,
    0.10); French with a decimal comma (2,5, 0,10). Text that is not a number passes unchanged."""
    text = str(value)
    if language() == "en":
        return text
    try:
        exact = Decimal(text)
    except InvalidOperation:
        return text
    if not exact.is_finite():
        return text
    places = max(0, -int(exact.as_tuple().exponent))
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * places if places else "")
    written = format_decimal(exact, format=pattern, locale=BABEL_LOCALE["fr"])
    return "+" + written if text.strip().startswith("+") else written  # a rise keeps its sign


def percent(value: Decimal | int | float | str) -> str:
    """A percentage: English 30%; French 30 % (a no-break space before the sign)."""
    if language() == "en":
        return f"{value}%"
    return f"{number(value)}\u00a0%"


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 11th, 21st in English; 1er, 2e, 21e in French (a rule of each language's
    grammar, not a message: no catalogue can say it for every number)."""
    if language() == "fr":
        return f"{n}er" if n == 1 else f"{n}e"
    teen = 10 <= n % 100 <= 20
    return f"{n}{'th' if teen else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def name_key(name: str) -> tuple[str, str]:
    """Sort key for names as a reader expects them: accents folded then case folded (Élodie
    among the E's, « de » with the D's), the exact text breaking ties so the order is stable.
    The same rule as the window's patient list, without Qt or ICU: locale.strxfrm depends on
    the computer's installed locales and is not reliable on every workstation."""
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    ).casefold()
    return folded, name
