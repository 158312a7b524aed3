"""Setting up the database roles (issue 17): migration 0009, ``admin init-server``,
``admin migrate-accounts``, and the URL a person signs in with (``person_url``).

The server tests use a database of their own on the test PostgreSQL server (created and dropped
here), so a whole first installation runs: migrations from nothing as the owner, the roles, the
first supervisor signing in as themselves. Roles are the cluster's: each test drops the login
roles it made.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, make_url, text

from console.admin_cli import AdminError, init_server, main, migrate_accounts, retire_shared_login_sql
from console.connection import person_url
from console.db import make_engine
from console.db_roles import POLICIES, apply_db_roles
from console.errors import ValidationError
from console.migrate import alembic_config
from tests.conftest import PG_URL

LOGINS = ("s_boss", "s_ali", "s_sara", "s_gone", "s_office", "s_shared")


def test_issue17_person_url_puts_the_persons_name_into_the_servers_url_and_keeps_tls() -> None:
    server = "postgresql://db.office.lan:6432/console?sslmode=verify-full&sslrootcert=/etc/office/ca.pem"
    url = make_url(person_url(server, "  Ali.R ", "p@ss/w%rd:1"))
    assert (url.username, url.password) == ("ali.r", "p@ss/w%rd:1")
    assert (url.host, url.port, url.database, url.drivername) == (
        "db.office.lan",
        6432,
        "console",
        "postgresql+psycopg",
    )
    assert dict(url.query) == {"sslmode": "verify-full", "sslrootcert": "/etc/office/ca.pem"}


def test_issue17_person_url_replaces_a_shared_login_left_in_the_url() -> None:
    url = make_url(person_url("postgresql+psycopg://support:shared@db/console", "sara", "hers"))
    assert (url.username, url.password) == ("sara", "hers")


@pytest.mark.parametrize(
    ("server", "username"),
    [
        ("sqlite:///x.db", "ali"),
        ("postgresql://db/console", "  "),
        ("postgresql:///console", "ali"),
        ("nonsense", "ali"),
    ],
)
def test_issue17_person_url_refuses_what_is_not_a_shared_server_or_a_name(server: str, username: str) -> None:
    with pytest.raises(ValidationError):
        person_url(server, username, "pw")


@pytest.fixture
def fresh_db(pg_engine: Engine) -> Iterator[str]:
    """An empty database of its own; its URL (the owner's: the test server's superuser)."""
    name = "sc_setup_test"
    owner = pg_engine.execution_options(isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    _drop_logins(pg_engine)
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with owner.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    _drop_logins(pg_engine)


def _drop_logins(engine: Engine) -> None:
    with engine.begin() as conn:
        for name in LOGINS:
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}"')


def _connect(url: str, user: str, password: str) -> psycopg.Connection[object]:
    u = make_url(url)
    return psycopg.connect(host=u.host, port=u.port, dbname=u.database, user=user, password=password)


def _policies(url: str) -> set[tuple[str, str]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {(t, p) for t, p in conn.execute(text("SELECT tablename, policyname FROM pg_policies"))}
    finally:
        engine.dispose()


pg = pytest.mark.postgres


@pg
def test_issue17_init_server_migrates_sets_up_roles_and_the_first_supervisor(
    fresh_db: str, tmp_path: Path
) -> None:
    secret = tmp_path / "pw"
    secret.write_text("first-boss-pw\n", encoding="utf-8")
    out = io.StringIO()
    code = main(
        [
            "init-server",
            "--database",
            fresh_db,
            "--supervisor",
            "S_Boss",
            "--full-name",
            "Boss",
            "--password-file",
            str(secret),
            "--office-server-login",
            "s_office",
        ],
        stdout=out,
    )
    assert code == 0, out.getvalue()
    assert {(t, p) for t, p, *_ in POLICIES} <= _policies(fresh_db)  # migration 0009 and init-server
    with _connect(fresh_db, "s_boss", "first-boss-pw") as conn:
        me = conn.execute("SELECT sc_current_agent_id(), pg_has_role('sc_supervisor', 'MEMBER')").fetchone()
        assert me is not None and me[0] is not None and me[1] is True
        row = conn.execute("SELECT username, role, active FROM agents").fetchall()
        assert row == [("s_boss", "supervisor", True)]
    office_password = out.getvalue().split("office server login s_office: password ")[1].split()[0]
    with _connect(fresh_db, "s_office", office_password) as conn:
        assert conn.execute(
            "SELECT pg_has_role('sc_server', 'MEMBER'), sc_current_agent_id()"
        ).fetchone() == (True, None)
    # Again on the same server: refused (the name is taken), roles left as they were.
    with pytest.raises(AdminError):
        init_server(fresh_db, supervisor="s_boss", full_name="Boss", password="another-pw")


@pg
def test_issue17_init_server_refuses_a_short_password_and_sqlite(fresh_db: str, tmp_path: Path) -> None:
    with pytest.raises(AdminError):
        init_server(fresh_db, supervisor="s_boss", full_name="Boss", password="short")
    with pytest.raises(AdminError):
        init_server(
            f"sqlite:///{tmp_path / 'x.db'}", supervisor="s_boss", full_name="Boss", password="long-enough"
        )
    assert _policies(fresh_db) == set()  # nothing was migrated


@pg
def test_issue17_migrate_accounts_gives_each_existing_account_its_login_once(fresh_db: str) -> None:
    engine = make_engine(fresh_db)
    try:
        from console.migrate import upgrade_to_head

        upgrade_to_head(engine)
        with engine.begin() as conn:  # accounts of an installation from before issue 17
            conn.execute(
                text(
                    "INSERT INTO agents (username, full_name, role, active, password_hash, failed_sign_ins) VALUES "
                    "('s_ali', 'Ali', 'agent', true, 'scrypt$x', 0), ('s_sara', 'Sara', 'supervisor', true, NULL, 0),"
                    " ('s_gone', 'Gone', 'agent', false, NULL, 0)"
                )
            )
            conn.exec_driver_sql("CREATE ROLE s_shared LOGIN PASSWORD 'shared'")
    finally:
        engine.dispose()
    created, skipped = migrate_accounts(fresh_db)
    assert set(created) == {"s_ali", "s_sara", "s_gone"} and skipped == []
    with _connect(fresh_db, "s_ali", created["s_ali"]) as conn:
        assert conn.execute(
            "SELECT pg_has_role('sc_agent', 'MEMBER'), pg_has_role('sc_supervisor', 'MEMBER')"
        ).fetchone() == (True, False)
    with _connect(fresh_db, "s_sara", created["s_sara"]) as conn:
        assert conn.execute("SELECT pg_has_role('sc_supervisor', 'MEMBER')").fetchone() == (True,)
    with pytest.raises(psycopg.OperationalError):  # a disabled account's role may not log in
        _connect(fresh_db, "s_gone", created["s_gone"])
    assert migrate_accounts(fresh_db) == ({}, [])  # run again: nothing new, no password changed
    out = io.StringIO()
    assert main(["migrate-accounts", "--database", fresh_db, "--shared-login", "s_shared"], stdout=out) == 0
    assert 'ALTER ROLE "s_shared" NOLOGIN;' in out.getvalue()
    assert "REVOKE CONNECT ON DATABASE %I FROM PUBLIC" in out.getvalue()
    with _connect(fresh_db, "s_shared", "shared"):  # printed, not run
        pass


def test_issue17_retiring_a_shared_login_that_owns_the_tables_keeps_it_as_owner() -> None:
    sql = retire_shared_login_sql('sup"port', owns_tables=True)
    assert 'ALTER ROLE "sup""port" PASSWORD' in sql and "NOLOGIN" not in sql


@pg
def test_issue17_migration_0009_sets_up_roles_and_its_downgrade_removes_them(pg_engine: Engine) -> None:
    from alembic import command

    cfg = alembic_config()
    with pg_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")
    assert _policies(PG_URL) == set()
    with pg_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    expected = {(t, p) for t, p, *_ in POLICIES}
    assert expected <= _policies(PG_URL)
    with pg_engine.begin() as conn:  # idempotent: a second run (init-server after the migration)
        apply_db_roles(conn)
    assert expected <= _policies(PG_URL)


@pg
def test_issue17_a_login_outside_the_apps_groups_cannot_connect(fresh_db: str) -> None:
    init_server(fresh_db, supervisor="s_boss", full_name="Boss", password="first-boss-pw")
    engine = make_engine(fresh_db)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE ROLE s_shared LOGIN PASSWORD 'shared'")
    finally:
        engine.dispose()
    with pytest.raises(psycopg.OperationalError, match="CONNECT"):
        _connect(fresh_db, "s_shared", "shared")
    with _connect(fresh_db, "s_boss", "first-boss-pw"):
        pass


@pg
def test_issue17_apply_roles_grants_what_a_new_version_added(fresh_db: str) -> None:
    init_server(fresh_db, supervisor="s_boss", full_name="Boss", password="first-boss-pw")
    engine = make_engine(fresh_db)
    try:
        with engine.begin() as conn:  # a grant missing, as for a table a new version added
            conn.exec_driver_sql("REVOKE SELECT ON tickets FROM sc_agent, sc_supervisor")
    finally:
        engine.dispose()
    with (
        _connect(fresh_db, "s_boss", "first-boss-pw") as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute("SELECT count(*) FROM tickets")
    assert main(["apply-roles", "--database", fresh_db], stdout=io.StringIO()) == 0
    with _connect(fresh_db, "s_boss", "first-boss-pw") as conn:
        assert conn.execute("SELECT count(*) FROM tickets").fetchone() == (0,)


@pg
def test_issue17_an_owner_that_is_not_a_superuser_sets_up_the_server(
    fresh_db: str, pg_engine: Engine
) -> None:
    """The usual office setup: the owner has CREATEROLE, not superuser; everything still works."""
    owner = pg_engine.execution_options(isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        conn.exec_driver_sql("CREATE ROLE s_shared LOGIN CREATEROLE PASSWORD 'owner-pw'")
        conn.exec_driver_sql(f"ALTER DATABASE {make_url(fresh_db).database} OWNER TO s_shared")
    owner_url = (
        make_url(fresh_db).set(username="s_shared", password="owner-pw").render_as_string(hide_password=False)
    )
    init_server(owner_url, supervisor="s_boss", full_name="Boss", password="first-boss-pw")
    with _connect(fresh_db, "s_boss", "first-boss-pw") as conn:
        conn.execute("SELECT sc_create_account('s_ali', 'Ali', 'agent', 'pw-s_ali-1')")
        conn.commit()
    with _connect(fresh_db, "s_ali", "pw-s_ali-1") as conn:
        assert conn.execute("SELECT sc_current_agent_id() IS NOT NULL").fetchone() == (True,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT password_hash FROM agents")
    with owner.connect() as conn:
        for name in ("s_boss", "s_ali"):  # the owner's grants of membership go with it below
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}"')
        conn.exec_driver_sql(f"ALTER DATABASE {make_url(fresh_db).database} OWNER TO CURRENT_USER")
        conn.exec_driver_sql(f"DROP DATABASE {make_url(fresh_db).database} WITH (FORCE)")
