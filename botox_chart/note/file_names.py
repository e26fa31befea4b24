"""The file names the window suggests for a saved PDF (or a patient's FHIR bundle, JSON): the
patient's name, the date of service and what the document is, e.g.
``Côté_Marie-Ève_2026-12-01_procedure-note.pdf``, so a folder of exported notes reads and sorts by
patient without opening them.

Names keep their letters, accented or not; spaces become "-", "_" separates the fields, and
anything a file system could refuse or misread (slashes, colons, quotes, control characters) is
dropped or turned into "-". Pure Python: no Qt, no database.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date

PART_LIMIT = 40
"""Characters kept of each name: a file name stays well under the 255 bytes file systems allow."""
_DROPPED = frozenset("'’`\"")
"""Apostrophes and quotes vanish ("O'Brien" → "OBrien") rather than split a name in two."""


def safe_part(text: str) -> str:
    """A name made safe for any file system: letters and digits kept, every run of anything else
    (spaces, hyphens, slashes, dots...) one "-", none at either end."""
    text = unicodedata.normalize("NFC", text)
    pieces: list[str] = []
    for char in text:
        if char in _DROPPED:
            continue
        if char.isalnum():
            pieces.append(char)
        elif pieces and pieces[-1] != "-":
            pieces.append("-")
    return "".join(pieces)[:PART_LIMIT].strip("-")


def procedure_note_name(family: str, given: str, dates: Sequence[date]) -> str:
    """ "Family_Given_2026-12-01_procedure-note.pdf"; several sessions give the first and last
    dates ("…_2026-03-02-to-2026-12-01_procedure-notes.pdf")."""
    days = sorted(set(dates))
    if not days:
        raise ValueError("A procedure note has at least one session date.")
    when = days[0].isoformat() if len(days) == 1 else f"{days[0]}-to-{days[-1]}"
    what = "procedure-note" if len(dates) == 1 else "procedure-notes"
    return _joined(family, given, when, what)


def treatment_record_name(family: str, given: str) -> str:
    """ "Family_Given_treatment-record.pdf"."""
    return _joined(family, given, "treatment-record")


def letter_name(family: str, given: str, day: date) -> str:
    """ "Family_Given_2026-12-01_continuation-letter.pdf"."""
    return _joined(family, given, day.isoformat(), "continuation-letter")


def fhir_bundle_name(family: str, given: str, day: date) -> str:
    """ "Family_Given_2026-12-01_fhir-bundle.json": the patient's treatment for an EHR."""
    return _joined(family, given, day.isoformat(), "fhir-bundle", suffix=".json")


def _joined(family: str, given: str, *fields: str, suffix: str = ".pdf") -> str:
    names = [part for part in (safe_part(family), safe_part(given)) if part]
    return "_".join([*names, *fields]) + suffix
