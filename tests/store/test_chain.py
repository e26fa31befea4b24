"""Records that prove themselves: tampering from outside the app is refused or named by verify.

The attacker here is a second connection with raw SQL (sqlite3 module or SQLAlchemy text), not
our store functions: what a person with the database file and a SQL shell can do.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from botox_chart import cli
from botox_chart.store import (
    anchors,
    chain,
    cipher,
    demo,
    migrate,
    open_database,
    sessions,
    transaction,
)
from botox_chart.store.engine import make_engine, sqlite_path
from botox_chart.store.verify import Report, verify
from tests.helpers import raw as raw_file
from tests.helpers.factories import make_clinician, make_patient, make_signed_session
from tests.helpers.first_release import FIRST_RELEASE_ROWS


@pytest.fixture
def signed(engine: Engine) -> dict[str, int]:
    """A signed session with an addendum, and a second patient's signed session after it."""
    doctor = make_clinician(engine)
    first = make_signed_session(engine, make_patient(engine), doctor)
    with transaction(engine) as db:
        addendum = sessions.add_addendum(
            db, session_id=first.id, author_id=doctor.id, text="Called: mild neck pain."
        )
    second = make_signed_session(engine, make_patient(engine, family_name="Roy"), doctor)
    assert first.id and second.id and addendum.id
    return {"session": first.id, "addendum": addendum.id, "later": second.id}


def raw(engine: Engine) -> Any:
    """The attacker's connection: the file and its key, none of the app's settings."""
    path = sqlite_path(engine)
    assert path is not None
    return raw_file.connect(path)


def kinds(report: Report) -> set[tuple[str, int | None, int | None]]:
    return {(p.kind, p.session_id, p.event_id) for p in report.problems}


def event_id(engine: Engine, action: str, session_id: int) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                sa.text("SELECT id FROM audit_event WHERE action = :a AND session_id = :s"),
                {"a": action, "s": session_id},
            ).scalar_one()
        )


def test_a_clean_database_verifies_clean(engine: Engine, signed: dict[str, int]) -> None:
    report = verify(engine)
    assert report.ok, report.problems
    assert report.sessions_checked == 2
    assert report.events_checked >= 6


