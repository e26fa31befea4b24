"""Output files: written whole or not at all, never over the database, a folder, a pipe, or (unless
forced) an existing file; a file whose audit fails never appears.

Only files in tmp_path; a FIFO stands for every non-regular file and is never opened (a reader would
block the test).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from botox_chart import output
from botox_chart.output import OutputRefused


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "live.sqlite3"
    path.write_bytes(b"SQLite format 3\x00 the clinic's records")
    return path


def leftovers(folder: Path) -> list[str]:
    """Temporary files left in a folder (they start with a dot)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_new_file_is_written_private_and_whole(tmp_path: Path) -> None:
    target = tmp_path / "note.pdf"
    assert output.write_bytes(target, b"%PDF-1.4 note") == target
    assert target.read_bytes() == b"%PDF-1.4 note"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def test_an_existing_file_is_left_unchanged_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "note.pdf"
    target.write_bytes(b"yesterday's letter")
    with pytest.raises(OutputRefused, match="already exists") as refused:
        output.write_bytes(target, b"new")
    assert refused.value.exists
    assert str(refused.value) == f"{target}: already exists; it was left unchanged."
    assert target.read_bytes() == b"yesterday's letter"
    output.write_bytes(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_name_is_refused(name: str, tmp_path: Path) -> None:
    with pytest.raises(OutputRefused, match="^No output file name was given"):
        output.write_bytes(name, b"x", force=True)


def test_a_folder_is_refused_even_forced(tmp_path: Path) -> None:
    (tmp_path / "letters").mkdir()
    with pytest.raises(OutputRefused, match="is a folder"):
        output.write_bytes(tmp_path / "letters", b"x", force=True)
    with pytest.raises(OutputRefused, match="name of a folder"):
        output.write_bytes(f"{tmp_path}/new-folder/", b"x", force=True)
    assert not (tmp_path / "new-folder").exists()


def test_a_folder_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "note.pdf"
    with pytest.raises(OutputRefused, match="does not exist"):
        output.write_bytes(target, b"x")
    assert not target.parent.exists()


def test_a_pipe_is_refused_even_forced_and_never_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    link = tmp_path / "link-to-pipe.pdf"
    link.symlink_to(fifo)
    for target in (fifo, link):
        with pytest.raises(OutputRefused, match="not a regular file"):
            output.write_bytes(target, b"x", force=True)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert leftovers(tmp_path) == []


def test_the_database_and_its_companions_are_refused_however_named(
    tmp_path: Path, database: Path
) -> None:
    before = database.read_bytes()
    (tmp_path / "x").mkdir()
    symlink = tmp_path / "innocent.pdf"
    symlink.symlink_to(database)
    hard_link = tmp_path / "hard.pdf"
    os.link(database, hard_link)
    targets = [
        database,
        tmp_path / "x" / ".." / "live.sqlite3",
        symlink,
        hard_link,
        tmp_path / "live.sqlite3-wal",  # not there yet: SQLite would read it as the log
        tmp_path / "live.sqlite3-shm",
        tmp_path / "live.sqlite3-journal",
    ]
    for target in targets:
        with pytest.raises(OutputRefused, match="that is the database"):
            output.write_bytes(target, b"%PDF", force=True, database=database)
    assert database.read_bytes() == before
    assert not (tmp_path / "live.sqlite3-wal").exists()
    assert leftovers(tmp_path) == []


def test_an_anchors_file_is_never_an_output(tmp_path: Path) -> None:
    with pytest.raises(OutputRefused, match="anchors file"):
        output.write_bytes(tmp_path / "live.sqlite3.anchors", b"x", force=True)


def test_the_file_appears_only_after_the_callback_succeeds(tmp_path: Path) -> None:
    target = tmp_path / "note.pdf"
    seen: list[bool] = []
    output.write_bytes(target, b"pdf", before_publish=lambda: seen.append(target.exists()))
    assert seen == [False]
    assert target.read_bytes() == b"pdf"


def test_a_failing_callback_leaves_no_file_and_the_old_one_unchanged(tmp_path: Path) -> None:
    def audit_fails() -> None:
        raise RuntimeError("audit log unavailable")

    target = tmp_path / "note.pdf"
    with pytest.raises(RuntimeError):
        output.write_bytes(target, b"pdf", before_publish=audit_fails)
    assert not target.exists()
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        output.write_bytes(target, b"pdf", force=True, before_publish=audit_fails)
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_file_that_appears_meanwhile_is_not_clobbered(tmp_path: Path) -> None:
    target = tmp_path / "note.pdf"
    with pytest.raises(OutputRefused, match="already exists"):
        output.write_bytes(target, b"ours", before_publish=lambda: target.write_bytes(b"theirs"))
    assert target.read_bytes() == b"theirs"
    assert leftovers(tmp_path) == []


def test_without_hard_links_an_existing_file_is_still_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(_source: object, _target: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "note.pdf"
    output.write_bytes(target, b"first")
    assert target.read_bytes() == b"first"
    with pytest.raises(OutputRefused, match="already exists"):
        output.write_bytes(target, b"second", before_publish=lambda: None)
    assert target.read_bytes() == b"first"
    assert leftovers(tmp_path) == []


def test_a_failed_write_names_the_file_asked_for(tmp_path: Path) -> None:
    def disk_full(_descriptor: int, _temporary: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    target = tmp_path / "note.pdf"
    with pytest.raises(OSError, match="No space left") as failed:
        output.write_with(target, disk_full)
    assert failed.value.filename == str(target)
    assert not target.exists()
    assert leftovers(tmp_path) == []
