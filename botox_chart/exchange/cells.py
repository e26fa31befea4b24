"""CSV for spreadsheets: the one way the app writes a CSV file a person opens in Excel,
LibreOffice or Numbers.

UTF-8 with a byte-order mark (so spreadsheet programs read accented and non-Latin names), a header
row, CRLF line ends, ISO dates, and text that a spreadsheet would run as a formula kept as text.
Pure Python.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these is a formula to a spreadsheet: a patient named
"=HYPERLINK(…)" or a phone "+1 514…" would run or be mangled when the CSV is opened."""


def cell(value: object) -> str:
    """A value as a CSV cell: text a spreadsheet would read as a formula (also behind spaces) is
    kept as text by a leading apostrophe; dates as YYYY-MM-DD, booleans as ``true``/``false``, None
    as an empty cell; numbers as they are (scripts read the JSON)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return str(value)


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A header and rows of values (:func:`cell`) as CSV, UTF-8 with a byte-order mark."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")
