"""The database as the security boundary on the shared PostgreSQL server (issue 17, database layer).

:func:`apply_db_roles`, run on a connection of the schema's owner (the role that runs the
migrations), sets up:

* three group roles without login: ``sc_agent``, ``sc_supervisor`` (a member of ``sc_agent``: a
  supervisor may do what an agent may, and more) and ``sc_server`` (the office server);
* one login role per person, named like their ``agents.username``, in exactly one of the two
  person groups; :func:`current agent <SQL_CURRENT_AGENT>` is ``agents.id`` of ``session_user``
  (``SET ROLE`` cannot change who signed in);
* ``GRANT`` per table and per column: everybody reads what the app shows, nobody but the owner
  reads ``agents.password_hash``, ``api_tokens.token_hash`` or ``mailbox_secrets`` (the office
  server reads the last two: it signs in to the mailboxes and checks tokens); nobody updates or
  deletes a ledger or audit row, or the stored package balance; only the owner may alter a table
  or its triggers;
* row-level security: agents insert and update only their own work sessions and the ledger entries
  of their own stops; a supervisor decides timesheets of others only, as themselves; the audit
  trail's ``agent_id`` is set by the database from the signed-in role, whatever the client sends;
* ``SECURITY DEFINER`` functions with a fixed ``search_path`` for account management, callable by
  supervisors only, that create, disable, re-enable, re-password and re-role login roles of the
  app's groups and never anything else (no superuser, no other role, no other group).

Everything here is idempotent: running it again after a migration re-grants new tables. SQLite (the
one-PC setup) has no roles; there the Python services' checks are the only ones.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, text

__all__ = [
    "AGENT_GROUP",
    "GROUPS",
    "SERVER_GROUP",
    "SUPERVISOR_GROUP",
    "apply_db_roles",
    "close_database",
    "create_account_as_owner",
    "remove_db_policies",
    "scram_verifier",
]

AGENT_GROUP = "sc_agent"
SUPERVISOR_GROUP = "sc_supervisor"
SERVER_GROUP = "sc_server"
GROUPS = (AGENT_GROUP, SUPERVISOR_GROUP, SERVER_GROUP)

# Columns nobody but the owner reads (the server reads the ones in SERVER_READS too).
SECRET_COLUMNS = {"agents": {"password_hash"}, "api_tokens": {"token_hash"}}
SECRET_TABLES = {"mailbox_secrets"}
SERVER_READS = {"api_tokens", "mailbox_secrets"}

# Writes per group, beyond reading. "INSERT" etc. on the whole table, or "UPDATE(col, ...)".
AGENT_WRITES: dict[str, tuple[str, ...]] = {
    "tickets": ("INSERT", "UPDATE"),
    "ticket_messages": ("INSERT", "UPDATE"),
    "ticket_contacts": ("INSERT", "DELETE"),
    "session_tickets": ("INSERT", "DELETE"),
    "customers": ("INSERT", "UPDATE"),
    "contacts": ("INSERT", "UPDATE"),
    "contact_emails": ("INSERT", "UPDATE", "DELETE"),
    "contact_phones": ("INSERT", "UPDATE", "DELETE"),
    "work_sessions": ("INSERT", "UPDATE"),  # own rows only (policies)
    "ledger_entries": ("INSERT",),  # own stops and forfeits only (policies)
    "audit_log": ("INSERT",),
    "mail_outbox": ("INSERT",),
    # linking an unknown sender's mail to a customer (console.mail.unmatched, any agent)
    "mail_in": ("UPDATE(status, ticket_id, customer_id, contact_id, ticket_message_id)",),
    # Any active agent logs an outage (console.uptime_credits.outages.record_outage), in their own
    # name (policy); changing or removing one is a supervisor's.
    "outages": ("INSERT",),
    # A deduction locks its packages (SELECT ... FOR UPDATE needs an UPDATE privilege); the
    # policy's WITH CHECK (false) refuses every actual update.
    "packages": ("UPDATE(reference)",),
}
SUPERVISOR_WRITES: dict[str, tuple[str, ...]] = {
    "packages": ("INSERT",),
    "timesheet_decisions": ("INSERT",),  # others' timesheets only (policy)
    "uptime_credits": ("INSERT", "UPDATE"),
    "outages": ("UPDATE", "DELETE"),
    "business_hours": ("INSERT", "UPDATE", "DELETE"),
    "holidays": ("INSERT", "UPDATE", "DELETE"),
    "closures": ("INSERT", "UPDATE", "DELETE"),
    "settings": ("INSERT", "UPDATE", "DELETE"),
    "mailboxes": ("INSERT", "UPDATE"),
    "mailbox_secrets": ("INSERT", "UPDATE(imap_password, smtp_password)", "SELECT(mailbox_id)"),
    "mail_templates": ("INSERT", "UPDATE", "DELETE"),
    "mail_quarantine": ("UPDATE", "DELETE"),
    # a quarantined message taken in again (console.mail.quarantine.release_quarantined_mail)
    "mail_in": ("INSERT",),
    "mail_attachments": ("INSERT",),
    "notice_templates": ("INSERT", "UPDATE", "DELETE"),
    "statement_subscriptions": ("INSERT", "UPDATE", "DELETE"),
    "office_settings": ("INSERT", "UPDATE"),
    "api_tokens": ("INSERT", "UPDATE(revoked_at)"),
}
SERVER_WRITES: dict[str, tuple[str, ...]] = {
    "mail_in": ("INSERT", "UPDATE"),
    "mail_attachments": ("INSERT",),
    "mail_quarantine": ("INSERT",),
    "mail_outbox": ("INSERT", "UPDATE"),
    "office_job_runs": ("INSERT", "UPDATE"),
    "office_servers": ("INSERT", "UPDATE"),
    "api_token_uses": ("INSERT",),
    "api_tokens": ("UPDATE(last_used_at)",),
    "customer_notices": ("INSERT", "UPDATE"),
    "api_attachments": ("INSERT",),
    "tickets": ("INSERT", "UPDATE"),
    "ticket_messages": ("INSERT", "UPDATE"),
    "ticket_contacts": ("INSERT",),  # a mail's ticket names the contact who wrote it
    "ledger_entries": ("INSERT",),  # forfeits only (policy)
    "audit_log": ("INSERT",),
    "packages": ("UPDATE(reference)",),
}

# Whether who signed in is a person of the app. pg_has_role() counts a superuser as a member of
# every role, so a superuser (the owner of a test server, an IT person's maintenance session) is
# excluded by name: their audit rows keep the agent the service named.
SQL_IS_PERSON = """
CREATE OR REPLACE FUNCTION sc_is_person() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT pg_has_role(session_user, 'sc_agent', 'MEMBER')
       AND NOT (SELECT r.rolsuper FROM pg_catalog.pg_roles AS r WHERE r.rolname = session_user)
