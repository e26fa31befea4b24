"""PostgreSQL's two roles: an owner for the schema, and an app role that may do only what the app
does.

Connected as the tables' owner, the app (or anyone with its password) could ``TRUNCATE`` the audit
trail or disable the triggers that keep signed sessions final (issue 9). ``botox-chart migrate --db
OWNER_URL --app-role ROLE`` migrates as the owner (:func:`migrate_as_owner`) and gives ROLE exactly
:data:`PRIVILEGES`: no ownership, no TRUNCATE, REFERENCES or TRIGGER, no DDL. Workstations connect
as ROLE; :func:`owner_warning` is what the window and the CLI say when started as the owner.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from botox_chart import paths
from botox_chart.i18n import _
from botox_chart.store.engine import (
    StorageError,
    describe,
    lacks_privilege,
    make_engine,
    open_database,
    storage_error,
    stored_revision,
)

PRIVILEGES: dict[str, tuple[str, ...]] = {
    # Edited in place, never deleted (patients.update, clinicians: passwords, deactivation).
    "patient": ("SELECT", "INSERT", "UPDATE"),
    "clinician": ("SELECT", "INSERT", "UPDATE"),
    # Drafts are saved over and deleted; the triggers keep signed rows, their injections and their
    # vials final.
    "treatment_session": ("SELECT", "INSERT", "UPDATE", "DELETE"),
    "injection": ("SELECT", "INSERT", "UPDATE", "DELETE"),
    "vial": ("SELECT", "INSERT", "UPDATE", "DELETE"),
    # Append-only: corrections are new addenda, and every action adds an audit event.
    "addendum": ("SELECT", "INSERT"),
    "audit_event": ("SELECT", "INSERT"),
    # Eligibility assessments, like addenda: a review adds one, none is changed (migration 0008).
    "eligibility_assessment": ("SELECT", "INSERT"),
    "preventive_treatment": ("SELECT", "INSERT"),
    # settings.save inserts the clinic's row or updates it; nothing deletes it.
    "setting": ("SELECT", "INSERT", "UPDATE"),
    # Read when the database opens; only the owner upgrades the schema.
    "alembic_version": ("SELECT",),
    # The digest chain's head moves with each link; the database's identity is written by the owner.
    "audit_chain": ("SELECT", "UPDATE"),
    "database_identity": ("SELECT",),
    # Failed sign-ins per user name: a failure inserts or counts, a success or an unlock deletes.
    "sign_in_throttle": ("SELECT", "INSERT", "UPDATE", "DELETE"),
}
"""Every table's privileges for the app role, and nothing else. A table missing here gets none
(tests/store/test_roles.py fails when a table of the schema has no entry)."""

SEQUENCE_PRIVILEGES = ("USAGE", "SELECT")
"""nextval for new ids; never UPDATE, which would allow setval and so reused ids."""

TABLE_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
"""What is checked after granting: the role must hold none beyond its entry in PRIVILEGES."""

_ROLE_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")
_RESERVED = frozenset({"public", "none", "current_user", "current_role", "session_user"})


class RoleError(StorageError):
    """A role that cannot be the app role, or privileges that cannot be set, in words."""


def check_role_name(name: str) -> str:
    """``name`` when it is a plain PostgreSQL role name; refused with a message otherwise."""
    if not _ROLE_NAME.fullmatch(name) or name.startswith("pg_") or name in _RESERVED:
        raise RoleError(
            _(
                "{name} cannot be the app role: use 1 to 63 lowercase letters, digits and _, "
                "starting with a letter (not pg_…, public or none)."
            ).format(name=repr(name[:70]))
        )
    return name


def migrate_as_owner(url: str | None, *, app_role: str) -> list[str]:
    """Create or upgrade the schema at ``url`` (the owner's), then grant ``app_role`` what the app
    needs (creating the role if missing). Returns what was done, a line each, for the user."""
    role = check_role_name(app_role)
    probe = make_engine(paths.database_url(url))
    try:
        if probe.url.get_backend_name() != "postgresql":
            raise RoleError(
                _(
                    "migrate is for PostgreSQL, and {database} is not a PostgreSQL database "
                    "(SQLite is upgraded when the app opens it and has no roles)."
                ).format(database=describe(probe))
            )
        try:
            before = stored_revision(probe)
        except DBAPIError as err:
            raise storage_error(err, probe) from err
    finally:
        probe.dispose()
    engine = open_database(url)
    try:
        try:
            after = stored_revision(engine)
        except DBAPIError as err:
            raise storage_error(err, engine) from err
        if before == after:
            schema = f"Schema of {describe(engine)}: already at revision {after}."
        elif before is None:
            schema = f"Schema of {describe(engine)}: created at revision {after}."
        else:
            schema = f"Schema of {describe(engine)}: upgraded from revision {before} to {after}."
        return [schema, *grant_app_role(engine, role=role)]
    finally:
        engine.dispose()


def grant_app_role(engine: Engine, *, role: str) -> list[str]:
    """Give ``role`` exactly the app's privileges on this database, as the tables' owner.

    Idempotent: privileges are revoked and granted again in one transaction, so running it after an
    upgrade covers new tables and drops anything granted by hand. Refuses a superuser, the owner
    itself or a member of it, and a role that keeps a privilege beyond PRIVILEGES through another
    role or PUBLIC (nothing is changed then)."""
    role = check_role_name(role)
    try:
        with engine.begin() as conn:
            return _grant(conn, role, describe(engine))
    except DBAPIError as err:
        if lacks_privilege(err):
            raise RoleError(
                _(
                    "The role {role} may not grant privileges in {database}: {reason}. Run "
                    "migrate as the role that owns the database and its tables (createdb -O "
                    "OWNER), or as a superuser."
                ).format(
                    role=engine.url.username, database=describe(engine), reason=_first_line(err)
                )
            ) from err
        raise storage_error(err, engine) from err


def owner_warning(engine: Engine) -> str | None:
    """A warning when the app is connected as a role that owns its tables (or a superuser): that
    role could erase the audit trail. None on SQLite and for the app role."""
    if engine.url.get_backend_name() != "postgresql":
        return None
    try:
        with engine.connect() as conn:
            user, superuser, owner = conn.execute(
                sa.text(
                    "SELECT r.rolname, r.rolsuper, EXISTS (SELECT 1 FROM pg_tables t "
                    "WHERE t.schemaname = current_schema() AND t.tablename = ANY(:tables) "
                    "AND pg_has_role(r.rolname, t.tableowner, 'MEMBER')) "
                    "FROM pg_roles r WHERE r.rolname = current_user"
                ),
                {"tables": list(PRIVILEGES)},
            ).one()
    except DBAPIError as err:
        raise storage_error(err, engine) from err
    if not (superuser or owner):
        return None
    if superuser:
        said = _(
            "Connected to PostgreSQL as {user}, which is a superuser: it could erase the audit "
            "trail or change signed sessions. Connect workstations as the app role made by "
            "botox-chart migrate --db OWNER_URL --app-role ROLE."
        )
    else:
        said = _(
            "Connected to PostgreSQL as {user}, which owns botox-chart's tables: it could erase "
            "the audit trail or change signed sessions. Connect workstations as the app role made "
            "by botox-chart migrate --db OWNER_URL --app-role ROLE."
        )
    return said.format(user=user)


def may_move_id_sequences(engine: Engine) -> bool:
    """Whether this connection may set the id sequences (setval): the owner may, the app role may
    not. True on SQLite, which has no sequences to move."""
    if engine.url.get_backend_name() != "postgresql":
        return True
    try:
        with engine.connect() as conn:
            return bool(
                conn.execute(
                    sa.text(
                        "SELECT bool_and(has_sequence_privilege(pg_get_serial_sequence(t, 'id'), "
                        "'UPDATE')) FROM unnest(CAST(:tables AS text[])) AS t"
                    ),
                    {"tables": ["patient", "treatment_session", "injection"]},
                ).scalar()
            )
    except DBAPIError as err:
        raise storage_error(err, engine) from err


def _grant(conn: Connection, role: str, where: str) -> list[str]:
    quote = conn.dialect.identifier_preparer.quote_identifier
    who = quote(role)
    schema, database, me = conn.execute(
        sa.text("SELECT current_schema(), current_database(), current_user")
    ).one()
    present = set(
        conn.execute(
            sa.text("SELECT tablename FROM pg_tables WHERE schemaname = :schema"),
            {"schema": schema},
        ).scalars()
    )
    ours = sorted(present & PRIVILEGES.keys())
    if not ours:
        raise RoleError(
            _("{database} has no botox-chart tables in schema {schema}.").format(
                database=where, schema=schema
            )
        )
    owners = set(
        conn.execute(
            sa.text(
                "SELECT DISTINCT tableowner FROM pg_tables "
                "WHERE schemaname = :schema AND tablename = ANY(:tables)"
            ),
            {"schema": schema, "tables": ours},
        ).scalars()
    )
    done: list[str] = []
    superuser = conn.execute(
        sa.text("SELECT rolsuper FROM pg_roles WHERE rolname = :role"), {"role": role}
    ).scalar_one_or_none()
    if superuser is None:
        conn.execute(sa.text(f"CREATE ROLE {who} LOGIN"))
        done.append(
            f"Created the role {role} (LOGIN, no password yet: set one, e.g. \\password {role} "
            f"in psql)."
        )
    elif superuser:
        raise RoleError(
            _(
                "{role} is a superuser, and no privilege can be taken from a superuser. "
                "Choose another app role."
            ).format(role=role)
        )
    for owner in sorted(owners | {me}):
        if conn.execute(
            sa.text("SELECT pg_has_role(:role, :owner, 'MEMBER')"), {"role": role, "owner": owner}
        ).scalar():
            raise RoleError(
                _(
                    "{role} is {owner}, or a member of it, and {owner} owns the tables (or runs "
                    "this migration): the app role must be a separate role."
                ).format(role=role, owner=owner)
            )

    conn.execute(sa.text(f"GRANT CONNECT ON DATABASE {quote(database)} TO {who}"))
    conn.execute(sa.text(f"REVOKE ALL ON SCHEMA {quote(schema)} FROM {who}"))
    conn.execute(sa.text(f"GRANT USAGE ON SCHEMA {quote(schema)} TO {who}"))
    done.append(f"Granted {role} CONNECT on database {database} and USAGE on schema {schema}.")
    if _public_may_create(conn, schema):
        # PostgreSQL before 15 lets every role create tables in schema public.
        try:
            with conn.begin_nested():
                conn.execute(sa.text(f"REVOKE CREATE ON SCHEMA {quote(schema)} FROM PUBLIC"))
            done.append(f"Revoked CREATE on schema {schema} from PUBLIC.")
        except DBAPIError:
            pass  # reported below as a privilege the role keeps
    for table in ours:
        name = f"{quote(schema)}.{quote(table)}"
        conn.execute(sa.text(f"REVOKE ALL ON TABLE {name} FROM {who}"))
        conn.execute(sa.text(f"GRANT {', '.join(PRIVILEGES[table])} ON TABLE {name} TO {who}"))
        done.append(f"  {table}: {', '.join(PRIVILEGES[table])}")
    sequences = _sequences(conn, schema, ours)
    for sequence in sequences:
        name = f"{quote(schema)}.{quote(sequence)}"
        conn.execute(sa.text(f"REVOKE ALL ON SEQUENCE {name} FROM {who}"))
        conn.execute(sa.text(f"GRANT {', '.join(SEQUENCE_PRIVILEGES)} ON SEQUENCE {name} TO {who}"))
    if sequences:
        done.append(f"  sequences ({', '.join(SEQUENCE_PRIVILEGES)}): {', '.join(sequences)}")
    others = sorted(present - PRIVILEGES.keys())
    if others:
        done.append(f"Left alone (not botox-chart's tables): {', '.join(others)}.")

    excess = _excess_privileges(conn, role, schema, ours)
    if excess:
        raise RoleError(
            _(
                "{role} would still hold {privileges} in {database} (through PUBLIC or another "
                "role it belongs to). Revoke them there (as a superuser for schema {schema}), "
                "then run migrate again; nothing was changed."
            ).format(role=role, privileges=", ".join(excess), database=where, schema=schema)
        )
    done.append(
        f"{role} owns nothing and has no TRUNCATE, REFERENCES, TRIGGER or DDL. "
        f"Workstations connect as {role}."
    )
    return done


def _public_may_create(conn: Connection, schema: str) -> bool:
    return bool(
        conn.execute(
            sa.text(
                "SELECT EXISTS (SELECT 1 FROM pg_namespace n, aclexplode(n.nspacl) a "
                "WHERE n.nspname = :schema AND a.grantee = 0 AND a.privilege_type = 'CREATE')"
            ),
            {"schema": schema},
        ).scalar()
    )


def _sequences(conn: Connection, schema: str, tables: list[str]) -> list[str]:
    """The sequences behind the tables' id columns (serial or identity)."""
    return list(
        conn.execute(
            sa.text(
                "SELECT DISTINCT s.relname FROM pg_class s "
                "JOIN pg_namespace n ON n.oid = s.relnamespace "
                "JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid "
                "AND d.deptype IN ('a', 'i') "
                "JOIN pg_class t ON t.oid = d.refobjid "
                "WHERE s.relkind = 'S' AND n.nspname = :schema AND t.relname = ANY(:tables) "
                "ORDER BY s.relname"
            ),
            {"schema": schema, "tables": tables},
        ).scalars()
    )


def _excess_privileges(conn: Connection, role: str, schema: str, tables: list[str]) -> list[str]:
    """Privileges ``role`` holds, by any route, beyond PRIVILEGES (and CREATE on the schema)."""
    held = conn.execute(
        sa.text(
            "SELECT c.relname, p.privilege FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "CROSS JOIN unnest(CAST(:privileges AS text[])) AS p(privilege) "
            "WHERE n.nspname = :schema AND c.relname = ANY(:tables) "
            "AND has_table_privilege(:role, c.oid, p.privilege)"
        ),
        {"privileges": list(TABLE_PRIVILEGES), "schema": schema, "tables": tables, "role": role},
    ).all()
    excess = sorted(
        f"{privilege} on {table}" for table, privilege in held if privilege not in PRIVILEGES[table]
    )
    if conn.execute(
        sa.text("SELECT has_schema_privilege(:role, :schema, 'CREATE')"),
        {"role": role, "schema": schema},
    ).scalar():
        excess.append(f"CREATE on schema {schema}")
    return excess


def _first_line(err: DBAPIError) -> str:
    return str(err.orig).strip().splitlines()[0]
