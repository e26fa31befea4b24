"""Fixtures for the window's tests: a window on the test database (signed in without typing, as
the sign-in tests type for real), clinicians who can sign in, and a fake clock for the idle lock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.store import clinicians, transaction
from botox_chart.store.models import Clinician, Role
from botox_chart.ui import language
from botox_chart.ui.main_window import MainWindow
from tests.helpers.factories import administrator_id
from tests.helpers.fake_dialogs import FakeDialogs

LOAD_TIMEOUT_MS = 20_000
PASSWORD = "correct horse"


class FakePrinting:
    """Records what the window asked to print."""

    def __init__(self, engine: Engine, parent: Any, dialogs: Any, clinician: Any) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.clinician = clinician
        self.prepared: list[list[int]] = []
        """The sessions whose notes were asked for ahead of a print, each time."""
        self.warmed = False

    def warm(self) -> None:
        self.warmed = True

    def prepare_sessions(self, ids: Any) -> None:
        self.prepared.append(list(ids))

    def __getattr__(self, name: str) -> Any:
        if name.endswith(
            ("_sessions", "_record", "_pdf", "_letter", "_report", "_list", "_csv", "_bundle")
        ):
            return lambda what=None: self.calls.append((name, what))
        raise AttributeError(name)


class FakeClock:
    """time.monotonic for the idle lock, moved on by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


OpenWindow = Callable[..., MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, sqlite_url: str, engine: Engine, clock: FakeClock) -> OpenWindow:
    """Opens a window on the test database and waits for its patient list; ``clinician`` is
    signed in without typing (``MainWindow.sign_in_as``), else the sign-in screen stays up."""

    def open_(dialogs: FakeDialogs, clinician: Clinician | None = None) -> MainWindow:
        window = MainWindow(dialogs, printing_factory=FakePrinting, clock=clock)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.patientsLoaded, timeout=LOAD_TIMEOUT_MS):
            window.open_database(sqlite_url)
        if clinician is not None:
            window.sign_in_as(clinician)
            # A clinician without a password leaves the first-run dialog up until this sign-in
            # closes it; the window is active again once Qt has handled that.
            qtbot.waitUntil(window.isActiveWindow, timeout=LOAD_TIMEOUT_MS)
        return window

    return open_


Login = Callable[..., Clinician]


@pytest.fixture
def login(engine: Engine) -> Iterator[Login]:
    """Adds a clinician who signs in with ``username`` and :data:`PASSWORD`."""

    def add(
        username: str,
        role: Role = Role.INJECTOR,
        *,
        name: str = "",
        admin: bool = False,
        credentials: str | None = None,
    ) -> Clinician:
        if credentials is None:
            credentials = "RN" if role is Role.INJECTOR else ""
        with transaction(engine) as db:
            return clinicians.add(
                db,
                name=name or username.capitalize(),
                credentials=credentials,
                role=role,
                username=username,
                password=PASSWORD,
                is_admin=admin,
                by=administrator_id(db),
            )

    yield add


@pytest.fixture(autouse=True)
def english_window(qapp: QApplication) -> Iterator[None]:
    """The window in English, as its catalogue has it (the plural forms: "1 patient", "3
    patients"), whatever the computer's locale; a test wanting French installs it itself."""
    language.install_translators(qapp, "en")
    yield
    language.install_translators(qapp, "en")
