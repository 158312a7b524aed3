"""Supervisors' reports on a real database: response SLA by week, minutes by channel, uptime by month."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.calendar import default_weekly_hours
from console.clock import TEHRAN
from console.db import unit_of_work
from console.demo import FIXED_ANCHOR, build_demo
from console.errors import PermissionDeniedError, ValidationError
from console.models import (
    Agent,
    BusinessHours,
    Customer,
    LedgerEntry,
    Outage,
    Ticket,
    TicketMessage,
    WorkSession,
)
from console.reports import (
    availability_by_month,
    availability_table,
    compliance_table,
    export_csv,
    export_xlsx,
    minutes_by_customer_channel,
    minutes_table,
    sla_compliance,
)

# Tuesday 3 Azar 1405; its Jalali week starts on Saturday 2026-11-21, the one before on 2026-11-14.
TODAY = date(2026, 11, 24)
THIS_WEEK, LAST_WEEK, EARLIER_WEEK = date(2026, 11, 21), date(2026, 11, 14), date(2026, 11, 7)
Factory = sessionmaker[Session]


def at(day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute, second), TEHRAN)


@dataclass
class World:
    factory: Factory
    boss: int
    agent: int
    alpha: int
    beta: int


@pytest.fixture
def world(factory: Factory) -> World:
    with unit_of_work(factory) as s:
        # the default weekly hours and no holidays, so every business time below is known by hand
        for weekday, intervals in default_weekly_hours().items():
            for opens, closes in intervals:
                s.add(BusinessHours(weekday=weekday, opens_at=opens, closes_at=closes))
        boss = Agent(username="boss", full_name="سرپرست", role="supervisor")
        agent = Agent(username="ali", full_name="علی", role="agent")
        alpha = Customer(code="1", name="شرکت آلفا")
        beta = Customer(code="2", name="شرکت بتا")
        s.add_all([boss, agent, alpha, beta])
        s.flush()
        return World(factory, boss.id, agent.id, alpha.id, beta.id)


def _message(s: Session, customer_id: int, created: datetime, answered: datetime | None) -> None:
    ticket = Ticket(
        customer_id=customer_id,
        subject="خطا",
        category="technical",
        created_at=created,
        updated_at=answered or created,
        awaiting_since=None if answered else created,
    )
    s.add(ticket)
    s.flush()
    s.add(
        TicketMessage(
            ticket_id=ticket.id, kind="customer", body="سلام", created_at=created, answered_at=answered
        )
    )
    if answered is not None:
        s.add(TicketMessage(ticket_id=ticket.id, kind="agent", body="پاسخ", created_at=answered))
    s.add(TicketMessage(ticket_id=ticket.id, kind="note", body="یادداشت", created_at=created))


@pytest.fixture
def messages(world: World) -> World:
    thu, sat, sun = date(2026, 11, 19), date(2026, 11, 21), date(2026, 11, 15)
    with unit_of_work(world.factory) as s:
        c = world.alpha
        # last week: 2 h (within) and 6 h (late); one message still unanswered
        _message(s, c, at(LAST_WEEK, 9), at(LAST_WEEK, 11))
        _message(s, c, at(sun, 8), at(sun, 14))
        _message(s, c, at(sun, 16), None)
        # this week: Thursday 12:00 to Saturday 12:00 is 1 h + 4 h = exactly the 5 h target: within;
        # a second later is late
        _message(s, c, at(thu, 12), at(sat, 12))
        _message(s, c, at(thu, 12), at(sat, 12, 0, 1))
        _message(s, c, at(sat, 9), at(sat, 10, 30))  # 1.5 h
        _message(s, c, at(date(2026, 11, 23), 16), at(TODAY, 10))  # Monday 16:00 to Tuesday 10:00: 3 h
        _message(s, c, at(TODAY, 9), None)  # still waiting
        # answered before the report's first week: not counted
        _message(s, c, at(date(2026, 10, 27), 9), at(date(2026, 10, 27), 10))
    return world


def test_compliance_per_jalali_week(messages: World) -> None:
    with unit_of_work(messages.factory) as s:
        weeks = sla_compliance(s, actor_id=messages.boss, weeks=3, today=TODAY)
    assert [w.week_start for w in weeks] == [EARLIER_WEEK, LAST_WEEK, THIS_WEEK]
    assert all(w.week_end == w.week_start + timedelta(days=7) for w in weeks)
    earlier, last, this = weeks
    assert (earlier.answered, earlier.within_target, earlier.waiting) == (0, 0, 0)
    assert earlier.share_within is None and earlier.median_response is None

    assert (last.answered, last.within_target, last.waiting) == (2, 1, 1)
    assert last.share_within == 0.5
    assert last.median_response == timedelta(hours=4)  # between 2 h and 6 h

    # the answer exactly at the deadline counts as within; one second later does not
    assert (this.answered, this.within_target, this.waiting) == (4, 3, 1)
    assert this.share_within == 0.75
    # 1.5 h, 3 h, 5 h, 5 h 1 s: the median is halfway between 3 h and 5 h
    assert this.median_response == timedelta(hours=4)
    assert this.target == timedelta(hours=5)


def test_compliance_counts_business_time_only(messages: World) -> None:
    """A Thursday-noon message answered on Saturday noon took 48 clock hours but 5 business hours."""
    with unit_of_work(messages.factory) as s:
        (only,) = sla_compliance(s, actor_id=messages.boss, weeks=1, today=TODAY)
    assert only.week_start == THIS_WEEK and only.within_target == 3


def test_compliance_rejects_a_bad_number_of_weeks(messages: World) -> None:
    with unit_of_work(messages.factory) as s, pytest.raises(ValidationError):
        sla_compliance(s, actor_id=messages.boss, weeks=0, today=TODAY)


def _session(
    s: Session,
    world: World,
    customer_id: int,
    channel: str,
    started: datetime,
    minutes: int,
    *,
    billing: str = "package",
    state: str = "stopped",
    overage: int = 0,
) -> None:
    ws = WorkSession(
        agent_id=world.agent,
        customer_id=customer_id,
        channel=channel,
        billing=billing,
        state=state,
        started_at=started,
        stopped_at=started + timedelta(minutes=minutes) if state == "stopped" else None,
        heartbeat_at=started,
        billable_minutes=(0 if billing == "free" else minutes) if state == "stopped" else None,
    )
    s.add(ws)
    s.flush()
    if overage:
        s.add(
            LedgerEntry(
                customer_id=customer_id,
                session_id=ws.id,
                kind="overage",
                minutes=-overage,
                created_at=ws.stopped_at,
            )
        )


def test_minutes_per_customer_and_channel(world: World) -> None:
    day = date(2026, 11, 22)
    with unit_of_work(world.factory) as s:
        _session(s, world, world.alpha, "phone", at(day, 9), 30)
        _session(s, world, world.alpha, "phone", at(day, 10), 15, overage=10)
        _session(s, world, world.alpha, "remote", at(day, 11), 45, overage=45)
        _session(s, world, world.alpha, "ticket", at(day, 14), 20, billing="free")  # free: 0 minutes
        _session(s, world, world.beta, "ticket", at(day, 9), 12)
        _session(s, world, world.beta, "remote", at(TODAY, 23, 50), 5)  # the last day of the range
        _session(s, world, world.beta, "phone", at(day, 12), 99, state="running")  # not stopped
        _session(s, world, world.beta, "phone", at(date(2026, 11, 10), 9), 70, overage=70)  # before
        _session(s, world, world.beta, "phone", at(TODAY + timedelta(days=1), 0), 80)  # after (end excl.)
    with unit_of_work(world.factory) as s:
        rows = minutes_by_customer_channel(
            s, actor_id=world.boss, start=date(2026, 11, 14), end=TODAY + timedelta(days=1)
        )
    assert [r.customer_id for r in rows] == [world.alpha, world.beta]  # most minutes first
    alpha, beta = rows
    assert (alpha.phone, alpha.remote, alpha.ticket, alpha.total, alpha.overage) == (45, 45, 0, 90, 55)
    assert alpha.sessions == 4 and alpha.customer_name == "شرکت آلفا" and alpha.customer_code == "1"
    assert (beta.phone, beta.remote, beta.ticket, beta.total, beta.overage) == (0, 5, 12, 17, 0)
    assert beta.sessions == 2


def test_minutes_match_the_sessions_of_the_demo(factory: Factory) -> None:
    with unit_of_work(factory) as s:
        build_demo(s, FIXED_ANCHOR)
        boss = s.scalar(select(Agent.id).where(Agent.role == "supervisor"))
    assert boss is not None
    today = FIXED_ANCHOR.date()
    start, end = today - timedelta(days=40), today + timedelta(days=1)
    lo, hi = at(start, 0), at(end, 0)
    with unit_of_work(factory) as s:
        rows = minutes_by_customer_channel(s, actor_id=boss, start=start, end=end)
        stopped = (
            WorkSession.state == "stopped",
            WorkSession.started_at >= lo,
            WorkSession.started_at < hi,
        )
        expected = {
            (customer, channel): int(total)
            for customer, channel, total in s.execute(
                select(WorkSession.customer_id, WorkSession.channel, func.sum(WorkSession.billable_minutes))
                .where(*stopped)
                .group_by(WorkSession.customer_id, WorkSession.channel)
            )
        }
        overage = -int(
            s.scalar(
                select(func.coalesce(func.sum(LedgerEntry.minutes), 0))
                .join(WorkSession, WorkSession.id == LedgerEntry.session_id)
                .where(LedgerEntry.kind == "overage", *stopped)
            )
            or 0
        )
    assert rows, "the demo has a month of sessions"
    got = {(r.customer_id, ch): r.minutes(ch) for r in rows for ch in ("phone", "remote", "ticket")}
    assert {k: v for k, v in got.items() if k in expected} == expected
    assert sum(got.values()) == sum(expected.values())
    assert sum(r.overage for r in rows) == overage and overage > 0
    assert [r.total for r in rows] == sorted((r.total for r in rows), reverse=True)


def test_availability_by_month(world: World) -> None:
    # Mehr 1405 runs 2026-09-23 .. 2026-10-23: 30 days, 720 hours
    with unit_of_work(world.factory) as s:
        s.add(
            Outage(customer_id=None, started_at=at(date(2026, 10, 1), 10), ended_at=at(date(2026, 10, 1), 20))
        )
        s.add(
            Outage(
                customer_id=world.alpha,
                started_at=at(date(2026, 10, 5), 0),
                ended_at=at(date(2026, 10, 5), 15),
            )
        )
        # planned maintenance does not count by default
        s.add(
            Outage(
                customer_id=world.beta,
                started_at=at(date(2026, 10, 6), 0),
                ended_at=at(date(2026, 10, 7), 0),
                planned=True,
            )
        )
    with unit_of_work(world.factory) as s:
        months = availability_by_month(s, actor_id=world.boss, months=3, today=TODAY)
    assert [(m.year, m.month) for m in months] == [(1405, 7), (1405, 8), (1405, 9)]
    mehr, aban, azar = months
    alpha, beta = 1 - 25 / 720, 1 - 10 / 720
    assert mehr.customers == 2
    assert mehr.average == pytest.approx((alpha + beta) / 2)
    assert mehr.lowest == pytest.approx(alpha) and mehr.lowest_customer == "شرکت آلفا"
    assert mehr.below_target == 1 and mehr.target_percent == 98
    for quiet in (aban, azar):
        assert quiet.average == 1.0 and quiet.lowest == 1.0
        assert quiet.below_target == 0 and quiet.lowest_customer == ""  # nobody stands out


def test_availability_crosses_the_jalali_new_year(world: World) -> None:
    with unit_of_work(world.factory) as s:
        months = availability_by_month(s, actor_id=world.boss, months=3, today=date(2027, 4, 1))
    assert [(m.year, m.month) for m in months] == [(1405, 11), (1405, 12), (1406, 1)]


def test_an_agent_may_not_read_the_reports(messages: World) -> None:
    with unit_of_work(messages.factory) as s:
        with pytest.raises(PermissionDeniedError):
            sla_compliance(s, actor_id=messages.agent, today=TODAY)
        with pytest.raises(PermissionDeniedError):
            minutes_by_customer_channel(s, actor_id=messages.agent, start=LAST_WEEK, end=TODAY)
        with pytest.raises(PermissionDeniedError):
            availability_by_month(s, actor_id=messages.agent, today=TODAY)


def test_exports_write_persian_right_to_left_tables(messages: World, tmp_path: Path) -> None:
    with unit_of_work(messages.factory) as s:
        weeks = sla_compliance(s, actor_id=messages.boss, weeks=3, today=TODAY)
        minutes = minutes_by_customer_channel(s, actor_id=messages.boss, start=LAST_WEEK, end=TODAY)
        months = availability_by_month(s, actor_id=messages.boss, months=2, today=TODAY)
    table = compliance_table(weeks)
    assert export_csv(table, tmp_path / "sla.csv") == 3
    with (tmp_path / "sla.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == table.headers and len(rows) == 4
    assert rows[3][0] == "۱۴۰۵/۰۸/۳۰" and rows[3][2:6] == ["4", "3", "75.0", "4.0"]
    assert export_xlsx(table, tmp_path / "sla.xlsx") == 3
    sheet = load_workbook(tmp_path / "sla.xlsx").active
    assert sheet is not None and sheet.sheet_view.rightToLeft
    assert sheet.cell(4, 3).value == 4 and sheet.cell(4, 1).value == "۱۴۰۵/۰۸/۳۰"
    assert export_xlsx(minutes_table(minutes), tmp_path / "minutes.xlsx") == 0  # headers only
    assert export_csv(availability_table(months), tmp_path / "uptime.csv") == 2
    assert not list(tmp_path.glob("*.part"))
