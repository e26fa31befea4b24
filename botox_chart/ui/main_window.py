"""The charting window: find a patient, pick or start a session, chart it, sign it, print it.

The window is shown before the database is opened: :meth:`MainWindow.open_database` hands the
opening and the patient list to a background thread (``DatabaseLoader``) and fills the window when
they arrive. The store is imported lazily for the same reason, and the session editor and printing
are built the first time they are needed (:meth:`MainWindow.ensure_editor`,
:meth:`MainWindow.ensure_printing`), not while the window starts. Collaborators (dialogs, the
session editor, printing, the idle clock) come in through the constructor so tests can hand in
fakes.

Nobody sees patient information before signing in: the sign-in screen covers the content (the
patient list loads behind it) until a clinician's password is checked, and again when the window
locks after the clinic's idle time (``window_sign_in``). The toolbar then names who is signed in.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QMargins, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from botox_chart.store import checked
from botox_chart.ui import window_availability
from botox_chart.ui.database_loader import DatabaseLoader
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.role_names import role_name
from botox_chart.ui.seams import Dialogs
from botox_chart.ui.style import set_style_property
from botox_chart.ui.widgets.patient_identity import PatientIdentity
from botox_chart.ui.widgets.patient_panel import PatientPanel
from botox_chart.ui.widgets.session_list import SessionListPanel
from botox_chart.ui.widgets.sign_in_screen import SignInScreen
from botox_chart.ui.window_actions import WindowActions, describe, menu_shortcuts
from botox_chart.ui.window_commands import WindowCommands
from botox_chart.ui.window_keys import DatabaseKeys
from botox_chart.ui.window_sign_in import SignIn
from botox_chart.ui.window_state import WindowState

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from botox_chart.store.models import Clinician
    from botox_chart.store.patients import PatientSummary
    from botox_chart.ui.chart_editor import ChartEditor
    from botox_chart.ui.window_host import PrintService

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_SIZE = (1400, 900)
MINIMUM_SIZE = (640, 440)
"""A floor for resizing (capped by the screen, e.g. at QT_SCALE_FACTOR=2 on a small one). Set
explicitly, so panels showing and hiding never change the window's own minimum."""
SIGNED_IN_MIN_CHARS = 20
"""However narrow the window, the toolbar shows at least this many characters of the signed-in
clinician's name (the rest of the toolbar goes into its overflow menu first)."""
REPLACED_MESSAGE = QT_TRANSLATE_NOOP(
    "MainWindow",
    "The database was replaced under this window: nothing here can be saved until it is opened "
    "again (View › Refresh, F5).",
)
PLACEHOLDER = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Double-click a patient (or press Enter on them) to chart: their draft opens, else their last "
    "session is repeated, else a new session starts. Or start a New session (Ctrl+N), Repeat the "
    "last session (Ctrl+R), or open a session from the list (Enter).",
)


ClinicianId = Callable[[], int | None]
EditorFactory = Callable[["Engine", Dialogs, ClinicianId, QWidget], "ChartEditor"]
PrintingFactory = Callable[["Engine", QWidget, Dialogs, ClinicianId], "PrintService"]


def session_editor(
    engine: Engine, dialogs: Dialogs, clinician: Callable[[], int | None], parent: QWidget
) -> ChartEditor:
    from botox_chart.ui.widgets.session_editor import SessionEditor

    return SessionEditor(engine, dialogs, clinician, parent)


def printing(
    engine: Engine, parent: QWidget, dialogs: Dialogs, clinician: ClinicianId
) -> PrintService:
    from botox_chart.ui.printing import Printing

    return Printing(engine, parent, dialogs, clinician_id=clinician)


