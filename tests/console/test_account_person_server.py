"""Signing in as oneself at the shared server, and the accounts services there (issue 17, the wiring).

PostgreSQL only. The roles are set up the way ``tests/console/test_db_roles.py`` does (the owner runs
``apply_db_roles`` and ``create_account_as_owner``); each test then works through the person's own
engine, as the app does after the sign-in dialog. Tests that need PostgreSQL to check a password
(a wrong one refused) need a server whose ``pg_hba.conf`` asks for SCRAM over TCP:
``PG_HOST_AUTH=scram-sha-256 scripts/pg-start.sh DIR PORT``; on a server that trusts every password
they are skipped, saying so.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import URL, Engine, create_engine, make_url, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from console.accounts import (
    create_account,
    first_password_account,
    list_accounts,
    my_account,
    on_person_server,
    passwordless_accounts,
    reset_password,
    set_active,
    set_password,
    set_role,
)
from console.db import session_factory, unit_of_work
from console.db_roles import apply_db_roles, create_account_as_owner, remove_db_policies
from console.errors import PermissionDeniedError, ValidationError
from console.models import Base
from console.notify import CHANNEL, listen
from console.person_sign_in import (
    APPLY_ROLES_COMMAND,
    SIGN_IN_REFUSED,
    PersonSignIn,
    SchemaNotReadyError,
    SignInRefusedError,
    is_person_server,
    sign_in_as_person,
)
from tests.conftest import PG_URL

pytestmark = pytest.mark.postgres

PEOPLE = {"p17_boss": "supervisor", "p17_reza": "supervisor", "p17_ali": "agent"}
CREATED = ("p17_new", "p17_sara", "p17_logged")


def pw(name: str) -> str:
    return f"pw-{name}-1"


@dataclass(frozen=True)
class Server:
    url: str  # the server's URL without a user: what a PC keeps
    ids: dict[str, int]
    checks_passwords: bool

    def sign_in(self, username: str, password: str | None = None) -> PersonSignIn:
        return sign_in_as_person(self.url, username, pw(username) if password is None else password)


def _drop_roles(engine: Engine) -> None:
    with engine.begin() as conn:
        for name in (*PEOPLE, *CREATED):
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}"')


def _checks_passwords() -> bool:
    u = make_url(PG_URL)
    try:
        psycopg.connect(
            host=u.host, port=u.port, dbname=u.database, user="p17_ali", password="certainly-wrong"
        ).close()
    except psycopg.OperationalError:
        return True
    return False


@pytest.fixture(scope="module")
def server(pg_engine: Engine) -> Iterator[Server]:
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with pg_engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    _drop_roles(pg_engine)
    ids: dict[str, int] = {}
    with pg_engine.begin() as conn:
        apply_db_roles(conn)
        for name, role in PEOPLE.items():
            ids[name] = create_account_as_owner(conn, name, name.upper(), role, pw(name))
    u = make_url(PG_URL)  # URL.set(username=None) keeps the user: build it without one
    url = URL.create(u.drivername, host=u.host, port=u.port, database=u.database).render_as_string()
    assert is_person_server(url)
    yield Server(url, ids, _checks_passwords())
    with pg_engine.begin() as conn:
        remove_db_policies(conn)
    _drop_roles(pg_engine)


@pytest.fixture
def scram(server: Server) -> Server:
    if not server.checks_passwords:
        pytest.skip("the test server trusts every password: start one with PG_HOST_AUTH=scram-sha-256")
    return server


def _session_user(signed: PersonSignIn) -> str:
    with signed.engine.connect() as conn:
        return str(conn.execute(text("SELECT session_user")).scalar())


def test_issue17_a_url_without_a_user_is_a_person_sign_in_server() -> None:
    assert is_person_server("postgresql+psycopg://db.office.lan:5432/console?sslmode=require")
    assert not is_person_server("postgresql+psycopg://support@db.office.lan/console")
    assert not is_person_server("sqlite:///tmp/console.sqlite3")


@pytest.mark.parametrize("username", ["p17_ali", "p17_boss"])
def test_issue17_a_person_signs_in_as_their_own_login_and_is_their_account(
    server: Server, username: str
) -> None:
    signed = server.sign_in(f"  {username.upper()} ", pw(username))  # spaces and capitals do not matter
    try:
        assert signed.agent.id == server.ids[username]
        assert signed.agent.role == PEOPLE[username]
        assert _session_user(signed) == username
        assert make_url(signed.url).username == username  # the change feed listens as them too
        with unit_of_work(session_factory(signed.engine)) as s:
            assert on_person_server(s)
            assert my_account(s, actor_id=signed.agent.id).username == username
    finally:
        signed.engine.dispose()


def test_issue17_a_wrong_password_is_refused_by_postgresql_in_persian(scram: Server) -> None:
    for username, password in (("p17_ali", "not-his-password"), ("p17_nobody", "whatever-1")):
        with pytest.raises(SignInRefusedError) as refused:
            scram.sign_in(username, password)
        assert refused.value.message == SIGN_IN_REFUSED == "نام کاربری یا گذرواژه پذیرفته نشد."


def test_issue17_no_service_reads_password_hash_and_no_first_password_on_a_person_server(
    server: Server,
) -> None:
    """The column is not granted to a person: any read of it would raise; these all answer."""
    signed = server.sign_in("p17_boss")
    try:
        with unit_of_work(session_factory(signed.engine)) as s:
            rows = list_accounts(s, actor_id=signed.agent.id)
            assert {r.username for r in rows} >= set(PEOPLE)
            assert all(r.has_password for r in rows if r.username in PEOPLE)  # their login roles exist
            assert first_password_account(s) is None
            assert passwordless_accounts(s) == []
    finally:
        signed.engine.dispose()


def test_issue17_a_supervisor_creates_an_account_and_that_person_signs_in(
    server: Server, pg_engine: Engine
) -> None:
    boss = server.sign_in("p17_boss")
    try:
        with unit_of_work(session_factory(boss.engine)) as s:
            created = create_account(
                s,
                actor_id=boss.agent.id,
                username="p17_new",
                full_name="تازه‌وارد",
                role="agent",
                password=pw("p17_new"),
            )
        with unit_of_work(session_factory(boss.engine)) as s:  # refused in Persian, nothing made
            with pytest.raises(ValidationError) as bad:
                create_account(
                    s,
                    actor_id=boss.agent.id,
                    username="p17-x",
                    full_name="x",
                    role="agent",
                    password="pw-123456",
                )
            assert "خط تیره" in bad.value.message
    finally:
        boss.engine.dispose()
    with pg_engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT a.password_hash, pg_has_role('p17_new', 'sc_agent', 'MEMBER'), "
                "pg_has_role('p17_new', 'sc_supervisor', 'MEMBER'), r.rolpassword LIKE 'SCRAM-SHA-256$%' "
                "FROM agents AS a JOIN pg_authid AS r ON r.rolname = a.username WHERE a.username = 'p17_new'"
            )
        ).one()
        assert tuple(row) == (None, True, False, True)  # no app hash: PostgreSQL keeps a SCRAM verifier
        audit = conn.execute(
            text("SELECT agent_id, action FROM audit_log WHERE entity = 'agent' AND entity_id = :id"),
            {"id": created.entity_id},
        ).one()
        assert tuple(audit) == (server.ids["p17_boss"], "create")
        assert not conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = 'p17-x'")).first()
    new = server.sign_in("p17_new")
    try:
        assert new.agent.username == "p17_new" and new.agent.role == "agent"
    finally:
        new.engine.dispose()


def test_issue17_a_disabled_account_cannot_sign_in_and_re_enabled_it_can(server: Server) -> None:
    boss = server.sign_in("p17_boss")
    factory = session_factory(boss.engine)
    try:
        with unit_of_work(factory) as s:
            set_active(s, actor_id=boss.agent.id, agent_id=server.ids["p17_ali"], active=False)
        with pytest.raises(PermissionDeniedError) as refused:
            server.sign_in("p17_ali")
        assert refused.value.message == "این حساب غیرفعال است؛ با سرپرست تماس بگیرید."
        with unit_of_work(factory) as s, pytest.raises(ValidationError):  # the app's rules still hold
            set_active(s, actor_id=boss.agent.id, agent_id=boss.agent.id, active=False)
        with unit_of_work(factory) as s:
            set_active(s, actor_id=boss.agent.id, agent_id=server.ids["p17_ali"], active=True)
    finally:
        boss.engine.dispose()
    ali = server.sign_in("p17_ali")
    ali.engine.dispose()


def test_issue17_a_role_change_is_the_database_group_too(server: Server, pg_engine: Engine) -> None:
    boss = server.sign_in("p17_boss")
    factory = session_factory(boss.engine)
    try:
        with unit_of_work(factory) as s:
            set_role(s, actor_id=boss.agent.id, agent_id=server.ids["p17_reza"], role="agent")
        with pg_engine.connect() as conn:
            assert conn.execute(
                text(
                    "SELECT pg_has_role('p17_reza', 'sc_supervisor', 'MEMBER'), role FROM agents WHERE username = 'p17_reza'"
                )
            ).one() == (False, "agent")
        with unit_of_work(factory) as s:
            set_role(s, actor_id=boss.agent.id, agent_id=server.ids["p17_reza"], role="supervisor")
        reza = server.sign_in("p17_reza")
        assert reza.agent.role == "supervisor"
        reza.engine.dispose()
    finally:
        boss.engine.dispose()


def test_issue17_own_password_change_old_refused_new_accepted(scram: Server) -> None:
    ali = scram.sign_in("p17_ali")
    factory = session_factory(ali.engine)
    new_password = "ali-new-password-۲"  # Persian digit: normalised the same way at sign-in
    try:
        with unit_of_work(factory) as s, pytest.raises(ValidationError) as wrong:
            set_password(
                s,
                actor_id=ali.agent.id,
                agent_id=ali.agent.id,
                password=new_password,
                current_password="nope",
            )
        assert wrong.value.message == "گذرواژهٔ کنونی نادرست است."
        with unit_of_work(factory) as s:
            set_password(
                s,
                actor_id=ali.agent.id,
                agent_id=ali.agent.id,
                password=new_password,
                current_password=pw("p17_ali"),
            )
        ali.engine.dispose()  # the same engine's new connections sign in with the new password
        with unit_of_work(factory) as s:
            assert my_account(s, actor_id=ali.agent.id).username == "p17_ali"
    finally:
        ali.engine.dispose()
    with pytest.raises(SignInRefusedError):
        scram.sign_in("p17_ali")  # the old password
    again = scram.sign_in("p17_ali", "ali-new-password-2")  # Latin digit: the same password
    again.engine.dispose()
    boss = scram.sign_in("p17_boss")  # a supervisor resets it: the reset one works, not the other
    try:
        with unit_of_work(session_factory(boss.engine)) as s:
            reset_password(s, actor_id=boss.agent.id, agent_id=scram.ids["p17_ali"], password=pw("p17_ali"))
    finally:
        boss.engine.dispose()
    with pytest.raises(SignInRefusedError):
        scram.sign_in("p17_ali", new_password)
    scram.sign_in("p17_ali").engine.dispose()


def test_issue17_the_change_feed_listens_with_the_new_password_after_a_password_change(
    scram: Server, pg_engine: Engine
) -> None:
    ali = scram.sign_in("p17_ali")
    stop, heard = threading.Event(), threading.Event()
    try:
        with unit_of_work(session_factory(ali.engine)) as s:
            set_password(
                s,
                actor_id=ali.agent.id,
                agent_id=ali.agent.id,
                password="ali-listens-again-1",
                current_password=pw("p17_ali"),
            )
        # The feed's LISTEN connection is made from the sign-in URL, which holds the old password.
        thread = threading.Thread(target=listen, args=(ali.url, heard.set, stop), daemon=True)
        thread.start()
        deadline = time.monotonic() + 15
        while not heard.is_set() and time.monotonic() < deadline:
            with pg_engine.begin() as conn:
                conn.exec_driver_sql(f"NOTIFY {CHANNEL}")
            heard.wait(0.3)
        assert heard.is_set(), "LISTEN did not reconnect with the new password"
    finally:
        stop.set()
        ali.engine.dispose()
        boss = scram.sign_in("p17_boss")
        try:
            with unit_of_work(session_factory(boss.engine)) as s:
                reset_password(
                    s, actor_id=boss.agent.id, agent_id=scram.ids["p17_ali"], password=pw("p17_ali")
                )
        finally:
            boss.engine.dispose()


def test_issue17_a_schema_behind_head_names_the_it_persons_command(server: Server, pg_engine: Engine) -> None:
    """A person's role never migrates: sign-in stops and says who must run which command."""
    with pg_engine.begin() as conn:
        head = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        conn.execute(text("UPDATE alembic_version SET version_num = '0008'"))
    try:
        with pytest.raises(SchemaNotReadyError) as behind:
            server.sign_in("p17_ali")
        assert f"\n{APPLY_ROLES_COMMAND}\n" in behind.value.message  # on a line of its own
        assert APPLY_ROLES_COMMAND == "support-console admin apply-roles"
        with pg_engine.connect() as conn:  # the attempt migrated nothing
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0008"
        with pg_engine.begin() as conn:  # a schema newer than the app: install the new version
            conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
        with pytest.raises(SchemaNotReadyError) as ahead:
            server.sign_in("p17_ali")
        assert "نسخهٔ تازهٔ" in ahead.value.message
    finally:
        with pg_engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :h"), {"h": head})


