"""Starting the charting window: the window first, the database right after its first paint.

``run`` creates the QApplication (its settings live in the app's data folder, as an INI file),
applies the one stylesheet, shows the window, and only then opens the database and loads the
patient list on a background thread. Printing's libraries (reportlab) are imported in the
background once the list is in, so the first print is quick too.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from types import TracebackType

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from botox_chart import paths
from botox_chart.ui.main_window import MainWindow
from botox_chart.ui.seams import Dialogs, QtDialogs
from botox_chart.ui.style import stylesheet
from botox_chart.ui.window_state import WindowState

log = logging.getLogger(__name__)

PRINTING_MODULES = (
    "reportlab.pdfgen.canvas",
    "reportlab.platypus",
    "svglib.svglib",
    "botox_chart.note.render",
)


def run(db_url: str | None) -> int:
    """Open the charting window on the database at ``db_url`` (None: the default one)."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = application()
    dialogs = QtDialogs()
    window = MainWindow(dialogs, WindowState())
    sys.excepthook = _report_bugs(window, dialogs)
    window.show()
    window.patientsLoaded.connect(_warm_up_once)
    QTimer.singleShot(0, lambda: window.open_database(db_url))
    return app.exec()


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication, named, with its settings in the data folder and the stylesheet on."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    configure(app)
    return app


def configure(app: QApplication) -> None:
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_NAME)
    app.setApplicationDisplayName("botox-chart")
    # Any QSettings() in the app is an INI file in the data folder, never the registry/~/.config.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.data_dir()))
    app.setStyle("Fusion")
    app.setStyleSheet(stylesheet())


_warmed_up = threading.Event()


def _warm_up_once(_count: int = 0) -> None:
    """Import printing's libraries on a background thread (once), so the first print is quick."""
    if _warmed_up.is_set():
        return
    _warmed_up.set()
    threading.Thread(target=warm_up_printing, name="warm-up-printing", daemon=True).start()


def warm_up_printing() -> None:
    import importlib

    for module in PRINTING_MODULES:
        try:
            importlib.import_module(module)
        except ImportError:
            log.debug("warm-up: %s is not available", module)


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def _report_bugs(window: MainWindow, dialogs: Dialogs) -> ExceptHook:
    """An excepthook: a bug is logged (type and code lines, never the message: it may name a
    patient) and reported in a dialog instead of silently dying in a slot."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("Unexpected %s\n%s", kind.__name__, "".join(traceback.format_tb(tb)))
        dialogs.error(
            window,
            "Unexpected error",
            f"Something went wrong ({kind.__name__}); your charting is saved as a draft. "
            f"Please report it to your support contact.",
        )

    return hook
