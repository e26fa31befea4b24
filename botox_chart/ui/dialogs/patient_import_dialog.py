"""File › Import patients…: a clinic's patient list from a CSV file, previewed before anything is
added.

The file is read and every row checked off the window's thread (exchange.patient_import.plan:
the patient form's rules), with a busy bar while a large list is read; the preview then says how
many patients would be added, how many rows are skipped as duplicates and which rows are refused
and why (their row numbers as the spreadsheet shows them). Nothing is added until the user
presses Import; with refused rows the button says it imports the valid rows only, and nothing is
added if they cancel. The import itself is one transaction, also off the window's thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from botox_chart.ui.dialogs.sizing import size_table_dialog

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from botox_chart.exchange.patient_import import ImportPlan

log = logging.getLogger(__name__)

ROW, OUTCOME, REASON = range(3)


class _Job(QObject):
    """Work run on the pool; its result or failure comes back to the window's thread."""

    done = Signal(object)
    failed = Signal(str)


class _Runner(QRunnable):
    def __init__(self, job: _Job, work: Callable[[], object]) -> None:
        super().__init__()
        self.job, self.work = job, work

    def run(self) -> None:
        from botox_chart.exchange.patient_import import ImportRefused
        from botox_chart.store import StorageError
        from botox_chart.store.patients import PatientError

        try:
            result = self.work()
        except (ImportRefused, PatientError, StorageError) as err:
            self.job.failed.emit(str(err))
        except OSError as err:
            self.job.failed.emit(f"{err.filename or 'The file'}: {err.strerror}")
        except Exception as err:  # noqa: BLE001  (a bug: reported, never a silent thread death)
            log.exception("Importing patients failed")
            self.job.failed.emit(
                f"The import stopped because of an unexpected error ({type(err).__name__}). "
                "Please report it; nothing was added."
            )
        else:
            self.job.done.emit(result)


class PatientImportDialog(QDialog):
    """The preview of an import and its Import button; emits :attr:`imported` once done."""

    planned = Signal()
    """The file was read and checked (or refused): the preview shows it."""
    imported = Signal(int)
    """The patients were added (how many)."""

    def __init__(
        self,
        engine: Engine,
        path: Path,
        *,
        clinician_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patientImportDialog")
        self.setWindowTitle("Import patients")
        self._engine = engine
        self._path = path
        self._clinician_id = clinician_id
        self._plan: ImportPlan | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._job: _Job | None = None
        self._importing = False

        self.summary = QLabel(f"Reading {path.name}…")
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy: how long a list takes is not known ahead
        self.busy.setTextVisible(False)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Row", "", "Reason"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.hide()
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setProperty("severity", "error")
        self.error.setWordWrap(True)
        self.error.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button: QPushButton = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.busy)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        size_table_dialog(self, chars=100, lines=24)
        self._run(self._read_and_plan, self._show_plan)

    # -- the preview ----------------------------------------------------------------------------

    def _read_and_plan(self) -> ImportPlan:
        from botox_chart.exchange import patient_import

        found = patient_import.read(self._path)
        return patient_import.plan(
            self._engine, found, file_name=self._path.name, clinician_id=self._clinician_id
        )

    def _show_plan(self, planned: Any) -> None:
        self._plan = planned
        add, dup, bad = len(planned.to_add), len(planned.duplicates), len(planned.refused)
        lines = [
            f"{planned.file_name}: {_count(planned.rows, 'row')}.",
            f"{_count(add, 'patient')} to add; {_count(dup, 'row')} skipped as duplicates "
            f"(chart number already a patient's or an earlier row's); {_count(bad, 'row')} "
            "refused.",
        ]
        if bad and add:
            lines.append(
                f"The refused rows are not imported. Import the {_count(add, 'valid row')} only, "
                "or cancel, correct the file and import it again."
            )
            self.import_button.setText(f"&Import the {_count(add, 'valid row')} only")
        elif add:
            self.import_button.setText(f"&Import {_count(add, 'patient')}")
        else:
            lines.append("There is nobody to add.")
        self.summary.setText("\n".join(lines))
        self._list_rows(planned)
        self.import_button.setEnabled(add > 0)
        self.planned.emit()

    def _list_rows(self, planned: ImportPlan) -> None:
        rows = sorted(
            [(p.row, "Refused", p.reason) for p in planned.refused]
            + [(p.row, "Skipped", p.reason) for p in planned.duplicates]
        )
        self.table.setRowCount(len(rows))
        for i, (row, outcome, reason) in enumerate(rows):
            for column, value in ((ROW, str(row)), (OUTCOME, outcome), (REASON, reason)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if column == ROW:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, column, item)
        self.table.resizeColumnToContents(ROW)
        self.table.resizeColumnToContents(OUTCOME)
        self.table.setVisible(bool(rows))

    def listed_rows(self) -> list[tuple[str, str, str]]:
        """(row, outcome, reason) of each row the table lists, as shown."""
        return [
            (self._text(i, ROW), self._text(i, OUTCOME), self._text(i, REASON))
            for i in range(self.table.rowCount())
        ]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    # -- the import -----------------------------------------------------------------------------

    def start_import(self) -> None:
        """Add the valid rows (all of them, or the valid ones only: the button said which)."""
        planned = self._plan
        if planned is None or not planned.to_add or self._job is not None:
            return
        from botox_chart.exchange import patient_import

        self.summary.setText(f"Importing {_count(len(planned.to_add), 'patient')}…")
        self.import_button.setEnabled(False)
        self._importing = True
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(False)
        self._run(
            lambda: patient_import.apply(
                self._engine, planned, clinician_id=self._clinician_id, partial=True
            ),
            self._done,
        )

    def _done(self, added: Any) -> None:
        self.imported.emit(int(added))
        self.accept()

    # -- running off the window's thread --------------------------------------------------------

    def _run(self, work: Callable[[], object], then: Callable[[Any], None]) -> None:
        job = _Job(self)
        job.done.connect(lambda result: self._finished(then, result))
        job.failed.connect(self._failed)
        self._job = job
        self.busy.show()
        self._pool.start(_Runner(job, work))

    def _finished(self, then: Callable[[Any], None], result: object) -> None:
        self._idle()
        then(result)

    def _failed(self, message: str) -> None:
        self._idle()
        self.summary.setText(f"{self._path.name}: nothing was imported.")
        self.error.setText(message)
        self.error.show()
        self.import_button.setEnabled(False)
        self.planned.emit()

    def _idle(self) -> None:
        self._job = None
        self._importing = False
        self.busy.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(True)

    def reject(self) -> None:
        """Cancel, or Esc: not while the import runs (it is one transaction and finishes first);
        reading the file may be left, it changes nothing."""
        if not self._importing:
            super().reject()

    def done(self, result: int) -> None:
        self._pool.waitForDone()
        super().done(result)


def _count(n: int, what: str) -> str:
    return f"{n:,} {what}{'s' * (n != 1)}"