def test_issue17_a_password_reaches_the_server_only_as_a_scram_verifier(
    server: Server, pg_engine: Engine
) -> None:
    """With every statement logged, the log shows the verifier and never the password typed."""
    with pg_engine.connect() as conn:
        data_dir = conn.execute(text("SHOW data_directory")).scalar_one()
        log = str(Path(data_dir).parent / "server.log")  # where scripts/pg-start.sh puts it
        try:
            start = len(conn.execute(text("SELECT pg_read_file(:p)"), {"p": log}).scalar_one())
        except DBAPIError:
            pytest.skip("the server's log is not where scripts/pg-start.sh puts it")
    with pg_engine.begin() as conn:
        conn.exec_driver_sql("ALTER ROLE p17_boss SET log_statement = 'all'")
    secret, other = "clear-secret-pw-1", "clear-secret-pw-2"
    try:
        boss = server.sign_in("p17_boss")
        try:
            with unit_of_work(session_factory(boss.engine)) as s:
                created = create_account(
                    s,
                    actor_id=boss.agent.id,
                    username="p17_logged",
                    full_name="L",
                    role="agent",
                    password=secret,
                )
            with unit_of_work(session_factory(boss.engine)) as s:
                reset_password(s, actor_id=boss.agent.id, agent_id=created.entity_id, password=other)
        finally:
            boss.engine.dispose()
    finally:
        with pg_engine.begin() as conn:
            conn.exec_driver_sql("ALTER ROLE p17_boss RESET log_statement")
    with pg_engine.connect() as conn:
        written = conn.execute(text("SELECT pg_read_file(:p)"), {"p": log}).scalar_one()[start:]
    assert "sc_create_account" in written and "SCRAM-SHA-256$" in written  # the calls were logged
    assert secret not in written and other not in written


