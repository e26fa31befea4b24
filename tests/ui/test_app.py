"""Starting the app: the window shows before the database opens, a bad database file is explained
and left untouched, ``python -m botox_chart`` works, and the stylesheet applies cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart import paper
from botox_chart.store import backup, open_database, roles, tls
from botox_chart.ui import app as app_module
from botox_chart.ui.main_window import MainWindow
from botox_chart.ui.style import stylesheet
from tests.helpers.factories import make_clinician, make_patient
from tests.helpers.fake_dialogs import FakeDialogs

LOAD_TIMEOUT_MS = 20_000


@pytest.fixture
def app_setup(qapp: QApplication) -> Iterator[QApplication]:
    """The app's own configuration (style, stylesheet, settings), undone after the test."""
    style, sheet = qapp.style().name(), qapp.styleSheet()
    default_format = QSettings.defaultFormat()
    app_module.configure(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    QSettings.setDefaultFormat(default_format)


def test_documents_take_their_default_paper_from_the_platforms_locale(
    app_setup: QApplication,
) -> None:
    """The locale of the platform (QLocale.system(), which a program started from the macOS or
    Windows desktop does not find in its environment) decides A4 or Letter (botox_chart.paper)."""
    paper.use_system_locale("xx_XX")
    app_module.configure(app_setup)
    assert paper.system_locale() == QLocale.system().name() != "xx_XX"


def test_window_shows_before_the_database_opens(
    qtbot: QtBot, engine: Engine, sqlite_url: str
) -> None:
    make_clinician(engine)
    for n in range(3):
        make_patient(engine, family_name=f"Patient{n}")
    window = MainWindow(FakeDialogs())
    qtbot.addWidget(window)
    window.show()

    with qtbot.waitSignal(window.patientsLoaded, timeout=LOAD_TIMEOUT_MS) as loaded:
        window.open_database(sqlite_url)
        assert window.isVisible()
        assert window.patients.model.rowCount() == 0
        assert window.statusBar().currentMessage() == "Loading patients…"

    assert loaded.args == [3]
    assert window.patients.model.rowCount() == 3
    assert window.statusBar().currentMessage() == "3 patients"
    assert window.location.text().endswith("test.db")


def test_the_list_shows_before_the_database_opens_for_work_and_sign_in_waits_for_it(
    qtbot: QtBot, engine: Engine, sqlite_url: str
) -> None:
    """The list is read first (no SQLAlchemy, read-only), then the integrity check and the
    engine: only then can anyone sign in, and the chosen patient's sessions load."""
    make_clinician(engine)
    for n in range(3):
        make_patient(engine, family_name=f"Patient{n}")
    window = MainWindow(FakeDialogs())
    qtbot.addWidget(window)
    window.show()
    seen: list[tuple[str, bool]] = []
    for name in ("patientsListed", "patientsLoaded"):
        getattr(window, name).connect(
            lambda _n, name=name: seen.append((name, window.engine is not None))
        )

    with qtbot.waitSignal(window.patientsLoaded, timeout=LOAD_TIMEOUT_MS):
        window.open_database(sqlite_url)

    assert seen == [
        ("patientsListed", False),
        ("patientsLoaded", True),
    ]
    assert window.patients.model.total() == 3
    assert window.statusBar().currentMessage() == "3 patients"


def test_a_list_read_before_a_failed_opening_is_not_kept(
    qtbot: QtBot, engine: Engine, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from botox_chart.store import StorageError
    from botox_chart.store import engine as engine_module

    make_clinician(engine)
    make_patient(engine, family_name="Gagnon")

    def damaged(*_args: object, **_kwargs: object) -> Engine:
        raise StorageError("The database is damaged (integrity check: page 7).")

    monkeypatch.setattr(engine_module, "open_database", damaged)
    window = MainWindow(FakeDialogs())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.patientsListed, timeout=LOAD_TIMEOUT_MS):
        window.open_database(sqlite_url)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Database not opened")

    assert window.patients.model.total() == 0
    assert window.engine is None


def test_opening_the_window_makes_the_daily_backup(
    qtbot: QtBot, engine: Engine, sqlite_url: str
) -> None:
    make_patient(engine, family_name="Backed")
    window = MainWindow(FakeDialogs())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.patientsLoaded, timeout=LOAD_TIMEOUT_MS):
        window.open_database(sqlite_url)
    window.loader.wait()
    (made,) = backup.automatic_backups(Path(sqlite_url.removeprefix("sqlite:///")))
    assert backup.inspect(made).patients == 1


