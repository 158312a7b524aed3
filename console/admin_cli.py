"""``support-console admin …``: the office IT person's commands for the shared PostgreSQL server (issue 17).

* ``admin init-server --database OWNER_URL --supervisor USERNAME --full-name NAME`` migrates the
  database as its owner, sets up the roles (:func:`console.db_roles.apply_db_roles`) and creates
  the first supervisor: a login role of their own in ``sc_supervisor`` and their ``agents`` row.
  The password is asked on the terminal (twice), or read from ``--password-file``.
  ``--office-server-login NAME`` creates the office server's login role too (in ``sc_server``).
* ``admin apply-roles --database OWNER_URL`` migrates as the owner and applies the roles again:
  after each upgrade of the app (new tables get their grants).
* ``admin migrate-accounts --database OWNER_URL [--shared-login NAME]`` gives each existing account
  without one a login role in its group, with a one-time password printed once (the app's scrypt
  hashes cannot become PostgreSQL's SCRAM verifiers: each person gets a new password from the IT
  person, or a supervisor resets it). It then prints the SQL that retires the shared login; it does
  not run it: the IT person runs it once every PC signs in with people's own names.

No Qt here; the app and the office server are not loaded. Output is for the IT person, in English
like the office server's command line.
"""

from __future__ import annotations

import argparse
import getpass
import secrets
import sys
from pathlib import Path
from typing import TextIO

from sqlalchemy import Connection, Engine, text

from console.accounts import MIN_PASSWORD_LENGTH
from console.db import make_engine
from console.db_roles import (
    AGENT_GROUP,
    GROUPS,
    SERVER_GROUP,
    SUPERVISOR_GROUP,
    apply_db_roles,
    close_database,
    create_account_as_owner,
    scram_verifier,
)
from console.migrate import upgrade_to_head

__all__ = ["apply_roles", "init_server", "main", "migrate_accounts", "retire_shared_login_sql"]


class AdminError(Exception):
    """A problem the IT person must fix; printed without a traceback."""


def _owner_engine(url: str) -> Engine:
    engine = make_engine(url)
    if engine.dialect.name != "postgresql":
        engine.dispose()
        raise AdminError("database roles exist on PostgreSQL only; the one-PC SQLite setup needs none")
    return engine


