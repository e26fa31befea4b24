"""Importing a clinic's patient list (``botox-chart patients import``, File › Import patients…).

The file is read by :mod:`botox_chart.exchange.patient_csv`; every row is read and checked by the
patient form's own rules (store.patients.from_texts and validate), so a row is refused exactly when
the form would refuse the same typing. :func:`plan` says what an import would do and writes
nothing (``--dry-run`` and the window's preview); :func:`apply` does it in one transaction.

A row whose chart number is already a patient's, or an earlier row's, is skipped as a duplicate:
an import run twice adds nobody twice. So is a row with another chart number whose family name,
given names (folded as the patient search folds them: case and accents aside) and date of birth
are a patient's or an earlier row's: a *possible duplicate of chart X*, most often the same list
saved again by a spreadsheet that dropped the chart numbers' leading zeros ("000123" → "123").
It is listed with the chart it may duplicate, never added silently; a real namesake born the same
day is added with the patient form. A file with a refused row imports nothing unless the user
chose to import the valid rows only (``partial``). The import is audited with the counts and the
file's size and SHA-256 prefix, and each patient's creation as the form's is; never a file's name
(it may hold a patient's name) nor a patient's.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from botox_chart.exchange.patient_csv import MAX_BYTES, CsvRefused, PatientList, parse
from botox_chart.i18n import _, ngettext
from botox_chart.store import acting, transaction
from botox_chart.store import patients as store_patients
from botox_chart.store.models import Patient
from botox_chart.store.patients import PatientError

DOCUMENT = "patients CSV"
"""What the audit trail says was imported."""


class ImportRefused(ValueError):
    """An import that is not done (a file that is no patient list, refused rows without
    ``partial``, nobody allowed to import); the message says why."""


@dataclass(frozen=True)
class RowProblem:
    row: int
    """The row's number as a spreadsheet shows it (the header is row 1)."""
    reason: str
    chart_number: str = ""
    """For a possible duplicate, the chart number of the patient (or earlier row) it may be."""


@dataclass(frozen=True)
class ImportPlan:
    """What importing a file would do, row by row."""

    file_name: str
    """The file's name, without its folder (said to the user, never in the audit trail)."""
    rows: int
    """Rows with values (blank rows are not counted)."""
    to_add: tuple[tuple[int, Patient], ...]
    """(row, patient) of each row to add, checked by the form's rules."""
    duplicates: tuple[RowProblem, ...]
    refused: tuple[RowProblem, ...]
    size: int = 0
    sha256: str = ""
    """The file's size and SHA-256 prefix (patient_csv.PatientList): the audit trail's file."""

    @property
    def valid(self) -> bool:
        """No row is refused."""
        return not self.refused

    def counts(self) -> dict[str, object]:
        """What the audit trail says of the import: the counts and the file's size and SHA-256
        prefix; no name, not even the file's (store.releases.record_release's rule)."""
        return {
            "document": DOCUMENT,
            "bytes": self.size,
            "sha256": self.sha256,
            "rows": self.rows,
            "added": len(self.to_add),
            "duplicates": len(self.duplicates),
            "refused": len(self.refused),
        }


def read(path: Path) -> PatientList:
    """The patient list in the file at ``path``; ImportRefused when it is none. Only a regular
    file is opened: a folder, a named pipe or a device (which could block the reader forever) is
    refused before; OSError when the file cannot be read."""
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise ImportRefused(_("{path} is a folder; choose a CSV file.").format(path=path))
    if not stat.S_ISREG(mode):
        raise ImportRefused(
            _("{path} is not a file (a pipe or a device); choose a CSV file.").format(path=path)
        )
    with open(path, "rb") as file:
        data = file.read(MAX_BYTES + 1)  # a byte more: parse() says it is too large
    try:
        return parse(data)
    except CsvRefused as err:
        raise ImportRefused(f"{path.name}: {err}") from None