def test_each_database_opened_gets_its_own_daily_backup_beside_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """``botox-chart --db clinic.sqlite3`` then ``--db demo.sqlite3`` on the same day: the second
    is backed up too (another database's backup does not stand in for it), each into
    ``backups/<name>/`` beside its file, none into the data folder."""
    folder = tmp_path / "clinic"
    for name, patients in (("clinic", 2), ("demo", 1)):
        path = folder / f"{name}.sqlite3"
        seeding = open_database(str(path))
        for n in range(patients):
            make_patient(seeding, family_name=f"Patient{n}")
        seeding.dispose()
        window = MainWindow(FakeDialogs())
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.patientsLoaded, timeout=LOAD_TIMEOUT_MS):
            window.open_database(str(path))  # what `botox-chart --db PATH` does once painted
        window.loader.wait()
        assert "backup failed" not in window.banner.text()
        window.close()
    clinic = sorted((folder / "backups" / "clinic.sqlite3").glob("auto-*.sqlite3"))
    demo = sorted((folder / "backups" / "demo.sqlite3").glob("auto-*.sqlite3"))
    assert (len(clinic), len(demo)) == (1, 1)
    assert [backup.inspect(clinic[0]).patients, backup.inspect(demo[0]).patients] == [2, 1]
    assert not (tmp_path / "data" / "backups").exists()


def test_a_warning_about_the_database_shows_in_the_banner(
    qtbot: QtBot, engine: Engine, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_clinician(engine)
    monkeypatch.setattr(roles, "owner_warning", lambda _engine: "Connected as the owner.")
    window = MainWindow(FakeDialogs())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.loader.warning, timeout=LOAD_TIMEOUT_MS):
        window.open_database(sqlite_url)
    assert window.banner.isVisible()
    assert window.banner.text() == "Connected as the owner."
    assert window.banner.property("severity") == "warning"


