"""Backups: consistent copies while the app runs, rotation, and restore round trips."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from botox_chart import paths
from botox_chart.cli import main
from botox_chart.output import OutputRefused
from botox_chart.store import StorageError, backup, migrate, open_database, patients, transaction
from tests.helpers import raw
from tests.helpers.factories import make_clinician, make_patient, make_signed_session


def names(engine: Engine) -> list[str]:
    with transaction(engine) as db:
        return [p.display_name for p in patients.summaries(db)]


def test_backup_while_a_transaction_is_open_is_consistent(engine: Engine, tmp_path: Path) -> None:
    make_patient(engine, family_name="Before")
    busy = raw.connect(engine.url.database)  # another program mid-write
    busy.execute("BEGIN IMMEDIATE")
    busy.execute(
        "INSERT INTO patient (family_name, given_names, date_of_birth, chart_number, health_card, "
        "referring_physician, allergies, search_key, created_at) "
        "VALUES ('Uncommitted', 'X', '1970-01-01', 'U1', '', '', '', '', '2026-01-01')"
    )
    copy = backup.backup(engine, tmp_path / "copy.sqlite3")
    busy.rollback()
    busy.close()
    info = backup.inspect(copy)
    assert (info.patients, info.revision) == (1, migrate.head_revision())
    assert names(open_database(str(copy))) == ["Before, Marie"]


def test_backup_never_overwrites_a_file_unless_forced(engine: Engine, tmp_path: Path) -> None:
    make_patient(engine, family_name="Copied")
    target = tmp_path / "exists.sqlite3"
    target.write_bytes(b"keep me")
    with pytest.raises(OutputRefused, match="already exists"):
        backup.backup(engine, target)
    assert target.read_bytes() == b"keep me"
    assert backup.backup(engine, target, force=True) == target
    assert names(open_database(str(target))) == ["Copied, Marie"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no leftovers


def test_backup_never_writes_over_the_database_even_forced(engine: Engine) -> None:
    make_patient(engine, family_name="Safe")
    database = Path(str(engine.url.database))
    before = database.read_bytes()
    (database.parent / "sub").mkdir()
    sneaky = database.parent / "sub" / ".." / database.name
    for target in (database, sneaky, database.with_name(database.name + "-wal")):
        with pytest.raises(OutputRefused, match="database"):
            backup.backup(engine, target, force=True)
    assert database.read_bytes() == before
    assert names(engine) == ["Safe, Marie"]


def test_backup_refuses_a_pipe_and_a_folder_even_forced(engine: Engine, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # never opened: a reader would block the test
    with pytest.raises(OutputRefused, match="not a regular file"):
        backup.backup(engine, fifo, force=True)
    with pytest.raises(OutputRefused, match="is a folder"):
        backup.backup(engine, tmp_path, force=True)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


def test_automatic_backups_are_daily_and_rotate(engine: Engine) -> None:
    now = datetime.now()
    made = []
    for day in range(5):
        path = backup.auto_backup(engine, keep=3, now=now + timedelta(days=day))
        assert path is not None
        stamp = (now + timedelta(days=day)).timestamp()
        os.utime(path, (stamp, stamp))
        made.append(path)
        assert backup.auto_backup(engine, keep=3, now=now + timedelta(days=day, hours=1)) is None
    assert backup.automatic_backups(raw.database_file(engine)) == made[-3:]


@pytest.mark.usefixtures("cli_admin")
def test_restore_round_trip_keeps_the_replaced_data(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doctor = make_clinician(engine)
    make_signed_session(engine, make_patient(engine, family_name="Kept"), doctor)
    db = engine.url.database
    assert main(["backup", "-o", str(tmp_path / "b.sqlite3"), "--db", db]) == 0
    make_patient(engine, family_name="Later")
    assert names(engine) == ["Kept, Marie", "Later, Marie"]

    assert main(["restore", str(tmp_path / "b.sqlite3"), "--db", db]) == 1  # no terminal
    assert "needs confirmation" in capsys.readouterr().err
    assert main(["restore", str(tmp_path / "b.sqlite3"), "--yes", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "holds 1 patients and 1 sessions" in out
    assert names(open_database(db)) == ["Kept, Marie"]
    (safety,) = paths.backups_dir(Path(db)).glob("before-restore-*.sqlite3")
    assert names(open_database(str(safety))) == ["Kept, Marie", "Later, Marie"]


def test_restore_refuses_what_is_not_a_backup(engine: Engine, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    make_patient(engine, family_name="Safe")
    with pytest.raises(StorageError, match="not a botox-chart backup"):
        backup.restore(engine, junk)
    other = tmp_path / "other.sqlite3"
    raw.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StorageError, match="not a botox-chart backup"):
        backup.restore(engine, other)
    assert names(engine) == ["Safe, Marie"]


def test_postgresql_is_backed_up_with_its_own_tools(pg_url: str) -> None:
    engine = open_database(pg_url)
    with pytest.raises(StorageError, match="pg_dump"):
        backup.backup(engine)
    assert backup.auto_backup(engine) is None  # no file, no backups folder: pg_dump's job
    engine.dispose()


def test_each_database_has_its_own_daily_backups_and_rotation(tmp_path: Path) -> None:
    """A second database opened the same day is backed up too, and rotating one database's
    backups never deletes another's."""
    # The same name with another extension is another database: it keeps apart too.
    files = {"clinic": "clinic.sqlite3", "demo": "clinic.db"}
    clinic, demo = (open_database(str(tmp_path / files[name])) for name in ("clinic", "demo"))
    make_patient(clinic)
    now = datetime.now()
    made: dict[str, list[Path]] = {"clinic": [], "demo": []}
    for day in range(3):
        when = now + timedelta(days=day)
        for name, engine in (("clinic", clinic), ("demo", demo)):
            path = backup.auto_backup(engine, keep=2, now=when)
            assert path is not None, f"{name} skipped on day {day}"
            os.utime(path, (when.timestamp(), when.timestamp()))
            made[name].append(path)
    for name, engine in (("clinic", clinic), ("demo", demo)):
        folder = tmp_path / "backups" / files[name]
        assert backup.automatic_backups(raw.database_file(engine)) == made[name][-2:]
        assert sorted(folder.glob("auto-*.sqlite3")) == made[name][-2:]
        engine.dispose()
    assert backup.inspect(made["clinic"][-1]).patients == 1
    assert backup.inspect(made["demo"][-1]).patients == 0