def plan(
    engine: Engine, found: PatientList, *, file_name: str, clinician_id: int | None
) -> ImportPlan:
    """What importing ``found`` would do (reads only: nothing is written, nothing audited).
    Raises ImportRefused when ``clinician_id`` may not add patients."""
    valid: list[tuple[int, Patient]] = []
    refused: list[RowProblem] = []
    for row in found.rows:
        if row.extra:
            refused.append(
                RowProblem(
                    row.number,
                    ngettext(
                        "More values than the {count} column of the first row: a separator too "
                        "many, or a value with a separator inside that needs quotes.",
                        "More values than the {count} columns of the first row: a separator too "
                        "many, or a value with a separator inside that needs quotes.",
                        len(found.columns),
                    ).format(count=len(found.columns)),
                )
            )
            continue
        try:
            valid.append(
                (row.number, store_patients.checked(store_patients.from_texts(row.values)))
            )
        except PatientError as err:
            refused.append(RowProblem(row.number, str(err)))
    with transaction(engine) as db:
        acting.charting(db, clinician_id, doing=_("import patients"), error=ImportRefused)
        taken = store_patients.taken_chart_numbers(db, [p.chart_number for _n, p in valid])
        known = store_patients.charts_by_identity(db, [p.date_of_birth for _n, p in valid])
    to_add: list[tuple[int, Patient]] = []
    duplicates: list[RowProblem] = []
    first_row: dict[str, int] = {}
    earlier: dict[tuple[str, str, date], tuple[int, str]] = {}
    for line, patient in valid:
        number = patient.chart_number
        identity = store_patients.identity(patient)
        if number in taken:
            duplicates.append(
                RowProblem(
                    line,
                    _("Chart number {number} is already a patient's.").format(number=number),
                )
            )
        elif number in first_row:
            duplicates.append(
                RowProblem(
                    line,
                    _("Chart number {number} is row {row}'s too.").format(
                        number=number, row=first_row[number]
                    ),
                )
            )
        elif identity in known:
            chart = known[identity]
            duplicates.append(
                RowProblem(
                    line,
                    _(
                        "Possible duplicate of chart {chart}: the same name and date of birth "
                        "(chart number {number} in the file). Not imported: if this is another "
                        "person, add them with the patient form."
                    ).format(chart=chart, number=number),
                    chart_number=chart,
                )
            )
        elif identity in earlier:
            first, chart = earlier[identity]
            duplicates.append(
                RowProblem(
                    line,
                    _(
                        "Possible duplicate of chart {chart} (row {row}): the same name and date "
                        "of birth (chart number {number} here). Not imported: if this is another "
                        "person, add them with the patient form."
                    ).format(chart=chart, row=first, number=number),
                    chart_number=chart,
                )
            )
        else:
            to_add.append((line, patient))
        first_row.setdefault(number, line)
        earlier.setdefault(identity, (line, number))
    return ImportPlan(
        file_name=file_name,
        rows=len(found.rows),
        to_add=tuple(to_add),
        duplicates=tuple(duplicates),
        refused=tuple(refused),
        size=found.size,
        sha256=found.sha256,
    )


def apply(
    engine: Engine, planned: ImportPlan, *, clinician_id: int | None, partial: bool = False
) -> int:
    """Add the planned patients in one transaction, audited; returns how many were added.

    With a refused row, nothing is imported unless ``partial`` (the user chose to import the valid
    rows only): ImportRefused. A chart number taken since the plan was made refuses the whole
    import (PatientError), leaving nothing behind."""
    if planned.refused and not partial:
        raise ImportRefused(
            ngettext(
                "Nothing was imported: {count} row of {file} refused. Correct it, or import the "
                "valid rows only.",
                "Nothing was imported: {count} rows of {file} refused. Correct them, or import "
                "the valid rows only.",
                len(planned.refused),
            ).format(count=len(planned.refused), file=planned.file_name)
        )
    try:
        with transaction(engine) as db:
            store_patients.add_many(
                db,
                patients=[patient for _row, patient in planned.to_add],
                clinician_id=clinician_id,
                imported=planned.counts(),
            )
            db.commit()
    except IntegrityError as err:
        if not _unique_violation(err):
            raise
        # Another workstation added a chart number between the check and the insert. The
        # database's message holds the row's values (names, birth dates): never passed on.
        raise PatientError(
            _(
                "Another workstation added a patient with one of these chart numbers during the "
                "import; nothing was imported. Read the file again to see which rows are now "
                "duplicates."
            )
        ) from None
    return len(planned.to_add)


def _unique_violation(err: IntegrityError) -> bool:
    """SQLite's "UNIQUE constraint failed" or PostgreSQL's unique_violation (SQLSTATE 23505)."""
    return (
        getattr(err.orig, "sqlstate", None) == "23505"
        or "unique constraint" in str(err.orig).lower()
    )
