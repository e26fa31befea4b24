"""The real main window in this process, on a benchmark database: for search and the action count.

The window is the app's own (``MainWindow`` with its session editor and printing), configured by
``botox_chart.ui.app.application`` (stylesheet, settings in the data folder). Only the message
boxes are replaced, by :class:`RecordingDialogs`, so nothing blocks; what they were asked is kept,
and a benchmark fails loudly if the app reported an error.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LOAD_TIMEOUT_MS = 120_000


@dataclass
class RecordingDialogs:
    """Answers every question "no" (or nothing) and keeps (kind, title, text) of each."""

    asked: list[tuple[str, str, str]] = field(default_factory=list)

    def errors(self) -> list[str]:
        return [f"{title}: {text}" for kind, title, text in self.asked if kind == "error"]

    def error(self, parent: Any, title: str, text: str) -> None:
        self.asked.append(("error", title, text))

    def info(self, parent: Any, title: str, text: str) -> None:
        self.asked.append(("info", title, text))

    def confirm(self, parent: Any, title: str, text: str) -> bool:
        self.asked.append(("confirm", title, text))
        return False

    def ask_text(self, parent: Any, title: str, label: str, text: str = "") -> str | None:
        self.asked.append(("ask_text", title, label))
        return None

    def ask_secret(self, parent: Any, title: str, label: str) -> str | None:
        self.asked.append(("ask_secret", title, label))
        return None

    def save_file(self, parent: Any, title: str, suggested: Path, file_filter: str) -> None:
        self.asked.append(("save_file", title, str(suggested)))

    def open_file(self, parent: Any, title: str, file_filter: str) -> None:
        self.asked.append(("open_file", title, file_filter))

    def print_setup(self, parent: Any, printer: Any) -> bool:
        self.asked.append(("print_setup", "Print", ""))
        return False


def use_private_data_dir() -> None:
    """A fresh data folder (window state, settings) unless the caller already chose one."""
    if not os.environ.get("BOTOX_CHART_DATA_DIR"):
        os.environ["BOTOX_CHART_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-data-")


def open_window(url: str) -> tuple[Any, Any, RecordingDialogs]:
    """(QApplication, MainWindow, dialogs): the window shown, its patient list loaded."""
    use_private_data_dir()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest

    from botox_chart.ui.app import application
    from botox_chart.ui.main_window import MainWindow
    from botox_chart.ui.window_state import WindowState

    app = application()
    dialogs = RecordingDialogs()
    window = MainWindow(dialogs, WindowState())
    window.show()
    QTest.qWaitForWindowExposed(window)
    loop = QEventLoop()
    outcome: list[str] = []
    window.patientsLoaded.connect(lambda _n: (outcome.append("loaded"), loop.quit()))
    window.databaseFailed.connect(lambda text: (outcome.append(text), loop.quit()))
    QTimer.singleShot(LOAD_TIMEOUT_MS, loop.quit)
    window.open_database(url)
    loop.exec()
    if outcome != ["loaded"]:
        raise SystemExit(f"The window did not load the patients: {outcome or 'timed out'}")
    sign_in(window)
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)
    app.processEvents()
    return app, window, dialogs


def sign_in(window: Any, username: str = "souza") -> None:
    """Sign in through the window's sign-in screen as a demo clinician, as a clinician does
    (the demo password: benchmark databases are demo data). The patient list is behind the
    screen until then."""
    from botox_chart.store.demo import DEMO_PASSWORD

    screen = window.sign_in_screen
    screen.username.setText(username)
    screen.password.setText(DEMO_PASSWORD)
    screen.submit()
    if not window.sign_in.is_open():
        raise SystemExit(f"Could not sign in as {username}: {screen.error.text()}")
