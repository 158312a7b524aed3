"""Timesheets, supervisors' decisions and corrections after approval, on SQLite and PostgreSQL.

Sessions are inserted as rows with chosen times and deducted through the ledger service, as a stop
does. Periods lie a few weeks before the database server's today: approvals need a period that has
ended by the server's clock, and corrections a package still valid on it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.audit import record_change
from console.clock import TEHRAN
from console.customers import package_balances
from console.db import server_now, unit_of_work
from console.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from console.jalali import jalali_month_length, jalali_to_gregorian, jalali_year_month, local_date
from console.ledger import deduct, record_purchase
from console.models import Agent, AuditEntry, Customer, LedgerEntry, Package, Ticket, WorkSession
from console.packages import package_expiry
from console.timesheets import (
    FLAG_CORRECTED,
    FLAG_EDITED,
    FLAG_FORGOTTEN,
    FLAG_OVERAGE,
    approve_period,
    assert_session_editable,
    correct_session,
    is_locked,
    jalali_month,
    jalali_week,
    reject_period,
    timesheet,
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
            agent_id=ws.agent_id,
        )
    return ws.id


def ledger_count(factory: Factory) -> int:
    with unit_of_work(factory) as s:
        return int(s.scalar(select(func.count()).select_from(LedgerEntry)) or 0)


# --------------------------------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------------------------------


def test_jalali_week_runs_saturday_to_friday() -> None:
    tuesday = jalali_to_gregorian(1405, 9, 3)
    assert tuesday.weekday() == 1
    saturday = jalali_to_gregorian(1405, 8, 30)
    assert jalali_week(tuesday) == (saturday, jalali_to_gregorian(1405, 9, 7))
    assert jalali_week(saturday) == (saturday, saturday + timedelta(days=7))
    friday = jalali_to_gregorian(1405, 9, 6)
    assert friday.weekday() == 4 and jalali_week(friday)[0] == saturday
    assert jalali_week(friday + timedelta(days=1))[0] == friday + timedelta(days=1)


def test_jalali_month_is_half_open() -> None:
    start, end = jalali_month(1405, 12)
    assert start == jalali_to_gregorian(1405, 12, 1)
    assert end == jalali_to_gregorian(1406, 1, 1)
    assert (end - start).days == jalali_month_length(1405, 12)


def test_bad_period_is_refused(factory: Factory, world: World) -> None:
    start, end = world.week
    with unit_of_work(factory) as s:
        with pytest.raises(ValidationError, match="پایان دوره"):
            timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=end, end=start)
        with pytest.raises(ValidationError, match="بیش از حد بلند"):
            timesheet(
                s, viewer_id=world.ali, agent_id=world.ali, start=start, end=start + timedelta(days=200)
            )
        with pytest.raises(TypeError):
            timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=world.at(0, 0), end=end)


# --------------------------------------------------------------------------------------------------
# The timesheet
# --------------------------------------------------------------------------------------------------


def test_timesheet_groups_sessions_by_tehran_day_with_packages_tickets_and_overage(
    factory: Factory, world: World
) -> None:
    with unit_of_work(factory) as s:
        ticket = Ticket(
            customer_id=world.customer,
            subject="خطای فاکتور",
            category="technical",
            created_at=world.at(0, 8),
            updated_at=world.at(0, 8),
        )
        s.add(ticket)
        s.flush()
        first = add_session(s, world, world.at(0, 9), 40, tickets=[ticket.id])
        # 23:50 Tehran is 20:20 UTC: still Saturday here, whatever day UTC says
        late = add_session(s, world, world.at(0, 23, 50), 20, channel="remote")
        # 00:10 Tehran on Sunday is 20:40 UTC on Saturday: a Sunday session
        early = add_session(s, world, world.at(1, 0, 10), 30)
        # 600 - 90 = 510 left; 600 minutes asked: 510 from the package, 90 overage
        big = add_session(s, world, world.at(2, 10), 600)
        add_session(s, world, world.at(2, 9), 15, agent=world.sara)  # someone else's
        add_session(s, world, world.at(7, 9), 15)  # the next week
    with unit_of_work(factory) as s:
        sheet = timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=world.week[0], end=world.week[1])

    assert sheet.agent_name == "علی رضایی"
    assert [d.day for d in sheet.days] == [world.week[0] + timedelta(days=n) for n in (0, 1, 2)]
    saturday, sunday, monday = sheet.days
    assert [line.id for line in saturday.sessions] == [first, late]
    assert [line.id for line in sunday.sessions] == [early]
    assert [line.id for line in monday.sessions] == [big]
    line = saturday.sessions[0]
    assert line.customer_name == "شرکت نمونه" and line.ticket_ids == (ticket.id,)
    assert line.channel == "phone" and line.billable_minutes == 40 and line.worked_seconds == 40 * 60
    assert [(c.package_id, c.package_kind, c.minutes) for c in line.charges] == [
        (world.package, "support", 40)
    ]
    assert line.flags == frozenset() and line.overage_minutes == 0 and not line.locked
    assert saturday.sessions[1].channel == "remote"
    (over,) = monday.sessions
    assert [(c.package_id, c.minutes) for c in over.charges] == [(world.package, 510)]
    assert over.overage_minutes == 90 and FLAG_OVERAGE in over.flags
    assert saturday.totals.sessions == 2 and saturday.totals.billable_minutes == 60
    assert monday.totals.package_minutes == 510 and monday.totals.overage_minutes == 90
    assert sheet.total.sessions == 4 and sheet.total.billable_minutes == 690
    assert sheet.total.package_minutes == 600 and sheet.total.overage_minutes == 90
    assert [(w.start, w.end, w.totals.sessions) for w in sheet.weeks] == [(*world.week, 4)]
    assert sheet.status == "pending" and sheet.decision is None and sheet.locked_days == frozenset()


def test_month_timesheet_totals_each_jalali_week(factory: Factory, world: World) -> None:
    start, end = jalali_month(1405, 8)
    assert start == jalali_to_gregorian(1405, 8, 1)
    with unit_of_work(factory) as s:
        for n in (0, 3, 10, 29):
            add_session(s, world, datetime.combine(start + timedelta(days=n), time(9), TEHRAN), 10)
    with unit_of_work(factory) as s:
        sheet = timesheet(s, viewer_id=world.supervisor, agent_id=world.ali, start=start, end=end)
    assert sheet.weeks[0].start == start and sheet.weeks[-1].end == end
    assert all(w.end - w.start <= timedelta(days=7) for w in sheet.weeks)
    assert [w.start.weekday() for w in sheet.weeks[1:]] == [5] * (len(sheet.weeks) - 1)  # Saturdays
    assert sum(w.totals.sessions for w in sheet.weeks) == sheet.total.sessions == 4
    assert sheet.total.billable_minutes == 40


def test_gaps_longer_than_30_minutes_between_sessions_of_a_day(factory: Factory, world: World) -> None:
    with unit_of_work(factory) as s:
        a = add_session(s, world, world.at(0, 8), 30)  # 08:00-08:30
        b = add_session(s, world, world.at(0, 9), 30)  # 30 min later: not a gap; 09:00-09:30
        c = add_session(s, world, world.at(0, 10, 1), 10)  # 31 min later: a gap
        add_session(s, world, world.at(1, 15), 10)  # the next day: no gap across days
    with unit_of_work(factory) as s:
        sheet = timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=world.week[0], end=world.week[1])
    (gap,) = sheet.days[0].gaps
    assert (gap.after_session_id, gap.before_session_id, gap.minutes) == (b, c, 31)
    assert gap.start == world.at(0, 9, 30) and gap.end == world.at(0, 10, 1)
    assert a != b and sheet.days[1].gaps == ()


def test_forgotten_timer_and_edited_time_flags(factory: Factory, world: World) -> None:
    now = world.at(3, 20)
    with unit_of_work(factory) as s:
        flagged = add_session(s, world, world.at(0, 9), 20, flagged=True)
        long_stop = add_session(s, world, world.at(0, 10), 11 * 60, billing="free")  # stopped after 11 h
        typed = add_session(s, world, world.at(1, 9), 20, edited_reason="برق رفت؛ زمان توقف دستی ثبت شد")
        recovered = add_session(s, world, world.at(1, 10), 20, edited_reason="بازیابی پس از بسته شدن برنامه")
        record_change(s, agent_id=world.ali, entity="session", entity_id=recovered, action="recover")
        record_change(s, agent_id=world.ali, entity="session", entity_id=typed, action="stop")
        normal = add_session(s, world, world.at(2, 9), 20)
        running = add_session(s, world, world.at(3, 9), 0, state="running")  # 11 h before `now`
        short = add_session(s, world, world.at(3, 18), 0, state="paused", agent=world.sara)
    with unit_of_work(factory) as s:
        sheet = timesheet(
            s, viewer_id=world.ali, agent_id=world.ali, start=world.week[0], end=world.week[1], now=now
        )
        sara = timesheet(
            s, viewer_id=world.sara, agent_id=world.sara, start=world.week[0], end=world.week[1], now=now
        )
    flags = {line.id: line.flags for line in sheet.sessions()}
    assert flags[flagged] == {FLAG_FORGOTTEN}
    assert flags[long_stop] == {FLAG_FORGOTTEN}
    assert flags[typed] == {FLAG_EDITED}
    assert flags[recovered] == {FLAG_FORGOTTEN, FLAG_EDITED}
    assert flags[normal] == frozenset()
    assert flags[running] == {FLAG_FORGOTTEN}
    (open_line,) = [line for line in sheet.sessions() if line.id == running]
    assert open_line.is_open and open_line.stopped_at is None and open_line.billable_minutes is None
    assert open_line.worked_seconds == 11 * 3600
    assert sheet.total.flagged == 5
    (paused,) = sara.sessions()
    assert paused.id == short and paused.flags == frozenset()


def test_agent_sees_only_own_timesheet(factory: Factory, world: World) -> None:
    start, end = world.week
    with unit_of_work(factory) as s:
        add_session(s, world, world.at(0, 9), 20)
    with unit_of_work(factory) as s:
        with pytest.raises(PermissionDeniedError, match="فقط کارکرد خودش"):
            timesheet(s, viewer_id=world.sara, agent_id=world.ali, start=start, end=end)
        assert (
            len(timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=start, end=end).sessions()) == 1
        )
        assert (
            len(timesheet(s, viewer_id=world.supervisor, agent_id=world.ali, start=start, end=end).sessions())
            == 1
        )
        with pytest.raises(NotFoundError):
            timesheet(s, viewer_id=world.supervisor, agent_id=9999, start=start, end=end)
        s.get_one(Agent, world.sara).active = False
        s.flush()
        with pytest.raises(PermissionDeniedError):
            timesheet(s, viewer_id=world.sara, agent_id=world.sara, start=start, end=end)


# --------------------------------------------------------------------------------------------------
# Decisions and locks
# --------------------------------------------------------------------------------------------------


def test_approved_week_locks_its_sessions(factory: Factory, world: World) -> None:
    start, end = world.week
    with unit_of_work(factory) as s:
        inside = add_session(s, world, world.at(6, 23, 30), 60)  # Friday night, runs past midnight
        after = add_session(s, world, world.at(7, 9), 10)  # Saturday of the next week
    with unit_of_work(factory, write_lock=True) as s:
        change = approve_period(s, actor_id=world.supervisor, agent_id=world.ali, start=start, end=end)
    assert change.entity == "timesheet" and change.action == "approve"
    with unit_of_work(factory) as s:
        assert is_locked(s, world.ali, world.at(0, 0))
        assert is_locked(s, world.ali, world.at(6, 23, 59))
        assert not is_locked(s, world.ali, world.at(7, 0))
        assert not is_locked(s, world.sara, world.at(3, 12))  # another agent's timesheet
        with pytest.raises(ConflictError, match="تأیید شده است"):
            assert_session_editable(s, inside)
        assert_session_editable(s, after)
        with pytest.raises(NotFoundError):
            assert_session_editable(s, 9999)
        sheet = timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=start, end=end)
        audit = s.scalars(select(AuditEntry).where(AuditEntry.id == change.id)).one()
    assert sheet.status == "approved" and sheet.fully_locked
    assert sheet.decision is not None and sheet.decision.decided_by_name == "مریم احمدی"
    assert (sheet.decision.period_start, sheet.decision.period_end) == (start, end)
    assert all(line.locked for line in sheet.sessions())
    assert audit.agent_id == world.supervisor and '"status": "approved"' in (audit.after or "")


def test_approving_needs_a_supervisor_an_ended_period_and_no_open_session(
    factory: Factory, world: World
) -> None:
    start, end = world.week
    with unit_of_work(factory) as s, pytest.raises(PermissionDeniedError):
        approve_period(s, actor_id=world.ali, agent_id=world.ali, start=start, end=end)
    this_week = jalali_week(world.today)
    with unit_of_work(factory) as s, pytest.raises(ValidationError, match="هنوز تمام نشده"):
        approve_period(s, actor_id=world.supervisor, agent_id=world.ali, start=this_week[0], end=this_week[1])
    with unit_of_work(factory) as s:
        add_session(s, world, world.at(2, 9), 0, state="running")
    with unit_of_work(factory) as s, pytest.raises(ConflictError, match="هنوز باز"):
        approve_period(s, actor_id=world.supervisor, agent_id=world.ali, start=start, end=end)
    with unit_of_work(factory) as s:
        approve_period(s, actor_id=world.supervisor, agent_id=world.sara, start=start, end=end)
    with unit_of_work(factory) as s, pytest.raises(ConflictError, match="پیش‌تر تأیید"):
        approve_period(s, actor_id=world.supervisor, agent_id=world.sara, start=start, end=end)
    with unit_of_work(factory) as s:
        assert (
            s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "timesheet"))
            == 1
        )


def test_reject_needs_reason(factory: Factory, world: World) -> None:
    start, end = world.week
    for blank in ("", "   "):
        with unit_of_work(factory) as s, pytest.raises(ValidationError, match="دلیل لازم"):
            reject_period(
                s, actor_id=world.supervisor, agent_id=world.ali, start=start, end=end, reason=blank
            )
    with unit_of_work(factory) as s, pytest.raises(PermissionDeniedError):
        reject_period(s, actor_id=world.ali, agent_id=world.ali, start=start, end=end, reason="کم است")
    with unit_of_work(factory) as s:
        reject_period(
            s,
            actor_id=world.supervisor,
            agent_id=world.ali,
            start=start,
            end=end,
            reason="  جلسهٔ دوشنبه ثبت نشده  ",
        )
    with unit_of_work(factory) as s:
        sheet = timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=start, end=end)
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "timesheet")))
    assert sheet.status == "rejected" and sheet.decision is not None
    assert sheet.decision.reason == "جلسهٔ دوشنبه ثبت نشده"
    assert sheet.locked_days == frozenset() and actions == ["reject"]


def test_latest_decision_wins_a_rejection_reopens_an_approved_week(factory: Factory, world: World) -> None:
    start, end = world.week
    with unit_of_work(factory) as s:
        approve_period(s, actor_id=world.supervisor, agent_id=world.ali, start=start, end=end)
    with unit_of_work(factory) as s:
        reject_period(
            s, actor_id=world.supervisor, agent_id=world.ali, start=start, end=end, reason="بازبینی دوباره"
        )
    with unit_of_work(factory) as s:
        assert not is_locked(s, world.ali, world.at(2, 12))
        assert (
            timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=start, end=end).status == "rejected"
        )
        approve_period(s, actor_id=world.supervisor, agent_id=world.ali, start=start, end=end)
    with unit_of_work(factory) as s:
        assert is_locked(s, world.ali, world.at(2, 12))


def test_month_approval_shows_on_the_week_view_and_locks_every_day(factory: Factory, world: World) -> None:
    # a month that ended at least a week ago
    last_month_end = world.today - timedelta(days=40)
    month = jalali_month(*jalali_year_month(last_month_end))
    with unit_of_work(factory) as s:
        approve_period(s, actor_id=world.supervisor, agent_id=world.ali, start=month[0], end=month[1])
    week = jalali_week(month[0] + timedelta(days=10))
    with unit_of_work(factory) as s:
        sheet = timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=week[0], end=week[1])
        assert is_locked(s, world.ali, datetime.combine(month[1] - timedelta(days=1), time(23, 59), TEHRAN))
        assert not is_locked(s, world.ali, datetime.combine(month[1], time(0), TEHRAN))
    assert sheet.status == "approved" and sheet.fully_locked
    assert sheet.decision is not None and (sheet.decision.period_start, sheet.decision.period_end) == month


# --------------------------------------------------------------------------------------------------
# Corrections
# --------------------------------------------------------------------------------------------------


def _approve(factory: Factory, world: World) -> None:
    with unit_of_work(factory, write_lock=True) as s:
        approve_period(
            s, actor_id=world.supervisor, agent_id=world.ali, start=world.week[0], end=world.week[1]
        )


def test_correction_in_approved_period_is_a_compensating_ledger_entry(factory: Factory, world: World) -> None:
    with unit_of_work(factory) as s:
        sid = add_session(s, world, world.at(1, 9), 40)
    _approve(factory, world)
    with unit_of_work(factory, write_lock=True) as s:
        result = correct_session(
            s, actor_id=world.supervisor, session_id=sid, minutes_delta=15, reason="تماس دوم ثبت نشده بود"
        )
    (entry,) = result.entries
    assert (entry.package_id, entry.minutes_delta, entry.created_by_name) == (world.package, 15, "مریم احمدی")
    assert result.change.entity == "ledger" and result.change.action == "correct_session"
    with unit_of_work(factory) as s:
        ws = s.get_one(WorkSession, sid)
        assert (ws.billable_minutes, ws.stopped_at) == (40, world.at(1, 9, 40))  # the session is unchanged
        row = s.get_one(LedgerEntry, entry.id)
        assert (row.kind, row.package_id, row.session_id, row.minutes) == (
            "correction",
            world.package,
            sid,
            -15,
        )
        assert row.reason == "تماس دوم ثبت نشده بود" and row.created_by == world.supervisor
        assert package_balances(s)[world.package] == 600 - 40 - 15
        sheet = timesheet(s, viewer_id=world.ali, agent_id=world.ali, start=world.week[0], end=world.week[1])
    (line,) = sheet.sessions()
    assert line.billable_minutes == 40 and line.correction_minutes == 15 and line.package_minutes == 55
    assert FLAG_CORRECTED in line.flags
    assert [(c.id, c.session_id, c.minutes_delta) for c in sheet.corrections] == [(entry.id, sid, 15)]
    assert sheet.total.correction_minutes == 15 and sheet.total.package_minutes == 55


def test_correction_gives_minutes_back_last_charged_first_never_more_than_taken(
    factory: Factory, world: World
) -> None:
    with unit_of_work(factory) as s:
        later, _ = record_purchase(
            s,
            actor_id=world.supervisor,
            customer_id=world.customer,
            kind="support",
            minutes=300,
            purchased_on=world.today - timedelta(days=30),
            reference="T-2",
            today=world.today,
        )
        add_session(s, world, world.at(0, 9), 580)  # leaves 20 on the first package
        sid = add_session(s, world, world.at(1, 9), 50)  # 20 from the first, 30 from the later one
    _approve(factory, world)
    with unit_of_work(factory) as s:
        before = package_balances(s)
        (line,) = [
            x
            for x in timesheet(
                s, viewer_id=world.supervisor, agent_id=world.ali, start=world.week[0], end=world.week[1]
            ).sessions()
            if x.id == sid
        ]
    assert [(c.package_id, c.minutes) for c in line.charges] == [(world.package, 20), (later, 30)]
    count = ledger_count(factory)
    with unit_of_work(factory) as s, pytest.raises(ValidationError, match="حداکثر ۵۰"):
        correct_session(s, actor_id=world.supervisor, session_id=sid, minutes_delta=-51, reason="اشتباه")
    assert ledger_count(factory) == count
    with unit_of_work(factory) as s:
        result = correct_session(
            s, actor_id=world.supervisor, session_id=sid, minutes_delta=-40, reason="نیمی از تماس قطع بود"
        )
    assert [(e.package_id, e.minutes_delta) for e in result.entries] == [(later, -30), (world.package, -10)]
    with unit_of_work(factory) as s:
        after = package_balances(s)
        assert after[later] == before[later] + 30 and after[world.package] == before[world.package] + 10
        with pytest.raises(ValidationError, match="حداکثر ۱۰"):
            correct_session(s, actor_id=world.supervisor, session_id=sid, minutes_delta=-11, reason="باز هم")


def test_correction_beyond_the_package_balance_is_refused(factory: Factory, world: World) -> None:
    with unit_of_work(factory) as s:
        sid = add_session(s, world, world.at(1, 9), 590)  # 10 left
    _approve(factory, world)
    count = ledger_count(factory)
    with unit_of_work(factory) as s, pytest.raises(ValidationError, match="کافی نیست"):
        correct_session(
            s, actor_id=world.supervisor, session_id=sid, minutes_delta=11, reason="دیرتر تمام شد"
        )
    assert ledger_count(factory) == count
    with unit_of_work(factory) as s:
        correct_session(
            s, actor_id=world.supervisor, session_id=sid, minutes_delta=10, reason="دیرتر تمام شد"
        )
        assert package_balances(s)[world.package] == 0


def test_correction_is_refused_where_it_does_not_apply(factory: Factory, world: World) -> None:
    with unit_of_work(factory) as s:
        unapproved = add_session(s, world, world.at(7, 9), 10)  # the next week: not approved
        free = add_session(s, world, world.at(0, 9), 10, billing="free")
        paid = add_session(s, world, world.at(0, 10), 590)  # empties the package
        overage = add_session(s, world, world.at(1, 9), 30, billing="extra")  # all overage now
        running = add_session(s, world, world.at(2, 9), 0, state="running", agent=world.sara)
    _approve(factory, world)
    count = ledger_count(factory)
    cases: list[tuple[int, int, str, type[Exception], str]] = [
        (unapproved, 5, "دلیل", ConflictError, "دورهٔ تأییدشده نیست"),
        (free, 5, "دلیل", ValidationError, "رایگان"),
        (overage, -5, "دلیل", ValidationError, "ساعات مازاد"),
        (running, 5, "دلیل", ConflictError, "هنوز باز"),
        (paid, 0, "دلیل", ValidationError, "غیر صفر"),
        (paid, 24 * 60 + 1, "دلیل", ValidationError, "بیش از یک روز"),
        (paid, -5, "  ", ValidationError, "دلیل لازم"),
        (9999, -5, "دلیل", NotFoundError, "پیدا نشد"),
    ]
    for sid, delta, reason, error, message in cases:
        with unit_of_work(factory) as s, pytest.raises(error, match=message):
            correct_session(s, actor_id=world.supervisor, session_id=sid, minutes_delta=delta, reason=reason)
    with unit_of_work(factory) as s, pytest.raises(PermissionDeniedError):
        correct_session(s, actor_id=world.ali, session_id=paid, minutes_delta=-5, reason="دلیل")
    assert ledger_count(factory) == count


def test_correction_against_an_expired_package_is_refused(factory: Factory, world: World) -> None:
    # bought a year before a day in the world's week: valid for the session, expired by today
    bought = world.week[0] - timedelta(days=364)
    with unit_of_work(factory) as s:
        other = Customer(code="1002", name="شرکت قدیمی")
        s.add(other)
        s.flush()
        old, _ = record_purchase(
            s,
            actor_id=world.supervisor,
            customer_id=other.id,
            kind="support",
            minutes=100,
            purchased_on=bought,
            reference="OLD",
            today=world.today,
        )
        expiry = s.get_one(Package, old).expires_on
        assert expiry == package_expiry(bought) and world.at(0, 0).date() < expiry <= world.today
        sid = add_session(s, world, world.at(0, 9), 30, customer=other.id)
    _approve(factory, world)
    with unit_of_work(factory) as s, pytest.raises(ValidationError, match="منقضی"):
        correct_session(s, actor_id=world.supervisor, session_id=sid, minutes_delta=-5, reason="دلیل")


def test_concurrent_corrections_never_give_back_more_than_the_session_took(
    factory: Factory, world: World
) -> None:
    with unit_of_work(factory) as s:
        sid = add_session(s, world, world.at(1, 9), 30)
    _approve(factory, world)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def refund() -> None:
        barrier.wait(timeout=10)
        try:
            with unit_of_work(factory, write_lock=True) as s:
                correct_session(
                    s, actor_id=world.supervisor, session_id=sid, minutes_delta=-20, reason="هم‌زمان"
                )
        except ValidationError:
            outcomes.append("refused")
        else:
            outcomes.append("recorded")

    threads = [threading.Thread(target=refund) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes) == ["recorded", "refused"]
    with unit_of_work(factory) as s:
        net = s.scalar(select(func.sum(LedgerEntry.minutes)).where(LedgerEntry.session_id == sid))
        assert net == -30 + 20
        assert package_balances(s)[world.package] == 600 - 10