$$
"""

# agents.id of the person signed in; NULL for the owner and the office server.
SQL_CURRENT_AGENT = """
CREATE OR REPLACE FUNCTION sc_current_agent_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT a.id FROM public.agents AS a
    WHERE a.username = session_user::text AND a.active AND public.sc_is_person()
$$
"""

SQL_AUDIT_ROLE = """
CREATE OR REPLACE FUNCTION sc_audit_signed_in_agent() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF public.sc_is_person() THEN
        NEW.agent_id := public.sc_current_agent_id();
    END IF;
    RETURN NEW;
END $$
"""

# Account management. Each checks that the caller is a supervisor (or the owner, to set up the
# first one) and that its target is a login role of the app (in agents, not a superuser, not one
# of the groups, no pg_ prefix); the role it gives is one of the two person groups.
SQL_ACCOUNT_FUNCTIONS = [
    """
CREATE OR REPLACE FUNCTION sc_check_caller() RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT (pg_has_role(session_user, 'sc_supervisor', 'MEMBER')
            OR pg_has_role(session_user, current_user, 'MEMBER')) THEN
        RAISE EXCEPTION 'only a supervisor manages accounts' USING ERRCODE = '42501';
    END IF;
END $$
""",
    """
CREATE OR REPLACE FUNCTION sc_group_of(p_role text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog AS $$
BEGIN
    IF p_role = 'agent' THEN RETURN 'sc_agent'; END IF;
    IF p_role = 'supervisor' THEN RETURN 'sc_supervisor'; END IF;
    RAISE EXCEPTION 'unknown role %', p_role USING ERRCODE = '22023';
END $$
""",
    """
CREATE OR REPLACE FUNCTION sc_check_target(p_username text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.agents WHERE username = p_username)
       OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_username
                  AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls))
       OR p_username LIKE 'pg\\_%' OR p_username IN ('sc_agent', 'sc_supervisor', 'sc_server') THEN
        RAISE EXCEPTION 'not an account of the app: %', p_username USING ERRCODE = '42501';
    END IF;