@pytest.mark.usefixtures("cli_admin")
def test_a_signed_session_rewritten_with_replace_is_named(
    engine: Engine, signed: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    sid = signed["session"]
    with raw(engine) as conn:
        conn.executescript(
            f"""CREATE TEMP TABLE t AS SELECT * FROM treatment_session WHERE id = {sid};
            UPDATE t SET notes = 'TAMPERED', lot_number = 'FAKE123';
            INSERT OR REPLACE INTO treatment_session SELECT * FROM t;"""
        )
    conn.close()
    report = verify(engine)
    assert ("record_changed", sid, event_id(engine, "sign", sid)) in kinds(report)
    assert all(p.session_id == sid for p in report.problems)

    url = str(sqlite_path(engine))
    assert cli.main(["verify", "--json", "--db", url]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["ok"] is False and document["sessions_checked"] == 2
    assert {"kind", "session_id", "event_id", "detail"} <= set(document["problems"][0])
    assert cli.main(["verify", "--db", url]) == 1
    out = capsys.readouterr().out
    assert f"Session {sid} no longer matches what was signed" in out


def test_replace_through_the_app_s_own_connection_is_refused(
    engine: Engine, signed: dict[str, int]
) -> None:
    """recursive_triggers: the delete inside REPLACE fires the signed-is-final trigger."""
    with pytest.raises(sa.exc.DBAPIError, match="signed session is final"):
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT OR REPLACE INTO treatment_session SELECT * FROM treatment_session "
                f"WHERE id = {signed['session']}"
            )
    assert verify(engine).ok


def test_a_draft_set_to_signed_by_sql_is_named(engine: Engine) -> None:
    patient = make_patient(engine)
    doctor = make_clinician(engine)
    with transaction(engine) as db:
        draft = sessions.create_draft(db, patient_id=patient.id, injector_id=doctor.id)
    with raw(engine) as conn:
        conn.execute(
            "UPDATE treatment_session SET status = 'signed', signed_by_id = ?, "
            "signed_at = '2026-11-02 10:00:00', record_digest = ? WHERE id = ?",
            (doctor.id, "f" * 64, draft.id),
        )
    conn.close()
    report = verify(engine)
    assert [(p.kind, p.session_id) for p in report.problems] == [("signed_outside_app", draft.id)]


def test_a_rewritten_audit_event_is_named(engine: Engine, signed: dict[str, int]) -> None:
    target = event_id(engine, "sign", signed["session"])
    with raw(engine) as conn:
        conn.executescript(
            f"""CREATE TEMP TABLE e AS SELECT * FROM audit_event WHERE id = {target};
            UPDATE e SET clinician_id = NULL;
            INSERT OR REPLACE INTO audit_event SELECT * FROM e;"""
        )
    conn.close()
    assert ("event_changed", signed["session"], target) in kinds(verify(engine))


def test_a_deleted_addendum_is_named(engine: Engine, signed: dict[str, int]) -> None:
    with raw(engine) as conn:
        with pytest.raises(cipher.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM addendum")
        conn.executescript("DROP TRIGGER addendum_no_delete; DELETE FROM addendum;")
    conn.close()
    report = verify(engine)
    assert [(p.kind, p.session_id) for p in report.problems] == [
        ("addendum_deleted", signed["session"])
    ]


def test_a_removed_audit_event_breaks_every_later_link(
    engine: Engine, signed: dict[str, int]
) -> None:
    target = event_id(engine, "addendum", signed["session"])
    with raw(engine) as conn:
        conn.executescript(
            f"DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE id = {target};"
        )
    conn.close()
    report = verify(engine)
    assert ("chain_broken", None, target + 1) in {
        (p.kind, None, p.event_id) for p in report.problems
    }
    assert any(p.kind == "chain_head" for p in report.problems)


def test_a_chain_rewritten_end_to_end_is_caught_by_the_anchor_file(
    engine: Engine, signed: dict[str, int]
) -> None:
    """Someone who knows the digest code rewrites the sign event and re-links every event after
    it: the chain is consistent again, but the anchors kept outside the database disagree."""
    sid = signed["session"]
    target = event_id(engine, "sign", sid)
    with raw(engine) as conn:
        conn.row_factory = cipher.DBAPI.Row
        conn.executescript("DROP TRIGGER audit_event_no_update;")
        conn.execute("UPDATE audit_event SET clinician_id = NULL WHERE id = ?", (target,))
        prev = chain.GENESIS
        for row in conn.execute("SELECT * FROM audit_event ORDER BY id").fetchall():
            values = dict(row)
            values["changes"] = json.loads(values["changes"])
            digest = chain.event_digest(values, prev)
            conn.execute(
                "UPDATE audit_event SET prev_digest = ?, digest = ? WHERE id = ?",
                (prev, digest, row["id"]),
            )
            prev = digest
        conn.execute("UPDATE audit_chain SET head = ?", (prev,))
    conn.close()
    report = verify(engine)
    assert {p.kind for p in report.problems} == {"anchor_mismatch"}
    assert anchors.path_for(engine).exists()


def test_a_cut_off_tail_is_caught_by_the_anchor_file(
    engine: Engine, signed: dict[str, int]
) -> None:
    later = event_id(engine, "sign", signed["later"])
    with raw(engine) as conn:
        conn.executescript(
            f"""DROP TRIGGER audit_event_no_delete;
            DELETE FROM audit_event WHERE id >= {later};
            UPDATE audit_chain SET head = (SELECT digest FROM audit_event ORDER BY id DESC LIMIT 1),
                events = (SELECT COUNT(*) FROM audit_event);"""
        )
    conn.close()
    found = kinds(verify(engine))
    assert ("anchor_missing", None, later) in found
    assert ("signed_outside_app", signed["later"], None) in found


def test_a_patient_renamed_through_the_app_still_verifies_but_not_by_sql(
    engine: Engine, signed: dict[str, int]
) -> None:
    from botox_chart.store import patients

    with transaction(engine) as db:
        row = sessions.get(db, session_id=signed["session"])
        patient = patients.get(db, patient_id=row.patient_id)
        changed = patients.Patient(**{**patient.model_dump(), "given_names": "Marie-Ève"})
        patients.update(
            db, patient_id=row.patient_id, changes=changed, clinician_id=row.signed_by_id
        )
    assert verify(engine).ok
    with raw(engine) as conn:  # a second change, by SQL, does not hide behind the first
        conn.execute("UPDATE patient SET family_name = 'Other' WHERE id = ?", (row.patient_id,))
        conn.execute(
            "UPDATE patient SET date_of_birth = '1901-01-01' WHERE id = "
            "(SELECT patient_id FROM treatment_session WHERE id = ?)",
            (signed["later"],),
        )
    conn.close()
    assert [(p.kind, p.session_id) for p in verify(engine).problems] == [
        ("identity_changed", signed["session"]),
        ("identity_changed", signed["later"]),
    ]


def test_the_window_s_check_of_one_session(engine: Engine, signed: dict[str, int]) -> None:
    from botox_chart.store.verify import session_problems

    with engine.connect() as conn:
        assert session_problems(conn, session_id=signed["session"]) == []
    with raw(engine) as conn:
        conn.executescript(
            "DROP TRIGGER signed_injection_no_update; UPDATE injection SET units = 100 "
            f"WHERE session_id = {signed['session']} AND position = 0;"
        )
    conn.close()
    with engine.connect() as conn:
        problems = session_problems(conn, session_id=signed["session"])
        assert [p.kind for p in problems] == ["record_changed"]
        assert session_problems(conn, session_id=signed["later"]) == []


def test_a_first_release_database_is_sealed_at_upgrade(tmp_path: Path) -> None:
    """Rows signed before digests existed verify after the upgrade, and changes after it don't."""
    path = tmp_path / "clinic.sqlite3"
    old = make_engine(f"sqlite:///{path}")
    migrate.upgrade(old, "0005")
    with old.begin() as conn:
        for statement in FIRST_RELEASE_ROWS:
            conn.execute(sa.text(statement))
    old.dispose()
    engine = open_database(str(path))
    # The migration's caller anchored the sealed head outside the database (store.migrate).
    assert [a.event_id for a in anchors.read(anchors.path_for(engine))[0]] == [4]
    report = verify(engine)
    assert report.ok, report.problems
    assert report.sessions_checked == 1 and report.events_checked == 2 + 2  # + 2 seals
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM injection").scalar() == 1
    with raw(engine) as conn:
        with pytest.raises(cipher.DatabaseError, match="signed session is final"):
            conn.execute("UPDATE treatment_session SET notes = 'x' WHERE id = 1")
        conn.executescript(
            "DROP TRIGGER addendum_no_update; UPDATE addendum SET text = 'Changed.';"
        )
    conn.close()
    assert [p.kind for p in verify(engine).problems] == ["addendum_changed"]
    engine.dispose()


def test_ids_of_deleted_drafts_are_never_given_again(engine: Engine) -> None:
    """A stale window holding a deleted draft's id can never reach another patient's session."""
    doctor = make_clinician(engine)
    alice, bruno = make_patient(engine), make_patient(engine, family_name="Bruno")
    with transaction(engine) as db:
        gone = sessions.create_draft(db, patient_id=alice.id, injector_id=doctor.id)
        sessions.delete_draft(db, session_id=gone.id, clinician_id=doctor.id)
        fresh = sessions.create_draft(db, patient_id=bruno.id, injector_id=doctor.id)
    assert fresh.id != gone.id
    with transaction(engine) as db, pytest.raises(sessions.SessionError, match="no session"):
        sessions.save_draft(
            db,
            session_id=gone.id,
            patient_id=alice.id,
            chart=sessions.load_chart(db, session_id=fresh.id),
            expected_version=1,
            clinician_id=doctor.id,
        )


def test_a_save_for_another_patient_s_session_is_refused(engine: Engine) -> None:
    doctor = make_clinician(engine)
    alice, bruno = make_patient(engine), make_patient(engine, family_name="Bruno")
    with transaction(engine) as db:
        theirs = sessions.create_draft(db, patient_id=bruno.id, injector_id=doctor.id)
        chart = sessions.load_chart(db, session_id=theirs.id)
        chart.notes = "Alice's notes"
        with pytest.raises(sessions.WrongPatientError, match="not this patient's"):
            sessions.save_draft(
                db,
                session_id=theirs.id,
                patient_id=alice.id,
                chart=chart,
                expected_version=1,
                clinician_id=doctor.id,
            )
        with pytest.raises(sessions.WrongPatientError):
            sessions.sign(db, session_id=theirs.id, patient_id=alice.id, clinician_id=doctor.id)
    with transaction(engine) as db:
        assert sessions.get(db, session_id=theirs.id).notes == ""


@pytest.mark.postgres
def test_demo_data_verifies_clean_on_postgresql(pg_url: str) -> None:
    engine = open_database(pg_url)
    demo.generate(engine, patients=12, seed=3, today=date(2026, 11, 30))
    report = verify(engine)
    assert report.ok, report.problems[:3]
    assert report.sessions_checked > 12
    engine.dispose()


@pytest.mark.postgres
def test_demo_data_in_many_batches_on_postgresql_keeps_signed_sessions_final(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bulk loading refreshes PostgreSQL's statistics as the tables grow (demo._analyze); the
    checks that keep signed sessions final still refuse, and every record still verifies."""
    monkeypatch.setattr(demo, "BATCH", 10)
    engine = open_database(pg_url)
    result = demo.generate(engine, patients=45, seed=3, today=date(2026, 11, 30))
    report = verify(engine)
    assert report.ok, report.problems[:3]
    assert report.sessions_checked >= result.sessions
    with engine.begin() as conn:
        signed_id = conn.execute(
            sa.text("SELECT max(id) FROM treatment_session WHERE status = 'signed'")
        ).scalar_one()
    for statement in (
        "INSERT INTO injection (session_id, position, key, kind, site_code, label, muscle, side, "
        "view, x, y, units) SELECT session_id, 99, key || 'x', kind, site_code, label, muscle, "
        "side, view, x, y, units FROM injection WHERE session_id = :sid LIMIT 1",
        "UPDATE injection SET units = units + 1 WHERE session_id = :sid",
        "INSERT INTO vial (session_id, position, lot_number, units) VALUES (:sid, 9, 'X1', 100)",
    ):
        with pytest.raises(sa.exc.DBAPIError, match="signed session is final"):
            with engine.begin() as conn:
                conn.execute(sa.text(statement), {"sid": signed_id})
    engine.dispose()


def test_demo_data_verifies_clean_on_sqlite(engine: Engine) -> None:
    result = demo.generate(engine, patients=12, seed=3, today=date(2026, 11, 30))
    report = verify(engine)
    assert report.ok, report.problems[:3]
    assert report.sessions_checked == result.sessions


@pytest.mark.usefixtures("cli_admin")
def test_the_note_of_a_tampered_session_says_so_on_every_page(
    engine: Engine, signed: dict[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    sid = signed["session"]
    url = str(sqlite_path(engine))
    clean = tmp_path / "clean.pdf"
    assert cli.main(["note", str(sid), "-o", str(clean), "--db", url]) == 0
    with transaction(engine) as db:
        fingerprint = chain.fingerprint(sessions.get(db, session_id=sid).record_digest or "")
    pages = [page.extract_text() for page in PdfReader(clean).pages]
    assert all(f"fingerprint {fingerprint}" in page for page in pages)
    assert not any("DOES NOT MATCH" in page for page in pages)

    with raw(engine) as conn:
        conn.executescript(
            f"""CREATE TEMP TABLE t AS SELECT * FROM treatment_session WHERE id = {sid};
            UPDATE t SET lot_number = 'FAKE123';
            INSERT OR REPLACE INTO treatment_session SELECT * FROM t;"""
        )
    conn.close()
    tampered = tmp_path / "tampered.pdf"
    assert cli.main(["note", str(sid), "-o", str(tampered), "--db", url]) == 1
    assert "does not match its signature" in capsys.readouterr().err
    pages = [page.extract_text() for page in PdfReader(tampered).pages]
    assert len(pages) > 1 and all("DOES NOT MATCH ITS SIGNATURE" in page for page in pages)
