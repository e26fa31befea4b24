"""Starting the charting window: the window first, the database right after its first paint.

``run`` creates the QApplication (its settings live in the app's data folder, as an INI file),
applies the one stylesheet, installs the translators of the window's language (``ui.language``:
the user's choice, else the computer's), shows the window, and only then opens the database and
loads the patient list on a background thread. Once the list is in, the session editor's modules and
the window's printing module are imported on a background thread, so the first session opens
quickly. Only imports happen there: every widget is made on the GUI thread, when first needed.
reportlab and PDFium load when a signed session is first selected (its note is laid out ahead of
Print preview then, ``ui/notes_ahead.py``) or at the first print.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from botox_chart import paper, paths
from botox_chart.ui.language import install_translators, ui_language
from botox_chart.ui.main_window import MainWindow
from botox_chart.ui.seams import Dialogs, QtDialogs
from botox_chart.ui.style import stylesheet
from botox_chart.ui.window_state import WindowState

log = logging.getLogger(__name__)

WARM_UP_MODULES = (
    "botox_chart.ui.widgets.session_editor",
    "botox_chart.ui.printing",
)
"""Imported in the background once the patient list is in, in this order: charting first. Importing
these creates no Qt object (module-level constants are plain values such as QColor), so it is safe
off the GUI thread. Printing's libraries (reportlab, PDFium, 20 MB) are not among them: they load
when the first signed session is selected, with its note laid out ahead (``ui/notes_ahead.py``),
or at the first print."""


def run(db_url: str | None) -> int:
    """Open the charting window on the database at ``db_url`` (None: the default one)."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = application()
    state = WindowState()
    install_translators(app, ui_language(state.language()))
    dialogs = QtDialogs()
    window = MainWindow(dialogs, state)
    sys.excepthook = _report_bugs(window, dialogs)
    window.patientsLoaded.connect(_warm_up_once)
    after_first_paint(window, lambda: window.open_database(db_url))
    window.show()
    return app.exec()


FIRST_PAINT_LIMIT_MS = 1000
"""If the window is not painted by then (shown minimised, say), the database opens all the same."""


class _AfterFirstPaint(QObject):
    """Calls ``then`` once, from the event loop, after the widget's first paint."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_LIMIT_MS, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._call)
        return False

    def _call(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Run ``then`` once the widget has been painted for the first time (call before showing it).

    The database opens on a background thread, and its imports (SQLAlchemy) hold Python's lock
    for long stretches: started before the first paint, they would delay it.
    """
    _AfterFirstPaint(widget, then)


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
    # Documents default to the paper of the platform's locale, which a program started from the
    # desktop (macOS, Windows) does not find in its environment.
    paper.use_system_locale(QLocale.system().name())


_warmed_up = threading.Event()


def _warm_up_once(_count: int = 0) -> None:
    """Import the editor's and printing's modules on a background thread (once)."""
    if _warmed_up.is_set():
        return
    _warmed_up.set()
    threading.Thread(target=warm_up, name="warm-up", daemon=True).start()


def warm_up() -> None:
    import importlib

    for module in WARM_UP_MODULES:
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
            QCoreApplication.translate("App", "Unexpected error"),
            QCoreApplication.translate(
                "App",
                "Something went wrong ({kind}); your charting is saved as a draft. Please "
                "report it to your support contact.",
            ).format(kind=kind.__name__),
        )

    return hook
