"""Private files (issue 10): under a usual umask (022) every folder the app makes is 0700 and every
file it writes is 0600, on POSIX: the database, its -wal and -shm, anchors, backups and their
companion files, copies before an upgrade or a restore, exported notes. Checked with ``stat`` on
what the real flows leave behind. (The window's settings file: tests/ui/test_window_state.py.)"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from botox_chart import paths
from botox_chart.cli import main
from botox_chart.store import anchors, backup, clinicians, open_database, transaction
from botox_chart.store.engine import make_engine
from botox_chart.store.models import Clinician, Role
from tests.helpers.factories import make_patient, make_signed_session

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Windows: the profile's permissions")

USER = "asouza"
PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most systems start users with: without the app's care, files come out 0644."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def assert_private(*roots: Path) -> list[Path]:
    """Every folder under each root 0700 and every file 0600; returns the files seen."""
    files: list[Path] = []
    for root in roots:
        for path in [root, *sorted(root.rglob("*"))]:
            if path.is_dir():
                assert mode(path) == 0o700, f"{path} is {oct(mode(path))}"
            else:
                assert mode(path) == 0o600, f"{path} is {oct(mode(path))}"
                files.append(path)
    return files


def administrator(engine: Engine) -> Clinician:
    """A physician who administers, with a password (the command line signs in as them)."""
    with transaction(engine) as db:
        return clinicians.add(
            db,
            name="Dr Ana Souza",
            credentials="MD",
            role=Role.PHYSICIAN,
            username=USER,
            password=PASSWORD,
            is_admin=True,
            by=None,  # the first administrator of a new database
        )


def signed_session(engine: Engine) -> int:
    session = make_signed_session(engine, make_patient(engine), administrator(engine))
    assert session.id is not None
    return session.id


def test_the_data_folder_the_database_its_wal_shm_and_anchors_are_private(
    isolated_data_dir: Path,
) -> None:
    engine = open_database()  # the default database, in a data folder made on first use
    signed_session(engine)
    database = paths.default_database_path()
    companions = [database.with_name(database.name + s) for s in ("-wal", "-shm")]
    assert all(path.exists() for path in companions)  # the engine still holds a connection
    assert anchors.path_for(engine).exists()
    assert set(assert_private(isolated_data_dir)) == {
        database,
        *companions,
        anchors.path_for(engine),
    }
    engine.dispose()


def test_backups_restores_and_their_companion_files_are_private(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    engine = open_database()
    signed_session(engine)
    made = backup.auto_backup(engine)
    assert made is not None
    asked = backup.backup(engine)  # on demand, into the backups folder
    own = tmp_path / "own-folder"
    own.mkdir()
    copy = backup.backup(engine, own / "copy.sqlite3")
    safety = backup.restore(engine, made)
    restored = open_database()  # charting goes on in the restored database
    make_patient(restored)
    restored.dispose()
    files = assert_private(isolated_data_dir)
    for path in (made, asked, safety):
        assert path in files and backup.metadata_path(path) in files
    assert safety.with_name(safety.name + anchors.SUFFIX) in files  # the replaced one's anchors
    assert mode(copy) == mode(backup.metadata_path(copy)) == 0o600
    assert mode(own) == 0o755  # the user's own folder keeps what they gave it


def test_a_database_copied_before_an_upgrade_and_a_first_release_folder_are_private(
    isolated_data_dir: Path,
) -> None:
    """A first release left a 0755 data folder and a plain 0644 database: the app closes them,
    and encrypting them keeps them private."""
    from botox_chart.store import encryption, migrate

    isolated_data_dir.mkdir(mode=0o755)
    database = isolated_data_dir / "botox-chart.sqlite3"  # not paths': it tightens the folder
    old = make_engine(f"sqlite:///{database}")
    migrate.upgrade(old, "0001")
    old.dispose()
    assert (mode(isolated_data_dir), mode(database)) == (0o755, 0o644)
    engine = open_database()
    (copy,) = paths.backups_dir(database).glob("*-before-upgrade-0001-*")
    with engine.connect() as connection:
        connection.execute(sa.text("SELECT 1"))
        files = assert_private(isolated_data_dir)
    assert {database, copy} <= set(files)
    # Encrypted (item 1): each file is replaced by an encrypted one, private too.
    assert copy in encryption.encrypt(engine).backups
    assert {database, copy} <= set(assert_private(isolated_data_dir))


def test_a_database_elsewhere_is_private_and_only_the_folders_made_for_it_change(
    tmp_path: Path,
) -> None:
    existing = tmp_path / "clinic"
    existing.mkdir()
    made = existing / "new" / "deeper"
    engine = open_database(str(made / "clinic.sqlite3"))
    signed_session(engine)
    assert mode(existing) == 0o755  # the user's folder: never changed
    files = assert_private(existing / "new")
    assert {path.name for path in files} == {
        "clinic.sqlite3",
        "clinic.sqlite3-wal",
        "clinic.sqlite3-shm",
        "clinic.sqlite3.anchors",
    }
    engine.dispose()
    beside = open_database(str(existing / "beside.sqlite3"))
    assert mode(existing / "beside.sqlite3") == 0o600
    beside.dispose()
    assert mode(existing) == 0o755


def test_the_backups_folder_beside_a_database_elsewhere_is_private(tmp_path: Path) -> None:
    """``--db`` in the user's own (0755) folder: its ``backups/<name>/`` folder is made 0700, the
    backups in it 0600, and the user's folder keeps its mode."""
    existing = tmp_path / "clinic"
    existing.mkdir()
    engine = open_database(str(existing / "demo.sqlite3"))
    signed_session(engine)
    daily = backup.auto_backup(engine)
    asked = backup.backup(engine)
    engine.dispose()
    files = assert_private(existing / "backups")
    assert {daily, asked} <= set(files) and daily.parent == existing / "backups" / "demo.sqlite3"
    assert mode(existing) == 0o755


