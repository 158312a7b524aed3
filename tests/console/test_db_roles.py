"""The database itself refuses what a person's role may not do (issue 17), tried through raw psycopg.

PostgreSQL only. Each person signs in with their own login role (console.db_roles); every forbidden
action of the issue's table is sent as plain SQL, as someone with ``psql`` and their own password
would send it, and PostgreSQL must refuse it. The allowed counterparts are tried too, so a policy
that refused everything would fail here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import Engine, make_url, text
from sqlalchemy.orm import Session, sessionmaker

from console.calendar_store import add_holiday
from console.customers import create_customer
from console.customers.importing import apply_import, tables_from_bytes
from console.db import make_engine, session_factory, unit_of_work
from console.db_roles import apply_db_roles, create_account_as_owner, remove_db_policies
from console.entitlements import CATEGORIES
from console.ledger import record_purchase
from console.mail import ingest_message
from console.mail.replies import reply_by_mail
from console.models import Base
from console.sessions import start_session, stop_session
from console.tickets import add_note, create_ticket, get_queue_row, reply
from console.timesheets.decisions import approve_period
from console.uptime_credits.decisions import refresh_credits
from console.uptime_credits.outages import record_outage
from server.jobs import breach_job, forfeit_job, notice_job
from tests.conftest import PG_URL
from tests.console import mail_world

pytestmark = pytest.mark.postgres

PEOPLE = {"t_ali": "agent", "t_sara": "agent", "t_maryam": "supervisor", "t_reza": "supervisor"}
EXTRA_ROLES = ("t_new", "evil", "t_evil", "t_office")


@dataclass(frozen=True)
class World:
    ids: dict[str, int]

    def connect(self, username: str) -> psycopg.Connection[Any]:
        url = make_url(PG_URL)
        return psycopg.connect(
            host=url.host, port=url.port, dbname=url.database, user=username, password=f"pw-{username}"
        )


def _drop_test_roles(engine: Engine) -> None:
    with engine.begin() as conn:
        for name in (*PEOPLE, *EXTRA_ROLES):
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}"')


@pytest.fixture(scope="module")
def world(pg_engine: Engine) -> Iterator[World]:
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with pg_engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    _drop_test_roles(pg_engine)
    ids: dict[str, int] = {}
    with pg_engine.begin() as conn:
        apply_db_roles(conn)
        for name, role in PEOPLE.items():
            ids[name] = create_account_as_owner(conn, name, name.upper(), role, f"pw-{name}")
        conn.exec_driver_sql("CREATE ROLE t_office LOGIN PASSWORD 'pw-t_office' IN ROLE sc_server")

        def one(sql: str, **params: object) -> int:
            return int(conn.execute(text(sql), params).scalar_one())

        ids["customer"] = one("INSERT INTO customers (code, name) VALUES ('C1', 'Acme') RETURNING id")
        ids["package"] = one(
            "INSERT INTO packages (customer_id, kind, minutes, purchased_on, expires_on, reference, created_by) "
            "VALUES (:c, 'support', 600, current_date - 10, current_date + 355, '', :by) RETURNING id",
            c=ids["customer"],
            by=ids["t_maryam"],
        )
        ids["entry"] = one(
            "INSERT INTO ledger_entries (customer_id, package_id, kind, minutes, reason, created_at, created_by) "
            "VALUES (:c, :p, 'purchase', 600, '', now(), :by) RETURNING id",
            c=ids["customer"],
            p=ids["package"],
            by=ids["t_maryam"],
        )
        ids["audit"] = one(
            "INSERT INTO audit_log (at, agent_id, entity, entity_id, action) "
            "VALUES (now(), :a, 'package', :p, 'create') RETURNING id",
            a=ids["t_maryam"],
            p=ids["package"],
        )
        session_sql = (
            "INSERT INTO work_sessions (agent_id, customer_id, channel, kind, billing, state, started_at, "
            "heartbeat_at, stopped_at, paused_seconds, note, flagged) VALUES (:a, :c, 'phone', 'support', "
            "'package', CAST(:state AS text), now() - interval '1 hour', now(), "
            "CASE WHEN CAST(:state AS text) = 'stopped' THEN now() END, 0, '', false) RETURNING id"
        )
        for key, agent, state in (
            ("sara_running", "t_sara", "running"),
            ("sara_stopped", "t_sara", "stopped"),
            ("ali_stopped", "t_ali", "stopped"),
            ("maryam_stopped", "t_maryam", "stopped"),
        ):
            ids[key] = one(session_sql, a=ids[agent], c=ids["customer"], state=state)
    yield World(ids)
    with pg_engine.begin() as conn:  # leave the shared test database as the migrations made it
        remove_db_policies(conn)
    _drop_test_roles(pg_engine)


def _params(world: World, me: str) -> dict[str, object]:
    ids = world.ids
    other_agent = "t_sara" if me != "t_sara" else "t_ali"
    return {
        **ids,
        "me": ids[me],
        "me_name": me,
        "other_agent": ids[other_agent],
        "other_session": ids["sara_running"],
        "others_stop": ids["sara_stopped"],
    }


# (action, SQL, who must be refused). Supervisors may record purchases and stop another agent's
# session in the app, so those two are refused to agents only (and allowed to supervisors below).
FORBIDDEN: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "insert a purchase (package row)",
        "INSERT INTO packages (customer_id, kind, minutes, purchased_on, expires_on, reference, created_by) "
        "VALUES (%(customer)s, 'support', 6000, current_date, current_date + 365, 'free', %(me)s)",
        ("agent",),
    ),
    (
        "insert a purchase (ledger entry)",
        "INSERT INTO ledger_entries (customer_id, package_id, kind, minutes, reason, created_at, created_by) "
        "VALUES (%(customer)s, %(package)s, 'purchase', 6000, '', now(), %(me)s)",
        ("agent",),
    ),
    (
        "record an adjustment",
        "INSERT INTO ledger_entries (customer_id, package_id, kind, minutes, reason, created_at, created_by) "
        "VALUES (%(customer)s, %(package)s, 'adjustment', 600, 'gift', now(), %(me)s)",
        ("agent",),
    ),
    (
        "deduct for another agent's stop",
        "INSERT INTO ledger_entries (customer_id, package_id, session_id, kind, minutes, reason, created_at,"
        " created_by) VALUES (%(customer)s, %(package)s, %(others_stop)s, 'deduction', -5, '', now(), %(me)s)",
        ("agent",),
    ),
    (
        "a ledger entry in someone else's name",
        "INSERT INTO ledger_entries (customer_id, package_id, kind, minutes, reason, created_at, created_by) "
        "VALUES (%(customer)s, %(package)s, 'adjustment', -5, 'x', now(), %(other_agent)s)",
        ("agent", "supervisor"),
    ),
    (
        "change a balance",
        "UPDATE packages SET balance = 99999 WHERE id = %(package)s",
        ("agent", "supervisor"),
    ),
    (
        "change a ledger row",
        "UPDATE ledger_entries SET minutes = 1 WHERE id = %(entry)s",
        ("agent", "supervisor"),
    ),
    ("delete a ledger row", "DELETE FROM ledger_entries WHERE id = %(entry)s", ("agent", "supervisor")),
    ("delete an audit row", "DELETE FROM audit_log WHERE id = %(audit)s", ("agent", "supervisor")),
    (
        "change an audit row",
        "UPDATE audit_log SET action = 'x' WHERE id = %(audit)s",
        ("agent", "supervisor"),
    ),
    ("empty the audit trail", "TRUNCATE audit_log", ("agent", "supervisor")),
    (
        "approve one's own timesheet",
        "INSERT INTO timesheet_decisions (agent_id, period_start, period_end, status, reason, decided_by,"
        " decided_at) VALUES (%(me)s, DATE '2026-11-01', DATE '2026-12-01', 'approved', '', %(me)s, now())",
        ("agent", "supervisor"),
    ),
    (
        "a timesheet decision in someone else's name",
        "INSERT INTO timesheet_decisions (agent_id, period_start, period_end, status, reason, decided_by,"
        " decided_at) VALUES (%(other_agent)s, DATE '2026-11-01', DATE '2026-12-01', 'approved', '',"
        " %(t_maryam)s, now())",
        ("agent", "supervisor"),
    ),
    (
        "start a session for another agent",
        "INSERT INTO work_sessions (agent_id, customer_id, channel, kind, billing, state, started_at,"
        " heartbeat_at, paused_seconds, note, flagged) VALUES (%(other_agent)s, %(customer)s, 'phone',"
        " 'support', 'package', 'running', now(), now(), 0, '', false)",
        ("agent",),
    ),
    ("read password_hash", "SELECT password_hash FROM agents", ("agent", "supervisor")),
    (
        "read a mail password",
        "SELECT imap_password, smtp_password FROM mailbox_secrets",
        ("agent", "supervisor"),
    ),
    ("read an API token hash", "SELECT token_hash FROM api_tokens", ("agent", "supervisor")),
    ("ALTER TABLE", "ALTER TABLE tickets ADD COLUMN hacked integer", ("agent", "supervisor")),
    (
        "ALTER TABLE ... DISABLE TRIGGER",
        "ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only",
        ("agent", "supervisor"),
    ),
    ("CREATE ROLE", "CREATE ROLE evil LOGIN SUPERUSER PASSWORD 'x'", ("agent", "supervisor")),
    ("grant oneself the supervisor group", 'GRANT sc_supervisor TO "%(me_name)s"', ("agent",)),
    ("grant oneself the office server group", 'GRANT sc_server TO "%(me_name)s"', ("agent", "supervisor")),
    ("act as the supervisor group", "SET ROLE sc_supervisor", ("agent",)),
    ("act as the office server", "SET ROLE sc_server", ("agent", "supervisor")),
    (
        "edit accounts directly",
        "UPDATE agents SET role = 'supervisor' WHERE id = %(me)s",
        ("agent", "supervisor"),
    ),
    (
        "create an account (agents may not)",
        "SELECT sc_create_account('t_evil', 'x', 'supervisor', 'pw')",
        ("agent",),
    ),
    (
        "re-password the server's superuser through the account functions",
        "SELECT sc_reset_password('postgres', 'owned')",
        ("agent", "supervisor"),
    ),
    (
        "disable the superuser through the account functions",
        "SELECT sc_set_account_active('postgres', false)",
        ("agent", "supervisor"),
    ),
]

CASES = [
    pytest.param(sql, who, id=f"{who}: {action}")
    for action, sql, refused in FORBIDDEN
    for who in ("agent", "supervisor")
    if who in refused
]


@pytest.mark.parametrize(("sql", "who"), CASES)
def test_issue17_forbidden_actions_are_refused_by_postgresql(world: World, sql: str, who: str) -> None:
    me = "t_ali" if who == "agent" else "t_reza"
    statement = sql.replace('"%(me_name)s"', f'"{me}"')
    with world.connect(me) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute(statement.encode(), _params(world, me) if "%(" in statement else None)


# Runs before the supervisor's test below, which stops that same session (tests run in file order).
def test_issue17_an_agent_cannot_stop_another_agents_session(world: World, pg_engine: Engine) -> None:
    with world.connect("t_ali") as conn:
        cur = conn.execute(
            "UPDATE work_sessions SET state = 'stopped', stopped_at = now() WHERE id = %s",
            (world.ids["sara_running"],),
        )
        assert cur.rowcount == 0  # the row is invisible to the update (policy)
    with world.connect("t_ali") as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("DELETE FROM work_sessions WHERE id = %s", (world.ids["sara_running"],))
    with pg_engine.connect() as owner:
        state = owner.execute(
            text("SELECT state FROM work_sessions WHERE id = :i"), {"i": world.ids["sara_running"]}
        ).scalar_one()
    assert state == "running"


def test_issue17_an_agent_does_what_the_app_lets_them(world: World, pg_engine: Engine) -> None:
    ids = world.ids
    with world.connect("t_ali") as conn:
        ticket = conn.execute(
            "INSERT INTO tickets (customer_id, subject, category, status, created_at, updated_at, version) "
            "VALUES (%s, 'VPN', 'network', 'open', now(), now(), 1) RETURNING id",
            (ids["customer"],),
        ).fetchone()
        assert ticket is not None
        conn.execute(
            "INSERT INTO ticket_messages (ticket_id, kind, agent_id, body, created_at) "
            "VALUES (%s, 'agent', %s, 'hello', now())",
            (ticket[0], ids["t_ali"]),
        )
        session = conn.execute(
            "INSERT INTO work_sessions (agent_id, customer_id, channel, kind, billing, state, started_at,"
            " heartbeat_at, paused_seconds, note, flagged) VALUES (%s, %s, 'phone', 'support', 'package',"
            " 'running', now(), now(), 0, '', false) RETURNING id",
            (ids["t_ali"], ids["customer"]),
        ).fetchone()
        assert session is not None
        conn.execute(
            "UPDATE work_sessions SET state = 'stopped', stopped_at = now() WHERE id = %s", (session[0],)
        )
        # The deduction of one's own stop, as console.ledger.deduct sends it: locks, then inserts.
        conn.execute("SELECT id FROM packages WHERE id = %s FOR UPDATE", (ids["package"],))
        conn.execute(
            "INSERT INTO ledger_entries (customer_id, package_id, session_id, kind, minutes, reason,"
            " created_at, created_by) VALUES (%s, %s, %s, 'deduction', -30, '', now(), %s)",
            (ids["customer"], ids["package"], session[0], ids["t_ali"]),
        )
        # The audit row names whoever signed in, whatever the client claims.
        audit = conn.execute(
            "INSERT INTO audit_log (at, agent_id, entity, entity_id, action) "
            "VALUES (now(), %s, 'ticket', %s, 'create') RETURNING agent_id",
            (ids["t_maryam"], ticket[0]),
        ).fetchone()
        assert audit == (ids["t_ali"],)
        conn.commit()
    with pg_engine.connect() as owner:
        balance = owner.execute(text("SELECT balance FROM packages WHERE id = :i"), {"i": ids["package"]})
        assert balance.scalar_one() == 570  # the balance trigger ran for the agent


def test_issue17_a_supervisor_does_what_the_app_lets_them(world: World, pg_engine: Engine) -> None:
    ids = world.ids
    with world.connect("t_reza") as conn:
        package = conn.execute(
            "INSERT INTO packages (customer_id, kind, minutes, purchased_on, expires_on, reference, created_by)"
            " VALUES (%s, 'training', 120, current_date, current_date + 365, 'INV-7', %s) RETURNING id",
            (ids["customer"], ids["t_reza"]),
        ).fetchone()
        assert package is not None
        conn.execute(
            "INSERT INTO ledger_entries (customer_id, package_id, kind, minutes, reason, created_at, created_by)"
            " VALUES (%s, %s, 'purchase', 120, '', now(), %s)",
            (ids["customer"], package[0], ids["t_reza"]),
        )
        cur = conn.execute(
            "UPDATE work_sessions SET state = 'stopped', stopped_at = now() WHERE id = %s",
            (ids["sara_running"],),
        )
        assert cur.rowcount == 1  # a supervisor may stop another agent's session
        conn.execute(
            "INSERT INTO timesheet_decisions (agent_id, period_start, period_end, status, reason, decided_by,"
            " decided_at) VALUES (%s, DATE '2026-11-01', DATE '2026-12-01', 'approved', '', %s, now())",
            (ids["t_sara"], ids["t_reza"]),
        )
        conn.commit()
    with pg_engine.connect() as owner:
        balance = owner.execute(text("SELECT balance FROM packages WHERE id = :i"), {"i": package[0]})
        assert balance.scalar_one() == 120


def _role(pg_engine: Engine, name: str) -> dict[str, Any] | None:
    with pg_engine.connect() as owner:
        row = (
            owner.execute(
                text(
                    "SELECT r.rolcanlogin, r.rolsuper, r.rolcreaterole, a.rolpassword, "
                    "ARRAY(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                    "      WHERE m.member = r.oid ORDER BY 1) AS groups "
                    "FROM pg_roles r JOIN pg_authid a ON a.oid = r.oid WHERE r.rolname = :n"
                ),
                {"n": name},
            )
            .mappings()
            .one_or_none()
        )
    return None if row is None else dict(row)


def test_issue17_supervisors_manage_accounts_through_database_functions(
    world: World, pg_engine: Engine
) -> None:
    with world.connect("t_maryam") as conn:
        row = conn.execute("SELECT sc_create_account('t_new', 'New Person', 'agent', 'pw-t_new')").fetchone()
        assert row is not None
        conn.commit()
    role = _role(pg_engine, "t_new")
    assert role is not None
    assert role["rolcanlogin"] and not role["rolsuper"] and not role["rolcreaterole"]
    assert role["groups"] == ["sc_agent"]
    assert role["rolpassword"].startswith("SCRAM-SHA-256$")  # PostgreSQL checks the password (SCRAM)
    with world.connect("t_new") as conn:  # the new person signs in as themselves
        assert conn.execute("SELECT sc_current_agent_id()").fetchone() == (row[0],)

    with world.connect("t_maryam") as conn:
        conn.execute("SELECT sc_set_account_role('t_new', 'supervisor')")
        conn.execute("SELECT sc_reset_password('t_new', 'another')")
        conn.execute("SELECT sc_set_account_active('t_new', false)")
        conn.commit()
    after = _role(pg_engine, "t_new")
    assert after is not None
    assert after["groups"] == ["sc_supervisor"]
    assert not after["rolcanlogin"]
    assert after["rolpassword"] != role["rolpassword"]
    with pg_engine.connect() as owner:
        agent = owner.execute(text("SELECT role, active FROM agents WHERE username = 't_new'")).one()
    assert tuple(agent) == ("supervisor", False)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        ("SELECT sc_create_account('t_evil', 'x', 'superuser', 'pw')", errors.InvalidParameterValue),
        ("SELECT sc_create_account('pg_evil', 'x', 'agent', 'pw')", errors.InvalidParameterValue),
        ("SELECT sc_create_account('sc_server', 'x', 'agent', 'pw')", errors.InvalidParameterValue),
        ("SELECT sc_create_account('postgres', 'x', 'agent', 'pw')", errors.DuplicateObject),
        ("SELECT sc_set_account_role('t_ali', 'superuser')", errors.InvalidParameterValue),
        ("SELECT sc_set_account_role('postgres', 'agent')", errors.InsufficientPrivilege),
        ("SELECT sc_set_account_role('sc_server', 'agent')", errors.InsufficientPrivilege),
    ],
)
def test_issue17_account_functions_never_make_a_role_outside_the_apps_groups(
    world: World, pg_engine: Engine, call: str, error: type[Exception]
) -> None:
    with world.connect("t_maryam") as conn, pytest.raises(error):
        conn.execute(call.encode())
    assert _role(pg_engine, "t_evil") is None
    assert _role(pg_engine, "pg_evil") is None
    ali = _role(pg_engine, "t_ali")
    assert ali is not None and ali["groups"] == ["sc_agent"]


def test_issue17_services_run_as_the_signed_in_person(world: World, pg_engine: Engine) -> None:
    """Every service the app calls, through a connection signed in as the person's own role.

    Agents: tickets (create, note, reply, a reply by mail queued), outages, sessions
    started and stopped with their deduction. Supervisors: a purchase, customers created and imported
    (with a package partly used), a holiday,
    a timesheet decision, uptime credits refreshed. The office server (``sc_server``): a mail taken in,
    its jobs.
    """
    ids = world.ids
    url = make_url(PG_URL)
    engines: list[Engine] = []

    def factory(username: str) -> sessionmaker[Session]:
        person = url.set(username=username, password=f"pw-{username}")
        engines.append(make_engine(person.render_as_string(hide_password=False)))
        return session_factory(engines[-1])

    try:
        today = date.today()
        now = datetime.now(UTC)
        supervisor, agent, office = factory("t_maryam"), factory("t_ali"), factory("t_office")
        with unit_of_work(supervisor, write_lock=True) as s:
            record_purchase(
                s,
                actor_id=ids["t_maryam"],
                customer_id=ids["customer"],
                kind="support",
                minutes=60,
                purchased_on=today,
                reference="INV-9",
                today=today,
            )
            customer = create_customer(
                s, actor_id=ids["t_maryam"], code="C77", name="Beta", emails=["a@b.ir"]
            ).id
            add_holiday(s, actor_id=ids["t_maryam"], day=today + timedelta(days=40), name="Closed")
            imported = apply_import(
                s,
                actor_id=ids["t_maryam"],
                tables=tables_from_bytes(
                    [
                        ("customers.csv", b"code,name,contact_name,emails,phones\nC88,Gamma,Reza,r@g.ir,\n"),
                        (
                            "packages.csv",
                            b"customer_code,kind,minutes,purchased_on,minutes_left,reference\n"
                            b"C88,support,600,1405/08/01,300,IMP-1\n",
                        ),
                    ]
                ),
                today=today,
            )
            assert imported.applied, imported.report
            approve_period(
                s,
                actor_id=ids["t_maryam"],
                agent_id=ids["t_sara"],
                start=date(2026, 9, 1),
                end=date(2026, 9, 30),
            )
        with unit_of_work(agent, write_lock=True) as s:
            ticket_id, _ = create_ticket(
                s,
                actor_id=ids["t_ali"],
                customer_id=ids["customer"],
                subject="VPN",
                category=next(iter(CATEGORIES)),
                body="It is down",
            )
            add_note(s, actor_id=ids["t_ali"], ticket_id=ticket_id, body="called back")
            record_outage(
                s,
                actor_id=ids["t_ali"],
                starts_at=now - timedelta(days=1, hours=2),
                ends_at=now - timedelta(days=1),
                customer_id=customer,
                cause="power",
                planned=False,
            )
            running = start_session(
                s,
                actor_id=ids["t_ali"],
                customer_id=ids["customer"],
                channel="phone",
                kind="support",
                ticket_ids=[ticket_id],
                confirm_extra=True,
            )
        with unit_of_work(agent, write_lock=True) as s:
            version = get_queue_row(s, ticket_id).version
            reply(s, actor_id=ids["t_ali"], ticket_id=ticket_id, body="fixed", expected_version=version)
        with unit_of_work(agent, write_lock=True) as s:
            stopped = stop_session(s, actor_id=ids["t_ali"], session_id=running.id)
        assert stopped.billable_minutes is not None
        with unit_of_work(office, write_lock=True) as s:  # the mail worker takes a customer's mail
            ingested = ingest_message(s, mail_world.mail(sender="a@b.ir"), received_at=now)
        assert ingested.ticket_id is not None
        with unit_of_work(agent, write_lock=True) as s:  # an agent answers it: the mail is queued
            version = get_queue_row(s, ingested.ticket_id).version
            _, outbox_id = reply_by_mail(
                s, actor_id=ids["t_ali"], ticket_id=ingested.ticket_id, body="done", expected_version=version
            )
        assert outbox_id is not None
        with unit_of_work(supervisor, write_lock=True) as s:
            refresh_credits(s, actor_id=ids["t_maryam"], year=1405, month=8)
        with unit_of_work(office, write_lock=True) as s:
            forfeit_job(s, now)
            notice_job(s, now)
            breach_job(s, now)
        with pg_engine.connect() as owner:
            audit = owner.execute(
                text("SELECT DISTINCT a.username FROM audit_log l JOIN agents a ON a.id = l.agent_id")
            ).scalars()
            deducted = owner.execute(
                text("SELECT count(*) FROM ledger_entries WHERE session_id = :s AND created_by = :a"),
                {"s": running.id, "a": ids["t_ali"]},
            ).scalar_one()
        assert {"t_ali", "t_maryam"} <= set(audit)
        assert deducted >= 1 or stopped.billable_minutes == 0
    finally:
        for engine in engines:
            engine.dispose()
