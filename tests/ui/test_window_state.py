"""The window's settings file is private (issue 10): 0600 whatever the umask, every time Qt saves
it (through a temporary file that takes the existing file's permissions)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QApplication

from botox_chart.ui.window_state import SETTINGS_FILE, WindowState, settings_path

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Windows: the profile's permissions")


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_settings_file_is_private_every_time_it_is_saved(
    qapp: QApplication, isolated_data_dir: Path
) -> None:
    state = WindowState()
    state.set_username("asouza")
    state.sync()
    path = Path(settings_path())
    assert path.parent == isolated_data_dir
    assert (mode(isolated_data_dir), mode(path)) == (0o700, 0o600)
    state.set_geometry(QByteArray(b"\x01\x02"))
    state.sync()  # saved again: a new file put in its place
    assert mode(path) == 0o600
    assert QSettings(str(path), QSettings.Format.IniFormat).value("session/username") == "asouza"
    assert sorted(p.name for p in isolated_data_dir.iterdir()) == [path.name]


def test_a_settings_file_left_readable_by_an_earlier_version_is_made_private(
    qapp: QApplication, isolated_data_dir: Path
) -> None:
    isolated_data_dir.mkdir()
    path = isolated_data_dir / SETTINGS_FILE
    path.write_text("[session]\nusername=asouza\n", encoding="utf-8")
    os.chmod(path, 0o644)
    assert WindowState().username() == "asouza"
    assert mode(path) == 0o600
