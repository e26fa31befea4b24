"""The whole-file integrity check runs once per change of the file (store.checked), and the
guarantee stays: damage written to the file after its check, by any means, is refused at the next
opening, and a backup checks the whole file whatever the record says.

The damage is done from outside, the way a failing disk or another program does it: 8 KB of noise
in the middle of the file, its modification time put back afterwards.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from botox_chart import cli, paths
from botox_chart.store import backup, checked, open_database
from botox_chart.store import engine as engine_module
from botox_chart.store.engine import DamagedDatabase
from tests.helpers import raw


@pytest.fixture
def clinic(tmp_path: Path, command_line_user: tuple[str, str]) -> Path:
    """A small clinic, checkpointed into one file, never checked yet."""
    return raw.demo_file(tmp_path / "clinic.sqlite3", patients=12, seed=3)


def damage(path: Path) -> None:
    """Noise in the middle of the file, the same size, its times put back as they were."""
    before = path.stat()
    with path.open("r+b") as f:
        f.seek(before.st_size // 2)
        f.write(random.Random(5).randbytes(8192))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def run(path: Path, *command: str) -> int:
    return cli.main([*command, "--db", str(path)])


def test_an_unchanged_file_is_checked_once_and_again_after_a_day(
    clinic: Path, full_checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(clinic, "sessions", "--json") == 0
    assert run(clinic, "sessions", "--json") == 0
    assert run(clinic, "due", "--json") == 0
    assert len(full_checks) == 1

    later = time.time() + checked.AT_LEAST_EVERY + 60
    monkeypatch.setattr(checked, "now", lambda: later)
    assert run(clinic, "sessions", "--json") == 0
    assert len(full_checks) == 2


def test_another_program_reading_the_file_meanwhile_is_not_a_change(
    clinic: Path, full_checks: list[Path]
) -> None:
    """A reader (another window's list, the SQLite shell) makes an empty -wal, which holds
    nothing: the file is not checked again for it."""
    assert run(clinic, "sessions") == 0
    reader = raw.connect(clinic)
    reader.execute("SELECT COUNT(*) FROM patient").fetchall()
    assert run(clinic, "sessions") == 0
    reader.close()
    assert run(clinic, "sessions") == 0
    assert full_checks == [clinic]


def test_what_the_app_wrote_itself_is_not_checked_again(
    clinic: Path, full_checks: list[Path], tmp_path: Path
) -> None:
    """A note is printed (its release is written to the audit trail), and the next command reads
    the file without checking it again: only the app wrote, through SQLite."""
    assert run(clinic, "note", "1", "-o", str(tmp_path / "note.pdf")) == 0
    with raw.connect(clinic) as conn:
        released = conn.execute("SELECT COUNT(*) FROM audit_event").fetchone()[0]
    conn.close()
    assert run(clinic, "note", "1", "-o", str(tmp_path / "again.pdf"), "--force") == 0
    with raw.connect(clinic) as conn:
        assert conn.execute("SELECT COUNT(*) FROM audit_event").fetchone()[0] > released
    conn.close()
    assert run(clinic, "sessions") == 0
    assert full_checks == [clinic]


def test_damage_after_the_check_is_refused_even_with_its_time_put_back(
    clinic: Path, full_checks: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(clinic, "sessions", "--json") == 0
    damage(clinic)
    capsys.readouterr()

    assert run(clinic, "sessions", "--json") == 1
    assert "is damaged" in capsys.readouterr().err
    assert len(full_checks) == 2


def test_a_write_by_another_connection_while_open_is_checked_at_the_next_opening(
    clinic: Path, full_checks: list[Path]
) -> None:
    engine = open_database(str(clinic))
    with engine.connect() as connection:
        connection.exec_driver_sql("SELECT COUNT(*) FROM patient").all()
    other = raw.connect(clinic)  # another program, with the key
    other.execute("CREATE TABLE scratch (x)")
    other.execute("DROP TABLE scratch")
    other.commit()
    other.close()
    checked.close(engine)

    open_database(str(clinic)).dispose()
    assert full_checks == [clinic, clinic]


def test_a_write_between_the_check_and_the_opening_is_checked_at_the_next_opening(
    clinic: Path, full_checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program commits just after the check passed, before the app's engine connects."""
    make_engine = engine_module.make_engine

    def then_another_program_writes(url: str, *, key: str | None = None) -> object:
        if key is not None:
            other = raw.connect(clinic)
            other.execute("CREATE TABLE scratch (x)")
            other.commit()
            other.close()
        return make_engine(url, key=key)

    monkeypatch.setattr(engine_module, "make_engine", then_another_program_writes)
    checked.close(open_database(str(clinic)))
    monkeypatch.setattr(engine_module, "make_engine", make_engine)

    open_database(str(clinic)).dispose()
    assert full_checks == [clinic, clinic]


def test_a_process_killed_before_closing_leaves_the_next_opening_to_check(
    clinic: Path, full_checks: list[Path]
) -> None:
    """The command line is killed after writing (no close): its writes were never vouched for."""
    assert run(clinic, "sessions") == 0
    script = (
        "import os, sys\n"
        "from botox_chart.store import open_database\n"
        "engine = open_database(sys.argv[1])\n"
        "with engine.begin() as c:\n"
        "    c.exec_driver_sql('CREATE TABLE scratch (x)')\n"
        "os._exit(9)\n"
    )
    killed = subprocess.run([sys.executable, "-c", script, str(clinic)], check=False)
    assert killed.returncode == 9

    open_database(str(clinic)).dispose()
    assert full_checks == [clinic, clinic]


def moved_into_place(damaged: Path, database: Path) -> None:
    os.replace(damaged, database)


def copied_over_in_place(damaged: Path, database: Path) -> None:
    """As cp or a sync client does: the same inode, so SQLite sees no commit and the identity
    guard sees the same file."""
    inode = database.stat().st_ino
    with database.open("r+b") as f:
        f.write(damaged.read_bytes())
    assert database.stat().st_ino == inode


@pytest.mark.parametrize("put_in_place", [moved_into_place, copied_over_in_place])
def test_a_damaged_file_put_in_the_databases_place_while_open_is_checked(
    clinic: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    put_in_place: Callable[[Path, Path], None],
) -> None:
    engine = open_database(str(clinic))
    with engine.connect() as connection:
        connection.exec_driver_sql("SELECT COUNT(*) FROM patient").all()
    other = tmp_path / "other.sqlite3"
    shutil.copyfile(clinic, other)
    damage(other)
    put_in_place(other, clinic)
    checked.close(engine)
    capsys.readouterr()

    assert run(clinic, "sessions") == 1
    assert "is damaged" in capsys.readouterr().err


def test_damage_just_after_the_record_was_read_is_checked(
    clinic: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(clinic, "sessions") == 0
    last_check = checked.last_check

    def then_damaged(path: Path) -> object:
        found = last_check(path)
        damage(path)
        return found

    monkeypatch.setattr(checked, "last_check", then_damaged)
    capsys.readouterr()
    assert run(clinic, "sessions") == 1
    assert "is damaged" in capsys.readouterr().err


def test_no_cache_folder_costs_a_check_not_the_command(
    clinic: Path, isolated_data_dir: Path, full_checks: list[Path]
) -> None:
    """A file where the data folder should be (a damaged profile), so no cache folder can be
    made: every command still runs, each checking the whole file."""
    isolated_data_dir.parent.mkdir(parents=True, exist_ok=True)
    isolated_data_dir.write_text("not a folder")
    assert run(clinic, "sessions") == 0
    assert run(clinic, "sessions") == 0
    assert full_checks == [clinic, clinic]


def test_a_migration_checks_the_whole_file_whatever_the_record_says(
    clinic: Path, full_checks: list[Path]
) -> None:
    """An upgrade copies the file aside and writes to it: never on the record's word alone."""
    from alembic import command

    from botox_chart.store import migrate

    engine = open_database(str(clinic))
    command.downgrade(migrate.config(engine), "0011")
    checked.close(engine)
    before = len(full_checks)
    checked.remember(clinic, checked.state(clinic))  # as if the downgraded file had passed

    open_database(str(clinic)).dispose()
    assert len(full_checks) == before + 1


def forge_record(path: Path, *, mode: int) -> Path:
    """A record saying the file as it is now passed its check a minute ago."""
    checked.remember(path, checked.state(path), checked_at=time.time() - 60)
    [record] = paths.cache_dir().glob("checked-*.json")
    record.chmod(mode)
    return record


def test_a_record_others_could_write_is_ignored(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(clinic)
    record = forge_record(clinic, mode=0o666)
    assert json.loads(record.read_text())["state"]

    assert run(clinic, "sessions") == 1
    assert "is damaged" in capsys.readouterr().err


def test_a_backup_checks_the_whole_file_whatever_the_record_says(
    clinic: Path, tmp_path: Path
) -> None:
    """Even a record the app trusts (the user's own, 0600) does not let damage into a backup."""
    damage(clinic)
    forge_record(clinic, mode=0o600)
    engine = open_database(str(clinic))  # the opening trusts the record...
    try:
        with pytest.raises(DamagedDatabase):
            backup.backup(engine, tmp_path / "copy.sqlite3")  # ...the backup does not
    finally:
        engine.dispose()
    assert not (tmp_path / "copy.sqlite3").exists()