def test_notes_and_backups_written_from_the_command_line_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = open_database()
    session_id = signed_session(engine)
    engine.dispose()
    monkeypatch.setenv("BOTOX_CHART_USER", USER)  # once the command line signs in (item 3)
    monkeypatch.setenv("BOTOX_CHART_PASSWORD", PASSWORD)
    note, copy = tmp_path / "note.pdf", tmp_path / "copy.sqlite3"
    assert main(["note", str(session_id), "-o", str(note)]) == 0
    assert main(["backup", "-o", str(copy)]) == 0
    assert main(["note", str(session_id), "-o", str(note), "--force"]) == 0  # replaced: still
    capsys.readouterr()
    for path in (note, copy, backup.metadata_path(copy)):
        assert mode(path) == 0o600, path


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_private_folders_and_files_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    os.umask(umask)
    folder = paths.private_folder(tmp_path / "a" / "b")
    assert (mode(tmp_path / "a"), mode(folder)) == (0o700, 0o700)
    file = paths.private_file(folder / "f")
    assert mode(file) == 0o600 and file.read_bytes() == b""


def test_only_the_apps_own_folders_and_files_are_tightened(tmp_path: Path) -> None:
    users, ours = tmp_path / "users", tmp_path / "ours"
    for folder in (users, ours):
        folder.mkdir(mode=0o755)
        (folder / "f").write_bytes(b"kept")
    paths.private_folder(users, tighten=False)
    paths.private_file(users / "f")
    assert (mode(users), mode(users / "f")) == (0o755, 0o644)
    paths.private_folder(ours)
    paths.private_file(ours / "f", tighten=True)
    assert (mode(ours), mode(ours / "f")) == (0o700, 0o600)
    assert (ours / "f").read_bytes() == b"kept"


def test_the_data_folder_is_tightened_whenever_it_is_asked_for(isolated_data_dir: Path) -> None:
    isolated_data_dir.mkdir(mode=0o755)
    (isolated_data_dir / "backups").mkdir(mode=0o777)
    os.chmod(isolated_data_dir / "backups", 0o777)
    database = isolated_data_dir / "botox-chart.sqlite3"
    assert paths.backups_dir(database) == isolated_data_dir / "backups" / "botox-chart.sqlite3"
    assert (mode(isolated_data_dir), mode(isolated_data_dir / "backups")) == (0o700, 0o700)
    assert paths.in_data_folder(isolated_data_dir / "botox-chart.sqlite3")
    assert not paths.in_data_folder(isolated_data_dir.parent / "elsewhere.sqlite3")
