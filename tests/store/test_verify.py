"""Attacks on the digest chain that a first version of ``verify`` missed (a reviewer's findings).

The attacker works from outside the app: raw SQL on the database file (tests/helpers/raw.py), and
the files beside it (the anchor file, the backups' companion files). Each attack is named by
``verify``, and where it touches one session, by the window's check of it (``session_problems``).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from botox_chart import paths
from botox_chart.store import (
    anchors,
    backup,
    chain,
    open_database,
    patients,
    records,
    sessions,
    transaction,
)
from botox_chart.store.engine import StorageError
from botox_chart.store.verify import Report, _walk_chain, session_problems, verify
from tests.helpers.attacks import event_id, raw, re_sign, replace_row
from tests.helpers.factories import make_clinician, make_patient, make_signed_session
from tests.helpers.raw import database_file


@pytest.fixture
def signed(engine: Engine) -> dict[str, int]:
    """Session ``first`` signed, then another patient added (an event naming no session) and
    their session ``later`` signed: ``later``'s signature is the newest event."""
    doctor = make_clinician(engine)
    first = make_signed_session(engine, make_patient(engine), doctor)
    later = make_signed_session(engine, make_patient(engine, family_name="Roy"), doctor)
    assert first.id and later.id and doctor.id
    return {"first": first.id, "later": later.id, "doctor": doctor.id}


def kinds(problems: list[Any]) -> set[tuple[str, int | None, int | None]]:
    return {(p.kind, p.session_id, p.event_id) for p in problems}


# -- 1. a rewritten signature event ----------------------------------------------------------


def test_a_re_signed_session_is_named_by_the_window_s_check_and_by_verify(
    engine: Engine, signed: dict[str, int]
) -> None:
    first = signed["first"]
    sign = event_id(engine, "sign", first)
    replace_row(engine, "treatment_session", first, lot_number="FAKE123", notes="TAMPERED")
    re_sign(engine, first)

    with engine.connect() as conn:
        problems = session_problems(conn, session_id=first)
        assert ("chain_broken", first, sign) in kinds(problems)
        assert session_problems(conn, session_id=signed["later"]) == []
    report = verify(engine)
    # The break is seen at the next event (the other patient's creation, naming no session) and
    # named at the rewritten one too.
    assert ("chain_broken", first, sign) in kinds(report.problems)
    assert ("chain_broken", None, sign + 1) in kinds(report.problems)
    assert not any(p.kind == "record_changed" for p in report.problems)  # consistent rewrite


def test_a_re_signed_newest_session_is_named_when_the_head_is_not_its_digest(
    engine: Engine, signed: dict[str, int]
) -> None:
    later = signed["later"]
    sign = event_id(engine, "sign", later)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT MAX(id) FROM audit_event")).scalar_one() == sign
    replace_row(engine, "treatment_session", later, lot_number="FAKE123")
    re_sign(engine, later)

    with engine.connect() as conn:
        assert ("chain_broken", later, sign) in kinds(session_problems(conn, session_id=later))
        assert session_problems(conn, session_id=signed["first"]) == []


# -- 2. what the note prints is covered --------------------------------------------------------


def test_patient_details_printed_on_the_note_are_covered(
    engine: Engine, signed: dict[str, int]
) -> None:
    first = signed["first"]
    with transaction(engine) as db:  # an audited correction through the app still verifies
        patient_id = sessions.get(db, session_id=first).patient_id
        found = patients.get(db, patient_id=patient_id)
        changed = patients.Patient(**{**found.model_dump(), "allergies": "Latex"})
        patients.update(db, patient_id=patient_id, changes=changed, clinician_id=signed["doctor"])
    assert verify(engine).ok
    for column, value in (
        ("allergies", "None known"),
        ("health_card", "0000-000-000"),
        ("referring_physician", "Dr Nobody"),
        ("referral_date", "2020-01-01"),
    ):
        with raw(engine) as conn:
            before = conn.execute(
                f"SELECT {column} FROM patient WHERE id = ?", (patient_id,)
            ).fetchone()[0]
            conn.execute(f"UPDATE patient SET {column} = ? WHERE id = ?", (value, patient_id))
        conn.close()
        found_kinds = [(p.kind, p.session_id) for p in verify(engine).problems]
        assert found_kinds == [("identity_changed", first)], column
        with raw(engine) as conn:
            conn.execute(f"UPDATE patient SET {column} = ? WHERE id = ?", (before, patient_id))
        conn.close()


