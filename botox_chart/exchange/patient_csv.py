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
import hashlib
import io
from dataclasses import dataclass

from botox_chart.i18n import _, ngettext

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
MAX_COLUMNS = 200
"""A patient list has ten columns; a file with more is not one (and a header of a million commas
is refused before any row is looked at)."""


def save_as_utf8() -> str:
    """How to save a spreadsheet as UTF-8, in the reader's language."""
    return _(
        'save it as UTF-8: in Excel, File › Save As › "CSV UTF-8 (Comma delimited)"; in '
        'LibreOffice, tick "Edit filter settings" and choose "Unicode (UTF-8)"'
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
    size: int = 0
    """The file's size in bytes (the import's audit event says it, never the file's name)."""
    sha256: str = ""
    """The first 16 hex digits of the file's SHA-256: which file was imported, without a name."""


def parse(data: bytes) -> PatientList:
    """The patient list in ``data``; :class:`CsvRefused` when it cannot be one."""
    text = decode(data)
    separator = _separator(text)
    records = _records(text, separator)
    if not records:  # nothing, or blank rows and separators only
        raise CsvRefused(
            _("The file is empty: its first row names the columns ({columns}, …).").format(
                columns=", ".join(REQUIRED)
            )
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
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest()[:16],
    )


def decode(data: bytes) -> str:
    """The text of a UTF-8 file, its byte-order mark dropped; refused with how to save it as
    UTF-8 otherwise."""
    if len(data) > MAX_BYTES:
        raise CsvRefused(
            _("The file is too large for a patient list ({size} bytes; at most {limit}).").format(
                size=f"{len(data):,}", limit=f"{MAX_BYTES:,}"
            )
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise CsvRefused(
            _("The file is UTF-16 text (Excel's 'Unicode Text'): {how}.").format(how=save_as_utf8())
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise CsvRefused(
            _(
                "The file is not UTF-8 text (line {line} has the byte 0x{byte}, as Windows' own "
                "encodings write accents): {how}."
            ).format(line=line, byte=f"{data[err.start]:02X}", how=save_as_utf8())
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
            _(
                "Row {row} cannot be read ({error}): check its quotes (a value with a quote "
                'inside is written "like ""this""").'
            ).format(row=number + 1, error=err)
        ) from None
    return records


def _columns(header: list[str], body: list[tuple[int, list[str]]]) -> list[str | None]:
    """Each column's name in :data:`COLUMNS` (None: an unnamed empty column, ignored). The rows
    are read once, whatever the number of columns."""
    if len(header) > MAX_COLUMNS:
        raise CsvRefused(
            _(
                "The first row has {count} columns; a patient list has at most {limit} (the "
                "columns are {required} and {optional}). Is this the right file?"
            ).format(
                count=f"{len(header):,}",
                limit=MAX_COLUMNS,
                required=", ".join(REQUIRED),
                optional=", ".join(OPTIONAL),
            )
        )
    unnamed = {i for i, raw in enumerate(header) if not _name(raw)}
    if unnamed:
        filled = {
            i
            for _n, values in body
            for i, value in enumerate(values)
            if i in unnamed and value.strip()
        }
        if filled:
            raise CsvRefused(
                _(
                    "Column {column} has values but no name in the first row: name it (one of "
                    "{columns}) or delete it."
                ).format(column=min(filled) + 1, columns=", ".join(COLUMNS))
            )
    columns: list[str | None] = []
    for i, raw in enumerate(header):
        name = _name(raw)
        if not name:
            columns.append(None)
            continue
        if name not in COLUMNS:
            raise CsvRefused(
                _(
                    "Unknown column {name} (column {column}): the columns are {required} "
                    "(required) and {optional}."
                ).format(
                    name=repr(raw.strip()[:60]),
                    column=i + 1,
                    required=", ".join(REQUIRED),
                    optional=", ".join(OPTIONAL),
                )
            )
        if name in columns:
            raise CsvRefused(
                _("The column {name} is there twice (column {column}).").format(
                    name=name, column=i + 1
                )
            )
        columns.append(name)
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise CsvRefused(
            ngettext(
                "Required column missing: {missing} (the first row names the columns: "
                "{required}, then any of {optional}).",
                "Required columns missing: {missing} (the first row names the columns: "
                "{required}, then any of {optional}).",
                len(missing),
            ).format(
                missing=", ".join(missing),
                required=", ".join(REQUIRED),
                optional=", ".join(OPTIONAL),
            )
        )
    return columns


def _name(raw: str) -> str:
    return raw.strip().casefold()