def test_issue17_a_database_without_the_schema_is_not_migrated_by_a_person(
    server: Server, pg_engine: Engine
) -> None:
    name = "p17_empty"
    owner = pg_engine.execution_options(isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        empty = make_url(server.url).set(database=name).render_as_string(hide_password=False)
        with pytest.raises(SchemaNotReadyError) as behind:
            sign_in_as_person(empty, "p17_boss", pw("p17_boss"))
        assert APPLY_ROLES_COMMAND in behind.value.message
        check = create_engine(make_url(PG_URL).set(database=name), poolclass=NullPool)
        with check.connect() as conn:  # nothing was created in it
            tables = conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar()
        check.dispose()
        assert tables == 0
    finally:
        with owner.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


def test_issue17_a_supervisor_imports_the_offices_files_signed_in_as_their_own_role(server: Server) -> None:
    """The going-live import (customers, contacts, packages with what was used, an expired one's
    forfeit) through the policies, as the supervisor's own login; an agent's is refused."""
    from datetime import date
    from pathlib import Path

    from sqlalchemy import func, select

    from console.customers.importing import apply_import, read_tables
    from console.models import Customer, LedgerEntry, Package

    samples = Path(__file__).resolve().parents[2] / "docs" / "samples"
    tables = read_tables(sorted(samples.iterdir()))
    today = date(2026, 12, 2)
    ali = server.sign_in("p17_ali")
    try:
        with pytest.raises(PermissionDeniedError), unit_of_work(session_factory(ali.engine)) as s:
            apply_import(s, actor_id=ali.agent.id, tables=tables, today=today)
    finally:
        ali.engine.dispose()
    boss = server.sign_in("p17_boss")
    try:
        with unit_of_work(session_factory(boss.engine)) as s:
            result = apply_import(s, actor_id=boss.agent.id, tables=tables, today=today)
        assert result.applied, result.report
        with unit_of_work(session_factory(boss.engine)) as s:
            assert s.scalar(select(func.count()).select_from(Customer)) >= result.customers_created > 0
            for p in s.scalars(select(Package)):
                entries = s.scalar(
                    select(func.sum(LedgerEntry.minutes)).where(LedgerEntry.package_id == p.id)
                )
                assert entries == s.scalar(select(Package.balance).where(Package.id == p.id))
    finally:
        boss.engine.dispose()