class MainWindow(QMainWindow):
    """Patients | sessions on the left, the chart on the right; menus, toolbar, status bar."""

    patientsListed = Signal(int)
    """The patient list is shown (count). From a SQLite database it is read before the database
    is open for work (store.patient_list), so sign-in may still wait for its integrity check."""
    patientsLoaded = Signal(int)
    """The patient list is shown and the database open (count): sign-in is possible."""
    databaseFailed = Signal(str)
    sessionOpened = Signal(int)
    databaseReplaced = Signal(str)
    """The open database was restored or swapped for another file (from any thread: the store's
    guard noticed it while refusing a read or write)."""

    def __init__(
        self,
        dialogs: Dialogs,
        state: WindowState | None = None,
        *,
        editor_factory: EditorFactory = session_editor,
        printing_factory: PrintingFactory = printing,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("botox-chart")
        self._set_minimum_size()
        self.dialogs = dialogs
        self.state = state if state is not None else WindowState()
        self._editor_factory = editor_factory
        self._printing_factory = printing_factory
        self.engine: Engine | None = None
        self.editor: ChartEditor | None = None
        self.printing: PrintService | None = None
        self._loaded_once = False
        self._listed: int | None = None
        """Patients listed by the loader whose database is not open yet."""
        self._draft_offered = False
        self._closing = False
        self._database_url: str | None = None
        self.replaced = False
        """The database was replaced under this window: nothing can be read or saved until it
        reloads."""

        self.actions_ = WindowActions(self)
        self.undo_group = QUndoGroup(self)
        undo = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (undo, redo):
            describe(action, self.tr("Undo or redo a charting change"))
        self.actions_.build_menus(self.menuBar(), undo, redo)
        self.undo_action, self.redo_action = undo, redo

        a = self.actions_
        self.patients = PatientPanel([a.add_patient, a.edit_patient])
        self.sessions = SessionListPanel([a.new_session, a.repeat_last, a.delete_draft])
        self.sessions.view.addAction(a.delete_draft)
        a.delete_draft.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.placeholder = QLabel(self.tr("Opening the database…"))
        self.placeholder.setObjectName("editorPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.right = QStackedWidget()
        self.right.addWidget(self.placeholder)
        # Whose chart is open stays above it, whatever the patient list shows.
        self.identity = PatientIdentity()
        self.chart_pane = QWidget()
        chart_layout = QVBoxLayout(self.chart_pane)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.setSpacing(4)
        chart_layout.addWidget(self.identity)
        chart_layout.addWidget(self.right, 1)

        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.setObjectName("leftSplitter")
        self.left.addWidget(self.patients)
        self.left.addWidget(self.sessions)
        self.left.setStretchFactor(0, 2)
        self.left.setStretchFactor(1, 3)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.chart_pane)
        self.splitter.setStretchFactor(1, 1)
        # On a small screen (or at 2x scale) the patients pane can be dragged shut to give the chart
        # the room; Ctrl+F, Ctrl+1 and Ctrl+2 open it again.
        self.splitter.setCollapsible(0, True)
        self.splitter.setCollapsible(1, False)

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.sign_in_screen = SignInScreen()
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.pages.addWidget(self.sign_in_screen)
        self.pages.addWidget(self.splitter)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.signed_in_label = QLabel()
        self.signed_in_label.setObjectName("signedIn")
        self.signed_in_label.setAccessibleName(self.tr("Signed in clinician"))
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar = QToolBar(self.tr("Charting"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addActions([a.new_session, a.repeat_last, a.apply_protocol, a.sign])
        self.toolbar.addSeparator()
        self.toolbar.addActions([a.print_preview, a.print])
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.signed_in_label)
        self.toolbar.addActions([a.switch_user, a.sign_out])  # Lock: File menu and Ctrl+L
        self.addToolBar(self.toolbar)

        self.location = QLabel()
        self.location.setObjectName("databaseLocation")
        self.statusBar().addPermanentWidget(self.location)

        self.loader = DatabaseLoader(self)
        self.loader.opened.connect(self._on_opened)
        self.loader.patientsLoaded.connect(self._on_patients_loaded)
        self.loader.failed.connect(self.database_failed)
        self.loader.backupFailed.connect(
            lambda message: self.show_banner(
                self.tr("Today's automatic backup failed. {message}").format(message=message),
                "warning",
            )
        )
        self.loader.warning.connect(lambda message: self.show_banner(message, "warning"))
        self.databaseReplaced.connect(self._on_database_replaced)

        self.commands = WindowCommands(self)
        self.keys = DatabaseKeys(self)
        self.sign_in = SignIn(self, self.sign_in_screen, clock=clock)
        # A button grown or shown: the name fits again, once per turn of the event loop however
        # many actions changed (every keystroke in the search renames a few).
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_signed_in)
        for action in self.toolbar.actions():
            action.changed.connect(self._refit.start)
        self.sign_in.changed.connect(self._sign_in_changed)
        self._restore_layout()
        self._sign_in_changed()

    # -- opening --------------------------------------------------------------------------------

    def open_database(self, url: str | None, key: str | None = None) -> None:
        """Open the database in the background; :attr:`patientsLoaded` says when it is ready.
        ``key``: a passphrase or recovery key typed for it (ui.window_keys)."""
        self._database_url = url
        self.statusBar().showMessage(self.tr("Loading patients…"))
        self.placeholder.setText(self.tr("Opening the database…"))
        self.sign_in_screen.show_waiting(self.tr("Opening the database…"))
        self.loader.open(url, key)

    def _on_opened(self, engine: Engine) -> None:
        if self._closing:
            checked.close(engine)
            return
        from botox_chart.store import identity
        from botox_chart.store.engine import describe as describe_database

        identity.when_replaced(engine, self.databaseReplaced.emit)
        self.engine = engine
        self.location.setText(describe_database(engine))
        self.location.setToolTip(self.tr("The database this window reads and writes"))
        self.placeholder.setText(self.tr(PLACEHOLDER))
        self.sign_in.database_opened(engine)
        self._sign_in_changed()
        if self._listed is not None:  # the list came first
            self._loaded(self._listed)

    def ensure_editor(self) -> ChartEditor | None:
        """The session editor, built the first time a session opens (None: no database yet).

        Building it (the diagram, the panel's forms) takes about as long as the window itself,
        so it is not done while the window starts; its module is imported in the background
        once the patient list is in (``ui.app``), so the first session opens quickly too.
        """
        if self.editor is None and self.engine is not None:
            editor = self._editor_factory(self.engine, self.dialogs, self.clinician_id, self.right)
            widget = editor.as_widget()
            widget.setObjectName(widget.objectName() or "sessionEditor")
            widget.addActions(self.actions_.editor_keys())
            self.editor = editor
            self.right.addWidget(widget)
            self.commands.connect_editor(editor)
            clinician = self.sign_in.clinician()
            if clinician is not None:
                editor.set_view_only(not clinician.can_sign)
        return self.editor

    def ensure_printing(self) -> PrintService | None:
        """Printing (previews, the printer, PDFs), made on first use (None: no database yet)."""
        if self.printing is None and self.engine is not None:
            self.printing = self._printing_factory(
                self.engine, self, self.dialogs, self.clinician_id
            )
        return self.printing

    def _on_patients_loaded(self, patients: list[PatientSummary]) -> None:
        if self._closing:
            return
        self.patients.set_patients(patients)
        count = len(patients)
        self._show_count(count)
        self.patientsListed.emit(count)
        if self.engine is None:
            self._listed = count  # finished when the database is open (_on_opened)
        else:
            self._loaded(count)

    def _loaded(self, count: int) -> None:
        """The list is in and the database open: the last patient, a draft to offer back."""
        self._listed = None
        self._show_count(count)
        if not self._loaded_once:
            self._loaded_once = True
            last = self.state.last_patient_id()
            if last is not None:
                self.patients.select(last)  # behind the sign-in screen until someone signs in
            self._offer_draft_once()
        self.commands.update_actions()
        self.patientsLoaded.emit(count)

    def _show_count(self, count: int) -> None:
        self.statusBar().showMessage(self.tr("%Ln patient(s)", "", count))

    def database_failed(self, message: str) -> None:
        """The database could not be opened: say so (banner, sign-in screen, a dialog). A list
        read before the opening failed is not kept."""
        if self.engine is None:
            self._listed = None
            self.patients.set_patients([])
        self.show_banner(
            self.tr("The database could not be opened. {message}").format(message=message), "error"
        )
        self.placeholder.setText(self.tr("No database is open."))
        self.sign_in.database_failed(message)
        self.statusBar().showMessage(self.tr("Database not opened"))
        self.commands.update_actions()
        self.dialogs.error(self, self.tr("Cannot open the database"), message)
        self.databaseFailed.emit(message)

    def _on_database_replaced(self, message: str) -> None:
        """Read-only at once (the store's guard already refuses every read and write), then a
        reload: the database as it is now, and everyone signs in again."""
        if self.replaced or self.engine is None:
            return
        self.replaced = True
        self.show_banner(
            self.tr(
                "{message} This window is read-only: View › Refresh (F5) opens the database as "
                "it is now."
            ).format(message=message),
            "error",
        )
        if self.editor is not None:
            self.editor.set_view_only(True, self.tr(REPLACED_MESSAGE))
        self.commands.update_actions()
        if self.dialogs.confirm(
            self,
            self.tr("The database was replaced"),
            self.tr(
                "{message}\n\nChanges made in this window since then are only on this screen. "
                "Reload now? Everyone signs in again."
            ).format(message=message),
        ):
            self.reload_database()

    def database_url(self) -> str | None:
        """The database this window opened (None: the default in the data folder)."""
        return self._database_url

    def reload_database(self) -> None:
        """Open the database again from scratch: a new engine, editor and printing, and sign-in."""
        if self.engine is None:
            return
        self.sign_in.reset()
        if self.editor is not None:
            widget = self.editor.as_widget()
            self.right.removeWidget(widget)
            widget.deleteLater()
            self.editor = None
        self.commands.reset()
        self.printing = None
        engine, self.engine = self.engine, None
        engine.dispose()
        self.replaced = False
        self.show_banner("")
        self.open_database(self._database_url, self.keys.key)

    def show_banner(self, text: str, severity: str = "error") -> None:
        self.banner.setText(text)
        set_style_property(self.banner, "severity", severity)
        self.banner.setVisible(bool(text))

    # -- who is signed in ------------------------------------------------------------------------

    def clinician_id(self) -> int | None:
        """The signed-in clinician's id (the editor, autosave and printing call this)."""
        clinician = self.sign_in.clinician()
        return clinician.id if clinician is not None else None

    def clinician(self) -> Clinician | None:
        return self.sign_in.clinician()

    def sign_in_as(self, clinician: Clinician) -> None:
        """Sign in without typing a password: for tests and the screenshot script only."""
        self.sign_in.sign_in_as(clinician)

    def _sign_in_changed(self) -> None:
        """Cover or show the content, name who is signed in, and set what they may do."""
        open_ = self.sign_in.is_open()
        clinician = self.sign_in.clinician()
        self.pages.setCurrentWidget(self.splitter if open_ else self.sign_in_screen)
        self.toolbar.setVisible(open_)
        if clinician is not None:
            admin = self.tr(", an administrator") if clinician.is_admin else ""
            self.signed_in_label.setToolTip(
                self.tr("{name} ({role}{admin}), user name {username}").format(
                    name=clinician.display_name,
                    role=role_name(clinician.role),
                    admin=admin,
                    username=clinician.username,
                )
            )
        self._fit_signed_in()
        editor = self.editor
        if editor is not None and clinician is not None:
            editor.set_view_only(not clinician.can_sign)
        if open_:
            self.commands.resume_editing()
            self.statusBar().showMessage(self.commands.welcome(clinician), 8000)
            self._offer_draft_once()
        else:
            # No undo or redo behind the screen (Qt takes a null stack; the stubs say otherwise).
            self.undo_group.setActiveStack(None)  # type: ignore[arg-type]
            self.statusBar().showMessage(
                self.tr("Locked") if self.sign_in.is_locked() else self.tr("Signed out")
            )
        self.commands.update_actions()

    def _fit_signed_in(self) -> None:
        """Name who is signed in, in full when the toolbar has room ("Claire Dubé, RN, nurse
        injector"); shortened only as far as the window's width makes it, so Switch user and
        Sign out stay in sight. Before the name is shortened, "Signed in:" goes (longer in some
        languages; the tooltip and accessible name still say it)."""
        clinician = self.sign_in.clinician()
        label = self.signed_in_label
        if clinician is None:
            label.clear()
            return
        label.ensurePolished()
        metrics = label.fontMetrics()
        role = f" ({role_name(clinician.role)})"
        prefix = self.tr("Signed in: ")
        shown = [
            widget
            for action in self.toolbar.actions()
            if (widget := self.toolbar.widgetForAction(action)) is not None and action.isVisible()
        ]
        others = sum(
            widget.sizeHint().width()
            for widget in shown
            if widget is not label
            and widget.sizePolicy().horizontalPolicy() != QSizePolicy.Policy.Expanding
        )
        # The toolbar spans the window (it may not be laid out yet: it shows only when signed in):
        # its margins, the spacing between its widgets and the label's padding take room too.
        layout = self.toolbar.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        spacing = layout.spacing() if layout is not None else 0
        chrome = label.contentsMargins().left() + label.contentsMargins().right() + 12
        room = self.width() - others - margins.left() - margins.right() - chrome
        room -= spacing * len(shown) + 8
        floor = metrics.averageCharWidth() * SIGNED_IN_MIN_CHARS
        name = clinician.display_name
        name_room = max(room - metrics.horizontalAdvance(prefix + role), floor)
        if metrics.horizontalAdvance(name) > name_room >= 0:
            if metrics.horizontalAdvance(name + role) <= room:
                prefix = ""  # the name in full rather than the words before it
            name_room = max(room - metrics.horizontalAdvance(prefix + role), floor)
        name = metrics.elidedText(name, Qt.TextElideMode.ElideRight, name_room)
        label.setText(f"{prefix}{name}{role}")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_signed_in()

    def _offer_draft_once(self) -> None:
        """After the first sign-in with the patients loaded: the last patient's draft is offered
        back to a clinician who charts (a question naming the patient waits for the sign-in)."""
        clinician = self.sign_in.clinician()
        if self._draft_offered or not self._loaded_once or not self.sign_in.is_open():
            return
        self._draft_offered = True
        if clinician is not None and clinician.can_sign:
            self.commands.offer_draft()

    # -- helpers --------------------------------------------------------------------------------

    def attempt(self, title: str, work: Callable[[], T]) -> T | None:
        """Run a store call; a refusal or storage problem is shown to the user, not raised."""
        from botox_chart.store import StorageError
        from botox_chart.store.clinicians import ClinicianError
        from botox_chart.store.patients import PatientError
        from botox_chart.store.sessions import SessionError

        try:
            return work()
        except (StorageError, PatientError, SessionError, ClinicianError) as err:
            self.dialogs.error(self, title, str(err))
            return None

    def show_patients_pane(self) -> None:
        """Open the patients pane if it was dragged shut."""
        sizes = self.splitter.sizes()
        if sizes and sizes[0] == 0:
            total = sum(sizes)
            self.splitter.setSizes([total * 28 // 100, total - total * 28 // 100])

    def as_widget(self) -> QWidget:
        return self

    def shortcuts_table(self) -> list[tuple[str, str, str]]:
        """(menu, action, shortcut) of every menu entry with a shortcut."""
        return list(menu_shortcuts(self.menuBar()))

    # -- layout memory --------------------------------------------------------------------------

    def _set_minimum_size(self) -> None:
        width, height = MINIMUM_SIZE
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, available.width()), min(height, available.height())
        self.setMinimumSize(width, height)

    def _restore_layout(self) -> None:
        geometry = self.state.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            width, height = DEFAULT_SIZE
            screen = QGuiApplication.primaryScreen()
            if screen is not None:
                available = screen.availableGeometry()
                width, height = min(width, available.width()), min(height, available.height())
            self.resize(width, height)
            self.splitter.setSizes([width * 28 // 100, width * 72 // 100])
            # The patient's details, outcome trend and sessions take the larger share.
            self.left.setSizes([height * 38 // 100, height * 62 // 100])
        window_state = self.state.window_state()
        if window_state is not None:
            self.restoreState(window_state)
        for splitter in (self.splitter, self.left):
            saved = self.state.splitter(splitter.objectName())
            if saved is not None:
                splitter.restoreState(saved)

    def save_layout(self) -> None:
        self.state.set_geometry(self.saveGeometry())
        self.state.set_window_state(self.saveState())
        for splitter in (self.splitter, self.left):
            self.state.set_splitter(splitter.objectName(), splitter.saveState())
        self.state.set_last_patient_id(self.patients.current_id())
        self.state.sync()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A charting key no widget took: on a read-only chart the status area says why."""
        if window_availability.explain_refused_key(self, event):
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        if not self.commands.close_session():
            event.ignore()
            return
        self._closing = True
        self.sign_in.idle.stop()
        self.loader.wait()
        if self.engine is not None:
            checked.close(self.engine)
        super().closeEvent(event)
