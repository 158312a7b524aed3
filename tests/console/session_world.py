"""Shared helpers for the session timer tests: a small world of agents, customers, packages
and tickets, backdated session rows, and ledger reads.

Every test runs on a temporary SQLite file and on the real PostgreSQL server (the ``factory``
fixture). Durations are made deterministic with rows inserted with chosen (backdated) times, or an
explicit ``stop_at``: a row started ``N minutes - 30 s`` ago and stopped on the server clock bills N
minutes with a 1-minute increment (as long as the stop comes within 30 s).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from console.db import server_now, unit_of_work
from console.jalali import local_date
from console.ledger import record_purchase
from console.models import Agent, Customer, LedgerEntry, Ticket, WorkSession
from console.sessions import (
    StoppedSession,
    stop_session,
)

Factory = sessionmaker[Session]


# --------------------------------------------------------------------------------------------------
# Helpers: a small world of agents, customers, packages and tickets
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class World:
    supervisor: int
    agents: tuple[int, ...]
    customer: int
    other_customer: int
    today: date


def _world(factory: Factory, agents: int = 2) -> World:
    with unit_of_work(factory) as s:
        sup = Agent(username="sup", full_name="سرپرست", role="supervisor", active=True)
        people = [Agent(username=f"a{i}", full_name=f"کارشناس {i}", role="agent") for i in range(agents)]
        customer = Customer(code="C1", name="شرکت نمونه")
        other = Customer(code="C2", name="شرکت دیگر")
        s.add_all([sup, *people, customer, other])
        s.flush()
        return World(sup.id, tuple(a.id for a in people), customer.id, other.id, local_date(server_now(s)))


def _buy(factory: Factory, w: World, minutes: int, days_ago: int, kind: str = "support") -> int:
    with unit_of_work(factory) as s:
        package_id, _ = record_purchase(
            s,
            actor_id=w.supervisor,
            customer_id=w.customer,
            kind=kind,
            minutes=minutes,
            purchased_on=w.today - timedelta(days=days_ago),
            reference=f"P-{minutes}-{days_ago}",
            today=w.today,
        )
        return package_id


def _ticket(
    factory: Factory, customer_id: int, category: str, status: str = "open", subject: str = ""
) -> int:
    with unit_of_work(factory) as s:
        now = server_now(s)
        t = Ticket(
            customer_id=customer_id,
            subject=subject or f"درخواست {category}",
            category=category,
            status=status,
            created_at=now,
            updated_at=now,
        )
        s.add(t)
        s.flush()
        return t.id


def _backdated(
    factory: Factory,
    agent_id: int,
    customer_id: int,
    *,
    seconds_ago: float,
    channel: str = "phone",
    kind: str = "support",
    billing: str = "package",
    state: str = "running",
    paused_seconds: int = 0,
    paused_ago: float | None = None,
    heartbeat_ago: float = 0,
) -> int:
    """A running (or paused) session row started ``seconds_ago`` by the server clock."""
    with unit_of_work(factory, write_lock=True) as s:
        now = server_now(s)
        ws = WorkSession(
            agent_id=agent_id,
            customer_id=customer_id,
            channel=channel,
            kind=kind,
            billing=billing,
            state=state,
            started_at=now - timedelta(seconds=seconds_ago),
            heartbeat_at=now - timedelta(seconds=heartbeat_ago),
            paused_at=None if paused_ago is None else now - timedelta(seconds=paused_ago),
            paused_seconds=paused_seconds,
            note="",
            flagged=False,
        )
        s.add(ws)
        s.flush()
        return ws.id


def _minutes_ago(minutes: int) -> float:
    """Backdating that bills exactly ``minutes`` at a 1-minute increment when stopped within 30 s."""
    return minutes * 60 - 30


def _balance(factory: Factory, package_id: int) -> int:
    with unit_of_work(factory) as s:
        total = s.scalar(select(func.sum(LedgerEntry.minutes)).where(LedgerEntry.package_id == package_id))
        return int(total or 0)


def _ledger(factory: Factory) -> list[tuple[str, int | None, int | None, int]]:
    with unit_of_work(factory) as s:
        rows = s.execute(
            select(
                LedgerEntry.kind, LedgerEntry.package_id, LedgerEntry.session_id, LedgerEntry.minutes
            ).order_by(LedgerEntry.id)
        )
        return [(k, p, sid, m) for k, p, sid, m in rows.tuples()]


def _stop(
    factory: Factory,
    actor_id: int,
    session_id: int,
    *,
    stop_at: datetime | None = None,
    reason: str | None = None,
    day_end: datetime | None = None,
) -> StoppedSession:
    with unit_of_work(factory, write_lock=True) as s:
        return stop_session(
            s, actor_id=actor_id, session_id=session_id, stop_at=stop_at, reason=reason, day_end=day_end
        )


def _is_pg(factory: Factory) -> bool:
    with factory() as s:
        return s.get_bind().dialect.name == "postgresql"


def _backends_waiting_on_locks(factory: Factory) -> int:
    with unit_of_work(factory) as s:
        query = (
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE wait_event_type = 'Lock' AND datname = current_database()"
        )
        return int(s.execute(text(query)).scalar_one())


def _wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)
