"""Importing a clinic's patient list (``botox-chart patients import``, File › Import patients…).

The file is read by :mod:`botox_chart.exchange.patient_csv`; every row is read and checked by the
patient form's own rules (store.patients.from_texts and validate), so a row is refused exactly when
the form would refuse the same typing. :func:`plan` says what an import would do and writes
nothing (``--dry-run`` and the window's preview); :func:`apply` does it in one transaction.

A row whose chart number is already a patient's, or an earlier row's, is skipped as a duplicate:
an import run twice adds nobody twice. A file with a refused row imports nothing unless the user
chose to import the valid rows only (``partial``). The import is audited with the file's name and
the counts, and each patient's creation as the form's is; never a patient's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine

from botox_chart.exchange.patient_csv import MAX_BYTES, CsvRefused, PatientList, parse
from botox_chart.i18n import _
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


@dataclass(frozen=True)
class ImportPlan:
    """What importing a file would do, row by row."""

    file_name: str
    """The file's name, without its folder (said in the audit trail)."""
    rows: int
    """Rows with values (blank rows are not counted)."""
    to_add: tuple[tuple[int, Patient], ...]
    """(row, patient) of each row to add, checked by the form's rules."""
    duplicates: tuple[RowProblem, ...]
    refused: tuple[RowProblem, ...]

    @property
    def valid(self) -> bool:
        """No row is refused."""
        return not self.refused

    def counts(self) -> dict[str, object]:
        """What the audit trail says of the import: the file and the counts, no name."""
        return {
            "document": DOCUMENT,
            "file": self.file_name,
            "rows": self.rows,
            "added": len(self.to_add),
            "duplicates": len(self.duplicates),
            "refused": len(self.refused),
        }


def read(path: Path) -> PatientList:
    """The patient list in the file at ``path``; ImportRefused when it is none."""
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_BYTES + 1)  # a byte more: parse() says it is too large
    except IsADirectoryError:
        raise ImportRefused(f"{path} is a folder; choose a CSV file.") from None
    try:
        return parse(data)
    except CsvRefused as err:
        raise ImportRefused(f"{path.name}: {err}") from None


def plan(
    engine: Engine, found: PatientList, *, file_name: str, clinician_id: int | None
) -> ImportPlan:
    """What importing ``found`` would do (reads only: nothing is written, nothing audited).
    Raises ImportRefused when ``clinician_id`` may not add patients."""
    with transaction(engine) as db:
        acting.charting(db, clinician_id, doing=_("import patients"), error=ImportRefused)
        taken = store_patients.taken_chart_numbers(
            db, [row.values.get("chart_number", "").strip() for row in found.rows]
        )
    to_add: list[tuple[int, Patient]] = []
    duplicates: list[RowProblem] = []
    refused: list[RowProblem] = []
    first_row: dict[str, int] = {}
    for row in found.rows:
        if row.extra:
            refused.append(
                RowProblem(
                    row.number,
                    f"More values than the {len(found.columns)} columns of the first row: a "
                    "separator too many, or a value with a separator inside that needs quotes.",
                )
            )
            continue
        try:
            patient = store_patients.checked(store_patients.from_texts(row.values))
        except PatientError as err:
            refused.append(RowProblem(row.number, str(err)))
            continue
        number = patient.chart_number
        if number in taken:
            duplicates.append(
                RowProblem(row.number, f"Chart number {number} is already a patient's.")
            )
        elif number in first_row:
            duplicates.append(
                RowProblem(row.number, f"Chart number {number} is row {first_row[number]}'s too.")
            )
        else:
            to_add.append((row.number, patient))
        first_row.setdefault(number, row.number)
    return ImportPlan(
        file_name=file_name,
        rows=len(found.rows),
        to_add=tuple(to_add),
        duplicates=tuple(duplicates),
        refused=tuple(refused),
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
            f"Nothing was imported: {_rows(len(planned.refused))} of {planned.file_name} "
            "refused. Correct them, or import the valid rows only."
        )
    with transaction(engine) as db:
        store_patients.add_many(
            db,
            patients=[patient for _row, patient in planned.to_add],
            clinician_id=clinician_id,
            imported=planned.counts(),
        )
        db.commit()
    return len(planned.to_add)


def _rows(count: int) -> str:
    return f"{count} row{'s' * (count != 1)}"