def test_a_connection_without_tls_is_warned_about_in_the_same_banner(
    qtbot: QtBot, engine: Engine, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both warnings in one banner (one would hide the other); a remote server is out of reach
    here, so the warnings are stand-ins (store/test_tls.py tests the real one)."""
    make_clinician(engine)
    monkeypatch.setattr(tls, "tls_warning", lambda _engine: "No TLS to db.clinic.lan.")
    monkeypatch.setattr(roles, "owner_warning", lambda _engine: "Connected as the owner.")
    window = MainWindow(FakeDialogs())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.loader.warning, timeout=LOAD_TIMEOUT_MS) as signal:
        window.open_database(sqlite_url)
    assert signal.args == ["No TLS to db.clinic.lan. Connected as the owner."]
    assert window.banner.text() == "No TLS to db.clinic.lan. Connected as the owner."
    assert window.banner.property("severity") == "warning"


@pytest.mark.postgres
def test_the_window_warns_when_postgresql_is_used_as_the_tables_owner(
    qtbot: QtBot, pg_url: str
) -> None:
    owner = open_database(pg_url)
    make_clinician(owner)
    owner.dispose()
    window = MainWindow(FakeDialogs())
    qtbot.addWidget(window)
    window.show()
    window.open_database(pg_url)
    qtbot.waitUntil(window.banner.isVisible, timeout=LOAD_TIMEOUT_MS)
    assert window.banner.text().startswith("Connected to PostgreSQL as postgres, which ")
    assert "botox-chart migrate" in window.banner.text()
    assert window.banner.property("severity") == "warning"
    window.close()
    if window.engine is not None:
        window.engine.dispose()


def test_a_damaged_database_file_is_explained_and_left_untouched(
    qtbot: QtBot, tmp_path: Path
) -> None:
    junk = tmp_path / "clinic.db"
    junk.write_bytes(b"this is not a database\x00\x01\x02" * 100)
    before = junk.read_bytes()
    dialogs = FakeDialogs()
    window = MainWindow(dialogs)
    qtbot.addWidget(window)
    window.show()

    with qtbot.waitSignal(window.databaseFailed, timeout=LOAD_TIMEOUT_MS):
        window.open_database(str(junk))

    [message] = dialogs.messages("error")
    assert "not a botox-chart database" in message
    assert window.banner.isVisible()
    assert "could not be opened" in window.banner.text()
    assert window.banner.property("severity") == "error"
    assert window.statusBar().currentMessage() == "Database not opened"
    assert not window.actions_.add_patient.isEnabled()
    assert junk.read_bytes() == before


def test_run_shows_the_window_first_then_opens_the_database(
    qapp: QApplication,
    engine: Engine,
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    app_setup: QApplication,
) -> None:
    make_clinician(engine)
    make_patient(engine)
    seen: list[str] = []

    class Window(MainWindow):
        def open_database(self, url: str | None) -> None:
            seen.append(f"open while visible={self.isVisible()}")
            super().open_database(url)
            self.patientsLoaded.connect(lambda count: QTimer.singleShot(0, self.close))

    monkeypatch.setattr(app_module, "MainWindow", Window)
    monkeypatch.setattr(app_module, "QtDialogs", FakeDialogs)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(app_module, "warm_up", lambda: seen.append("warm up"))

    assert app_module.run(sqlite_url) == 0
    assert seen[0] == "open while visible=True"


def test_the_database_opens_after_the_first_paint(qtbot: QtBot) -> None:
    """Opening imports SQLAlchemy on a thread that holds Python's lock for long stretches: it
    waits for the window's first paint."""
    seen: list[str] = []

    class Painted(QWidget):
        def paintEvent(self, event: QPaintEvent) -> None:
            seen.append("paint")
            super().paintEvent(event)

    window = Painted()
    qtbot.addWidget(window)
    app_module.after_first_paint(window, lambda: seen.append("open"))
    window.show()
    qtbot.waitUntil(lambda: "open" in seen)
    window.update()
    qtbot.wait(50)

    assert seen.index("paint") < seen.index("open")
    assert seen.count("open") == 1


def test_the_warm_up_imports_off_the_gui_thread_without_a_qt_warning() -> None:
    """The editor's and printing's modules import on a background thread once the list is in;
    in a fresh process, so the imports are real."""
    script = (
        "import sys, threading\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from botox_chart.ui import app as app_module\n"
        "thread = threading.Thread(target=app_module.warm_up)\n"
        "thread.start(); thread.join()\n"
        "missing = [m for m in app_module.WARM_UP_MODULES if m not in sys.modules]\n"
        "print('missing', missing)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_FATAL_WARNINGS": "1"},
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "missing []"
    assert "botox_chart.ui.widgets.session_editor" in app_module.WARM_UP_MODULES


def test_the_stylesheet_applies_without_warnings(
    qtbot: QtBot, app_setup: QApplication, engine: Engine, sqlite_url: str
) -> None:
    make_clinician(engine)
    make_patient(engine)
    assert "severity" in stylesheet()
    window = MainWindow(FakeDialogs())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.patientsLoaded, timeout=LOAD_TIMEOUT_MS):
        window.open_database(sqlite_url)
    window.show_banner("Shown in the error style", "error")
    qtbot.waitExposed(window)
    # qt_log_level_fail = WARNING: a stylesheet Qt cannot parse fails this test.


def test_settings_live_in_the_data_folder(app_setup: QApplication, isolated_data_dir: Path) -> None:
    settings = QSettings()
    settings.setValue("probe", 1)
    settings.sync()

    assert Path(settings.fileName()).is_relative_to(isolated_data_dir)


def test_python_m_botox_chart_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "botox_chart", "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )

    assert done.returncode == 0
    assert "usage: botox-chart" in done.stdout