def test_names_signed_on_a_session_are_in_its_digest(
    engine: Engine, signed: dict[str, int]
) -> None:
    """The note prints the names from the sign event: changing them there is named."""
    first = signed["first"]
    with engine.connect() as conn:
        people = records.signing_events(conn, [first])[first]["people"]
    assert people["signer"] == people["injector"] == "Dr Ana Souza, MD, FRCPC"
    assert people["supervisor"] is None
    target = event_id(engine, "sign", first)
    with raw(engine) as conn:
        values = dict(conn.execute("SELECT * FROM audit_event WHERE id = ?", (target,)).fetchone())
    conn.close()
    changes = json.loads(values["changes"])
    changes["people"]["signer"] = "Dr Evil Impostor"
    replace_row(engine, "audit_event", target, changes=json.dumps(changes))
    with engine.connect() as conn:
        assert {"event_changed", "record_changed"} <= {
            p.kind for p in session_problems(conn, session_id=first)
        }


# -- 3. anchors and backups --------------------------------------------------------------------


def test_a_deleted_or_emptied_anchor_file_is_a_problem(
    engine: Engine, signed: dict[str, int]
) -> None:
    path = anchors.path_for(engine)
    assert verify(engine).ok
    path.write_text("")
    assert [p.kind for p in verify(engine).problems] == ["anchors_missing"]
    path.unlink()
    report = verify(engine)
    assert [p.kind for p in report.problems] == ["anchors_missing"]
    assert report.as_json()["ok"] is False and report.as_json()["warnings"] == []


def test_a_new_database_without_events_needs_no_anchor_file(engine: Engine) -> None:
    assert not anchors.path_for(engine).exists()
    assert verify(engine).ok