END $$
""",
    """
CREATE OR REPLACE FUNCTION sc_create_account(p_username text, p_full_name text, p_role text,
                                             p_password text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    new_id integer;
BEGIN
    PERFORM sc_check_caller();
    IF p_username !~ '^[a-z][a-z0-9_.]{1,62}$' OR p_username LIKE 'pg\\_%' OR p_username LIKE 'sc\\_%' THEN
        RAISE EXCEPTION 'invalid user name %', p_username USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_username) THEN
        RAISE EXCEPTION 'a database role named % exists already', p_username USING ERRCODE = '42710';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE '
                   'NOREPLICATION NOBYPASSRLS PASSWORD %L IN ROLE %I',
                   p_username, p_password, sc_group_of(p_role));
    INSERT INTO public.agents (username, full_name, role, active, password_hash, failed_sign_ins)
    VALUES (p_username, p_full_name, p_role, true, NULL, 0) RETURNING id INTO new_id;
    RETURN new_id;
END $$
""",
    """
CREATE OR REPLACE FUNCTION sc_set_account_active(p_username text, p_active boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM sc_check_caller();
    PERFORM sc_check_target(p_username);
    EXECUTE format('ALTER ROLE %I %s', p_username, CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
    UPDATE public.agents SET active = p_active WHERE username = p_username;
END $$
""",
    """
CREATE OR REPLACE FUNCTION sc_reset_password(p_username text, p_password text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM sc_check_caller();
    PERFORM sc_check_target(p_username);
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_username, p_password);
    UPDATE public.agents SET failed_sign_ins = 0, locked_until = NULL WHERE username = p_username;
END $$
""",
    """
CREATE OR REPLACE FUNCTION sc_set_account_role(p_username text, p_role text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    wanted text := sc_group_of(p_role);
BEGIN
    PERFORM sc_check_caller();
    PERFORM sc_check_target(p_username);
    EXECUTE format('REVOKE sc_agent, sc_supervisor FROM %I', p_username);
    EXECUTE format('GRANT %I TO %I', wanted, p_username);
    UPDATE public.agents SET role = p_role WHERE username = p_username;
END $$
""",
]
ACCOUNT_FUNCTIONS = (
    "sc_create_account(text, text, text, text)",
    "sc_set_account_active(text, boolean)",
    "sc_reset_password(text, text)",
    "sc_set_account_role(text, text)",
)
INTERNAL_FUNCTIONS = (
    "sc_check_caller()",
    "sc_group_of(text)",
    "sc_check_target(text)",
    "sc_audit_signed_in_agent()",
    "sc_is_person()",
)

# In a sub-select: evaluated once per statement (an init plan), not once per row checked.
_ME = "(SELECT public.sc_current_agent_id())"
_TEHRAN_TODAY = "(now() AT TIME ZONE 'Asia/Tehran')::date"
# (table, policy, command, roles, USING, WITH CHECK)
POLICIES: list[tuple[str, str, str, str, str | None, str | None]] = [
    ("work_sessions", "sc_read", "SELECT", "sc_agent, sc_server", "true", None),
    ("work_sessions", "sc_start_own", "INSERT", "sc_agent", None, f"agent_id = {_ME}"),
    ("work_sessions", "sc_change_own", "UPDATE", "sc_agent", f"agent_id = {_ME}", f"agent_id = {_ME}"),
    ("work_sessions", "sc_supervise", "UPDATE", "sc_supervisor", "true", "true"),
    ("ledger_entries", "sc_read", "SELECT", "sc_agent, sc_server", "true", None),
    (
        "ledger_entries",
        "sc_own_stop",
        "INSERT",
        "sc_agent",
        None,
        f"kind IN ('deduction', 'overage') AND created_by = {_ME} AND EXISTS ("
        f"SELECT 1 FROM public.work_sessions AS s WHERE s.id = session_id AND s.agent_id = {_ME})",
    ),
    ("ledger_entries", "sc_supervisor_entry", "INSERT", "sc_supervisor", None, f"created_by = {_ME}"),
    (
        "ledger_entries",
        "sc_forfeit",
        "INSERT",
        "sc_agent, sc_server",
        None,
        "kind = 'forfeit' AND created_by IS NULL AND EXISTS (SELECT 1 FROM public.packages AS p "
        f"WHERE p.id = package_id AND p.expires_on <= {_TEHRAN_TODAY} AND minutes = -p.balance)",
    ),
    ("outages", "sc_read", "SELECT", "sc_agent, sc_server", "true", None),
    ("outages", "sc_log_own", "INSERT", "sc_agent", None, f"created_by = {_ME}"),
    ("outages", "sc_supervise", "UPDATE", "sc_supervisor", "true", "true"),
    ("outages", "sc_remove", "DELETE", "sc_supervisor", "true", None),
    ("packages", "sc_read", "SELECT", "sc_agent, sc_server", "true", None),
    ("packages", "sc_purchase", "INSERT", "sc_supervisor", None, f"created_by = {_ME}"),
    ("packages", "sc_lock_only", "UPDATE", "sc_agent, sc_server", "true", "false"),
    ("timesheet_decisions", "sc_read", "SELECT", "sc_agent, sc_server", "true", None),
    (
        "timesheet_decisions",
        "sc_decide_others",
        "INSERT",
        "sc_supervisor",
        None,
        f"decided_by = {_ME} AND agent_id <> {_ME}",
    ),
]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _run(conn: Connection, sql: str) -> None:
    """Run one statement as written (through the driver without parameters: ``%`` stays ``%``)."""
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    cursor = dbapi.cursor()
    try:
        cursor.execute(sql)
    finally:
        cursor.close()


def _grant(
    conn: Connection, privileges: Iterable[str], table: str, group: str, tables: dict[str, list[str]]
) -> None:
    """Grant ``privileges`` where the table (and each named column) exists in this database.

    Tables and columns of migrations not applied yet are skipped; running again after them grants.
    """
    if table not in tables:
        return
    for privilege in privileges:
        kind, _, cols = privilege.partition("(")
        if cols:
            present = [c.strip() for c in cols.rstrip(")").split(",") if c.strip() in tables[table]]
            if not present:
                continue
            privilege = f"{kind}({', '.join(_q(c) for c in present)})"
        _run(conn, f"GRANT {privilege} ON {_q(table)} TO {group}")


def apply_db_roles(conn: Connection) -> None:
    """Create or refresh the groups, grants, policies and account functions (PostgreSQL only).

    Args:
        conn: A connection of the owner of the schema's tables (the role that ran the migrations),
            inside a transaction; the caller commits. The owner needs CREATEROLE (or superuser).

    Raises:
        ValueError: If the connection is not to PostgreSQL.
    """
    if conn.dialect.name != "postgresql":
        raise ValueError("database roles exist on PostgreSQL only (the one-PC SQLite setup has none)")
    for group in GROUPS:
        _run(
            conn,
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') "
            f"THEN CREATE ROLE {group} NOLOGIN; END IF; END $$",
        )
    _run(conn, f"GRANT {AGENT_GROUP} TO {SUPERVISOR_GROUP}")
    # The app's groups may connect; whether everybody else may too is close_database()'s.
    _run(
        conn,
        f"DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO {', '.join(GROUPS)}', "
        "current_database()); END $$",
    )
    _run(conn, "REVOKE ALL ON SCHEMA public FROM PUBLIC")
    _run(conn, f"GRANT USAGE ON SCHEMA public TO {', '.join(GROUPS)}")
    _run(conn, "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC")
    _run(conn, "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC")
    _run(conn, f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {', '.join(GROUPS)}")

    tables: dict[str, list[str]] = {}
    for table, column in conn.execute(
        text(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"
        )
    ):
        tables.setdefault(table, []).append(column)
    if tables.pop("alembic_version", None) is not None:
        # Who signs in reads which revision the schema is at (never writes it: only the owner
        # migrates), so that an app newer than the schema says so instead of failing half-way.
        _run(conn, f"REVOKE ALL ON alembic_version FROM {', '.join(GROUPS)}")
        _run(conn, f"GRANT SELECT ON alembic_version TO {', '.join(GROUPS)}")
    for table, columns in tables.items():
        _run(conn, f"REVOKE ALL ON {_q(table)} FROM {', '.join(GROUPS)}")
        for group in GROUPS:
            if table in SECRET_TABLES and not (group == SERVER_GROUP and table in SERVER_READS):
                continue
            hidden = SECRET_COLUMNS.get(table, set())
            if group == SERVER_GROUP and table in SERVER_READS:
                hidden = set()
            if hidden:
                shown = ", ".join(_q(c) for c in columns if c not in hidden)
                _run(conn, f"GRANT SELECT ({shown}) ON {_q(table)} TO {group}")
            else:
                _run(conn, f"GRANT SELECT ON {_q(table)} TO {group}")
    for writes, group in ((AGENT_WRITES, AGENT_GROUP), (SUPERVISOR_WRITES, SUPERVISOR_GROUP)):
        for table, privileges in writes.items():
            _grant(conn, privileges, table, group, tables)
    for table, privileges in SERVER_WRITES.items():
        _grant(conn, privileges, table, SERVER_GROUP, tables)

    _run(conn, SQL_IS_PERSON)
    _run(conn, SQL_CURRENT_AGENT)
    _run(conn, SQL_AUDIT_ROLE)
    for sql in SQL_ACCOUNT_FUNCTIONS:
        _run(conn, sql)
    # The stored balance is kept by the ledger trigger, which must write it whoever inserts.
    _run(
        conn,
        "ALTER FUNCTION support_console_package_balance() SECURITY DEFINER "
        "SET search_path = pg_catalog, public",
    )
    _run(conn, "DROP TRIGGER IF EXISTS audit_log_signed_in_agent ON audit_log")
    _run(
        conn,
        "CREATE TRIGGER audit_log_signed_in_agent BEFORE INSERT ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION sc_audit_signed_in_agent()",
    )
    for function in (*ACCOUNT_FUNCTIONS, *INTERNAL_FUNCTIONS, "sc_current_agent_id()"):
        _run(conn, f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
    _run(conn, f"GRANT EXECUTE ON FUNCTION sc_current_agent_id() TO {', '.join(GROUPS)}")
    for function in ACCOUNT_FUNCTIONS:
        _run(conn, f"GRANT EXECUTE ON FUNCTION {function} TO {SUPERVISOR_GROUP}")
    # Trigger functions and the balance trigger run for whoever inserts.
    for function in ("support_console_package_balance()", "support_console_append_only()"):
        _run(conn, f"GRANT EXECUTE ON FUNCTION {function} TO {', '.join(GROUPS)}")
    _run(conn, f"GRANT EXECUTE ON FUNCTION sc_audit_signed_in_agent() TO {', '.join(GROUPS)}")

    for table in sorted({p[0] for p in POLICIES}):
        _run(conn, f"ALTER TABLE {_q(table)} ENABLE ROW LEVEL SECURITY")
    for table, name, command, roles, using, check in POLICIES:
        _run(conn, f"DROP POLICY IF EXISTS {name} ON {_q(table)}")
        sql = f"CREATE POLICY {name} ON {_q(table)} FOR {command} TO {roles}"
        if using is not None:
            sql += f" USING ({using})"
        if check is not None:
            sql += f" WITH CHECK ({check})"
        _run(conn, sql)


def close_database(conn: Connection) -> None:
    """Only the app's groups (and the owner) may connect to this database from now on.

    A login role made for something else on the same server cannot even look at the tables. Not
    part of :func:`apply_db_roles` (which migrations run): on an existing installation the shared
    login may not be the owner, and every PC would be cut off before its people have logins.
    ``admin init-server`` runs it on a new server; ``admin migrate-accounts`` prints it with the
    SQL that retires the shared login.
    """
    _run(
        conn,
        "DO $$ BEGIN EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database()); END $$",
    )


def remove_db_policies(conn: Connection) -> None:
    """Undo :func:`apply_db_roles` on the schema (the roles themselves stay; they are the cluster's).

    Policies depend on the columns they name, so a migration that drops or retypes such a column
    runs between this and a new :func:`apply_db_roles` (the owner does both, around the upgrade).
    """
    if conn.dialect.name != "postgresql":
        return
    present = {
        name for (name,) in conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
    }
    for table, name, *_ in POLICIES:
        if table in present:
            _run(conn, f"DROP POLICY IF EXISTS {name} ON {_q(table)}")
    for table in sorted({p[0] for p in POLICIES} & present):
        _run(conn, f"ALTER TABLE {_q(table)} DISABLE ROW LEVEL SECURITY")
    if "audit_log" in present:
        _run(conn, "DROP TRIGGER IF EXISTS audit_log_signed_in_agent ON audit_log")
    for function in (*ACCOUNT_FUNCTIONS, *INTERNAL_FUNCTIONS, "sc_current_agent_id()"):
        _run(conn, f"DROP FUNCTION IF EXISTS {function}")
    _run(conn, "ALTER FUNCTION support_console_package_balance() SECURITY INVOKER RESET search_path")
    for table in sorted(present - {"alembic_version"}):
        _run(conn, f"REVOKE ALL ON {_q(table)} FROM {', '.join(GROUPS)}")


def scram_verifier(conn: Connection, username: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password`` for ``username``, computed here, on the client.

    What ``CREATE ROLE … PASSWORD`` and ``ALTER ROLE … PASSWORD`` are given instead of the clear
    password, so that it never reaches the server (nor its log, with ``log_statement = 'all'``).
    The password is normalised as the app's are (:func:`console.accounts.normalize_password`):
    the same key on a Persian or an Arabic keyboard layout is the same password, and the sign-in
    dialog normalises what is typed the same way.
    """
    from console.accounts import normalize_password

    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    raw: bytes = dbapi.pgconn.encrypt_password(
        normalize_password(password).encode("utf-8"), username.encode("utf-8"), b"scram-sha-256"
    )
    return raw.decode("ascii")


def create_account_as_owner(conn: Connection, username: str, full_name: str, role: str, password: str) -> int:
    """Create a person's login role and agents row as the owner (the first supervisor of a server).

    The same database function a supervisor calls from the accounts page, given the password's
    SCRAM verifier (:func:`scram_verifier`); returns ``agents.id``.
    """
    return int(
        conn.execute(
            text("SELECT sc_create_account(:u, :n, :r, :p)"),
            {"u": username, "n": full_name, "r": role, "p": scram_verifier(conn, username, password)},
        ).scalar_one()
    )
