"""Shared fixtures and helpers for the timesheet tests: a world of a supervisor, two agents, a
customer and a support package, and session rows deducted through the ledger service.

Sessions are inserted as rows with chosen times and deducted through the ledger service, as a stop
does. Periods lie a few weeks before the database server's today: approvals need a period that has
ended by the server's clock, and corrections a package still valid on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import TEHRAN
from console.db import server_now, unit_of_work
from console.jalali import local_date
from console.ledger import deduct, record_purchase
from console.models import Agent, Customer, LedgerEntry, Ticket, WorkSession
from console.timesheets import (
    approve_period,
    jalali_week,
)

Factory = sessionmaker[Session]


@dataclass(frozen=True)
class World:
    supervisor: int
    ali: int
    sara: int
    customer: int
    package: int
    today: date
    week: tuple[date, date]

    def at(self, day: int, hour: int, minute: int = 0) -> datetime:
        """A Tehran wall-clock moment on the ``day``-th day (0 = Saturday) of the world's week."""
        return datetime.combine(self.week[0] + timedelta(days=day), time(hour, minute), TEHRAN)


@pytest.fixture
def world(factory: Factory) -> World:
    with unit_of_work(factory) as s:
        today = local_date(server_now(s))
        maryam = Agent(username="maryam", full_name="مریم احمدی", role="supervisor")
        ali = Agent(username="ali", full_name="علی رضایی", role="agent")
        sara = Agent(username="sara", full_name="سارا محمدی", role="agent")
        customer = Customer(code="1001", name="شرکت نمونه")
        s.add_all([maryam, ali, sara, customer])
        s.flush()
        package, _ = record_purchase(
            s,
            actor_id=maryam.id,
            customer_id=customer.id,
            kind="support",
            minutes=600,
            purchased_on=today - timedelta(days=60),
            reference="T-1",
            today=today,
        )
        return World(
            maryam.id, ali.id, sara.id, customer.id, package, today, jalali_week(today - timedelta(days=21))
        )


def add_session(
    s: Session,
    world: World,
    start: datetime,
    minutes: int,
    *,
    agent: int | None = None,
    customer: int | None = None,
    state: str = "stopped",
    billing: str = "package",
    channel: str = "phone",
    flagged: bool = False,
    edited_reason: str | None = None,
    tickets: Sequence[int] = (),
) -> int:
    """A session row as a stop leaves it, deducted through the ledger service."""
    stopped = state == "stopped"
    stop = start + timedelta(minutes=minutes)
    ws = WorkSession(
        agent_id=agent or world.ali,
        customer_id=customer or world.customer,
        channel=channel,
        kind="support",
        billing=billing,
        state=state,
        started_at=start,
        stopped_at=stop if stopped else None,
        heartbeat_at=stop if stopped else start,
        paused_seconds=0,
        billable_minutes=(0 if billing == "free" else minutes) if stopped else None,
        note="",
        flagged=flagged,
        edited_reason=edited_reason,
    )
    ws.tickets = [s.get_one(Ticket, t) for t in tickets]
    s.add(ws)
    s.flush()
    if stopped and billing != "free":
        deduct(
            s,
            customer_id=ws.customer_id,
            kind="support",
            minutes=minutes,
            on=local_date(stop),
            at=stop,
            session_id=ws.id,
            actor_id=ws.agent_id,
        )
    return ws.id


def ledger_count(factory: Factory) -> int:
    with unit_of_work(factory) as s:
        return int(s.scalar(select(func.count()).select_from(LedgerEntry)) or 0)


def _approve(factory: Factory, world: World) -> None:
    with unit_of_work(factory, write_lock=True) as s:
        approve_period(
            s, actor_id=world.supervisor, agent_id=world.ali, start=world.week[0], end=world.week[1]
        )