@pytest.mark.parametrize("target", ["file", "devnull"])
def test_an_anchor_file_replaced_by_a_link_is_never_written_through(
    engine: Engine,
    signed: dict[str, int],
    tmp_path: Path,
    target: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = anchors.path_for(engine)
    elsewhere = tmp_path / "elsewhere.txt"
    before = path.read_text()
    elsewhere.write_text(before)
    path.unlink()
    path.symlink_to(elsewhere if target == "file" else Path(os.devnull))
    with caplog.at_level(logging.WARNING, logger=anchors.__name__):
        make_patient(engine, family_name="Gagnon")  # an audited action: anchored on commit
    assert path.is_symlink() and elsewhere.read_text() == before
    assert "not a regular file" in caplog.text and "Gagnon" not in caplog.text
    assert [p.kind for p in verify(engine).problems] == ["anchor_file_replaced"]


def test_anchors_are_never_appended_through_a_link(engine: Engine, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("")
    link = tmp_path / "x.anchors"
    link.symlink_to(elsewhere)
    anchors.append(link, event_id=1, digest="0" * 64)
    assert elsewhere.read_text() == ""
    plain = tmp_path / "y.anchors"
    anchors.append(plain, event_id=1, digest="0" * 64)
    assert [a.event_id for a in anchors.read(plain)[0]] == [1]


def test_an_anchor_file_missing_its_last_lines_is_a_warning(
    engine: Engine, signed: dict[str, int]
) -> None:
    path = anchors.path_for(engine)
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(lines[:-1]))
    report = verify(engine)
    assert report.ok
    (warning,) = report.as_json()["warnings"]
    assert "should be anchored" in warning


def test_verify_never_waits_on_a_pipe_put_in_place_of_a_file(
    engine: Engine, signed: dict[str, int]
) -> None:
    """A FIFO as the anchor file, or with a backup companion file's name: verify reads neither
    (opening a pipe would block it forever), and names the replaced anchor file."""
    path = anchors.path_for(engine)
    path.unlink()
    os.mkfifo(path)
    os.mkfifo(paths.backups_dir(database_file(engine)) / "botox-chart-20261102-100000.sqlite3.json")
    done: list[Report] = []
    worker = threading.Thread(target=lambda: done.append(verify(engine)), daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert done, "verify blocked on a pipe"
    assert [p.kind for p in done[0].problems] == ["anchor_file_replaced"]
    anchors.append(path, event_id=1, digest="0" * 64)  # returns: a pipe is never written


def rewrite_chain(engine: Engine, *, after: int) -> None:
    """Change an event and re-link every event after it, the chain's head and the anchor file:
    consistent everywhere but in the backups' companion files."""
    with raw(engine) as conn:
        conn.execute("DROP TRIGGER audit_event_no_update")
        conn.execute("UPDATE audit_event SET clinician_id = NULL WHERE id = ?", (after,))
        prev = chain.GENESIS
        lines = []
        for row in conn.execute("SELECT * FROM audit_event ORDER BY id").fetchall():
            values = dict(row)
            values["changes"] = json.loads(values["changes"])
            digest = chain.event_digest(values, prev)
            conn.execute(
                "UPDATE audit_event SET prev_digest = ?, digest = ? WHERE id = ?",
                (prev, digest, row["id"]),
            )
            lines.append(json.dumps({"event_id": row["id"], "digest": digest, "at": "x"}))
            prev = digest
        conn.execute("UPDATE audit_chain SET head = ?", (prev,))
    conn.close()
    anchors.path_for(engine).write_text("\n".join(lines) + "\n")


def test_a_rewritten_chain_is_caught_by_the_backups_companion_files(
    engine: Engine, signed: dict[str, int]
) -> None:
    made = backup.backup(engine)
    assert made.parent == paths.backups_dir(database_file(engine))
    head = backup.metadata(made)
    assert head is not None
    rewrite_chain(engine, after=event_id(engine, "sign", signed["first"]))
    report = verify(engine)
    assert kinds(report.problems) == {("backup_anchor_mismatch", None, head["head_event_id"])}
    assert backup.metadata_path(made).name in report.problems[0].detail


def test_a_cut_off_tail_is_caught_by_the_backups_companion_files(
    engine: Engine, signed: dict[str, int]
) -> None:
    made = backup.backup(engine)
    head = backup.metadata(made)
    assert head is not None
    later = event_id(engine, "sign", signed["later"])
    with raw(engine) as conn:
        conn.executescript(
            f"""DROP TRIGGER audit_event_no_delete;
            DELETE FROM audit_event WHERE id >= {later};
            UPDATE audit_chain SET head = (SELECT digest FROM audit_event ORDER BY id DESC LIMIT 1),
                events = (SELECT COUNT(*) FROM audit_event);"""
        )
    conn.close()
    path = anchors.path_for(engine)
    kept = [a for a in anchors.read(path)[0] if a.event_id < later]
    path.write_text("".join(f"{json.dumps(a.__dict__)}\n" for a in kept))
    found = kinds(verify(engine).problems)
    assert ("backup_anchor_mismatch", None, head["head_event_id"]) in found
    assert not any(kind.startswith("anchor") for kind, _s, _e in found)


def test_another_database_s_backups_are_not_compared(
    engine: Engine, signed: dict[str, int], tmp_path: Path
) -> None:
    other = open_database(str(tmp_path / "other.sqlite3"))
    make_signed_session(other, make_patient(other), make_clinician(other))
    # In the data folder's shared backups folder, where earlier versions put every database's
    # backups and where verify still reads companion files.
    shared = paths.private_folder(paths.shared_backups_dir())
    backup.backup(other, shared / "botox-chart-20261101-090000.sqlite3")
    other.dispose()
    assert len(list(shared.glob("*.json"))) == 1
    assert verify(engine).ok


def test_a_backup_verifies_against_its_companion_file(
    engine: Engine, signed: dict[str, int], tmp_path: Path
) -> None:
    made = backup.backup(engine, tmp_path / "copy.sqlite3")
    copy = open_database(str(made))
    try:
        assert verify(copy).ok  # no anchor file beside a backup: its companion file stands in
    finally:
        copy.dispose()


@pytest.mark.postgres
def test_a_server_database_without_anchors_here_is_a_warning(pg_url: str) -> None:
    engine = open_database(pg_url)
    try:
        make_signed_session(engine, make_patient(engine), make_clinician(engine))
        anchors.path_for(engine).unlink()
        document = verify(engine).as_json()
        assert document["ok"] is True and document["problems"] == []
        (warning,) = document["warnings"]
        assert "No anchors on this workstation" in warning
    finally:
        engine.dispose()


# -- 4. the stored digest after an audited correction ---------------------------------------


def test_the_stored_digest_is_checked_after_an_audited_identity_correction(
    engine: Engine, signed: dict[str, int]
) -> None:
    first = signed["first"]
    with transaction(engine) as db:
        patient_id = sessions.get(db, session_id=first).patient_id
        found = patients.get(db, patient_id=patient_id)
        changed = patients.Patient(**{**found.model_dump(), "given_names": "Marie-Ève"})
        patients.update(db, patient_id=patient_id, changes=changed, clinician_id=signed["doctor"])
    assert verify(engine).ok
    replace_row(engine, "treatment_session", first, record_digest="f" * 64)
    assert kinds(verify(engine).problems) == {
        ("digest_changed", first, event_id(engine, "sign", first))
    }


# -- 6. verify keeps the anchored events' digests only --------------------------------------


def test_the_walk_keeps_only_the_anchored_events_digests(
    engine: Engine, signed: dict[str, int]
) -> None:
    with engine.connect() as conn:
        walked = _walk_chain(conn, Report(), wanted={2, 5, 10_000})
    assert set(walked.digests) == {2, 5}
    assert walked.count >= 6


# -- 7. a missing chain head is a storage error ---------------------------------------------


def test_a_deleted_chain_head_is_a_storage_error_in_words(
    engine: Engine, signed: dict[str, int]
) -> None:
    with raw(engine) as conn:
        conn.execute("DELETE FROM audit_chain")
    conn.close()
    with pytest.raises(StorageError, match="audit trail's head is missing"):
        make_patient(engine, family_name="Gagnon")
