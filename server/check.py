"""``support-console server --check``: what is configured, and whether each part can be reached.

On PostgreSQL it also says which database role the office server signed in as (issue 17): it should
be its own login, a member of ``sc_server``, so that the database limits it to the server's work.
Signed in as a person (a member of ``sc_agent``) or as the owner of the tables (or a superuser, to
whom no grant or policy applies), it warns; the check still passes, the warning says what to change.
"""

from __future__ import annotations

import socket
from typing import Literal

from sqlalchemy import Connection, text

from console.db import describe, is_connection_error, make_engine, session_factory
from console.migrate import current_revision, head_revision
from server.service import ServerConfig


def _tcp(host: str, port: int, timeout: float = 3.0) -> str | None:
    """None when something answers on host:port; else why not."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return None
    except OSError as exc:
        return str(exc) or type(exc).__name__


def _port_free(host: str, port: int) -> str | None:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        try:
            s.bind((host, port))
            return None
        except OSError as exc:
            return str(exc)


LoginKind = Literal["server", "person", "owner", "other"]

_LOGIN_SQL = text(
    "SELECT session_user::text, r.rolsuper, "
    "EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = 'public' AND tableowner = session_user), "
    "ARRAY(SELECT g.rolname::text FROM pg_catalog.pg_auth_members AS m "
    "JOIN pg_catalog.pg_roles AS g ON g.oid = m.roleid WHERE m.member = r.oid) "
    "FROM pg_catalog.pg_roles AS r WHERE r.rolname = session_user"
)


def database_login(conn: Connection) -> tuple[str, LoginKind]:
    """Who the connection signed in as (PostgreSQL), and what that login is to the app."""
    name, superuser, owner, groups = conn.execute(_LOGIN_SQL).one()
    if superuser or owner:
        return str(name), "owner"
    if "sc_agent" in groups or "sc_supervisor" in groups:
        return str(name), "person"
    if "sc_server" in groups:
        return str(name), "server"
    return str(name), "other"


LOGIN_WARNINGS: dict[LoginKind, str] = {
    "person": "a person's login (a member of sc_agent): the server would act in their name; "
    "give it its own login in sc_server (support-console admin init-server --office-server-login)",
    "owner": "the owner of the tables (or a superuser): no grant or policy limits it; give the office "
    "server its own login in sc_server, and keep the owner's for migrations",
    "other": "a login outside the app's groups: it may not read or write the tables; use a login in sc_server",
}


def run_check(config: ServerConfig) -> int:
    """Print one line per part (``ok`` or ``FAIL …``); 0 when every part is fine, 1 otherwise."""
    failures = 0

    def report(part: str, problem: str | None, detail: str = "") -> None:
        nonlocal failures
        if problem is None:
            print(f"ok    {part}" + (f": {detail}" if detail else ""))
        else:
            failures += 1
            print(f"FAIL  {part}: {problem}")

    info = describe(config.database_url)
    print(f"database: {info.kind} {info.location}")
    print(f"api: {config.api_host}:{config.api_port}" if config.api_port else "api: off")
    engine = make_engine(config.database_url)
    mailboxes: list[tuple[str, str, int, str, int]] = []
    try:
        kind: LoginKind | None = None
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            if engine.dialect.name == "postgresql":
                login, kind = database_login(conn)
                if kind == "server":
                    print(f"ok    database login: {login} (the office server's own, in sc_server)")
                else:
                    print(f"WARN  database login: {login} is {LOGIN_WARNINGS[kind]}")
        current, head = current_revision(engine), head_revision()
        migrates = kind in (None, "owner")  # only the owner may; the server's own login may not
        report(
            "database",
            None
            if current == head
            else f"schema at {current}, the server needs {head} "
            + (
                "(it migrates on start)"
                if migrates
                else "(this login may not migrate: run 'support-console admin apply-roles' as the owner)"
            ),
            f"schema {current}",
        )
        from console.mail.mailboxes import active_mailbox_names, mailbox_config

        with session_factory(engine)() as session:
            for name in active_mailbox_names(session):
                m = mailbox_config(session, name)
                mailboxes.append((name, m.imap_host, m.imap_port, m.smtp_host, m.smtp_port))
    except Exception as exc:
        if not is_connection_error(exc):
            raise
        report("database", str(exc).splitlines()[0])
    finally:
        engine.dispose()
    if not mailboxes:
        print("mailboxes: none configured (no mail is fetched or sent)")
    for name, imap_host, imap_port, smtp_host, smtp_port in mailboxes:
        if imap_host:
            report(f"mailbox {name} IMAP {imap_host}:{imap_port}", _tcp(imap_host, imap_port))
        if smtp_host:
            report(f"mailbox {name} SMTP {smtp_host}:{smtp_port}", _tcp(smtp_host, smtp_port))
    if config.api_port:
        busy = _port_free(config.api_host, config.api_port)
        if busy is None:
            report(f"api port {config.api_host}:{config.api_port}", None, "free to listen on")
        else:
            report(f"api port {config.api_host}:{config.api_port}", f"cannot listen: {busy}")
    return 1 if failures else 0
