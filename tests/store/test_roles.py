"""PostgreSQL's two roles: the app role does the app's work and cannot erase or rewrite history.

Run against the real server (``postgres`` marker). Roles are cluster-wide, so each test makes
uniquely named roles and drops them afterwards (``roles_made``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlmodel import SQLModel

from botox_chart import store
from botox_chart.cli import main
from botox_chart.store import (
    StorageError,
    clinicians,
    demo,
    eligibility,
    migrate,
    models,  # noqa: F401  (registers every table on SQLModel.metadata)
    open_database,
    patients,
    roles,
    sessions,
    settings,
    transaction,
)
from botox_chart.store import outcomes as store_outcomes
from botox_chart.store.engine import make_engine, stored_revision
from botox_chart.store.models import Patient, Role
from tests.helpers.factories import (
    an_assessment,
    make_clinician,
    make_patient,
    make_signed_session,
    ready_chart,
    three_preventives,
)

DATA_PRIVILEGES = {"SELECT", "INSERT", "UPDATE", "DELETE"}

# Each must fail for the app role, whatever its reason (no privilege, not the owner, a trigger).
FORBIDDEN = [
    "TRUNCATE audit_event",
    "TRUNCATE treatment_session CASCADE",
    "TRUNCATE addendum",
    "ALTER TABLE treatment_session DISABLE TRIGGER USER",
    "DROP TRIGGER signed_session_is_final ON treatment_session",
    "DROP TRIGGER audit_event_is_append_only ON audit_event",
    "CREATE TRIGGER forged BEFORE INSERT ON patient FOR EACH ROW "
    "EXECUTE FUNCTION refuse_append_only_change()",
    "UPDATE treatment_session SET notes = 'TAMPERED', lot_number = 'FAKE123' "
    "WHERE status = 'signed'",
    "DELETE FROM treatment_session WHERE status = 'signed'",
    "UPDATE vial SET lot_number = 'FAKE123'",
    "DELETE FROM vial",
    "TRUNCATE vial",
    "UPDATE audit_event SET action = 'forged'",
    "DELETE FROM audit_event",
    "UPDATE addendum SET text = 'forged'",
    "DELETE FROM addendum",
    "UPDATE eligibility_assessment SET headache_days_per_month = 300",
    "DELETE FROM preventive_treatment",
    "TRUNCATE eligibility_assessment CASCADE",
    "UPDATE alembic_version SET version_num = '0001'",
    "UPDATE database_identity SET uid = 'forged'",
    "DELETE FROM audit_chain",
    "SELECT setval('treatment_session_id_seq', 1)",
    "CREATE TABLE forged (id integer)",
    "DROP TABLE addendum",
    "ALTER TABLE audit_event ADD COLUMN forged text",
    "SET ROLE {owner}",
]


# -- the map, without a server -----------------------------------------------------------------


def test_every_table_has_its_app_role_privileges_in_the_map() -> None:
    tables = set(SQLModel.metadata.tables) | {"alembic_version"}
    missing = sorted(tables - roles.PRIVILEGES.keys())
    assert missing == [], f"add these tables to botox_chart.store.roles.PRIVILEGES: {missing}"


def test_the_map_grants_data_privileges_only_and_keeps_history_append_only() -> None:
    for table, privileges in roles.PRIVILEGES.items():
        assert set(privileges) <= DATA_PRIVILEGES, table
        assert "SELECT" in privileges, table
    assert roles.PRIVILEGES["audit_event"] == ("SELECT", "INSERT")
    assert roles.PRIVILEGES["addendum"] == ("SELECT", "INSERT")
    assert roles.PRIVILEGES["eligibility_assessment"] == ("SELECT", "INSERT")
    assert roles.PRIVILEGES["preventive_treatment"] == ("SELECT", "INSERT")
    assert roles.PRIVILEGES["alembic_version"] == ("SELECT",)
    assert "UPDATE" not in roles.SEQUENCE_PRIVILEGES  # setval would let ids be reused


@pytest.mark.parametrize(
    "name",
    ["", "Botox", "1app", "app-role", "app role", 'x"; DROP TABLE patient; --', "pg_app", "public"]
    + ["a" * 64],
)
def test_a_malformed_role_name_is_refused(name: str) -> None:
    with pytest.raises(roles.RoleError, match="cannot be the app role"):
        roles.check_role_name(name)


def test_migrate_says_it_is_for_postgresql_and_leaves_sqlite_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "clinic.sqlite3"
    code = main(["migrate", "--db", str(db), "--app-role", "botox_app"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.startswith("botox-chart: migrate is for PostgreSQL")
    assert len(err.strip().splitlines()) == 1
    assert not db.exists()


def test_the_owner_warning_is_for_postgresql_only(engine: Engine) -> None:
    assert roles.owner_warning(engine) is None


# -- against the server ----------------------------------------------------------------------------


def as_role(url: str, role: str) -> str:
    return make_url(url).set(username=role).render_as_string(hide_password=False)


@pytest.fixture
def admin(pg_url: str) -> Iterator[Engine]:
    """The test database as the superuser, outside transactions (role and grant statements)."""
    engine = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


@pytest.fixture
def roles_made(admin: Engine) -> Iterator[Callable[[str], str]]:
    """Unique role names; every one that exists after the test is dropped with its privileges."""
    names: list[str] = []

    def name(kind: str = "app") -> str:
        names.append(f"botox_test_{kind}_{uuid.uuid4().hex[:8]}")
        return names[-1]

    yield name
    with admin.connect() as conn:
        for role in names:
            if conn.execute(
                sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}
            ).first():
                conn.execute(sa.text(f'REASSIGN OWNED BY "{role}" TO CURRENT_USER'))
                conn.execute(sa.text(f'DROP OWNED BY "{role}"'))
                conn.execute(sa.text(f'DROP ROLE "{role}"'))


@pytest.mark.postgres
def test_the_app_role_cannot_erase_or_rewrite_history(
    pg_url: str, roles_made: Callable[[str], str]
) -> None:
    app = roles_made("app")
    roles.migrate_as_owner(pg_url, app_role=app)
    owner = open_database(pg_url)
    doctor = make_clinician(owner)
    signed = make_signed_session(owner, make_patient(owner), doctor)
    assert signed.id is not None and doctor.id is not None
    with transaction(owner) as db:
        sessions.add_addendum(db, session_id=signed.id, author_id=doctor.id, text="Called back.")
    before = counts(owner)

    as_app = make_engine(as_role(pg_url, app))
    allowed = []
    for statement in FORBIDDEN:
        try:
            with as_app.begin() as conn:
                conn.execute(sa.text(statement.format(owner=make_url(pg_url).username)))
        except sa.exc.DBAPIError as err:
            reasons = ("permission denied", "must be owner", "signed session is final")
            assert any(reason in str(err) for reason in reasons), (statement, str(err.orig))
        else:
            allowed.append(statement)
    as_app.dispose()

    assert allowed == []
    assert counts(owner) == before
    with transaction(owner) as db:
        assert sessions.load_chart(db, session_id=signed.id).lots == ["C1234AB"]
    owner.dispose()


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            table: conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("audit_event", "addendum", "treatment_session", "injection", "patient")
        }


@pytest.mark.postgres
def test_the_app_role_does_the_apps_work(pg_url: str, roles_made: Callable[[str], str]) -> None:
    app = roles_made("app")
    roles.migrate_as_owner(pg_url, app_role=app)
    engine = open_database(as_role(pg_url, app))
    assert roles.owner_warning(engine) is None

    doctor = make_clinician(engine)
    patient = make_patient(engine)
    assert patient.id is not None and doctor.id is not None
    with transaction(engine) as db:
        admin = clinicians.add(
            db, name="Dr Admin", username="admin", password="password1", is_admin=True, by=None
        )
        changes = Patient.model_validate(patient.model_dump())
        changes.allergies = "latex"
        patients.update(db, patient_id=patient.id, changes=changes, clinician_id=doctor.id)
        draft = sessions.create_draft(
            db, patient_id=patient.id, injector_id=doctor.id, chart=ready_chart()
        )
        assert draft.id is not None
        chart = sessions.load_chart(db, session_id=draft.id)
        chart.notes = "Tolerated well."
        version = sessions.save_draft(
            db,
            session_id=draft.id,
            patient_id=patient.id,
            chart=chart,
            expected_version=draft.version,
            clinician_id=doctor.id,
        )
        findings = sessions.load_chart(db, session_id=draft.id).findings()
        sessions.sign(
            db,
            session_id=draft.id,
            patient_id=patient.id,
            clinician_id=doctor.id,
            acknowledged=[f.key for f in findings],
            today=chart.date_of_service,
            expected_version=version,
        )
        sessions.add_addendum(db, session_id=draft.id, author_id=doctor.id, text="Called back.")
        eligibility.record(
            db,
            patient_id=patient.id,
            assessment=an_assessment(),
            treatments=three_preventives(),
            clinician_id=doctor.id,
        )
        other = sessions.create_draft(db, patient_id=patient.id, injector_id=doctor.id)
        assert other.id is not None
        sessions.delete_draft(db, session_id=other.id, clinician_id=doctor.id)
        settings.save(
            db, settings=settings.ClinicSettings(name="Clinique A"), clinician_id=admin.id
        )
        settings.save(
            db, settings=settings.ClinicSettings(name="Clinique B"), clinician_id=admin.id
        )
        # Sign-in failures are counted, cleared by a success, and unlocked by an administrator.
        for _ in range(2):
            with pytest.raises(clinicians.ClinicianError, match="Wrong user name or password"):
                clinicians.authenticate(db, username="admin", password="wrong")
        assert clinicians.authenticate(db, username="admin", password="password1").id == admin.id
        with pytest.raises(clinicians.ClinicianError):
            clinicians.authenticate(db, username="nobody", password="wrong")
        assert clinicians.unlock(db, username="nobody", by=admin.id)

    with transaction(engine) as db:
        signed = sessions.get(db, session_id=draft.id)
        assert (signed.status, signed.notes) == ("signed", "Tolerated well.")
        assert [a.text for a in sessions.addenda(db, session_id=draft.id)] == ["Called back."]
        assert patients.get(db, patient_id=patient.id).allergies == "latex"
        course = store_outcomes.course(db, patient.id)
        assert course.baseline is not None and course.baseline.headache_days == 22
        assert [c.session_id for c in course.cycles] == [draft.id]
        assert settings.load(db).name == "Clinique B"
        with pytest.raises(sessions.SessionError):
            sessions.get(db, session_id=other.id)
    engine.dispose()


@pytest.fixture
def cli_engines(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Engines the CLI opens, disposed after the test (a command leaves that to the process's
    exit; here psycopg would warn about connections left open)."""
    opened: list[Engine] = []

    def open_and_keep(url: str | None = None, **kwargs: object) -> Engine:
        opened.append(open_database(url, **kwargs))  # type: ignore[arg-type]
        return opened[-1]

    monkeypatch.setattr(store, "open_database", open_and_keep)
    yield
    for engine in opened:
        engine.dispose()


