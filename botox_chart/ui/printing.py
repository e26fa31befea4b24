"""Preview, print and save procedure notes, treatment records, letters, reports, the due list
and the lot recall list from the window (the due list also as CSV).

There is one layout: the PDF of ``botox_chart.note.render``. The preview shows its pages, the
printer receives the same pages rasterised by PDFium, and "Save as PDF" writes the same bytes, so
what the nurse checked on screen is what comes out of the printer. Rendering runs off the GUI
thread behind a busy cursor and, when it takes a while, a progress dialog; every print and export
is audited. "Save as PDF" suggests a name from the patient and the date (note.file_names) in the
folder a PDF was last saved in (remembered between runs), at first the Documents folder.
"""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QPoint,
    QRect,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from sqlalchemy.engine import Engine

from botox_chart import output, paths
from botox_chart.due import DueList
from botox_chart.recall import Recall
from botox_chart.store import StorageError
from botox_chart.store.patients import PatientError
from botox_chart.store.sessions import SessionError
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.notes_ahead import LAYING_OUT, NotesAhead
from botox_chart.ui.pdf_pages import PdfPages
from botox_chart.ui.seams import Dialogs
from botox_chart.ui.window_state import WindowState

log = logging.getLogger(__name__)

PRINT_DPI = 300
"""Pages go to the printer at this resolution: sharp text, a few MB per page, not hundreds."""
PROGRESS_AFTER_MS = 400
"""A progress dialog appears only for work that takes longer than this."""
PDF_FILTER = QT_TRANSLATE_NOOP("Printing", "PDF files (*.pdf)")
CSV_FILTER = QT_TRANSLATE_NOOP("Printing", "CSV files (*.csv)")
JSON_FILTER = QT_TRANSLATE_NOOP("Printing", "FHIR bundles (*.json)")


@dataclass(frozen=True)
class _Job:
    """One document to preview, print or save, and how to audit it."""

    title: str
    """What the user asked for, in words: "Procedure note", "3 procedure notes"."""
    filename: Callable[[], str]
    """The name to suggest on saving (read from the database only then)."""
    render: Callable[[], bytes]
    session_ids: tuple[int, ...] = ()
    patient_id: int | None = None
    document: str = ""
    """What the audit trail names ("" : a procedure note or a treatment record, as the ids say)."""
    suffix: str = ".pdf"
    file_filter: str = PDF_FILTER
    """What "Save" writes: a PDF, or (the due list) a CSV."""
    details: Mapping[str, object] | None = None
    """What the audit event says instead of ``document`` alone (a lot recall: its lot, counts)."""


