"""Damage is caught, never spread: a database damaged in the middle, or another program's file.

Each command is run the way a user runs it (``cli.main``), on a file damaged the way a failing
disk damages one (8 KB of random bytes at its midpoint); the file's bytes, and the backups
already made, are compared before and after.
"""

from __future__ import annotations

import hashlib
import os
import random
from pathlib import Path

import pytest

from botox_chart import cli, paths
from botox_chart.store import backup, open_database
from botox_chart.store.engine import DamagedDatabase, StorageError
from tests.helpers import raw


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A demo database (checkpointed into one file) with 8 KB of noise at its midpoint."""
    path = raw.demo_file(tmp_path / "clinic.sqlite3", patients=60, seed=2)
    size = path.stat().st_size
    noise = random.Random(9).randbytes(8192)
    with path.open("r+b") as f:
        f.seek(size // 2)
        f.write(noise)
    return path


COMMANDS = [
    ["sessions"],
    ["sessions", "--json"],
    ["note", "1", "-o", "{out}/note.pdf"],
    ["record", "1", "-o", "{out}/record.pdf"],
    ["backup", "-o", "{out}/copy.sqlite3"],
    ["verify"],
    ["demo-data", "--patients", "2"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_every_command_refuses_a_damaged_database_and_changes_nothing(
    damaged: Path, tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    good = paths.backups_dir(damaged) / "auto-20261101-090000.sqlite3"
    good.write_bytes(b"a backup made before the damage")
    before = digest(damaged), digest(good)
    argv = [part.format(out=out) for part in command] + ["--db", str(damaged)]

    assert cli.main(argv) == 1

    err = capsys.readouterr().err
    assert "is damaged" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert (digest(damaged), digest(good)) == before
    assert list(out.iterdir()) == []
    assert sorted(paths.backups_dir(damaged).iterdir()) == [good]


def test_the_daily_backup_never_copies_damage_over_good_backups(damaged: Path) -> None:
    """The check runs before the copy: after a damaged day, every good backup is still there."""
    folder = paths.backups_dir(damaged)
    good = []
    for day in range(1, 15):
        path = folder / f"auto-202611{day:02d}-090000.sqlite3"
        path.write_bytes(b"good")
        os.utime(path, (0, 0))
        good.append(path)
    engine = open_database(str(damaged), check=False)
    with pytest.raises(DamagedDatabase):
        backup.auto_backup(engine, keep=14)
    engine.dispose()
    assert sorted(folder.iterdir()) == good


def test_another_program_s_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    with raw.connect(path) as conn:
        conn.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO contact (name) VALUES ('Someone')")
    conn.close()
    before = digest(path)
    with pytest.raises(StorageError, match="another program's database"):
        open_database(str(path))
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db"]
    assert cli.main(["sessions", "--db", str(path)]) == 1
    assert digest(path) == before


@pytest.mark.parametrize(
    "schema",
    [
        ["CREATE TABLE patient (id INTEGER PRIMARY KEY, name TEXT)"],  # a name we also use
        [  # another program's Alembic-managed database
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)",
            "INSERT INTO alembic_version VALUES ('a1b2c3d4')",
            "CREATE TABLE invoice (id INTEGER PRIMARY KEY)",
        ],
    ],
    ids=["patient-table", "alembic"],
)
def test_a_foreign_database_that_looks_like_ours_is_refused_untouched(
    tmp_path: Path, schema: list[str]
) -> None:
    path = tmp_path / "other.db"
    connection = raw.connect(path)
    for statement in schema:
        connection.execute(statement)
    connection.commit()
    connection.close()
    before = digest(path)
    with pytest.raises(StorageError, match="another program's database"):
        open_database(str(path))
    assert digest(path) == before  # not even switched to WAL mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]