@pytest.mark.postgres
@pytest.mark.usefixtures("cli_engines")
def test_the_tables_owner_is_warned_and_the_app_role_is_not(
    pg_url: str,
    admin: Engine,
    roles_made: Callable[[str], str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # As a clinic would set it up: an owner role that is not a superuser owns the database.
    owner, app = roles_made("owner"), roles_made("app")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE ROLE "{owner}" LOGIN CREATEROLE'))
        conn.execute(sa.text(f'ALTER DATABASE "{make_url(pg_url).database}" OWNER TO "{owner}"'))
    owner_url, app_url = as_role(pg_url, owner), as_role(pg_url, app)
    assert main(["migrate", "--db", owner_url, "--app-role", app]) == 0
    capsys.readouterr()

    engines = {who: open_database(url) for who, url in [("owner", owner_url), ("app", app_url)]}
    engines["superuser"] = open_database(pg_url)
    warning = roles.owner_warning(engines["owner"])
    assert warning is not None and f"as {owner}, which owns botox-chart's tables" in warning
    assert roles.owner_warning(engines["app"]) is None
    assert "is a superuser" in (roles.owner_warning(engines["superuser"]) or "")
    with transaction(engines["app"]) as db:  # the command line signs in as the administrator
        clinicians.add(
            db,
            name="Dr Ana Souza",
            role=Role.PHYSICIAN,
            username="souza",
            password=demo.DEMO_PASSWORD,
            is_admin=True,
            by=None,
        )
    for engine in engines.values():
        engine.dispose()

    assert main(["sessions", "--db", owner_url]) == 0
    err = capsys.readouterr().err
    assert err.startswith("botox-chart: warning: Connected to PostgreSQL as ")
    assert len(err.splitlines()) == 1
    assert main(["sessions", "--db", app_url]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.postgres
def test_migrate_twice_is_fine_and_puts_back_exactly_the_map(
    pg_url: str,
    admin: Engine,
    roles_made: Callable[[str], str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    app = roles_made("app")
    assert main(["migrate", "--db", pg_url, "--app-role", app]) == 0
    out = capsys.readouterr().out
    assert "created at revision" in out and f"Created the role {app}" in out
    assert "audit_event: SELECT, INSERT" in out

    with admin.connect() as conn:  # by hand, since: too much here, too little there
        conn.execute(sa.text(f'GRANT TRUNCATE, DELETE ON audit_event TO "{app}"'))
        conn.execute(sa.text(f'REVOKE SELECT ON patient FROM "{app}"'))
        conn.execute(sa.text(f'GRANT UPDATE ON SEQUENCE patient_id_seq TO "{app}"'))
    assert main(["migrate", "--db", pg_url, "--app-role", app]) == 0
    out, err = capsys.readouterr()
    assert "already at revision" in out and "Created the role" not in out and err == ""

    with admin.connect() as conn:
        for table, privileges in roles.PRIVILEGES.items():
            for privilege in roles.TABLE_PRIVILEGES:
                held = conn.execute(
                    sa.text("SELECT has_table_privilege(:r, :t, :p)"),
                    {"r": app, "t": table, "p": privilege},
                ).scalar()
                assert held == (privilege in privileges), (table, privilege)
        sequences = conn.execute(
            sa.text("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")
        ).scalars()
        for sequence in sequences:
            held = conn.execute(
                sa.text(
                    "SELECT has_sequence_privilege(:r, :s, 'USAGE'), "
                    "has_sequence_privilege(:r, :s, 'UPDATE')"
                ),
                {"r": app, "s": sequence},
            ).one()
            assert tuple(held) == (True, False), sequence
        owns = conn.execute(
            sa.text("SELECT count(*) FROM pg_tables WHERE tableowner = :r"), {"r": app}
        ).scalar()
        assert owns == 0


@pytest.mark.postgres
def test_a_schema_behind_tells_the_app_role_to_run_migrate(
    pg_url: str, roles_made: Callable[[str], str]
) -> None:
    app = roles_made("app")
    old = make_engine(pg_url)
    migrate.upgrade(old, "0005")
    lines = roles.grant_app_role(old, role=app)  # only the tables that exist at 0005
    assert not any("audit_chain" in line for line in lines)

    with pytest.raises(StorageError, match=f"runs botox-chart migrate .* --app-role {app}"):
        open_database(as_role(pg_url, app))
    assert stored_revision(old) == "0005"
    old.dispose()

    lines = roles.migrate_as_owner(pg_url, app_role=app)
    assert lines[0].endswith(f"upgraded from revision 0005 to {migrate.head_revision()}.")
    open_database(as_role(pg_url, app)).dispose()


@pytest.mark.postgres
def test_a_bad_role_name_is_refused_before_anything_is_done(
    pg_url: str, admin: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    with admin.connect() as conn:
        roles_before = conn.execute(sa.text("SELECT count(*) FROM pg_roles")).scalar()
    code = main(["migrate", "--db", pg_url, "--app-role", 'app"; DROP TABLE patient; --'])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert "cannot be the app role" in err and len(err.strip().splitlines()) == 1
    with admin.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM pg_roles")).scalar() == roles_before
        tables = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        assert conn.execute(sa.text(tables)).scalar() == 0


@pytest.mark.postgres
def test_a_superuser_or_the_owner_cannot_be_the_app_role(
    pg_url: str, admin: Engine, roles_made: Callable[[str], str]
) -> None:
    with pytest.raises(roles.RoleError, match="superuser"):
        roles.migrate_as_owner(pg_url, app_role=make_url(pg_url).username or "postgres")
    member = roles_made("member")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE ROLE "{member}" LOGIN IN ROLE postgres'))
    with pytest.raises(roles.RoleError, match="must be a separate role"):
        roles.migrate_as_owner(pg_url, app_role=member)


@pytest.mark.postgres
def test_privileges_the_app_role_would_keep_through_another_role_are_refused(
    pg_url: str,
    admin: Engine,
    roles_made: Callable[[str], str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    app, wide = roles_made("app"), roles_made("wide")
    roles.migrate_as_owner(pg_url, app_role=app)
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE ROLE "{wide}"'))
        conn.execute(sa.text(f'GRANT TRUNCATE ON audit_event TO "{wide}"'))
        conn.execute(sa.text(f'GRANT "{wide}" TO "{app}"'))
    assert main(["migrate", "--db", pg_url, "--app-role", app]) == 1
    err = capsys.readouterr().err
    assert "would still hold TRUNCATE on audit_event" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.postgres
def test_create_on_the_schema_for_everyone_is_revoked(
    pg_url: str, admin: Engine, roles_made: Callable[[str], str]
) -> None:
    # PostgreSQL before 15 lets PUBLIC create tables in schema public.
    with admin.connect() as conn:
        conn.execute(sa.text("GRANT CREATE ON SCHEMA public TO PUBLIC"))
    app = roles_made("app")
    assert "Revoked CREATE on schema public from PUBLIC." in roles.migrate_as_owner(
        pg_url, app_role=app
    )
    as_app = make_engine(as_role(pg_url, app))
    with pytest.raises(sa.exc.DBAPIError, match="permission denied"):
        with as_app.begin() as conn:
            conn.execute(sa.text("CREATE TABLE forged (id integer)"))
    as_app.dispose()


@pytest.mark.postgres
@pytest.mark.usefixtures("cli_engines")
def test_demo_data_is_for_the_owner_and_adds_nothing_as_the_app_role(
    pg_url: str, roles_made: Callable[[str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    # Demo rows carry their own ids and the sequences are moved past them: the app role may not.
    app = roles_made("app")
    roles.migrate_as_owner(pg_url, app_role=app)
    assert main(["demo-data", "--patients", "3", "--db", as_role(pg_url, app)]) == 1
    err = capsys.readouterr().err
    assert "demo-data runs as the owner" in err and len(err.strip().splitlines()) == 1
    owner = open_database(pg_url)
    assert counts(owner)["patient"] == 0
    with owner.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM clinician")).scalar() == 0
    owner.dispose()
