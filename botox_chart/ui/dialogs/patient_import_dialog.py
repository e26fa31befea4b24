"""File › Import patients…: a clinic's patient list from a CSV file, previewed before anything is
added.

The file is read and every row checked off the window's thread (exchange.patient_import.plan:
the patient form's rules), with a busy bar while a large list is read; the preview then says how
many patients would be added, how many rows are skipped as duplicates and which rows are refused
and why (their row numbers as the spreadsheet shows them). Nothing is added until the user
presses Import; with refused rows the button says it imports the valid rows only, and nothing is
added if they cancel. The import itself is one transaction, also off the window's thread.

Cancel while the file is read closes the window at once: the reading goes on in the background
(it changes nothing) and its result is dropped. A failure is logged by its type only: a database
error's message can hold a row's values, and no patient's data may reach the log.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
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
    """Work run on the pool; its result or failure comes back to the window's thread, with the
    job itself, so the dialog can drop the result of a job it no longer waits for. It belongs to
    the application, not the dialog (which may be closed and deleted while the job runs), and is
    deleted on the window's thread once it has reported."""

    done = Signal(object, object)
    failed = Signal(object, str)


class _Runner(QRunnable):
    def __init__(self, job: _Job, work: Callable[[], object]) -> None:
        super().__init__()
        self.job, self.work = job, work

    def run(self) -> None:
        from botox_chart.exchange.patient_import import ImportRefused
        from botox_chart.store import StorageError
        from botox_chart.store.patients import PatientError

        job = self.job
        try:
            result = self.work()
        except (ImportRefused, PatientError, StorageError) as err:
            job.failed.emit(job, str(err))
        except OSError as err:
            job.failed.emit(
                job,
                QCoreApplication.translate("PatientImportDialog", "{file}: {reason}").format(
                    file=err.filename
                    or QCoreApplication.translate("PatientImportDialog", "The file"),
                    reason=err.strerror,
                ),
            )
        except Exception as err:  # noqa: BLE001  (a bug: reported, never a silent thread death)
            # The type and where, never the message: a database error's holds the row's values.
            log.error(
                "Importing patients failed: %s\n%s",
                type(err).__name__,
                "".join(traceback.format_tb(err.__traceback__)),
            )
            job.failed.emit(
                job,
                QCoreApplication.translate(
                    "PatientImportDialog",
                    "The import stopped because of an unexpected error ({error}). "
                    "Please report it; nothing was added.",
                ).format(error=type(err).__name__),
            )
        else:
            job.done.emit(job, result)
        finally:
            job.deleteLater()  # on the window's thread, after the report is delivered


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
        self.setWindowTitle(self.tr("Import patients"))
        self._engine = engine
        self._path = path
        self._clinician_id = clinician_id
        self._plan: ImportPlan | None = None
        self._pool = QThreadPool.globalInstance()  # not the dialog's: closing it never waits
        self._job: _Job | None = None
        self._then: Callable[[Any], None] = lambda _result: None
        self._importing = False

        self.summary = QLabel(self.tr("Reading {file}…").format(file=path.name))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy: how long a list takes is not known ahead
        self.busy.setTextVisible(False)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), "", self.tr("Reason")])
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
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
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
            self.tr("{file}: %Ln row(s).", "", planned.rows).format(file=planned.file_name),
            self.tr("{to_add}; {skipped}; {refused}.").format(
                to_add=self.tr("%Ln patient(s) to add", "", add),
                skipped=self.tr(
                    "%Ln row(s) skipped as duplicates (chart number, or name and date of birth, "
                    "already a patient's or an earlier row's)",
                    "",
                    dup,
                ),
                refused=self.tr("%Ln row(s) refused", "", bad),
            ),
        ]
        if bad and add:
            lines.append(
                self.tr(
                    "The refused rows are not imported. Import the %Ln valid row(s) only, or "
                    "cancel, correct the file and import it again.",
                    "",
                    add,
                )
            )
            self.import_button.setText(self.tr("&Import the %Ln valid row(s) only", "", add))
        elif add:
            self.import_button.setText(self.tr("&Import %Ln patient(s)", "", add))
        else:
            lines.append(self.tr("There is nobody to add."))
        self.summary.setText("\n".join(lines))
        self._list_rows(planned)
        self.import_button.setEnabled(add > 0)
        self.planned.emit()

    def _list_rows(self, planned: ImportPlan) -> None:
        rows = sorted(
            [(p.row, self.tr("Refused"), p.reason) for p in planned.refused]
            + [(p.row, self.tr("Skipped"), p.reason) for p in planned.duplicates]
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

        self.summary.setText(self.tr("Importing %Ln patient(s)…", "", len(planned.to_add)))
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
        job = _Job(QCoreApplication.instance())
        job.done.connect(self._finished)  # a method: no call once the dialog is deleted
        job.failed.connect(self._failed)
        self._job, self._then = job, then
        self.busy.show()
        self._pool.start(_Runner(job, work))

    def _finished(self, job: object, result: object) -> None:
        if job is not self._job:
            return  # cancelled: the result is dropped
        self._idle()
        self._then(result)

    def _failed(self, job: object, message: str) -> None:
        if job is not self._job:
            return
        self._idle()
        self.summary.setText(self.tr("{file}: nothing was imported.").format(file=self._path.name))
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
        reading the file is left to finish in the background, it changes nothing."""
        if not self._importing:
            super().reject()

    def done(self, result: int) -> None:
        self._job = None  # whatever is still being read is dropped when it reports
        super().done(result)
