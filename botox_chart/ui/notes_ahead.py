"""Procedure notes laid out ahead of the click, so Print preview of a signed session is quick.

When a patient is first chosen, reportlab, PDFium and the note's fonts load on a background
thread (``warm``: the window does not load them at start-up). When signed sessions are selected,
the window asks for their notes here (``prepare``): they are read and laid out on a background
thread. When the user then asks for the notes (``pdf``, on
the print service's worker thread), they are read again, which is quick, and the pages laid out
ahead are used only if this new reading equals the one they were laid out from
(``note.render.SessionNotes``: the notes' values, language, paper, logo file and the minute
printed in the footer); otherwise they are laid out now. So the preview always shows what would
print at that moment: an addendum, a new signature, an edited patient or changed settings since
the selection are never shown stale.

One document is laid out at a time in the window (:data:`LAYING_OUT`): reportlab's fonts and
caches are shared by every document, and two layouts at once on two cores would each take
longer than one after the other. Nothing about a patient is logged.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from botox_chart.note.render import SessionNotes

log = logging.getLogger(__name__)

LAYING_OUT = threading.RLock()
"""Held while a document is read and laid out for the window (``ui/printing.py`` and here)."""


@dataclass(frozen=True)
class _LaidOut:
    read: SessionNotes
    """What the pages were laid out from."""
    pdf: bytes
    missing: frozenset[str]
    """The scripts no font on this computer has (printed as [?]), to ask about again."""


class NotesAhead:
    """The procedure notes of the selected signed sessions, laid out before they are asked for."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._wanted: tuple[int, ...] | None = None
        self._working = False
        self._laid_out: _LaidOut | None = None
        self._warmed = False

    def warm(self) -> None:
        """Load reportlab, PDFium and the note's fonts in the background (once): the window
        calls this when a patient is first chosen, before any of their notes is asked for."""
        with self._lock:
            if self._warmed:
                return
            self._warmed = True
        threading.Thread(target=_load_printing, name="notes-warm-up", daemon=True).start()

    def prepare(self, session_ids: Sequence[int]) -> None:
        """Lay out the notes of ``session_ids`` in the background (returns at once). A newer
        request replaces one not started yet."""
        with self._lock:
            self._wanted = tuple(session_ids)
            if self._working:
                return  # the running thread takes the newest request when it is done
            self._working = True
        threading.Thread(target=self._work, name="notes-ahead", daemon=True).start()

    def pdf(self, session_ids: Sequence[int]) -> bytes:
        """The notes of ``session_ids`` as they print now: laid out ahead when nothing they
        print has changed since, else laid out now. Raises what reading them raises."""
        from botox_chart.note import scripts

        with LAYING_OUT:  # a layout under way (of these notes, perhaps) finishes first
            laid_out = self._as_read_now(session_ids)
        scripts.report_missing(laid_out.missing)
        return laid_out.pdf

    def _work(self) -> None:
        done = False
        try:
            while True:
                with self._lock:
                    ids, self._wanted = self._wanted, None
                    if not ids:
                        self._working = False  # in the lock: no request is lost
                        done = True
                        return
                try:
                    self._prepare(ids)
                except Exception as error:  # the click reads again, and says what is wrong
                    log.debug("Notes not laid out ahead: %s", type(error).__name__)
        finally:
            if not done:  # ended by something else: the next selection starts a thread
                with self._lock:
                    self._working = False

    def _prepare(self, session_ids: tuple[int, ...]) -> None:
        with LAYING_OUT:
            self._as_read_now(session_ids)

    def _as_read_now(self, session_ids: Sequence[int]) -> _LaidOut:
        """The notes read now, laid out unless the last layout is of this very reading (call
        holding :data:`LAYING_OUT`)."""
        from botox_chart.note import render, scripts

        read = render.read_session_notes(self._engine, session_ids=session_ids)
        if self._laid_out is not None and self._laid_out.read == read:
            return self._laid_out
        with scripts.watch() as missing:
            pdf = render.lay_out_session_notes(read)
        laid_out = _LaidOut(read, pdf, frozenset(missing))
        self._laid_out = laid_out
        return laid_out


def _load_printing() -> None:
    with LAYING_OUT:
        from botox_chart.note import fonts, render  # noqa: F401

        fonts.register()
    import pypdfium2  # noqa: F401  (the preview's rasteriser)
