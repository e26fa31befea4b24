"""The window and the database's key: asked for where there is no keyring, the recovery key shown
once where there is one, and File › Encrypt database for a first-release database."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
import sqlalchemy as sa
from pytestqt.qtbot import QtBot

from botox_chart import paths
from botox_chart.store import cipher, clinicians, migrate, open_database, transaction
from botox_chart.store.engine import make_engine
from botox_chart.store.models import Role
from botox_chart.ui.main_window import MainWindow
from tests.helpers.fake_dialogs import FakeDialogs
from tests.helpers.memory_keyring import MemoryKeyring
from tests.ui.conftest import LOAD_TIMEOUT_MS

PASSPHRASE = "a long clinic passphrase"


def open_window(qtbot: QtBot, dialogs: FakeDialogs, path: Path) -> MainWindow:
    window = MainWindow(dialogs)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.patientsLoaded, timeout=LOAD_TIMEOUT_MS):
        window.open_database(str(path))
    return window


def test_without_a_keyring_a_new_database_asks_for_a_passphrase_twice(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cipher.KEY_ENV)
    dialogs = FakeDialogs()
    dialogs.secrets.extend(["too short", PASSPHRASE, PASSPHRASE])
    path = tmp_path / "clinic.sqlite3"
    window = open_window(qtbot, dialogs, path)
    asked = [title for kind, title, _ in dialogs.asked if kind == "ask_secret"]
    assert asked == ["Choose a database passphrase"] * 3
    assert "At least 12 characters" in dialogs.messages("error")[0]
    assert window.engine is not None and not cipher.is_plain(path)
    window.loader.wait()  # the daily backup uses the typed passphrase too (no keyring to ask)
    assert "backup failed" not in window.banner.text()
    (daily,) = paths.backups_dir(path).glob("auto-*.sqlite3")
    assert not cipher.is_plain(daily)
    window.close()
    with pytest.raises(cipher.KeyMissing):
        open_database(str(path))
    open_database(str(path), key=PASSPHRASE).dispose()


def test_with_a_keyring_nobody_types_and_the_recovery_key_is_shown_once(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cipher.KEY_ENV)
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    dialogs = FakeDialogs()
    path = tmp_path / "clinic.sqlite3"
    window = open_window(qtbot, dialogs, path)
    (shown,) = dialogs.messages("info")
    (stored,) = ring.entries.values()
    assert cipher.recovery_key(stored) in shown and "clinic's safe" in shown
    assert not any(kind == "ask_secret" for kind, _, _ in dialogs.asked)
    window.close()
    again = FakeDialogs()
    open_window(qtbot, again, path).close()
    assert again.asked == []  # the keyring opens it: nothing asked, nothing shown


def test_a_wrong_key_is_asked_again_and_nothing_changes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "clinic.sqlite3"
    open_database(str(path)).dispose()  # encrypted with the tests' key
    before = path.read_bytes()
    monkeypatch.delenv(cipher.KEY_ENV)
    from tests.conftest import TEST_KEY

    dialogs = FakeDialogs()
    dialogs.secrets.extend(["not the key", cipher.recovery_key(cipher.normalise(TEST_KEY))])
    window = open_window(qtbot, dialogs, path)
    labels = [label for kind, _, label in dialogs.asked if kind == "ask_secret"]
    assert "no key for it was found" in labels[0]
    assert "could not be opened with its key" in labels[1]
    assert window.engine is not None
    assert path.read_bytes()[:4096] == before[:4096]  # the header page untouched by the attempt


def test_a_first_release_database_is_encrypted_from_the_file_menu(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cipher.KEY_ENV)
    keyring.set_keyring(MemoryKeyring())
    path = tmp_path / "clinic.sqlite3"
    old = make_engine(f"sqlite:///{path}")
    migrate.upgrade(old, "0005")
    old.dispose()
    engine = open_database(str(path))
    with transaction(engine) as db:
        admin = clinicians.add(
            db,
            name="Dr A",
            role=Role.PHYSICIAN,
            username="a",
            password="password1",
            is_admin=True,
            by=None,
        )
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO patient (family_name, given_names, date_of_birth, chart_number, "
                "health_card, referring_physician, allergies, search_key, created_at) VALUES "
                "('Plainfile', 'Ada', '1970-01-01', 'C1', '', '', '', 'plainfile', '2026-01-01')"
            )
        )
    engine.dispose()

    dialogs = FakeDialogs()
    window = open_window(qtbot, dialogs, path)
    assert "not encrypted" in window.banner.text()
    window.sign_in_as(admin)
    assert window.actions_.encrypt_database.isVisible()
    dialogs.confirms.append(True)
    with qtbot.waitSignal(window.patientsLoaded, timeout=LOAD_TIMEOUT_MS):
        window.actions_.encrypt_database.trigger()

    assert not cipher.is_plain(path) and b"Plainfile" not in path.read_bytes()
    assert "Recovery key" in [title for kind, title, _ in dialogs.asked if kind == "info"]
    assert "not encrypted" not in window.banner.text()
    assert window.patients.model.rowCount() == 1