class Printing(QObject):
    """The window's print service: the main window's File menu calls these methods."""

    def __init__(
        self,
        engine: Engine,
        parent: QWidget,
        dialogs: Dialogs,
        *,
        printer_factory: Callable[[], QPrinter] | None = None,
        clinician_id: Callable[[], int | None] | None = None,
        state: WindowState | None = None,
    ) -> None:
        super().__init__()
        self._engine = engine
        self._parent = parent
        self._dialogs = dialogs
        self._printer_factory = printer_factory or _system_printer
        self._clinician_id = clinician_id or (lambda: None)
        self._state = state if state is not None else WindowState()
        self._notes_ahead = NotesAhead(engine)

    # -- procedure notes ------------------------------------------------------------------------

    def warm(self) -> None:
        """Load reportlab and PDFium in the background, before the first print (once)."""
        self._notes_ahead.warm()

    def prepare_sessions(self, ids: Sequence[int]) -> None:
        """Lay out the notes of ``ids`` (signed sessions, selected) in the background, so their
        preview, print or PDF is quick; what is shown is still read again then."""
        if ids:
            self._notes_ahead.prepare(list(dict.fromkeys(ids)))

    def preview_sessions(self, ids: Sequence[int]) -> QWidget | None:
        """Show the notes of ``ids`` in the preview (Print and Save as PDF from there)."""
        return self._preview(self._notes(ids)) if ids else None

    def print_sessions(self, ids: Sequence[int]) -> bool:
        """Print the notes of ``ids`` after the print dialog; True when they were printed."""
        if not ids:
            return False
        job = self._notes(ids)
        pdf = self._render(job)
        return pdf is not None and self._print(job, pdf)

    def save_sessions_pdf(self, ids: Sequence[int]) -> Path | None:
        """Save the notes of ``ids`` as one PDF where the user chooses; the path, or None."""
        if not ids:
            return None
        job = self._notes(ids)
        pdf = self._render(job)
        return self._save(job, pdf) if pdf is not None else None

    # -- treatment record -----------------------------------------------------------------------

    def preview_record(self, patient_id: int) -> QWidget | None:
        return self._preview(self._record(patient_id))

    def print_record(self, patient_id: int) -> bool:
        job = self._record(patient_id)
        pdf = self._render(job)
        return pdf is not None and self._print(job, pdf)

    def save_record_pdf(self, patient_id: int) -> Path | None:
        job = self._record(patient_id)
        pdf = self._render(job)
        return self._save(job, pdf) if pdf is not None else None

    # -- continuation letter and clinic outcomes report -----------------------------------------

    def preview_letter(self, patient_id: int) -> QWidget | None:
        return self._preview(self._letter(patient_id))

    def print_letter(self, patient_id: int) -> bool:
        job = self._letter(patient_id)
        pdf = self._render(job)
        return pdf is not None and self._print(job, pdf)

    def save_letter_pdf(self, patient_id: int) -> Path | None:
        job = self._letter(patient_id)
        pdf = self._render(job)
        return self._save(job, pdf) if pdf is not None else None

    def preview_outcomes_report(self) -> QWidget | None:
        return self._preview(self._outcomes_report())

    # -- the due list ---------------------------------------------------------------------------

    def preview_due_list(self, found: DueList) -> QWidget | None:
        return self._preview(self._due_list(found))

    def print_due_list(self, found: DueList) -> bool:
        job = self._due_list(found)
        pdf = self._render(job)
        return pdf is not None and self._print(job, pdf)

    def save_due_list_pdf(self, found: DueList) -> Path | None:
        job = self._due_list(found)
        pdf = self._render(job)
        return self._save(job, pdf) if pdf is not None else None

    def save_due_list_csv(self, found: DueList) -> Path | None:
        from botox_chart.note import due_list, render

        job = _Job(
            title=QCoreApplication.translate("Printing", "Due list"),
            filename=lambda: render.due_list_file_name(found, ".csv"),
            render=lambda: due_list.csv_bytes(found),
            document=render.DUE_LIST_CSV_DOCUMENT,
            suffix=".csv",
            file_filter=CSV_FILTER,
        )
        return self._save(job, job.render())

    # -- the lot recall list ---------------------------------------------------------------------

    def preview_lot_recall_list(self, found: Recall) -> QWidget | None:
        return self._preview(self._lot_recall(found))

    def print_lot_recall_list(self, found: Recall) -> bool:
        job = self._lot_recall(found)
        pdf = self._render(job)
        return pdf is not None and self._print(job, pdf)

    def save_lot_recall_pdf(self, found: Recall) -> Path | None:
        job = self._lot_recall(found)
        pdf = self._render(job)
        return self._save(job, pdf) if pdf is not None else None

    # -- a patient's FHIR bundle for an EHR ----------------------------------------------------

    def save_fhir_bundle(self, patient_id: int) -> Path | None:
        """Save the patient's signed sessions as a FHIR bundle (JSON) where the user chooses,
        audited as an export with the counts of what left; the path, or None."""
        from botox_chart import fhir
        from botox_chart.note import render  # on first use: reportlab stays off start-up
        from botox_chart.store import fhir as store_fhir

        try:
            found = render.fhir_bundle(self._engine, patient_id=patient_id)
        except (PatientError, StorageError) as err:
            self._dialogs.error(self._parent, self.tr("FHIR bundle"), str(err))
            return None
        job = _Job(
            title=self.tr("FHIR bundle"),
            filename=lambda: render.fhir_bundle_file_name(self._engine, patient_id=patient_id),
            render=lambda: fhir.to_json(found),
            patient_id=patient_id,
            suffix=".json",
            file_filter=JSON_FILTER,
            details=store_fhir.audit_changes(found),
        )
        return self._save(job, job.render())

    # -- the work -------------------------------------------------------------------------------

    def _notes(self, ids: Sequence[int]) -> _Job:
        from botox_chart.note import render  # on first use: reportlab stays off start-up

        session_ids = list(dict.fromkeys(ids))
        many = len(session_ids) > 1
        return _Job(
            title=self.tr("%n procedure note(s)", "", len(session_ids))
            if many
            else QCoreApplication.translate("Printing", "Procedure note"),
            filename=lambda: render.session_notes_file_name(self._engine, session_ids=session_ids),
            render=lambda: self._notes_ahead.pdf(session_ids),
            session_ids=tuple(session_ids),
        )

    def _record(self, patient_id: int) -> _Job:
        from botox_chart.note import render  # on first use: reportlab stays off start-up

        return _Job(
            title=QCoreApplication.translate("Printing", "Treatment record"),
            filename=lambda: render.treatment_record_file_name(self._engine, patient_id=patient_id),
            render=lambda: render.treatment_record_pdf(self._engine, patient_id=patient_id),
            patient_id=patient_id,
        )

    def _letter(self, patient_id: int) -> _Job:
        from botox_chart.note import render  # on first use: reportlab stays off start-up

        return _Job(
            title=QCoreApplication.translate("Printing", "Continuation letter"),
            filename=lambda: render.letter_file_name(self._engine, patient_id=patient_id),
            render=lambda: render.letter_pdf(self._engine, patient_id=patient_id),
            patient_id=patient_id,
            document=render.LETTER_DOCUMENT,
        )

    def _outcomes_report(self) -> _Job:
        from botox_chart.note import render  # on first use: reportlab stays off start-up

        return _Job(
            title=QCoreApplication.translate("Printing", "Clinic outcomes report"),
            filename=render.outcomes_report_file_name,
            render=lambda: render.outcomes_report_pdf(self._engine),
            document=render.REPORT_DOCUMENT,
        )

    def _due_list(self, found: DueList) -> _Job:
        from botox_chart.note import render  # on first use: reportlab stays off start-up

        return _Job(
            title=QCoreApplication.translate("Printing", "Due list"),
            filename=lambda: render.due_list_file_name(found),
            render=lambda: render.due_list_pdf(self._engine, found=found),
            document=render.DUE_LIST_DOCUMENT,
        )

    def _lot_recall(self, found: Recall) -> _Job:
        from botox_chart.note import render  # on first use: reportlab stays off start-up
        from botox_chart.store.recall import audit_changes

        return _Job(
            title=QCoreApplication.translate("Printing", "Lot recall list"),
            filename=lambda: render.lot_recall_file_name(found),
            render=lambda: render.lot_recall_pdf(self._engine, found=found),
            details=audit_changes(found),
        )

    def _render(self, job: _Job) -> bytes | None:
        """The job's PDF, made off the GUI thread so the window keeps painting; None on error."""
        progress = QProgressDialog(
            QCoreApplication.translate("Printing", "Preparing {document}…").format(
                document=job.title.lower()
            ),
            QCoreApplication.translate("Printing", "Cancel"),
            0,
            0,
            self._parent,
        )
        progress.setWindowTitle(job.title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_AFTER_MS)
        progress.setValue(0)  # starts the clock: the dialog shows only if the work takes a while
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="note")
        try:
            with _busy():
                future = pool.submit(_render_watching_fonts, job.render)
                while not future.done():
                    concurrent.futures.wait([future], timeout=0.03)
                    QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 30)
                    if progress.wasCanceled():
                        return None  # the render finishes in the background and is dropped
            pdf, missing = future.result()
        except (SessionError, PatientError, StorageError) as err:
            self._dialogs.error(self._parent, job.title, str(err))
            return None
        finally:
            pool.shutdown(wait=False)
            progress.close()
            progress.deleteLater()
        from botox_chart.note import scripts  # on first use: reportlab stays off start-up

        if missing and not self._dialogs.confirm(
            self._parent,
            job.title,
            QCoreApplication.translate("Printing", "{missing_message}\n\nContinue anyway?").format(
                missing_message=scripts.missing_message(missing)
            ),
        ):
            return None
        return pdf

    def _preview(self, job: _Job) -> QWidget | None:
        from botox_chart.ui.dialogs.print_preview import PrintPreviewDialog

        pdf = self._render(job)
        if pdf is None:
            return None
        pages = PdfPages(pdf)
        dialog = PrintPreviewDialog(
            pages,
            title=QCoreApplication.translate("Printing", "{title}: print preview").format(
                title=job.title
            ),
            on_print=lambda: self._print(job, pdf),
            on_save=lambda: self._save(job, pdf),
            parent=self._parent,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _print(self, job: _Job, pdf: bytes) -> bool:
        pages = PdfPages(pdf)
        try:
            printer = self._printer_factory()
            printer.setDocName(job.title)
            # The paper of the PDF (the clinic's A4 or Letter; the record in landscape) as the
            # dialog's default.
            first = pages.size(0)
            short, long = sorted((first.width(), first.height()))
            printer.setPageSize(QPageSize(QSizeF(short, long), QPageSize.Unit.Point))
            printer.setPageOrientation(
                QPageLayout.Orientation.Landscape
                if first.width() > first.height()
                else QPageLayout.Orientation.Portrait
            )
            if not self._dialogs.print_setup(self._parent, printer):
                return False
            if not self._paint(job, pages, printer):
                return False
        finally:
            pages.close()
        self._audit(job, "print")
        return True

    def _paint(self, job: _Job, pages: PdfPages, printer: QPrinter) -> bool:
        """Every page, fitted to the paper with its own margins (the PDF has them)."""
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            self._dialogs.error(
                self._parent,
                job.title,
                QCoreApplication.translate(
                    "Printing", "The printer could not be started. Check it is on and try again."
                ),
            )
            return False
        progress = QProgressDialog(
            QCoreApplication.translate("Printing", "Printing {document}…").format(
                document=job.title.lower()
            ),
            QCoreApplication.translate("Printing", "Cancel"),
            0,
            len(pages),
            self._parent,
        )
        progress.setWindowTitle(job.title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_AFTER_MS)
        dpi = min(printer.resolution(), PRINT_DPI)
        try:
            with _busy():
                for index in range(len(pages)):
                    progress.setValue(index)
                    progress.setLabelText(
                        QCoreApplication.translate(
                            "Printing", "Printing page {value} of {count}…"
                        ).format(value=index + 1, count=len(pages))
                    )
                    QApplication.processEvents()
                    if progress.wasCanceled():
                        printer.abort()
                        return False
                    if index:
                        printer.newPage()
                    image = pages.image(index, dpi)
                    area = painter.viewport()
                    size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                    target = QRect(QPoint(0, 0), size)
                    target.moveCenter(area.center())
                    painter.drawImage(target, image)
                progress.setValue(len(pages))
        finally:
            painter.end()
            progress.close()
            progress.deleteLater()
        return True

    def _save(self, job: _Job, content: bytes) -> Path | None:
        from botox_chart.store.releases import write_exported  # the one audited way to write

        try:
            filename = job.filename()
        except (SessionError, PatientError, StorageError) as err:
            self._dialogs.error(self._parent, job.title, str(err))
            return None
        folder = self._state.pdf_folder()
        if folder is None or not folder.is_dir():  # never saved, or that folder has gone
            folder = paths.documents_dir()
        kind = job.suffix.removeprefix(".").upper()
        chosen = self._dialogs.save_file(
            self._parent,
            QCoreApplication.translate("Printing", "Save {document} as {kind}").format(
                document=_in_sentence(job.title), kind=kind
            ),
            folder / filename,
            QCoreApplication.translate("Printing", job.file_filter),
            job.suffix,
        )
        if chosen is None:
            return None
        suffix = job.suffix
        path = chosen if chosen.suffix.lower() == suffix else chosen.with_name(chosen.name + suffix)
        # The file dialog asked before replacing the file it returned; a name this adds the suffix
        # to was never asked about, so it is never written over. The database is never written
        # over, and the file appears only once its export is in the audit log.
        try:
            write_exported(
                self._engine,
                path,
                content,
                force=path == chosen,
                clinician_id=self._clinician_id(),
                session_ids=job.session_ids,
                patient_id=job.patient_id,
                document=job.document,
                details=job.details,
            )
        except output.OutputRefused as err:
            self._dialogs.error(
                self._parent,
                job.title,
                QCoreApplication.translate(
                    "Printing",
                    "Not saved: {path} already exists. Choose it by its full name to replace it, "
                    "or choose another name.",
                ).format(path=path)
                if err.exists
                else QCoreApplication.translate("Printing", "Not saved. {err}").format(err=err),
            )
            return None
        except StorageError as err:
            log.error("Could not audit an export: %s", err)
            self._dialogs.error(
                self._parent,
                job.title,
                QCoreApplication.translate(
                    "Printing", "Not saved: the export could not be written to the audit log: {err}"
                ).format(err=err),
            )
            return None
        except OSError as err:
            self._dialogs.error(
                self._parent,
                job.title,
                QCoreApplication.translate("Printing", "Cannot save {path}: {strerror}.").format(
                    path=path, strerror=err.strerror
                ),
            )
            return None
        self._state.set_pdf_folder(path.parent)
        return path

    def _audit(self, job: _Job, action: str) -> None:
        from botox_chart.note import render  # on first use: reportlab stays off start-up

        try:
            render.record_release(
                self._engine,
                action=action,
                session_ids=job.session_ids,
                patient_id=job.patient_id,
                clinician_id=self._clinician_id(),
                document=job.document,
                details=job.details,
            )
        except StorageError as err:
            # The paper exists already; say the trail is missing rather than hide it.
            log.error("Could not audit a %s: %s", action, err)
            self._dialogs.error(
                self._parent,
                job.title,
                QCoreApplication.translate(
                    "Printing", "Done, but it could not be written to the audit log: {err}"
                ).format(err=err),
            )


def _in_sentence(title: str) -> str:
    """A title inside a sentence: "Procedure note" → "procedure note"; an acronym ("FHIR
    bundle") stays as it is."""
    return title if title[:2].isupper() else title[:1].lower() + title[1:]


def _render_watching_fonts(render: Callable[[], bytes]) -> tuple[bytes, set[str]]:
    """The PDF, and the scripts in it that no font on this computer has (printed as [?])."""
    from botox_chart.note import scripts

    with LAYING_OUT, scripts.watch() as missing:
        pdf = render()
    return pdf, missing


def _system_printer() -> QPrinter:
    return QPrinter(QPrinter.PrinterMode.HighResolution)


@contextmanager
def _busy() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