def _check_owner(conn: Connection) -> None:
    if not conn.execute(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar():
        raise AdminError("this login may not create roles: connect as the database's owner with CREATEROLE")


def _new_password() -> str:
    return secrets.token_urlsafe(12)


def _create_login(conn: Connection, name: str, password: str, group: str, *, login: bool = True) -> None:
    sql = conn.execute(
        text(
            "SELECT format('CREATE ROLE %I ' || CAST(:login AS text) || ' PASSWORD %L IN ROLE %I', "
            "CAST(:n AS text), CAST(:p AS text), CAST(:g AS text))"
        ),
        # the SCRAM verifier, not the password: the clear one never reaches the server or its log
        {
            "login": "LOGIN" if login else "NOLOGIN",
            "n": name,
            "p": scram_verifier(conn, name, password),
            "g": group,
        },
    ).scalar_one()
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    cursor = dbapi.cursor()
    try:
        cursor.execute(sql)  # no parameters: the quoted password may hold a "%"
    finally:
        cursor.close()


def init_server(
    owner_url: str,
    *,
    supervisor: str,
    full_name: str,
    password: str,
    office_server_login: str | None = None,
) -> dict[str, str]:
    """Migrate, set up the roles, create the first supervisor (and the office server's login).

    Returns:
        ``{login: password}`` of a generated office server login (empty when none was asked).

    Raises:
        AdminError: Not PostgreSQL, the login may not create roles, a weak password, or the
            supervisor's name is taken.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AdminError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
    engine = _owner_engine(owner_url)
    generated: dict[str, str] = {}
    try:
        with engine.connect() as conn:
            _check_owner(conn)
        upgrade_to_head(engine)
        with engine.begin() as conn:
            apply_db_roles(conn)  # again: a database already at head before issue 17 has none yet
            close_database(conn)  # a new server: nobody shares a login yet
            name = supervisor.strip().lower()
            if conn.execute(text("SELECT 1 FROM agents WHERE username = :u"), {"u": name}).first():
                raise AdminError(f"an account named {name!r} exists already: use 'admin migrate-accounts'")
            create_account_as_owner(conn, name, full_name.strip(), "supervisor", password)
            if office_server_login:
                generated[office_server_login] = _new_password()
                _create_login(conn, office_server_login, generated[office_server_login], SERVER_GROUP)
    except AdminError:
        raise
    except Exception as exc:
        raise AdminError(f"the server refused: {exc}") from exc
    finally:
        engine.dispose()
    return generated


def apply_roles(owner_url: str) -> None:
    """Migrate as the owner and apply the roles again (after each upgrade of the app)."""
    engine = _owner_engine(owner_url)
    try:
        with engine.connect() as conn:
            _check_owner(conn)
        upgrade_to_head(engine)
        with engine.begin() as conn:
            apply_db_roles(conn)
    except AdminError:
        raise
    except Exception as exc:
        raise AdminError(f"the server refused: {exc}") from exc
    finally:
        engine.dispose()


def migrate_accounts(owner_url: str) -> tuple[dict[str, str], list[str]]:
    """A login role for each account that has none: ``({username: one-time password}, skipped)``.

    Disabled accounts get a role that may not log in (re-enabling one on the accounts page lets it).
    A name already taken by a role that is not in the app's groups is skipped and listed: the IT
    person decides whether it is that person's.
    """
    engine = _owner_engine(owner_url)
    created: dict[str, str] = {}
    skipped: list[str] = []
    try:
        with engine.begin() as conn:
            _check_owner(conn)
            apply_db_roles(conn)
            roles = {r for (r,) in conn.execute(text("SELECT rolname FROM pg_roles"))}
            accounts = conn.execute(text("SELECT username, role, active FROM agents ORDER BY id")).all()
            for username, role, active in accounts:
                if username in GROUPS or username.startswith("pg_"):
                    skipped.append(username)
                    continue
                if username in roles:  # done before, or someone else's role of that name
                    if not _in_group(conn, username):
                        skipped.append(username)
                    continue
                group = SUPERVISOR_GROUP if role == "supervisor" else AGENT_GROUP
                password = _new_password()
                _create_login(conn, username, password, group, login=bool(active))
                created[username] = password
    except Exception as exc:
        raise AdminError(f"the server refused: {exc}") from exc
    finally:
        engine.dispose()
    return created, skipped


def _in_group(conn: Connection, username: str) -> bool:
    return bool(
        conn.execute(
            text("SELECT pg_has_role(:u, 'sc_agent', 'MEMBER')"),
            {"u": username},
        ).scalar()
    )


def retire_shared_login_sql(shared_login: str, *, owns_tables: bool) -> str:
    """The SQL that retires the old shared login, for the IT person to run (never run here)."""
    q = '"' + shared_login.replace('"', '""') + '"'
    lines = [
        "-- Run once every PC signs in with people's own names (the shared password is then useless).",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {q};",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {q};",
        "-- Only the app's groups (and the owner) may connect to this database:",
        "DO $$ BEGIN EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database()); END $$;",
    ]
    if owns_tables:
        lines += [
            f"-- {shared_login} owns the tables: it stays the owner that runs migrations. Give it a new",
            "-- password kept by the IT person only, and delete the old one from every PC's keyring:",
            f"ALTER ROLE {q} PASSWORD 'a new password known to the IT person only';",
        ]
    else:
        lines += [
            f"REVOKE ALL ON SCHEMA public FROM {q};",
            f"ALTER ROLE {q} NOLOGIN;",
        ]
    return "\n".join(lines)


def _owns_tables(owner_url: str, login: str) -> bool:
    engine = _owner_engine(owner_url)
    try:
        with engine.connect() as conn:
            return bool(
                conn.execute(
                    text(
                        "SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tableowner = :u)"
                    ),
                    {"u": login},
                ).scalar()
            )
    finally:
        engine.dispose()


def _password(args: argparse.Namespace, stdin: TextIO) -> str:
    if args.password_file:
        lines = Path(args.password_file).read_text(encoding="utf-8").splitlines()
        return lines[0] if lines else ""
    first = getpass.getpass(f"password for {args.supervisor}: ", stream=sys.stderr)
    if getpass.getpass("again: ", stream=sys.stderr) != first:
        raise AdminError("the two passwords differ")
    return first


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="support-console admin", description="set up the shared PostgreSQL server"
    )
    sub = p.add_subparsers(dest="command", required=True)
    init = sub.add_parser("init-server", help="migrate, set up roles, create the first supervisor")
    init.add_argument(
        "--database", metavar="OWNER_URL", required=True, help="URL of the schema owner's login"
    )
    init.add_argument("--supervisor", metavar="USERNAME", required=True)
    init.add_argument("--full-name", metavar="NAME", required=True)
    init.add_argument("--password-file", metavar="PATH", help="first line: the supervisor's password")
    init.add_argument("--office-server-login", metavar="NAME", help="also create the office server's login")
    again = sub.add_parser("apply-roles", help="migrate as the owner and apply the roles again")
    again.add_argument("--database", metavar="OWNER_URL", required=True)
    mig = sub.add_parser("migrate-accounts", help="a login role for every existing account")
    mig.add_argument("--database", metavar="OWNER_URL", required=True)
    mig.add_argument("--shared-login", metavar="NAME", help="the login every PC shared until now")
    return p.parse_args(argv)


def main(argv: list[str], stdout: TextIO | None = None, stdin: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    args = parse_args(argv)
    try:
        if args.command == "init-server":
            generated = init_server(
                args.database,
                supervisor=args.supervisor,
                full_name=args.full_name,
                password=_password(args, stdin or sys.stdin),
                office_server_login=args.office_server_login,
            )
            print(f"roles set up; supervisor {args.supervisor.strip().lower()} created", file=out)
            for login, password in generated.items():
                print(f"office server login {login}: password {password} (shown once)", file=out)
            return 0
        if args.command == "apply-roles":
            apply_roles(args.database)
            print("migrated; roles applied", file=out)
            return 0
        created, skipped = migrate_accounts(args.database)
        print("one-time passwords (shown once; give each to its person, who changes it):", file=out)
        for username, password in created.items():
            print(f"  {username}\t{password}", file=out)
        for username in skipped:
            print(f"  {username}\tSKIPPED: a role of that name exists outside the app's groups", file=out)
        if args.shared_login:
            print(
                retire_shared_login_sql(
                    args.shared_login, owns_tables=_owns_tables(args.database, args.shared_login)
                ),
                file=out,
            )
        return 0
    except (AdminError, OSError) as exc:
        print(f"support-console admin: {exc}", file=sys.stderr)
        return 2
