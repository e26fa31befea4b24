"""Reading a clinic's patient list from a CSV file, as a spreadsheet saves it.

Pure Python (no Qt, no database): bytes in, the rows' texts out, each with its row number as a
spreadsheet numbers it (the header is row 1; a quoted value with line breaks is still one row).
What a row means is the patient form's business (store.patients.from_texts and validate): this
module only finds the columns and the values.

Excel's ways are taken as they come: UTF-8 with or without a byte-order mark ("CSV UTF-8"), a
comma, a semicolon (French and other locales where the comma is the decimal mark) or a tab between
values, quoted values with separators and line breaks inside, blank rows and empty trailing columns.
A file that is not UTF-8 ("CSV (Comma delimited)" in a Western locale is Windows-1252), a column
nobody knows, a column named twice or a required column missing is refused as a whole, naming it.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

REQUIRED = ("family_name", "given_names", "date_of_birth", "chart_number")
OPTIONAL = (
    "health_card",
    "phone",
    "email",
    "referring_physician",
    "referral_date",
    "allergies",
)
COLUMNS = REQUIRED + OPTIONAL
"""The columns a patient list may have (their names match case-insensitively, spaces around
ignored); each is the patient form's field of that name."""
SEPARATORS = (",", ";", "\t")
MAX_BYTES = 50_000_000
"""A list of 100,000 patients is a few megabytes: a file this large is not a patient list."""
SAVE_AS_UTF8 = (
    'save it as UTF-8: in Excel, File › Save As › "CSV UTF-8 (Comma delimited)"; in LibreOffice, '
    'tick "Edit filter settings" and choose "Unicode (UTF-8)"'
)


class CsvRefused(ValueError):
    """A file that cannot be read as a patient list at all; the message says why and what to do."""


@dataclass(frozen=True)
class CsvRow:
    """One row of values, by column name (a column the file lacks is not in ``values``)."""

    number: int
    """The row's number as a spreadsheet shows it (the header is row 1)."""
    values: dict[str, str]
    extra: int = 0
    """Values beyond the header's columns (more separators than columns: refused)."""


@dataclass(frozen=True)
class PatientList:
    columns: tuple[str, ...]
    """The file's columns, by their names in :data:`COLUMNS`, in the file's order."""
    separator: str
    rows: tuple[CsvRow, ...]
    """The rows with a value (blank rows left out, their numbers skipped)."""


def parse(data: bytes) -> PatientList:
    """The patient list in ``data``; :class:`CsvRefused` when it cannot be one."""
    text = decode(data)
    separator = _separator(text)
    records = _records(text, separator)
    if not records:  # nothing, or blank rows and separators only
        raise CsvRefused(
            "The file is empty: its first row names the columns (" + ", ".join(REQUIRED) + ", …)."
        )
    header, body = records[0], records[1:]
    columns = _columns(header[1], body)
    rows = []
    for number, values in body:
        if not any(value.strip() for value in values):
            continue  # a blank row (Excel keeps the separators of formatted empty rows)
        named = {
            name: values[i] if i < len(values) else ""
            for i, name in enumerate(columns)
            if name is not None
        }
        extra = sum(1 for value in values[len(columns) :] if value.strip())
        rows.append(CsvRow(number=number, values=named, extra=extra))
    return PatientList(
        columns=tuple(name for name in columns if name is not None),
        separator=separator,
        rows=tuple(rows),
    )


def decode(data: bytes) -> str:
    """The text of a UTF-8 file, its byte-order mark dropped; refused with how to save it as
    UTF-8 otherwise."""
    if len(data) > MAX_BYTES:
        raise CsvRefused(
            f"The file is too large for a patient list ({len(data):,} bytes; at most "
            f"{MAX_BYTES:,})."
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise CsvRefused(f"The file is UTF-16 text (Excel's 'Unicode Text'): {SAVE_AS_UTF8}.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise CsvRefused(
            f"The file is not UTF-8 text (line {line} has the byte 0x{data[err.start]:02X}, "
            f"as Windows' own encodings write accents): {SAVE_AS_UTF8}."
        ) from None


def _separator(text: str) -> str:
    """The separator that splits the header into the most known column names (a comma when
    none does)."""
    first = next(iter(text.lstrip("\r\n").splitlines()), "")

    def known(separator: str) -> int:
        names = next(csv.reader([first], delimiter=separator), [])
        return sum(_name(name) in COLUMNS for name in names)

    return max(SEPARATORS, key=lambda s: (known(s), first.count(s), s == ","))


def _records(text: str, separator: str) -> list[tuple[int, list[str]]]:
    """(row number, values) of every record from the header on (blank rows above it skipped,
    still counted)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    records: list[tuple[int, list[str]]] = []
    number = 0
    try:
        for number, values in enumerate(reader, start=1):  # noqa: B007 (read after the loop)
            if records or any(v.strip() for v in values):
                records.append((number, values))
    except csv.Error as err:
        raise CsvRefused(
            f"Row {number + 1} cannot be read ({err}): check its quotes (a value with a quote "
            f'inside is written "like ""this""").'
        ) from None
    return records


def _columns(header: list[str], body: list[tuple[int, list[str]]]) -> list[str | None]:
    """Each column's name in :data:`COLUMNS` (None: an unnamed empty column, ignored)."""
    columns: list[str | None] = []
    for i, raw in enumerate(header):
        name = _name(raw)
        if not name:
            if any(i < len(values) and values[i].strip() for _n, values in body):
                raise CsvRefused(
                    f"Column {i + 1} has values but no name in the first row: name it (one of "
                    f"{', '.join(COLUMNS)}) or delete it."
                )
            columns.append(None)
            continue
        if name not in COLUMNS:
            shown = raw.strip()[:60]
            raise CsvRefused(
                f"Unknown column {shown!r} (column {i + 1}): the columns are "
                f"{', '.join(REQUIRED)} (required) and {', '.join(OPTIONAL)}."
            )
        if name in columns:
            raise CsvRefused(f"The column {name} is there twice (column {i + 1}).")
        columns.append(name)
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise CsvRefused(
            f"Required column{plural} missing: {', '.join(missing)} (the first row names the "
            f"columns: {', '.join(REQUIRED)}, then any of {', '.join(OPTIONAL)})."
        )
    return columns


def _name(raw: str) -> str:
    return raw.strip().casefold()