@pytest.mark.usefixtures("cli_admin")
def test_backup_from_the_command_line_goes_beside_its_database(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_patient(engine, family_name="Kept")
    assert main(["backup", "--db", str(tmp_path / "test.db")]) == 0
    (made,) = (tmp_path / "backups" / "test.db").glob("botox-chart-*.sqlite3")
    assert f"Backed up to {made}" in capsys.readouterr().out
    assert backup.inspect(made).patients == 1
    assert not (tmp_path / "data" / "backups").exists()


def test_backups_in_the_shared_folder_of_earlier_versions_are_kept_and_restorable(
    engine: Engine,
) -> None:
    """Earlier versions put every database's backups in the data folder's ``backups`` folder:
    the rotation never deletes them, and restore takes them as it takes any file."""
    make_patient(engine, family_name="Before")
    shared = paths.private_folder(paths.shared_backups_dir())
    earlier = backup.backup(engine, shared / "auto-20260101-090000.sqlite3")
    os.utime(earlier, (0, 0))
    make_patient(engine, family_name="After")
    now = datetime.now()
    for day in range(3):
        when = now + timedelta(days=day)
        made = backup.auto_backup(engine, keep=1, now=when)
        assert made is not None
        os.utime(made, (when.timestamp(), when.timestamp()))
    assert earlier.exists() and backup.metadata_path(earlier).exists()
    safety = backup.restore(engine, earlier)
    assert safety.parent == paths.backups_dir(raw.database_file(engine))
    assert names(open_database(str(raw.database_file(engine)))) == ["Before, Marie"]


def test_each_backup_keeps_the_chain_head_and_its_check_beside_it(
    engine: Engine, tmp_path: Path
) -> None:
    make_signed_session(engine, make_patient(engine), make_clinician(engine))
    target = backup.backup(engine, tmp_path / "b.sqlite3")
    found = backup.metadata(target)
    assert found is not None and found["integrity"] == "ok"
    with engine.connect() as conn:
        head = conn.exec_driver_sql(
            "SELECT id, digest FROM audit_event ORDER BY id DESC LIMIT 1"
        ).one()
    assert (found["head_event_id"], found["head_digest"]) == tuple(head)
    assert stat.S_IMODE(backup.metadata_path(target).stat().st_mode) == 0o600


def test_a_backup_changed_after_it_was_made_is_never_restored(
    engine: Engine, tmp_path: Path
) -> None:
    make_signed_session(engine, make_patient(engine, family_name="Kept"), make_clinician(engine))
    target = backup.backup(engine, tmp_path / "b.sqlite3")
    with raw.connect(target) as conn:  # the last audit events cut off, by hand
        conn.executescript(
            "DROP TRIGGER audit_event_no_delete; "
            "DELETE FROM audit_event WHERE id = (SELECT MAX(id) FROM audit_event);"
        )
    conn.close()
    make_patient(engine, family_name="Later")
    with pytest.raises(StorageError, match="changed after it was made"):
        backup.restore(engine, target)
    assert names(engine) == ["Kept, Marie", "Later, Marie"]


def test_rotation_keeps_the_newest_backup_that_passed_its_check(engine: Engine) -> None:
    now = datetime.now()
    sound = backup.auto_backup(engine, keep=2, now=now)
    assert sound is not None
    os.utime(sound, (now.timestamp(), now.timestamp()))
    later = []
    for day in (1, 2, 3):  # newer copies whose companion file says their check failed
        path = paths.backups_dir(raw.database_file(engine)) / f"auto-2099010{day}-000000.sqlite3"
        path.write_bytes(b"damaged copy")
        backup.metadata_path(path).write_text('{"integrity": "*** in database main ***"}')
        later.append(path)
    backup._rotate(raw.database_file(engine), 2)
    assert backup.automatic_backups(raw.database_file(engine)) == [sound, *later[-2:]]


def test_a_restore_is_audited_gives_a_new_identity_and_still_verifies(
    engine: Engine, tmp_path: Path
) -> None:
    from botox_chart.store import anchors, audit, identity
    from botox_chart.store.verify import verify

    make_signed_session(engine, make_patient(engine, family_name="Kept"), make_clinician(engine))
    target = backup.backup(engine, tmp_path / "b.sqlite3")
    make_signed_session(engine, make_patient(engine, family_name="Lost"), make_clinician(engine))
    with engine.connect() as conn:
        before = identity.read(conn)
    db = engine.url.database
    assert db is not None

    safety = backup.restore(engine, target)

    restored = open_database(db)
    with transaction(restored) as session:
        assert audit.events(session)[-1].action == "restore"
    with restored.connect() as conn:
        assert identity.read(conn) not in (None, before)
    assert verify(restored).ok, verify(restored).problems
    # The replaced database's anchors went with its safety copy, and still verify it.
    assert safety.with_name(safety.name + anchors.SUFFIX).exists()
    restored.dispose()


@pytest.mark.usefixtures("cli_admin")
def test_an_engine_open_before_a_restore_can_no_longer_write(
    engine: Engine, tmp_path: Path
) -> None:
    """A window open during `botox-chart restore` (another process) writes nothing afterwards."""
    from botox_chart.store.identity import DatabaseReplaced

    make_patient(engine, family_name="Kept")
    target = backup.backup(engine, tmp_path / "b.sqlite3")
    db = engine.url.database
    assert db is not None
    assert main(["restore", str(target), "--yes", "--db", db]) == 0
    with pytest.raises(DatabaseReplaced, match="was replaced"):
        make_patient(engine, family_name="Stale window")
    assert names(open_database(db)) == ["Kept, Marie"]


def test_a_backup_copied_over_the_live_file_by_hand_is_noticed(
    engine: Engine, tmp_path: Path
) -> None:
    """Not through restore: someone copies a backup onto the database (same file, same inode)."""
    import shutil

    from botox_chart.store.identity import DatabaseReplaced

    make_patient(engine, family_name="Kept")
    copy = backup.backup(engine, tmp_path / "b.sqlite3")
    make_patient(engine, family_name="Later")
    db = engine.url.database
    assert db is not None
    with engine.connect():  # the open window holds a connection
        pass
    engine.pool.dispose()  # its next connection opens the file again
    shutil.copyfile(copy, db)
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with pytest.raises(DatabaseReplaced):
        make_patient(engine, family_name="Stale window")
